//! A mock Open Badges 3.0 API host for Backpack's tests, on `127.0.0.1` only.
//!
//! It implements what a Service Consumer (Read) calls, after the 1EdTech OpenAPI files
//! (`openapi.json`, OB 3.0 API and security sections,
//! <https://www.imsglobal.org/spec/ob/v3p0/#api>):
//! - `GET /ims/ob/v3p0/discovery`: a complete Service Description Document. The spec has no
//!   complete, valid SDD example (its openapi.json lacks `x-imssf-registrationUrl` and
//!   `x-imssf-privacyPolicyUrl`; its SDD examples are fragments), so this one is written here
//!   from the `ServiceDescriptionDocument` schema;
//! - `POST /register`: RFC 7591 dynamic client registration → 201 with `client_id`,
//!   `client_secret`;
//! - `GET /authorize`: auto-approves (no login page) after checking `response_type=code`, the
//!   client, the redirect URI (a loopback URI matches on any port, RFC 8252 §7.3), `state`,
//!   and a PKCE `S256` challenge; redirects with `code` and `state`;
//! - `POST /token`: `client_secret_basic`, `authorization_code` (single-use code, redirect URI
//!   and PKCE verifier checked) and `refresh_token` grants;
//! - `GET /ims/ob/v3p0/credentials?limit&offset&since`: bearer token checked, paging with
//!   `X-Total-Count` and `Link` (next/last/first/prev), `credential` and `compactJwsString`;
//! - `GET /ims/ob/v3p0/profile`: the learner's `Profile` (with `"type": "Profile"` as a string,
//!   as in the spec's own examples).
//!
//! Misbehaviour switches ([`Behaviour`]): error answers with `Imsx_StatusInfo` bodies, expired
//! tokens, pagination edges (an empty page, a `Link` loop, an `X-Total-Count` that lies, a
//! `next` on another origin, no paging headers), and garbage (an HTML page, truncated JSON, a
//! 100 MB body with or without `Content-Length`, JSON bombs). Every request is logged
//! ([`MockHost::requests`]) so tests can assert what was (not) sent.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The API base path.
pub const API: &str = "/ims/ob/v3p0";

/// One credential the host holds.
#[derive(Debug, Clone)]
pub enum Cred {
    /// An embedded-proof credential: a JSON object, inserted verbatim into `credential`.
    Json {
        /// The bytes (a JSON object).
        bytes: Vec<u8>,
        /// When it was issued (RFC 3339), for `since`.
        issued: String,
    },
    /// A VC-JWT, inserted into `compactJwsString`.
    Jws {
        /// `header.payload.signature`.
        jws: String,
        /// When it was issued (RFC 3339), for `since`.
        issued: String,
    },
}

impl Cred {
    fn issued(&self) -> &str {
        match self {
            Cred::Json { issued, .. } | Cred::Jws { issued, .. } => issued,
        }
    }
}

/// Which endpoint a switch applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET /ims/ob/v3p0/discovery`.
    Discovery,
    /// `POST /register`.
    Register,
    /// `POST /token`.
    Token,
    /// `GET /ims/ob/v3p0/credentials`.
    Credentials,
    /// `GET /ims/ob/v3p0/profile`.
    Profile,
}

/// A garbage answer (status 200).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Garbage {
    /// A login page.
    Html,
    /// The right answer cut in half.
    Truncated,
    /// `n` bytes with a `Content-Length`.
    Huge(u64),
    /// `n` bytes without a `Content-Length` (the connection closes at the end).
    HugeUnannounced(u64),
    /// One credential holding a million nested arrays.
    DeepBomb,
    /// 20,000 empty objects in `credential`.
    WideBomb,
    /// A JSON array instead of an object.
    WrongShape,
    /// A valid-looking start, then one byte every 200 ms, for ever (a deadline test).
    Drip,
}

/// Paging misbehaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paging {
    /// Correct paging.
    #[default]
    Normal,
    /// The page at this offset is empty; the headers still claim more.
    EmptyAt(u64),
    /// `next` always points back to offset 0.
    LinkLoop,
    /// `X-Total-Count` says this instead of the truth.
    TotalCountLie(u64),
    /// No `Link` header; `X-Total-Count` only.
    NoLink,
    /// Neither `Link` nor `X-Total-Count`.
    NoHeaders,
    /// `next` points to another origin.
    ForeignNext,
    /// Every request gets the first page, without paging headers.
    IgnoreOffset,
}

