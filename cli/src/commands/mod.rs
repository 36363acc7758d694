//! One module per subcommand.

pub mod backup;
pub mod collection;
pub mod export;
pub mod import;
pub mod list;
pub mod profile;
pub mod recheck;
pub mod remove;
pub mod show;
pub mod verify;
pub mod verify_share;

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Ctx {
    /// `--wallet` / `BACKPACK_WALLET`.
    pub wallet: Option<std::path::PathBuf>,
}
