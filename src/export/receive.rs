//! The receiver side of sharing: take a file someone exported with Backpack — an HTML
//! portfolio, a ZIP bundle, a PDF (its attached files, read by [`crate::export::pdf_read`]) or
//! a Verifiable Presentation — pull out every credential and
//! verify each one with [`crate::verify::verify_bytes`], then check the presentation's proof
//! (VCDM 2.0 §4.13 / vc-di-eddsa, <https://www.w3.org/TR/vc-data-model-2.0/#presentations>).
//! Offline by default: the caller's [`VerifyContext`] carries the fetcher the learner allowed.
//!
//! What a receiver is shown is built **only from the verified originals**: each badge's name,
//! issuer and dates come from parsing its credential, its status from this check. The
//! human-readable parts of the file are compared with them and every difference is reported
//! (issue 12): the HTML page byte for byte against its re-rendering ([`crate::export::page`]),
//! and in a bundle the manifest's words, the file names and the baked images too.
//!
//! [`Expect::recipients`] asks whether each badge was issued to the person who sent it
//! (hashed emails matched here, with [`crate::verify::recipient`]; never sent anywhere).
//!
//! Everything in the received file is untrusted: sizes are bounded by [`crate::limits`]
//! (a ZIP's manifest may name each path once, and all reads of one file together stop at
//! [`MAX_SHARE_READ_BYTES`]), nothing is executed or rendered for display here, each
//! credential's bytes are dropped once it is checked, and each credential gets its own report
//! so one damaged credential never hides the others. The app uses [`ShareReport`] to show a
//! received portfolio read-only.

use std::borrow::Cow;
use std::collections::HashSet;

use base64::Engine as _;
use serde::Serialize;
use serde_json::Value;

use crate::export::html::{
    CREDENTIAL_BLOCK_PREFIX, EmbeddedBlock, PAGE_BLOCK_ID, PRESENTATION_BLOCK_ID, extract_blocks,
};
use crate::export::page::{self, PageDifference, ReceivedCredential, visible};
use crate::export::zip::{MANIFEST, Manifest, PAGE};
use crate::export::{original_file_name, sha256_hex};
use crate::i18n::Catalog;
use crate::limits::{
    MAX_FILE_BYTES, MAX_SHARE_PAGE_BYTES, MAX_SHARE_READ_BYTES, MAX_ZIP_ENTRY_BYTES,
};
use crate::localize::{Localize as _, Message, json_error, msg, word};
use crate::model::{Badge, Format};
use crate::parse::ParsedCredential;
use crate::verify::data_integrity::VerifyOptions;
use crate::verify::{CheckId, Outcome, Report, Status, Verdict, VerifyContext, verify_bytes};
use crate::zipread::{BoundedZip, ZipReadError, unsafe_name};

/// What kind of export was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ShareKind {
    /// An HTML portfolio page.
    Html,
    /// A ZIP bundle.
    Zip,
    /// A bare Verifiable Presentation (JSON).
    Presentation,
    /// A PDF with the original credentials attached.
    Pdf,
}

/// Whether a credential's bytes are the ones the exporter recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", content = "detail", rename_all = "snake_case")]
pub enum Integrity {
    /// The SHA-256 matches the one recorded at export.
    Intact,
    /// The bytes changed after export.
    Altered(String),
    /// No hash was recorded (a bare presentation).
    NotRecorded,
}

/// Was the badge issued to the person the receiver named?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RecipientState {
    /// The receiver named nobody.
    NotAsked,
    /// One of the identities given matches the recipient the credential names.
    Matches,
    /// The credential names a recipient, and none of the identities given matches it.
    DoesNotMatch,
    /// The credential does not say who it was issued to (or cannot be read).
    NotStated,
}

/// The recipient check of one badge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct RecipientCheck {
    /// The answer.
    pub state: RecipientState,
    /// One line: English (the CLI's JSON, the tests), or the learner's language in a
    /// report made by [`ShareReport::localized`] (what the app sends).
    pub detail: String,
    /// The same line as a catalog message, to show in the learner's language
    /// ([`ShareReport::localized`]); not serialized.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub message: Message,
}

/// One credential found in the received file.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct SharedBadge {
    /// Where it was found: a path in the ZIP, a file name in the page (its block's
    /// `data-file`), or `verifiableCredential[N]` in a presentation.
    pub source: String,
    /// The view to show, parsed from the credential's own bytes (never from the page).
    pub badge: Option<Badge>,
    /// Format, when known.
    pub format: Option<Format>,
    /// SHA-256 of the bytes verified.
    pub sha256: String,
    /// Matches what was recorded at export?
    pub integrity: Integrity,
    /// The full verification report.
    pub report: Report,
    /// The verdict for this credential: the report's, made `invalid` when the bytes were altered.
    pub verdict: Verdict,
    /// The status in the one vocabulary ([`Status::label`]): the report's, made `invalid`
    /// when the bytes were altered.
    pub status: Status,
    /// Issued to the person the receiver named?
    pub recipient: RecipientCheck,
    /// [`Integrity::Altered`]'s detail as a catalog message (`None` otherwise); not
    /// serialized.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub integrity_message: Option<Message>,
}

/// The presentation's proof.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct PresentationCheck {
    /// `holder`.
    pub holder: Option<String>,
    /// `proof.verificationMethod`.
    pub verification_method: Option<String>,
    /// `proof.created`.
    pub created: Option<String>,
    /// `proof.challenge`.
    pub challenge: Option<String>,
    /// `proof.domain`.
    pub domain: Option<String>,
    /// Number of credentials in it.
    pub credentials: usize,
    /// Pass, fail, or error (could not check).
    pub outcome: Outcome,
    /// One line: English (the CLI's JSON, the tests), or the learner's language in a
    /// report made by [`ShareReport::localized`] (what the app sends).
    pub detail: String,
    /// The same line as a catalog message, to show in the learner's language
    /// ([`ShareReport::localized`]); not serialized.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub message: Message,
}

/// The page's visible text compared with the credentials.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct PageCheck {
    /// Which page: the file itself ("the page", in the report's language), or `index.html`
    /// in a bundle.
    pub source: String,
    /// [`PageCheck::source`] as a message (words for the file itself, a file name as given);
    /// not serialized.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub source_message: Message,
    /// True when the page is exactly what Backpack renders from its credentials.
    pub matches: bool,
    /// Every difference (empty when it matches).
    pub differences: Vec<PageDifference>,
}

