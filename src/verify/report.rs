//! The verification report: one entry per check, with stable ids shared by the core, the CLI
//! JSON, the UI and the tests (DCC verifier-core's `log` steps are the model:
//! <https://github.com/digitalcredentials/verifier-core>).
//!
//! "Invalid" and "could not check" are kept apart: a check that could not run (offline, a
//! context not bundled, a key document we cannot reach) is [`Outcome::Error`], which makes
//! the verdict [`Verdict::Indeterminate`], never [`Verdict::Invalid`].
//!
//! "Valid" needs more than an intact signature: the key that signed must be bound to the
//! issuer the badge names (`issuer_key` pass), or, for a hosted OB 2.0 assertion, the
//! issuer's own server must serve it inside the issuer's scope (`hosted` and `issuer` pass).
//! A signature that holds with a key whose control by the issuer could not be established is
//! [`Status::IssuerNotConfirmed`]: "signature intact, issuer not confirmed", never "verified".
//!
//! [`Status`] is the one word every surface shows (CLI, app, exports); [`Report::reason`] is
//! the one line that says why.

use serde::{Deserialize, Serialize};

use crate::i18n::Catalog;
use crate::localize::{Message, msg};

/// Stable check ids. Never rename one: the CLI JSON and stored reports depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Check {
    /// Which check.
    pub id: CheckId,
    /// What came out.
    pub outcome: Outcome,
    /// One human-readable line: English in the core (the CLI's JSON, logs and tests read it);
    /// the app sends it in the learner's language ([`Report::localized`]).
    pub detail: String,
    /// The same line as a catalog message (`chk-…` in `ui/locales/<lang>.js`), so it can be
    /// shown in the learner's language ([`Check::detail_in`]); `None` when the detail is
    /// text shown as it is in every language (and for reports stored before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub message: Option<Message>,
}

impl Check {
    /// A check whose detail is `detail` (a catalog message, or text as it is).
    pub fn new(id: CheckId, outcome: Outcome, detail: impl Into<Message>) -> Check {
        let (detail, message) = english_and_message(detail.into());
        Check {
            id,
            outcome,
            detail,
            message,
        }
    }

    /// The detail in `cat`'s language: the message rendered there, or the English detail
    /// when there is no message or it names one this build does not know.
    pub fn detail_in(&self, cat: &Catalog) -> String {
        crate::localize::shown_in(self.message.as_ref(), &self.detail, cat)
    }

    /// The detail as a message (its text when it has none).
    pub fn detail_message(&self) -> Message {
        match &self.message {
            Some(m) if m.is_known() => m.clone(),
            _ => Message::Text(self.detail.clone()),
        }
    }
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// What a badge's verification comes to, in one word: the status vocabulary of the core, the
/// CLI JSON, the app, the exports and the tests. Derived from a [`Report`] by
/// [`Status::of_report`]; [`Status::NotChecked`] is for badges without a current report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every needed check passed, and the key that signed is bound to the issuer.
    Verified,
    /// The signature holds, but nothing the issuer controls says the key is theirs (offline,
    /// an issuer id that cannot be resolved such as `urn:uuid:`, a key carried in the token).
    IssuerNotConfirmed,
    /// Nothing failed, but something needed could not be checked (offline, an unreachable
    /// status list, a context that is not bundled).
    CouldNotCheck,
    /// A check failed (other than expiry and revocation).
    Invalid,
    /// The `expiry` check failed.
    Expired,
    /// The `status` check failed: revoked or suspended by the issuer.
    Revoked,
    /// No badge could be read from the bytes.
    Unreadable,
    /// Never verified, or verified only under older, weaker rules.
    NotChecked,
}

impl Status {
    /// Every status, in the order the app lists them.
    pub const ALL: [Status; 8] = [
        Status::Verified,
        Status::IssuerNotConfirmed,
        Status::CouldNotCheck,
        Status::Invalid,
        Status::Expired,
        Status::Revoked,
        Status::Unreadable,
        Status::NotChecked,
    ];

