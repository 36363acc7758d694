//! The thin adapter between the commands and the core wallet ([`backpack_core::store::Wallet`],
//! [`backpack_core::import`], [`backpack_core::verify`]): it turns core rows into the shapes
//! the UI renders (camelCase JSON) and core errors into [`CommandError`]s. No badge logic
//! lives here: decoding, parsing, dedupe, verification, search and storage are the core's.
//!
//! The wallet is the one the CLI uses (`BACKPACK_WALLET`, else the platform data dir), so
//! badges imported with `backpack import` show up in the app and the other way round.

use crate::error::{CmdResult, CommandError};
use crate::view;
use backpack_core::env::{Clock, SystemClock};
use backpack_core::import::{FileOutcome, FileResult, ImportOptions};
use backpack_core::learner_key::{
    KeyFile, KeyMigration, OsKeyring, PassphraseUse, SecretVault, migrate_plaintext_key,
};
use backpack_core::minor_mode::{Action, GuardianUnlock, MinorMode, MinorModeError};
use backpack_core::model::{Badge, Format, Image};
use backpack_core::store::{
    BadgeSummary, IdentityKind, ImageKind, Query, StoreError, Wallet, keys,
};
use backpack_core::verify::{Report, Status, VerifyContext};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use ts_rs::TS;
use zeroize::Zeroizing;

/// One card of the gallery: everything the list view and its filters need.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeCard {
    /// Wallet id.
    pub id: i64,
    /// Badge name.
    pub name: String,
    /// Issuer display name.
    pub issuer: String,
    /// Issued date (RFC 3339) if known.
    pub issued: Option<String>,
    /// Status chip id (the core vocabulary, `verify::Status`).
    #[ts(type = "Status")]
    pub status: Status,
    /// `badgeimg://` URL of the image, or `None` (remote or no image: the UI shows a placeholder).
    pub image: Option<String>,
    /// Learner's tags.
    pub tags: Vec<String>,
    /// Ids of the collections holding it.
    pub collections: Vec<i64>,
    /// Format id.
    #[ts(type = "Format | null")]
    pub format: Option<Format>,
    /// What an imported trust list says about the issuer (information, never the status).
    pub trust: Option<TrustMark>,
}

/// A trust list's label for a badge's issuer, in the words for the badge's status
/// (`backpack_core::trust_list::TrustLabel::text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrustMark {
    /// "Known issuer: …", or "Claims to be from a known issuer: …" when not verified.
    pub text: String,
    /// The badge is verified, so the issuer named is the one that signed.
    pub verified: bool,
    /// The list or entry is a sandbox / test one.
    pub test: bool,
    /// The list's name.
    pub list: String,
}

impl TrustMark {
    fn of(label: Option<backpack_core::trust_list::TrustLabel>, status: Status) -> Option<Self> {
        label.map(|l| TrustMark {
            text: l.text(status),
            verified: status == Status::Verified,
            test: l.test,
            list: l.list,
        })
    }
}

/// Everything the detail view shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeDetail {
    /// The card fields.
    pub card: BadgeCard,
    /// The full normalised badge.
    #[serde(serialize_with = "crate::ipc::camel")]
    #[ts(type = "Badge")]
    pub badge: Badge,
    /// The last verification report.
    #[serde(serialize_with = "crate::ipc::camel")]
    #[ts(type = "Report | null")]
    pub report: Option<Report>,
    /// The report in one plain sentence.
    pub summary: String,
    /// The learner's note.
    pub note: String,
    /// Original file name.
    pub file_name: String,
    /// When it was imported (RFC 3339).
    pub imported_at: String,
    /// True when the image is remote and was not fetched.
    pub remote_image: bool,
    /// The badge this copy conflicts with: it claims to be a newer version of it but is not
    /// signed with the issuer's key.
    pub conflicts_with: Option<i64>,
    /// Conflicting copies kept beside this badge.
    pub conflicts: Vec<i64>,
    /// Endorsements of the badge, its achievement or its issuer: embedded in the credential
    /// and imported as files, each with its own status.
    pub endorsements: Vec<EndorsementView>,
    /// Earlier checks, newest first (the evidence history).
    pub earlier: Vec<EarlierCheck>,
}

/// One earlier check of a badge.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EarlierCheck {
    /// When (RFC 3339).
    pub checked_at: String,
    /// Its status (`not_checked` when made under older rules).
    #[ts(type = "Status")]
    pub status: Status,
    /// Why.
    pub reason: String,
}

/// One endorsement as the detail view shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementView {
    /// Who endorses (name, or id).
    pub endorser: String,
    /// `credential`, `achievement` or `issuer`.
    pub scope: &'static str,
    /// The endorser's comment.
    pub comment: Option<String>,
    /// Its own status id (`verify::Status`).
    #[ts(type = "Status")]
    pub status: Status,
    /// Why.
    pub reason: String,
    /// `embedded` (inside the badge) or `file`.
    pub source: &'static str,
}

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
            match l.outcome {
                "imported" => counts.imported += 1,
                "duplicate" => counts.duplicate += 1,
                "conflict" => counts.conflict += 1,
                "skipped" => counts.skipped += 1,
                "refused" => counts.refused += 1,
                _ => counts.failed += 1,
            }
        }
        let total = lines.len();
        let problem = |l: &ImportLine| !matches!(l.outcome, "imported" | "duplicate");
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

