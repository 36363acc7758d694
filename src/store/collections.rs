//! Collections: the learner's curated, ordered sets of badges with an intro and notes — what
//! gets exported as a portfolio (issues 4 and 5).

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::badges::ensure_badge;
use super::tags::validate_note;
use super::{StoreError, StoreResult, Wallet};
use crate::localize::msg;

/// Longest collection name, in characters.
pub const MAX_COLLECTION_NAME_CHARS: usize = 200;

/// A collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    /// Id.
    pub id: i64,
    /// Unique name.
    pub name: String,
    /// Intro shown at the top of an export.
    pub description: Option<String>,
    /// The learner's private note.
    pub note: Option<String>,
    /// Position among collections.
    pub position: i64,
    /// When it was created.
    pub created_at: String,
    /// Badge ids in order.
    pub badge_ids: Vec<i64>,
}

fn validate_name(name: &str) -> StoreResult<String> {
    let n = name.trim();
    if n.is_empty() {
        return Err(StoreError::Invalid(msg!("err-store-collection-no-name")));
    }
    if n.chars().count() > MAX_COLLECTION_NAME_CHARS {
        return Err(StoreError::Invalid(msg!(
            "err-store-collection-name-long",
            max = MAX_COLLECTION_NAME_CHARS
        )));
    }
    if n.chars().any(char::is_control) {
        return Err(StoreError::Invalid(msg!(
            "err-store-collection-name-control"
        )));
    }
    Ok(n.to_string())
}

fn map_unique(e: rusqlite::Error, name: &str) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            StoreError::CollectionExists(name.to_string())
        }
        e => StoreError::Sqlite(e),
    }
}

fn ensure_collection(conn: &rusqlite::Connection, id: i64) -> StoreResult<()> {
    if conn
        .prepare_cached("SELECT 1 FROM collections WHERE id = ?1")?
        .exists([id])?
    {
        Ok(())
    } else {
        Err(StoreError::NoSuchCollection(format!("#{id}")))
    }
}

