//! Minor mode: turning it on and off, and the guardian's unlock for this session (the
//! commands in `commands/settings.rs`). The core seals it and decides every action
//! (`backpack_core::minor_mode`); [`WalletAdapter`] only keeps the session's unlock.

use super::{SettingsDto, WalletAdapter};
use crate::error::CmdResult;
use backpack_core::minor_mode::MinorMode;

impl WalletAdapter {
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

    /// Turn minor mode off (needs the passphrase).
    pub fn disable_minor_mode(&self, passphrase: &str) -> CmdResult<SettingsDto> {
        MinorMode::disable(&self.wallet, passphrase)?;
        self.set_guardian(None)?;
        self.settings()
    }
}
