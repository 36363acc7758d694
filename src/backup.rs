//! Encrypted backups of the whole wallet (issue 5, "Backup").
//!
//! A backup is the wallet's SQLite database — badges with their original bytes, collections,
//! notes, tags, settings, the learner key, verification reports and the fetch cache — copied
//! consistently with `VACUUM INTO`, then encrypted with a key derived from the learner's
//! passphrase:
//!
//! - KDF: Argon2id v1.3 (RFC 9106, <https://www.rfc-editor.org/rfc/rfc9106>), random 16-byte salt.
//! - AEAD: XChaCha20-Poly1305 (<https://datatracker.ietf.org/doc/html/draft-irtf-cfrg-xchacha>),
//!   random 24-byte nonce; the whole header is the associated data, so no header byte can be
//!   changed unnoticed.
//!
//! File layout (all integers little-endian), version 1:
//!
//! ```text
//! offset size  field
//! 0      8     magic "BPBACKUP"
//! 8      1     format version (1)
//! 9      1     kdf id (1 = Argon2id v0x13)
//! 10     4     argon2 memory cost, KiB
//! 14     4     argon2 time cost (passes)
//! 18     4     argon2 parallelism
//! 22     16    salt
//! 38     24    nonce
//! 62     16    key check: sha256("backpack-backup-key-check" ‖ key)[..16]
//! 78     8     ciphertext length (plaintext + 16-byte tag)
//! 86     …     ciphertext
//! ```
//!
//! The key check tells "wrong passphrase" apart from "damaged file" without weakening
//! anything: an attacker with the file can test guesses against the AEAD tag anyway.
//! The header's cost parameters are bounded before use, so a hostile file cannot make
//! restore allocate gigabytes or spin for minutes.

use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
pub use rand_core::OsRng;
use rand_core::{CryptoRng, RngCore};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::localize::Localize as _;

const MAGIC: &[u8; 8] = b"BPBACKUP";
const VERSION: u8 = 1;
const KDF_ARGON2ID: u8 = 1;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;
const CHECK_LEN: usize = 16;
/// Size of the version-1 header.
pub const HEADER_LEN: usize = 8 + 1 + 1 + 4 + 4 + 4 + SALT_LEN + NONCE_LEN + CHECK_LEN + 8;
const TAG_LEN: usize = 16;
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Largest Argon2 memory cost accepted from a backup header (1 GiB).
pub const MAX_ARGON2_MEMORY_KIB: u32 = 1024 * 1024;
/// Largest Argon2 time cost accepted from a backup header.
pub const MAX_ARGON2_TIME_COST: u32 = 64;
/// Largest Argon2 parallelism accepted from a backup header.
pub const MAX_ARGON2_PARALLELISM: u32 = 16;
/// Largest backup file restored (the wallet must fit in memory twice while it is decrypted).
pub const MAX_BACKUP_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory, KiB.
    pub memory_kib: u32,
    /// Passes.
    pub time_cost: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option scaled to a desktop.
    fn default() -> Self {
        KdfParams {
            memory_kib: 64 * 1024,
            time_cost: 3,
            parallelism: 1,
        }
    }
}

