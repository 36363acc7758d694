//! The SQLite wallet: every badge the learner holds, with its original bytes, verification
//! reports, the fetched-document cache, collections, notes, tags, settings and the learner's
//! key (issues 2–5).
//!
//! Rules this module keeps (Backpack's own rule and OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/>):
//! - **Never lose a learner's data.** Migrations in `migrations/` are append-only, embedded
//!   with `include_str!` and tracked in `PRAGMA user_version`; a wallet written by a newer
//!   Backpack is refused, never downgraded. Every import is one transaction (a CLR and the
//!   credentials inside it commit together or not at all).
//! - **Originals are byte-exact.** `badges.original` holds the imported bytes verbatim;
//!   signatures cover them. Nothing derivable from them is stored a second time: decode +
//!   parse of the original reproduces the credential document ([`Wallet::document`]) and the
//!   display view (`badge_json` is empty for badges stored since schema 2; older rows keep
//!   theirs). Rows keep only what listing, search and dedupe need.
//! - **Dedupe** (OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/>): the same bytes (SHA-256) are a duplicate. OB 3.0 / CLR
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
//! One file per table family: `badges` (rows, originals, removal), `import` (dedupe, batches),
//! `search` (the [`Query`] and the one engine that answers it, [`SearchIndex`]; summaries), `reports` (verification reports in
//! their compact stored form, and the evidence), `tags` (tags and notes), `collections`,
//! `endorsements`, `cache` (fetched documents), `profile`, `settings`, `hosts`, `trust`.
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
mod import;
mod profile;
mod reports;
mod search;
mod settings;
mod tags;
pub mod trust;

pub use badges::{ImageKind, StoredBadge};
pub use collections::Collection;
pub use endorsements::{EndorsementOutcome, StoredEndorsement};
pub use import::{Checked, ImportBatch, ImportOutcome};
pub use profile::{Identity, IdentityKind};
pub use reports::StoredReport;
pub use search::{BadgeSummary, MAX_FOLDED, Query, SearchIndex, Sort, fold};
pub use settings::{LearnerKeyRecord, keys};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;

use crate::env::{Clock, SystemClock};
use crate::localize::msg;

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
        "0006_secrets_and_minor_mode",
        include_str!("../../migrations/0006_secrets_and_minor_mode.sql"),
    ),
    (
        "0007_hosts",
        include_str!("../../migrations/0007_hosts.sql"),
    ),
    (
        "0008_compact_reports",
        include_str!("../../migrations/0008_compact_reports.sql"),
    ),
    (
        "0009_search_text",
        include_str!("../../migrations/0009_search_text.sql"),
    ),
    (
        "0010_endorsement_reason_message",
        include_str!("../../migrations/0010_endorsement_reason_message.sql"),
    ),
];

/// The schema version this build writes (= `MIGRATIONS.len()`).
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// How long a connection waits for another process holding the wallet lock (issue 13: the CLI
/// importing while the app re-checks must never show "database is locked"; a bulk import
/// holds the lock for one batch at a time, well under a second).
pub const BUSY_TIMEOUT_MS: u64 = 30_000;

/// The page size of a new (plain) wallet. SQLite's default, 4096, fits only two badge rows of
/// a typical baked badge (~1.5 KB: the original bytes and the listing columns) per page and
/// leaves a quarter of the badges table empty; 8192 fits five (issue 10, wallet < 2x the
/// input: 20.5 MB -> 16.4 MB for 10,000 badges). Existing wallets keep the size they have.
pub const PAGE_SIZE: u32 = 8192;

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
        "this wallet has schema version {found} but this backpack knows only up to {supported}: update backpack, or restore a backup made with this version (the wallet was not changed)"
    )]
    TooNew {
        /// `user_version` in the file.
        found: u32,
        /// [`SCHEMA_VERSION`].
        supported: u32,
    },
    /// The file is not a readable SQLite database (damaged, truncated, or another kind of file).
    #[error(
        "{path} is damaged or is not a backpack wallet ({reason}); it was left as it is: restore a backup to go on"
    )]
    Damaged {
        /// The wallet file.
        path: String,
        /// SQLite's words.
        reason: String,
    },
    /// The file is a database of some other program: it has tables but no Backpack schema.
    #[error(
        "{0} is a database of another program, not a backpack wallet; it was left as it is: choose another wallet file"
    )]
    NotAWallet(String),
    /// The wallet looks encrypted and no passphrase was given.
    #[error(
        "{0} is encrypted (or damaged): it needs the wallet passphrase (set BACKPACK_WALLET_PASSPHRASE, or run in a terminal to be asked)"
    )]
    NeedsPassphrase(String),
    /// The passphrase does not open the wallet.
    #[error("wrong wallet passphrase for {0} (or the file is damaged); it was left as it is")]
    WrongPassphrase(String),
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
    #[error("{}", .0.english())]
    Invalid(crate::localize::Message),
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
    encrypted: std::sync::atomic::AtomicBool,
    /// The search index and the wallet state it was built from (see [`Wallet::search_index`]).
    search: Mutex<Option<(search::Stamp, Arc<SearchIndex>)>>,
}

