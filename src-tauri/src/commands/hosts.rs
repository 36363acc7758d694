//! "Connect a badge host" (issue 11): thin async commands over `backpack_core::host_api`.
//! Connect and sync wait on the network and on the learner's browser, so they run on a
//! blocking thread (`spawn_blocking`) and the UI stays responsive; `cancel_host_signin` stops
//! a sign-in wait. The sign-in page opens in the **system browser** from Rust with the `open`
//! crate (never inside the app's webview, RFC 8252 §8.12), and its address is also sent to
//! the UI as the `host-signin` event `{url}` so it can be shown when no browser opens.
//!
//! Consent: the wallet's network setting (Settings), checked by the core's `host_api::gate`
//! together with minor mode (the guardian's session unlock is passed through).
//! Secrets: the system credential store, else memory for this session (the UI says which).
//! `BACKPACK_TOKEN_STORE=memory` forces memory; `BACKPACK_INSECURE_LOOPBACK=1` allows a
//! plain-http host on 127.0.0.1 (tests and development only).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::Duration;

use backpack_core::env::SystemClock;
use backpack_core::host_api::http::ApiHttp;
use backpack_core::host_api::tokens::system_or_memory;
use backpack_core::host_api::{
    self, Browser, ClientMetadata, Consent, HostEnv, HostError, Login, LoopbackRedirect,
    MemoryTokenStore, SyncOptions, TokenStore,
};
use backpack_core::store::hosts::Host;
use backpack_core::verify::VerifyContext;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};

use super::adapter::{ImportResults, WalletAdapter, line};
use crate::error::{CmdResult, CommandError};
use crate::state::AppState;

/// Opens the system browser.
struct SystemBrowser;

impl Browser for SystemBrowser {
    fn open(&self, url: &str) {
        // Failure is not fatal: the UI shows the address to open by hand.
        let _ = open::that_detached(url);
    }
}

/// The `host-signin` event: the sign-in page's address, shown when no browser opens.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct HostSignin {
    /// The address.
    pub url: String,
}

/// The browser plus the `host-signin` event, so the UI can show the address.
struct EmittingBrowser<R: Runtime> {
    app: AppHandle<R>,
    inner: Arc<dyn Browser>,
}

impl<R: Runtime> Browser for EmittingBrowser<R> {
    fn open(&self, url: &str) {
        let _ = self.app.emit(
            "host-signin",
            HostSignin {
                url: url.to_string(),
            },
        );
        self.inner.open(url);
    }
}

/// Host connection state of the app (managed beside `AppState`).
pub struct HostsState {
    tokens: OnceLock<(Arc<dyn TokenStore>, Option<String>)>,
    browser: RwLock<Arc<dyn Browser>>,
    cancel: Arc<AtomicBool>,
    insecure_loopback: AtomicBool,
    login_timeout: RwLock<Duration>,
}

impl Default for HostsState {
    fn default() -> Self {
        HostsState {
            tokens: OnceLock::new(),
            browser: RwLock::new(Arc::new(SystemBrowser)),
            cancel: Arc::new(AtomicBool::new(false)),
            insecure_loopback: AtomicBool::new(
                std::env::var("BACKPACK_INSECURE_LOOPBACK").is_ok_and(|v| v == "1"),
            ),
            login_timeout: RwLock::new(host_api::LOGIN_TIMEOUT),
        }
    }
}

impl HostsState {
    /// The token store, chosen on first use (probing the credential store may take a moment).
    fn tokens(&self) -> (Arc<dyn TokenStore>, Option<String>) {
        self.tokens
            .get_or_init(|| {
                if std::env::var("BACKPACK_TOKEN_STORE").is_ok_and(|v| v == "memory") {
                    return (Arc::new(MemoryTokenStore::new()), None);
                }
                let (s, why) = system_or_memory();
                (Arc::from(s), why.map(|e| e.to_string()))
            })
            .clone()
    }

    /// Tests: use this token store (before the first connect or sync).
    pub fn set_token_store(&self, t: Arc<dyn TokenStore>) {
        let _ = self.tokens.set((t, None));
    }

    /// Tests: drive the sign-in page themselves.
    pub fn set_browser(&self, b: Arc<dyn Browser>) {
        if let Ok(mut g) = self.browser.write() {
            *g = b;
        }
    }

