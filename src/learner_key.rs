//! The learner's own signing key: an Ed25519 key pair and its `did:key`, used as the `holder`
//! of the presentations Backpack exports (keys: Controlled Identifiers <https://www.w3.org/TR/cid-1.0/>, did:key <https://w3c-ccg.github.io/did-key-spec/>, did:web <https://w3c-ccg.github.io/did-method-web/> for did:key / Multikey encoding;
//! <https://w3c-ccg.github.io/did-method-key/#ed25519-x25519>).
//!
//! The key is created on first use ([`wallet_learner_key`]). The wallet database keeps only its
//! public half, its DID and where the secret is; the secret itself lives outside the database
//! (issue 13), in the first [`SecretVault`] that takes it:
//!
//! 1. the OS credential store ([`OsKeyring`], through the `keyring` crate: Secret Service on
//!    Linux, Keychain on macOS, Credential Manager on Windows);
//! 2. where there is none (a headless box, CI), a key file beside the wallet, encrypted with
//!    a passphrase the learner chooses ([`KeyFile`]: Argon2id + XChaCha20-Poly1305, the
//!    backup format with its own magic). Never plaintext.
//!
//! Wallets written before schema 4 kept the secret in `learner_keys.secret`;
//! [`migrate_plaintext_key`] moves it out once, on open, and rewrites the file so the bytes are
//! gone. The secret also travels inside encrypted backups ([`crate::backup`]), so a restored
//! wallet keeps its DID.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use rand_core::{CryptoRng, OsRng, RngCore};
use zeroize::Zeroizing;

/// Multicodec prefix of an Ed25519 public key (`ed25519-pub`, 0xed as a varint).
const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// The learner's Ed25519 secret key.
///
/// On purpose this type has **no `Clone`, no `Serialize` and no `Debug` output** (its `Debug`
/// prints `LearnerSecret(<redacted>)`), and the key bytes are **zeroized on drop** (the inner
/// `ed25519_dalek::SigningKey` is `ZeroizeOnDrop`). The only ways out of it are
/// [`LearnerSecret::to_bytes`] (a `Zeroizing` buffer, for a [`SecretVault`]) and signing.
///
/// It cannot be cloned:
///
/// ```compile_fail
/// fn leak(s: &backpack_core::learner_key::LearnerSecret) -> backpack_core::learner_key::LearnerSecret {
///     s.clone()
/// }
/// ```
///
/// nor serialised:
///
/// ```compile_fail
/// fn ser<T: serde::Serialize>(_: &T) {}
/// fn leak(s: &backpack_core::learner_key::LearnerSecret) { ser(s) }
/// ```
pub struct LearnerSecret(SigningKey);

impl std::fmt::Debug for LearnerSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LearnerSecret(<redacted>)")
    }
}

impl LearnerSecret {
    /// A fresh random key.
    pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> LearnerSecret {
        LearnerSecret(SigningKey::generate(rng))
    }

    /// Rebuild from a 32-byte seed.
    pub fn from_bytes(seed: &[u8; 32]) -> LearnerSecret {
        LearnerSecret(SigningKey::from_bytes(seed))
    }

    /// Rebuild from a stored seed of unchecked length.
    pub fn from_slice(seed: &[u8]) -> Result<LearnerSecret, LearnerKeyError> {
        let arr: Zeroizing<[u8; 32]> = Zeroizing::new(
            seed.try_into()
                .map_err(|_| LearnerKeyError::BadLength(seed.len()))?,
        );
        Ok(LearnerSecret::from_bytes(&arr))
    }

    /// The 32-byte seed, for a [`SecretVault`] or an encrypted backup only. Zeroized when dropped.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    /// The public half.
    pub fn public(&self) -> [u8; 32] {
        self.0.verifying_key().to_bytes()
    }

    /// The signing key, for the Data Integrity signer inside the core only.
    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.0
    }

    /// Ed25519 signature over `msg`.
    pub fn sign(&self, msg: &[u8]) -> [u8; 64] {
        self.0.sign(msg).to_bytes()
    }
}

/// The learner's key pair with its DID.
#[derive(Debug)]
pub struct LearnerKey {
    secret: LearnerSecret,
    did: String,
}

