//! Reading, checking, saving and removing badges.

use super::adapter::{BadgeCard, BadgeDetail};
use crate::error::{CmdResult, CommandError};
use crate::state::AppState;
use tauri::State;

/// All badges as gallery cards.
#[tauri::command]
pub fn list_badges(state: State<'_, AppState>) -> CmdResult<Vec<BadgeCard>> {
    state.wallet()?.list()
}

/// Ids of the badges matching the search box.
#[tauri::command]
pub fn search_badges(state: State<'_, AppState>, text: String) -> CmdResult<Vec<i64>> {
    state.wallet()?.search(&text)
}

/// Every badge's searchable text `[id, text]`, for the search box's in-memory index: a
/// keystroke then needs no IPC call. Built on a blocking thread (it parses every badge).
#[tauri::command]
pub async fn search_index(state: State<'_, AppState>) -> CmdResult<Vec<(i64, String)>> {
    let wallet = state.wallet.clone();
    let job = move || wallet.search_index();
    tauri::async_runtime::spawn_blocking(job)
        .await
        .map_err(|e| CommandError::new("cancelled", e.to_string()))?
}

/// One badge with every field and its last report.
#[tauri::command]
pub fn get_badge(state: State<'_, AppState>, id: i64) -> CmdResult<BadgeDetail> {
    state.wallet()?.detail(id)
}

/// Verify one badge again ("Check again").
#[tauri::command]
pub fn recheck_badge(state: State<'_, AppState>, id: i64) -> CmdResult<BadgeDetail> {
    state.wallet()?.recheck(id)
}

/// Write the original bytes, unchanged, to `path` (chosen in a save dialog).
#[tauri::command]
pub fn save_original(state: State<'_, AppState>, id: i64, path: String) -> CmdResult<()> {
    let (_, bytes) = state.wallet()?.original(id)?;
    std::fs::write(&path, bytes).map_err(|e| CommandError::new("io", format!("{path}: {e}")))
}

/// The original file name, to suggest in the save dialog.
#[tauri::command]
pub fn original_name(state: State<'_, AppState>, id: i64) -> CmdResult<String> {
    Ok(state.wallet()?.original(id)?.0)
}

/// Remove a badge (kept by the wallet until purged); `undo_remove` puts it back.
#[tauri::command]
pub fn remove_badge(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.wallet()?.remove(id)?;
    *state.removed()? = Some(id);
    Ok(())
}

/// Restore the last removed badge; returns its id.
#[tauri::command]
pub fn undo_remove(state: State<'_, AppState>) -> CmdResult<i64> {
    let id = state
        .removed()?
        .take()
        .ok_or_else(|| CommandError::invalid("nothing to undo"))?;
    state.wallet()?.restore(id)?;
    Ok(id)
}

/// Set the learner's note on a badge.
#[tauri::command]
pub fn set_badge_note(state: State<'_, AppState>, id: i64, note: String) -> CmdResult<()> {
    state.wallet()?.set_badge_note(id, note)
}

/// Replace the learner's tags on a badge.
#[tauri::command]
pub fn set_badge_tags(state: State<'_, AppState>, id: i64, tags: Vec<String>) -> CmdResult<()> {
    state.wallet()?.set_badge_tags(id, tags)
}
