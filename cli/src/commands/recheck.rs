//! `backpack recheck [ID | --all] [--allow-network] [--allow-private-network] [--json]`:
//! re-verify badges already in the wallet (issue 3).
//!
//! Recipients default to the learner profile's emails and DIDs. Network is allowed by
//! `--allow-network` or by the wallet's "network allowed" setting; documents fetched are kept
//! in the wallet's cache, and an offline re-check answers from that cache and says how old
//! the copy is. Each new report is saved with the documents it used (the evidence snapshot).
//! Output and exit codes as `backpack verify`.

use std::process::ExitCode;

use anyhow::Context as _;
use backpack_core::env::SystemClock;
use backpack_core::store::keys;
use backpack_core::verify::{DocumentCache, VerifyContext, verify_bytes};

use super::Ctx;
use super::verify::{exit_code, fetcher, human, json_line};

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["id", "all"])))]
pub struct Args {
    /// The wallet id of the badge to re-check (see `backpack list`).
    #[arg(value_name = "ID")]
    pub id: Option<i64>,
    /// Re-check every badge in the wallet.
    #[arg(long)]
    pub all: bool,
    /// Allow network access for this run (the wallet setting can allow it for good).
    #[arg(long)]
    pub allow_network: bool,
    /// Also allow private, loopback and link-local addresses (implies --allow-network).
    #[arg(long)]
    pub allow_private_network: bool,
    /// Print one JSON object per badge, one per line.
    #[arg(long)]
    pub json: bool,
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        let ids = match self.id {
            Some(id) => vec![id],
            None => wallet
                .badge_ids()
                .context("cannot list the wallet's badges")?,
        };
        let recipients = wallet
            .identity_values()
            .context("cannot read the learner profile")?;
        let network_setting = wallet
            .setting_bool(keys::NETWORK_ALLOWED, false)
            .context("cannot read the wallet settings")?;
        let fetcher = fetcher(
            self.allow_network || network_setting,
            self.allow_private_network,
        );
        let clock = SystemClock;
        let cache: &dyn DocumentCache = &wallet;
        let vctx = VerifyContext::new(&clock, fetcher.as_ref())
            .with_recipients(&recipients)
            .with_cache(cache);
        let mut verdicts = Vec::new();
        for id in ids {
            let badge = wallet
                .get_badge(id)
                .with_context(|| format!("badge {id}"))?;
            let report = verify_bytes(&badge.original, &vctx);
            wallet
                .save_report(id, &report)
                .with_context(|| format!("cannot save the report of badge {id}"))?;
            let name = super::clip(&badge.badge.name, 60);
            let label = format!("{id} {name}");
            if self.json {
                let mut line = json_line(&label, &report);
                line["id"] = serde_json::json!(id);
                line["file"] = serde_json::json!(badge.source);
                println!("{}", super::json_safe(&line.to_string()));
            } else {
                print!("{}", human(&label, &report));
            }
            verdicts.push(report.verdict);
        }
        if verdicts.is_empty() && !self.json {
            println!("the wallet holds no badges to re-check");
        }
        Ok(exit_code(&verdicts))
    }
}
