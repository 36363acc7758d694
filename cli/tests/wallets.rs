//! `backpack import` on other wallets' exports and on URLs (issue 11): the lines printed, the
//! exit codes, secrets that never show up, the network consent. The exports are built here
//! from their documented structure (no public sample exists; tests/fixtures/README.md); the
//! credentials inside are the project's public fixtures.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{Env, code, fixture, stderr, stdout};
use serde_json::{Value, json};

fn fixture_json(rel: &str) -> Value {
    serde_json::from_slice(&std::fs::read(fixture(rel)).unwrap()).unwrap()
}

/// Every byte of the wallet folder (database and journals).
fn wallet_bytes(env: &Env) -> Vec<u8> {
    let mut all = Vec::new();
    for e in std::fs::read_dir(env.wallet.parent().unwrap()).unwrap() {
        all.extend(std::fs::read(e.unwrap().path()).unwrap_or_default());
    }
    all
}

/// A made-up Ed25519 secret in LCW's export form (never a real key).
const SECRET: &str = "z3u2MLaHRnMEE4PBGXNxBRSPRLBBWiVkJUGFNiYBGYkTDtsLNcsXYhfFkXpFTrRXNCsf";

/// A DCC Learner Credential Wallet backup holding two public fixture credentials, the holder's
/// DID document, its key pair (with the private key) and its profile name.
fn lcw_backup() -> Value {
    json!([{
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/wallet/v1"],
        "id": "http://example.gov/wallet/3732",
        "type": "UniversalWallet2020",
        "status": "UNLOCKED",
        "contents": [
            fixture_json("1edtech-public-validator/ob30/simple-did-key-method.json"),
            fixture_json("dcc-verifier-core/v2OBv3SpecExample.json"),
            {"@context": ["https://www.w3.org/ns/did/v1"], "id": "did:key:z6MkHolder"},
            {"id": "did:key:z6MkHolder#z6MkHolder", "type": "Ed25519VerificationKey2020",
             "controller": "did:key:z6MkHolder", "publicKeyMultibase": "z6MkHolder",
             "privateKeyMultibase": SECRET},
            {"@context": ["https://w3id.org/wallet/v1"], "id": "urn:uuid:1", "type": "ProfileMetadata",
             "data": {"profileName": "Default"}}
        ]
    }])
}

#[test]
fn lcw_backup_lines_and_the_secret_shows_nowhere() {
    let env = Env::new();
    let f = env.file(
        "Wallet Backup.json",
        serde_json::to_string_pretty(&lcw_backup())
            .unwrap()
            .as_bytes(),
    );
    let first = env.run(&["import", &f]);
    assert_eq!(code(&first), 0, "{first:?}");
    let out = stdout(&first);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!("imported   {f}:credential 1  #1 \"test 1\"  (issuer not confirmed)"),
            format!("imported   {f}:credential 2  #2 \"Teamwork\"  (verified)"),
            format!(
                "skipped    {f}: 1 private key skipped: keys and secrets in another wallet's \
                 backup are never imported; 2 entries that are not credentials left out (the \
                 profile's DID document, public keys, name)"
            ),
            "2 imported, 0 already in your wallet, 0 refused, 1 skipped".to_string(),
        ]
    );
    // --json: the same outcome kinds.
    let o = env.run(&["import", "--json", &f]);
    let kinds: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["result"].to_string())
        .collect();
    assert_eq!(kinds, ["\"duplicate\"", "\"duplicate\"", "\"skipped\""]);
    for o in [&first, &o] {
        assert!(!stdout(o).contains(SECRET) && !stderr(o).contains(SECRET));
    }
    assert!(!stdout(&env.run(&["list", "--json"])).contains(SECRET));
    let disk = wallet_bytes(&env);
    assert!(!disk.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()));
}

#[test]
fn a_malformed_backup_and_a_pdf_without_a_badge_are_refused_with_one_line() {
    let env = Env::new();
    let text = serde_json::to_string(&lcw_backup()).unwrap();
    let f = env.file("cut.json", &text.as_bytes()[..text.len() - 40]);
    let o = env.run(&["import", &f]);
    assert_eq!(code(&o), 1, "{o:?}");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!("refused    {f}: invalid json: ")),
        "{out}"
    );
    assert!(!out.contains(SECRET));

    let p = env.file("report.pdf", &pdf(None));
    let o = env.run(&["import", &p]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        format!(
            "refused    {p}: pdf holds no badge: no openbadges entry in its document information \
             and no openbadges:assertion in its xmp metadata"
        )
    );
}

