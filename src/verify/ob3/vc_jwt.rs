//! Compact JWS: OB 3.0 / CLR 2.0 VC-JWT (OB 3.0 “JSON Web Token Proof Format” <https://www.imsglobal.org/spec/ob/v3p0/> and VC-JWT <https://www.w3.org/TR/vc-jose-cose/>) and the JWS helpers OB 2.0 signed
//! badges use too (OB 2.0 verification, real-world quirks (tests/fixtures/README.md)).
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

use crate::localize::{Localize, Message, msg};
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

/// Why a compact JWS or a VC-JWT was refused. The messages are the report's detail lines.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JwtError {
    #[error("not a compact jws: it needs exactly three dot-separated parts")]
    NotCompact,
    #[error("the jws {0} is not valid base64url")]
    Base64(&'static str),
    #[error("the jws header is not a json object")]
    HeaderNotObject,
    #[error("the jws payload is not json: {0}")]
    PayloadNotJson(Message),
    #[error("the jws alg is not a string")]
    AlgNotString,
    #[error("the jws header has no alg")]
    NoAlg,
    #[error("unsigned token (alg none) is not accepted")]
    AlgNone,
    #[error("{0} (a shared-secret mac) is not accepted for credentials")]
    SharedSecret(String),
    #[error("unsupported jws algorithm {0:?} (accepted: RS256, ES256, EdDSA)")]
    Unsupported(String),
    /// The algorithm (as `Debug`) and the library's reason.
    #[error("the key cannot check a {0} signature: {1}")]
    KeyCannotCheck(String, String),
    #[error("the vc claim is not an object")]
    VcNotObject,
    #[error("the vc claim (vcdm 1.1) holds a vcdm 2.0 credential")]
    V2InVcClaim,
    #[error("a vcdm 1.1 credential must be in the vc claim, not the payload itself")]
    V1OutsideVcClaim,
    #[error("the iss claim {0} is not the credential's issuer {1}")]
    IssMismatch(String, String),
    #[error("the jti claim {0} is not the credential id {1}")]
    JtiMismatch(String, String),
    #[error("the sub claim {0} is not the subject id {1}")]
    SubMismatch(String, String),
    #[error("the sub claim {0} names a subject the credential does not")]
    SubWithoutSubject(String),
    #[error("the {0} claim is not a number")]
    ClaimNotNumber(&'static str),
    #[error("the {claim} claim ({secs}) does not match {field} ({date})")]
    ClaimDate {
        claim: &'static str,
        secs: i64,
        field: &'static str,
        date: String,
    },
    #[error("the token has an exp claim but the credential has no validUntil")]
    ExpWithoutValidUntil,
}

/// The report's detail line in the learner's language (`err-vcjwt-…`; English is `Display`).
impl Localize for JwtError {
    fn message(&self) -> Message {
        use JwtError as E;
        match self {
            E::NotCompact => msg!("err-vcjwt-not-compact"),
            E::Base64("header") => msg!("err-vcjwt-header-base64"),
            E::Base64("payload") => msg!("err-vcjwt-payload-base64"),
            E::Base64(part) => msg!("err-vcjwt-base64", part = *part),
            E::HeaderNotObject => msg!("err-vcjwt-header-not-object"),
            E::PayloadNotJson(d) => msg!("err-vcjwt-payload-not-json", detail = d),
            E::AlgNotString => msg!("err-vcjwt-alg-not-string"),
            E::NoAlg => msg!("err-vcjwt-no-alg"),
            E::AlgNone => msg!("err-vcjwt-alg-none"),
            E::SharedSecret(alg) => msg!("err-vcjwt-shared-secret", alg = alg),
            E::Unsupported(alg) => msg!("err-vcjwt-unsupported", alg = format!("{alg:?}")),
            E::KeyCannotCheck(alg, why) => {
                msg!("err-vcjwt-key-cannot-check", alg = alg, detail = why)
            }
            E::VcNotObject => msg!("err-vcjwt-vc-not-object"),
            E::V2InVcClaim => msg!("err-vcjwt-v2-in-vc-claim"),
            E::V1OutsideVcClaim => msg!("err-vcjwt-v1-outside-vc-claim"),
            E::IssMismatch(iss, issuer) => {
                msg!("err-vcjwt-iss-mismatch", claim = iss, issuer = issuer)
            }
            E::JtiMismatch(jti, id) => msg!("err-vcjwt-jti-mismatch", claim = jti, id = id),
            E::SubMismatch(sub, id) => msg!("err-vcjwt-sub-mismatch", claim = sub, id = id),
            E::SubWithoutSubject(sub) => msg!("err-vcjwt-sub-without-subject", claim = sub),
            E::ClaimNotNumber(claim) => msg!("err-vcjwt-claim-not-number", claim = *claim),
            E::ClaimDate {
                claim,
                secs,
                field,
                date,
            } => msg!(
                "err-vcjwt-claim-date",
                claim = *claim,
                secs = secs,
                field = *field,
                date = date
            ),
            E::ExpWithoutValidUntil => msg!("err-vcjwt-exp-without-valid-until"),
        }
    }
}

fn b64(seg: &str, what: &'static str) -> Result<Vec<u8>, JwtError> {
    URL_SAFE_NO_PAD
        .decode(seg.trim_end_matches('='))
        .map_err(|_| JwtError::Base64(what))
}

/// Split `header.payload.signature` and decode header and payload.
pub fn split(jws: &str) -> Result<Jws<'_>, JwtError> {
    let jws = jws.trim();
    let mut parts = jws.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::NotCompact);
    };
    let header: Map<String, Value> =
        serde_json::from_slice(&b64(h, "header")?).map_err(|_| JwtError::HeaderNotObject)?;
    let payload: Value = serde_json::from_slice(&b64(p, "payload")?)
        .map_err(|e| JwtError::PayloadNotJson(crate::localize::json_error(&e)))?;
    let signing_input = jws.get(..h.len() + 1 + p.len()).unwrap_or(jws);
    Ok(Jws {
        header,
        payload,
        signing_input,
        signature: s,
    })
}

