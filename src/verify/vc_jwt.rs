//! Compact JWS: OB 3.0 / CLR 2.0 VC-JWT (STANDARDS §3.2) and the JWS helpers OB 2.0 signed
//! badges use too (§2.2, §6.6).
//!
//! VC-JWT verification:
//! 1. split and decode the header (our own JSON parse, so `alg: none`, unknown algorithms
//!    and OB 2.0's lower-case `rs256` get a clear answer instead of a library error);
//! 2. the algorithm must be RS256, ES256 or EdDSA — `none`, HMAC and anything else are
//!    invalid (`proof` fail);
//! 3. the key comes from the header `jwk` (which must not hold a private `d`) or from `kid`:
//!    `did:jwk`, `did:key` (Ed25519) offline; `did:web` and http(s) URLs through the network
//!    (a JWK, a JWK set, or a DID/controller document);
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

use super::keys::PublicKey;
use super::schema::{VC_V1, VC_V2, ref_id};

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

fn b64_len(s: &str) -> Option<usize> {
    URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('='))
        .ok()
        .map(|v| v.len())
}

/// A public JWK (RSA, EC P-256, OKP Ed25519) as a decoding key.
pub fn key_from_jwk(jwk: &Value) -> Result<DecodingKey, String> {
    let o = jwk.as_object().ok_or("the jwk is not an object")?;
    if o.contains_key("d") {
        return Err("the jwk holds a private key (d); a public key is required".into());
    }
    let s = |k: &str| o.get(k).and_then(Value::as_str);
    match s("kty") {
        Some("RSA") => {
            let (Some(n), Some(e)) = (s("n"), s("e")) else {
                return Err("rsa jwk lacks n or e".into());
            };
            if b64_len(n).unwrap_or(0) < 256 {
                return Err("rsa jwk modulus is shorter than 2048 bits".into());
            }
            DecodingKey::from_rsa_components(n, e).map_err(|e| format!("bad rsa jwk: {e}"))
        }
        Some("EC") => {
            if s("crv") != Some("P-256") {
                return Err(format!("unsupported ec curve {:?}", s("crv").unwrap_or("")));
            }
            let (Some(x), Some(y)) = (s("x"), s("y")) else {
                return Err("ec jwk lacks x or y".into());
            };
            if b64_len(x) != Some(32) || b64_len(y) != Some(32) {
                return Err("ec jwk coordinates are not 32 bytes".into());
            }
            DecodingKey::from_ec_components(x, y).map_err(|e| format!("bad ec jwk: {e}"))
        }
        Some("OKP") => {
            if s("crv") != Some("Ed25519") {
                return Err(format!(
                    "unsupported okp curve {:?}",
                    s("crv").unwrap_or("")
                ));
            }
            let x = s("x").ok_or("okp jwk lacks x")?;
            if b64_len(x) != Some(32) {
                return Err("ed25519 jwk x is not 32 bytes".into());
            }
            DecodingKey::from_ed_components(x).map_err(|e| format!("bad ed25519 jwk: {e}"))
        }
        Some(other) => Err(format!("unsupported jwk key type {other:?}")),
        None => Err("the jwk has no kty".into()),
    }
}

/// A resolved [`PublicKey`] as a decoding key.
pub fn key_from_public(k: &PublicKey) -> Result<DecodingKey, String> {
    match k {
        PublicKey::Ed25519(raw) => Ok(DecodingKey::from_ed_der(raw)),
        PublicKey::Jwk(j) => key_from_jwk(j),
        PublicKey::RsaPem(pem) => {
            DecodingKey::from_rsa_pem(pem.as_bytes()).map_err(|e| format!("bad rsa pem: {e}"))
        }
    }
}

