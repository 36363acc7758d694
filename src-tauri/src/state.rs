//! The app's one state: the wallet adapter (shared with background jobs), the cancel flag of
//! the running bulk job and the last removed badge (for "undo"). The core wallet serialises
//! access itself, one short statement at a time, so the UI keeps answering during long jobs.

use crate::commands::adapter::{WalletAdapter, default_wallet_path};
use crate::error::{CmdResult, CommandError};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// Shared state managed by Tauri.
pub struct AppState {
    /// The wallet.
    pub wallet: Arc<WalletAdapter>,
    /// Set by `cancel_job` to stop the running bulk import / re-check between two files.
    pub cancel: Arc<AtomicBool>,
    /// The last removed badge id, for "undo".
    pub last_removed: Mutex<Option<i64>>,
}

impl AppState {
    /// Open the wallet the CLI uses (`BACKPACK_WALLET`, else the platform data dir).
    pub fn try_new() -> CmdResult<Self> {
        Self::open(&default_wallet_path()?)
    }

    /// Open the wallet at `path`.
    pub fn open(path: &std::path::Path) -> CmdResult<Self> {
        Ok(AppState {
            wallet: Arc::new(WalletAdapter::open(path)?),
            cancel: Arc::new(AtomicBool::new(false)),
            last_removed: Mutex::new(None),
        })
    }

    /// The wallet.
    pub fn wallet(&self) -> CmdResult<&WalletAdapter> {
        Ok(&self.wallet)
    }

    /// Remember (or take) the last removed badge.
    pub fn removed(&self) -> CmdResult<std::sync::MutexGuard<'_, Option<i64>>> {
        self.last_removed
            .lock()
            .map_err(|_| CommandError::wallet("undo state unavailable"))
    }
}
