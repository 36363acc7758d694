//! Minor mode: a guardian's lock on everything that sends data out of the wallet (issue 13).
//!
//! When a parent or guardian turns it on, every [`Action`] that moves the learner's data off
//! the machine needs the guardian passphrase: network access of any command (verification
//! fetches, `--allow-network`, the app's network setting), exports, backups, saving a badge's
//! original file, and restoring a backup over the wallet (which would replace the lock). The
//! CLI and the app both ask [`MinorMode::require`] (or [`MinorMode::check`]), so they cannot
//! disagree about what is locked.
//!
//! **Where the state lives.** A row in the `minor_mode` table means "on"; any row, readable or
//! not, locks (fail closed), and a missing table locks too. The row is a sealed record:
//!
//! ```text
//! offset size  field
//! 0      8     magic "BPMINOR1"
//! 8      4     argon2id memory cost, KiB (LE)
//! 12     4     argon2id passes (LE)
//! 16     4     argon2id lanes (LE)
//! 20     16    salt
//! 36     32    HMAC-SHA256(K, "backpack minor mode v1" ‖ bytes 0..36),  K = Argon2id(passphrase, salt)
//! ```
//!
//! The passphrase is checked in the core by recomputing the tag (Argon2id, RFC 9106,
//! <https://www.rfc-editor.org/rfc/rfc9106>; HMAC, RFC 2104,
//! <https://www.rfc-editor.org/rfc/rfc2104>); it is never stored. Editing the record never
//! unlocks: a changed byte makes every passphrase wrong, and a row that does not parse stays
//! locked with no way to unlock but a restore. Triggers make one `DELETE` or `UPDATE` of the
//! row fail; only [`MinorMode::disable`], given the passphrase, drops and re-creates them in
//! the transaction that deletes the row. What this does not stop (someone with the OS
//! account and a SQLite shell or a hex editor) is in the README, "Minor mode".
//!
//! Wallets from before schema 4 kept minor mode in two plain settings; migration 0004 turns
//! them into a legacy record (`BPMINOR0` + the old Argon2id PHC hash), locked, which the first
//! unlock with the right passphrase reseals as a version-1 record.

use argon2::password_hash::{PasswordHash, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use hmac::{Hmac, Mac};
use rand_core::{CryptoRng, OsRng, RngCore};
use rusqlite::OptionalExtension;
use zeroize::Zeroizing;

use crate::backup::{
    KdfParams, MAX_ARGON2_MEMORY_KIB, MAX_ARGON2_PARALLELISM, MAX_ARGON2_TIME_COST,
};
use crate::store::{StoreError, Wallet, keys};

/// What minor mode guards: every way data leaves the wallet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Any network access (verification fetches, `--allow-network`, the app's setting).
    Network,
    /// Exporting a portfolio, bundle, presentation or PDF.
    Export,
    /// Writing a backup.
    Backup,
    /// Saving or printing a badge's original file (`show --original`, "Save original").
    Original,
    /// Restoring a backup over this wallet (it would replace the lock itself).
    Restore,
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Action::Network => "network access",
            Action::Export => "exporting",
            Action::Backup => "a backup",
            Action::Original => "saving a badge's original file",
            Action::Restore => "restoring a backup over this wallet",
        })
    }
}

/// Why minor mode refused. Messages are one lower-case line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MinorModeError {
    /// The action needs the guardian passphrase.
    #[error("minor mode is on: {0} needs the guardian passphrase")]
    Locked(Action),
    /// The passphrase given is not the guardian's.
    #[error("that is not the guardian passphrase")]
    WrongPassphrase,
    /// Turning it on twice.
    #[error("minor mode is already on")]
    AlreadyOn,
    /// Unlocking or turning off while it is off.
    #[error("minor mode is off")]
    Off,
    /// A new passphrase is too short.
    #[error("the guardian passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")]
    TooShort,
    /// The record cannot be read: it stays locked (fail closed).
    #[error(
        "the minor mode record of this wallet is damaged, so minor mode stays on and cannot be unlocked: restore a backup made before it was damaged"
    )]
    Damaged,
    /// Hashing failed.
    #[error("guardian passphrase: {0}")]
    Kdf(String),
    /// The wallet failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for MinorModeError {
    fn from(e: rusqlite::Error) -> Self {
        MinorModeError::Store(StoreError::Sqlite(e))
    }
}

/// Shortest guardian passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 6;

