//! Verification engine. STANDARDS §2–§4.
//!
//! PLACEHOLDER pipeline: implemented by issue 3. The entry point and its context are the
//! contract other modules (wallet re-check, share verification, the app) build on.

pub mod data_integrity;
pub mod jsonld;
pub mod keys;
pub mod report;

pub use report::{Check, CheckId, FetchRecord, Outcome, Report, Verdict};

use crate::env::{Clock, Fetcher};

/// Verification could not run at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// Internal failure.
    #[error("verification failed to run: {0}")]
    Internal(String),
}

/// What a verification may use. Built by the host.
pub struct VerifyContext<'a> {
    /// The clock (validity dates, `checked_at`).
    pub clock: &'a dyn Clock,
    /// The network, as the learner allows it ([`crate::env::OfflineFetcher`] by default).
    pub fetcher: &'a dyn Fetcher,
    /// The learner's identities (emails, DIDs, URLs) to match the recipient against.
    /// Empty: the `recipient` check is skipped. These never leave the machine.
    pub recipients: &'a [String],
    /// Fetched-document cache, if the host has a wallet.
    pub cache: Option<&'a dyn DocumentCache>,
}

/// A document fetched earlier, kept in the wallet so an offline re-check can use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedDocument {
    /// The URL it was fetched from.
    pub url: String,
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
    /// When it was fetched (RFC 3339).
    pub fetched_at: String,
}

/// Where fetched documents (issuer profiles, keys, status lists, hosted assertions) are kept.
/// The wallet implements this; tests use an in-memory map.
pub trait DocumentCache: Send + Sync {
    /// The cached copy of `url`, if any.
    fn get(&self, url: &str) -> Option<CachedDocument>;
    /// Keep (or replace) a copy. Failures are not fatal to verification.
    fn put(&self, doc: &CachedDocument);
}

/// Verify one badge file's bytes: decode, parse, then every check that applies.
pub fn verify_bytes(_bytes: &[u8], ctx: &VerifyContext<'_>) -> Report {
    let mut r = Report::new(
        ctx.clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    );
    r.set(
        CheckId::Decode,
        Outcome::Error,
        "verification not built yet",
    );
    r
}
