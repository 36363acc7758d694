//! Profile (recipient identities) and settings (network, minor mode, wallet location).

use super::adapter::{Profile, SettingsDto, WalletStatus};
use crate::error::CmdResult;
use crate::state::AppState;
use tauri::State;

/// The learner's emails and DIDs.
#[tauri::command]
pub fn get_profile(state: State<'_, AppState>) -> CmdResult<Profile> {
    state.wallet()?.profile()
}

/// Add an identity; `kind` is `email` or `did`.
#[tauri::command]
pub fn add_identity(state: State<'_, AppState>, kind: String, value: String) -> CmdResult<Profile> {
    state.wallet()?.add_identity(&kind, &value)
}

/// Remove an identity.
#[tauri::command]
pub fn remove_identity(state: State<'_, AppState>, value: String) -> CmdResult<Profile> {
    state.wallet()?.remove_identity(&value)
}

/// Settings and where the wallet lives.
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> CmdResult<SettingsDto> {
    state.wallet()?.settings()
}

/// Allow or forbid network use for verification.
#[tauri::command]
pub fn set_network_allowed(state: State<'_, AppState>, allowed: bool) -> CmdResult<SettingsDto> {
    state.wallet()?.set_network_allowed(allowed)
}

/// Turn minor mode on with a guardian passphrase.
#[tauri::command]
pub fn enable_minor_mode(state: State<'_, AppState>, passphrase: String) -> CmdResult<SettingsDto> {
    state.wallet()?.enable_minor_mode(&passphrase)
}

/// Unlock sharing and network features for this session.
#[tauri::command]
pub fn unlock_minor_mode(state: State<'_, AppState>, passphrase: String) -> CmdResult<SettingsDto> {
    state.wallet()?.unlock(&passphrase)
}

/// Lock again.
#[tauri::command]
pub fn lock_minor_mode(state: State<'_, AppState>) -> CmdResult<SettingsDto> {
    state.wallet()?.lock()
}

/// Turn minor mode off (needs the passphrase).
#[tauri::command]
pub fn disable_minor_mode(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<SettingsDto> {
    state.wallet()?.disable_minor_mode(&passphrase)
}

/// The passphrase of the learner's key file (only where there is no system keyring), for this
/// session: exports that sign need it, and an old wallet's key is moved out with it.
#[tauri::command]
pub fn set_key_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<SettingsDto> {
    state.wallet()?.set_key_passphrase(&passphrase)
}

/// Whether the wallet is open; if not, why (the UI asks this first).
#[tauri::command]
pub fn wallet_status(state: State<'_, AppState>) -> CmdResult<WalletStatus> {
    state.wallet()?.status()
}

/// Open an encrypted wallet with its passphrase.
#[tauri::command]
pub fn unlock_wallet(state: State<'_, AppState>, passphrase: String) -> CmdResult<WalletStatus> {
    state.wallet()?.unlock_wallet(&passphrase)
}

/// Replace a damaged wallet with a backup (the damaged file is kept beside it).
#[tauri::command]
pub fn restore_damaged_wallet(
    state: State<'_, AppState>,
    path: String,
    passphrase: String,
) -> CmdResult<WalletStatus> {
    state
        .wallet()?
        .restore_damaged(std::path::Path::new(&path), &passphrase)
}

/// Encrypt the wallet with a passphrase (`passphrase`), or remove the encryption
/// (`passphrase` null, `current` the wallet passphrase).
#[tauri::command]
pub fn set_wallet_encryption(
    state: State<'_, AppState>,
    current: Option<String>,
    passphrase: Option<String>,
) -> CmdResult<SettingsDto> {
    state
        .wallet()?
        .set_encryption(current.as_deref(), passphrase.as_deref())
}