/// What happened to one imported file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportLine {
    /// File name or label.
    pub file: String,
    /// `imported`, `duplicate`, `conflict`, `skipped` (another wallet's keys and non-badge
    /// entries, left out on purpose), `refused` (not a badge we accept) or `failed` (the wallet
    /// could not store it).
    pub outcome: &'static str,
    /// Why (for a refusal) or the badge name.
    pub message: String,
    /// Wallet id when imported or duplicate.
    pub id: Option<i64>,
}

/// A collection as the UI sees it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CollectionDto {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Learner's note.
    pub note: String,
    /// Badge ids in order.
    pub badge_ids: Vec<i64>,
}

/// Learner profile (recipient identities).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Emails.
    pub emails: Vec<String>,
    /// DIDs.
    pub dids: Vec<String>,
}

/// App settings shown in the settings view.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsDto {
    /// Network allowed for verification.
    pub network_allowed: bool,
    /// Minor mode on.
    pub minor_mode: bool,
    /// Minor mode on and currently unlocked by the guardian for this session.
    pub unlocked: bool,
    /// Where the wallet file lives.
    pub wallet_path: String,
    /// Badges in the wallet.
    pub badge_count: usize,
    /// True when the whole wallet is encrypted with a passphrase (SQLCipher).
    pub encrypted: bool,
    /// Where the learner's signing key is: `os-keyring`, `key-file`, `in-wallet` (an old
    /// wallet whose key could not be moved out yet) or `none` (not created yet).
    pub key_store: &'static str,
    /// The key (or the key to be moved) needs the key-file passphrase, not given yet.
    pub key_needs_passphrase: bool,
}

impl From<MinorModeError> for CommandError {
    fn from(e: MinorModeError) -> Self {
        let kind = match &e {
            MinorModeError::Locked(_)
            | MinorModeError::WrongPassphrase
            | MinorModeError::Damaged => "locked",
            MinorModeError::TooShort | MinorModeError::AlreadyOn | MinorModeError::Off => {
                "invalid_input"
            }
            MinorModeError::Store(_) => "wallet",
            _ => "core",
        };
        CommandError::new(kind, crate::error::localized(&e))
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        let kind = match &e {
            StoreError::NoSuchBadge(_) | StoreError::NoSuchCollection(_) => "not_found",
            StoreError::CollectionExists(_) | StoreError::Invalid(_) => "invalid_input",
            StoreError::Io { .. } => "io",
            _ => "wallet",
        };
        CommandError::new(kind, crate::error::localized(&e))
    }
}

/// The wallet as the app uses it. Every method takes `&self`: the core wallet serialises
/// access itself, so a long import never blocks the UI's queries for longer than one badge.
pub struct WalletAdapter {
    wallet: Wallet,
    clock: Arc<dyn Clock>,
    /// The guardian's unlocked session (the core's proof; every outward action asks the core
    /// with it, `MinorMode::check`).
    guardian: Mutex<Option<GuardianUnlock>>,
    /// The key-file passphrase for this session (only where there is no system keyring).
    key_passphrase: Mutex<Option<Zeroizing<String>>>,
    /// Which key stores may be used: `os`, `file` or `auto` (`BACKPACK_KEY_STORE`).
    key_stores: Mutex<String>,
    /// Why the wallet is not open (it needs its passphrase, it is damaged, it is from a newer
    /// version): the UI shows this instead of the gallery until it is solved.
    problem: Mutex<Option<WalletStatus>>,
}

/// Whether the wallet is open, and if not, why (issue 13: never a crash, never a silent
/// overwrite).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletStatus {
    /// `ok`, `locked` (encrypted: needs its passphrase) or `damaged` (damaged, not a
    /// wallet, or from a newer Backpack: restore a backup).
    pub state: &'static str,
    /// The core's message.
    pub message: String,
    /// The wallet file.
    pub path: String,
    /// True when the wallet is encrypted.
    pub encrypted: bool,
}

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

/// Inputs per stored group when the app imports: small enough that the progress bar moves
/// and Cancel answers within a fraction of a second, large enough to keep every core busy.
pub const APP_IMPORT_GROUP: usize = 128;

/// The wallet path the CLI uses too: `BACKPACK_WALLET`, else the platform default.
pub fn default_wallet_path() -> CmdResult<PathBuf> {
    if let Some(p) = std::env::var_os("BACKPACK_WALLET").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    Ok(Wallet::default_path()?)
}