/// Everything found in a received export.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ShareReport {
    /// What was received.
    pub kind: ShareKind,
    /// The portfolio title as the sender wrote it, when the file says.
    pub title: Option<String>,
    /// When it was exported, when the file says.
    pub exported_at: Option<String>,
    /// One entry per credential.
    pub badges: Vec<SharedBadge>,
    /// The presentation, if the file has one.
    pub presentation: Option<PresentationCheck>,
    /// The page compared with the credentials (HTML portfolios and bundles).
    pub page: Option<PageCheck>,
    /// Problems with the file as a whole (missing entries, altered files, …): English (the
    /// CLI's JSON, the tests), or the learner's language in a report made by
    /// [`ShareReport::localized`] (what the app sends).
    pub problems: Vec<String>,
    /// The same problems as catalog messages, in the same order, to show in the learner's
    /// language ([`ShareReport::localized`]); not serialized.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub problem_messages: Vec<Message>,
}

impl ShareReport {
    /// This report with every sentence in `cat`'s language, for showing: the problems, the
    /// page's differences, the presentation's and each recipient's line, an altered
    /// credential's detail, and each badge's verification report ([`Report::localized`]).
    /// Data (file names, hashes, the sender's and the issuer's words) stays as given. The
    /// report itself (and the CLI's JSON) keeps English.
    pub fn localized(&self, cat: &Catalog) -> ShareReport {
        let mut r = self.clone();
        r.localize(cat);
        r
    }

    /// [`ShareReport::localized`], in place.
    pub fn localize(&mut self, cat: &Catalog) {
        if self.problem_messages.len() == self.problems.len() {
            for (p, m) in self.problems.iter_mut().zip(&self.problem_messages) {
                *p = in_language(m, p, cat);
            }
        }
        for b in &mut self.badges {
            b.report = b.report.localized(cat);
            b.recipient.detail = in_language(&b.recipient.message, &b.recipient.detail, cat);
            if let (Integrity::Altered(d), Some(m)) = (&mut b.integrity, &b.integrity_message) {
                *d = in_language(m, d, cat);
            }
        }
        if let Some(p) = &mut self.presentation {
            p.detail = in_language(&p.message, &p.detail, cat);
        }
        if let Some(p) = &mut self.page {
            p.source = in_language(&p.source_message, &p.source, cat);
            for d in &mut p.differences {
                d.message = in_language(&d.line, &d.message, cat);
            }
        }
    }

    /// True only when every credential is valid, the presentation (if any) verifies, the page
    /// (if any) shows exactly what the credentials say, every recipient asked about matches,
    /// and the file has no problems.
    pub fn all_valid(&self) -> bool {
        !self.badges.is_empty()
            && self.badges.iter().all(|b| {
                b.verdict == Verdict::Valid
                    && matches!(
                        b.recipient.state,
                        RecipientState::NotAsked | RecipientState::Matches
                    )
            })
            && self
                .presentation
                .as_ref()
                .is_none_or(|p| p.outcome == Outcome::Pass)
            && self.page.as_ref().is_none_or(|p| p.matches)
            && self.problems.is_empty()
    }

    /// True when something is definitely wrong (not merely unchecked): an invalid credential,
    /// a presentation that fails, a page that differs from its credentials, a recipient that
    /// does not match, or a problem with the file.
    pub fn any_invalid(&self) -> bool {
        self.badges.iter().any(|b| {
            b.verdict == Verdict::Invalid || b.recipient.state == RecipientState::DoesNotMatch
        }) || self
            .presentation
            .as_ref()
            .is_some_and(|p| p.outcome == Outcome::Fail)
            || self.page.as_ref().is_some_and(|p| !p.matches)
            || !self.problems.is_empty()
    }
}

/// `m` in `cat`'s language, or `english` as it is when `m` is not the same sentence (a
/// report put together by hand) or names a message this build does not know.
fn in_language(m: &Message, english: &str, cat: &Catalog) -> String {
    let same = Some(m).filter(|m| m.english() == english);
    crate::localize::shown_in(same, english, cat)
}

/// English renderings of `messages`, in order.
fn english(messages: &[Message]) -> Vec<String> {
    messages.iter().map(Message::english).collect()
}

/// Why a received file could not be examined at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ShareError {
    /// Not one of our export kinds.
    #[error(
        "not a backpack export: expected an html portfolio, a zip bundle, a pdf or a presentation json"
    )]
    Unrecognised,
    /// Too big.
    #[error("file is {size} bytes, above the {limit}-byte limit for a shared export")]
    TooLarge {
        /// Size.
        size: u64,
        /// Limit.
        limit: u64,
    },
    /// The archive is unreadable.
    #[error("zip bundle is unreadable: {0}")]
    Zip(Message),
    /// The archive exceeds a limit.
    #[error("zip bundle exceeds the {what} limit of {limit}")]
    ZipLimit {
        /// Which limit.
        what: &'static str,
        /// Its value.
        limit: u64,
    },
    /// A path is named twice (in the archive or in its manifest).
    #[error("zip bundle names {0} more than once; a bundle names each file once")]
    DuplicatePath(String),
    /// No credential was found.
    #[error("the export holds no credential to verify")]
    NoCredentials,
    /// The presentation JSON is not usable.
    #[error("presentation is not valid json: {0}")]
    BadPresentation(Message),
    /// The PDF's attachments cannot be read.
    #[error("{0}")]
    Pdf(#[from] crate::export::pdf_read::PdfReadError),
}

/// Largest shared file accepted: a bundle of many badges.
pub const MAX_SHARE_BYTES: u64 = 512 * 1024 * 1024;

/// What the receiver expects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expect {
    /// The `challenge` the receiver sent, if any: the proof must carry it.
    pub challenge: Option<String>,
    /// The receiver's `domain`, if any: the proof must carry it.
    pub domain: Option<String>,
    /// The sender's emails, DIDs or URLs: each badge must be issued to one of them. Empty:
    /// not asked. Matched on this machine only.
    pub recipients: Vec<String>,
}

/// Examine a received export and verify everything in it.
pub fn verify_share(bytes: &[u8], ctx: &VerifyContext<'_>) -> Result<ShareReport, ShareError> {
    verify_share_with(bytes, ctx, &Expect::default())
}

/// [`verify_share`], also requiring what the receiver expects ([`Expect`]).
///
/// `ctx.recipients` is not used: the credentials were issued to the sender, not to whoever
/// opens the file. Name the sender in [`Expect::recipients`] instead.
pub fn verify_share_with(
    bytes: &[u8],
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    if bytes.len() as u64 > MAX_SHARE_BYTES {
        return Err(ShareError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_SHARE_BYTES,
        });
    }
    let ctx = VerifyContext {
        clock: ctx.clock,
        fetcher: ctx.fetcher,
        recipients: &[],
        cache: ctx.cache,
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return verify_zip(bytes, &ctx, expect);
    }
    if bytes.starts_with(b"%PDF-") {
        return verify_pdf(bytes, &ctx, expect);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ShareError::Unrecognised)?;
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower_head: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower_head.starts_with("<!doctype html") || lower_head.starts_with("<html") {
        return verify_html(text, &ctx, expect);
    }
    if head.starts_with('{') {
        return verify_presentation_only(head, &ctx, expect);
    }
    Err(ShareError::Unrecognised)
}

