//! Badges: import with dedupe (STANDARDS §3.10), listing and search, detail, removal with
//! undo, notes, tags and verification reports.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::{StoreError, StoreResult, Wallet, hex, sha256};
use crate::model::{Badge, Container, Format, Image};
use crate::parse::{DedupeKey, ParsedCredential};
use crate::verify::report::RULES;
use crate::verify::{Report, Status, Verdict};

/// Longest tag accepted, in characters.
pub const MAX_TAG_CHARS: usize = 64;
/// Longest note accepted, in bytes.
pub const MAX_NOTE_BYTES: usize = 64 * 1024;

/// What importing one credential did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// Stored as a new badge.
    Imported {
        /// Its wallet id.
        id: i64,
        /// The older version this one replaced as current (kept as history), if any.
        replaced: Option<i64>,
        /// Ids of the credentials stored from inside a CLR.
        embedded: Vec<i64>,
    },
    /// An older version of a badge already in the wallet (or a different document with the
    /// same id and date): stored as history only, so nothing imported is dropped.
    History {
        /// Its wallet id.
        id: i64,
        /// The current (newer) version.
        current: i64,
    },
    /// Already in the wallet (same bytes, same assertion id, or same credential and date).
    Duplicate {
        /// The badge already there.
        id: i64,
    },
    /// Claims to be a newer version of a badge already in the wallet (same issuer id and
    /// credential id, later date) but does not verify with a key bound to that issuer: kept
    /// beside the current one as a conflicting copy, never in its place.
    Conflict {
        /// Its wallet id.
        id: i64,
        /// The badge it claims to replace, which stays current.
        current: i64,
    },
}

impl ImportOutcome {
    /// The wallet id the outcome is about.
    pub fn id(&self) -> i64 {
        match self {
            ImportOutcome::Imported { id, .. }
            | ImportOutcome::History { id, .. }
            | ImportOutcome::Conflict { id, .. }
            | ImportOutcome::Duplicate { id } => *id,
        }
    }
}

/// Where a badge's picture comes from (for the gallery, without loading the badge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageKind {
    /// The original file is the image.
    Baked,
    /// A `data:` URI in the badge.
    Data,
    /// A remote URL (fetched only with network consent).
    Remote,
}

impl ImageKind {
    fn as_str(self) -> &'static str {
        match self {
            ImageKind::Baked => "baked",
            ImageKind::Data => "data",
            ImageKind::Remote => "remote",
        }
    }
    fn from_id(s: &str) -> Option<ImageKind> {
        Some(match s {
            "baked" => ImageKind::Baked,
            "data" => ImageKind::Data,
            "remote" => ImageKind::Remote,
            _ => return None,
        })
    }
    fn of(image: Option<&Image>) -> Option<ImageKind> {
        image.map(|i| match i {
            Image::Baked { .. } => ImageKind::Baked,
            Image::Data { .. } => ImageKind::Data,
            Image::Remote { .. } => ImageKind::Remote,
        })
    }
}

/// Sort order for [`Wallet::list_badges`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Issue date, newest first (undated last). The default.
    #[default]
    Newest,
    /// Issue date, oldest first (undated last).
    Oldest,
    /// Name A→Z.
    Name,
    /// Issuer name A→Z, then newest.
    Issuer,
    /// Most recently imported first.
    Imported,
}

/// A listing query. `Query::default()` lists every current badge, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// Words to find (prefix match) in name, issuer, description, skills/alignments and tags.
    pub text: Option<String>,
    /// Only badges from this issuer (its id or its exact name).
    pub issuer: Option<String>,
    /// Only badges in this state.
    pub status: Option<Status>,
    /// Only badges in this collection.
    pub collection: Option<i64>,
    /// Only badges with this tag (the learner's own tags).
    pub tag: Option<String>,
    /// Only this format.
    pub format: Option<Format>,
    /// Sort order.
    pub sort: Sort,
    /// At most this many rows (`None`: all).
    pub limit: Option<u32>,
    /// Skip this many rows.
    pub offset: u32,
}

/// One light row for lists and galleries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeSummary {
    /// Wallet id.
    pub id: i64,
    /// Badge name.
    pub name: String,
    /// Issuer name.
    pub issuer: Option<String>,
    /// Issuer id.
    pub issuer_id: Option<String>,
    /// Issue date (RFC 3339, UTC when it could be normalised).
    pub issued: Option<String>,
    /// End of validity as in the badge.
    pub valid_until: Option<String>,
    /// Format.
    pub format: Format,
    /// Spec version.
    pub spec_version: String,
    /// Latest verdict, if ever verified.
    pub verdict: Option<Verdict>,
    /// State for the status chip.
    pub status: Status,
    /// Where the picture comes from.
    pub image_kind: Option<ImageKind>,
    /// The CLR this credential came in, if any.
    pub parent_id: Option<i64>,
    /// When it was imported.
    pub imported_at: String,
}

/// A stored verification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredReport {
    /// Row id.
    pub id: i64,
    /// Status derived from it ([`Status::NotChecked`] when made under older rules).
    pub status: Status,
    /// The report.
    pub report: Report,
    /// The verification rules it was made under ([`RULES`] today).
    pub rules: u32,
}

/// Everything the wallet holds about one badge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredBadge {
    /// Wallet id.
    pub id: i64,
    /// Format.
    pub format: Format,
    /// What the original file was.
    pub container: Container,
    /// The display view.
    pub badge: Badge,
    /// The original bytes, verbatim.
    #[serde(skip)]
    pub original: Vec<u8>,
    /// SHA-256 of `original`, lower-case hex.
    pub sha256: String,
    /// OB 3.0/CLR credential id.
    pub credential_id: Option<String>,
    /// OB 2.0 assertion id.
    pub assertion_id: Option<String>,
    /// OB 2.0 hosted URL.
    pub hosted_url: Option<String>,
    /// The file it came from.
    pub source: String,
    /// When it was imported.
    pub imported_at: String,
    /// The CLR it came in.
    pub parent_id: Option<i64>,
    /// The newer version that replaced it, if it is history.
    pub superseded_by: Option<i64>,
    /// When the learner removed it (pending purge), if they did.
    pub removed_at: Option<String>,
    /// Older versions kept as history, newest first.
    pub history: Vec<i64>,
    /// The current badge this copy conflicts with: it claims to be a newer version of it but
    /// was not signed with the issuer's key.
    pub conflicts_with: Option<i64>,
    /// Conflicting copies kept beside this badge (see `conflicts_with`), newest first.
    pub conflicts: Vec<i64>,
    /// Credentials stored from inside this CLR.
    pub children: Vec<i64>,
    /// The learner's note.
    pub note: Option<String>,
    /// The learner's tags, sorted.
    pub tags: Vec<String>,
    /// The latest verification report.
    pub latest_report: Option<StoredReport>,
}

