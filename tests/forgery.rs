//! The forgery suite (issue 12): a "Harvard University — Doctor of Medicine" badge signed,
//! correctly, by a key the attacker made on the spot, for every proof type and every kind of
//! issuer id. None may be `valid` — offline, or online against a local web server whose
//! documents do not list the key. The same credentials become `valid` once the issuer's own
//! document (its profile at its https id, its DID document, its key set) lists the key:
//! binding, not the signature, is what the verdict waits for.
//!
//! The web is real HTTP on 127.0.0.1: public URLs are mapped onto the loopback server (as if
//! DNS pointed there), fetched with `HttpFetcher` (private addresses allowed), and final URLs
//! are mapped back — so redirects, final-URL scope checks and origin checks run for real.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use backpack_core::env::{FetchError, FetchRequest, FetchResponse, Fetcher, OfflineFetcher};
use backpack_core::net::HttpFetcher;
use backpack_core::verify::data_integrity::{ProofOptions, Suite, sign};
use backpack_core::verify::keys::{
    did_key_from_ed25519, did_key_verification_method, multikey_from_ed25519,
};
use backpack_core::verify::{
    CheckId, Outcome, Report, Status, Verdict, VerifyContext, verify_bytes,
};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};

use crate::util::{fixture_bytes, test_clock};

const HARVARD: &str = "https://www.harvard.edu/issuers/registrar";
const HARVARD_DID: &str = "did:web:www.harvard.edu";
const HARVARD_DID_DOC: &str = "https://www.harvard.edu/.well-known/did.json";
const HARVARD_JWKS: &str = "https://www.harvard.edu/.well-known/jwks.json";

fn attacker() -> SigningKey {
    SigningKey::from_bytes(&[0xA7; 32])
}

/// The key Harvard really uses (the documents list it; it signs nothing here).
fn genuine() -> SigningKey {
    SigningKey::from_bytes(&[0x11; 32])
}

fn pk(k: &SigningKey) -> [u8; 32] {
    k.verifying_key().to_bytes()
}

fn mk(k: &SigningKey) -> String {
    multikey_from_ed25519(&pk(k))
}

fn okp(k: &SigningKey) -> Value {
    json!({"kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(pk(k))})
}

// ---------------------------------------------------------------------------------------
// A loopback web: public URL → response, served over real HTTP.

#[derive(Clone)]
enum Resp {
    Json(Value),
    Redirect(String),
}

#[derive(Clone, Default)]
struct LocalWeb {
    routes: Arc<Mutex<HashMap<String, Resp>>>,
    port: u16,
}

/// `https://host/path` → `/https/host/path` on the loopback server.
fn local_path(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    Some(format!("/{scheme}/{rest}"))
}

impl LocalWeb {
    fn start() -> LocalWeb {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let web = LocalWeb {
            routes: Arc::default(),
            port,
        };
        let routes = web.routes.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { continue };
                let mut reader = BufReader::new(s.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                        break;
                    }
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let resp = routes.lock().unwrap().get(&path).cloned();
                let out = match resp {
                    Some(Resp::Json(v)) => {
                        let body = serde_json::to_vec(&v).unwrap();
                        let mut o = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        )
                        .into_bytes();
                        o.extend(body);
                        o
                    }
                    Some(Resp::Redirect(to)) => format!(
                        "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{port}{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        local_path(&to).unwrap()
                    )
                    .into_bytes(),
                    None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .to_vec(),
                };
                let _ = s.write_all(&out);
            }
        });
        web
    }

    fn json(&self, url: &str, v: Value) {
        self.routes
            .lock()
            .unwrap()
            .insert(local_path(url).unwrap(), Resp::Json(v));
    }

    fn redirect(&self, url: &str, to: &str) {
        self.routes
            .lock()
            .unwrap()
            .insert(local_path(url).unwrap(), Resp::Redirect(to.to_owned()));
    }

    fn clear(&self) {
        self.routes.lock().unwrap().clear();
    }
}