fn parsed_of(bytes: &[u8]) -> Option<ParsedCredential> {
    let decoded = crate::decode::decode(bytes).ok()?;
    crate::parse::parse(&decoded).ok()
}

/// One credential checked: its report entry, what the presentation comparison needs, and
/// whether its signature verified. Its bytes are not kept.
struct Checked {
    badge: SharedBadge,
    key: Option<CredentialKey>,
    signed: bool,
}

fn check_one(
    source: String,
    bytes: &[u8],
    expected: Option<&str>,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Checked {
    let sha = sha256_hex(bytes);
    let (integrity, integrity_message) = match expected {
        Some(e) if e.eq_ignore_ascii_case(&sha) => (Integrity::Intact, None),
        Some(e) => {
            let m = msg!("chk-share-altered", sha256 = &sha, recorded = visible(e));
            (Integrity::Altered(m.english()), Some(m))
        }
        None => (Integrity::NotRecorded, None),
    };
    let report = verify_bytes(bytes, ctx);
    let altered = matches!(integrity, Integrity::Altered(_));
    let (verdict, status) = if altered {
        (Verdict::Invalid, Status::Invalid)
    } else {
        (report.verdict, report.status)
    };
    let parsed = parsed_of(bytes);
    let recipient = recipient_check(parsed.as_ref(), &expect.recipients);
    let signed = report.get(CheckId::Proof).map(|c| c.outcome) == Some(Outcome::Pass);
    Checked {
        key: key_of_original(bytes),
        signed,
        badge: SharedBadge {
            source,
            badge: parsed.map(|p| p.badge),
            format: report.format,
            sha256: sha,
            integrity,
            verdict,
            status,
            recipient,
            report,
            integrity_message,
        },
    }
}

fn unreadable(source: String, why: Message, ctx: &VerifyContext<'_>, expect: &Expect) -> Checked {
    let mut report = Report::new(
        ctx.clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    );
    report.set(CheckId::Decode, Outcome::Fail, why.clone());
    Checked {
        key: None,
        signed: false,
        badge: SharedBadge {
            source,
            badge: None,
            format: None,
            sha256: String::new(),
            integrity: Integrity::Altered(why.english()),
            verdict: Verdict::Invalid,
            status: Status::Unreadable,
            recipient: recipient_check(None, &expect.recipients),
            report,
            integrity_message: Some(why),
        },
    }
}

/// Is the badge issued to one of `wanted` (the sender's identities, as the receiver gave them)?
fn recipient_check(parsed: Option<&ParsedCredential>, wanted: &[String]) -> RecipientCheck {
    use crate::verify::recipient::{check_ob2, check_ob3};
    let check = |state, message: Message| RecipientCheck {
        state,
        detail: message.english(),
        message,
    };
    if wanted.is_empty() {
        return check(
            RecipientState::NotAsked,
            msg!("chk-share-recipient-not-asked"),
        );
    }
    let Some(p) = parsed else {
        return check(
            RecipientState::NotStated,
            msg!("chk-share-recipient-unreadable"),
        );
    };
    let nonempty = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    };
    let ob2 = !p.format.is_vc();
    let stated = if ob2 {
        match p.document.get("recipient") {
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(r @ Value::Object(_)) => nonempty(r.get("identity")),
            _ => false,
        }
    } else {
        let subjects: Vec<&Value> = match p.document.get("credentialSubject") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v @ Value::Object(_)) => vec![v],
            _ => Vec::new(),
        };
        subjects.iter().any(|s| {
            nonempty(s.get("id"))
                || match s.get("identifier") {
                    Some(Value::Array(a)) => a.iter().any(|i| nonempty(i.get("identityHash"))),
                    Some(i @ Value::Object(_)) => nonempty(i.get("identityHash")),
                    _ => false,
                }
        })
    };
    if !stated {
        return check(
            RecipientState::NotStated,
            msg!("chk-share-recipient-not-stated"),
        );
    }
    // One identity at a time, to say which one matched.
    let mut last = Message::Text(String::new());
    let mut last_english = String::new();
    for id in wanted {
        let one = std::slice::from_ref(id);
        let (outcome, detail) = if ob2 {
            check_ob2(p.document.get("recipient"), one)
        } else {
            check_ob3(p.document.get("credentialSubject"), one)
        };
        // The verifier's detail: a message or text (it is the verifier's to word).
        let detail: Message = detail;
        let english = detail.english();
        if outcome == Outcome::Pass {
            return check(
                RecipientState::Matches,
                if english.contains("hash") {
                    msg!("chk-share-recipient-matches-hashed", id = visible(id))
                } else {
                    msg!("chk-share-recipient-matches", id = visible(id))
                },
            );
        }
        (last, last_english) = (detail, english);
    }
    let who = if wanted.len() == 1 {
        msg!("chk-share-recipient-one", id = visible(&wanted[0]))
    } else {
        msg!("chk-share-recipient-many", n = Message::Count(wanted.len()))
    };
    check(
        RecipientState::DoesNotMatch,
        if last_english.starts_with("issued to someone else") || last_english.is_empty() {
            msg!("chk-share-recipient-differs", who = who)
        } else {
            msg!(
                "chk-share-recipient-differs-why",
                who = who,
                why = crate::export::page::visible_message(last)
            )
        },
    )
}

/// A status as its label ([`Status::label`] in English), a catalog message.
fn status_word(s: Status) -> Message {
    Message::Id(Cow::Owned(format!("status-{}", s.as_str())), Vec::new())
}

/// A received page without a leading BOM and with CRLF line ends made LF (Backpack writes
/// LF only, and never a CR in text, so this cannot hide anything).
fn normalise_page(text: &str) -> Cow<'_, str> {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    if t.contains('\r') {
        Cow::Owned(t.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(t)
    }
}

/// The blocks of a page, sorted by kind. Block-level problems go to `problems`.
struct PageBlocks {
    credentials: Vec<EmbeddedBlock>,
    presentation: Option<EmbeddedBlock>,
    record: Vec<EmbeddedBlock>,
}