    /// The stable id, as serialised (`"issuer_not_confirmed"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::IssuerNotConfirmed => "issuer_not_confirmed",
            Status::CouldNotCheck => "could_not_check",
            Status::Invalid => "invalid",
            Status::Expired => "expired",
            Status::Revoked => "revoked",
            Status::Unreadable => "unreadable",
            Status::NotChecked => "not_checked",
        }
    }

    /// Parse a stable id.
    pub fn from_id(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The plain English words for it (the CLI's human output and the exports' default
    /// language; the app has its own catalog keyed by [`Status::as_str`]).
    pub fn label(self) -> &'static str {
        match self {
            Status::Verified => "Verified",
            Status::IssuerNotConfirmed => "Signature intact, issuer not confirmed",
            Status::CouldNotCheck => "Could not check",
            Status::Invalid => "Invalid",
            Status::Expired => "Expired",
            Status::Revoked => "Revoked",
            Status::Unreadable => "Unreadable",
            Status::NotChecked => "Not checked",
        }
    }

    /// The status a report comes to (see [`Report::status_and_reason`]).
    pub fn of_report(report: &Report) -> Status {
        report.status_and_reason().0
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A network fetch made (or answered from the cache) during verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
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
    /// Why it failed, if it did (English).
    pub error: Option<String>,
    /// The same as a catalog message, for the learner's language ([`Report::localized`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub error_message: Option<Message>,
}

/// A verification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
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
    /// The one-word status ([`Status::of_report`]), kept in step with the checks.
    #[serde(default = "not_checked")]
    pub status: Status,
    /// One line saying why the badge has that status.
    #[serde(default)]
    pub reason: String,
    /// The endorsements embedded in the credential, each verified on its own. Information
    /// about the endorsements: they never change the badge's verdict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endorsements: Vec<EndorsementCheck>,
}

/// The verification of one endorsement (embedded in a credential, or attached to it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct EndorsementCheck {
    /// What it endorses: `credential`, `achievement` or `issuer`.
    pub scope: crate::endorsement::Scope,
    /// The endorser's id.
    pub endorser_id: Option<String>,
    /// The endorser's name, as the endorsement says (a claim unless verified).
    pub endorser_name: Option<String>,
    /// The endorsement's name.
    pub name: String,
    /// The endorser's comment.
    pub comment: Option<String>,
    /// Its own status (verified, issuer not confirmed, expired, …).
    pub status: Status,
    /// Why, in English (as [`Check::detail`]).
    pub reason: String,
    /// The same line as a catalog message, so it can be shown in the learner's language
    /// ([`EndorsementCheck::reason_in`]); `None` when the reason is text shown as it is (and
    /// for checks stored before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub message: Option<Message>,
}

impl EndorsementCheck {
    /// Set the reason: a catalog message (kept in [`EndorsementCheck::message`], English in
    /// [`EndorsementCheck::reason`]), or text shown as it is.
    pub fn set_reason(&mut self, reason: impl Into<Message>) {
        (self.reason, self.message) = english_and_message(reason.into());
    }

    /// The reason in `cat`'s language: the message rendered there, or the English reason
    /// when there is no message or it names one this build does not know.
    pub fn reason_in(&self, cat: &Catalog) -> String {
        crate::localize::shown_in(self.message.as_ref(), &self.reason, cat)
    }

    /// This check with its reason in `cat`'s language (for showing: the message is rendered,
    /// so it is left out).
    pub fn localized(&self, cat: &Catalog) -> EndorsementCheck {
        EndorsementCheck {
            reason: self.reason_in(cat),
            message: None,
            ..self.clone()
        }
    }
}

/// A line as its English text and, unless it is text shown as it is, its catalog message.
fn english_and_message(m: Message) -> (String, Option<Message>) {
    match m {
        Message::Text(s) => (s, None),
        m => (m.english(), Some(m)),
    }
}

