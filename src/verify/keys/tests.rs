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

// ---- The learner's language ------------------------------------------------------------

use crate::i18n::{Catalog, Lang};
use crate::localize::Localize;

/// `m` is a catalog message whose English is `english` and whose Spanish is a translation
/// with every variable filled in.
fn translated(m: &Message, english: &str) {
    assert!(matches!(m, Message::Id(..)), "not from the catalog: {m}");
    assert_eq!(m.english(), english);
    let es = m.render(Catalog::get(Lang::Es));
    assert_ne!(es, english, "not translated: {english}");
    assert!(
        !es.contains("{$") && !es.contains("chk-") && !es.contains("err-") && !es.contains('\n'),
        "{es}"
    );
}

#[test]
fn every_key_error_is_a_catalog_message_whose_english_is_its_display() {
    use KeyMaterialError as E;
    let all = [
        E::MultibaseNotString,
        E::MultibaseNotBase58btc,
        E::TooLong("publicKeyMultibase"),
        E::Base58(
            "publicKeyBase58",
            "base58",
            "invalid character 'l' at 3".into(),
        ),
        E::NotEd25519Multikey("e701".into()),
        E::MultikeyLength(31),
        E::Base58Length(33),
        E::NoMaterial,
        E::JwkNotObject,
        E::JwkPrivate,
        E::OkpCurve("X25519".into()),
        E::OkpNoX,
        E::OkpXNotBase64url,
        E::OkpXLength(3),
        E::RsaMissing,
        E::RsaShort,
        E::EcCurve("P-384".into()),
        E::EcMissing,
        E::EcLength,
        E::Kty("oct".into()),
        E::NoKty,
        E::Library("RSA PEM", "invalid pem".into()),
        E::NotDidWeb("did:key:z6Mk".into()),
        E::DidWebHost("good.edu@evil.com".into()),
        E::DidWebPort("abc".into()),
        E::DidWebSegment("..".into()),
    ];
    for e in &all {
        translated(&e.message(), &e.to_string());
    }
    let errors = [
        KeyError::Unavailable {
            id: "https://uni.example/issuer#key-1".into(),
            reason: msg!(
                "chk-fetch-http-status",
                url = "https://uni.example/issuer",
                status = 503u32
            ),
        },
        KeyError::Invalid {
            id: HEADER_JWK_ID.into(),
            reason: msg!("chk-key-header-jwk", problem = E::JwkPrivate.message()),
        },
        KeyError::Invalid {
            id: NO_KEY_ID.into(),
            reason: msg!("chk-key-token-no-key"),
        },
    ];
    for e in &errors {
        translated(&e.message(), &e.to_string());
    }
    // The key material errors met on the way, as resolution reports them.
    let c = clock();
    let r = Resolver::new(&crate::verify::fetch::NoDocuments, &c);
    for vm in [
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme".to_string(),
        format!("did:key:{MK}#other"),
        "did:jwk:!!".to_string(),
        "did:web:good.edu@evil.com#key-1".to_string(),
        "urn:uuid:1234#key-1".to_string(),
        format!("https://uni.example/k#{}", "x".repeat(5000)),
    ] {
        let e = r.resolve(&vm, "assertionMethod").unwrap_err();
        translated(&e.message(), &e.to_string());
    }
}

