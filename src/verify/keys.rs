//! Key resolution: verification method id → public key, and who controls it. STANDARDS §3.4.
//!
//! PLACEHOLDER: implemented by issue 3 (Data Integrity work).

/// A resolved public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// A raw Ed25519 public key.
    Ed25519([u8; 32]),
    /// A JWK (RSA / EC / OKP) as JSON, for VC-JWT.
    Jwk(serde_json::Value),
    /// An RSA public key in PEM (OB 2.0 `CryptographicKey.publicKeyPem`).
    RsaPem(String),
}

/// A key and its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedKey {
    /// The verification method id as resolved.
    pub id: String,
    /// Its controller (must be the issuer).
    pub controller: Option<String>,
    /// The key.
    pub key: PublicKey,
}

/// Why a key could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Resolving needs the network and it is not allowed (or failed): could not check.
    #[error("could not resolve {id}: {reason}")]
    Unavailable {
        /// The verification method.
        id: String,
        /// Why.
        reason: String,
    },
    /// The key material is malformed or of the wrong type: invalid.
    #[error("bad key {id}: {reason}")]
    Invalid {
        /// The verification method.
        id: String,
        /// Why.
        reason: String,
    },
}

/// Turns a verification method id into a key. The default resolver handles `did:key` and
/// `#z6Mk…` fragments offline and `did:web` / HTTP key documents through a
/// [`crate::env::Fetcher`].
pub trait KeyResolver {
    /// Resolve `verification_method`.
    fn resolve(&self, verification_method: &str) -> Result<ResolvedKey, KeyError>;
}
