//! Collections: create, rename, delete, add/remove badges, reorder, notes.

use super::adapter::{CollectionDto, ExportSummary, PrivacyArgs};
use super::off_main;
use crate::error::CmdResult;
use crate::state::AppState;
use tauri::{AppHandle, Runtime, State};

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

/// Export a collection as `html`, `zip`, `vp` or `pdf`. With `save`, a save dialog opened here
/// (suggesting `fileName`, reduced to a base name; `title` is the page's translated dialog
/// title) says where to write it: `null` when the learner cancelled. Without `save`, only
/// report which linkable identifiers would leave the machine (nothing is written).
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn export_collection<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    format: String,
    privacy: PrivacyArgs,
    save: bool,
    file_name: Option<String>,
    title: Option<String>,
    lang: Option<String>,
) -> CmdResult<Option<ExportSummary>> {
    let w = state.wallet.clone();
    // The app's language ("en-XA", the pseudo-locale, and anything unknown → English).
    let lang = lang
        .as_deref()
        .and_then(backpack_core::i18n::Lang::parse)
        .unwrap_or_default();
    off_main(move || {
        if !save || !w.sharing_allowed()? {
            // A preview; or minor mode refuses, before any dialog opens.
            return w.export(id, &format, privacy, None, lang).map(Some);
        }
        let name = file_name.unwrap_or_else(|| format!("portfolio.{format}"));
        let title = title.unwrap_or_default();
        let ext = std::path::Path::new(&name)
            .extension()
            .map(|e| e.to_string_lossy().into_owned());
        match crate::files::save_path(&app, &title, &name, ext.as_deref()) {
            Some(path) => w.export(id, &format, privacy, Some(&path), lang).map(Some),
            None => Ok(None),
        }
    })
    .await
}