/// What the host does. Change it with [`MockHost::behave`].
#[derive(Debug, Clone)]
pub struct Behaviour {
    /// The credentials, in listing order.
    pub credentials: Vec<Cred>,
    /// `expires_in` of new access tokens.
    pub token_lifetime: i64,
    /// Give refresh tokens.
    pub refresh_tokens: bool,
    /// Name the JWS array `compactJwsStrings` (the spec example's spelling).
    pub plural_jws_field: bool,
    /// Answer this endpoint with this status and an error body.
    pub fail: Option<(Endpoint, u16)>,
    /// Answer this endpoint with garbage.
    pub garbage: Option<(Endpoint, Garbage)>,
    /// For `Credentials`: garbage only from this offset on (earlier pages are fine).
    pub garbage_from_offset: u64,
    /// Paging misbehaviour.
    pub paging: Paging,
    /// Deny the authorization (`error=access_denied`).
    pub deny: bool,
    /// Redirect with another `state` than the one sent.
    pub wrong_state: bool,
    /// Serve this body as the discovery document instead of the real one.
    pub sdd: Option<Vec<u8>>,
    /// Ignore the `limit` asked for and use this page size.
    pub page_size: Option<u64>,
}

impl Default for Behaviour {
    fn default() -> Self {
        Behaviour {
            credentials: Vec::new(),
            token_lifetime: 3600,
            refresh_tokens: true,
            plural_jws_field: false,
            fail: None,
            garbage: None,
            garbage_from_offset: 0,
            paging: Paging::Normal,
            deny: false,
            wrong_state: false,
            sdd: None,
            page_size: None,
        }
    }
}

#[derive(Debug, Clone)]
struct Client {
    secret: String,
    redirect_uris: Vec<String>,
}

#[derive(Debug, Clone)]
struct Code {
    client_id: String,
    redirect_uri: String,
    challenge: String,
    scope: String,
}

#[derive(Debug, Default)]
struct State {
    behaviour: Behaviour,
    clients: HashMap<String, Client>,
    codes: HashMap<String, Code>,
    /// access token → still valid.
    access: HashMap<String, bool>,
    refresh: HashMap<String, String>,
    counter: u64,
    requests: Vec<String>,
    registrations: Vec<Value>,
    token_grants: Vec<String>,
}

/// The running host.
pub struct MockHost {
    port: u16,
    state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for MockHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockHost")
            .field("port", &self.port)
            .finish()
    }
}

fn lock(s: &Mutex<State>) -> MutexGuard<'_, State> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

impl MockHost {
    /// Start on `127.0.0.1` and a free port, behaving as `b`.
    pub fn start(b: Behaviour) -> MockHost {
        MockHost::start_on(0, b).expect("bind 127.0.0.1")
    }

    /// Start on `127.0.0.1:port` (0: any).
    pub fn start_on(port: u16, b: Behaviour) -> std::io::Result<MockHost> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let port = listener.local_addr()?.port();
        let state = Arc::new(Mutex::new(State {
            behaviour: b,
            ..State::default()
        }));
        let st = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let st = st.clone();
                std::thread::spawn(move || handle(stream, &st, port));
            }
        });
        Ok(MockHost { port, state })
    }

    /// `http://127.0.0.1:{port}`.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Change the behaviour.
    pub fn behave(&self, f: impl FnOnce(&mut Behaviour)) {
        f(&mut lock(&self.state).behaviour);
    }

    /// Every request so far: `"GET /ims/ob/v3p0/credentials?limit=50&offset=0"`.
    pub fn requests(&self) -> Vec<String> {
        lock(&self.state).requests.clone()
    }

    /// Forget the request log.
    pub fn clear_requests(&self) {
        lock(&self.state).requests.clear();
    }

    /// Every registration request body received.
    pub fn registrations(&self) -> Vec<Value> {
        lock(&self.state).registrations.clone()
    }

    /// Every token grant received (`authorization_code`, `refresh_token`), in order.
    pub fn token_grants(&self) -> Vec<String> {
        lock(&self.state).token_grants.clone()
    }

    /// Make every access token issued so far invalid (the next API call gets 401).
    pub fn expire_access_tokens(&self) {
        for v in lock(&self.state).access.values_mut() {
            *v = false;
        }
    }

    /// Make every refresh token issued so far invalid.
    pub fn revoke_refresh_tokens(&self) {
        lock(&self.state).refresh.clear();
    }
}

