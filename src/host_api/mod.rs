//! Pull from a host: an Open Badges 3.0 API client (issue 11).
//!
//! A learner's badges often live on a host (a school's badge platform, another wallet) that
//! speaks the Open Badges 3.0 API (<https://www.imsglobal.org/spec/ob/v3p0/#api>). Backpack is
//! a "Service Consumer (Read)": it connects once and then syncs.
//!
//! **Connect** ([`connect`]):
//! 1. discovery: `GET {base}/ims/ob/v3p0/discovery` → the Service Description Document
//!    ([`discovery`], tolerating the spec's own defects listed there);
//! 2. dynamic client registration, RFC 7591 (<https://www.rfc-editor.org/rfc/rfc7591>), no
//!    initial access token ([`oauth::register`]);
//! 3. authorization code with PKCE `S256`, RFC 7636 (<https://www.rfc-editor.org/rfc/rfc7636>), in
//!    the learner's **system browser**, answered on a loopback redirect on `127.0.0.1` and a
//!    random port, RFC 8252 (<https://www.rfc-editor.org/rfc/rfc8252>) ([`loopback`]), with a
//!    `state` check and a deadline;
//! 4. token exchange ([`oauth::exchange_code`]); the client secret and tokens go to a
//!    [`TokenStore`] (the OS credential store; never the wallet file, never plain text on disk);
//! 5. `getProfile`, to show who is connected.
//!
//! **Sync** ([`sync`]): refresh the access token when it has expired (and once more when the
//! host answers 401, then retry that request once), read every page of `getCredentials`
//! ([`pages`]), then import each credential that this host has not sent before through the
//! core import path **with verification** ([`crate::import::import_with`]), one outcome per
//! credential. Already-synced credentials are skipped by the SHA-256 of their bytes (so a
//! badge the learner removed is not brought back); `since` (the start of the last complete
//! sync) is sent only when asked ([`SyncOptions::since_last_sync`]), because "issued after"
//! misses a badge issued long ago and added to the host since.
//!
//! **Every answer from a host is hostile**: capped bodies (each step has its limit), JSON depth
//! and item limits like a ZIP import, one line per refused item naming the host and the item.
//! When a page is refused, the sync writes **nothing** (the listing is read in full before the
//! first import), and the next sync starts again.
//!
//! **Network only with consent**: every entry point first calls [`gate`] — the wallet's network
//! setting or the host's explicit allowance (`--allow-network`), and minor mode (issue 13) —
//! before anything is sent. The network itself is injected ([`crate::env::HttpClient`];
//! [`http::ApiHttp`] is the real one), as are the browser ([`Browser`]) and the redirect
//! listener ([`loopback::RedirectReceiver`]), so the tests run against a mock host on
//! 127.0.0.1 with the "browser" driven by the test.

pub mod discovery;
#[cfg(feature = "net")]
pub mod http;
pub mod loopback;
pub mod oauth;
pub mod pages;
pub mod tokens;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;
use url::Url;
use zeroize::Zeroizing;

use crate::env::{Clock, HttpClient, HttpMethod, HttpRequest, HttpResponse};
use crate::import::{FileOutcome, FileResult, ImportOptions};
use crate::localize::{Localize as _, Message, msg};
use crate::store::hosts::{Host, NewHost};
use crate::store::{StoreError, Wallet};
use crate::verify::VerifyContext;

pub use discovery::{SCOPE_CREDENTIAL_READONLY, SCOPE_PROFILE_READONLY, ServiceDescription};
pub use loopback::{LoopbackRedirect, RedirectError, RedirectReceiver};
pub use oauth::ClientMetadata;
pub use tokens::{HostSecrets, KeyringTokenStore, MemoryTokenStore, TokenStore, TokenStoreError};

/// The API's path under a host's base URL.
pub const API_PATH: &str = "/ims/ob/v3p0";
/// Largest discovery document read (the 1EdTech openapi.json is 103 KB).
pub const MAX_DISCOVERY_BYTES: u64 = crate::limits::MAX_HTTP_BODY_BYTES;
/// How long the browser sign-in may take by default.
pub const LOGIN_TIMEOUT: Duration = Duration::from_secs(300);
/// An access token this close to its expiry is refreshed before use.
pub const EXPIRY_MARGIN_SECS: i64 = 30;

