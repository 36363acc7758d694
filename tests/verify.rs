//! The verification pipeline end to end (issue 3): every vector with its expected verdict,
//! OB 2.0 hosted and signed badges and status lists served by an in-test HTTP server on
//! 127.0.0.1, tampered copies, the offline policy (no socket opened), the cache, dates and
//! recipients. OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>, OB 3.0 “JSON Web Token Proof Format” <https://www.imsglobal.org/spec/ob/v3p0/> and VC-JWT <https://www.w3.org/TR/vc-jose-cose/>, Bitstring Status List <https://www.w3.org/TR/vc-bitstring-status-list/>, OB 3.0 “Revocation” <https://www.imsglobal.org/spec/ob/v3p0/>, public test vectors (tests/fixtures/README.md).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use backpack_core::decode::decode;
use backpack_core::env::{
    FetchError, FetchRequest, FetchResponse, Fetcher, FixedClock, OfflineFetcher,
};
use backpack_core::model::Format;
use backpack_core::net::{HttpFetcher, MemoryCache};
use backpack_core::parse::ParsedCredential;
use backpack_core::verify::report::ISSUER_NOT_CONFIRMED;
use backpack_core::verify::{
    CheckId, Outcome, Report, Status, Verdict, VerifyContext, evidence, triage, verify_bytes,
    verify_parsed,
};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::util::{OB20_ASSETS, Web, fixture_bytes, web_confirming};

// ---------------------------------------------------------------------------------------
// Helpers: clock, classification, an in-test HTTP server and a URL-mapping fetcher.

fn clock_at(s: &str) -> FixedClock {
    FixedClock(DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc))
}

fn now() -> FixedClock {
    clock_at("2026-05-04T12:00:00Z")
}

/// The importer's parse if it handles this input, else the pipeline's own triage (what
/// `verify_bytes` falls back to), so the pipeline is tested on every vector either way.
fn parsed(bytes: &[u8]) -> ParsedCredential {
    let d = decode(bytes).expect("fixture decodes");
    backpack_core::parse::parse(&d)
        .ok()
        .or_else(|| triage(&d))
        .expect("a badge")
}

fn json_bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

/// path → (status, body).
type Routes = Arc<Mutex<HashMap<String, (u16, Vec<u8>)>>>;

/// A tiny HTTP/1.1 server on 127.0.0.1: path → (status, body). Counts connections.
struct Server {
    port: u16,
    routes: Routes,
    hits: Arc<AtomicUsize>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Routes = Arc::default();
        let hits = Arc::new(AtomicUsize::new(0));
        let (r, h) = (routes.clone(), hits.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { continue };
                h.fetch_add(1, Ordering::SeqCst);
                let mut reader = BufReader::new(s.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                loop {
                    let mut hdr = String::new();
                    if reader.read_line(&mut hdr).is_err() || hdr.trim().is_empty() {
                        break;
                    }
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, body) = r
                    .lock()
                    .unwrap()
                    .get(&path)
                    .cloned()
                    .unwrap_or((404, b"not found".to_vec()));
                let head = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = s.write_all(head.as_bytes());
                let _ = s.write_all(&body);
            }
        });
        Server { port, routes, hits }
    }

    fn serve(&self, path: &str, status: u16, body: Vec<u8>) {
        self.routes
            .lock()
            .unwrap()
            .insert(path.to_string(), (status, body));
    }

    fn serve_json(&self, path: &str, v: &Value) {
        self.serve(path, 200, json_bytes(v));
    }

    fn serve_file(&self, path: &str, rel: &str) {
        self.serve(path, 200, fixture_bytes(rel));
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Maps public URLs onto the local server (as the 1EdTech Java tests map
/// `https://example.org/<f>` to `ob20/assets/<f>`), then fetches for real over HTTP with
/// private addresses allowed (`--allow-private-network`).
struct Mapped {
    base: String,
    http: HttpFetcher,
}

const MAPPED_PREFIXES: [(&str, &str); 8] = [
    ("https://example.org/", "/"),
    ("http://example.org/", "/"),
    ("http://a.com/", "/a.com/"),
    ("https://raw.githubusercontent.com/", "/gh/"),
    ("https://1edtech.edu/", "/1edtech/"),
    ("https://example.com/", "/example.com/"),
    ("https://dc.1edtech.org/", "/dc/"),
    ("https://example.edu/", "/example.edu/"),
];

impl Mapped {
    fn new(server: &Server) -> Mapped {
        Mapped {
            base: server.base(),
            http: HttpFetcher::new(true),
        }
    }
}

impl Fetcher for Mapped {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        let mut url = req.url.clone();
        let mut mapped = None;
        for (from, to) in MAPPED_PREFIXES {
            if let Some(rest) = req.url.strip_prefix(from) {
                url = format!("{}{to}{rest}", self.base);
                mapped = Some((from, format!("{}{to}", self.base)));
                break;
            }
        }
        let mut resp = self.http.fetch(&FetchRequest {
            url,
            accept: req.accept.clone(),
        })?;
        // As if DNS pointed the public host at the local server: the final URL (after any
        // redirect) is reported under the public name, as a real fetch would.
        if let Some((from, local)) = mapped
            && let Some(rest) = resp.url.strip_prefix(&local)
        {
            resp.url = format!("{from}{rest}");
        }
        Ok(resp)
    }
}

/// A fetcher that must never be called.
struct Forbidden;

impl Fetcher for Forbidden {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        panic!("no fetch expected, got {}", req.url)
    }
}

fn verify_with(bytes: &[u8], fetcher: &dyn Fetcher, recipients: &[String]) -> Report {
    let clock = now();
    let ctx = VerifyContext::new(&clock, fetcher).with_recipients(recipients);
    verify_parsed(&parsed(bytes), &ctx)
}

fn offline(bytes: &[u8]) -> Report {
    verify_with(bytes, &OfflineFetcher, &[])
}

fn outcome(r: &Report, id: CheckId) -> Outcome {
    r.get(id)
        .map(|c| c.outcome)
        .unwrap_or_else(|| panic!("no {id} check in {r:#?}"))
}

fn detail(r: &Report, id: CheckId) -> String {
    r.get(id).map(|c| c.detail.clone()).unwrap_or_default()
}

#[track_caller]
fn assert_check(r: &Report, id: CheckId, want: Outcome, contains: &str) {
    let c = r
        .get(id)
        .unwrap_or_else(|| panic!("no {id} check in {r:#?}"));
    assert_eq!(c.outcome, want, "{id}: {} — report {r:#?}", c.detail);
    assert!(
        c.detail.contains(contains),
        "{id} detail {:?} lacks {contains:?}",
        c.detail
    );
}

#[track_caller]
fn assert_verdict(r: &Report, want: Verdict) {
    assert_eq!(r.verdict, want, "{r:#?}");
}

/// Change one character of the credential's name inside a JWS payload, keep the signature.
fn tamper_jws(t: &str) -> String {
    let parts: Vec<&str> = t.trim().split('.').collect();
    let mut p: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    let target = if p.get("vc").is_some() {
        &mut p["vc"]
    } else {
        &mut p
    };
    let name = target["name"].as_str().unwrap_or("x").to_string();
    let mut flipped: Vec<char> = name.chars().collect();
    flipped[0] = if flipped[0] == 'X' { 'Y' } else { 'X' };
    target["name"] = json!(flipped.into_iter().collect::<String>());
    format!("{}.{}.{}", parts[0], b64json(&p), parts[2])
}

fn ob3(rel: &str) -> Vec<u8> {
    fixture_bytes(&format!("1edtech-public-validator/ob30/{rel}"))
}

fn ob20(rel: &str) -> Vec<u8> {
    fixture_bytes(&format!("1edtech-public-validator/ob20/{rel}"))
}

const NOBODY: &str = "nobody@example.org";

// ---------------------------------------------------------------------------------------
// OB 3.0 embedded proofs (1EdTech OB30Tests semantics, DCC, spec vector), offline.

/// The payload JSON of a fixture (baked or not).
fn payload_json(bytes: &[u8]) -> Value {
    match decode(bytes).unwrap().payload {
        backpack_core::decode::Payload::Json(s) => serde_json::from_str(&s).unwrap(),
        other => panic!("not json: {other:?}"),
    }
}

/// 1EdTech's fixtures sign with a key spelled in the method's fragment
/// (`https://example.com/issuers/876543#z6Mk…`). Offline the signature is checked with it,
/// but nothing the issuer controls says the key is theirs: "signature intact, issuer not
/// confirmed" — never valid. Online, once the issuer's own document lists the key: valid.
#[test]
fn fragment_keys_are_issuer_not_confirmed_offline_and_valid_once_the_issuer_lists_them() {
    for rel in [
        "1edtech-public-validator/ob30/simple.json",
        "1edtech-public-validator/ob30/simple-eddsa-2022.json",
        "1edtech-public-validator/ob30/simple_v1.json",
        "1edtech-public-validator/ob30/simple-multiple-proofs.json",
        "1edtech-public-validator/ob30/endorsement-valid.json",
        "1edtech-public-validator/ob30/simple-json.png",
        "1edtech-public-validator/ob30/simple-json.svg",
    ] {
        let bytes = fixture_bytes(rel);
        let r = offline(&bytes);
        assert_eq!(r.verdict, Verdict::Indeterminate, "{rel}: {r:#?}");
        assert_eq!(r.status, Status::IssuerNotConfirmed, "{rel}");
        assert_eq!(outcome(&r, CheckId::Proof), Outcome::Pass, "{rel}");
        assert!(
            r.reason.starts_with(ISSUER_NOT_CONFIRMED),
            "{rel}: {}",
            r.reason
        );
        assert!(r.key_id.is_some(), "{rel}: key id recorded");

        let web = web_confirming(&payload_json(&bytes));
        let r = verify_with(&bytes, &web, &[]);
        assert_eq!(r.verdict, Verdict::Valid, "{rel}: {r:#?}");
        assert_eq!(r.status, Status::Verified, "{rel}");
        assert_check(
            &r,
            CheckId::IssuerKey,
            Outcome::Pass,
            "confirmed from the issuer's key document https://",
        );
        assert_eq!(outcome(&r, CheckId::Recipient), Outcome::Skipped);
    }
}

