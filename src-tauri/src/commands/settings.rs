//! Profile (recipient identities) and settings (network, minor mode, wallet location).

use super::adapter::{Profile, SettingsDto, WalletStatus};
use super::off_main;
use crate::error::CmdResult;
use crate::state::AppState;
use tauri::State;

/// The learner's emails and DIDs.
#[tauri::command]
pub async fn get_profile(state: State<'_, AppState>) -> CmdResult<Profile> {
    let w = state.wallet.clone();
    off_main(move || w.profile()).await
}

/// Add an identity; `kind` is `email` or `did`.
#[tauri::command]
pub async fn add_identity(
    state: State<'_, AppState>,
    kind: String,
    value: String,
) -> CmdResult<Profile> {
    let w = state.wallet.clone();
    off_main(move || w.add_identity(&kind, &value)).await
}

/// Remove an identity.
#[tauri::command]
pub async fn remove_identity(state: State<'_, AppState>, value: String) -> CmdResult<Profile> {
    let w = state.wallet.clone();
    off_main(move || w.remove_identity(&value)).await
}

/// Settings and where the wallet lives.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.settings()).await
}

/// Allow or forbid network use for verification.
#[tauri::command]
pub async fn set_network_allowed(
    state: State<'_, AppState>,
    allowed: bool,
) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.set_network_allowed(allowed)).await
}

/// Turn minor mode on with a guardian passphrase.
#[tauri::command]
pub async fn enable_minor_mode(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.enable_minor_mode(&passphrase)).await
}

/// Unlock sharing and network features for this session.
#[tauri::command]
pub async fn unlock_minor_mode(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.unlock(&passphrase)).await
}

/// Lock again.
#[tauri::command]
pub async fn lock_minor_mode(state: State<'_, AppState>) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.lock()).await
}

/// Turn minor mode off (needs the passphrase).
#[tauri::command]
pub async fn disable_minor_mode(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.disable_minor_mode(&passphrase)).await
}

/// The passphrase of the learner's key file (only where there is no system keyring), for this
/// session: exports that sign need it, and an old wallet's key is moved out with it.
#[tauri::command]
pub async fn set_key_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.set_key_passphrase(&passphrase)).await
}

/// Whether the wallet is open; if not, why (the UI asks this first).
#[tauri::command]
pub async fn wallet_status(state: State<'_, AppState>) -> CmdResult<WalletStatus> {
    let w = state.wallet.clone();
    off_main(move || w.status()).await
}

/// Open an encrypted wallet with its passphrase.
#[tauri::command]
pub async fn unlock_wallet(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<WalletStatus> {
    let w = state.wallet.clone();
    off_main(move || w.unlock_wallet(&passphrase)).await
}

/// Replace a damaged wallet with a backup (`backup`: the handle of the file chosen with
/// `pick_files`; the damaged file is kept beside it).
#[tauri::command]
pub async fn restore_damaged_wallet(
    state: State<'_, AppState>,
    chosen: State<'_, crate::files::ChosenFiles>,
    backup: u64,
    passphrase: String,
) -> CmdResult<WalletStatus> {
    let path = chosen.one(backup)?;
    let w = state.wallet.clone();
    off_main(move || w.restore_damaged(&path, &passphrase)).await
}

/// Encrypt the wallet with a passphrase (`passphrase`), or remove the encryption
/// (`passphrase` null, `current` the wallet passphrase).
#[tauri::command]
pub async fn set_wallet_encryption(
    state: State<'_, AppState>,
    current: Option<String>,
    passphrase: Option<String>,
) -> CmdResult<SettingsDto> {
    let w = state.wallet.clone();
    off_main(move || w.set_encryption(current.as_deref(), passphrase.as_deref())).await
}