fn sort_blocks(blocks: Vec<EmbeddedBlock>, problems: &mut Vec<Message>) -> PageBlocks {
    let mut out = PageBlocks {
        credentials: Vec::new(),
        presentation: None,
        record: Vec::new(),
    };
    for b in blocks {
        if b.id == PRESENTATION_BLOCK_ID {
            if out.presentation.is_some() {
                problems.push(msg!("chk-share-two-presentation-blocks"));
            } else {
                out.presentation = Some(b);
            }
        } else if b.id == PAGE_BLOCK_ID {
            out.record.push(b);
        } else if b.id.starts_with(CREDENTIAL_BLOCK_PREFIX) {
            out.credentials.push(b);
        } else {
            problems.push(msg!("chk-share-unknown-block", id = visible(&b.id)));
        }
    }
    for (i, b) in out.credentials.iter().enumerate() {
        let want = format!("{CREDENTIAL_BLOCK_PREFIX}{}", i + 1);
        if b.id != want {
            problems.push(msg!(
                "chk-share-blocks-out-of-order",
                n = i + 1,
                id = visible(&b.id)
            ));
            break;
        }
    }
    out
}

/// What the page comparison needs of one checked credential: the receiver's status, whether
/// its signature verified, and its embedded endorsements as the receiver checked them.
type PageChecked = (Status, bool, Vec<crate::verify::EndorsementCheck>);

/// Compare a page with the credentials checked for it. `statuses[i]`/`signed[i]` belong to
/// the page's credential block `i`.
fn check_page_text(
    source: Message,
    page: &str,
    blocks: PageBlocks,
    checked: &[PageChecked],
) -> (PageCheck, Option<crate::export::html::PageInputs>) {
    let record: Vec<&EmbeddedBlock> = blocks.record.iter().collect();
    let inputs = match page::read_inputs(&record) {
        Ok(i) => i,
        Err(message) => {
            return (
                PageCheck {
                    source: source.english(),
                    source_message: source,
                    matches: false,
                    differences: vec![PageDifference {
                        badge: None,
                        field: None,
                        page_says: None,
                        expected: None,
                        message: message.english(),
                        line: message,
                    }],
                },
                None,
            );
        }
    };
    let vp = blocks
        .presentation
        .as_ref()
        .and_then(|b| b.bytes.as_ref().ok())
        .map(Vec::as_slice);
    let creds: Vec<ReceivedCredential> = blocks
        .credentials
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let (status, signed, endorsements) =
                checked
                    .get(i)
                    .cloned()
                    .unwrap_or((Status::Unreadable, false, Vec::new()));
            ReceivedCredential {
                bytes: b.bytes.unwrap_or_default(),
                status,
                signed,
                endorsements,
            }
        })
        .collect();
    let differences = page::check_page(page, &inputs, creds, vp);
    (
        PageCheck {
            source: source.english(),
            source_message: source,
            matches: differences.is_empty(),
            differences,
        },
        Some(inputs),
    )
}

fn verify_html(
    text: &str,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    let page_text = normalise_page(text);
    let mut problems = Vec::new();
    let blocks = sort_blocks(extract_blocks(&page_text), &mut problems);
    if blocks.credentials.is_empty() {
        return Err(ShareError::NoCredentials);
    }
    let mut badges = Vec::new();
    let mut keys = Vec::new();
    let mut checked = Vec::new();
    for b in &blocks.credentials {
        let source = b.file.as_deref().map_or_else(|| b.id.clone(), visible);
        let c = match &b.bytes {
            Ok(bytes) => check_one(source, bytes, b.sha256.as_deref(), ctx, expect),
            Err(e) => unreadable(source, e.clone(), ctx, expect),
        };
        checked.push((
            c.badge.status,
            c.signed,
            c.badge.report.endorsements.clone(),
        ));
        keys.push((c.badge.format, c.key));
        badges.push(c.badge);
    }
    let mut presentation = None;
    if let Some(b) = &blocks.presentation {
        presentation = Some(match &b.bytes {
            Ok(vp) => {
                let altered = b
                    .sha256
                    .as_deref()
                    .is_some_and(|e| !e.eq_ignore_ascii_case(&sha256_hex(vp)));
                if altered {
                    problems.push(msg!("chk-share-presentation-altered"));
                }
                match serde_json::from_slice::<Value>(vp) {
                    Ok(v) => {
                        if let Some(p) = presentation_matches(&v, &keys) {
                            problems.push(p);
                        }
                        check_presentation(&v, ctx, expect)
                    }
                    Err(e) => {
                        failed_presentation(ShareError::BadPresentation(json_error(&e)).message())
                    }
                }
            }
            Err(e) => failed_presentation(e.clone()),
        });
    }
    drop(keys);
    let (page, inputs) = check_page_text(msg!("chk-share-the-page"), &page_text, blocks, &checked);
    Ok(ShareReport {
        kind: ShareKind::Html,
        title: inputs.as_ref().map(|i| i.title.clone()),
        exported_at: inputs.as_ref().map(|i| i.exported_at.clone()),
        badges,
        presentation,
        page: Some(page),
        problems: english(&problems),
        problem_messages: problems,
    })
}

/// Why an entry could not be read: the whole file is refused (the read budget), or only this
/// entry is reported.
enum ReadError {
    Refuse(ShareError),
    Entry(Said),
}

/// A problem with one entry: a catalog message, compared with English text by its English.
#[derive(Debug)]
struct Said(Message);

impl PartialEq<&str> for Said {
    fn eq(&self, other: &&str) -> bool {
        self.0.english() == *other
    }
}

/// Reads entries of one received archive under one budget of decompressed bytes
/// ([`crate::zipread`]), worded as a received bundle's lines.
struct ZipReader<'a> {
    zip: BoundedZip<std::io::Cursor<&'a [u8]>>,
}

impl ZipReader<'_> {
    /// One entry, at most `max` bytes, counted against the budget. Stored entries are read
    /// raw, so a changed byte reaches the verifier (and the manifest hash) instead of stopping
    /// at the entry CRC.
    fn read(&mut self, name: &str, max: u64) -> Result<Vec<u8>, ReadError> {
        self.zip.read_name(name, max, true).map_err(|e| match e {
            ZipReadError::Budget(limit) => ReadError::Refuse(ShareError::ZipLimit {
                what: "total decompressed bytes read",
                limit,
            }),
            ZipReadError::Missing(_) => {
                ReadError::Entry(Said(msg!("chk-share-entry-missing", name = visible(name))))
            }
            ZipReadError::EntryTooLarge(_) => ReadError::Entry(Said(msg!(
                "chk-share-entry-too-large",
                name = visible(name),
                limit = max
            ))),
            // The archive library's own words, as given.
            ZipReadError::Entry(e) => ReadError::Entry(Said(msg!(
                "chk-share-in-file",
                file = visible(name),
                problem = e
            ))),
            other => ReadError::Entry(Said(msg!(
                "chk-share-in-file",
                file = visible(name),
                problem = other.message()
            ))),
        })
    }
}

/// The path's recorded hash, from the manifest's file list.
fn recorded<'m>(m: &'m Manifest, path: &str) -> Option<&'m str> {
    m.files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.sha256.as_str())
}

