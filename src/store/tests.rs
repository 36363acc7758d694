//! Unit tests of the wallet with hand-built credentials (the real parser is tested through
//! `tests/import.rs`).

use std::sync::Arc;

use super::Checked;
use super::*;
use crate::env::FixedClock;
use crate::model::{Alignment, Badge, Container, Format, Issuer};
use crate::parse::{DedupeKey, ParsedCredential};
use crate::verify::{CheckId, Outcome, Report, Status, Verdict};

fn wallet() -> Wallet {
    let t = chrono::DateTime::parse_from_rfc3339("2026-03-04T05:06:07Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    Wallet::open_in_memory()
        .unwrap()
        .with_clock(Arc::new(FixedClock(t)))
}

fn badge(name: &str, issuer: &str, issued: &str) -> Badge {
    Badge {
        name: name.into(),
        issuer: Issuer {
            id: Some(format!("https://{issuer}.example/")),
            name: Some(issuer.into()),
            ..Issuer::default()
        },
        issued: Some(issued.into()),
        valid_from: Some(issued.into()),
        spec_version: "3.0".into(),
        ..Badge::default()
    }
}

fn ob3(name: &str, id: &str, valid_from: &str) -> ParsedCredential {
    let b = badge(name, "uni", valid_from);
    ParsedCredential {
        format: Format::Ob3Json,
        document: serde_json::json!({"id": id, "name": name, "validFrom": valid_from}),
        compact_jws: None,
        hosted_url: None,
        dedupe: DedupeKey::Credential {
            issuer_id: "https://uni.example/".into(),
            id: id.into(),
            valid_from: Some(valid_from.into()),
        },
        embedded: Vec::new(),
        badge: b,
    }
}

fn ob2(name: &str, assertion: &str) -> ParsedCredential {
    let mut b = badge(name, "school", "2020-01-01T00:00:00Z");
    b.spec_version = "2.0".into();
    ParsedCredential {
        format: Format::Ob2Hosted,
        document: serde_json::json!({"id": assertion}),
        compact_jws: None,
        hosted_url: Some(assertion.into()),
        dedupe: DedupeKey::Assertion {
            id: assertion.into(),
        },
        embedded: Vec::new(),
        badge: b,
    }
}

fn imported(o: &ImportOutcome) -> i64 {
    match o {
        ImportOutcome::Imported { id, .. } => *id,
        other => panic!("expected imported, got {other:?}"),
    }
}

/// A report whose signature holds but whose key is not bound to the issuer.
fn unbound_report() -> Report {
    let mut r = Report::new("2026-03-04T05:06:07Z".into());
    r.set(CheckId::Decode, Outcome::Pass, "json");
    r.set(CheckId::Parse, Outcome::Pass, "ob3");
    r.set(CheckId::Proof, Outcome::Pass, "ok");
    r.set(CheckId::IssuerKey, Outcome::Error, "offline");
    r
}

fn report(verdict_fail: Option<CheckId>) -> Report {
    let mut r = Report::new("2026-03-04T05:06:07Z".into());
    r.set(CheckId::Decode, Outcome::Pass, "json");
    r.set(CheckId::Parse, Outcome::Pass, "ob3");
    r.set(CheckId::Proof, Outcome::Pass, "ok");
    r.set(CheckId::IssuerKey, Outcome::Pass, "did:key issuer");
    if let Some(c) = verdict_fail {
        r.set(c, Outcome::Fail, "bad");
    }
    r
}

#[test]
fn fresh_wallet_has_every_migration_and_pragmas() {
    let w = wallet();
    assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION as usize, MIGRATIONS.len());
    let conn = w.conn().unwrap();
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 1, "synchronous=NORMAL");
}

#[test]
fn migration_files_are_listed_in_order_and_never_renumbered() {
    // Append-only: migrations/NNNN_*.sql on disk == MIGRATIONS, numbered 1..=N.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    files.sort();
    let names: Vec<String> = MIGRATIONS.iter().map(|(n, _)| format!("{n}.sql")).collect();
    assert_eq!(files, names);
    for (i, (name, _)) in MIGRATIONS.iter().enumerate() {
        assert_eq!(&name[..4], format!("{:04}", i + 1));
    }
}

#[test]
fn file_wallet_reopens_idempotently_and_refuses_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/wallet.db");
    let w = Wallet::open(&path).unwrap();
    let id = imported(
        &w.import_parsed(
            &ob3("A", "urn:uuid:1", "2024-01-01T00:00:00Z"),
            b"one",
            Container::Json,
            "a.json",
        )
        .unwrap(),
    );
    let mode: String = w
        .conn()
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(w);
    let w = Wallet::open(&path).unwrap();
    assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(w.original(id).unwrap(), b"one");
    w.conn()
        .unwrap()
        .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .unwrap();
    drop(w);
    let err = Wallet::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("update backpack"), "{err}");
}

#[test]
fn same_bytes_twice_is_a_duplicate() {
    let w = wallet();
    let p = ob3("Rust", "urn:uuid:1", "2024-01-01T00:00:00Z");
    let id = imported(
        &w.import_parsed(&p, b"bytes", Container::Json, "a.json")
            .unwrap(),
    );
    assert_eq!(
        w.import_parsed(&p, b"bytes", Container::Json, "again.json")
            .unwrap(),
        ImportOutcome::Duplicate { id }
    );
    // Same content hash even with a different parse (content dedupe).
    let mut q = ob2("Other", "https://x.example/a/1");
    q.dedupe = DedupeKey::Content;
    assert_eq!(
        w.import_parsed(&q, b"bytes", Container::Json, "b.json")
            .unwrap(),
        ImportOutcome::Duplicate { id }
    );
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
}