/// A gallery card from a wallet row, its tags and its collections.
fn card(s: BadgeSummary, tags: Vec<String>, collections: Vec<i64>) -> BadgeCard {
    BadgeCard {
        id: s.id,
        name: s.name,
        issuer: s
            .issuer
            .or(s.issuer_id)
            .unwrap_or_else(|| "Unknown issuer".into()),
        issued: s.issued,
        status: s.status,
        image: image_url(s.id, s.image_kind),
        tags,
        collections,
        format: Some(s.format),
        trust: None,
    }
}

fn image_url(id: i64, kind: Option<ImageKind>) -> Option<String> {
    match kind {
        Some(ImageKind::Baked | ImageKind::Data) => {
            Some(format!("{}://localhost/{id}", crate::IMAGE_SCHEME))
        }
        _ => None,
    }
}

fn file_name(source: &str) -> String {
    let base = source.rsplit(['/', '\\', ':']).next().unwrap_or(source);
    if base.is_empty() {
        "badge".into()
    } else {
        base.to_string()
    }
}

/// One import outcome as a result line.
pub fn line(mut o: FileOutcome) -> ImportLine {
    crate::error::localize_outcome(&mut o);
    let file = o.source.clone();
    let (outcome, message, id) = match o.result {
        FileResult::Imported {
            id, name, embedded, ..
        } if !embedded.is_empty() => (
            "imported",
            format!("{name} (and {} badges inside it)", embedded.len()),
            Some(id),
        ),
        FileResult::Imported { id, name, .. } => ("imported", name, Some(id)),
        FileResult::History { id, name, .. } => (
            "duplicate",
            format!("{name}: an older version of a badge you have, kept as its history"),
            Some(id),
        ),
        FileResult::Duplicate { id, .. } => {
            ("duplicate", "already in your wallet".into(), Some(id))
        }
        FileResult::Endorsement {
            name,
            endorser,
            attached_to,
            duplicate,
            ..
        } => (
            if duplicate { "duplicate" } else { "imported" },
            format!(
                "{name}: an endorsement{}{}",
                endorser.map(|e| format!(" by {e}")).unwrap_or_default(),
                if attached_to.is_empty() {
                    ", of something not in your backpack".to_string()
                } else {
                    format!(", shown on {} of your badges", attached_to.len())
                }
            ),
            attached_to.first().copied(),
        ),
        FileResult::Conflict { id, name, current } => (
            "conflict",
            format!(
                "{name}: claims to be a newer version of badge #{current} but is not signed \
                 with the issuer's key, so it was kept beside it, not in its place"
            ),
            Some(id),
        ),
        FileResult::Skipped { reason } => (
            "skipped",
            reason
                .strip_prefix(&format!("{}: ", o.source))
                .unwrap_or(&reason)
                .to_string(),
            None,
        ),
        // "refused": the input is not a badge we accept; "failed": the wallet could not
        // store it (disk full, locked): the learner should try again, not doubt the badge.
        FileResult::Refused { reason } => {
            let r = reason
                .strip_prefix(&format!("{}: ", o.source))
                .unwrap_or(&reason)
                .to_string();
            ("refused", r, None)
        }
        FileResult::Failed { reason } => {
            let r = reason
                .strip_prefix(&format!("{}: ", o.source))
                .unwrap_or(&reason)
                .to_string();
            ("failed", r, None)
        }
    };
    ImportLine {
        file,
        outcome,
        message,
        id,
    }
}

impl WalletAdapter {
    /// Open (or create) the wallet at `path`. A wallet that needs its passphrase, is damaged
    /// or is from a newer version does not stop the app: it starts on a stand-in that holds
    /// nothing and accepts nothing, and [`WalletAdapter::status`] says what to do.
    pub fn open(path: &Path) -> CmdResult<Self> {
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let (wallet, problem) = match Wallet::open(path) {
            Ok(w) => (w, None),
            Err(e) => {
                let state = match &e {
                    StoreError::NeedsPassphrase(_) => "locked",
                    StoreError::Damaged { .. }
                    | StoreError::TooNew { .. }
                    | StoreError::NotAWallet(_) => "damaged",
                    _ => return Err(e.into()),
                };
                let status = WalletStatus {
                    state,
                    message: e.to_string(),
                    path: path.display().to_string(),
                    encrypted: state == "locked",
                };
                (Wallet::unavailable(path)?, Some(status))
            }
        };
        let a = WalletAdapter {
            wallet: wallet.with_clock(clock.clone()),
            clock,
            problem: Mutex::new(problem),
            guardian: Mutex::new(None),
            key_passphrase: Mutex::new(None),
            key_stores: Mutex::new(std::env::var("BACKPACK_KEY_STORE").unwrap_or_default()),
        };
        // An old wallet's plaintext key moves to the key store now (the system keyring; the
        // key file once the learner gives its passphrase in Settings).
        let _ = a.with_vaults(|v| migrate_plaintext_key(&a.wallet, v));
        Ok(a)
    }

