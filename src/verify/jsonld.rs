//! Offline JSON-LD: the bundled contexts (STANDARDS §4) and RDF Dataset Canonicalization
//! (RDFC-1.0, <https://www.w3.org/TR/rdf-canon/>) to canonical N-Quads, as the
//! `eddsa-rdfc-2022` and `Ed25519Signature2020` cryptosuites need (STANDARDS §3.3,
//! <https://www.w3.org/TR/vc-di-eddsa/>).
//!
//! - **Offline only.** Every context a credential names must be one of [`BUNDLED`]; any
//!   other URL is [`JsonLdError::ContextNotBundled`] ("could not check"), and nothing is
//!   ever fetched. The files in `contexts/` are byte-exact copies with pinned SHA-256s
//!   (`contexts/README.md`); never "fix" one, the canonical form depends on them.
//! - **Historical variants** (STANDARDS §6.4): the 3.0.3 URL serves the spec-repo copy by
//!   default and the validator-bundled copy (two extra terms) under
//!   [`ContextVariant::Alternate`]; the OB 3.0 `context.json` URL serves 3.0.0 by default and
//!   the pre-2022-11-07 beta content under `Alternate`. A verifier tries the alternate only
//!   when a proof fails with the default ([`ContextVariant::applies_to`]).
//! - **Safe mode.** JSON-LD silently drops undefined terms and keeps relative `@type`s; a
//!   signature over such a document signs less than it shows. As jsonld.js safe mode does,
//!   such a document is rejected ([`JsonLdError::UndefinedTerm`]): we expand with a trap
//!   `@vocab` placed before the document's own contexts, and any IRI under the trap is a
//!   term no context defines (STANDARDS §6.3, DCC `safeModeBreaker.json`). Likewise a trap
//!   base IRI catches relative IRIs, which JSON-LD would drop ([`JsonLdError::RelativeIri`]).
//! - **Bounded.** The RDFC-1.0 worst case is exponential in blank nodes (dataset poisoning,
//!   <https://www.w3.org/TR/rdf-canon/#dataset-poisoning>): documents over
//!   [`MAX_QUADS`] quads, or whose canonicalisation needs more than
//!   [`MAX_RDFC_PERMUTATIONS`] permutations, are refused ("could not check").
//! - **Interoperable RDFC-1.0.** [`rdfc10`] is implemented here, following rdf-canonize /
//!   pyld where the spec text is loose (see its docs); the W3C, 1EdTech and DCC vectors pin it.
//!
//! Speed: bundled context bytes are static, so the only per-document work is the JSON-LD
//! expansion, the canonicalisation and the N-Quads serialisation (see `benches/verify.rs`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, OnceLock};

use oxjsonld::{JsonLdContextCache, JsonLdParser, JsonLdRemoteDocument};
use oxrdf::{GraphNameRef, LiteralRef, NamedOrBlankNodeRef, Quad, QuadRef, TermRef};
use serde_json::{Map, Value};

/// Most RDF quads one document may expand to (real credentials have well under 1,000).
pub const MAX_QUADS: usize = 20_000;

/// Prefix of the trap `@vocab`: an expanded IRI under it is a term no context defines.
const TRAP_VOCAB: &str = "urn:x-backpack:undefined-term:";
/// A trap base IRI: relative IRIs (which JSON-LD would silently drop, as there is no base)
/// resolve under it, and an expanded IRI under it is refused as in JSON-LD safe mode.
const TRAP_BASE: &str = "https://relative-iri.backpack.invalid/";
/// The trap context, named by a URL so that the whole `@context` stays URL-only and its
/// processing is cached (see [`context_cache`]).
const TRAP_CONTEXT_URL: &str = "urn:x-backpack:context:undefined-term-trap";
const TRAP_CONTEXT: &[u8] = br#"{"@context":{"@vocab":"urn:x-backpack:undefined-term:"}}"#;

/// Processed contexts kept for the life of the process, one cache per [`ContextVariant`]
/// (a URL must always load the same content within one cache). Bounded by the patched
/// oxjsonld (`vendor/oxjsonld/PATCH.md`); only contexts reached through bundled URLs and
/// their scoped contexts are stored, never a document's inline contexts.
fn context_cache(variant: ContextVariant) -> Arc<JsonLdContextCache> {
    static CACHES: OnceLock<[Arc<JsonLdContextCache>; 2]> = OnceLock::new();
    let caches = CACHES.get_or_init(|| {
        [
            Arc::new(JsonLdContextCache::new(1024)),
            Arc::new(JsonLdContextCache::new(1024)),
        ]
    });
    match variant {
        ContextVariant::Default => Arc::clone(&caches[0]),
        ContextVariant::Alternate => Arc::clone(&caches[1]),
    }
}