/// Why connect or sync failed. One line, naming the host.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HostError {
    /// The learner has not allowed network access.
    #[error(
        "network access is not allowed: connecting to a badge host needs it (allow it in Settings, or pass --allow-network)"
    )]
    NoConsent,
    /// Minor mode is on.
    #[error("minor mode is on: connecting to a badge host needs the guardian passphrase")]
    MinorMode,
    /// The URL the learner gave is not usable.
    #[error("{}", .0.english())]
    BadUrl(Message),
    /// A step failed or its answer was refused.
    #[error("{host}: {step}: {detail}")]
    Step {
        /// The host (`badges.example.edu`).
        host: String,
        /// `discovery`, `registration`, `sign-in`, `token`, `getCredentials (offset 50)`, …
        step: String,
        /// One line: a catalog message (the host's own words inside it as text), so the
        /// learner reads it in their language; `Display` shows its English.
        detail: Message,
    },
    /// The host no longer accepts Backpack's tokens (or there are none): sign in again.
    #[error("{host}: {reason}: sign in again (backpack connect {url})")]
    NeedsLogin {
        /// The host.
        host: String,
        /// The base URL.
        url: String,
        /// Why (a catalog message; `Display` shows its English).
        reason: Message,
    },
    /// No such host in the wallet.
    #[error("no connected host {0:?} (see backpack hosts list)")]
    UnknownHost(String),
    /// The token store failed.
    #[error("{0}")]
    Tokens(#[from] TokenStoreError),
    /// The wallet failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the learner (or the host program on their behalf) allowed for this call.
#[derive(Debug, Clone, Copy, Default)]
pub struct Consent<'a> {
    /// `--allow-network` (the wallet's network setting counts too, see [`gate`]).
    pub allow_network: bool,
    /// The guardian's unlock, when minor mode is on and a guardian gave the passphrase.
    pub guardian: Option<&'a crate::minor_mode::GuardianUnlock>,
}

/// May Backpack talk to a host now? Called first by [`connect`], [`sync`] and every other
/// entry point that sends anything; nothing is sent when it refuses.
pub fn gate(wallet: &Wallet, consent: &Consent<'_>) -> Result<(), HostError> {
    // The one network rule (`policy::network`): a guardian's lock refuses whatever the
    // consent; without consent nothing is sent.
    use crate::policy::{Network, PolicyError};
    match crate::policy::network(wallet, consent.allow_network, consent.guardian) {
        Ok(Network::Online) => Ok(()),
        Ok(Network::NotAllowed) => Err(HostError::NoConsent),
        Ok(Network::MinorModeLocked) | Err(PolicyError::MinorMode(_)) => Err(HostError::MinorMode),
        Err(PolicyError::Store(e)) => Err(e.into()),
    }
}

/// Opens a URL in the learner's browser. The host program implements it (the system browser;
/// a test drives the page itself). It should also show the URL, in case no browser opens.
pub trait Browser: Send + Sync {
    /// Open `url` (an `https` authorization URL, checked by the core before it gets here).
    fn open(&self, url: &str);
}

/// What a browser sign-in needs from the host program.
pub struct Login<'a> {
    /// The browser.
    pub browser: &'a dyn Browser,
    /// Where the browser comes back ([`LoopbackRedirect::bind`]).
    pub redirect: &'a dyn RedirectReceiver,
    /// How long to wait for the learner ([`LOGIN_TIMEOUT`]).
    pub timeout: Duration,
    /// Set to stop waiting (the app's Cancel button).
    pub cancel: Option<&'a AtomicBool>,
}

/// Everything a connect or sync needs.
pub struct HostEnv<'a> {
    /// The wallet.
    pub wallet: &'a Wallet,
    /// The network ([`http::ApiHttp`], or a test's).
    pub http: &'a dyn HttpClient,
    /// Where secrets go.
    pub tokens: &'a dyn TokenStore,
    /// The clock (token expiry, `since`).
    pub clock: &'a dyn Clock,
    /// What the learner allowed.
    pub consent: Consent<'a>,
    /// Allow a plain-http host on 127.0.0.1 (tests, development): `--insecure-loopback`.
    pub insecure_loopback: bool,
    /// What Backpack tells hosts about itself when it registers.
    pub client: ClientMetadata,
}

// ------------------------------------------------------------------------------------------
// Hostile-body helpers shared by the steps.

/// What a JSON parse error means, in one line.
pub(crate) fn json_problem(body: &[u8], e: &serde_json::Error) -> Message {
    if crate::decode::is_depth_error(e) {
        msg!(
            "err-host-json-deep",
            max = crate::limits::MAX_JSON_DEPTH.to_string()
        )
    } else if e.is_eof() {
        msg!(
            "err-host-json-truncated",
            n = body.len().to_string(),
            error = e.to_string()
        )
    } else if let Some(k) = body_note_kind(body) {
        k
    } else {
        msg!("err-host-json-not", error = e.to_string())
    }
}

fn body_note_kind(body: &[u8]) -> Option<Message> {
    let t = body.trim_ascii_start();
    if t.is_empty() {
        Some(msg!("err-host-body-empty"))
    } else if t.first() == Some(&b'<') {
        Some(msg!("err-host-body-html"))
    } else {
        None
    }
}