/// A minimal PDF written by hand (one page), with `badge` as its Info `openbadges` entry,
/// hex-encoded so no byte of it needs escaping.
fn pdf(badge: Option<&str>) -> Vec<u8> {
    let info = match badge {
        Some(b) => {
            let hex: String = b.bytes().map(|x| format!("{x:02X}")).collect();
            format!("<< /Producer (tests) /openbadges <{hex}> >>")
        }
        None => "<< /Producer (tests) >>".to_string(),
    };
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string(),
        info,
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn obf_pdf_badge_imports_with_its_place_in_the_name() {
    let env = Env::new();
    let badge =
        std::fs::read_to_string(fixture("1edtech-public-validator/ob30/simple.json")).unwrap();
    let p = env.file("obf-badge.pdf", &pdf(Some(&badge)));
    let o = env.run(&["import", &p]);
    assert_eq!(code(&o), 0, "{o:?}");
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        format!("imported   {p}:openbadges  #1 \"Teamwork\"  (issuer not confirmed)")
    );
    // The stored original is the badge text found in the PDF, byte for byte.
    let shown = env.run(&["show", "1", "--original"]);
    assert_eq!(shown.stdout, badge.as_bytes());
}

/// A one-thread HTTP server on 127.0.0.1: path → (content type, body); counts connections.
type Doc = (String, &'static str, Vec<u8>);

fn serve(docs: impl FnOnce(&str) -> Vec<Doc>) -> (String, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let docs = docs(&base);
    let hits = Arc::new(AtomicUsize::new(0));
    let h = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            h.fetch_add(1, Ordering::SeqCst);
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
            let (status, ct, body) = match docs.iter().find(|(p, _, _)| p == path) {
                Some((_, ct, b)) => (200, *ct, b.clone()),
                None => (404, "text/plain", b"not found".to_vec()),
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status} X\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(&body);
        }
    });
    (base, hits)
}

#[test]
fn import_by_url_needs_consent_then_verifies() {
    let (base, hits) = serve(|base| {
        let mut a = fixture_json("1edtech-public-validator/ob20/basic-assertion.json");
        let mut b = fixture_json("1edtech-public-validator/ob20/assets/robotics-badge.json");
        let mut i = fixture_json("1edtech-public-validator/ob20/assets/organization.json");
        a["id"] = json!(format!("{base}/a.json"));
        a["badge"] = json!(format!("{base}/badge.json"));
        b["id"] = a["badge"].clone();
        b["issuer"] = json!(format!("{base}/issuer.json"));
        i["id"] = b["issuer"].clone();
        let j = |v: &Value| serde_json::to_vec(v).unwrap();
        vec![
            ("/a.json".into(), "application/json", j(&a)),
            ("/badge.json".into(), "application/json", j(&b)),
            ("/issuer.json".into(), "application/json", j(&i)),
            (
                "/page".into(),
                "text/html",
                b"<!doctype html><title>Badge</title>".to_vec(),
            ),
        ]
    });
    let env = Env::new();
    let url = format!("{base}/a.json");
    // No consent: one line saying how to allow it; no socket opened.
    let o = env.run(&["import", &url]);
    assert_eq!(code(&o), 1, "{o:?}");
    assert_eq!(
        stdout(&o),
        format!(
            "refused    {url}: not fetched: network access is not allowed. Allow it for this \
             import with --allow-network, or turn on network access in the app's settings\n\
             0 imported, 0 already in your wallet, 0 refused\n"
        )
        .replace("0 refused\n", "1 refused\n")
    );
    assert_eq!(hits.load(Ordering::SeqCst), 0);

    // Consent (a loopback server also needs --allow-private-network): fetched and verified,
    // in the order given, between files.
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    let page = format!("{base}/page");
    let o = env.run(&[
        "import",
        "--allow-private-network",
        png.to_str().unwrap(),
        &url,
        &page,
    ]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(code(&o), 1, "{out}");
    assert!(
        lines[0].starts_with(&format!("imported   {}  #1", png.display())),
        "{out}"
    );
    // (An OB 2.0 assertion that names its badge class by URL is shown by that URL's last
    // segment: the parser never fetches.)
    assert_eq!(
        lines[1],
        format!("imported   {url}  #2 \"badge\"  (verified)")
    );
    assert_eq!(
        lines[2],
        format!(
            "refused    {page}: the link leads to a web page, not to a badge: use the link of the \
             badge's assertion or credential (its JSON), or download the badge and import the file"
        )
    );
    // The fetched documents are the badge's evidence: an offline re-check still confirms it.
    let o = env.run(&["recheck", "2", "--json"]);
    assert_eq!(code(&o), 0, "{o:?}");
    let v: Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(v["verdict"], "valid", "{v}");
    assert!(
        v["fetches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["from_cache"] == true),
        "{v}"
    );
    assert_eq!(
        hits.load(Ordering::SeqCst),
        4,
        "assertion, badge class, issuer once each (the re-check was offline), the web page"
    );
}