/// Refuse an archive or manifest that names a path twice: each name is read once.
fn refuse_duplicates(
    zip: &BoundedZip<std::io::Cursor<&[u8]>>,
    m: Option<&Manifest>,
) -> Result<(), ShareError> {
    let mut names = HashSet::new();
    for i in 0..zip.len() {
        let name = zip
            .name_for_index(i)
            // The archive library's own words, as given.
            .map_err(|e| ShareError::Zip(Message::Text(e.to_string())))?;
        if let Some(why) = unsafe_name(name) {
            return Err(ShareError::Zip(msg!(
                "err-share-zip-bad-name",
                name = visible(name),
                why = word(why)
            )));
        }
        if !names.insert(name.to_string()) {
            return Err(ShareError::DuplicatePath(visible(name)));
        }
    }
    let Some(m) = m else { return Ok(()) };
    let mut files = HashSet::new();
    for f in &m.files {
        if !files.insert(f.path.as_str()) {
            return Err(ShareError::DuplicatePath(visible(&f.path)));
        }
    }
    let mut refs = HashSet::new();
    let named = m
        .badges
        .iter()
        .flat_map(|b| std::iter::once(&b.original).chain(b.baked.as_ref()))
        .chain(m.presentation.as_ref());
    for p in named {
        if !refs.insert(p.as_str()) || p == PAGE || p == MANIFEST {
            return Err(ShareError::DuplicatePath(visible(p)));
        }
    }
    Ok(())
}

fn verify_zip(
    bytes: &[u8],
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    verify_zip_within(bytes, ctx, expect, MAX_SHARE_READ_BYTES)
}