impl std::fmt::Debug for Wallet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wallet").field("path", &self.path).finish()
    }
}

/// Apply the per-connection pragmas: WAL (file wallets), foreign keys, `synchronous=NORMAL`
/// (durable at checkpoints in WAL mode, no fsync per badge), busy timeout, a statement cache.
///
/// Every transaction starts IMMEDIATE (takes the write lock first): a deferred transaction
/// that reads and then writes while another process committed fails with `SQLITE_BUSY` at
/// once, without waiting, which is how two writers used to surface "database is locked".
pub fn configure(conn: &mut Connection) -> StoreResult<()> {
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
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
    ///
    /// File modes (Unix): folders it creates are 0700; the wallet file is created 0600 (SQLite
    /// gives its `-wal`/`-shm` the same mode) and an existing wallet with group or other
    /// bits is tightened to 0600, with its `-wal`/`-shm`. A file that is not a readable wallet
    /// is refused with [`StoreError::Damaged`], [`StoreError::NotAWallet`] or
    /// [`StoreError::TooNew`], and never written to.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Wallet> {
        Wallet::open_with(path, None)
    }

    /// [`Wallet::open`] for a wallet encrypted with SQLCipher (issue 13, optional whole-wallet
    /// encryption): `passphrase` unlocks it, or creates a new wallet encrypted. SQLCipher 4
    /// defaults: AES-256-CBC per page with an HMAC-SHA512, the key from the passphrase by
    /// PBKDF2-HMAC-SHA512 (256,000 iterations) with a per-file salt
    /// (<https://www.zetetic.net/sqlcipher/design/>). A wrong passphrase is
    /// [`StoreError::WrongPassphrase`]; an encrypted wallet opened without one is
    /// [`StoreError::NeedsPassphrase`]; a plain wallet opened with one is refused (encrypt it
    /// with [`Wallet::change_encryption`]).
    pub fn open_with(path: impl AsRef<Path>, passphrase: Option<&str>) -> StoreResult<Wallet> {
        let path = path.as_ref();
        let encrypted = looks_encrypted(path);
        let name = || path.display().to_string();
        match passphrase {
            None if encrypted => return Err(StoreError::NeedsPassphrase(name())),
            Some("") => return Err(StoreError::Invalid(msg!("err-store-passphrase-empty"))),
            Some(_) if !encrypted && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) => {
                return Err(StoreError::Invalid(msg!(
                    "err-store-not-encrypted",
                    name = name()
                )));
            }
            _ => {}
        }
        prepare_file(path)?;
        let conn = Connection::open(path)?;
        if let Some(p) = passphrase {
            conn.pragma_update(None, "key", p)?;
        }
        Wallet::from_connection(conn, Some(path.to_path_buf()), passphrase.is_none())
            .and_then(|w| {
                if passphrase.is_some() {
                    w.encrypted.store(true, std::sync::atomic::Ordering::SeqCst);
                    // Decrypted pages live only in SQLite's own cache (the OS cache holds
                    // ciphertext): 32 MiB instead of the default 2 MiB keeps search on an
                    // encrypted wallet as fast as on a plain one (import bench, issue 13:
                    // 23 ms per query with the default, 1-3 ms with this; plain 3.4 ms).
                    w.conn()?.execute_batch("PRAGMA cache_size = -32768")?;
                }
                Ok(w)
            })
            .map_err(|e| match damaged(e, path) {
                StoreError::Damaged { .. } if passphrase.is_some() => {
                    StoreError::WrongPassphrase(name())
                }
                e => e,
            })
    }

    /// True when this wallet is encrypted (opened with a passphrase).
    pub fn is_encrypted(&self) -> bool {
        self.encrypted.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// A stand-in for a wallet at `path` that could not be opened yet (it needs its
    /// passphrase, or it is damaged): every read fails and every write is refused, so nothing
    /// can be lost into it. [`Wallet::replace_with`] puts the real wallet in its place.
    pub fn unavailable(path: impl AsRef<Path>) -> StoreResult<Wallet> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA query_only = ON")?;
        Ok(Wallet {
            conn: Mutex::new(conn),
            path: Some(path.as_ref().to_path_buf()),
            clock: Arc::new(SystemClock),
            encrypted: std::sync::atomic::AtomicBool::new(false),
            search: Mutex::new(None),
        })
    }

    /// Take over `other`'s connection (the app: after the wallet was unlocked, restored,
    /// encrypted or decrypted). The old connection is closed.
    pub fn replace_with(&self, other: Wallet) -> StoreResult<()> {
        let enc = other.is_encrypted();
        let new = other.conn.into_inner().map_err(|_| StoreError::Poisoned)?;
        let mut conn = self.conn()?;
        let old = std::mem::replace(&mut *conn, new);
        drop(old);
        // Another database: its change counters mean nothing against the cached index's.
        *self.search.lock().map_err(|_| StoreError::Poisoned)? = None;
        drop(conn);
        self.encrypted
            .store(enc, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    /// Rewrite the wallet file at `path` encrypted with `new` (or in plain SQLite with `None`),
    /// opening it with `current`. The new file is written beside it (0600) with SQLCipher's
    /// `sqlcipher_export`, checked, then renamed over the old one. Nothing else may have the
    /// wallet open meanwhile. The blocks of the old plain file may linger on the disk until
    /// they are reused: encrypting a wallet protects what is written from then on.
    pub fn change_encryption(
        path: impl AsRef<Path>,
        current: Option<&str>,
        new: Option<&str>,
    ) -> StoreResult<()> {
        let path = path.as_ref();
        if new == Some("") {
            return Err(StoreError::Invalid(msg!("err-store-passphrase-empty")));
        }
        let io = |p: &Path| {
            let p = p.display().to_string();
            move |source| StoreError::Io { path: p, source }
        };
        let tmp = sidecar(path, ".rekeying");
        for p in [tmp.clone(), sidecar(&tmp, "-wal"), sidecar(&tmp, "-shm")] {
            if p.exists() {
                std::fs::remove_file(&p).map_err(io(&p))?;
            }
        }
        {
            let w = Wallet::open_with(path, current)?;
            let conn = w.conn()?;
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
            fsutil::create_private_file(&tmp).map_err(io(&tmp))?;
            let tmp_s = tmp.to_string_lossy().into_owned();
            conn.execute(
                "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
                rusqlite::params![tmp_s, new.unwrap_or("")],
            )?;
            let r = export_to(&conn, "rekeyed");
            conn.execute_batch("DETACH DATABASE rekeyed")?;
            r?;
        }
        // The copy must open with the new passphrase and hold the same schema version.
        let check = Wallet::open_with(&tmp, new).and_then(|w| {
            let ok: String = w
                .conn()?
                .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
            if ok != "ok" {
                return Err(StoreError::Corrupt {
                    what: "the re-encrypted wallet".into(),
                    reason: ok,
                });
            }
            w.checkpoint()
        });
        if let Err(e) = check {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        for ext in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(sidecar(&tmp, ext));
        }
        std::fs::rename(&tmp, path).map_err(io(path))?;
        for ext in ["-wal", "-shm"] {
            let p = sidecar(path, ext);
            if p.exists() {
                std::fs::remove_file(&p).map_err(io(&p))?;
            }
        }
        Ok(())
    }

    /// A plain (unencrypted) image of this wallet, made in memory: SQLite's online backup (or,
    /// for an encrypted wallet, `sqlcipher_export` into an in-memory database), then
    /// `VACUUM`ed. For backups: nothing is written to disk.
    pub fn snapshot_plain(&self) -> StoreResult<zeroize::Zeroizing<Vec<u8>>> {
        let mut conn = self.conn()?;
        if self.is_encrypted() {
            conn.execute_batch("ATTACH DATABASE ':memory:' AS snapshot KEY ''")?;
            let r = (|| -> StoreResult<zeroize::Zeroizing<Vec<u8>>> {
                export_to(&conn, "snapshot")?;
                let data = conn.serialize("snapshot")?;
                Ok(zeroize::Zeroizing::new(data.to_vec()))
            })();
            conn.execute_batch("DETACH DATABASE snapshot")?;
            let bytes = r?;
            // Compact it like the plain path (and drop SQLCipher's per-page reserve).
            let w = Wallet::from_database_bytes(&bytes)?;
            return w.to_database_bytes();
        }
        let mut mem = Connection::open_in_memory()?;
        {
            let b = rusqlite::backup::Backup::new(&conn, &mut mem)?;
            b.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
        }
        mem.execute_batch("VACUUM")?;
        let data = mem.serialize(rusqlite::MAIN_DB)?;
        Ok(zeroize::Zeroizing::new(data.to_vec()))
    }

    /// A wallet in memory from a database image (a decrypted backup): checked with
    /// `PRAGMA integrity_check`, then brought to this version's schema. Nothing touches disk.
    pub fn from_database_bytes(bytes: &[u8]) -> StoreResult<Wallet> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(rusqlite::MAIN_DB, bytes, bytes.len(), false)?;
        let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(StoreError::Damaged {
                path: "the backup".into(),
                reason: ok,
            });
        }
        Wallet::from_connection(conn, None, false)
    }

    /// The database image of this wallet, compacted (`VACUUM`), e.g. to write a restored
    /// in-memory wallet to disk. Zeroized when dropped.
    pub fn to_database_bytes(&self) -> StoreResult<zeroize::Zeroizing<Vec<u8>>> {
        let mut conn = self.conn()?;
        conn.execute_batch("VACUUM")?;
        let data = conn.serialize(rusqlite::MAIN_DB)?;
        Ok(zeroize::Zeroizing::new(data.to_vec()))
    }

    /// Run `f` on the wallet's connection (backups inside the core).
    pub(crate) fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> T) -> StoreResult<T> {
        let conn = self.conn()?;
        Ok(f(&conn))
    }

    /// A fresh wallet in memory (tests, previews of a received portfolio).
    pub fn open_in_memory() -> StoreResult<Wallet> {
        Wallet::from_connection(Connection::open_in_memory()?, None, true)
    }

    /// `plain`: not encrypted, so a new wallet gets [`PAGE_SIZE`] (SQLCipher sets its own).
    fn from_connection(
        mut conn: Connection,
        path: Option<PathBuf>,
        plain: bool,
    ) -> StoreResult<Wallet> {
        // Read the header and schema before writing anything: a damaged file or another
        // program's database must fail here, untouched.
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            [],
            |r| r.get(0),
        )?;
        if version == 0 && tables > 0 {
            return Err(StoreError::NotAWallet(
                path.as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ));
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if plain && version == 0 && tables == 0 {
            // Only a new, empty database takes a page size (before WAL writes the header).
            conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE}"))?;
        }
        configure(&mut conn)?;
        migrate(&mut conn)?;
        Ok(Wallet {
            conn: Mutex::new(conn),
            path,
            clock: Arc::new(SystemClock),
            encrypted: std::sync::atomic::AtomicBool::new(false),
            search: Mutex::new(None),
        })
    }

    /// The default wallet file: the platform data dir + `wallet.db`
    /// (e.g. `~/.local/share/backpack/wallet.db`). Callers handle `--wallet` and
    /// `BACKPACK_WALLET` before falling back to this.
    pub fn default_path() -> StoreResult<PathBuf> {
        default_dir().map(|d| d.join("wallet.db"))
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

/// Copy the main database into the attached database `to` with SQLCipher's
/// `sqlcipher_export` (schema, rows, virtual tables), then its `user_version` (the schema
/// version, which `sqlcipher_export` does not carry over).
pub(crate) fn export_to(conn: &Connection, to: &str) -> rusqlite::Result<()> {
    conn.query_row("SELECT sqlcipher_export(?1)", [to], |_| Ok(()))?;
    let v: u32 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
    conn.execute_batch(&format!("PRAGMA \"{to}\".user_version = {v}"))
}

/// A wallet file that exists, is not empty and does not start with SQLite's plain header
/// ("SQLite format 3\0"): SQLCipher encrypts the whole file from byte 0 (or it is damaged;
/// only the passphrase tells). Page-aligned sizes only, so a short or odd-sized file reads as
/// damaged, not as encrypted.
pub fn looks_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = [0u8; 16];
    len >= 1024
        && len % 512 == 0
        && f.read_exact(&mut head).is_ok()
        && &head != b"SQLite format 3\0"
}

