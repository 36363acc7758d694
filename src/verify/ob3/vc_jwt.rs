//! Compact JWS: OB 3.0 / CLR 2.0 VC-JWT (STANDARDS §3.2) and the JWS helpers OB 2.0 signed
//! badges use too (§2.2, §6.6).
//!
//! VC-JWT verification:
//! 1. split and decode the header (our own JSON parse, so `alg: none`, unknown algorithms
//!    and OB 2.0's lower-case `rs256` get a clear answer instead of a library error);
//! 2. the algorithm must be RS256, ES256 or EdDSA — `none`, HMAC and anything else are
//!    invalid (`proof` fail);
//! 3. the key comes from the header `jwk` (which must not hold a private `d`) or from `kid`
//!    ([`crate::verify::keys::Resolver::resolve_jwt`]); either way it counts as the issuer's only when
//!    [`crate::verify::keys::Resolver::bind`] finds it in a source the issuer controls — a key carried
//!    in the token itself proves nothing about who made it;
//! 4. the signature over `header.payload` (RFC 7515 §5.2) with `jsonwebtoken`'s RustCrypto
//!    backend; the library's own exp/nbf validation is not used: dates are the `expiry` /
//!    `not_before` checks against the injected clock;
//! 5. the payload is the credential (VCDM 2.0) or holds it in `vc` (VCDM 1.1), cross-checked
//!    against the credential's first `@context`; `iss`, `jti`, `sub`, `nbf`, `exp` must agree
//!    with the credential (a missing `sub` is noted, not failed: 1EdTech's fixture omits it).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey};
use serde_json::{Map, Value};

use crate::verify::schema::{VC_V1, VC_V2, ref_id};

/// A split compact JWS.
#[derive(Debug, Clone)]
pub struct Jws<'a> {
    /// Decoded header.
    pub header: Map<String, Value>,
    /// Decoded payload (JSON).
    pub payload: Value,
    /// `header.payload` as received (the signing input).
    pub signing_input: &'a str,
    /// The signature segment (base64url).
    pub signature: &'a str,
}

fn b64(seg: &str, what: &str) -> Result<Vec<u8>, String> {
    URL_SAFE_NO_PAD
        .decode(seg.trim_end_matches('='))
        .map_err(|_| format!("the jws {what} is not valid base64url"))
}

/// Split `header.payload.signature` and decode header and payload.
pub fn split(jws: &str) -> Result<Jws<'_>, String> {
    let jws = jws.trim();
    let mut parts = jws.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("not a compact jws: it needs exactly three dot-separated parts".into());
    };
    let header: Map<String, Value> = serde_json::from_slice(&b64(h, "header")?)
        .map_err(|_| "the jws header is not a json object".to_string())?;
    let payload: Value = serde_json::from_slice(&b64(p, "payload")?)
        .map_err(|e| format!("the jws payload is not json: {e}"))?;
    let signing_input = jws.get(..h.len() + 1 + p.len()).unwrap_or(jws);
    Ok(Jws {
        header,
        payload,
        signing_input,
        signature: s,
    })
}

/// The JWS algorithm. `lenient_case` accepts OB 2.0's lower-case `rs256` (§6.6).
pub fn algorithm(header: &Map<String, Value>, lenient_case: bool) -> Result<Algorithm, String> {
    let alg = match header.get("alg") {
        Some(Value::String(s)) => s.as_str(),
        Some(_) => return Err("the jws alg is not a string".into()),
        None => return Err("the jws header has no alg".into()),
    };
    let norm = if lenient_case {
        alg.to_ascii_uppercase().replace("EDDSA", "EdDSA")
    } else {
        alg.to_string()
    };
    match norm.as_str() {
        "RS256" => Ok(Algorithm::RS256),
        "ES256" => Ok(Algorithm::ES256),
        "EdDSA" => Ok(Algorithm::EdDSA),
        "none" | "NONE" => Err("unsigned token (alg none) is not accepted".into()),
        other if other.starts_with("HS") => Err(format!(
            "{alg} (a shared-secret mac) is not accepted for credentials"
        )),
        _ => Err(format!(
            "unsupported jws algorithm {alg:?} (accepted: RS256, ES256, EdDSA)"
        )),
    }
}

/// Verify the signature. `Ok(false)`: the signature does not match.
pub fn verify_signature(jws: &Jws<'_>, alg: Algorithm, key: &DecodingKey) -> Result<bool, String> {
    if jws.signature.is_empty() {
        return Ok(false);
    }
    jsonwebtoken::crypto::verify(jws.signature, jws.signing_input.as_bytes(), key, alg)
        .map_err(|e| format!("the key cannot check a {alg:?} signature: {e}"))
}

/// The credential inside a VC-JWT payload and the VCDM version it claims.
pub fn credential(payload: &Value) -> Result<(&Value, &'static str), String> {
    let (cred, shape) = match payload.get("vc") {
        Some(vc @ Value::Object(_)) => (vc, "1.1"),
        Some(_) => return Err("the vc claim is not an object".into()),
        None => (payload, "2.0"),
    };
    let first = crate::verify::schema::contexts(cred).first().copied();
    match (shape, first) {
        ("1.1", Some(VC_V2)) => Err("the vc claim (vcdm 1.1) holds a vcdm 2.0 credential".into()),
        ("2.0", Some(VC_V1)) => {
            Err("a vcdm 1.1 credential must be in the vc claim, not the payload itself".into())
        }
        _ => Ok((cred, shape)),
    }
}