/// An Ed25519 `did:key` / multikey `z6Mk…` as raw key bytes.
pub fn ed25519_multikey(mb: &str) -> Result<[u8; 32], String> {
    let rest = mb
        .strip_prefix('z')
        .ok_or("multikey is not base58btc (z…)")?;
    let bytes = bs58::decode(rest)
        .into_vec()
        .map_err(|_| "multikey is not valid base58".to_string())?;
    match bytes.as_slice() {
        [0xed, 0x01, key @ ..] => {
            <[u8; 32]>::try_from(key).map_err(|_| "ed25519 multikey is not 32 bytes".to_string())
        }
        _ => Err("multikey is not an ed25519 key (prefix 0xed01)".into()),
    }
}

/// Where a JWT's key came from.
#[derive(Debug)]
pub enum KeySource {
    /// The header `jwk`: no link to the issuer beyond the signature.
    HeaderJwk,
    /// Resolved from `kid`, with the DID / URL that controls it.
    Kid {
        /// The kid.
        kid: String,
        /// Its controller (the DID, or the document URL).
        controller: String,
    },
}

/// Outcome of key lookup.
pub enum KeyLookup {
    /// A usable key.
    Found(DecodingKey, KeySource),
    /// Could not be fetched: could not check.
    Unavailable(String),
    /// Malformed or missing: invalid.
    Invalid(String),
}

/// Find the key of a VC-JWT. `fetch_json` fetches a URL (network policy applies).
pub fn lookup_key(
    header: &Map<String, Value>,
    fetch_json: &dyn Fn(&str) -> Result<Value, String>,
) -> KeyLookup {
    if let Some(jwk) = header.get("jwk") {
        return match key_from_jwk(jwk) {
            Ok(k) => KeyLookup::Found(k, KeySource::HeaderJwk),
            Err(e) => KeyLookup::Invalid(format!("header jwk: {e}")),
        };
    }
    let Some(kid) = header.get("kid").and_then(Value::as_str) else {
        return KeyLookup::Invalid(
            "the token names no key (neither kid nor jwk in the header)".into(),
        );
    };
    let (base, fragment) = match kid.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (kid, None),
    };
    let found = |k: Result<DecodingKey, String>| match k {
        Ok(k) => KeyLookup::Found(
            k,
            KeySource::Kid {
                kid: kid.to_string(),
                controller: base.to_string(),
            },
        ),
        Err(e) => KeyLookup::Invalid(format!("{kid}: {e}")),
    };
    if let Some(enc) = base.strip_prefix("did:jwk:") {
        let jwk = b64(enc, "did:jwk").and_then(|b| {
            serde_json::from_slice::<Value>(&b).map_err(|_| "did:jwk is not json".into())
        });
        return found(jwk.and_then(|j| key_from_jwk(&j)));
    }
    if let Some(mb) = base.strip_prefix("did:key:") {
        return found(ed25519_multikey(mb).map(|raw| DecodingKey::from_ed_der(&raw)));
    }
    let url = if let Some(rest) = base.strip_prefix("did:web:") {
        did_web_url(rest)
    } else if base.starts_with("https://") || base.starts_with("http://") {
        base.to_string()
    } else {
        return KeyLookup::Invalid(format!("cannot resolve key id {kid:?}: unsupported scheme"));
    };
    let doc = match fetch_json(&url) {
        Ok(d) => d,
        Err(e) => return KeyLookup::Unavailable(format!("key {kid}: {e}")),
    };
    let is_did_web = base.starts_with("did:web:");
    match jwk_in_document(&doc, kid, fragment) {
        Ok((jwk, declared)) => match key_from_jwk(&jwk) {
            // A DID's keys belong to the DID; an http key document may name its controller
            // (Multikey `controller`, or the JWK's non-standard `iss`, STANDARDS §3.2).
            Ok(k) => KeyLookup::Found(
                k,
                KeySource::Kid {
                    kid: kid.to_string(),
                    controller: match declared {
                        Some(c) if !is_did_web => c,
                        _ => base.to_string(),
                    },
                },
            ),
            Err(e) => KeyLookup::Invalid(format!("{kid}: {e}")),
        },
        Err(e) => KeyLookup::Invalid(format!("{kid}: {e}")),
    }
}

