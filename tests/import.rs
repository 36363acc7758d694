//! Import through the real decode + parse: every badge fixture goes in with its exact
//! bytes, refused files write nothing, dedupe on real credentials, ZIPs, folders, limits.

use std::io::Write;
use std::path::{Path, PathBuf};

use backpack_core::import::{
    FileOutcome, FileResult, ImportOptions, import_bytes, import_path, import_paths,
};
use backpack_core::model::Format;
use backpack_core::store::{Query, Wallet};

use crate::util::{fixture, fixture_bytes};

/// Every badge among the fixtures (relative to tests/fixtures).
const BADGES: &[&str] = &[
    "1edtech-public-validator/clr20/simple.json",
    "1edtech-public-validator/clr20/simple.jwt",
    "1edtech-public-validator/clr20/simple_v1.json",
    "1edtech-public-validator/ob20/basic-assertion-expired.json",
    "1edtech-public-validator/ob20/basic-assertion-in-future.json",
    "1edtech-public-validator/ob20/basic-assertion-with-allowed-origins-invalid-starts-with.json",
    "1edtech-public-validator/ob20/basic-assertion-with-allowed-origins.json",
    "1edtech-public-validator/ob20/basic-assertion.json",
    "1edtech-public-validator/ob20/simple-badge.png",
    "1edtech-public-validator/ob20/simple-not-revoked.jwt",
    "1edtech-public-validator/ob20/simple-revoked.jwt",
    "1edtech-public-validator/ob20/simple.jwt",
    "1edtech-public-validator/ob30/bit-string-list/credential-status-revoked.json",
    "1edtech-public-validator/ob30/complete.json",
    "1edtech-public-validator/ob30/complete_v1.json",
    "1edtech-public-validator/ob30/credential-status-revoked.json",
    "1edtech-public-validator/ob30/simple-did-key-method.json",
    "1edtech-public-validator/ob30/simple-eddsa-2022.json",
    "1edtech-public-validator/ob30/simple-err-context.json",
    "1edtech-public-validator/ob30/simple-err-expired.json",
    "1edtech-public-validator/ob30/simple-err-issued.json",
    "1edtech-public-validator/ob30/simple-err-proof-value.json",
    "1edtech-public-validator/ob30/simple-json.png",
    "1edtech-public-validator/ob30/simple-json.svg",
    "1edtech-public-validator/ob30/simple-jwt.png",
    "1edtech-public-validator/ob30/simple-jwt.svg",
    "1edtech-public-validator/ob30/simple-jwt_v1.png",
    "1edtech-public-validator/ob30/simple-jwt_v1.svg",
    "1edtech-public-validator/ob30/simple-multiple-proofs.json",
    "1edtech-public-validator/ob30/simple-noproof.json",
    "1edtech-public-validator/ob30/simple.json",
    "1edtech-public-validator/ob30/simple.jwt",
    "1edtech-public-validator/ob30/simple_v1.json",
    "bakery-python/baked_example.svg",
    "bakery-python/baked_heart.png",
    "dcc-verifier-core/safeModeBreaker.json",
    "dcc-verifier-core/v1OBv3SpecExample.json",
    "dcc-verifier-core/v2DoubleSigWithValidStatus.json",
    "dcc-verifier-core/v2EddsaWithValidStatus.json",
    "dcc-verifier-core/v2Expired.json",
    "dcc-verifier-core/v2OBv3SpecExample.json",
    "dcc-verifier-core/v2Revoked.json",
    "dcc-verifier-core/v2WithValidStatus.json",
    "dcc-verifier-core/v2didWebMultikeyWithValidStatus.json",
];

fn source_of(rel: &str) -> String {
    fixture(rel).display().to_string()
}

fn find<'a>(outcomes: &'a [FileOutcome], rel: &str) -> &'a FileOutcome {
    let src = source_of(rel);
    outcomes
        .iter()
        .find(|o| o.source == src)
        .unwrap_or_else(|| panic!("no outcome for {rel}"))
}