fn verify_zip_within(
    bytes: &[u8],
    ctx: &VerifyContext<'_>,
    expect: &Expect,
    budget: u64,
) -> Result<ShareReport, ShareError> {
    let zip = BoundedZip::open(std::io::Cursor::new(bytes), budget).map_err(|e| match e {
        ZipReadError::TooManyEntries { limit, .. } => ShareError::ZipLimit {
            what: "entry count",
            limit: limit as u64,
        },
        other => ShareError::Zip(other.message()),
    })?;
    let mut r = ZipReader { zip };
    if r.zip.declared_total() > budget {
        return Err(ShareError::ZipLimit {
            what: "total decompressed bytes read",
            limit: budget,
        });
    }
    refuse_duplicates(&r.zip, None)?;
    let mut problems = Vec::new();
    let refuse = |e: ReadError, problems: &mut Vec<Message>| match e {
        ReadError::Refuse(e) => Err(e),
        ReadError::Entry(Said(p)) => {
            problems.push(p);
            Ok(())
        }
    };
    let manifest: Option<Manifest> = match r.read(MANIFEST, MAX_FILE_BYTES) {
        Ok(b) => match serde_json::from_slice(&b) {
            Ok(m) => Some(m),
            Err(e) => {
                problems.push(msg!(
                    "chk-share-manifest-unreadable",
                    detail = e.to_string()
                ));
                None
            }
        },
        Err(e) => {
            refuse(e, &mut problems)?;
            None
        }
    };
    refuse_duplicates(&r.zip, manifest.as_ref())?;

    // Without a manifest, every credentials/ entry is checked, and nothing else can be.
    let Some(m) = manifest else {
        let names: Vec<String> = r
            .zip
            .names()
            .filter(|n| n.starts_with("credentials/") && !n.ends_with('/'))
            .map(str::to_string)
            .collect();
        let mut badges = Vec::new();
        for path in names {
            let c = match r.read(&path, MAX_ZIP_ENTRY_BYTES) {
                Ok(b) => check_one(visible(&path), &b, None, ctx, expect),
                Err(ReadError::Refuse(e)) => return Err(e),
                Err(ReadError::Entry(Said(e))) => unreadable(visible(&path), e, ctx, expect),
            };
            badges.push(c.badge);
        }
        if badges.is_empty() {
            return Err(ShareError::NoCredentials);
        }
        return Ok(ShareReport {
            kind: ShareKind::Zip,
            title: None,
            exported_at: None,
            badges,
            presentation: None,
            page: None,
            problems: english(&problems),
            problem_messages: problems,
        });
    };
    if m.badges.is_empty() {
        return Err(ShareError::NoCredentials);
    }

    // Exactly the files Backpack writes: the page, the presentation, each original and
    // baked image, the manifest; each recorded with its hash.
    let mut wanted: Vec<&str> = vec![PAGE];
    wanted.extend(m.presentation.as_deref());
    for b in &m.badges {
        wanted.push(&b.original);
        wanted.extend(b.baked.as_deref());
    }
    for w in &wanted {
        if recorded(&m, w).is_none() {
            problems.push(msg!("chk-share-manifest-no-hash", file = visible(w)));
        }
    }
    for f in &m.files {
        if !wanted.contains(&f.path.as_str()) {
            problems.push(msg!(
                "chk-share-bundle-lists-extra",
                file = visible(&f.path)
            ));
        }
    }
    let extra: Vec<String> = r
        .zip
        .names()
        .filter(|n| *n != MANIFEST && !m.files.iter().any(|f| f.path == *n))
        .map(visible)
        .collect();
    for n in extra {
        problems.push(msg!("chk-share-bundle-holds-extra", file = n));
    }

    let mut badges = Vec::new();
    let mut keys = Vec::new();
    let mut checked = Vec::new();
    for (i, mb) in m.badges.iter().enumerate() {
        let path = mb.original.as_str();
        let bytes = match r.read(path, MAX_ZIP_ENTRY_BYTES) {
            Ok(b) => b,
            Err(ReadError::Refuse(e)) => return Err(e),
            Err(ReadError::Entry(Said(e))) => {
                let c = unreadable(visible(path), e, ctx, expect);
                checked.push((c.badge.status, c.badge.sha256.clone(), false, Vec::new()));
                keys.push((None, None));
                badges.push(c.badge);
                continue;
            }
        };
        let c = check_one(visible(path), &bytes, recorded(&m, path), ctx, expect);
        let n = i + 1;
        // The manifest's words and the file names, against the credential.
        if let Ok(item) = page::item_from_original(bytes) {
            let says = |what: Message, manifest: Message, cred: Message| {
                if c.signed {
                    msg!(
                        "chk-share-manifest-says-signed",
                        n = n,
                        field = what,
                        manifest = manifest,
                        credential = cred
                    )
                } else {
                    msg!(
                        "chk-share-manifest-says-embedded",
                        n = n,
                        field = what,
                        manifest = manifest,
                        credential = cred
                    )
                }
            };
            let shown = |s: &str| Message::Text(visible(s));
            let id_or_none = |id: Option<&str>| id.map_or_else(|| msg!("chk-share-none"), shown);
            if mb.name != item.badge.name {
                problems.push(says(
                    msg!("chk-share-field-name"),
                    shown(&mb.name),
                    shown(&item.badge.name),
                ));
            }
            if mb.id != item.badge.id {
                problems.push(says(
                    msg!("chk-share-field-credential-id"),
                    id_or_none(mb.id.as_deref()),
                    id_or_none(item.badge.id.as_deref()),
                ));
            }
            if mb.format != item.format.as_str() {
                problems.push(says(
                    msg!("chk-share-field-format"),
                    shown(&mb.format),
                    shown(item.format.as_str()),
                ));
            }
            let name = original_file_name(i, &item);
            let want_path = format!("credentials/{name}");
            if path != want_path {
                problems.push(msg!(
                    "chk-share-file-misnamed",
                    n = n,
                    file = visible(path),
                    want = want_path
                ));
            }
            if mb.status_at_export != Status::NotChecked && mb.status_at_export != c.badge.status {
                problems.push(msg!(
                    "chk-share-manifest-status",
                    n = n,
                    manifest = status_word(mb.status_at_export),
                    now = status_word(c.badge.status)
                ));
            }
            if mb.verdict_at_export != "not_checked"
                && mb.verdict_at_export != c.badge.verdict.as_str()
            {
                problems.push(msg!(
                    "chk-share-manifest-verdict",
                    n = n,
                    manifest = visible(&mb.verdict_at_export),
                    now = c.badge.verdict.as_str()
                ));
            }
            if let Some(bp) = mb.baked.as_deref() {
                let expected = crate::export::baked::baked_image(&item).ok();
                let stem = name.split('.').next().unwrap_or("badge");
                match r.read(bp, MAX_ZIP_ENTRY_BYTES) {
                    Ok(baked) => {
                        if recorded(&m, bp).is_some_and(|h| h != sha256_hex(&baked)) {
                            problems.push(msg!("chk-share-file-altered", file = visible(bp)));
                        }
                        match expected {
                            Some(img) if img.bytes == baked => {
                                if bp != format!("baked/{stem}.{}", img.extension) {
                                    problems.push(msg!(
                                        "chk-share-baked-misnamed",
                                        n = n,
                                        file = visible(bp),
                                        want = format!("baked/{stem}.{}", img.extension)
                                    ));
                                }
                            }
                            _ => problems.push(msg!(
                                "chk-share-baked-other",
                                n = n,
                                file = visible(bp),
                                original = visible(path)
                            )),
                        }
                    }
                    Err(e) => refuse(e, &mut problems)?,
                }
            }
        }
        checked.push((
            c.badge.status,
            c.badge.sha256.clone(),
            c.signed,
            c.badge.report.endorsements.clone(),
        ));
        keys.push((c.badge.format, c.key));
        badges.push(c.badge);
    }

    let presentation = match m.presentation.as_deref() {
        None => None,
        Some(p) => Some(match r.read(p, MAX_FILE_BYTES * 8) {
            Ok(b) => {
                if recorded(&m, p).is_some_and(|h| h != sha256_hex(&b)) {
                    problems.push(msg!("chk-share-file-altered", file = visible(p)));
                }
                match serde_json::from_slice::<Value>(&b) {
                    Ok(v) => {
                        if let Some(p) = presentation_matches(&v, &keys) {
                            problems.push(p);
                        }
                        check_presentation(&v, ctx, expect)
                    }
                    Err(e) => {
                        failed_presentation(ShareError::BadPresentation(json_error(&e)).message())
                    }
                }
            }
            Err(ReadError::Refuse(e)) => return Err(e),
            Err(ReadError::Entry(Said(e))) => failed_presentation(e),
        }),
    };
    drop(keys);

    // The page: compared with the credentials it embeds, which must be the bundle's.
    let mut page = None;
    let mut inputs = None;
    match r.read(PAGE, MAX_SHARE_PAGE_BYTES) {
        Ok(b) => {
            if recorded(&m, PAGE).is_some_and(|h| h != sha256_hex(&b)) {
                problems.push(msg!("chk-share-file-altered", file = PAGE));
            }
            match String::from_utf8(b) {
                Ok(text) => {
                    let text = normalise_page(&text);
                    let mut block_problems = Vec::new();
                    let blocks = sort_blocks(extract_blocks(&text), &mut block_problems);
                    problems.extend(
                        block_problems
                            .into_iter()
                            .map(|p| msg!("chk-share-in-file", file = PAGE, problem = p)),
                    );
                    let shas: Vec<Option<String>> = blocks
                        .credentials
                        .iter()
                        .map(|b| b.bytes.as_ref().ok().map(|x| sha256_hex(x)))
                        .collect();
                    if shas.len() != checked.len() {
                        problems.push(msg!(
                            "chk-share-page-embeds-count",
                            file = PAGE,
                            page = Message::Count(shas.len()),
                            bundle = Message::Count(checked.len())
                        ));
                    }
                    for (i, (sha, (_, want, _, _))) in shas.iter().zip(&checked).enumerate() {
                        if sha.as_deref() != Some(want.as_str()) {
                            problems.push(msg!(
                                "chk-share-page-embeds-other",
                                file = PAGE,
                                block = format!("{CREDENTIAL_BLOCK_PREFIX}{}", i + 1),
                                original = visible(&m.badges[i].original)
                            ));
                        }
                    }
                    let st: Vec<PageChecked> = checked
                        .iter()
                        .map(|(s, _, signed, e)| (*s, *signed, e.clone()))
                        .collect();
                    let (pc, inp) = check_page_text(Message::from(PAGE), &text, blocks, &st);
                    page = Some(pc);
                    inputs = inp;
                }
                Err(_) => problems.push(msg!("chk-share-not-utf8", file = PAGE)),
            }
        }
        Err(e) => refuse(e, &mut problems)?,
    }
    // The manifest's own words, against the page's record.
    if let Some(i) = &inputs {
        if m.title != i.title {
            problems.push(msg!(
                "chk-share-manifest-title",
                manifest = visible(&m.title),
                page = visible(&i.title)
            ));
        }
        if m.exported_at != i.exported_at {
            problems.push(msg!(
                "chk-share-manifest-exported",
                manifest = visible(&m.exported_at),
                page = visible(&i.exported_at)
            ));
        }
        let p = i.privacy;
        let mp = m.privacy;
        if (
            p.include_evidence,
            p.include_notes,
            p.include_dates,
            p.include_emails,
        ) != (
            mp.include_evidence,
            mp.include_notes,
            mp.include_dates,
            mp.include_emails,
        ) {
            problems.push(msg!("chk-share-manifest-privacy"));
        }
    }
    Ok(ShareReport {
        kind: ShareKind::Zip,
        title: inputs.as_ref().map(|i| i.title.clone()),
        exported_at: inputs.as_ref().map(|i| i.exported_at.clone()),
        badges,
        presentation,
        page,
        problems: english(&problems),
        problem_messages: problems,
    })
}

