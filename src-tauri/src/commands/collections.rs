//! Collections: create, rename, delete, add/remove badges, reorder, notes.

use super::adapter::{CollectionDto, ExportSummary, PrivacyArgs};
use crate::error::CmdResult;
use crate::state::AppState;
use tauri::State;

/// All collections.
#[tauri::command]
pub fn list_collections(state: State<'_, AppState>) -> CmdResult<Vec<CollectionDto>> {
    state.wallet()?.collections()
}

/// Create a collection.
#[tauri::command]
pub fn create_collection(state: State<'_, AppState>, name: String) -> CmdResult<CollectionDto> {
    state.wallet()?.create_collection(&name)
}

/// Rename a collection.
#[tauri::command]
pub fn rename_collection(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> CmdResult<CollectionDto> {
    state.wallet()?.rename_collection(id, &name)
}

/// Delete a collection (its badges stay in the wallet).
#[tauri::command]
pub fn delete_collection(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.wallet()?.delete_collection(id)
}

/// Add badges to a collection.
#[tauri::command]
pub fn add_to_collection(
    state: State<'_, AppState>,
    id: i64,
    badge_ids: Vec<i64>,
) -> CmdResult<CollectionDto> {
    state.wallet()?.add_to_collection(id, &badge_ids)
}

/// Remove badges from a collection.
#[tauri::command]
pub fn remove_from_collection(
    state: State<'_, AppState>,
    id: i64,
    badge_ids: Vec<i64>,
) -> CmdResult<CollectionDto> {
    state.wallet()?.remove_from_collection(id, &badge_ids)
}

/// Set the order of a collection's badges.
#[tauri::command]
pub fn reorder_collection(
    state: State<'_, AppState>,
    id: i64,
    badge_ids: Vec<i64>,
) -> CmdResult<CollectionDto> {
    state.wallet()?.reorder_collection(id, badge_ids)
}

/// Set a collection's note.
#[tauri::command]
pub fn set_collection_note(state: State<'_, AppState>, id: i64, note: String) -> CmdResult<()> {
    state.wallet()?.set_collection_note(id, note)
}

/// Export a collection as `html`, `zip`, `vp` or `pdf` to `path` (from a save dialog); with no
/// `path`, only report which linkable identifiers would leave the machine.
#[tauri::command]
pub async fn export_collection(
    state: State<'_, AppState>,
    id: i64,
    format: String,
    privacy: PrivacyArgs,
    path: Option<String>,
) -> CmdResult<ExportSummary> {
    let wallet = state.wallet.clone();
    let job = move || {
        wallet.export(
            id,
            &format,
            privacy,
            path.as_deref().map(std::path::Path::new),
        )
    };
    tauri::async_runtime::spawn_blocking(job)
        .await
        .map_err(|e| crate::error::CommandError::new("cancelled", e.to_string()))?
}
