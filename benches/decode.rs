//! Decode + parse throughput: the import pipeline's CPU part without the wallet.
//!
//! Bakes 10,000 distinct OB 3.0 credentials into a small real PNG (and SVG) in memory, then
//! decodes and parses every one, single-threaded. Prints badges/s; the issue-2 target for the
//! whole import (decode + parse + store) is ≥ 5,000 badges/s on the 2-core machine, so this
//! part must be well above it. Run: `cargo bench --bench decode`.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use backpack_core::bake::{BakePayload, bake_png, bake_svg, keyword_for};
use backpack_core::decode::decode;
use backpack_core::model::Format;
use backpack_core::parse::parse;

const N: usize = 10_000;

fn fixture(rel: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn credentials(template: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(template).expect("fixture json");
    (0..N)
        .map(|i| {
            let mut d = doc.clone();
            d["id"] = format!("urn:uuid:00000000-0000-4000-8000-{i:012}").into();
            d["credentialSubject"]["achievement"]["name"] = format!("Badge number {i}").into();
            serde_json::to_string(&d).expect("serialise")
        })
        .collect()
}

fn run(label: &str, files: &[Vec<u8>]) {
    let bytes: usize = files.iter().map(Vec::len).sum();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let mut names = 0usize;
        for f in files {
            let d = decode(f).expect("decode");
            let p = parse(&d).expect("parse");
            names += p.badge.name.len();
        }
        std::hint::black_box(names);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{label:<34} {N} badges, {:>7.1} MB in {:>7.3} s = {:>8.0} badges/s ({:.0} MB/s)",
        bytes as f64 / 1e6,
        best,
        N as f64 / best,
        bytes as f64 / 1e6 / best
    );
}

fn main() {
    let png = fixture("bakery-python/public_domain_heart.png");
    let svg = fixture("bakery-python/unbaked_example.svg");
    for (name, rel) in [
        ("simple", "1edtech-public-validator/ob30/simple.json"),
        ("complete", "1edtech-public-validator/ob30/complete.json"),
    ] {
        let template = String::from_utf8(fixture(rel)).expect("utf-8");
        let creds = credentials(&template);
        let pngs: Vec<Vec<u8>> = creds
            .iter()
            .map(|c| bake_png(&png, keyword_for(Format::Ob3Json), c).expect("bake png"))
            .collect();
        let svgs: Vec<Vec<u8>> = creds
            .iter()
            .map(|c| {
                bake_svg(&svg, &BakePayload::for_format(Format::Ob3Json, c)).expect("bake svg")
            })
            .collect();
        // Baseline: serde_json alone (the floor for any parser that builds a Value).
        let t = Instant::now();
        for c in &creds {
            let v: serde_json::Value = serde_json::from_str(c).expect("json");
            std::hint::black_box(v);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{:<34} {N} docs in {s:>7.3} s = {:>8.0} docs/s",
            format!("{name} serde_json::Value only"),
            N as f64 / s
        );
        let jsons: Vec<Vec<u8>> = creds.into_iter().map(String::into_bytes).collect();
        run(&format!("{name} OB3 baked PNG"), &pngs);
        run(&format!("{name} OB3 baked SVG"), &svgs);
        run(&format!("{name} OB3 JSON"), &jsons);
    }
}