/// One bundled JSON-LD context.
#[derive(Debug, Clone, Copy)]
pub struct BundledContext {
    /// The URL a document names in `@context`.
    pub url: &'static str,
    /// The file in `contexts/`.
    pub file: &'static str,
    /// Which variant of the URL's content this is.
    pub variant: ContextVariant,
    /// The pinned SHA-256 (hex) of the file.
    pub sha256: &'static str,
    /// The bytes, exactly as published.
    pub bytes: &'static [u8],
}

/// Which historical content to serve for a URL whose content changed after publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ContextVariant {
    /// The published content: spec-repo 3.0.3, final 3.0.0 `context.json`, spec-repo OB v2.
    #[default]
    Default,
    /// The other content seen under the same URL: 1EdTech validator-bundled 3.0.3 (adds
    /// `endorsementJwt`, `jti`), pre-2022-11-07 beta `context.json`, validator OB v2.
    Alternate,
}

impl ContextVariant {
    /// True when `doc` names a context URL whose [`ContextVariant::Alternate`] content
    /// differs from the default, so trying the alternate can change the canonical form.
    pub fn applies_to(doc: &Value) -> bool {
        let mut urls = Vec::new();
        collect_context_urls(doc, &mut urls, 0);
        urls.iter().any(|u| {
            BUNDLED
                .iter()
                .any(|c| c.url == u.as_str() && c.variant == ContextVariant::Alternate)
        })
    }
}

macro_rules! ctx {
    ($url:expr, $file:literal, $variant:ident, $sha:literal) => {
        BundledContext {
            url: $url,
            file: $file,
            variant: ContextVariant::$variant,
            sha256: $sha,
            bytes: include_bytes!(concat!("../../contexts/", $file)),
        }
    };
}

/// OB 3.0.3 context URL (two different contents exist, STANDARDS §6.4).
pub const OB_V3P0_CONTEXT_3_0_3: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// OB 3.0.0 context URL (the beta content was once served here).
pub const OB_V3P0_CONTEXT_3_0_0: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context.json";