/// A `did:key` issuer signing with its own key binds offline: the identifier is the key.
#[test]
fn did_key_issuers_verify_offline_without_any_fetch() {
    for rel in [
        "dcc-verifier-core/v2OBv3SpecExample.json",
        "dcc-verifier-core/v1OBv3SpecExample.json",
    ] {
        let r = verify_with(&fixture_bytes(rel), &Forbidden, &[]);
        assert_eq!(r.verdict, Verdict::Valid, "{rel}: {r:#?}");
        assert_check(&r, CheckId::IssuerKey, Outcome::Pass, "self-certifying");
    }
}

#[test]
fn did_key_signature_with_a_urn_issuer_is_not_confirmed() {
    // The did:key signs, but the issuer is a urn:uuid: nothing the issuer controls can be
    // fetched to say the key is theirs. 1EdTech calls this fixture valid; we do not.
    let r = offline(&ob3("simple-did-key-method.json"));
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Pass);
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Error,
        "the issuer id urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164 is not a URL or DID",
    );
    assert_verdict(&r, Verdict::Indeterminate);
    assert_eq!(r.status, Status::IssuerNotConfirmed);
}

#[test]
fn ob3_spec_vector_verifies_once_its_issuer_lists_the_key() {
    let v: Value =
        serde_json::from_slice(&fixture_bytes("ob3-spec-test-vector/vector.json")).unwrap();
    let signed = &v["signedCredential"];
    let r = offline(&json_bytes(signed));
    assert_eq!(r.status, Status::IssuerNotConfirmed, "{r:#?}");
    let r = verify_with(&json_bytes(signed), &web_confirming(signed), &[]);
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.key_id.as_deref(), v["verificationMethod"].as_str());
}

#[test]
fn ob3_negative_cases() {
    let r = offline(&ob3("simple-err-expired.json"));
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, CheckId::Expiry, Outcome::Fail, "expired on 2010-01-01");

    let r = offline(&ob3("simple-err-issued.json"));
    assert_verdict(&r, Verdict::Invalid);
    assert_check(
        &r,
        CheckId::NotBefore,
        Outcome::Fail,
        "not valid yet: validFrom is 2040-01-01",
    );

    let r = offline(&ob3("simple-err-proof-value.json"));
    assert_verdict(&r, Verdict::Invalid);
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail);

    let r = offline(&ob3("simple-err-type.json"));
    assert_verdict(&r, Verdict::Invalid);
    assert_check(
        &r,
        CheckId::Schema,
        Outcome::Fail,
        "type must include OpenBadgeCredential",
    );

    let r = offline(&ob3("simple-err-context.json"));
    assert_verdict(&r, Verdict::Invalid);
    assert_check(
        &r,
        CheckId::Schema,
        Outcome::Fail,
        "@context must start with",
    );

    let r = offline(&ob3("simple-noproof.json"));
    assert_verdict(&r, Verdict::Invalid);
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail);
}

#[test]
fn tampered_ob3_json_fails_proof() {
    for rel in [
        "1edtech-public-validator/ob30/simple.json",
        "1edtech-public-validator/ob30/simple_v1.json",
        "1edtech-public-validator/ob30/simple-eddsa-2022.json",
        "1edtech-public-validator/ob30/simple-multiple-proofs.json",
        "1edtech-public-validator/ob30/complete.json",
        "1edtech-public-validator/ob30/endorsement-valid.json",
        "1edtech-public-validator/clr20/simple.json",
        "dcc-verifier-core/v2OBv3SpecExample.json",
        "dcc-verifier-core/v1OBv3SpecExample.json",
        "dcc-verifier-core/v2DoubleSigWithValidStatus.json",
        "dcc-verifier-core/v2WithValidStatus.json",
    ] {
        let mut v: Value = serde_json::from_slice(&fixture_bytes(rel)).unwrap();
        v["name"] = json!("Tampered name");
        let r = verify_with(&json_bytes(&v), &OfflineFetcher, &[]);
        assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail, "{rel}: {r:#?}");
        assert_eq!(r.verdict, Verdict::Invalid, "{rel}");
    }
}

const WELLSPRING: &str = "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c";
const WELLSPRING_LIST: &str =
    "/dc/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c";

#[test]
fn revocation_list_offline_is_could_not_check() {
    // A 1EdTechRevocationList and a did:web issuer: offline, both are "could not check".
    let r = offline(&ob3("credential-status-revoked.json"));
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Pass, "{r:#?}");
    assert_eq!(outcome(&r, CheckId::IssuerKey), Outcome::Error);
    assert_check(&r, CheckId::Status, Outcome::Error, "offline");
    assert_verdict(&r, Verdict::Indeterminate);
    let urls: Vec<&str> = r.fetches.iter().map(|f| f.url.as_str()).collect();
    assert!(urls.contains(&"https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c"), "{urls:?}");
    assert!(
        r.fetches
            .iter()
            .all(|f| f.error.as_deref().unwrap_or("").contains("offline"))
    );
}

#[test]
fn one_edtech_revocation_list_and_did_web_served_locally() {
    let server = Server::start();
    let f = Mapped::new(&server);
    let v: Value = serde_json::from_slice(&ob3("credential-status-revoked.json")).unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    let vm = format!("{WELLSPRING}#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
    server.serve_json(
        "/dc/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json",
        &json!({
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
            "id": WELLSPRING,
            "verificationMethod": [{"id": vm, "type": "Ed25519VerificationKey2020", "controller": WELLSPRING,
                "publicKeyMultibase": "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"}],
            "assertionMethod": [vm]
        }),
    );
    server.serve_json(WELLSPRING_LIST, &json!({"revokedCredential": []}));
    let r = verify_with(&ob3("credential-status-revoked.json"), &f, &[]);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Pass,
        "not on the issuer's revocation list",
    );
    assert_eq!(outcome(&r, CheckId::IssuerKey), Outcome::Pass, "{r:#?}");
    assert_verdict(&r, Verdict::Valid);
    server.serve_json(
        WELLSPRING_LIST,
        &json!({"revokedCredential": [{"id": id, "revocationReason": "issued in error"}]}),
    );
    let r = verify_with(&ob3("credential-status-revoked.json"), &f, &[]);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Fail,
        "revoked by the issuer: issued in error",
    );
    assert_verdict(&r, Verdict::Invalid);
}

// ---------------------------------------------------------------------------------------
// Bitstring status lists: DCC (100,000 entries) and 1EdTech (131,072, index 23).

const DCC_LIST: &str = "/gh/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj";

fn dcc_server() -> Server {
    let s = Server::start();
    s.serve_file(
        DCC_LIST,
        "dcc-verifier-core/status-list-e5WK8CbZ1GjycuPombrj.json",
    );
    s
}

#[test]
fn dcc_valid_revoked_expired_with_local_status_list() {
    let server = dcc_server();
    let f = Mapped::new(&server);
    for rel in [
        "v2WithValidStatus.json",
        "v2EddsaWithValidStatus.json",
        "v2DoubleSigWithValidStatus.json",
    ] {
        let r = verify_with(&fixture_bytes(&format!("dcc-verifier-core/{rel}")), &f, &[]);
        assert_eq!(r.verdict, Verdict::Valid, "{rel}: {r:#?}");
        assert_check(&r, CheckId::Status, Outcome::Pass, "not revoked (index 9)");
        // DCC's list is shorter than the minimum: read, with a note, not invalid.
        assert!(detail(&r, CheckId::Status).contains("100000 entries, below the 131072 minimum"));
        assert!(
            r.fetches
                .iter()
                .any(|x| x.status == Some(200) && !x.from_cache)
        );
    }
    let r = verify_with(&fixture_bytes("dcc-verifier-core/v2Revoked.json"), &f, &[]);
    assert_verdict(&r, Verdict::Invalid);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Fail,
        "revoked (status list index 8)",
    );

    let r = verify_with(&fixture_bytes("dcc-verifier-core/v2Expired.json"), &f, &[]);
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, CheckId::Expiry, Outcome::Fail, "expired on 2011-01-01");
}

#[test]
fn status_list_unreachable_is_error_not_fail() {
    let server = Server::start(); // serves nothing: 404
    let f = Mapped::new(&server);
    let r = verify_with(&fixture_bytes("dcc-verifier-core/v2Revoked.json"), &f, &[]);
    assert_check(&r, CheckId::Status, Outcome::Error, "could not check");
    assert_verdict(&r, Verdict::Indeterminate);
}

#[test]
fn tampered_status_list_is_not_trusted() {
    let server = Server::start();
    let mut list: Value = serde_json::from_slice(&fixture_bytes(
        "dcc-verifier-core/status-list-e5WK8CbZ1GjycuPombrj.json",
    ))
    .unwrap();
    // An all-zero list (nothing revoked) that its issuer never signed.
    let zeros = {
        use flate2::write::GzEncoder;
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&[0u8; 12_500]).unwrap();
        format!("u{}", URL_SAFE_NO_PAD.encode(e.finish().unwrap()))
    };
    list["credentialSubject"]["encodedList"] = json!(zeros);
    server.serve_json(DCC_LIST, &list);
    let r = verify_with(
        &fixture_bytes("dcc-verifier-core/v2Revoked.json"),
        &Mapped::new(&server),
        &[],
    );
    assert_check(&r, CheckId::Status, Outcome::Error, "proof does not verify");
}