#[test]
fn ob3_newer_valid_from_replaces_older_kept_as_history() {
    let w = wallet();
    let old = imported(
        &w.import_parsed(
            &ob3("v1", "urn:uuid:c", "2024-01-01T00:00:00Z"),
            b"v1",
            Container::Json,
            "v1.json",
        )
        .unwrap(),
    );
    let coll = w.create_collection("CV", None).unwrap();
    w.add_to_collection(coll, old).unwrap();
    w.add_tag(old, "work").unwrap();
    // Newer, but nothing shows the issuer's key signed it (no report, or a report where the
    // key is not bound): kept beside the current one, never in its place.
    for checked in [None, Some(unbound_report())] {
        let out = match &checked {
            None => w.import_parsed(
                &ob3("v2", "urn:uuid:c", "2024-06-01T06:00:00+02:00"),
                b"v2 unchecked",
                Container::Json,
                "v2-forged.json",
            ),
            Some(r) => w.import_checked(
                &ob3("v2", "urn:uuid:c", "2024-06-02T00:00:00+02:00"),
                b"v2 forged",
                Container::Json,
                "v2-forged.json",
                Checked {
                    report: r,
                    embedded: &[],
                },
            ),
        }
        .unwrap();
        let ImportOutcome::Conflict { id: c, current } = out else {
            panic!("{out:?}")
        };
        assert_eq!(current, old);
        let list = w.list_badges(&Query::default()).unwrap();
        assert_eq!(
            list.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![old],
            "{c}"
        );
        assert_eq!(w.get_badge(c).unwrap().conflicts_with, Some(old));
        assert!(w.get_badge(old).unwrap().conflicts.contains(&c));
        assert_eq!(w.collection(coll).unwrap().badge_ids, vec![old]);
    }
    // Newer and signed with the issuer's key: becomes current, old kept as history, curation
    // moves along; the report went in with it.
    let bound = report(None);
    let out = w
        .import_checked(
            &ob3("v2", "urn:uuid:c", "2024-06-01T00:00:00+02:00"),
            b"v2",
            Container::Json,
            "v2.json",
            Checked {
                report: &bound,
                embedded: &[],
            },
        )
        .unwrap();
    let ImportOutcome::Imported {
        id: new, replaced, ..
    } = out
    else {
        panic!("{out:?}")
    };
    assert_eq!(replaced, Some(old));
    assert_eq!(w.latest_report(new).unwrap().unwrap().report, bound);
    let list = w.list_badges(&Query::default()).unwrap();
    assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), vec![new]);
    let stored = w.get_badge(new).unwrap();
    assert_eq!(stored.history, vec![old]);
    assert_eq!(stored.tags, vec!["work".to_string()]);
    assert_eq!(w.collection(coll).unwrap().badge_ids, vec![new]);
    assert_eq!(w.get_badge(old).unwrap().superseded_by, Some(new));
    assert_eq!(w.get_badge(old).unwrap().original, b"v1");
    // Older than current: kept as history only.
    let out = w
        .import_parsed(
            &ob3("v0", "urn:uuid:c", "2023-01-01T00:00:00Z"),
            b"v0",
            Container::Json,
            "v0.json",
        )
        .unwrap();
    let ImportOutcome::History { id: v0, current } = out else {
        panic!("{out:?}")
    };
    assert_eq!(current, new);
    assert_eq!(w.get_badge(new).unwrap().history, vec![old, v0]);
    // Same validFrom, different bytes (e.g. the same credential baked): duplicate.
    assert_eq!(
        w.import_parsed(
            &ob3("v2", "urn:uuid:c", "2024-06-01T00:00:00+02:00"),
            b"v2 baked",
            Container::Png,
            "v2.png"
        )
        .unwrap(),
        ImportOutcome::Duplicate { id: new }
    );
    assert_eq!(
        w.import_parsed(
            &ob3("v0", "urn:uuid:c", "2023-01-01T00:00:00Z"),
            b"v0 baked",
            Container::Png,
            "v0.png"
        )
        .unwrap(),
        ImportOutcome::Duplicate { id: v0 }
    );
    // Same id and date but a different document: kept as history, never dropped.
    let mut other = ob3("v2", "urn:uuid:c", "2024-06-01T00:00:00+02:00");
    other.document["validUntil"] = "2030-01-01T00:00:00Z".into();
    let out = w
        .import_parsed(&other, b"v2 other", Container::Json, "v2b.json")
        .unwrap();
    assert!(
        matches!(out, ImportOutcome::History { current, .. } if current == new),
        "{out:?}"
    );
    // A CLR never dedupes against a plain badge reusing its id.
    let mut clr = ob3("v2", "urn:uuid:c", "2024-06-01T00:00:00+02:00");
    clr.format = Format::Clr2Json;
    assert!(matches!(
        w.import_parsed(&clr, b"clr", Container::Json, "clr.json")
            .unwrap(),
        ImportOutcome::Imported { replaced: None, .. }
    ));
    // Search finds the current version only.
    let hits = w
        .list_badges(&Query {
            text: Some("v1".into()),
            ..Query::default()
        })
        .unwrap();
    assert!(hits.is_empty(), "{hits:?}");
    let hits = w
        .list_badges(&Query {
            text: Some("work".into()),
            ..Query::default()
        })
        .unwrap();
    assert_eq!(hits.iter().map(|s| s.id).collect::<Vec<_>>(), vec![new]);
}

#[test]
fn ob2_same_assertion_id_is_a_duplicate() {
    let w = wallet();
    let id = imported(
        &w.import_parsed(
            &ob2("A", "https://s.example/a/1"),
            b"json",
            Container::Json,
            "a.json",
        )
        .unwrap(),
    );
    assert_eq!(
        w.import_parsed(
            &ob2("A", "https://s.example/a/1"),
            b"png bytes",
            Container::Png,
            "a.png"
        )
        .unwrap(),
        ImportOutcome::Duplicate { id }
    );
    imported(
        &w.import_parsed(
            &ob2("B", "https://s.example/a/2"),
            b"json2",
            Container::Json,
            "b.json",
        )
        .unwrap(),
    );
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 2);
}

#[test]
fn clr_and_inner_credentials_commit_together() {
    let w = wallet();
    let mut clr = ob3("Transcript", "urn:uuid:clr", "2024-01-01T00:00:00Z");
    clr.format = Format::Clr2Json;
    clr.embedded = vec![
        ob3("Course A", "urn:uuid:a", "2023-01-01T00:00:00Z"),
        ob3("Course B", "urn:uuid:b", "2023-02-01T00:00:00Z"),
    ];
    let out = w
        .import_parsed(&clr, b"clr", Container::Json, "clr.json")
        .unwrap();
    let ImportOutcome::Imported { id, embedded, .. } = out else {
        panic!("{out:?}")
    };
    assert_eq!(embedded.len(), 2);
    let stored = w.get_badge(id).unwrap();
    assert_eq!(stored.children, embedded);
    let inner = w.get_badge(embedded[0]).unwrap();
    assert_eq!(inner.parent_id, Some(id));
    assert_eq!(inner.container, Container::Json);
    let doc: serde_json::Value = serde_json::from_slice(&inner.original).unwrap();
    assert_eq!(doc["id"], "urn:uuid:a");
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 3);
    // Removing the CLR hides its inner credentials; restoring brings them back.
    w.remove_badge(id).unwrap();
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
    w.restore_badge(id).unwrap();
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 3);
    w.remove_badge(id).unwrap();
    assert_eq!(w.purge_removed().unwrap(), 3);
    assert!(matches!(
        w.get_badge(embedded[1]),
        Err(StoreError::NoSuchBadge(_))
    ));
}

