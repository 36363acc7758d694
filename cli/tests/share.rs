//! CLI tests for sharing: `verify-share`, `backup`, `restore` (issue 5). Each test runs the
//! real `backpack` binary against a temp wallet; nothing touches the user's data dir.

use crate::common;

use std::path::Path;
use std::process::{Output, Stdio};

use backpack_core::export::{self, ExportBadge, ExportFormat, ExportOptions, Portfolio, Privacy};
use backpack_core::learner_key::{LearnerKey, LearnerSecret};
use backpack_core::model::{Badge, Format};
use chrono::TimeZone;
use common::fixture_bytes as fixture;

fn backpack(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = common::backpack();
    cmd.args(args)
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
    // Badges whose keys are bound to their issuers offline (did:key issuers signing with their
    // own keys): JSON in both VCDM versions and a VC-JWT.
    for f in [
        "dcc-verifier-core/v1OBv3SpecExample.json",
        "dcc-verifier-core/v2OBv3SpecExample.json",
        "generated/did-key-vc.jwt",
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
        let s = text(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{fmt}: {s}");
        assert!(
            s.contains("3 of 3 badges verified; everything verifies"),
            "{s}"
        );
        assert!(s.contains("3. Signed Token Badge — Verified"), "{s}");
        if fmt != "vp" {
            assert!(s.contains("shows exactly what its credentials say"), "{s}");
        }
        assert!(s.contains("challenge: abc"));
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
        assert!(text(&o.stdout).contains("presentation: pass"));
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

fn did_key_portfolio_html(dir: &Path) -> std::path::PathBuf {
    let key = LearnerKey::new(LearnerSecret::from_bytes(&[3; 32]));
    let p = Portfolio {
        title: "For the hospital".into(),
        badges: vec![
            item("dcc-verifier-core/v2OBv3SpecExample.json"),
            item("dcc-verifier-core/v1OBv3SpecExample.json"),
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
    let path = dir.join("portfolio.html");
    std::fs::write(
        &path,
        export::export(&p, ExportFormat::Html, &o).unwrap().bytes,
    )
    .unwrap();
    path
}

/// Issue 12: the receiver is told what the credentials say, and every field of the page that
/// says otherwise.
#[test]
fn verify_share_names_each_tampered_field_of_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = did_key_portfolio_html(dir.path());
    let o = backpack(&["verify-share", path.to_str().unwrap()], &[], None);
    let s = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{s}");
    assert!(s.contains("  1. Teamwork — Verified\n      issuer: Example Corp (did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q)\n      issued 1 January 2010"), "{s}");
    assert!(
        s.contains("  page: the page shows exactly what its credentials say"),
        "{s}"
    );
    assert!(
        s.ends_with("2 of 2 badges verified; everything verifies\n"),
        "{s}"
    );

    let html = std::fs::read_to_string(&path).unwrap();
    for (from, to, want) in [
        (
            "data-field=\"name\">Teamwork</h2>",
            "data-field=\"name\">Doctor of Medicine</h2>",
            "badge 1 (\"Teamwork\"), name: the page says 'Doctor of Medicine', the signed credential says 'Teamwork'",
        ),
        (
            "data-field=\"issuer\">Example Corp<",
            "data-field=\"issuer\">Harvard University<",
            "badge 1 (\"Teamwork\"), issuer: the page says 'Harvard University', the signed credential says 'Example Corp'",
        ),
        (
            "data-field=\"issued\">1 January 2010<",
            "data-field=\"issued\">3 May 2026<",
            "badge 1 (\"Teamwork\"), issue date: the page says '3 May 2026', the signed credential says '1 January 2010'",
        ),
        (
            "data-field=\"status\">Not checked<",
            "data-field=\"status\">Verified by Harvard<",
            "badge 1 (\"Teamwork\"), status: the page says 'Verified by Harvard', the page's own record says 'Not checked'",
        ),
        (
            "<h2 id=\"badge-1-name\" data-field=\"name\">Teamwork</h2>",
            "<h2 id=\"badge-1-name\" data-field=\"name\" hidden>Teamwork</h2><h2>Doctor of Medicine</h2>",
            "badge 1 (\"Teamwork\"): the page holds a hidden attribute (it hides text), which Backpack never writes",
        ),
    ] {
        assert!(html.contains(from), "{from}");
        let bad = dir.path().join("bad.html");
        std::fs::write(&bad, html.replacen(from, to, 1)).unwrap();
        let o = backpack(&["verify-share", bad.to_str().unwrap()], &[], None);
        let s = text(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{s}");
        assert!(
            s.contains(&format!(
                "  page: the page does NOT show what its credentials say; read the badges above, not the page:\n      {want}\n"
            )),
            "{s}"
        );
        // What the receiver is shown is still the credential's.
        assert!(s.contains("  1. Teamwork — Verified"), "{s}");
        let o = backpack(
            &["verify-share", bad.to_str().unwrap(), "--json"],
            &[],
            None,
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["page"]["matches"], false);
        assert_eq!(v["page"]["differences"][0]["message"], want);
    }
}

/// Issue 12: `--recipient` confirms each badge was issued to the sender, hashed emails
/// matched locally.
#[test]
fn verify_share_checks_the_recipient_with_plain_hashed_and_did_identities() {
    let dir = tempfile::tempdir().unwrap();
    let html = did_key_portfolio_html(dir.path());
    let h = html.to_str().unwrap();
    let did = "did:example:ebfeb1f712ebc6f1c276e12ec21";
    let o = backpack(&["verify-share", h, "--recipient", did], &[], None);
    let s = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{s}");
    assert_eq!(
        s.matches(&format!("      recipient: matches — issued to {did}\n"))
            .count(),
        2,
        "{s}"
    );
    let o = backpack(
        &["verify-share", h, "--recipient", "someone@example.org"],
        &[],
        None,
    );
    let s = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{s}");
    assert!(s.contains("      recipient: does not match — issued to someone else: none of \"someone@example.org\" matches the recipient the credential names\n"), "{s}");

    // Emails: an OB 2.0 assertion whose recipient is sha256-hashed (nobody@example.org,
    // salt "deadsea"), an OB 3.0 credential naming student@1edtech.edu in plain text, and
    // one that names nobody.
    let p = Portfolio {
        title: "Emails".into(),
        badges: vec![
            item("1edtech-public-validator/ob20/basic-assertion.json"),
            item("1edtech-public-validator/ob30/complete.json"),
            item("dcc-verifier-core/v2WithValidStatus.json"),
        ],
        ..Portfolio::default()
    };
    let o = ExportOptions {
        privacy: Privacy::default(),
        exported_at: chrono::Utc.with_ymd_and_hms(2026, 5, 3, 12, 0, 0).unwrap(),
        learner: None,
        challenge: None,
        domain: None,
    };
    let path = dir.path().join("emails.html");
    std::fs::write(
        &path,
        export::export(&p, ExportFormat::Html, &o).unwrap().bytes,
    )
    .unwrap();
    let e = path.to_str().unwrap();
    let o = backpack(
        &[
            "verify-share",
            e,
            "--recipient",
            "Nobody@Example.org",
            "--recipient",
            "student@1edtech.edu",
        ],
        &[],
        None,
    );
    let s = text(&o.stdout);
    // Not "wrong": the hosted OB 2.0 badge and the status list cannot be checked offline.
    assert_eq!(o.status.code(), Some(2), "{s}");
    for want in [
        "      recipient: matches — issued to Nobody@Example.org (matched against the hashed identity in the credential)\n",
        "      recipient: matches — issued to student@1edtech.edu\n",
        "      recipient: not stated — the credential does not say who it was issued to\n",
    ] {
        assert!(s.contains(want), "{want}\n{s}");
    }
    let o = backpack(
        &["verify-share", e, "--recipient", "somebody@example.org"],
        &[],
        None,
    );
    let s = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{s}");
    assert_eq!(s.matches("recipient: does not match").count(), 2, "{s}");
    let o = backpack(
        &[
            "verify-share",
            e,
            "--json",
            "--recipient",
            "nobody@example.org",
        ],
        &[],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let states: Vec<&str> = v["badges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["recipient"]["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["matches", "does_not_match", "not_stated"]);
}

/// Bitwise CRC-32 (IEEE), for the hand-made archive below.
fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A ZIP of stored entries, written by hand (the CLI tests have no zip crate).
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let (crc, len, nlen) = (crc32(data), data.len() as u32, name.len() as u16);
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0, 0, 0, 0x21] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, len, len] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&nlen.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0, 0, 0, 0x21] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, len, len] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [nlen, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_off, cd_len, n) = (out.len() as u32, central.len() as u32, entries.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, n, n] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_off.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// Issue 13: a manifest naming one entry many times is refused before anything is read
/// (the peak-memory measurement is in the core's tests/export.rs).
#[test]
fn verify_share_refuses_a_bundle_naming_one_entry_many_times() {
    let dir = tempfile::tempdir().unwrap();
    let cred = fixture("dcc-verifier-core/v2OBv3SpecExample.json");
    let badge = serde_json::json!({
        "wallet_id": "1", "id": null, "name": "Teamwork", "format": "ob3-json",
        "original": "credentials/01-teamwork.json", "baked": null,
        "in_presentation": false, "verdict_at_export": "not_checked"
    });
    let manifest = serde_json::json!({
        "backpack_manifest": 1, "title": "t", "exported_at": "2026-05-03T12:00:00Z",
        "privacy": {"include_evidence": false, "include_notes": false,
                    "include_dates": true, "include_emails": false},
        "presentation": null, "holder": null,
        "badges": vec![badge; 48],
        "files": [{"path": "credentials/01-teamwork.json", "sha256": "00", "bytes": cred.len()}]
    });
    let m = serde_json::to_vec(&manifest).unwrap();
    let zip = dir.path().join("dup.zip");
    std::fs::write(
        &zip,
        stored_zip(&[
            ("credentials/01-teamwork.json", &cred),
            ("manifest.json", &m),
        ]),
    )
    .unwrap();
    let o = backpack(&["verify-share", zip.to_str().unwrap()], &[], None);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
    assert!(o.stdout.is_empty());
    assert!(
        text(&o.stderr).contains(
            "dup.zip: zip bundle names credentials/01-teamwork.json more than once; a bundle names each file once"
        ),
        "{}",
        text(&o.stderr)
    );
}

/// Issue 11: a PDF carries each original credential as an attached file; `verify-share`
/// checks them like a page or a bundle, and a changed byte fails that badge only.
#[test]
fn verify_share_checks_the_credentials_attached_to_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let p = Portfolio {
        title: "For the hospital".into(),
        badges: vec![
            item("dcc-verifier-core/v2OBv3SpecExample.json"),
            item("dcc-verifier-core/v1OBv3SpecExample.json"),
        ],
        ..Portfolio::default()
    };
    let o = ExportOptions {
        privacy: Privacy::default(),
        exported_at: chrono::Utc.with_ymd_and_hms(2026, 5, 3, 12, 0, 0).unwrap(),
        learner: None,
        challenge: None,
        domain: None,
    };
    let bytes = export::export(&p, ExportFormat::Pdf, &o).unwrap().bytes;
    let pdf = dir.path().join("badges.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let out = backpack(&["verify-share", pdf.to_str().unwrap()], &[], None);
    let s = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{s}{}", text(&out.stderr));
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{}: pdf with attached credentials titled \"For the hospital\" by its sender",
            pdf.display()
        )
    );
    assert_eq!(lines[1], "  1. Teamwork — Verified");
    assert!(
        s.contains("      from: 01-teamwork.json (ob3-json)\n"),
        "{s}"
    );
    assert!(
        s.contains("      from: 02-teamwork.json (ob3-json)\n"),
        "{s}"
    );
    assert!(
        s.contains("  pages: the printed pages are a copy and are not compared"),
        "{s}"
    );
    assert!(
        s.ends_with("2 of 2 badges verified; everything verifies\n"),
        "{s}"
    );

    // Flip one byte inside the second attachment (stored uncompressed): that badge fails.
    let orig = fixture("dcc-verifier-core/v1OBv3SpecExample.json");
    let start = bytes
        .windows(orig.len())
        .position(|w| w == orig.as_slice())
        .unwrap();
    let word = b"recognizes the development";
    let at = start + orig.windows(word.len()).position(|w| w == word).unwrap() + 3;
    let mut bad = bytes.clone();
    bad[at] ^= 1;
    let badp = dir.path().join("bad.pdf");
    std::fs::write(&badp, &bad).unwrap();
    let out = backpack(
        &["verify-share", badp.to_str().unwrap(), "--json"],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "pdf");
    let st: Vec<&str> = v["badges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["status"].as_str().unwrap())
        .collect();
    assert_eq!(st, ["verified", "invalid"]);
    assert_eq!(v["badges"][1]["integrity"]["state"], "altered");

    // A PDF cut short is refused with one line naming the file.
    let cut = dir.path().join("cut.pdf");
    std::fs::write(&cut, &bytes[..200]).unwrap();
    let out = backpack(&["verify-share", cut.to_str().unwrap()], &[], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("cut.pdf"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// Issue 14: `verify-share` speaks the run's language: the page's differences, the page's
/// name, the recipient line; `--json` is the same English bytes in every language.
#[test]
fn verify_share_reports_in_spanish_under_lang_es() {
    let dir = tempfile::tempdir().unwrap();
    let path = did_key_portfolio_html(dir.path());
    let html = std::fs::read_to_string(&path).unwrap();
    let bad = dir.path().join("bad.html");
    std::fs::write(
        &bad,
        html.replacen(
            "<h2 id=\"badge-1-name\" data-field=\"name\">Teamwork</h2>",
            "<h2 id=\"badge-1-name\" data-field=\"name\" hidden>Teamwork</h2><h2>Doctor of Medicine</h2>",
            1,
        ),
    )
    .unwrap();
    let bad = bad.to_str().unwrap();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["verify-share", bad, "--recipient", "someone@example.org"];
        all.extend_from_slice(args);
        let o = backpack(&all, env, None);
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        text(&o.stdout)
    };
    let es = run(&[], &[("BACKPACK_LANG", "es")]);
    assert_eq!(es, run(&["--lang", "es"], &[]));
    let lines: Vec<&str> = es.lines().collect();
    for want in [
        "      destinatario: no coincide — emitida para otra persona: ninguna de «someone@example.org» coincide con el destinatario que nombra la credencial",
        "  página: la página NO muestra lo que dicen sus credenciales; lee las insignias de arriba, no la página:",
        "      insignia 1 («Teamwork»): la página contiene un atributo hidden (oculta texto), que Backpack nunca escribe",
    ] {
        assert!(lines.contains(&want), "{want}\n{es}");
    }
    let en = run(&[], &[]);
    assert!(
        en.lines().any(|l| l
            == "      badge 1 (\"Teamwork\"): the page holds a hidden attribute (it hides text), which Backpack never writes"),
        "{en}"
    );
    // Each report's checked_at is the clock's: compared without it.
    let json = |args: &[&str]| {
        let mut v: serde_json::Value = serde_json::from_str(&run(args, &[])).unwrap();
        for b in v["badges"].as_array_mut().unwrap() {
            b["report"]["checked_at"] = serde_json::Value::Null;
        }
        v
    };
    let en_json = json(&["--json"]);
    assert_eq!(json(&["--json", "--lang", "es"]), en_json);
    assert_eq!(en_json["page"]["source"], "the page");
}