#[test]
fn one_edtech_bitstring_list_index_23_revoked() {
    let server = Server::start();
    server.serve_file(
        "/gh/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
        "1edtech-public-validator/ob30/bit-string-list/testlist",
    );
    // The list is signed with a key spelled in its method's fragment: until the issuer's own
    // document lists that key, the list cannot be trusted, so the status could not be checked.
    let cred = ob3("bit-string-list/credential-status-revoked.json");
    let r = verify_with(&cred, &Mapped::new(&server), &[]);
    assert_check(&r, CheckId::Status, Outcome::Error, "is not trustworthy");
    assert_verdict(&r, Verdict::Indeterminate);
    // The issuer publishes its document listing the key: the list counts, index 23 is set.
    let issuer = "https://1edtech.edu/issuers/565049";
    let vm = "https://1edtech.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    server.serve_json(
        "/1edtech/issuers/565049",
        &crate::util::issuer_doc_listing(issuer, &[vm]),
    );
    let r = verify_with(&cred, &Mapped::new(&server), &[]);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Fail,
        "revoked (status list index 23)",
    );
    assert!(
        !detail(&r, CheckId::Status).contains("minimum"),
        "131,072 entries meet the minimum"
    );
    assert_verdict(&r, Verdict::Invalid);
}

#[test]
fn offline_recheck_uses_cache_and_says_how_old() {
    let server = dcc_server();
    let cache = MemoryCache::new();
    let bytes = fixture_bytes("dcc-verifier-core/v2WithValidStatus.json");
    let p = parsed(&bytes);
    let first = now();
    let f = Mapped::new(&server);
    let ctx = VerifyContext::new(&first, &f).with_cache(&cache);
    let r = verify_parsed(&p, &ctx);
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(cache.len(), 1);

    let later = clock_at("2026-05-07T13:00:00Z");
    let ctx = VerifyContext::new(&later, &OfflineFetcher).with_cache(&cache);
    let r = verify_parsed(&p, &ctx);
    assert_verdict(&r, Verdict::Valid);
    assert!(
        detail(&r, CheckId::Status).contains("cached 3 days ago"),
        "{r:#?}"
    );
    let hit = r
        .fetches
        .iter()
        .find(|x| x.from_cache)
        .expect("a cache hit is recorded");
    assert_eq!(hit.fetched_at, "2026-05-04T12:00:00Z");
    assert_eq!(r.fetches.len(), 1, "one record per url: the cache answered");

    // The evidence snapshot carries the report and the list it used.
    let ev = evidence::snapshot(&r, Some(&cache));
    assert_eq!(ev.documents.len(), 1);
    assert!(ev.summary().starts_with(
        "verified on 2026-05-07 with key did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q"
    ));
}

// ---------------------------------------------------------------------------------------
// VC-JWT.

/// 1EdTech's VC-JWTs carry their RSA key in the header `jwk`. Offline nothing the issuer
/// controls says it is theirs: "signature intact, issuer not confirmed". With the issuer's key
/// set (`/.well-known/jwks.json`) holding that key: valid.
#[test]
fn vc_jwt_fixtures_need_the_issuers_key_set() {
    for rel in [
        "simple-jwt.png",
        "simple-jwt.svg",
        "simple-jwt_v1.png",
        "simple-jwt_v1.svg",
    ] {
        let r = verify_with(&ob3(rel), &OfflineFetcher, &[]);
        assert_eq!(r.verdict, Verdict::Indeterminate, "{rel}: {r:#?}");
        assert_eq!(r.status, Status::IssuerNotConfirmed, "{rel}");
        assert_check(
            &r,
            CheckId::Proof,
            Outcome::Pass,
            "RS256 signature verified",
        );
        assert_check(&r, CheckId::IssuerKey, Outcome::Error, ISSUER_NOT_CONFIRMED);

        let p = parsed(&ob3(rel));
        let jws = p.compact_jws.unwrap();
        let header: Value = serde_json::from_slice(
            &URL_SAFE_NO_PAD
                .decode(jws.split('.').next().unwrap())
                .unwrap(),
        )
        .unwrap();
        let issuer = backpack_core::verify::schema::ref_id(p.document.get("issuer"))
            .unwrap()
            .to_string();
        let jwks = backpack_core::verify::keys::jwks_url(&issuer).unwrap();
        let mut web = Web::default();
        web.put_json(&jwks, &json!({"keys": [header["jwk"]]}));
        let r = verify_with(&ob3(rel), &web, &[]);
        assert_eq!(r.verdict, Verdict::Valid, "{rel}: {r:#?}");
        assert_check(
            &r,
            CheckId::IssuerKey,
            Outcome::Pass,
            &format!("confirmed from the issuer's key set {jwks}"),
        );
    }
    // 1EdTech's VCDM 2.0 fixture omits `sub`: noted, not failed.
    let r = verify_with(&ob3("simple-jwt.png"), &OfflineFetcher, &[]);
    assert!(detail(&r, CheckId::Proof).contains("no sub claim"));
}

fn jwt_of(rel: &str) -> String {
    let p = parsed(&ob3(rel));
    p.compact_jws.expect("a jwt")
}

#[test]
fn tampered_vc_jwt_fails_proof() {
    for rel in [
        "simple-jwt.png",
        "simple-jwt.svg",
        "simple-jwt_v1.png",
        "simple-jwt_v1.svg",
    ] {
        let t = tamper_jws(&jwt_of(rel));
        let r = verify_with(t.as_bytes(), &OfflineFetcher, &[]);
        assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail, "{rel}: {r:#?}");
        assert_verdict(&r, Verdict::Invalid);
    }
}

fn b64json(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
}

fn eddsa_jwt(header: &Value, payload: &Value, sk: &ed25519_dalek::SigningKey) -> String {
    use ed25519_dalek::Signer;
    let input = format!("{}.{}", b64json(header), b64json(payload));
    let sig = sk.sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes()))
}

fn ob3_cred(issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:7f3c2a44-1111-4a43-9c1f-0c1a5a2e5b01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Test Issuer"},
        "validFrom": "2024-01-01T00:00:00Z",
        "name": "JWT badge",
        "credentialSubject": {"id": "did:example:learner", "type": ["AchievementSubject"],
            "achievement": {"id": "urn:uuid:a", "type": ["Achievement"], "name": "A", "criteria": {"narrative": "do it"}}}
    })
}

#[test]
fn eddsa_vc_jwt_with_did_key_and_did_jwk() {
    let sk = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let pk = sk.verifying_key().to_bytes();
    let did = backpack_core::verify::keys::did_key_from_ed25519(&pk);
    let vm = backpack_core::verify::keys::did_key_verification_method(&pk);
    let mut payload = ob3_cred(&did);
    payload["iss"] = json!(did);
    payload["jti"] = payload["id"].clone();
    payload["sub"] = json!("did:example:learner");
    payload["nbf"] = json!(1_704_067_200);
    let t = eddsa_jwt(
        &json!({"alg": "EdDSA", "typ": "JWT", "kid": vm}),
        &payload,
        &sk,
    );
    let r = verify_with(
        t.as_bytes(),
        &Forbidden,
        &["did:example:learner".to_string()],
    );
    assert_verdict(&r, Verdict::Valid);
    assert_check(&r, CheckId::IssuerKey, Outcome::Pass, "self-certifying");
    assert_check(&r, CheckId::Recipient, Outcome::Pass, "did:example:learner");
    assert_eq!(r.key_id.as_deref(), Some(vm.as_str()));

    // did:jwk kid, issuer is the did:jwk DID.
    let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(pk)});
    let did_jwk = format!("did:jwk:{}", b64json(&jwk));
    let mut p2 = ob3_cred(&did_jwk);
    p2["iss"] = json!(did_jwk);
    let t2 = eddsa_jwt(
        &json!({"alg": "EdDSA", "kid": format!("{did_jwk}#0")}),
        &p2,
        &sk,
    );
    let r = verify_with(t2.as_bytes(), &Forbidden, &[]);
    assert_verdict(&r, Verdict::Valid);

    // Same key, but the credential claims an https issuer: offline nothing says the issuer
    // uses this did:key — not confirmed, never valid.
    let mut p3 = ob3_cred("https://someone-else.example/issuer");
    p3["iss"] = json!("https://someone-else.example/issuer");
    let t3 = eddsa_jwt(&json!({"alg": "EdDSA", "kid": vm}), &p3, &sk);
    let r = verify_with(t3.as_bytes(), &OfflineFetcher, &[]);
    assert_check(&r, CheckId::IssuerKey, Outcome::Error, ISSUER_NOT_CONFIRMED);
    assert_verdict(&r, Verdict::Indeterminate);
    // Another did:key issuer: provably not its key.
    let other = backpack_core::verify::keys::did_key_from_ed25519(&[3u8; 32]);
    let mut p3b = ob3_cred(&other);
    p3b["iss"] = json!(other);
    let t3b = eddsa_jwt(&json!({"alg": "EdDSA", "kid": vm}), &p3b, &sk);
    let r = verify_with(t3b.as_bytes(), &Forbidden, &[]);
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Fail,
        "not the issuer's key",
    );
    assert_verdict(&r, Verdict::Invalid);

    // iss that disagrees with the credential's issuer.
    let mut p4 = ob3_cred(&did);
    p4["iss"] = json!("did:example:impostor");
    let t4 = eddsa_jwt(&json!({"alg": "EdDSA", "kid": vm}), &p4, &sk);
    let r = verify_with(t4.as_bytes(), &Forbidden, &[]);
    assert_check(
        &r,
        CheckId::Proof,
        Outcome::Fail,
        "the iss claim did:example:impostor",
    );

    // A header jwk that carries the private part is refused.
    let mut bad = jwk.clone();
    bad["d"] = json!(URL_SAFE_NO_PAD.encode([7u8; 32]));
    let t5 = eddsa_jwt(&json!({"alg": "EdDSA", "jwk": bad}), &payload, &sk);
    let r = verify_with(t5.as_bytes(), &Forbidden, &[]);
    assert_check(&r, CheckId::Proof, Outcome::Fail, "private key");

    // The library does not judge dates: an exp in the past is the expiry check's business.
    let mut p6 = payload.clone();
    p6["validUntil"] = json!("2025-01-01T00:00:00Z");
    p6["exp"] = json!(1_735_689_600);
    let t6 = eddsa_jwt(&json!({"alg": "EdDSA", "kid": vm}), &p6, &sk);
    let r = verify_with(t6.as_bytes(), &Forbidden, &[]);
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Pass, "{r:#?}");
    assert_check(&r, CheckId::Expiry, Outcome::Fail, "expired on 2025-01-01");
}