#[test]
fn failed_inner_insert_rolls_back_the_whole_clr() {
    let w = wallet();
    let mut clr = ob3("Transcript", "urn:uuid:clr", "2024-01-01T00:00:00Z");
    clr.format = Format::Clr2Json;
    clr.embedded = vec![ob3("Course A", "urn:uuid:a", "2023-01-01T00:00:00Z")];
    // Make the inner insert fail halfway: a trigger rejects the second row.
    w.conn()
        .unwrap()
        .execute_batch(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON badges WHEN NEW.parent_id IS NOT NULL
             BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        )
        .unwrap();
    assert!(
        w.import_parsed(&clr, b"clr", Container::Json, "clr.json")
            .is_err()
    );
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
    let n: i64 = w
        .conn()
        .unwrap()
        .query_row("SELECT count(*) FROM badges", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn remove_is_undoable_and_reimport_after_remove_brings_it_back() {
    let w = wallet();
    let p = ob3("Rust", "urn:uuid:1", "2024-01-01T00:00:00Z");
    let id = imported(
        &w.import_parsed(&p, b"bytes", Container::Json, "a.json")
            .unwrap(),
    );
    w.remove_badge(id).unwrap();
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
    assert_eq!(w.removed_badges().unwrap().len(), 1);
    w.restore_badge(id).unwrap();
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
    w.remove_badge(id).unwrap();
    let again = imported(
        &w.import_parsed(&p, b"bytes", Container::Json, "a.json")
            .unwrap(),
    );
    assert_ne!(again, id);
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
    assert!(matches!(
        w.remove_badge(999),
        Err(StoreError::NoSuchBadge(999))
    ));
    assert_eq!(
        StoreError::NoSuchBadge(999).to_string(),
        "no badge #999 in your wallet"
    );
}

/// An OB 3.0 badge with a description and a skill; its id.
fn import_data_science(w: &Wallet) -> i64 {
    let mut a = ob3("Data Science Basics", "urn:uuid:a", "2024-01-01T00:00:00Z");
    a.badge.description = Some("Intro to statistics".into());
    a.badge.alignments = vec![Alignment {
        target_name: Some("Regression".into()),
        ..Alignment::default()
    }];
    imported(&w.import_parsed(&a, b"a", Container::Json, "a").unwrap())
}

/// An OB 2.0 badge with a non-ASCII name; its id.
fn import_algebra(w: &Wallet) -> i64 {
    imported(
        &w.import_parsed(
            &ob2("Älgebra", "https://s.example/1"),
            b"c",
            Container::Json,
            "c",
        )
        .unwrap(),
    )
}

#[test]
fn search_filters_sort_and_paging() {
    let w = wallet();
    let a = import_data_science(&w);
    let mut b = ob3("Welding", "urn:uuid:b", "2025-01-01T00:00:00Z");
    b.badge.issuer.name = Some("Trade School".into());
    b.badge.issuer.id = Some("https://trade.example/".into());
    b.dedupe = DedupeKey::Credential {
        issuer_id: "https://trade.example/".into(),
        id: "urn:uuid:b".into(),
        valid_from: None,
    };
    let b = imported(&w.import_parsed(&b, b"b", Container::Json, "b").unwrap());
    let c = import_algebra(&w);

    let ids = |q: Query| {
        w.list_badges(&q)
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Query::default()), vec![b, a, c], "newest first");
    assert_eq!(
        w.current_summaries().unwrap(),
        w.list_badges(&Query::default()).unwrap(),
        "the app's first gallery lists what the engine lists"
    );
    assert_eq!(
        ids(Query {
            sort: Sort::Oldest,
            ..Query::default()
        }),
        vec![c, a, b]
    );
    // Names sort folded, as they are searched: "Älgebra" with the a's.
    assert_eq!(
        ids(Query {
            sort: Sort::Name,
            ..Query::default()
        }),
        vec![c, a, b]
    );
    assert_eq!(
        ids(Query {
            text: Some("stat".into()),
            ..Query::default()
        }),
        vec![a],
        "description prefix"
    );
    assert_eq!(
        ids(Query {
            text: Some("regress".into()),
            ..Query::default()
        }),
        vec![a],
        "skills"
    );
    assert_eq!(
        ids(Query {
            text: Some("trade weld".into()),
            ..Query::default()
        }),
        vec![b],
        "issuer + name"
    );
    assert_eq!(
        ids(Query {
            text: Some("algebra".into()),
            ..Query::default()
        }),
        vec![c],
        "diacritics"
    );
    assert_eq!(
        ids(Query {
            text: Some("\"*(".into()),
            ..Query::default()
        })
        .len(),
        3,
        "punctuation only: no filter"
    );
    assert_eq!(
        ids(Query {
            text: Some("nothing".into()),
            ..Query::default()
        }),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(Query {
            issuer: Some("Trade School".into()),
            ..Query::default()
        }),
        vec![b]
    );
    assert_eq!(
        ids(Query {
            issuer: Some("https://uni.example/".into()),
            ..Query::default()
        }),
        vec![a]
    );
    assert_eq!(
        ids(Query {
            format: Some(Format::Ob2Hosted),
            ..Query::default()
        }),
        vec![c]
    );
    assert_eq!(
        ids(Query {
            limit: Some(1),
            offset: 1,
            ..Query::default()
        }),
        vec![a]
    );
    w.add_tag(c, " maths ").unwrap();
    assert_eq!(
        ids(Query {
            tag: Some("maths".into()),
            ..Query::default()
        }),
        vec![c]
    );
    assert_eq!(
        ids(Query {
            text: Some("math".into()),
            ..Query::default()
        }),
        vec![c]
    );
    assert!(w.remove_tag(c, "maths").unwrap());
    assert_eq!(
        ids(Query {
            text: Some("math".into()),
            ..Query::default()
        }),
        Vec::<i64>::new()
    );
    let coll = w.create_collection("Portfolio", Some("Hello")).unwrap();
    w.add_to_collection(coll, b).unwrap();
    assert_eq!(
        ids(Query {
            collection: Some(coll),
            ..Query::default()
        }),
        vec![b]
    );
    // Status from the latest report.
    w.save_report(a, &report(None)).unwrap();
    w.save_report(b, &report(None)).unwrap();
    w.save_report(b, &report(Some(CheckId::Status))).unwrap();
    assert_eq!(
        ids(Query {
            status: Some(Status::Verified),
            ..Query::default()
        }),
        vec![a]
    );
    assert_eq!(
        ids(Query {
            status: Some(Status::Revoked),
            ..Query::default()
        }),
        vec![b]
    );
    assert_eq!(
        ids(Query {
            status: Some(Status::NotChecked),
            ..Query::default()
        }),
        vec![c]
    );
    let s = w.list_badges(&Query::default()).unwrap();
    assert_eq!(s[0].verdict, Some(Verdict::Invalid));
    assert_eq!(s[0].status, Status::Revoked);
    assert_eq!(
        w.count_badges(&Query {
            limit: Some(1),
            ..Query::default()
        })
        .unwrap(),
        3
    );
}

#[test]
fn reports_keep_the_latest_and_the_evidence_snapshot() {
    let w = wallet();
    let id = imported(
        &w.import_parsed(
            &ob3("A", "urn:uuid:1", "2024-01-01T00:00:00Z"),
            b"a",
            Container::Json,
            "a",
        )
        .unwrap(),
    );
    assert!(w.latest_report(id).unwrap().is_none());
    w.cache_document(&crate::verify::CachedDocument {
        url: "https://uni.example/issuer".into(),
        final_url: None,
        status: 200,
        content_type: Some("application/json".into()),
        body: b"{}".to_vec(),
        fetched_at: "2026-03-01T00:00:00Z".into(),
    })
    .unwrap();
    let mut r = report(Some(CheckId::Expiry));
    r.key_id = Some("did:key:z6Mk#z6Mk".into());
    r.fetches.push(crate::verify::FetchRecord {
        url: "https://uni.example/issuer".into(),
        status: Some(200),
        fetched_at: "2026-03-01T00:00:00Z".into(),
        millis: 0,
        from_cache: true,
        error: None,
        error_message: None,
    });
    w.save_report(id, &report(None)).unwrap();
    let rid = w.save_report(id, &r).unwrap();
    let latest = w.latest_report(id).unwrap().unwrap();
    assert_eq!(latest.id, rid);
    assert_eq!(latest.status, Status::Expired);
    assert_eq!(latest.report, r);
    let sha: String = w
        .conn()
        .unwrap()
        .query_row(
            "SELECT sha256 FROM report_documents WHERE report_id = ?1",
            [rid],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sha, sha256_hex(b"{}"));
    assert!(matches!(
        w.save_report(42, &r),
        Err(StoreError::NoSuchBadge(42))
    ));
}

#[test]
fn fetch_cache_round_trips_through_the_document_cache_trait() {
    use crate::verify::{CachedDocument, DocumentCache};
    let w = wallet();
    let cache: &dyn DocumentCache = &w;
    assert_eq!(cache.get("https://a.example/k"), None);
    let mut doc = CachedDocument {
        url: "https://a.example/k".into(),
        final_url: Some("https://a.example/k".into()),
        status: 200,
        content_type: None,
        body: vec![0, 1, 2, 255],
        fetched_at: "2026-01-01T00:00:00Z".into(),
    };
    cache.put(&doc);
    assert_eq!(cache.get("https://a.example/k").as_ref(), Some(&doc));
    doc.status = 410;
    doc.body = b"gone".to_vec();
    cache.put(&doc);
    assert_eq!(cache.get("https://a.example/k"), Some(doc));
}

#[test]
fn profile_identities_are_validated() {
    let w = wallet();
    let e = w
        .add_identity(IdentityKind::Email, " ada@example.org ")
        .unwrap();
    assert_eq!(e.value, "ada@example.org");
    assert_eq!(
        w.add_identity(IdentityKind::Email, "ada@example.org")
            .unwrap()
            .id,
        e.id
    );
    w.add_identity(IdentityKind::Did, "did:key:z6MkabcDEF")
        .unwrap();
    w.add_identity(IdentityKind::Url, "https://ada.example/")
        .unwrap();
    let err = w
        .add_identity(IdentityKind::Email, "not-an-email")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "\"not-an-email\" is not a valid email: expected name@example.org"
    );
    assert!(w.add_identity(IdentityKind::Did, "did:Key:x").is_err());
    assert!(w.add_identity(IdentityKind::Url, "ftp://x").is_err());
    assert!(w.add_identity(IdentityKind::Email, "").is_err());
    assert_eq!(
        w.identity_values().unwrap(),
        vec![
            "ada@example.org",
            "did:key:z6MkabcDEF",
            "https://ada.example/"
        ]
    );
    assert!(w.remove_identity("ADA@example.org").unwrap());
    assert!(!w.remove_identity("ada@example.org").unwrap());
    assert_eq!(w.identities().unwrap().len(), 2);
}

