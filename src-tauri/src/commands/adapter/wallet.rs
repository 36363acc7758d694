//! The wallet file: whether it is open (and if not, why), unlocking an encrypted wallet,
//! restoring a damaged one from a backup, and turning encryption on, off or changing it (the
//! commands in `commands/settings.rs`).

use super::{SettingsDto, WalletAdapter};
use crate::error::{CmdResult, CommandError};
use backpack_core::learner_key::migrate_plaintext_key;
use backpack_core::store::{StoreError, Wallet};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Whether the wallet is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WalletState {
    /// Open.
    Ok,
    /// Encrypted: needs its passphrase.
    Locked,
    /// Damaged, not a wallet, or from a newer Backpack: restore a backup.
    Damaged,
}

/// Whether the wallet is open, and if not, why (issue 13: never a crash, never a silent
/// overwrite).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletStatus {
    /// Open, or why not.
    pub state: WalletState,
    /// The core's message.
    pub message: String,
    /// The wallet file.
    pub path: String,
    /// True when the wallet is encrypted.
    pub encrypted: bool,
}

impl WalletAdapter {
    /// Is the wallet open? (The UI asks first, and shows the unlock or restore screen if not.)
    pub fn status(&self) -> CmdResult<WalletStatus> {
        let p = self
            .problem
            .lock()
            .map_err(|_| CommandError::wallet("wallet state unavailable"))?;
        Ok(p.clone().unwrap_or_else(|| WalletStatus {
            state: WalletState::Ok,
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
                CommandError::new("locked", crate::error::localized(&e))
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
        if state != WalletState::Damaged {
            return Err(CommandError::invalid(
                "the wallet opens: restore over it with backpack restore --force",
            ));
        }
        let bytes = std::fs::read(backup)
            .map_err(|e| CommandError::new("io", crate::error::io_line(backup.display(), &e)))?;
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
        .map_err(|e| CommandError::new("refused", crate::error::localized(&e)))?;
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
        if self.status()?.state != WalletState::Ok {
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
                StoreError::WrongPassphrase(_) => {
                    CommandError::new("locked", crate::error::localized(&e))
                }
                e => e.into(),
            })?);
        }
        // Close our own connection first: the file is replaced underneath.
        self.wallet.replace_with(Wallet::unavailable(&path)?)?;
        let changed = Wallet::change_encryption(&path, was, new);
        let reopen = self.reopen(if changed.is_ok() { new } else { was });
        changed.map_err(|e| match e {
            StoreError::WrongPassphrase(_) => {
                CommandError::new("locked", crate::error::localized(&e))
            }
            e => e.into(),
        })?;
        reopen?;
        self.settings()
    }
}