/// did:web method-specific id → document URL (STANDARDS §3.4).
pub fn did_web_url(msid: &str) -> String {
    let mut parts = msid.split(':');
    let host = parts
        .next()
        .unwrap_or("")
        .replace("%3A", ":")
        .replace("%3a", ":");
    let path: Vec<&str> = parts.collect();
    if path.is_empty() {
        format!("https://{host}/.well-known/did.json")
    } else {
        format!("https://{host}/{}/did.json", path.join("/"))
    }
}

/// Find a JWK in a fetched key document — a JWK, a JWK set, a DID/controller document or a
/// Multikey document — with the controller it declares, if any.
fn jwk_in_document(
    doc: &Value,
    kid: &str,
    fragment: Option<&str>,
) -> Result<(Value, Option<String>), String> {
    let declared = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let multikey = |mb: &str| -> Result<Value, String> {
        let raw = ed25519_multikey(mb)?;
        Ok(serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(raw)}))
    };
    if doc.get("kty").is_some() {
        return Ok((doc.clone(), declared(doc, "iss")));
    }
    let matches_id =
        |id: &str| id == kid || fragment.is_some_and(|f| id == format!("#{f}") || id == f);
    if let Some(keys) = doc.get("keys").and_then(Value::as_array) {
        let pick = keys
            .iter()
            .find(|k| k.get("kid").and_then(Value::as_str).is_some_and(matches_id))
            .or(if keys.len() == 1 { keys.first() } else { None });
        return pick
            .map(|k| (k.clone(), declared(k, "iss")))
            .ok_or_else(|| format!("no key {kid} in the key set"));
    }
    if let Some(vms) = doc.get("verificationMethod").and_then(Value::as_array) {
        let vm = vms
            .iter()
            .find(|v| v.get("id").and_then(Value::as_str).is_some_and(matches_id))
            .ok_or_else(|| format!("{kid} is not in the document's verificationMethod"))?;
        let controller = declared(vm, "controller").or_else(|| declared(doc, "id"));
        if let Some(j) = vm.get("publicKeyJwk") {
            return Ok((j.clone(), controller));
        }
        if let Some(mb) = vm.get("publicKeyMultibase").and_then(Value::as_str) {
            return Ok((multikey(mb)?, controller));
        }
        return Err(format!("{kid} has no publicKeyJwk or publicKeyMultibase"));
    }
    if let Some(j) = doc.get("publicKeyJwk") {
        return Ok((j.clone(), declared(doc, "controller")));
    }
    if let Some(mb) = doc.get("publicKeyMultibase").and_then(Value::as_str) {
        return Ok((multikey(mb)?, declared(doc, "controller")));
    }
    Err("the key document holds no jwk".into())
}

/// The credential inside a VC-JWT payload and the VCDM version it claims.
pub fn credential(payload: &Value) -> Result<(&Value, &'static str), String> {
    let (cred, shape) = match payload.get("vc") {
        Some(vc @ Value::Object(_)) => (vc, "1.1"),
        Some(_) => return Err("the vc claim is not an object".into()),
        None => (payload, "2.0"),
    };
    let first = super::schema::contexts(cred).first().copied();
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
            if let Ok(w) = super::dates::parse_date(v)
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
    fn private_jwk_and_short_keys_refused() {
        let e = key_from_jwk(&json!({"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"}))
            .err()
            .unwrap();
        assert!(e.contains("private"));
        let e = key_from_jwk(&json!({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}))
            .err()
            .unwrap();
        assert!(e.contains("32 bytes"));
    }

    #[test]
    fn did_web_urls() {
        assert_eq!(
            did_web_url("example.com"),
            "https://example.com/.well-known/did.json"
        );
        assert_eq!(
            did_web_url("example.com%3A3000:user:alice"),
            "https://example.com:3000/user/alice/did.json"
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
