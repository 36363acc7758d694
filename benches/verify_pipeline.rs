//! Verification pipeline throughput: OB 2.0 signed (RS256 JWS, key / badge class / issuer /
//! revocation list served by an in-memory fetcher) and OB 3.0 VC-JWT (EdDSA with a did:key
//! kid, fully offline; RS256 with a header jwk). 1,000 distinct credentials each, verified in
//! one process through `verify_bytes`; prints credentials/s. Issue 3 "Speed".
//!
//! Run: `cargo bench --bench verify_pipeline` (harness = false). The functions are also
//! meant to be called from `benches/verify.rs` (Data Integrity section).

use std::collections::HashMap;
use std::time::Instant;

use backpack_core::env::{FetchError, FetchRequest, FetchResponse, Fetcher, FixedClock};
use backpack_core::verify::{Verdict, VerifyContext, verify_bytes};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

/// An RSA key generated with openssl for this benchmark only.
const RSA_PRIVATE: &str = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCS68xYRYXrW13L\nV2AGRo2TDVcpq3QZQbEzgnHvk2MTqun9qxgwb43XjlXgZpZbIR2Dqpx8VI3Ld8yh\n83uU6jZwxqZ47dPT4YdVTZJUD8Wr/6slYzP1sAQxF0T247HiXQpQlWoMowWjpFOB\nBZWpfrDuMFMKzv6dY8kFPCeKjbGWFuC8tbhpOXqDKiuPIbbYh+aJVJYjTC5hPOt8\nYptwQZkJtDmUN5LhmxpukKMI5u1OwMxS16gkgo827tBdRS92CbIh99vpdibC8IPx\nsR8vNfj9d+H3uo3ugUUWUwJFheYxg1tjyxQxj2S0/ehe4PY/z/ae90kxtcIkZtF+\nn9qU/AtDAgMBAAECggEAKV8R0zd8jvpS7pwDk7DRU/vZNAguMKCBfA469CoOJ68k\npcREkvsOt4jCoOZyZ2XrUDS+TPpoVUe+TUppXdUYEGi33uyljg//UmN+FYK9eIIN\nmQEW1BPFEmfJiTYz1Ji7e1afnsBXKa3vv7CpZKmiu+fKsov4QaykIf++6LKes7L/\nN0KWfiGHCGdjguEc0YSZOjAVk2JchmXmSdplr94ajZmOEazj7ScDYdl0/avOg4bX\nPKyuNCpLRJhu4oB8Mf34vJEzYxPOtbewsi5SeVhrxN75PEPp63Ii9KaKhw6QfCoH\nsluRwaMDSJ/dJ2jBDiBHgLXHBqaScBEONXHaz0O5iQKBgQDJgCNw1Xd5ShSGJ7uJ\nD6xZbWy0BlXTrDh5BavPLdGblid/ORYsE9upcfqtTgSoMNDuVgmMiXdcA9WCkhbp\nlsHWxhMLiaQukr0u26Fcqog1t8rlG44WD4NsR6MK+5ap71r+p5FjIQzAaJMXuBgi\ntVSugNZgt+sVOJnyydkd3jbc6wKBgQC6qJaOOx9oyPcvOZliabmTTIJA73E/SuJT\nkwYt+hID/To1Uht6Ej3OtR6keSeHtGMleDC7cMFP3FAnY9t377d15FpkrrUR+dSt\no7xPmcXEQMaLmykksl8law8cemimKuo9FoOkN1kac3Ns+ITxxQQ+ougyP3AePTqP\nATzW5w0VCQKBgQClJkLl7e+4F0FvGw2XrqLhwM/BVRfvH05B0qYYbkNHs++3VECZ\n68SzwllkxXcHqsrzLM0yxFBxuCq8k6P327oPn9RoNm28RkSMLTK50oNFE9hVoxn3\ndsuOacB19fJsYWNBKHH+v03GPW+hlx8hA2HejHYoW1Vv1S5IUauD0WdB9QKBgHwG\nbRNQoYwkjGnqocpMaaxAGARBlUPy4/OYK3D9Sl8wMS8gwXUZDcx9eEDc57E54O8S\nr368axY/U1r49Oj6dTJ2asGffFzXXcOKmiNiD5BZYhN9I5dolePtAPtxMnvG5CF3\nBj1lMWVr9PQhJWTn/ewInrRUhpDxKim/Lse0enLRAoGAMkxO1GNg2hDzlUTutAq+\nwq/Rfpb5pM8kPSzWVjmViKx8M3+UhikLVdXxhpry4RdqiHHCMnUND1ssijauO/EG\n4pqLeIvvSbkG9ippMlcj5pqo8v3vveWfZ1e9Eu8ps+MUXhqhKiIh2fWs58YuXQmo\nW3KSwVO0XFY9hK0W5PaI9D8=\n-----END PRIVATE KEY-----";
const RSA_PUBLIC: &str = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkuvMWEWF61tdy1dgBkaN\nkw1XKat0GUGxM4Jx75NjE6rp/asYMG+N145V4GaWWyEdg6qcfFSNy3fMofN7lOo2\ncMameO3T0+GHVU2SVA/Fq/+rJWMz9bAEMRdE9uOx4l0KUJVqDKMFo6RTgQWVqX6w\n7jBTCs7+nWPJBTwnio2xlhbgvLW4aTl6gyorjyG22IfmiVSWI0wuYTzrfGKbcEGZ\nCbQ5lDeS4ZsabpCjCObtTsDMUteoJIKPNu7QXUUvdgmyIffb6XYmwvCD8bEfLzX4\n/Xfh97qN7oFFFlMCRYXmMYNbY8sUMY9ktP3oXuD2P8/2nvdJMbXCJGbRfp/alPwL\nQwIDAQAB\n-----END PUBLIC KEY-----";