/// A short description of a body that is not what was expected.
pub(crate) fn body_note(body: &[u8]) -> Message {
    body_note_kind(body).unwrap_or_else(|| msg!("err-host-body-bytes", n = body.len().to_string()))
}

/// Parse a host's JSON answer (depth-limited by serde_json at [`crate::limits::MAX_JSON_DEPTH`]).
pub(crate) fn parse_json(body: &[u8]) -> Result<Value, Message> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    serde_json::from_slice(body).map_err(|e| json_problem(body, &e))
}

/// An `Imsx_StatusInfo` (the API's error body) in one line.
pub(crate) fn imsx_detail(v: &Value) -> Option<String> {
    let major = v.get("imsx_codeMajor")?.as_str()?;
    let mut s = discovery::clean_text(major, 40);
    if let Some(sev) = v.get("imsx_severity").and_then(Value::as_str) {
        s.push_str(&format!(" ({})", discovery::clean_text(sev, 40)));
    }
    if let Some(d) = v.get("imsx_description").and_then(Value::as_str) {
        s.push_str(": ");
        s.push_str(&discovery::clean_text(d, 300));
    }
    Some(s)
}

/// `answered 500: failure (error): …` for a status the step did not expect.
fn status_detail(resp: &HttpResponse) -> Message {
    let body = if resp.status == 401 || resp.status == 403 {
        oauth::error_detail(&resp.body)
    } else {
        serde_json::from_slice::<Value>(&resp.body)
            .ok()
            .and_then(|v| imsx_detail(&v))
            .map(Message::Text)
            .unwrap_or_else(|| body_note(&resp.body))
    };
    match resp.status {
        300..=399 => msg!(
            "err-host-answered-redirect",
            status = resp.status.to_string(),
            location = match resp.header("location") {
                Some(l) => Message::Text(discovery::clean_text(l, 200)),
                None => msg!("err-host-nowhere"),
            }
        ),
        s => msg!("err-host-answered", status = s.to_string(), detail = body),
    }
}

// ------------------------------------------------------------------------------------------
// URLs.

/// The base URL the learner typed → `(base, discovery url)`. Accepts `host.example`,
/// `https://host.example/`, `…/ims/ob/v3p0` and the discovery URL itself; https only
/// (http to loopback with `insecure_loopback`).
pub fn normalize_base(input: &str, insecure_loopback: bool) -> Result<(Url, Url), HostError> {
    let t = input.trim();
    if t.is_empty() {
        return Err(HostError::BadUrl(msg!("err-host-address-empty")));
    }
    let with_scheme = if t.contains("://") {
        t.to_string()
    } else {
        format!("https://{t}")
    };
    let mut u = Url::parse(&with_scheme).map_err(|e| {
        HostError::BadUrl(msg!(
            "err-host-not-web-address",
            text = format!("{:?}", discovery::clean_text(t, 200)),
            detail = e.to_string()
        ))
    })?;
    discovery::check_web_url(msg!("err-host-field-address"), &u, insecure_loopback)
        .map_err(HostError::BadUrl)?;
    u.set_query(None);
    u.set_fragment(None);
    let mut path = u.path().trim_end_matches('/').to_string();
    for suffix in ["/discovery", API_PATH] {
        if let Some(p) = path.strip_suffix(suffix) {
            path = p.to_string();
        }
    }
    u.set_path(&path);
    let base = Url::parse(u.as_str().trim_end_matches('/')).map_err(|e| {
        HostError::BadUrl(msg!(
            "err-host-not-web-address",
            text = format!("{:?}", u.as_str()),
            detail = e.to_string()
        ))
    })?;
    let disc = Url::parse(&format!(
        "{}{API_PATH}/discovery",
        base.as_str().trim_end_matches('/')
    ))
    .map_err(|e| HostError::BadUrl(e.to_string().into()))?;
    Ok((base, disc))
}

/// `host:port` for messages.
pub fn host_label(u: &Url) -> String {
    let h = u.host_str().unwrap_or("host");
    match u.port() {
        Some(p) => format!("{h}:{p}"),
        None => h.to_string(),
    }
}

fn api_base(base_url: &str) -> Result<Url, HostError> {
    Url::parse(&format!("{}{API_PATH}", base_url.trim_end_matches('/')))
        .map_err(|e| HostError::BadUrl(e.to_string().into()))
}

// ------------------------------------------------------------------------------------------
// Connect.