fn not_checked() -> Status {
    Status::NotChecked
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
            status: Status::Unreadable,
            reason: "nothing was checked".into(),
            endorsements: Vec::new(),
        }
    }

    /// Record a check (replacing an earlier one with the same id) and recompute the verdict.
    /// The detail is a catalog message (`msg!("chk-…", …)`), or text shown as it is.
    pub fn set(&mut self, id: CheckId, outcome: Outcome, detail: impl Into<Message>) {
        let check = Check::new(id, outcome, detail);
        match self.checks.iter_mut().find(|c| c.id == id) {
            Some(c) => *c = check,
            None => {
                self.checks.push(check);
                self.checks.sort_by_key(|c| c.id);
            }
        }
        self.refresh();
    }

    /// Set the badge's format (it decides which checks "valid" needs) and recompute.
    pub fn set_format(&mut self, format: crate::model::Format) {
        self.format = Some(format);
        self.refresh();
    }

    /// Recompute the verdict, status and reason from the checks.
    pub fn refresh(&mut self) {
        self.verdict = self.compute_verdict();
        let (status, reason) = self.status_and_reason();
        self.status = status;
        self.reason = reason;
    }

    /// The check with this id, if recorded.
    pub fn get(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The checks that must pass for "valid": who vouches for the badge. A signed badge needs
    /// `proof` (the signature) and `issuer_key` (the key is the issuer's); a hosted OB 2.0
    /// assertion needs `hosted` (the issuer's server serves it) and `issuer` (inside the
    /// issuer's scope).
    pub fn required_checks(&self) -> [CheckId; 2] {
        match self.format {
            Some(crate::model::Format::Ob2Hosted) => [CheckId::Hosted, CheckId::Issuer],
            _ => [CheckId::Proof, CheckId::IssuerKey],
        }
    }

    /// Verdict rules: no readable badge → `error`; any `fail` → `invalid`; any `error`, or a
    /// required check ([`Report::required_checks`]) that did not pass → `indeterminate`;
    /// otherwise `valid`.
    pub fn compute_verdict(&self) -> Verdict {
        let unreadable = self.checks.iter().any(|c| {
            matches!(c.id, CheckId::Decode | CheckId::Parse) && c.outcome != Outcome::Pass
        });
        if unreadable || self.checks.is_empty() {
            Verdict::Error
        } else if self.checks.iter().any(|c| c.outcome == Outcome::Fail) {
            Verdict::Invalid
        } else if self.checks.iter().any(|c| c.outcome == Outcome::Error)
            || self
                .required_checks()
                .iter()
                .any(|id| self.get(*id).map(|c| c.outcome) != Some(Outcome::Pass))
        {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        }
    }

    /// The one-word status and the one line that says why, from the verdict and the checks
    /// (the line in English: [`Report::reason`]).
    pub fn status_and_reason(&self) -> (Status, String) {
        // Built from the checks' English text (the catalog is not asked: this runs at every
        // `set`); the same words as the message form's English, which debug builds check.
        let (status, why) = self.reason_from(true);
        let why = match why {
            Message::Text(s) => s,
            m => m.english(),
        };
        debug_assert_eq!(why, self.reason_from(false).1.english());
        (status, why)
    }

    /// This report with every check's detail, the reason and the endorsements' reasons in
    /// `cat`'s language (for showing; the stored report and the CLI's JSON keep English).
    /// The messages are rendered, so they are left out: what is shown is the text.
    pub fn localized(&self, cat: &Catalog) -> Report {
        let mut r = self.clone();
        for f in &mut r.fetches {
            if let (Some(e), m) = (&mut f.error, f.error_message.take()) {
                *e = crate::localize::shown_in(m.as_ref(), e, cat);
            }
        }
        for c in &mut r.checks {
            c.detail = c.detail_in(cat);
            c.message = None;
        }
        for e in &mut r.endorsements {
            *e = e.localized(cat);
        }
        let (status, why) = self.status_and_reason_message();
        // A reason stored apart from its checks (an older report) is kept as it is.
        if status == self.status && why.english() == self.reason {
            r.reason = why.render(cat);
        }
        r
    }

    /// [`Report::status_and_reason`] with the reason as a catalog message. Revoked and
    /// expired take precedence over other failures; "issuer not confirmed" over other things
    /// that could not be checked (it is the reason the badge is not verified).
    pub fn status_and_reason_message(&self) -> (Status, Message) {
        self.reason_from(false)
    }

    /// The status and its reason, from the checks' messages, or (`english`) from their
    /// English text as plain text where that is all it takes.
    fn reason_from(&self, english: bool) -> (Status, Message) {
        let outcome = |id: CheckId| self.get(id).map(|c| c.outcome);
        let detail_of = |c: &Check| {
            if english {
                Message::Text(c.detail.clone())
            } else {
                c.detail_message()
            }
        };
        let detail = |id: CheckId| {
            self.get(id)
                .map(detail_of)
                .unwrap_or_else(|| Message::Text(String::new()))
        };
        let labelled = |c: &Check| {
            if english {
                Message::Text(format!("{}: {}", c.id, c.detail))
            } else {
                reason_check(c.id, c.detail_message())
            }
        };
        let first = |o: Outcome| self.checks.iter().find(|c| c.outcome == o).map(labelled);
        match self.verdict {
            Verdict::Error => {
                let why = self
                    .checks
                    .iter()
                    .find(|c| {
                        matches!(c.id, CheckId::Decode | CheckId::Parse)
                            && c.outcome != Outcome::Pass
                    })
                    .map(detail_of)
                    .unwrap_or_else(|| msg!("reason-nothing-checked"));
                (Status::Unreadable, why)
            }
            Verdict::Invalid if outcome(CheckId::Status) == Some(Outcome::Fail) => {
                (Status::Revoked, detail(CheckId::Status))
            }
            Verdict::Invalid if outcome(CheckId::Expiry) == Some(Outcome::Fail) => {
                (Status::Expired, detail(CheckId::Expiry))
            }
            Verdict::Invalid => (
                Status::Invalid,
                first(Outcome::Fail).unwrap_or_else(|| msg!("reason-a-check-failed")),
            ),
            Verdict::Valid => {
                let [_, binding] = self.required_checks();
                (Status::Verified, detail(binding))
            }
            Verdict::Indeterminate => {
                // The content holds (signature intact, or the hosted copy was served) but who
                // vouches for it was not established.
                let [content, binding] = self.required_checks();
                if outcome(content) == Some(Outcome::Pass)
                    && outcome(binding) != Some(Outcome::Pass)
                {
                    // The binding check's own detail may already begin with the words.
                    if english {
                        let d = self.get(binding).map_or("", |c| c.detail.as_str());
                        let why = if d.starts_with(ISSUER_NOT_CONFIRMED) {
                            d.to_owned()
                        } else {
                            format!("{ISSUER_NOT_CONFIRMED}{d}")
                        };
                        return (Status::IssuerNotConfirmed, Message::Text(why));
                    }
                    let why = match self.get(binding) {
                        Some(c) => match &c.message {
                            Some(Message::Id(id, args)) if id == "chk-issuer-not-confirmed" => args
                                .iter()
                                .find(|(k, _)| k == "why")
                                .map(|(_, v)| v.clone())
                                .unwrap_or_else(|| c.detail_message()),
                            _ => match c.detail.strip_prefix(ISSUER_NOT_CONFIRMED) {
                                Some(rest) => Message::Text(rest.to_owned()),
                                None => c.detail_message(),
                            },
                        },
                        None => Message::Text(String::new()),
                    };
                    (
                        Status::IssuerNotConfirmed,
                        msg!("chk-issuer-not-confirmed", why = why),
                    )
                } else {
                    let why = first(Outcome::Error).or_else(|| {
                        self.required_checks()
                            .iter()
                            .find(|id| outcome(**id) != Some(Outcome::Pass))
                            .map(|id| match self.get(*id) {
                                Some(c) => labelled(c),
                                None => reason_check(*id, Message::Text(String::new())),
                            })
                    });
                    let why = why.unwrap_or_else(|| msg!("reason-something-not-checked"));
                    (Status::CouldNotCheck, why)
                }
            }
        }
    }
}