impl StoredBadge {
    /// The status chip for this badge.
    pub fn status(&self) -> Status {
        self.latest_report
            .as_ref()
            .map_or(Status::NotChecked, |r| r.status)
    }
}

/// Normalise an RFC 3339 date to UTC (`2024-01-02T03:04:05Z`) for sorting; keep it as is
/// when it does not parse.
fn normalise_date(s: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(d) => d
            .with_timezone(&chrono::Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        Err(_) => s.to_string(),
    }
}

/// Compare two `validFrom`s: parsed instants when both parse, else the strings.
fn newer(a: Option<&str>, b: Option<&str>) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (None, None) => Ordering::Equal,
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (Some(a), Some(b)) => match (
            chrono::DateTime::parse_from_rfc3339(a.trim()),
            chrono::DateTime::parse_from_rfc3339(b.trim()),
        ) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => a.trim().cmp(b.trim()),
        },
    }
}

/// The search text of a badge, by FTS column.
struct SearchText {
    name: String,
    issuer: String,
    description: String,
    skills: String,
    tags: String,
}

fn search_text(badge: &Badge, learner_tags: &[String]) -> SearchText {
    let mut skills = String::new();
    for a in &badge.alignments {
        for part in [
            &a.target_name,
            &a.target_description,
            &a.target_code,
            &a.target_framework,
        ]
        .into_iter()
        .flatten()
        {
            skills.push_str(part);
            skills.push(' ');
        }
    }
    if let Some(t) = &badge.achievement_type {
        skills.push_str(t);
    }
    let mut tags = badge.tags.join(" ");
    for t in learner_tags {
        tags.push(' ');
        tags.push_str(t);
    }
    SearchText {
        name: badge.name.clone(),
        issuer: badge.issuer.name.clone().unwrap_or_default(),
        description: badge.description.clone().unwrap_or_default(),
        skills,
        tags,
    }
}

/// Index a badge's text. The row must not be indexed yet (delete first when updating): a
/// needless delete would leave a tombstone in the contentless index.
fn fts_write(tx: &rusqlite::Connection, id: i64, t: &SearchText) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO badge_fts(rowid, name, issuer, description, skills, tags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        t.name,
        t.issuer,
        t.description,
        t.skills,
        t.tags
    ])?;
    Ok(())
}

/// Re-index one badge after its tags changed.
fn fts_refresh(tx: &rusqlite::Connection, id: i64) -> StoreResult<()> {
    let (json, original): (String, Vec<u8>) = tx
        .prepare_cached("SELECT badge_json, original FROM badges WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(StoreError::NoSuchBadge(id))?;
    let badge = badge_view(id, &json, &original)?;
    let tags = tags_of(tx, id)?;
    tx.prepare_cached("DELETE FROM badge_fts WHERE rowid = ?1")?
        .execute([id])?;
    fts_write(tx, id, &search_text(&badge, &tags))
}

/// The display view of a stored badge: the stored JSON (rows from schema 1), else decode +
/// parse of the original bytes (nothing derivable is stored twice).
fn badge_view(id: i64, json: &str, original: &[u8]) -> StoreResult<Badge> {
    let corrupt = |reason: String| StoreError::Corrupt {
        what: format!("badge #{id}"),
        reason,
    };
    if !json.is_empty() {
        return serde_json::from_str(json).map_err(|e| corrupt(e.to_string()));
    }
    let decoded = crate::decode::decode(original).map_err(|e| corrupt(e.to_string()))?;
    Ok(crate::parse::parse(&decoded)
        .map_err(|e| corrupt(e.to_string()))?
        .badge)
}

fn tags_by_badge(conn: &rusqlite::Connection) -> StoreResult<HashMap<i64, Vec<String>>> {
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    let mut st = conn.prepare_cached("SELECT badge_id, tag FROM badge_tags ORDER BY tag")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, tag) = row?;
        tags.entry(id).or_default().push(tag);
    }
    Ok(tags)
}

fn tags_of(conn: &rusqlite::Connection, id: i64) -> StoreResult<Vec<String>> {
    let mut st =
        conn.prepare_cached("SELECT tag FROM badge_tags WHERE badge_id = ?1 ORDER BY tag")?;
    let rows = st.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Turn free text into an FTS5 query: every word must match as a prefix.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The dedupe decision for one credential.
enum Existing {
    None,
    Duplicate(i64),
    /// Same credential, this one is newer: replaces `0` as current.
    Replaces(i64),
    /// Same credential, this one is older: history of `0`.
    OlderThan(i64),
}

/// Verification reports that go into the wallet with a badge, in the same transaction: the
/// badge's own, and for a CLR one per credential inside it, in order.
#[derive(Debug, Clone, Copy)]
pub struct Checked<'a> {
    /// The badge's report.
    pub report: &'a Report,
    /// Reports of the credentials inside a CLR (`ParsedCredential::embedded` order).
    pub embedded: &'a [Report],
}

/// Does the report show the key bound to the issuer (or, hosted, the issuer's server
/// vouching for it)? Only such a copy may replace the current version of a credential.
fn vouched(report: &Report) -> bool {
    report
        .required_checks()
        .iter()
        .all(|id| report.get(*id).map(|c| c.outcome) == Some(crate::verify::Outcome::Pass))
}

struct Insert<'a> {
    parsed: &'a ParsedCredential,
    original: &'a [u8],
    container: Container,
    source: &'a str,
    parent: Option<i64>,
    superseded_by: Option<i64>,
    sha: &'a [u8],
    doc_sha: &'a [u8],
    now: &'a str,
    /// `original` re-parses to this view: do not store it (schema 2).
    derivable: bool,
    /// The current badge this copy conflicts with, if any.
    conflicts_with: Option<i64>,
}

