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
                "{}",
                tr!(
                    "cli-share-too-large",
                    file = self.file.display().to_string(),
                    bytes = len.to_string(),
                    limit = backpack_core::share::MAX_SHARE_BYTES.to_string()
                )
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
        let mut report = verify_share_with(&bytes, &vctx, &expect)
            .with_context(|| format!("{}", self.file.display()))?;
        drop(bytes);
        if self.json {
            // JSON is English in every language.
            println!("{}", super::json_safe(&serde_json::to_string(&report)?));
        } else {
            // Every sentence of the report (and of each badge's checks) in the run's language.
            report.localize(super::cat());
            print!("{}", human(&self.file, &report));
        }
        Ok(exit_code(&report))
    }
}

fn outcome_word(o: Outcome) -> String {
    match o {
        Outcome::Pass => tr!("cli-outcome-pass"),
        Outcome::Fail => tr!("cli-outcome-fail"),
        Outcome::Skipped => tr!("cli-outcome-skipped"),
        Outcome::Error => tr!("cli-outcome-error"),
    }
}

/// The human report: every line built from the credentials and this check. Its sentences are
/// `r`'s as they are: pass a report localized into the run's language
/// ([`ShareReport::localize`]).
pub fn human(file: &std::path::Path, r: &ShareReport) -> String {
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    let kind = match r.kind {
        ShareKind::Html => tr!("cli-share-kind-html"),
        ShareKind::Zip => tr!("cli-share-kind-zip"),
        ShareKind::Presentation => tr!("cli-share-kind-vp"),
        ShareKind::Pdf => tr!("cli-share-kind-pdf"),
    };
    let mut head = format!("{}: {kind}", terminal_safe(&file.display().to_string()));
    if let Some(t) = &r.title {
        head.push_str(&format!(
            " {}",
            tr!("cli-share-titled", title = terminal_safe(t))
        ));
    }
    if let Some(d) = &r.exported_at {
        head.push_str(&format!(
            ", {}",
            tr!("cli-share-exported", at = terminal_safe(d))
        ));
    }
    line(head);
    for (i, b) in r.badges.iter().enumerate() {
        let fmt = b.format.map_or_else(
            || tr!("cli-share-unknown-format"),
            |f| f.as_str().to_string(),
        );
        let name = b
            .badge
            .as_ref()
            .map(|x| terminal_safe(&x.name))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| tr!("cli-share-no-badge"));
        line(format!(
            "  {}. {name} — {}",
            i + 1,
            super::status_label(b.status)
        ));
        if let Some(x) = &b.badge {
            let issuer = match (&x.issuer.name, &x.issuer.id) {
                (Some(n), Some(id)) => format!("{} ({})", terminal_safe(n), terminal_safe(id)),
                (Some(n), None) => terminal_safe(n),
                (None, Some(id)) => terminal_safe(id),
                (None, None) => tr!("cli-share-not-named"),
            };
            line(format!(
                "      {}",
                tr!("cli-share-issuer", issuer = issuer)
            ));
            let dates: Vec<String> = [
                (tr!("cli-share-issued"), &x.issued),
                (tr!("cli-share-valid-from"), &x.valid_from),
                (tr!("cli-share-expires"), &x.valid_until),
            ]
            .into_iter()
            .filter_map(|(l, v)| {
                v.as_ref()
                    .map(|v| format!("{l} {}", terminal_safe(&super::cat().date(v))))
            })
            .collect();
            if !dates.is_empty() {
                line(format!("      {}", dates.join(" · ")));
            }
        }
        if b.status != Status::Verified && !b.report.reason.is_empty() {
            line(format!(
                "      {}",
                tr!("cli-share-why", why = terminal_safe(&b.report.reason))
            ));
        }
        line(format!(
            "      {}",
            tr!(
                "cli-share-from",
                source = terminal_safe(&b.source),
                format = fmt
            )
        ));
        if let Integrity::Altered(d) = &b.integrity {
            line(format!(
                "      {}",
                tr!("cli-share-integrity-fail", detail = terminal_safe(d))
            ));
        }
        let rec = match b.recipient.state {
            RecipientState::NotAsked => None,
            RecipientState::Matches => Some(tr!("cli-share-recipient-matches")),
            RecipientState::DoesNotMatch => Some(tr!("cli-share-recipient-differs")),
            RecipientState::NotStated => Some(tr!("cli-share-recipient-not-stated")),
        };
        if let Some(w) = rec {
            line(format!(
                "      {}",
                tr!(
                    "cli-share-recipient",
                    state = w,
                    detail = terminal_safe(&b.recipient.detail)
                )
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
                    super::verify::check_name(c.id),
                    outcome_word(c.outcome),
                    terminal_safe(&c.detail)
                ));
            }
        }
    }
    match &r.presentation {
        Some(p) => {
            line(format!(
                "  {}{}",
                tr!(
                    "cli-share-presentation",
                    outcome = outcome_word(p.outcome),
                    detail = terminal_safe(&p.detail)
                ),
                p.holder
                    .as_deref()
                    .map(|h| format!(" {}", tr!("cli-share-holder", holder = terminal_safe(h))))
                    .unwrap_or_default()
            ));
            if let Some(c) = &p.challenge {
                line(format!(
                    "      {}",
                    tr!("cli-share-challenge", value = terminal_safe(c))
                ));
            }
            if let Some(d) = &p.domain {
                line(format!(
                    "      {}",
                    tr!("cli-share-domain", value = terminal_safe(d))
                ));
            }
        }
        None => line(format!("  {}", tr!("cli-share-no-presentation"))),
    }
    if r.kind == ShareKind::Pdf {
        line(format!("  {}", tr!("cli-share-pdf-pages")));
    }
    if let Some(p) = &r.page {
        if p.matches {
            line(format!(
                "  {}",
                tr!("cli-share-page-matches", page = terminal_safe(&p.source))
            ));
        } else {
            line(format!(
                "  {}",
                tr!("cli-share-page-differs", page = terminal_safe(&p.source))
            ));
            for d in &p.differences {
                line(format!("      {}", terminal_safe(&d.message)));
            }
        }
    }
    for p in &r.problems {
        line(format!(
            "  {}",
            tr!("cli-share-problem", problem = terminal_safe(p))
        ));
    }
    let verified = r
        .badges
        .iter()
        .filter(|b| b.status == Status::Verified)
        .count();
    line(format!(
        "{}; {}",
        tr!("cli-share-summary", verified = verified, n = r.badges.len()),
        if r.all_valid() {
            tr!("cli-share-all-verify")
        } else {
            tr!("cli-share-not-all-verify")
        }
    ));
    s
}