/// "`{check}: {detail}`": the check's id in English (as the CLI's JSON names it), its label
/// in other languages.
pub(crate) fn reason_check(id: CheckId, detail: Message) -> Message {
    let label = Message::Id(format!("check-{id}").into(), Vec::new());
    msg!(
        "reason-check",
        check = id.as_str(),
        label = label,
        detail = detail
    )
}

/// The storage form of one check (the wallet keeps each distinct line once, schema 8): its id,
/// its outcome and its detail joined by single spaces, e.g.
/// `"issuer_key pass key did:key:z6Mk… is the issuer's: …"`. A detail that is a catalog
/// message is kept as the message's JSON instead, its outcome word marked `+m`
/// (`"proof pass+m {"id":"chk-di-verified",…}"`): the English detail is rendered from it on
/// reading, so the line is written once and holds both. Ids and outcome words have no
/// spaces, so [`Check::from_line`] splits it back exactly (the detail may hold anything).
impl Check {
    /// `"{id} {outcome} {detail}"`, or `"{id} {outcome}+m {message JSON}"`.
    pub fn to_line(&self) -> String {
        match &self.message {
            Some(m) => format!(
                "{} {}+m {}",
                self.id,
                self.outcome.as_str(),
                serde_json::to_string(m).unwrap_or_default()
            ),
            None => format!("{} {} {}", self.id, self.outcome.as_str(), self.detail),
        }
    }