/// A P-256 key generated with openssl for this test only.
const P256_PKCS8: &str = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmicn1SLBYWQQc/1N\niZDFKeCTv4K3+gLSif8WE+xXU6ehRANCAAS66pGztpj62KtoUH/2fcoB2BbNUrUA\neQyCYfGXYXRHaHjOsneVZ3afjFzx2YSHDQsQHuyhTRTapjDwRpl81PAk\n-----END PRIVATE KEY-----\n";
const P256_X: &str = "uuqRs7aY-tiraFB_9n3KAdgWzVK1AHkMgmHxl2F0R2g";
const P256_Y: &str = "eM6yd5Vndp-MXPHZhIcNCxAe7KFNFNqmMPBGmXzU8CQ";

#[test]
fn es256_vc_jwt_with_header_jwk() {
    let key = jsonwebtoken::EncodingKey::from_ec_pem(P256_PKCS8.as_bytes()).unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
    let jwk: jsonwebtoken::jwk::Jwk =
        serde_json::from_value(json!({"kty": "EC", "crv": "P-256", "x": P256_X, "y": P256_Y}))
            .unwrap();
    header.jwk = Some(jwk);
    let mut payload = ob3_cred("https://example.edu/issuers/es");
    payload["iss"] = json!("https://example.edu/issuers/es");
    let t = jsonwebtoken::encode(&header, &payload, &key).unwrap();
    let server = Server::start();
    let f = Mapped::new(&server);
    // The issuer publishes no key set and no document: the key in the token is not
    // confirmed as the issuer's.
    let r = verify_with(t.as_bytes(), &f, &[]);
    assert_verdict(&r, Verdict::Indeterminate);
    assert_eq!(r.status, Status::IssuerNotConfirmed);
    assert_check(
        &r,
        CheckId::Proof,
        Outcome::Pass,
        "ES256 signature verified",
    );
    assert_check(&r, CheckId::IssuerKey, Outcome::Error, ISSUER_NOT_CONFIRMED);
    // Published with this key: the issuer's key.
    let jwks = "/example.edu/.well-known/jwks.json";
    server.serve_json(
        jwks,
        &json!({"keys": [{"kty": "EC", "crv": "P-256", "x": P256_X, "y": P256_Y, "use": "sig"}]}),
    );
    let r = verify_with(t.as_bytes(), &f, &[]);
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Pass,
        "confirmed from the issuer's key set https://example.edu/.well-known/jwks.json",
    );
    assert_verdict(&r, Verdict::Valid);
    // Published, but without this key: not the issuer's key.
    server.serve_json(
        jwks,
        &json!({"keys": [{"kty": "EC", "crv": "P-256", "x": P256_Y, "y": P256_X}]}),
    );
    let r = verify_with(t.as_bytes(), &f, &[]);
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Fail,
        "the issuer's key set https://example.edu/.well-known/jwks.json does not hold it",
    );
    assert_verdict(&r, Verdict::Invalid);
    // The same token with someone else's public key in the header.
    let parts: Vec<&str> = t.split('.').collect();
    let other = b64json(
        &json!({"alg": "ES256", "jwk": {"kty": "EC", "crv": "P-256", "x": P256_Y, "y": P256_X}}),
    );
    let r = verify_with(
        format!("{other}.{}.{}", parts[1], parts[2]).as_bytes(),
        &Forbidden,
        &[],
    );
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail, "{r:#?}");
}

#[test]
fn vc_jwt_alg_none_and_hmac_are_invalid() {
    let payload = ob3_cred("https://example.edu/issuers/1");
    for alg in ["none", "HS256", "XY999"] {
        let t = format!("{}.{}.", b64json(&json!({"alg": alg})), b64json(&payload));
        let r = verify_with(t.as_bytes(), &Forbidden, &[]);
        assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail, "{alg}");
        assert_verdict(&r, Verdict::Invalid);
    }
}

#[test]
fn vc_jwt_kid_over_http_needs_network() {
    let sk = ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]);
    let pk = sk.verifying_key().to_bytes();
    let issuer = "https://example.com/issuers/9";
    let kid = "https://example.com/keys/9.json";
    let mut payload = ob3_cred(issuer);
    payload["iss"] = json!(issuer);
    let t = eddsa_jwt(&json!({"alg": "EdDSA", "kid": kid}), &payload, &sk);
    // Offline: could not check, not invalid.
    let r = verify_with(t.as_bytes(), &OfflineFetcher, &[]);
    assert_check(&r, CheckId::Proof, Outcome::Error, "offline");
    assert_eq!(outcome(&r, CheckId::IssuerKey), Outcome::Error);
    assert_verdict(&r, Verdict::Indeterminate);
    // Online: a JWK set that holds the key.
    let server = Server::start();
    server.serve_json(
        "/example.com/keys/9.json",
        &json!({"keys": [{"kid": kid, "kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(pk)}]}),
    );
    let r = verify_with(t.as_bytes(), &Mapped::new(&server), &[]);
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Pass, "{r:#?}");
    // A key set at some URL says nothing about who owns it, and the issuer publishes nothing:
    // not confirmed.
    assert_check(&r, CheckId::IssuerKey, Outcome::Error, ISSUER_NOT_CONFIRMED);
    // A Multikey document that names the issuer as its controller: a claim about itself,
    // which the issuer's own document does not back — still not the issuer's.
    let mk = backpack_core::verify::keys::did_key_from_ed25519(&pk)
        .trim_start_matches("did:key:")
        .to_string();
    server.serve_json(
        "/example.com/keys/9.json",
        &json!({"id": kid, "type": "Multikey", "controller": issuer, "publicKeyMultibase": mk}),
    );
    server.serve_json(
        "/example.com/issuers/9",
        &json!({"id": issuer, "type": "Profile", "name": "Nine"}),
    );
    let r = verify_with(t.as_bytes(), &Mapped::new(&server), &[]);
    assert_check(&r, CheckId::IssuerKey, Outcome::Fail, "does not list key");
    assert_verdict(&r, Verdict::Invalid);
    // The issuer's own document links back to the key: the issuer's key.
    server.serve_json(
        "/example.com/issuers/9",
        &json!({"id": issuer, "type": "Profile", "name": "Nine", "assertionMethod": [kid]}),
    );
    let r = verify_with(t.as_bytes(), &Mapped::new(&server), &[]);
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Pass,
        "confirmed from the issuer's key document https://example.com/issuers/9",
    );
    assert_verdict(&r, Verdict::Valid);
}

// ---------------------------------------------------------------------------------------
// CLR 2.0.

#[test]
fn clr_verifies_itself_and_each_inner_credential() {
    let bytes = fixture_bytes("1edtech-public-validator/clr20/simple.json");
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    // Offline: every signature holds, no issuer is confirmed.
    let r = offline(&bytes);
    assert_eq!(r.status, Status::IssuerNotConfirmed, "{r:#?}");
    // With the issuers' documents listing their keys: valid, inner credentials included.
    let web = web_confirming(&v);
    let r = verify_with(&bytes, &web, &[]);
    assert_verdict(&r, Verdict::Valid);
    assert_check(
        &r,
        CheckId::Proof,
        Outcome::Pass,
        "credentials inside verify",
    );

    // Break the inner credential: the CLR fails and says which.
    let mut t = v.clone();
    t["credentialSubject"]["verifiableCredential"][0]["name"] = json!("Changed");
    let r = verify_with(&json_bytes(&t), &web, &[]);
    assert_check(&r, CheckId::Proof, Outcome::Fail, "credential 1 of 1");
    assert_verdict(&r, Verdict::Invalid);
}

// ---------------------------------------------------------------------------------------
// OB 2.0 signed (1EdTech OB20Tests: simple, revoked, not revoked), against the local server.

fn ob20_server() -> Server {
    let s = Server::start();
    for f in OB20_ASSETS {
        s.serve_file(
            &format!("/{f}"),
            &format!("1edtech-public-validator/ob20/assets/{f}"),
        );
    }
    s
}

#[test]
fn ob2_signed_cases() {
    let server = ob20_server();
    let f = Mapped::new(&server);
    let me = [NOBODY.to_string()];

    let r = verify_with(&ob20("simple.jwt"), &f, &me);
    assert_verdict(&r, Verdict::Valid);
    assert_check(
        &r,
        CheckId::Proof,
        Outcome::Pass,
        "RS256 signature verified with http://example.org/key1.json",
    );
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Pass,
        "confirmed from the issuer profile https://example.org/organization.json",
    );
    assert_check(&r, CheckId::Status, Outcome::Pass, "no revocation list");
    assert_check(&r, CheckId::Recipient, Outcome::Pass, "sha256");
    assert!(
        r.fetches.len() >= 3,
        "badge, issuer and key fetched: {:#?}",
        r.fetches
    );

    let r = verify_with(&ob20("simple-not-revoked.jwt"), &f, &me);
    assert_verdict(&r, Verdict::Valid);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Pass,
        "not on the issuer's revocation list",
    );

    let r = verify_with(&ob20("simple-revoked.jwt"), &f, &me);
    assert_verdict(&r, Verdict::Invalid);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Fail,
        "revoked by the issuer: A good reason, for sure",
    );

    // Someone else's email.
    let r = verify_with(
        &ob20("simple.jwt"),
        &f,
        &["somebody@example.org".to_string()],
    );
    assert_check(
        &r,
        CheckId::Recipient,
        Outcome::Fail,
        "issued to someone else",
    );
    assert_verdict(&r, Verdict::Invalid);
}

