//! Reading, checking, saving and removing badges (each off the main thread, see
//! [`super::off_main`]).

use super::adapter::{BadgeCard, BadgeDetail, GalleryPage, GalleryQuery};
use super::off_main;
use crate::error::{CmdResult, CommandError};
use crate::state::AppState;
use tauri::{AppHandle, Runtime, State};

/// All badges as gallery cards.
#[tauri::command]
pub async fn list_badges(state: State<'_, AppState>) -> CmdResult<Vec<BadgeCard>> {
    let w = state.wallet.clone();
    let cards = off_main({
        let w = w.clone();
        move || w.list()
    })
    .await?;
    // The search index is built once the cards are on their way, not before the gallery.
    tauri::async_runtime::spawn_blocking(move || w.warm_search());
    Ok(cards)
}

/// Ids of the badges matching the gallery's search, filters and sort, in order (the core's
/// search engine, asked on every keystroke). Synchronous on purpose: it answers on the
/// window's thread in well under a millisecond and never waits for the wallet nor builds the
/// index there ([`super::adapter::WalletAdapter::query_now`]), which saves the two hops of an
/// async command (worker thread, then back to the window's thread) per keystroke. When the
/// index is missing or older than the wallet it is rebuilt on the blocking pool and the page
/// gets `busy`, and asks again. `offset`/`limit`: the stretch of the answer wanted
/// ([`GalleryPage`]): a keystroke asks for the first screens only, the rest comes once the
/// typing pauses or the learner scrolls there.
#[tauri::command]
pub fn query_badges(
    state: State<'_, AppState>,
    query: GalleryQuery,
    offset: Option<usize>,
    limit: Option<usize>,
) -> CmdResult<GalleryPage> {
    search_now(&state, query, offset.unwrap_or(0), limit)?
        .ok_or_else(|| CommandError::new("busy", "the search index is being rebuilt: ask again"))
}

/// The search box's answer on the window's thread, for the `query_badges` command and the
/// `search://` protocol alike: the page of matches, or `None` when the index is older than
/// the wallet (it is then rebuilt on the blocking pool, and the page asks again).
pub fn search_now(
    state: &AppState,
    query: GalleryQuery,
    offset: usize,
    limit: Option<usize>,
) -> CmdResult<Option<GalleryPage>> {
    let page = state.wallet.query_page_now(query, offset, limit)?;
    if page.is_none() {
        let w = state.wallet.clone();
        tauri::async_runtime::spawn_blocking(move || w.warm_search());
    }
    Ok(page)
}

/// One badge with every field and its last report.
#[tauri::command]
pub async fn get_badge(state: State<'_, AppState>, id: i64) -> CmdResult<BadgeDetail> {
    let w = state.wallet.clone();
    off_main(move || w.detail(id)).await
}

/// Verify one badge again ("Check again": verification, maybe the network).
#[tauri::command]
pub async fn recheck_badge(state: State<'_, AppState>, id: i64) -> CmdResult<BadgeDetail> {
    let w = state.wallet.clone();
    off_main(move || w.recheck(id)).await
}

/// Ask where to save the original (a save dialog opened here, suggesting its file name; `title`
/// is the page's translated dialog title) and write its bytes there, unchanged. False when the
/// learner cancelled. Minor mode is asked before the dialog opens.
#[tauri::command]
pub async fn save_original<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    title: Option<String>,
) -> CmdResult<bool> {
    let w = state.wallet.clone();
    off_main(move || {
        let (name, bytes) = w.original(id)?;
        let title = title.unwrap_or_default();
        let Some(path) = crate::files::save_path(&app, &title, &name, None) else {
            return Ok(false);
        };
        backpack_core::export::write_atomic(&path, &bytes)
            .map_err(|e| CommandError::new("io", crate::error::io_line(path.display(), &e)))?;
        Ok(true)
    })
    .await
}

/// The original file name, to suggest in the save dialog.
#[tauri::command]
pub async fn original_name(state: State<'_, AppState>, id: i64) -> CmdResult<String> {
    let w = state.wallet.clone();
    off_main(move || Ok(w.original(id)?.0)).await
}

/// Remove a badge (kept by the wallet until purged); `undo_remove` puts it back.
#[tauri::command]
pub async fn remove_badge(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let w = state.wallet.clone();
    off_main(move || w.remove(id)).await?;
    *state.removed()? = Some(id);
    Ok(())
}

/// Restore the last removed badge; returns its id.
#[tauri::command]
pub async fn undo_remove(state: State<'_, AppState>) -> CmdResult<i64> {
    let id = state
        .removed()?
        .take()
        .ok_or_else(|| CommandError::invalid("nothing to undo"))?;
    let w = state.wallet.clone();
    off_main(move || w.restore(id)).await?;
    Ok(id)
}

/// Set the learner's note on a badge.
#[tauri::command]
pub async fn set_badge_note(state: State<'_, AppState>, id: i64, note: String) -> CmdResult<()> {
    let w = state.wallet.clone();
    off_main(move || w.set_badge_note(id, note)).await
}

/// Replace the learner's tags on a badge.
#[tauri::command]
pub async fn set_badge_tags(
    state: State<'_, AppState>,
    id: i64,
    tags: Vec<String>,
) -> CmdResult<()> {
    let w = state.wallet.clone();
    off_main(move || w.set_badge_tags(id, tags)).await
}
