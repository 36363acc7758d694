//! Listing and search: the [`Query`], the one engine that answers it ([`SearchIndex`], in
//! memory, for the CLI and the app alike) and the light [`BadgeSummary`] rows.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{Row, params};
use serde::{Deserialize, Serialize};

use super::badges::{ImageKind, badge_view};
use super::tags::tags_by_badge;
use super::{StoreError, StoreResult, Wallet};
use crate::model::{Badge, Format};
use crate::verify::report::RULES;
use crate::verify::{Status, Verdict};

/// Sort order for [`Wallet::list_badges`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// A badge's own searchable text (name, issuer, description, skills/alignments, achievement
/// type, the badge's own tags), folded ([`fold`]): the `badges.search_text` column.
pub(super) fn search_text(badge: &Badge) -> String {
    let mut text = String::new();
    let mut add = |part: &str| {
        text.push_str(part);
        text.push(' ');
    };
    add(&badge.name);
    add(badge.issuer.name.as_deref().unwrap_or_default());
    add(badge.description.as_deref().unwrap_or_default());
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
            add(part);
        }
    }
    if let Some(t) = &badge.achievement_type {
        add(t);
    }
    for t in &badge.tags {
        add(t);
    }
    fold(&text)
}

/// Fold text for search, the one rule for what a search word matches: Unicode canonical
/// decomposition (NFD, <https://unicode.org/reports/tr15/>) with the combining marks dropped,
/// so `é` matches `e`; lower case; every run of characters that are not letters or digits
/// becomes one space; one space at both ends, so `" word"` finds a word start. At most
/// [`MAX_FOLDED`] bytes are kept (a description can be long; the index stays bounded).
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
        if out.len() >= MAX_FOLDED {
            break;
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Bytes of folded text kept per badge (about a page of description).
pub const MAX_FOLDED: usize = 8 * 1024;

/// The words of a search, folded: at most 16, each `" word"` (a word start).
fn search_words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!(" {w}"))
        .collect()
}

/// The one search and filter engine, used by the CLI (`backpack list`) and the app's gallery
/// alike: every current badge's folded text and the fields a [`Query`] filters and sorts on,
/// in memory, with the five sort orders ranked once. A query walks the rows of its sort
/// order and keeps those that pass every filter: at 10,000 badges well under a millisecond,
/// so the app asks it on every keystroke. Built by [`Wallet::search_index`], which keeps it
/// until the wallet changes.
#[derive(Debug, Default)]
pub struct SearchIndex {
    rows: Vec<IndexRow>,
    /// Row positions in each [`Sort`] order, indexed by `sort_slot`.
    orders: [Vec<u32>; 5],
}

#[derive(Debug)]
struct IndexRow {
    id: i64,
    /// Folded badge text and the learner's tags.
    text: String,
    issuer_id: Option<String>,
    issuer_name: Option<String>,
    issued: Option<String>,
    status: Status,
    format: Format,
    /// The learner's tags, as stored (a tag filter matches one exactly).
    tags: Vec<String>,
    /// Collections the badge is in.
    collections: Vec<i64>,
}

fn sort_slot(s: Sort) -> usize {
    match s {
        Sort::Newest => 0,
        Sort::Oldest => 1,
        Sort::Name => 2,
        Sort::Issuer => 3,
        Sort::Imported => 4,
    }
}

impl SearchIndex {
    fn new(rows: Vec<IndexRow>, names: &[String]) -> SearchIndex {
        use std::cmp::Ordering;
        let all: Vec<u32> = (0..rows.len() as u32).collect();
        let r = |i: &u32| &rows[*i as usize];
        let key = |s: &str| fold(s);
        let name_keys: Vec<String> = names.iter().map(|n| key(n)).collect();
        let issuer_keys: Vec<Option<String>> = rows
            .iter()
            .map(|x| x.issuer_name.as_deref().map(key))
            .collect();
        // Undated badges last in both date orders, as the CLI always listed them.
        let by_date = |a: &u32, b: &u32| match (&r(a).issued, &r(b).issued) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let mut newest = all.clone();
        newest.sort_by(|a, b| {
            let d = match (&r(a).issued, &r(b).issued) {
                (Some(x), Some(y)) => y.cmp(x),
                _ => by_date(a, b),
            };
            d.then(r(b).id.cmp(&r(a).id))
        });
        let mut oldest = all.clone();
        oldest.sort_by(|a, b| by_date(a, b).then(r(a).id.cmp(&r(b).id)));
        let mut name = all.clone();
        name.sort_by(|a, b| {
            name_keys[*a as usize]
                .cmp(&name_keys[*b as usize])
                .then(r(a).id.cmp(&r(b).id))
        });
        let mut issuer = newest.clone();
        // Stable: within one issuer, newest first.
        issuer.sort_by(
            |a, b| match (&issuer_keys[*a as usize], &issuer_keys[*b as usize]) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        );
        let mut imported = all;
        imported.sort_by_key(|i| std::cmp::Reverse(r(i).id));
        SearchIndex {
            orders: [newest, oldest, name, issuer, imported],
            rows,
        }
    }