// ------------------------------------------------------------------------------------------
// HTTP plumbing.

struct Request {
    method: String,
    target: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

impl Request {
    fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    fn query(&self) -> HashMap<String, String> {
        let q = self.target.split_once('?').map(|x| x.1).unwrap_or("");
        url::form_urlencoded::parse(q.as_bytes())
            .into_owned()
            .collect()
    }
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut r = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
        .min(1 << 20);
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        headers,
        body,
    })
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Body,
}

enum Body {
    Bytes(Vec<u8>),
    /// One byte every 200 ms until the client hangs up.
    Drip,
    /// `n` bytes of filler; `announce` = send a Content-Length.
    Filler {
        n: u64,
        announce: bool,
    },
}

impl Response {
    fn json(status: u16, v: &Value) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Body::Bytes(serde_json::to_vec(v).unwrap_or_default()),
        }
    }

    fn raw(status: u16, ctype: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), ctype.into())],
            body: Body::Bytes(body),
        }
    }

    fn redirect(location: &str) -> Response {
        Response {
            status: 302,
            headers: vec![("Location".into(), location.into())],
            body: Body::Bytes(Vec::new()),
        }
    }

    fn header(mut self, k: &str, v: &str) -> Response {
        self.headers.push((k.into(), v.into()));
        self
    }
}

fn write_response(mut s: &TcpStream, r: Response) {
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", r.status);
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    match r.body {
        Body::Bytes(b) => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", b.len()));
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&b);
        }
        Body::Drip => {
            head.push_str("Content-Length: 100000\r\n\r\n{\"credential\":[");
            if s.write_all(head.as_bytes()).is_err() {
                return;
            }
            for _ in 0..100_000 {
                std::thread::sleep(std::time::Duration::from_millis(200));
                if s.write_all(b" ").and_then(|()| s.flush()).is_err() {
                    return;
                }
            }
        }
        Body::Filler { n, announce } => {
            if announce {
                head.push_str(&format!("Content-Length: {n}\r\n"));
            }
            head.push_str("\r\n");
            if s.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = vec![b' '; 64 * 1024];
            let mut left = n;
            while left > 0 {
                let k = left.min(chunk.len() as u64) as usize;
                // The client stops reading at its cap: the write then fails and we stop.
                if s.write_all(chunk.get(..k).unwrap_or_default()).is_err() {
                    return;
                }
                left -= k as u64;
            }
        }
    }
    let _ = s.flush();
}

fn imsx(status: u16, description: &str) -> Response {
    Response::json(
        status,
        &json!({
            "imsx_codeMajor": "failure",
            "imsx_severity": "error",
            "imsx_description": description,
        }),
    )
}

fn oauth_error(status: u16, error: &str, description: &str) -> Response {
    Response::json(
        status,
        &json!({"error": error, "error_description": description}),
    )
    .header("Cache-Control", "no-store")
}

fn handle(stream: TcpStream, st: &Mutex<State>, port: u16) {
    let Some(req) = read_request(&stream) else {
        return;
    };
    lock(st)
        .requests
        .push(format!("{} {}", req.method, req.target));
    let resp = route(&req, st, port);
    write_response(&stream, resp);
}

fn endpoint_of(req: &Request) -> Option<Endpoint> {
    match (req.method.as_str(), req.path()) {
        ("GET", p) if p == format!("{API}/discovery") => Some(Endpoint::Discovery),
        ("POST", "/register") => Some(Endpoint::Register),
        ("POST", "/token") => Some(Endpoint::Token),
        ("GET", p) if p == format!("{API}/credentials") => Some(Endpoint::Credentials),
        ("GET", p) if p == format!("{API}/profile") => Some(Endpoint::Profile),
        _ => None,
    }
}