/// What a connect did.
#[derive(Debug, Clone, Serialize)]
pub struct Connected {
    /// The host as stored.
    pub host: Host,
    /// Defects of the host's discovery document that were tolerated, one line each.
    pub tolerated: Vec<String>,
    /// The same lines as catalog messages, for the learner's language (not in the JSON
    /// output, which keeps the English lines).
    #[serde(skip)]
    pub tolerated_messages: Vec<Message>,
    /// Where the secrets are: "the system credential store" or "memory (this session only)".
    pub secrets_in: String,
    /// False when the secrets will not outlive this program (no credential store).
    pub secrets_persist: bool,
    /// A line about the profile when `getProfile` did not answer.
    pub profile_note: Option<String>,
    /// The same as a catalog message, for the learner's language.
    #[serde(skip)]
    pub profile_note_message: Option<Message>,
}

/// Read a host's discovery document (no sign-in). Also what the app shows before it asks the
/// learner to sign in.
pub fn discover(
    env: &HostEnv<'_>,
    base_input: &str,
) -> Result<(Url, ServiceDescription), HostError> {
    gate(env.wallet, &env.consent)?;
    let (base, disc) = normalize_base(base_input, env.insecure_loopback)?;
    let host = host_label(&base);
    let step = |detail: Message| HostError::Step {
        host: host.clone(),
        step: "discovery".into(),
        detail,
    };
    let resp = env
        .http
        .send(&HttpRequest {
            method: HttpMethod::Get,
            url: disc.to_string(),
            headers: vec![("Accept".into(), "application/json".into())],
            body: vec![],
            max_bytes: MAX_DISCOVERY_BYTES,
        })
        .map_err(|e| step(e.message()))?;
    if resp.status != 200 {
        return Err(step(msg!(
            "err-host-not-ob3",
            detail = status_detail(&resp),
            base = discovery::clean_text(base.as_str(), 200)
        )));
    }
    let sdd = discovery::parse_sdd(&resp.body, &disc, env.insecure_loopback)
        .map_err(|e| step(msg!("err-host-refused", detail = e)))?;
    Ok((base, sdd))
}

/// The scopes to ask for: the two read scopes, plus `offline_access` when the host lists it
/// (some hosts only issue refresh tokens for it; the spec's examples ask for it).
fn wanted_scope(sdd: &ServiceDescription) -> String {
    let mut s = vec![SCOPE_CREDENTIAL_READONLY, SCOPE_PROFILE_READONLY];
    if sdd.scopes.iter().any(|x| x == "offline_access") {
        s.push("offline_access");
    }
    s.join(" ")
}

fn now_secs(clock: &dyn Clock) -> i64 {
    clock.now().timestamp()
}

fn secrets_from(client_secret: Zeroizing<String>, t: oauth::Tokens, now: i64) -> HostSecrets {
    HostSecrets {
        client_secret,
        access_token: t.access_token,
        refresh_token: t.refresh_token,
        expires_at: t.expires_in.map(|s| now + s),
    }
}

