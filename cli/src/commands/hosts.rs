//! `backpack hosts list [--json]`, `backpack hosts remove HOST`: the badge hosts this wallet
//! is connected to (`backpack connect`). Removing one forgets its sign-in (in the system
//! credential store) and its sync history; the badges it brought stay in the wallet.

use std::io::Write;
use std::process::ExitCode;

use backpack_core::host_api;
use backpack_core::localize::Localize as _;

use super::connect::token_store;
use super::{Ctx, clip, terminal_safe as clean};

/// Subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the connected hosts.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Forget a host (by number, address or name): its sign-in and sync history.
    Remove {
        /// The host, as in 'backpack hosts list'.
        host: String,
    },
}

impl Command {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        let mut out = std::io::stdout().lock();
        match self {
            Command::List { json } => {
                let hosts = wallet.hosts()?;
                if *json {
                    let mut rows = Vec::new();
                    for h in &hosts {
                        let mut v = serde_json::to_value(h)?;
                        v["credentials_synced"] = wallet.host_credential_count(h.id)?.into();
                        rows.push(v);
                    }
                    writeln!(out, "{}", serde_json::to_string(&rows)?)?;
                    return Ok(ExitCode::SUCCESS);
                }
                if hosts.is_empty() {
                    writeln!(out, "{}", tr!("cli-hosts-none"))?;
                    return Ok(ExitCode::SUCCESS);
                }
                writeln!(
                    out,
                    "{:>4}  {:<24}  {:<36}  {:<20}  {:<20}  {}",
                    tr!("cli-col-id"),
                    tr!("cli-col-name"),
                    tr!("cli-hosts-col-address"),
                    tr!("cli-hosts-col-signed-in"),
                    tr!("cli-hosts-col-last-sync"),
                    tr!("cli-hosts-col-synced")
                )?;
                for h in &hosts {
                    let last = h
                        .last_sync_at
                        .as_deref()
                        .map(|d| super::cat().date_utc(d))
                        .unwrap_or_else(|| tr!("cli-hosts-never"));
                    writeln!(
                        out,
                        "{:>4}  {:<24}  {:<36}  {:<20}  {:<20}  {}",
                        h.id,
                        clip(&h.name, 24),
                        clip(&h.base_url, 36),
                        clip(h.profile_name.as_deref().unwrap_or("-"), 20),
                        clip(&last, 20),
                        wallet.host_credential_count(h.id)?
                    )?;
                }
                Ok(ExitCode::SUCCESS)
            }
            Command::Remove { host } => {
                let tokens = token_store();
                match host_api::remove(&wallet, tokens.as_ref(), host) {
                    Ok(h) => {
                        writeln!(
                            out,
                            "{:<10} #{} \"{}\"  {}  {}",
                            tr!("cli-hosts-removed"),
                            h.id,
                            clean(&h.name),
                            clean(&h.base_url),
                            tr!("cli-hosts-badges-stay")
                        )?;
                        Ok(ExitCode::SUCCESS)
                    }
                    Err(e) => {
                        eprintln!("backpack: {}", clean(&e.localize(super::cat())));
                        Ok(ExitCode::from(2))
                    }
                }
            }
        }
    }
}