#[test]
fn collections_crud_reorder_and_notes() {
    let w = wallet();
    let a = imported(
        &w.import_parsed(
            &ob3("A", "urn:uuid:a", "2024-01-01T00:00:00Z"),
            b"a",
            Container::Json,
            "a",
        )
        .unwrap(),
    );
    let b = imported(
        &w.import_parsed(
            &ob3("B", "urn:uuid:b", "2024-01-01T00:00:00Z"),
            b"b",
            Container::Json,
            "b",
        )
        .unwrap(),
    );
    let c1 = w.create_collection("Jobs", None).unwrap();
    let c2 = w
        .create_collection("College", Some("For admissions"))
        .unwrap();
    assert!(matches!(
        w.create_collection(" Jobs ", None),
        Err(StoreError::CollectionExists(_))
    ));
    assert!(w.create_collection("  ", None).is_err());
    w.add_to_collection(c1, a).unwrap();
    w.add_to_collection(c1, b).unwrap();
    w.add_to_collection(c1, a).unwrap();
    assert_eq!(w.collection(c1).unwrap().badge_ids, vec![a, b]);
    w.reorder_collection(c1, &[b, a]).unwrap();
    assert_eq!(w.collection(c1).unwrap().badge_ids, vec![b, a]);
    assert!(w.reorder_collection(c1, &[b]).is_err());
    w.set_collection_badge_note(c1, a, Some("my best")).unwrap();
    assert_eq!(
        w.collection_badge_note(c1, a).unwrap().as_deref(),
        Some("my best")
    );
    assert!(w.set_collection_badge_note(c2, a, Some("x")).is_err());
    w.rename_collection(c2, "Uni").unwrap();
    assert!(matches!(
        w.rename_collection(c2, "Jobs"),
        Err(StoreError::CollectionExists(_))
    ));
    assert_eq!(w.find_collection("Uni").unwrap().id, c2);
    assert_eq!(w.find_collection(&c1.to_string()).unwrap().name, "Jobs");
    assert!(matches!(
        w.find_collection("nope"),
        Err(StoreError::NoSuchCollection(_))
    ));
    w.reorder_collections(&[c2, c1]).unwrap();
    assert_eq!(
        w.collections()
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>(),
        vec![c2, c1]
    );
    w.set_collection_note(c2, Some("private")).unwrap();
    assert_eq!(w.collection(c2).unwrap().note.as_deref(), Some("private"));
    assert_eq!(
        w.collection(c2).unwrap().description.as_deref(),
        Some("For admissions")
    );
    // A purged badge leaves the collection; deleting a collection keeps the badges.
    w.remove_badge(a).unwrap();
    w.purge_removed().unwrap();
    assert_eq!(w.collection(c1).unwrap().badge_ids, vec![b]);
    w.delete_collection(c1).unwrap();
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
    assert!(w.collection(c1).is_err());
}

