//! Verification reports: every report kept for a badge (the latest decides its status), with
//! the documents it relied on (the evidence snapshot).
//!
//! ## The stored form (schema 8)
//! A report is kept as a short JSON of references ([`Packed`]): each distinct check line
//! ([`Check::to_line`]), key id, URL and reason is stored once in `report_texts` and the report
//! lists their ids. What can be derived is not stored: `checked_at` is the row's column, and
//! the verdict, status and reason are recomputed from the format and the checks
//! ([`Report::compute_verdict`], [`Report::status_and_reason`]); they are written out only
//! when the report says something else, so a report reads back as the same [`Report`] value.
//! For 10,000 badges of one issuer that is ~80 bytes a report instead of ~1.8 KB. Reports
//! written before schema 8 keep their whole JSON and are read as they are.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::badges::ensure_badge;
use super::import::promote_if_vouched;
use super::{StoreError, StoreResult, Wallet};
use crate::model::Format;
use crate::verify::report::{Check, EndorsementCheck, FetchRecord, RULES};
use crate::verify::{Report, Status, Verdict};

/// A report as `reports.report_json` holds it from schema 8. Field names are one letter: they
/// repeat in every row. `deny_unknown_fields` tells it apart from a whole report written
/// before (which has `checks`, `verdict`, …).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Packed {
    /// The checks, in order: ids of their [`Check::to_line`] texts.
    c: Vec<i64>,
    /// The badge's format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    f: Option<Format>,
    /// The key id text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<i64>,
    /// Network fetches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    x: Vec<PackedFetch>,
    /// Embedded endorsements, as they are (rare, and each different).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    n: Vec<EndorsementCheck>,
    /// The verdict, only when it is not what the checks come to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    v: Option<Verdict>,
    /// The status, only when it is not what the checks come to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s: Option<Status>,
    /// The reason text, only when it is not what the checks come to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    r: Option<i64>,
}

/// A [`FetchRecord`] in the stored form (URL and error interned).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackedFetch {
    u: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s: Option<u16>,
    t: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    m: u64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    c: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    e: Option<i64>,
    /// The error as a catalog message (its JSON text's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    em: Option<i64>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The `report_texts.hash` of a text: the first 8 bytes of its SHA-256 as a signed integer.
fn text_hash(text: &str) -> i64 {
    let h = super::sha256(text.as_bytes());
    i64::from_be_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]])
}

/// The id of `text` in `report_texts`, adding it when it is new.
fn intern(tx: &rusqlite::Connection, text: &str) -> StoreResult<i64> {
    let hash = text_hash(text);
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM report_texts WHERE hash = ?1 AND text = ?2")?
        .query_row(params![hash, text], |r| r.get(0))
        .optional()?
    {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO report_texts (hash, text) VALUES (?1, ?2)")?
        .execute(params![hash, text])?;
    Ok(tx.last_insert_rowid())
}

fn text(conn: &rusqlite::Connection, report_id: i64, id: i64) -> StoreResult<String> {
    conn.prepare_cached("SELECT text FROM report_texts WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::Corrupt {
            what: format!("report #{report_id}"),
            reason: format!("text #{id} is missing"),
        })
}

/// `report` in the stored form, its texts interned inside `tx`.
pub(super) fn pack(tx: &rusqlite::Connection, report: &Report) -> StoreResult<String> {
    let mut derived = Report {
        checks: report.checks.clone(),
        format: report.format,
        ..Report::new(String::new())
    };
    derived.verdict = derived.compute_verdict();
    let v = (report.verdict != derived.verdict).then_some(report.verdict);
    derived.verdict = report.verdict;
    let (status, reason) = derived.status_and_reason();
    let packed = Packed {
        c: report
            .checks
            .iter()
            .map(|c| intern(tx, &c.to_line()))
            .collect::<StoreResult<_>>()?,
        f: report.format,
        k: report
            .key_id
            .as_deref()
            .map(|k| intern(tx, k))
            .transpose()?,
        x: report
            .fetches
            .iter()
            .map(|f| {
                Ok(PackedFetch {
                    u: intern(tx, &f.url)?,
                    s: f.status,
                    t: f.fetched_at.clone(),
                    m: f.millis,
                    c: f.from_cache,
                    e: f.error.as_deref().map(|e| intern(tx, e)).transpose()?,
                    em: f
                        .error_message
                        .as_ref()
                        .map(|m| intern(tx, &serde_json::to_string(m).unwrap_or_default()))
                        .transpose()?,
                })
            })
            .collect::<StoreResult<_>>()?,
        n: report.endorsements.clone(),
        v,
        s: (report.status != status).then_some(report.status),
        r: (report.reason != reason)
            .then(|| intern(tx, &report.reason))
            .transpose()?,
    };
    serde_json::to_string(&packed).map_err(|e| StoreError::Corrupt {
        what: "a report".into(),
        reason: e.to_string(),
    })
}

