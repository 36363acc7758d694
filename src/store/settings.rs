//! Settings (key/value) and the learner's signing key row (issue 5).
//!
//! Known keys are in [`keys`]; unknown keys are stored as given so a newer app's settings
//! survive an older one.

use rusqlite::{OptionalExtension, params};
use zeroize::Zeroizing;

use super::{StoreError, StoreResult, Wallet};

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

/// The learner's key as stored. The secret is zeroized on drop; this type has no `Clone`,
/// `Debug` or `Serialize`.
pub struct LearnerKeyRecord {
    /// Algorithm, `Ed25519`.
    pub algorithm: String,
    /// The public key bytes.
    pub public_key: Vec<u8>,
    /// The secret key bytes (seed).
    pub secret: Zeroizing<Vec<u8>>,
    /// The did:key.
    pub did: String,
    /// When it was created.
    pub created_at: String,
}

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
            return Err(StoreError::Invalid("a setting needs a name".into()));
        }
        if value.len() > MAX_SETTING_BYTES {
            return Err(StoreError::Invalid(format!(
                "setting {key:?} is longer than {MAX_SETTING_BYTES} bytes"
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
                "SELECT algorithm, public_key, secret, did, created_at FROM learner_keys ORDER BY id LIMIT 1",
            )?
            .query_row([], |r| {
                Ok(LearnerKeyRecord {
                    algorithm: r.get(0)?,
                    public_key: r.get(1)?,
                    secret: Zeroizing::new(r.get(2)?),
                    did: r.get(3)?,
                    created_at: r.get(4)?,
                })
            })
            .optional()?)
    }

    /// Store the learner's key. Refused when one exists: a key is never silently replaced
    /// (presentations signed with it would stop verifying against the learner's DID).
    pub fn save_learner_key(
        &self,
        algorithm: &str,
        public_key: &[u8],
        secret: &[u8],
        did: &str,
    ) -> StoreResult<()> {
        let now = self.now();
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let exists = tx
            .prepare_cached("SELECT 1 FROM learner_keys")?
            .exists([])?;
        if exists {
            return Err(StoreError::Invalid(
                "the wallet already has a learner key".into(),
            ));
        }
        tx.execute(
            "INSERT INTO learner_keys (algorithm, public_key, secret, did, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![algorithm, public_key, secret, did, now],
        )?;
        tx.commit()?;
        Ok(())
    }
}
