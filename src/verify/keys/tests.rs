//! The binding rules, one by one, against an in-memory web.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Value, json};

use super::*;
use crate::env::FixedClock;
use crate::verify::fetch::DocError;

const MK: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
const OTHER: &str = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
const ISSUER: &str = "https://uni.example/issuer";

fn clock() -> FixedClock {
    FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-05-04T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    )
}

/// URL → (final URL, status, body, fetched_at, from_cache).
#[derive(Default)]
struct Web(HashMap<String, Doc>);

impl Web {
    fn put(&mut self, url: &str, v: Value) {
        self.put_doc(url, url, v, "2026-05-04T12:00:00Z", false);
    }
    fn put_doc(&mut self, url: &str, served: &str, v: Value, at: &str, cached: bool) {
        self.0.insert(
            url.into(),
            Doc {
                requested: url.into(),
                url: served.into(),
                status: 200,
                body: Arc::new(serde_json::to_vec(&v).unwrap()),
                fetched_at: at.into(),
                from_cache: cached,
            },
        );
    }
}

impl Documents for Web {
    fn get(&self, url: &str, _accept: &str) -> Result<Doc, DocError> {
        self.0
            .get(url)
            .cloned()
            .ok_or_else(|| DocError::NoDocuments(url.to_owned()))
    }
}

fn issuer_doc(listed: &str) -> Value {
    let vm = format!("{ISSUER}#key-1");
    json!({"id": ISSUER, "type": "Profile", "name": "Uni",
        "verificationMethod": [{"id": vm, "type": "Multikey", "controller": ISSUER,
            "publicKeyMultibase": listed}],
        "assertionMethod": [vm]})
}

#[test]
fn a_fragment_key_checks_signatures_but_binds_nothing_offline() {
    let web = Web::default();
    let c = clock();
    let r = Resolver::new(&web, &c);
    let vm = format!("{ISSUER}#{MK}");
    let k = r.resolve(&vm, "assertionMethod").unwrap();
    assert_eq!(k.controller, None);
    assert!(matches!(
        r.bind(&k, Some(ISSUER), "assertionMethod"),
        Binding::Unconfirmed(_)
    ));
}

#[test]
fn the_issuer_document_decides_online() {
    let c = clock();
    let vm = format!("{ISSUER}#{MK}");
    // Lists the key (under another id, same material): bound.
    let mut web = Web::default();
    web.put(ISSUER, issuer_doc(MK));
    let r = Resolver::new(&web, &c);
    let k = r.resolve(&vm, "assertionMethod").unwrap();
    let Binding::Bound(ev) = r.bind(&k, Some(ISSUER), "assertionMethod") else {
        panic!("not bound")
    };
    assert_eq!(ev.kind, EvidenceKind::IssuerDocument);
    assert_eq!(
        ev.describe().english(),
        "confirmed from the issuer's key document https://uni.example/issuer, fetched on 4 May 2026 (listed under assertionMethod)"
    );
    // Lists another key: the document is reachable and does not list it — invalid.
    let mut web = Web::default();
    web.put(ISSUER, issuer_doc(OTHER));
    let r = Resolver::new(&web, &c);
    let e = r.resolve(&vm, "assertionMethod").unwrap_err();
    assert!(
        matches!(&e, KeyError::Invalid { reason, .. } if reason.english().contains("does not list the key")),
        "{e}"
    );
}

#[test]
fn a_key_document_cannot_name_its_own_controller() {
    let c = clock();
    let key_url = "https://keys.example/k1";
    let mut web = Web::default();
    web.put(
        key_url,
        json!({"id": key_url, "type": "Multikey", "controller": ISSUER, "publicKeyMultibase": MK}),
    );
    // The issuer's document does not link back: no controller, and binding is refused.
    web.put(ISSUER, issuer_doc(OTHER));
    let r = Resolver::new(&web, &c);
    let k = r.resolve(key_url, "assertionMethod").unwrap();
    assert_eq!(k.controller, None);
    assert!(matches!(
        r.bind(&k, Some(ISSUER), "assertionMethod"),
        Binding::Refused(_)
    ));
    // It links back: the controller is established by the issuer's own document.
    let mut web = Web::default();
    web.put(
        key_url,
        json!({"id": key_url, "type": "Multikey", "controller": ISSUER, "publicKeyMultibase": MK}),
    );
    web.put(ISSUER, json!({"id": ISSUER, "assertionMethod": [key_url]}));
    let r = Resolver::new(&web, &c);
    let k = r.resolve(key_url, "assertionMethod").unwrap();
    assert_eq!(k.controller.as_ref().map(|c| c.id.as_str()), Some(ISSUER));
    assert!(matches!(
        r.bind(&k, Some(ISSUER), "assertionMethod"),
        Binding::Bound(_)
    ));
}

#[test]
fn documents_that_lie_about_themselves_or_move_away_are_refused() {
    let c = clock();
    let vm = format!("{ISSUER}#key-1");
    let mut web = Web::default();
    let mut doc = issuer_doc(MK);
    doc["id"] = json!("https://harvard.example/issuer");
    web.put(ISSUER, doc);
    let r = Resolver::new(&web, &c);
    let e = r.resolve(&vm, "assertionMethod").unwrap_err();
    assert!(e.to_string().contains("declares itself as"), "{e}");

    let mut web = Web::default();
    web.put_doc(
        ISSUER,
        "https://evil.example/x",
        issuer_doc(MK),
        "2026-05-04T12:00:00Z",
        false,
    );
    let r = Resolver::new(&web, &c);
    let e = r.resolve(&vm, "assertionMethod").unwrap_err();
    assert!(e.to_string().contains("another origin"), "{e}");
}

