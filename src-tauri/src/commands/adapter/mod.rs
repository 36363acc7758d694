//! The thin adapter between the commands and the core wallet ([`backpack_core::store::Wallet`],
//! [`backpack_core::import`], [`backpack_core::verify`]): it turns core rows into the shapes
//! the UI renders (camelCase JSON) and core errors into [`CommandError`]s. No badge logic
//! lives here: decoding, parsing, dedupe, verification, search and storage are the core's.
//!
//! The wallet is the one the CLI uses (`BACKPACK_WALLET`, else the platform data dir), so
//! badges imported with `backpack import` show up in the app and the other way round.
//!
//! This file holds what every area shares: [`WalletAdapter`] (the wallet, the clock, the
//! guardian's session, the learner-key stores), the core-error mapping, the network rule and
//! the verification context. Each area's mapping sits in the file named like its commands
//! (`commands/<area>.rs`):
//!
//! - `badges`: gallery cards, the detail view, images, originals, recheck, notes and tags;
//! - `import`: import lines and counts, files/folders/ZIPs/bytes/URLs, received portfolios;
//! - `collections` and `export`: collections, and exporting one;
//! - `settings` and `minor_mode`: profile, settings, network consent, key passphrase,
//!   and the guardian's minor mode;
//! - `wallet`: whether the wallet is open, unlocking, restoring and encrypting it;
//! - `skills`: the skills view and LinkedIn fields.

mod badges;
mod collections;
mod export;
mod import;
mod minor_mode;
mod settings;
mod skills;
mod wallet;

pub use badges::{
    BadgeCard, BadgeDetail, EarlierCheck, EndorsementView, GalleryPage, GalleryQuery, TrustMark,
};
pub use collections::CollectionDto;
pub use export::{ExportSummary, PrivacyArgs};
pub use import::{
    APP_IMPORT_GROUP, ImportLine, ImportOutcome, ImportResults, MAX_IMPORT_LINES, OutcomeCounts,
    line,
};
pub use settings::{KeyStore, Profile, SettingsDto};
pub use wallet::{WalletState, WalletStatus};

use crate::error::{CmdResult, CommandError};
use backpack_core::env::{Clock, SystemClock};
use backpack_core::learner_key::{
    KeyFile, OsKeyring, PassphraseUse, SecretVault, migrate_plaintext_key,
};
use backpack_core::minor_mode::{Action, GuardianUnlock, MinorMode, MinorModeError};
use backpack_core::store::{StoreError, Wallet};
use backpack_core::verify::VerifyContext;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use zeroize::Zeroizing;

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

/// The wallet path the CLI uses too: `BACKPACK_WALLET`, else the platform default.
pub fn default_wallet_path() -> CmdResult<PathBuf> {
    if let Some(p) = std::env::var_os("BACKPACK_WALLET").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    Ok(Wallet::default_path()?)
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
                    StoreError::NeedsPassphrase(_) => WalletState::Locked,
                    StoreError::Damaged { .. }
                    | StoreError::TooNew { .. }
                    | StoreError::NotAWallet(_) => WalletState::Damaged,
                    _ => return Err(e.into()),
                };
                let status = WalletStatus {
                    state,
                    message: e.to_string(),
                    path: path.display().to_string(),
                    encrypted: state == WalletState::Locked,
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

    /// The guardian's unlock while minor mode is unlocked for this session (connect and sync
    /// pass it to the core's gate, as every outward action does).
    pub(crate) fn guardian_unlock(&self) -> Option<GuardianUnlock> {
        self.guardian.lock().ok().and_then(|g| g.clone())
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
                CommandError::new(kind, crate::error::localized(&e))
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
}
