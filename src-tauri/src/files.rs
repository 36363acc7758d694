//! Files the learner chooses, kept on the Rust side: **no path crosses IPC from the webview**
//! (issue 9). A page that runs hostile script can therefore not make the app read or write a
//! file of its choosing; it can only name a file the learner chose.
//!
//! - Open dialogs ([`pick_files`]) and save dialogs ([`save_path`]) are opened here with
//!   tauri-plugin-dialog's Rust API; the webview has no dialog permission that returns a path.
//! - A drop on the window arrives as Tauri's window `DragDrop` event in Rust
//!   ([`on_window_event`]); its paths are kept here and the page gets a `files-dropped` event
//!   with a [`FileHandle`] (an opaque number and the base names to show).
//! - Files opened with the app (`open.rs`) are handed to the page as handles too.
//!
//! Commands that read files (`import_files`, `open_received`, `restore_damaged_wallet`) take a
//! handle and look the paths up in [`ChosenFiles`]; an unknown handle is refused.
//!
//! **Test-only hook:** native dialogs cannot be driven by WebDriver, so the E2E suite sets
//! `BACKPACK_E2E_DIALOG` to an *answer file*: while it is set, every dialog returns the paths
//! written in that file (one per line; an empty file is a cancelled dialog) instead of
//! showing, and a page event `e2e-drop` is taken as a drop of those paths. Never set it
//! outside the E2E suite (e2e/run.sh).

use crate::error::{CmdResult, CommandError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Test-only: the answer file the dialogs read instead of showing (see the module docs).
pub const E2E_DIALOG_ENV: &str = "BACKPACK_E2E_DIALOG";
/// The event that tells the page files were dropped on the window (payload: a [`FileHandle`]).
pub const FILES_DROPPED_EVENT: &str = "files-dropped";
/// Test-only page event taken as a drop of the answer file's paths (with [`E2E_DIALOG_ENV`]).
pub const E2E_DROP_EVENT: &str = "e2e-drop";

/// Files the learner chose, by handle.
#[derive(Debug, Default)]
pub struct ChosenFiles {
    next: AtomicU64,
    files: Mutex<HashMap<u64, Vec<PathBuf>>>,
}

/// What the page gets for a set of chosen files: an opaque number and the names to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FileHandle {
    /// The handle commands take.
    pub id: u64,
    /// Each file's base name, in order (for display only).
    pub names: Vec<String>,
}

impl ChosenFiles {
    /// Keep `paths`; the handle to give the page.
    pub fn register(&self, paths: Vec<PathBuf>) -> FileHandle {
        let id = self.next.fetch_add(1, Ordering::SeqCst) + 1;
        let names = paths
            .iter()
            .map(|p| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| p.display().to_string())
            })
            .collect();
        if let Ok(mut m) = self.files.lock() {
            m.insert(id, paths);
        }
        FileHandle { id, names }
    }

    /// The paths behind `id` (kept: a received file is checked again with other recipients).
    pub fn paths(&self, id: u64) -> CmdResult<Vec<PathBuf>> {
        self.files
            .lock()
            .map_err(|_| CommandError::wallet("file state unavailable"))?
            .get(&id)
            .cloned()
            .ok_or_else(|| CommandError::invalid(format!("no chosen files with handle {id}")))
    }

    /// The paths behind `id`, forgotten afterwards (an import uses them once).
    pub fn take(&self, id: u64) -> CmdResult<Vec<PathBuf>> {
        self.files
            .lock()
            .map_err(|_| CommandError::wallet("file state unavailable"))?
            .remove(&id)
            .ok_or_else(|| CommandError::invalid(format!("no chosen files with handle {id}")))
    }

    /// The one path behind `id` (a received file, a backup).
    pub fn one(&self, id: u64) -> CmdResult<PathBuf> {
        self.paths(id)?
            .into_iter()
            .next()
            .ok_or_else(|| CommandError::invalid("no file was chosen"))
    }
}

/// Which open dialog to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum PickKind {
    /// Badge files (several).
    Badges,
    /// One folder of badges.
    Folder,
    /// One received portfolio (HTML, ZIP, PDF, presentation JSON).
    Received,
    /// One wallet backup.
    Backup,
}

/// The answer of the test-only dialog hook, when it is on: `Some(paths)` (empty: cancelled).
fn e2e_answer() -> Option<Vec<PathBuf>> {
    let file = std::env::var_os(E2E_DIALOG_ENV).filter(|v| !v.is_empty())?;
    let text = std::fs::read_to_string(file).unwrap_or_default();
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect(),
    )
}