/// Backpack's own data folder (e.g. `~/.local/share/backpack`).
fn default_dir() -> StoreResult<PathBuf> {
    directories::ProjectDirs::from("org", "Backpack", "backpack")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// Create the wallet's folder (0700) and file (0600) when missing; tighten an existing
/// wallet's mode and its `-wal`/`-shm` to 0600, and Backpack's own data folder to 0700
/// (wallets made before issue 13 left it 0755; a folder the learner chose is left alone).
fn prepare_file(path: &Path) -> StoreResult<()> {
    let io = |p: &Path| {
        let p = p.display().to_string();
        move |source| StoreError::Io { path: p, source }
    };
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        if !parent.exists() {
            fsutil::create_private_dir_all(parent).map_err(io(parent))?;
        } else if default_dir().is_ok_and(|d| d == parent) {
            fsutil::private_dir_all(parent).map_err(io(parent))?;
        }
    }
    fsutil::create_private_file(path).map_err(io(path))?;
    for p in [
        path.to_path_buf(),
        sidecar(path, "-wal"),
        sidecar(path, "-shm"),
    ] {
        fsutil::make_private(&p).map_err(io(&p))?;
    }
    Ok(())
}

/// `wallet.db-wal`, `wallet.db-shm`, `wallet.db.key`, …
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// SQLite's "not a database" / "malformed" at open become [`StoreError::Damaged`].
fn damaged(e: StoreError, path: &Path) -> StoreError {
    match &e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg))
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            StoreError::Damaged {
                path: path.display().to_string(),
                reason: msg.clone().unwrap_or_else(|| f.to_string()),
            }
        }
        StoreError::NotAWallet(p) if p.is_empty() => {
            StoreError::NotAWallet(path.display().to_string())
        }
        _ => e,
    }
}