/// Every bundled context (STANDARDS §4). `url` may repeat with another [`ContextVariant`];
/// aliases (CLR `context.json`, `openbadgespec.org`) map to the same file.
pub const BUNDLED: &[BundledContext] = &[
    ctx!(
        "https://www.w3.org/ns/credentials/v2",
        "www.w3.org_ns_credentials_v2.jsonld",
        Default,
        "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"
    ),
    ctx!(
        "https://www.w3.org/2018/credentials/v1",
        "www.w3.org_2018_credentials_v1.jsonld",
        Default,
        "3d0b277522ed24385c850b9882b9688687189b8f37a9bd9f1577e348b1019c44"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_3,
        "purl_ob_v3p0_context-3.0.3.json__spec-repo.json",
        Default,
        "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_3,
        "purl_ob_v3p0_context-3.0.3.json__validator-bundled.json",
        Alternate,
        "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "purl_ob_v3p0_context-3.0.2.json",
        Default,
        "bba433989e1e700ca60838a3c22378e7d8381aeb0c9590f9ddf84d1714f10296"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "purl_ob_v3p0_context-3.0.1.json",
        Default,
        "cfc147db5fd5e3575b06bd471fe04784e92de69296f64a351b8dff0ec3372e9c"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_0,
        "purl_ob_v3p0_context.json__3.0.0.json",
        Default,
        "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_0,
        "ob_v3p0_BETA_pre-2022-11-07__dcc-npm.json",
        Alternate,
        "5afdfb3d5ddb92417d2b48f0ab2f89d16d1b03696c2f3fa2e67184819e103326"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        "purl_ob_v3p0_extensions.json",
        Default,
        "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        "purl_clr_v2p0_context-2.0.1.json",
        Default,
        "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        "purl_clr_v2p0_context-2.0.1.json",
        Default,
        "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"
    ),
    ctx!(
        "https://w3id.org/security/data-integrity/v1",
        "w3id_security_data-integrity_v1.jsonld",
        Default,
        "c6e5073f4bd4bf6d08f245736e6f32c29b012860b18583644b2d71e1de862669"
    ),
    ctx!(
        "https://w3id.org/security/data-integrity/v2",
        "w3id_security_data-integrity_v2.jsonld",
        Default,
        "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"
    ),
    ctx!(
        "https://w3id.org/security/multikey/v1",
        "w3id_security_multikey_v1.jsonld",
        Default,
        "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"
    ),
    ctx!(
        "https://w3id.org/security/suites/ed25519-2020/v1",
        "w3id_security_suites_ed25519-2020_v1.jsonld",
        Default,
        "67646fbc0d6582ad7fbf08ccf0d3a4bedbb4177fd2d63385de52dc1b092ed6c5"
    ),
    ctx!(
        "https://w3id.org/vc/status-list/2021/v1",
        "w3id_vc_status-list_2021_v1.jsonld",
        Default,
        "634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160"
    ),
    ctx!(
        "https://www.w3.org/ns/credentials/status/v1",
        "www.w3.org_ns_credentials_status_v1__bitstring.jsonld",
        Default,
        "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c"
    ),
    ctx!(
        "https://www.w3.org/ns/credentials/examples/v2",
        "www.w3.org_ns_credentials_examples_v2.jsonld",
        Default,
        "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"
    ),
    ctx!(
        "https://www.w3.org/ns/did/v1",
        "www.w3.org_ns_did_v1.jsonld",
        Default,
        "adefa50311393eb1bd788a38ac9fe2696c65367928f6996812cd54577394f4da"
    ),
    ctx!(
        "https://w3id.org/openbadges/v2",
        "w3id_openbadges_v2__spec-repo.json",
        Default,
        "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d"
    ),
    ctx!(
        "https://w3id.org/openbadges/v2",
        "w3id_openbadges_v2__validator-bundled.json",
        Alternate,
        "393a890d7d95eb3a86f5f12309648a64c2d0676e5270e2967b5341a2dcea13d2"
    ),
    ctx!(
        "https://openbadgespec.org/v2/context.json",
        "w3id_openbadges_v2__spec-repo.json",
        Default,
        "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d"
    ),
    ctx!(
        "https://w3id.org/openbadges/v1",
        "w3id_openbadges_v1__spec-repo.json",
        Default,
        "406ec07d0e758a41e84bac6361d29e391188492eb25f7efc51bfa19d8b2db810"
    ),
];

/// The bundled bytes for `url` under `variant` (falling back to the default content when
/// the URL has no alternate). `None`: not bundled.
pub fn bundled_context(url: &str, variant: ContextVariant) -> Option<&'static [u8]> {
    let mut fallback = None;
    for c in BUNDLED {
        if c.url == url {
            if c.variant == variant {
                return Some(c.bytes);
            }
            if c.variant == ContextVariant::Default {
                fallback = Some(c.bytes);
            }
        }
    }
    fallback
}

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

fn collect_context_urls(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > crate::limits::MAX_JSON_DEPTH {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "@context" {
                    collect_urls_in_context(child, out);
                }
                collect_context_urls(child, out, depth + 1);
            }
        }
        Value::Array(a) => {
            for child in a {
                collect_context_urls(child, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn collect_urls_in_context(ctx: &Value, out: &mut Vec<String>) {
    match ctx {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => {
            for c in a {
                if let Value::String(s) = c {
                    out.push(s.clone());
                }
            }
        }
        _ => {}
    }
}

/// Serialise a JSON object for expansion, with the trap context placed before its own
/// contexts, leaving out the `skip` keys and using `context` instead of its `@context` when
/// given (so callers never clone a document to drop its proof or swap its context).
fn trapped_json(
    map: &Map<String, Value>,
    skip: &[&str],
    context: Option<&Value>,
) -> Result<Vec<u8>, JsonLdError> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(b"{\"@context\":[\"");
    out.extend_from_slice(TRAP_CONTEXT_URL.as_bytes());
    out.push(b'"');
    let ser = |out: &mut Vec<u8>, v: &Value| {
        serde_json::to_writer(out, v).map_err(|e| JsonLdError::Syntax(e.to_string()))
    };
    match context.or_else(|| map.get("@context")) {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                out.push(b',');
                ser(&mut out, item)?;
            }
        }
        Some(other) => {
            out.push(b',');
            ser(&mut out, other)?;
        }
    }
    out.push(b']');
    for (k, v) in map {
        if k == "@context" || skip.contains(&k.as_str()) {
            continue;
        }
        out.push(b',');
        serde_json::to_writer(&mut out, k).map_err(|e| JsonLdError::Syntax(e.to_string()))?;
        out.push(b':');
        ser(&mut out, v)?;
    }
    out.push(b'}');
    Ok(out)
}

