//! Where a host's secrets live: the client secret from registration and the OAuth tokens,
//! behind the [`TokenStore`] trait.
//!
//! - [`KeyringTokenStore`]: the OS credential store through the `keyring` crate (Secret Service
//!   on Linux, Keychain on macOS, Credential Manager on Windows), one entry per host, service
//!   [`KeyringTokenStore::SERVICE`], account = the host's random `secret_ref`.
//! - [`MemoryTokenStore`]: this process only. Tests use it, and it is the **fallback** when no
//!   credential store is available (a headless Linux without Secret Service): the secrets are
//!   kept until the program ends and the learner signs in again next time. Secrets are never
//!   written to disk in plain text: there is no file fallback.
//!
//! [`HostSecrets`] holds the values in [`Zeroizing`] strings and has no `Debug` that shows them.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Why the store failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenStoreError {
    /// There is no credential store on this machine (or it is locked / unreachable).
    #[error("no credential store is available ({0})")]
    Unavailable(String),
    /// The store answered with an error.
    #[error("the credential store failed: {0}")]
    Failed(String),
}

/// What one host's entry holds.
#[derive(Clone, Default)]
pub struct HostSecrets {
    /// The client secret from dynamic client registration (RFC 7591).
    pub client_secret: Zeroizing<String>,
    /// The current access token.
    pub access_token: Zeroizing<String>,
    /// The refresh token, if the host gave one.
    pub refresh_token: Option<Zeroizing<String>>,
    /// When the access token expires (seconds since the epoch), if the host said.
    pub expires_at: Option<i64>,
}

/// The entry's JSON form (moved into [`Zeroizing`] strings as soon as it is read).
#[derive(Serialize, Deserialize)]
struct Entry<S> {
    client_secret: S,
    access_token: S,
    #[serde(default)]
    refresh_token: Option<S>,
    #[serde(default)]
    expires_at: Option<i64>,
}

impl std::fmt::Debug for HostSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HostSecrets")
            .field("has_refresh_token", &self.refresh_token.is_some())
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl HostSecrets {
    fn to_json(&self) -> Zeroizing<String> {
        let e = Entry::<&str> {
            client_secret: &self.client_secret,
            access_token: &self.access_token,
            refresh_token: self.refresh_token.as_deref().map(String::as_str),
            expires_at: self.expires_at,
        };
        // Serialising strings and an integer cannot fail.
        Zeroizing::new(serde_json::to_string(&e).unwrap_or_default())
    }

    fn from_json(s: &str) -> Result<HostSecrets, TokenStoreError> {
        let e: Entry<String> = serde_json::from_str(s)
            .map_err(|_| TokenStoreError::Failed("the stored entry is not readable".into()))?;
        Ok(HostSecrets {
            client_secret: Zeroizing::new(e.client_secret),
            access_token: Zeroizing::new(e.access_token),
            refresh_token: e.refresh_token.map(Zeroizing::new),
            expires_at: e.expires_at,
        })
    }
}

/// A place for host secrets, outside the wallet file.
pub trait TokenStore: Send + Sync {
    /// The secrets under `key`, `None` when there are none.
    fn load(&self, key: &str) -> Result<Option<HostSecrets>, TokenStoreError>;
    /// Keep `secrets` under `key`, replacing what was there.
    fn save(&self, key: &str, secrets: &HostSecrets) -> Result<(), TokenStoreError>;
    /// Forget `key` (no error when it was not there).
    fn delete(&self, key: &str) -> Result<(), TokenStoreError>;
    /// Does it outlive this process?
    fn persistent(&self) -> bool;
    /// "the system credential store", for messages.
    fn describe(&self) -> &'static str;
}

/// The OS credential store.
#[derive(Debug, Clone)]
pub struct KeyringTokenStore {
    service: String,
}

impl Default for KeyringTokenStore {
    fn default() -> Self {
        KeyringTokenStore::new()
    }
}

impl KeyringTokenStore {
    /// The service name of Backpack's host entries.
    pub const SERVICE: &'static str = "org.backpack.host-tokens";

    /// The system credential store.
    pub fn new() -> KeyringTokenStore {
        KeyringTokenStore {
            service: Self::SERVICE.into(),
        }
    }

    /// Another service name (tests against a real store use their own).
    pub fn with_service(service: &str) -> KeyringTokenStore {
        KeyringTokenStore {
            service: service.into(),
        }
    }