/// Private files and folders: what the wallet, its key file, backups and every temp file are
/// written with (issue 13: a shared computer's other accounts must not read them). On systems
/// without Unix modes these are plain creates.
pub mod fsutil {
    use std::io::Write;
    use std::path::Path;

    /// `mkdir -p` where every folder created is 0700.
    pub fn create_private_dir_all(dir: &Path) -> std::io::Result<()> {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir)
    }

    /// [`create_private_dir_all`], and the folder itself set to 0700 if it existed.
    pub fn private_dir_all(dir: &Path) -> std::io::Result<()> {
        create_private_dir_all(dir)?;
        set_mode(dir, 0o700)
    }

    #[cfg(unix)]
    fn set_mode(p: &Path, mode: u32) -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let m = std::fs::metadata(p)?;
        if m.permissions().mode() & 0o777 != mode {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))?;
        }
        Ok(())
    }

    #[cfg(not(unix))]
    fn set_mode(_p: &Path, _mode: u32) -> std::io::Result<()> {
        Ok(())
    }

    fn options() -> std::fs::OpenOptions {
        let mut o = std::fs::OpenOptions::new();
        o.write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        o
    }

    /// Create an empty 0600 file at `path` if there is none.
    pub fn create_private_file(path: &Path) -> std::io::Result<()> {
        match options().create_new(true).open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Set an existing file to 0600 when group or others could read it (missing: fine).
    pub fn make_private(path: &Path) -> std::io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            match std::fs::metadata(path) {
                Ok(m) if m.permissions().mode() & 0o077 != 0 => {
                    let mode = m.permissions().mode() & 0o700 | 0o600;
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
                }
                Ok(_) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(e),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            Ok(())
        }
    }

    /// Write `bytes` to a new 0600 file at `path` (created or truncated; an existing file's
    /// mode is tightened first). For temp files.
    pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        make_private(path)?;
        let mut f = options().create(true).truncate(true).open(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    }

    /// Write `bytes` to `path` only if nothing is there: written to a 0600 temp file beside
    /// it, then linked into place (no-clobber: `AlreadyExists` when `path` exists).
    pub fn write_new_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(format!(".tmp-{}", std::process::id()));
        let tmp = std::path::PathBuf::from(tmp);
        write_private(&tmp, bytes)?;
        let r = std::fs::hard_link(&tmp, path);
        let _ = std::fs::remove_file(&tmp);
        match r {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                // No hard links here (FAT, some network shares): exclusive create instead.
                let mut f = options().create_new(true).open(path)?;
                f.write_all(bytes)?;
                f.sync_all()
            }
            r => r,
        }
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