#[test]
fn notes_tags_settings_and_learner_key() {
    let w = wallet();
    let a = imported(
        &w.import_parsed(
            &ob3("A", "urn:uuid:a", "2024-01-01T00:00:00Z"),
            b"a",
            Container::Json,
            "a",
        )
        .unwrap(),
    );
    w.set_badge_note(a, Some("proud of this")).unwrap();
    assert_eq!(
        w.get_badge(a).unwrap().note.as_deref(),
        Some("proud of this")
    );
    w.set_badge_note(a, None).unwrap();
    assert_eq!(w.get_badge(a).unwrap().note, None);
    assert!(
        w.set_badge_note(a, Some(&"x".repeat(tags::MAX_NOTE_BYTES + 1)))
            .is_err()
    );
    assert!(w.add_tag(a, "").is_err());
    assert!(w.add_tag(a, &"t".repeat(65)).is_err());
    w.add_tag(a, "b").unwrap();
    w.add_tag(a, "a").unwrap();
    assert_eq!(w.get_badge(a).unwrap().tags, vec!["a", "b"]);
    assert_eq!(
        w.all_tags().unwrap(),
        vec![("a".to_string(), 1), ("b".to_string(), 1)]
    );

    assert!(!w.setting_bool(keys::NETWORK_ALLOWED, false).unwrap());
    w.set_setting_bool(keys::NETWORK_ALLOWED, true).unwrap();
    assert!(w.setting_bool(keys::NETWORK_ALLOWED, false).unwrap());
    w.set_setting(keys::PORTFOLIO_TITLE, "Ada's badges")
        .unwrap();
    assert_eq!(
        w.setting(keys::PORTFOLIO_TITLE).unwrap().as_deref(),
        Some("Ada's badges")
    );
    w.clear_setting(keys::PORTFOLIO_TITLE).unwrap();
    assert_eq!(w.setting(keys::PORTFOLIO_TITLE).unwrap(), None);

    assert!(w.learner_key().unwrap().is_none());
    let made = w
        .create_learner_key::<StoreError>("Ed25519", &[1; 32], "did:key:z6Mk", || Ok("memory"))
        .unwrap();
    assert!(made);
    let k = w.learner_key().unwrap().unwrap();
    // The database never holds the secret: only where it is.
    assert!(k.secret.is_empty());
    assert_eq!(k.secret_store.as_deref(), Some("memory"));
    // A second key is never created, and its store is not even asked.
    let made = w
        .create_learner_key::<StoreError>("Ed25519", &[3; 32], "did:key:z6Mx", || {
            panic!("must not be called")
        })
        .unwrap();
    assert!(!made);
    assert_eq!(w.learner_key().unwrap().unwrap().did, "did:key:z6Mk");
}

#[test]
fn get_badge_returns_everything_and_summary_fields() {
    let w = wallet();
    let mut p = ob3("A", "urn:uuid:a", "2024-01-01T01:00:00+01:00");
    p.badge.image = Some(crate::model::Image::Baked {
        mime: "image/png".into(),
    });
    let original = b"\x89PNG\r\n\x1a\nnot really".to_vec();
    let id = imported(
        &w.import_parsed(&p, &original, Container::Png, "dir/a.png")
            .unwrap(),
    );
    let s = w.get_badge(id).unwrap();
    assert_eq!(s.original, original);
    assert_eq!(s.sha256, sha256_hex(&original));
    assert_eq!(s.container, Container::Png);
    assert_eq!(s.badge, p.badge);
    assert_eq!(s.source, "dir/a.png");
    assert_eq!(s.imported_at, "2026-03-04T05:06:07Z");
    assert_eq!(s.credential_id.as_deref(), Some("urn:uuid:a"));
    assert_eq!(s.status(), Status::NotChecked);
    let sum = &w.summaries(&[id, 77]).unwrap()[0];
    assert_eq!(
        sum.issued.as_deref(),
        Some("2024-01-01T00:00:00Z"),
        "normalised to UTC"
    );
    assert_eq!(sum.image_kind, Some(ImageKind::Baked));
    assert_eq!(sum.issuer.as_deref(), Some("uni"));
    assert!(matches!(
        w.get_badge(id + 1),
        Err(StoreError::NoSuchBadge(_))
    ));
}

#[test]
fn learner_key_is_created_once_and_reloaded() {
    use crate::learner_key::{MemoryVault, SecretVault, wallet_learner_key};
    let w = wallet();
    let vault = MemoryVault::default();
    let first = wallet_learner_key(&w, &[&vault]).unwrap();
    let again = wallet_learner_key(&w, &[&vault]).unwrap();
    assert_eq!(first.did(), again.did());
    let rec = w.learner_key().unwrap().unwrap();
    assert_eq!(rec.did, first.did());
    assert_eq!(
        rec.public_key,
        crate::learner_key::ed25519_from_did_key(first.did()).unwrap()
    );
    assert!(rec.secret.is_empty());
    assert_eq!(
        &vault.load(first.did()).unwrap().unwrap()[..],
        &first.secret().to_bytes()[..]
    );
    // Without its vault the key cannot be had, and no second key is made.
    let e = wallet_learner_key(&w, &[]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "your signing key is kept in memory, which is not available here (set BACKPACK_KEY_STORE to use it, or run where it is)"
    );
}

#[test]
fn a_schema_1_wallet_upgrades_to_binary_hashes_keeping_every_badge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    let hex_sha = sha256_hex(b"original bytes");
    {
        // A wallet as schema 1 wrote it: hex hashes, the view stored as JSON.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(MIGRATIONS[0].1).unwrap();
        c.execute_batch("PRAGMA user_version = 1").unwrap();
        let view = serde_json::to_string(&badge("Old", "uni", "2020-01-01T00:00:00Z")).unwrap();
        c.execute(
            "INSERT INTO badges (format, container, spec_version, name, badge_json, original,
                sha256, document_sha256, source, imported_at)
             VALUES ('ob3-json', 'json', '3.0', 'Old', ?1, x'6f7269', ?2, ?2, 'old.json', '2020-01-01T00:00:00Z')",
            rusqlite::params![view, hex_sha],
        )
        .unwrap();
    }
    let w = Wallet::open(&path).unwrap();
    assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
    let typ: String = w
        .conn()
        .unwrap()
        .query_row("SELECT typeof(sha256) FROM badges", [], |r| r.get(0))
        .unwrap();
    assert_eq!(typ, "blob");
    let b = w.get_badge(1).unwrap();
    assert_eq!(b.sha256, hex_sha);
    assert_eq!(b.badge.name, "Old");
    assert_eq!(b.original, b"ori");
}