/// The JWS algorithm. `lenient_case` accepts OB 2.0's lower-case `rs256` (§6.6).
pub fn algorithm(header: &Map<String, Value>, lenient_case: bool) -> Result<Algorithm, JwtError> {
    let alg = match header.get("alg") {
        Some(Value::String(s)) => s.as_str(),
        Some(_) => return Err(JwtError::AlgNotString),
        None => return Err(JwtError::NoAlg),
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
        "none" | "NONE" => Err(JwtError::AlgNone),
        other if other.starts_with("HS") => Err(JwtError::SharedSecret(alg.to_owned())),
        _ => Err(JwtError::Unsupported(alg.to_owned())),
    }
}

/// Verify the signature. `Ok(false)`: the signature does not match.
pub fn verify_signature(
    jws: &Jws<'_>,
    alg: Algorithm,
    key: &DecodingKey,
) -> Result<bool, JwtError> {
    if jws.signature.is_empty() {
        return Ok(false);
    }
    jsonwebtoken::crypto::verify(jws.signature, jws.signing_input.as_bytes(), key, alg)
        .map_err(|e| JwtError::KeyCannotCheck(format!("{alg:?}"), e.to_string()))
}

/// The credential inside a VC-JWT payload and the VCDM version it claims.
pub fn credential(payload: &Value) -> Result<(&Value, &'static str), JwtError> {
    let (cred, shape) = match payload.get("vc") {
        Some(vc @ Value::Object(_)) => (vc, "1.1"),
        Some(_) => return Err(JwtError::VcNotObject),
        None => (payload, "2.0"),
    };
    let first = crate::verify::schema::contexts(cred).first().copied();
    match (shape, first) {
        ("1.1", Some(VC_V2)) => Err(JwtError::V2InVcClaim),
        ("2.0", Some(VC_V1)) => Err(JwtError::V1OutsideVcClaim),
        _ => Ok((cred, shape)),
    }
}

fn ts(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_f64().map(|f| f as i64))
}