fn route(req: &Request, st: &Mutex<State>, port: u16) -> Response {
    let base = format!("http://127.0.0.1:{port}");
    let ep = endpoint_of(req);
    let (fail, garbage, from) = {
        let s = lock(st);
        (
            s.behaviour.fail,
            s.behaviour.garbage,
            s.behaviour.garbage_from_offset,
        )
    };
    let offset: u64 = req
        .query()
        .get("offset")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if let (Some(e), Some((fe, status))) = (ep, fail)
        && e == fe
    {
        return match e {
            Endpoint::Register | Endpoint::Token => {
                oauth_error(status, "invalid_request", "the mock host was told to fail")
            }
            _ => imsx(status, "The mock host was told to fail"),
        };
    }
    if let (Some(e), Some((ge, g))) = (ep, garbage)
        && e == ge
        && (e != Endpoint::Credentials || offset >= from)
    {
        return garbage_response(g, req, st, &base);
    }
    match ep {
        Some(Endpoint::Discovery) => discovery(st, &base),
        Some(Endpoint::Register) => register(req, st),
        Some(Endpoint::Token) => token(req, st),
        Some(Endpoint::Credentials) => match bearer(req, st) {
            Err(r) => r,
            Ok(()) => credentials(req, st, &base).0,
        },
        Some(Endpoint::Profile) => match bearer(req, st) {
            Err(r) => r,
            Ok(()) => Response::json(
                200,
                &json!({
                    "@context": ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                    "type": "Profile",
                    "id": "https://mock.example/learners/42",
                    "name": "Ada Learner",
                }),
            ),
        },
        None if req.method == "GET" && req.path() == "/authorize" => authorize(req, st),
        None => imsx(404, "No such endpoint"),
    }
}

fn garbage_response(g: Garbage, req: &Request, st: &Mutex<State>, base: &str) -> Response {
    match g {
        Garbage::Html => Response::raw(
            200,
            "text/html",
            b"<!doctype html><html><body><form>Please sign in</form></body></html>".to_vec(),
        ),
        Garbage::Truncated => {
            let full = if endpoint_of(req) == Some(Endpoint::Credentials) {
                match credentials(req, st, base).0.body {
                    Body::Bytes(b) => b,
                    Body::Filler { .. } | Body::Drip => Vec::new(),
                }
            } else {
                serde_json::to_vec(&sdd(base)).unwrap_or_default()
            };
            let half = full.len() / 2;
            Response::raw(
                200,
                "application/json",
                full.get(..half).unwrap_or_default().to_vec(),
            )
        }
        Garbage::Huge(n) => Response {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Body::Filler { n, announce: true },
        },
        Garbage::HugeUnannounced(n) => Response {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Body::Filler { n, announce: false },
        },
        Garbage::DeepBomb => {
            let n = 1_000_000;
            let mut b = b"{\"credential\":[{\"a\":".to_vec();
            b.extend(std::iter::repeat_n(b'[', n));
            b.extend(std::iter::repeat_n(b']', n));
            b.extend_from_slice(b"}]}");
            Response::raw(200, "application/json", b)
        }
        Garbage::WideBomb => {
            let mut b = b"{\"credential\":[{}".to_vec();
            for _ in 0..20_000 {
                b.extend_from_slice(b",{}");
            }
            b.extend_from_slice(b"]}");
            Response::raw(200, "application/json", b)
        }
        Garbage::WrongShape => Response::raw(200, "application/json", b"[1,2,3]".to_vec()),
        Garbage::Drip => Response {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Body::Drip,
        },
    }
}

/// The Service Description Document this host serves.
pub fn sdd(base: &str) -> Value {
    json!({
        "openapi": "3.0.1",
        "info": {
            "title": "Mock Badge Host",
            "version": "3.0",
            "termsOfService": format!("{base}/tos"),
            "x-imssf-privacyPolicyUrl": format!("{base}/privacy"),
            "x-imssf-image": format!("{base}/logo.png"),
        },
        "servers": [{"url": format!("{base}{API}")}],
        "paths": {},
        "components": {
            "securitySchemes": {
                "OAuth2ACG": {
                    "type": "oauth2",
                    "description": "OAuth 2.0 Authorization Code Grant authorization",
                    "x-imssf-registrationUrl": format!("{base}/register"),
                    "flows": {
                        "authorizationCode": {
                            "authorizationUrl": format!("{base}/authorize"),
                            "tokenUrl": format!("{base}/token"),
                            "refreshUrl": format!("{base}/token"),
                            "scopes": {
                                "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly": "read credentials",
                                "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert": "write credentials",
                                "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly": "read the profile",
                                "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update": "update the profile"
                            }
                        }
                    }
                }
            }
        }
    })
}