    /// Run `f` with the learner-key stores: the system keyring, then the key file beside the
    /// wallet with the session's passphrase (`BACKPACK_KEY_STORE` = os | file | auto, as in
    /// the CLI).
    fn with_vaults<T>(&self, f: impl FnOnce(&[&dyn SecretVault]) -> T) -> T {
        let choice = self
            .key_stores
            .lock()
            .map(|c| c.clone())
            .unwrap_or_default();
        let pass = |_: PassphraseUse| self.key_passphrase.lock().ok().and_then(|p| p.clone());
        let os = OsKeyring::new();
        let path = self
            .wallet
            .path()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let file = KeyFile::beside(&path, &pass, backpack_core::backup::KdfParams::default());
        let mut v: Vec<&dyn SecretVault> = Vec::new();
        if choice != "file" {
            v.push(&os);
        }
        if choice != "os" && self.wallet.path().is_some() {
            v.push(&file);
        }
        f(&v)
    }

    /// Is the wallet open? (The UI asks first, and shows the unlock or restore screen if not.)
    pub fn status(&self) -> CmdResult<WalletStatus> {
        let p = self
            .problem
            .lock()
            .map_err(|_| CommandError::wallet("wallet state unavailable"))?;
        Ok(p.clone().unwrap_or_else(|| WalletStatus {
            state: "ok",
            message: String::new(),
            path: self.path_string(),
            encrypted: self.wallet.is_encrypted(),
        }))
    }

    fn path_string(&self) -> String {
        self.wallet
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    }

    fn path_buf(&self) -> CmdResult<PathBuf> {
        self.wallet
            .path()
            .map(Path::to_path_buf)
            .ok_or_else(|| CommandError::invalid("this wallet has no file"))
    }

    /// Put the real wallet in place (after an unlock or a restore) and clear the problem.
    fn reopen(&self, passphrase: Option<&str>) -> CmdResult<WalletStatus> {
        let w = Wallet::open_with(self.path_buf()?, passphrase).map_err(|e| match e {
            StoreError::WrongPassphrase(_) | StoreError::NeedsPassphrase(_) => {
                CommandError::new("locked", e.to_string())
            }
            e => e.into(),
        })?;
        self.wallet.replace_with(w)?;
        *self
            .problem
            .lock()
            .map_err(|_| CommandError::wallet("wallet state unavailable"))? = None;
        let _ = self.with_vaults(|v| migrate_plaintext_key(&self.wallet, v));
        self.status()
    }

    /// Unlock an encrypted wallet with its passphrase.
    pub fn unlock_wallet(&self, passphrase: &str) -> CmdResult<WalletStatus> {
        self.reopen(Some(passphrase))
    }

    /// Replace a damaged (or too new) wallet with a backup: the damaged file is kept beside it
    /// as `.before-restore`. Only while the wallet could not be opened (a working wallet is
    /// restored over with the command line, where minor mode is checked).
    pub fn restore_damaged(&self, backup: &Path, passphrase: &str) -> CmdResult<WalletStatus> {
        let state = self.status()?.state;
        if state != "damaged" {
            return Err(CommandError::invalid(
                "the wallet opens: restore over it with backpack restore --force",
            ));
        }
        let bytes = std::fs::read(backup)
            .map_err(|e| CommandError::new("io", format!("{}: {e}", backup.display())))?;
        let dest = self.path_buf()?;
        self.with_vaults(|v| {
            backpack_core::backup::restore_wallet_with_keys(
                &bytes,
                passphrase,
                &dest,
                true,
                v,
                None,
                &mut rand_core::OsRng,
            )
        })
        .map_err(|e| CommandError::new("refused", e.to_string()))?;
        self.reopen(None)
    }

    /// Encrypt the open wallet with `passphrase` (SQLCipher), or with `None` remove the
    /// encryption (`current` must then be the wallet passphrase). The wallet is closed, rewritten
    /// and reopened; other programs must not have it open meanwhile.
    pub fn set_encryption(
        &self,
        current: Option<&str>,
        new: Option<&str>,
    ) -> CmdResult<SettingsDto> {
        if self.status()?.state != "ok" {
            return Err(CommandError::invalid("the wallet is not open"));
        }
        let path = self.path_buf()?;
        let need_current = || {
            current
                .filter(|c| !c.is_empty())
                .ok_or_else(|| CommandError::invalid("give the current wallet passphrase"))
        };
        let was = match (self.wallet.is_encrypted(), new) {
            (false, Some(_)) => None,
            (false, None) => return Err(CommandError::invalid("the wallet is not encrypted")),
            // Remove the encryption, or change the passphrase.
            (true, _) => Some(need_current()?),
        };
        if let Some(c) = was {
            // A wrong current passphrase is refused before anything is closed.
            drop(Wallet::open_with(&path, Some(c)).map_err(|e| match e {
                StoreError::WrongPassphrase(_) => CommandError::new("locked", e.to_string()),
                e => e.into(),
            })?);
        }
        // Close our own connection first: the file is replaced underneath.
        self.wallet.replace_with(Wallet::unavailable(&path)?)?;
        let changed = Wallet::change_encryption(&path, was, new);
        let reopen = self.reopen(if changed.is_ok() { new } else { was });
        changed.map_err(|e| match e {
            StoreError::WrongPassphrase(_) => CommandError::new("locked", e.to_string()),
            e => e.into(),
        })?;
        reopen?;
        self.settings()
    }