/// Cross-check the registered claims with the credential. `Err`: a mismatch (invalid).
/// `Ok(notes)`: consistent, with notes (catalog messages) for claims that were missing.
pub fn check_claims(payload: &Value, cred: &Value) -> Result<Vec<Message>, JwtError> {
    let mut notes = Vec::new();
    let issuer = ref_id(cred.get("issuer"));
    match (payload.get("iss").and_then(Value::as_str), issuer) {
        (Some(iss), Some(id)) if iss != id => {
            return Err(JwtError::IssMismatch(iss.to_owned(), id.to_owned()));
        }
        (None, _) => notes.push(msg!("chk-vcjwt-note-no-iss")),
        _ => {}
    }
    match (
        payload.get("jti").and_then(Value::as_str),
        cred.get("id").and_then(Value::as_str),
    ) {
        (Some(jti), Some(id)) if jti != id => {
            return Err(JwtError::JtiMismatch(jti.to_owned(), id.to_owned()));
        }
        (None, Some(_)) => notes.push(msg!("chk-vcjwt-note-no-jti")),
        _ => {}
    }
    let subject_id = match cred.get("credentialSubject") {
        Some(Value::Array(a)) => a.first().and_then(|s| s.get("id")).and_then(Value::as_str),
        Some(s) => s.get("id").and_then(Value::as_str),
        None => None,
    };
    match (payload.get("sub").and_then(Value::as_str), subject_id) {
        (Some(sub), Some(id)) if sub != id => {
            return Err(JwtError::SubMismatch(sub.to_owned(), id.to_owned()));
        }
        (Some(sub), None) => {
            return Err(JwtError::SubWithoutSubject(sub.to_owned()));
        }
        (None, Some(_)) => notes.push(msg!("chk-vcjwt-note-no-sub")),
        (None, None) => notes.push(msg!("chk-vcjwt-note-no-sub-no-id")),
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
            return Err(JwtError::ClaimNotNumber(claim));
        };
        let field = fields.iter().find_map(|f| cred.get(*f).map(|v| (*f, v)));
        if let Some((name, v)) = field {
            if let Ok(w) = crate::verify::dates::parse_date(v)
                && w.at.timestamp() != secs
            {
                return Err(JwtError::ClaimDate {
                    claim,
                    secs,
                    field: name,
                    date: w.at.to_rfc3339(),
                });
            }
        } else if claim == "exp" {
            return Err(JwtError::ExpWithoutValidUntil);
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
            assert!(e.to_string().contains(want), "{alg}: {e}");
        }
        let t = format!("{}.{}.sig", enc(&json!({"alg": "rs256"})), enc(&json!({})));
        let j = split(&t).unwrap();
        assert!(algorithm(&j.header, false).is_err());
        assert_eq!(algorithm(&j.header, true).unwrap(), Algorithm::RS256);
    }

    #[test]
    fn malformed_tokens() {
        assert_eq!(split("a.b").unwrap_err(), JwtError::NotCompact);
        assert_eq!(
            split("@@.e30.x").unwrap_err().to_string(),
            "the jws header is not valid base64url"
        );
        assert!(matches!(
            split(&format!(
                "{}.{}.x",
                enc(&json!({"alg": "RS256"})),
                URL_SAFE_NO_PAD.encode("nope")
            )),
            Err(JwtError::PayloadNotJson(_))
        ));
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
        assert_eq!(
            check_claims(&json!({"iss": "https://other"}), &cred)
                .unwrap_err()
                .to_string(),
            "the iss claim https://other is not the credential's issuer https://i"
        );
        assert_eq!(
            check_claims(&json!({"jti": "urn:2"}), &cred).unwrap_err(),
            JwtError::JtiMismatch("urn:2".into(), "urn:1".into())
        );
        assert_eq!(
            check_claims(&json!({"sub": "did:ex:2"}), &cred).unwrap_err(),
            JwtError::SubMismatch("did:ex:2".into(), "did:ex:1".into())
        );
        assert_eq!(
            check_claims(&json!({"nbf": 5}), &cred)
                .unwrap_err()
                .to_string(),
            "the nbf claim (5) does not match validFrom (2010-01-01T00:00:00+00:00)"
        );
    }

    /// Every variant's catalog message renders its `Display` text exactly in English, and
    /// something else in Spanish.
    #[test]
    fn errors_are_catalog_messages() {
        use crate::i18n::{Catalog, Lang};
        let all = [
            JwtError::NotCompact,
            JwtError::Base64("header"),
            JwtError::Base64("payload"),
            JwtError::Base64("signature"),
            JwtError::HeaderNotObject,
            JwtError::PayloadNotJson("expected value at line 1 column 1".into()),
            JwtError::AlgNotString,
            JwtError::NoAlg,
            JwtError::AlgNone,
            JwtError::SharedSecret("HS256".into()),
            JwtError::Unsupported("RS1".into()),
            JwtError::KeyCannotCheck("ES256".into(), "InvalidKeyFormat".into()),
            JwtError::VcNotObject,
            JwtError::V2InVcClaim,
            JwtError::V1OutsideVcClaim,
            JwtError::IssMismatch("https://a".into(), "https://b".into()),
            JwtError::JtiMismatch("urn:1".into(), "urn:2".into()),
            JwtError::SubMismatch("did:ex:1".into(), "did:ex:2".into()),
            JwtError::SubWithoutSubject("did:ex:1".into()),
            JwtError::ClaimNotNumber("nbf"),
            JwtError::ClaimDate {
                claim: "exp",
                secs: 5,
                field: "validUntil",
                date: "2010-01-01T00:00:00+00:00".into(),
            },
            JwtError::ExpWithoutValidUntil,
        ];
        let es = Catalog::get(Lang::Es);
        for e in all {
            crate::localize::assert_catalog_message(&e);
        }
        for id in [
            "chk-vcjwt-note-no-iss",
            "chk-vcjwt-note-no-jti",
            "chk-vcjwt-note-no-sub",
            "chk-vcjwt-note-no-sub-no-id",
        ] {
            assert!(Catalog::get(Lang::En).has(id) && es.has(id), "{id}");
        }
    }
}