fn random_ref() -> String {
    use rand_core::RngCore;
    let mut b = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Connect to a host: discovery, registration, browser sign-in, tokens, profile. A host
/// already connected (same base URL) is replaced: new client, same sync history.
pub fn connect(
    env: &HostEnv<'_>,
    base_input: &str,
    login: &Login<'_>,
) -> Result<Connected, HostError> {
    let (base, sdd) = discover(env, base_input)?;
    let host = host_label(&base);
    let err = |step: &str, detail: Message| HostError::Step {
        host: host.clone(),
        step: step.into(),
        detail,
    };
    let redirect_uri = login.redirect.redirect_uri();
    let scope = wanted_scope(&sdd);
    let reg = oauth::register(
        env.http,
        &sdd.registration_url,
        &env.client,
        &redirect_uri,
        &scope,
    )
    .map_err(|f| err("registration", oauth_line(f)))?;
    let tokens = browser_login(
        env,
        &host,
        &sdd.authorization_url,
        &sdd.token_url,
        &reg,
        &redirect_uri,
        &scope,
        login,
    )?;
    let granted = tokens.scope.clone().unwrap_or_else(|| scope.clone());
    let base_s = base.as_str().trim_end_matches('/').to_string();
    // A reconnect keeps the host's wallet id and history; its old entry is replaced.
    let old = env.wallet.find_host(&base_s)?;
    let secret_ref = random_ref();
    let secrets = secrets_from(reg.client_secret, tokens, now_secs(env.clock));
    env.tokens.save(&secret_ref, &secrets)?;
    let saved = env.wallet.save_host(&NewHost {
        base_url: &base_s,
        name: &sdd.name,
        authorization_url: &sdd.authorization_url,
        token_url: &sdd.token_url,
        refresh_url: &sdd.refresh_url,
        registration_url: &sdd.registration_url,
        client_id: &reg.client_id,
        redirect_uri: &redirect_uri,
        scope: &granted,
        secret_ref: &secret_ref,
        profile_name: None,
        profile_id: None,
    });
    let mut stored = match saved {
        Ok(h) => h,
        Err(e) => {
            let _ = env.tokens.delete(&secret_ref);
            return Err(e.into());
        }
    };
    if let Some(old) = old
        && old.secret_ref != secret_ref
    {
        let _ = env.tokens.delete(&old.secret_ref);
    }
    let mut session = Session {
        env,
        host: stored.clone(),
        secrets,
        label: host.clone(),
        login: None,
    };
    let profile_note = match session.profile() {
        Ok((name, id)) => {
            env.wallet
                .set_host_profile(stored.id, name.as_deref(), id.as_deref())?;
            stored.profile_name = name;
            stored.profile_id = id;
            None
        }
        Err(e) => Some(e.message()),
    };
    Ok(Connected {
        host: stored,
        tolerated: sdd.tolerated,
        tolerated_messages: sdd.tolerated_messages,
        secrets_in: env.tokens.describe().to_string(),
        secrets_persist: env.tokens.persistent(),
        profile_note: profile_note.as_ref().map(Message::english),
        profile_note_message: profile_note,
    })
}

fn oauth_line(f: oauth::OAuthFailure) -> Message {
    match f.status {
        Some(s) => msg!(
            "err-host-answered",
            status = s.to_string(),
            detail = f.detail
        ),
        None => f.detail,
    }
}

#[allow(clippy::too_many_arguments)]
fn browser_login(
    env: &HostEnv<'_>,
    host: &str,
    authorization_url: &str,
    token_url: &str,
    reg: &oauth::Registration,
    redirect_uri: &str,
    scope: &str,
    login: &Login<'_>,
) -> Result<oauth::Tokens, HostError> {
    let err = |step: &str, detail: Message| HostError::Step {
        host: host.to_string(),
        step: step.into(),
        detail,
    };
    // The URL opened in the browser was checked (https, or loopback http in dev) when the
    // discovery document was read; check again, it may come from the wallet.
    let auth = Url::parse(authorization_url).map_err(|e| err("sign-in", e.to_string().into()))?;
    discovery::check_web_url(msg!("err-host-field-auth"), &auth, env.insecure_loopback)
        .map_err(|e| err("sign-in", e))?;
    let pkce = oauth::Pkce::generate();
    let state = oauth::random_state();
    let url = oauth::authorization_url(
        authorization_url,
        &reg.client_id,
        redirect_uri,
        scope,
        &state,
        &pkce,
    )
    .map_err(|e| err("sign-in", e))?;
    login.browser.open(&url);
    let code = login
        .redirect
        .wait(&state, Instant::now() + login.timeout, login.cancel)
        .map_err(|e| err("sign-in", e.message()))?;
    let code = Zeroizing::new(code);
    oauth::exchange_code(
        env.http,
        token_url,
        &reg.client_id,
        &reg.client_secret,
        &code,
        redirect_uri,
        scope,
        &pkce,
    )
    .map_err(|f| err("token", oauth_line(f)))
}

// ------------------------------------------------------------------------------------------
// An authorised session with one host.

struct Session<'e, 'l> {
    env: &'e HostEnv<'e>,
    host: Host,
    secrets: HostSecrets,
    label: String,
    /// For a new sign-in when the tokens are gone (no credential store) or refused.
    login: Option<&'l Login<'l>>,
}

impl Session<'_, '_> {
    fn needs_login(&self, reason: Message) -> HostError {
        HostError::NeedsLogin {
            host: self.label.clone(),
            url: self.host.base_url.clone(),
            reason,
        }
    }

    fn save(&self) -> Result<(), HostError> {
        self.env.tokens.save(&self.host.secret_ref, &self.secrets)?;
        Ok(())
    }

    /// Sign in again in the browser with the registered client (its secret still known).
    fn relogin(&mut self, reason: Message) -> Result<(), HostError> {
        let Some(login) = self.login else {
            return Err(self.needs_login(reason));
        };
        let reg = oauth::Registration {
            client_id: self.host.client_id.clone(),
            client_secret: self.secrets.client_secret.clone(),
        };
        let redirect = login.redirect.redirect_uri();
        let t = browser_login(
            self.env,
            &self.label,
            &self.host.authorization_url,
            &self.host.token_url,
            &reg,
            &redirect,
            &self.host.scope,
            login,
        )?;
        self.secrets = secrets_from(reg.client_secret, t, now_secs(self.env.clock));
        self.save()
    }

    fn refresh(&mut self) -> Result<(), HostError> {
        let Some(rt) = self.secrets.refresh_token.clone() else {
            return self.relogin(msg!("err-host-no-refresh-token"));
        };
        match oauth::refresh(
            self.env.http,
            &self.host.refresh_url,
            &self.host.client_id,
            &self.secrets.client_secret,
            &rt,
            &self.host.scope,
        ) {
            Ok(t) => {
                let now = now_secs(self.env.clock);
                self.secrets.access_token = t.access_token;
                // A host may rotate the refresh token (RFC 6749 §6) or keep it.
                if t.refresh_token.is_some() {
                    self.secrets.refresh_token = t.refresh_token;
                }
                self.secrets.expires_at = t.expires_in.map(|s| now + s);
                self.save()
            }
            Err(f) if matches!(f.status, Some(400 | 401)) => {
                self.relogin(msg!("err-host-refresh-refused", detail = oauth_line(f)))
            }
            Err(f) => Err(HostError::Step {
                host: self.label.clone(),
                step: "refresh".into(),
                detail: oauth_line(f),
            }),
        }
    }

    fn expired(&self) -> bool {
        self.secrets
            .expires_at
            .is_some_and(|t| t - EXPIRY_MARGIN_SECS <= now_secs(self.env.clock))
    }

    fn send_bearer(
        &self,
        url: &Url,
        max_bytes: u64,
        step: &str,
    ) -> Result<HttpResponse, HostError> {
        self.env
            .http
            .send(&HttpRequest {
                method: HttpMethod::Get,
                url: url.to_string(),
                headers: vec![
                    ("Accept".into(), "application/json".into()),
                    (
                        "Authorization".into(),
                        format!("Bearer {}", self.secrets.access_token.as_str()),
                    ),
                ],
                body: vec![],
                max_bytes,
            })
            .map_err(|e| HostError::Step {
                host: self.label.clone(),
                step: step.into(),
                detail: e.message(),
            })
    }

    /// One authorised GET: refresh first when expired; on 401, refresh and retry once.
    fn get(&mut self, url: &Url, max_bytes: u64, step: &str) -> Result<HttpResponse, HostError> {
        if self.expired() {
            self.refresh()?;
        }
        let resp = self.send_bearer(url, max_bytes, step)?;
        if resp.status != 401 {
            return Ok(resp);
        }
        self.refresh()?;
        let again = self.send_bearer(url, max_bytes, step)?;
        if again.status == 401 {
            return Err(self.needs_login(msg!(
                "err-host-fresh-token-refused",
                step = step,
                detail = oauth::error_detail(&again.body)
            )));
        }
        Ok(again)
    }

    fn profile(&mut self) -> Result<(Option<String>, Option<String>), HostError> {
        let mut url = api_base(&self.host.base_url)?;
        url.path_segments_mut()
            .map(|mut s| {
                s.push("profile");
            })
            .ok();
        let resp = self.get(&url, pages::MAX_PROFILE_BYTES, "getProfile")?;
        let step = |detail: Message| HostError::Step {
            host: self.label.clone(),
            step: "getProfile".into(),
            detail,
        };
        if resp.status != 200 {
            return Err(step(status_detail(&resp)));
        }
        pages::parse_profile(&resp.body).map_err(|e| step(msg!("err-host-refused", detail = e)))
    }
}

// ------------------------------------------------------------------------------------------
// Sync.

/// How to sync.
#[derive(Debug, Clone, Copy, Default)]
pub struct SyncOptions {
    /// Send `since` = the start of the last complete sync (faster; misses a credential issued
    /// before then but added to the host later). Default: read the whole list and skip what
    /// was synced before.
    pub since_last_sync: bool,
}

/// What a sync did.
#[derive(Debug, Clone, Serialize)]
pub struct SyncReport {
    /// The host (after the sync).
    pub host: Host,
    /// One outcome per credential that was imported, found in the wallet already, or refused
    /// (by the page reader or by import), in listing order. Sources are `"{host} credential N"`.
    pub outcomes: Vec<FileOutcome>,
    /// Credentials skipped because this host sent exactly these bytes before.
    pub already_synced: usize,
    /// Lines about paging and the profile, in English (the English of
    /// [`Self::note_messages`]).
    pub notes: Vec<String>,
    /// The same lines as catalog messages, for the learner's language (not in the JSON
    /// output, which keeps the English lines).
    #[serde(skip)]
    pub note_messages: Vec<Message>,
    /// Pages read.
    pub pages: usize,
    /// False when paging stopped early (the next sync reads everything again).
    pub complete: bool,
}

/// Sync one host (by id, base URL or name): read every page, then import what is new with
/// verification. `login` lets it open the browser when the host's tokens are gone or refused;
/// without it, that is [`HostError::NeedsLogin`]. `progress(done, total)` after each import.
pub fn sync(
    env: &HostEnv<'_>,
    host_key: &str,
    opts: &SyncOptions,
    login: Option<&Login<'_>>,
    verify: &VerifyContext<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<SyncReport, HostError> {
    gate(env.wallet, &env.consent)?;
    let host = env
        .wallet
        .find_host(host_key)?
        .ok_or_else(|| HostError::UnknownHost(host_key.to_string()))?;
    let base = Url::parse(&host.base_url).map_err(|e| HostError::BadUrl(e.to_string().into()))?;
    // The stored base is checked again: a plain-http host needs --insecure-loopback each time.
    discovery::check_web_url(msg!("err-host-field-address"), &base, env.insecure_loopback)
        .map_err(HostError::BadUrl)?;
    let label = host_label(&base);
    let started = crate::net::rfc3339(env.clock.now());
    let secrets = match env.tokens.load(&host.secret_ref)? {
        Some(s) => s,
        None => {
            // No tokens (no credential store last time, or removed): a full connect again.
            let Some(l) = login else {
                return Err(HostError::NeedsLogin {
                    host: label,
                    url: host.base_url.clone(),
                    reason: msg!(
                        "err-host-no-sign-in",
                        store = crate::localize::word(env.tokens.describe())
                    ),
                });
            };
            connect(env, &host.base_url, l)?;
            let h = env
                .wallet
                .find_host(&host.base_url)?
                .ok_or_else(|| HostError::UnknownHost(host_key.to_string()))?;
            return sync_with(env, h, opts, login, verify, progress, started);
        }
    };
    let mut session = Session {
        env,
        host,
        secrets,
        label,
        login,
    };
    run_sync(&mut session, opts, verify, progress, started)
}

fn sync_with(
    env: &HostEnv<'_>,
    host: Host,
    opts: &SyncOptions,
    login: Option<&Login<'_>>,
    verify: &VerifyContext<'_>,
    progress: &mut dyn FnMut(usize, usize),
    started: String,
) -> Result<SyncReport, HostError> {
    let secrets = env
        .tokens
        .load(&host.secret_ref)?
        .ok_or_else(|| HostError::NeedsLogin {
            host: host.name.clone(),
            url: host.base_url.clone(),
            reason: msg!("err-host-sign-in-not-kept"),
        })?;
    let label = Url::parse(&host.base_url)
        .map(|u| host_label(&u))
        .unwrap_or_else(|_| host.name.clone());
    let mut session = Session {
        env,
        host,
        secrets,
        label,
        login,
    };
    run_sync(&mut session, opts, verify, progress, started)
}

fn run_sync(
    s: &mut Session<'_, '_>,
    opts: &SyncOptions,
    verify: &VerifyContext<'_>,
    progress: &mut dyn FnMut(usize, usize),
    started: String,
) -> Result<SyncReport, HostError> {
    let env = s.env;
    let api = api_base(&s.host.base_url)?;
    let since = if opts.since_last_sync {
        s.host.last_sync_started.clone()
    } else {
        None
    };
    // Phase 1: read every page (nothing is written until the whole listing has arrived).
    let listing = {
        let mut get = |url: &Url, step: &str| s.get(url, pages::MAX_PAGE_BYTES, step);
        pages::list_all(&api, since.as_deref(), &mut get, &|resp| HostError::Step {
            host: String::new(),
            step: String::new(),
            detail: status_detail(resp),
        })
    };
    let listing = listing.map_err(|f| match f.cause {
        pages::PageCause::Request(HostError::Step { host, detail, .. }) if host.is_empty() => {
            HostError::Step {
                host: s.label.clone(),
                step: f.step,
                detail,
            }
        }
        pages::PageCause::Request(e) => e,
        pages::PageCause::Refused(why) => HostError::Step {
            host: s.label.clone(),
            step: f.step,
            detail: msg!("err-host-refused-nothing-imported", why = why),
        },
    })?;
    let mut notes = listing.notes.clone();
    // The profile (optional: a host may not grant profile.readonly).
    match s.profile() {
        Ok((name, id)) => env
            .wallet
            .set_host_profile(s.host.id, name.as_deref(), id.as_deref())?,
        Err(HostError::Step { step, detail, .. }) => {
            notes.push(msg!("err-host-step-note", step = step, detail = detail));
        }
        Err(e) => return Err(e),
    }
    // Phase 2: import, in listing order, each credential this host has not sent before.
    let source = |n: usize| format!("{} credential {n}", s.label);
    let mut outcomes: Vec<(usize, FileOutcome)> = listing
        .refused
        .iter()
        .map(|(n, why)| {
            (
                *n,
                FileOutcome {
                    source: source(*n),
                    result: FileResult::Refused {
                        reason: crate::import::Reason::new(&source(*n), why.clone()),
                    },
                    status: None,
                },
            )
        })
        .collect();
    let mut fresh = Vec::new();
    let mut already = 0usize;
    for it in &listing.items {
        if env.wallet.host_has_credential(s.host.id, &it.sha256)? {
            already += 1;
        } else {
            fresh.push(it);
        }
    }
    let total = fresh.len();
    let opts_i = ImportOptions {
        verify: Some(verify),
        ..Default::default()
    };
    for (i, it) in fresh.into_iter().enumerate() {
        let o = crate::import::import_with(env.wallet, &it.bytes, &source(it.n), &opts_i);
        let badge = match &o.result {
            FileResult::Imported { id, .. }
            | FileResult::Duplicate { id, .. }
            | FileResult::History { id, .. }
            | FileResult::Conflict { id, .. } => Some(*id),
            _ => None,
        };
        if o.is_ok() {
            env.wallet
                .record_host_credential(s.host.id, &it.sha256, badge)?;
        }
        outcomes.push((it.n, o));
        progress(i + 1, total);
    }
    outcomes.sort_by_key(|(n, _)| *n);
    let outcomes: Vec<FileOutcome> = outcomes.into_iter().map(|(_, o)| o).collect();
    let imported = outcomes
        .iter()
        .filter(|o| {
            matches!(
                o.result,
                FileResult::Imported { .. }
                    | FileResult::History { .. }
                    | FileResult::Conflict { .. }
            )
        })
        .count();
    let refused = outcomes.iter().filter(|o| !o.is_ok()).count();
    let summary = format!(
        "{imported} new, {} already in your wallet, {refused} refused",
        already
            + outcomes
                .iter()
                .filter(|o| matches!(o.result, FileResult::Duplicate { .. }))
                .count()
    );
    if listing.complete {
        env.wallet.finish_host_sync(s.host.id, &started, &summary)?;
    }
    let host = env
        .wallet
        .find_host(&s.host.id.to_string())?
        .unwrap_or_else(|| s.host.clone());
    Ok(SyncReport {
        host,
        outcomes,
        already_synced: already,
        notes: notes.iter().map(Message::english).collect(),
        note_messages: notes,
        pages: listing.pages,
        complete: listing.complete,
    })
}

/// Forget a host: its wallet record, sync history and secrets (the badges stay).
pub fn remove(wallet: &Wallet, tokens: &dyn TokenStore, host_key: &str) -> Result<Host, HostError> {
    let host = wallet
        .find_host(host_key)?
        .ok_or_else(|| HostError::UnknownHost(host_key.to_string()))?;
    // Secrets first: a host left in the wallet without secrets only asks for a new sign-in;
    // secrets left without a host would be orphaned in the credential store.
    tokens.delete(&host.secret_ref)?;
    wallet.remove_host(host.id)?;
    Ok(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::keys;

    #[test]
    fn base_urls() {
        let n = |s: &str| normalize_base(s, false).map(|(b, d)| (b.to_string(), d.to_string()));
        assert_eq!(
            n("badges.example.edu").unwrap(),
            (
                "https://badges.example.edu/".into(),
                "https://badges.example.edu/ims/ob/v3p0/discovery".into()
            )
        );
        assert_eq!(
            n("https://h.example/school/ims/ob/v3p0/discovery?x=1#f")
                .unwrap()
                .1,
            "https://h.example/school/ims/ob/v3p0/discovery"
        );
        assert_eq!(
            n("https://h.example/school/").unwrap().0,
            "https://h.example/school"
        );
        assert!(
            n("http://h.example")
                .unwrap_err()
                .to_string()
                .contains("https")
        );
        assert!(n("http://127.0.0.1:5/").is_err());
        assert!(normalize_base("http://127.0.0.1:5/", true).is_ok());
        assert!(n("ftp://h.example").is_err());
    }

    #[test]
    fn gate_needs_consent_and_blocks_minor_mode() {
        let w = Wallet::open_in_memory().unwrap();
        let no = Consent::default();
        assert!(matches!(gate(&w, &no), Err(HostError::NoConsent)));
        let yes = Consent {
            allow_network: true,
            guardian: None,
        };
        assert!(gate(&w, &yes).is_ok());
        w.set_setting_bool(keys::NETWORK_ALLOWED, true).unwrap();
        assert!(gate(&w, &no).is_ok());
        crate::minor_mode::MinorMode::enable(&w, "guardian words").unwrap();
        assert!(matches!(gate(&w, &yes), Err(HostError::MinorMode)));
        let unlock = crate::minor_mode::MinorMode::unlock(&w, "guardian words").unwrap();
        let unlocked = Consent {
            allow_network: true,
            guardian: Some(&unlock),
        };
        assert!(gate(&w, &unlocked).is_ok());
        // An unlock of an earlier record (turned off and on again) no longer counts.
        crate::minor_mode::MinorMode::disable(&w, "guardian words").unwrap();
        crate::minor_mode::MinorMode::enable(&w, "guardian words").unwrap();
        assert!(matches!(gate(&w, &unlocked), Err(HostError::MinorMode)));
    }
}