fn ts(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_f64().map(|f| f as i64))
}

/// Cross-check the registered claims with the credential. `Err`: a mismatch (invalid).
/// `Ok(notes)`: consistent, with notes for claims that were missing.
pub fn check_claims(payload: &Value, cred: &Value) -> Result<Vec<String>, String> {
    let mut notes = Vec::new();
    let issuer = ref_id(cred.get("issuer"));
    match (payload.get("iss").and_then(Value::as_str), issuer) {
        (Some(iss), Some(id)) if iss != id => {
            return Err(format!(
                "the iss claim {iss} is not the credential's issuer {id}"
            ));
        }
        (None, _) => notes.push("no iss claim".to_string()),
        _ => {}
    }
    match (
        payload.get("jti").and_then(Value::as_str),
        cred.get("id").and_then(Value::as_str),
    ) {
        (Some(jti), Some(id)) if jti != id => {
            return Err(format!("the jti claim {jti} is not the credential id {id}"));
        }
        (None, Some(_)) => notes.push("no jti claim".to_string()),
        _ => {}
    }
    let subject_id = match cred.get("credentialSubject") {
        Some(Value::Array(a)) => a.first().and_then(|s| s.get("id")).and_then(Value::as_str),
        Some(s) => s.get("id").and_then(Value::as_str),
        None => None,
    };
    match (payload.get("sub").and_then(Value::as_str), subject_id) {
        (Some(sub), Some(id)) if sub != id => {
            return Err(format!("the sub claim {sub} is not the subject id {id}"));
        }
        (Some(sub), None) => {
            return Err(format!(
                "the sub claim {sub} names a subject the credential does not"
            ));
        }
        (None, Some(_)) => notes.push("no sub claim (1EdTech's own fixture omits it)".to_string()),
        (None, None) => notes.push("no sub claim, and the subject has no id".to_string()),
        _ => {}
    }
    for (claim, fields) in [
        ("nbf", ["validFrom", "issuanceDate"]),
        ("exp", ["validUntil", "expirationDate"]),
    ] {
        let Some(c) = payload.get(claim) else {
            continue;
        };
        let Some(secs) = ts(c) else {
            return Err(format!("the {claim} claim is not a number"));
        };
        let field = fields.iter().find_map(|f| cred.get(*f).map(|v| (*f, v)));
        if let Some((name, v)) = field {
            if let Ok(w) = crate::verify::dates::parse_date(v)
                && w.at.timestamp() != secs
            {
                return Err(format!(
                    "the {claim} claim ({secs}) does not match {name} ({})",
                    w.at.to_rfc3339()
                ));
            }
        } else if claim == "exp" {
            return Err("the token has an exp claim but the credential has no validUntil".into());
        }
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn enc(v: &Value) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
    }

    #[test]
    fn refuses_none_hmac_and_unknown() {
        for (alg, want) in [
            ("none", "alg none"),
            ("HS256", "shared-secret"),
            ("RS1", "unsupported"),
        ] {
            let t = format!("{}.{}.", enc(&json!({"alg": alg})), enc(&json!({})));
            let j = split(&t).unwrap();
            let e = algorithm(&j.header, false).unwrap_err();
            assert!(e.contains(want), "{alg}: {e}");
        }
        let t = format!("{}.{}.sig", enc(&json!({"alg": "rs256"})), enc(&json!({})));
        let j = split(&t).unwrap();
        assert!(algorithm(&j.header, false).is_err());
        assert_eq!(algorithm(&j.header, true).unwrap(), Algorithm::RS256);
    }

    #[test]
    fn malformed_tokens() {
        assert!(split("a.b").unwrap_err().contains("three"));
        assert!(split("@@.e30.x").unwrap_err().contains("base64url"));
        assert!(
            split(&format!(
                "{}.{}.x",
                enc(&json!({"alg": "RS256"})),
                URL_SAFE_NO_PAD.encode("nope")
            ))
            .unwrap_err()
            .contains("not json")
        );
    }

    #[test]
    fn claims() {
        let cred = json!({"id": "urn:1", "issuer": "https://i", "validFrom": "2010-01-01T00:00:00Z",
                          "credentialSubject": {"id": "did:ex:1"}});
        assert!(
            check_claims(
                &json!({"iss": "https://i", "jti": "urn:1", "nbf": 1262304000}),
                &cred
            )
            .is_ok()
        );
        assert!(
            check_claims(&json!({"iss": "https://other"}), &cred)
                .unwrap_err()
                .contains("iss")
        );
        assert!(
            check_claims(&json!({"jti": "urn:2"}), &cred)
                .unwrap_err()
                .contains("jti")
        );
        assert!(
            check_claims(&json!({"sub": "did:ex:2"}), &cred)
                .unwrap_err()
                .contains("sub")
        );
        assert!(
            check_claims(&json!({"nbf": 5}), &cred)
                .unwrap_err()
                .contains("nbf")
        );
    }
}