#[test]
fn a_batch_keeps_each_badge_atomic_and_commits_the_rest() {
    let w = wallet();
    w.conn()
        .unwrap()
        .execute_batch(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON badges WHEN NEW.name = 'boom'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        )
        .unwrap();
    {
        let mut b = w.begin_batch().unwrap();
        let mut clr = ob3("CLR", "urn:uuid:clr", "2024-01-01T00:00:00Z");
        clr.format = Format::Clr2Json;
        // The CLR's second inner credential fails: the whole CLR rolls back, alone.
        clr.embedded = vec![
            ob3("inner ok", "urn:uuid:i1", "2024-01-01T00:00:00Z"),
            ob3("boom", "urn:uuid:i2", "2024-01-01T00:00:00Z"),
        ];
        assert!(
            b.import_derived(
                &ob3("A", "urn:uuid:a", "2024-01-01T00:00:00Z"),
                b"a",
                Container::Json,
                "a",
                None,
            )
            .is_ok()
        );
        assert!(
            b.import_derived(&clr, b"clr", Container::Json, "clr", None)
                .is_err()
        );
        assert!(
            b.import_derived(
                &ob3("B", "urn:uuid:b", "2024-01-01T00:00:00Z"),
                b"b",
                Container::Json,
                "b",
                None,
            )
            .is_ok()
        );
        b.commit().unwrap();
    }
    let names: Vec<String> = w
        .list_badges(&Query {
            sort: Sort::Name,
            ..Query::default()
        })
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["A", "B"]);
    // A dropped batch leaves nothing behind.
    {
        let mut b = w.begin_batch().unwrap();
        b.import_derived(
            &ob3("C", "urn:uuid:c", "2024-01-01T00:00:00Z"),
            b"c",
            Container::Json,
            "c",
            None,
        )
        .unwrap();
    }
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 2);
}

/// The app's first gallery (`current_summaries`, one statement) and the search engine's
/// default order agree, ties and undated badges included.
#[test]
fn the_first_gallery_is_in_the_engines_order() {
    let w = wallet();
    for (i, date) in [
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00Z",
        "2023-05-01T00:00:00Z",
    ]
    .into_iter()
    .enumerate()
    {
        let mut p = ob3(&format!("B{i}"), &format!("urn:uuid:{i}"), date);
        if i == 2 {
            p.badge.issued = None;
        }
        w.import_parsed(&p, format!("b{i}").as_bytes(), Container::Json, "b")
            .unwrap();
    }
    let ids = |v: Vec<BadgeSummary>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
    let first = ids(w.current_summaries().unwrap());
    assert_eq!(first, vec![2, 1, 3], "ties newest id first, undated last");
    assert_eq!(first, ids(w.list_badges(&Query::default()).unwrap()));
}

#[test]
fn fold_is_the_one_search_rule() {
    use crate::store::fold;
    assert_eq!(fold("Älgebra, Grade-2!"), " algebra grade 2 ");
    assert_eq!(fold("JOSÉ  Núñez"), " jose nunez ");
    assert_eq!(fold(""), " ");
    assert_eq!(fold("日本語 コース"), " 日本語 コース ");
    // Bounded: a huge description is cut, not indexed whole.
    assert!(fold(&"word ".repeat(100_000)).len() <= crate::store::MAX_FOLDED + 8);
}

#[test]
fn the_index_holds_tags_and_follows_every_change() {
    let w = wallet();
    let a = import_data_science(&w);
    let c = import_algebra(&w);
    let find = |text: &str| {
        w.query_ids(&Query {
            text: Some(text.into()),
            ..Query::default()
        })
        .unwrap()
    };
    assert_eq!(find("portf"), Vec::<i64>::new());
    // The learner's tags are searchable as soon as they are added, and no longer once removed.
    w.add_tag(a, "portfolio").unwrap();
    assert_eq!(find("portf"), vec![a]);
    assert_eq!(
        w.query_ids(&Query {
            tag: Some("portfolio".into()),
            ..Query::default()
        })
        .unwrap(),
        vec![a]
    );
    assert!(w.remove_tag(a, "portfolio").unwrap());
    assert_eq!(find("portf"), Vec::<i64>::new());
    // Collections and removal.
    let col = w.create_collection("Jobs", None).unwrap();
    w.add_to_collection(col, c).unwrap();
    assert_eq!(
        w.query_ids(&Query {
            collection: Some(col),
            ..Query::default()
        })
        .unwrap(),
        vec![c]
    );
    w.remove_badge(c).unwrap();
    assert_eq!(
        find("algebra"),
        Vec::<i64>::new(),
        "removed badges are not searchable"
    );
    assert_eq!(w.search_index().unwrap().len(), 1);
}

/// The search box never waits for an import: while the wallet is held, the last index answers
/// (or nothing, when there is none yet), and once it is free the answer is fresh again.
#[test]
fn a_query_that_must_not_wait_uses_the_last_index_while_the_wallet_is_busy() {
    let w = wallet();
    let q = Query {
        text: Some("data".into()),
        ..Query::default()
    };
    {
        let _held = w.conn.lock().unwrap();
        assert_eq!(w.query_ids_nowait(&q).unwrap(), None, "no index yet");
    }
    assert_eq!(w.query_ids_nowait(&q).unwrap(), None, "it never builds");
    w.search_index().unwrap();
    assert_eq!(w.query_ids_nowait(&q).unwrap(), Some(vec![]));
    let a = import_data_science(&w);
    {
        let _held = w.conn.lock().unwrap();
        assert_eq!(
            w.query_ids_nowait(&q).unwrap(),
            Some(vec![]),
            "the last index"
        );
    }
    assert_eq!(
        w.query_ids_nowait(&q).unwrap(),
        None,
        "older than the wallet"
    );
    w.search_index().unwrap();
    assert_eq!(
        w.query_ids_nowait(&q).unwrap(),
        Some(vec![a]),
        "fresh once rebuilt"
    );
}

/// Counting every badge needs no index; a filtered count agrees with the listing.
#[test]
fn counts_with_and_without_filters() {
    let w = wallet();
    let a = import_data_science(&w);
    import_algebra(&w);
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 2);
    assert!(
        w.search.lock().unwrap().is_none(),
        "no index was built to count"
    );
    let q = Query {
        text: Some("stat".into()),
        limit: Some(0),
        ..Query::default()
    };
    assert_eq!(w.count_badges(&q).unwrap(), 1);
    assert!(!q.filters_nothing());
    assert!(
        Query {
            text: Some(" ,; ".into()),
            ..Query::default()
        }
        .filters_nothing()
    );
    w.remove_badge(a).unwrap();
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
}

/// The app keeps one wallet open while the CLI writes to the same file: the index notices the
/// other process's commit.
#[test]
fn the_index_sees_another_connections_commit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let app = Wallet::open(&path).unwrap();
    assert!(app.search_index().unwrap().is_empty());
    let cli = Wallet::open(&path).unwrap();
    let a = import_data_science(&cli);
    assert_eq!(
        app.query_ids(&Query {
            text: Some("data sci".into()),
            ..Query::default()
        })
        .unwrap(),
        vec![a]
    );
}

