//! Exports and backups.
//!
//! PLACEHOLDER: implemented by issue 5.

/// Export errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Not built yet.
    #[error("export: {0}")]
    Other(String),
}