impl LearnerKey {
    /// Wrap a secret and derive its did:key.
    pub fn new(secret: LearnerSecret) -> LearnerKey {
        let did = did_key_from_ed25519(&secret.public());
        LearnerKey { secret, did }
    }

    /// A fresh random key pair.
    pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> LearnerKey {
        LearnerKey::new(LearnerSecret::generate(rng))
    }

    /// `did:key:z6Mk…`.
    pub fn did(&self) -> &str {
        &self.did
    }

    /// The verification method id, `did:key:z6Mk…#z6Mk…`.
    pub fn verification_method(&self) -> String {
        crate::verify::keys::did_key_verification_method(&self.public())
    }

    /// The raw public key.
    pub fn public(&self) -> [u8; 32] {
        self.secret.public()
    }

    /// The secret half (for signing, a vault, an encrypted backup).
    pub fn secret(&self) -> &LearnerSecret {
        &self.secret
    }

    /// Check a signature made by this key.
    pub fn verify(&self, msg: &[u8], sig: &[u8; 64]) -> bool {
        VerifyingKey::from_bytes(&self.public())
            .map(|k| {
                k.verify_strict(msg, &ed25519_dalek::Signature::from_bytes(sig))
                    .is_ok()
            })
            .unwrap_or(false)
    }
}

/// `did:key` of an Ed25519 public key: `did:key:z` + base58btc(0xed01 ‖ key).
pub fn did_key_from_ed25519(public: &[u8; 32]) -> String {
    crate::verify::keys::did_key_from_ed25519(public)
}

/// The Ed25519 public key inside a `did:key:z6Mk…` (with or without a `#fragment`).
pub fn ed25519_from_did_key(did: &str) -> Option<[u8; 32]> {
    let did = did.split('#').next()?;
    let mb = did.strip_prefix("did:key:z")?;
    let bytes = bs58::decode(mb).into_vec().ok()?;
    let rest = bytes.strip_prefix(&ED25519_PUB_MULTICODEC[..])?;
    rest.try_into().ok()
}

// ── Where the secret lives (issue 13: never in the wallet database) ──────────────────────────

/// Where a learner secret is kept, as recorded in the wallet's `learner_keys.secret_store`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultKind {
    /// The OS credential store: Secret Service on Linux, Keychain on macOS, Credential Manager
    /// on Windows ([`OsKeyring`]).
    OsKeyring,
    /// A file beside the wallet, encrypted with a passphrase ([`KeyFile`]).
    KeyFile,
    /// Process memory only ([`MemoryVault`]: tests and throw-away wallets).
    Memory,
}

impl VaultKind {
    /// The id stored in the wallet.
    pub fn as_str(self) -> &'static str {
        match self {
            VaultKind::OsKeyring => "os-keyring",
            VaultKind::KeyFile => "key-file",
            VaultKind::Memory => "memory",
        }
    }

    /// Parse a stored id.
    pub fn from_id(s: &str) -> Option<VaultKind> {
        Some(match s {
            "os-keyring" => VaultKind::OsKeyring,
            "key-file" => VaultKind::KeyFile,
            "memory" => VaultKind::Memory,
            _ => return None,
        })
    }

    /// In words, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            VaultKind::OsKeyring => "the system keyring",
            VaultKind::KeyFile => "the encrypted key file beside the wallet",
            VaultKind::Memory => "memory",
        }
    }
}