/// A PDF export: every attached file is a credential to check (Backpack attaches each
/// badge's original, its description carrying the SHA-256 it had at export). The printed pages
/// are not compared with the credentials (a PDF's text cannot be read back reliably): the
/// report says so, and what it lists comes only from the attachments.
fn verify_pdf(
    bytes: &[u8],
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    let contents = crate::export::pdf_read::read(bytes)?;
    if contents.attachments.is_empty() {
        return Err(ShareError::NoCredentials);
    }
    let mut attachments = contents.attachments;
    // Badge order: the number each name starts with (01-, 02-, … 100-).
    attachments.sort_by_key(|a| {
        a.name
            .split('-')
            .next()
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(u64::MAX)
    });
    let mut badges = Vec::new();
    let mut problems = Vec::new();
    let mut names = HashSet::new();
    for (i, a) in attachments.into_iter().enumerate() {
        let source = visible(&a.name);
        if !names.insert(a.name.clone()) {
            problems.push(msg!("chk-share-pdf-attached-twice", file = &source));
        }
        let recorded = a.description.as_deref().and_then(|d| {
            let h = d.rsplit("SHA-256 ").next()?.trim();
            (d.contains("SHA-256 ") && h.len() == 64 && h.bytes().all(|c| c.is_ascii_hexdigit()))
                .then(|| h.to_string())
        });
        let c = match a.bytes {
            Ok(b) => {
                let c = check_one(source.clone(), &b, recorded.as_deref(), ctx, expect);
                if let Ok(item) = page::item_from_original(b) {
                    let want = original_file_name(i, &item);
                    if a.name != want {
                        problems.push(msg!(
                            "chk-share-attachment-misnamed",
                            n = i + 1,
                            file = &source,
                            want = want
                        ));
                    }
                }
                c
            }
            // Why the PDF reader could not read it (a catalog message).
            Err(e) => unreadable(
                source.clone(),
                msg!("chk-share-in-file", file = &source, problem = e),
                ctx,
                expect,
            ),
        };
        badges.push(c.badge);
    }
    Ok(ShareReport {
        kind: ShareKind::Pdf,
        title: contents.title.map(|t| visible(&t)),
        exported_at: None,
        badges,
        presentation: None,
        page: None,
        problems: english(&problems),
        problem_messages: problems,
    })
}

fn verify_presentation_only(
    text: &str,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    if text.len() as u64 > MAX_FILE_BYTES * 8 {
        return Err(ShareError::TooLarge {
            size: text.len() as u64,
            limit: MAX_FILE_BYTES * 8,
        });
    }
    let vp: Value =
        serde_json::from_str(text).map_err(|e| ShareError::BadPresentation(json_error(&e)))?;
    if !has_type(&vp, "VerifiablePresentation") {
        return Err(ShareError::Unrecognised);
    }
    let mut badges = Vec::new();
    for (i, entry) in credentials_of(&vp).iter().enumerate() {
        let source = format!("verifiableCredential[{i}]");
        let c = match credential_bytes(entry) {
            Ok(b) => check_one(source, &b, None, ctx, expect),
            Err(e) => unreadable(source, e, ctx, expect),
        };
        badges.push(c.badge);
    }
    if badges.is_empty() {
        return Err(ShareError::NoCredentials);
    }
    Ok(ShareReport {
        kind: ShareKind::Presentation,
        title: None,
        exported_at: vp
            .pointer("/proof/created")
            .and_then(Value::as_str)
            .map(visible),
        badges,
        presentation: Some(check_presentation(&vp, ctx, expect)),
        page: None,
        problems: Vec::new(),
        problem_messages: Vec::new(),
    })
}

fn has_type(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(t)),
        _ => false,
    }
}

fn credentials_of(vp: &Value) -> Vec<Value> {
    match vp.get("verifiableCredential") {
        Some(Value::Array(a)) => a.clone(),
        Some(v @ Value::Object(_)) => vec![v.clone()],
        _ => Vec::new(),
    }
}

/// The bytes to verify for one presentation entry: the JSON credential, or the JWS inside an
/// `EnvelopedVerifiableCredential`.
fn credential_bytes(entry: &Value) -> Result<Vec<u8>, Message> {
    if has_type(entry, "EnvelopedVerifiableCredential") {
        let id = entry
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| msg!("chk-share-enveloped-no-id"))?;
        let (meta, data) = id
            .strip_prefix("data:")
            .and_then(|r| r.split_once(','))
            .ok_or_else(|| msg!("chk-share-enveloped-not-data-url"))?;
        let media = meta.split(';').next().unwrap_or_default();
        if !matches!(
            media,
            "application/vc+jwt" | "application/vc+ld+json+jwt" | "application/jwt"
        ) {
            return Err(msg!(
                "chk-share-enveloped-media-type",
                media = visible(media)
            ));
        }
        if meta.split(';').any(|p| p == "base64") {
            return base64::engine::general_purpose::STANDARD
                .decode(data)
                .map_err(|e| msg!("chk-share-enveloped-not-base64", detail = e.to_string()));
        }
        return Ok(data.as_bytes().to_vec());
    }
    if entry.is_object() {
        // serde_json's own words, as given.
        return serde_json::to_vec(entry).map_err(|e| Message::Text(e.to_string()));
    }
    Err(msg!("chk-share-entry-not-a-credential"))
}

fn failed_presentation(message: Message) -> PresentationCheck {
    PresentationCheck {
        holder: None,
        verification_method: None,
        created: None,
        challenge: None,
        domain: None,
        credentials: 0,
        outcome: Outcome::Fail,
        detail: message.english(),
        message,
    }
}

/// What one credential is, for comparing a presentation with the embedded originals: the
/// JSON document (compared as JSON, so whitespace does not matter) or the compact JWS.
#[derive(Debug, PartialEq)]
enum CredentialKey {
    Json(Value),
    Jws(String),
}

fn key_of_original(bytes: &[u8]) -> Option<CredentialKey> {
    let d = crate::decode::decode(bytes).ok()?;
    let text = d.payload.text().trim();
    if text.starts_with('{') {
        serde_json::from_str(text).ok().map(CredentialKey::Json)
    } else {
        Some(CredentialKey::Jws(text.to_string()))
    }
}

fn key_of_entry(entry: &Value) -> Option<CredentialKey> {
    if has_type(entry, "EnvelopedVerifiableCredential") {
        let bytes = credential_bytes(entry).ok()?;
        return String::from_utf8(bytes)
            .ok()
            .map(|s| CredentialKey::Jws(s.trim().to_string()));
    }
    entry
        .is_object()
        .then(|| CredentialKey::Json(entry.clone()))
}

