//! The learner's own tags and notes on a badge (tags are searchable: changing them
//! re-indexes the badge).

use rusqlite::params;
use std::collections::HashMap;

use super::badges::ensure_badge;
use super::{StoreError, StoreResult, Wallet};
use crate::localize::msg;

/// Longest tag accepted, in characters.
pub const MAX_TAG_CHARS: usize = 64;

/// Longest note accepted, in bytes.
pub const MAX_NOTE_BYTES: usize = 64 * 1024;

pub(super) fn tags_by_badge(conn: &rusqlite::Connection) -> StoreResult<HashMap<i64, Vec<String>>> {
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    let mut st = conn.prepare_cached("SELECT badge_id, tag FROM badge_tags ORDER BY tag")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, tag) = row?;
        tags.entry(id).or_default().push(tag);
    }
    Ok(tags)
}

pub(super) fn tags_of(conn: &rusqlite::Connection, id: i64) -> StoreResult<Vec<String>> {
    let mut st =
        conn.prepare_cached("SELECT tag FROM badge_tags WHERE badge_id = ?1 ORDER BY tag")?;
    let rows = st.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn validate_tag(tag: &str) -> StoreResult<String> {
    let t = tag.trim();
    if t.is_empty() {
        return Err(StoreError::Invalid(msg!("err-store-tag-empty")));
    }
    if t.chars().count() > MAX_TAG_CHARS {
        return Err(StoreError::Invalid(msg!(
            "err-store-tag-long",
            max = MAX_TAG_CHARS
        )));
    }
    if t.chars().any(char::is_control) {
        return Err(StoreError::Invalid(msg!("err-store-tag-control")));
    }
    Ok(t.to_string())
}

pub(super) fn validate_note(note: &str) -> StoreResult<()> {
    if note.len() > MAX_NOTE_BYTES {
        return Err(StoreError::Invalid(msg!(
            "err-store-note-long",
            max = MAX_NOTE_BYTES
        )));
    }
    Ok(())
}

impl Wallet {
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
        tx.commit()?;
        Ok(n > 0)
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
}