fn insert_row(tx: &rusqlite::Connection, ins: &Insert<'_>) -> StoreResult<i64> {
    let b = &ins.parsed.badge;
    let (issuer_key, credential_id, assertion_id, valid_from) = match &ins.parsed.dedupe {
        DedupeKey::Credential {
            issuer_id,
            id,
            valid_from,
        } => (
            Some(issuer_id.clone()),
            Some(id.clone()),
            None,
            valid_from.clone().or_else(|| b.valid_from.clone()),
        ),
        DedupeKey::Assertion { id } => (
            b.issuer.id.clone(),
            None,
            Some(id.clone()),
            key_date(ins.parsed),
        ),
        DedupeKey::Content => (b.issuer.id.clone(), None, None, b.valid_from.clone()),
    };
    // When the original re-parses to this view, it is derived on read, not stored twice.
    let badge_json = if ins.derivable {
        String::new()
    } else {
        serde_json::to_string(b).map_err(|e| StoreError::Corrupt {
            what: "the new badge".into(),
            reason: e.to_string(),
        })?
    };
    let container = serde_json::to_value(ins.container)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    tx.prepare_cached(
        "INSERT INTO badges (format, container, spec_version, name, issuer_name, issuer_id,
            issued, valid_from, valid_until, image_kind, badge_json, original, sha256,
            credential_id, assertion_id, hosted_url, source, imported_at, parent_id, superseded_by,
            document_sha256, conflicts_with)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
    )?
    .execute(params![
        ins.parsed.format.as_str(),
        container,
        b.spec_version,
        b.name,
        b.issuer.name,
        issuer_key,
        b.issued.as_deref().map(normalise_date),
        valid_from,
        b.valid_until,
        ImageKind::of(b.image.as_ref()).map(ImageKind::as_str),
        badge_json,
        ins.original,
        ins.sha,
        credential_id,
        assertion_id,
        ins.parsed.hosted_url,
        ins.source,
        ins.now,
        ins.parent,
        ins.superseded_by,
        ins.doc_sha,
        ins.conflicts_with,
    ])?;
    let id = tx.last_insert_rowid();
    fts_write(tx, id, &search_text(b, &[]))?;
    Ok(id)
}

/// Permanently drop removed badges that the new import would match, so re-importing a
/// removed badge brings it back instead of being a "duplicate" of something hidden.
fn purge_removed_matches(
    tx: &rusqlite::Connection,
    parsed: &ParsedCredential,
    sha: &[u8],
) -> StoreResult<()> {
    tx.prepare_cached("DELETE FROM badges WHERE removed_at IS NOT NULL AND sha256 = ?1")?
        .execute([sha])?;
    match &parsed.dedupe {
        DedupeKey::Credential { issuer_id, id, .. } => {
            tx.prepare_cached(
                "DELETE FROM badges WHERE removed_at IS NOT NULL AND issuer_id = ?1 AND credential_id = ?2",
            )?
            .execute([issuer_id, id])?;
        }
        DedupeKey::Assertion { id } => {
            tx.prepare_cached(
                "DELETE FROM badges WHERE removed_at IS NOT NULL AND assertion_id = ?1",
            )?
            .execute([id])?;
        }
        DedupeKey::Content => {}
    }
    Ok(())
}

/// The dedupe identity of a credential: which column holds its id, the id, the issuer
/// (credentials only), its date for "newest wins", and whether it is a CLR (a CLR never
/// dedupes against a plain badge that happens to reuse its id).
struct KeyRef<'a> {
    assertion: bool,
    issuer: Option<&'a str>,
    id: &'a str,
    date: Option<String>,
    clr: bool,
}

fn key_of(parsed: &ParsedCredential) -> Option<KeyRef<'_>> {
    let clr = matches!(parsed.format, Format::Clr2Json | Format::Clr2Jwt);
    match &parsed.dedupe {
        DedupeKey::Credential {
            issuer_id,
            id,
            valid_from,
        } => Some(KeyRef {
            assertion: false,
            issuer: Some(issuer_id),
            id,
            date: valid_from
                .clone()
                .or_else(|| parsed.badge.valid_from.clone()),
            clr,
        }),
        DedupeKey::Assertion { id } => Some(KeyRef {
            assertion: true,
            issuer: None,
            id,
            date: key_date(parsed),
            clr,
        }),
        DedupeKey::Content => None,
    }
}

/// The date that decides which version is newest: `validFrom` for credentials, else the
/// issue date.
fn key_date(parsed: &ParsedCredential) -> Option<String> {
    match &parsed.dedupe {
        DedupeKey::Credential { valid_from, .. } => valid_from
            .clone()
            .or_else(|| parsed.badge.valid_from.clone()),
        _ => parsed
            .badge
            .valid_from
            .clone()
            .or_else(|| parsed.badge.issued.clone()),
    }
}

/// A row with the same dedupe key: (id, valid_from, document_sha256, is current — neither
/// history nor a conflicting copy).
type KeyRow = (i64, Option<String>, Option<Vec<u8>>, bool);