/// Why a vault could not keep or give back a secret. Messages are one lower-case line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// The store is not there or refused (no Secret Service on a headless box, a locked
    /// keychain, …).
    #[error("the system keyring is not available: {0}")]
    Unavailable(String),
    /// The key file needs a passphrase and none was given.
    #[error(
        "{0}: the key file needs its passphrase (set BACKPACK_KEY_PASSPHRASE, or run in a terminal to be asked)"
    )]
    NoPassphrase(String),
    /// The passphrase does not open the key file.
    #[error("{0}: wrong passphrase for the key file")]
    WrongPassphrase(String),
    /// The key file is not one, or was altered.
    #[error("{path}: the key file is damaged: {reason}")]
    Damaged {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The key file holds a different key than the wallet names.
    #[error("{0}: this key file holds another learner key; it was left as it is")]
    Conflict(String),
    /// Reading or writing the key file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// A place outside the wallet database that keeps learner secrets, by DID. The OS keyring and
/// the key file implement it; tests use [`MemoryVault`].
pub trait SecretVault: Send + Sync {
    /// What kind of place this is (recorded in the wallet, to find the secret again).
    fn kind(&self) -> VaultKind;
    /// The 32-byte seed of the key whose DID is `did`, if this vault has it.
    fn load(&self, did: &str) -> Result<Option<Zeroizing<Vec<u8>>>, VaultError>;
    /// Keep `seed` for `did` (replacing the same key is fine; another one is refused).
    fn store(&self, did: &str, seed: &[u8]) -> Result<(), VaultError>;
}

/// The OS credential store through the `keyring` crate: one entry per learner key, service
/// [`OsKeyring::SERVICE`], account = the key's did:key (public, so nothing is leaked by the
/// entry's name).
#[derive(Debug, Clone)]
pub struct OsKeyring {
    service: String,
}

impl OsKeyring {
    /// The service name of Backpack's keyring entries.
    pub const SERVICE: &'static str = "org.backpack.learner-key";

    /// The system keyring.
    pub fn new() -> OsKeyring {
        OsKeyring {
            service: OsKeyring::SERVICE.into(),
        }
    }

    fn entry(&self, did: &str) -> Result<keyring::Entry, VaultError> {
        keyring::Entry::new(&self.service, did)
            .map_err(|e| VaultError::Unavailable(e.to_string().to_lowercase()))
    }
}

impl Default for OsKeyring {
    fn default() -> Self {
        OsKeyring::new()
    }
}

impl SecretVault for OsKeyring {
    fn kind(&self) -> VaultKind {
        VaultKind::OsKeyring
    }

    fn load(&self, did: &str) -> Result<Option<Zeroizing<Vec<u8>>>, VaultError> {
        match self.entry(did)?.get_secret() {
            Ok(s) => Ok(Some(Zeroizing::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(VaultError::Unavailable(e.to_string().to_lowercase())),
        }
    }

    fn store(&self, did: &str, seed: &[u8]) -> Result<(), VaultError> {
        let entry = self.entry(did)?;
        entry
            .set_secret(seed)
            .map_err(|e| VaultError::Unavailable(e.to_string().to_lowercase()))?;
        // Read it back: a store that accepts and forgets (a keyring that is not persisted)
        // must not become the only copy of the learner's key.
        match entry.get_secret() {
            Ok(back) if back == seed => Ok(()),
            Ok(_) => Err(VaultError::Unavailable(
                "the keyring gave back different bytes than it was given".into(),
            )),
            Err(e) => Err(VaultError::Unavailable(e.to_string().to_lowercase())),
        }
    }
}

/// What a key-file passphrase is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseUse {
    /// A new key file is about to be written: a prompt should ask twice.
    Create,
    /// An existing key file is to be opened.
    Open,
}

/// Where the host gets the key-file passphrase (the CLI: `BACKPACK_KEY_PASSPHRASE` or a
/// prompt; the app: the passphrase the learner typed in Settings). `None`: not available.
pub type PassphraseSource<'a> =
    &'a (dyn Fn(PassphraseUse) -> Option<Zeroizing<String>> + Send + Sync);

/// Magic of a key file (same layout as a backup: Argon2id + XChaCha20-Poly1305, see
/// [`crate::backup`]). The plaintext is the 32-byte seed followed by its did:key.
pub const KEY_FILE_MAGIC: &[u8; 8] = b"BPKEYFIL";

/// A key file's content: the 32-byte seed and its did:key.
type SeedAndDid = (Zeroizing<Vec<u8>>, String);

/// The fallback where no OS keyring is available (a headless box, CI): the secret in a file
/// beside the wallet (`<wallet>.key`, mode 0600), encrypted with a passphrase — never in
/// plaintext.
pub struct KeyFile<'a> {
    path: PathBuf,
    passphrase: PassphraseSource<'a>,
    kdf: crate::backup::KdfParams,
}

impl<'a> KeyFile<'a> {
    /// The key file of the wallet at `wallet`.
    pub fn beside(
        wallet: &Path,
        passphrase: PassphraseSource<'a>,
        kdf: crate::backup::KdfParams,
    ) -> KeyFile<'a> {
        KeyFile {
            path: KeyFile::path_for(wallet),
            passphrase,
            kdf,
        }
    }

    /// `<wallet>.key`.
    pub fn path_for(wallet: &Path) -> PathBuf {
        let mut p = wallet.as_os_str().to_owned();
        p.push(".key");
        PathBuf::from(p)
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// Decrypt the file: (seed, did).
    fn read(&self) -> Result<Option<SeedAndDid>, VaultError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(VaultError::Io {
                    path: self.name(),
                    source,
                });
            }
        };
        let pass = (self.passphrase)(PassphraseUse::Open)
            .ok_or_else(|| VaultError::NoPassphrase(self.name()))?;
        let plain =
            crate::backup::open_sealed(KEY_FILE_MAGIC, &bytes, &pass).map_err(|e| match e {
                crate::backup::BackupError::WrongPassphrase => {
                    VaultError::WrongPassphrase(self.name())
                }
                e => VaultError::Damaged {
                    path: self.name(),
                    reason: e.to_string(),
                },
            })?;
        if plain.len() < 32 {
            return Err(VaultError::Damaged {
                path: self.name(),
                reason: "it holds no key".into(),
            });
        }
        let did = std::str::from_utf8(&plain[32..])
            .map_err(|_| VaultError::Damaged {
                path: self.name(),
                reason: "its did is not text".into(),
            })?
            .to_string();
        Ok(Some((Zeroizing::new(plain[..32].to_vec()), did)))
    }
}