/// What a dialog answers without showing: mock-runtime tests ([`crate::tests::PickedFile`]),
/// then the E2E hook. `None`: show the real dialog.
pub(crate) fn scripted_answer<R: Runtime>(_app: &AppHandle<R>) -> Option<Vec<PathBuf>> {
    #[cfg(test)]
    if let Some(p) = _app.try_state::<crate::tests::PickedFile>() {
        return Some(p.0.lock().ok()?.take().into_iter().collect());
    }
    e2e_answer()
}

/// Show an open dialog (blocking: call it off the main thread); the chosen paths, empty when
/// cancelled. `title` and `filter` are the page's translated words, display text only.
pub fn open_dialog<R: Runtime>(
    app: &AppHandle<R>,
    kind: PickKind,
    title: &str,
    filter: &str,
) -> Vec<PathBuf> {
    if let Some(answer) = scripted_answer(app) {
        return answer;
    }
    use tauri_plugin_dialog::DialogExt;
    let d = app.dialog().file().set_title(title);
    let named = |n: &str| if n.is_empty() { "Files" } else { n }.to_string();
    let picked = match kind {
        PickKind::Badges => d
            .add_filter(
                named(filter),
                &["png", "svg", "json", "jwt", "jws", "txt", "zip", "pdf"],
            )
            .blocking_pick_files()
            .unwrap_or_default(),
        PickKind::Folder => d.blocking_pick_folder().into_iter().collect(),
        PickKind::Received => d
            .add_filter(named(filter), &["html", "htm", "zip", "pdf", "json"])
            .blocking_pick_file()
            .into_iter()
            .collect(),
        PickKind::Backup => d.blocking_pick_file().into_iter().collect(),
    };
    picked
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect()
}

/// Show a save dialog suggesting `file_name` (blocking: call it off the main thread); `None`
/// when cancelled. `extension`, when given, is the one file type offered.
pub fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    file_name: &str,
    extension: Option<&str>,
) -> Option<PathBuf> {
    if let Some(answer) = scripted_answer(app) {
        return answer.into_iter().next();
    }
    use tauri_plugin_dialog::DialogExt;
    let mut d = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(base_name(file_name));
    if let Some(ext) = extension {
        d = d.add_filter(ext.to_uppercase(), &[ext]);
    }
    d.blocking_save_file()?.into_path().ok()
}

/// A suggested file name reduced to a base name (no folders, no control characters).
pub fn base_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).take(120).collect();
    if clean.trim().is_empty() || clean == "." || clean == ".." {
        "badge".into()
    } else {
        clean
    }
}

/// Files dropped on the window: keep them and tell the page (a `files-dropped` event).
pub fn dropped<R: Runtime>(app: &AppHandle<R>, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    let handle = app.state::<ChosenFiles>().register(paths);
    let _ = app.emit(FILES_DROPPED_EVENT, handle);
}

/// Window events: a drop's paths stay in Rust (see the module docs).
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &tauri::WindowEvent) {
    if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
        dropped(window.app_handle(), paths.clone());
    }
}

/// Test-only (with [`E2E_DIALOG_ENV`]): a page event `e2e-drop` is a drop of the answer
/// file's paths, so the E2E suite drives the same drop path a real drop takes.
pub fn listen_for_e2e_drops<R: Runtime>(app: &AppHandle<R>) {
    use tauri::Listener;
    if std::env::var_os(E2E_DIALOG_ENV).is_none_or(|v| v.is_empty()) {
        return;
    }
    let handle = app.clone();
    app.listen_any(E2E_DROP_EVENT, move |_| {
        if let Some(paths) = e2e_answer() {
            dropped(&handle, paths);
        }
    });
}

/// Show an open dialog of `kind` and keep what the learner chose; `None` when cancelled.
#[tauri::command]
pub async fn pick_files<R: Runtime>(
    app: AppHandle<R>,
    kind: PickKind,
    title: Option<String>,
    filter: Option<String>,
) -> CmdResult<Option<FileHandle>> {
    let a = app.clone();
    let paths = crate::commands::off_main(move || {
        Ok(open_dialog(
            &a,
            kind,
            title.as_deref().unwrap_or_default(),
            filter.as_deref().unwrap_or_default(),
        ))
    })
    .await?;
    Ok((!paths.is_empty()).then(|| app.state::<ChosenFiles>().register(paths)))
}
