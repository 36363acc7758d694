//! JSON Web Keys (RFC 7517, <https://www.rfc-editor.org/rfc/rfc7517>) as verification keys:
//! Ed25519 (`OKP`, RFC 8037), RSA (at least 2048 bits) and EC P-256. A JWK that carries a
//! private part (`d`) is refused: a credential or a key document must never hold one.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::DecodingKey;
use serde_json::Value;

use super::{KeyMaterialError, PublicKey};

fn b64(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(s.trim_end_matches('=')).ok()
}

/// A public JWK as a key: an OKP/Ed25519 JWK becomes [`PublicKey::Ed25519`]; RSA and EC
/// P-256 JWKs are checked and kept as JWKs.
pub fn key_from_jwk(jwk: &Value) -> Result<PublicKey, KeyMaterialError> {
    let o = jwk.as_object().ok_or(KeyMaterialError::JwkNotObject)?;
    if o.contains_key("d") {
        return Err(KeyMaterialError::JwkPrivate);
    }
    let s = |k: &str| o.get(k).and_then(Value::as_str);
    match s("kty") {
        Some("OKP") => {
            if s("crv") != Some("Ed25519") {
                return Err(KeyMaterialError::OkpCurve(
                    s("crv").unwrap_or("").to_owned(),
                ));
            }
            let x = s("x").ok_or(KeyMaterialError::OkpNoX)?;
            let bytes = b64(x).ok_or(KeyMaterialError::OkpXNotBase64url)?;
            let pk = <[u8; 32]>::try_from(bytes.as_slice())
                .map_err(|_| KeyMaterialError::OkpXLength(bytes.len()))?;
            Ok(PublicKey::Ed25519(pk))
        }
        Some("RSA") => {
            let (Some(n), Some(_e)) = (s("n"), s("e")) else {
                return Err(KeyMaterialError::RsaMissing);
            };
            if b64(n).map_or(0, |v| v.len()) < 256 {
                return Err(KeyMaterialError::RsaShort);
            }
            Ok(PublicKey::Jwk(jwk.clone()))
        }
        Some("EC") => {
            if s("crv") != Some("P-256") {
                return Err(KeyMaterialError::EcCurve(s("crv").unwrap_or("").to_owned()));
            }
            let (Some(x), Some(y)) = (s("x"), s("y")) else {
                return Err(KeyMaterialError::EcMissing);
            };
            if b64(x).map(|v| v.len()) != Some(32) || b64(y).map(|v| v.len()) != Some(32) {
                return Err(KeyMaterialError::EcLength);
            }
            Ok(PublicKey::Jwk(jwk.clone()))
        }
        Some(other) => Err(KeyMaterialError::Kty(other.to_owned())),
        None => Err(KeyMaterialError::NoKty),
    }
}

/// A key as `jsonwebtoken` needs it to check a JWS.
pub fn decoding_key(k: &PublicKey) -> Result<DecodingKey, KeyMaterialError> {
    match k {
        PublicKey::Ed25519(raw) => Ok(DecodingKey::from_ed_der(raw)),
        PublicKey::Jwk(j) => {
            let s = |k: &str| j.get(k).and_then(Value::as_str).unwrap_or("");
            match s("kty") {
                "RSA" => DecodingKey::from_rsa_components(s("n"), s("e"))
                    .map_err(|e| KeyMaterialError::Library("RSA JWK", e.to_string())),
                "EC" => DecodingKey::from_ec_components(s("x"), s("y"))
                    .map_err(|e| KeyMaterialError::Library("EC JWK", e.to_string())),
                other => Err(KeyMaterialError::Kty(other.to_owned())),
            }
        }
        PublicKey::RsaPem(pem) => DecodingKey::from_rsa_pem(pem.as_bytes())
            .map_err(|e| KeyMaterialError::Library("RSA PEM", e.to_string())),
    }
}

/// The public parameters of a JWK that identify the key (RFC 7638 members), trimmed of
/// base64 padding.
fn params(j: &Value) -> Option<Vec<String>> {
    let s = |k: &str| {
        j.get(k)
            .and_then(Value::as_str)
            .map(|x| x.trim_end_matches('=').to_owned())
    };
    let names: &[&str] = match s("kty")?.as_str() {
        "RSA" => &["kty", "n", "e"],
        "EC" => &["kty", "crv", "x", "y"],
        "OKP" => &["kty", "crv", "x"],
        _ => return None,
    };
    names.iter().map(|n| s(n)).collect()
}

/// Same public key: an Ed25519 key equals its OKP JWK; JWKs compare their public members;
/// PEMs compare after whitespace is removed.
pub fn same_key(a: &PublicKey, b: &PublicKey) -> bool {
    use PublicKey::*;
    match (a, b) {
        (Ed25519(x), Ed25519(y)) => x == y,
        (Ed25519(x), Jwk(j)) | (Jwk(j), Ed25519(x)) => {
            matches!(key_from_jwk(j), Ok(Ed25519(y)) if &y == x)
        }
        (Jwk(x), Jwk(y)) => params(x).is_some() && params(x) == params(y),
        (RsaPem(x), RsaPem(y)) => {
            let norm = |s: &str| s.split_whitespace().collect::<String>();
            norm(x) == norm(y)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn private_and_short_keys_refused() {
        let e = key_from_jwk(&json!({"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"}))
            .unwrap_err();
        assert_eq!(e, KeyMaterialError::JwkPrivate);
        assert_eq!(
            e.to_string(),
            "the JWK holds a private key (\"d\"); refusing it"
        );
        let e = key_from_jwk(&json!({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"})).unwrap_err();
        assert_eq!(e, KeyMaterialError::OkpXLength(3));
        let e = key_from_jwk(&json!({"kty": "RSA", "n": "AQAB", "e": "AQAB"})).unwrap_err();
        assert_eq!(e, KeyMaterialError::RsaShort);
    }

    #[test]
    fn ed25519_equals_its_jwk() {
        let raw = [7u8; 32];
        let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(raw)});
        assert!(same_key(
            &PublicKey::Ed25519(raw),
            &PublicKey::Jwk(jwk.clone())
        ));
        assert!(!same_key(
            &PublicKey::Ed25519([8u8; 32]),
            &PublicKey::Jwk(jwk)
        ));
    }
}
