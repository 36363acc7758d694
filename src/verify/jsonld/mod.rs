//! Offline JSON-LD: the bundled contexts (JSON-LD 1.1 <https://www.w3.org/TR/json-ld11/> with bundled contexts) and RDF Dataset Canonicalization
//! (RDFC-1.0, <https://www.w3.org/TR/rdf-canon/>) to canonical N-Quads, as the
//! `eddsa-rdfc-2022` and `Ed25519Signature2020` cryptosuites need (VC Data Integrity <https://www.w3.org/TR/vc-data-integrity/>, EdDSA cryptosuites <https://www.w3.org/TR/vc-di-eddsa/>,
//! <https://www.w3.org/TR/vc-di-eddsa/>).
//!
//! - **Offline only.** Every context a credential names must be one of [`BUNDLED`]; any
//!   other URL is [`JsonLdError::ContextNotBundled`] ("could not check"), and nothing is
//!   ever fetched. The files in `contexts/` are byte-exact copies with pinned SHA-256s
//!   (`contexts/README.md`); never "fix" one, the canonical form depends on them.
//! - **Historical variants** (real-world quirks (tests/fixtures/README.md)): the 3.0.3 URL serves the spec-repo copy by
//!   default and the validator-bundled copy (two extra terms) under
//!   [`ContextVariant::Alternate`]; the OB 3.0 `context.json` URL serves 3.0.0 by default and
//!   the pre-2022-11-07 beta content under `Alternate`. A verifier tries the alternate only
//!   when a proof fails with the default ([`ContextVariant::applies_to`]).
//! - **Safe mode.** JSON-LD silently drops undefined terms and keeps relative `@type`s; a
//!   signature over such a document signs less than it shows. As jsonld.js safe mode does,
//!   such a document is rejected ([`JsonLdError::UndefinedTerm`]): we expand with a trap
//!   `@vocab` placed before the document's own contexts, and any IRI under the trap is a
//!   term no context defines (real-world quirks (tests/fixtures/README.md), DCC `safeModeBreaker.json`). Likewise a trap
//!   base IRI catches relative IRIs, which JSON-LD would drop ([`JsonLdError::RelativeIri`]).
//! - **Bounded.** The RDFC-1.0 worst case is exponential in blank nodes (dataset poisoning,
//!   <https://www.w3.org/TR/rdf-canon/#dataset-poisoning>): documents over
//!   [`MAX_QUADS`] quads, or whose canonicalisation needs more than
//!   [`MAX_RDFC_PERMUTATIONS`] permutations, are refused ("could not check").
//! - **Interoperable RDFC-1.0.** [`crate::verify::rdfc10`] follows rdf-canonize / pyld where
//!   the spec text is loose (see its docs); the W3C, 1EdTech and DCC vectors pin it.
//!
//! Speed: bundled context bytes are static, so the only per-document work is the JSON-LD
//! expansion, the canonicalisation and the N-Quads serialisation (see `benches/verify.rs`).
//!
//! Layout: [`loader`] (the bundled contexts, the only document loader), [`safe_mode`] (the
//! undefined-term and relative-IRI traps), this module (expansion to quads, JSON-LD 1.1
//! <https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm>) and
//! [`crate::verify::rdfc10`] (the canonicalisation).

pub mod loader;
pub mod safe_mode;

use std::sync::{Arc, Mutex};

use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdf::Quad;
use serde_json::{Map, Value};

pub use super::rdfc10::MAX_RDFC_PERMUTATIONS;
use super::rdfc10::Rdfc10Error;
pub use loader::{
    BUNDLED, BundledContext, ContextVariant, OB_V3P0_CONTEXT_3_0_0, OB_V3P0_CONTEXT_3_0_3,
    bundled_context,
};
use loader::{context_cache, lookup};
use safe_mode::{TRAP_BASE, check_trap, trapped_json};

/// Most RDF quads one document may expand to (real credentials have well under 1,000).
pub const MAX_QUADS: usize = 20_000;