/// Fetches public URLs from the loopback web, for real, and reports final URLs publicly.
struct Loopback {
    port: u16,
    http: HttpFetcher,
}

impl Loopback {
    fn new(web: &LocalWeb) -> Loopback {
        Loopback {
            port: web.port,
            http: HttpFetcher::new(true),
        }
    }
}

impl Fetcher for Loopback {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        let base = format!("http://127.0.0.1:{}", self.port);
        let Some(path) = local_path(&req.url) else {
            return Err(FetchError::UnsupportedScheme(req.url.clone()));
        };
        let mut resp = self.http.fetch(&FetchRequest {
            url: format!("{base}{path}"),
            accept: req.accept.clone(),
        })?;
        if let Some(rest) = resp.url.strip_prefix(&format!("{base}/"))
            && let Some((scheme, tail)) = rest.split_once('/')
        {
            resp.url = format!("{scheme}://{tail}");
        }
        Ok(resp)
    }
}

// ---------------------------------------------------------------------------------------
// The forged credentials.

fn credential(issuer: &str) -> Value {
    let mut doc: Value =
        serde_json::from_slice(&fixture_bytes("ob3-spec-test-vector/vector.json")).unwrap();
    let mut c = doc["unsignedCredential"].take();
    c["issuer"] = json!({"id": issuer, "type": ["Profile"], "name": "Harvard University"});
    c["name"] = json!("Doctor of Medicine");
    c["credentialSubject"]["achievement"]["name"] = json!("Doctor of Medicine");
    c
}

fn sign_di(suite: Suite, issuer: &str, vm: &str) -> Vec<u8> {
    let mut c = credential(issuer);
    if suite == Suite::Ed25519Signature2020 {
        c["@context"]
            .as_array_mut()
            .unwrap()
            .push(json!("https://w3id.org/security/suites/ed25519-2020/v1"));
    }
    let mut o = ProofOptions::new("assertionMethod");
    o.created = Some("2026-01-01T00:00:00Z".into());
    let signed = sign(suite, &c, &attacker(), vm, &o).unwrap();
    serde_json::to_vec(&signed).unwrap()
}

fn b64(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
}

fn sign_jwt(header: Value, issuer: &str, iss: &str) -> Vec<u8> {
    let mut p = credential(issuer);
    p["iss"] = json!(iss);
    p["jti"] = p["id"].clone();
    p["nbf"] = json!(1_262_304_000);
    if let Some(sub) = p["credentialSubject"]["id"].as_str() {
        p["sub"] = json!(sub);
    }
    let input = format!("{}.{}", b64(&header), b64(&p));
    let sig = attacker().sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes())).into_bytes()
}

/// What the issuer publishes in a scenario.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Publishes {
    /// Its documents, listing only its genuine key (and, where a forgery names one, a key
    /// document elsewhere that claims the issuer as its controller).
    GenuineOnly,
    /// Its documents list the key that signed (the issuer really authorised it).
    TheSigningKey,
}

struct Case {
    name: String,
    bytes: Vec<u8>,
    /// Could any issuer document ever confirm the key? (A urn:uuid issuer: never; an `iss`
    /// that is not the credential's issuer: the token itself is inconsistent.)
    confirmable: bool,
    /// Lay out the web for a scenario.
    publish: fn(&LocalWeb, Publishes),
}

fn https_profile(web: &LocalWeb, p: Publishes, vm: &str, key: &SigningKey) {
    let listed = match p {
        Publishes::GenuineOnly => (format!("{HARVARD}#key-1"), mk(&genuine())),
        Publishes::TheSigningKey => (vm.to_owned(), mk(key)),
    };
    web.json(
        HARVARD,
        json!({"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": HARVARD, "type": "Profile", "name": "Harvard University",
            "verificationMethod": [{"id": listed.0, "type": "Multikey", "controller": HARVARD,
                "publicKeyMultibase": listed.1}],
            "assertionMethod": [listed.0]}),
    );
    web.json(HARVARD_JWKS, json!({"keys": [okp(&genuine())]}));
}

