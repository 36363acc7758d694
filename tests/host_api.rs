//! The Open Badges 3.0 API client (`backpack_core::host_api`) against the mock host
//! (`mock-host/`, on 127.0.0.1): connect end to end with the "browser" step driven by the test,
//! 250 did:key-signed credentials (embedded proof and VC-JWT, generated here) paged and
//! verified offline, token expiry and refresh, pagination edges, hostile answers, consent and
//! minor mode.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use backpack_core::env::{Clock, FixedClock, OfflineFetcher};
use backpack_core::host_api::http::ApiHttp;
use backpack_core::host_api::{
    self, Browser, ClientMetadata, Consent, HostEnv, HostError, Login, LoopbackRedirect,
    MemoryTokenStore, SyncOptions, SyncReport, TokenStore,
};
use backpack_core::import::FileResult;
use backpack_core::store::{Query, Wallet, keys};
use backpack_core::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};
use backpack_core::verify::keys::{did_key_from_ed25519, did_key_verification_method};
use backpack_core::verify::{Status, VerifyContext};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signer, SigningKey};
use mock_host::{Behaviour, Cred, Endpoint, Garbage, MockHost, Paging};
use serde_json::{Value, json};

use crate::util::test_clock;

// ------------------------------------------------------------------------------------------
// Credentials, signed here with a did:key so they verify offline.

fn issuer_key() -> SigningKey {
    SigningKey::from_bytes(&[0x42; 32])
}

fn unsigned(i: usize) -> Value {
    let pk = issuer_key().verifying_key().to_bytes();
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": format!("urn:uuid:6a1c0d5e-0000-4000-8000-{i:012}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": did_key_from_ed25519(&pk), "type": ["Profile"], "name": "Mock University"},
        "validFrom": format!("2026-01-{:02}T00:00:00Z", 1 + i % 28),
        "name": format!("Badge {i}"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": format!("https://mock.example/achievements/{i}"),
                "type": ["Achievement"],
                "name": format!("Badge {i}"),
                "description": "Awarded by the mock host.",
                "criteria": {"narrative": "Do the thing."}
            }
        }
    })
}

fn signed_json(i: usize) -> Vec<u8> {
    let pk = issuer_key().verifying_key().to_bytes();
    let mut o = ProofOptions::new("assertionMethod");
    o.created = Some("2026-01-01T00:00:00Z".into());
    let doc = sign_eddsa_rdfc_2022(
        &unsigned(i),
        &issuer_key(),
        &did_key_verification_method(&pk),
        &o,
    )
    .unwrap();
    serde_json::to_vec(&doc).unwrap()
}

fn b64(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
}

fn signed_jwt(i: usize) -> String {
    let pk = issuer_key().verifying_key().to_bytes();
    let mut p = unsigned(i);
    p["iss"] = p["issuer"]["id"].clone();
    p["jti"] = p["id"].clone();
    // nbf must say what validFrom says (VC-JWT claims mapping).
    let from = DateTime::parse_from_rfc3339(p["validFrom"].as_str().unwrap()).unwrap();
    p["nbf"] = json!(from.timestamp());
    let header = json!({"alg": "EdDSA", "typ": "vc+jwt", "kid": did_key_verification_method(&pk)});
    let input = format!("{}.{}", b64(&header), b64(&p));
    let sig = issuer_key().sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes()))
}

/// 250 credentials, every third one a VC-JWT, generated once for all tests.
fn signed_250() -> &'static Vec<Cred> {
    static C: OnceLock<Vec<Cred>> = OnceLock::new();
    C.get_or_init(|| {
        (0..250)
            .map(|i| {
                let issued = format!("2026-01-01T00:{:02}:{:02}Z", i / 60, i % 60);
                if i % 3 == 2 {
                    Cred::Jws {
                        jws: signed_jwt(i),
                        issued,
                    }
                } else {
                    Cred::Json {
                        bytes: signed_json(i),
                        issued,
                    }
                }
            })
            .collect()
    })
}

/// Unsigned credentials (they import with an "invalid" verdict): for paging tests, where
/// signing would only cost time.
fn plain(n: usize) -> Vec<Cred> {
    (0..n)
        .map(|i| Cred::Json {
            bytes: serde_json::to_vec(&unsigned(1000 + i)).unwrap(),
            issued: "2026-02-01T00:00:00Z".into(),
        })
        .collect()
}