impl SecretVault for KeyFile<'_> {
    fn kind(&self) -> VaultKind {
        VaultKind::KeyFile
    }

    fn load(&self, did: &str) -> Result<Option<Zeroizing<Vec<u8>>>, VaultError> {
        match self.read()? {
            Some((seed, d)) if d == did => Ok(Some(seed)),
            Some(_) => Err(VaultError::Conflict(self.name())),
            None => Ok(None),
        }
    }

    fn store(&self, did: &str, seed: &[u8]) -> Result<(), VaultError> {
        if self.path.exists() {
            // Never overwrite a key file: it may be the only copy of a key.
            return match self.read()? {
                Some((s, d)) if d == did && s[..] == *seed => Ok(()),
                _ => Err(VaultError::Conflict(self.name())),
            };
        }
        let pass = (self.passphrase)(PassphraseUse::Create)
            .ok_or_else(|| VaultError::NoPassphrase(self.name()))?;
        let mut plain = Zeroizing::new(Vec::with_capacity(32 + did.len()));
        plain.extend_from_slice(seed);
        plain.extend_from_slice(did.as_bytes());
        let sealed = crate::backup::seal(KEY_FILE_MAGIC, &plain, &pass, self.kdf, &mut OsRng)
            .map_err(|e| VaultError::Damaged {
                path: self.name(),
                reason: e.to_string(),
            })?;
        crate::store::fsutil::write_new_private(&self.path, &sealed).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                VaultError::Conflict(self.name())
            } else {
                VaultError::Io {
                    path: self.name(),
                    source,
                }
            }
        })
    }
}

/// Secrets in process memory: for tests and throw-away (in-memory) wallets. Gone at exit.
#[derive(Default)]
pub struct MemoryVault(Mutex<HashMap<String, Zeroizing<Vec<u8>>>>);

impl std::fmt::Debug for MemoryVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemoryVault(<redacted>)")
    }
}

impl SecretVault for MemoryVault {
    fn kind(&self) -> VaultKind {
        VaultKind::Memory
    }

    fn load(&self, did: &str) -> Result<Option<Zeroizing<Vec<u8>>>, VaultError> {
        let m = self
            .0
            .lock()
            .map_err(|_| VaultError::Unavailable("memory vault poisoned".into()))?;
        Ok(m.get(did).cloned())
    }

    fn store(&self, did: &str, seed: &[u8]) -> Result<(), VaultError> {
        let mut m = self
            .0
            .lock()
            .map_err(|_| VaultError::Unavailable("memory vault poisoned".into()))?;
        match m.get(did) {
            Some(s) if s[..] != *seed => Err(VaultError::Conflict(did.into())),
            _ => {
                m.insert(did.into(), Zeroizing::new(seed.to_vec()));
                Ok(())
            }
        }
    }
}

// ── The learner key of a wallet ─────────────────────────────────────────────────────────────

/// The algorithm name stored with the key.
pub const ALGORITHM: &str = "Ed25519";

