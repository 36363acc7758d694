//! CLI tests for sharing: `verify-share`, `backup`, `restore` (issue 5). Each test runs the
//! real `backpack` binary against a temp wallet; nothing touches the user's data dir.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use backpack_core::export::{self, ExportBadge, ExportFormat, ExportOptions, Portfolio, Privacy};
use backpack_core::learner_key::{LearnerKey, LearnerSecret};
use backpack_core::model::{Badge, Format};
use chrono::TimeZone;

fn backpack(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_backpack"));
    cmd.args(args)
        .env_remove("BACKPACK_WALLET")
        .env_remove("BACKPACK_PASSPHRASE")
        .env("BACKPACK_BACKUP_KDF", "test-only-fast")
        // No system keyring in tests: the signing key goes to the encrypted key file.
        .env("BACKPACK_KEY_STORE", "file")
        .env("BACKPACK_KEY_PASSPHRASE", "test key words")
        .env_remove("BACKPACK_GUARDIAN_PASSPHRASE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(rel),
    )
    .unwrap()
}

fn make_wallet(path: &Path) {
    let w = backpack_core::store::Wallet::open(path).unwrap();
    w.create_collection("Jobs", None).unwrap();
    let o = backpack_core::import::import_bytes(
        &w,
        &fixture("1edtech-public-validator/ob30/simple.json"),
        "simple.json",
    );
    assert!(o.is_ok(), "{o:?}");
}

fn rows(path: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for t in ["badges", "collections"] {
        let mut st = c.prepare(&format!("SELECT * FROM {t} ORDER BY 1")).unwrap();
        let n = st.column_count();
        let r: Vec<String> = st
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.push(format!("{t}: {}", r.join(", ")));
    }
    out
}

#[test]
fn backup_and_restore_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("wallet.db");
    make_wallet(&w);
    let bak = dir.path().join("b.backpack");
    let ws = w.to_str().unwrap();
    let bs = bak.to_str().unwrap();
    let pw = [("BACKPACK_PASSPHRASE", "s3cret words")];

    let o = backpack(&["--wallet", ws, "backup", bs], &pw, None);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("encrypted"));

    let fresh = dir.path().join("fresh.db");
    let fs = fresh.to_str().unwrap();
    // Passphrase on stdin (not a terminal) works too.
    let o = backpack(
        &["--wallet", fs, "restore", bs],
        &[],
        Some("s3cret words\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(rows(&fresh), rows(&w));

    let o = backpack(&["--wallet", fs, "restore", bs], &pw, None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("already holds a wallet with data; restore with --force"),
        "{}",
        text(&o.stderr)
    );

    let o = backpack(&["--wallet", fs, "restore", "--force", bs], &pw, None);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("the previous wallet is kept at"));

    let other = dir.path().join("other.db");
    let o = backpack(
        &["--wallet", other.to_str().unwrap(), "restore", bs],
        &[("BACKPACK_PASSPHRASE", "nope")],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("wrong passphrase"),
        "{}",
        text(&o.stderr)
    );
    assert!(!other.exists());

    let cut = dir.path().join("cut.backpack");
    let bytes = std::fs::read(&bak).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let o = backpack(
        &[
            "--wallet",
            other.to_str().unwrap(),
            "restore",
            cut.to_str().unwrap(),
        ],
        &pw,
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("backup file is truncated"),
        "{}",
        text(&o.stderr)
    );
}

fn item(rel: &str) -> ExportBadge {
    let original = fixture(rel);
    let d = backpack_core::decode::decode(&original).unwrap();
    let parsed = backpack_core::parse::parse(&d).ok();
    ExportBadge {
        wallet_id: rel.into(),
        container: d.container,
        format: parsed.as_ref().map(|p| p.format).unwrap_or(Format::Ob3Json),
        badge: parsed.map(|p| p.badge).unwrap_or(Badge {
            name: rel.into(),
            ..Badge::default()
        }),
        payload: d.payload.text().to_string(),
        original,
        report: None,
        note: None,
    }
}

