//! JSON-LD safe mode: a document whose terms or types no context defines is refused.
//!
//! JSON-LD expansion silently drops undefined terms and keeps relative `@type`s
//! (<https://www.w3.org/TR/json-ld11-api/#expansion-algorithm>), so a signature over such a
//! document signs less than it shows. As jsonld.js safe mode does
//! (<https://github.com/digitalbazaar/jsonld.js#safe-mode>, required by the Data Integrity
//! spec, <https://www.w3.org/TR/vc-data-integrity/#securing-data-losslessly>), such a document
//! is rejected: we expand with a trap `@vocab` placed before the document's own contexts, and
//! any IRI under the trap is a term no context defines ([`JsonLdError::UndefinedTerm`]).
//! Likewise a trap base IRI catches relative IRIs, which JSON-LD would drop
//! ([`JsonLdError::RelativeIri`]).

use oxrdf::{GraphNameRef, NamedOrBlankNodeRef, QuadRef, TermRef};
use serde_json::{Map, Value};

use super::JsonLdError;

/// Prefix of the trap `@vocab`: an expanded IRI under it is a term no context defines.
const TRAP_VOCAB: &str = "urn:x-backpack:undefined-term:";
/// A trap base IRI: relative IRIs (which JSON-LD would silently drop, as there is no base)
/// resolve under it, and an expanded IRI under it is refused as in JSON-LD safe mode.
pub(super) const TRAP_BASE: &str = "https://relative-iri.backpack.invalid/";
/// The trap context, named by a URL so that the whole `@context` stays URL-only and its
/// processing is cached (see [`super::loader`]).
pub(super) const TRAP_CONTEXT_URL: &str = "urn:x-backpack:context:undefined-term-trap";
pub(super) const TRAP_CONTEXT: &[u8] =
    br#"{"@context":{"@vocab":"urn:x-backpack:undefined-term:"}}"#;

/// Serialise a JSON object for expansion, with the trap context placed before its own
/// contexts, leaving out the `skip` keys and using `context` instead of its `@context` when
/// given (so callers never clone a document to drop its proof or swap its context).
pub(super) fn trapped_json(
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

pub(super) fn check_trap(q: QuadRef<'_>) -> Result<(), JsonLdError> {
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::{ContextVariant, canonicalize};
    use super::*;

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
    fn relative_iri_is_rejected_not_dropped() {
        // Without a base, JSON-LD drops the whole subject link silently; safe mode refuses.
        let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:1", "type": "VerifiableCredential", "credentialSubject": {"id": "relative-thing"}});
        assert_eq!(
            canonicalize(&doc, ContextVariant::Default),
            Err(JsonLdError::RelativeIri("relative-thing".into()))
        );
    }
}