fn did_web_doc(web: &LocalWeb, p: Publishes, vm: &str, key: &SigningKey) {
    let (id, key_mb) = match p {
        Publishes::GenuineOnly => (format!("{HARVARD_DID}#key-1"), mk(&genuine())),
        Publishes::TheSigningKey => (vm.to_owned(), mk(key)),
    };
    let method = if id.starts_with(HARVARD_DID) {
        json!([{"id": id, "type": "Multikey", "controller": HARVARD_DID, "publicKeyMultibase": key_mb}])
    } else {
        // A foreign did:key, referenced by the issuer's DID document.
        json!([])
    };
    web.json(
        HARVARD_DID_DOC,
        json!({"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": HARVARD_DID, "verificationMethod": method, "assertionMethod": [id]}),
    );
}

fn cases() -> Vec<Case> {
    let a = attacker();
    let frag_vm = format!("{HARVARD}#{}", mk(&a));
    let other_path_vm = format!("https://www.harvard.edu/people/mallory#{}", mk(&a));
    let evil_key = "https://evil.example/keys/1".to_owned();
    let did_key_vm = did_key_verification_method(&pk(&a));
    let did_web_frag_vm = format!("{HARVARD_DID}#{}", mk(&a));
    let urn = "urn:uuid:0d5c1b8e-59a2-4c1f-9b6e-3f1c2d4e5f60";
    let mut out = Vec::new();
    for suite in [
        Suite::EddsaRdfc2022,
        Suite::EddsaJcs2022,
        Suite::Ed25519Signature2020,
    ] {
        let n = suite.name();
        out.push(Case {
            name: format!("{n}: https issuer + its URL#attacker-multikey"),
            bytes: sign_di(suite, HARVARD, &frag_vm),
            confirmable: true,
            publish: |w, p| {
                https_profile(w, p, &format!("{HARVARD}#{}", mk(&attacker())), &attacker())
            },
        });
        out.push(Case {
            name: format!("{n}: https issuer + another path on its host#attacker-multikey"),
            bytes: sign_di(suite, HARVARD, &other_path_vm),
            confirmable: true,
            publish: |w, p| {
                let vm = format!("https://www.harvard.edu/people/mallory#{}", mk(&attacker()));
                https_profile(w, p, &vm, &attacker());
                // Mallory's own page lists the key, and claims Harvard controls it.
                w.json(
                    "https://www.harvard.edu/people/mallory",
                    json!({"id": "https://www.harvard.edu/people/mallory",
                        "verificationMethod": [{"id": vm, "type": "Multikey",
                            "controller": HARVARD, "publicKeyMultibase": mk(&attacker())}],
                        "assertionMethod": [vm]}),
                );
            },
        });
        out.push(Case {
            name: format!(
                "{n}: https issuer + a key document on another host naming it controller"
            ),
            bytes: sign_di(suite, HARVARD, &evil_key),
            confirmable: true,
            publish: |w, p| {
                https_profile(w, p, "https://evil.example/keys/1", &attacker());
                w.json(
                    "https://evil.example/keys/1",
                    json!({"id": "https://evil.example/keys/1", "type": "Multikey",
                        "controller": HARVARD, "publicKeyMultibase": mk(&attacker())}),
                );
            },
        });
        out.push(Case {
            name: format!("{n}: did:web issuer + a foreign did:key"),
            bytes: sign_di(suite, HARVARD_DID, &did_key_vm),
            confirmable: true,
            publish: |w, p| {
                did_web_doc(
                    w,
                    p,
                    &did_key_verification_method(&pk(&attacker())),
                    &attacker(),
                )
            },
        });
        out.push(Case {
            name: format!("{n}: did:web issuer + its DID#attacker-multikey"),
            bytes: sign_di(suite, HARVARD_DID, &did_web_frag_vm),
            confirmable: true,
            publish: |w, p| {
                did_web_doc(
                    w,
                    p,
                    &format!("{HARVARD_DID}#{}", mk(&attacker())),
                    &attacker(),
                )
            },
        });
        out.push(Case {
            name: format!("{n}: urn:uuid issuer named Harvard + an unrelated did:key"),
            bytes: sign_di(suite, urn, &did_key_vm),
            confirmable: false,
            publish: |_, _| {},
        });
    }
    // VC-JWT.
    out.push(Case {
        name: "vc-jwt: https issuer + the attacker's key in the header jwk".into(),
        bytes: sign_jwt(json!({"alg": "EdDSA", "jwk": okp(&a)}), HARVARD, HARVARD),
        confirmable: true,
        publish: |w, p| {
            https_profile(w, p, "unused", &attacker());
            if p == Publishes::TheSigningKey {
                w.json(
                    HARVARD_JWKS,
                    json!({"keys": [okp(&genuine()), okp(&attacker())]}),
                );
            }
        },
    });
    out.push(Case {
        name: "vc-jwt: https issuer + kid to a foreign did:key".into(),
        bytes: sign_jwt(json!({"alg": "EdDSA", "kid": did_key_vm}), HARVARD, HARVARD),
        confirmable: true,
        publish: |w, p| {
            https_profile(
                w,
                p,
                &did_key_verification_method(&pk(&attacker())),
                &attacker(),
            )
        },
    });
    out.push(Case {
        name: "vc-jwt: did:web issuer + kid to a foreign did:key".into(),
        bytes: sign_jwt(
            json!({"alg": "EdDSA", "kid": did_key_vm}),
            HARVARD_DID,
            HARVARD_DID,
        ),
        confirmable: true,
        publish: |w, p| {
            did_web_doc(
                w,
                p,
                &did_key_verification_method(&pk(&attacker())),
                &attacker(),
            )
        },
    });
    out.push(Case {
        name: "vc-jwt: iss is the attacker's did:key, the credential's issuer is Harvard".into(),
        bytes: sign_jwt(
            json!({"alg": "EdDSA", "kid": did_key_vm}),
            HARVARD,
            &did_key_from_ed25519(&pk(&a)),
        ),
        confirmable: false,
        publish: |w, p| {
            https_profile(
                w,
                p,
                &did_key_verification_method(&pk(&attacker())),
                &attacker(),
            )
        },
    });
    out
}

