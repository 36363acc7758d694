//! Issuer trust lists in the wallet (migration 0005): import, list, remove, and the label
//! lookup. Formats, limits and matching rules are in [`crate::trust_list`]. Nothing here is
//! read by verification: a list only adds a label beside a status, never changes one.

use rusqlite::{OptionalExtension, params};

use super::{StoreError, StoreResult, Wallet};
use crate::localize::{Message, msg};
use crate::trust_list::{
    self, ListEntry, ListFormat, MatchKind, TrustIndex, TrustLabel, TrustList, TrustListError,
};
use crate::verify::Status;

/// Why a trust list could not be imported or removed. One lower-case line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrustError {
    /// The file is not a list we read (nothing was stored).
    #[error(transparent)]
    List(#[from] TrustListError),
    /// The wallet failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A list of that name is already in the wallet.
    #[error("a trust list named {0:?} is already in your wallet: remove it first, or replace it")]
    Exists(String),
    /// No list with that name or id.
    #[error("no trust list {0:?} in your wallet")]
    NoSuchList(String),
    /// The name given for the list is not usable.
    #[error("{}", .0.english())]
    BadName(crate::localize::Message),
}

impl From<rusqlite::Error> for TrustError {
    fn from(e: rusqlite::Error) -> Self {
        TrustError::Store(StoreError::Sqlite(e))
    }
}

/// How to import a list.
#[derive(Debug, Clone, Default)]
pub struct TrustImportOptions {
    /// The list's name in the wallet; default: the name the file gives itself, else
    /// "DCC registry (FILE)".
    pub name: Option<String>,
    /// The file name it came from (for the default name and source).
    pub file_name: String,
    /// Who publishes it; default: the file's `source`, else "file FILE".
    pub source: Option<String>,
    /// Mark it as a sandbox / test list (also when the file or its name says so).
    pub test: bool,
    /// Replace a list of the same name instead of refusing.
    pub replace: bool,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TrustImport {
    /// The stored list.
    pub list: TrustList,
    /// True when it replaced a list of the same name.
    pub replaced: bool,
    /// Things worth telling the learner (an identical repeated key kept once).
    pub notes: Vec<Message>,
}

fn check_name(name: &str) -> Result<String, TrustError> {
    let n = name.trim();
    let bad = |why: Message| {
        Err(TrustError::BadName(msg!(
            "err-trust-name-bad",
            name = format!("{n:?}"),
            why = why
        )))
    };
    if n.is_empty() {
        return Err(TrustError::BadName(msg!("err-trust-name-empty")));
    }
    if n.chars().count() > trust_list::MAX_NAME_CHARS {
        return bad(msg!("err-trust-name-long"));
    }
    if n.chars().any(char::is_control) {
        return bad(msg!("err-trust-name-control"));
    }
    if n.trim_start_matches('#')
        .chars()
        .all(|c| c.is_ascii_digit())
    {
        return bad(msg!("err-trust-name-number"));
    }
    Ok(n.to_string())
}

fn list_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TrustList> {
    let format: String = r.get(2)?;
    Ok(TrustList {
        id: r.get(0)?,
        name: r.get(1)?,
        format: ListFormat::from_id(&format).unwrap_or(ListFormat::Backpack),
        source: r.get(3)?,
        list_date: r.get(4)?,
        test: r.get(5)?,
        imported_at: r.get(6)?,
        issuers: r.get::<_, i64>(7)?.max(0) as usize,
        identifiers: r.get::<_, i64>(8)?.max(0) as usize,
        sha256: r.get(9)?,
    })
}

const LIST_SQL: &str = "SELECT l.id, l.name, l.format, l.source, l.list_date, l.test,
        l.imported_at, l.issuers,
        (SELECT count(*) FROM trust_entries e WHERE e.list_id = l.id), l.sha256
     FROM trust_lists l";

fn entry_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Option<ListEntry>)> {
    let kind: String = r.get(1)?;
    let entry = MatchKind::from_id(&kind).map(|kind| -> rusqlite::Result<ListEntry> {
        Ok(ListEntry {
            kind,
            value: r.get(2)?,
            name: r.get(3)?,
            url: r.get(4)?,
            location: r.get(5)?,
            test: r.get(6)?,
        })
    });
    Ok((r.get(0)?, entry.transpose()?))
}

