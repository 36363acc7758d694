//! `backpack sync [HOST] [--since-last-sync] [--json] [network options]`: bring in what is new
//! from connected badge hosts (all of them without HOST). A thin adapter over
//! `backpack_core::host_api::sync`: one line per credential the host sent that was not synced
//! before (imported with its verification status, already in the wallet, or refused with the
//! reason naming the host and the credential), the paging notes, then a summary per host.
//! When the host's sign-in is gone or refused, the browser opens to sign in again.
//! Exit: 0 ok, 1 some credential refused, 2 a host failed (nothing from its listing written).

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use backpack_core::env::SystemClock;
use backpack_core::host_api::{self, HostEnv, Login, LoopbackRedirect, SyncOptions};
use backpack_core::import::FileResult;
use backpack_core::localize::Localize as _;
use backpack_core::store::keys;
use backpack_core::verify::VerifyContext;

use super::connect::{CliBrowser, NetArgs, api_http, host_env, token_store};
use super::{Ctx, terminal_safe as clean};

/// `sync` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A connected host: its number, address or name (see 'backpack hosts list'). Default: all.
    #[arg(value_name = "HOST")]
    host: Option<String>,
    /// Ask only for credentials issued since the last complete sync (faster; may miss a
    /// credential issued earlier but added to the host since).
    #[arg(long)]
    since_last_sync: bool,
    /// One JSON object per credential (as 'import --json'), then one per host.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    net: NetArgs,
}

/// What `run_one` prints.
pub struct SyncFlags {
    /// `--since-last-sync`.
    pub since_last_sync: bool,
    /// `--json`.
    pub json: bool,
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
        let keys: Vec<String> = match &self.host {
            Some(h) => vec![h.clone()],
            None => wallet.hosts()?.iter().map(|h| h.id.to_string()).collect(),
        };
        if keys.is_empty() {
            eprintln!("backpack: {}", tr!("cli-sync-no-host"));
            return Ok(ExitCode::from(2));
        }
        let flags = SyncFlags {
            since_last_sync: self.since_last_sync,
            json: self.json,
        };
        let mut worst = 0u8;
        for k in keys {
            worst = worst.max(run_one(&env, &k, &flags, Some(&login), &self.net)?);
        }
        Ok(ExitCode::from(worst))
    }
}

/// Sync one host and print its lines; the exit code (0, 1 or 2).
pub fn run_one(
    env: &HostEnv<'_>,
    key: &str,
    flags: &SyncFlags,
    login: Option<&Login<'_>>,
    net: &NetArgs,
) -> anyhow::Result<u8> {
    let wallet = env.wallet;
    // Verification may fetch (issuer keys, status lists) with the same consent.
    let allow = net.allow_network
        || net.allow_private_network
        || wallet.setting_bool(keys::NETWORK_ALLOWED, false)?;
    let fetcher = super::verify::fetcher(allow, net.allow_private_network);
    let recipients = wallet.identity_values()?;
    let clock = SystemClock;
    let vctx = VerifyContext::new(&clock, fetcher.as_ref())
        .with_recipients(&recipients)
        .with_cache(wallet);
    let opts = SyncOptions {
        since_last_sync: flags.since_last_sync,
    };
    let r = match host_api::sync(env, key, &opts, login, &vctx, &mut |_, _| {}) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("backpack: {}", clean(&e.localize(super::cat())));
            return Ok(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let (mut imported, mut duplicate, mut refused, mut failed) = (0, 0, 0, 0);
    for o in &r.outcomes {
        match &o.result {
            FileResult::Imported { .. }
            | FileResult::History { .. }
            | FileResult::Conflict { .. }
            | FileResult::Endorsement { .. } => imported += 1,
            FileResult::Duplicate { .. } => duplicate += 1,
            FileResult::Refused { .. } => refused += 1,
            FileResult::Failed { .. } => failed += 1,
            FileResult::Skipped { .. } => {}
        }
        if flags.json {
            writeln!(out, "{}", serde_json::to_string(o)?)?;
            continue;
        }
        let src = clean(&o.source);
        let checked = o
            .status
            .map(|s| format!("  ({})", super::status_word(s)))
            .unwrap_or_default();
        // The outcome word, in a column of 10 (as `import` prints it).
        let word = super::outcome_word;
        match &o.result {
            FileResult::Imported { id, name, .. } => writeln!(
                out,
                "{} {src}  #{id} \"{}\"{checked}",
                word("cli-import-imported"),
                clean(name)
            )?,
            FileResult::History { id, name, current } => writeln!(
                out,
                "{} {src}  #{id} \"{}\"  {}{checked}",
                word("cli-import-imported"),
                clean(name),
                tr!("cli-sync-history", id = *current)
            )?,
            FileResult::Conflict { id, name, current } => writeln!(
                out,
                "{} {src}  #{id} \"{}\"  {}{checked}",
                word("cli-import-conflict-word"),
                clean(name),
                tr!("cli-sync-conflict", id = *current)
            )?,
            FileResult::Endorsement { name, .. } => writeln!(
                out,
                "{} {src}  \"{}\"{checked}",
                word("cli-import-endorsement"),
                clean(name)
            )?,
            FileResult::Duplicate { id, name } => writeln!(
                out,
                "{} {src}  #{id} \"{}\"  {}",
                word("cli-import-duplicate"),
                clean(name),
                tr!("cli-import-already")
            )?,
            FileResult::Refused { .. } | FileResult::Skipped { .. } | FileResult::Failed { .. } => {
                writeln!(
                    out,
                    "{}",
                    super::problem_line(&o.result).unwrap_or_default()
                )?
            }
        }
    }
    if flags.json {
        writeln!(
            out,
            "{}",
            serde_json::json!({
                "host": r.host.id,
                "name": r.host.name,
                "url": r.host.base_url,
                "pages": r.pages,
                "complete": r.complete,
                "already_synced": r.already_synced,
                "notes": r.notes,
            })
        )?;
    } else {
        for n in &r.note_messages {
            writeln!(
                out,
                "{:<10} {}: {}",
                tr!("cli-sync-note"),
                clean(&r.host.name),
                clean(&n.render(super::cat()))
            )?;
        }
        write!(
            out,
            "{}: {}",
            clean(&r.host.name),
            tr!(
                "cli-sync-summary",
                imported = imported,
                duplicate = duplicate,
                synced = r.already_synced,
                refused = refused
            )
        )?;
        if failed > 0 {
            write!(out, ", {}", tr!("cli-import-n-failed", n = failed))?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed > 0 {
        2
    } else if refused > 0 {
        1
    } else {
        0
    })
}
