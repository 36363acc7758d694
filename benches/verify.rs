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

/// CPU time this thread has run (Linux `/proc/thread-self/schedstat`, ns). On a shared,
/// loaded machine wall time includes waiting for a core; CPU time is what one core costs.
fn cpu_now() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        s.split_whitespace().next()?.parse().ok()?,
    ))
}

/// Wall and CPU time of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let c0 = cpu_now();
    let t = Instant::now();
    let out = f();
    let wall = t.elapsed();
    let cpu = match (c0, cpu_now()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    (out, wall, cpu)
}

fn line(label: &str, wall: Duration, cpu: Option<Duration>) {
    let us = |d: Duration| d.as_secs_f64() * 1e6 / N as f64;
    match cpu {
        Some(c) => println!(
            "  {label:<28} {:>8.1} µs wall  {:>8.1} µs cpu  {:>7.0}/s wall  {:>7.0}/s cpu",
            us(wall),
            us(c),
            per_sec(N, wall),
            per_sec(N, c)
        ),
        None => println!(
            "  {label:<28} {:>8.1} µs wall  {:>7.0}/s wall",
            us(wall),
            per_sec(N, wall)
        ),
    }
}

fn main() {
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let issuer = "https://example.edu/issuers/565049";
    let vm = format!(
        "{issuer}#{}",
        multikey_from_ed25519(&key.verifying_key().to_bytes())
    );
    let opts = ProofOptions {
        created: Some("2026-01-01T00:00:00Z".into()),
        ..ProofOptions::new("assertionMethod")
    };
    let (creds, sign_wall, sign_cpu) = timed(|| {
        (0..N)
            .map(|i| sign_eddsa_rdfc_2022(&credential(i, issuer), &key, &vm, &opts).unwrap())
            .collect::<Vec<Value>>()
    });

    let resolver = DefaultKeyResolver::new(&OfflineFetcher, None);
    // warm-up (fills the context cache, as the first credential of a session would)
    for c in creds.iter().take(20) {
        assert_eq!(
            verify_proofs(c, Some(issuer), &resolver).proof.0,
            Outcome::Pass
        );
    }
    let (ok, verify_wall, verify_cpu) = timed(|| {
        creds
            .iter()
            .filter(|c| {
                let out = verify_proofs(c, Some(issuer), &resolver);
                out.proof.0 == Outcome::Pass && out.issuer_key.0 == Outcome::Pass
            })
            .count()
    });
    assert_eq!(ok, N, "every credential must verify");

    // Breakdown (same credentials).
    let (doc_quads, expand_wall, expand_cpu) = timed(|| {
        creds
            .iter()
            .map(|c| {
                jsonld::object_to_quads(
                    c.as_object().unwrap(),
                    &["proof"],
                    None,
                    ContextVariant::Default,
                )
                .unwrap()
            })
            .collect::<Vec<_>>()
    });
    let (_, rdfc_wall, rdfc_cpu) = timed(|| {
        for q in &doc_quads {
            jsonld::rdfc10(q).unwrap();
        }
    });
    let (_, proof_wall, proof_cpu) = timed(|| {
        for c in &creds {
            let p = c["proof"].as_object().unwrap();
            jsonld::canonicalize_object(
                p,
                &["proofValue"],
                Some(&c["@context"]),
                ContextVariant::Default,
            )
            .unwrap();
        }
    });
    let (canon, canon_wall, canon_cpu) = timed(|| {
        creds
            .iter()
            .map(|c| {
                canonical_forms(
                    Suite::EddsaRdfc2022,
                    c,
                    &c["proof"],
                    ContextVariant::Default,
                )
                .unwrap()
            })
            .collect::<Vec<_>>()
    });
    let pk = key.verifying_key().to_bytes();
    let sigs: Vec<[u8; 64]> = creds
        .iter()
        .map(|c| {
            backpack_core::verify::data_integrity::decode_proof_value(
                c["proof"]["proofValue"].as_str().unwrap(),
            )
            .unwrap()
        })
        .collect();
    let (_, ed_wall, ed_cpu) = timed(|| {
        for (c, s) in canon.iter().zip(&sigs) {
            verify_signature(&pk, &c.hash_data(), s).unwrap();
        }
    });

    println!(
        "verify bench: {N} distinct OB 3.0 credentials (eddsa-rdfc-2022, OB 3.0.3 context), 1 thread"
    );
    println!(
        "  (per credential; \"cpu\" = this thread's CPU time, \"wall\" includes waiting for a shared core)"
    );
    line("sign (setup)", sign_wall, sign_cpu);
    line("verify_proofs (full)", verify_wall, verify_cpu);
    line("  JSON-LD -> quads (doc)", expand_wall, expand_cpu);
    line("  RDFC-1.0 (doc quads)", rdfc_wall, rdfc_cpu);
    line("  canonical proof config", proof_wall, proof_cpu);
    line("  canonical doc + proof", canon_wall, canon_cpu);
    line("  SHA-256 + Ed25519 verify", ed_wall, ed_cpu);
    println!("  target: >= 5000 eddsa-rdfc-2022 verifications/s on one core (verify_proofs cpu)");
}