#[test]
fn ob2_signed_tampered_and_unlinked_key() {
    let server = ob20_server();
    let f = Mapped::new(&server);
    let t = String::from_utf8(ob20("simple.jwt")).unwrap();
    let r = verify_with(tamper_jws(&t).as_bytes(), &f, &[]);
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail, "{r:#?}");
    assert_verdict(&r, Verdict::Invalid);

    // The issuer does not list key1 any more: the key is not trusted.
    server.serve_file(
        "/organization.json",
        "1edtech-public-validator/ob20/assets/organization-no-public-key.json",
    );
    let mut org: Value =
        serde_json::from_slice(&ob20("assets/organization-no-public-key.json")).unwrap();
    org["id"] = json!("https://example.org/organization.json");
    server.serve_json("/organization.json", &org);
    let r = verify_with(t.as_bytes(), &f, &[]);
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Fail,
        "is not listed in the publicKey of the issuer profile",
    );
    assert_verdict(&r, Verdict::Invalid);
}

#[test]
fn ob2_signed_lower_case_rs256_header_is_accepted_for_parsing() {
    // §6.6: OB2-era headers say "rs256". Re-signing needs the private key, which the fixture
    // set does not hold, so check that the header is read and the signature (over different
    // bytes now) is what fails, not the algorithm.
    let t = String::from_utf8(ob20("simple.jwt")).unwrap();
    let mut parts: Vec<&str> = t.trim().split('.').collect();
    let h = b64json(&json!({"alg": "rs256", "typ": "JWT"}));
    parts[0] = &h;
    let server = ob20_server();
    let r = verify_with(parts.join(".").as_bytes(), &Mapped::new(&server), &[]);
    assert_check(&r, CheckId::Proof, Outcome::Fail, "does not match key");
}

/// An RSA key generated with openssl for these tests only.
pub(crate) const RSA_PRIVATE: &str = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCS68xYRYXrW13L\nV2AGRo2TDVcpq3QZQbEzgnHvk2MTqun9qxgwb43XjlXgZpZbIR2Dqpx8VI3Ld8yh\n83uU6jZwxqZ47dPT4YdVTZJUD8Wr/6slYzP1sAQxF0T247HiXQpQlWoMowWjpFOB\nBZWpfrDuMFMKzv6dY8kFPCeKjbGWFuC8tbhpOXqDKiuPIbbYh+aJVJYjTC5hPOt8\nYptwQZkJtDmUN5LhmxpukKMI5u1OwMxS16gkgo827tBdRS92CbIh99vpdibC8IPx\nsR8vNfj9d+H3uo3ugUUWUwJFheYxg1tjyxQxj2S0/ehe4PY/z/ae90kxtcIkZtF+\nn9qU/AtDAgMBAAECggEAKV8R0zd8jvpS7pwDk7DRU/vZNAguMKCBfA469CoOJ68k\npcREkvsOt4jCoOZyZ2XrUDS+TPpoVUe+TUppXdUYEGi33uyljg//UmN+FYK9eIIN\nmQEW1BPFEmfJiTYz1Ji7e1afnsBXKa3vv7CpZKmiu+fKsov4QaykIf++6LKes7L/\nN0KWfiGHCGdjguEc0YSZOjAVk2JchmXmSdplr94ajZmOEazj7ScDYdl0/avOg4bX\nPKyuNCpLRJhu4oB8Mf34vJEzYxPOtbewsi5SeVhrxN75PEPp63Ii9KaKhw6QfCoH\nsluRwaMDSJ/dJ2jBDiBHgLXHBqaScBEONXHaz0O5iQKBgQDJgCNw1Xd5ShSGJ7uJ\nD6xZbWy0BlXTrDh5BavPLdGblid/ORYsE9upcfqtTgSoMNDuVgmMiXdcA9WCkhbp\nlsHWxhMLiaQukr0u26Fcqog1t8rlG44WD4NsR6MK+5ap71r+p5FjIQzAaJMXuBgi\ntVSugNZgt+sVOJnyydkd3jbc6wKBgQC6qJaOOx9oyPcvOZliabmTTIJA73E/SuJT\nkwYt+hID/To1Uht6Ej3OtR6keSeHtGMleDC7cMFP3FAnY9t377d15FpkrrUR+dSt\no7xPmcXEQMaLmykksl8law8cemimKuo9FoOkN1kac3Ns+ITxxQQ+ougyP3AePTqP\nATzW5w0VCQKBgQClJkLl7e+4F0FvGw2XrqLhwM/BVRfvH05B0qYYbkNHs++3VECZ\n68SzwllkxXcHqsrzLM0yxFBxuCq8k6P327oPn9RoNm28RkSMLTK50oNFE9hVoxn3\ndsuOacB19fJsYWNBKHH+v03GPW+hlx8hA2HejHYoW1Vv1S5IUauD0WdB9QKBgHwG\nbRNQoYwkjGnqocpMaaxAGARBlUPy4/OYK3D9Sl8wMS8gwXUZDcx9eEDc57E54O8S\nr368axY/U1r49Oj6dTJ2asGffFzXXcOKmiNiD5BZYhN9I5dolePtAPtxMnvG5CF3\nBj1lMWVr9PQhJWTn/ewInrRUhpDxKim/Lse0enLRAoGAMkxO1GNg2hDzlUTutAq+\nwq/Rfpb5pM8kPSzWVjmViKx8M3+UhikLVdXxhpry4RdqiHHCMnUND1ssijauO/EG\n4pqLeIvvSbkG9ippMlcj5pqo8v3vveWfZ1e9Eu8ps+MUXhqhKiIh2fWs58YuXQmo\nW3KSwVO0XFY9hK0W5PaI9D8=\n-----END PRIVATE KEY-----";
pub(crate) const RSA_PUBLIC: &str = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkuvMWEWF61tdy1dgBkaN\nkw1XKat0GUGxM4Jx75NjE6rp/asYMG+N145V4GaWWyEdg6qcfFSNy3fMofN7lOo2\ncMameO3T0+GHVU2SVA/Fq/+rJWMz9bAEMRdE9uOx4l0KUJVqDKMFo6RTgQWVqX6w\n7jBTCs7+nWPJBTwnio2xlhbgvLW4aTl6gyorjyG22IfmiVSWI0wuYTzrfGKbcEGZ\nCbQ5lDeS4ZsabpCjCObtTsDMUteoJIKPNu7QXUUvdgmyIffb6XYmwvCD8bEfLzX4\n/Xfh97qN7oFFFlMCRYXmMYNbY8sUMY9ktP3oXuD2P8/2nvdJMbXCJGbRfp/alPwL\nQwIDAQAB\n-----END PUBLIC KEY-----";

pub(crate) fn rs256(header: &Value, payload: &Value) -> String {
    let input = format!("{}.{}", b64json(header), b64json(payload));
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(RSA_PRIVATE.as_bytes()).unwrap();
    let sig =
        jsonwebtoken::crypto::sign(input.as_bytes(), &key, jsonwebtoken::Algorithm::RS256).unwrap();
    format!("{input}.{sig}")
}

