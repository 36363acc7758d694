//! `backpack show ID [--json | --original]`: one badge in full, as JSON, or its exact
//! original bytes on stdout (e.g. `backpack show 3 --original > badge.png`).

use std::io::Write;
use std::process::ExitCode;

use backpack_core::model::Image;

use super::{Ctx, terminal_safe};

/// `show` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The badge id (as in 'backpack list'; '#12' works too).
    #[arg(value_parser = parse_id)]
    id: i64,
    /// Print everything the wallet holds as JSON.
    #[arg(long, conflicts_with = "original")]
    json: bool,
    /// Write the original file's exact bytes to stdout.
    #[arg(long)]
    original: bool,
}

/// Parse `12` or `#12`.
pub fn parse_id(s: &str) -> Result<i64, String> {
    s.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| tr!("cli-not-a-badge-id", value = format!("{s:?}")))
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        if self.original {
            ctx.require(&wallet, backpack_core::minor_mode::Action::Original, None)?;
        }
        let mut out = std::io::stdout().lock();
        if self.original {
            out.write_all(&wallet.original(self.id)?)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        let b = wallet.get_badge(self.id)?;
        let attached = wallet.endorsements_for_badge(self.id)?;
        let known = match &b.badge.issuer.id {
            Some(id) => wallet.issuer_label(id)?,
            None => None,
        };
        if self.json {
            let mut v = serde_json::to_value(&b)?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("status".into(), serde_json::to_value(b.status())?);
                obj.insert("endorsements".into(), serde_json::to_value(&attached)?);
                obj.insert(
                    "issuer_label".into(),
                    super::trust::label_json(known.as_ref(), b.status()),
                );
                obj.insert("original_bytes".into(), b.original.len().into());
            }
            writeln!(
                out,
                "{}",
                super::json_safe(&serde_json::to_string_pretty(&v)?)
            )?;
            return Ok(ExitCode::SUCCESS);
        }
        let badge = &b.badge;
        // Labels in a column as wide as the longest in this language (13 in English).
        let width = LABELS
            .iter()
            .map(|id| super::cat().t(id).chars().count() + 1)
            .max()
            .unwrap_or(0)
            .max(13);
        let mut field = |id: &str, value: Option<String>| -> std::io::Result<()> {
            match value {
                Some(v) if !v.is_empty() => {
                    let label = super::cat().t(id);
                    writeln!(out, "{label:<width$}{}", terminal_safe(&v))
                }
                _ => Ok(()),
            }
        };
        field(
            "cli-show-badge",
            Some(format!("#{} \"{}\"", b.id, badge.name)),
        )?;
        let issuer = match (&badge.issuer.name, &badge.issuer.id) {
            (Some(n), Some(id)) => Some(format!("{n} ({id})")),
            (n, id) => n.clone().or(id.clone()),
        };
        field("cli-show-issuer", issuer)?;
        field("cli-show-issued", badge.issued.clone())?;
        field("cli-show-valid-from", badge.valid_from.clone())?;
        field("cli-show-valid-until", badge.valid_until.clone())?;
        field(
            "cli-show-format",
            Some(tr!(
                "cli-show-format-value",
                format = b.format.to_string(),
                spec = badge.spec_version.as_str(),
                container = serde_json::to_value(b.container)?
                    .as_str()
                    .unwrap_or("?")
                    .to_string()
            )),
        )?;
        field("cli-show-status", Some(super::status_label(b.status())))?;
        field("cli-show-issuer-label", known.map(|k| k.text(b.status())))?;
        if let Some(r) = &b.latest_report {
            field(
                "cli-show-why",
                Some(r.report.localized(super::cat()).reason),
            )?;
            field("cli-show-checked-at", Some(r.report.checked_at.clone()))?;
        }
        // Earlier checks: the evidence history (e.g. a key confirmed online months ago).
        for r in wallet.reports(self.id)?.iter().skip(1).take(5) {
            let when = super::cat().date_utc(&r.report.checked_at);
            let what = if r.rules < backpack_core::verify::report::RULES {
                tr!("cli-show-older-rules")
            } else {
                format!(
                    "{}: {}",
                    super::status_label(r.status),
                    r.report.localized(super::cat()).reason
                )
            };
            field("cli-show-earlier", Some(format!("{when} — {what}")))?;
        }
        if let Some(c) = b.conflicts_with {
            field(
                "cli-show-conflict",
                Some(tr!("cli-show-conflict-value", id = c)),
            )?;
        }
        for c in &b.conflicts {
            field(
                "cli-show-kept-aside",
                Some(tr!("cli-show-kept-aside-value", id = *c)),
            )?;
        }
        // Endorsements: embedded in the credential (checked with it) and attached files.
        let embedded = b
            .latest_report
            .as_ref()
            .map(|r| r.report.endorsements.clone())
            .unwrap_or_default();
        for e in &embedded {
            let by = e
                .endorser_name
                .clone()
                .or(e.endorser_id.clone())
                .unwrap_or_default();
            field(
                "cli-show-endorsed-by",
                Some(tr!(
                    "cli-show-endorsed-value",
                    by = by,
                    status = super::status_label(e.status),
                    scope = e.scope.as_str()
                )),
            )?;
        }
        for e in &attached {
            let by = e
                .endorser_name
                .clone()
                .or(e.endorser_id.clone())
                .unwrap_or_default();
            let of = e.scope.map(|s| s.as_str()).unwrap_or("badge");
            field(
                "cli-show-endorsed-by",
                Some(tr!(
                    "cli-show-endorsed-file-value",
                    by = by,
                    status = super::status_label(e.status),
                    scope = of,
                    file = e.source.to_string()
                )),
            )?;
        }
        field("cli-show-description", badge.description.clone())?;
        if let Some(c) = &badge.criteria {
            field("cli-show-criteria", c.narrative.clone().or(c.url.clone()))?;
        }
        for r in &badge.recipients {
            // The kind in the run's language (`cli-show-kind-…`); an issuer's own kind
            // (`studentId`) as the credential names it.
            let kind = match &r.kind {
                backpack_core::model::IdentityKind::Email => tr!("cli-show-kind-email"),
                backpack_core::model::IdentityKind::Url => tr!("cli-show-kind-url"),
                backpack_core::model::IdentityKind::Telephone => tr!("cli-show-kind-telephone"),
                backpack_core::model::IdentityKind::Did => tr!("cli-show-kind-did"),
                backpack_core::model::IdentityKind::Other(k) => k.clone(),
            };
            field(
                "cli-show-recipient",
                Some(if r.hashed {
                    format!("{kind} {} {}", r.identity, tr!("cli-show-hashed"))
                } else {
                    format!("{kind} {}", r.identity)
                }),
            )?;
        }
        for a in &badge.alignments {
            field(
                "cli-show-skill",
                a.target_name.clone().or(a.target_url.clone()),
            )?;
        }
        for e in &badge.evidence {
            field(
                "cli-show-evidence",
                e.name.clone().or(e.id.clone()).or(e.narrative.clone()),
            )?;
        }
        for r in &badge.results {
            field(
                "cli-show-result",
                Some(format!(
                    "{}: {}",
                    r.label
                        .clone()
                        .unwrap_or_else(|| tr!("cli-show-result-default")),
                    r.value
                        .as_deref()
                        .or(r.status.as_deref())
                        .or(r.achieved_level.as_deref())
                        .unwrap_or("-")
                )),
            )?;
        }
        field(
            "cli-show-image",
            badge.image.as_ref().map(|i| match i {
                Image::Baked { mime } => tr!("cli-show-image-baked", mime = mime),
                Image::Data { uri } => tr!("cli-show-image-data", bytes = uri.len()),
                Image::Remote { url } => tr!("cli-show-image-remote", url = url),
            }),
        )?;
        field(
            "cli-show-tags",
            (!b.tags.is_empty()).then(|| b.tags.join(", ")),
        )?;
        field("cli-show-note", b.note.clone())?;
        field(
            "cli-show-source",
            Some(tr!(
                "cli-show-source-value",
                source = b.source.to_string(),
                at = b.imported_at.to_string()
            )),
        )?;
        field("cli-show-sha256", Some(b.sha256.clone()))?;
        field(
            "cli-show-parent",
            b.parent_id.map(|p| tr!("cli-show-parent-value", id = p)),
        )?;
        field(
            "cli-show-inside",
            (!b.children.is_empty()).then(|| {
                b.children
                    .iter()
                    .map(|c| format!("#{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        )?;
        field(
            "cli-show-replaced-by",
            b.superseded_by
                .map(|s| tr!("cli-show-replaced-value", id = s)),
        )?;
        field(
            "cli-show-history",
            (!b.history.is_empty()).then(|| {
                b.history
                    .iter()
                    .map(|c| format!("#{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        )?;
        field("cli-show-removed", b.removed_at.clone())?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The field labels of the human output (their widest sets the column).
const LABELS: [&str; 30] = [
    "cli-show-badge",
    "cli-show-issuer",
    "cli-show-issued",
    "cli-show-valid-from",
    "cli-show-valid-until",
    "cli-show-format",
    "cli-show-status",
    "cli-show-issuer-label",
    "cli-show-why",
    "cli-show-checked-at",
    "cli-show-earlier",
    "cli-show-conflict",
    "cli-show-kept-aside",
    "cli-show-endorsed-by",
    "cli-show-description",
    "cli-show-criteria",
    "cli-show-recipient",
    "cli-show-skill",
    "cli-show-evidence",
    "cli-show-result",
    "cli-show-image",
    "cli-show-tags",
    "cli-show-note",
    "cli-show-source",
    "cli-show-sha256",
    "cli-show-parent",
    "cli-show-inside",
    "cli-show-replaced-by",
    "cli-show-history",
    "cli-show-removed",
];
