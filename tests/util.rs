//! Shared test helpers.
#![allow(dead_code)]

use std::path::PathBuf;

/// Absolute path of a file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Bytes of a fixture.
pub fn fixture_bytes(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("fixture {rel}: {e}"))
}

/// The 1EdTech validator's OB 2.0 test assets (`ob20/assets/`), served at the example.org
/// URLs its badges name.
pub const OB20_ASSETS: [&str; 14] = [
    "key1.json",
    "key2.json",
    "key3.json",
    "organization.json",
    "organization-no-public-key.json",
    "organization-with-revocation-list.json",
    "organization-with-empty-revocation-list.json",
    "revocation-list.json",
    "empty-revocation-list.json",
    "robotics-badge.json",
    "badge-from-organization-with-revocation-list.json",
    "badge-from-organization-with-empty-revocation-list.json",
    "issuer-with-allowed-origins.json",
    "issuer-with-allowed-origins-invalid-starts-with.json",
];

/// Run `f` with a key resolver over `fetcher` (and `cache`), dated by `clock`; returns what
/// `f` returns and the fetches made.
pub fn with_resolver<R>(
    fetcher: &dyn backpack_core::env::Fetcher,
    cache: Option<&dyn backpack_core::verify::DocumentCache>,
    clock: &dyn backpack_core::env::Clock,
    f: impl FnOnce(&backpack_core::verify::keys::Resolver<'_>) -> R,
) -> (R, Vec<backpack_core::verify::FetchRecord>) {
    let net = backpack_core::verify::fetch::Net::new(fetcher, cache, clock);
    let keys = backpack_core::verify::keys::Resolver::new(&net, clock);
    let out = f(&keys);
    (out, net.records())
}

/// The clock the verification tests run at.
pub fn test_clock() -> backpack_core::env::FixedClock {
    backpack_core::env::FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-05-04T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    )
}

/// Verify `doc`'s Data Integrity proofs offline, its key bound to `issuer`.
pub fn di_offline(
    doc: &serde_json::Value,
    issuer: Option<&str>,
) -> backpack_core::verify::data_integrity::ProofsOutcome {
    let clock = test_clock();
    with_resolver(&backpack_core::env::OfflineFetcher, None, &clock, |k| {
        backpack_core::verify::data_integrity::verify_proofs(doc, issuer, k)
    })
    .0
}

/// An in-memory web: URL → (status, body); anything else answers 404.
#[derive(Default, Clone)]
pub struct Web(pub std::collections::HashMap<String, (u16, Vec<u8>)>);

impl Web {
    /// Serve `body` at `url` with 200.
    pub fn put(&mut self, url: &str, body: Vec<u8>) {
        self.0.insert(url.to_string(), (200, body));
    }
    /// Answer `status` with an empty body at `url`.
    pub fn put_status(&mut self, url: &str, status: u16) {
        self.0.insert(url.to_string(), (status, Vec::new()));
    }
    /// Serve JSON at `url`.
    pub fn put_json(&mut self, url: &str, v: &serde_json::Value) {
        self.put(url, serde_json::to_vec(v).unwrap());
    }
    /// Serve a fixture file at `url`.
    pub fn put_file(&mut self, url: &str, rel: &str) {
        self.put(url, fixture_bytes(rel));
    }
    /// Serve, at the issuer's own URL, a controller document that lists the key of each
    /// `vm` (an `issuer#z6Mk…` method: the fragment is the key) under assertionMethod.
    pub fn put_issuer_listing(&mut self, issuer: &str, vms: &[&str]) {
        self.put_json(issuer, &issuer_doc_listing(issuer, vms));
    }
}

impl backpack_core::env::Fetcher for Web {
    fn fetch(
        &self,
        req: &backpack_core::env::FetchRequest,
    ) -> Result<backpack_core::env::FetchResponse, backpack_core::env::FetchError> {
        let (status, body) = self
            .0
            .get(&req.url)
            .cloned()
            .unwrap_or((404, b"not found".to_vec()));
        Ok(backpack_core::env::FetchResponse {
            url: req.url.clone(),
            status,
            content_type: Some("application/json".into()),
            body,
        })
    }
}

/// An issuer's controller document (its profile at its own id) listing the Ed25519 key each
/// `vm` spells in its fragment (`…#z6Mk…`) under assertionMethod — what an issuer publishes to
/// make the 1EdTech-style fragment key its own.
pub fn issuer_doc_listing(issuer: &str, vms: &[&str]) -> serde_json::Value {
    let methods: Vec<serde_json::Value> = vms
        .iter()
        .map(|vm| {
            let mk = vm.rsplit('#').next().unwrap();
            serde_json::json!({"id": vm, "type": "Multikey", "controller": issuer,
                "publicKeyMultibase": mk})
        })
        .collect();
    serde_json::json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": issuer, "type": "Profile", "name": "Issuer",
        "verificationMethod": methods, "assertionMethod": vms})
}

/// Every `verificationMethod` of a credential's proofs (and of the credentials inside a CLR),
/// with the issuer id each must belong to.
pub fn proof_methods(doc: &serde_json::Value) -> Vec<(String, String)> {
    use serde_json::Value;
    let mut out = Vec::new();
    let issuer = match doc.get("issuer") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).unwrap_or("").to_owned(),
        _ => String::new(),
    };
    let proofs: Vec<&Value> = match doc.get("proof") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(p @ Value::Object(_)) => vec![p],
        _ => Vec::new(),
    };
    for p in proofs {
        if let Some(vm) = p.get("verificationMethod").and_then(Value::as_str) {
            out.push((issuer.clone(), vm.to_owned()));
        }
    }
    if let Some(Value::Array(inner)) = doc.pointer("/credentialSubject/verifiableCredential") {
        for c in inner {
            out.extend(proof_methods(c));
        }
    }
    out
}

/// A web where every issuer named by `doc` (and its inner credentials) publishes, at its own
/// https id, a document listing the fragment keys its proofs use.
pub fn web_confirming(doc: &serde_json::Value) -> Web {
    let mut w = Web::default();
    let mut by_issuer: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (issuer, vm) in proof_methods(doc) {
        if issuer.starts_with("https://") && vm.contains("#z6Mk") {
            by_issuer.entry(issuer).or_default().push(vm);
        }
    }
    for (issuer, vms) in by_issuer {
        let refs: Vec<&str> = vms.iter().map(String::as_str).collect();
        w.put_issuer_listing(&issuer, &refs);
    }
    w
}
