//! The crate-wide error type. Each module has its own error enum; this aggregates them.

/// Any error the core can return.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Input bytes held no readable badge.
    #[error(transparent)]
    Decode(#[from] crate::decode::DecodeError),
    /// A payload was read but is not a badge we understand.
    #[error(transparent)]
    Parse(#[from] crate::parse::ParseError),
    /// The wallet database failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// Verification could not run at all (a per-check failure is a report, not an error).
    #[error(transparent)]
    Verify(#[from] crate::verify::VerifyError),
    /// An export failed.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// A backup or restore failed.
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
    /// The learner key could not be loaded or created.
    #[error(transparent)]
    LearnerKey(#[from] crate::learner_key::LearnerKeyError),
    /// Minor mode refused an outward action.
    #[error(transparent)]
    MinorMode(#[from] crate::minor_mode::MinorModeError),
    /// A received export could not be examined at all.
    #[error(transparent)]
    Share(#[from] crate::share::ShareError),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