impl Wallet {
    /// Import a trust list file (see [`crate::trust_list`] for the formats). The whole file
    /// is checked before anything is written, and stored in one transaction with its
    /// original bytes; a file that does not parse is refused whole.
    pub fn import_trust_list(
        &self,
        bytes: &[u8],
        opts: &TrustImportOptions,
    ) -> Result<TrustImport, TrustError> {
        let parsed = trust_list::parse_list(bytes)?;
        let name = match (&opts.name, &parsed.name) {
            (Some(n), _) => check_name(n)?,
            (None, Some(n)) => check_name(n)?,
            (None, None) => check_name(&format!(
                "{} ({})",
                match parsed.format {
                    ListFormat::DccLegacy => "DCC registry",
                    ListFormat::Backpack => "Trust list",
                },
                clip_file(&opts.file_name)
            ))?,
        };
        let source = opts
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .or(parsed.source.clone())
            .unwrap_or_else(|| format!("file {}", clip_file(&opts.file_name)));
        if source.chars().any(char::is_control)
            || source.chars().count() > trust_list::MAX_TEXT_CHARS
        {
            return Err(TrustError::BadName(msg!("err-trust-source-bad")));
        }
        let test = opts.test || parsed.test || trust_list::name_says_test(&name);
        let sha = super::sha256_hex(bytes);
        let now = self.now();

        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let existing: Option<i64> = tx
            .query_row("SELECT id FROM trust_lists WHERE name = ?1", [&name], |r| {
                r.get(0)
            })
            .optional()?;
        let replaced = match existing {
            Some(_) if !opts.replace => return Err(TrustError::Exists(name)),
            Some(id) => {
                tx.execute("DELETE FROM trust_lists WHERE id = ?1", [id])?;
                true
            }
            None => false,
        };
        tx.execute(
            "INSERT INTO trust_lists
                (name, format, source, list_date, test, imported_at, issuers, sha256, original)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                name,
                parsed.format.as_str(),
                source,
                parsed.date,
                test,
                now,
                parsed.issuers as i64,
                sha,
                bytes
            ],
        )?;
        let list_id = tx.last_insert_rowid();
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO trust_entries (list_id, kind, value, name, url, location, test)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for e in &parsed.entries {
                st.execute(params![
                    list_id,
                    e.kind.as_str(),
                    e.value,
                    e.name,
                    e.url,
                    e.location,
                    e.test
                ])?;
            }
        }
        let list = tx.query_row(&format!("{LIST_SQL} WHERE l.id = ?1"), [list_id], list_row)?;
        tx.commit()?;
        Ok(TrustImport {
            list,
            replaced,
            notes: parsed.notes,
        })
    }

    /// Every stored trust list, by name.
    pub fn trust_lists(&self) -> StoreResult<Vec<TrustList>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(&format!("{LIST_SQL} ORDER BY l.name COLLATE NOCASE"))?;
        let rows = st.query_map([], list_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One stored list by name (case-insensitive) or id (`3`, `#3`).
    pub fn find_trust_list(&self, name_or_id: &str) -> Result<TrustList, TrustError> {
        let key = name_or_id.trim();
        let conn = self.conn()?;
        let by_id = key
            .trim_start_matches('#')
            .parse::<i64>()
            .ok()
            .map(|id| {
                conn.query_row(&format!("{LIST_SQL} WHERE l.id = ?1"), [id], list_row)
                    .optional()
            })
            .transpose()?
            .flatten();
        let found = match by_id {
            Some(l) => Some(l),
            None => conn
                .query_row(&format!("{LIST_SQL} WHERE l.name = ?1"), [key], list_row)
                .optional()?,
        };
        found.ok_or_else(|| TrustError::NoSuchList(key.to_string()))
    }

    /// Remove a trust list (by name or id) and its entries. Badges and their reports are not
    /// touched: a list never changed them.
    pub fn remove_trust_list(&self, name_or_id: &str) -> Result<TrustList, TrustError> {
        let list = self.find_trust_list(name_or_id)?;
        self.conn()?
            .execute("DELETE FROM trust_lists WHERE id = ?1", [list.id])?;
        Ok(list)
    }

    /// Every stored list and entry in memory, to label many badges at once.
    pub fn trust_index(&self) -> StoreResult<TrustIndex> {
        let lists = self.trust_lists()?;
        if lists.is_empty() {
            return Ok(TrustIndex::default());
        }
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT list_id, kind, value, name, url, location, test FROM trust_entries",
        )?;
        let rows = st.query_map([], entry_row)?;
        let mut entries = Vec::new();
        for r in rows {
            if let (list, Some(e)) = r? {
                entries.push((list, e));
            }
        }
        Ok(TrustIndex::new(lists, entries))
    }

    /// What the stored trust lists say about `issuer_id` (see
    /// [`TrustIndex::label`] for the rules); `None` when no list names it. Information only:
    /// show it beside the status with [`TrustLabel::text`].
    pub fn issuer_label(&self, issuer_id: &str) -> StoreResult<Option<TrustLabel>> {
        // Only the rows that can match: the id itself, its host and the host's parents.
        let mut keys = vec![issuer_id.to_string()];
        if let Some(host) = trust_list::issuer_host(issuer_id) {
            let mut rest = host.clone();
            keys.push(host);
            while let Some((_, parent)) = rest.clone().split_once('.') {
                keys.push(parent.to_string());
                rest = parent.to_string();
            }
        }
        let lists = self.trust_lists()?;
        if lists.is_empty() {
            return Ok(None);
        }
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT list_id, kind, value, name, url, location, test FROM trust_entries
             WHERE value = ?1",
        )?;
        let mut entries = Vec::new();
        for k in &keys {
            for r in st.query_map([k], entry_row)? {
                if let (list, Some(e)) = r? {
                    entries.push((list, e));
                }
            }
        }
        drop(st);
        drop(conn);
        Ok(TrustIndex::new(lists, entries).label(issuer_id))
    }

    /// The label in words for a badge whose issuer id is `issuer_id` and whose status is
    /// `status` (`None`: no issuer id, or no list names it). For the exporters and any other
    /// surface that shows one badge: the same words as the CLI and the app.
    pub fn issuer_label_text(
        &self,
        issuer_id: Option<&str>,
        status: Status,
    ) -> StoreResult<Option<String>> {
        match issuer_id {
            Some(id) => Ok(self.issuer_label(id)?.map(|l| l.text(status))),
            None => Ok(None),
        }
    }
}