fn same_key_rows(tx: &rusqlite::Connection, k: &KeyRef<'_>) -> StoreResult<Vec<KeyRow>> {
    let sql = if k.assertion {
        "SELECT id, valid_from, document_sha256, superseded_by IS NULL AND conflicts_with IS NULL
         FROM badges
         WHERE assertion_id = ?1 AND ?2 IS NULL AND (format LIKE 'clr%') = ?3 ORDER BY id"
    } else {
        "SELECT id, valid_from, document_sha256, superseded_by IS NULL AND conflicts_with IS NULL
         FROM badges
         WHERE credential_id = ?1 AND issuer_id = ?2 AND (format LIKE 'clr%') = ?3 ORDER BY id"
    };
    let mut st = tx.prepare_cached(sql)?;
    let rows = st.query_map(params![k.id, k.issuer, k.clr], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn find_existing(
    tx: &rusqlite::Connection,
    parsed: &ParsedCredential,
    sha: &[u8],
    doc_sha: &[u8],
) -> StoreResult<Existing> {
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM badges WHERE sha256 = ?1")?
        .query_row([sha], |r| r.get::<_, i64>(0))
        .optional()?
    {
        return Ok(Existing::Duplicate(id));
    }
    let Some(k) = key_of(parsed) else {
        return Ok(Existing::None);
    };
    let rows = same_key_rows(tx, &k)?;
    // The same credential document in another package (baked PNG vs JSON file): duplicate.
    if let Some((id, ..)) = rows.iter().find(|r| r.2.as_deref() == Some(doc_sha)) {
        return Ok(Existing::Duplicate(*id));
    }
    let Some((current, cur_date, ..)) = rows.iter().rev().find(|r| r.3) else {
        return Ok(Existing::None);
    };
    // Newest date wins (STANDARDS §3.10). An older one, or a different document with the
    // same date, is kept as history: nothing the learner imported is dropped.
    Ok(match newer(k.date.as_deref(), cur_date.as_deref()) {
        std::cmp::Ordering::Greater => Existing::Replaces(*current),
        _ => Existing::OlderThan(*current),
    })
}

/// Store one credential (and, for a CLR, the credentials inside it) inside `tx`, with its
/// verification reports when it was checked. A copy that claims to be newer than the current
/// version replaces it only when its report shows the key bound to the issuer; otherwise it is
/// kept beside it as a conflicting copy (issue 12).
#[allow(clippy::too_many_arguments)]
fn import_one(
    tx: &rusqlite::Connection,
    parsed: &ParsedCredential,
    original: &[u8],
    container: Container,
    source: &str,
    parent: Option<i64>,
    now: &str,
    derivable: bool,
    checked: Option<Checked<'_>>,
) -> StoreResult<ImportOutcome> {
    let sha = sha256(original);
    let doc_sha =
        sha256(
            &serde_json::to_vec(&parsed.document).map_err(|e| StoreError::Corrupt {
                what: "the new badge".into(),
                reason: e.to_string(),
            })?,
        );
    purge_removed_matches(tx, parsed, &sha)?;
    let existing = find_existing(tx, parsed, &sha, &doc_sha)?;
    let mut ins = Insert {
        parsed,
        original,
        container,
        source,
        parent,
        superseded_by: None,
        sha: &sha,
        doc_sha: &doc_sha,
        now,
        derivable,
        conflicts_with: None,
    };
    let save = |id: i64| -> StoreResult<()> {
        if let Some(c) = checked {
            save_report_in(tx, id, c.report)?;
        }
        Ok(())
    };
    let outcome = match existing {
        Existing::Duplicate(id) => {
            // The same credential again, checked now: its report is the newest word on it (and
            // a conflicting copy that now shows the issuer's key takes its place).
            save(id)?;
            return Ok(ImportOutcome::Duplicate { id });
        }
        Existing::OlderThan(current) => {
            ins.superseded_by = Some(current);
            let id = insert_row(tx, &ins)?;
            save(id)?;
            return Ok(ImportOutcome::History { id, current });
        }
        Existing::Replaces(current) if !checked.is_some_and(|c| vouched(c.report)) => {
            // Newer by its own date, but nothing shows the issuer's key signed it: it does
            // not take the current badge's place (or its collections, notes and tags).
            ins.conflicts_with = Some(current);
            let id = insert_row(tx, &ins)?;
            save(id)?;
            tx.prepare_cached("DELETE FROM badge_fts WHERE rowid = ?1")?
                .execute([id])?;
            return Ok(ImportOutcome::Conflict { id, current });
        }
        Existing::None => {
            let id = insert_row(tx, &ins)?;
            save(id)?;
            ImportOutcome::Imported {
                id,
                replaced: None,
                embedded: Vec::new(),
            }
        }
        Existing::Replaces(old) => {
            let id = insert_row(tx, &ins)?;
            save(id)?;
            make_current(tx, id, old)?;
            ImportOutcome::Imported {
                id,
                replaced: Some(old),
                embedded: Vec::new(),
            }
        }
    };
    let ImportOutcome::Imported {
        id,
        replaced,
        mut embedded,
    } = outcome
    else {
        return Ok(outcome);
    };
    for (i, inner) in parsed.embedded.iter().enumerate() {
        let inner_checked = checked.and_then(|c| {
            c.embedded.get(i).map(|report| Checked {
                report,
                embedded: &[],
            })
        });
        let (bytes, inner_container) = match &inner.compact_jws {
            Some(jws) => (jws.as_bytes().to_vec(), Container::Jws),
            None => (
                serde_json::to_vec(&inner.document).map_err(|e| StoreError::Corrupt {
                    what: "an embedded credential".into(),
                    reason: e.to_string(),
                })?,
                Container::Json,
            ),
        };
        if let ImportOutcome::Imported { id: inner_id, .. }
        | ImportOutcome::History { id: inner_id, .. }
        | ImportOutcome::Conflict { id: inner_id, .. } = import_one(
            tx,
            inner,
            &bytes,
            inner_container,
            source,
            Some(id),
            now,
            false,
            inner_checked,
        )? {
            embedded.push(inner_id);
        }
    }
    Ok(ImportOutcome::Imported {
        id,
        replaced,
        embedded,
    })
}

/// The summary columns. A report made under older rules ([`RULES`]) is history, not status:
/// its verdict and status read as "not checked".
const SUMMARY_COLUMNS: &str = "b.id, b.name, b.issuer_name, b.issuer_id, b.issued, b.valid_until,
    b.format, b.spec_version, CASE WHEN r.rules >= 2 THEN r.verdict END,
    CASE WHEN r.rules >= 2 THEN r.status END, b.image_kind, b.parent_id, b.imported_at";
// SUMMARY_COLUMNS spells the rules version out: keep them in step.
const _: () = assert!(RULES == 2);

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<BadgeSummary> {
    let format: String = row.get(6)?;
    let verdict: Option<String> = row.get(8)?;
    let status: Option<String> = row.get(9)?;
    let image_kind: Option<String> = row.get(10)?;
    Ok(BadgeSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        issuer: row.get(2)?,
        issuer_id: row.get(3)?,
        issued: row.get(4)?,
        valid_until: row.get(5)?,
        format: Format::from_id(&format).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                6,
                rusqlite::types::Type::Text,
                format!("unknown format {format:?}").into(),
            )
        })?,
        spec_version: row.get(7)?,
        verdict: verdict.as_deref().and_then(verdict_from_id),
        status: status
            .as_deref()
            .and_then(Status::from_id)
            .unwrap_or(Status::NotChecked),
        image_kind: image_kind.as_deref().and_then(ImageKind::from_id),
        parent_id: row.get(11)?,
        imported_at: row.get(12)?,
    })
}

fn verdict_from_id(s: &str) -> Option<Verdict> {
    Some(match s {
        "valid" => Verdict::Valid,
        "invalid" => Verdict::Invalid,
        "indeterminate" => Verdict::Indeterminate,
        "error" => Verdict::Error,
        _ => return None,
    })
}