#[test]
fn ob11_signed_with_lower_case_rs256_and_a_bare_pem_key() {
    // OB 1.1 signed: `verify.url` is the issuer's public key (a bare PEM here), and the
    // OB2-era header says "rs256" (OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> OB 1.1 differences, real-world quirks (tests/fixtures/README.md)).
    let server = Server::start();
    server.serve("/key.pem", 200, RSA_PUBLIC.as_bytes().to_vec());
    server.serve_json("/badge11.json", &json!({
        "@context": "https://w3id.org/openbadges/v1", "name": "Old badge", "description": "OB 1.1",
        "image": "https://example.org/i.png", "criteria": "https://example.org/c",
        "issuer": "https://example.org/issuer11.json"
    }));
    server.serve_json("/issuer11.json", &json!({
        "@context": "https://w3id.org/openbadges/v1", "id": "https://example.org/issuer11.json",
        "name": "Old issuer", "url": "https://example.org", "publicKey": "https://example.org/key.pem"
    }));
    let assertion = json!({
        "@context": "https://w3id.org/openbadges/v1", "type": "Assertion", "uid": "abc-1",
        "recipient": {"type": "email", "hashed": true, "salt": "deadsea",
            "identity": "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"},
        "badge": "https://example.org/badge11.json", "issuedOn": 1_400_000_000,
        "verify": {"type": "signed", "url": "https://example.org/key.pem"}
    });
    let t = rs256(&json!({"alg": "rs256"}), &assertion);
    let r = verify_with(t.as_bytes(), &Mapped::new(&server), &[NOBODY.to_string()]);
    assert_eq!(r.format, Some(Format::Ob2Signed));
    assert_check(
        &r,
        CheckId::Proof,
        Outcome::Pass,
        "RS256 signature verified with https://example.org/key.pem",
    );
    assert_check(
        &r,
        CheckId::IssuerKey,
        Outcome::Pass,
        "confirmed from the issuer profile https://example.org/issuer11.json",
    );
    assert_check(
        &r,
        CheckId::NotBefore,
        Outcome::Pass,
        "unix timestamp 1400000000",
    );
    assert_verdict(&r, Verdict::Valid);
    // The same assertion, tampered.
    let r = verify_with(
        tamper_jws_field(&t, "uid").as_bytes(),
        &Mapped::new(&server),
        &[],
    );
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Fail, "{r:#?}");
}

/// Change one string field of a JWS payload, keep the signature.
fn tamper_jws_field(t: &str, field: &str) -> String {
    let parts: Vec<&str> = t.split('.').collect();
    let mut p: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    p[field] = json!(format!("{}x", p[field].as_str().unwrap_or("")));
    format!("{}.{}.{}", parts[0], b64json(&p), parts[2])
}

#[test]
fn ob2_signed_offline_is_indeterminate() {
    let r = offline(&ob20("simple.jwt"));
    assert_verdict(&r, Verdict::Indeterminate);
    assert_check(&r, CheckId::Proof, Outcome::Error, "offline");
    assert_check(
        &r,
        CheckId::Issuer,
        Outcome::Error,
        "could not fetch the badge class",
    );
}

// ---------------------------------------------------------------------------------------
// OB 2.0 hosted against the local server.

fn hosted_server(assertion: &Value) -> Server {
    let s = ob20_server();
    s.serve_json("/beths-robotics-badge.json", assertion);
    s
}

fn basic() -> Value {
    serde_json::from_slice(&ob20("basic-assertion.json")).unwrap()
}

#[test]
fn ob2_hosted_valid() {
    let a = basic();
    let server = hosted_server(&a);
    let r = verify_with(
        &json_bytes(&a),
        &Mapped::new(&server),
        &["Nobody@Example.org".to_string()],
    );
    assert_verdict(&r, Verdict::Valid);
    assert_check(
        &r,
        CheckId::Hosted,
        Outcome::Pass,
        "fetched the hosted copy from https://example.org/beths-robotics-badge.json",
    );
    assert_check(
        &r,
        CheckId::Issuer,
        Outcome::Pass,
        "hosted on the issuer's own origin https://example.org",
    );
    assert_check(
        &r,
        CheckId::Recipient,
        Outcome::Pass,
        "issued to you (N…@Example.org, matched by sha256 hash)",
    );
    assert!(
        !format!("{r:?}").to_lowercase().contains("nobody@"),
        "the email never appears in the report"
    );
    assert_eq!(outcome(&r, CheckId::Proof), Outcome::Skipped);
    assert_eq!(outcome(&r, CheckId::Schema), Outcome::Pass);
}

#[test]
fn ob2_hosted_404_410_revoked_differs_wrong_recipient() {
    let a = basic();
    let server = hosted_server(&a);
    let f = Mapped::new(&server);
    let bytes = json_bytes(&a);

    server.serve("/beths-robotics-badge.json", 404, b"gone?".to_vec());
    let r = verify_with(&bytes, &f, &[]);
    assert_check(&r, CheckId::Hosted, Outcome::Fail, "answered 404");
    assert_verdict(&r, Verdict::Invalid);

    server.serve("/beths-robotics-badge.json", 410, b"{}".to_vec());
    let r = verify_with(&bytes, &f, &[]);
    assert_check(&r, CheckId::Status, Outcome::Fail, "410 gone");
    assert_verdict(&r, Verdict::Invalid);

    server.serve_json(
        "/beths-robotics-badge.json",
        &json!({"id": a["id"], "revoked": true, "revocationReason": "cheating"}),
    );
    let r = verify_with(&bytes, &f, &[]);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Fail,
        "revoked by the issuer: cheating",
    );
    assert_verdict(&r, Verdict::Invalid);

    let mut other = a.clone();
    other["recipient"]["identity"] =
        json!("sha256$0000000000000000000000000000000000000000000000000000000000000000");
    server.serve_json("/beths-robotics-badge.json", &other);
    let r = verify_with(&bytes, &f, &[]);
    assert_check(
        &r,
        CheckId::Hosted,
        Outcome::Fail,
        "differs from this file: recipient",
    );
    assert_verdict(&r, Verdict::Invalid);

    let mut other = a.clone();
    other["badge"] = json!("https://example.org/badge-from-organization-with-revocation-list.json");
    server.serve_json("/beths-robotics-badge.json", &other);
    let r = verify_with(&bytes, &f, &[]);
    assert_check(
        &r,
        CheckId::Hosted,
        Outcome::Fail,
        "differs from this file: badge",
    );

    server.serve_json("/beths-robotics-badge.json", &a);
    let r = verify_with(&bytes, &f, &["someone@example.org".to_string()]);
    assert_check(
        &r,
        CheckId::Recipient,
        Outcome::Fail,
        "issued to someone else",
    );
    assert_verdict(&r, Verdict::Invalid);
}

#[test]
fn ob2_hosted_copy_is_the_truth() {
    // The local file says 2016; the hosted copy is expired: the hosted copy wins.
    let a = basic();
    let mut hosted = a.clone();
    hosted["expires"] = json!("2017-06-01T00:00:00Z");
    let server = hosted_server(&hosted);
    let r = verify_with(&json_bytes(&a), &Mapped::new(&server), &[]);
    assert_check(&r, CheckId::Expiry, Outcome::Fail, "expired on 2017-06-01");
}

#[test]
fn ob2_hosted_expired_and_future() {
    for (rel, id, want) in [
        (
            "basic-assertion-expired.json",
            CheckId::Expiry,
            "expired on",
        ),
        (
            "basic-assertion-in-future.json",
            CheckId::NotBefore,
            "not valid yet",
        ),
    ] {
        let a: Value = serde_json::from_slice(&ob20(rel)).unwrap();
        let server = hosted_server(&a);
        let r = verify_with(&json_bytes(&a), &Mapped::new(&server), &[]);
        assert_check(&r, id, Outcome::Fail, want);
        assert_verdict(&r, Verdict::Invalid);
    }
}

#[test]
fn ob2_hosted_allowed_origins_and_starts_with() {
    for (rel, issuer, want, contains) in [
        (
            "basic-assertion-with-allowed-origins.json",
            "issuer-with-allowed-origins.json",
            Outcome::Pass,
            "allowed origins",
        ),
        (
            "basic-assertion-with-allowed-origins-invalid-starts-with.json",
            "issuer-with-allowed-origins-invalid-starts-with.json",
            Outcome::Fail,
            "does not start with the issuer's allowed prefix https://example.org/NOT",
        ),
    ] {
        let a: Value = serde_json::from_slice(&ob20(rel)).unwrap();
        let server = hosted_server(&a);
        // The badge classes these assertions name are not in the fixture set: serve one
        // pointing at the matching issuer.
        let badge_path = a["badge"]
            .as_str()
            .unwrap()
            .trim_start_matches("https://example.org");
        let mut b: Value = serde_json::from_slice(&ob20("assets/robotics-badge.json")).unwrap();
        b["id"] = a["badge"].clone();
        b["issuer"] = json!(format!("http://example.org/{issuer}"));
        server.serve_json(badge_path, &b);
        let r = verify_with(&json_bytes(&a), &Mapped::new(&server), &[]);
        assert_check(&r, CheckId::Issuer, want, contains);
    }
}

#[test]
fn ob2_hosted_offline_and_private_address_policy() {
    let a = basic();
    let r = offline(&json_bytes(&a));
    assert_check(&r, CheckId::Hosted, Outcome::Error, "offline");
    assert_verdict(&r, Verdict::Indeterminate);

    // Network allowed but not private addresses: the local server is refused.
    let server = hosted_server(&a);
    let f = Mapped {
        base: server.base(),
        http: HttpFetcher::new(false),
    };
    let r = verify_with(&json_bytes(&a), &f, &[]);
    assert_check(
        &r,
        CheckId::Hosted,
        Outcome::Error,
        "--allow-private-network",
    );
    assert_eq!(
        server.hits.load(Ordering::SeqCst),
        0,
        "no connection was made"
    );
}

#[test]
fn offline_opens_no_socket() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let base = format!("http://127.0.0.1:{port}");
    let mut a = basic();
    a["id"] = json!(format!("{base}/a.json"));
    a["badge"] = json!(format!("{base}/badge.json"));
    let mut cred: Value = serde_json::from_slice(&ob3("complete.json")).unwrap();
    cred["credentialStatus"]["id"] = json!(format!("{base}/revocations"));
    for bytes in [json_bytes(&a), json_bytes(&cred), ob20("simple.jwt")] {
        let r = offline(&bytes);
        assert_ne!(r.verdict, Verdict::Valid);
        assert!(
            r.fetches
                .iter()
                .all(|f| f.status.is_none() && !f.from_cache)
        );
    }
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("offline verification connected to the local socket: {other:?}"),
    }
}

