//! `backpack verify`: the `--json` line shape and the exit codes (issue 3, CLI).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn fixture(rel: &str) -> String {
    format!("{}/../tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn backpack(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_backpack"))
        .args(args)
        .env_remove("BACKPACK_WALLET")
        .output()
        .expect("run backpack");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

const VALID: &str = "1edtech-public-validator/ob30/simple.json";
const EXPIRED: &str = "1edtech-public-validator/ob30/simple-err-expired.json";
const SIGNED_OB2: &str = "1edtech-public-validator/ob20/simple.jwt";

#[test]
fn json_shape_and_exit_0_when_all_valid() {
    let (code, out, _) = backpack(&[
        "verify",
        "--json",
        &fixture(VALID),
        &fixture("1edtech-public-validator/ob30/simple-jwt.png"),
    ]);
    assert_eq!(code, 0, "{out}");
    let v = lines(&out);
    assert_eq!(v.len(), 2, "one line per file");
    let first = &v[0];
    assert_eq!(first["file"], fixture(VALID));
    assert_eq!(first["format"], "ob3-json");
    assert_eq!(first["verdict"], "valid");
    assert_eq!(v[1]["format"], "ob3-jwt");
    let checks = first["checks"].as_array().unwrap();
    let ids: Vec<&str> = checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "decode",
            "parse",
            "schema",
            "proof",
            "issuer_key",
            "hosted",
            "issuer",
            "expiry",
            "not_before",
            "status",
            "recipient"
        ]
    );
    for c in checks {
        assert!(["pass", "fail", "skipped", "error"].contains(&c["outcome"].as_str().unwrap()));
        assert!(!c["detail"].as_str().unwrap().is_empty());
    }
    assert_eq!(first["fetches"], Value::Array(vec![]));
}

#[test]
fn exit_1_when_any_invalid() {
    let (code, out, _) = backpack(&["verify", "--json", &fixture(VALID), &fixture(EXPIRED)]);
    assert_eq!(code, 1);
    let v = lines(&out);
    assert_eq!(v[1]["verdict"], "invalid");
    let expiry = v[1]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "expiry")
        .unwrap();
    assert_eq!(expiry["outcome"], "fail");
    assert_eq!(expiry["detail"], "expired on 2010-01-01 00:00 UTC");
}

#[test]
fn exit_2_when_could_not_check_offline() {
    let (code, out, _) = backpack(&["verify", "--json", &fixture(SIGNED_OB2)]);
    assert_eq!(code, 2, "{out}");
    let v = lines(&out);
    assert_eq!(v[0]["verdict"], "indeterminate");
    assert_eq!(v[0]["format"], "ob2-signed");
    // Offline by default: the attempts are recorded, none reached the network.
    let fetches = v[0]["fetches"].as_array().unwrap();
    assert!(!fetches.is_empty());
    assert!(
        fetches
            .iter()
            .all(|f| f["status"].is_null() && f["error"].as_str().unwrap().contains("offline"))
    );
}

#[test]
fn unreadable_and_missing_files_exit_2() {
    let (code, out, _) = backpack(&["verify", "--json", "/nonexistent/badge.png"]);
    assert_eq!(code, 2);
    assert_eq!(lines(&out)[0]["verdict"], "error");
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, b"").unwrap();
    let (code, out, _) = backpack(&["verify", "--json", empty.to_str().unwrap()]);
    assert_eq!(code, 2);
    let v = lines(&out);
    assert_eq!(v[0]["verdict"], "error");
    assert_eq!(v[0]["checks"][0]["outcome"], "fail");
}

#[test]
fn human_output_and_recipient_and_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backpack"))
        .args([
            "verify",
            "--recipient",
            "did:example:ebfeb1f712ebc6f1c276e12ec21",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(fixture(VALID)).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("-: valid (ob3-json)\n"), "{text}");
    assert!(
        text.contains("  ✓ proof      eddsa-rdfc-2022 signature verified"),
        "{text}"
    );
    assert!(
        text.contains("  – hosted     not an open badges 2.0 hosted assertion"),
        "{text}"
    );
    assert!(
        text.contains("  ✓ recipient  issued to you (did:example:ebfeb1f712ebc6f1c276e12ec21)"),
        "{text}"
    );
}

#[test]
fn usage_error_exits_2() {
    let (code, _, err) = backpack(&["verify"]);
    assert_eq!(code, 2);
    assert!(err.contains("FILE"), "{err}");
}