fn collection_badge_ids(conn: &rusqlite::Connection, id: i64) -> StoreResult<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT badge_id FROM collection_badges WHERE collection_id = ?1 ORDER BY position, badge_id",
    )?;
    let rows = st.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl Wallet {
    /// Create a collection at the end of the list. Names are unique.
    pub fn create_collection(&self, name: &str, description: Option<&str>) -> StoreResult<i64> {
        let name = validate_name(name)?;
        if let Some(d) = description {
            validate_note(d)?;
        }
        let now = self.now();
        let conn = self.conn()?;
        conn.execute(
            "INSERT INTO collections (name, description, position, created_at)
             VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM collections), ?3)",
            params![name, description, now],
        )
        .map_err(|e| map_unique(e, &name))?;
        Ok(conn.last_insert_rowid())
    }

    /// Rename a collection.
    pub fn rename_collection(&self, id: i64, name: &str) -> StoreResult<()> {
        let name = validate_name(name)?;
        let conn = self.conn()?;
        ensure_collection(&conn, id)?;
        conn.execute(
            "UPDATE collections SET name = ?1 WHERE id = ?2",
            params![name, id],
        )
        .map_err(|e| map_unique(e, &name))?;
        Ok(())
    }

    /// Set (or clear) the intro shown on exports.
    pub fn set_collection_description(
        &self,
        id: i64,
        description: Option<&str>,
    ) -> StoreResult<()> {
        if let Some(d) = description {
            validate_note(d)?;
        }
        let conn = self.conn()?;
        ensure_collection(&conn, id)?;
        conn.execute(
            "UPDATE collections SET description = ?1 WHERE id = ?2",
            params![description.filter(|d| !d.trim().is_empty()), id],
        )?;
        Ok(())
    }

    /// Set (or clear) the learner's note on a collection.
    pub fn set_collection_note(&self, id: i64, note: Option<&str>) -> StoreResult<()> {
        if let Some(n) = note {
            validate_note(n)?;
        }
        let conn = self.conn()?;
        ensure_collection(&conn, id)?;
        conn.execute(
            "UPDATE collections SET note = ?1 WHERE id = ?2",
            params![note.filter(|n| !n.trim().is_empty()), id],
        )?;
        Ok(())
    }

    /// Delete a collection (its badges stay in the wallet).
    pub fn delete_collection(&self, id: i64) -> StoreResult<()> {
        let conn = self.conn()?;
        ensure_collection(&conn, id)?;
        conn.execute("DELETE FROM collections WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Every collection, in the learner's order.
    pub fn collections(&self) -> StoreResult<Vec<Collection>> {
        let ids: Vec<i64> = {
            let conn = self.conn()?;
            let mut st = conn.prepare_cached("SELECT id FROM collections ORDER BY position, id")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.into_iter().map(|id| self.collection(id)).collect()
    }

    /// One collection by id.
    pub fn collection(&self, id: i64) -> StoreResult<Collection> {
        let conn = self.conn()?;
        let mut c = conn
            .prepare_cached(
                "SELECT id, name, description, note, position, created_at FROM collections WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(Collection {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    note: r.get(3)?,
                    position: r.get(4)?,
                    created_at: r.get(5)?,
                    badge_ids: Vec::new(),
                })
            })
            .optional()?
            .ok_or_else(|| StoreError::NoSuchCollection(format!("#{id}")))?;
        c.badge_ids = collection_badge_ids(&conn, id)?;
        Ok(c)
    }

    /// A collection named by its id (`12` or `#12`) or its exact name (the name wins when
    /// a collection is literally named `12`).
    pub fn find_collection(&self, id_or_name: &str) -> StoreResult<Collection> {
        let key = id_or_name.trim();
        let by_name: Option<i64> = self
            .conn()?
            .prepare_cached("SELECT id FROM collections WHERE name = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        if let Some(id) = by_name {
            return self.collection(id);
        }
        match key.trim_start_matches('#').parse::<i64>() {
            Ok(id) => self
                .collection(id)
                .map_err(|_| StoreError::NoSuchCollection(key.to_string())),
            Err(_) => Err(StoreError::NoSuchCollection(key.to_string())),
        }
    }

    /// Add a badge at the end of a collection (no-op when already in it).
    pub fn add_to_collection(&self, collection: i64, badge: i64) -> StoreResult<()> {
        let conn = self.conn()?;
        ensure_collection(&conn, collection)?;
        ensure_badge(&conn, badge)?;
        conn.execute(
            "INSERT OR IGNORE INTO collection_badges (collection_id, badge_id, position)
             VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM collection_badges WHERE collection_id = ?1))",
            params![collection, badge],
        )?;
        Ok(())
    }

    /// Take a badge out of a collection. Returns whether it was in it.
    pub fn remove_from_collection(&self, collection: i64, badge: i64) -> StoreResult<bool> {
        let conn = self.conn()?;
        ensure_collection(&conn, collection)?;
        Ok(conn.execute(
            "DELETE FROM collection_badges WHERE collection_id = ?1 AND badge_id = ?2",
            params![collection, badge],
        )? > 0)
    }

    /// Put a collection's badges in this order. `order` must hold exactly the badges in it.
    pub fn reorder_collection(&self, collection: i64, order: &[i64]) -> StoreResult<()> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        ensure_collection(&tx, collection)?;
        let mut current = collection_badge_ids(&tx, collection)?;
        let mut wanted = order.to_vec();
        current.sort_unstable();
        wanted.sort_unstable();
        if current != wanted {
            return Err(StoreError::Invalid(msg!("err-store-order-badges")));
        }
        for (pos, badge) in order.iter().enumerate() {
            tx.prepare_cached(
                "UPDATE collection_badges SET position = ?1 WHERE collection_id = ?2 AND badge_id = ?3",
            )?
            .execute(params![pos as i64 + 1, collection, badge])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Put the collections in this order. `order` must hold every collection once.
    pub fn reorder_collections(&self, order: &[i64]) -> StoreResult<()> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let mut current: Vec<i64> = {
            let mut st = tx.prepare_cached("SELECT id FROM collections")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut wanted = order.to_vec();
        current.sort_unstable();
        wanted.sort_unstable();
        if current != wanted {
            return Err(StoreError::Invalid(msg!("err-store-order-collections")));
        }
        for (pos, id) in order.iter().enumerate() {
            tx.prepare_cached("UPDATE collections SET position = ?1 WHERE id = ?2")?
                .execute(params![pos as i64 + 1, id])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Set (or clear) the note shown with a badge inside one collection.
    pub fn set_collection_badge_note(
        &self,
        collection: i64,
        badge: i64,
        note: Option<&str>,
    ) -> StoreResult<()> {
        if let Some(n) = note {
            validate_note(n)?;
        }
        let conn = self.conn()?;
        let n = conn.execute(
            "UPDATE collection_badges SET note = ?1 WHERE collection_id = ?2 AND badge_id = ?3",
            params![note.filter(|n| !n.trim().is_empty()), collection, badge],
        )?;
        if n == 0 {
            return Err(StoreError::Invalid(msg!(
                "err-store-badge-not-in-collection",
                badge = badge,
                collection = collection
            )));
        }
        Ok(())
    }

    /// The note on a badge inside a collection.
    pub fn collection_badge_note(
        &self,
        collection: i64,
        badge: i64,
    ) -> StoreResult<Option<String>> {
        Ok(self
            .conn()?
            .prepare_cached(
                "SELECT note FROM collection_badges WHERE collection_id = ?1 AND badge_id = ?2",
            )?
            .query_row(params![collection, badge], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional()?
            .flatten())
    }
}