    /// Tests and development: allow a plain-http host on 127.0.0.1.
    pub fn set_insecure_loopback(&self, yes: bool) {
        self.insecure_loopback.store(yes, Ordering::SeqCst);
    }

    /// Tests: a shorter sign-in wait.
    pub fn set_login_timeout(&self, d: Duration) {
        if let Ok(mut g) = self.login_timeout.write() {
            *g = d;
        }
    }

    fn browser(&self) -> Arc<dyn Browser> {
        self.browser
            .read()
            .map(|b| b.clone())
            .unwrap_or_else(|_| Arc::new(SystemBrowser))
    }
}

/// A connected host as the UI shows it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HostDto {
    /// Wallet id.
    pub id: i64,
    /// The host's name.
    pub name: String,
    /// Its address.
    pub url: String,
    /// Who the learner is there.
    pub profile_name: Option<String>,
    /// When the last complete sync finished (RFC 3339).
    pub last_sync_at: Option<String>,
    /// One line about it.
    pub last_sync_summary: Option<String>,
    /// Credentials synced from it.
    pub synced: u64,
}

fn dto(w: &WalletAdapter, h: Host) -> CmdResult<HostDto> {
    Ok(HostDto {
        synced: w.core().host_credential_count(h.id)?,
        id: h.id,
        name: h.name,
        url: h.base_url,
        profile_name: h.profile_name,
        last_sync_at: h.last_sync_at,
        last_sync_summary: h.last_sync_summary,
    })
}

/// What connecting did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectDto {
    /// The host.
    pub host: HostDto,
    /// Lines about the host's discovery document and profile.
    pub notes: Vec<String>,
    /// "the system credential store" or "memory (this session only)".
    pub secrets_in: String,
    /// Why there is no credential store, when there is none.
    pub store_note: Option<String>,
}

/// What a sync did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncDto {
    /// The host after the sync.
    pub host: HostDto,
    /// What happened to each credential that was not synced before (counted; the lines worth
    /// reading, as for a bulk import).
    pub results: ImportResults,
    /// Credentials skipped because they were synced before.
    pub already_synced: usize,
    /// Lines about paging and the profile.
    pub notes: Vec<String>,
}

fn host_error(e: HostError) -> CommandError {
    let kind = match &e {
        HostError::NoConsent | HostError::MinorMode => "locked",
        HostError::BadUrl(_) => "invalid_input",
        HostError::UnknownHost(_) => "not_found",
        HostError::NeedsLogin { .. } => "refused",
        HostError::Step { .. } => "refused",
        _ => "core",
    };
    CommandError::new(kind, e.to_string())
}

fn joined(e: tauri::Error) -> CommandError {
    CommandError::new("cancelled", e.to_string())
}

/// The connected hosts.
#[tauri::command]
pub async fn list_hosts(state: State<'_, AppState>) -> CmdResult<Vec<HostDto>> {
    let w = state.wallet.clone();
    super::off_main(move || hosts_of(&w)).await
}

fn hosts_of(w: &WalletAdapter) -> CmdResult<Vec<HostDto>> {
    w.core().hosts()?.into_iter().map(|h| dto(w, h)).collect()
}

/// Connect to a host: discovery, registration, sign-in in the system browser, tokens.
#[tauri::command]
pub async fn connect_host<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    hosts: State<'_, HostsState>,
    url: String,
) -> CmdResult<ConnectDto> {
    let (_, store_note) = hosts.tokens();
    HostJob::new(app, &state, &hosts)
        .run(move |wallet, env, login| {
            let c = host_api::connect(env, &url, login).map_err(host_error)?;
            // In the UI's language: what the discovery document lacked, and why the profile
            // could not be read.
            let cat = crate::error::catalog();
            let mut notes: Vec<String> = c
                .tolerated_messages
                .iter()
                .map(|t| {
                    cat.msg(
                        "host-discovery-note",
                        &[("note", backpack_core::i18n::Arg::Str(t.render(cat)))],
                    )
                })
                .collect();
            notes.extend(c.profile_note_message.as_ref().map(|m| m.render(cat)));
            Ok(ConnectDto {
                host: dto(wallet, c.host)?,
                notes,
                secrets_in: c.secrets_in,
                store_note,
            })
        })
        .await
}