/// A stored report back as the [`Report`] it was: the stored form, or a whole report written
/// before schema 8.
pub(super) fn unpack(
    conn: &rusqlite::Connection,
    report_id: i64,
    json: &str,
    checked_at: String,
) -> StoreResult<Report> {
    let corrupt = |reason: String| StoreError::Corrupt {
        what: format!("report #{report_id}"),
        reason,
    };
    let p: Packed = match serde_json::from_str(json) {
        Ok(p) => p,
        Err(_) => return serde_json::from_str(json).map_err(|e| corrupt(e.to_string())),
    };
    let mut report = Report::new(checked_at);
    report.format = p.f;
    report.checks =
        p.c.iter()
            .map(|id| {
                let line = text(conn, report_id, *id)?;
                Check::from_line(&line).ok_or_else(|| corrupt(format!("bad check line {line:?}")))
            })
            .collect::<StoreResult<_>>()?;
    report.key_id = p.k.map(|k| text(conn, report_id, k)).transpose()?;
    report.fetches =
        p.x.into_iter()
            .map(|f| {
                Ok(FetchRecord {
                    url: text(conn, report_id, f.u)?,
                    status: f.s,
                    fetched_at: f.t,
                    millis: f.m,
                    from_cache: f.c,
                    error: f.e.map(|e| text(conn, report_id, e)).transpose()?,
                    error_message: f
                        .em
                        .map(|m| text(conn, report_id, m))
                        .transpose()?
                        .and_then(|json| serde_json::from_str(&json).ok()),
                })
            })
            .collect::<StoreResult<_>>()?;
    report.endorsements = p.n;
    report.verdict = p.v.unwrap_or_else(|| report.compute_verdict());
    let (status, reason) = report.status_and_reason();
    report.status = p.s.unwrap_or(status);
    report.reason = match p.r {
        Some(r) => text(conn, report_id, r)?,
        None => reason,
    };
    Ok(report)
}

/// Drop the texts no report refers to any more (after badges were purged: a purged badge's
/// issuer names and key ids must not linger in the wallet).
pub(super) fn forget_unused_texts(tx: &rusqlite::Connection) -> StoreResult<()> {
    let mut used = HashSet::new();
    let mut st = tx.prepare_cached("SELECT report_json FROM reports")?;
    let mut rows = st.query([])?;
    while let Some(row) = rows.next()? {
        let json = row.get_ref(0)?.as_str().unwrap_or_default();
        if let Ok(p) = serde_json::from_str::<Packed>(json) {
            used.extend(p.c);
            used.extend(p.k);
            used.extend(p.r);
            for f in p.x {
                used.insert(f.u);
                used.extend(f.e);
            }
        }
    }
    let all: Vec<i64> = tx
        .prepare_cached("SELECT id FROM report_texts")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut del = tx.prepare_cached("DELETE FROM report_texts WHERE id = ?1")?;
    for id in all.into_iter().filter(|id| !used.contains(id)) {
        del.execute([id])?;
    }
    Ok(())
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

/// Keep a report (and the evidence it relied on) inside `tx`.
pub(super) fn save_report_in(
    tx: &rusqlite::Connection,
    badge_id: i64,
    report: &Report,
) -> StoreResult<i64> {
    promote_if_vouched(tx, badge_id, report)?;
    let json = pack(tx, report)?;
    let status = Status::of_report(report);
    tx.prepare_cached(
        "INSERT INTO reports (badge_id, checked_at, verdict, status, report_json, rules)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        badge_id,
        report.checked_at,
        report.verdict.as_str(),
        status.as_str(),
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

/// (id, status, report_json, rules, checked_at) of a `reports` row.
type ReportRow = (i64, String, String, u32, String);

fn report_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReportRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

pub(super) fn latest_report_in(
    conn: &rusqlite::Connection,
    badge_id: i64,
) -> StoreResult<Option<StoredReport>> {
    let row: Option<ReportRow> = conn
        .prepare_cached(
            "SELECT id, status, report_json, rules, checked_at FROM reports
             WHERE badge_id = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row([badge_id], report_row)
        .optional()?;
    let Some((id, status, json, rules, checked_at)) = row else {
        return Ok(None);
    };
    let report = unpack(conn, id, &json, checked_at)?;
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

impl Wallet {
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
            "SELECT id, status, report_json, rules, checked_at FROM reports
             WHERE badge_id = ?1 ORDER BY id DESC",
        )?;
        let rows = st
            .query_map([badge_id], report_row)?
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::new();
        for (id, status, json, rules, checked_at) in rows {
            let report = unpack(&conn, id, &json, checked_at)?;
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
}