    /// How many badges the index holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the wallet has no current badge.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The ids of the badges matching `q`, in its sort order, after its offset and limit.
    pub fn query(&self, q: &Query) -> Vec<i64> {
        let words = q.text.as_deref().map(search_words).unwrap_or_default();
        let tag = q.tag.as_deref().map(str::trim);
        let mut skip = q.offset as usize;
        let limit = q.limit.map_or(usize::MAX, |l| l as usize);
        let mut out = Vec::new();
        for &i in &self.orders[sort_slot(q.sort)] {
            if out.len() >= limit {
                break;
            }
            let row = &self.rows[i as usize];
            let keep = words.iter().all(|w| row.text.contains(w.as_str()))
                && q.issuer.as_deref().is_none_or(|x| {
                    row.issuer_id.as_deref() == Some(x) || row.issuer_name.as_deref() == Some(x)
                })
                && q.status.is_none_or(|s| row.status == s)
                && q.collection.is_none_or(|c| row.collections.contains(&c))
                && tag.is_none_or(|t| row.tags.iter().any(|x| x == t))
                && q.format.is_none_or(|f| row.format == f);
            if !keep {
                continue;
            }
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push(row.id);
        }
        out
    }
}

/// Build the index from the wallet, filling in the folded text of rows that have none yet
/// (imported before the column existed).
pub(super) fn build_index(conn: &rusqlite::Connection) -> StoreResult<SearchIndex> {
    fill_search_texts(conn)?;
    let mut tags = tags_by_badge(conn)?;
    let mut collections: HashMap<i64, Vec<i64>> = HashMap::new();
    {
        let mut st =
            conn.prepare_cached("SELECT badge_id, collection_id FROM collection_badges")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (b, c) = row?;
            collections.entry(b).or_default().push(c);
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT b.id, b.search_text, b.name, b.issuer_name, b.issuer_id, b.issued, b.format,
            CASE WHEN r.rules >= 2 THEN r.status END
         FROM badges b LEFT JOIN reports r
            ON r.id = (SELECT max(id) FROM reports WHERE badge_id = b.id)
         WHERE b.superseded_by IS NULL AND b.removed_at IS NULL AND b.conflicts_with IS NULL",
    )?;
    let mut rows = Vec::new();
    let mut names = Vec::new();
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        let id: i64 = r.get(0)?;
        let mut text: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
        let tags = tags.remove(&id).unwrap_or_default();
        if !tags.is_empty() {
            text.push_str(fold(&tags.join(" ")).trim_start());
        }
        let format: String = r.get(6)?;
        let status: Option<String> = r.get(7)?;
        names.push(r.get::<_, String>(2)?);
        rows.push(IndexRow {
            id,
            text,
            issuer_name: r.get(3)?,
            issuer_id: r.get(4)?,
            issued: r.get(5)?,
            format: Format::from_id(&format).unwrap_or(Format::Ob3Json),
            status: status
                .as_deref()
                .and_then(Status::from_id)
                .unwrap_or(Status::NotChecked),
            tags,
            collections: collections.remove(&id).unwrap_or_default(),
        });
    }
    Ok(SearchIndex::new(rows, &names))
}