#[test]
fn badgecheck_samples() {
    let c: Value =
        serde_json::from_slice(&fixture_bytes("badgecheck/test_components.json")).unwrap();
    let server = Server::start();
    // OB 2.0 and 1.1 sets at their example.org ids; OB 1.0 at a.com.
    for v in ["2_0", "1_1"] {
        let s = Server::start();
        s.serve_json(
            "/beths-robotics-badge.json",
            &c[format!("{v}_basic_assertion")],
        );
        s.serve_json("/robotics-badge.json", &c[format!("{v}_basic_badgeclass")]);
        s.serve_json("/organization.json", &c[format!("{v}_basic_issuer")]);
        let r = verify_with(
            &json_bytes(&c[format!("{v}_basic_assertion")]),
            &Mapped::new(&s),
            &[NOBODY.into()],
        );
        assert_eq!(r.verdict, Verdict::Valid, "{v}: {r:#?}");
    }
    server.serve_json("/a.com/instance", &c["1_0_basic_assertion"]);
    server.serve_json("/a.com/badgeclass", &c["1_0_basic_badgeclass"]);
    server.serve_json("/a.com/issuer", &c["1_0_basic_issuer"]);
    let r = verify_with(
        &json_bytes(&c["1_0_basic_assertion"]),
        &Mapped::new(&server),
        &["test@example.com".into()],
    );
    assert_check(&r, CheckId::Hosted, Outcome::Pass, "http://a.com/instance");
    assert_check(
        &r,
        CheckId::Recipient,
        Outcome::Pass,
        "issued to you (t…@example.com)",
    );
    // 1.0 dates have no time: read as UTC midnight, with a note.
    assert_check(&r, CheckId::NotBefore, Outcome::Pass, "utc midnight");
    assert_verdict(&r, Verdict::Valid);

    // OB 0.5 (no hosted url at all) and 0.5.1 (hashed + salt): offline, never a panic.
    for k in [
        "0_5_assertion",
        "0_5_1_assertion",
        "1_0_assertion_with_errors",
    ] {
        let r = offline(&json_bytes(&c[k]));
        assert_ne!(r.verdict, Verdict::Valid, "{k}");
        assert!(r.get(CheckId::Hosted).is_some(), "{k}");
    }
    let r = verify_with(
        &json_bytes(&c["0_5_1_assertion"]),
        &OfflineFetcher,
        &["test@example.com".into()],
    );
    assert_check(&r, CheckId::Recipient, Outcome::Pass, "sha256");
}

// ---------------------------------------------------------------------------------------
// Dates with a fixed clock; decode errors.

#[test]
fn fixed_clock_decides_expiry() {
    let bytes = ob3("complete.json"); // validUntil 2030-01-01
    let p = parsed(&bytes);
    for (at, want) in [
        ("2029-12-31T23:59:59Z", Outcome::Pass),
        ("2030-01-01T00:00:01Z", Outcome::Fail),
    ] {
        let c = clock_at(at);
        let r = verify_parsed(&p, &VerifyContext::new(&c, &OfflineFetcher));
        assert_eq!(outcome(&r, CheckId::Expiry), want, "{at}");
    }
    let c = clock_at("2009-12-31T00:00:00Z");
    let r = verify_parsed(&p, &VerifyContext::new(&c, &OfflineFetcher));
    assert_check(
        &r,
        CheckId::NotBefore,
        Outcome::Fail,
        "not valid yet: validFrom is 2010-01-01 00:00 UTC",
    );
}

#[test]
fn unreadable_input_is_error_verdict() {
    let c = now();
    let ctx = VerifyContext::new(&c, &Forbidden);
    let r = verify_bytes(b"", &ctx);
    assert_verdict(&r, Verdict::Error);
    assert_eq!(outcome(&r, CheckId::Decode), Outcome::Fail);
    assert!(r.fetches.is_empty());
}

// ---------------------------------------------------------------------------------------
// Endorsements (OB 3.0 verification step 6): verified on their own, never changing the badge.

#[test]
fn embedded_endorsements_are_verified_and_do_not_change_the_badge() {
    // complete.json: five endorsements with placeholder proofs (cryptosuite "eddsa-rdf-2022"),
    // expired in 2020 — all unverified, at the credential, achievement and issuer levels.
    let complete = ob3("complete.json");
    let r = offline(&complete);
    assert_eq!(r.endorsements.len(), 5, "{:#?}", r.endorsements);
    for e in &r.endorsements {
        assert_ne!(e.status, Status::Verified, "{e:?}");
    }
    let scopes: Vec<&str> = r.endorsements.iter().map(|e| e.scope.as_str()).collect();
    assert!(
        scopes.contains(&"credential")
            && scopes.contains(&"achievement")
            && scopes.contains(&"issuer"),
        "{scopes:?}"
    );
    // The badge's own checks are the same as without looking at them: nothing failed.
    assert!(
        r.checks.iter().all(|c| c.outcome != Outcome::Fail),
        "{r:#?}"
    );

    // DCC: the issuer's endorsement verifies but expired in 2020; the badge itself is valid.
    let r = offline(&fixture_bytes(
        "endorsements/dcc-vc-test-fixtures/oidf-noStatus-notExpired-complexIssuer.json",
    ));
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.endorsements.len(), 1);
    let e = &r.endorsements[0];
    assert_eq!(e.scope.as_str(), "issuer");
    assert_eq!(e.endorser_name.as_deref(), Some("Horse Accreditor"));
    assert_eq!(e.status, Status::Expired, "{e:?}");
}

#[test]
fn an_endorsement_file_verifies_on_its_own() {
    for rel in [
        "endorsements/dcc-vc-test-fixtures/legacy-noStatus-notExpired-endorsement.json",
        "endorsements/dcc-vc-test-fixtures/legacy-noStatus-notExpired-endorsement-withSchema.json",
    ] {
        let r = verify_with(&fixture_bytes(rel), &Forbidden, &[]);
        assert_eq!(r.verdict, Verdict::Valid, "{rel}: {r:#?}");
        assert_check(&r, CheckId::Proof, Outcome::Pass, "signature verified");
        assert_check(&r, CheckId::IssuerKey, Outcome::Pass, "self-certifying");
    }
}

// ---------------------------------------------------------------------------------------
// Parallel verification (issue 10): `verify_many` on every core gives exactly the reports of
// `verify_bytes` one by one, in input order.

/// Every file under tests/fixtures, sorted.
fn all_fixture_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&crate::util::fixture(""), &mut out);
    out
}

/// A report with its fetch timings zeroed (the only field that may differ between two runs).
fn untimed(mut r: Report) -> Report {
    for f in &mut r.fetches {
        f.millis = 0;
    }
    r
}

#[test]
fn parallel_and_sequential_verification_give_identical_reports() {
    let files = all_fixture_files();
    assert!(files.len() > 100, "the fixture set: {}", files.len());
    let clock = crate::util::test_clock();
    // Offline, and online against a web serving the 1EdTech OB 2.0 assets (so reports with
    // fetches, keys and status lists are compared too), each with a wallet-like cache.
    let mut web = Web::default();
    for f in OB20_ASSETS {
        web.put_file(
            &format!("https://example.org/{f}"),
            &format!("1edtech-public-validator/ob20/assets/{f}"),
        );
    }
    let fetchers: [&dyn Fetcher; 2] = [&OfflineFetcher, &web];
    let load = |p: &std::path::PathBuf| std::fs::read(p).map_err(|e| e.to_string());
    for fetcher in fetchers {
        let cache = MemoryCache::new();
        let ctx = VerifyContext::new(&clock, fetcher).with_cache(&cache);
        let sequential: Vec<Report> = files
            .iter()
            .map(|p| untimed(verify_bytes(&std::fs::read(p).unwrap(), &ctx)))
            .collect();
        let mut parallel: Vec<(usize, Report)> = Vec::new();
        backpack_core::verify::verify_many(&files, &ctx, &load, &mut |i, r| {
            parallel.push((i, untimed(r.unwrap().1)));
        });
        assert_eq!(parallel.len(), files.len());
        for (n, ((i, par), seq)) in parallel.into_iter().zip(&sequential).enumerate() {
            assert_eq!(i, n, "results come back in input order");
            assert_eq!(&par, seq, "{}", files[n].display());
        }
        // Not a vacuous comparison: the set holds every verdict.
        for v in [Verdict::Valid, Verdict::Invalid, Verdict::Indeterminate] {
            assert!(sequential.iter().any(|r| r.verdict == v), "no {v:?} report");
        }
    }
}

#[test]
fn verify_many_reports_unreadable_inputs_in_place() {
    let files = vec![
        crate::util::fixture("1edtech-public-validator/ob30/simple.json"),
        crate::util::fixture("no-such-file.json"),
        crate::util::fixture("1edtech-public-validator/ob30/simple.json"),
    ];
    let clock = crate::util::test_clock();
    let ctx = VerifyContext::new(&clock, &OfflineFetcher);
    let load = |p: &std::path::PathBuf| std::fs::read(p).map_err(|e| e.to_string());
    let mut got = Vec::new();
    backpack_core::verify::verify_many(&files, &ctx, &load, &mut |i, r| {
        got.push((i, r.map(|(_, rep)| rep.verdict)));
    });
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].0, 0);
    assert!(got[0].1.is_ok());
    assert_eq!(got[1].0, 1);
    assert!(
        got[1].1.as_ref().is_err_and(|e| e.contains("No such file")),
        "{:?}",
        got[1]
    );
    assert_eq!(got[2], (2, got[0].1.clone()));
}