#[test]
fn did_issuers() {
    let c = clock();
    let web = Web::default();
    let r = Resolver::new(&web, &c);
    let k = r
        .resolve(&format!("did:key:{MK}#{MK}"), "assertionMethod")
        .unwrap();
    assert!(matches!(
        r.bind(&k, Some(&format!("did:key:{MK}")), "assertionMethod"),
        Binding::Bound(Evidence {
            kind: EvidenceKind::SelfCertifying,
            ..
        })
    ));
    // A different did:key issuer: the key is provably not theirs.
    assert!(matches!(
        r.bind(&k, Some(&format!("did:key:{OTHER}")), "assertionMethod"),
        Binding::Refused(_)
    ));
    // urn:uuid: nothing can confirm it.
    assert!(matches!(
        r.bind(
            &k,
            Some("urn:uuid:0b4bb9c4-2f1c-4d36-b5d4-0f3b2b8d6e10"),
            "assertionMethod"
        ),
        Binding::Unconfirmed(_)
    ));
    // did:web issuer, a foreign did:key: bound only when its DID document lists it.
    let did = "did:web:uni.example";
    let url = "https://uni.example/.well-known/did.json";
    assert!(matches!(
        r.bind(&k, Some(did), "assertionMethod"),
        Binding::Unconfirmed(_)
    ));
    let mut web = Web::default();
    web.put(
        url,
        json!({"id": did, "assertionMethod": [format!("did:key:{OTHER}#{OTHER}")]}),
    );
    let r = Resolver::new(&web, &c);
    assert!(matches!(
        r.bind(&k, Some(did), "assertionMethod"),
        Binding::Refused(_)
    ));
    let mut web = Web::default();
    web.put(
        url,
        json!({"id": did, "assertionMethod": [format!("did:key:{MK}#{MK}")]}),
    );
    let r = Resolver::new(&web, &c);
    assert!(matches!(
        r.bind(&k, Some(did), "assertionMethod"),
        Binding::Bound(_)
    ));
}

#[test]
fn old_evidence_expires_but_says_so() {
    let c = clock();
    let vm = format!("{ISSUER}#{MK}");
    let mut web = Web::default();
    web.put_doc(ISSUER, ISSUER, issuer_doc(MK), "2024-01-01T00:00:00Z", true);
    let r = Resolver::new(&web, &c);
    let k = r.resolve(&vm, "assertionMethod").unwrap();
    let Binding::Unconfirmed(why) = r.bind(&k, Some(ISSUER), "assertionMethod") else {
        panic!("a two-year-old copy must not confirm")
    };
    assert!(why.english().contains("fetched on 1 January 2024"), "{why}");
    // A recent copy confirms, and says it is the wallet's.
    let mut web = Web::default();
    web.put_doc(ISSUER, ISSUER, issuer_doc(MK), "2026-05-03T09:00:00Z", true);
    let r = Resolver::new(&web, &c);
    let Binding::Bound(ev) = r.bind(&k, Some(ISSUER), "assertionMethod") else {
        panic!("not bound")
    };
    assert!(
        ev.describe()
            .english()
            .contains("fetched on 3 May 2026 (the wallet's copy)"),
        "{}",
        ev.describe()
    );
}

#[test]
fn a_header_jwk_binds_only_through_the_issuers_key_set() {
    use base64::Engine as _;
    let c = clock();
    let pk = ed25519_from_multikey(MK).unwrap();
    let jwk = json!({"kty": "OKP", "crv": "Ed25519",
        "x": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(pk)});
    let header: Map<String, Value> =
        serde_json::from_value(json!({"alg": "EdDSA", "jwk": jwk})).unwrap();
    let web = Web::default();
    let r = Resolver::new(&web, &c);
    let k = r.resolve_jwt(&header, Some(ISSUER)).unwrap();
    assert!(matches!(
        r.bind(&k, Some(ISSUER), "assertionMethod"),
        Binding::Unconfirmed(_)
    ));
    let mut web = Web::default();
    web.put(
        "https://uni.example/.well-known/jwks.json",
        json!({"keys": [jwk]}),
    );
    let r = Resolver::new(&web, &c);
    assert!(matches!(
        r.bind(&k, Some(ISSUER), "assertionMethod"),
        Binding::Bound(Evidence {
            kind: EvidenceKind::KeySet,
            ..
        })
    ));
    // A key set that carries a different key, and an issuer document that lists none: refused.
    let mut web = Web::default();
    let other = json!({"kty": "OKP", "crv": "Ed25519",
        "x": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([9u8; 32])});
    web.put(
        "https://uni.example/.well-known/jwks.json",
        json!({"keys": [other]}),
    );
    web.put(ISSUER, issuer_doc(OTHER));
    let r = Resolver::new(&web, &c);
    assert!(matches!(
        r.bind(&k, Some(ISSUER), "assertionMethod"),
        Binding::Refused(_)
    ));
}