fn discovery(st: &Mutex<State>, base: &str) -> Response {
    if let Some(b) = lock(st).behaviour.sdd.clone() {
        return Response::raw(200, "application/json", b);
    }
    Response::json(200, &sdd(base))
}

fn next_id(s: &mut State, prefix: &str) -> String {
    s.counter += 1;
    format!(
        "{prefix}-{}-{:08x}",
        s.counter,
        s.counter.wrapping_mul(2_654_435_761)
    )
}

fn register(req: &Request, st: &Mutex<State>) -> Response {
    let Ok(v) = serde_json::from_slice::<Value>(&req.body) else {
        return oauth_error(400, "invalid_client_metadata", "not json");
    };
    let mut s = lock(st);
    s.registrations.push(v.clone());
    for f in [
        "client_name",
        "client_uri",
        "logo_uri",
        "tos_uri",
        "policy_uri",
        "software_id",
        "software_version",
        "scope",
    ] {
        if !v.get(f).is_some_and(Value::is_string) {
            return oauth_error(400, "invalid_client_metadata", &format!("{f} is required"));
        }
    }
    let Some(uris) = v.get("redirect_uris").and_then(Value::as_array) else {
        return oauth_error(400, "invalid_redirect_uri", "redirect_uris is required");
    };
    let uris: Vec<String> = uris
        .iter()
        .filter_map(|u| u.as_str().map(str::to_string))
        .collect();
    let id = next_id(&mut s, "client");
    let secret = next_id(&mut s, "secret");
    s.clients.insert(
        id.clone(),
        Client {
            secret: secret.clone(),
            redirect_uris: uris,
        },
    );
    let mut out = v.clone();
    if let Some(o) = out.as_object_mut() {
        o.insert("client_id".into(), json!(id));
        o.insert("client_secret".into(), json!(secret));
        o.insert("client_id_issued_at".into(), json!(1_565_715_850));
        o.insert("client_secret_expires_at".into(), json!(0));
    }
    Response::json(201, &out)
}

/// RFC 8252 §7.3: a loopback redirect URI matches whatever the port.
fn redirect_matches(registered: &str, given: &str) -> bool {
    if registered == given {
        return true;
    }
    let (Ok(a), Ok(b)) = (url::Url::parse(registered), url::Url::parse(given)) else {
        return false;
    };
    a.scheme() == "http"
        && b.scheme() == "http"
        && a.host_str() == Some("127.0.0.1")
        && b.host_str() == Some("127.0.0.1")
        && a.path() == b.path()
}