/// FROM + WHERE for a query, and its parameters.
fn where_clause(q: &Query) -> (String, Vec<Value>) {
    let mut sql = String::from(
        " FROM badges b LEFT JOIN reports r
            ON r.id = (SELECT max(id) FROM reports WHERE badge_id = b.id)
          WHERE b.superseded_by IS NULL AND b.removed_at IS NULL AND b.conflicts_with IS NULL",
    );
    let mut p: Vec<Value> = Vec::new();
    if let Some(fts) = q.text.as_deref().and_then(fts_query) {
        p.push(Value::Text(fts));
        sql.push_str(&format!(
            " AND b.id IN (SELECT rowid FROM badge_fts WHERE badge_fts MATCH ?{})",
            p.len()
        ));
    }
    if let Some(issuer) = &q.issuer {
        p.push(Value::Text(issuer.clone()));
        sql.push_str(&format!(
            " AND (b.issuer_id = ?{n} OR b.issuer_name = ?{n})",
            n = p.len()
        ));
    }
    if let Some(status) = q.status {
        if status == Status::NotChecked {
            p.push(Value::Integer(i64::from(RULES)));
            sql.push_str(&format!(" AND (r.id IS NULL OR r.rules < ?{})", p.len()));
        } else {
            p.push(Value::Text(status.as_str().into()));
            p.push(Value::Integer(i64::from(RULES)));
            sql.push_str(&format!(
                " AND r.status = ?{} AND r.rules >= ?{}",
                p.len() - 1,
                p.len()
            ));
        }
    }
    if let Some(c) = q.collection {
        p.push(Value::Integer(c));
        sql.push_str(&format!(
            " AND b.id IN (SELECT badge_id FROM collection_badges WHERE collection_id = ?{})",
            p.len()
        ));
    }
    if let Some(tag) = &q.tag {
        p.push(Value::Text(tag.trim().to_string()));
        sql.push_str(&format!(
            " AND b.id IN (SELECT badge_id FROM badge_tags WHERE tag = ?{})",
            p.len()
        ));
    }
    if let Some(f) = q.format {
        p.push(Value::Text(f.as_str().into()));
        sql.push_str(&format!(" AND b.format = ?{}", p.len()));
    }
    (sql, p)
}

fn validate_tag(tag: &str) -> StoreResult<String> {
    let t = tag.trim();
    if t.is_empty() {
        return Err(StoreError::Invalid("a tag cannot be empty".into()));
    }
    if t.chars().count() > MAX_TAG_CHARS {
        return Err(StoreError::Invalid(format!(
            "a tag is at most {MAX_TAG_CHARS} characters"
        )));
    }
    if t.chars().any(char::is_control) {
        return Err(StoreError::Invalid(
            "a tag cannot hold control characters".into(),
        ));
    }
    Ok(t.to_string())
}

pub(super) fn validate_note(note: &str) -> StoreResult<()> {
    if note.len() > MAX_NOTE_BYTES {
        return Err(StoreError::Invalid(format!(
            "a note is at most {MAX_NOTE_BYTES} bytes (limit MAX_NOTE_BYTES)"
        )));
    }
    Ok(())
}

pub(super) fn ensure_badge(conn: &rusqlite::Connection, id: i64) -> StoreResult<()> {
    let found = conn
        .prepare_cached("SELECT 1 FROM badges WHERE id = ?1")?
        .exists([id])?;
    if found {
        Ok(())
    } else {
        Err(StoreError::NoSuchBadge(id))
    }
}

impl Wallet {
    /// Store one parsed credential with its original bytes, in one transaction (a CLR and
    /// the credentials inside it together). Dedupe per STANDARDS §3.10: see the module docs.
    pub fn import_parsed(
        &self,
        parsed: &ParsedCredential,
        original: &[u8],
        container: Container,
        source: &str,
    ) -> StoreResult<ImportOutcome> {
        self.import_in_transaction(parsed, original, container, source, false, None)
    }

    /// [`Wallet::import_parsed`] with the verification reports made before storing: badge and
    /// reports in one transaction, so a crash never leaves a badge without its report; and a
    /// newer copy replaces the current version only when its report shows the issuer's key.
    pub fn import_checked(
        &self,
        parsed: &ParsedCredential,
        original: &[u8],
        container: Container,
        source: &str,
        checked: Checked<'_>,
    ) -> StoreResult<ImportOutcome> {
        self.import_in_transaction(parsed, original, container, source, false, Some(checked))
    }