#[test]
fn verify_share_reports_each_badge_and_the_presentation() {
    let dir = tempfile::tempdir().unwrap();
    let key = LearnerKey::new(LearnerSecret::from_bytes(&[3; 32]));
    let p = Portfolio {
        title: "For the employer".into(),
        badges: vec![
            item("1edtech-public-validator/ob30/simple.json"),
            item("dcc-verifier-core/v2OBv3SpecExample.json"),
        ],
        ..Portfolio::default()
    };
    let o = ExportOptions {
        privacy: Privacy::default(),
        exported_at: chrono::Utc.with_ymd_and_hms(2026, 5, 3, 12, 0, 0).unwrap(),
        learner: Some(&key),
        challenge: None,
        domain: None,
    };
    let zip = dir.path().join("share.zip");
    std::fs::write(
        &zip,
        export::export(&p, ExportFormat::Zip, &o).unwrap().bytes,
    )
    .unwrap();
    let out = backpack(
        &["verify-share", zip.to_str().unwrap(), "--json"],
        &[],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stderr)));
    assert_eq!(v["kind"], "zip");
    assert_eq!(v["title"], "For the employer");
    assert_eq!(v["presentation"]["outcome"], "pass", "{v}");
    assert_eq!(v["presentation"]["holder"], key.did());
    assert_eq!(v["badges"].as_array().unwrap().len(), 2);
    for b in v["badges"].as_array().unwrap() {
        assert_eq!(b["integrity"]["state"], "intact");
        assert!(b["report"]["checks"].is_array());
    }

    // Human output names every badge source and the presentation; a damaged file exits 1.
    let out = backpack(&["verify-share", zip.to_str().unwrap()], &[], None);
    let s = text(&out.stdout);
    assert!(
        s.contains("credentials/01-") && s.contains("presentation: pass"),
        "{s}"
    );
    let mut bytes = std::fs::read(&zip).unwrap();
    let orig = fixture("dcc-verifier-core/v2OBv3SpecExample.json");
    let at = bytes
        .windows(orig.len())
        .position(|w| w == orig.as_slice())
        .unwrap()
        + 50;
    bytes[at] ^= 1;
    let bad = dir.path().join("bad.zip");
    std::fs::write(&bad, bytes).unwrap();
    let out = backpack(&["verify-share", bad.to_str().unwrap()], &[], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("integrity: fail"));

    let junk = dir.path().join("junk.txt");
    std::fs::write(&junk, "hello").unwrap();
    let out = backpack(&["verify-share", junk.to_str().unwrap()], &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not a backpack export"),
        "{}",
        text(&out.stderr)
    );
}

/// import → collection → export every format → verify-share, all through the binary.
#[test]
fn collection_and_export_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.db");
    let ws = w.to_str().unwrap();
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    for f in [
        "1edtech-public-validator/ob30/simple.json",
        "dcc-verifier-core/v2OBv3SpecExample.json",
        "1edtech-public-validator/ob30/simple-jwt.png",
    ] {
        let o = backpack(
            &["--wallet", ws, "import", fx.join(f).to_str().unwrap()],
            &[],
            None,
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}{}",
            text(&o.stdout),
            text(&o.stderr)
        );
    }
    let o = backpack(
        &[
            "--wallet",
            ws,
            "collection",
            "create",
            "Job hunt",
            "--intro",
            "Hello",
        ],
        &[],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = backpack(
        &[
            "--wallet",
            ws,
            "collection",
            "add",
            "Job hunt",
            "1",
            "#2",
            "3",
        ],
        &[],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("now holds 3 badges"));
    let o = backpack(
        &["--wallet", ws, "collection", "rename", "Job hunt", "Jobs"],
        &[],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = backpack(&["--wallet", ws, "collection", "list", "--json"], &[], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{"id": 1, "name": "Jobs", "badge_ids": [1, 2, 3], "intro": "Hello"}])
    );

    for (fmt, ext) in [("html", "html"), ("zip", "zip"), ("vp", "json")] {
        let out = dir.path().join(format!("share.{ext}"));
        let o = backpack(
            &[
                "--wallet",
                ws,
                "export",
                "1",
                "--format",
                fmt,
                "-o",
                out.to_str().unwrap(),
                "--challenge",
                "abc",
                "--domain",
                "hr.example",
            ],
            &[],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{fmt}: {}", text(&o.stderr));
        assert!(
            text(&o.stderr).contains("your wallet's did:key"),
            "{}",
            text(&o.stderr)
        );
        let o = backpack(&["verify-share", out.to_str().unwrap()], &[], None);
        assert_eq!(o.status.code(), Some(0), "{fmt}: {}", text(&o.stdout));
        assert!(
            text(&o.stdout).contains("3 of 3 badges valid; everything verifies"),
            "{}",
            text(&o.stdout)
        );
        assert!(text(&o.stdout).contains("challenge: abc"));
        // The receiver's own challenge must match the signed one.
        let o = backpack(
            &[
                "verify-share",
                out.to_str().unwrap(),
                "--challenge",
                "abc",
                "--domain",
                "hr.example",
            ],
            &[],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{fmt}: {}", text(&o.stdout));
        let o = backpack(
            &[
                "verify-share",
                out.to_str().unwrap(),
                "--challenge",
                "replayed",
            ],
            &[],
            None,
        );
        assert_eq!(o.status.code(), Some(1), "{fmt}: {}", text(&o.stdout));
        assert!(
            text(&o.stdout).contains("presentation: fail"),
            "{}",
            text(&o.stdout)
        );
    }
    let pdf = dir.path().join("share.pdf");
    let o = backpack(
        &[
            "--wallet",
            ws,
            "export",
            "Jobs",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
            "--no-dates",
        ],
        &[],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let png = dir.path().join("one.png");
    let o = backpack(
        &[
            "--wallet",
            ws,
            "export",
            "--badge",
            "3",
            "--format",
            "png",
            "-o",
            png.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = backpack(
        &[
            "--wallet",
            ws,
            "export",
            "Jobs",
            "--format",
            "png",
            "-o",
            png.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("png export takes exactly one badge: pass --badge ID"),
        "{}",
        text(&o.stderr)
    );
    let o = backpack(
        &[
            "--wallet", ws, "export", "Nope", "--format", "html", "-o", "x.html",
        ],
        &[],
        None,
    );
    assert_eq!(o.status.code(), Some(2));

    let o = backpack(&["--wallet", ws, "collection", "delete", "Jobs"], &[], None);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("its 3 badges stay in the wallet"));
}