fn authorize(req: &Request, st: &Mutex<State>) -> Response {
    let q = req.query();
    let mut s = lock(st);
    let Some(client) = q.get("client_id").and_then(|c| s.clients.get(c)).cloned() else {
        return imsx(400, "unknown client_id");
    };
    let Some(redirect) = q.get("redirect_uri").cloned() else {
        return imsx(400, "redirect_uri is required");
    };
    if !client
        .redirect_uris
        .iter()
        .any(|r| redirect_matches(r, &redirect))
    {
        // Never redirect to an unregistered URI (RFC 6749 §4.1.2.1).
        return imsx(400, "redirect_uri is not registered");
    }
    let state = q.get("state").cloned().unwrap_or_default();
    let sep = if redirect.contains('?') { '&' } else { '?' };
    let err =
        |e: &str| Response::redirect(&format!("{redirect}{sep}error={e}&state={}", enc(&state)));
    if q.get("response_type").map(String::as_str) != Some("code") {
        return err("unsupported_response_type");
    }
    if q.get("code_challenge_method").map(String::as_str) != Some("S256")
        || q.get("code_challenge").is_none_or(|c| c.len() < 43)
        || state.is_empty()
    {
        return err("invalid_request");
    }
    if s.behaviour.deny {
        return err("access_denied");
    }
    let code = next_id(&mut s, "code");
    let scope = q.get("scope").cloned().unwrap_or_default();
    s.codes.insert(
        code.clone(),
        Code {
            client_id: q.get("client_id").cloned().unwrap_or_default(),
            redirect_uri: redirect.clone(),
            challenge: q.get("code_challenge").cloned().unwrap_or_default(),
            scope: scope.clone(),
        },
    );
    let state = if s.behaviour.wrong_state {
        "not-the-state-you-sent".to_string()
    } else {
        state
    };
    Response::redirect(&format!(
        "{redirect}{sep}code={}&scope={}&state={}",
        enc(&code),
        enc(&scope),
        enc(&state)
    ))
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn basic_client(req: &Request) -> Option<(String, String)> {
    let h = req.headers.get("authorization")?;
    let b64 = h.strip_prefix("Basic ")?;
    let raw = String::from_utf8(STANDARD.decode(b64).ok()?).ok()?;
    let (id, secret) = raw.split_once(':')?;
    let dec = |s: &str| {
        url::form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((dec(id)?, dec(secret)?))
}

fn issue_tokens(s: &mut State, scope: &str) -> Response {
    let at = next_id(s, "access");
    s.access.insert(at.clone(), true);
    let mut body = json!({
        "access_token": at,
        "token_type": "Bearer",
        "expires_in": s.behaviour.token_lifetime,
        "scope": scope,
    });
    if s.behaviour.refresh_tokens {
        let rt = next_id(s, "refresh");
        s.refresh.insert(rt.clone(), scope.to_string());
        body["refresh_token"] = json!(rt);
    }
    Response::json(200, &body)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
}

fn token(req: &Request, st: &Mutex<State>) -> Response {
    let form: HashMap<String, String> = url::form_urlencoded::parse(&req.body)
        .into_owned()
        .collect();
    let mut s = lock(st);
    let Some((id, secret)) = basic_client(req) else {
        return oauth_error(401, "invalid_client", "client_secret_basic is required");
    };
    if s.clients.get(&id).is_none_or(|c| c.secret != secret) {
        return oauth_error(401, "invalid_client", "unknown client or wrong secret");
    }
    let grant = form.get("grant_type").cloned().unwrap_or_default();
    s.token_grants.push(grant.clone());
    match grant.as_str() {
        "authorization_code" => {
            let Some(code) = form.get("code").and_then(|c| s.codes.remove(c)) else {
                return oauth_error(400, "invalid_grant", "unknown or used code");
            };
            if code.client_id != id || form.get("redirect_uri") != Some(&code.redirect_uri) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "code issued to another client or redirect_uri",
                );
            }
            let verifier = form.get("code_verifier").cloned().unwrap_or_default();
            if URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) != code.challenge {
                return oauth_error(400, "invalid_grant", "PKCE verification failed");
            }
            issue_tokens(&mut s, &code.scope)
        }
        "refresh_token" => {
            let Some(scope) = form
                .get("refresh_token")
                .and_then(|r| s.refresh.get(r))
                .cloned()
            else {
                return oauth_error(400, "invalid_grant", "unknown refresh token");
            };
            let at = next_id(&mut s, "access");
            s.access.insert(at.clone(), true);
            Response::json(
                200,
                &json!({"access_token": at, "token_type": "bearer",
                        "expires_in": s.behaviour.token_lifetime, "scope": scope}),
            )
        }
        _ => oauth_error(
            400,
            "unsupported_grant_type",
            "only authorization_code and refresh_token",
        ),
    }
}

