//! The verification report: one entry per check, with stable ids shared by the core, the CLI
//! JSON, the UI and the tests (verifier-core's `log` steps are the model, STANDARDS §3.9).
//!
//! "Invalid" and "could not check" are kept apart: a check that could not run (offline, a
//! context not bundled, a key document we cannot reach) is [`Outcome::Error`], which makes
//! the verdict [`Verdict::Indeterminate`], never [`Verdict::Invalid`].

use serde::{Deserialize, Serialize};

/// Stable check ids. Never rename one: the CLI JSON and stored reports depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The bytes hold a badge payload (baked image, JSON, JWS, URL).
    Decode,
    /// The payload is a badge of a known generation.
    Parse,
    /// Required properties and value types (OB 2.0 class rules, OB 3.0 data model).
    Schema,
    /// The signature over the exact bytes or canonical form.
    Proof,
    /// The key resolves and the issuer controls it.
    IssuerKey,
    /// OB 2.0 hosted: the hosted copy was fetched and matches.
    Hosted,
    /// The issuer profile is consistent (ids, scope).
    Issuer,
    /// Not expired.
    Expiry,
    /// Not used before its start of validity.
    NotBefore,
    /// Not revoked or suspended.
    Status,
    /// Issued to one of the learner's identities.
    Recipient,
}

impl CheckId {
    /// All ids in report order.
    pub const ALL: [CheckId; 11] = [
        CheckId::Decode,
        CheckId::Parse,
        CheckId::Schema,
        CheckId::Proof,
        CheckId::IssuerKey,
        CheckId::Hosted,
        CheckId::Issuer,
        CheckId::Expiry,
        CheckId::NotBefore,
        CheckId::Status,
        CheckId::Recipient,
    ];

    /// The stable id string, e.g. `"issuer_key"`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::Decode => "decode",
            CheckId::Parse => "parse",
            CheckId::Schema => "schema",
            CheckId::Proof => "proof",
            CheckId::IssuerKey => "issuer_key",
            CheckId::Hosted => "hosted",
            CheckId::Issuer => "issuer",
            CheckId::Expiry => "expiry",
            CheckId::NotBefore => "not_before",
            CheckId::Status => "status",
            CheckId::Recipient => "recipient",
        }
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Checked and good.
    Pass,
    /// Checked and bad: the badge is invalid.
    Fail,
    /// Not applicable, or not asked for (e.g. no recipient given). Does not affect the verdict.
    Skipped,
    /// Needed but could not be checked (offline, unknown context, unreachable key).
    Error,
}

/// One check in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// Which check.
    pub id: CheckId,
    /// What came out.
    pub outcome: Outcome,
    /// One human-readable line.
    pub detail: String,
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every needed check passed.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but something needed could not be checked.
    Indeterminate,
    /// No badge could be read.
    Error,
}

impl Verdict {
    /// Stable id string.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Indeterminate => "indeterminate",
            Verdict::Error => "error",
        }
    }
}

/// A network fetch made (or answered from the cache) during verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchRecord {
    /// The URL.
    pub url: String,
    /// HTTP status, when a response came.
    pub status: Option<u16>,
    /// When it was fetched (RFC 3339). For a cache hit, when the cached copy was fetched.
    pub fetched_at: String,
    /// Milliseconds the fetch took (0 for a cache hit).
    pub millis: u64,
    /// True when answered from the wallet's cache.
    pub from_cache: bool,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

/// A verification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The badge's format, when it could be parsed.
    pub format: Option<crate::model::Format>,
    /// Overall verdict, computed from the checks by [`Report::compute_verdict`].
    pub verdict: Verdict,
    /// Checks in [`CheckId::ALL`] order.
    pub checks: Vec<Check>,
    /// When the check ran (RFC 3339, from the injected clock).
    pub checked_at: String,
    /// The verification method / key id that verified the proof, if one did.
    pub key_id: Option<String>,
    /// Network fetches made or answered from the cache.
    pub fetches: Vec<FetchRecord>,
}

impl Report {
    /// An empty report at `checked_at`.
    pub fn new(checked_at: String) -> Report {
        Report {
            format: None,
            verdict: Verdict::Error,
            checks: Vec::new(),
            checked_at,
            key_id: None,
            fetches: Vec::new(),
        }
    }

    /// Record a check (replacing an earlier one with the same id) and recompute the verdict.
    pub fn set(&mut self, id: CheckId, outcome: Outcome, detail: impl Into<String>) {
        let check = Check {
            id,
            outcome,
            detail: detail.into(),
        };
        match self.checks.iter_mut().find(|c| c.id == id) {
            Some(c) => *c = check,
            None => {
                self.checks.push(check);
                self.checks.sort_by_key(|c| c.id);
            }
        }
        self.verdict = self.compute_verdict();
    }

    /// The check with this id, if recorded.
    pub fn get(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Verdict rules: no readable badge → `error`; any `fail` → `invalid`; any `error` →
    /// `indeterminate`; otherwise `valid`.
    pub fn compute_verdict(&self) -> Verdict {
        let unreadable = self.checks.iter().any(|c| {
            matches!(c.id, CheckId::Decode | CheckId::Parse) && c.outcome != Outcome::Pass
        });
        if unreadable || self.checks.is_empty() {
            Verdict::Error
        } else if self.checks.iter().any(|c| c.outcome == Outcome::Fail) {
            Verdict::Invalid
        } else if self.checks.iter().any(|c| c.outcome == Outcome::Error) {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_rules() {
        let mut r = Report::new("2026-01-01T00:00:00Z".into());
        assert_eq!(r.verdict, Verdict::Error);
        r.set(CheckId::Decode, Outcome::Pass, "png");
        r.set(CheckId::Parse, Outcome::Pass, "ob3");
        r.set(CheckId::Proof, Outcome::Pass, "ok");
        r.set(CheckId::Recipient, Outcome::Skipped, "no recipient given");
        assert_eq!(r.verdict, Verdict::Valid);
        r.set(CheckId::Status, Outcome::Error, "offline");
        assert_eq!(r.verdict, Verdict::Indeterminate);
        r.set(CheckId::Expiry, Outcome::Fail, "expired");
        assert_eq!(r.verdict, Verdict::Invalid);
        r.set(CheckId::Parse, Outcome::Fail, "not a badge");
        assert_eq!(r.verdict, Verdict::Error);
        assert_eq!(r.checks.iter().map(|c| c.id).collect::<Vec<_>>(), {
            let mut v = vec![
                CheckId::Decode,
                CheckId::Parse,
                CheckId::Proof,
                CheckId::Expiry,
            ];
            v.extend([CheckId::Status, CheckId::Recipient]);
            v
        });
    }

    #[test]
    fn ids_serialize_as_documented() {
        for id in CheckId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
        }
    }
}