/// Why a backup could not be written or read. Messages are one lower-case line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BackupError {
    /// Not a Backpack backup at all.
    #[error("not a backpack backup file (the first bytes are not \"BPBACKUP\")")]
    NotABackup,
    /// Made by a newer Backpack.
    #[error(
        "backup format version {0} is not supported by this version of backpack (it reads version 1)"
    )]
    UnsupportedVersion(u8),
    /// Unknown key derivation.
    #[error("backup uses unknown key derivation {0}")]
    UnsupportedKdf(u8),
    /// Shorter than its header or its stated length.
    #[error("backup file is truncated: {0}")]
    Truncated(String),
    /// Longer than its stated length.
    #[error("backup file has {0} unexpected bytes after the encrypted data")]
    TrailingBytes(u64),
    /// Hostile or absurd cost parameters.
    #[error("backup header asks for argon2 {what} {value}, above the limit of {limit}")]
    KdfLimit {
        /// Which parameter.
        what: &'static str,
        /// The value in the header.
        value: u32,
        /// The limit.
        limit: u32,
    },
    /// Argon2 refused the parameters.
    #[error("invalid argon2 parameters in backup: {0}")]
    Kdf(String),
    /// The passphrase does not open this backup.
    #[error("wrong passphrase: this backup was encrypted with a different passphrase")]
    WrongPassphrase,
    /// The passphrase is right but the encrypted data was altered or damaged.
    #[error(
        "backup file is damaged: the encrypted data does not authenticate (was it modified or cut short?)"
    )]
    Damaged,
    /// The decrypted content is not a wallet database.
    #[error("backup decrypted but does not hold a wallet database")]
    NotAWallet,
    /// Empty passphrase.
    #[error("empty passphrase: choose a passphrase to protect the backup")]
    EmptyPassphrase,
    /// The destination holds a wallet and `force` was not given.
    #[error(
        "{0} already holds a wallet with data; restore with --force to replace it (the old wallet is kept beside it as a .before-restore file)"
    )]
    WouldOverwrite(String),
    /// The file is too large.
    #[error("backup file is {size} bytes, above the {limit}-byte limit")]
    TooLarge {
        /// Size.
        size: u64,
        /// Limit.
        limit: u64,
    },
    /// The learner key inside the backup has no safe place to go.
    #[error("the backup holds your signing key, but it cannot be kept safely: {0}")]
    Key(crate::localize::Message),
    /// The wallet (or the backup's copy of it) failed: the store error's message.
    #[error("{}", .0.english())]
    Wallet(crate::localize::Message),
    /// SQLite failed.
    #[error("wallet database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn derive_key(
    passphrase: &[u8],
    salt: &[u8],
    p: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, BackupError> {
    let params = Params::new(p.memory_kib, p.time_cost, p.parallelism, Some(32))
        .map_err(|e| BackupError::Kdf(e.to_string().to_lowercase()))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase, salt, &mut key[..])
        .map_err(|e| BackupError::Kdf(e.to_string().to_lowercase()))?;
    Ok(key)
}

fn key_check(key: &[u8; 32]) -> [u8; CHECK_LEN] {
    let mut h = Sha256::new();
    h.update(b"backpack-backup-key-check");
    h.update(key);
    let d = h.finalize();
    let mut out = [0u8; CHECK_LEN];
    out.copy_from_slice(&d[..CHECK_LEN]);
    out
}

/// Encrypt `plaintext` (the wallet database bytes) under `passphrase`.
pub fn encrypt<R: RngCore + CryptoRng>(
    plaintext: &[u8],
    passphrase: &str,
    params: KdfParams,
    rng: &mut R,
) -> Result<Vec<u8>, BackupError> {
    seal(MAGIC, plaintext, passphrase, params, rng)
}

/// The backup format under another 8-byte magic (the learner's key file uses it, see
/// [`crate::learner_key::KeyFile`]): Argon2id + XChaCha20-Poly1305, header authenticated.
pub fn seal<R: RngCore + CryptoRng>(
    magic: &[u8; 8],
    plaintext: &[u8],
    passphrase: &str,
    params: KdfParams,
    rng: &mut R,
) -> Result<Vec<u8>, BackupError> {
    if passphrase.is_empty() {
        return Err(BackupError::EmptyPassphrase);
    }
    let mut salt = [0u8; SALT_LEN];
    rng.fill_bytes(&mut salt);
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut nonce);
    let key = derive_key(passphrase.as_bytes(), &salt, params)?;

    let mut out = Vec::with_capacity(HEADER_LEN + plaintext.len() + TAG_LEN);
    out.extend_from_slice(magic);
    out.push(VERSION);
    out.push(KDF_ARGON2ID);
    out.extend_from_slice(&params.memory_kib.to_le_bytes());
    out.extend_from_slice(&params.time_cost.to_le_bytes());
    out.extend_from_slice(&params.parallelism.to_le_bytes());
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&key_check(&key));
    out.extend_from_slice(&((plaintext.len() + TAG_LEN) as u64).to_le_bytes());
    debug_assert_eq!(out.len(), HEADER_LEN);

    let cipher = XChaCha20Poly1305::new((&*key).into());
    let ct = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: &out,
            },
        )
        .map_err(|_| BackupError::Kdf("encryption failed".into()))?;
    out.extend_from_slice(&ct);
    Ok(out)
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    if let Some(s) = b.get(at..at + 4) {
        a.copy_from_slice(s);
    }
    u32::from_le_bytes(a)
}

