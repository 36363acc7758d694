//! `backpack show ID [--json | --original]`: one badge in full, as JSON, or its exact
//! original bytes on stdout (e.g. `backpack show 3 --original > badge.png`).

use std::io::Write;
use std::process::ExitCode;

use backpack_core::model::Image;

use super::{Ctx, terminal_safe};

/// `show` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The badge id (as in `backpack list`; `#12` works too).
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
        .ok_or_else(|| format!("{s:?} is not a badge id (a number, as in `backpack list`)"))
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
        let mut field = |label: &str, value: Option<String>| -> std::io::Result<()> {
            match value {
                Some(v) if !v.is_empty() => writeln!(out, "{label:<13}{}", terminal_safe(&v)),
                _ => Ok(()),
            }
        };
        field("badge", Some(format!("#{} \"{}\"", b.id, badge.name)))?;
        let issuer = match (&badge.issuer.name, &badge.issuer.id) {
            (Some(n), Some(id)) => Some(format!("{n} ({id})")),
            (n, id) => n.clone().or(id.clone()),
        };
        field("issuer", issuer)?;
        field("issued", badge.issued.clone())?;
        field("valid from", badge.valid_from.clone())?;
        field("valid until", badge.valid_until.clone())?;
        field(
            "format",
            Some(format!(
                "{} (spec {}, {} file)",
                b.format,
                badge.spec_version,
                serde_json::to_value(b.container)?.as_str().unwrap_or("?")
            )),
        )?;
        field("status", Some(b.status().label().to_string()))?;
        field("issuer label", known.map(|k| k.text(b.status())))?;
        if let Some(r) = &b.latest_report {
            field("why", Some(r.report.reason.clone()))?;
            field("checked at", Some(r.report.checked_at.clone()))?;
        }
        // Earlier checks: the evidence history (e.g. a key confirmed online months ago).
        for r in wallet.reports(self.id)?.iter().skip(1).take(5) {
            let when = backpack_core::verify::evidence::human_date(&r.report.checked_at);
            let what = if r.rules < backpack_core::verify::report::RULES {
                "under older rules that did not confirm who signed".to_string()
            } else {
                format!("{}: {}", r.status.label(), r.report.reason)
            };
            field("earlier", Some(format!("{when} — {what}")))?;
        }
        if let Some(c) = b.conflicts_with {
            field(
                "conflict",
                Some(format!(
                    "claims to be a newer version of #{c} but is not signed with the issuer's key"
                )),
            )?;
        }
        for c in &b.conflicts {
            field(
                "kept aside",
                Some(format!(
                    "#{c} claims to be a newer version of this badge but is not signed with the issuer's key"
                )),
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
                "endorsed by",
                Some(format!(
                    "{by} ({}, of the {})",
                    e.status.label(),
                    e.scope.as_str()
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
                "endorsed by",
                Some(format!(
                    "{by} ({}, of the {of}; file {})",
                    e.status.label(),
                    e.source
                )),
            )?;
        }
        field("description", badge.description.clone())?;
        if let Some(c) = &badge.criteria {
            field("criteria", c.narrative.clone().or(c.url.clone()))?;
        }
        for r in &badge.recipients {
            let kind = serde_json::to_value(&r.kind)?;
            let kind = kind
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| kind.to_string());
            field(
                "recipient",
                Some(format!(
                    "{kind} {}{}",
                    r.identity,
                    if r.hashed { " (hashed)" } else { "" }
                )),
            )?;
        }
        for a in &badge.alignments {
            field("skill", a.target_name.clone().or(a.target_url.clone()))?;
        }
        for e in &badge.evidence {
            field(
                "evidence",
                e.name.clone().or(e.id.clone()).or(e.narrative.clone()),
            )?;
        }
        for r in &badge.results {
            field(
                "result",
                Some(format!(
                    "{}: {}",
                    r.label.as_deref().unwrap_or("result"),
                    r.value
                        .as_deref()
                        .or(r.status.as_deref())
                        .or(r.achieved_level.as_deref())
                        .unwrap_or("-")
                )),
            )?;
        }
        field(
            "image",
            badge.image.as_ref().map(|i| match i {
                Image::Baked { mime } => format!("the badge file itself ({mime})"),
                Image::Data { uri } => format!("embedded ({} bytes)", uri.len()),
                Image::Remote { url } => format!("remote {url} (not fetched)"),
            }),
        )?;
        field("tags", (!b.tags.is_empty()).then(|| b.tags.join(", ")))?;
        field("note", b.note.clone())?;
        field(
            "source",
            Some(format!("{} (imported {})", b.source, b.imported_at)),
        )?;
        field("sha256", Some(b.sha256.clone()))?;
        field(
            "parent",
            b.parent_id.map(|p| format!("#{p} (the CLR it came in)")),
        )?;
        field(
            "inside",
            (!b.children.is_empty()).then(|| {
                b.children
                    .iter()
                    .map(|c| format!("#{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        )?;
        field(
            "replaced by",
            b.superseded_by
                .map(|s| format!("#{s} (this is an older version)")),
        )?;
        field(
            "history",
            (!b.history.is_empty()).then(|| {
                b.history
                    .iter()
                    .map(|c| format!("#{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        )?;
        field("removed", b.removed_at.clone())?;
        Ok(ExitCode::SUCCESS)
    }
}