    /// Start a group of imports committed together (see [`ImportBatch`]).
    pub fn begin_batch(&self) -> StoreResult<ImportBatch<'_>> {
        let conn = self.conn()?;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(ImportBatch {
            conn,
            now: self.now(),
            open: true,
        })
    }

    /// One credential in its own transaction; `derived`: `parsed` is exactly
    /// `parse(decode(original))`, so the display view is not stored (it is re-derived on read).
    fn import_in_transaction(
        &self,
        parsed: &ParsedCredential,
        original: &[u8],
        container: Container,
        source: &str,
        derived: bool,
        checked: Option<Checked<'_>>,
    ) -> StoreResult<ImportOutcome> {
        let now = self.now();
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let outcome = import_one(
            &tx, parsed, original, container, source, None, &now, derived, checked,
        )?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Current (not superseded, not removed) badges matching `q`.
    pub fn list_badges(&self, q: &Query) -> StoreResult<Vec<BadgeSummary>> {
        let (from, mut p) = where_clause(q);
        let order = match q.sort {
            // NULLs sort last in DESC: the issued index serves this order (first page fast).
            Sort::Newest => "b.issued DESC, b.id DESC",
            Sort::Oldest => "b.issued IS NULL, b.issued ASC, b.id ASC",
            Sort::Name => "b.name COLLATE NOCASE ASC, b.id ASC",
            Sort::Issuer => {
                "b.issuer_name IS NULL, b.issuer_name COLLATE NOCASE ASC, b.issued DESC, b.id DESC"
            }
            Sort::Imported => "b.id DESC",
        };
        p.push(Value::Integer(q.limit.map_or(-1, i64::from)));
        p.push(Value::Integer(i64::from(q.offset)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}{from} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            p.len() - 1,
            p.len()
        );
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(p), summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many badges match `q` (ignoring `limit`/`offset`).
    pub fn count_badges(&self, q: &Query) -> StoreResult<u64> {
        let (from, p) = where_clause(q);
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(&format!("SELECT count(*){from}"))?;
        let n: i64 = st.query_row(rusqlite::params_from_iter(p), |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Light rows for the given ids, in that order (missing ids are skipped).
    pub fn summaries(&self, ids: &[i64]) -> StoreResult<Vec<BadgeSummary>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM badges b LEFT JOIN reports r
               ON r.id = (SELECT max(id) FROM reports WHERE badge_id = b.id)
             WHERE b.id = ?1"
        ))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(s) = st.query_row([id], summary_from_row).optional()? {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// The name and source file of each badge in `ids` that exists, without deriving its
    /// view (a re-check of the whole wallet labels its lines with them).
    pub fn names_and_sources(&self, ids: &[i64]) -> StoreResult<HashMap<i64, (String, String)>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached("SELECT name, source FROM badges WHERE id = ?1")?;
        let mut out = HashMap::with_capacity(ids.len());
        for &id in ids {
            if let Some(row) = st
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
            {
                out.insert(id, row);
            }
        }
        Ok(out)
    }

    /// Everything about one badge, including its original bytes and latest report. Works
    /// for history and removed badges too.
    pub fn get_badge(&self, id: i64) -> StoreResult<StoredBadge> {
        let conn = self.conn()?;
        let row = conn
            .prepare_cached(
                "SELECT format, container, badge_json, original, sha256, credential_id,
                        assertion_id, hosted_url, source, imported_at, parent_id,
                        superseded_by, removed_at
                 FROM badges WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                    match r.get_ref(4)? {
                        rusqlite::types::ValueRef::Blob(b) => hex(b),
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                        _ => String::new(),
                    },
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    (
                        r.get::<_, String>(8)?,
                        r.get::<_, String>(9)?,
                        r.get::<_, Option<i64>>(10)?,
                        r.get::<_, Option<i64>>(11)?,
                        r.get::<_, Option<String>>(12)?,
                    ),
                ))
            })
            .optional()?
            .ok_or(StoreError::NoSuchBadge(id))?;
        let (
            format,
            container,
            json,
            original,
            sha256,
            credential_id,
            assertion_id,
            hosted_url,
            rest,
        ) = row;
        let (source, imported_at, parent_id, superseded_by, removed_at) = rest;
        let corrupt = |reason: String| StoreError::Corrupt {
            what: format!("badge #{id}"),
            reason,
        };
        let format = Format::from_id(&format)
            .ok_or_else(|| corrupt(format!("unknown format {format:?}")))?;
        let container: Container = serde_json::from_value(serde_json::Value::String(container))
            .map_err(|e| corrupt(e.to_string()))?;
        let badge = badge_view(id, &json, &original)?;
        let ids = |sql: &str| -> StoreResult<Vec<i64>> {
            let mut st = conn.prepare_cached(sql)?;
            let rows = st.query_map([id], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        let history = ids(
            "SELECT id FROM badges WHERE superseded_by = ?1 ORDER BY valid_from DESC, id DESC",
        )?;
        let children = ids("SELECT id FROM badges WHERE parent_id = ?1 ORDER BY id")?;
        let conflicts = ids(
            "SELECT id FROM badges WHERE conflicts_with = ?1 AND removed_at IS NULL ORDER BY id DESC",
        )?;
        let conflicts_with: Option<i64> = conn
            .prepare_cached("SELECT conflicts_with FROM badges WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        let note: Option<String> = conn
            .prepare_cached("SELECT note FROM badge_notes WHERE badge_id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let tags = tags_of(&conn, id)?;
        let latest_report = latest_report_in(&conn, id)?;
        Ok(StoredBadge {
            id,
            format,
            container,
            badge,
            original,
            sha256,
            credential_id,
            assertion_id,
            hosted_url,
            source,
            imported_at,
            parent_id,
            superseded_by,
            removed_at,
            history,
            conflicts_with,
            conflicts,
            children,
            note,
            tags,
            latest_report,
        })
    }

    /// The original bytes of a badge, verbatim.
    pub fn original(&self, id: i64) -> StoreResult<Vec<u8>> {
        self.conn()?
            .prepare_cached("SELECT original FROM badges WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoSuchBadge(id))
    }

    /// The credential document (assertion / credential JSON), re-derived from the original
    /// bytes by decode + parse (the wallet does not store it twice).
    pub fn document(&self, id: i64) -> crate::Result<serde_json::Value> {
        let original = self.original(id)?;
        let decoded = crate::decode::decode(&original)?;
        Ok(crate::parse::parse(&decoded)?.document)
    }

    /// Hide a badge (and its history and the credentials inside it, for a CLR). Undo with
    /// [`Wallet::restore_badge`]; [`Wallet::purge_removed`] deletes for good.
    pub fn remove_badge(&self, id: i64) -> StoreResult<()> {
        let now = self.now();
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        ensure_badge(&tx, id)?;
        tx.execute(
            "WITH RECURSIVE family(id) AS (
                 SELECT ?1
                 UNION SELECT b.id FROM badges b JOIN family f
                     ON b.parent_id = f.id OR b.superseded_by = f.id)
             UPDATE badges SET removed_at = ?2
             WHERE id IN family AND removed_at IS NULL",
            params![id, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Undo [`Wallet::remove_badge`] (before a purge).
    pub fn restore_badge(&self, id: i64) -> StoreResult<()> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let removed_at: Option<String> = tx
            .prepare_cached("SELECT removed_at FROM badges WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoSuchBadge(id))?;
        if let Some(at) = removed_at {
            tx.execute(
                "WITH RECURSIVE family(id) AS (
                     SELECT ?1
                     UNION SELECT b.id FROM badges b JOIN family f
                         ON b.parent_id = f.id OR b.superseded_by = f.id)
                 UPDATE badges SET removed_at = NULL
                 WHERE id IN family AND removed_at = ?2",
                params![id, at],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Removed badges awaiting purge, most recently removed first.
    pub fn removed_badges(&self) -> StoreResult<Vec<BadgeSummary>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM badges b LEFT JOIN reports r
               ON r.id = (SELECT max(id) FROM reports WHERE badge_id = b.id)
             WHERE b.removed_at IS NOT NULL AND b.superseded_by IS NULL
               AND (b.parent_id IS NULL OR b.parent_id NOT IN (SELECT id FROM badges WHERE removed_at IS NOT NULL))
             ORDER BY b.removed_at DESC, b.id DESC"
        ))?;
        let rows = st.query_map([], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Delete removed badges for good (with their reports, notes, tags, memberships).
    /// Returns how many rows went.
    pub fn purge_removed(&self) -> StoreResult<usize> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        tx.execute(
            "DELETE FROM badge_fts WHERE rowid IN (SELECT id FROM badges WHERE removed_at IS NOT NULL)",
            [],
        )?;
        let n: i64 = tx.query_row(
            "SELECT count(*) FROM badges WHERE removed_at IS NOT NULL",
            [],
            |r| r.get(0),
        )?;
        tx.execute("DELETE FROM badges WHERE removed_at IS NOT NULL", [])?;
        tx.commit()?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Set (or with `None`/empty, clear) the learner's note on a badge.
    pub fn set_badge_note(&self, id: i64, note: Option<&str>) -> StoreResult<()> {
        let now = self.now();
        let conn = self.conn()?;
        ensure_badge(&conn, id)?;
        match note.filter(|n| !n.trim().is_empty()) {
            Some(n) => {
                validate_note(n)?;
                conn.execute(
                    "INSERT INTO badge_notes (badge_id, note, updated_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT(badge_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
                    params![id, n, now],
                )?;
            }
            None => {
                conn.execute("DELETE FROM badge_notes WHERE badge_id = ?1", [id])?;
            }
        }
        Ok(())
    }

    /// Add one of the learner's tags to a badge (trimmed; adding twice is a no-op).
    pub fn add_tag(&self, id: i64, tag: &str) -> StoreResult<()> {
        let tag = validate_tag(tag)?;
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        ensure_badge(&tx, id)?;
        tx.execute(
            "INSERT OR IGNORE INTO badge_tags (badge_id, tag) VALUES (?1, ?2)",
            params![id, tag],
        )?;
        fts_refresh(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Remove a tag from a badge. Returns whether it was there.
    pub fn remove_tag(&self, id: i64, tag: &str) -> StoreResult<bool> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        ensure_badge(&tx, id)?;
        let n = tx.execute(
            "DELETE FROM badge_tags WHERE badge_id = ?1 AND tag = ?2",
            params![id, tag.trim()],
        )?;
        fts_refresh(&tx, id)?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// The searchable text of every current badge, by id: the fields of the full-text index
    /// (name, issuer, description, skills/alignments, tags) joined by newlines. For a host
    /// that searches in memory, where a keystroke cannot wait for a query (the app's search
    /// box, issue 4). The rows are read under the lock, the parsing is done after it is
    /// released, so other callers are not held up. A row whose view cannot be rebuilt is
    /// searchable by its name and issuer only.
    pub fn search_texts(&self) -> StoreResult<Vec<(i64, String)>> {
        type TextRow = (i64, String, Option<String>, String, Vec<u8>);
        let (rows, mut tags) = {
            let conn = self.conn()?;
            let mut st = conn.prepare_cached(
                "SELECT id, name, issuer_name, badge_json, original FROM badges
                 WHERE removed_at IS NULL AND superseded_by IS NULL ORDER BY id",
            )?;
            let rows = st
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<Result<Vec<TextRow>, _>>()?;
            (rows, tags_by_badge(&conn)?)
        };
        Ok(rows
            .into_iter()
            .map(|(id, name, issuer, json, original)| {
                let learner_tags = tags.remove(&id).unwrap_or_default();
                let text = match badge_view(id, &json, &original) {
                    Ok(badge) => {
                        let t = search_text(&badge, &learner_tags);
                        [t.name, t.issuer, t.description, t.skills, t.tags].join("\n")
                    }
                    Err(_) => [name, issuer.unwrap_or_default(), learner_tags.join(" ")].join("\n"),
                };
                (id, text)
            })
            .collect())
    }

    /// The learner's tags of every badge that has some, each list A→Z (one query: for a
    /// host that shows every badge with its tags).
    pub fn tags_by_badge(&self) -> StoreResult<HashMap<i64, Vec<String>>> {
        tags_by_badge(&*self.conn()?)
    }

    /// Every tag in use with how many current badges carry it, A→Z.
    pub fn all_tags(&self) -> StoreResult<Vec<(String, u64)>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT t.tag, count(*) FROM badge_tags t JOIN badges b ON b.id = t.badge_id
             WHERE b.removed_at IS NULL AND b.superseded_by IS NULL
             GROUP BY t.tag ORDER BY t.tag COLLATE NOCASE",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (t, n) = row?;
            out.push((t, u64::try_from(n).unwrap_or(0)));
        }
        Ok(out)
    }

    /// Every issuer of a current badge: (issuer id or name, display name, count), by name.
    pub fn issuers(&self) -> StoreResult<Vec<(String, String, u64)>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT coalesce(issuer_id, issuer_name), coalesce(issuer_name, issuer_id), count(*)
             FROM badges WHERE removed_at IS NULL AND superseded_by IS NULL
               AND coalesce(issuer_id, issuer_name) IS NOT NULL
             GROUP BY 1 ORDER BY 2 COLLATE NOCASE",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (a, b, n) = row?;
            out.push((a, b, u64::try_from(n).unwrap_or(0)));
        }
        Ok(out)
    }

    /// Keep a verification report for a badge, with the documents it relied on (the
    /// evidence snapshot). Returns the report's row id.
    pub fn save_report(&self, badge_id: i64, report: &Report) -> StoreResult<i64> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        ensure_badge(&tx, badge_id)?;
        let report_id = save_report_in(&tx, badge_id, report)?;
        tx.commit()?;
        Ok(report_id)
    }

    /// [`Wallet::save_report`] for many badges in one transaction (a re-check of the whole
    /// wallet pays one commit per group, not one per badge). Each report goes in its own
    /// savepoint: one that cannot be saved (a badge removed meanwhile) is its own `Err`, the
    /// others are kept. `Err` overall: nothing was saved.
    pub fn save_reports(&self, reports: &[(i64, &Report)]) -> StoreResult<Vec<StoreResult<i64>>> {
        let mut conn = self.conn()?;
        let mut tx = conn.transaction()?;
        let mut out = Vec::with_capacity(reports.len());
        for (badge_id, report) in reports {
            let sp = tx.savepoint()?;
            let saved =
                ensure_badge(&sp, *badge_id).and_then(|()| save_report_in(&sp, *badge_id, report));
            if saved.is_ok() {
                sp.commit()?;
            }
            out.push(saved);
        }
        tx.commit()?;
        Ok(out)
    }

    /// Every report kept for a badge, newest first (the evidence history: a binding confirmed
    /// online once stays visible after later offline checks can no longer confirm it).
    pub fn reports(&self, badge_id: i64) -> StoreResult<Vec<StoredReport>> {
        let conn = self.conn()?;
        ensure_badge(&conn, badge_id)?;
        let mut st = conn.prepare_cached(
            "SELECT id, status, report_json, rules FROM reports WHERE badge_id = ?1 ORDER BY id DESC",
        )?;
        let rows = st.query_map([badge_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, status, json, rules) = row?;
            let report: Report = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
                what: format!("report #{id}"),
                reason: e.to_string(),
            })?;
            out.push(StoredReport {
                id,
                status: if rules < RULES {
                    Status::NotChecked
                } else {
                    Status::from_id(&status).unwrap_or_else(|| Status::of_report(&report))
                },
                report,
                rules,
            });
        }
        Ok(out)
    }

    /// The newest report for a badge.
    pub fn latest_report(&self, badge_id: i64) -> StoreResult<Option<StoredReport>> {
        let conn = self.conn()?;
        ensure_badge(&conn, badge_id)?;
        latest_report_in(&conn, badge_id)
    }

    /// Merge the search index into one segment (after a bulk import: each badge's own
    /// transaction adds a small segment; merged, the index is smaller and queries faster).
    pub fn optimize_search(&self) -> StoreResult<()> {
        self.conn()?
            .execute("INSERT INTO badge_fts(badge_fts) VALUES ('optimize')", [])?;
        Ok(())
    }

    /// Ids of every badge (current, not removed), oldest first: what `recheck --all` walks.
    pub fn badge_ids(&self) -> StoreResult<Vec<i64>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT id FROM badges WHERE removed_at IS NULL AND superseded_by IS NULL ORDER BY id",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A group of imports in one SQLite transaction, each badge in its own savepoint: a badge
/// that fails rolls back alone (all or nothing per badge), and the group pays one commit
/// instead of one per badge (bulk import speed, issue 2). Nothing is durable before
/// [`ImportBatch::commit`]; dropping the batch rolls everything in it back.
///
/// The batch holds the wallet's lock: do not call other [`Wallet`] methods until it is
/// committed or dropped (they would wait forever).
pub struct ImportBatch<'w> {
    conn: std::sync::MutexGuard<'w, rusqlite::Connection>,
    now: String,
    open: bool,
}

impl ImportBatch<'_> {
    /// Store one credential whose `parsed` is exactly `parse(decode(original))`, in its own
    /// savepoint, with its reports when it was checked.
    pub(crate) fn import_derived(
        &mut self,
        parsed: &ParsedCredential,
        original: &[u8],
        container: Container,
        source: &str,
        checked: Option<Checked<'_>>,
    ) -> StoreResult<ImportOutcome> {
        let now = self.now.clone();
        let sp = self.conn.savepoint()?;
        let outcome = import_one(
            &sp, parsed, original, container, source, None, &now, true, checked,
        )?;
        sp.commit()?;
        Ok(outcome)
    }

    /// The name of a stored badge (for a duplicate's outcome line).
    pub(crate) fn badge_name(&self, id: i64) -> Option<String> {
        self.conn
            .prepare_cached("SELECT name FROM badges WHERE id = ?1")
            .ok()?
            .query_row([id], |r| r.get(0))
            .ok()
    }

    /// Make every import of the group durable.
    pub fn commit(mut self) -> StoreResult<()> {
        self.open = false;
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }
}

