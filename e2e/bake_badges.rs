//! `make bench-app` input (issue 10): `bake_badges DIR N` writes N distinct OB 3.0 credentials,
//! each signed with eddsa-rdfc-2022 by a did:key made for this run, baked into small PNGs
//! (`DIR/badge-NNNNN.png`), the same shape `benches/cli.rs` times through the CLI. They verify
//! offline, so the app bench times real verification, not a fast refusal.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use backpack_core::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};
use backpack_core::verify::keys::{did_key_from_ed25519, did_key_verification_method};
use ed25519_dalek::SigningKey;
use serde_json::{Value, json};
use std::path::PathBuf;

/// A real 16x16 RGBA PNG, encoded once (a gradient, so no two encoders agree by accident).
fn tiny_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 16, 16);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("png header");
        let data: Vec<u8> = (0..16u8)
            .flat_map(|y| (0..16u8).flat_map(move |x| [x * 16, y * 16, 128, 255]))
            .collect();
        w.write_image_data(&data).expect("png data");
    }
    out
}

/// The same words as e2e/test_app.py's `make_badges` (the search bench types them), signed.
fn credential(i: usize, issuer: &str) -> Value {
    let skills = [
        "Soldering",
        "Python",
        "Public speaking",
        "First aid",
        "Teamwork",
        "Robotics",
        "Algebra",
        "Chemistry",
    ];
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("urn:uuid:a99e0000-0000-4000-8000-{i:012}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": format!("Example College {}", i % 40)},
        "validFrom": format!("20{:02}-{:02}-{:02}T00:00:00Z", 10 + i % 16, 1 + i % 12, 1 + i % 28),
        "name": format!("Badge {i}"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": format!("https://college{}.example/achievements/{i}", i % 40),
                "type": ["Achievement"],
                "name": format!("{} level {} #{i}", skills[i % 8], i % 5),
                "description": format!("Awarded for {} work number {i}.", skills[(i * 3) % 8].to_lowercase()),
                "criteria": {"narrative": "Complete the project."}
            }
        }
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: bake_badges DIR N"));
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let key = SigningKey::generate(&mut rand_core::OsRng);
    let pk = key.verifying_key().to_bytes();
    let issuer = did_key_from_ed25519(&pk);
    let vm = did_key_verification_method(&pk);
    let opts = ProofOptions {
        created: Some("2026-01-01T00:00:00Z".into()),
        ..ProofOptions::new("assertionMethod")
    };
    let image = tiny_png();
    let threads = std::thread::available_parallelism().map_or(1, |c| c.get());
    std::thread::scope(|s| {
        for t in 0..threads {
            let (dir, key, issuer, vm, opts, image) = (&dir, &key, &issuer, &vm, &opts, &image);
            s.spawn(move || {
                for i in (t..n).step_by(threads) {
                    let signed =
                        sign_eddsa_rdfc_2022(&credential(i, issuer), key, vm, opts).expect("sign");
                    let text = serde_json::to_string(&signed).expect("json");
                    let baked = backpack_core::bake::bake_png(image, "openbadgecredential", &text)
                        .expect("bake");
                    std::fs::write(dir.join(format!("badge-{i:05}.png")), baked).expect("write");
                }
            });
        }
    });
    println!("baked {n} signed OB 3.0 badges into {}", dir.display());
}