const MAGIC_V1: &[u8; 8] = b"BPMINOR1";
const MAGIC_LEGACY: &[u8; 8] = b"BPMINOR0";
const HEADER_LEN: usize = 8 + 12 + 16;
const RECORD_LEN: usize = HEADER_LEN + 32;
const MAC_CONTEXT: &[u8] = b"backpack minor mode v1";

/// The trigger that makes one `DELETE` of the record fail (as created by migration 0004).
pub const NO_DELETE_TRIGGER: &str = "CREATE TRIGGER minor_mode_no_delete BEFORE DELETE ON minor_mode
BEGIN
    SELECT RAISE(ABORT, 'minor mode is a guardian''s lock: turn it off in backpack with the guardian passphrase');
END";
/// The trigger that makes one `UPDATE` of the record fail (as created by migration 0004).
pub const NO_UPDATE_TRIGGER: &str = "CREATE TRIGGER minor_mode_no_update BEFORE UPDATE ON minor_mode
BEGIN
    SELECT RAISE(ABORT, 'minor mode is a guardian''s lock: turn it off in backpack with the guardian passphrase');
END";

/// Proof that the guardian passphrase was checked against the wallet's current record: the
/// app keeps one for its unlocked session, the CLI for one command. It stops counting as soon
/// as the record changes (turned off and on again, or tampered with). A clone is the same proof
/// (a long host sign-in holds one without locking the app's session).
#[derive(Clone)]
pub struct GuardianUnlock {
    record: Vec<u8>,
}

impl std::fmt::Debug for GuardianUnlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GuardianUnlock")
    }
}

/// The parsed state of a record.
enum Record {
    /// Version 1: KDF parameters, salt, tag.
    Sealed {
        params: KdfParams,
        salt: [u8; 16],
        tag: [u8; 32],
    },
    /// From schema 1–3: an Argon2id PHC string.
    Legacy(String),
    /// Anything else: locked for good.
    Damaged,
}

fn parse(record: &[u8]) -> Record {
    if record.len() == RECORD_LEN && &record[..8] == MAGIC_V1 {
        let u = |at: usize| u32::from_le_bytes(record[at..at + 4].try_into().unwrap_or([0; 4]));
        let params = KdfParams {
            memory_kib: u(8),
            time_cost: u(12),
            parallelism: u(16),
        };
        if params.memory_kib > MAX_ARGON2_MEMORY_KIB
            || params.time_cost > MAX_ARGON2_TIME_COST
            || params.parallelism > MAX_ARGON2_PARALLELISM
        {
            return Record::Damaged;
        }
        let mut salt = [0u8; 16];
        salt.copy_from_slice(&record[20..36]);
        let mut tag = [0u8; 32];
        tag.copy_from_slice(&record[36..68]);
        return Record::Sealed { params, salt, tag };
    }
    if record.len() > 8 && &record[..8] == MAGIC_LEGACY {
        return match std::str::from_utf8(&record[8..]) {
            Ok(phc) if PasswordHash::new(phc).is_ok() => Record::Legacy(phc.to_string()),
            _ => Record::Damaged,
        };
    }
    Record::Damaged
}

fn derive(
    passphrase: &str,
    salt: &[u8],
    p: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, MinorModeError> {
    let params = Params::new(p.memory_kib, p.time_cost, p.parallelism, Some(32))
        .map_err(|e| MinorModeError::Kdf(e.to_string().to_lowercase()))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key[..])
        .map_err(|e| MinorModeError::Kdf(e.to_string().to_lowercase()))?;
    Ok(key)
}

fn mac(key: &[u8; 32], header: &[u8]) -> Hmac<sha2::Sha256> {
    let mut m = <Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("hmac takes any key");
    m.update(MAC_CONTEXT);
    m.update(header);
    m
}

/// A new version-1 record for `passphrase`.
fn seal<R: RngCore + CryptoRng>(
    passphrase: &str,
    params: KdfParams,
    rng: &mut R,
) -> Result<Vec<u8>, MinorModeError> {
    let mut salt = [0u8; 16];
    rng.fill_bytes(&mut salt);
    let key = derive(passphrase, &salt, params)?;
    let mut rec = Vec::with_capacity(RECORD_LEN);
    rec.extend_from_slice(MAGIC_V1);
    rec.extend_from_slice(&params.memory_kib.to_le_bytes());
    rec.extend_from_slice(&params.time_cost.to_le_bytes());
    rec.extend_from_slice(&params.parallelism.to_le_bytes());
    rec.extend_from_slice(&salt);
    let tag = mac(&key, &rec).finalize().into_bytes();
    rec.extend_from_slice(&tag);
    Ok(rec)
}

