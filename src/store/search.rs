//! Listing and search: the [`Query`] over the badge rows and the full-text index
//! (`badge_fts`, contentless FTS5 keyed by badge id), the light [`BadgeSummary`] rows, and the
//! texts a host searches in memory.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::badges::{ImageKind, badge_view};
use super::tags::{tags_by_badge, tags_of};
use super::{StoreError, StoreResult, Wallet};
use crate::model::{Badge, Format};
use crate::verify::report::RULES;
use crate::verify::{Status, Verdict};

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

/// The search text of a badge, by FTS column.
pub(super) struct SearchText {
    name: String,
    issuer: String,
    description: String,
    skills: String,
    tags: String,
}

pub(super) fn search_text(badge: &Badge, learner_tags: &[String]) -> SearchText {
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
pub(super) fn fts_write(tx: &rusqlite::Connection, id: i64, t: &SearchText) -> StoreResult<()> {
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
pub(super) fn fts_refresh(tx: &rusqlite::Connection, id: i64) -> StoreResult<()> {
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

/// Turn free text into an FTS5 query: every word must match as a prefix.
pub(super) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The summary columns. A report made under older rules ([`RULES`]) is history, not status:
/// its verdict and status read as "not checked".
const SUMMARY_COLUMNS: &str = "b.id, b.name, b.issuer_name, b.issuer_id, b.issued, b.valid_until,
    b.format, b.spec_version, CASE WHEN r.rules >= 2 THEN r.verdict END,
    CASE WHEN r.rules >= 2 THEN r.status END, b.image_kind, b.parent_id, b.imported_at";

// SUMMARY_COLUMNS spells the rules version out: keep them in step.
const _: () = assert!(RULES == 2);

pub(super) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<BadgeSummary> {
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

pub(super) fn verdict_from_id(s: &str) -> Option<Verdict> {
    Some(match s {
        "valid" => Verdict::Valid,
        "invalid" => Verdict::Invalid,
        "indeterminate" => Verdict::Indeterminate,
        "error" => Verdict::Error,
        _ => return None,
    })
}

/// FROM + WHERE for a query, and its parameters.
pub(super) fn where_clause(q: &Query) -> (String, Vec<Value>) {
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

impl Wallet {
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

    /// Merge the search index into one segment (after a bulk import: each badge's own
    /// transaction adds a small segment; merged, the index is smaller and queries faster).
    pub fn optimize_search(&self) -> StoreResult<()> {
        self.conn()?
            .execute("INSERT INTO badge_fts(badge_fts) VALUES ('optimize')", [])?;
        Ok(())
    }
}