fn lookup(url: &str, variant: ContextVariant) -> Option<&'static [u8]> {
    if url == TRAP_CONTEXT_URL {
        return Some(TRAP_CONTEXT);
    }
    bundled_context(url, variant)
}

/// Expand `doc` to RDF quads with only bundled contexts, rejecting undefined terms.
/// Quads may repeat (JSON-LD allows repeated values); [`rdfc10`] removes repeats.
pub fn to_quads(doc: &Value, variant: ContextVariant) -> Result<Vec<Quad>, JsonLdError> {
    let Value::Object(map) = doc else {
        return Err(JsonLdError::Syntax(
            "the document is not a JSON object".into(),
        ));
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
            return Err(JsonLdError::Limit(format!(
                "the document expands to more than {MAX_QUADS} RDF quads (limit MAX_QUADS)"
            )));
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

fn check_trap(q: QuadRef<'_>) -> Result<(), JsonLdError> {
    let check = |iri: &str| -> Result<(), JsonLdError> {
        if let Some(t) = iri.strip_prefix(TRAP_VOCAB) {
            return Err(JsonLdError::UndefinedTerm(t.to_owned()));
        }
        if let Some(t) = iri.strip_prefix(TRAP_BASE) {
            return Err(JsonLdError::RelativeIri(t.to_owned()));
        }
        Ok(())
    };
    if let NamedOrBlankNodeRef::NamedNode(n) = q.subject {
        check(n.as_str())?;
    }
    check(q.predicate.as_str())?;
    match q.object {
        TermRef::NamedNode(n) => check(n.as_str())?,
        TermRef::Literal(l) => check(l.datatype().as_str())?,
        _ => {}
    }
    if let GraphNameRef::NamedNode(n) = q.graph_name {
        check(n.as_str())?;
    }
    Ok(())
}

/// Canonical N-Quads (RDFC-1.0, SHA-256) of `doc`, with only bundled contexts.
///
/// Every line ends with `\n`; lines are sorted by code point, as the cryptosuites hash them.
pub fn canonicalize(doc: &Value, variant: ContextVariant) -> Result<String, JsonLdError> {
    rdfc10(&to_quads(doc, variant)?)
}

/// A term as RDFC-1.0 sees it: a blank node (by index) or a fixed, already serialised term.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Term {
    Blank(u32),
    Fixed(String),
}

#[derive(PartialEq, Eq, Hash)]
struct RQuad {
    s: Term,
    p: String,
    o: Term,
    g: Option<Term>,
}

impl RQuad {
    /// One N-Quads line; `label` writes a blank node's label (no allocation per term).
    fn write(&self, out: &mut String, label: &dyn Fn(&mut String, u32)) {
        let term = |out: &mut String, t: &Term| match t {
            Term::Blank(b) => label(out, *b),
            Term::Fixed(f) => out.push_str(f),
        };
        term(out, &self.s);
        out.push(' ');
        out.push_str(&self.p);
        out.push(' ');
        term(out, &self.o);
        if let Some(g) = &self.g {
            out.push(' ');
            term(out, g);
        }
        out.push_str(" .\n");
    }
}

/// A (temporary or canonical) blank node identifier issuer.
#[derive(Clone, Default)]
struct Issuer {
    issued: HashMap<u32, u32>,
    order: Vec<u32>,
}

impl Issuer {
    fn get(&self, b: u32) -> Option<u32> {
        self.issued.get(&b).copied()
    }
    fn issue(&mut self, b: u32) -> u32 {
        if let Some(n) = self.issued.get(&b) {
            return *n;
        }
        let n = u32::try_from(self.order.len()).unwrap_or(u32::MAX);
        self.issued.insert(b, n);
        self.order.push(b);
        n
    }
}

struct Rdfc<'q> {
    quads: &'q [RQuad],
    /// Quads mentioning each blank node (indices into `quads`, each quad once).
    quads_of: Vec<Vec<usize>>,
    first_degree: Vec<Option<String>>,
    canonical: Issuer,
    /// Permutations left before giving up (dataset poisoning guard).
    budget: usize,
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest as _;
    let d = sha2::Sha256::digest(data);
    // By table, not `write!("{b:02x}")`: RDFC hashes several times per blank node.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(64);
    for b in d {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    s
}

/// Most permutations RDFC-1.0's N-degree hashing may try for one document before the
/// document is refused (dataset poisoning, <https://www.w3.org/TR/rdf-canon/#dataset-poisoning>).
/// Real credentials need a handful.
pub const MAX_RDFC_PERMUTATIONS: usize = 20_000;

impl Rdfc<'_> {
    fn hash_first_degree(&mut self, n: u32) -> String {
        let idx = n as usize;
        if let Some(Some(h)) = self.first_degree.get(idx) {
            return h.clone();
        }
        let mut lines: Vec<String> = self
            .quads_of
            .get(idx)
            .map(|qs| {
                qs.iter()
                    .map(|qi| {
                        let mut s = String::with_capacity(128);
                        if let Some(q) = self.quads.get(*qi) {
                            q.write(&mut s, &|out, b| {
                                out.push_str(if b == n { "_:a" } else { "_:z" });
                            });
                        }
                        s
                    })
                    .collect()
            })
            .unwrap_or_default();
        lines.sort_unstable();
        let h = sha256_hex(lines.concat().as_bytes());
        if let Some(slot) = self.first_degree.get_mut(idx) {
            *slot = Some(h.clone());
        }
        h
    }

    fn hash_related(
        &mut self,
        related: u32,
        pred: &str,
        position: char,
        issuer: &Issuer,
    ) -> String {
        let mut input = String::with_capacity(160);
        input.push(position);
        if position != 'g' {
            input.push_str(pred);
        }
        if let Some(c) = self.canonical.get(related) {
            let _ = write!(input, "_:c14n{c}");
        } else if let Some(t) = issuer.get(related) {
            let _ = write!(input, "_:b{t}");
        } else {
            input.push_str(&self.hash_first_degree(related));
        }
        sha256_hex(input.as_bytes())
    }

    fn hash_n_degree(&mut self, n: u32, issuer: &Issuer) -> Result<(String, Issuer), JsonLdError> {
        // 1–3: related hash → related blank nodes (a list: a node related through several
        // quads appears once per quad, as rdf-canonize and pyld do; signatures depend on it).
        let mut related: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        let qis = self.quads_of.get(n as usize).cloned().unwrap_or_default();
        for qi in qis {
            let Some(q) = self.quads.get(qi) else {
                continue;
            };
            let comps = [(&q.s, 's'), (&q.o, 'o')];
            let pred = q.p.clone();
            let graph = q.g.clone();
            for (t, pos) in comps
                .iter()
                .map(|(t, p)| ((*t).clone(), *p))
                .collect::<Vec<_>>()
            {
                if let Term::Blank(r) = t
                    && r != n
                {
                    let h = self.hash_related(r, &pred, pos, issuer);
                    related.entry(h).or_default().push(r);
                }
            }
            if let Some(Term::Blank(r)) = graph
                && r != n
            {
                let h = self.hash_related(r, &pred, 'g', issuer);
                related.entry(h).or_default().push(r);
            }
        }
        // 4–5
        let mut data = String::new();
        let mut issuer = issuer.clone();
        for (hash, mut list) in related {
            data.push_str(&hash);
            let mut chosen_path = String::new();
            let mut chosen_issuer: Option<Issuer> = None;
            list.sort_unstable();
            // Distinct permutations only: identical ones give identical paths.
            loop {
                if self.budget == 0 {
                    return Err(JsonLdError::Limit(format!(
                        "RDF canonicalisation needs more than {MAX_RDFC_PERMUTATIONS} permutations \
                         (MAX_RDFC_PERMUTATIONS, dataset poisoning guard)"
                    )));
                }
                self.budget -= 1;
                let mut issuer_copy = issuer.clone();
                let mut path = String::new();
                let mut recursion = Vec::new();
                let mut skip = false;
                for &r in &list {
                    if let Some(c) = self.canonical.get(r) {
                        let _ = write!(path, "_:c14n{c}");
                    } else {
                        if issuer_copy.get(r).is_none() {
                            recursion.push(r);
                        }
                        let t = issuer_copy.issue(r);
                        let _ = write!(path, "_:b{t}");
                    }
                    if !chosen_path.is_empty()
                        && path.len() >= chosen_path.len()
                        && path > chosen_path
                    {
                        skip = true;
                        break;
                    }
                }
                if !skip {
                    for r in recursion {
                        let (h, result_issuer) = self.hash_n_degree(r, &issuer_copy)?;
                        let t = issuer_copy.issue(r);
                        let _ = write!(path, "_:b{t}<{h}>");
                        issuer_copy = result_issuer;
                        if !chosen_path.is_empty()
                            && path.len() >= chosen_path.len()
                            && path > chosen_path
                        {
                            skip = true;
                            break;
                        }
                    }
                }
                if !skip && (chosen_path.is_empty() || path < chosen_path) {
                    chosen_path = path;
                    chosen_issuer = Some(issuer_copy);
                }
                if !next_permutation(&mut list) {
                    break;
                }
            }
            data.push_str(&chosen_path);
            if let Some(ci) = chosen_issuer {
                issuer = ci;
            }
        }
        Ok((sha256_hex(data.as_bytes()), issuer))
    }
}