const N: usize = 1_000;

struct Docs(HashMap<String, Vec<u8>>);

impl Fetcher for Docs {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        match self.0.get(&req.url) {
            Some(b) => Ok(FetchResponse {
                url: req.url.clone(),
                status: 200,
                content_type: Some("application/ld+json".into()),
                body: b.clone(),
            }),
            None => Err(FetchError::Transport {
                url: req.url.clone(),
                message: "not in the bench set".into(),
            }),
        }
    }
}

fn clock() -> FixedClock {
    FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-05-04T12:00:00Z")
            .unwrap()
            .to_utc(),
    )
}

fn b64json(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
}

fn report(label: &str, tokens: &[String], fetcher: &dyn Fetcher, recipients: &[String]) {
    let c = clock();
    let ctx = VerifyContext::new(&c, fetcher).with_recipients(recipients);
    // Warm up once (first-use costs: provider install, lazy statics).
    let first = verify_bytes(tokens[0].as_bytes(), &ctx);
    assert_eq!(first.verdict, Verdict::Valid, "{label}: {first:#?}");
    let start = Instant::now();
    let mut valid = 0usize;
    for t in tokens {
        if verify_bytes(t.as_bytes(), &ctx).verdict == Verdict::Valid {
            valid += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{label}: {} credentials in {:.3} s = {:.0} credentials/s ({valid} valid)",
        tokens.len(),
        secs,
        tokens.len() as f64 / secs
    );
    assert_eq!(valid, tokens.len(), "{label}: every credential verifies");
}

/// OB 2.0 signed assertions: 1,000 distinct RS256 JWS over one issuer/key.
pub fn ob2_signed() {
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(RSA_PRIVATE.as_bytes()).unwrap();
    let base = "https://issuer.example";
    let mut docs = HashMap::new();
    docs.insert(format!("{base}/key.json"), serde_json::to_vec(&json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey",
        "id": format!("{base}/key.json"), "owner": format!("{base}/issuer.json"), "publicKeyPem": RSA_PUBLIC
    })).unwrap());
    docs.insert(format!("{base}/issuer.json"), serde_json::to_vec(&json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": format!("{base}/issuer.json"),
        "name": "Bench Issuer", "url": base, "email": "bench@issuer.example",
        "publicKey": format!("{base}/key.json"), "revocationList": format!("{base}/revocations.json")
    })).unwrap());
    docs.insert(
        format!("{base}/revocations.json"),
        serde_json::to_vec(&json!({
            "@context": "https://w3id.org/openbadges/v2", "type": "RevocationList",
            "id": format!("{base}/revocations.json"), "revokedAssertions": ["urn:uuid:revoked"]
        }))
        .unwrap(),
    );
    docs.insert(format!("{base}/badge.json"), serde_json::to_vec(&json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": format!("{base}/badge.json"),
        "name": "Bench Badge", "description": "For benchmarking.", "image": format!("{base}/badge.png"),
        "criteria": {"narrative": "Run the bench."}, "issuer": format!("{base}/issuer.json")
    })).unwrap());
    let header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    let salt = "deadsea";
    let hash = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942";
    let tokens: Vec<String> = (0..N)
        .map(|i| {
            let a = json!({
                "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
                "id": format!("urn:uuid:00000000-0000-4000-8000-{i:012}"),
                "recipient": {"type": "email", "hashed": true, "salt": salt, "identity": hash},
                "badge": format!("{base}/badge.json"), "issuedOn": "2024-01-01T00:00:00Z",
                "verification": {"type": "SignedBadge", "creator": format!("{base}/key.json")}
            });
            jsonwebtoken::encode(&header, &a, &key).unwrap()
        })
        .collect();
    report(
        "ob2 signed (RS256, in-memory key/badge/issuer/revocation list)",
        &tokens,
        &Docs(docs),
        &["nobody@example.org".to_string()],
    );
}

