//! `backpack connect URL [--allow-network] [--allow-private-network] [--insecure-loopback]
//! [--no-browser] [--timeout SECS] [--sync] [--json]`: connect to a badge host that speaks the
//! Open Badges 3.0 API (discovery, registration, sign-in in the system browser). A thin adapter
//! over `backpack_core::host_api::connect`; what it shares with `sync` and `hosts` lives here.
//!
//! The sign-in page opens in the system browser (the `open` crate); the address is always
//! printed too, so it can be opened by hand when no browser starts (`--no-browser`, or
//! `BACKPACK_NO_BROWSER=1`, only prints it). The host's secrets go to the system credential
//! store; without one (or with `BACKPACK_TOKEN_STORE=memory`) they are kept for this command
//! only and nothing secret is written to disk.
//! Exit: 0 connected (and, with `--sync`, nothing refused), 1 something refused, 2 error.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use backpack_core::env::SystemClock;
use backpack_core::host_api::http::ApiHttp;
use backpack_core::host_api::tokens::system_or_memory;
use backpack_core::host_api::{
    self, Browser, ClientMetadata, Consent, HostEnv, Login, LoopbackRedirect, MemoryTokenStore,
    TokenStore,
};
use backpack_core::localize::Localize as _;
use backpack_core::store::Wallet;

use super::{Ctx, terminal_safe as clean};

/// Network options shared by `connect` and `sync`.
#[derive(Debug, Clone, clap::Args)]
pub struct NetArgs {
    /// Allow network access for this command (else the wallet's network setting decides).
    #[arg(long)]
    pub allow_network: bool,
    /// Also allow a host on a private, loopback or link-local address (still https).
    #[arg(long)]
    pub allow_private_network: bool,
    /// Allow a plain-http host on 127.0.0.1 (tests and development only; implies
    /// --allow-private-network for loopback).
    #[arg(long)]
    pub insecure_loopback: bool,
    /// Do not start a browser: only print the sign-in address.
    #[arg(long)]
    pub no_browser: bool,
    /// How long to wait for the sign-in in the browser, in seconds.
    #[arg(long, default_value_t = 300, value_name = "SECS")]
    pub timeout: u64,
}

/// The system browser, with the address printed first.
pub struct CliBrowser {
    /// Only print.
    pub no_browser: bool,
}

impl Browser for CliBrowser {
    fn open(&self, url: &str) {
        let mut out = std::io::stdout().lock();
        // The URL was built by the core from a checked https (or loopback) address and is
        // percent-encoded: it holds no control characters.
        let _ = writeln!(out, "{}\n  {}", tr!("cli-connect-sign-in"), clean(url));
        let _ = out.flush();
        drop(out);
        let env_off = std::env::var_os("BACKPACK_NO_BROWSER").is_some_and(|v| v == "1");
        if self.no_browser || env_off {
            return;
        }
        if let Err(e) = open::that_detached(url) {
            eprintln!(
                "backpack: {}",
                tr!("cli-no-browser", error = clean(&e.to_string()))
            );
        }
    }
}

/// Where host secrets go: the system credential store, else memory with a note on stderr.
pub fn token_store() -> Box<dyn TokenStore> {
    if std::env::var("BACKPACK_TOKEN_STORE").is_ok_and(|v| v == "memory") {
        return Box::new(MemoryTokenStore::new());
    }
    let (store, why) = system_or_memory();
    if let Some(e) = why {
        eprintln!(
            "backpack: {}",
            tr!(
                "cli-connect-memory-note",
                error = clean(&e.localize(super::cat()))
            )
        );
    }
    store
}

/// The API network as the options allow.
pub fn api_http(n: &NetArgs) -> ApiHttp {
    ApiHttp::new(n.allow_private_network).insecure_loopback(n.insecure_loopback)
}

/// The core's environment for one command.
pub fn host_env<'a>(
    wallet: &'a Wallet,
    http: &'a ApiHttp,
    tokens: &'a dyn TokenStore,
    clock: &'a SystemClock,
    n: &NetArgs,
    guardian: Option<&'a backpack_core::minor_mode::GuardianUnlock>,
) -> HostEnv<'a> {
    HostEnv {
        wallet,
        http,
        tokens,
        clock,
        consent: Consent {
            allow_network: n.allow_network || n.allow_private_network || n.insecure_loopback,
            guardian,
        },
        insecure_loopback: n.insecure_loopback,
        client: ClientMetadata::default(),
    }
}

/// `connect` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The host's address (https://badges.example.edu), or its discovery URL.
    #[arg(value_name = "URL")]
    url: String,
    #[command(flatten)]
    net: NetArgs,
    /// Sync right after connecting.
    #[arg(long)]
    sync: bool,
    /// Print the connected host as JSON.
    #[arg(long)]
    json: bool,
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        let tokens = token_store();
        let http = api_http(&self.net);
        let clock = SystemClock;
        let unlock = ctx.unlock(&wallet, None)?;
        let env = host_env(
            &wallet,
            &http,
            tokens.as_ref(),
            &clock,
            &self.net,
            unlock.as_ref(),
        );
        let redirect = LoopbackRedirect::bind()?;
        let browser = CliBrowser {
            no_browser: self.net.no_browser,
        };
        let login = Login {
            browser: &browser,
            redirect: &redirect,
            timeout: Duration::from_secs(self.net.timeout),
            cancel: None,
        };
        let c = match host_api::connect(&env, &self.url, &login) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("backpack: {}", clean(&e.localize(super::cat())));
                return Ok(ExitCode::from(2));
            }
        };
        let mut out = std::io::stdout().lock();
        if self.json {
            writeln!(out, "{}", serde_json::to_string(&c)?)?;
        } else {
            let who = c
                .host
                .profile_name
                .as_deref()
                .map(|n| format!(" {}", tr!("cli-connect-as", name = clean(n))))
                .unwrap_or_default();
            writeln!(
                out,
                "{:<10} #{} \"{}\"  {}{who}",
                tr!("cli-connect-connected"),
                c.host.id,
                clean(&c.host.name),
                clean(&c.host.base_url)
            )?;
            for t in &c.tolerated_messages {
                writeln!(
                    out,
                    "  {}",
                    tr!(
                        "cli-connect-discovery-note",
                        note = clean(&t.render(super::cat()))
                    )
                )?;
            }
            if let Some(p) = &c.profile_note_message {
                writeln!(
                    out,
                    "  {}",
                    tr!("cli-note", note = clean(&p.render(super::cat())))
                )?;
            }
            writeln!(
                out,
                "  {}",
                tr!("cli-connect-kept-in", store = c.secrets_in.to_string())
            )?;
            if !self.sync {
                writeln!(
                    out,
                    "  {}",
                    tr!("cli-connect-next", id = c.host.id.to_string())
                )?;
            }
        }
        out.flush()?;
        drop(out);
        if self.sync {
            let code = super::sync::run_one(
                &env,
                &c.host.id.to_string(),
                &super::sync::SyncFlags {
                    since_last_sync: false,
                    json: self.json,
                },
                Some(&login),
                &self.net,
            )?;
            return Ok(ExitCode::from(code));
        }
        Ok(ExitCode::SUCCESS)
    }
}