/// Does `passphrase` open `record`? (`Damaged` for a record nothing opens.)
fn verify(record: &[u8], passphrase: &str) -> Result<bool, MinorModeError> {
    match parse(record) {
        Record::Sealed { params, salt, tag } => {
            let key = derive(passphrase, &salt, params)?;
            Ok(mac(&key, &record[..HEADER_LEN]).verify_slice(&tag).is_ok())
        }
        Record::Legacy(phc) => {
            let parsed = PasswordHash::new(&phc).map_err(|_| MinorModeError::Damaged)?;
            Ok(Argon2::default()
                .verify_password(passphrase.as_bytes(), &parsed)
                .is_ok())
        }
        Record::Damaged => Err(MinorModeError::Damaged),
    }
}

/// The wallet's minor-mode state, read once.
#[derive(Debug, Clone)]
pub struct MinorMode {
    /// The record: `None` = off; anything else = on.
    record: Option<Vec<u8>>,
}

impl MinorMode {
    /// Read the state. A wallet whose `minor_mode` table is gone is locked (fail closed).
    pub fn load(wallet: &Wallet) -> Result<MinorMode, MinorModeError> {
        let r = wallet.with_conn(|c| {
            c.query_row("SELECT record FROM minor_mode WHERE id = 1", [], |r| {
                r.get::<_, Vec<u8>>(0)
            })
            .optional()
        })?;
        match r {
            Ok(record) => Ok(MinorMode { record }),
            // A row that is not a blob: on, and unreadable.
            Err(rusqlite::Error::InvalidColumnType(..)) => Ok(MinorMode {
                record: Some(Vec::new()),
            }),
            Err(rusqlite::Error::SqliteFailure(_, Some(msg))) if msg.contains("no such table") => {
                Ok(MinorMode {
                    record: Some(Vec::new()),
                })
            }
            Err(e) => Err(e.into()),
        }
    }

    /// True when minor mode is on (including a damaged record).
    pub fn is_on(&self) -> bool {
        self.record.is_some()
    }

    /// May `action` happen? Off: yes. On: only with an unlock made for the current record.
    pub fn require(
        &self,
        action: Action,
        unlock: Option<&GuardianUnlock>,
    ) -> Result<(), MinorModeError> {
        match (&self.record, unlock) {
            (None, _) => Ok(()),
            (Some(rec), Some(u)) if !rec.is_empty() && u.record == *rec => Ok(()),
            _ => Err(MinorModeError::Locked(action)),
        }
    }

    /// [`MinorMode::load`] then [`MinorMode::require`]: the wallet's state now (the app calls
    /// this on every outward action, so a lock set by another process counts at once).
    pub fn check(
        wallet: &Wallet,
        action: Action,
        unlock: Option<&GuardianUnlock>,
    ) -> Result<(), MinorModeError> {
        MinorMode::load(wallet)?.require(action, unlock)
    }

    /// Check the guardian passphrase; the proof the outward actions accept. A legacy record is
    /// resealed as version 1 on the way (default cost).
    pub fn unlock(wallet: &Wallet, passphrase: &str) -> Result<GuardianUnlock, MinorModeError> {
        let mm = MinorMode::load(wallet)?;
        let Some(record) = mm.record else {
            return Err(MinorModeError::Off);
        };
        if !verify(&record, passphrase)? {
            return Err(MinorModeError::WrongPassphrase);
        }
        if let Record::Legacy(_) = parse(&record) {
            let new = seal(passphrase, KdfParams::default(), &mut OsRng)?;
            replace_record(wallet, &record, Some(&new))?;
            return Ok(GuardianUnlock { record: new });
        }
        Ok(GuardianUnlock { record })
    }

    /// Turn minor mode on with a new guardian passphrase (default Argon2id cost). Network
    /// access is also switched off in the settings, so unlocking later does not go online by
    /// surprise.
    pub fn enable(wallet: &Wallet, passphrase: &str) -> Result<(), MinorModeError> {
        MinorMode::enable_with(wallet, passphrase, KdfParams::default(), &mut OsRng)
    }