    fn entry(&self, key: &str) -> Result<keyring::Entry, TokenStoreError> {
        keyring::Entry::new(&self.service, key).map_err(map_err)
    }

    /// Is a credential store reachable? Writes and deletes a probe entry.
    pub fn available(&self) -> Result<(), TokenStoreError> {
        let e = self.entry("backpack-probe")?;
        e.set_password("probe").map_err(map_err)?;
        let _ = e.delete_credential();
        Ok(())
    }
}

fn map_err(e: keyring::Error) -> TokenStoreError {
    match e {
        keyring::Error::NoStorageAccess(inner) => {
            TokenStoreError::Unavailable(one_line(&inner.to_string()))
        }
        keyring::Error::PlatformFailure(inner) => {
            TokenStoreError::Unavailable(one_line(&inner.to_string()))
        }
        other => TokenStoreError::Failed(one_line(&other.to_string())),
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

impl TokenStore for KeyringTokenStore {
    fn load(&self, key: &str) -> Result<Option<HostSecrets>, TokenStoreError> {
        match self.entry(key)?.get_password() {
            Ok(s) => {
                let s = Zeroizing::new(s);
                HostSecrets::from_json(&s).map(Some)
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_err(e)),
        }
    }

    fn save(&self, key: &str, secrets: &HostSecrets) -> Result<(), TokenStoreError> {
        self.entry(key)?
            .set_password(&secrets.to_json())
            .map_err(map_err)
    }

    fn delete(&self, key: &str) -> Result<(), TokenStoreError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }

    fn persistent(&self) -> bool {
        true
    }

    fn describe(&self) -> &'static str {
        "the system credential store"
    }
}

/// Secrets held in this process only: for tests, and the fallback without a credential store.
#[derive(Default)]
pub struct MemoryTokenStore {
    entries: Mutex<HashMap<String, Zeroizing<String>>>,
}

impl std::fmt::Debug for MemoryTokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemoryTokenStore")
    }
}

impl MemoryTokenStore {
    /// Empty.
    pub fn new() -> MemoryTokenStore {
        MemoryTokenStore::default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl TokenStore for MemoryTokenStore {
    fn load(&self, key: &str) -> Result<Option<HostSecrets>, TokenStoreError> {
        let e = self
            .entries
            .lock()
            .map_err(|_| TokenStoreError::Failed("memory store poisoned".into()))?;
        e.get(key).map(|s| HostSecrets::from_json(s)).transpose()
    }

    fn save(&self, key: &str, secrets: &HostSecrets) -> Result<(), TokenStoreError> {
        self.entries
            .lock()
            .map_err(|_| TokenStoreError::Failed("memory store poisoned".into()))?
            .insert(key.to_string(), secrets.to_json());
        Ok(())
    }

    fn delete(&self, key: &str) -> Result<(), TokenStoreError> {
        self.entries
            .lock()
            .map_err(|_| TokenStoreError::Failed("memory store poisoned".into()))?
            .remove(key);
        Ok(())
    }

    fn persistent(&self) -> bool {
        false
    }

    fn describe(&self) -> &'static str {
        "memory (this session only)"
    }
}

/// The store a host program should use: the OS credential store when one answers, else
/// memory for this process, with the reason (for one clear line to the learner).
pub fn system_or_memory() -> (Box<dyn TokenStore>, Option<TokenStoreError>) {
    let k = KeyringTokenStore::new();
    match k.available() {
        Ok(()) => (Box::new(k), None),
        Err(e) => (Box::new(MemoryTokenStore::new()), Some(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_round_trip_and_debug_hides_secrets() {
        let s = MemoryTokenStore::new();
        let secrets = HostSecrets {
            client_secret: Zeroizing::new("CS".into()),
            access_token: Zeroizing::new("AT-SECRET".into()),
            refresh_token: Some(Zeroizing::new("RT-SECRET".into())),
            expires_at: Some(5),
        };
        s.save("k", &secrets).unwrap();
        let back = s.load("k").unwrap().unwrap();
        assert_eq!(back.access_token.as_str(), "AT-SECRET");
        assert_eq!(
            back.refresh_token.as_deref().map(|s| s.as_str()),
            Some("RT-SECRET")
        );
        assert_eq!(back.expires_at, Some(5));
        let d = format!("{back:?}");
        assert!(!d.contains("SECRET") && !d.contains("CS"), "{d}");
        s.delete("k").unwrap();
        assert!(s.load("k").unwrap().is_none());
        assert!(!s.persistent());
    }
}
