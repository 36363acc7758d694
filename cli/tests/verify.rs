//! `backpack verify`: the `--json` line shape and the exit codes (issue 3, CLI).

use crate::common;

use std::io::Write;
use std::process::Stdio;

use common::fixture_str as fixture;
use serde_json::Value;

fn backpack(args: &[&str]) -> (i32, String, String) {
    let out = common::backpack()
        .args(args)
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

/// A did:key issuer signing with its own key: bound to the issuer offline.
const VALID: &str = "dcc-verifier-core/v2OBv3SpecExample.json";
/// A key spelled in the method's fragment: signature intact, issuer not confirmed offline.
const FRAGMENT: &str = "1edtech-public-validator/ob30/simple.json";
const EXPIRED: &str = "1edtech-public-validator/ob30/simple-err-expired.json";
const SIGNED_OB2: &str = "1edtech-public-validator/ob20/simple.jwt";

#[test]
fn json_shape_and_exit_0_when_all_valid() {
    let (code, out, _) = backpack(&[
        "verify",
        "--json",
        &fixture(VALID),
        &fixture("dcc-verifier-core/v1OBv3SpecExample.json"),
    ]);
    assert_eq!(code, 0, "{out}");
    let v = lines(&out);
    assert_eq!(v.len(), 2, "one line per file");
    let first = &v[0];
    assert_eq!(first["file"], fixture(VALID));
    assert_eq!(first["format"], "ob3-json");
    assert_eq!(first["verdict"], "valid");
    assert_eq!(first["status"], "verified");
    assert!(
        first["reason"]
            .as_str()
            .unwrap()
            .contains("the key is the issuer's own identifier did:key:"),
        "{first}"
    );
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

/// A correct signature by a key nothing ties to the issuer is not "valid": exit 2, with the
/// status and its reason in the JSON.
#[test]
fn signature_intact_issuer_not_confirmed_exits_2() {
    let (code, out, _) = backpack(&[
        "verify",
        "--json",
        &fixture(FRAGMENT),
        &fixture("1edtech-public-validator/ob30/simple-jwt.png"),
    ]);
    assert_eq!(code, 2, "{out}");
    for v in lines(&out) {
        assert_eq!(v["verdict"], "indeterminate", "{v}");
        assert_eq!(v["status"], "issuer_not_confirmed", "{v}");
        assert!(
            v["reason"]
                .as_str()
                .unwrap()
                .starts_with("signature intact — issuer not confirmed: "),
            "{v}"
        );
    }
    let (_, text, _) = backpack(&["verify", &fixture(FRAGMENT)]);
    assert!(
        text.contains(": Signature intact, issuer not confirmed (ob3-json)\n"),
        "{text}"
    );
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
    let mut child = common::backpack()
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
    assert!(text.starts_with("-: Verified (ob3-json)\n"), "{text}");
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

/// A one-thread HTTP server on 127.0.0.1 serving the JSON documents `docs(base_url)` builds;
/// counts connections.
fn serve(
    docs: impl FnOnce(&str) -> Vec<(String, Value)>,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let docs = docs(&base);
    let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let h = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            h.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut reader = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            loop {
                let mut hdr = String::new();
                if reader.read_line(&mut hdr).is_err() || hdr.trim().is_empty() {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/");
            let (status, body) = match docs.iter().find(|(p, _)| p == path) {
                Some((_, v)) => (200, v.to_string()),
                None => (404, "{}".to_string()),
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, hits)
}

fn asset(f: &str) -> Value {
    serde_json::from_slice(
        &std::fs::read(fixture(&format!("1edtech-public-validator/ob20/{f}"))).unwrap(),
    )
    .unwrap()
}

#[test]
fn network_flags_against_a_local_hosted_badge() {
    let mut local = Value::Null;
    let (base, hits) = serve(|base| {
        let mut a = asset("basic-assertion.json");
        let mut b = asset("assets/robotics-badge.json");
        let mut i = asset("assets/organization.json");
        a["id"] = serde_json::json!(format!("{base}/a.json"));
        a["badge"] = serde_json::json!(format!("{base}/badge.json"));
        b["id"] = a["badge"].clone();
        b["issuer"] = serde_json::json!(format!("{base}/issuer.json"));
        i["id"] = b["issuer"].clone();
        local = a.clone();
        vec![
            ("/a.json".into(), a),
            ("/badge.json".into(), b),
            ("/issuer.json".into(), i),
        ]
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hosted.json");
    std::fs::write(&file, serde_json::to_vec(&local).unwrap()).unwrap();
    let f = file.to_str().unwrap();

    // Offline by default: nothing reaches the server.
    let (code, out, _) = backpack(&["verify", "--json", f]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 0);

    // Network on, but a loopback address is refused without --allow-private-network.
    let (code, out, _) = backpack(&["verify", "--json", "--allow-network", f]);
    assert_eq!(code, 2, "{out}");
    let v = lines(&out);
    let hosted = v[0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hosted")
        .unwrap();
    assert!(
        hosted["detail"].as_str().unwrap().contains("loopback"),
        "{hosted}"
    );
    assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 0);

    // Private network allowed: fetched, recorded, valid.
    let (code, out, _) = backpack(&[
        "verify",
        "--json",
        "--allow-private-network",
        "--recipient",
        "nobody@example.org",
        f,
    ]);
    assert_eq!(code, 0, "{out}");
    let v = lines(&out);
    assert_eq!(v[0]["verdict"], "valid");
    assert_eq!(v[0]["format"], "ob2-hosted");
    let fetches = v[0]["fetches"].as_array().unwrap();
    let urls: Vec<&str> = fetches.iter().map(|x| x["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            format!("{base}/a.json"),
            format!("{base}/badge.json"),
            format!("{base}/issuer.json")
        ]
    );
    assert!(fetches.iter().all(|x| x["status"] == 200));
    assert!(hits.load(std::sync::atomic::Ordering::SeqCst) >= 3);
}
