//! Collections: create, rename, delete, add/remove badges, reorder, notes.

use super::adapter::{CollectionDto, ExportSummary, PrivacyArgs};
use super::off_main;
use crate::error::CmdResult;
use crate::state::AppState;
use tauri::State;

/// All collections.
#[tauri::command]
pub async fn list_collections(state: State<'_, AppState>) -> CmdResult<Vec<CollectionDto>> {
    let w = state.wallet.clone();
    off_main(move || w.collections()).await
}

/// Create a collection.
#[tauri::command]
pub async fn create_collection(
    state: State<'_, AppState>,
    name: String,
) -> CmdResult<CollectionDto> {
    let w = state.wallet.clone();
    off_main(move || w.create_collection(&name)).await
}

/// Rename a collection.
#[tauri::command]
pub async fn rename_collection(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> CmdResult<CollectionDto> {
    let w = state.wallet.clone();
    off_main(move || w.rename_collection(id, &name)).await
}

/// Delete a collection (its badges stay in the wallet).
#[tauri::command]
pub async fn delete_collection(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let w = state.wallet.clone();
    off_main(move || w.delete_collection(id)).await
}

/// Add badges to a collection.
#[tauri::command]
pub async fn add_to_collection(
    state: State<'_, AppState>,
    id: i64,
    badge_ids: Vec<i64>,
) -> CmdResult<CollectionDto> {
    let w = state.wallet.clone();
    off_main(move || w.add_to_collection(id, &badge_ids)).await
}

/// Remove badges from a collection.
#[tauri::command]
pub async fn remove_from_collection(
    state: State<'_, AppState>,
    id: i64,
    badge_ids: Vec<i64>,
) -> CmdResult<CollectionDto> {
    let w = state.wallet.clone();
    off_main(move || w.remove_from_collection(id, &badge_ids)).await
}

/// Set the order of a collection's badges.
#[tauri::command]
pub async fn reorder_collection(
    state: State<'_, AppState>,
    id: i64,
    badge_ids: Vec<i64>,
) -> CmdResult<CollectionDto> {
    let w = state.wallet.clone();
    off_main(move || w.reorder_collection(id, badge_ids)).await
}

/// Set a collection's note.
#[tauri::command]
pub async fn set_collection_note(
    state: State<'_, AppState>,
    id: i64,
    note: String,
) -> CmdResult<()> {
    let w = state.wallet.clone();
    off_main(move || w.set_collection_note(id, note)).await
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
    let w = state.wallet.clone();
    off_main(move || {
        w.export(
            id,
            &format,
            privacy,
            path.as_deref().map(std::path::Path::new),
        )
    })
    .await
}