/// Decrypt a backup file's bytes. The result is zeroized when dropped.
pub fn decrypt(file: &[u8], passphrase: &str) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    open_sealed(MAGIC, file, passphrase)
}

/// Decrypt what [`seal`] wrote under `magic`. The result is zeroized when dropped.
pub fn open_sealed(
    magic: &[u8; 8],
    file: &[u8],
    passphrase: &str,
) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    if file.len() < magic.len() || &file[..magic.len()] != magic {
        if file.len() < magic.len() && magic.starts_with(file) && !file.is_empty() {
            return Err(BackupError::Truncated(format!(
                "the header needs {HEADER_LEN} bytes, the file has {}",
                file.len()
            )));
        }
        return Err(BackupError::NotABackup);
    }
    let header = file.get(..HEADER_LEN).ok_or_else(|| {
        BackupError::Truncated(format!(
            "the header needs {HEADER_LEN} bytes, the file has {}",
            file.len()
        ))
    })?;
    let version = header[8];
    if version != VERSION {
        return Err(BackupError::UnsupportedVersion(version));
    }
    if header[9] != KDF_ARGON2ID {
        return Err(BackupError::UnsupportedKdf(header[9]));
    }
    let params = KdfParams {
        memory_kib: u32_at(header, 10),
        time_cost: u32_at(header, 14),
        parallelism: u32_at(header, 18),
    };
    for (what, value, limit) in [
        ("memory (KiB)", params.memory_kib, MAX_ARGON2_MEMORY_KIB),
        ("time cost", params.time_cost, MAX_ARGON2_TIME_COST),
        ("parallelism", params.parallelism, MAX_ARGON2_PARALLELISM),
    ] {
        if value > limit {
            return Err(BackupError::KdfLimit { what, value, limit });
        }
    }
    let salt = &header[22..22 + SALT_LEN];
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(&header[38..38 + NONCE_LEN]);
    let check = &header[62..62 + CHECK_LEN];
    let mut len = [0u8; 8];
    len.copy_from_slice(&header[78..86]);
    let ct_len = u64::from_le_bytes(len);
    let body = &file[HEADER_LEN..];
    let have = body.len() as u64;
    if have < ct_len {
        return Err(BackupError::Truncated(format!(
            "expected {ct_len} bytes of encrypted data, found {have}"
        )));
    }
    if have > ct_len {
        return Err(BackupError::TrailingBytes(have - ct_len));
    }
    if passphrase.is_empty() {
        return Err(BackupError::EmptyPassphrase);
    }
    let key = derive_key(passphrase.as_bytes(), salt, params)?;
    if key_check(&key) != check {
        return Err(BackupError::WrongPassphrase);
    }
    let cipher = XChaCha20Poly1305::new((&*key).into());
    let pt = cipher
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: body,
                aad: header,
            },
        )
        .map_err(|_| BackupError::Damaged)?;
    Ok(Zeroizing::new(pt))
}

/// A temp file path that is removed on drop.
struct TempPath(PathBuf);

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn random_suffix<R: RngCore>(rng: &mut R) -> String {
    let mut b = [0u8; 8];
    rng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A consistent copy of the open wallet's bytes, made in memory (SQLite's online backup into
/// an in-memory database, then `VACUUM` and serialise): no temp file, so nothing of the
/// wallet is ever written outside its folder (issue 13: the copy used to sit in `/tmp`, 0644).
/// With `learner` (its did:key and seed), the learner's secret is put back into the copy's
/// `learner_keys` row (as a wallet before schema 4 kept it, so older Backpacks restore it
/// too), so it travels inside the encrypted backup and nowhere else.
pub fn snapshot_database<R: RngCore>(
    conn: &rusqlite::Connection,
    _rng: &mut R,
) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    snapshot_with(conn, None)
}