// ------------------------------------------------------------------------------------------
// The host side: browser, clock, environment.

/// The learner's browser: opens the authorization URL and follows the redirect to Backpack's
/// loopback listener, on its own thread (as a real browser would, while the core waits).
#[derive(Default)]
struct TestBrowser {
    opened: Mutex<Vec<String>>,
    /// Do nothing (the learner never signs in).
    idle: bool,
}

impl Browser for TestBrowser {
    fn open(&self, url: &str) {
        self.opened.lock().unwrap().push(url.to_string());
        if self.idle {
            return;
        }
        let url = url.to_string();
        std::thread::spawn(move || {
            let _ = mock_host::approve_in_browser(&url);
        });
    }
}

/// A clock the test can move forward.
struct MovingClock {
    base: DateTime<Utc>,
    plus_secs: AtomicI64,
}

impl MovingClock {
    fn new() -> MovingClock {
        MovingClock {
            base: test_clock().now(),
            plus_secs: AtomicI64::new(0),
        }
    }
    fn advance(&self, secs: i64) {
        self.plus_secs.fetch_add(secs, Ordering::SeqCst);
    }
}

impl Clock for MovingClock {
    fn now(&self) -> DateTime<Utc> {
        self.base + chrono::Duration::seconds(self.plus_secs.load(Ordering::SeqCst))
    }
}

struct World {
    mock: MockHost,
    wallet: Wallet,
    tokens: MemoryTokenStore,
    http: ApiHttp,
    clock: Arc<MovingClock>,
    browser: TestBrowser,
    consent_network: bool,
}

impl World {
    fn new(b: Behaviour) -> World {
        World {
            mock: MockHost::start(b),
            wallet: Wallet::open_in_memory().unwrap(),
            tokens: MemoryTokenStore::new(),
            http: ApiHttp::new(false)
                .insecure_loopback(true)
                .with_deadline(Duration::from_secs(20)),
            clock: Arc::new(MovingClock::new()),
            browser: TestBrowser::default(),
            consent_network: true,
        }
    }

    fn env(&self) -> HostEnv<'_> {
        HostEnv {
            wallet: &self.wallet,
            http: &self.http,
            tokens: &self.tokens,
            clock: self.clock.as_ref(),
            consent: Consent {
                allow_network: self.consent_network,
                guardian: None,
            },
            insecure_loopback: true,
            client: ClientMetadata::default(),
        }
    }

    fn host_label(&self) -> String {
        format!("127.0.0.1:{}", self.mock.port())
    }

    fn connect(&self) -> Result<host_api::Connected, HostError> {
        let redirect = LoopbackRedirect::bind().unwrap();
        let login = Login {
            browser: &self.browser,
            redirect: &redirect,
            timeout: Duration::from_secs(20),
            cancel: None,
        };
        host_api::connect(&self.env(), &self.mock.base(), &login)
    }

    fn sync_with(&self, opts: SyncOptions) -> Result<SyncReport, HostError> {
        let clock = FixedClock(test_clock().now());
        let vctx = VerifyContext::new(&clock, &OfflineFetcher);
        host_api::sync(
            &self.env(),
            &self.mock.base(),
            &opts,
            None,
            &vctx,
            &mut |_, _| {},
        )
    }

    fn sync(&self) -> Result<SyncReport, HostError> {
        self.sync_with(SyncOptions::default())
    }

    fn badges(&self) -> u64 {
        self.wallet.count_badges(&Query::default()).unwrap()
    }

    fn credential_requests(&self) -> Vec<String> {
        self.mock
            .requests()
            .into_iter()
            .filter(|r| r.contains("/credentials"))
            .collect()
    }
}

fn imported(r: &SyncReport) -> usize {
    r.outcomes
        .iter()
        .filter(|o| matches!(o.result, FileResult::Imported { .. }))
        .count()
}

// ------------------------------------------------------------------------------------------

