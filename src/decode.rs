//! Untrusted bytes → the badge payload. STANDARDS §1 (baking), §7 (sniffing).
//!
//! PLACEHOLDER: implemented by the import work (issue 2).

use crate::model::Container;

/// The payload found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// JSON text (an assertion or credential).
    Json(String),
    /// A compact JWS / JWT.
    Jws(String),
    /// A URL of a hosted assertion.
    Url(String),
}

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// What the file was.
    pub container: Container,
    /// What it held.
    pub payload: Payload,
}

/// Why bytes hold no readable badge. Messages are one line, lower-case, and say which
/// limit was hit where one was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The file is empty.
    #[error("empty file")]
    Empty,
}

/// Find the badge payload in `bytes`.
pub fn decode(_bytes: &[u8]) -> Result<Decoded, DecodeError> {
    Err(DecodeError::Empty)
}
