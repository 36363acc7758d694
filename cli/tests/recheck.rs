//! `backpack recheck`: re-verify wallet badges with the profile's identities, save reports.

use crate::common;

use backpack_core::decode::decode;
use backpack_core::model::Container;
use backpack_core::store::{IdentityKind, ImportOutcome, Wallet};
use backpack_core::verify::triage;
use common::{backpack, fixture};
use serde_json::Value;

fn put(w: &Wallet, rel: &str) -> i64 {
    let bytes = std::fs::read(fixture(rel)).unwrap();
    let d = decode(&bytes).unwrap();
    let p = backpack_core::parse::parse(&d)
        .ok()
        .or_else(|| triage(&d))
        .unwrap();
    match w.import_parsed(&p, &bytes, Container::Json, rel).unwrap() {
        ImportOutcome::Imported { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn recheck_all_uses_the_profile_and_saves_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    let (valid, expired) = {
        let w = Wallet::open(&path).unwrap();
        w.add_identity(IdentityKind::Did, "did:example:ebfeb1f712ebc6f1c276e12ec21")
            .unwrap();
        (
            put(&w, "generated/did-key-vc.jwt"),
            put(&w, "dcc-verifier-core/v2Expired.json"),
        )
    };
    let out = backpack()
        .args([
            "--wallet",
            path.to_str().unwrap(),
            "recheck",
            "--all",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let by_id = |id: i64| lines.iter().find(|l| l["id"] == id).unwrap().clone();
    assert_eq!(by_id(valid)["verdict"], "valid");
    let recipient = by_id(valid)["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "recipient")
        .unwrap()
        .clone();
    assert_eq!(
        recipient["outcome"], "pass",
        "the profile DID is the recipient"
    );
    assert_eq!(by_id(expired)["verdict"], "invalid");

    let w = Wallet::open(&path).unwrap();
    let saved = w.latest_report(valid).unwrap().expect("report saved");
    assert_eq!(saved.report.verdict.as_str(), "valid");
    assert!(w.latest_report(expired).unwrap().is_some());

    // One badge by id; a missing id is an error (exit 2).
    let one = backpack()
        .args([
            "--wallet",
            path.to_str().unwrap(),
            "recheck",
            &valid.to_string(),
        ])
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(0));
    assert!(
        String::from_utf8(one.stdout)
            .unwrap()
            .contains(": Verified (ob3-jwt)")
    );
    let missing = backpack()
        .args(["--wallet", path.to_str().unwrap(), "recheck", "999"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
