//! Import with dedupe (OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/>): one credential (and, for a CLR, the credentials inside
//! it) with its verification reports in one transaction, or many in an [`ImportBatch`]; which
//! copy of a credential is current, which is history and which a conflicting copy.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::badges::ImageKind;
use super::reports::save_report_in;
use super::search::search_text;
use super::{StoreError, StoreResult, Wallet, sha256};
use crate::model::{Container, Format};
use crate::parse::{DedupeKey, ParsedCredential};
use crate::verify::Report;

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

/// Normalise an RFC 3339 date to UTC (`2024-01-02T03:04:05Z`) for sorting; keep it as is
/// when it does not parse.
pub(super) fn normalise_date(s: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(d) => d
            .with_timezone(&chrono::Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        Err(_) => s.to_string(),
    }
}

/// Compare two `validFrom`s: parsed instants when both parse, else the strings.
pub(super) fn newer(a: Option<&str>, b: Option<&str>) -> std::cmp::Ordering {
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

/// The dedupe decision for one credential.
pub(super) enum Existing {
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
pub(super) fn vouched(report: &Report) -> bool {
    report
        .required_checks()
        .iter()
        .all(|id| report.get(*id).map(|c| c.outcome) == Some(crate::verify::Outcome::Pass))
}

pub(super) struct Insert<'a> {
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

pub(super) fn insert_row(tx: &rusqlite::Connection, ins: &Insert<'_>) -> StoreResult<i64> {
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
            document_sha256, conflicts_with, search_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
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
        search_text(b),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Permanently drop removed badges that the new import would match, so re-importing a
/// removed badge brings it back instead of being a "duplicate" of something hidden.
pub(super) fn purge_removed_matches(
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
pub(super) struct KeyRef<'a> {
    assertion: bool,
    issuer: Option<&'a str>,
    id: &'a str,
    date: Option<String>,
    clr: bool,
}

pub(super) fn key_of(parsed: &ParsedCredential) -> Option<KeyRef<'_>> {
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
pub(super) fn key_date(parsed: &ParsedCredential) -> Option<String> {
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
pub(super) type KeyRow = (i64, Option<String>, Option<Vec<u8>>, bool);

pub(super) fn same_key_rows(tx: &rusqlite::Connection, k: &KeyRef<'_>) -> StoreResult<Vec<KeyRow>> {
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

pub(super) fn find_existing(
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
    // Newest date wins (OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/>). An older one, or a different document with the
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
pub(super) fn import_one(
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
pub(super) fn make_current(tx: &rusqlite::Connection, new: i64, old: i64) -> StoreResult<()> {
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
    Ok(())
}

/// A conflicting copy whose new report shows the issuer's key (a re-check online, a verified
/// re-import) takes the place of the badge it conflicted with, when it is newer.
pub(super) fn promote_if_vouched(
    tx: &rusqlite::Connection,
    id: i64,
    report: &Report,
) -> StoreResult<()> {
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

impl Wallet {
    /// Store one parsed credential with its original bytes, in one transaction (a CLR and
    /// the credentials inside it together). Dedupe per OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/>: see the module docs.
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
}
