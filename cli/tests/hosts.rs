//! `backpack connect`, `backpack sync`, `backpack hosts list|remove` against the mock Open
//! Badges 3.0 API host (`mock-host/`) on 127.0.0.1, the "browser" being this test following
//! the sign-in address the command prints (issue 11, "Pull from a host").

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::fixture_bytes as fixture;
use mock_host::{Behaviour, Cred, MockHost};

/// The binary on `wallet` (hermetic: tokens in memory, no browser), its output piped.
fn backpack(wallet: &Path) -> Command {
    let mut c = common::backpack();
    c.env("BACKPACK_WALLET", wallet)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Run `backpack ARGS`, signing in when it prints the sign-in address; `(code, stdout, stderr)`.
fn run_signing_in(wallet: &Path, args: &[&str]) -> (i32, String, String) {
    let mut child = backpack(wallet).args(args).spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            let _ = tx.send(line.clone());
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    // The "browser": the first line starting with two spaces and http after the prompt.
    let mut prompted = false;
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
        if line.starts_with("Sign in to the badge host") {
            prompted = true;
            continue;
        }
        if prompted && line.starts_with("  http://127.0.0.1:") {
            let status = mock_host::approve_in_browser(line.trim()).unwrap();
            assert_eq!(status, 200);
            prompted = false;
        }
    }
    let out = child.wait_with_output().unwrap();
    let stdout = reader.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn run(wallet: &Path, args: &[&str]) -> (i32, String, String) {
    let out = backpack(wallet).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn mock() -> MockHost {
    MockHost::start(Behaviour {
        credentials: vec![
            // did:key-signed OB 3.0 (DCC verifier-core's v2 spec example): verifies offline.
            Cred::Json {
                bytes: fixture("dcc-verifier-core/v2OBv3SpecExample.json"),
                issued: "2026-01-01T00:00:00Z".into(),
            },
            Cred::Jws {
                jws: "not.a jws".into(),
                issued: "2026-01-01T00:00:00Z".into(),
            },
        ],
        ..Behaviour::default()
    })
}

#[test]
fn connect_sync_list_remove() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("wallet.db");
    let m = mock();
    let base = m.base();
    let h = format!("127.0.0.1:{}", m.port());

    let (code, out, err) = run_signing_in(
        &w,
        &[
            "connect",
            &base,
            "--insecure-loopback",
            "--sync",
            "--timeout",
            "60",
        ],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Sign in to the badge host in your browser. If it does not open, visit:"
    );
    assert!(
        lines[1].starts_with(&format!("  {base}/authorize?response_type=code&client_id=")),
        "{out}"
    );
    assert!(lines[1].contains("&code_challenge_method=S256"), "{out}");
    assert_eq!(
        lines[2],
        format!("connected  #1 \"Mock Badge Host\"  {base} as Ada Learner")
    );
    assert_eq!(
        lines[3],
        "  your sign-in is kept in memory (this session only)"
    );
    assert!(
        lines[4].starts_with(&format!("imported   {h} credential 1  #1 \"")),
        "{out}"
    );
    assert!(
        lines[4].ends_with("\"  (verified)"),
        "verified on import: {out}"
    );
    assert_eq!(
        lines[5],
        format!(
            "refused    {h} credential 2: not a compact jws (header.payload.signature in base64url): \"not.a jws\""
        )
    );
    assert_eq!(
        lines[6],
        "Mock Badge Host: 1 new, 0 already in your wallet, 0 already synced, 1 refused"
    );
    assert_eq!(lines.len(), 7, "{out}");
    assert_eq!(code, 1, "a refused credential: exit 1; {err}");

    let (code, out, _) = run(&w, &["hosts", "list"]);
    assert_eq!(code, 0);
    let row: Vec<&str> = out.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(
        &row[..6],
        ["1", "Mock", "Badge", "Host", base.as_str(), "Ada"]
    );
    assert_eq!(row.last(), Some(&"1"), "{out}");

    // A new process, no credential store: sync signs in again, then finds nothing new.
    let (code, out, err) =
        run_signing_in(&w, &["sync", "1", "--insecure-loopback", "--timeout", "60"]);
    assert!(out.contains("Sign in to the badge host"), "{out}");
    assert!(
        out.contains(&format!("refused    {h} credential 2:")),
        "a refused credential is reported again: {out}"
    );
    assert!(
        out.ends_with(
            "Mock Badge Host: 0 new, 0 already in your wallet, 1 already synced, 1 refused\n"
        ),
        "{out}"
    );
    assert_eq!(code, 1, "{err}");

    let (code, out, _) = run(&w, &["hosts", "remove", "1"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("removed    #1 \"Mock Badge Host\"  {base}  (its badges stay in your wallet)\n")
    );
    let (_, out, _) = run(&w, &["hosts", "list"]);
    assert_eq!(out, "no badge host connected (backpack connect URL)\n");
    let (_, out, _) = run(&w, &["list", "--json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out)
            .map(|v| v.as_array().map(Vec::len))
            .ok()
            .flatten(),
        Some(1),
        "{out}"
    );
}

#[test]
fn no_consent_minor_mode_and_plain_http_send_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("wallet.db");
    let m = mock();
    // No --allow-network and no network setting.
    let (code, out, err) = run(&w, &["connect", "https://127.0.0.1:9/"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "backpack: network access is not allowed: connecting to a badge host needs it (allow it in Settings, or pass --allow-network)\n"
    );
    // Plain http without the test flag.
    let (code, _, err) = run(&w, &["connect", &m.base(), "--allow-network"]);
    assert_eq!(code, 2);
    assert!(err.contains("must use https"), "{err}");
    // Minor mode, turned on by a guardian: connect refuses (no passphrase given) and sends nothing.
    let on = backpack(&w)
        .args(["minor-mode", "on"])
        .env("BACKPACK_GUARDIAN_PASSPHRASE", "guardian words")
        .output()
        .unwrap();
    assert!(
        on.status.success(),
        "{}",
        String::from_utf8_lossy(&on.stderr)
    );
    let (code, _, err) = run(&w, &["connect", &m.base(), "--insecure-loopback"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "backpack: minor mode is on: connecting to a badge host needs the guardian passphrase\n"
    );
    assert_eq!(m.requests(), Vec::<String>::new(), "nothing was sent");
    let (code, _, err) = run(&w, &["sync"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "backpack: no badge host is connected: backpack connect URL\n"
    );
}