fn clip_file(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > 80 {
        clean.chars().take(79).chain(['…']).collect()
    } else if clean.is_empty() {
        "stdin".into()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::env::{FixedClock, OfflineFetcher};
    use crate::import::{ImportOptions, import_with};
    use crate::store::Query;
    use crate::verify::VerifyContext;

    const SANDBOX: &[u8] =
        include_bytes!("../../tests/fixtures/trust-registries/dcc-sandbox-registry/registry.json");
    const PILOT: &[u8] =
        include_bytes!("../../tests/fixtures/trust-registries/dcc-issuer-registry/registry.json");
    const DISTRICT: &[u8] =
        include_bytes!("../../tests/fixtures/trust-registries/backpack/example-district.json");
    const PTI: &str = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q";

    fn clock() -> FixedClock {
        FixedClock(
            chrono::DateTime::parse_from_rfc3339("2026-05-03T10:00:00Z")
                .unwrap()
                .with_timezone(&chrono::Utc),
        )
    }

    fn wallet() -> Wallet {
        Wallet::open_in_memory()
            .unwrap()
            .with_clock(Arc::new(clock()))
    }

    fn opts(name: Option<&str>, file: &str) -> TrustImportOptions {
        TrustImportOptions {
            name: name.map(str::to_string),
            file_name: file.into(),
            ..TrustImportOptions::default()
        }
    }

    fn with_lists() -> Wallet {
        let w = wallet();
        let s = w
            .import_trust_list(
                SANDBOX,
                &opts(Some("DCC Sandbox Registry"), "registry.json"),
            )
            .unwrap();
        assert!(s.list.test, "a list named sandbox is a test list");
        w.import_trust_list(DISTRICT, &opts(None, "example-district.json"))
            .unwrap();
        w
    }

    #[test]
    fn import_list_and_describe() {
        let w = with_lists();
        let lists = w.trust_lists().unwrap();
        type Row<'a> = (
            &'a str,
            ListFormat,
            &'a str,
            Option<&'a str>,
            bool,
            usize,
            usize,
        );
        let shown: Vec<Row> = lists
            .iter()
            .map(|l| {
                (
                    l.name.as_str(),
                    l.format,
                    l.source.as_str(),
                    l.list_date.as_deref(),
                    l.test,
                    l.issuers,
                    l.identifiers,
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                (
                    "DCC Sandbox Registry",
                    ListFormat::DccLegacy,
                    "file registry.json",
                    Some("2026-03-25T00:00:00+00:00"),
                    true,
                    39,
                    39
                ),
                (
                    "Example District recognised issuers",
                    ListFormat::Backpack,
                    "https://district.example.org/backpack-trust.json",
                    Some("2026-05-03"),
                    false,
                    4,
                    7
                ),
            ]
        );
        assert!(
            lists
                .iter()
                .all(|l| l.imported_at == "2026-05-03T10:00:00Z")
        );
        assert_eq!(lists[0].sha256, crate::store::sha256_hex(SANDBOX));
    }

    #[test]
    fn lookup_prefers_exact_then_regular_lists_and_names_the_others() {
        let w = with_lists();
        let l = w.issuer_label(PTI).unwrap().unwrap();
        assert_eq!(l.list, "Example District recognised issuers");
        assert_eq!(l.also_on, vec!["DCC Sandbox Registry".to_string()]);
        assert!(!l.test);
        assert_eq!(
            l.text(Status::Verified),
            "Known issuer: Public Test Issuer (listed by the district) (on 'Example District \
             recognised issuers', imported 3 May 2026)"
        );
        // Only on the sandbox list: a test issuer, whatever the entry's name says.
        let t = w
            .issuer_label("did:key:z6MkjSdgaUNWTQsH8RbkrNoxk98ZA2FHQsyEFEcHAEGhk3dB")
            .unwrap()
            .unwrap();
        assert_eq!(
            t.text(Status::Verified),
            "Test issuer, not a trust signal: Instituto Tecnológico de Monterrey Test (on 'DCC \
             Sandbox Registry', imported 3 May 2026)"
        );
        assert_eq!(
            t.text(Status::IssuerNotConfirmed),
            "Claims to be from a test issuer: Instituto Tecnológico de Monterrey Test (on 'DCC \
             Sandbox Registry', imported 3 May 2026); not verified"
        );
        // did:web: the exact sandbox entry beats the district's domain entry…
        let exact = w
            .issuer_label("did:web:digitalcredentials.github.io:dcc-did-web:multikey")
            .unwrap()
            .unwrap();
        assert_eq!(
            (exact.matched_by, exact.list.as_str()),
            (MatchKind::Did, "DCC Sandbox Registry")
        );
        assert_eq!(
            exact.also_on,
            vec!["Example District recognised issuers".to_string()]
        );
        // …and another did:web on that domain matches the domain only.
        let dom = w
            .issuer_label("did:web:digitalcredentials.github.io:someone-else")
            .unwrap()
            .unwrap();
        assert_eq!(
            (dom.matched_by, dom.name.as_str()),
            (MatchKind::Domain, "DCC test pages")
        );
        // An entry marked test in a regular list.
        let sb = w
            .issuer_label("https://sandbox.example.org/i/1")
            .unwrap()
            .unwrap();
        assert!(sb.test);
        assert_eq!(w.issuer_label("https://evil.example/x").unwrap(), None);
        assert_eq!(
            w.issuer_label_text(Some("https://www.example.edu/b"), Status::Verified)
                .unwrap()
                .as_deref(),
            Some(
                "Known issuer: Example University (domain *.example.edu, on 'Example District \
                  recognised issuers', imported 3 May 2026)"
            )
        );
        assert_eq!(w.issuer_label_text(None, Status::Verified).unwrap(), None);
        // The index (many badges at once) says the same as the one-issuer lookup.
        let ix = w.trust_index().unwrap();
        for id in [
            PTI,
            "did:web:digitalcredentials.github.io:x",
            "https://a.example.edu/",
            "urn:uuid:1",
        ] {
            assert_eq!(ix.label(id), w.issuer_label(id).unwrap(), "{id}");
        }
    }

    #[test]
    fn names_are_unique_and_replace_is_explicit() {
        let w = with_lists();
        let e = w
            .import_trust_list(SANDBOX, &opts(Some("dcc sandbox registry"), "r.json"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a trust list named \"dcc sandbox registry\" is already in your wallet: remove it \
             first, or replace it"
        );
        let mut o = opts(Some("DCC Sandbox Registry"), "r.json");
        o.replace = true;
        let r = w.import_trust_list(SANDBOX, &o).unwrap();
        assert!(r.replaced);
        assert_eq!(r.list.source, "file r.json");
        assert_eq!(w.trust_lists().unwrap().len(), 2);
        for bad in ["", "  ", "42", "#7", "a\u{1b}[31mb"] {
            assert!(
                matches!(
                    w.import_trust_list(SANDBOX, &opts(Some(bad), "r")),
                    Err(TrustError::BadName(_))
                ),
                "{bad:?}"
            );
        }
        // No name given and none in the file: named after the file.
        let d = w
            .import_trust_list(SANDBOX, &opts(None, "/tmp/x/registry.json"))
            .unwrap();
        assert_eq!(d.list.name, "DCC registry (registry.json)");
        assert!(!d.list.test);
    }

    #[test]
    fn a_refused_file_stores_nothing() {
        let w = wallet();
        let e = w
            .import_trust_list(PILOT, &opts(Some("DCC Pilot"), "registry.json"))
            .unwrap_err();
        assert!(
            matches!(e, TrustError::List(TrustListError::At { line: 56, .. })),
            "{e}"
        );
        assert!(w.trust_lists().unwrap().is_empty());
        let n: i64 = w
            .conn()
            .unwrap()
            .query_row("SELECT count(*) FROM trust_entries", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn remove_by_name_or_id() {
        let w = with_lists();
        let id = w.find_trust_list("DCC SANDBOX REGISTRY").unwrap().id;
        let gone = w.remove_trust_list(&format!("#{id}")).unwrap();
        assert_eq!(gone.name, "DCC Sandbox Registry");
        assert_eq!(
            w.issuer_label(PTI).unwrap().unwrap().also_on,
            Vec::<String>::new()
        );
        w.remove_trust_list("Example District recognised issuers")
            .unwrap();
        assert_eq!(w.issuer_label(PTI).unwrap(), None);
        let n: i64 = w
            .conn()
            .unwrap()
            .query_row("SELECT count(*) FROM trust_entries", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "entries go with their list");
        assert_eq!(
            w.remove_trust_list("nope").unwrap_err().to_string(),
            "no trust list \"nope\" in your wallet"
        );
    }

    /// The same badges imported and verified into a wallet without lists and one with lists
    /// that name their issuer: every stored report and status is identical; only the label,
    /// which is computed apart from them, differs.
    #[test]
    fn a_label_never_changes_a_verdict() {
        let files: [(&str, &[u8]); 3] = [
            (
                "v2OBv3SpecExample.json",
                include_bytes!("../../tests/fixtures/dcc-verifier-core/v2OBv3SpecExample.json"),
            ),
            (
                "v2Expired.json",
                include_bytes!("../../tests/fixtures/dcc-verifier-core/v2Expired.json"),
            ),
            (
                "v2didWebMultikeyWithValidStatus.json",
                include_bytes!(
                    "../../tests/fixtures/dcc-verifier-core/v2didWebMultikeyWithValidStatus.json"
                ),
            ),
        ];
        // One wallet pair per file: two of them are versions of one credential.
        let mut statuses = Vec::new();
        for (name, bytes) in files {
            let run = |w: &Wallet| {
                let c = clock();
                let ctx = VerifyContext::new(&c, &OfflineFetcher);
                let o = ImportOptions {
                    verify: Some(&ctx),
                    ..Default::default()
                };
                assert!(import_with(w, bytes, name, &o).is_ok(), "{name}");
                let s = w.list_badges(&Query::default()).unwrap().pop().unwrap();
                let r = w.latest_report(s.id).unwrap().unwrap();
                (s, r)
            };
            let (plain, listed) = (wallet(), with_lists());
            let ((sa, ra), (sb, rb)) = (run(&plain), run(&listed));
            assert_eq!(
                (sa.status, sa.verdict, &ra),
                (sb.status, sb.verdict, &rb),
                "{name}"
            );
            statuses.push(sb.status);
            // The label: verified → known; anything else → only a claim.
            let text = listed
                .issuer_label_text(sb.issuer_id.as_deref(), sb.status)
                .unwrap()
                .unwrap();
            let expect = if sb.status == Status::Verified {
                "Known issuer: "
            } else {
                "Claims to be from a "
            };
            assert!(text.starts_with(expect), "{name} {:?}: {text}", sb.status);
        }
        // The cases this test is about: verified, expired, and a did:web whose key cannot be
        // bound offline (issuer not confirmed today).
        assert_eq!(statuses[..2], [Status::Verified, Status::Expired]);
        assert_ne!(statuses[2], Status::Verified);
    }
}