/// Why a document could not be canonicalised.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonLdError {
    /// A context is not bundled: could not check (never fetched).
    #[error("could not check: context {0} not bundled")]
    ContextNotBundled(String),
    /// A term or type no context defines (JSON-LD safe mode): invalid.
    #[error("undefined JSON-LD term or relative type \"{0}\" (not defined by any context)")]
    UndefinedTerm(String),
    /// An IRI is relative where JSON-LD needs an absolute one (it would be dropped): invalid.
    #[error("relative IRI \"{0}\" where an absolute IRI is required (JSON-LD safe mode)")]
    RelativeIri(String),
    /// The document is not valid JSON-LD: invalid.
    #[error("invalid JSON-LD: {0}")]
    Syntax(String),
    /// A limit was hit (see [`MAX_QUADS`], [`MAX_RDFC_PERMUTATIONS`]).
    #[error("could not check: {0}")]
    Limit(String),
}

impl JsonLdError {
    /// True when the error means "could not check" rather than "invalid".
    pub fn is_could_not_check(&self) -> bool {
        matches!(
            self,
            JsonLdError::ContextNotBundled(_) | JsonLdError::Limit(_)
        )
    }
}

/// [`JsonLdError::Syntax`] for a document that is not a JSON object.
const NOT_AN_OBJECT: &str = "the document is not a JSON object";

fn too_many_quads_text() -> String {
    format!("the document expands to more than {MAX_QUADS} RDF quads (limit MAX_QUADS)")
}

impl crate::localize::Localize for JsonLdError {
    fn message(&self) -> crate::localize::Message {
        use crate::localize::msg;
        // The detail of Syntax / Limit: this module's and rdfc10's own sentences by id; the
        // JSON-LD parser's words as given.
        let detail = |s: &str| {
            if s == NOT_AN_OBJECT {
                msg!("err-jsonld-not-object")
            } else if s == too_many_quads_text() {
                msg!("err-jsonld-too-many-quads", max = MAX_QUADS)
            } else {
                super::rdfc10::sentence(s)
            }
        };
        match self {
            JsonLdError::ContextNotBundled(url) => {
                msg!("err-jsonld-context-not-bundled", url = url)
            }
            JsonLdError::UndefinedTerm(t) => msg!("err-jsonld-undefined-term", term = t),
            JsonLdError::RelativeIri(i) => msg!("err-jsonld-relative-iri", iri = i),
            JsonLdError::Syntax(s) => msg!("err-jsonld-invalid", detail = detail(s)),
            JsonLdError::Limit(s) => msg!("err-jsonld-limit", detail = detail(s)),
        }
    }
}

impl From<Rdfc10Error> for JsonLdError {
    fn from(e: Rdfc10Error) -> Self {
        match e {
            Rdfc10Error::Limit(m) => JsonLdError::Limit(m),
            Rdfc10Error::Unsupported(m) => JsonLdError::Syntax(m),
        }
    }
}

/// Expand `doc` to RDF quads with only bundled contexts, rejecting undefined terms.
/// Quads may repeat (JSON-LD allows repeated values); [`rdfc10`] removes repeats.
pub fn to_quads(doc: &Value, variant: ContextVariant) -> Result<Vec<Quad>, JsonLdError> {
    let Value::Object(map) = doc else {
        return Err(JsonLdError::Syntax(NOT_AN_OBJECT.into()));
    };
    object_to_quads(map, &[], None, variant)
}

/// [`to_quads`] of a JSON object without its `skip` keys and, when given, with `context`
/// as its `@context`.
pub fn object_to_quads(
    map: &Map<String, Value>,
    skip: &[&str],
    context: Option<&Value>,
    variant: ContextVariant,
) -> Result<Vec<Quad>, JsonLdError> {
    let json = trapped_json(map, skip, context)?;
    let missing: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let missing_cb = Arc::clone(&missing);
    let parser = JsonLdParser::new()
        .with_base_iri(TRAP_BASE)
        .map_err(|e| JsonLdError::Syntax(e.to_string()))?
        .with_context_cache(context_cache(variant))
        .for_slice(&json)
        .with_load_document_callback(move |url, _opts| match lookup(url, variant) {
            Some(bytes) => Ok(JsonLdRemoteDocument {
                document: bytes.to_vec(),
                document_url: url.to_owned(),
            }),
            None => {
                if let Ok(mut m) = missing_cb.lock() {
                    m.get_or_insert_with(|| url.to_owned());
                }
                Err("context not bundled (offline)".into())
            }
        });
    let mut quads = Vec::with_capacity(64);
    for quad in parser {
        let quad = match quad {
            Ok(q) => q,
            Err(e) => {
                if let Ok(m) = missing.lock()
                    && let Some(url) = m.as_ref()
                {
                    return Err(JsonLdError::ContextNotBundled(url.clone()));
                }
                return Err(JsonLdError::Syntax(one_line(&e.to_string())));
            }
        };
        if quads.len() >= MAX_QUADS {
            return Err(JsonLdError::Limit(too_many_quads_text()));
        }
        check_trap(quad.as_ref())?;
        quads.push(quad);
    }
    Ok(quads)
}

