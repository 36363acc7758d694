//! Settings: the learner's identities, the settings view, network consent and the key-file
//! passphrase (the commands in `commands/settings.rs`; minor mode is in
//! `minor_mode.rs`, the wallet file itself in `wallet.rs`).

use super::WalletAdapter;
use crate::error::{CmdResult, CommandError};
use backpack_core::learner_key::{KeyMigration, migrate_plaintext_key};
use backpack_core::minor_mode::{Action, MinorMode};
use backpack_core::store::{IdentityKind, Query, keys};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

/// Where the learner's signing key is (labels: `key-where-<id>` in ui/locales, but `other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum KeyStore {
    /// The system credential store.
    OsKeyring,
    /// A passphrase-protected key file beside the wallet.
    KeyFile,
    /// Still in the wallet (an old wallet whose key could not be moved out yet).
    InWallet,
    /// Not created yet.
    None,
    /// A store this version does not know.
    Other,
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
    /// Where the learner's signing key is.
    pub key_store: KeyStore,
    /// The key (or the key to be moved) needs the key-file passphrase, not given yet.
    pub key_needs_passphrase: bool,
}

impl WalletAdapter {
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
            None => (KeyStore::None, false),
            Some(r) => match r.secret_store.as_deref() {
                None => (KeyStore::InWallet, true),
                Some("key-file") => (
                    KeyStore::KeyFile,
                    self.key_passphrase
                        .lock()
                        .map(|p| p.is_none())
                        .unwrap_or(true),
                ),
                Some("os-keyring") => (KeyStore::OsKeyring, false),
                Some(_) => (KeyStore::Other, false),
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
            Ok(KeyMigration::Pending(why)) => {
                return Err(CommandError::new(
                    "core",
                    why.render(crate::error::catalog()),
                ));
            }
            Ok(_) => {}
            Err(e) => return Err(CommandError::new("core", crate::error::localized(&e))),
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
}
