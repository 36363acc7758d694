//! Whole-process bench (issue 10): what the learner waits for, measured from outside by
//! spawning the real `backpack` binary.
//!
//! Bakes `BENCH_BADGES` (10,000) distinct OB 3.0 credentials, each signed here with
//! eddsa-rdfc-2022 by a did:key generated for this run, into small PNGs; then times
//! 1. `backpack import --json DIR` into a fresh wallet (verification on, offline),
//! 2. `backpack verify --json` over the first 1,000 files (no wallet),
//! 3. `backpack recheck --all --json` offline on the 10,000-badge wallet,
//!
//! and prints badges/s, wall and CPU time (the child's user+sys), the cores used (CPU / wall)
//! and the wallet size against the input size. Targets (issue 10, 2 cores): import ≥ 2,000/s,
//! verify ≥ 5,000/s, recheck --all < 3 s, wallet < 2× the input.
//!
//! Run: `make bench-cli` (builds the release CLI first). `BACKPACK_BIN=path` times another
//! binary (e.g. an older build, for before/after); `BENCH_BADGES=N` changes the count;
//! `BENCH_KEEP=1` keeps the temp dir (inputs and wallet) for inspection.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use backpack_core::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};
use backpack_core::verify::keys::{did_key_from_ed25519, did_key_verification_method};
use ed25519_dalek::SigningKey;
use rayon::prelude::*;
use serde_json::{Value, json};

/// A real 16x16 RGBA PNG (a small gradient), encoded once.
fn tiny_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 16, 16);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("png header");
        let mut data = Vec::with_capacity(16 * 16 * 4);
        for y in 0..16u8 {
            for x in 0..16u8 {
                data.extend_from_slice(&[x * 16, y * 16, 128, 255]);
            }
        }
        w.write_image_data(&data).expect("png data");
    }
    out
}

fn credential(i: usize, issuer: &str) -> Value {
    let skills = [
        "Teamwork",
        "Welding",
        "Statistics",
        "Rust",
        "Public Speaking",
    ];
    let skill = skills[i % skills.len()];
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": format!("urn:uuid:5eed0000-0000-4000-8000-{i:012}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Bench College"},
        "validFrom": format!("20{:02}-{:02}-{:02}T00:00:00Z", 10 + i % 15, 1 + i % 12, 1 + i % 28),
        "name": format!("{skill} Badge {i}"),
        "credentialSubject": {
            "id": format!("did:example:learner{}", i % 97),
            "type": ["AchievementSubject"],
            "achievement": {
                "id": format!("https://example.edu/achievements/{}", i % 50),
                "type": ["Achievement"],
                "criteria": {"narrative": format!("Completed unit {i}.")},
                "description": "Shows the learner can import badges fast.",
                "name": format!("{skill} level {}", i % 7)
            }
        }
    })
}