/// A wallet from before the search column (schema 8) is searchable after the upgrade: the
/// texts are folded the first time an index is built.
#[test]
fn badges_imported_before_the_search_column_are_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let a = {
        let w = Wallet::open(&path).unwrap();
        import_data_science(&w)
    };
    {
        // What an older build left: no folded text.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute("UPDATE badges SET search_text = NULL", [])
            .unwrap();
    }
    let w = Wallet::open(&path).unwrap();
    assert_eq!(
        w.query_ids(&Query {
            text: Some("regress".into()),
            ..Query::default()
        })
        .unwrap(),
        vec![a]
    );
    let c = rusqlite::Connection::open(&path).unwrap();
    let text: String = c
        .query_row("SELECT search_text FROM badges WHERE id = ?1", [a], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        text,
        " data science basics uni intro to statistics regression "
    );
}

/// Reports written before issuer binding (rules 1) called forged badges "valid". After the
/// upgrade they stay as history but no longer decide the status: "not checked" until re-checked.
#[test]
fn reports_under_older_rules_are_history_not_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(MIGRATIONS[0].1).unwrap();
        c.execute_batch(MIGRATIONS[1].1).unwrap();
        c.execute_batch("PRAGMA user_version = 2").unwrap();
        let view = serde_json::to_string(&badge("Forged", "uni", "2020-01-01T00:00:00Z")).unwrap();
        c.execute(
            "INSERT INTO badges (format, container, spec_version, name, badge_json, original,
                sha256, document_sha256, source, imported_at)
             VALUES ('ob3-json', 'json', '3.0', 'Forged', ?1, x'6f7269', x'01', x'01', 'f.json', '2020-01-01T00:00:00Z')",
            rusqlite::params![view],
        )
        .unwrap();
        let old = serde_json::to_string(&report(None)).unwrap();
        c.execute(
            "INSERT INTO reports (badge_id, checked_at, verdict, status, report_json)
             VALUES (1, '2026-01-01T00:00:00Z', 'valid', 'valid', ?1)",
            [old],
        )
        .unwrap();
    }
    let w = Wallet::open(&path).unwrap();
    let latest = w.latest_report(1).unwrap().unwrap();
    assert_eq!((latest.rules, latest.status), (1, Status::NotChecked));
    let s = w.list_badges(&Query::default()).unwrap();
    assert_eq!((s[0].status, s[0].verdict), (Status::NotChecked, None));
    let not_checked = |status| {
        w.list_badges(&Query {
            status: Some(status),
            ..Query::default()
        })
        .unwrap()
        .len()
    };
    assert_eq!(not_checked(Status::NotChecked), 1);
    assert_eq!(not_checked(Status::Verified), 0);
    // A check under today's rules decides again.
    w.save_report(1, &report(None)).unwrap();
    assert_eq!(
        w.latest_report(1).unwrap().unwrap().status,
        Status::Verified
    );
    assert_eq!(not_checked(Status::Verified), 1);
}

/// A copy kept aside as conflicting takes the badge's place once a re-check shows the issuer's
/// key signed it (and it is newer); a re-check that does not, changes nothing.
#[test]
fn a_conflicting_copy_is_promoted_when_a_recheck_shows_the_issuers_key() {
    let w = wallet();
    let old = imported(
        &w.import_parsed(
            &ob3("v1", "urn:uuid:p", "2024-01-01T00:00:00Z"),
            b"p1",
            Container::Json,
            "p1.json",
        )
        .unwrap(),
    );
    w.add_tag(old, "mine").unwrap();
    let ImportOutcome::Conflict { id: copy, .. } = w
        .import_parsed(
            &ob3("v2", "urn:uuid:p", "2025-01-01T00:00:00Z"),
            b"p2",
            Container::Json,
            "p2.json",
        )
        .unwrap()
    else {
        panic!("a newer unchecked copy conflicts")
    };
    w.save_report(copy, &unbound_report()).unwrap();
    assert_eq!(w.get_badge(copy).unwrap().conflicts_with, Some(old));
    w.save_report(copy, &report(None)).unwrap();
    let promoted = w.get_badge(copy).unwrap();
    assert_eq!(promoted.conflicts_with, None);
    assert_eq!(promoted.history, vec![old]);
    assert_eq!(promoted.tags, vec!["mine".to_string()]);
    let listed: Vec<i64> = w
        .list_badges(&Query::default())
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(listed, vec![copy]);
}

/// A report unlike any the verifier makes on the happy path: fetches (one failed), a key id,
/// an endorsement, no format, and a verdict, status and reason that are not what the checks
/// come to. Everything must come back as it was.
fn odd_report() -> Report {
    let mut r = report(Some(CheckId::Expiry));
    r.key_id = Some("did:key:z6Mk#z6Mk".into());
    r.format = None;
    r.set(CheckId::Recipient, Outcome::Skipped, "");
    r.set(
        CheckId::Status,
        Outcome::Error,
        "status list: \"timeout\"\nline two  ",
    );
    r.fetches = vec![
        crate::verify::FetchRecord {
            url: "https://uni.example/issuer".into(),
            status: Some(200),
            fetched_at: "2026-03-01T00:00:00Z".into(),
            millis: 17,
            from_cache: false,
            error: None,
            error_message: None,
        },
        crate::verify::FetchRecord {
            url: "https://uni.example/status".into(),
            status: None,
            fetched_at: "2026-03-01T00:00:01Z".into(),
            millis: 0,
            from_cache: true,
            error: Some("timed out".into()),
            error_message: Some(crate::localize::Message::Text("timed out".into())),
        },
    ];
    r.endorsements = vec![crate::verify::report::EndorsementCheck {
        scope: crate::endorsement::Scope::Issuer,
        endorser_id: Some("https://other.example/".into()),
        endorser_name: None,
        name: "Endorsed".into(),
        comment: Some("good".into()),
        status: Status::IssuerNotConfirmed,
        reason: "offline".into(),
        message: None,
    }];
    r.verdict = Verdict::Valid;
    r.status = Status::Revoked;
    r.reason = "said so".into();
    r
}