fn snapshot_with(
    conn: &rusqlite::Connection,
    learner: Option<(&str, &[u8])>,
) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    let mut mem = rusqlite::Connection::open_in_memory()?;
    {
        let b = rusqlite::backup::Backup::new(conn, &mut mem)?;
        b.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
    }
    if let Some((did, seed)) = learner {
        mem.execute(
            "UPDATE learner_keys SET secret = ?1, secret_store = NULL WHERE did = ?2",
            rusqlite::params![seed, did],
        )?;
    }
    mem.execute_batch("VACUUM")?;
    let data = mem.serialize(rusqlite::MAIN_DB)?;
    Ok(Zeroizing::new(data.to_vec()))
}

/// Write `file` to `out` through a 0600 temp file beside it, then rename, so a crash never
/// leaves half a backup under OUT.
fn write_out<R: RngCore>(out: &Path, file: &[u8], rng: &mut R) -> Result<(), BackupError> {
    let tmp = out.with_extension(format!("partial-{}", random_suffix(rng)));
    crate::store::fsutil::write_private(&tmp, file).map_err(io_err(&tmp))?;
    std::fs::rename(&tmp, out).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err(out)(e)
    })
}

/// Write an encrypted backup of the wallet open on `conn` to `out`.
pub fn backup_wallet<R: RngCore + CryptoRng>(
    conn: &rusqlite::Connection,
    out: &Path,
    passphrase: &str,
    params: KdfParams,
    rng: &mut R,
) -> Result<u64, BackupError> {
    if passphrase.is_empty() {
        return Err(BackupError::EmptyPassphrase);
    }
    let plain = snapshot_with(conn, None)?;
    let file = encrypt(&plain, passphrase, params, rng)?;
    write_out(out, &file, rng)?;
    Ok(file.len() as u64)
}

/// Write an encrypted backup of `wallet` to `out`, with the learner's key inside it when
/// given (the host loads it from its vault first; see [`crate::learner_key`]). A restore puts
/// the key back into a vault, never into the restored database.
pub fn backup_open_wallet(
    wallet: &crate::store::Wallet,
    out: &Path,
    passphrase: &str,
    params: KdfParams,
    learner: Option<&crate::learner_key::LearnerKey>,
) -> Result<u64, BackupError> {
    if passphrase.is_empty() {
        return Err(BackupError::EmptyPassphrase);
    }
    let mut plain = wallet
        .snapshot_plain()
        .map_err(|e| BackupError::Wallet(e.message()))?;
    if let Some(k) = learner {
        // Put the key into the in-memory copy (as schema < 4 kept it), nowhere else.
        let seed = k.secret().to_bytes();
        let mut mem = rusqlite::Connection::open_in_memory()?;
        mem.deserialize_read_exact(rusqlite::MAIN_DB, &plain[..], plain.len(), false)?;
        mem.execute(
            "UPDATE learner_keys SET secret = ?1, secret_store = NULL WHERE did = ?2",
            rusqlite::params![&seed[..], k.did()],
        )?;
        mem.execute_batch("VACUUM")?;
        plain = Zeroizing::new(mem.serialize(rusqlite::MAIN_DB)?.to_vec());
    }
    let file = encrypt(&plain, passphrase, params, &mut OsRng)?;
    write_out(out, &file, &mut OsRng)?;
    Ok(file.len() as u64)
}

/// Back up the wallet file at `wallet` to `out` (opens its own connection; OS randomness).
/// The learner key is not included: use [`backup_open_wallet`] for that.
pub fn backup_wallet_file(
    wallet: &Path,
    out: &Path,
    passphrase: &str,
    params: KdfParams,
) -> Result<u64, BackupError> {
    let conn = rusqlite::Connection::open_with_flags(
        wallet,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    backup_wallet(&conn, out, passphrase, params, &mut OsRng)
}

/// True when `path` is a wallet that holds at least one row in any table.
pub fn wallet_has_data(path: &Path) -> Result<bool, BackupError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io_err(path)(e)),
        Ok(m) if m.len() == 0 => return Ok(false),
        Ok(_) => {}
    }
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let tables: Vec<String> = {
        let mut st = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?;
        st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
    };
    for t in tables {
        let q = format!(
            "SELECT EXISTS (SELECT 1 FROM \"{}\")",
            t.replace('"', "\"\"")
        );
        let any: bool = conn.query_row(&q, [], |r| r.get(0))?;
        if any {
            return Ok(true);
        }
    }
    Ok(false)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreOutcome {
    /// Bytes of wallet database restored.
    pub bytes: u64,
    /// Where the replaced wallet was moved, when one was replaced.
    pub previous_kept_at: Option<PathBuf>,
}

