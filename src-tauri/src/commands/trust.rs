//! Issuer trust lists in settings: import one (the file is chosen in a native dialog opened
//! here, in Rust: the webview never hands us a path), list them, remove one. The labels they
//! give badges are information beside the status, never part of it
//! (`backpack_core::trust_list`).

use std::path::PathBuf;

use backpack_core::store::trust::{TrustError, TrustImportOptions};
use backpack_core::trust_list::{MAX_LIST_BYTES, TrustList};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use super::off_main;
use crate::error::{CmdResult, CommandError};
use crate::state::AppState;

/// A stored trust list as the settings view shows it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TrustListDto {
    /// Row id (for removal).
    pub id: i64,
    /// Name.
    pub name: String,
    /// "Backpack trust list" or "DCC issuer registry".
    pub format: String,
    /// Who publishes it.
    pub source: String,
    /// The list's own date, as it gives it.
    pub list_date: Option<String>,
    /// A sandbox / test list.
    pub test: bool,
    /// When it was imported (RFC 3339).
    pub imported_at: String,
    /// How many issuers it names.
    pub issuers: usize,
}

impl From<TrustList> for TrustListDto {
    fn from(l: TrustList) -> Self {
        TrustListDto {
            id: l.id,
            name: l.name,
            format: l.format.message().render(crate::error::catalog()),
            source: l.source,
            list_date: l.list_date,
            test: l.test,
            imported_at: l.imported_at,
            issuers: l.issuers,
        }
    }
}

/// What an import did (`imported: false` when the learner cancelled the dialog).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TrustImportDto {
    /// False when no file was chosen.
    pub imported: bool,
    /// The stored list.
    pub list: Option<TrustListDto>,
    /// It replaced a list of the same name.
    pub replaced: bool,
    /// Notes for the learner (an identical repeated entry kept once).
    pub notes: Vec<String>,
}

impl From<TrustError> for CommandError {
    fn from(e: TrustError) -> Self {
        let kind = match &e {
            TrustError::List(_) => "refused",
            TrustError::Exists(_) | TrustError::BadName(_) => "invalid_input",
            TrustError::NoSuchList(_) => "not_found",
            _ => "wallet",
        };
        CommandError::new(kind, crate::error::localized(&e))
    }
}

/// The file the learner picks in the native open dialog (`None`: cancelled). Mock-runtime
/// tests and the E2E suite answer it instead ([`crate::files::scripted_answer`]).
fn pick_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(answer) = crate::files::scripted_answer(app) {
        return answer.into_iter().next();
    }
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .set_title("Choose a trust list")
        .add_filter("Trust lists (JSON)", &["json"])
        .blocking_pick_file()?
        .into_path()
        .ok()
}

/// The trust lists in the wallet, by name.
#[tauri::command]
pub async fn list_trust_lists(state: State<'_, AppState>) -> CmdResult<Vec<TrustListDto>> {
    let w = state.wallet.clone();
    let lists = off_main(move || Ok(w.core().trust_lists()?)).await?;
    Ok(lists.into_iter().map(TrustListDto::from).collect())
}

/// Ask for a list file in the native dialog, then import it under `name` (default: its own
/// name), marked as a test list when `test`; `replace` replaces a list of the same name.
#[tauri::command]
pub async fn import_trust_list<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: Option<String>,
    test: bool,
    replace: bool,
) -> CmdResult<TrustImportDto> {
    let picker = app.clone();
    let path = tauri::async_runtime::spawn_blocking(move || pick_file(&picker))
        .await
        .map_err(|e| CommandError::new("cancelled", e.to_string()))?;
    let Some(path) = path else {
        return Ok(TrustImportDto {
            imported: false,
            list: None,
            replaced: false,
            notes: Vec::new(),
        });
    };
    let shown = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let opts = TrustImportOptions {
        name: name.filter(|n| !n.trim().is_empty()),
        file_name: shown.clone(),
        source: None,
        test,
        replace,
    };
    let w = state.wallet.clone();
    let done = off_main(move || {
        let bytes = read_capped(&path)
            .map_err(|e| CommandError::new("io", crate::error::io_line(&shown, &e)))?;
        w.core()
            .import_trust_list(&bytes, &opts)
            .map_err(|e| match e {
                TrustError::List(l) => CommandError::new(
                    "refused",
                    format!("{shown}: {}", crate::error::localized(&l)),
                ),
                e => e.into(),
            })
    })
    .await?;
    Ok(TrustImportDto {
        imported: true,
        list: Some(done.list.into()),
        replaced: done.replaced,
        notes: done
            .notes
            .iter()
            .map(|m| m.render(crate::error::catalog()))
            .collect(),
    })
}

/// Remove a trust list by id; the lists left. Badges and their reports are not touched.
#[tauri::command]
pub async fn remove_trust_list(
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Vec<TrustListDto>> {
    let w = state.wallet.clone();
    off_main(move || {
        w.core().remove_trust_list(&id.to_string())?;
        Ok(w.core()
            .trust_lists()?
            .into_iter()
            .map(TrustListDto::from)
            .collect())
    })
    .await
}

/// Read at most one byte over the list limit (the core then refuses it by size).
fn read_capped(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_LIST_BYTES as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(buf)
}
