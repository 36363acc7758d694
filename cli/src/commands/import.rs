//! `backpack import PATH|URL...`: files, folders (recursively), ZIPs, other wallets' exports,
//! `-` for stdin, and `https://` URLs of hosted badges (fetched with network consent).
//! One line per input file (per credential inside an export), then a summary. Exit 0 ok,
//! 1 some input refused, 2 I/O error.

use std::io::Write;
use std::process::ExitCode;

use backpack_core::env::SystemClock;
use backpack_core::import::{FileOutcome, FileResult, ImportOptions, import_paths_unlocked};
use backpack_core::verify::VerifyContext;
use backpack_core::wallets::Unlock;
use backpack_core::wallets::url::{import_url, is_url};

use super::{Ctx, terminal_safe};

/// `import` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Badge files (PNG, SVG, JSON, JWT, URL), folders, ZIP archives, another wallet's export
    /// (DCC Learner Credential Wallet backup, LearnCard bundle, Badgr/Badge Connect list,
    /// Mozilla Backpack ZIP, Open Badge Factory PDF), - for stdin, or the https:// URL of a
    /// hosted badge (fetched with network access allowed, and always verified).
    #[arg(required = true, value_name = "PATH|URL")]
    paths: Vec<std::path::PathBuf>,
    /// Print one JSON object per file instead of text lines.
    #[arg(long)]
    json: bool,
    /// Do not verify the badges as they come in (they can be checked later).
    #[arg(long)]
    no_verify: bool,
    /// Allow network access while verifying (hosted assertions, issuer keys, status lists).
    /// Off by default unless allowed in the wallet's settings.
    #[arg(long)]
    allow_network: bool,
    /// Also allow private, loopback and link-local addresses (implies --allow-network).
    #[arg(long)]
    allow_private_network: bool,
    /// Ask for the password of a LearnCard bundle (or read it from BACKPACK_BUNDLE_PASSWORD)
    /// to decrypt its credentials. Its seed and keys are never read.
    #[arg(long)]
    bundle_password: bool,
}

