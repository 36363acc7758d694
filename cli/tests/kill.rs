//! The kill test (issue 10): SIGKILL `backpack import` at random points of a verified bulk
//! import, many times. After each kill the wallet is whole (`PRAGMA integrity_check` is ok),
//! every badge in it has its verification report (badge, report and evidence are committed
//! together), and a re-run imports exactly the rest.
//!
//! The credentials are OB 3.0, signed here with eddsa-rdfc-2022 by a did:key and baked into
//! PNGs, as a learner's download folder would hold them. Two sizes:
//! - the default test, in every `make test`: 20 trials on 1,000 badges (four commit groups, so
//!   about half the kills land between two commits), about 20 s in a debug build;
//! - the full test issue 10 asks for, `#[ignore]`d for its time and run by `make kill-test`:
//!   20 trials at random points of a 10,000-badge import.
//!
//! `KILL_TRIALS` and `KILL_BADGES` override either size; `KILL_SEED` replays the kill points.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use backpack_core::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};
use backpack_core::verify::keys::{did_key_from_ed25519, did_key_verification_method};
use ed25519_dalek::SigningKey;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `n` distinct signed OB 3.0 credentials baked into PNGs under `dir`.
fn bake_folder(dir: &Path, n: usize) {
    let key = SigningKey::from_bytes(&[0x5a; 32]);
    let pk = key.verifying_key().to_bytes();
    let issuer = did_key_from_ed25519(&pk);
    let vm = did_key_verification_method(&pk);
    let image = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../icons/32x32.png"))
        .expect("icon");
    let opts = ProofOptions {
        created: Some("2026-01-01T00:00:00Z".into()),
        ..ProofOptions::new("assertionMethod")
    };
    let threads = std::thread::available_parallelism().map_or(1, |c| c.get());
    std::thread::scope(|s| {
        for t in 0..threads {
            let (key, issuer, vm, image, opts) = (&key, &issuer, &vm, &image, &opts);
            s.spawn(move || {
                for i in (t..n).step_by(threads) {
                    let cred = serde_json::json!({
                        "@context": ["https://www.w3.org/ns/credentials/v2",
                            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                        "id": format!("urn:uuid:0d1e0000-0000-4000-8000-{i:012}"),
                        "type": ["VerifiableCredential", "OpenBadgeCredential"],
                        "issuer": {"id": issuer, "type": ["Profile"], "name": "Kill Test College"},
                        "validFrom": "2026-01-01T00:00:00Z",
                        "name": format!("Badge {i}"),
                        "credentialSubject": {
                            "type": ["AchievementSubject"],
                            "achievement": {
                                "id": format!("https://example.edu/achievements/{i}"),
                                "type": ["Achievement"],
                                "criteria": {"narrative": "Survived a SIGKILL."},
                                "description": "A badge of the kill test.",
                                "name": format!("Achievement {i}")
                            }
                        }
                    });
                    let signed = sign_eddsa_rdfc_2022(&cred, key, vm, opts).expect("sign");
                    let text = serde_json::to_string(&signed).expect("json");
                    let png = backpack_core::bake::bake_png(image, "openbadgecredential", &text)
                        .expect("bake");
                    std::fs::write(dir.join(format!("badge-{i:05}.png")), png).expect("write");
                }
            });
        }
    });
}

/// `backpack import DIR` into `wallet`, run from `bin`.
fn import(bin: &Path, wallet: &Path, dir: &Path) -> Command {
    let mut c = Command::new(bin);
    common::hermetic(&mut c)
        .arg("--wallet")
        .arg(wallet)
        .arg("import")
        .arg(dir);
    c
}

/// (badges, badges without a report, integrity_check) of the wallet, as SQLite sees it after
/// the crash (opening it replays the write-ahead log, as backpack's next start would).
fn inspect(wallet: &Path) -> (i64, i64, String) {
    if !wallet.exists() {
        return (0, 0, "ok".into());
    }
    let db = rusqlite::Connection::open(wallet).expect("open the killed wallet");
    let integrity: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    // A wallet killed before its schema was created holds no badges table yet.
    let has_badges: bool = db
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'badges'",
            [],
            |r| r.get(0),
        )
        .expect("schema");
    if !has_badges {
        return (0, 0, integrity);
    }
    let badges: i64 = db
        .query_row("SELECT count(*) FROM badges", [], |r| r.get(0))
        .expect("count");
    let orphans: i64 = db
        .query_row(
            "SELECT count(*) FROM badges b
             WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.badge_id = b.id)",
            [],
            |r| r.get(0),
        )
        .expect("orphans");
    (badges, orphans, integrity)
}