// ---------------------------------------------------------------------------------------
// Verification details in the learner's language (issue 14): OB 2.0, dates, status lists,
// recipients, decode/parse and embedded endorsements.

/// Each of `ids` in `r` is a catalog message (English = its detail) whose Spanish differs.
#[track_caller]
fn translated(r: &Report, ids: &[CheckId]) {
    use backpack_core::i18n::{Catalog, Lang};
    let es = Catalog::get(Lang::Es);
    for id in ids {
        let c = r
            .get(*id)
            .unwrap_or_else(|| panic!("no {id} check in {r:#?}"));
        let m = c
            .message
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: {:?} is not a catalog message", c.detail));
        assert_eq!(m.english(), c.detail, "{id}");
        assert_ne!(c.detail_in(es), c.detail, "{id}: left in English");
    }
}

/// Every check an OB 2.0 report has: all of them.
const OB2_ALL: [CheckId; 11] = CheckId::ALL;

#[test]
fn ob2_details_are_catalog_messages() {
    let all_but_key: Vec<CheckId> = OB2_ALL
        .into_iter()
        .filter(|c| *c != CheckId::IssuerKey)
        .collect();
    // Hosted: valid, 404, 410, revoked in the hosted copy, a differing copy, someone else's.
    let a = basic();
    let server = hosted_server(&a);
    let f = Mapped::new(&server);
    let bytes = json_bytes(&a);
    let me = ["Nobody@Example.org".to_string()];
    let r = verify_with(&bytes, &f, &me);
    assert_verdict(&r, Verdict::Valid);
    translated(&r, &OB2_ALL);
    server.serve("/beths-robotics-badge.json", 404, b"gone?".to_vec());
    translated(&verify_with(&bytes, &f, &me), &OB2_ALL);
    server.serve("/beths-robotics-badge.json", 410, b"{}".to_vec());
    translated(&verify_with(&bytes, &f, &me), &OB2_ALL);
    server.serve_json(
        "/beths-robotics-badge.json",
        &json!({"id": a["id"], "revoked": true, "revocationReason": "cheating"}),
    );
    translated(&verify_with(&bytes, &f, &me), &OB2_ALL);
    let mut other = a.clone();
    other["badge"] = json!("https://example.org/badge-from-organization-with-revocation-list.json");
    server.serve_json("/beths-robotics-badge.json", &other);
    translated(&verify_with(&bytes, &f, &me), &[CheckId::Hosted]);
    server.serve_json("/beths-robotics-badge.json", &a);
    translated(
        &verify_with(&bytes, &f, &["someone@example.org".to_string()]),
        &OB2_ALL,
    );
    // Hosted, offline: nothing fetched.
    translated(&verify_with(&bytes, &OfflineFetcher, &me), &OB2_ALL);

    // Signed: valid, revoked on the issuer's list, tampered, offline.
    let server = ob20_server();
    let f = Mapped::new(&server);
    let me = [NOBODY.to_string()];
    let r = verify_with(&ob20("simple.jwt"), &f, &me);
    assert_verdict(&r, Verdict::Valid);
    translated(&r, &all_but_key);
    let r = verify_with(&ob20("simple-revoked.jwt"), &f, &me);
    assert_check(
        &r,
        CheckId::Status,
        Outcome::Fail,
        "revoked by the issuer: A good reason, for sure",
    );
    translated(&r, &all_but_key);
    translated(
        &verify_with(&ob20("simple-not-revoked.jwt"), &f, &me),
        &all_but_key,
    );
    let t = String::from_utf8(ob20("simple.jwt")).unwrap();
    translated(&verify_with(tamper_jws(&t).as_bytes(), &f, &me), &OB2_ALL);
    translated(&verify_with(t.as_bytes(), &OfflineFetcher, &me), &OB2_ALL);
}

#[test]
fn dates_status_recipient_decode_and_parse_details_are_catalog_messages() {
    // Status lists (DCC's: short, with a note), dates and the recipient of an OB 3.0 credential.
    let server = dcc_server();
    let f = Mapped::new(&server);
    let me = ["did:example:nobody".to_string()];
    let mine = [
        CheckId::Decode,
        CheckId::Parse,
        CheckId::Expiry,
        CheckId::NotBefore,
        CheckId::Status,
        CheckId::Recipient,
    ];
    for rel in ["v2WithValidStatus.json", "v2Revoked.json", "v2Expired.json"] {
        let r = verify_with(&fixture_bytes(&format!("dcc-verifier-core/{rel}")), &f, &me);
        translated(&r, &mine);
    }
    // Unreachable list: could not check.
    let r = verify_with(
        &fixture_bytes("dcc-verifier-core/v2Revoked.json"),
        &Mapped::new(&Server::start()),
        &[],
    );
    assert_check(&r, CheckId::Status, Outcome::Error, "could not check");
    translated(&r, &mine);
    // Files that hold no badge, or a payload that is not one.
    let clock = now();
    let ctx = VerifyContext::new(&clock, &OfflineFetcher);
    let r = verify_bytes(b"hello", &ctx);
    assert_eq!(r.status, Status::Unreadable);
    translated(&r, &[CheckId::Decode]);
    let r = verify_bytes(br#"{"hello": "world"}"#, &ctx);
    translated(&r, &[CheckId::Decode, CheckId::Parse]);
    // The reason follows: Spanish in the localized report.
    let es = backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::Es);
    assert_ne!(r.localized(es).reason, r.reason);
}

#[test]
fn embedded_endorsement_reasons_are_catalog_messages() {
    use backpack_core::i18n::{Catalog, Lang};
    let es = Catalog::get(Lang::Es);
    let other = json!({"type": ["VerifiableCredential", "EndorsementCredential"],
        "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "credentialSubject": {"id": "urn:uuid:something-else", "type": "EndorsementSubject"}});
    let mut cred = ob3_cred("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
    cred["id"] = json!("urn:uuid:this-one");
    cred["endorsement"] = json!([{"type": "NotAnEndorsement"}, other]);
    let r = offline(&json_bytes(&cred));
    assert_eq!(r.endorsements.len(), 2, "{r:#?}");
    assert_eq!(
        r.endorsements[0].reason,
        "an embedded endorsement is not an EndorsementCredential"
    );
    assert_eq!(
        r.endorsements[1].reason,
        "it endorses urn:uuid:something-else, not this credential (urn:uuid:this-one)"
    );
    assert_eq!(
        r.endorsements[1].reason_in(es),
        "respalda urn:uuid:something-else, no esta credencial (urn:uuid:this-one)"
    );
    for e in &r.endorsements {
        assert!(e.message.is_some(), "{e:?}");
        assert_ne!(e.reason_in(es), e.reason);
        assert_eq!(e.localized(es).reason, e.reason_in(es));
    }
}

/// Every fixture the project keeps (1EdTech, DCC, W3C, Mozilla's bakery, badgecheck, the
/// spec's vectors, endorsements, trust registries, generated forgeries and invalid files),
/// verified offline and against its own issuer's documents where the test server has them:
/// every check of every report, and every embedded endorsement's reason, is a catalog message
/// whose English is the detail and whose Spanish is its own (issue 14: nothing of the
/// verifier's is left in English for a Spanish-speaking learner).
/// A piece of a message kept as text that reads as an English sentence (a library's or an
/// error's `Display` passed in as given) and is in the `shown` rendering in another language.
fn english_sentence_in(m: &backpack_core::localize::Message, shown: &str) -> Option<String> {
    use backpack_core::localize::Message;
    match m {
        Message::Text(t) => {
            let padded = format!(" {} ", t.to_lowercase());
            [
                " the ",
                " is ",
                " not ",
                " was ",
                " could ",
                " allowed ",
                " expected ",
            ]
            .iter()
            .any(|w| padded.contains(w))
            .then(|| t.clone())
            .filter(|t| shown.contains(t.as_str()))
        }
        Message::Id(_, args) => args.iter().find_map(|(_, v)| english_sentence_in(v, shown)),
        Message::Count(_) => None,
    }
}

#[test]
fn every_detail_of_every_fixture_is_a_catalog_message() {
    use backpack_core::i18n::{Catalog, Lang};
    let es = Catalog::get(Lang::Es);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_none_or(|x| x != "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut checks = 0;
    let mut left = Vec::new();
    let clock = now();
    let ctx = VerifyContext::new(&clock, &OfflineFetcher);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let r = verify_bytes(&bytes, &ctx);
        for c in &r.checks {
            checks += 1;
            let name = path.strip_prefix(&root).unwrap().display();
            match &c.message {
                None => left.push(format!("{name}: {} (not a message): {:?}", c.id, c.detail)),
                Some(m) => {
                    assert_eq!(m.english(), c.detail, "{name}: {}", c.id);
                    let spanish = c.detail_in(es);
                    if let Some(text) = english_sentence_in(m, &spanish) {
                        left.push(format!(
                            "{name}: {} (English words inside its message): {text:?}",
                            c.id
                        ));
                    }
                    if c.detail_in(es) == c.detail {
                        left.push(format!(
                            "{name}: {} (same in Spanish): {:?}",
                            c.id, c.detail
                        ));
                    }
                }
            }
        }
        for e in &r.endorsements {
            if e.reason_in(es) == e.reason && !e.reason.is_empty() {
                let name = path.strip_prefix(&root).unwrap().display();
                left.push(format!("{name}: endorsement: {:?}", e.reason));
            }
        }
    }
    assert!(
        files.len() > 100 && checks > 800,
        "{} files, {checks} checks",
        files.len()
    );
    assert!(
        left.is_empty(),
        "{} of {checks} checks left in English:\n{}",
        left.len(),
        left.join("\n")
    );
}