/// Fold the text of current badges imported before `badges.search_text` existed, in one
/// transaction (once per wallet). A row whose view cannot be rebuilt is searchable by its
/// name and issuer.
fn fill_search_texts(conn: &rusqlite::Connection) -> StoreResult<()> {
    type Row = (i64, String, Option<String>, String, Vec<u8>);
    let missing: Vec<Row> = conn
        .prepare_cached(
            "SELECT id, name, issuer_name, badge_json, original FROM badges
             WHERE search_text IS NULL AND removed_at IS NULL AND superseded_by IS NULL",
        )?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    if missing.is_empty() {
        return Ok(());
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    {
        let mut up = tx.prepare_cached("UPDATE badges SET search_text = ?1 WHERE id = ?2")?;
        for (id, name, issuer, json, original) in missing {
            let text = match badge_view(id, &json, &original) {
                Ok(badge) => search_text(&badge),
                Err(_) => fold(&format!("{name} {}", issuer.unwrap_or_default())),
            };
            up.execute(params![text, id])?;
        }
    }
    tx.commit()?;
    Ok(())
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

impl Query {
    /// True when no search word or filter narrows the badges (sort and paging aside).
    pub fn filters_nothing(&self) -> bool {
        let Query {
            text,
            issuer,
            status,
            collection,
            tag,
            format,
            sort: _,
            limit: _,
            offset: _,
        } = self;
        text.as_deref().is_none_or(|t| search_words(t).is_empty())
            && issuer.is_none()
            && status.is_none()
            && collection.is_none()
            && tag.is_none()
            && format.is_none()
    }
}

/// The state of a wallet an index was built from: this connection's total changes and
/// SQLite's `data_version` (which moves when another connection commits).
pub(super) type Stamp = (u64, i64);

fn stamp(c: &rusqlite::Connection) -> StoreResult<Stamp> {
    let v: i64 = c.query_row("PRAGMA data_version", [], |r| r.get(0))?;
    Ok((c.total_changes(), v))
}

impl Wallet {
    /// The search index of the wallet as it is now: built on first use and kept until the
    /// wallet changes (any row written through this connection, or a commit by another
    /// process, e.g. the CLI while the app is open), then rebuilt on the next call. At 10,000
    /// badges a build takes a few tens of milliseconds.
    pub fn search_index(&self) -> StoreResult<Arc<SearchIndex>> {
        let conn = self.conn()?;
        self.index_on(&conn)
    }

    fn index_on(&self, conn: &rusqlite::Connection) -> StoreResult<Arc<SearchIndex>> {
        let now = stamp(conn)?;
        let mut cache = self.search.lock().map_err(|_| StoreError::Poisoned)?;
        if let Some((at, index)) = cache.as_ref()
            && *at == now
        {
            return Ok(index.clone());
        }
        let index = Arc::new(build_index(conn)?);
        // Filling in old rows' texts wrote to the wallet: stamp after it.
        *cache = Some((stamp(conn)?, index.clone()));
        Ok(index)
    }

    /// The ids of the current badges matching `q`, in its order.
    pub fn query_ids(&self, q: &Query) -> StoreResult<Vec<i64>> {
        Ok(self.search_index()?.query(q))
    }

    /// [`Wallet::query_ids`] for a caller that must never wait or build (the app's search
    /// box, answered on the window's own thread). While another thread holds the wallet (an
    /// import writing a group) the index as last built answers; when the index is missing or
    /// older than the wallet, `None`: the caller has [`Wallet::search_index`] built off that
    /// thread and asks again.
    pub fn query_ids_nowait(&self, q: &Query) -> StoreResult<Option<Vec<i64>>> {
        let fresh = match self.conn.try_lock() {
            Ok(conn) => Some(stamp(&conn)?),
            Err(std::sync::TryLockError::WouldBlock) => None,
            Err(std::sync::TryLockError::Poisoned(_)) => return Err(StoreError::Poisoned),
        };
        let cache = self.search.lock().map_err(|_| StoreError::Poisoned)?;
        Ok(cache
            .as_ref()
            .filter(|(at, _)| fresh.is_none_or(|now| *at == now))
            .map(|(_, index)| index.query(q)))
    }

    /// Current (not superseded, not removed) badges matching `q`.
    pub fn list_badges(&self, q: &Query) -> StoreResult<Vec<BadgeSummary>> {
        let ids = self.query_ids(q)?;
        self.summaries(&ids)
    }

    /// How many badges match `q` (ignoring `limit`/`offset`).
    pub fn count_badges(&self, q: &Query) -> StoreResult<u64> {
        if q.filters_nothing() {
            // Every current badge: one count, no index to build (the app's settings ask
            // this at start-up).
            let n: i64 = self.conn()?.query_row(
                "SELECT count(*) FROM badges
                 WHERE superseded_by IS NULL AND removed_at IS NULL AND conflicts_with IS NULL",
                [],
                |r| r.get(0),
            )?;
            return Ok(u64::try_from(n).unwrap_or(0));
        }
        let all = Query {
            limit: None,
            offset: 0,
            ..q.clone()
        };
        Ok(self.query_ids(&all)?.len() as u64)
    }

    /// Every current badge, newest first: the rows and order of
    /// `list_badges(&Query::default())`, read in one statement without building the search
    /// index (the app's first gallery does not wait for it; a test keeps the two equal).
    pub fn current_summaries(&self) -> StoreResult<Vec<BadgeSummary>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM badges b LEFT JOIN reports r
               ON r.id = (SELECT max(id) FROM reports WHERE badge_id = b.id)
             WHERE b.superseded_by IS NULL AND b.removed_at IS NULL AND b.conflicts_with IS NULL
             ORDER BY b.issued DESC, b.id DESC"
        ))?;
        let rows = st.query_map([], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Light rows for the given ids, in that order (missing ids are skipped).
    pub fn summaries(&self, ids: &[i64]) -> StoreResult<Vec<BadgeSummary>> {
        let list =
            serde_json::to_string(ids).map_err(|e| StoreError::Invalid(e.to_string().into()))?;
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM badges b LEFT JOIN reports r
               ON r.id = (SELECT max(id) FROM reports WHERE badge_id = b.id)
             WHERE b.id IN (SELECT value FROM json_each(?1))"
        ))?;
        let mut found: HashMap<i64, BadgeSummary> = st
            .query_map([list], summary_from_row)?
            .map(|r| r.map(|s| (s.id, s)))
            .collect::<Result<_, _>>()?;
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
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
}