/// A small xorshift: the kill points differ run to run; the seed is printed to replay them
/// (`KILL_SEED`).
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn sigkill_during_a_verified_import_never_leaves_a_badge_without_its_report() {
    kill_trials(env_or("KILL_TRIALS", 20), env_or("KILL_BADGES", 1000));
}

/// Issue 10's kill test at full size: >= 20 SIGKILLs at random points of a 10,000-badge
/// import. Minutes, not seconds: `make kill-test`.
#[test]
#[ignore = "minutes long: run with `make kill-test`"]
fn sigkill_during_a_10000_badge_import_never_leaves_a_badge_without_its_report() {
    let trials = env_or("KILL_TRIALS", 20);
    assert!(trials >= 20, "issue 10 asks for at least 20 trials");
    kill_trials(trials, env_or("KILL_BADGES", 10_000));
}

fn kill_trials(trials: usize, n: usize) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("badges");
    std::fs::create_dir(&dir).unwrap();
    bake_folder(&dir, n);
    // A private copy of the binary: the test runs for minutes, and a build in a shared target
    // folder could replace the file meanwhile (a different backpack mid-test).
    let bin = tmp.path().join("backpack");
    std::fs::copy(env!("CARGO_BIN_EXE_backpack"), &bin).unwrap();

    // One uninterrupted run: it imports everything, and its time bounds the kill points.
    let reference = tmp.path().join("reference.db");
    let t = Instant::now();
    let o = import(&bin, &reference, &dir).output().unwrap();
    let full = t.elapsed();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(inspect(&reference), (n as i64, 0, "ok".into()));

    let first_seed: u64 = std::env::var("KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    let mut seed = first_seed;
    eprintln!(
        "kill test: {n} badges, {trials} trials, full import {full:?}, KILL_SEED={first_seed}"
    );
    let mut partial = 0;
    for trial in 0..trials {
        let wallet = tmp.path().join(format!("wallet-{trial}.db"));
        // Anywhere from process start to a little past the end of a full run.
        let at = Duration::from_micros(next(&mut seed) % (full.as_micros() as u64 * 11 / 10 + 1));
        let mut child = import(&bin, &wallet, &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        // Child::kill is SIGKILL on Unix: no destructor, no rollback, no checkpoint runs.
        let _ = child.kill();
        let _ = child.wait();
        let (badges, orphans, integrity) = inspect(&wallet);
        assert_eq!(integrity, "ok", "trial {trial} (killed at {at:?})");
        assert_eq!(
            orphans, 0,
            "trial {trial} (killed at {at:?}): {orphans} of {badges} badges have no report"
        );
        assert!(badges <= n as i64);
        if badges > 0 && badges < n as i64 {
            partial += 1;
        }
        // A re-run completes the rest: every badge once, each with its report.
        let o = import(&bin, &wallet, &dir).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "trial {trial}: {o:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        let summary = format!(
            "{} imported, {badges} already in your wallet, 0 refused",
            n as i64 - badges
        );
        assert!(
            out.lines().last() == Some(summary.as_str()),
            "trial {trial}: expected {summary:?}, got {:?}",
            out.lines().last()
        );
        assert_eq!(
            inspect(&wallet),
            (n as i64, 0, "ok".into()),
            "trial {trial}"
        );
        eprintln!(
            "trial {trial:>2}: killed at {:>7.3} s with {badges:>5} of {n} badges stored, none without its report, integrity ok; the re-run: {summary}",
            at.as_secs_f64()
        );
        let _ = std::fs::remove_file(&wallet);
    }
    eprintln!("kill test: {partial} of {trials} kills landed mid-import");
    // The kills must land inside the import, not only before or after it.
    assert!(
        partial > 0,
        "no kill interrupted the import (KILL_SEED={first_seed})"
    );
}