fn vc(i: usize, issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("urn:uuid:00000000-0000-4000-9000-{i:012}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Bench Issuer"},
        "validFrom": "2024-01-01T00:00:00Z", "name": format!("Bench badge {i}"),
        "credentialSubject": {"id": format!("did:example:learner{i}"), "type": ["AchievementSubject"],
            "achievement": {"id": "urn:uuid:a", "type": ["Achievement"], "name": "A", "criteria": {"narrative": "n"}}},
        "iss": issuer, "jti": format!("urn:uuid:00000000-0000-4000-9000-{i:012}"),
        "sub": format!("did:example:learner{i}"), "nbf": 1_704_067_200
    })
}

/// OB 3.0 VC-JWT: 1,000 EdDSA tokens with a did:key kid, and 1,000 RS256 with a header jwk.
pub fn vc_jwt() {
    use ed25519_dalek::Signer;
    let sk = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
    let pk = sk.verifying_key().to_bytes();
    let did = backpack_core::verify::keys::did_key_from_ed25519(&pk);
    let vm = backpack_core::verify::keys::did_key_verification_method(&pk);
    let h = b64json(&json!({"alg": "EdDSA", "typ": "JWT", "kid": vm}));
    let tokens: Vec<String> = (0..N)
        .map(|i| {
            let input = format!("{h}.{}", b64json(&vc(i, &did)));
            let sig = sk.sign(input.as_bytes());
            format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes()))
        })
        .collect();
    let none = Docs(HashMap::new());
    report("vc-jwt EdDSA (did:key kid, offline)", &tokens, &none, &[]);

    let key = jsonwebtoken::EncodingKey::from_rsa_pem(RSA_PRIVATE.as_bytes()).unwrap();
    let dk = jsonwebtoken::DecodingKey::from_rsa_pem(RSA_PUBLIC.as_bytes()).unwrap();
    let jwk = jsonwebtoken::jwk::Jwk::from_decoding_key(&dk, Some(jsonwebtoken::Algorithm::RS256))
        .unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.jwk = Some(jwk);
    let tokens: Vec<String> = (0..N)
        .map(|i| {
            jsonwebtoken::encode(&header, &vc(i, "https://issuer.example/issuer.json"), &key)
                .unwrap()
        })
        .collect();
    report("vc-jwt RS256 (header jwk, offline)", &tokens, &none, &[]);
}

fn main() {
    println!(
        "verification pipeline bench: {N} distinct credentials per line, one process, one thread"
    );
    ob2_signed();
    vc_jwt();
}
