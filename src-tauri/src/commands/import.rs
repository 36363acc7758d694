//! Import: files from the file dialog or a drop (by handle, [`crate::files`]), pasted text, the bundled
//! samples; plus the background "re-check all". Bulk work runs on a blocking thread, emits
//! `import-progress` / `recheck-progress` events `{done, total, file}` after each stored group
//! (`file` empty: a group is many files) and stops between two groups when `cancel_job` is
//! called.

use super::adapter::{ImportLine, ImportResults, WalletAdapter};
use super::off_main;
use crate::error::{CmdResult, CommandError};
use crate::files::ChosenFiles;
use crate::ipc::Camel;
use crate::state::AppState;
use backpack_core::recheck::recheck_many;
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::{AppHandle, Emitter, Runtime, State};

/// Progress of a bulk job, sent as an event.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Progress {
    /// Files done.
    pub done: usize,
    /// Files in all.
    pub total: usize,
    /// The file just handled.
    pub file: String,
}

/// Import the files and folders behind a handle (a drop, the file dialog, files opened with
/// the app: see [`crate::files`]; the webview never sends a path) in the background, through
/// the core's one walker and pipeline (symlinked folders refused, ZIPs and other wallets'
/// exports opened, every core verifying): `import-progress` after each stored group, Cancel
/// between groups.
#[tauri::command]
pub async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenFiles>,
    files: u64,
) -> CmdResult<ImportResults> {
    let paths = chosen.take(files)?;
    let (wallet, cancel) = (state.wallet.clone(), state.cancel.clone());
    cancel.store(false, Ordering::SeqCst);
    off_main(move || {
        wallet
            .import_paths(&paths, &cancel, &mut |done, total| {
                let file = String::new();
                let _ = app.emit("import-progress", Progress { done, total, file });
            })
            .map(ImportResults::of)
    })
    .await
}

/// Read a received file, refusing anything over `max` bytes (the share limit).
fn read_at_most(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    match std::fs::metadata(path) {
        Ok(m) if m.len() > max => Err(format!(
            "file is {} bytes, over the {max}-byte limit",
            m.len()
        )),
        Ok(_) => std::fs::read(path).map_err(|e| format!("cannot read the file: {e}")),
        Err(e) => Err(format!("cannot read the file: {e}")),
    }
}

/// Import pasted or typed text: badge JSON, a JWT, or the URL of a hosted badge (fetched and
/// verified when the learner allowed network; otherwise the line says how to allow it).
#[tauri::command]
pub async fn import_text(state: State<'_, AppState>, text: String) -> CmdResult<ImportLine> {
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(CommandError::invalid(
            "paste a badge's JSON, a JWT or a URL first",
        ));
    }
    let wallet = state.wallet.clone();
    let by_url = backpack_core::wallets::url::is_url(&text) && !text.contains(char::is_whitespace);
    // A URL may take seconds (network, verification): on a blocking thread.
    let job = move || {
        if by_url {
            wallet.import_url(&text)
        } else {
            wallet.import_bytes("pasted text", text.as_bytes())
        }
    };
    off_main(job).await
}

/// Import the sample badges bundled with the app (verified: on a blocking thread, so the
/// window keeps painting).
#[tauri::command]
pub async fn import_samples(state: State<'_, AppState>) -> CmdResult<Vec<ImportLine>> {
    let w = state.wallet.clone();
    let job = move || {
        crate::view::SAMPLES
            .iter()
            .map(|(name, bytes)| w.import_bytes(name, bytes))
            .collect()
    };
    off_main(job).await
}

/// Ask the running bulk job to stop after the current file.
#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>) {
    state.cancel.store(true, Ordering::SeqCst);
}

/// Badges re-checked between two looks at the cancel flag in "check all again": one
/// [`backpack_core::recheck::recheck_many`] call per group (verified on every core, the
/// group's reports saved in one transaction), then a `recheck-progress` event.
pub const RECHECK_GROUP: usize = backpack_core::recheck::RECHECK_CHUNK;

/// Re-check every badge in the background ("check all again"); returns how many were checked.
/// Cancel stops between two groups: the groups done keep their new reports.
#[tauri::command]
pub async fn recheck_all<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<usize> {
    let (wallet, cancel) = (state.wallet.clone(), state.cancel.clone());
    cancel.store(false, Ordering::SeqCst);
    off_main(move || {
        recheck_all_in_groups(&wallet, &cancel, RECHECK_GROUP, &mut |done, total| {
            let file = String::new();
            let _ = app.emit("recheck-progress", Progress { done, total, file });
        })
    })
    .await
}

/// Re-check every current badge through the core's [`backpack_core::recheck::recheck_many`],
/// `group` badges at a time, looking at `cancel` before each group; `progress(done, total)`
/// after each. The first failure (a report that could not be saved) is returned at the end;
/// every other badge is still re-checked.
pub(crate) fn recheck_all_in_groups(
    wallet: &WalletAdapter,
    cancel: &AtomicBool,
    group: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> CmdResult<usize> {
    let ids = wallet.ids()?;
    let total = ids.len();
    let (mut seen, mut checked, mut failed) = (0, 0, None);
    wallet.with_ctx(|ctx| {
        for chunk in ids.chunks(group.max(1)) {
            if cancel.load(Ordering::SeqCst) {
                break;
            }
            recheck_many(wallet.core(), chunk, ctx, &mut |_, done| {
                seen += 1;
                match done {
                    Ok(_) => checked += 1,
                    Err(e) => {
                        failed.get_or_insert(e);
                    }
                }
            });
            progress(seen, total);
        }
    })?;
    match failed {
        Some(e) => Err(e.into()),
        None => Ok(checked),
    }
}

/// Open a portfolio someone sent (HTML, ZIP, PDF or presentation JSON; `files`: the handle of
/// the file chosen in the dialog or opened with the app) and verify everything in it,
/// read-only: nothing is added to the wallet. `recipients`: the sender's emails or DIDs, to
/// confirm each badge was issued to them (optional).
#[tauri::command]
pub async fn open_received(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenFiles>,
    files: u64,
    recipients: Option<Vec<String>>,
) -> CmdResult<Camel<backpack_core::share::ShareReport>> {
    let path = chosen.one(files)?;
    let recipients: Vec<String> = recipients
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .take(16)
        .collect();
    let wallet = state.wallet.clone();
    let job = move || {
        let bytes = read_at_most(&path, backpack_core::share::MAX_SHARE_BYTES)
            .map_err(|m| CommandError::new("io", format!("{}: {m}", path.display())))?;
        wallet.verify_share(&bytes, recipients).map(Camel)
    };
    off_main(job).await
}