fn stored_id(o: &FileOutcome) -> i64 {
    match &o.result {
        FileResult::Imported { id, .. }
        | FileResult::History { id, .. }
        | FileResult::Duplicate { id, .. } => *id,
        other => panic!("{}: not stored: {other:?}", o.source),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn every_badge_fixture_imports_from_the_folder_with_exact_originals() {
    let w = Wallet::open_in_memory().unwrap();
    let outcomes = import_path(&w, fixture(""));
    // One outcome per file, in sorted (deterministic) order.
    let sources: Vec<&str> = outcomes.iter().map(|o| o.source.as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    for rel in BADGES {
        let o = find(&outcomes, rel);
        let id = stored_id(o);
        let original = fixture_bytes(rel);
        match &o.result {
            // A new row holds the file's bytes verbatim.
            FileResult::Imported { .. } | FileResult::History { .. } => {
                assert_eq!(w.original(id).unwrap(), original, "{rel}")
            }
            // A duplicate points at a stored copy of the same credential.
            _ => assert!(w.get_badge(id).is_ok(), "{rel}"),
        }
    }
    // Refused: the malformed inputs, each with a one-line reason naming the file.
    for rel in [
        "invalid/empty.json",
        "invalid/truncated.png",
        "invalid/zlib-bomb.png",
        "invalid/billion-laughs.svg",
        "invalid/xxe.svg",
        "invalid/deep.json",
        "invalid/not-a-badge.json",
        "invalid/two-segments.jwt",
        "invalid/type-and-padding.json",
        "invalid/no-issuer-ob3.json",
        "invalid/no-subject-ob3.json",
        "bakery-python/public_domain_heart.png",
    ] {
        let o = find(&outcomes, rel);
        let FileResult::Refused { reason } = &o.result else {
            panic!("{rel} should be refused: {:?}", o.result)
        };
        assert!(
            reason.starts_with(&format!("{}: ", source_of(rel))),
            "{reason}"
        );
        assert!(!reason.contains('\n'), "{reason}");
    }
    assert!(
        outcomes
            .iter()
            .all(|o| !matches!(o.result, FileResult::Failed { .. }))
    );
    // A CLR brings its inner credentials, each pointing back to it.
    let clr = find(&outcomes, "1edtech-public-validator/clr20/simple_v1.json");
    let FileResult::Imported { id, embedded, .. } = &clr.result else {
        panic!("{clr:?}")
    };
    assert_eq!(embedded.len(), 6);
    assert_eq!(w.get_badge(*id).unwrap().format, Format::Clr2Json);
    for e in embedded {
        assert_eq!(w.get_badge(*e).unwrap().parent_id, Some(*id));
    }
}

#[test]
fn same_file_twice_and_same_document_in_another_package_are_duplicates() {
    let w = Wallet::open_in_memory().unwrap();
    let rel = "1edtech-public-validator/ob30/simple-json.png";
    let first = import_bytes(&w, &fixture_bytes(rel), "a.png");
    let FileResult::Imported { id, ref name, .. } = first.result else {
        panic!("{first:?}")
    };
    assert_eq!(name, "Teamwork");
    assert_eq!(
        import_bytes(&w, &fixture_bytes(rel), "again.png").result,
        FileResult::Duplicate {
            id,
            name: "Teamwork".into()
        }
    );
    // The SVG bakes the same credential JSON: a duplicate of the PNG.
    let svg = import_bytes(
        &w,
        &fixture_bytes("1edtech-public-validator/ob30/simple-json.svg"),
        "a.svg",
    );
    assert_eq!(
        svg.result,
        FileResult::Duplicate {
            id,
            name: "Teamwork".into()
        }
    );
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
}

#[test]
fn ob3_newer_valid_from_replaces_the_older_which_is_kept() {
    let w = Wallet::open_in_memory().unwrap();
    let text =
        String::from_utf8(fixture_bytes("1edtech-public-validator/ob30/simple.json")).unwrap();
    let old = import_bytes(&w, text.as_bytes(), "old.json");
    let old_id = match old.result {
        FileResult::Imported { id, .. } => id,
        other => panic!("{other:?}"),
    };
    let newer = text.replace(
        "\"validFrom\": \"2010-01-01T00:00:00Z\"",
        "\"validFrom\": \"2011-01-01T00:00:00Z\"",
    );
    assert_ne!(newer, text);
    let new = import_bytes(&w, newer.as_bytes(), "new.json");
    let FileResult::Imported {
        id: new_id,
        replaced,
        ..
    } = new.result
    else {
        panic!("{new:?}")
    };
    assert_eq!(replaced, Some(old_id));
    let current: Vec<i64> = w
        .list_badges(&Query::default())
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(current, vec![new_id]);
    let stored = w.get_badge(new_id).unwrap();
    assert_eq!(stored.history, vec![old_id]);
    assert_eq!(stored.original, newer.as_bytes());
    assert_eq!(
        w.original(old_id).unwrap(),
        text.as_bytes(),
        "history keeps its exact bytes"
    );
    // Importing the older one again is a duplicate of the history row.
    assert!(matches!(
        import_bytes(&w, text.as_bytes(), "old-again.json").result,
        FileResult::Duplicate { id, .. } if id == old_id
    ));
}

#[test]
fn ob2_same_assertion_is_a_duplicate_even_reformatted() {
    let w = Wallet::open_in_memory().unwrap();
    let bytes = fixture_bytes("1edtech-public-validator/ob20/basic-assertion.json");
    let id = match import_bytes(&w, &bytes, "a.json").result {
        FileResult::Imported { id, .. } => id,
        other => panic!("{other:?}"),
    };
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let compact = serde_json::to_vec(&v).unwrap();
    assert_ne!(compact, bytes);
    assert!(matches!(
        import_bytes(&w, &compact, "compact.json").result,
        FileResult::Duplicate { id: d, .. } if d == id
    ));
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
}

#[test]
fn a_refused_file_writes_nothing_while_the_others_go_in() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a-good.json",
        &fixture_bytes("1edtech-public-validator/ob30/simple.json"),
    );
    write(dir.path(), "b-not-a-badge.json", br#"{"hello": "world"}"#);
    write(
        dir.path(),
        "c-truncated.png",
        &fixture_bytes("invalid/truncated.png"),
    );
    write(
        dir.path(),
        "d-good.png",
        &fixture_bytes("bakery-python/baked_heart.png"),
    );
    write(
        dir.path(),
        ".hidden.json",
        &fixture_bytes("dcc-verifier-core/v2Revoked.json"),
    );
    write(
        dir.path(),
        ".git/x.json",
        &fixture_bytes("dcc-verifier-core/v2Revoked.json"),
    );
    let w = Wallet::open_in_memory().unwrap();
    let mut seen = Vec::new();
    let outcomes = import_paths(
        &w,
        &[dir.path().to_path_buf()],
        &ImportOptions::default(),
        &mut |done, total| seen.push((done, total)),
    );
    let names: Vec<String> = outcomes
        .iter()
        .map(|o| {
            Path::new(&o.source)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "a-good.json",
            "b-not-a-badge.json",
            "c-truncated.png",
            "d-good.png"
        ],
        "sorted, hidden skipped"
    );
    // Progress starts at 0 and ends at the total (in steps of at most BATCH_SIZE).
    assert_eq!(seen.first(), Some(&(0, 4)));
    assert_eq!(seen.last(), Some(&(4, 4)));
    assert!(
        seen.windows(2)
            .all(|w| w[0].0 < w[1].0 && w[1].0 - w[0].0 <= backpack_core::import::BATCH_SIZE)
    );
    assert!(matches!(outcomes[0].result, FileResult::Imported { .. }));
    assert!(matches!(outcomes[1].result, FileResult::Refused { .. }));
    assert!(matches!(outcomes[2].result, FileResult::Refused { .. }));
    assert!(matches!(outcomes[3].result, FileResult::Imported { .. }));
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 2);
}

#[test]
fn zip_archives_are_read_entry_by_entry() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("badges.zip");
    {
        let f = std::fs::File::create(&zip_path).unwrap();
        let mut z = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in [
            (
                "inner/b.png",
                fixture_bytes("bakery-python/baked_heart.png"),
            ),
            (
                "a.json",
                fixture_bytes("1edtech-public-validator/ob30/simple.json"),
            ),
            ("__MACOSX/._a.json", b"junk".to_vec()),
            (".DS_Store", b"junk".to_vec()),
            ("notes.txt", b"just some notes".to_vec()),
        ] {
            z.start_file(name, opts).unwrap();
            z.write_all(&bytes).unwrap();
        }
        z.add_directory("empty/", opts).unwrap();
        z.finish().unwrap();
    }
    let w = Wallet::open_in_memory().unwrap();
    let outcomes = import_path(&w, &zip_path);
    let z = zip_path.display().to_string();
    let sources: Vec<String> = outcomes.iter().map(|o| o.source.clone()).collect();
    assert_eq!(
        sources,
        [
            format!("{z}:a.json"),
            format!("{z}:inner/b.png"),
            format!("{z}:notes.txt")
        ]
    );
    assert!(outcomes[0].is_ok() && outcomes[1].is_ok());
    assert!(
        matches!(&outcomes[2].result, FileResult::Refused { reason } if reason.starts_with(&format!("{z}:notes.txt: ")))
    );
    let id = stored_id(&outcomes[1]);
    assert_eq!(
        w.original(id).unwrap(),
        fixture_bytes("bakery-python/baked_heart.png")
    );
    assert_eq!(w.get_badge(id).unwrap().source, format!("{z}:inner/b.png"));
}

