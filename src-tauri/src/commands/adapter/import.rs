//! Import: one line per input and the counts the page shows, and importing files, folders,
//! ZIPs, bytes and URLs through the core's pipeline (the commands in `commands/import.rs`),
//! plus examining a portfolio someone sent (read-only).

use super::WalletAdapter;
use crate::error::{CmdResult, CommandError};
use backpack_core::import::{FileOutcome, FileResult, ImportOptions};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Lines of a bulk import sent to the page at most: a drop of 10,000 files would otherwise send
/// 10,000 lines over IPC for the page to parse in one frame, and the page shows 300.
pub const MAX_IMPORT_LINES: usize = 300;

/// What a bulk import did: every outcome counted, and the lines worth reading — at most
/// [`MAX_IMPORT_LINES`], those that need the learner's attention first (refused, failed,
/// conflicts, skipped), then the others in input order.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportResults {
    /// How many lines had each outcome.
    pub counts: OutcomeCounts,
    /// The lines to show.
    pub lines: Vec<ImportLine>,
    /// All lines, shown or not.
    pub total: usize,
}

/// How many files had each import outcome.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeCounts {
    /// Added.
    pub imported: usize,
    /// Already there (or an older version kept as history).
    pub duplicate: usize,
    /// Kept beside a badge it claims to replace.
    pub conflict: usize,
    /// Left out on purpose.
    pub skipped: usize,
    /// Not a badge we accept.
    pub refused: usize,
    /// The wallet could not store it.
    pub failed: usize,
}

impl ImportResults {
    /// Count every line and keep the ones worth showing.
    pub fn of(lines: Vec<ImportLine>) -> Self {
        let mut counts = OutcomeCounts::default();
        for l in &lines {
            *match l.outcome {
                ImportOutcome::Imported => &mut counts.imported,
                ImportOutcome::Duplicate => &mut counts.duplicate,
                ImportOutcome::Conflict => &mut counts.conflict,
                ImportOutcome::Skipped => &mut counts.skipped,
                ImportOutcome::Refused => &mut counts.refused,
                ImportOutcome::Failed => &mut counts.failed,
            } += 1;
        }
        let total = lines.len();
        let problem = |l: &ImportLine| {
            !matches!(
                l.outcome,
                ImportOutcome::Imported | ImportOutcome::Duplicate
            )
        };
        let (mut shown, rest): (Vec<_>, Vec<_>) = lines.into_iter().partition(problem);
        shown.extend(rest);
        shown.truncate(MAX_IMPORT_LINES);
        ImportResults {
            counts,
            lines: shown,
            total,
        }
    }
}

/// What happened to one imported file, in one word (labels: `import-outcome-<id>` in
/// ui/locales).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// Added (a badge, or an endorsement).
    Imported,
    /// Already there, or an older version kept as history.
    Duplicate,
    /// Kept beside a badge it claims to replace.
    Conflict,
    /// Left out on purpose (another wallet's keys, non-badge entries).
    Skipped,
    /// Not a badge we accept.
    Refused,
    /// The wallet could not store it (disk full, locked): try again, the badge may be fine.
    Failed,
}

/// What happened to one imported file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportLine {
    /// File name or label.
    pub file: String,
    /// What happened to it.
    pub outcome: ImportOutcome,
    /// Why (for a refusal) or the badge name.
    pub message: String,
    /// Wallet id when imported or duplicate.
    pub id: Option<i64>,
}

/// Inputs per stored group when the app imports: small enough that the progress bar moves
/// and Cancel answers within a fraction of a second, large enough to keep every core busy.
pub const APP_IMPORT_GROUP: usize = 128;