/// Lexicographic next permutation (distinct permutations of a multiset); false at the end.
fn next_permutation(v: &mut [u32]) -> bool {
    // i: start of the longest non-increasing suffix.
    let Some(i) = (1..v.len()).rev().find(|&i| v.get(i - 1) < v.get(i)) else {
        return false;
    };
    let Some(pivot) = v.get(i - 1).copied() else {
        return false;
    };
    // j: rightmost element greater than the pivot (exists: v[i] > pivot).
    let Some(j) = (i..v.len())
        .rev()
        .find(|&j| v.get(j).is_some_and(|x| *x > pivot))
    else {
        return false;
    };
    v.swap(i - 1, j);
    if let Some(tail) = v.get_mut(i..) {
        tail.reverse();
    }
    true
}

/// RDF Dataset Canonicalization (RDFC-1.0, SHA-256) of the dataset `input` (repeated quads
/// count once), as canonical N-Quads.
///
/// Written here rather than taken from oxrdf because signers (jsonld.js rdf-canonize, pyld,
/// and so the 1EdTech and DCC fixtures) keep a blank node related through several quads
/// once per quad in the N-degree related lists, and serialise N-Quads with the canonical
/// escaping; oxrdf 0.3 does neither (its output for `complete.json` does not verify).
/// Work is bounded by [`MAX_RDFC_PERMUTATIONS`] and [`MAX_QUADS`].
pub fn rdfc10(input: &[Quad]) -> Result<String, JsonLdError> {
    let mut labels: HashMap<String, u32> = HashMap::new();
    let mut blank = |id: &str| -> u32 {
        let next = u32::try_from(labels.len()).unwrap_or(u32::MAX);
        *labels.entry(id.to_owned()).or_insert(next)
    };
    let mut quads = Vec::with_capacity(input.len());
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::with_capacity(input.len());
    for q in input.iter().map(Quad::as_ref) {
        let s = match q.subject {
            NamedOrBlankNodeRef::NamedNode(n) => Term::Fixed(angled(n.as_str())),
            NamedOrBlankNodeRef::BlankNode(b) => Term::Blank(blank(b.as_str())),
        };
        let o = match q.object {
            TermRef::NamedNode(n) => Term::Fixed(angled(n.as_str())),
            TermRef::BlankNode(b) => Term::Blank(blank(b.as_str())),
            TermRef::Literal(l) => {
                let mut s = String::with_capacity(l.value().len() + 2);
                write_literal(&mut s, l);
                Term::Fixed(s)
            }
            #[allow(unreachable_patterns)]
            _ => {
                return Err(JsonLdError::Syntax(
                    "RDF 1.2 triple terms are not supported".into(),
                ));
            }
        };
        let g = match q.graph_name {
            GraphNameRef::NamedNode(n) => Some(Term::Fixed(angled(n.as_str()))),
            GraphNameRef::BlankNode(b) => Some(Term::Blank(blank(b.as_str()))),
            GraphNameRef::DefaultGraph => None,
        };
        let rq = RQuad {
            s,
            p: angled(q.predicate.as_str()),
            o,
            g,
        };
        // JSON-LD may repeat a value; a dataset holds each quad once.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&rq, &mut h);
        let bucket = buckets.entry(std::hash::Hasher::finish(&h)).or_default();
        if !bucket.iter().any(|i| quads.get(*i) == Some(&rq)) {
            bucket.push(quads.len());
            quads.push(rq);
        }
    }
    let count = labels.len();
    let mut quads_of: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (qi, q) in quads.iter().enumerate() {
        let mut seen: [Option<u32>; 3] = [None; 3];
        for (k, t) in [Some(&q.s), Some(&q.o), q.g.as_ref()]
            .into_iter()
            .enumerate()
        {
            if let Some(Term::Blank(b)) = t {
                if !seen.contains(&Some(*b))
                    && let Some(list) = quads_of.get_mut(*b as usize)
                {
                    list.push(qi);
                }
                if let Some(slot) = seen.get_mut(k) {
                    *slot = Some(*b);
                }
            }
        }
    }
    let mut st = Rdfc {
        quads: &quads,
        quads_of,
        first_degree: vec![None; count],
        canonical: Issuer::default(),
        budget: MAX_RDFC_PERMUTATIONS,
    };
    // 3: first-degree hashes
    let mut by_hash: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
    for n in 0..u32::try_from(count).unwrap_or(u32::MAX) {
        let h = st.hash_first_degree(n);
        by_hash.entry(h).or_default().push(n);
    }
    // 4: unique hashes, in hash order
    for list in by_hash.values() {
        if let [only] = list.as_slice() {
            st.canonical.issue(*only);
        }
    }
    // 5: the rest, by N-degree hashes
    for list in by_hash.values() {
        if list.len() < 2 {
            continue;
        }
        let mut results = Vec::new();
        for &n in list {
            if st.canonical.get(n).is_some() {
                continue;
            }
            let mut temp = Issuer::default();
            temp.issue(n);
            results.push(st.hash_n_degree(n, &temp)?);
        }
        results.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, issuer) in results {
            for b in issuer.order {
                st.canonical.issue(b);
            }
        }
    }
    // 6: serialise with canonical labels, sorted
    let canonical = &st.canonical;
    let label = |out: &mut String, b: u32| {
        let _ = write!(out, "_:c14n{}", canonical.get(b).unwrap_or(u32::MAX));
    };
    let mut lines: Vec<String> = quads
        .iter()
        .map(|q| {
            let mut s = String::with_capacity(128);
            q.write(&mut s, &label);
            s
        })
        .collect();
    lines.sort_unstable();
    lines.dedup();
    Ok(lines.concat())
}

