//! `backpack verify-share FILE [--recipient EMAIL|DID]... [--allow-network] [--json]`: verify
//! everything inside a received HTML portfolio, ZIP bundle, PDF (its attached credentials) or
//! presentation.
//!
//! What it prints about each badge comes only from the credential itself (parsed from its
//! bytes) and from this check, never from the page's text; the page (and a bundle's manifest,
//! file names and baked images) is compared with the credentials, and every difference is
//! listed, naming the badge and the field. `--recipient` (repeatable) asks whether each badge
//! was issued to the person who sent it; hashed emails are matched on this machine.
//!
//! Exit 0 only when every credential is verified, the presentation's proof verifies, the page
//! shows exactly what the credentials say and every recipient asked about matches; 1 when
//! something is wrong (invalid, altered, a page that differs, a recipient that does not
//! match); 2 when something could not be checked (or the file could not be read).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use backpack_core::env::SystemClock;
use backpack_core::export::html::pretty_date;

use backpack_core::share::{
    Expect, Integrity, RecipientState, ShareKind, ShareReport, verify_share_with,
};
use backpack_core::verify::{CheckId, Outcome, Status, VerifyContext};

use super::{Ctx, terminal_safe};

/// Arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The received file: an .html portfolio, a .zip bundle, a .pdf or a presentation .json.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The sender's email, DID or URL (repeatable): each badge must be issued to one of them.
    /// Compared on this machine only (hashed emails too), never sent.
    #[arg(long = "recipient", value_name = "EMAIL|DID")]
    pub recipients: Vec<String>,
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

/// Exit code for a share report: 0 all verified, 1 anything wrong, 2 anything unchecked.
pub fn exit_code(r: &ShareReport) -> ExitCode {
    if r.all_valid() {
        ExitCode::SUCCESS
    } else if r.any_invalid() {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        // No wallet is needed, but a wallet in minor mode still guards the network.
        if self.allow_network || self.allow_private_network {
            ctx.network(ctx.existing_wallet()?.as_ref(), true)?;
        }
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
        let vctx = VerifyContext::new(&SystemClock, fetcher.as_ref());
        let expect = Expect {
            challenge: self.challenge.clone(),
            domain: self.domain.clone(),
            recipients: self
                .recipients
                .iter()
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect(),
        };
        let report = verify_share_with(&bytes, &vctx, &expect)
            .with_context(|| format!("{}", self.file.display()))?;
        drop(bytes);
        if self.json {
            println!("{}", super::json_safe(&serde_json::to_string(&report)?));
        } else {
            print!("{}", human(&self.file, &report));
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

/// The human report: every line built from the credentials and this check.
pub fn human(file: &std::path::Path, r: &ShareReport) -> String {
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    let kind = match r.kind {
        ShareKind::Html => "html portfolio",
        ShareKind::Zip => "zip bundle",
        ShareKind::Presentation => "verifiable presentation",
        ShareKind::Pdf => "pdf with attached credentials",
    };
    let mut head = format!("{}: {kind}", terminal_safe(&file.display().to_string()));
    if let Some(t) = &r.title {
        head.push_str(&format!(" titled \"{}\" by its sender", terminal_safe(t)));
    }
    if let Some(d) = &r.exported_at {
        head.push_str(&format!(", exported {}", terminal_safe(d)));
    }
    line(head);
    for (i, b) in r.badges.iter().enumerate() {
        let fmt = b.format.map(|f| f.as_str()).unwrap_or("unknown format");
        let name = b
            .badge
            .as_ref()
            .map(|x| terminal_safe(&x.name))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "(no readable badge)".into());
        line(format!("  {}. {name} — {}", i + 1, b.status.label()));
        if let Some(x) = &b.badge {
            let issuer = match (&x.issuer.name, &x.issuer.id) {
                (Some(n), Some(id)) => format!("{} ({})", terminal_safe(n), terminal_safe(id)),
                (Some(n), None) => terminal_safe(n),
                (None, Some(id)) => terminal_safe(id),
                (None, None) => "(not named)".into(),
            };
            line(format!("      issuer: {issuer}"));
            let dates: Vec<String> = [
                ("issued", &x.issued),
                ("valid from", &x.valid_from),
                ("expires", &x.valid_until),
            ]
            .into_iter()
            .filter_map(|(l, v)| {
                v.as_ref()
                    .map(|v| format!("{l} {}", terminal_safe(&pretty_date(v))))
            })
            .collect();
            if !dates.is_empty() {
                line(format!("      {}", dates.join(" · ")));
            }
        }
        if b.status != Status::Verified && !b.report.reason.is_empty() {
            line(format!("      why: {}", terminal_safe(&b.report.reason)));
        }
        line(format!("      from: {} ({fmt})", terminal_safe(&b.source)));
        if let Integrity::Altered(d) = &b.integrity {
            line(format!("      integrity: fail — {}", terminal_safe(d)));
        }
        let rec = match b.recipient.state {
            RecipientState::NotAsked => None,
            RecipientState::Matches => Some("matches"),
            RecipientState::DoesNotMatch => Some("does not match"),
            RecipientState::NotStated => Some("not stated"),
        };
        if let Some(w) = rec {
            line(format!(
                "      recipient: {w} — {}",
                terminal_safe(&b.recipient.detail)
            ));
        }
        // The recipient line above answers for the sender; the report's own recipient check
        // (made without identities) would only say "skipped".
        for c in b
            .report
            .checks
            .iter()
            .filter(|c| c.id != CheckId::Recipient)
        {
            if c.outcome != Outcome::Skipped || b.status != Status::Verified {
                line(format!(
                    "      {}: {} — {}",
                    c.id,
                    outcome_word(c.outcome),
                    terminal_safe(&c.detail)
                ));
            }
        }
    }
    match &r.presentation {
        Some(p) => {
            line(format!(
                "  presentation: {} — {}{}",
                outcome_word(p.outcome),
                terminal_safe(&p.detail),
                p.holder
                    .as_deref()
                    .map(|h| format!(" (holder {})", terminal_safe(h)))
                    .unwrap_or_default()
            ));
            if let Some(c) = &p.challenge {
                line(format!("      challenge: {}", terminal_safe(c)));
            }
            if let Some(d) = &p.domain {
                line(format!("      domain: {}", terminal_safe(d)));
            }
        }
        None => line("  presentation: none in this file".into()),
    }
    if r.kind == ShareKind::Pdf {
        line(
            "  pages: the printed pages are a copy and are not compared; what is listed above comes from the attached credentials"
                .into(),
        );
    }
    if let Some(p) = &r.page {
        if p.matches {
            line(format!(
                "  page: {} shows exactly what its credentials say",
                terminal_safe(&p.source)
            ));
        } else {
            line(format!(
                "  page: {} does NOT show what its credentials say; read the badges above, not the page:",
                terminal_safe(&p.source)
            ));
            for d in &p.differences {
                line(format!("      {}", terminal_safe(&d.message)));
            }
        }
    }
    for p in &r.problems {
        line(format!("  problem: {}", terminal_safe(p)));
    }
    let verified = r
        .badges
        .iter()
        .filter(|b| b.status == Status::Verified)
        .count();
    line(format!(
        "{} of {} badge{} verified; {}",
        verified,
        r.badges.len(),
        if r.badges.len() == 1 { "" } else { "s" },
        if r.all_valid() {
            "everything verifies"
        } else {
            "not everything verifies"
        }
    ));
    s
}
