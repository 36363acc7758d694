//! DIDs whose keys Backpack resolves: `did:key` (<https://w3c-ccg.github.io/did-method-key/>)
//! and `did:jwk` (<https://github.com/quartzjer/did-jwk/blob/main/spec.md>) are
//! self-certifying — the key is in the identifier, so the DID controls it by construction;
//! `did:web` (<https://w3c-ccg.github.io/did-method-web/>) names an https URL whose DID
//! document lists the keys.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use super::multikey::ed25519_from_multikey;
use super::{
    Controller, Evidence, EvidenceKind, KeyError, KeyMaterialError, PublicKey, ResolvedKey,
};
use crate::localize::{Localize, Message, msg};

/// The DID part of a DID URL (`did:web:x#key-1` → `did:web:x`).
pub fn did_of(did_url: &str) -> &str {
    let end = did_url.find(['#', '?', '/']).unwrap_or(did_url.len());
    did_url.get(..end).unwrap_or(did_url)
}

/// Is `host` a DNS name Backpack will fetch a DID document from? Letters, digits and hyphens
/// in dot-separated labels of 1–63 characters, 253 characters at most. Everything else
/// (`good.edu@evil.com`, `[::1]`, `%2F`, an empty label) is refused.
fn is_dns_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// The https URL of a `did:web` DID document: the method-specific id's `:` become `/`, a
/// percent-encoded port (`%3A`) is allowed after the host, `/.well-known` is used when there
/// is no path, then `/did.json`. The host must be a plain DNS name; path segments must be
/// plain too (no `..`, no percent-encoded slashes).
pub fn did_web_url(did: &str) -> Result<String, KeyMaterialError> {
    let did = did.split(['#', '?']).next().unwrap_or(did);
    let Some(msi) = did.strip_prefix("did:web:") else {
        return Err(KeyMaterialError::NotDidWeb(did.to_owned()));
    };
    let mut parts = msi.split(':');
    let host_enc = parts.next().unwrap_or_default();
    let (host, port) = match host_enc.find("%3A").or_else(|| host_enc.find("%3a")) {
        Some(i) => (
            host_enc.get(..i).unwrap_or_default(),
            Some(host_enc.get(i + 3..).unwrap_or_default()),
        ),
        None => (host_enc, None),
    };
    if !is_dns_name(host) {
        return Err(KeyMaterialError::DidWebHost(host_enc.to_owned()));
    }
    let authority = match port {
        Some(p) if !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()) => {
            format!("{host}:{p}")
        }
        Some(p) => return Err(KeyMaterialError::DidWebPort(p.to_owned())),
        None => host.to_ascii_lowercase(),
    };
    let segments: Vec<&str> = parts.collect();
    for s in &segments {
        let ok = !s.is_empty()
            && *s != "."
            && *s != ".."
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '~'));
        if !ok {
            return Err(KeyMaterialError::DidWebSegment((*s).to_owned()));
        }
    }
    let path = if segments.is_empty() {
        "/.well-known".to_owned()
    } else {
        format!("/{}", segments.join("/"))
    };
    Ok(format!("https://{authority}{path}/did.json"))
}

fn self_certifying(did: &str) -> Evidence {
    Evidence {
        kind: EvidenceKind::SelfCertifying,
        source: Some(did.to_owned()),
        fetched_at: None,
        from_cache: false,
        purpose: String::new(),
    }
}

/// `did:key:z6Mk…` (bare, or with its `#z6Mk…` fragment): the key and its DID.
pub fn resolve_did_key(vm: &str) -> Result<ResolvedKey, KeyError> {
    let invalid = |reason: Message| KeyError::Invalid {
        id: vm.to_owned(),
        reason,
    };
    let rest = vm.strip_prefix("did:key:").unwrap_or_default();
    let (mk, fragment) = match rest.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let pk = ed25519_from_multikey(mk).map_err(|e| invalid(e.message()))?;
    if let Some(f) = fragment
        && f != mk
    {
        return Err(invalid(msg!(
            "chk-key-did-key-fragment",
            fragment = format!("#{f}"),
            key = mk,
            expected = format!("did:key:{mk}#{mk}")
        )));
    }
    let did = format!("did:key:{mk}");
    Ok(ResolvedKey {
        id: format!("{did}#{mk}"),
        key: PublicKey::Ed25519(pk),
        controller: Some(Controller {
            evidence: self_certifying(&did),
            id: did,
        }),
    })
}

/// `did:jwk:<base64url JWK>` (with or without `#0`): the key and its DID.
pub fn resolve_did_jwk(vm: &str) -> Result<ResolvedKey, KeyError> {
    let invalid = |reason: Message| KeyError::Invalid {
        id: vm.to_owned(),
        reason,
    };
    let did = did_of(vm);
    let enc = did.strip_prefix("did:jwk:").unwrap_or_default();
    if enc.len() > 8192 {
        return Err(invalid(msg!("chk-key-did-jwk-too-long")));
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(enc.trim_end_matches('='))
        .map_err(|e| {
            invalid(msg!(
                "chk-key-did-jwk-not-base64url",
                detail = crate::decode::jws::base64_message(&e)
            ))
        })?;
    let jwk: Value = serde_json::from_slice(&bytes).map_err(|e| {
        invalid(msg!(
            "chk-key-did-jwk-not-json",
            detail = crate::localize::json_error(&e)
        ))
    })?;
    Ok(ResolvedKey {
        id: vm.to_owned(),
        key: super::jwk::key_from_jwk(&jwk).map_err(|e| invalid(e.message()))?,
        controller: Some(Controller {
            id: did.to_owned(),
            evidence: self_certifying(did),
        }),
    })
}

/// The key a self-certifying DID (`did:key`, `did:jwk`) stands for.
pub fn self_certifying_key(did: &str) -> Option<Result<PublicKey, KeyError>> {
    if did.starts_with("did:key:") {
        Some(resolve_did_key(did_of(did)).map(|k| k.key))
    } else if did.starts_with("did:jwk:") {
        Some(resolve_did_jwk(did_of(did)).map(|k| k.key))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MK: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    #[test]
    fn did_web_urls() {
        assert_eq!(
            did_web_url("did:web:example.com").unwrap(),
            "https://example.com/.well-known/did.json"
        );
        assert_eq!(
            did_web_url("did:web:w3c-ccg.github.io:user:alice#key-1").unwrap(),
            "https://w3c-ccg.github.io/user/alice/did.json"
        );
        assert_eq!(
            did_web_url("did:web:example.com%3A3000:u").unwrap(),
            "https://example.com:3000/u/did.json"
        );
        for bad in [
            "did:web:exa/mple.com",
            "did:web:example.com:..:x",
            "did:web:",
            "did:web:good.edu@evil.com",
            "did:web:good.edu%40evil.com",
            "did:web:[::1]",
            "did:web:example.com%3Aabc",
            "did:web:example.com:a%2Fb",
            "did:web:-bad.example",
        ] {
            assert!(did_web_url(bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn did_key_controls_its_key() {
        let r = resolve_did_key(&format!("did:key:{MK}#{MK}")).unwrap();
        assert_eq!(r.controller.unwrap().id, format!("did:key:{MK}"));
        assert!(resolve_did_key(&format!("did:key:{MK}")).is_ok());
        assert!(matches!(
            resolve_did_key(&format!("did:key:{MK}#other")),
            Err(KeyError::Invalid { .. })
        ));
    }
}