    /// Use only these key stores (`os`, `file`, `auto`): tests keep the developer's real
    /// keyring out of it.
    pub fn use_key_stores(&self, choice: &str) {
        if let Ok(mut c) = self.key_stores.lock() {
            *c = choice.to_string();
        }
    }

    /// Minor mode: may `action` happen now? (The core decides, with this session's unlock.)
    fn require(&self, action: Action) -> CmdResult<()> {
        let g = self
            .guardian
            .lock()
            .map_err(|_| CommandError::wallet("minor mode state unavailable"))?;
        Ok(MinorMode::check(&self.wallet, action, g.as_ref())?)
    }

    fn set_guardian(&self, unlock: Option<GuardianUnlock>) -> CmdResult<()> {
        *self
            .guardian
            .lock()
            .map_err(|_| CommandError::wallet("minor mode state unavailable"))? = unlock;
        Ok(())
    }

    /// The key-file passphrase for this session; an old wallet's key is moved out with it.
    pub fn set_key_passphrase(&self, passphrase: &str) -> CmdResult<SettingsDto> {
        if passphrase.is_empty() {
            return Err(CommandError::invalid("the passphrase is empty"));
        }
        *self
            .key_passphrase
            .lock()
            .map_err(|_| CommandError::wallet("key state unavailable"))? =
            Some(Zeroizing::new(passphrase.to_string()));
        match self.with_vaults(|v| migrate_plaintext_key(&self.wallet, v)) {
            Ok(KeyMigration::Pending(why)) => return Err(CommandError::new("core", why)),
            Ok(_) => {}
            Err(e) => return Err(CommandError::new("core", e.to_string())),
        }
        // A wrong passphrase for an existing key file says so now, not at the next export.
        if let Some(rec) = self.wallet.learner_key()?
            && rec.secret_store.as_deref() == Some("key-file")
            && let Err(e) = self.learner_key()
        {
            *self
                .key_passphrase
                .lock()
                .map_err(|_| CommandError::wallet("key state unavailable"))? = None;
            return Err(e);
        }
        self.settings()
    }

    /// The learner's signing key (created on first use).
    fn learner_key(&self) -> CmdResult<backpack_core::learner_key::LearnerKey> {
        self.with_vaults(|v| backpack_core::learner_key::wallet_learner_key(&self.wallet, v))
            .map_err(|e| {
                // "key_passphrase": the UI asks for the key file's passphrase and tries again.
                let kind = if e.needs_passphrase() {
                    "key_passphrase"
                } else {
                    "key"
                };
                CommandError::new(kind, e.to_string())
            })
    }

    /// The core wallet (for commands that call a core function directly).
    pub fn core(&self) -> &Wallet {
        &self.wallet
    }

    /// The core's network rule ([`backpack_core::policy::network`], the CLI asks it too) with
    /// this session's guardian unlock. The app has no per-run "allow network" flag: the
    /// setting is the learner's consent.
    pub fn network(&self) -> CmdResult<backpack_core::policy::Network> {
        let g = self
            .guardian
            .lock()
            .map_err(|_| CommandError::wallet("minor mode state unavailable"))?;
        backpack_core::policy::network(&self.wallet, false, g.as_ref()).map_err(|e| match e {
            backpack_core::policy::PolicyError::MinorMode(e) => e.into(),
            backpack_core::policy::PolicyError::Store(e) => e.into(),
        })
    }