#[test]
fn connect_and_sync_250_signed_credentials_then_nothing_new() {
    let w = World::new(Behaviour {
        credentials: signed_250().clone(),
        ..Behaviour::default()
    });
    let c = w.connect().unwrap();
    // Discovery → registration → authorize (in the "browser") → token → profile.
    let reqs = w.mock.requests();
    let paths: Vec<&str> = reqs.iter().map(|r| r.split('?').next().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "GET /ims/ob/v3p0/discovery",
            "POST /register",
            "GET /authorize",
            "POST /token",
            "GET /ims/ob/v3p0/profile"
        ]
    );
    let reg = &w.mock.registrations()[0];
    let port = url::Url::parse(reg["redirect_uris"][0].as_str().unwrap()).unwrap();
    assert_eq!(
        port.host_str(),
        Some("127.0.0.1"),
        "RFC 8252 loopback IP literal"
    );
    assert_eq!(port.path(), "/callback");
    assert_ne!(port.port(), Some(w.mock.port()));
    assert_eq!(reg["token_endpoint_auth_method"], "client_secret_basic");
    assert_eq!(
        reg["scope"],
        "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly"
    );
    let opened = w.browser.opened.lock().unwrap().clone();
    assert_eq!(opened.len(), 1);
    assert!(
        opened[0].contains("code_challenge_method=S256"),
        "{}",
        opened[0]
    );
    assert!(reqs[2].contains("state="), "{}", reqs[2]);
    assert_eq!(c.host.name, "Mock Badge Host");
    assert_eq!(c.host.profile_name.as_deref(), Some("Ada Learner"));
    assert!(c.tolerated.is_empty(), "{:?}", c.tolerated);
    assert_eq!(c.secrets_in, "memory (this session only)");
    assert_eq!(w.mock.token_grants(), ["authorization_code"]);

    // Sync: 5 pages of 50, every credential verified offline and imported.
    let r = w.sync().unwrap();
    assert_eq!(r.pages, 5);
    assert!(r.complete);
    assert_eq!(r.notes, Vec::<String>::new());
    assert_eq!(r.outcomes.len(), 250);
    assert_eq!(imported(&r), 250);
    for (i, o) in r.outcomes.iter().enumerate() {
        assert_eq!(o.source, format!("{} credential {}", w.host_label(), i + 1));
        assert_eq!(
            o.status,
            Some(Status::Verified),
            "{}: {:?}",
            o.source,
            o.result
        );
    }
    assert_eq!(w.badges(), 250);
    // Each page lists its `credential` array, then its `compactJwsString` array: on the first
    // page (credentials 0..50) that is 34 embedded-proof credentials, then 16 VC-JWTs, the
    // first of which is credential 2. Its original is the exact JWS the host sent.
    let Cred::Jws { jws, .. } = &signed_250()[2] else {
        panic!()
    };
    let FileResult::Imported { id, name, .. } = &r.outcomes[34].result else {
        panic!("{:?}", r.outcomes[34])
    };
    assert_eq!(name, "Badge 2");
    assert_eq!(w.wallet.original(*id).unwrap(), jws.as_bytes());
    let Cred::Json { bytes, .. } = &signed_250()[0] else {
        panic!()
    };
    let FileResult::Imported { id, .. } = &r.outcomes[0].result else {
        panic!()
    };
    assert_eq!(
        &w.wallet.original(*id).unwrap(),
        bytes,
        "byte-exact original"
    );
    let pages: Vec<String> = w.credential_requests();
    assert_eq!(
        pages,
        (0..5)
            .map(|p| format!("GET /ims/ob/v3p0/credentials?limit=50&offset={}", p * 50))
            .collect::<Vec<_>>()
    );

    // Second sync: the host lists the same 250, none is imported or verified again.
    let r2 = w.sync().unwrap();
    assert_eq!(r2.outcomes.len(), 0);
    assert_eq!(r2.already_synced, 250);
    assert_eq!(w.badges(), 250);
    assert_eq!(
        r2.host.last_sync_summary.as_deref(),
        Some("0 new, 250 already in your wallet, 0 refused")
    );

    // A quick sync sends `since` (the start of the last sync); the host then sends nothing.
    w.mock.clear_requests();
    let r3 = w
        .sync_with(SyncOptions {
            since_last_sync: true,
        })
        .unwrap();
    assert_eq!((r3.outcomes.len(), r3.already_synced), (0, 0));
    assert_eq!(
        w.credential_requests(),
        ["GET /ims/ob/v3p0/credentials?limit=50&offset=0&since=2026-05-04T12%3A00%3A00Z"]
    );
}