/// `<iri>`, sized once (`format!` costs a formatter pass per term; RDFC builds ~90 a credential).
fn angled(iri: &str) -> String {
    let mut s = String::with_capacity(iri.len() + 2);
    s.push('<');
    s.push_str(iri);
    s.push('>');
    s
}

fn write_literal(s: &mut String, l: LiteralRef<'_>) {
    s.push('"');
    for c in l.value().chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\u{0}'..='\u{7}' | '\u{B}' | '\u{E}'..='\u{1F}' | '\u{7F}' => {
                let _ = write!(s, "\\u{:04X}", u32::from(c));
            }
            _ => s.push(c),
        }
    }
    s.push('"');
    if let Some(lang) = l.language() {
        s.push('@');
        s.push_str(lang);
    } else {
        let dt = l.datatype().as_str();
        if dt != "http://www.w3.org/2001/XMLSchema#string" {
            s.push_str("^^<");
            s.push_str(dt);
            s.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use sha2::{Digest, Sha256};

    #[test]
    fn bundled_hashes_match_pins() {
        for c in BUNDLED {
            let got = Sha256::digest(c.bytes)
                .iter()
                .fold(String::new(), |mut s, b| {
                    let _ = write!(s, "{b:02x}");
                    s
                });
            assert_eq!(got, c.sha256, "{} ({})", c.url, c.file);
        }
    }

    #[test]
    fn variant_lookup() {
        let a = bundled_context(OB_V3P0_CONTEXT_3_0_3, ContextVariant::Default).unwrap();
        let b = bundled_context(OB_V3P0_CONTEXT_3_0_3, ContextVariant::Alternate).unwrap();
        assert_ne!(a, b);
        // no alternate: falls back to the default content
        let v2 = bundled_context(
            "https://www.w3.org/ns/credentials/v2",
            ContextVariant::Alternate,
        );
        assert_eq!(
            v2,
            bundled_context(
                "https://www.w3.org/ns/credentials/v2",
                ContextVariant::Default
            )
        );
        assert!(bundled_context("https://example.org/ctx", ContextVariant::Default).is_none());
    }

    #[test]
    fn unknown_context_is_not_bundled() {
        let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/unknown"],
            "type": "VerifiableCredential"});
        assert_eq!(
            canonicalize(&doc, ContextVariant::Default),
            Err(JsonLdError::ContextNotBundled(
                "https://example.org/unknown".into()
            ))
        );
    }

    #[test]
    fn undefined_term_is_rejected() {
        let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:1", "type": "VerifiableCredential", "notATerm": "x"});
        assert_eq!(
            canonicalize(&doc, ContextVariant::Default),
            Err(JsonLdError::UndefinedTerm("notATerm".into()))
        );
        let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:1", "type": ["VerifiableCredential", "MadeUpType"]});
        assert_eq!(
            canonicalize(&doc, ContextVariant::Default),
            Err(JsonLdError::UndefinedTerm("MadeUpType".into()))
        );
    }

    #[test]
    fn escaping_follows_canonical_nquads() {
        let doc = json!({"@context": {"n": "https://schema.org/name"},
            "@id": "urn:x", "n": "a\"b\\c\nd\re\tf\u{8}g\u{1}"});
        let c = canonicalize(&doc, ContextVariant::Default).unwrap();
        assert_eq!(
            c,
            "<urn:x> <https://schema.org/name> \"a\\\"b\\\\c\\nd\\re\tf\u{8}g\\u0001\" .\n"
        );
    }

    #[test]
    fn poisoned_dataset_is_refused() {
        // A clique of look-alike blank nodes: every one links to every other.
        let n = 12;
        let nodes: Vec<Value> = (0..n)
            .map(|i| {
                let links: Vec<Value> = (0..n)
                    .filter(|j| *j != i)
                    .map(|j| json!({"@id": format!("_:n{j}")}))
                    .collect();
                json!({"@id": format!("_:n{i}"), "l": links})
            })
            .collect();
        let doc = json!({"@context": {"l": {"@id": "https://schema.org/knows"}}, "@graph": nodes});
        assert!(matches!(
            canonicalize(&doc, ContextVariant::Default),
            Err(JsonLdError::Limit(m)) if m.contains("MAX_RDFC_PERMUTATIONS")
        ));
    }

    #[test]
    fn relative_iri_is_rejected_not_dropped() {
        // Without a base, JSON-LD drops the whole subject link silently; safe mode refuses.
        let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:1", "type": "VerifiableCredential", "credentialSubject": {"id": "relative-thing"}});
        assert_eq!(
            canonicalize(&doc, ContextVariant::Default),
            Err(JsonLdError::RelativeIri("relative-thing".into()))
        );
    }

    #[test]
    fn repeated_values_count_once() {
        let one = json!({"@context": {"n": "https://schema.org/name"}, "@id": "urn:x", "n": ["a"]});
        let two =
            json!({"@context": {"n": "https://schema.org/name"}, "@id": "urn:x", "n": ["a", "a"]});
        let c = canonicalize(&two, ContextVariant::Default).unwrap();
        assert_eq!(c, "<urn:x> <https://schema.org/name> \"a\" .\n");
        assert_eq!(canonicalize(&one, ContextVariant::Default).unwrap(), c);
    }

    #[test]
    fn blank_nodes_are_labelled_canonically_whatever_the_input_order() {
        // Two shapes of the same graph (objects listed in another order) canonicalise alike.
        let a = json!({"@context": {"k": "https://schema.org/knows", "n": "https://schema.org/name"},
            "@id": "urn:x", "k": [{"n": "p", "k": {"n": "q"}}, {"n": "q"}]});
        let b = json!({"@context": {"k": "https://schema.org/knows", "n": "https://schema.org/name"},
            "@id": "urn:x", "k": [{"n": "q"}, {"k": {"n": "q"}, "n": "p"}]});
        let ca = canonicalize(&a, ContextVariant::Default).unwrap();
        assert_eq!(ca, canonicalize(&b, ContextVariant::Default).unwrap());
        assert!(ca.contains("_:c14n0") && ca.contains("_:c14n2"), "{ca}");
    }

    #[test]
    fn permutations_are_distinct() {
        let mut v = vec![1, 1, 2];
        let mut all = vec![v.clone()];
        while next_permutation(&mut v) {
            all.push(v.clone());
        }
        assert_eq!(all, vec![vec![1, 1, 2], vec![1, 2, 1], vec![2, 1, 1]]);
    }
}