/// Keep `secret` in the first of `vaults` that accepts it; the kind that took it.
fn store_in_first(
    vaults: &[&dyn SecretVault],
    did: &str,
    seed: &[u8],
) -> Result<VaultKind, LearnerKeyError> {
    let mut why = Vec::new();
    let mut needs_passphrase = false;
    for v in vaults {
        match v.store(did, seed) {
            Ok(()) => return Ok(v.kind()),
            Err(e) => {
                needs_passphrase |= matches!(e, VaultError::NoPassphrase(_));
                why.push(crate::localize::Localize::message(&e));
            }
        }
    }
    Err(LearnerKeyError::NoVault {
        why: crate::localize::Message::join("err-wallet-notes", why)
            .unwrap_or_else(|| crate::localize::msg!("err-key-no-store-offered")),
        needs_passphrase,
    })
}

/// The wallet's learner key: the stored one, or a new one created now (OS randomness) and kept
/// in the first of `vaults` that takes it (in the order given: the OS keyring, then the key
/// file). The wallet records only the public key, the DID and where the secret is.
///
/// A wallet whose secret is still in its database (written before schema 4) is migrated
/// first ([`migrate_plaintext_key`]); if no vault takes it, its key still works from there.
pub fn wallet_learner_key(
    wallet: &crate::store::Wallet,
    vaults: &[&dyn SecretVault],
) -> Result<LearnerKey, LearnerKeyError> {
    migrate_plaintext_key(wallet, vaults)?;
    let rec = match wallet.learner_key()? {
        Some(rec) => rec,
        None => {
            let key = LearnerKey::generate(&mut OsRng);
            let seed = key.secret().to_bytes();
            let created = wallet.create_learner_key(ALGORITHM, &key.public(), key.did(), || {
                store_in_first(vaults, key.did(), &seed[..]).map(|k| k.as_str())
            })?;
            if created {
                return Ok(key);
            }
            // Another process created one first: use that.
            wallet.learner_key()?.ok_or_else(|| {
                LearnerKeyError::Store(crate::store::StoreError::Corrupt {
                    what: "learner key".into(),
                    reason: "it vanished while being created".into(),
                })
            })?
        }
    };
    if rec.algorithm != ALGORITHM {
        return Err(LearnerKeyError::Store(crate::store::StoreError::Corrupt {
            what: "learner key".into(),
            reason: format!("algorithm is {:?}, expected {ALGORITHM}", rec.algorithm),
        }));
    }
    let seed = match rec.secret_store.as_deref() {
        // Still in the database: the migration above could not move it (no vault took it).
        None => rec.secret,
        Some(id) => {
            let kind = VaultKind::from_id(id).ok_or_else(|| {
                LearnerKeyError::Store(crate::store::StoreError::Corrupt {
                    what: "learner key".into(),
                    reason: format!("unknown key store {id:?}"),
                })
            })?;
            let vault = vaults
                .iter()
                .find(|v| v.kind() == kind)
                .ok_or(LearnerKeyError::StoreNotOffered(kind.describe()))?;
            vault
                .load(&rec.did)?
                .ok_or(LearnerKeyError::Missing(kind.describe()))?
        }
    };
    let key = LearnerKey::new(LearnerSecret::from_slice(&seed)?);
    // The stored DID must be the key's own: a mismatch means the row was tampered with.
    if rec.did != key.did() {
        return Err(LearnerKeyError::DidMismatch);
    }
    Ok(key)
}

/// What [`migrate_plaintext_key`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyMigration {
    /// The wallet holds no plaintext secret (a new wallet, or one migrated already).
    Nothing,
    /// The secret was moved into this store and wiped from the wallet file.
    Moved(VaultKind),
    /// No store took it; it stays where it was until the next try. Why, in one line (a
    /// catalog message; `Display` is English).
    Pending(crate::localize::Message),
}

