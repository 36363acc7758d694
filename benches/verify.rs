//! Verification throughput (issue 3 "Speed"): 1,000 distinct OB 3.0 credentials, signed here
//! with a test key (eddsa-rdfc-2022, issuer-URL `#z6Mk…` key, as the 1EdTech fixtures), then
//! verified single-threaded in one process with the offline pipeline pieces the wallet uses
//! (`verify_proofs` with the default key resolver). Prints credentials/s and where the time
//! goes. Run with `cargo bench --bench verify`. Target: ≥ 5,000 verifications/s on one core.
//!
//! The pipeline developer adds OB2-signed and VC-JWT sections below.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use backpack_core::env::OfflineFetcher;
use backpack_core::verify::Outcome;
use backpack_core::verify::data_integrity::{
    ProofOptions, Suite, canonical_forms, sign_eddsa_rdfc_2022, verify_proofs, verify_signature,
};
use backpack_core::verify::jsonld::{self, ContextVariant};
use backpack_core::verify::keys::{DefaultKeyResolver, multikey_from_ed25519};
use ed25519_dalek::SigningKey;
use serde_json::{Value, json};

const N: usize = 1_000;

fn credential(i: usize, issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("urn:uuid:7f2e1c3a-0000-4000-8000-{i:012}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": format!("Example University {}", i % 17)},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": format!("Badge number {i}"),
        "credentialSubject": {
            "id": format!("did:example:learner{i}"),
            "type": ["AchievementSubject"],
            "achievement": {
                "id": format!("https://example.edu/achievements/{}", i % 50),
                "type": ["Achievement"],
                "criteria": {"narrative": format!("Completed unit {i} with distinction.")},
                "description": "Shows the learner can verify badges fast.",
                "name": format!("Achievement {}", i % 50)
            }
        }
    })
}

fn per_sec(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn main() {
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let issuer = "https://example.edu/issuers/565049";
    let vm = format!("{issuer}#{}", multikey_from_ed25519(&key.verifying_key().to_bytes()));
    let opts = ProofOptions {
        created: Some("2026-01-01T00:00:00Z".into()),
        ..ProofOptions::new("assertionMethod")
    };
    let t = Instant::now();
    let creds: Vec<Value> = (0..N)
        .map(|i| sign_eddsa_rdfc_2022(&credential(i, issuer), &key, &vm, &opts).unwrap())
        .collect();
    let sign_time = t.elapsed();

    let resolver = DefaultKeyResolver::new(&OfflineFetcher, None);
    // warm-up
    for c in creds.iter().take(20) {
        assert_eq!(verify_proofs(c, Some(issuer), &resolver).proof.0, Outcome::Pass);
    }
    let t = Instant::now();
    let mut ok = 0;
    for c in &creds {
        let out = verify_proofs(c, Some(issuer), &resolver);
        if out.proof.0 == Outcome::Pass && out.issuer_key.0 == Outcome::Pass {
            ok += 1;
        }
    }
    let verify_time = t.elapsed();
    assert_eq!(ok, N, "every credential must verify");

    // Breakdown (same credentials).
    let t = Instant::now();
    let mut doc_quads = Vec::with_capacity(N);
    for c in &creds {
        doc_quads.push(jsonld::object_to_quads(c.as_object().unwrap(), &["proof"], None, ContextVariant::Default).unwrap());
    }
    let expand_time = t.elapsed();
    let t = Instant::now();
    for q in &doc_quads {
        jsonld::rdfc10(q).unwrap();
    }
    let rdfc_time = t.elapsed();
    let t = Instant::now();
    for c in &creds {
        let p = c["proof"].as_object().unwrap();
        jsonld::canonicalize_object(p, &["proofValue"], Some(&c["@context"]), ContextVariant::Default).unwrap();
    }
    let proof_time = t.elapsed();
    let t = Instant::now();
    let mut canon = Vec::with_capacity(N);
    for c in &creds {
        canon.push(canonical_forms(Suite::EddsaRdfc2022, c, &c["proof"], ContextVariant::Default).unwrap());
    }
    let canon_time = t.elapsed();
    let pk = key.verifying_key().to_bytes();
    let sigs: Vec<[u8; 64]> = creds
        .iter()
        .map(|c| backpack_core::verify::data_integrity::decode_proof_value(c["proof"]["proofValue"].as_str().unwrap()).unwrap())
        .collect();
    let t = Instant::now();
    for (c, s) in canon.iter().zip(&sigs) {
        verify_signature(&pk, &c.hash_data(), s).unwrap();
    }
    let ed_time = t.elapsed();

    println!("verify bench: {N} distinct OB 3.0 credentials (eddsa-rdfc-2022, OB 3.0.3 context), 1 thread");
    println!("  sign (setup)               {:>8.0} credentials/s  ({:.1} ms total)", per_sec(N, sign_time), sign_time.as_secs_f64() * 1e3);
    println!("  verify_proofs (full)       {:>8.0} credentials/s  ({:.1} µs each)  target >= 5000/s", per_sec(N, verify_time), verify_time.as_secs_f64() * 1e6 / N as f64);
    println!("    JSON-LD → quads (doc)    {:>8.1} µs each", expand_time.as_secs_f64() * 1e6 / N as f64);
    println!("    RDFC-1.0 (doc quads)     {:>8.1} µs each", rdfc_time.as_secs_f64() * 1e6 / N as f64);
    println!("    canonical proof config   {:>8.1} µs each", proof_time.as_secs_f64() * 1e6 / N as f64);
    println!("    canonical doc + proof    {:>8.1} µs each", canon_time.as_secs_f64() * 1e6 / N as f64);
    println!("    SHA-256 + Ed25519 verify {:>8.1} µs each", ed_time.as_secs_f64() * 1e6 / N as f64);
}