/// A real 1EdTech fixture's key (`simple.json`: issuer `https://example.com/issuers/876543`,
/// key `#z6MkjZ…` in the method's fragment) bound against webs that confirm it, refuse it,
/// are offline, or hold only a stale copy; and `simple-did-key-method.json` (a `urn:uuid`
/// issuer signing with a did:key). Every reason and every piece of evidence is a catalog
/// message: the `issuer_key` detail (who signed the badge) is never left in English.
#[test]
fn binding_reasons_and_evidence_are_messages_in_the_learners_language() {
    let fixture = |f: &str| -> Value {
        let p = format!(
            "{}/tests/fixtures/1edtech-public-validator/ob30/{f}",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let simple = fixture("simple.json");
    let issuer = simple["issuer"]["id"].as_str().unwrap();
    let vm = simple["proof"][0]["verificationMethod"].as_str().unwrap();
    let c = clock();

    // Offline: the fragment gives the key, nothing binds it.
    let offline = Resolver::new(&crate::verify::fetch::NoDocuments, &c);
    let k = offline.resolve(vm, "assertionMethod").unwrap();
    let Binding::Unconfirmed(why) = offline.bind(&k, Some(issuer), "assertionMethod") else {
        panic!("offline must not confirm")
    };
    translated(
        &why,
        "the issuer's document could not be read (offline, cannot fetch https://example.com/issuers/876543)",
    );

    // The issuer's document lists the key: bound, with its evidence.
    let mut web = Web::default();
    web.put(issuer, json!({"id": issuer, "assertionMethod": [vm]}));
    let r = Resolver::new(&web, &c);
    let Binding::Bound(ev) = r.bind(&k, Some(issuer), "assertionMethod") else {
        panic!("not bound")
    };
    translated(
        &ev.describe(),
        "confirmed from the issuer's key document https://example.com/issuers/876543, fetched on 4 May 2026 (listed under assertionMethod)",
    );
    assert_eq!(
        ev.describe().render(Catalog::get(Lang::Es)),
        "confirmada con el documento de claves del emisor https://example.com/issuers/876543, descargado el 4 de mayo de 2026 (incluida en assertionMethod)"
    );

    // A forgery: the issuer's document lists another key only.
    let mut web = Web::default();
    let listed = format!("{issuer}#key-1");
    web.put(
        issuer,
        json!({"id": issuer, "verificationMethod": [{"id": listed, "type": "Multikey",
            "controller": issuer, "publicKeyMultibase": MK}], "assertionMethod": [listed]}),
    );
    let r = Resolver::new(&web, &c);
    let Binding::Refused(why) = r.bind(&k, Some(issuer), "assertionMethod") else {
        panic!("must be refused")
    };
    translated(
        &why,
        &format!("the issuer's document {issuer} does not list key {vm} under assertionMethod"),
    );

    // The wallet's copy is too old to confirm; a fresh one confirms and says it is the copy.
    let mut web = Web::default();
    web.put_doc(
        issuer,
        issuer,
        json!({"id": issuer, "assertionMethod": [vm]}),
        "2024-01-01T00:00:00Z",
        true,
    );
    let r = Resolver::new(&web, &c);
    let Binding::Unconfirmed(why) = r.bind(&k, Some(issuer), "assertionMethod") else {
        panic!("a stale copy must not confirm")
    };
    translated(
        &why,
        &format!(
            "the issuer's document could not be read (the wallet's copy of {issuer} was fetched on 1 January 2024, over 365 days ago; allow network access to confirm it again)"
        ),
    );
    assert!(
        why.render(Catalog::get(Lang::Es))
            .contains("1 de enero de 2024"),
        "{}",
        why.render(Catalog::get(Lang::Es))
    );

    // A urn:uuid issuer signing with an unrelated did:key: not confirmed, and said why.
    let didkey = fixture("simple-did-key-method.json");
    let issuer = didkey["issuer"]["id"].as_str().unwrap();
    let vm = didkey["proof"][0]["verificationMethod"].as_str().unwrap();
    let k = offline.resolve(vm, "assertionMethod").unwrap();
    let Binding::Unconfirmed(why) = offline.bind(&k, Some(issuer), "assertionMethod") else {
        panic!("a urn:uuid issuer cannot confirm a did:key")
    };
    translated(
        &why,
        &format!(
            "the issuer id {issuer} is not a URL or DID, so no document of the issuer can say the key is theirs; the badge is signed by key {OTHER_VM} (controlled by did:key:{OTHER})",
            OTHER_VM = format_args!("did:key:{OTHER}#{OTHER}")
        ),
    );
    // The did:key's own evidence.
    let Binding::Bound(ev) = offline.bind(&k, Some(&format!("did:key:{OTHER}")), "assertionMethod")
    else {
        panic!("a did:key issuer binds its own key")
    };
    translated(
        &ev.describe(),
        &format!("the key is the issuer's own identifier did:key:{OTHER} (self-certifying)"),
    );
}

/// The same fixture verified end to end: the `schema` detail is a catalog message, and the
/// `issuer_key` detail carries the binding's reason word for word.
#[test]
fn a_verified_fixture_has_its_schema_and_issuer_key_details_from_the_catalog() {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/1edtech-public-validator/ob30/simple.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let c = clock();
    let report = crate::verify::verify_bytes(
        &bytes,
        &crate::verify::VerifyContext::new(&c, &crate::env::OfflineFetcher),
    );
    let es = Catalog::get(Lang::Es);
    let schema = report.get(crate::verify::CheckId::Schema).unwrap();
    assert!(schema.message.is_some(), "{schema:?}");
    assert_eq!(schema.detail, "the credential has every required property");
    assert_eq!(
        schema.detail_in(es),
        "todas las propiedades obligatorias están en la credencial"
    );
    let key = report.get(crate::verify::CheckId::IssuerKey).unwrap();
    assert_eq!(
        key.detail,
        format!(
            "{}the issuer's document could not be read (offline: network access is not allowed (allow it in Settings, or pass --allow-network))",
            crate::verify::report::ISSUER_NOT_CONFIRMED
        )
    );
}
