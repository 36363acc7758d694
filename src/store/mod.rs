//! The SQLite wallet: every badge the learner holds, with its original bytes, verification
//! reports, the fetched-document cache, collections, notes, tags, settings and the learner's
//! key (issues 2–5).
//!
//! Rules this module keeps (STANDARDS §7 and §3.10):
//! - **Never lose a learner's data.** Migrations in `migrations/` are append-only, embedded
//!   with `include_str!` and tracked in `PRAGMA user_version`; a wallet written by a newer
//!   Backpack is refused, never downgraded. Every import is one transaction (a CLR and the
//!   credentials inside it commit together or not at all).
//! - **Originals are byte-exact.** `badges.original` holds the imported bytes verbatim;
//!   signatures cover them. Nothing derivable from them is stored a second time: decode +
//!   parse of the original reproduces the credential document ([`Wallet::document`]) and the
//!   display view (`badge_json` is empty for badges stored since schema 2; older rows keep
//!   theirs). Rows keep only what listing, search and dedupe need.
//! - **Dedupe** (STANDARDS §3.10): the same bytes (SHA-256) are a duplicate. OB 3.0 / CLR
//!   are matched by (issuer id, credential id), OB 2.0 by assertion id (a CLR only against
//!   CLRs): the same credential document in another package (a baked PNG of a JSON already
//!   there) is a duplicate; otherwise the newest `validFrom` (OB 2.0: issue date) stays
//!   current and the other version is kept as history (`superseded_by`), so nothing the
//!   learner imported is ever dropped. Without an id, only the byte hash dedupes.
//! - **Removal is undoable**: [`Wallet::remove_badge`] hides a badge (soft delete) and
//!   [`Wallet::restore_badge`] brings it back; [`Wallet::purge_removed`] deletes removed
//!   badges for good (the app calls it when the undo window closes; the CLI's
//!   `remove --purge`). Re-importing a removed badge replaces the removed copy.
//!
//! Every connection gets the same pragmas ([`configure`]): WAL, `foreign_keys=ON`,
//! `synchronous=NORMAL`, a busy timeout. [`Wallet`] is `Send + Sync` (the connection sits
//! behind a mutex) so the app can share it and it can serve as the verifier's
//! [`DocumentCache`](crate::verify::DocumentCache).

mod badges;
mod cache;
mod collections;
mod endorsements;
pub mod hosts;
mod profile;
mod settings;
pub mod trust;

pub use badges::{
    BadgeSummary, Checked, ImageKind, ImportBatch, ImportOutcome, Query, Sort, StoredBadge,
    StoredReport,
};
pub use collections::Collection;
pub use endorsements::{EndorsementOutcome, StoredEndorsement};
pub use profile::{Identity, IdentityKind};
pub use settings::{LearnerKeyRecord, keys};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;

use crate::env::{Clock, SystemClock};

/// The migrations, in order. Append only: never edit or reorder a shipped entry.
/// `PRAGMA user_version` = the number of entries applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../../migrations/0001_initial.sql"),
    ),
    (
        "0002_binary_hashes",
        include_str!("../../migrations/0002_binary_hashes.sql"),
    ),
    (
        "0003_trust",
        include_str!("../../migrations/0003_trust.sql"),
    ),
    (
        "0004_endorsements",
        include_str!("../../migrations/0004_endorsements.sql"),
    ),
    (
        "0005_trust_lists",
        include_str!("../../migrations/0005_trust_lists.sql"),
    ),
    (
        "0006_hosts",
        include_str!("../../migrations/0006_hosts.sql"),
    ),
];

/// The schema version this build writes (= `MIGRATIONS.len()`).
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// How long a connection waits for another process holding the wallet lock.
pub const BUSY_TIMEOUT_MS: u64 = 5_000;

