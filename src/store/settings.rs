//! Settings (key/value) and the learner's signing key row (issue 5).
//!
//! Known keys are in [`keys`]; unknown keys are stored as given so a newer app's settings
//! survive an older one.

use rusqlite::{OptionalExtension, params};
use zeroize::Zeroizing;

use super::{StoreError, StoreResult, Wallet};
use crate::localize::msg;

/// Known setting keys.
pub mod keys {
    /// `"true"` when the learner allowed network access for verification (off by default).
    pub const NETWORK_ALLOWED: &str = "network_allowed";
    /// `"true"` when minor mode hides sharing and network features.
    pub const MINOR_MODE: &str = "minor_mode";
    /// The guardian passphrase hash (a PHC string, e.g. Argon2id).
    pub const GUARDIAN_PASSPHRASE_HASH: &str = "guardian_passphrase_hash";
    /// Title at the top of exported portfolios.
    pub const PORTFOLIO_TITLE: &str = "portfolio_title";
    /// The learner's display name on exports.
    pub const LEARNER_NAME: &str = "learner_name";
    /// UI theme: `system`, `light` or `dark`.
    pub const THEME: &str = "theme";
}

/// Longest setting value accepted.
pub const MAX_SETTING_BYTES: usize = 64 * 1024;

/// The learner's key as the wallet records it. Since schema 4 the secret is not in the
/// database: `secret` is empty and `secret_store` says where it is (see
/// [`crate::learner_key`]). A row from before keeps its secret here until it is migrated.
/// The secret is zeroized on drop; this type has no `Clone`, `Debug` or `Serialize`.
pub struct LearnerKeyRecord {
    /// Algorithm, `Ed25519`.
    pub algorithm: String,
    /// The public key bytes.
    pub public_key: Vec<u8>,
    /// A secret not yet moved out of the wallet (schema < 4); empty otherwise.
    pub secret: Zeroizing<Vec<u8>>,
    /// Where the secret lives (`os-keyring`, `key-file`, `memory`); `None` = still in `secret`.
    pub secret_store: Option<String>,
    /// The did:key.
    pub did: String,
    /// When it was created.
    pub created_at: String,
}

/// Setting set while a wiped secret may still sit in freed pages of the file (the `VACUUM`
/// that removes them was blocked by another connection); cleared once it ran.
const SECRET_PURGE_PENDING: &str = "learner_secret_purge_pending";

impl Wallet {
    /// A setting's value.
    pub fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn()?
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Set a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> StoreResult<()> {
        if key.trim().is_empty() {
            return Err(StoreError::Invalid(msg!("err-store-setting-no-name")));
        }
        if value.len() > MAX_SETTING_BYTES {
            return Err(StoreError::Invalid(msg!(
                "err-store-setting-long",
                key = format!("{key:?}"),
                max = MAX_SETTING_BYTES
            )));
        }
        self.conn()?.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Remove a setting (back to its default).
    pub fn clear_setting(&self, key: &str) -> StoreResult<()> {
        self.conn()?
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    /// A yes/no setting; `default` when unset or not `true`/`false`.
    pub fn setting_bool(&self, key: &str, default: bool) -> StoreResult<bool> {
        Ok(match self.setting(key)?.as_deref() {
            Some("true") => true,
            Some("false") => false,
            _ => default,
        })
    }

    /// Set a yes/no setting.
    pub fn set_setting_bool(&self, key: &str, value: bool) -> StoreResult<()> {
        self.set_setting(key, if value { "true" } else { "false" })
    }

    /// The learner's key, if one was created.
    pub fn learner_key(&self) -> StoreResult<Option<LearnerKeyRecord>> {
        Ok(self
            .conn()?
            .prepare_cached(
                "SELECT algorithm, public_key, secret, did, created_at, secret_store FROM learner_keys ORDER BY id LIMIT 1",
            )?
            .query_row([], |r| {
                Ok(LearnerKeyRecord {
                    algorithm: r.get(0)?,
                    public_key: r.get(1)?,
                    secret: Zeroizing::new(r.get(2)?),
                    did: r.get(3)?,
                    created_at: r.get(4)?,
                    secret_store: r.get(5)?,
                })
            })
            .optional()?)
    }

    /// Record a new learner key whose secret `keep` puts somewhere outside the database
    /// (returning where: `os-keyring`, `key-file`, …). One IMMEDIATE transaction: two
    /// processes creating a key at once are serialised, and the second one finds the first's
    /// key (`Ok(false)`, `keep` not called). A key is never replaced: presentations signed with
    /// it would stop matching the learner's DID.
    pub fn create_learner_key<E: From<StoreError>>(
        &self,
        algorithm: &str,
        public_key: &[u8],
        did: &str,
        keep: impl FnOnce() -> Result<&'static str, E>,
    ) -> Result<bool, E> {
        let now = self.now();
        let mut conn = self.conn()?;
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let exists = tx
            .prepare_cached("SELECT 1 FROM learner_keys")
            .and_then(|mut s| s.exists([]))
            .map_err(StoreError::from)?;
        if exists {
            return Ok(false);
        }
        let store = keep()?;
        tx.execute(
            "INSERT INTO learner_keys (algorithm, public_key, secret, did, created_at, secret_store)
             VALUES (?1, ?2, X'', ?3, ?4, ?5)",
            params![algorithm, public_key, did, now, store],
        )
        .map_err(StoreError::from)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(true)
    }

    /// The secret now lives in `store`: empty the column and rewrite the file so its bytes are
    /// gone from the wallet and its WAL (`secure_delete`, checkpoint, `VACUUM`, checkpoint).
    /// When another connection blocks the rewrite, it is finished by the next
    /// [`Wallet::finish_secret_purge`].
    pub fn wipe_learner_secret(&self, store: &str) -> StoreResult<()> {
        {
            let mut conn = self.conn()?;
            conn.execute_batch("PRAGMA secure_delete = ON")?;
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(
                "UPDATE learner_keys SET secret = X'', secret_store = ?1 WHERE secret_store IS NULL",
                [store],
            )?;
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, 'true')
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [SECRET_PURGE_PENDING],
            )?;
            tx.commit()?;
        }
        self.finish_secret_purge()
    }

    /// Finish an interrupted [`Wallet::wipe_learner_secret`]: rewrite the whole file (the
    /// freed pages that held the secret) and empty the WAL. Best effort: if another process
    /// holds the wallet, it stays pending for the next open.
    pub fn finish_secret_purge(&self) -> StoreResult<()> {
        if self.setting(SECRET_PURGE_PENDING)?.is_none() {
            return Ok(());
        }
        let conn = self.conn()?;
        conn.execute_batch("PRAGMA secure_delete = ON")?;
        let done = (|| -> rusqlite::Result<bool> {
            let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy != 0 {
                return Ok(false);
            }
            conn.execute_batch("VACUUM")?;
            conn.execute(
                "DELETE FROM settings WHERE key = ?1",
                [SECRET_PURGE_PENDING],
            )?;
            let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            Ok(busy == 0)
        })();
        match done {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    }
}