/// The signed presentation must hold exactly the embedded Verifiable Credentials (OB 2.0
/// badges cannot be in it). `originals` holds each embedded credential's format and key, in
/// order. Returns the problem, if any.
fn presentation_matches(
    vp: &Value,
    originals: &[(Option<Format>, Option<CredentialKey>)],
) -> Option<Message> {
    let mut in_vp: Vec<Option<CredentialKey>> =
        credentials_of(vp).iter().map(key_of_entry).collect();
    let mut missing = 0;
    for (format, key) in originals {
        if !format.is_some_and(Format::is_vc) {
            continue;
        }
        let Some(k) = key else {
            continue;
        };
        match in_vp.iter().position(|e| e.as_ref() == Some(k)) {
            Some(i) => {
                in_vp.swap_remove(i);
            }
            None => missing += 1,
        }
    }
    match (missing, in_vp.len()) {
        (0, 0) => None,
        (m, extra) => Some(msg!(
            "chk-share-presentation-mismatch",
            missing = Message::Count(m),
            extra = Message::Count(extra)
        )),
    }
}

/// Check a presentation's structure and its proof.
pub fn check_presentation(
    vp: &Value,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> PresentationCheck {
    let s = |p: &str| vp.pointer(p).and_then(Value::as_str).map(str::to_string);
    let mut pc = PresentationCheck {
        holder: s("/holder"),
        verification_method: s("/proof/verificationMethod"),
        created: s("/proof/created"),
        challenge: s("/proof/challenge"),
        domain: s("/proof/domain"),
        credentials: credentials_of(vp).len(),
        outcome: Outcome::Fail,
        detail: String::new(),
        message: Message::Text(String::new()),
    };
    let fail = |mut pc: PresentationCheck, m: Message| {
        pc.outcome = Outcome::Fail;
        pc.detail = m.english();
        pc.message = m;
        pc
    };
    if !has_type(vp, "VerifiablePresentation") {
        return fail(pc, msg!("chk-share-vp-not-a-presentation"));
    }
    let Some(proof) = vp.get("proof").filter(|p| p.is_object()) else {
        return fail(pc, msg!("chk-share-vp-no-proof"));
    };
    let Some(holder) = pc.holder.clone() else {
        return fail(pc, msg!("chk-share-vp-no-holder"));
    };
    let vm = pc.verification_method.clone().unwrap_or_default();
    if vm.split('#').next() != Some(holder.as_str()) {
        return fail(pc, msg!("chk-share-vp-key-not-holders"));
    }
    if proof.get("proofPurpose").and_then(Value::as_str) != Some("authentication") {
        return fail(pc, msg!("chk-share-vp-not-authentication"));
    }
    let (outcome, message) = di_verify(vp, &holder, ctx, expect);
    pc.outcome = outcome;
    pc.detail = message.english();
    pc.message = message;
    pc
}

/// Verify the presentation's Data Integrity proof: `authentication` purpose, a key
/// controlled by the holder, and the expected `challenge`/`domain` when the receiver gave them.
fn di_verify(
    vp: &Value,
    holder: &str,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> (Outcome, Message) {
    let opts = VerifyOptions {
        proof_purpose: "authentication",
        challenge: expect.challenge.as_deref(),
        domain: expect.domain.as_deref(),
    };
    let out = crate::verify::verify_document_proofs(vp, Some(holder), ctx, &opts);
    // The signature must hold and the key must be the holder's; the details are the
    // verifier's catalog messages.
    match (out.proof.0, out.issuer_key.0) {
        (Outcome::Pass, Outcome::Pass) => (Outcome::Pass, out.proof_message),
        (Outcome::Pass, o) => (o, out.issuer_key_message),
        (o, _) => (o, out.proof_message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, usize)]) -> Vec<u8> {
        let mut zw = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = ::zip::write::SimpleFileOptions::default()
            .compression_method(::zip::CompressionMethod::Deflated);
        for (n, len) in entries {
            zw.start_file(*n, o).unwrap();
            zw.write_all(&vec![0u8; *len]).unwrap();
        }
        zw.finish().unwrap().into_inner()
    }

    #[test]
    fn every_read_of_one_file_counts_against_one_budget() {
        const MIB: usize = 1024 * 1024;
        let bytes = zip_of(&[("a", MIB), ("b", MIB), ("c", MIB)]);
        let mut r = ZipReader {
            zip: BoundedZip::open(std::io::Cursor::new(bytes.as_slice()), (5 * MIB / 2) as u64)
                .unwrap(),
        };
        assert_eq!(
            r.read("a", MAX_ZIP_ENTRY_BYTES).ok().map(|v| v.len()),
            Some(MIB)
        );
        assert_eq!(
            r.read("b", MAX_ZIP_ENTRY_BYTES).ok().map(|v| v.len()),
            Some(MIB)
        );
        match r.read("c", MAX_ZIP_ENTRY_BYTES) {
            Err(ReadError::Refuse(e)) => assert_eq!(
                e.to_string(),
                "zip bundle exceeds the total decompressed bytes read limit of 2621440"
            ),
            _ => panic!("the third read must exhaust the budget"),
        }
        // An entry over its own limit is that entry's problem, not the file's.
        let mut r = ZipReader {
            zip: BoundedZip::open(std::io::Cursor::new(bytes.as_slice()), u64::MAX).unwrap(),
        };
        match r.read("a", 1000) {
            Err(ReadError::Entry(e)) => assert_eq!(e, "a is larger than the 1000-byte entry limit"),
            _ => panic!("entry limit"),
        }
        match r.read("zz", 1000) {
            Err(ReadError::Entry(e)) => assert_eq!(e, "zz is missing from the bundle"),
            _ => panic!("missing entry"),
        }
    }

    #[test]
    fn a_manifest_naming_one_path_twice_is_refused() {
        // Here as a badge's original and as its baked image: each path is read once.
        let bytes = zip_of(&[("credentials/a.json", 10)]);
        let zip = BoundedZip::open(std::io::Cursor::new(bytes.as_slice()), u64::MAX).unwrap();
        let m: Manifest = serde_json::from_value(serde_json::json!({
            "backpack_manifest": 1, "title": "t", "exported_at": "x",
            "privacy": {"include_evidence": false, "include_notes": false,
                        "include_dates": true, "include_emails": false},
            "presentation": null, "holder": null,
            "badges": [
                {"wallet_id": "1", "id": null, "name": "a", "format": "ob3-json",
                 "original": "credentials/a.json", "baked": "credentials/a.json",
                 "in_presentation": false, "verdict_at_export": "valid"}],
            "files": [{"path": "credentials/a.json", "sha256": "00", "bytes": 10}]
        }))
        .unwrap();
        assert_eq!(
            refuse_duplicates(&zip, Some(&m)).unwrap_err().to_string(),
            "zip bundle names credentials/a.json more than once; a bundle names each file once"
        );
    }
}
