//! Badge rows and their originals: the stored badge, its display view (derived from the
//! original bytes), removal with undo and purge, and the ids a re-check walks. Import and
//! dedupe are in [`super::import`], listing and search in [`super::search`], tags and notes in
//! [`super::tags`], verification reports in [`super::reports`].

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::reports::{StoredReport, latest_report_in};
use super::tags::tags_of;
use super::{StoreError, StoreResult, Wallet, hex};
use crate::model::{Badge, Container, Format, Image};
use crate::verify::Status;

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
    pub(super) fn as_str(self) -> &'static str {
        match self {
            ImageKind::Baked => "baked",
            ImageKind::Data => "data",
            ImageKind::Remote => "remote",
        }
    }
    pub(super) fn from_id(s: &str) -> Option<ImageKind> {
        Some(match s {
            "baked" => ImageKind::Baked,
            "data" => ImageKind::Data,
            "remote" => ImageKind::Remote,
            _ => return None,
        })
    }
    pub(super) fn of(image: Option<&Image>) -> Option<ImageKind> {
        image.map(|i| match i {
            Image::Baked { .. } => ImageKind::Baked,
            Image::Data { .. } => ImageKind::Data,
            Image::Remote { .. } => ImageKind::Remote,
        })
    }
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

/// The display view of a stored badge: the stored JSON (rows from schema 1), else decode +
/// parse of the original bytes (nothing derivable is stored twice).
pub(super) fn badge_view(id: i64, json: &str, original: &[u8]) -> StoreResult<Badge> {
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

    /// Delete removed badges for good (with their reports, notes, tags, memberships).
    /// Returns how many rows went.
    pub fn purge_removed(&self) -> StoreResult<usize> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let n: i64 = tx.query_row(
            "SELECT count(*) FROM badges WHERE removed_at IS NOT NULL",
            [],
            |r| r.get(0),
        )?;
        tx.execute("DELETE FROM badges WHERE removed_at IS NOT NULL", [])?;
        if n > 0 {
            super::reports::forget_unused_texts(&tx)?;
        }
        tx.commit()?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The display view of every current badge, by id (oldest first): what the skills view
    /// ([`crate::skills`]) is built from. Rows are read under the lock, views rebuilt after it
    /// is released; a row whose view cannot be rebuilt is left out (it shows in the gallery
    /// as unreadable, and holds no skill the wallet could read).
    pub fn current_views(&self) -> StoreResult<Vec<(i64, Badge)>> {
        let rows = {
            let conn = self.conn()?;
            let mut st = conn.prepare_cached(
                "SELECT id, badge_json, original FROM badges
                 WHERE removed_at IS NULL AND superseded_by IS NULL ORDER BY id",
            )?;
            st.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?
        };
        Ok(rows
            .into_iter()
            .filter_map(|(id, json, original)| Some((id, badge_view(id, &json, &original).ok()?)))
            .collect())
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
