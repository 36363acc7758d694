//! `backpack recheck [ID | --all] [--allow-network] [--allow-private-network] [--json]`:
//! re-verify badges already in the wallet (issue 3).
//!
//! Recipients default to the learner profile's emails and DIDs. Network is allowed by
//! `--allow-network` or by the wallet's "network allowed" setting; documents fetched are kept
//! in the wallet's cache, and an offline re-check answers from that cache and says how old
//! the copy is. Each new report is saved with the documents it used (the evidence snapshot).
//! Output and exit codes as `backpack verify`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use backpack_core::env::SystemClock;
use backpack_core::recheck::{Rechecked, Refresh, recheck_many};
use backpack_core::verify::{DocumentCache, VerifyContext};

use super::Ctx;
use super::verify::{exit_code, fetcher, human, json_line, write_json_line};

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["id", "all"])))]
pub struct Args {
    /// The wallet id of the badge to re-check (see 'backpack list').
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
            None => wallet.badge_ids().context(tr!("cli-recheck-cannot-list"))?,
        };
        let recipients = wallet
            .identity_values()
            .context(tr!("cli-recheck-cannot-read-profile"))?;
        let online = ctx.network(
            Some(&wallet),
            self.allow_network || self.allow_private_network,
        )?;
        let fetcher = fetcher(online, online && self.allow_private_network);
        let clock = SystemClock;
        let cache: &dyn DocumentCache = &wallet;
        let vctx = VerifyContext::new(&clock, fetcher.as_ref())
            .with_recipients(&recipients)
            .with_cache(cache);
        let labels = wallet
            .names_and_sources(&ids)
            .context(tr!("cli-recheck-cannot-read-badges"))?;
        let mut verdicts = Vec::with_capacity(ids.len());
        // One buffered writer for the whole run (stdout is line-buffered: a write per line
        // otherwise).
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut failed: anyhow::Result<()> = Ok(());
        // The core verifies on every core and saves the reports in batches; the lines come
        // back in id order.
        recheck_many(&wallet, &ids, &vctx, &mut |id, done| {
            if failed.is_err() {
                return;
            }
            failed = (|| {
                let done = done.with_context(|| tr!("cli-recheck-cannot", id = id))?;
                let (name, source) = labels
                    .get(&id)
                    .with_context(|| tr!("cli-recheck-no-such", id = id))?;
                self.write(&mut out, id, name, source, &done)?;
                verdicts.push(done.report.verdict);
                Ok(())
            })();
        });
        failed?;
        out.flush()?;
        drop(out);
        if verdicts.is_empty() && !self.json {
            println!("{}", tr!("cli-recheck-empty"));
        }
        Ok(exit_code(&verdicts))
    }

    /// One re-checked badge, as a JSON line or a human block.
    fn write(
        &self,
        out: &mut impl Write,
        id: i64,
        name: &str,
        source: &str,
        done: &Rechecked,
    ) -> anyhow::Result<()> {
        let report = &done.report;
        let label = format!("{id} {}", super::clip(name, 60));
        if self.json {
            // `file` is the badge's source file; the label is only for the human block.
            let mut line = json_line(source, report);
            line.id = Some(id);
            line.refresh = Some(&done.refresh);
            write_json_line(out, &line)?;
        } else {
            write!(out, "{}", human(&label, report))?;
            match &done.refresh {
                Refresh::NotOffered => {}
                Refresh::Replaced { new_id } => writeln!(
                    out,
                    "  {}",
                    tr!(
                        "cli-recheck-refresh",
                        what = tr!("cli-recheck-replaced", id = *new_id)
                    )
                )?,
                Refresh::NotFetched(why) | Refresh::Unchanged(why) | Refresh::Refused(why) => {
                    writeln!(
                        out,
                        "  {}",
                        tr!("cli-recheck-refresh", what = super::terminal_safe(why))
                    )?
                }
            }
        }
        Ok(())
    }
}