/// One import outcome as a result line, in the UI's language (catalog messages
/// `import-line-…`; refusals through the core's own catalog messages).
pub fn line(mut o: FileOutcome) -> ImportLine {
    use backpack_core::i18n::Arg;
    crate::error::localize_outcome(&mut o);
    let cat = crate::error::catalog();
    let s = |v: &str| Arg::Str(v.to_string());
    let file = o.source.clone();
    // The file's name starts a refused/skipped/failed reason: the line shows it apart.
    let without_source = |reason: &str| {
        reason
            .strip_prefix(&format!("{}: ", o.source))
            .unwrap_or(reason)
            .to_string()
    };
    let (outcome, message, id) = match o.result {
        FileResult::Imported {
            id, name, embedded, ..
        } if !embedded.is_empty() => (
            ImportOutcome::Imported,
            cat.msg(
                "import-line-inside",
                &[("name", s(&name)), ("n", Arg::Num(embedded.len() as f64))],
            ),
            Some(id),
        ),
        FileResult::Imported { id, name, .. } => (ImportOutcome::Imported, name, Some(id)),
        FileResult::History { id, name, .. } => (
            ImportOutcome::Duplicate,
            cat.msg("import-line-history", &[("name", s(&name))]),
            Some(id),
        ),
        FileResult::Duplicate { id, .. } => (
            ImportOutcome::Duplicate,
            cat.t("import-line-already"),
            Some(id),
        ),
        FileResult::Endorsement {
            name,
            endorser,
            attached_to,
            duplicate,
            ..
        } => {
            let place = if attached_to.is_empty() {
                cat.t("import-line-endorses-missing")
            } else {
                cat.msg(
                    "import-line-endorses",
                    &[("n", Arg::Num(attached_to.len() as f64))],
                )
            };
            let message = match endorser {
                Some(e) => cat.msg(
                    "import-line-endorsement-by",
                    &[
                        ("name", s(&name)),
                        ("endorser", s(&e)),
                        ("place", s(&place)),
                    ],
                ),
                None => cat.msg(
                    "import-line-endorsement",
                    &[("name", s(&name)), ("place", s(&place))],
                ),
            };
            let outcome = if duplicate {
                ImportOutcome::Duplicate
            } else {
                ImportOutcome::Imported
            };
            (outcome, message, attached_to.first().copied())
        }
        FileResult::Conflict { id, name, current } => (
            ImportOutcome::Conflict,
            cat.msg(
                "import-line-conflict",
                &[("name", s(&name)), ("id", s(&current.to_string()))],
            ),
            Some(id),
        ),
        FileResult::Skipped { ref reason } => {
            (ImportOutcome::Skipped, without_source(reason), None)
        }
        // "refused": the input is not a badge we accept; "failed": the wallet could not
        // store it (disk full, locked): the learner should try again, not doubt the badge.
        FileResult::Refused { ref reason } => {
            (ImportOutcome::Refused, without_source(reason), None)
        }
        FileResult::Failed { ref reason } => (ImportOutcome::Failed, without_source(reason), None),
    };
    ImportLine {
        file,
        outcome,
        message,
        id,
    }
}

impl WalletAdapter {
    /// Import one path (a file, a folder or a ZIP) and verify what is new.
    pub fn import_path(&self, path: &Path) -> CmdResult<Vec<ImportLine>> {
        let outs = self.with_ctx(|ctx| {
            let opts = ImportOptions {
                verify: Some(ctx),
                ..Default::default()
            };
            backpack_core::import::import_paths(
                &self.wallet,
                &[path.to_path_buf()],
                &opts,
                &mut |_, _| {},
            )
        })?;
        Ok(outs.into_iter().map(line).collect())
    }

    /// Import files, folders and ZIPs (a drop, the file dialog, a second launch) through the
    /// core's pipeline: verified on every core, stored in groups of [`APP_IMPORT_GROUP`], each
    /// group one commit; `progress(done, total)` after each group; stops between two groups
    /// when `cancel` is set (what was stored stays whole).
    pub fn import_paths(
        &self,
        paths: &[PathBuf],
        cancel: &std::sync::atomic::AtomicBool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> CmdResult<Vec<ImportLine>> {
        let outs = self.with_ctx(|ctx| {
            let opts = ImportOptions {
                verify: Some(ctx),
                cancel: Some(cancel),
                group: APP_IMPORT_GROUP,
            };
            backpack_core::import::import_paths(&self.wallet, paths, &opts, progress)
        })?;
        Ok(outs.into_iter().map(line).collect())
    }

    /// Import bytes (paste, samples, undo).
    pub fn import_bytes(&self, name: &str, bytes: &[u8]) -> CmdResult<ImportLine> {
        let out = self.with_ctx(|ctx| {
            let opts = ImportOptions {
                verify: Some(ctx),
                ..Default::default()
            };
            backpack_core::import::import_with(&self.wallet, bytes, name, &opts)
        })?;
        Ok(line(out))
    }

    /// Import the badge at an http(s) URL: fetched only when the learner allowed network (and
    /// minor mode is unlocked), verified, its evidence kept.
    pub fn import_url(&self, url: &str) -> CmdResult<ImportLine> {
        let out =
            self.with_ctx(|ctx| backpack_core::wallets::url::import_url(&self.wallet, url, ctx))?;
        Ok(line(out))
    }

    /// Examine a portfolio someone sent (HTML, ZIP, PDF or presentation), read-only: nothing is
    /// added to the wallet. `recipients`: the sender's emails or DIDs, as the learner typed
    /// them (each badge must be issued to one of them; empty: not asked). The learner's own
    /// identities are not the sender's and are not used.
    pub fn verify_share(
        &self,
        bytes: &[u8],
        recipients: Vec<String>,
    ) -> CmdResult<backpack_core::share::ShareReport> {
        let expect = backpack_core::share::Expect {
            recipients,
            ..Default::default()
        };
        let mut report = self
            .with_ctx(|ctx| backpack_core::share::verify_share_with(bytes, ctx, &expect))?
            .map_err(|e| CommandError::new("refused", crate::error::localized(&e)))?;
        // Every badge's checks in the UI's language (their messages rendered, not sent).
        let cat = crate::error::catalog();
        for b in &mut report.badges {
            b.report = b.report.localized(cat);
        }
        Ok(report)
    }
}