    /// Run `f` with a verification context: offline unless the learner allowed network.
    pub(crate) fn with_ctx<T>(&self, f: impl FnOnce(&VerifyContext<'_>) -> T) -> CmdResult<T> {
        let recipients = self.wallet.identity_values()?;
        let fetcher = backpack_core::policy::fetcher(self.network()?, false);
        let ctx = VerifyContext::new(self.clock.as_ref(), fetcher.as_ref())
            .with_recipients(&recipients)
            .with_cache(&self.wallet);
        Ok(f(&ctx))
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
        self.with_ctx(|ctx| backpack_core::share::verify_share_with(bytes, ctx, &expect))?
            .map_err(|e| CommandError::new("refused", e.to_string()))
    }

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

    /// All cards, newest first.
    pub fn list(&self) -> CmdResult<Vec<BadgeCard>> {
        let mut in_cols: HashMap<i64, Vec<i64>> = HashMap::new();
        for c in self.wallet.collections()? {
            for b in c.badge_ids {
                in_cols.entry(b).or_default().push(c.id);
            }
        }
        let mut tags = self.wallet.tags_by_badge()?;
        let rows = self.wallet.list_badges(&Query::default())?;
        let trust = self.wallet.trust_index()?;
        Ok(rows
            .into_iter()
            .map(|s| {
                let (t, c) = (tags.remove(&s.id), in_cols.remove(&s.id));
                let label = s.issuer_id.as_deref().and_then(|id| trust.label(id));
                let status = s.status;
                let mut card = card(s, t.unwrap_or_default(), c.unwrap_or_default());
                card.trust = TrustMark::of(label, status);
                card
            })
            .collect())
    }

    /// Ids matching the search box (the core's full-text index: every word, as a prefix, in
    /// the name, issuer, description, skills or tags).
    pub fn search(&self, text: &str) -> CmdResult<Vec<i64>> {
        let q = Query {
            text: Some(text.to_string()),
            ..Query::default()
        };
        Ok(self
            .wallet
            .list_badges(&q)?
            .into_iter()
            .map(|s| s.id)
            .collect())
    }

    /// Every current badge's searchable text, by id (see `Wallet::search_texts`).
    pub fn search_index(&self) -> CmdResult<Vec<(i64, String)>> {
        Ok(self.wallet.search_texts()?)
    }

    /// The card of a badge whose tags the caller already has.
    fn card_of(&self, id: i64, tags: Vec<String>) -> CmdResult<BadgeCard> {
        let s = self
            .wallet
            .summaries(&[id])?
            .pop()
            .ok_or(StoreError::NoSuchBadge(id))?;
        let label = match &s.issuer_id {
            Some(i) => self.wallet.issuer_label(i)?,
            None => None,
        };
        let status = s.status;
        let collections = self
            .wallet
            .collections()?
            .into_iter()
            .filter(|c| c.badge_ids.contains(&id))
            .map(|c| c.id)
            .collect();
        let mut card = card(s, tags, collections);
        card.trust = TrustMark::of(label, status);
        Ok(card)
    }

    /// The skills view (issue 11), narrowed by `query` (see `backpack_core::skills`).
    pub fn skills(&self, query: Option<&str>) -> CmdResult<backpack_core::skills::SkillsView> {
        Ok(self.wallet.skills(query)?)
    }

    /// LinkedIn's add-to-profile fields for one badge. With `to_open`, minor mode must allow
    /// exporting first: opening the link carries the badge's details out.
    pub fn linkedin(
        &self,
        id: i64,
        to_open: bool,
    ) -> CmdResult<backpack_core::linkedin::LinkedInFields> {
        let fields = self.wallet.get_badge(id)?.linkedin();
        if to_open {
            self.require(Action::Export)?;
        }
        Ok(fields)
    }

    /// One badge in full.
    pub fn detail(&self, id: i64) -> CmdResult<BadgeDetail> {
        let b = self.wallet.get_badge(id)?;
        let stale = b
            .latest_report
            .as_ref()
            .is_some_and(|r| r.rules < backpack_core::verify::report::RULES);
        let report = b.latest_report.map(|r| r.report);
        let summary = match &report {
            Some(rep) if stale => format!(
                "Last checked on {} by an older Backpack that did not confirm who signed badges: \
                 choose “Check again”.",
                view::human_date(&rep.checked_at)
            ),
            Some(rep) => view::plain_summary(rep, &b.badge),
            None => "Not checked yet: choose “Check again”.".to_string(),
        };
        let mut endorsements: Vec<EndorsementView> = report
            .iter()
            .flat_map(|r| r.endorsements.iter())
            .map(|e| EndorsementView {
                endorser: e
                    .endorser_name
                    .clone()
                    .or(e.endorser_id.clone())
                    .unwrap_or_else(|| "Unknown endorser".into()),
                scope: e.scope.as_str(),
                comment: e.comment.clone(),
                status: e.status,
                reason: e.reason.clone(),
                source: "embedded",
            })
            .collect();
        endorsements.extend(
            self.wallet
                .endorsements_for_badge(id)?
                .into_iter()
                .map(|e| EndorsementView {
                    endorser: e
                        .endorser_name
                        .or(e.endorser_id)
                        .unwrap_or_else(|| "Unknown endorser".into()),
                    scope: e.scope.map(|s| s.as_str()).unwrap_or("credential"),
                    comment: e.comment,
                    status: e.status,
                    reason: e.reason.unwrap_or_default(),
                    source: "file",
                }),
        );
        Ok(BadgeDetail {
            card: self.card_of(id, b.tags)?,
            remote_image: matches!(b.badge.image, Some(Image::Remote { .. })),
            badge: b.badge,
            report,
            summary,
            note: b.note.unwrap_or_default(),
            file_name: file_name(&b.source),
            imported_at: b.imported_at,
            conflicts_with: b.conflicts_with,
            conflicts: b.conflicts,
            endorsements,
            earlier: self
                .wallet
                .reports(id)?
                .into_iter()
                .skip(1)
                .take(10)
                .map(|r| EarlierCheck {
                    checked_at: r.report.checked_at,
                    status: r.status,
                    reason: if r.rules < backpack_core::verify::report::RULES {
                        "checked under older rules that did not confirm who signed".into()
                    } else {
                        r.report.reason
                    },
                })
                .collect(),
        })
    }

    /// The image bytes and media type served on `badgeimg://localhost/<id>`.
    pub fn image(&self, id: i64) -> Option<(String, Vec<u8>)> {
        let b = self.wallet.get_badge(id).ok()?;
        match b.badge.image? {
            Image::Baked { mime } if view::IMAGE_MIMES.contains(&mime.as_str()) => {
                Some((mime, b.original))
            }
            Image::Data { uri } => view::decode_data_image(&uri).ok(),
            _ => None,
        }
    }

    /// The original bytes, exactly as imported, and the original file name. Minor mode must
    /// be unlocked: this is how "Save original" takes a badge out of the wallet.
    pub fn original(&self, id: i64) -> CmdResult<(String, Vec<u8>)> {
        self.require(Action::Original)?;
        let b = self.wallet.get_badge(id)?;
        Ok((file_name(&b.source), b.original))
    }

    /// Verify again and keep the report.
    pub fn recheck(&self, id: i64) -> CmdResult<BadgeDetail> {
        let done =
            self.with_ctx(|ctx| backpack_core::recheck::recheck(&self.wallet, id, ctx))??;
        // A refresh may have made a newer version current: show that one.
        match done.refresh {
            backpack_core::recheck::Refresh::Replaced { new_id } => self.detail(new_id),
            _ => self.detail(id),
        }
    }

    /// Every current badge id.
    pub fn ids(&self) -> CmdResult<Vec<i64>> {
        Ok(self
            .wallet
            .list_badges(&Query::default())?
            .into_iter()
            .map(|s| s.id)
            .collect())
    }

    /// Remove a badge (the wallet keeps it until purged, so it can be restored).
    pub fn remove(&self, id: i64) -> CmdResult<()> {
        Ok(self.wallet.remove_badge(id)?)
    }

    /// Undo a removal.
    pub fn restore(&self, id: i64) -> CmdResult<()> {
        Ok(self.wallet.restore_badge(id)?)
    }

    /// Set the learner's note on a badge (empty clears it).
    pub fn set_badge_note(&self, id: i64, note: String) -> CmdResult<()> {
        let note = Some(note.as_str()).filter(|n| !n.trim().is_empty());
        Ok(self.wallet.set_badge_note(id, note)?)
    }

    /// Replace the learner's tags on a badge.
    pub fn set_badge_tags(&self, id: i64, tags: Vec<String>) -> CmdResult<()> {
        let current = self.wallet.get_badge(id)?.tags;
        let wanted: Vec<&str> = tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        for t in &current {
            if !wanted.iter().any(|w| w.eq_ignore_ascii_case(t)) {
                self.wallet.remove_tag(id, t)?;
            }
        }
        for w in wanted {
            if !current.iter().any(|t| t.eq_ignore_ascii_case(w)) {
                self.wallet.add_tag(id, w)?;
            }
        }
        Ok(())
    }

    // ── collections ──

    /// All collections.
    pub fn collections(&self) -> CmdResult<Vec<CollectionDto>> {
        Ok(self
            .wallet
            .collections()?
            .into_iter()
            .map(|c| CollectionDto {
                id: c.id,
                name: c.name,
                note: c.note.unwrap_or_default(),
                badge_ids: c.badge_ids,
            })
            .collect())
    }

    fn collection(&self, id: i64) -> CmdResult<CollectionDto> {
        let c = self.wallet.collection(id)?;
        Ok(CollectionDto {
            id: c.id,
            name: c.name,
            note: c.note.unwrap_or_default(),
            badge_ids: c.badge_ids,
        })
    }

    /// Create a collection.
    pub fn create_collection(&self, name: &str) -> CmdResult<CollectionDto> {
        let id = self.wallet.create_collection(name.trim(), None)?;
        self.collection(id)
    }

    /// Rename.
    pub fn rename_collection(&self, id: i64, name: &str) -> CmdResult<CollectionDto> {
        self.wallet.rename_collection(id, name.trim())?;
        self.collection(id)
    }

    /// Delete (the badges stay in the wallet).
    pub fn delete_collection(&self, id: i64) -> CmdResult<()> {
        Ok(self.wallet.delete_collection(id)?)
    }

    /// Add badges at the end.
    pub fn add_to_collection(&self, id: i64, badge_ids: &[i64]) -> CmdResult<CollectionDto> {
        for b in badge_ids {
            self.wallet.add_to_collection(id, *b)?;
        }
        self.collection(id)
    }

    /// Remove badges from a collection.
    pub fn remove_from_collection(&self, id: i64, badge_ids: &[i64]) -> CmdResult<CollectionDto> {
        for b in badge_ids {
            self.wallet.remove_from_collection(id, *b)?;
        }
        self.collection(id)
    }

    /// Set the order of a collection's badges.
    pub fn reorder_collection(&self, id: i64, badge_ids: Vec<i64>) -> CmdResult<CollectionDto> {
        self.wallet.reorder_collection(id, &badge_ids)?;
        self.collection(id)
    }

    /// Set a collection's note.
    pub fn set_collection_note(&self, id: i64, note: String) -> CmdResult<()> {
        let note = Some(note.as_str()).filter(|n| !n.trim().is_empty());
        Ok(self.wallet.set_collection_note(id, note)?)
    }

    // ── profile and settings ──

    /// The learner's identities.
    pub fn profile(&self) -> CmdResult<Profile> {
        let mut p = Profile::default();
        for i in self.wallet.identities()? {
            match i.kind {
                IdentityKind::Email => p.emails.push(i.value),
                _ => p.dids.push(i.value),
            }
        }
        Ok(p)
    }

    /// Add an email or DID (`kind` = `email` | `did`).
    pub fn add_identity(&self, kind: &str, value: &str) -> CmdResult<Profile> {
        let kind = match kind {
            "email" => IdentityKind::Email,
            "did" => IdentityKind::Did,
            _ => {
                return Err(CommandError::invalid(format!(
                    "unknown identity kind {kind:?}"
                )));
            }
        };
        self.wallet.add_identity(kind, value)?;
        self.profile()
    }

    /// Remove an email or DID.
    pub fn remove_identity(&self, value: &str) -> CmdResult<Profile> {
        self.wallet.remove_identity(value)?;
        self.profile()
    }

    /// The settings view.
    pub fn settings(&self) -> CmdResult<SettingsDto> {
        let minor_mode = MinorMode::load(&self.wallet)?.is_on();
        let (key_store, key_needs_passphrase) = match self.wallet.learner_key()? {
            None => ("none", false),
            Some(r) => match r.secret_store.as_deref() {
                None => ("in-wallet", true),
                Some("key-file") => (
                    "key-file",
                    self.key_passphrase
                        .lock()
                        .map(|p| p.is_none())
                        .unwrap_or(true),
                ),
                Some("os-keyring") => ("os-keyring", false),
                Some(_) => ("other", false),
            },
        };
        Ok(SettingsDto {
            network_allowed: self.wallet.setting_bool(keys::NETWORK_ALLOWED, false)?,
            minor_mode,
            unlocked: minor_mode && self.require(Action::Export).is_ok(),
            wallet_path: self
                .wallet
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "(in memory)".into()),
            badge_count: self.wallet.count_badges(&Query::default())? as usize,
            key_store,
            key_needs_passphrase,
            encrypted: self.wallet.is_encrypted(),
        })
    }