/// The LearnCard bundle password: the environment, else a prompt.
fn bundle_password() -> anyhow::Result<String> {
    if let Ok(p) = std::env::var("BACKPACK_BUNDLE_PASSWORD") {
        return Ok(p);
    }
    use anyhow::Context;
    rpassword::prompt_password(format!("{} ", tr!("cli-import-learncard-prompt")))
        .context(tr!("cli-import-reading-password"))
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        // Verification on import keeps a report (the evidence snapshot) with each badge:
        // offline unless the learner allowed network, recipients from the profile.
        let allow_network = ctx.network(
            Some(&wallet),
            self.allow_network || self.allow_private_network,
        )?;
        let fetcher =
            super::verify::fetcher(allow_network, allow_network && self.allow_private_network);
        let recipients = wallet.identity_values()?;
        let clock = SystemClock;
        let vctx = VerifyContext::new(&clock, fetcher.as_ref())
            .with_recipients(&recipients)
            .with_cache(&wallet);
        let opts = ImportOptions {
            verify: (!self.no_verify).then_some(&vctx),
            ..Default::default()
        };
        let unlock = if self.bundle_password {
            Unlock::with_bundle_password(bundle_password()?)
        } else {
            Unlock::default()
        };
        // In the order given: runs of paths through the importer, each URL fetched and verified.
        let mut outcomes: Vec<FileOutcome> = Vec::new();
        let mut run: Vec<std::path::PathBuf> = Vec::new();
        for p in &self.paths {
            match p.to_str().filter(|s| is_url(s)) {
                Some(url) => {
                    outcomes.extend(import_paths_unlocked(
                        &wallet,
                        &std::mem::take(&mut run),
                        &opts,
                        &unlock,
                        &mut |_, _| {},
                    ));
                    outcomes.push(import_url(&wallet, url, &vctx));
                }
                None => run.push(p.clone()),
            }
        }
        outcomes.extend(import_paths_unlocked(
            &wallet,
            &run,
            &opts,
            &unlock,
            &mut |_, _| {},
        ));
        let mut out = std::io::stdout().lock();
        let (mut imported, mut duplicate, mut refused, mut failed, mut skipped) = (0, 0, 0, 0, 0);
        for o in &outcomes {
            match &o.result {
                FileResult::Imported { .. }
                | FileResult::History { .. }
                | FileResult::Conflict { .. }
                | FileResult::Endorsement {
                    duplicate: false, ..
                } => imported += 1,
                FileResult::Endorsement {
                    duplicate: true, ..
                } => duplicate += 1,
                FileResult::Duplicate { .. } => duplicate += 1,
                FileResult::Refused { .. } => refused += 1,
                FileResult::Failed { .. } => failed += 1,
                FileResult::Skipped { .. } => skipped += 1,
            }
            if self.json {
                writeln!(out, "{}", super::json_safe(&serde_json::to_string(o)?))?;
                continue;
            }
            let src = terminal_safe(&o.source);
            let checked = o
                .status
                .map(|s| format!("  ({})", super::status_word(s)))
                .unwrap_or_default();
            // The outcome word, in a column of 10.
            let word = super::outcome_word;
            match &o.result {
                FileResult::Imported {
                    id,
                    name,
                    embedded,
                    replaced,
                } => {
                    write!(
                        out,
                        "{} {src}  #{id} \"{}\"",
                        word("cli-import-imported"),
                        terminal_safe(name)
                    )?;
                    if !embedded.is_empty() {
                        write!(out, "  {}", tr!("cli-import-inside", n = embedded.len()))?;
                    }
                    if let Some(old) = replaced {
                        write!(out, "  {}", tr!("cli-import-newer", id = *old))?;
                    }
                    writeln!(out, "{checked}")?;
                }
                FileResult::History { id, name, current } => writeln!(
                    out,
                    "{} {src}  #{id} \"{}\"  {}{checked}",
                    word("cli-import-imported"),
                    terminal_safe(name),
                    tr!("cli-import-history", id = *current)
                )?,
                FileResult::Conflict { id, name, current } => writeln!(
                    out,
                    "{} {src}  #{id} \"{}\"  {}{checked}",
                    word("cli-import-conflict-word"),
                    terminal_safe(name),
                    tr!("cli-import-conflict", id = *current)
                )?,
                FileResult::Endorsement {
                    name,
                    endorser,
                    target,
                    attached_to,
                    duplicate,
                    ..
                } => {
                    let what = word(if *duplicate {
                        "cli-import-duplicate"
                    } else {
                        "cli-import-endorsement"
                    });
                    let by = endorser
                        .as_deref()
                        .map(|e| format!(" {}", tr!("cli-import-by", name = terminal_safe(e))))
                        .unwrap_or_default();
                    let to = if attached_to.is_empty() {
                        tr!(
                            "cli-import-endorses-missing",
                            target = terminal_safe(target)
                        )
                    } else {
                        let ids: Vec<String> =
                            attached_to.iter().map(|i| format!("#{i}")).collect();
                        tr!("cli-import-endorses", ids = ids.join(", "))
                    };
                    writeln!(
                        out,
                        "{what} {src}  \"{}\"{by}  {to}{checked}",
                        terminal_safe(name)
                    )?
                }
                FileResult::Duplicate { id, name } => writeln!(
                    out,
                    "{} {src}  #{id} \"{}\"  {}",
                    word("cli-import-duplicate"),
                    terminal_safe(name),
                    tr!("cli-import-already")
                )?,
                FileResult::Refused { .. }
                | FileResult::Skipped { .. }
                | FileResult::Failed { .. } => writeln!(
                    out,
                    "{}",
                    super::problem_line(&o.result).unwrap_or_default()
                )?,
            }
        }
        if !self.json {
            write!(
                out,
                "{}",
                tr!(
                    "cli-import-summary",
                    imported = imported,
                    duplicate = duplicate,
                    refused = refused
                )
            )?;
            if failed > 0 {
                write!(out, ", {}", tr!("cli-import-n-failed", n = failed))?;
            }
            if skipped > 0 {
                write!(out, ", {}", tr!("cli-import-n-skipped", n = skipped))?;
            }
            writeln!(out)?;
        }
        out.flush()?;
        Ok(if failed > 0 {
            ExitCode::from(2)
        } else if refused > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}