    /// [`MinorMode::enable`] with explicit cost parameters and randomness (tests).
    pub fn enable_with<R: RngCore + CryptoRng>(
        wallet: &Wallet,
        passphrase: &str,
        params: KdfParams,
        rng: &mut R,
    ) -> Result<(), MinorModeError> {
        if MinorMode::load(wallet)?.is_on() {
            return Err(MinorModeError::AlreadyOn);
        }
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(MinorModeError::TooShort);
        }
        let record = seal(passphrase, params, rng)?;
        wallet
            .with_conn(|c| -> rusqlite::Result<()> {
                let tx = c.unchecked_transaction()?;
                tx.execute(
                    "INSERT INTO minor_mode (id, record) VALUES (1, ?1)",
                    [&record],
                )?;
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, 'false')
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [keys::NETWORK_ALLOWED],
                )?;
                tx.commit()
            })?
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    MinorModeError::AlreadyOn
                }
                e => e.into(),
            })
    }

    /// Turn minor mode off: needs the guardian passphrase.
    pub fn disable(wallet: &Wallet, passphrase: &str) -> Result<(), MinorModeError> {
        let unlock = MinorMode::unlock(wallet, passphrase)?;
        replace_record(wallet, &unlock.record, None)
    }
}

/// Replace (or with `None` delete) the record, if it is still `expected`: drop the guard
/// trigger, change the row, re-create the trigger, in one IMMEDIATE transaction.
fn replace_record(
    wallet: &Wallet,
    expected: &[u8],
    new: Option<&[u8]>,
) -> Result<(), MinorModeError> {
    wallet.with_conn(|c| -> Result<(), MinorModeError> {
        c.execute_batch("BEGIN IMMEDIATE")?;
        let r = (|| -> Result<(), MinorModeError> {
            let now: Option<Vec<u8>> = c
                .query_row("SELECT record FROM minor_mode WHERE id = 1", [], |r| {
                    r.get(0)
                })
                .optional()?;
            if now.as_deref() != Some(expected) {
                // Changed since the passphrase was checked: check again.
                return Err(MinorModeError::WrongPassphrase);
            }
            match new {
                Some(rec) => {
                    c.execute_batch("DROP TRIGGER minor_mode_no_update")?;
                    c.execute("UPDATE minor_mode SET record = ?1 WHERE id = 1", [rec])?;
                    c.execute_batch(NO_UPDATE_TRIGGER)?;
                }
                None => {
                    c.execute_batch("DROP TRIGGER minor_mode_no_delete")?;
                    c.execute("DELETE FROM minor_mode", [])?;
                    c.execute_batch(NO_DELETE_TRIGGER)?;
                }
            }
            Ok(())
        })();
        match r {
            Ok(()) => Ok(c.execute_batch("COMMIT")?),
            Err(e) => {
                let _ = c.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    })?
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        time_cost: 1,
        parallelism: 1,
    };

    fn on(w: &Wallet) {
        MinorMode::enable_with(w, "guardian-1", FAST, &mut OsRng).unwrap();
    }

    fn sql(w: &Wallet, q: &str) -> rusqlite::Result<usize> {
        w.with_conn(|c| c.execute(q, [])).unwrap()
    }

    #[test]
    fn off_allows_on_locks_every_action_until_unlocked() {
        let w = Wallet::open_in_memory().unwrap();
        let all = [
            Action::Network,
            Action::Export,
            Action::Backup,
            Action::Original,
            Action::Restore,
        ];
        for a in all {
            MinorMode::check(&w, a, None).unwrap();
        }
        on(&w);
        for a in all {
            let e = MinorMode::check(&w, a, None).unwrap_err();
            assert!(matches!(e, MinorModeError::Locked(x) if x == a), "{e}");
        }
        assert_eq!(
            MinorMode::check(&w, Action::Network, None)
                .unwrap_err()
                .to_string(),
            "minor mode is on: network access needs the guardian passphrase"
        );
        assert!(matches!(
            MinorMode::unlock(&w, "guardian-2"),
            Err(MinorModeError::WrongPassphrase)
        ));
        let u = MinorMode::unlock(&w, "guardian-1").unwrap();
        for a in all {
            MinorMode::check(&w, a, Some(&u)).unwrap();
        }
        // Off again (needs the passphrase), then on with another one: the old unlock is void.
        assert!(matches!(
            MinorMode::disable(&w, "nope-nope"),
            Err(MinorModeError::WrongPassphrase)
        ));
        MinorMode::disable(&w, "guardian-1").unwrap();
        MinorMode::check(&w, Action::Export, None).unwrap();
        on(&w);
        assert!(MinorMode::check(&w, Action::Export, Some(&u)).is_err());
        assert!(matches!(
            MinorMode::enable_with(&w, "another-1", FAST, &mut OsRng),
            Err(MinorModeError::AlreadyOn)
        ));
    }

    #[test]
    fn short_passphrase_refused() {
        let w = Wallet::open_in_memory().unwrap();
        assert_eq!(
            MinorMode::enable_with(&w, "abc", FAST, &mut OsRng)
                .unwrap_err()
                .to_string(),
            "the guardian passphrase needs at least 6 characters"
        );
        assert!(!MinorMode::load(&w).unwrap().is_on());
    }

    #[test]
    fn one_sql_statement_cannot_turn_it_off() {
        let w = Wallet::open_in_memory().unwrap();
        on(&w);
        // The old soft lock: a settings row. It means nothing now.
        w.set_setting("minor_mode", "false").unwrap();
        assert!(MinorMode::check(&w, Action::Export, None).is_err());
        // DELETE and UPDATE of the record are refused by the triggers.
        let e = sql(&w, "DELETE FROM minor_mode").unwrap_err();
        assert!(e.to_string().contains("guardian's lock"), "{e}");
        let e = sql(&w, "UPDATE minor_mode SET record = x'00'").unwrap_err();
        assert!(e.to_string().contains("guardian's lock"), "{e}");
        // Dropping the table: fail closed, still locked and now not unlockable.
        sql(&w, "DROP TABLE minor_mode").unwrap();
        assert!(MinorMode::load(&w).unwrap().is_on());
        assert!(matches!(
            MinorMode::unlock(&w, "guardian-1"),
            Err(MinorModeError::Damaged)
        ));
    }

    #[test]
    fn any_changed_byte_fails_closed() {
        let w = Wallet::open_in_memory().unwrap();
        on(&w);
        let rec = MinorMode::load(&w).unwrap().record.unwrap();
        for i in 0..rec.len() {
            let mut bad = rec.clone();
            bad[i] ^= 0x01;
            // What an attacker who drops the trigger could write.
            assert!(
                !matches!(verify(&bad, "guardian-1"), Ok(true)),
                "byte {i} flipped still opens"
            );
        }
        for bad in [
            &b""[..],
            b"BPMINOR1",
            &rec[..RECORD_LEN - 1],
            b"BPMINOR0not-a-phc",
        ] {
            assert!(matches!(
                verify(bad, "guardian-1"),
                Err(MinorModeError::Damaged)
            ));
        }
        // Absurd cost parameters are refused before any hashing.
        let mut huge = rec.clone();
        huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(parse(&huge), Record::Damaged));
    }

    #[test]
    fn legacy_settings_become_a_locked_record_resealed_on_unlock() {
        use argon2::password_hash::{PasswordHasher, SaltString};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let phc = Argon2::default()
            .hash_password(b"old-guardian", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        {
            // A schema-2 wallet with the soft lock on.
            let c = rusqlite::Connection::open(&path).unwrap();
            for (_, m) in &crate::store::MIGRATIONS[..2] {
                c.execute_batch(m).unwrap();
            }
            c.execute_batch("PRAGMA user_version = 2").unwrap();
            c.execute(
                "INSERT INTO settings (key, value) VALUES ('minor_mode', 'true'), ('guardian_passphrase_hash', ?1)",
                [&phc],
            )
            .unwrap();
        }
        let w = Wallet::open(&path).unwrap();
        assert_eq!(w.setting("minor_mode").unwrap(), None);
        assert_eq!(w.setting("guardian_passphrase_hash").unwrap(), None);
        assert!(MinorMode::check(&w, Action::Backup, None).is_err());
        assert!(MinorMode::unlock(&w, "wrong-guess").is_err());
        let u = MinorMode::unlock(&w, "old-guardian").unwrap();
        MinorMode::check(&w, Action::Backup, Some(&u)).unwrap();
        let rec = MinorMode::load(&w).unwrap().record.unwrap();
        assert!(rec.starts_with(MAGIC_V1), "resealed");
        MinorMode::disable(&w, "old-guardian").unwrap();
        assert!(!MinorMode::load(&w).unwrap().is_on());
    }

    #[test]
    fn triggers_match_the_migration() {
        let w = Wallet::open_in_memory().unwrap();
        on(&w);
        MinorMode::disable(&w, "guardian-1").unwrap();
        // disable re-created the trigger from the constant: it must be the migration's text.
        let fresh = Wallet::open_in_memory().unwrap();
        let q = "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
        let get = |w: &Wallet| -> Vec<String> {
            w.with_conn(|c| {
                c.prepare(q)
                    .unwrap()
                    .query_map([], |r| r.get(0))
                    .unwrap()
                    .collect::<Result<Vec<String>, _>>()
                    .unwrap()
            })
            .unwrap()
        };
        assert_eq!(get(&w), get(&fresh));
        assert_eq!(get(&fresh), vec![NO_DELETE_TRIGGER, NO_UPDATE_TRIGGER]);
    }
}
