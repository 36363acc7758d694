//! Payload → normalised [`Badge`](crate::model::Badge), for OB 0.5–2.0, OB 3.0 (VCDM 1.1 and
//! 2.0, JSON and VC-JWT) and CLR 2.0. STANDARDS §2.1, §2.3 (upgrades), §3.1, §3.2, §3.12.
//!
//! PLACEHOLDER: implemented by the import work (issue 2).

use crate::decode::Decoded;
use crate::model::{Badge, Format};

/// How the wallet recognises the same badge imported twice (STANDARDS §3.10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DedupeKey {
    /// OB 3.0 / CLR: (issuer id, credential id); the newest `valid_from` wins.
    Credential {
        /// Issuer id, percent-unescaped and trimmed.
        issuer_id: String,
        /// Credential id, percent-unescaped and trimmed.
        id: String,
        /// `validFrom` / `issuanceDate`, RFC 3339, to pick the newest.
        valid_from: Option<String>,
    },
    /// OB 2.0 / 1.x: the assertion id.
    Assertion {
        /// The assertion id (URL or urn:uuid).
        id: String,
    },
    /// No usable id: dedupe by the hash of the original bytes.
    Content,
}

/// One parsed credential.
#[derive(Debug, Clone)]
pub struct ParsedCredential {
    /// Format.
    pub format: Format,
    /// Display view.
    pub badge: Badge,
    /// The assertion / credential JSON (for a JWT: the credential inside the payload).
    pub document: serde_json::Value,
    /// The compact JWS when the credential came as one.
    pub compact_jws: Option<String>,
    /// For a hosted OB2 assertion: the URL to verify against.
    pub hosted_url: Option<String>,
    /// Dedupe key.
    pub dedupe: DedupeKey,
    /// Credentials embedded in a CLR, each parsed on its own.
    pub embedded: Vec<ParsedCredential>,
}

/// Why a payload is not a badge.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The JSON is valid but not a badge.
    #[error("not an Open Badge: {0}")]
    NotABadge(String),
}

/// Parse a decoded payload.
pub fn parse(_decoded: &Decoded) -> Result<ParsedCredential, ParseError> {
    Err(ParseError::NotABadge("parser not built yet".into()))
}