#[test]
fn broken_zip_and_nested_zip_are_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "broken.zip",
        b"PK\x03\x04 this is not really a zip",
    );
    let w = Wallet::open_in_memory().unwrap();
    let o = import_path(&w, &bad);
    assert_eq!(o.len(), 1);
    assert!(
        matches!(&o[0].result, FileResult::Refused { reason } if reason.contains("not a readable zip archive")),
        "{o:?}"
    );

    let outer = dir.path().join("outer.zip");
    {
        let mut inner = Vec::new();
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut inner));
            z.start_file("x.json", zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"{}").unwrap();
            z.finish().unwrap();
        }
        let mut z = zip::ZipWriter::new(std::fs::File::create(&outer).unwrap());
        z.start_file("inner.zip", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(&inner).unwrap();
        z.finish().unwrap();
    }
    let o = import_path(&w, &outer);
    assert!(
        matches!(&o[0].result, FileResult::Refused { reason } if reason.ends_with("a zip inside a zip is not read: unpack it first")),
        "{o:?}"
    );
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
}

#[test]
fn oversized_and_missing_inputs_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(backpack_core::limits::MAX_FILE_BYTES + 1)
        .unwrap();
    let w = Wallet::open_in_memory().unwrap();
    let o = import_path(&w, &big);
    assert_eq!(
        o[0].result,
        FileResult::Refused {
            reason: format!(
                "{}: file larger than the {}-byte limit (MAX_FILE_BYTES)",
                big.display(),
                backpack_core::limits::MAX_FILE_BYTES
            )
        }
    );
    let missing = dir.path().join("nope.png");
    let o = import_path(&w, &missing);
    assert!(
        matches!(&o[0].result, FileResult::Failed { reason } if reason.starts_with(&format!("{}: no such file", missing.display()))),
        "{o:?}"
    );
}