/// User + system CPU seconds of this process's waited-for children (/proc/self/stat
/// fields 16 and 17, `cutime` + `cstime`).
fn children_cpu() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some(f.get(13)?.parse::<u64>().ok()? + f.get(14)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

struct Timed {
    wall: Duration,
    cpu: Duration,
    stdout: String,
}

fn run(bin: &Path, args: &[&std::ffi::OsStr]) -> Timed {
    let cpu0 = children_cpu();
    let t = Instant::now();
    let out = Command::new(bin)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    let wall = t.elapsed();
    let cpu = children_cpu().saturating_sub(cpu0);
    if out.status.code().is_none_or(|c| c > 1) {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        panic!("{} {:?} failed: {}", bin.display(), args, out.status);
    }
    Timed {
        wall,
        cpu,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

fn report(label: &str, n: usize, t: &Timed, target: &str) {
    let wall = t.wall.as_secs_f64();
    let cpu = t.cpu.as_secs_f64();
    println!(
        "{label:<18} {n:>6} in {wall:>6.3} s wall = {:>6.0}/s   cpu {cpu:>6.2} s ({:>6.0}/cpu-s)   cores used {:.2}   {target}",
        n as f64 / wall,
        n as f64 / cpu.max(0.001),
        cpu / wall.max(0.001),
    );
}

fn count(stdout: &str, needle: &str) -> usize {
    stdout.lines().filter(|l| l.contains(needle)).count()
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn main() {
    let n: usize = std::env::var("BENCH_BADGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let n_verify = n.min(1_000);
    let bin = std::env::var_os("BACKPACK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
            target.join("release/backpack")
        });
    assert!(
        bin.exists(),
        "{} not found: build it with `cargo build --release -p backpack-cli` (make bench-cli)",
        bin.display()
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("badges");
    std::fs::create_dir(&input).expect("mkdir");

    // A did:key made for this run: the credentials verify offline with nothing cached.
    let key = SigningKey::generate(&mut rand_core::OsRng);
    let pk = key.verifying_key().to_bytes();
    let issuer = did_key_from_ed25519(&pk);
    let vm = did_key_verification_method(&pk);
    let opts = ProofOptions {
        created: Some("2026-01-01T00:00:00Z".into()),
        ..ProofOptions::new("assertionMethod")
    };
    let image = tiny_png();
    let t = Instant::now();
    let files: Vec<(PathBuf, u64)> = (0..n)
        .into_par_iter()
        .map(|i| {
            let signed =
                sign_eddsa_rdfc_2022(&credential(i, &issuer), &key, &vm, &opts).expect("sign");
            let text = serde_json::to_string(&signed).expect("json");
            let baked =
                backpack_core::bake::bake_png(&image, "openbadgecredential", &text).expect("bake");
            let path = input.join(format!("badge-{i:05}.png"));
            std::fs::write(&path, &baked).expect("write");
            (path, baked.len() as u64)
        })
        .collect();
    let input_bytes: u64 = files.iter().map(|(_, l)| l).sum();
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    println!(
        "bench-cli: {n} distinct OB 3.0 eddsa-rdfc-2022 credentials (issuer {}…) baked into PNGs in {:.1} s",
        &issuer[..20],
        t.elapsed().as_secs_f64()
    );
    println!(
        "binary: {}   cores available: {cores}   load average: {}",
        bin.display(),
        std::fs::read_to_string("/proc/loadavg")
            .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    );

    let wallet = dir.path().join("wallet.db");
    let os = |s: &'static str| -> &std::ffi::OsStr { std::ffi::OsStr::new(s) };

    // 1. import (verification on, offline)
    let import = run(
        &bin,
        &[
            os("--wallet"),
            wallet.as_os_str(),
            os("import"),
            os("--json"),
            input.as_os_str(),
        ],
    );
    let imported = count(&import.stdout, "\"result\":\"imported\"");
    let verified = count(&import.stdout, "\"status\":\"verified\"");
    report(
        "import (verify on)",
        n,
        &import,
        "(target >= 2000/s on 2 cores)",
    );
    println!("                   {imported} imported, {verified} verified");
    assert_eq!(imported, n, "every badge must be imported");
    assert_eq!(verified, n, "every badge must verify");
    let wallet_bytes: u64 = ["wallet.db", "wallet.db-wal", "wallet.db-shm"]
        .iter()
        .map(|f| file_len(&dir.path().join(f)))
        .sum();

    // 2. verify over 1,000 files, no wallet
    let no_wallet = dir.path().join("none.db");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        os("--wallet"),
        no_wallet.as_os_str(),
        os("verify"),
        os("--json"),
    ];
    args.extend(files.iter().take(n_verify).map(|(p, _)| p.as_os_str()));
    let verify = run(&bin, &args);
    let valid = count(&verify.stdout, "\"verdict\":\"valid\"");
    report("verify --json", n_verify, &verify, "(target >= 5000/s)");
    assert_eq!(valid, n_verify, "every credential must verify");

    // 3. recheck --all, offline
    let recheck = run(
        &bin,
        &[
            os("--wallet"),
            wallet.as_os_str(),
            os("recheck"),
            os("--all"),
            os("--json"),
        ],
    );
    let rechecked = count(&recheck.stdout, "\"verdict\":\"valid\"");
    report("recheck --all", n, &recheck, "(target < 3 s)");
    assert_eq!(rechecked, n, "every badge must re-check valid");

    println!(
        "wallet / input:    {wallet_bytes} / {input_bytes} bytes = {:.2}x (target < 2x)",
        wallet_bytes as f64 / input_bytes as f64
    );
    if std::env::var_os("BENCH_KEEP").is_some() {
        println!("kept:              {}", dir.keep().display());
    }
}