#[test]
fn the_spec_examples_spelling_compact_jws_strings_is_read_too() {
    let creds: Vec<Cred> = signed_250()
        .iter()
        .filter(|c| matches!(c, Cred::Jws { .. }))
        .take(3)
        .cloned()
        .collect();
    let w = World::new(Behaviour {
        credentials: creds,
        plural_jws_field: true,
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!(imported(&r), 3);
    assert!(
        r.outcomes
            .iter()
            .all(|o| o.status == Some(Status::Verified))
    );
}

#[test]
fn an_expired_token_is_refreshed_and_the_request_retried_once() {
    let w = World::new(Behaviour {
        credentials: plain(3),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    // The host says 401 to the old token: refresh, then the same page again.
    w.mock.expire_access_tokens();
    w.mock.clear_requests();
    let r = w.sync().unwrap();
    assert_eq!(r.outcomes.len(), 3);
    assert_eq!(
        w.mock.token_grants(),
        ["authorization_code", "refresh_token"]
    );
    let reqs: Vec<String> = w
        .mock
        .requests()
        .into_iter()
        .map(|r| r.split('?').next().unwrap().to_string())
        .collect();
    assert_eq!(
        reqs,
        [
            "GET /ims/ob/v3p0/credentials",
            "POST /token",
            "GET /ims/ob/v3p0/credentials",
            "GET /ims/ob/v3p0/profile"
        ]
    );
    // Time passes beyond expires_in: refreshed before the request, no 401 needed.
    w.clock.advance(3600);
    w.mock.clear_requests();
    w.sync().unwrap();
    assert_eq!(
        w.mock.token_grants(),
        ["authorization_code", "refresh_token", "refresh_token"]
    );
    assert!(w.mock.requests()[0].starts_with("POST /token"));

    // The refresh token is revoked too: without a browser, "sign in again".
    w.mock.expire_access_tokens();
    w.mock.revoke_refresh_tokens();
    let e = w.sync().unwrap_err();
    assert!(matches!(e, HostError::NeedsLogin { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: the host refused the refresh token (answered 400: invalid_grant: unknown refresh token): sign in again (backpack connect {})",
            w.host_label(),
            w.mock.base()
        )
    );
}

#[test]
fn a_host_that_keeps_refusing_fresh_tokens_is_not_retried_forever() {
    let w = World::new(Behaviour {
        credentials: plain(3),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    w.mock
        .behave(|b| b.fail = Some((Endpoint::Credentials, 401)));
    w.mock.clear_requests();
    let e = w.sync().unwrap_err();
    assert!(matches!(e, HostError::NeedsLogin { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("getCredentials (offset 0): the host refused a fresh access token"),
        "{e}"
    );
    // One request, one refresh, one retry: then stop.
    assert_eq!(w.credential_requests().len(), 2);
    assert_eq!(w.badges(), 0);
}

#[test]
fn hostile_pages_are_refused_with_one_line_and_nothing_is_written() {
    let label_of = |w: &World| w.host_label();
    let cases: [(Garbage, &str); 6] = [
        (Garbage::Html, "an html page, not json"),
        (Garbage::Truncated, "truncated json"),
        (
            Garbage::Huge(100 * 1024 * 1024),
            "response larger than the 33554432-byte limit",
        ),
        (
            Garbage::HugeUnannounced(100 * 1024 * 1024),
            "response larger than the 33554432-byte limit",
        ),
        (
            Garbage::WideBomb,
            "more than 10000 items in one page (MAX_ITEMS_PER_PAGE)",
        ),
        (Garbage::WrongShape, "not a GetOpenBadgeCredentialsResponse"),
    ];
    for (g, expect) in cases {
        // The second page is the hostile one: the first page's 50 credentials are not kept.
        let w = World::new(Behaviour {
            credentials: plain(120),
            garbage: Some((Endpoint::Credentials, g)),
            garbage_from_offset: 50,
            ..Behaviour::default()
        });
        w.connect().unwrap();
        let e = w.sync().unwrap_err().to_string();
        let head = format!("{}: getCredentials (offset 50): ", label_of(&w));
        assert!(e.starts_with(&head), "{g:?}: {e}");
        assert!(e.contains(expect), "{g:?}: {e}");
        assert!(!e.contains('\n'), "{g:?}: one line: {e}");
        assert_eq!(w.badges(), 0, "{g:?}: nothing written");
        assert_eq!(w.wallet.hosts().unwrap()[0].last_sync_at, None, "{g:?}");
    }
}

#[test]
fn a_host_dripping_its_answer_is_stopped_at_the_total_deadline() {
    let mut w = World::new(Behaviour {
        credentials: plain(2),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    w.mock
        .behave(|b| b.garbage = Some((Endpoint::Credentials, Garbage::Drip)));
    w.http = ApiHttp::new(false)
        .insecure_loopback(true)
        .with_deadline(Duration::from_millis(1500));
    let started = std::time::Instant::now();
    let e = w.sync().unwrap_err().to_string();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        e,
        format!(
            "{h}: getCredentials (offset 0): http://{h}/ims/ob/v3p0/credentials?limit=50&offset=0: no complete response within 1500 ms (a total deadline for connect, headers and body); stopped",
            h = w.host_label()
        )
    );
    assert_eq!(w.badges(), 0);
}

#[test]
fn a_json_bomb_inside_a_credential_is_refused_on_its_own_line() {
    let w = World::new(Behaviour {
        garbage: Some((Endpoint::Credentials, Garbage::DeepBomb)),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!(r.outcomes.len(), 1);
    assert_eq!(
        r.outcomes[0].result,
        FileResult::Refused {
            reason: format!(
                "{} credential 1: json nests deeper than 128 levels (MAX_JSON_DEPTH)",
                w.host_label()
            )
            .into()
        }
    );
}

#[test]
fn bad_items_in_a_good_page_get_their_own_line_and_the_rest_imports() {
    let mut creds = plain(2);
    creds.insert(
        1,
        Cred::Json {
            bytes: br#"{"hello": "not a badge"}"#.to_vec(),
            issued: "2026-02-01T00:00:00Z".into(),
        },
    );
    creds.push(Cred::Jws {
        jws: "not.a jws".into(),
        issued: "2026-02-01T00:00:00Z".into(),
    });
    let w = World::new(Behaviour {
        credentials: creds,
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    let lines: Vec<String> = r
        .outcomes
        .iter()
        .map(|o| match &o.result {
            FileResult::Refused { reason } => format!("refused {reason}"),
            FileResult::Imported { name, .. } => format!("imported {} {name}", o.source),
            other => format!("{other:?}"),
        })
        .collect();
    let h = w.host_label();
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert_eq!(lines[0], format!("imported {h} credential 1 Badge 1000"));
    assert!(
        lines[1].starts_with(&format!("refused {h} credential 2: ")),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], format!("imported {h} credential 3 Badge 1001"));
    assert_eq!(
        lines[3],
        format!(
            "refused {h} credential 4: not a compact jws (header.payload.signature in base64url): \"not.a jws\""
        )
    );
    // A refused credential is not remembered: the next sync says so again.
    let r2 = w.sync().unwrap();
    assert_eq!((r2.outcomes.len(), r2.already_synced), (2, 2));
}

#[test]
fn pagination_edges_stop_with_a_line_and_keep_what_is_good() {
    let h = |w: &World| w.host_label();
    // An empty page while the host claims more.
    let w = World::new(Behaviour {
        credentials: plain(120),
        paging: Paging::EmptyAt(50),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!(imported(&r), 50);
    assert!(!r.complete);
    assert_eq!(
        r.notes,
        [
            "the page at offset 50 is empty although the host says there is more (X-Total-Count 120): stopped paging"
        ]
    );
    // An incomplete sync does not count as the last sync (the next one reads everything).
    assert_eq!(r.host.last_sync_at, None);

    // A Link loop: next points back to the first page.
    let w = World::new(Behaviour {
        credentials: plain(120),
        paging: Paging::LinkLoop,
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!(imported(&r), 50);
    assert_eq!(r.pages, 1);
    assert!(
        r.notes[0].starts_with("the next page link points back to a page already read"),
        "{:?}",
        r.notes
    );

    // X-Total-Count lies high: Link is followed to the last page, then offsets are computed
    // while the count says there is more, until a page comes back empty.
    let w = World::new(Behaviour {
        credentials: plain(120),
        paging: Paging::TotalCountLie(1000),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!((imported(&r), r.pages), (120, 4));
    assert_eq!(
        r.notes,
        [
            "the page at offset 120 is empty although the host says there is more (X-Total-Count 1000): stopped paging"
        ]
    );

    // X-Total-Count lies low while Link says next: Link wins, the lie is noted.
    let w = World::new(Behaviour {
        credentials: plain(120),
        paging: Paging::TotalCountLie(3),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!(imported(&r), 120);
    assert_eq!(
        r.notes,
        ["the host says X-Total-Count 3 but sent 120 distinct credential(s)"]
    );

    // No paging headers at all: ask on while pages come back full.
    let w = World::new(Behaviour {
        credentials: plain(120),
        paging: Paging::NoHeaders,
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!((imported(&r), r.pages, r.complete), (120, 3, true));

    // A host that ignores offset (the same full page every time, no headers).
    let w = World::new(Behaviour {
        credentials: plain(120),
        paging: Paging::IgnoreOffset,
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!((imported(&r), r.pages, r.complete), (50, 2, false));
    assert_eq!(
        r.notes,
        ["the page at offset 50 only repeats credentials already read: stopped paging"]
    );

    // next on another origin: never followed (the token would go there).
    let w = World::new(Behaviour {
        credentials: plain(120),
        paging: Paging::ForeignNext,
        ..Behaviour::default()
    });
    w.connect().unwrap();
    let r = w.sync().unwrap();
    assert_eq!(imported(&r), 50);
    assert_eq!(
        r.notes,
        [format!(
            "the next page link points to another site (http://evil.example): not followed, the access token is only sent to http://{}",
            h(&w)
        )]
    );
    assert!(w.mock.requests().iter().all(|r| !r.contains("evil")));
}

#[test]
fn host_errors_are_one_line_with_the_imsx_description() {
    let w = World::new(Behaviour {
        credentials: plain(3),
        ..Behaviour::default()
    });
    w.connect().unwrap();
    w.mock
        .behave(|b| b.fail = Some((Endpoint::Credentials, 500)));
    let e = w.sync().unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "{}: getCredentials (offset 0): answered 500: failure (error): The mock host was told to fail",
            w.host_label()
        )
    );
    // A profile that fails does not stop a sync: it is a note.
    w.mock.behave(|b| b.fail = Some((Endpoint::Profile, 403)));
    let r = w.sync().unwrap();
    assert_eq!(imported(&r), 3);
    assert_eq!(r.notes.len(), 1);
    assert!(
        r.notes[0].starts_with("getProfile: answered 403"),
        "{:?}",
        r.notes
    );
}

#[test]
fn connect_refusals_name_the_host_and_the_step() {
    let label = |w: &World| w.host_label();
    // Registration refused.
    let w = World::new(Behaviour {
        fail: Some((Endpoint::Register, 400)),
        ..Behaviour::default()
    });
    assert_eq!(
        w.connect().unwrap_err().to_string(),
        format!(
            "{}: registration: answered 400: invalid_request: the mock host was told to fail",
            label(&w)
        )
    );
    assert!(w.wallet.hosts().unwrap().is_empty());
    assert!(w.tokens.is_empty());
    // Discovery garbage.
    let w = World::new(Behaviour {
        garbage: Some((Endpoint::Discovery, Garbage::Html)),
        ..Behaviour::default()
    });
    assert_eq!(
        w.connect().unwrap_err().to_string(),
        format!("{}: discovery: refused: an html page, not json", label(&w))
    );
    // The spec's own openapi.json (1EdTech openbadges-specification gh-pages @a4e4e70,
    // docs/openapi/openapi.json: its `info` and `securitySchemes`, verbatim) served as the
    // SDD: no registration URL, so Backpack cannot register.
    let w = World::new(Behaviour::default());
    let published = json!({
        "openapi": "3.0.1",
        "info": {"title": "OpenAPI schema for Open Badges", "description": "Open Badges Data Model 3.0",
            "termsOfService": "https://www.imsglobal.org/license.html", "version": "3.0"},
        "servers": [{"url": "https://example.org/ims/ob/v3p0"}],
        "components": {"securitySchemes": {"OAuth2ACG": {"type": "oauth2", "flows": {"authorizationCode": {
            "authorizationUrl": "provider.example.com/auth",
            "tokenUrl": "provider.example.com/token",
            "refreshUrl": "provider.example.com/refresh",
            "scopes": {"https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly": "Permission to read AchievementCredentials for the authenticated entity."}}}}}}
    });
    w.mock
        .behave(|b| b.sdd = Some(serde_json::to_vec(&published).unwrap()));
    let e = w.connect().unwrap_err().to_string();
    assert!(
        e.contains("names no components.securitySchemes.OAuth2ACG.x-imssf-registrationUrl"),
        "{e}"
    );
    assert_eq!(w.mock.requests().len(), 1, "nothing after discovery");
    // A token endpoint answering garbage.
    let w = World::new(Behaviour {
        garbage: Some((Endpoint::Token, Garbage::Truncated)),
        ..Behaviour::default()
    });
    let e = w.connect().unwrap_err().to_string();
    assert!(
        e.starts_with(&format!(
            "{}: token: refused: truncated json (it ends at byte ",
            label(&w)
        )),
        "{e}"
    );
    assert!(w.wallet.hosts().unwrap().is_empty());
}

#[test]
fn sign_in_denied_wrong_state_and_timeout() {
    let w = World::new(Behaviour {
        deny: true,
        ..Behaviour::default()
    });
    assert_eq!(
        w.connect().unwrap_err().to_string(),
        format!(
            "{}: sign-in: the host did not sign you in: access_denied",
            w.host_label()
        )
    );
    let w = World::new(Behaviour {
        wrong_state: true,
        ..Behaviour::default()
    });
    let e = w.connect().unwrap_err().to_string();
    assert!(e.contains("different state than Backpack sent"), "{e}");
    // The code was never exchanged.
    assert!(w.mock.token_grants().is_empty());

    let mut w = World::new(Behaviour::default());
    w.browser.idle = true;
    let redirect = LoopbackRedirect::bind().unwrap();
    let login = Login {
        browser: &w.browser,
        redirect: &redirect,
        timeout: Duration::from_millis(300),
        cancel: None,
    };
    let e = host_api::connect(&w.env(), &w.mock.base(), &login).unwrap_err();
    assert!(
        e.to_string().contains("no answer from the sign-in page"),
        "{e}"
    );
    w.consent_network = false;
    assert!(w.wallet.hosts().unwrap().is_empty());
}

#[test]
fn without_consent_or_in_minor_mode_nothing_is_sent() {
    let mut w = World::new(Behaviour {
        credentials: plain(2),
        ..Behaviour::default()
    });
    w.consent_network = false;
    assert!(matches!(w.connect(), Err(HostError::NoConsent)));
    assert_eq!(w.mock.requests(), Vec::<String>::new());
    // The wallet's network setting is consent.
    w.wallet
        .set_setting_bool(keys::NETWORK_ALLOWED, true)
        .unwrap();
    w.connect().unwrap();
    // Minor mode blocks connect and sync before anything is sent.
    backpack_core::minor_mode::MinorMode::enable(&w.wallet, "guardian words").unwrap();
    w.mock.clear_requests();
    assert!(matches!(w.sync(), Err(HostError::MinorMode)));
    assert!(matches!(w.connect(), Err(HostError::MinorMode)));
    assert_eq!(w.mock.requests(), Vec::<String>::new());
    assert_eq!(w.badges(), 0);
}

#[test]
fn plain_http_needs_the_explicit_test_flag_and_nothing_is_sent() {
    let w = World::new(Behaviour::default());
    let redirect = LoopbackRedirect::bind().unwrap();
    let login = Login {
        browser: &w.browser,
        redirect: &redirect,
        timeout: Duration::from_secs(5),
        cancel: None,
    };
    let mut env = w.env();
    env.insecure_loopback = false;
    let e = host_api::connect(&env, &w.mock.base(), &login).unwrap_err();
    assert!(e.to_string().contains("must use https"), "{e}");
    assert_eq!(w.mock.requests(), Vec::<String>::new());
}

#[test]
fn secrets_stay_out_of_the_wallet_and_remove_forgets_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    let mut w = World::new(Behaviour {
        credentials: plain(1),
        ..Behaviour::default()
    });
    w.wallet = Wallet::open(&path).unwrap();
    let c = w.connect().unwrap();
    w.sync().unwrap();
    w.wallet.checkpoint().unwrap();
    let secrets = w.tokens.load(&c.host.secret_ref).unwrap().unwrap();
    let file = std::fs::read(&path).unwrap();
    for s in [
        secrets.access_token.as_str(),
        secrets.client_secret.as_str(),
        secrets.refresh_token.as_ref().unwrap().as_str(),
    ] {
        assert!(s.len() > 8);
        assert!(
            !file.windows(s.len()).any(|x| x == s.as_bytes()),
            "a secret is in the wallet file"
        );
    }
    let gone = host_api::remove(&w.wallet, &w.tokens, &c.host.id.to_string()).unwrap();
    assert_eq!(gone.base_url, w.mock.base());
    assert!(w.tokens.is_empty());
    assert!(w.wallet.hosts().unwrap().is_empty());
    assert_eq!(w.badges(), 1, "the badges a host brought stay");
    assert!(matches!(
        host_api::sync(
            &w.env(),
            &w.mock.base(),
            &SyncOptions::default(),
            None,
            &VerifyContext::new(&test_clock(), &OfflineFetcher),
            &mut |_, _| {}
        ),
        Err(HostError::UnknownHost(_))
    ));
}

#[test]
fn lost_tokens_sign_in_again_in_the_browser_when_allowed() {
    let w = World::new(Behaviour {
        credentials: plain(2),
        ..Behaviour::default()
    });
    let c = w.connect().unwrap();
    // A new process without a credential store: the memory store is empty.
    w.tokens.delete(&c.host.secret_ref).unwrap();
    let e = w.sync().unwrap_err();
    assert!(
        e.to_string()
            .contains("Backpack holds no sign-in for this host in memory (this session only)"),
        "{e}"
    );
    let redirect = LoopbackRedirect::bind().unwrap();
    let login = Login {
        browser: &w.browser,
        redirect: &redirect,
        timeout: Duration::from_secs(20),
        cancel: None,
    };
    let clock = test_clock();
    let r = host_api::sync(
        &w.env(),
        &w.mock.base(),
        &SyncOptions::default(),
        Some(&login),
        &VerifyContext::new(&clock, &OfflineFetcher),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(imported(&r), 2);
    assert_eq!(
        w.wallet.hosts().unwrap().len(),
        1,
        "same host, not a second one"
    );
}

/// The real OS credential store holds a host's secrets and the wallet file never sees them.
/// Runs only where one is reachable and the run asks for it (`BACKPACK_TEST_SECRET_SERVICE=1`),
/// so a developer's own keyring is never written by the default suite. On Debian, with a
/// throw-away keyring:
///
/// ```sh
/// T=$(mktemp -d); XDG_DATA_HOME=$T XDG_RUNTIME_DIR=$T dbus-run-session -- sh -c \
///   'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
///    BACKPACK_TEST_SECRET_SERVICE=1 cargo nextest run -p backpack-core -E "test(secret_service)"'
/// ```
#[test]
fn secret_service_keeps_host_tokens() {
    if std::env::var("BACKPACK_TEST_SECRET_SERVICE").as_deref() != Ok("1") {
        eprintln!("skipped: set BACKPACK_TEST_SECRET_SERVICE=1 with a Secret Service running");
        return;
    }
    let store = host_api::KeyringTokenStore::with_service("org.backpack.host-tokens.test");
    store.available().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    let w = World {
        wallet: Wallet::open(&path).unwrap(),
        ..World::new(Behaviour {
            credentials: plain(2),
            ..Behaviour::default()
        })
    };
    let redirect = LoopbackRedirect::bind().unwrap();
    let login = Login {
        browser: &w.browser,
        redirect: &redirect,
        timeout: Duration::from_secs(20),
        cancel: None,
    };
    let mut env = w.env();
    env.tokens = &store;
    let c = host_api::connect(&env, &w.mock.base(), &login).unwrap();
    assert_eq!(c.secrets_in, "the system credential store");
    assert!(c.secrets_persist);
    let clock = test_clock();
    let vctx = VerifyContext::new(&clock, &OfflineFetcher);
    let r = host_api::sync(
        &env,
        "1",
        &SyncOptions::default(),
        None,
        &vctx,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(imported(&r), 2);
    let secrets = store.load(&c.host.secret_ref).unwrap().unwrap();
    w.wallet.checkpoint().unwrap();
    let file = std::fs::read(&path).unwrap();
    for s in [
        secrets.access_token.as_str(),
        secrets.client_secret.as_str(),
    ] {
        assert!(!file.windows(s.len()).any(|x| x == s.as_bytes()));
    }
    host_api::remove(&w.wallet, &store, "1").unwrap();
    assert!(store.load(&c.host.secret_ref).unwrap().is_none());
}