fn verify(bytes: &[u8], f: &dyn Fetcher) -> Report {
    let clock = test_clock();
    verify_bytes(bytes, &VerifyContext::new(&clock, f))
}

fn summary(r: &Report) -> String {
    r.checks
        .iter()
        .map(|c| format!("{}={:?}: {}", c.id, c.outcome, c.detail))
        .collect::<Vec<_>>()
        .join("\n    ")
}

#[test]
fn no_forgery_is_valid_offline_or_against_documents_that_do_not_list_the_key() {
    let web = LocalWeb::start();
    let online = Loopback::new(&web);
    let mut wrong = Vec::new();
    for c in cases() {
        // Offline: never valid; the signature holds, so "issuer not confirmed" unless the
        // token contradicts itself.
        let r = verify(&c.bytes, &OfflineFetcher);
        if r.verdict == Verdict::Valid || r.status == Status::Verified {
            wrong.push(format!(
                "{} offline: {:?}\n    {}",
                c.name,
                r.verdict,
                summary(&r)
            ));
        }
        // A key spelled in the method id checks the signature offline (issuer not confirmed);
        // a key only a document holds cannot even be read (could not check).
        let offline_want = if c.name.contains("key document on another host") {
            Status::CouldNotCheck
        } else {
            Status::IssuerNotConfirmed
        };
        if c.confirmable && r.status != offline_want {
            wrong.push(format!(
                "{} offline: want {offline_want:?}, got {:?}\n    {}",
                c.name,
                r.status,
                summary(&r)
            ));
        }
        // Online, the issuer's documents list only its genuine key: invalid where a document
        // of the issuer could be read, never valid anyway.
        web.clear();
        (c.publish)(&web, Publishes::GenuineOnly);
        let r = verify(&c.bytes, &online);
        let want_invalid = c.confirmable || c.name.contains("iss is");
        if r.verdict == Verdict::Valid || (want_invalid && r.verdict != Verdict::Invalid) {
            wrong.push(format!(
                "{} online, key not listed: {:?}\n    {}",
                c.name,
                r.verdict,
                summary(&r)
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_same_credentials_are_valid_once_the_issuer_lists_the_key() {
    let web = LocalWeb::start();
    let online = Loopback::new(&web);
    let mut wrong = Vec::new();
    for c in cases() {
        web.clear();
        (c.publish)(&web, Publishes::TheSigningKey);
        let r = verify(&c.bytes, &online);
        let ok = if c.confirmable {
            r.verdict == Verdict::Valid
                && r.get(CheckId::IssuerKey).map(|x| x.outcome) == Some(Outcome::Pass)
        } else {
            r.verdict != Verdict::Valid
        };
        if !ok {
            wrong.push(format!("{}: {:?}\n    {}", c.name, r.verdict, summary(&r)));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A key document that redirects to another origin is not the issuer's, even if the
/// document it lands on lists the key.
#[test]
fn a_key_document_redirected_to_another_origin_is_refused() {
    let web = LocalWeb::start();
    let online = Loopback::new(&web);
    let vm = format!("{HARVARD}#{}", mk(&attacker()));
    let bytes = sign_di(Suite::EddsaRdfc2022, HARVARD, &vm);
    web.redirect(HARVARD, "https://evil.example/issuers/registrar");
    web.json(
        "https://evil.example/issuers/registrar",
        json!({"id": HARVARD, "verificationMethod": [{"id": vm, "type": "Multikey",
            "controller": HARVARD, "publicKeyMultibase": mk(&attacker())}],
            "assertionMethod": [vm]}),
    );
    let r = verify(&bytes, &online);
    assert_eq!(r.verdict, Verdict::Invalid, "{}", summary(&r));
    assert!(
        r.get(CheckId::Proof)
            .unwrap()
            .detail
            .contains("another origin"),
        "{}",
        summary(&r)
    );
}

// ---------------------------------------------------------------------------------------
// Open Badges 2.0: hosted scope and signing keys, against the loopback web.

const HARVARD_PROFILE: &str = "https://www.harvard.edu/ob2/issuer.json";
const HARVARD_BADGE: &str = "https://www.harvard.edu/ob2/md.json";

fn ob2_profile(public_key: Option<&str>) -> Value {
    let mut p = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Profile",
        "id": HARVARD_PROFILE, "name": "Harvard University", "url": "https://www.harvard.edu",
        "email": "registrar@harvard.edu"});
    if let Some(k) = public_key {
        p["publicKey"] = json!(k);
    }
    p
}

fn ob2_badge_class(issuer: Value) -> Value {
    json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": HARVARD_BADGE,
        "name": "Doctor of Medicine", "description": "MD", "image": "https://www.harvard.edu/md.png",
        "criteria": "https://www.harvard.edu/md", "issuer": issuer})
}

fn ob2_assertion(id: &str, badge: Value) -> Value {
    json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": id,
        "recipient": {"type": "email", "hashed": false, "identity": "mallory@example.org"},
        "badge": badge, "issuedOn": "2024-01-01T00:00:00Z",
        "verification": {"type": "HostedBadge"}})
}

fn hosted_verdict(web: &LocalWeb, assertion: &Value) -> Report {
    verify(&serde_json::to_vec(assertion).unwrap(), &Loopback::new(web))
}

/// OB 2.0 hosted: the assertion must be served, under its own id, from inside the scope of the
/// issuer profile served at the issuer's own id. Every way around that is invalid.
#[test]
fn ob2_hosted_forgeries_are_invalid() {
    let web = LocalWeb::start();
    let evil_a = "https://evil.example/assertions/1";
    let harvard_a = "https://www.harvard.edu/assertions/1";
    let check = |name: &str, a: &Value, want_check: CheckId| {
        let r = hosted_verdict(&web, a);
        assert_eq!(r.verdict, Verdict::Invalid, "{name}:\n    {}", summary(&r));
        assert_eq!(
            r.get(want_check).map(|c| c.outcome),
            Some(Outcome::Fail),
            "{name}:\n    {}",
            summary(&r)
        );
    };

    // 1. Hosted on the attacker's host, badge class and profile Harvard's: out of scope.
    web.clear();
    web.json(HARVARD_PROFILE, ob2_profile(None));
    web.json(HARVARD_BADGE, ob2_badge_class(json!(HARVARD_PROFILE)));
    let a = ob2_assertion(evil_a, json!(HARVARD_BADGE));
    web.json(evil_a, a.clone());
    check("hosted elsewhere", &a, CheckId::Issuer);

    // 2. An inline issuer profile that widens its own allowedOrigins: never trusted; the
    //    profile served at its id has no such policy.
    let inline = json!({"id": HARVARD_PROFILE, "type": "Profile", "name": "Harvard University",
        "verification": {"allowedOrigins": ["evil.example"]}});
    let a = ob2_assertion(evil_a, ob2_badge_class(inline));
    web.json(evil_a, a.clone());
    check("inline allowedOrigins", &a, CheckId::Issuer);

    // 3. A profile on the attacker's host that calls itself Harvard's and allows itself.
    let fake_profile = "https://evil.example/issuer.json";
    let mut p = ob2_profile(None);
    p["verification"] = json!({"allowedOrigins": ["evil.example"]});
    web.json(fake_profile, p);
    let a = ob2_assertion(evil_a, ob2_badge_class(json!(fake_profile)));
    web.json(evil_a, a.clone());
    check("profile claiming another id", &a, CheckId::Issuer);

    // 4. The assertion claims a Harvard id, but Harvard's URL redirects to the attacker's
    //    copy: the scope is checked where it was really served.
    web.clear();
    web.json(HARVARD_PROFILE, ob2_profile(None));
    web.json(HARVARD_BADGE, ob2_badge_class(json!(HARVARD_PROFILE)));
    let a = ob2_assertion(harvard_a, json!(HARVARD_BADGE));
    web.redirect(harvard_a, evil_a);
    web.json(evil_a, a.clone());
    check("redirected to another host", &a, CheckId::Hosted);

    // The genuine case passes: served at its own id inside Harvard's scope.
    web.clear();
    web.json(HARVARD_PROFILE, ob2_profile(None));
    web.json(HARVARD_BADGE, ob2_badge_class(json!(HARVARD_PROFILE)));
    web.json(harvard_a, a.clone());
    let r = hosted_verdict(&web, &a);
    assert_eq!(r.verdict, Verdict::Valid, "{}", summary(&r));
}

/// OB 2.0 signed: the key is the issuer's only when the profile served at the issuer's id
/// lists that key URL in `publicKey`; a key document's `owner` claim and an inline profile's
/// `publicKey` count for nothing.
#[test]
fn ob2_signed_keys_must_be_listed_by_the_issuers_own_profile() {
    let web = LocalWeb::start();
    let online = Loopback::new(&web);
    let evil_key = "https://evil.example/keys/rsa.json";
    let genuine_key = "https://www.harvard.edu/keys/rsa.json";
    let key_doc = |id: &str| {
        json!({"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": id,
            "owner": HARVARD_PROFILE, "publicKeyPem": crate::verify::RSA_PUBLIC})
    };
    let signed = |badge: Value| {
        let mut a = ob2_assertion("urn:uuid:8d7c6b5a-1234-4cde-9f01-23456789abcd", badge);
        a["verification"] = json!({"type": "SignedBadge", "creator": evil_key});
        crate::verify::rs256(&json!({"alg": "RS256"}), &a).into_bytes()
    };
    web.json(evil_key, key_doc(evil_key));
    web.json(HARVARD_BADGE, ob2_badge_class(json!(HARVARD_PROFILE)));

    // Harvard lists only its genuine key: the attacker's key document claiming Harvard as
    // owner is not the issuer's key.
    web.json(HARVARD_PROFILE, ob2_profile(Some(genuine_key)));
    let r = verify(&signed(json!(HARVARD_BADGE)), &online);
    assert_eq!(
        r.get(CheckId::Proof).unwrap().outcome,
        Outcome::Pass,
        "{}",
        summary(&r)
    );
    assert_eq!(r.verdict, Verdict::Invalid, "{}", summary(&r));
    assert_eq!(r.get(CheckId::IssuerKey).unwrap().outcome, Outcome::Fail);

    // An inline badge class whose inline issuer lists the attacker's key: ignored.
    let inline = ob2_badge_class(json!({"id": HARVARD_PROFILE, "type": "Profile",
        "name": "Harvard University", "publicKey": evil_key}));
    let r = verify(&signed(inline), &online);
    assert_eq!(r.verdict, Verdict::Invalid, "{}", summary(&r));

    // Offline: the key cannot even be read — never valid.
    let r = verify(&signed(json!(HARVARD_BADGE)), &OfflineFetcher);
    assert_ne!(r.verdict, Verdict::Valid);

    // Harvard really lists that key URL: valid.
    web.json(HARVARD_PROFILE, ob2_profile(Some(evil_key)));
    let r = verify(&signed(json!(HARVARD_BADGE)), &online);
    assert_eq!(r.verdict, Verdict::Valid, "{}", summary(&r));
}

/// A status list signed by someone other than the credential's issuer cannot un-revoke it:
/// the status is "could not check", never "not revoked".
#[test]
fn a_status_list_from_anyone_else_is_not_trusted() {
    use backpack_core::verify::data_integrity::sign_eddsa_rdfc_2022;
    use flate2::{Compression, write::GzEncoder};
    let web = LocalWeb::start();
    let online = Loopback::new(&web);
    let issuer_key = SigningKey::from_bytes(&[0x31; 32]);
    let issuer = did_key_from_ed25519(&pk(&issuer_key));
    let list_url = "https://status.example/lists/1";
    let mut c = credential(&issuer);
    c["credentialStatus"] = json!({"id": format!("{list_url}#5"), "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation", "statusListIndex": "5", "statusListCredential": list_url});
    let cred = sign_eddsa_rdfc_2022(
        &c,
        &issuer_key,
        &did_key_verification_method(&pk(&issuer_key)),
        &ProofOptions::new("assertionMethod"),
    )
    .unwrap();
    let list = |signer: &SigningKey, revoked: bool| {
        let mut bits = vec![0u8; 16_384];
        if revoked {
            bits[0] = 0b0000_0100; // index 5
        }
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(&bits).unwrap();
        let encoded = format!("u{}", URL_SAFE_NO_PAD.encode(e.finish().unwrap()));
        let list_issuer = did_key_from_ed25519(&pk(signer));
        let l = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "id": list_url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": list_issuer, "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {"id": format!("{list_url}#list"), "type": "BitstringStatusList",
                "statusPurpose": "revocation", "encodedList": encoded}});
        sign_eddsa_rdfc_2022(
            &l,
            signer,
            &did_key_verification_method(&pk(signer)),
            &ProofOptions::new("assertionMethod"),
        )
        .unwrap()
    };
    let bytes = serde_json::to_vec(&cred).unwrap();
    // The issuer's own list says revoked.
    web.json(list_url, list(&issuer_key, true));
    let r = verify(&bytes, &online);
    assert_eq!(r.status, Status::Revoked, "{}", summary(&r));
    // Someone else serves a "not revoked" list at that URL, signed with their own key.
    web.json(list_url, list(&attacker(), false));
    let r = verify(&bytes, &online);
    assert_eq!(
        r.get(CheckId::Status).unwrap().outcome,
        Outcome::Error,
        "{}",
        summary(&r)
    );
    assert!(
        r.get(CheckId::Status)
            .unwrap()
            .detail
            .contains("not by the credential's issuer"),
        "{}",
        summary(&r)
    );
    assert_eq!(r.verdict, Verdict::Indeterminate);
}