impl Drop for ImportBatch<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// `new` becomes the current version in place of `old`: the old version and its own history
/// hang off the newest one; the learner's curation (collections, note, tags) moves with it.
fn make_current(tx: &rusqlite::Connection, new: i64, old: i64) -> StoreResult<()> {
    tx.prepare_cached("UPDATE badges SET conflicts_with = NULL WHERE id = ?1")?
        .execute([new])?;
    tx.prepare_cached("UPDATE badges SET superseded_by = ?1 WHERE id = ?2 OR superseded_by = ?2")?
        .execute([new, old])?;
    // Other copies that conflicted with the old version now conflict with the new one.
    tx.prepare_cached("UPDATE badges SET conflicts_with = ?1 WHERE conflicts_with = ?2")?
        .execute([new, old])?;
    tx.prepare_cached("UPDATE OR IGNORE collection_badges SET badge_id = ?1 WHERE badge_id = ?2")?
        .execute([new, old])?;
    tx.prepare_cached("UPDATE OR IGNORE badge_notes SET badge_id = ?1 WHERE badge_id = ?2")?
        .execute([new, old])?;
    tx.prepare_cached("UPDATE OR IGNORE badge_tags SET badge_id = ?1 WHERE badge_id = ?2")?
        .execute([new, old])?;
    fts_refresh(tx, new)?;
    tx.prepare_cached("DELETE FROM badge_fts WHERE rowid = ?1")?
        .execute([old])?;
    Ok(())
}