    /// The check a [`Check::to_line`] line holds; `None` when the id or outcome is unknown
    /// or a message is not one.
    pub fn from_line(line: &str) -> Option<Check> {
        let (id, rest) = line.split_once(' ')?;
        let (outcome, detail) = rest.split_once(' ')?;
        let id = CheckId::from_id(id)?;
        match outcome.strip_suffix("+m") {
            Some(outcome) => Some(Check::new(
                id,
                Outcome::from_id(outcome)?,
                serde_json::from_str::<Message>(detail).ok()?,
            )),
            None => Some(Check {
                id,
                outcome: Outcome::from_id(outcome)?,
                detail: detail.to_owned(),
                message: None,
            }),
        }
    }
}

impl CheckId {
    /// Parse a stable id (`"issuer_key"`).
    pub fn from_id(s: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 4] = [
        Outcome::Pass,
        Outcome::Fail,
        Outcome::Skipped,
        Outcome::Error,
    ];

    /// The stable id, as serialised (`"pass"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Skipped => "skipped",
            Outcome::Error => "error",
        }
    }

    /// Parse a stable id.
    pub fn from_id(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// The verification rules this build applies, stored with every report. 2: keys must be
/// bound to the issuer (issue 12); reports under older rules (1) no longer decide a status.
pub const RULES: u32 = 2;

/// How every "issuer not confirmed" reason begins.
pub const ISSUER_NOT_CONFIRMED: &str = "signature intact — issuer not confirmed: ";

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
        // An intact signature alone is not "valid": the key must be the issuer's.
        assert_eq!(r.verdict, Verdict::Indeterminate);
        r.set(CheckId::IssuerKey, Outcome::Error, "offline");
        assert_eq!(r.status, Status::IssuerNotConfirmed);
        assert_eq!(r.reason, format!("{ISSUER_NOT_CONFIRMED}offline"));
        r.set(CheckId::IssuerKey, Outcome::Pass, "did:key issuer");
        assert_eq!(r.verdict, Verdict::Valid);
        assert_eq!(
            (r.status, r.reason.as_str()),
            (Status::Verified, "did:key issuer")
        );
        r.set(CheckId::Status, Outcome::Error, "offline");
        assert_eq!(r.verdict, Verdict::Indeterminate);
        assert_eq!(r.status, Status::CouldNotCheck);
        assert_eq!(r.reason, "status: offline");
        r.set(CheckId::Expiry, Outcome::Fail, "expired");
        assert_eq!(r.verdict, Verdict::Invalid);
        assert_eq!(r.status, Status::Expired);
        r.set(CheckId::Status, Outcome::Fail, "revoked by the issuer");
        assert_eq!(r.status, Status::Revoked);
        r.set(CheckId::Parse, Outcome::Fail, "not a badge");
        assert_eq!(r.verdict, Verdict::Error);
        assert_eq!(
            (r.status, r.reason.as_str()),
            (Status::Unreadable, "not a badge")
        );
        assert_eq!(
            r.checks.iter().map(|c| c.id).collect::<Vec<_>>(),
            vec![
                CheckId::Decode,
                CheckId::Parse,
                CheckId::Proof,
                CheckId::IssuerKey,
                CheckId::Expiry,
                CheckId::Status,
                CheckId::Recipient,
            ]
        );
    }

    #[test]
    fn hosted_badges_need_the_issuer_server_not_a_key() {
        let mut r = Report::new("2026-01-01T00:00:00Z".into());
        r.set_format(crate::model::Format::Ob2Hosted);
        r.set(CheckId::Decode, Outcome::Pass, "json");
        r.set(CheckId::Parse, Outcome::Pass, "ob2");
        r.set(CheckId::Proof, Outcome::Skipped, "hosted");
        r.set(CheckId::IssuerKey, Outcome::Skipped, "hosted");
        r.set(CheckId::Hosted, Outcome::Pass, "fetched");
        assert_eq!(r.verdict, Verdict::Indeterminate, "no issuer scope yet");
        r.set(CheckId::Issuer, Outcome::Pass, "in scope");
        assert_eq!(r.verdict, Verdict::Valid);
    }

    #[test]
    fn statuses_round_trip_their_ids() {
        for s in Status::ALL {
            assert_eq!(Status::from_id(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
            assert!(!s.label().is_empty());
        }
    }

    #[test]
    fn check_lines_round_trip_and_match_the_serialised_ids() {
        for o in Outcome::ALL {
            assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
            assert_eq!(Outcome::from_id(o.as_str()), Some(o));
        }
        for id in CheckId::ALL {
            assert_eq!(CheckId::from_id(id.as_str()), Some(id));
            for detail in [
                "",
                "  two  spaces ",
                "key did:key:z6Mk#z6Mk is the issuer's\n",
            ] {
                let c = Check::new(id, Outcome::Skipped, detail);
                assert_eq!(Check::from_line(&c.to_line()), Some(c));
            }
        }
        assert_eq!(
            Check::new(CheckId::IssuerKey, Outcome::Error, "offline").to_line(),
            "issuer_key error offline"
        );
        // A message detail is its JSON, and reads back as the same check.
        let c = Check::new(
            CheckId::IssuerKey,
            Outcome::Error,
            msg!("chk-issuer-not-confirmed", why = "offline"),
        );
        assert_eq!(
            c.to_line(),
            r#"issuer_key error+m {"id":"chk-issuer-not-confirmed","args":[["why","offline"]]}"#
        );
        assert_eq!(Check::from_line(&c.to_line()), Some(c));
        assert_eq!(Check::from_line("proof pass+m not json"), None);
        assert_eq!(Check::from_line("nope pass x"), None);
        assert_eq!(Check::from_line("proof maybe x"), None);
        assert_eq!(Check::from_line("proof"), None);
    }

    #[test]
    fn details_are_messages_shown_in_the_learners_language() {
        use crate::i18n::Lang;
        let es = Catalog::get(Lang::Es);
        let mut r = Report::new("2026-01-01T00:00:00Z".into());
        r.set(CheckId::Decode, Outcome::Pass, "png");
        r.set(CheckId::Parse, Outcome::Pass, "ob3");
        r.set(CheckId::Proof, Outcome::Pass, "ok");
        r.set(
            CheckId::IssuerKey,
            Outcome::Error,
            msg!("chk-issuer-not-confirmed", why = "offline"),
        );
        // English is the detail and the reason, word for word as before.
        let c = r.get(CheckId::IssuerKey).unwrap().clone();
        assert_eq!(c.detail, format!("{ISSUER_NOT_CONFIRMED}offline"));
        assert_eq!(r.reason, format!("{ISSUER_NOT_CONFIRMED}offline"));
        // In Spanish: the check's detail and the reason; text details stay as they are.
        let l = r.localized(es);
        assert_eq!(
            l.get(CheckId::IssuerKey).unwrap().detail,
            "firma intacta — emisor no confirmado: offline"
        );
        assert_eq!(l.reason, "firma intacta — emisor no confirmado: offline");
        assert_eq!(l.get(CheckId::Proof).unwrap().detail, "ok");
        // The JSON form keeps the message; a check without one has no `message` key.
        let json = serde_json::to_string(&c).unwrap();
        assert!(
            json.contains(r#""message":{"id":"chk-issuer-not-confirmed""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Check>(&json).unwrap(), c);
        let plain = serde_json::to_value(r.get(CheckId::Proof).unwrap()).unwrap();
        assert!(plain.get("message").is_none(), "{plain}");
        // "status: offline" names the check by its id in English, by its label in Spanish.
        r.set(CheckId::IssuerKey, Outcome::Pass, "bound");
        r.set(
            CheckId::Status,
            Outcome::Error,
            msg!("reason-nothing-checked"),
        );
        assert_eq!(r.reason, "status: nothing was checked");
        assert!(r.localized(es).reason.ends_with(": no se comprobó nada"));
        assert!(!r.localized(es).reason.starts_with("status"));
        // A message naming an id this build does not know shows the stored English.
        let mut unknown = r.get(CheckId::Status).unwrap().clone();
        unknown.message = Some(Message::Id("chk-from-the-future".into(), Vec::new()));
        assert_eq!(unknown.detail_in(es), "nothing was checked");
    }

    #[test]
    fn ids_serialize_as_documented() {
        for id in CheckId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
        }
    }
}
