//! Verification reports: every report kept for a badge (the latest decides its status), with
//! the documents it relied on (the evidence snapshot).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::badges::ensure_badge;
use super::import::promote_if_vouched;
use super::{StoreError, StoreResult, Wallet};
use crate::verify::report::RULES;
use crate::verify::{Report, Status};

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

pub(super) fn latest_report_in(
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
}