/// Reports are stored compactly (issue 10) and read back as the very same `Report`: the usual
/// ones and odd ones, the latest and the history.
#[test]
fn reports_round_trip_through_the_compact_stored_form() {
    let w = wallet();
    let id = imported(
        &w.import_parsed(
            &ob3("A", "urn:uuid:rt", "2024-01-01T00:00:00Z"),
            b"rt",
            Container::Json,
            "rt.json",
        )
        .unwrap(),
    );
    let mut fresh = Report::new("2026-01-01T00:00:00Z".into());
    fresh.set(CheckId::Decode, Outcome::Fail, "not a badge");
    let mut refreshed = report(None);
    refreshed.set_format(Format::Ob2Hosted);
    let cases = [
        report(None),
        report(Some(CheckId::Status)),
        unbound_report(),
        odd_report(),
        Report::new("2026-01-02T00:00:00Z".into()),
        fresh,
        refreshed,
    ];
    for r in &cases {
        w.save_report(id, r).unwrap();
        assert_eq!(&w.latest_report(id).unwrap().unwrap().report, r);
    }
    let history: Vec<Report> = w
        .reports(id)
        .unwrap()
        .into_iter()
        .rev()
        .map(|s| s.report)
        .collect();
    assert_eq!(history, cases);
    // The usual report is a few references, and its lines are stored once.
    let conn = w.conn().unwrap();
    let texts = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT count(*) FROM report_texts", [], |r| r.get(0))
            .unwrap()
    };
    let before = texts(&conn);
    drop(conn);
    w.save_report(id, &report(None)).unwrap();
    let conn = w.conn().unwrap();
    assert_eq!(texts(&conn), before, "the same lines are not stored twice");
    let (json, key): (String, Option<String>) = conn
        .query_row(
            "SELECT report_json, key_id FROM reports ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(json, r#"{"c":[1,2,3,4]}"#, "format and verdict derived");
    assert_eq!(key, None);
}

/// A wallet written before the compact form (schema 7) keeps its whole-JSON reports: they read
/// back unchanged after the upgrade, beside new compact ones.
#[test]
fn reports_written_before_the_compact_form_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    let old = odd_report();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        for (i, (_, sql)) in MIGRATIONS[..7].iter().enumerate() {
            c.execute_batch(sql).unwrap();
            c.execute_batch(&format!("PRAGMA user_version = {}", i + 1))
                .unwrap();
        }
        c.execute(
            "INSERT INTO badges (format, container, spec_version, name, badge_json, original,
                sha256, document_sha256, source, imported_at)
             VALUES ('ob3-json', 'json', '3.0', 'Old', ?1, x'6f7269', x'01', x'01', 'f.json', '2020-01-01T00:00:00Z')",
            [serde_json::to_string(&badge("Old", "uni", "2020-01-01T00:00:00Z")).unwrap()],
        )
        .unwrap();
        c.execute(
            "INSERT INTO reports (badge_id, checked_at, verdict, status, key_id, report_json, rules)
             VALUES (1, ?1, 'valid', 'revoked', ?2, ?3, 2)",
            rusqlite::params![
                old.checked_at,
                old.key_id,
                serde_json::to_string(&old).unwrap()
            ],
        )
        .unwrap();
    }
    let w = Wallet::open(&path).unwrap();
    assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(w.latest_report(1).unwrap().unwrap().report, old);
    w.save_report(1, &report(None)).unwrap();
    let all: Vec<Report> = w
        .reports(1)
        .unwrap()
        .into_iter()
        .map(|s| s.report)
        .collect();
    assert_eq!(all, vec![report(None), old]);
    // The old wallet keeps its page size; a new one gets PAGE_SIZE.
    let page = |w: &Wallet| -> u32 {
        w.conn()
            .unwrap()
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(page(&w), 4096);
    let fresh = Wallet::open(dir.path().join("new.db")).unwrap();
    assert_eq!(page(&fresh), PAGE_SIZE);
}

/// Purging badges also drops the report lines only they used (a purged badge's issuer names
/// and key ids do not linger), and keeps those other reports still use.
#[test]
fn purge_forgets_report_texts_no_report_uses() {
    let w = wallet();
    let a = imported(
        &w.import_parsed(
            &ob3("A", "urn:uuid:pa", "2024-01-01T00:00:00Z"),
            b"pa",
            Container::Json,
            "a",
        )
        .unwrap(),
    );
    let b = imported(
        &w.import_parsed(
            &ob3("B", "urn:uuid:pb", "2024-01-01T00:00:00Z"),
            b"pb",
            Container::Json,
            "b",
        )
        .unwrap(),
    );
    w.save_report(a, &report(None)).unwrap();
    w.save_report(b, &odd_report()).unwrap();
    let texts = || -> Vec<String> {
        let conn = w.conn().unwrap();
        let mut st = conn
            .prepare("SELECT text FROM report_texts ORDER BY id")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert!(texts().contains(&"https://uni.example/status".to_string()));
    w.remove_badge(b).unwrap();
    w.purge_removed().unwrap();
    assert_eq!(
        texts(),
        vec![
            "decode pass json",
            "parse pass ob3",
            "proof pass ok",
            "issuer_key pass did:key issuer"
        ]
    );
    assert_eq!(w.latest_report(a).unwrap().unwrap().report, report(None));
}

/// A report whose checks (and embedded endorsement) carry catalog messages reads back from the
/// wallet with the same messages (kept in `Packed.m` and `Packed.n`), so the app can show a
/// stored report in the learner's language.
#[test]
fn stored_reports_keep_their_checks_messages() {
    use crate::i18n::{Catalog, Lang};
    use crate::localize::msg;
    let w = wallet();
    let id = imported(
        &w.import_parsed(
            &ob3("M", "urn:uuid:msgs", "2024-01-01T00:00:00Z"),
            b"msgs",
            Container::Json,
            "msgs.json",
        )
        .unwrap(),
    );
    let mut r = report(None);
    r.set(
        CheckId::Expiry,
        Outcome::Fail,
        msg!("chk-date-expired", date = "2011-01-01 00:00 UTC"),
    );
    r.set(
        CheckId::Recipient,
        Outcome::Skipped,
        msg!("chk-rcpt-none-given"),
    );
    let mut e = crate::verify::report::EndorsementCheck {
        scope: crate::endorsement::Scope::Credential,
        endorser_id: None,
        endorser_name: None,
        name: "Endorsement".into(),
        comment: None,
        status: Status::Unreadable,
        reason: String::new(),
        message: None,
    };
    e.set_reason(msg!("chk-end-not-an-endorsement"));
    r.endorsements = vec![e];
    w.save_report(id, &r).unwrap();
    let back = w.latest_report(id).unwrap().unwrap().report;
    assert_eq!(back, r);
    let messages = |r: &Report| -> Vec<Option<crate::localize::Message>> {
        r.checks.iter().map(|c| c.message.clone()).collect()
    };
    assert_eq!(messages(&back), messages(&r));
    let es = Catalog::get(Lang::Es);
    assert_eq!(
        back.get(CheckId::Expiry).unwrap().detail_in(es),
        "caducó el 2011-01-01 00:00 UTC"
    );
    assert_eq!(
        back.endorsements[0].reason_in(es),
        "un respaldo incrustado no es una EndorsementCredential"
    );
}