    /// True when sharing and network features may be used.
    pub fn sharing_allowed(&self) -> CmdResult<bool> {
        Ok(self.require(Action::Export).is_ok())
    }

    /// Allow or forbid network. Minor mode must be unlocked.
    pub fn set_network_allowed(&self, allowed: bool) -> CmdResult<SettingsDto> {
        self.require(Action::Network)?;
        self.wallet
            .set_setting_bool(keys::NETWORK_ALLOWED, allowed)?;
        self.settings()
    }

    /// Turn minor mode on with a guardian passphrase (at least 6 characters): the core seals
    /// it (`backpack_core::minor_mode`).
    pub fn enable_minor_mode(&self, passphrase: &str) -> CmdResult<SettingsDto> {
        MinorMode::enable(&self.wallet, passphrase)?;
        self.set_guardian(None)?;
        self.settings()
    }

    /// Check the guardian passphrase.
    pub fn check_guardian(&self, passphrase: &str) -> CmdResult<()> {
        MinorMode::unlock(&self.wallet, passphrase).map(drop)?;
        Ok(())
    }

    /// The guardian's unlock while minor mode is unlocked for this session (connect and sync
    /// pass it to the core's gate, as every outward action does).
    pub(crate) fn guardian_unlock(&self) -> Option<GuardianUnlock> {
        self.guardian.lock().ok().and_then(|g| g.clone())
    }

    /// Unlock for this session.
    pub fn unlock(&self, passphrase: &str) -> CmdResult<SettingsDto> {
        let u = MinorMode::unlock(&self.wallet, passphrase)?;
        self.set_guardian(Some(u))?;
        self.settings()
    }

    /// Lock again (end the guardian's session).
    pub fn lock(&self) -> CmdResult<SettingsDto> {
        self.set_guardian(None)?;
        self.settings()
    }

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
                .map_err(|e| CommandError::new("io", format!("{}: {e}", p.display())))?;
        }
        Ok(ExportSummary {
            warning: out.warning.lines_in(lang),
            not_in_presentation: out.not_in_presentation,
            bytes: out.bytes.len(),
            extension: out.extension,
        })
    }

    /// Turn minor mode off (needs the passphrase).
    pub fn disable_minor_mode(&self, passphrase: &str) -> CmdResult<SettingsDto> {
        MinorMode::disable(&self.wallet, passphrase)?;
        self.set_guardian(None)?;
        self.settings()
    }
}