/// Decrypt `backup` and install it as the wallet at `dest` (no learner key store: a backup
/// that holds a learner key is refused, see [`restore_wallet_with_keys`]).
pub fn restore_wallet<R: RngCore>(
    backup: &[u8],
    passphrase: &str,
    dest: &Path,
    force: bool,
    rng: &mut R,
) -> Result<RestoreOutcome, BackupError> {
    restore_wallet_with_keys(backup, passphrase, dest, force, &[], None, rng)
}

/// Decrypt `backup` and install it as the wallet at `dest`; a learner key inside it goes into
/// the first of `vaults` that takes it (OS keyring, key file), never into the restored file.
///
/// The backup is checked, brought to this version's schema and stripped of the key in
/// memory; only then is anything written, through a 0600 temp file beside `dest`. Refuses to
/// replace a wallet that holds data (or a damaged file) unless `force`; even then the old
/// wallet is not deleted but renamed to `<dest>.before-restore[.N]`, and its key file with it
/// (never lose a learner's data).
pub fn restore_wallet_with_keys<R: RngCore>(
    backup: &[u8],
    passphrase: &str,
    dest: &Path,
    force: bool,
    vaults: &[&dyn crate::learner_key::SecretVault],
    encrypt: Option<&str>,
    rng: &mut R,
) -> Result<RestoreOutcome, BackupError> {
    use crate::learner_key::{KeyFile, KeyMigration, migrate_plaintext_key};
    if backup.len() as u64 > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge {
            size: backup.len() as u64,
            limit: MAX_BACKUP_BYTES,
        });
    }
    let plain = decrypt(backup, passphrase)?;
    if plain.len() < SQLITE_MAGIC.len() || &plain[..SQLITE_MAGIC.len()] != SQLITE_MAGIC {
        return Err(BackupError::NotAWallet);
    }
    // A file that is not a readable database counts as data: replacing it needs --force.
    let has_data = match wallet_has_data(dest) {
        Ok(b) => b,
        Err(BackupError::Sqlite(_)) => true,
        Err(e) => return Err(e),
    };
    if has_data && !force {
        return Err(BackupError::WouldOverwrite(dest.display().to_string()));
    }
    // Check the copy in memory; a learner key inside it must not reach the disk.
    let has_secret = {
        let mut mem = rusqlite::Connection::open_in_memory()?;
        mem.deserialize_read_exact(rusqlite::MAIN_DB, &plain[..], plain.len(), false)
            .map_err(|_| BackupError::NotAWallet)?;
        let ok: String = mem
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|_| BackupError::NotAWallet)?;
        if ok != "ok" {
            return Err(BackupError::NotAWallet);
        }
        mem.query_row(
            "SELECT EXISTS (SELECT 1 FROM learner_keys WHERE length(secret) > 0)",
            [],
            |r| r.get::<_, bool>(0),
        )
        .unwrap_or(false)
    };
    // With a key: bring the copy to this version's schema in memory and move the key out.
    let wallet = if has_secret {
        Some(
            crate::store::Wallet::from_database_bytes(&plain).map_err(|e| match e {
                crate::store::StoreError::TooNew { .. } => BackupError::Wallet(e.message()),
                _ => BackupError::NotAWallet,
            })?,
        )
    } else {
        None
    };

    if let Some(parent) = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.exists())
    {
        crate::store::fsutil::create_private_dir_all(parent).map_err(io_err(parent))?;
    }
    let mut aside = None;
    if dest.exists() {
        let mut a = PathBuf::from(format!("{}.before-restore", dest.display()));
        let mut n = 1;
        while a.exists() || KeyFile::path_for(&a).exists() {
            a = PathBuf::from(format!("{}.before-restore.{n}", dest.display()));
            n += 1;
        }
        aside = Some(a);
    }
    // The replaced wallet's key file goes aside with it, so the restored key can take its place.
    let old_key = KeyFile::path_for(dest);
    let key_aside = match (&aside, old_key.exists()) {
        (Some(a), true) => {
            let k = KeyFile::path_for(a);
            std::fs::rename(&old_key, &k).map_err(io_err(&old_key))?;
            Some(k)
        }
        _ => None,
    };
    let put_key_back = |e: BackupError| {
        if let Some(k) = &key_aside {
            let _ = std::fs::rename(k, &old_key);
        }
        e
    };
    let bytes = match &wallet {
        None => plain,
        Some(wallet) => (|| {
            match migrate_plaintext_key(wallet, vaults)
                .map_err(|e| BackupError::Key(crate::localize::Localize::message(&e)))?
            {
                KeyMigration::Pending(why) => return Err(BackupError::Key(why)),
                KeyMigration::Nothing | KeyMigration::Moved(_) => {}
            }
            wallet
                .to_database_bytes()
                .map_err(|e| BackupError::Wallet(e.message()))
        })()
        .map_err(put_key_back)?,
    };
    drop(wallet);

    let tmp = TempPath(dest.with_extension(format!("restoring-{}", random_suffix(rng))));
    match encrypt {
        None => crate::store::fsutil::write_private(&tmp.0, &bytes)
            .map_err(io_err(&tmp.0))
            .map_err(put_key_back)?,
        // Encrypted straight from memory: the plain copy never touches the disk.
        Some(pass) => (|| -> Result<(), BackupError> {
            crate::store::fsutil::create_private_file(&tmp.0).map_err(io_err(&tmp.0))?;
            let mut mem = rusqlite::Connection::open_in_memory()?;
            mem.deserialize_read_exact(rusqlite::MAIN_DB, &bytes[..], bytes.len(), false)?;
            mem.execute(
                "ATTACH DATABASE ?1 AS enc KEY ?2",
                rusqlite::params![tmp.0.to_string_lossy(), pass],
            )?;
            crate::store::export_to(&mem, "enc")?;
            mem.execute_batch("DETACH DATABASE enc")?;
            Ok(())
        })()
        .map_err(put_key_back)?,
    }
    if let Some(a) = &aside {
        // Checkpoint the old wallet's WAL into it so the kept copy is complete.
        if has_data && let Ok(c) = rusqlite::Connection::open(dest) {
            let _ = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        std::fs::rename(dest, a)
            .map_err(io_err(dest))
            .map_err(put_key_back)?;
    }
    // A stale WAL/SHM beside the new file would be replayed into it: remove them.
    for ext in ["-wal", "-shm"] {
        let p = crate::store::sidecar(dest, ext);
        if p.exists() {
            std::fs::remove_file(&p).map_err(io_err(&p))?;
        }
    }
    std::fs::rename(&tmp.0, dest).map_err(io_err(dest))?;
    Ok(RestoreOutcome {
        bytes: bytes.len() as u64,
        previous_kept_at: aside,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        time_cost: 1,
        parallelism: 1,
    };

    #[test]
    fn round_trip_and_errors() {
        let mut rng = rand_core::OsRng;
        let f = encrypt(b"SQLite format 3\0hello", "pw", FAST, &mut rng).unwrap();
        assert_eq!(&decrypt(&f, "pw").unwrap()[..], b"SQLite format 3\0hello");
        assert!(matches!(
            decrypt(&f, "pX"),
            Err(BackupError::WrongPassphrase)
        ));
        let cut = &f[..f.len() - 3];
        assert_eq!(
            decrypt(cut, "pw").unwrap_err().to_string(),
            "backup file is truncated: expected 37 bytes of encrypted data, found 34"
        );
        assert!(matches!(
            decrypt(&f[..40], "pw"),
            Err(BackupError::Truncated(_))
        ));
        let mut flipped = f.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(matches!(decrypt(&flipped, "pw"), Err(BackupError::Damaged)));
        let mut hdr = f.clone();
        hdr[30] ^= 1; // salt: the derived key changes, so the passphrase looks wrong
        assert!(matches!(
            decrypt(&hdr, "pw"),
            Err(BackupError::WrongPassphrase)
        ));
        assert!(matches!(
            decrypt(b"{\"x\":1}", "pw"),
            Err(BackupError::NotABackup)
        ));
        let mut big = f.clone();
        big[10..14].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            decrypt(&big, "pw"),
            Err(BackupError::KdfLimit { .. })
        ));
    }
}
