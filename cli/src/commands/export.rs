//! `backpack export COLLECTION --format html|zip|vp|pdf|png|svg -o OUT [--include-evidence]
//! [--include-notes] [--no-dates] [--include-emails] [--challenge C] [--domain D] [--badge ID]`.
//!
//! Thin: loads the collection (or the badges given with `--badge`) from the wallet, checks
//! minor mode, loads or creates the learner key, calls `backpack_core::export::export`, writes
//! the file and prints the privacy warning naming every linkable identifier that leaves.

use std::path::PathBuf;
use std::process::ExitCode;

use backpack_core::env::{Clock, SystemClock};
use backpack_core::export::{self, ExportFormat, ExportOptions, Privacy, source};
use backpack_core::learner_key::wallet_learner_key;

use super::show::parse_id;
use super::{Ctx, terminal_safe};

/// Export formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Fmt {
    /// One self-contained HTML page (originals and signed presentation embedded).
    Html,
    /// ZIP: page, originals, baked images, manifest.json, presentation.json.
    Zip,
    /// A signed Verifiable Presentation (JSON).
    Vp,
    /// A printable PDF (cover + one page per badge, each original credential attached).
    Pdf,
    /// One badge baked into a PNG.
    Png,
    /// One badge baked into an SVG.
    Svg,
}

impl From<Fmt> for ExportFormat {
    fn from(f: Fmt) -> Self {
        match f {
            Fmt::Html => ExportFormat::Html,
            Fmt::Zip => ExportFormat::Zip,
            Fmt::Vp => ExportFormat::Vp,
            Fmt::Pdf => ExportFormat::Pdf,
            Fmt::Png => ExportFormat::Png,
            Fmt::Svg => ExportFormat::Svg,
        }
    }
}

/// Arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The collection, by id or name (omit it to export the badges given with --badge).
    #[arg(value_name = "COLLECTION", required_unless_present = "badges")]
    pub collection: Option<String>,
    /// What to write.
    #[arg(long, value_enum)]
    pub format: Fmt,
    /// Output file.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: PathBuf,
    /// Show evidence (off by default).
    #[arg(long)]
    pub include_evidence: bool,
    /// Show your notes (off by default).
    #[arg(long)]
    pub include_notes: bool,
    /// Leave dates out of the page/PDF.
    #[arg(long)]
    pub no_dates: bool,
    /// Show plain-text recipient emails (hidden by default; signed originals still hold them).
    #[arg(long)]
    pub include_emails: bool,
    /// Add a skills summary (the badges' skills by framework) to the HTML page.
    #[arg(long)]
    pub include_skills: bool,
    /// The receiver's challenge, signed into the presentation.
    #[arg(long, value_name = "C")]
    pub challenge: Option<String>,
    /// The receiver's domain, signed into the presentation.
    #[arg(long, value_name = "D")]
    pub domain: Option<String>,
    /// Export only this badge (repeatable; alone, without COLLECTION, exports just these).
    #[arg(long = "badge", value_name = "ID", value_parser = parse_id)]
    pub badges: Vec<i64>,
    /// Title for the page (default: the collection's name).
    #[arg(long)]
    pub title: Option<String>,
    /// Minor mode: the guardian passphrase.
    #[arg(long, env = "BACKPACK_GUARDIAN_PASSPHRASE", hide_env_values = true)]
    pub guardian_passphrase: Option<String>,
}

impl Args {
    /// The learner's privacy choices.
    pub fn privacy(&self) -> Privacy {
        Privacy {
            include_evidence: self.include_evidence,
            include_notes: self.include_notes,
            include_dates: !self.no_dates,
            include_emails: self.include_emails,
            include_skills: self.include_skills,
        }
    }

    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let format: ExportFormat = self.format.into();
        let w = ctx.open_wallet()?;
        ctx.require(
            &w,
            backpack_core::minor_mode::Action::Export,
            self.guardian_passphrase.as_deref(),
        )?;
        let mut portfolio = match &self.collection {
            Some(c) => source::portfolio_from_collection(&w, c, &self.badges)?,
            None => source::portfolio_from_badges(&w, &self.badges)?,
        };
        if let Some(t) = &self.title {
            portfolio.title = t.clone();
        }
        let key = if format.has_presentation() {
            Some(super::with_vaults(&ctx.wallet_path()?, |v| {
                wallet_learner_key(&w, v)
            })?)
        } else {
            None
        };
        let opts = ExportOptions {
            privacy: self.privacy(),
            exported_at: SystemClock.now(),
            learner: key.as_ref(),
            challenge: self.challenge.clone(),
            domain: self.domain.clone(),
        };
        // The page's and the PDF's own words in the learner's language (`--lang`).
        let out = export::export_in(&portfolio, format, &opts, ctx.lang)?;
        write_atomic(&self.output, &out.bytes)?;
        for line in out.warning.lines_with(super::cat()) {
            eprintln!("{}", terminal_safe(&line));
        }
        for line in &out.notices {
            eprintln!("{}", terminal_safe(line));
        }
        if !out.not_in_presentation.is_empty() && format.has_presentation() {
            let names: Vec<String> = out
                .not_in_presentation
                .iter()
                .map(|n| terminal_safe(n))
                .collect();
            eprintln!("{}", tr!("cli-export-not-in-vp", names = names.join(", ")));
        }
        println!(
            "{}",
            tr!(
                "cli-export-wrote",
                file = self.output.display().to_string(),
                n = portfolio.badges.len(),
                bytes = out.bytes.len().to_string()
            )
        );
        Ok(ExitCode::SUCCESS)
    }
}

/// Write beside the target, then rename, so OUT is never half-written (the core's rule, the
/// app saves through it too).
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    backpack_core::export::write_atomic(path, bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            tr!(
                "cli-cannot-write",
                path = path.display().to_string(),
                error = backpack_core::localize::io_error(&e).render(super::cat())
            )
        )
    })
}
