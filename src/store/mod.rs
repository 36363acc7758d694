//! The SQLite wallet.
//!
//! PLACEHOLDER: implemented by the store work (issue 2).

/// Wallet errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite failed.
    #[error("wallet database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