/// Issue 13: 6.5 MB of JSON that is only a VC `type` and padding (no issuer, no subject, no
/// achievement, no name) was stored as "untitled credential". It is refused with what is
/// missing, nothing is written, and `verify` still reports on the same bytes.
#[test]
fn a_type_and_padding_is_refused_not_stored_as_untitled() {
    let padding: Vec<String> = (0..70_000).map(|i| format!("{i:0>90}")).collect();
    let doc = serde_json::json!({
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "padding": padding,
    });
    let bytes = serde_json::to_vec(&doc).unwrap();
    assert!(bytes.len() > 6_500_000, "{} bytes", bytes.len());
    let w = Wallet::open_in_memory().unwrap();
    let o = import_bytes(&w, &bytes, "padding.json");
    assert_eq!(
        o.result,
        FileResult::Refused {
            reason: "padding.json: holds no readable badge: the credential has no `issuer`, no `credentialSubject` and no `credentialSubject.achievement` or `name` (who issued it, to whom, and what was achieved)".into()
        }
    );
    assert!(w.list_badges(&Query::default()).unwrap().is_empty());

    let clock = backpack_core::env::FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    let ctx =
        backpack_core::verify::VerifyContext::new(&clock, &backpack_core::env::OfflineFetcher);
    let report = backpack_core::verify::verify_bytes(&bytes, &ctx);
    assert_eq!(report.format, Some(Format::Ob3Json));
    assert_eq!(report.verdict, backpack_core::verify::Verdict::Invalid);
}

/// A credential missing only its issuer, or only its subject, is refused naming that part;
/// through a folder import every other file still goes in.
#[test]
fn credentials_without_issuer_or_subject_are_refused_with_what_is_missing() {
    let w = Wallet::open_in_memory().unwrap();
    for (rel, missing) in [
        ("invalid/no-issuer-ob3.json", "no `issuer`"),
        (
            "invalid/no-subject-ob3.json",
            "no `credentialSubject` and no `credentialSubject.achievement` or `name`",
        ),
    ] {
        let o = import_bytes(&w, &fixture_bytes(rel), rel);
        assert_eq!(
            o.result,
            FileResult::Refused {
                reason: format!(
                    "{rel}: holds no readable badge: the credential has {missing} (who issued it, to whom, and what was achieved)"
                )
            }
        );
    }
    assert!(w.list_badges(&Query::default()).unwrap().is_empty());
}

/// Fuzz finding (issue 13, `fuzz/` target `import_zip`): a ZIP with no entries imports to no
/// outcome at all, so nothing tells the learner why nothing happened. Every input must get one
/// line. The fix belongs in `src/import.rs` (`expand_zip`), outside this change.
#[test]
#[ignore = "needs a fix in src/import.rs: an empty zip yields no outcome (fuzz finding 1)"]
fn an_empty_zip_is_refused_with_a_line() {
    let w = Wallet::open_in_memory().unwrap();
    let outcomes = import_path(&w, fixture("invalid/empty-archive.zip"));
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert!(
        matches!(&outcomes[0].result, FileResult::Refused { reason } if reason.ends_with("the zip archive holds no files")),
        "{outcomes:?}"
    );
}
