//! The learner's own signing key: an Ed25519 key pair and its `did:key`, used as the `holder`
//! of the presentations Backpack exports (STANDARDS §3.4 for did:key / Multikey encoding;
//! <https://w3c-ccg.github.io/did-method-key/#ed25519-x25519>).
//!
//! The key is created on first use and stored in the wallet (see [`LearnerKeyStore`]). The
//! secret half leaves the wallet only inside an encrypted backup ([`crate::backup`]).

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use rand_core::{CryptoRng, RngCore};
use zeroize::Zeroizing;

/// Multicodec prefix of an Ed25519 public key (`ed25519-pub`, 0xed as a varint).
const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// The learner's Ed25519 secret key.
///
/// On purpose this type has **no `Clone`, no `Serialize` and no `Debug` output** (its `Debug`
/// prints `LearnerSecret(<redacted>)`), and the key bytes are **zeroized on drop** (the inner
/// `ed25519_dalek::SigningKey` is `ZeroizeOnDrop`). The only ways out of it are
/// [`LearnerSecret::to_bytes`] (a `Zeroizing` buffer, for the wallet's key table) and signing.
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

    /// Rebuild from the 32-byte seed stored in the wallet.
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

    /// The 32-byte seed, for storing in the wallet only. Zeroized when dropped.
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

    /// The secret half (for signing and for the wallet's key table).
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

/// Where the wallet keeps the learner key. The wallet implements it; tests may use a fake.
pub trait LearnerKeyStore {
    /// The stored 32-byte seed, if a key was created already.
    fn load_learner_seed(&self) -> Result<Option<Zeroizing<Vec<u8>>>, crate::store::StoreError>;
    /// Store the seed and its DID (called once, on first use).
    fn save_learner_seed(&self, seed: &[u8], did: &str) -> Result<(), crate::store::StoreError>;
}

/// The learner key: the stored one, or a new one created and stored now.
pub fn load_or_create<S: LearnerKeyStore + ?Sized, R: RngCore + CryptoRng>(
    store: &S,
    rng: &mut R,
) -> Result<LearnerKey, LearnerKeyError> {
    if let Some(seed) = store.load_learner_seed()? {
        return Ok(LearnerKey::new(LearnerSecret::from_slice(&seed)?));
    }
    let key = LearnerKey::generate(rng);
    store.save_learner_seed(&key.secret().to_bytes()[..], key.did())?;
    Ok(key)
}

/// The wallet keeps the key in its `learner_keys` table (one row, never replaced).
impl LearnerKeyStore for crate::store::Wallet {
    fn load_learner_seed(&self) -> Result<Option<Zeroizing<Vec<u8>>>, crate::store::StoreError> {
        let Some(rec) = self.learner_key()? else {
            return Ok(None);
        };
        if rec.algorithm != ALGORITHM {
            return Err(crate::store::StoreError::Corrupt {
                what: "learner key".into(),
                reason: format!("algorithm is {:?}, expected {ALGORITHM}", rec.algorithm),
            });
        }
        Ok(Some(rec.secret))
    }

    fn save_learner_seed(&self, seed: &[u8], did: &str) -> Result<(), crate::store::StoreError> {
        let secret = LearnerSecret::from_slice(seed)
            .map_err(|e| crate::store::StoreError::Invalid(e.to_string()))?;
        self.save_learner_key(ALGORITHM, &secret.public(), seed, did)
    }
}

/// The algorithm name stored with the key.
pub const ALGORITHM: &str = "Ed25519";

/// The wallet's learner key, created (with OS randomness) and stored on first use.
pub fn wallet_learner_key(wallet: &crate::store::Wallet) -> Result<LearnerKey, LearnerKeyError> {
    let key = load_or_create(wallet, &mut rand_core::OsRng)?;
    // The stored DID must be the key's own: a mismatch means the row was tampered with.
    if let Some(rec) = wallet.learner_key()?
        && rec.did != key.did()
    {
        return Err(LearnerKeyError::DidMismatch);
    }
    Ok(key)
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
    /// The wallet failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
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