/// Move a secret written by Backpack before schema 4 out of the wallet database, once: into
/// the first vault that takes it (read back to check), then the column is emptied and the
/// file rewritten (`secure_delete`, WAL checkpoint, `VACUUM`) so the bytes are gone from it.
/// Hosts call this right after opening a wallet.
pub fn migrate_plaintext_key(
    wallet: &crate::store::Wallet,
    vaults: &[&dyn SecretVault],
) -> Result<KeyMigration, LearnerKeyError> {
    // An earlier wipe whose VACUUM was blocked by another process finishes now.
    wallet.finish_secret_purge()?;
    let Some(rec) = wallet.learner_key()? else {
        return Ok(KeyMigration::Nothing);
    };
    if rec.secret_store.is_some() || rec.secret.is_empty() {
        return Ok(KeyMigration::Nothing);
    }
    let key = LearnerKey::new(LearnerSecret::from_slice(&rec.secret)?);
    if rec.did != key.did() {
        return Err(LearnerKeyError::DidMismatch);
    }
    let kind = match store_in_first(vaults, key.did(), &rec.secret) {
        Ok(k) => k,
        Err(e) => {
            return Ok(KeyMigration::Pending(crate::localize::Localize::message(
                &e,
            )));
        }
    };
    // Read it back from where it went before the only other copy is wiped.
    let back = vaults
        .iter()
        .find(|v| v.kind() == kind)
        .map(|v| v.load(key.did()))
        .transpose()?
        .flatten();
    if back.as_deref().map(|b| &b[..]) != Some(&rec.secret[..]) {
        return Ok(KeyMigration::Pending(crate::localize::msg!(
            "err-key-not-given-back",
            store = crate::localize::word(kind.describe())
        )));
    }
    wallet.wipe_learner_secret(kind.as_str())?;
    Ok(KeyMigration::Moved(kind))
}

/// Why the learner key could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LearnerKeyError {
    /// The stored seed has the wrong size.
    #[error("stored learner key is {0} bytes, expected 32: the wallet's key table is damaged")]
    BadLength(usize),
    /// The stored DID is not the stored key's.
    #[error("the wallet's learner key row is inconsistent: its did:key does not match its secret")]
    DidMismatch,
    /// No store took a new key.
    #[error("no safe place to keep your signing key: {why}")]
    NoVault {
        /// Each store's refusal, in order (a catalog message; `Display` is English).
        why: crate::localize::Message,
        /// One of them would take it with a passphrase (the key file, where no keyring is).
        needs_passphrase: bool,
    },
    /// The key is in a store this host did not offer (e.g. the keyring, in a session without it).
    #[error(
        "your signing key is kept in {0}, which is not available here (set BACKPACK_KEY_STORE to use it, or run where it is)"
    )]
    StoreNotOffered(&'static str),
    /// The store no longer has it.
    #[error(
        "your signing key is no longer in {0}: restore it from a backup (backpack restore) to sign again"
    )]
    Missing(&'static str),
    /// The store failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The wallet failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl LearnerKeyError {
    /// Would a passphrase for the key file fix this? (The app then asks for one instead of
    /// showing an error.)
    pub fn needs_passphrase(&self) -> bool {
        matches!(
            self,
            LearnerKeyError::NoVault {
                needs_passphrase: true,
                ..
            } | LearnerKeyError::Vault(VaultError::NoPassphrase(_))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_key_matches_w3c_vector() {
        // vc-di-eddsa test vector key: public multibase z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2.
        let did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        let pk = ed25519_from_did_key(did).unwrap();
        assert_eq!(did_key_from_ed25519(&pk), did);
        assert!(ed25519_from_did_key("did:key:zabc").is_none());
        assert!(ed25519_from_did_key("did:web:example.org").is_none());
    }

    #[test]
    fn debug_is_redacted_and_sign_verifies() {
        let key = LearnerKey::new(LearnerSecret::from_bytes(&[7u8; 32]));
        let dbg = format!("{key:?}");
        assert!(dbg.contains("<redacted>"), "{dbg}");
        assert!(!dbg.contains("7, 7"), "{dbg}");
        let sig = key.secret().sign(b"hello");
        assert!(key.verify(b"hello", &sig));
        assert!(!key.verify(b"hellp", &sig));
        assert!(key.did().starts_with("did:key:z6Mk"));
        assert!(
            key.verification_method()
                .ends_with(&format!("#{}", &key.did()[8..]))
        );
    }

    #[test]
    fn bad_seed_length_is_an_error() {
        let e = LearnerSecret::from_slice(&[1, 2, 3]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "stored learner key is 3 bytes, expected 32: the wallet's key table is damaged"
        );
    }
}