/// A conflicting copy whose new report shows the issuer's key (a re-check online, a verified
/// re-import) takes the place of the badge it conflicted with, when it is newer.
fn promote_if_vouched(tx: &rusqlite::Connection, id: i64, report: &Report) -> StoreResult<()> {
    if !vouched(report) {
        return Ok(());
    }
    let row: Option<(Option<i64>, Option<String>)> = tx
        .prepare_cached("SELECT conflicts_with, valid_from FROM badges WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((Some(current), date)) = row else {
        return Ok(());
    };
    let cur_date: Option<String> = tx
        .prepare_cached("SELECT valid_from FROM badges WHERE id = ?1")?
        .query_row([current], |r| r.get(0))
        .optional()?
        .flatten();
    if newer(date.as_deref(), cur_date.as_deref()) == std::cmp::Ordering::Greater {
        make_current(tx, id, current)?;
    }
    Ok(())
}

/// Keep a report (and the evidence it relied on) inside `tx`.
fn save_report_in(tx: &rusqlite::Connection, badge_id: i64, report: &Report) -> StoreResult<i64> {
    promote_if_vouched(tx, badge_id, report)?;
    let json = serde_json::to_string(report).map_err(|e| StoreError::Corrupt {
        what: "a report".into(),
        reason: e.to_string(),
    })?;
    let status = Status::of_report(report);
    tx.prepare_cached(
        "INSERT INTO reports (badge_id, checked_at, verdict, status, key_id, report_json, rules)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        badge_id,
        report.checked_at,
        report.verdict.as_str(),
        status.as_str(),
        report.key_id,
        json,
        RULES
    ])?;
    let report_id = tx.last_insert_rowid();
    for f in &report.fetches {
        let sha: Option<String> = if f.error.is_none() {
            tx.prepare_cached("SELECT sha256 FROM fetch_cache WHERE url = ?1")?
                .query_row([&f.url], |r| r.get(0))
                .optional()?
        } else {
            None
        };
        if let Some(sha) = &sha {
            // Keep the body the report relied on, even after the cache is refreshed.
            tx.prepare_cached(
                "INSERT OR IGNORE INTO evidence_bodies (sha256, body)
                 SELECT sha256, body FROM fetch_cache WHERE url = ?1 AND sha256 = ?2",
            )?
            .execute(params![f.url, sha])?;
        }
        tx.prepare_cached(
            "INSERT INTO report_documents (report_id, url, status, fetched_at, from_cache, sha256, error)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            report_id,
            f.url,
            f.status,
            f.fetched_at,
            f.from_cache,
            sha,
            f.error
        ])?;
    }
    Ok(report_id)
}

fn latest_report_in(
    conn: &rusqlite::Connection,
    badge_id: i64,
) -> StoreResult<Option<StoredReport>> {
    let row: Option<(i64, String, String, u32)> = conn
        .prepare_cached(
            "SELECT id, status, report_json, rules FROM reports WHERE badge_id = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row([badge_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((id, status, json, rules)) = row else {
        return Ok(None);
    };
    let report: Report = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
        what: format!("report #{id}"),
        reason: e.to_string(),
    })?;
    Ok(Some(StoredReport {
        id,
        // Older rules called forged badges valid: such a report is history, not status.
        status: if rules < RULES {
            Status::NotChecked
        } else {
            Status::from_id(&status).unwrap_or_else(|| Status::of_report(&report))
        },
        rules,
        report,
    }))
}