/// Canonical N-Quads of a JSON object without its `skip` keys and, when given, with
/// `context` as its `@context` (the cryptosuites' "document without proof" and "proof
/// configuration", without copying the document).
pub fn canonicalize_object(
    map: &Map<String, Value>,
    skip: &[&str],
    context: Option<&Value>,
    variant: ContextVariant,
) -> Result<String, JsonLdError> {
    rdfc10(&object_to_quads(map, skip, context, variant)?)
}

fn one_line(s: &str) -> String {
    let first = s.lines().next().unwrap_or_default();
    let mut out: String = first.chars().take(300).collect();
    if out.len() < first.len() {
        out.push('…');
    }
    out.to_lowercase_first()
}

trait LowerFirst {
    fn to_lowercase_first(self) -> String;
}
impl LowerFirst for String {
    fn to_lowercase_first(self) -> String {
        let mut c = self.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => self,
        }
    }
}

/// Canonical N-Quads (RDFC-1.0, SHA-256) of `doc`, with only bundled contexts.
///
/// Every line ends with `\n`; lines are sorted by code point, as the cryptosuites hash them.
pub fn canonicalize(doc: &Value, variant: ContextVariant) -> Result<String, JsonLdError> {
    rdfc10(&to_quads(doc, variant)?)
}

/// RDFC-1.0 canonical N-Quads of `input` ([`crate::verify::rdfc10::rdfc10`]).
pub fn rdfc10(input: &[Quad]) -> Result<String, JsonLdError> {
    Ok(super::rdfc10::rdfc10(input)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};
    use crate::localize::Localize;

    /// Every JSON-LD and RDFC error is a catalog message (English: its `Display`), and the
    /// sentences this crate writes inside one are translated too; the JSON-LD parser's own
    /// words stay as given.
    #[test]
    fn json_ld_errors_are_catalog_messages() {
        let es = Catalog::get(Lang::Es);
        let own = [
            JsonLdError::ContextNotBundled("https://example.org/c.json".into()),
            JsonLdError::UndefinedTerm("notATerm".into()),
            JsonLdError::RelativeIri("relative-thing".into()),
            JsonLdError::Syntax(NOT_AN_OBJECT.into()),
            JsonLdError::Limit(too_many_quads_text()),
            JsonLdError::from(Rdfc10Error::Limit(
                super::super::rdfc10::permutations_limit_text(),
            )),
            JsonLdError::from(Rdfc10Error::Unsupported(
                super::super::rdfc10::TRIPLE_TERM_TEXT.into(),
            )),
        ];
        for e in &own {
            crate::localize::assert_catalog_message(e);
            let spanish = e.localize(es);
            // The inner sentence is translated too (nothing after the colon stays English).
            if let Some((_, inner)) = e.to_string().split_once(": ") {
                assert!(!spanish.contains(inner), "{spanish}");
            }
        }
        assert_eq!(
            JsonLdError::Limit(too_many_quads_text()).localize(es),
            "no se pudo comprobar: el documento se expande a más de 20000 quads RDF (límite MAX_QUADS)"
        );
        // The parser's words are data: shown as given inside the translated sentence.
        let parser = JsonLdError::Syntax("invalid @id value".into());
        assert_eq!(parser.localize(es), "JSON-LD no válido: invalid @id value");
        for e in [
            Rdfc10Error::Limit(super::super::rdfc10::permutations_limit_text()),
            Rdfc10Error::Unsupported(super::super::rdfc10::TRIPLE_TERM_TEXT.into()),
        ] {
            crate::localize::assert_catalog_message(&e);
        }
    }
}