/// Wallet errors. Messages are one lower-case line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite failed.
    #[error("wallet database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The wallet file or its folder could not be created or read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// No platform data directory (no home directory).
    #[error(
        "no data directory for the wallet on this system: set BACKPACK_WALLET or use --wallet PATH"
    )]
    NoDataDir,
    /// The wallet was written by a newer Backpack.
    #[error(
        "this wallet has schema version {found} but this backpack knows only up to {supported}: update backpack (the wallet was not changed)"
    )]
    TooNew {
        /// `user_version` in the file.
        found: u32,
        /// [`SCHEMA_VERSION`].
        supported: u32,
    },
    /// No badge with that id.
    #[error("no badge #{0} in your wallet")]
    NoSuchBadge(i64),
    /// No collection with that id or name.
    #[error("no collection {0:?} in your wallet")]
    NoSuchCollection(String),
    /// A collection name is taken.
    #[error("a collection named {0:?} already exists")]
    CollectionExists(String),
    /// A value given by the learner is not acceptable.
    #[error("{0}")]
    Invalid(String),
    /// A stored row could not be read back (should not happen; the data is still there).
    #[error("wallet data for {what} could not be read: {reason}")]
    Corrupt {
        /// Which row.
        what: String,
        /// Why.
        reason: String,
    },
    /// Another thread panicked while holding the wallet.
    #[error("wallet lock poisoned by an earlier failure; restart backpack")]
    Poisoned,
}

/// Result with [`StoreError`].
pub type StoreResult<T> = std::result::Result<T, StoreError>;

/// The learner's wallet.
pub struct Wallet {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Wallet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wallet").field("path", &self.path).finish()
    }
}

/// Apply the per-connection pragmas: WAL (file wallets), foreign keys, `synchronous=NORMAL`
/// (durable at checkpoints in WAL mode, no fsync per badge), busy timeout, a statement cache.
pub fn configure(conn: &Connection) -> StoreResult<()> {
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
    // journal_mode answers with the mode set ("memory" for in-memory databases).
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = NORMAL;
         PRAGMA temp_store = MEMORY;",
    )?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// Bring the schema up to [`SCHEMA_VERSION`], one transaction per migration.
fn migrate(conn: &mut Connection) -> StoreResult<()> {
    for (i, (_name, sql)) in MIGRATIONS.iter().enumerate() {
        let target = i as u32 + 1;
        // IMMEDIATE: a second process opening the same new wallet waits, then sees the
        // version the first one wrote.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        if current >= target {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {target}"))?;
        tx.commit()?;
    }
    let current: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

impl Wallet {
    /// Open (creating if needed) the wallet at `path`, creating missing parent folders, and
    /// apply pending migrations.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Wallet> {
        let path = path.as_ref();
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
            && !parent.exists()
        {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        Wallet::from_connection(conn, Some(path.to_path_buf()))
    }

    /// A fresh wallet in memory (tests, previews of a received portfolio).
    pub fn open_in_memory() -> StoreResult<Wallet> {
        Wallet::from_connection(Connection::open_in_memory()?, None)
    }

    fn from_connection(mut conn: Connection, path: Option<PathBuf>) -> StoreResult<Wallet> {
        configure(&conn)?;
        migrate(&mut conn)?;
        Ok(Wallet {
            conn: Mutex::new(conn),
            path,
            clock: Arc::new(SystemClock),
        })
    }

    /// The default wallet file: the platform data dir + `wallet.db`
    /// (e.g. `~/.local/share/backpack/wallet.db`). Callers handle `--wallet` and
    /// `BACKPACK_WALLET` before falling back to this.
    pub fn default_path() -> StoreResult<PathBuf> {
        directories::ProjectDirs::from("org", "Backpack", "backpack")
            .map(|d| d.data_dir().join("wallet.db"))
            .ok_or(StoreError::NoDataDir)
    }

    /// Use `clock` for `imported_at`, `created_at` and similar stamps (tests pass a fixed one).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Wallet {
        self.clock = clock;
        self
    }

    /// The file this wallet lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open wallet (`PRAGMA user_version`).
    pub fn schema_version(&self) -> StoreResult<u32> {
        Ok(self
            .conn()?
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Now, from the injected clock, as RFC 3339 UTC with seconds.
    fn now(&self) -> String {
        self.clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    fn conn(&self) -> StoreResult<MutexGuard<'_, Connection>> {
        self.conn.lock().map_err(|_| StoreError::Poisoned)
    }

    /// Flush the WAL into the main file (e.g. before copying the file). Not needed for
    /// durability.
    pub fn checkpoint(&self) -> StoreResult<()> {
        self.conn()?
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        Ok(())
    }
}

/// Lower-case hex SHA-256.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha256(bytes))
}

/// SHA-256 as 32 bytes (how badge hashes are stored, migration 0002).
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests;
