//! Every command the UI may call. Each is a thin wrapper (5–15 lines) over
//! [`adapter::WalletAdapter`], which calls the core. When adding a command, don't forget to
//! also add it to `generate_handler!` in `lib.rs`, to `COMMANDS` in `build.rs` and to
//! `permissions` in `capabilities/main.json`.
//!
//! Every command that touches the wallet is an `async fn` whose body runs on a blocking
//! thread ([`off_main`]): wallet I/O, verification, the network and Argon2 never run on the
//! main thread, which paints the window (a synchronous Tauri command runs there). The one
//! exception is the search box's `query_badges`: it never waits for the wallet (the last
//! index answers while the wallet is held) and answers in well under a millisecond, so it
//! runs where the request arrives and saves two thread hops per keystroke.
//! `tests::every_wallet_command_runs_off_the_main_thread` keeps it so.

pub mod adapter;
pub mod badges;
pub mod collections;
pub mod hosts;
pub mod import;
pub mod settings;
pub mod skills;
pub mod trust;

use crate::error::{CmdResult, CommandError};

/// Run `job` on Tauri's blocking pool and wait for it without holding the main thread.
pub(crate) async fn off_main<T: Send + 'static>(
    job: impl FnOnce() -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    tauri::async_runtime::spawn_blocking(job)
        .await
        .map_err(|e| CommandError::new("cancelled", e.to_string()))?
}
