//! `backpack verify-share FILE [--allow-network] [--json]`: verify everything inside a
//! received HTML portfolio, ZIP bundle or presentation. Exit 0 only when every credential is
//! valid and the presentation's proof verifies; 1 when something is invalid; 2 when something
//! could not be checked (or the file could not be read).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use backpack_core::env::SystemClock;
use backpack_core::share::{Expect, Integrity, ShareKind, ShareReport, verify_share_with};
use backpack_core::verify::{Outcome, Verdict, VerifyContext};

use super::{Ctx, terminal_safe};

/// Arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The received file: an .html portfolio, a .zip bundle or a presentation .json.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Allow network access (issuer keys, status lists). Off by default.
    #[arg(long)]
    pub allow_network: bool,
    /// Also allow private, loopback and link-local addresses (implies --allow-network).
    #[arg(long)]
    pub allow_private_network: bool,
    /// The challenge you gave the sender: the presentation's proof must carry it.
    #[arg(long, value_name = "C")]
    pub challenge: Option<String>,
    /// Your domain as given to the sender: the presentation's proof must carry it.
    #[arg(long, value_name = "D")]
    pub domain: Option<String>,
    /// Print one JSON object with every report.
    #[arg(long)]
    pub json: bool,
}

/// Exit code for a share report: 0 all valid, 1 anything invalid, 2 anything unchecked.
pub fn exit_code(r: &ShareReport) -> ExitCode {
    if r.all_valid() {
        return ExitCode::SUCCESS;
    }
    let invalid = r.badges.iter().any(|b| b.verdict == Verdict::Invalid)
        || r.presentation
            .as_ref()
            .is_some_and(|p| p.outcome == Outcome::Fail)
        || !r.problems.is_empty();
    ExitCode::from(if invalid { 1 } else { 2 })
}

impl Args {
    /// Run it.
    pub fn run(&self, _ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let len = std::fs::metadata(&self.file)
            .with_context(|| format!("{}", self.file.display()))?
            .len();
        if len > backpack_core::share::MAX_SHARE_BYTES {
            anyhow::bail!(
                "{}: {len} bytes is above the {}-byte limit for a shared export",
                self.file.display(),
                backpack_core::share::MAX_SHARE_BYTES
            );
        }
        let bytes =
            std::fs::read(&self.file).with_context(|| format!("{}", self.file.display()))?;
        let fetcher = super::verify::fetcher(self.allow_network, self.allow_private_network);
        let vctx = VerifyContext {
            clock: &SystemClock,
            fetcher: fetcher.as_ref(),
            recipients: &[],
            cache: None,
        };
        let expect = Expect {
            challenge: self.challenge.clone(),
            domain: self.domain.clone(),
        };
        let report = verify_share_with(&bytes, &vctx, &expect)
            .with_context(|| format!("{}", self.file.display()))?;
        if self.json {
            println!("{}", super::json_safe(&serde_json::to_string(&report)?));
        } else {
            print_human(&self.file, &report);
        }
        Ok(exit_code(&report))
    }
}

fn outcome_word(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "pass",
        Outcome::Fail => "fail",
        Outcome::Skipped => "skipped",
        Outcome::Error => "could not check",
    }
}

fn print_human(file: &std::path::Path, r: &ShareReport) {
    // Everything below but the words written here comes from the received file: each piece
    // goes through terminal_safe, so none can rewrite the summary line.
    let safe = terminal_safe;
    let kind = match r.kind {
        ShareKind::Html => "html portfolio",
        ShareKind::Zip => "zip bundle",
        ShareKind::Presentation => "verifiable presentation",
    };
    let mut head = format!("{}: {kind}", safe(&file.display().to_string()));
    if let Some(t) = &r.title {
        head.push_str(&format!(" \"{}\"", safe(t)));
    }
    if let Some(d) = &r.exported_at {
        head.push_str(&format!(", exported {}", safe(d)));
    }
    println!("{head}");
    for b in &r.badges {
        let name = b.badge.as_ref().map(|x| x.name.as_str()).unwrap_or("");
        let fmt = b.format.map(|f| f.as_str()).unwrap_or("unknown format");
        println!(
            "  {:<13} {} {} ({fmt})",
            b.verdict.as_str(),
            safe(&b.source),
            safe(name)
        );
        if let Integrity::Altered(d) = &b.integrity {
            println!("      integrity: fail — {}", safe(d));
        }
        for c in &b.report.checks {
            if c.outcome != Outcome::Skipped || b.verdict != Verdict::Valid {
                println!(
                    "      {}: {} — {}",
                    c.id,
                    outcome_word(c.outcome),
                    safe(&c.detail)
                );
            }
        }
    }
    match &r.presentation {
        Some(p) => {
            println!(
                "  presentation: {} — {}{}",
                outcome_word(p.outcome),
                safe(&p.detail),
                p.holder
                    .as_deref()
                    .map(|h| format!(" (holder {})", safe(h)))
                    .unwrap_or_default()
            );
            if let Some(c) = &p.challenge {
                println!("      challenge: {}", safe(c));
            }
            if let Some(d) = &p.domain {
                println!("      domain: {}", safe(d));
            }
        }
        None => println!("  presentation: none in this file"),
    }
    for p in &r.problems {
        println!("  problem: {}", safe(p));
    }
    let valid = r
        .badges
        .iter()
        .filter(|b| b.verdict == Verdict::Valid)
        .count();
    println!(
        "{} of {} badge{} valid; {}",
        valid,
        r.badges.len(),
        if r.badges.len() == 1 { "" } else { "s" },
        if r.all_valid() {
            "everything verifies"
        } else {
            "not everything verifies"
        }
    );
}