fn bearer(req: &Request, st: &Mutex<State>) -> Result<(), Response> {
    let s = lock(st);
    let token = req
        .headers
        .get("authorization")
        .and_then(|h| h.strip_prefix("Bearer "));
    match token.and_then(|t| s.access.get(t)) {
        Some(true) => Ok(()),
        Some(false) => Err(imsx(401, "The access token has expired")
            .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")),
        None => Err(imsx(401, "No valid access token").header("WWW-Authenticate", "Bearer")),
    }
}

/// The page for `req` and the number of credentials in it.
fn credentials(req: &Request, st: &Mutex<State>, base: &str) -> (Response, usize) {
    let q = req.query();
    let b = lock(st).behaviour.clone();
    let limit: u64 = b
        .page_size
        .or_else(|| q.get("limit").and_then(|v| v.parse().ok()))
        .unwrap_or(10)
        .clamp(1, 1000);
    let offset: u64 = if b.paging == Paging::IgnoreOffset {
        0
    } else {
        q.get("offset").and_then(|v| v.parse().ok()).unwrap_or(0)
    };
    let since = q.get("since").cloned();
    let all: Vec<&Cred> = b
        .credentials
        .iter()
        .filter(|c| since.as_deref().is_none_or(|s| c.issued() > s))
        .collect();
    let total = all.len() as u64;
    let page: Vec<&Cred> = if b.paging == Paging::EmptyAt(offset) {
        Vec::new()
    } else {
        all.iter()
            .skip(offset as usize)
            .take(limit as usize)
            .copied()
            .collect()
    };
    let mut body = b"{\"credential\":[".to_vec();
    let mut first = true;
    for c in &page {
        if let Cred::Json { bytes, .. } = c {
            if !first {
                body.push(b',');
            }
            first = false;
            body.extend_from_slice(bytes);
        }
    }
    let field = if b.plural_jws_field {
        "compactJwsStrings"
    } else {
        "compactJwsString"
    };
    body.extend_from_slice(format!("],\"{field}\":[").as_bytes());
    first = true;
    for c in &page {
        if let Cred::Jws { jws, .. } = c {
            if !first {
                body.push(b',');
            }
            first = false;
            body.extend_from_slice(serde_json::to_string(jws).unwrap_or_default().as_bytes());
        }
    }
    body.extend_from_slice(b"]}");
    let mut since_q = String::new();
    if let Some(s) = &since {
        since_q = format!("&since={}", enc(s));
    }
    let link = |o: u64, rel: &str| {
        format!("<{base}{API}/credentials?limit={limit}&offset={o}{since_q}>; rel=\"{rel}\"")
    };
    let last = if total == 0 {
        0
    } else {
        (total - 1) / limit * limit
    };
    let mut links = Vec::new();
    if offset + limit < total {
        let next = match b.paging {
            Paging::LinkLoop => link(0, "next"),
            Paging::ForeignNext => format!(
                "<http://evil.example{API}/credentials?limit={limit}&offset={}>; rel=\"next\"",
                offset + limit
            ),
            _ => link(offset + limit, "next"),
        };
        links.push(next);
    }
    links.push(link(last, "last"));
    links.push(link(0, "first"));
    if offset > 0 {
        links.push(link(offset.saturating_sub(limit), "prev"));
    }
    let n = page.len();
    let mut r = Response::raw(200, "application/json", body);
    let count = match b.paging {
        Paging::TotalCountLie(t) => Some(t),
        Paging::NoHeaders | Paging::IgnoreOffset => None,
        _ => Some(total),
    };
    if let Some(c) = count {
        r = r.header("X-Total-Count", &c.to_string());
    }
    if !matches!(
        b.paging,
        Paging::NoLink | Paging::NoHeaders | Paging::IgnoreOffset
    ) {
        r = r.header("Link", &links.join(", "));
    }
    (r, n)
}

// ------------------------------------------------------------------------------------------
// A minimal browser for tests.

/// One GET over plain HTTP/1.1 to `127.0.0.1` (what a browser does at the authorize URL and
/// then at the loopback redirect): `(status, Location header, body)`.
pub fn http_get(url: &str) -> std::io::Result<(u16, Option<String>, Vec<u8>)> {
    let u = url::Url::parse(url).map_err(|e| std::io::Error::other(e.to_string()))?;
    let host = u.host_str().unwrap_or("127.0.0.1").to_string();
    if host != "127.0.0.1" {
        return Err(std::io::Error::other(format!(
            "the test browser only goes to 127.0.0.1, not {host}"
        )));
    }
    let port = u.port().unwrap_or(80);
    let mut s = TcpStream::connect((host.as_str(), port))?;
    let target = match u.query() {
        Some(q) => format!("{}?{q}", u.path()),
        None => u.path().to_string(),
    };
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(raw.get(..split).unwrap_or_default()).into_owned();
    let body = raw.get(split + 4..).unwrap_or_default().to_vec();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let location = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("location")
            .then(|| v.trim().to_string())
    });
    Ok((status, location, body))
}

/// What the learner's browser does: open the authorization URL and follow its redirect to the
/// loopback address. Returns the status the loopback page answered with.
pub fn approve_in_browser(authorization_url: &str) -> std::io::Result<u16> {
    let (status, location, _) = http_get(authorization_url)?;
    let Some(loc) = location else {
        return Err(std::io::Error::other(format!(
            "the authorize endpoint answered {status} without a redirect"
        )));
    };
    let (st, _, _) = http_get(&loc)?;
    Ok(st)
}
