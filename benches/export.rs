//! Export speed (issue 5): a 100-badge collection to HTML and to ZIP, each with the signed
//! presentation (eddsa-rdfc-2022 over all the JSON credentials) embedded. Target: < 1 s each.
//! Issue 11: the same collection to PDF (fonts embedded and subset, images drawn, QR codes,
//! every original attached), and a 100-badge mix with SVG badges and names in Chinese and
//! Arabic; the first PDF of a process also scans the system fonts, so it is timed on its own.
//!
//! Run: `cargo bench --bench export`. Prints wall-clock times (best and median of 5 runs).

use std::time::{Duration, Instant};

use backpack_core::export::{self, ExportBadge, ExportFormat, ExportOptions, Portfolio, Privacy};
use backpack_core::learner_key::{LearnerKey, LearnerSecret};
use backpack_core::model::{Badge, Issuer};
use chrono::TimeZone;

fn fixture(rel: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn badge(i: usize, rel: &str) -> ExportBadge {
    let original = fixture(rel);
    let decoded = backpack_core::decode::decode(&original).expect("fixture decodes");
    let badge = backpack_core::parse::parse(&decoded)
        .map(|p| p.badge)
        .unwrap_or_else(|_| Badge {
            name: format!("Badge {i}"),
            description: Some(
                "A badge earned by doing the work, with a long enough description to be realistic."
                    .into(),
            ),
            issuer: Issuer {
                name: Some("Example University".into()),
                ..Issuer::default()
            },
            issued: Some("2026-01-01T00:00:00Z".into()),
            spec_version: "3.0".into(),
            ..Badge::default()
        });
    ExportBadge {
        wallet_id: i.to_string(),
        container: decoded.container,
        format: backpack_core::parse::parse(&decoded)
            .map(|p| p.format)
            .unwrap_or(if rel.ends_with(".png") {
                backpack_core::model::Format::Ob3Jwt
            } else {
                backpack_core::model::Format::Ob3Json
            }),
        payload: decoded.payload.text().to_string(),
        original,
        badge,
        report: None,
        note: Some(format!("Note {i}: see https://me.example/{i}")),
    }
}

fn time(label: &str, f: impl Fn() -> usize) {
    let mut runs: Vec<Duration> = Vec::new();
    let mut size = 0;
    for _ in 0..5 {
        let t = Instant::now();
        size = f();
        runs.push(t.elapsed());
    }
    runs.sort();
    println!(
        "{label:<28} best {:>8.1} ms   median {:>8.1} ms   output {:>8} bytes",
        runs[0].as_secs_f64() * 1e3,
        runs[2].as_secs_f64() * 1e3,
        size
    );
}

/// Names in other scripts, so the PDF embeds CJK and Arabic faces too.
const WORLD_NAMES: [&str; 4] = [
    "数据科学基础证书",
    "أساسيات البرمجة",
    "Élève émérite — Nguyễn Thị Ánh",
    "Основы программирования",
];

/// The fixture's PNG artwork made distinct per badge (a pixel changed, re-encoded as 8-bit
/// RGBA), so the PDF cannot share one decoded image between badges.
fn distinct_png(i: usize) -> Vec<u8> {
    let bytes = fixture("1edtech-public-validator/ob30/simple-jwt.png");
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut r = dec.read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let at = (i * 4097) % buf.len();
    buf[at] ^= 0x5a;
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, info.width, info.height);
    enc.set_color(info.color_type);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&buf).unwrap();
    out
}

fn main() {
    let sources = [
        "1edtech-public-validator/ob30/simple.json",
        "dcc-verifier-core/v2OBv3SpecExample.json",
        "1edtech-public-validator/ob30/complete.json",
        "1edtech-public-validator/ob30/simple-jwt.png",
    ];
    let badges: Vec<ExportBadge> = (0..100)
        .map(|i| badge(i, sources[i % sources.len()]))
        .collect();
    let p = Portfolio {
        title: "100 badges".into(),
        intro: Some("Benchmark portfolio".into()),
        note: None,
        badges,
    };
    let key = LearnerKey::new(LearnerSecret::from_bytes(&[7; 32]));
    let o = ExportOptions {
        privacy: Privacy {
            include_notes: true,
            include_evidence: true,
            ..Privacy::default()
        },
        exported_at: chrono::Utc.with_ymd_and_hms(2026, 5, 3, 12, 0, 0).unwrap(),
        learner: Some(&key),
        challenge: None,
        domain: None,
    };
    println!("export of a 100-badge collection (75 JSON + 25 baked PNG VC-JWT), target < 1 s each");
    // First: the first PDF of this process (it scans the system fonts and reads the faces).
    let t = Instant::now();
    let size = export::export(&p, ExportFormat::Pdf, &o)
        .unwrap()
        .bytes
        .len();
    println!(
        "{:<28} once {:>8.1} ms                         output {:>8} bytes",
        "pdf (first in process)",
        t.elapsed().as_secs_f64() * 1e3,
        size
    );
    time("html (with signed VP)", || {
        export::export(&p, ExportFormat::Html, &o)
            .unwrap()
            .bytes
            .len()
    });
    time("zip (with signed VP)", || {
        export::export(&p, ExportFormat::Zip, &o)
            .unwrap()
            .bytes
            .len()
    });
    time("vp only", || {
        export::export(&p, ExportFormat::Vp, &o)
            .unwrap()
            .bytes
            .len()
    });
    time("pdf", || {
        export::export(&p, ExportFormat::Pdf, &o)
            .unwrap()
            .bytes
            .len()
    });
    // 100 badges: 25 each of JSON, baked PNG, baked SVG and JSON shown with a name in another
    // script (Chinese, Arabic, Vietnamese, Russian).
    let world_sources = [
        "1edtech-public-validator/ob30/simple.json",
        "1edtech-public-validator/ob30/simple-jwt.png",
        "1edtech-public-validator/ob30/simple-jwt.svg",
        "dcc-verifier-core/v2OBv3SpecExample.json",
    ];
    let world: Vec<ExportBadge> = (0..100)
        .map(|i| {
            let mut b = badge(i, world_sources[i % world_sources.len()]);
            if i % 4 == 3 {
                b.badge.name = WORLD_NAMES[(i / 4) % WORLD_NAMES.len()].to_string();
            }
            if i % 4 == 1 {
                b.original = distinct_png(i);
            }
            b
        })
        .collect();
    let wp = Portfolio {
        title: "100 badges, four scripts".into(),
        intro: Some("Benchmark portfolio".into()),
        note: None,
        badges: world,
    };
    println!(
        "pdf of 100 badges: 25 JSON, 25 PNG (each a different 981x941 picture), 25 baked SVG, 25 named in CJK/Arabic/…"
    );
    time("pdf (svg + scripts)", || {
        export::export(&wp, ExportFormat::Pdf, &o)
            .unwrap()
            .bytes
            .len()
    });
}
