//! `backpack trust import|list|remove` and the issuer label beside the verdict in `verify`,
//! `show` and `list` (issue 12, "trust labels, information not a gate").

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::fixture_str as fixture;
use serde_json::Value;

const SANDBOX: &str = "trust-registries/dcc-sandbox-registry/registry.json";
const PILOT: &str = "trust-registries/dcc-issuer-registry/registry.json";
const DISTRICT: &str = "trust-registries/backpack/example-district.json";
/// Issued by did:key:z6MknNQD…vR5Q ("Public Test Issuer" on the sandbox registry).
const SPEC: &str = "dcc-verifier-core/v2OBv3SpecExample.json";
const EXPIRED: &str = "dcc-verifier-core/v2Expired.json";
const DID_WEB: &str = "dcc-verifier-core/v2didWebMultikeyWithValidStatus.json";

fn run(wallet: &Path, args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = common::backpack()
        .args(args)
        .env("BACKPACK_WALLET", wallet)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run backpack");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn backpack(wallet: &Path, args: &[&str]) -> (i32, String, String) {
    run(wallet, args, None)
}

fn import_lists(w: &Path) {
    let (code, out, err) = backpack(
        w,
        &[
            "trust",
            "import",
            &fixture(SANDBOX),
            "--name",
            "DCC Sandbox Registry",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("imported trust list 'DCC Sandbox Registry' (#1): 39 issuers, DCC issuer registry, dated 25 March 2026\n  a test list:"), "{out}");
    let (code, out, err) = backpack(w, &["trust", "import", &fixture(DISTRICT)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "imported trust list 'Example District recognised issuers' (#2): 4 issuers, Backpack \
         trust list, dated 3 May 2026\n"
    );
}

#[test]
fn import_list_remove() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.db");
    let (code, out, _) = backpack(&w, &["trust", "list"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "no trust lists (import one with: backpack trust import FILE --name NAME)\n"
        )
    );
    import_lists(&w);

    let (code, out, _) = backpack(&w, &["trust", "list", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let rows: Vec<(String, bool, u64, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["name"].as_str().unwrap().to_string(),
                l["test"].as_bool().unwrap(),
                l["issuers"].as_u64().unwrap(),
                l["format"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("DCC Sandbox Registry".into(), true, 39, "dcc_legacy".into()),
            (
                "Example District recognised issuers".into(),
                false,
                4,
                "backpack".into()
            ),
        ]
    );
    let (_, out, _) = backpack(&w, &["trust", "list"]);
    assert!(out.starts_with("#1   DCC Sandbox Registry  [test list]\n     39 issuers · DCC issuer registry · imported "), "{out}");

    // Same name again: refused (exit 1) until --replace.
    let (code, _, err) = backpack(&w, &["trust", "import", &fixture(DISTRICT)]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "backpack: a trust list named \"Example District recognised issuers\" is already in your \
         wallet: use --replace to replace it, or --name to import it under another name\n"
    );
    let (code, out, _) = backpack(&w, &["trust", "import", &fixture(DISTRICT), "--replace"]);
    assert_eq!(code, 0);
    // SQLite hands the freed id to the replacement.
    assert!(
        out.starts_with("replaced trust list 'Example District recognised issuers' (#2)"),
        "{out}"
    );

    // From stdin, marked as a test list by hand.
    let bytes = std::fs::read(fixture(SANDBOX)).unwrap();
    let (code, out, err) = run(
        &w,
        &[
            "trust",
            "import",
            "-",
            "--name",
            "School copy",
            "--test",
            "--source",
            "the school",
        ],
        Some(&bytes),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("imported trust list 'School copy' (#3): 39 issuers"),
        "{out}"
    );
    assert!(out.contains("a test list"), "{out}");

    let (code, out, _) = backpack(&w, &["trust", "remove", "#3"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "removed trust list 'School copy' (39 issuers); your badges and their checks are unchanged\n"
    );
    let (code, _, _) = backpack(&w, &["trust", "remove", "dcc sandbox registry"]);
    assert_eq!(code, 0);
    let (code, _, err) = backpack(&w, &["trust", "remove", "DCC Sandbox Registry"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "backpack: no trust list \"DCC Sandbox Registry\" in your wallet (see: backpack trust list)\n"
    );
}

#[test]
fn malformed_and_conflicting_registries_are_refused_whole_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.db");
    let pilot = fixture(PILOT);
    let (code, out, err) = backpack(&w, &["trust", "import", &pilot, "--name", "DCC Pilot"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        format!(
            "backpack: {pilot}: line 56, column 5: \
             did:key:z6MkpMKDNykeb9hSQkz8RWCRrqHoo3y56gQb3Lj78xWgkNZh is listed twice (first on \
             line 22), as \"College Unbound\" and as \"Jobs for the Future (JFF) Sandbox Issuer \
             (DCC hosted)\": a trust list must not name one issuer two ways (fix the list, then \
             import it again); the whole list was refused\n"
        )
    );
    // A registry cut short: refused, naming where it ends.
    let text = std::fs::read_to_string(fixture(SANDBOX)).unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let (code, _, err) = backpack(&w, &["trust", "import", cut.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "backpack: {}: line 97, column 30: EOF while parsing a string; the whole list was \
             refused\n",
            cut.display()
        )
    );
    // Escape sequences in a name: refused, never printed raw.
    let evil = dir.path().join("evil.json");
    std::fs::write(
        &evil,
        text.replace("Public Test Issuer", "Public\\u001b[2JIssuer"),
    )
    .unwrap();
    let (code, _, err) = backpack(&w, &["trust", "import", evil.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "line 83, column 37: text \"Public\\u{1b}[2JIssuer\" contains control characters"
        ),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'));
    let (_, out, _) = backpack(&w, &["trust", "list", "--json"]);
    assert_eq!(out.trim(), "[]", "nothing of a refused file is stored");
}

/// `verify --json` of the same files with and without trust lists: every field but
/// `issuer_label` is identical, and so is the exit code.
#[test]
fn the_label_never_changes_a_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.db");
    let listed = dir.path().join("listed.db");
    import_lists(&listed);
    // A forged copy: the name changed after signing.
    let forged = dir.path().join("forged.json");
    let text = std::fs::read_to_string(fixture(SPEC)).unwrap();
    std::fs::write(
        &forged,
        text.replace("\"Teamwork\"", "\"Doctor of Medicine\""),
    )
    .unwrap();
    let files = [
        fixture(SPEC),
        fixture(EXPIRED),
        fixture(DID_WEB),
        forged.display().to_string(),
    ];
    let mut args = vec!["verify", "--json"];
    args.extend(files.iter().map(String::as_str));

    let (code_a, out_a, _) = backpack(&plain, &args);
    let (code_b, out_b, _) = backpack(&listed, &args);
    assert_eq!(code_a, code_b);
    assert_eq!(code_a, 1, "the expired and forged badges are invalid");
    assert!(!plain.exists(), "verify never creates a wallet");
    let parse = |s: &str| -> Vec<Value> {
        s.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (a, b) = (parse(&out_a), parse(&out_b));
    let mut labels = Vec::new();
    for (mut x, mut y) in a.into_iter().zip(b) {
        assert_eq!(x["issuer_label"], Value::Null);
        labels.push(y["issuer_label"]["text"].as_str().unwrap().to_string());
        // The clock moves between the two runs.
        for v in [&mut x, &mut y] {
            let o = v.as_object_mut().unwrap();
            o.remove("issuer_label");
            o.remove("checked_at");
            for f in o["fetches"].as_array_mut().unwrap() {
                f.as_object_mut().unwrap().remove("fetched_at");
            }
        }
        assert_eq!(x, y);
    }
    let verdicts: Vec<String> = parse(&out_b)
        .iter()
        .map(|v| v["verdict"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(verdicts[0], "valid");
    assert_eq!(verdicts[1], "invalid");
    assert_ne!(verdicts[2], "valid");
    assert_eq!(verdicts[3], "invalid");
    let prefix: Vec<&str> = labels
        .iter()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        prefix,
        [
            "Known issuer",
            "Claims to be from a known issuer",
            "Claims to be from a test issuer",
            "Claims to be from a known issuer",
        ]
    );
    assert!(labels[0].starts_with(
        "Known issuer: Public Test Issuer (listed by the district) (on 'Example District \
         recognised issuers', imported "
    ));
    assert!(labels[2].starts_with(
        "Claims to be from a test issuer: DCC did:web multikey test (on 'DCC Sandbox Registry'"
    ));
    assert!(labels[3].ends_with("; not verified"));

    // Human output: the label right under the verdict line.
    let (_, out, _) = backpack(&listed, &["verify", &fixture(SPEC)]);
    let mut it = out.lines();
    assert_eq!(
        it.next(),
        Some(format!("{}: Verified (ob3-json)", fixture(SPEC)).as_str())
    );
    assert!(
        it.next()
            .unwrap()
            .starts_with("  trust: Known issuer: Public Test Issuer")
    );
    assert!(it.next().unwrap().starts_with("  ✓ decode"));
}

#[test]
fn list_and_show_carry_the_label() {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.db");
    let (code, _, err) = backpack(&w, &["import", &fixture(SPEC), &fixture(DID_WEB)]);
    assert_eq!(code, 0, "{err}");
    // No lists: no TRUST column, null labels.
    let (_, out, _) = backpack(&w, &["list"]);
    assert!(!out.contains("TRUST"), "{out}");
    let (_, out, _) = backpack(&w, &["list", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|r| r["issuer_label"].is_null())
    );

    import_lists(&w);
    let (_, out, _) = backpack(&w, &["list", "--sort", "name"]);
    let table: Vec<Vec<&str>> = out
        .lines()
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(
        table[0],
        [
            "ID", "NAME", "ISSUER", "ISSUED", "FORMAT", "STATUS", "TRUST"
        ]
    );
    let trust: Vec<(&str, &str)> = table[1..]
        .iter()
        .map(|r| (r[1], *r.last().unwrap()))
        .collect();
    assert_eq!(
        trust,
        [
            ("Masters - v2 - unrevoked", "claims (test)"),
            ("Teamwork", "known")
        ]
    );

    let (_, out, _) = backpack(&w, &["list", "--json", "--sort", "name"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v[1]["issuer_label"]["list"],
        "Example District recognised issuers"
    );
    assert_eq!(v[1]["issuer_label"]["verified"], true);
    assert_eq!(v[0]["issuer_label"]["test"], true);

    let id = v[1]["id"].as_i64().unwrap().to_string();
    let (_, out, _) = backpack(&w, &["show", &id]);
    let line = out.lines().find(|l| l.starts_with("issuer label")).unwrap();
    assert!(
        line.starts_with(
            "issuer label Known issuer: Public Test Issuer (listed by the district) (on 'Example \
             District recognised issuers', imported "
        ),
        "{line}"
    );
    let (_, out, _) = backpack(&w, &["show", &id, "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["issuer_label"]["matched_by"], "did");
    assert_eq!(v["status"], "verified");

    // Removing the lists removes the labels, and nothing else changes.
    backpack(&w, &["trust", "remove", "1"]);
    backpack(&w, &["trust", "remove", "2"]);
    let (_, out, _) = backpack(&w, &["show", &id, "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["issuer_label"].clone(), v["status"].clone()),
        (Value::Null, "verified".into())
    );
}
