//! Export: a collection as an HTML page, ZIP, signed presentation or PDF, with the learner's
//! privacy choices (`export_collection` in `commands/collections.rs`).

use super::WalletAdapter;
use crate::error::{CmdResult, CommandError};
use backpack_core::minor_mode::Action;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// What the learner chose to include in an export (see `export::Privacy`).
#[derive(Debug, Clone, Copy, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PrivacyArgs {
    /// Show evidence.
    pub include_evidence: bool,
    /// Show the learner's notes.
    pub include_notes: bool,
    /// Show dates (the UI defaults this to on).
    pub include_dates: bool,
    /// Show plain-text recipient emails.
    pub include_emails: bool,
    /// Add a skills summary to the HTML page.
    pub include_skills: bool,
}

/// What an export did (or, previewed, would do).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    /// The privacy warning, one line per linkable identifier that leaves the machine.
    pub warning: Vec<String>,
    /// Badges left out of the signed presentation (OB 2.0 cannot go in one).
    pub not_in_presentation: Vec<String>,
    /// Size of the file.
    pub bytes: usize,
    /// Suggested extension.
    pub extension: &'static str,
}

impl WalletAdapter {
    /// Export a collection (`format`: html, zip, vp, pdf) to `path`, or with no path only
    /// compute what would leave the machine. Minor mode must be unlocked. The page, the PDF
    /// and the privacy warning are in `lang` (the language the learner chose in the app).
    pub fn export(
        &self,
        collection: i64,
        format: &str,
        privacy: PrivacyArgs,
        path: Option<&Path>,
        lang: backpack_core::i18n::Lang,
    ) -> CmdResult<ExportSummary> {
        use backpack_core::export::{self, ExportFormat, ExportOptions, Privacy};
        let fmt = ExportFormat::from_id(format).ok_or_else(|| {
            CommandError::invalid(format!(
                "unknown export format {format:?} (html, zip, vp, pdf)"
            ))
        })?;
        self.require(Action::Export)?;
        let portfolio =
            export::source::portfolio_from_collection(&self.wallet, &collection.to_string(), &[])?;
        let key = if fmt.has_presentation() {
            Some(self.learner_key()?)
        } else {
            None
        };
        let opts = ExportOptions {
            privacy: Privacy {
                include_evidence: privacy.include_evidence,
                include_notes: privacy.include_notes,
                include_dates: privacy.include_dates,
                include_emails: privacy.include_emails,
                include_skills: privacy.include_skills,
            },
            exported_at: self.clock.now(),
            learner: key.as_ref(),
            challenge: None,
            domain: None,
        };
        let out = export::export_in(&portfolio, fmt, &opts, lang)
            .map_err(|e| CommandError::from(backpack_core::Error::from(e)))?;
        if let Some(p) = path {
            export::write_atomic(p, &out.bytes)
                .map_err(|e| CommandError::new("io", crate::error::io_line(p.display(), &e)))?;
        }
        Ok(ExportSummary {
            warning: out.warning.lines_in(lang),
            not_in_presentation: out.not_in_presentation,
            bytes: out.bytes.len(),
            extension: out.extension,
        })
    }
}