/// Everything a host job (connect, sync) takes from the command, moved to a blocking thread:
/// the network and the learner's browser can take minutes, so never on the async runtime.
struct HostJob<R: Runtime> {
    wallet: Arc<WalletAdapter>,
    browser: EmittingBrowser<R>,
    cancel: Arc<AtomicBool>,
    timeout: Duration,
    tokens: Arc<dyn TokenStore>,
    insecure: bool,
}

impl<R: Runtime> HostJob<R> {
    fn new(app: AppHandle<R>, state: &AppState, hosts: &HostsState) -> Self {
        let cancel = hosts.cancel.clone();
        cancel.store(false, Ordering::SeqCst);
        HostJob {
            wallet: state.wallet.clone(),
            browser: EmittingBrowser {
                app,
                inner: hosts.browser(),
            },
            cancel,
            timeout: hosts
                .login_timeout
                .read()
                .map(|d| *d)
                .unwrap_or(host_api::LOGIN_TIMEOUT),
            tokens: hosts.tokens().0,
            insecure: hosts.insecure_loopback.load(Ordering::SeqCst),
        }
    }

    /// Run `f` on a blocking thread with the core's host environment (the wallet's consent
    /// and this session's guardian unlock, checked by `host_api::gate`) and a browser login.
    async fn run<T: Send + 'static>(
        self,
        f: impl FnOnce(&WalletAdapter, &HostEnv<'_>, &Login<'_>) -> CmdResult<T> + Send + 'static,
    ) -> CmdResult<T> {
        let job = move || -> CmdResult<T> {
            let redirect =
                LoopbackRedirect::bind().map_err(|e| CommandError::new("io", e.to_string()))?;
            let login = Login {
                browser: &self.browser,
                redirect: &redirect,
                timeout: self.timeout,
                cancel: Some(&self.cancel),
            };
            let http = ApiHttp::new(false).insecure_loopback(self.insecure);
            let clock = SystemClock;
            let guardian = self.wallet.guardian_unlock();
            let env = HostEnv {
                wallet: self.wallet.core(),
                http: &http,
                tokens: self.tokens.as_ref(),
                clock: &clock,
                consent: Consent {
                    allow_network: false,
                    guardian: guardian.as_ref(),
                },
                insecure_loopback: self.insecure,
                client: ClientMetadata::default(),
            };
            f(&self.wallet, &env, &login)
        };
        tauri::async_runtime::spawn_blocking(job)
            .await
            .map_err(joined)?
    }
}

/// Stop waiting for a sign-in.
#[tauri::command]
pub fn cancel_host_signin(hosts: State<'_, HostsState>) {
    hosts.cancel.store(true, Ordering::SeqCst);
}

/// Sync one host: import, verified, what it has that was not synced before.
#[tauri::command]
pub async fn sync_host<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    hosts: State<'_, HostsState>,
    id: i64,
) -> CmdResult<SyncDto> {
    HostJob::new(app, &state, &hosts)
        .run(move |wallet, env, login| {
            // Verification may fetch (issuer keys, status lists) under the same rule.
            let fetcher = backpack_core::policy::fetcher(wallet.network()?, false);
            let core = wallet.core();
            let recipients = core.identity_values()?;
            let clock = SystemClock;
            let vctx = VerifyContext::new(&clock, fetcher.as_ref())
                .with_recipients(&recipients)
                .with_cache(core);
            let r = host_api::sync(
                env,
                &id.to_string(),
                &SyncOptions::default(),
                Some(login),
                &vctx,
                &mut |_, _| {},
            )
            .map_err(host_error)?;
            Ok(SyncDto {
                host: dto(wallet, r.host)?,
                results: ImportResults::of(r.outcomes.into_iter().map(line).collect()),
                already_synced: r.already_synced,
                notes: r
                    .note_messages
                    .iter()
                    .map(|m| m.render(crate::error::catalog()))
                    .collect(),
            })
        })
        .await
}

/// Forget a host (its sign-in and sync history; its badges stay).
#[tauri::command]
pub async fn remove_host(
    state: State<'_, AppState>,
    hosts: State<'_, HostsState>,
    id: i64,
) -> CmdResult<Vec<HostDto>> {
    let w = state.wallet.clone();
    let (tokens, _) = hosts.tokens();
    // The system credential store may take a while to answer: off the main thread.
    super::off_main(move || {
        host_api::remove(w.core(), tokens.as_ref(), &id.to_string()).map_err(host_error)?;
        hosts_of(&w)
    })
    .await
}
