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
        | FileResult::Conflict { id, .. }
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

/// One credential of a did:key issuer (its own key: bound offline), at `valid_from`, signed
/// with `signer` (the issuer's key, or an attacker's).
fn versioned(
    issuer: &ed25519_dalek::SigningKey,
    signer: &ed25519_dalek::SigningKey,
    valid_from: &str,
) -> Vec<u8> {
    use backpack_core::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};
    use backpack_core::verify::keys::{did_key_from_ed25519, did_key_verification_method};
    let v: serde_json::Value =
        serde_json::from_slice(&fixture_bytes("ob3-spec-test-vector/vector.json")).unwrap();
    let mut c = v["unsignedCredential"].clone();
    c["issuer"]["id"] = did_key_from_ed25519(&issuer.verifying_key().to_bytes()).into();
    c["validFrom"] = valid_from.into();
    let vm = did_key_verification_method(&signer.verifying_key().to_bytes());
    let signed =
        sign_eddsa_rdfc_2022(&c, signer, &vm, &ProofOptions::new("assertionMethod")).unwrap();
    serde_json::to_vec_pretty(&signed).unwrap()
}

fn import_verified(w: &Wallet, bytes: &[u8], name: &str) -> FileResult {
    let clock = crate::util::test_clock();
    let ctx =
        backpack_core::verify::VerifyContext::new(&clock, &backpack_core::env::OfflineFetcher);
    let opts = ImportOptions {
        verify: Some(&ctx),
        ..Default::default()
    };
    backpack_core::import::import_with(w, bytes, name, &opts).result
}

/// A newer copy of a credential (same issuer id and id, later validFrom) replaces the current
/// one only when it verifies with a key bound to that issuer. A copy signed by anyone else, or
/// one imported without checking, is kept beside it as a conflicting copy: the collections,
/// notes and tags stay with the genuine badge (issue 12).
#[test]
fn only_a_newer_copy_signed_by_the_issuer_replaces_the_current_one() {
    let issuer = ed25519_dalek::SigningKey::from_bytes(&[0x21; 32]);
    let attacker = ed25519_dalek::SigningKey::from_bytes(&[0xA7; 32]);
    let w = Wallet::open_in_memory().unwrap();
    let v1 = versioned(&issuer, &issuer, "2024-01-01T00:00:00Z");
    let FileResult::Imported { id: old_id, .. } = import_verified(&w, &v1, "v1.json") else {
        panic!("v1 imports")
    };
    let c = w.create_collection("CV", None).unwrap();
    w.add_to_collection(c, old_id).unwrap();

    // Forged: later date, same ids, signed by the attacker's own did:key.
    let forged = versioned(&issuer, &attacker, "2025-01-01T00:00:00Z");
    let r = import_verified(&w, &forged, "forged.json");
    let FileResult::Conflict {
        id: forged_id,
        current,
        ..
    } = r
    else {
        panic!("{r:?}")
    };
    assert_eq!(current, old_id);
    // Imported without checking: nothing shows the issuer signed it either.
    let unchecked = versioned(&issuer, &issuer, "2025-02-01T00:00:00Z");
    let r = import_bytes(&w, &unchecked, "unchecked.json").result;
    assert!(
        matches!(r, FileResult::Conflict { current, .. } if current == old_id),
        "{r:?}"
    );
    let listed: Vec<i64> = w
        .list_badges(&Query::default())
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(
        listed,
        vec![old_id],
        "the genuine badge stays the one shown"
    );
    assert_eq!(w.collection(c).unwrap().badge_ids, vec![old_id]);
    assert!(w.get_badge(old_id).unwrap().conflicts.contains(&forged_id));

    // Signed by the issuer's key: the newer version takes over, the old one is history.
    let v2 = versioned(&issuer, &issuer, "2025-03-01T00:00:00Z");
    let r = import_verified(&w, &v2, "v2.json");
    let FileResult::Imported {
        id: new_id,
        replaced,
        ..
    } = r
    else {
        panic!("{r:?}")
    };
    assert_eq!(replaced, Some(old_id));
    let stored = w.get_badge(new_id).unwrap();
    assert_eq!(stored.history, vec![old_id]);
    assert_eq!(stored.original, v2);
    assert_eq!(w.collection(c).unwrap().badge_ids, vec![new_id]);
    assert_eq!(
        w.latest_report(new_id).unwrap().unwrap().status,
        backpack_core::verify::Status::Verified,
        "the report went in with the badge"
    );
    assert_eq!(
        w.original(old_id).unwrap(),
        v1,
        "history keeps its exact bytes"
    );
    // Importing the older one again is a duplicate of the history row.
    assert!(matches!(
        import_bytes(&w, &v1, "v1-again.json").result,
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
            .into()
        }
    );
    let missing = dir.path().join("nope.png");
    let o = import_path(&w, &missing);
    assert!(
        matches!(&o[0].result, FileResult::Failed { reason } if reason.starts_with(&format!("{}: no such file", missing.display()))),
        "{o:?}"
    );
}

/// An EndorsementCredential file is imported as what it is (not refused as "not a badge"),
/// verified, and attached to the badge, achievement or issuer it endorses.
#[test]
fn endorsement_files_are_kept_and_attached_to_what_they_endorse() {
    let w = Wallet::open_in_memory().unwrap();
    // The DCC endorsements endorse https://1edtech.edu/issuers/565049: the issuer of
    // complete.json.
    let FileResult::Imported { id: badge, .. } = import_verified(
        &w,
        &fixture_bytes("1edtech-public-validator/ob30/complete.json"),
        "complete.json",
    ) else {
        panic!("complete.json imports")
    };
    let rel = "endorsements/dcc-vc-test-fixtures/legacy-noStatus-notExpired-endorsement.json";
    let r = import_verified(&w, &fixture_bytes(rel), "endorsement.json");
    let FileResult::Endorsement {
        name,
        endorser,
        target,
        attached_to,
        duplicate,
        ..
    } = r
    else {
        panic!("{r:?}")
    };
    assert!(!duplicate);
    assert_eq!(target, "https://1edtech.edu/issuers/565049");
    assert_eq!(endorser.as_deref(), Some("State Department of Education"));
    assert_eq!(attached_to, vec![badge]);
    assert!(!name.is_empty());
    let attached = w.endorsements_for_badge(badge).unwrap();
    assert_eq!(attached.len(), 1);
    assert_eq!(attached[0].status, backpack_core::verify::Status::Verified);
    assert_eq!(
        attached[0].scope,
        Some(backpack_core::endorsement::Scope::Issuer)
    );
    // Its reason is kept as a catalog message too: shown in Spanish, English as stored.
    {
        use backpack_core::i18n::{Catalog, Lang};
        let e = &attached[0];
        assert!(e.reason_message.is_some(), "{e:?}");
        let (en, es) = (
            e.reason_in(Catalog::get(Lang::En)),
            e.reason_in(Catalog::get(Lang::Es)),
        );
        assert_eq!(en, e.reason);
        assert!(es.is_some() && es != en, "{es:?} / {en:?}");
    }
    // It is not a badge: the gallery still holds one badge.
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
    // Again: a duplicate, without verification too (the batch path).
    let out = import_path(&w, fixture(rel));
    assert!(
        matches!(
            out[0].result,
            FileResult::Endorsement {
                duplicate: true,
                ..
            }
        ),
        "{out:?}"
    );
    // An endorsement that does not say what it endorses is refused with a reason.
    let bad = br#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "EndorsementCredential"], "issuer": "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q", "credentialSubject": {"type": "EndorsementSubject"}}"#;
    let r = import_bytes(&w, bad, "bad-endorsement.json").result;
    assert_eq!(
        r,
        FileResult::Refused {
            reason: "bad-endorsement.json: the endorsement does not say what it endorses (no credentialSubject.id)".into()
        }
    );
}

/// `1EdTechCredentialRefresh`: with network consent the issuer's refresh service is asked once;
/// a newer copy signed with the issuer's key becomes current (the old one is history), and
/// anything else leaves the original current.
#[test]
fn refresh_keeps_a_newer_issuer_signed_version_and_nothing_else() {
    use backpack_core::recheck::{Refresh, recheck};
    use backpack_core::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};
    use backpack_core::verify::keys::{did_key_from_ed25519, did_key_verification_method};
    let issuer = ed25519_dalek::SigningKey::from_bytes(&[0x21; 32]);
    let attacker = ed25519_dalek::SigningKey::from_bytes(&[0xA7; 32]);
    let refresh = "https://uni.example/refresh/3732";
    let version = |signer: &ed25519_dalek::SigningKey, valid_from: &str, id: &str| -> Vec<u8> {
        let v: serde_json::Value =
            serde_json::from_slice(&fixture_bytes("ob3-spec-test-vector/vector.json")).unwrap();
        let mut c = v["unsignedCredential"].clone();
        c["id"] = id.into();
        c["issuer"]["id"] = did_key_from_ed25519(&issuer.verifying_key().to_bytes()).into();
        c["validFrom"] = valid_from.into();
        c["refreshService"] =
            serde_json::json!({"id": refresh, "type": "1EdTechCredentialRefresh"});
        // The 1EdTech extension names (`1EdTechCredentialRefresh`) are defined here.
        c["@context"]
            .as_array_mut()
            .unwrap()
            .push("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json".into());
        let vm = did_key_verification_method(&signer.verifying_key().to_bytes());
        serde_json::to_vec(
            &sign_eddsa_rdfc_2022(&c, signer, &vm, &ProofOptions::new("assertionMethod")).unwrap(),
        )
        .unwrap()
    };
    let id = "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002";
    let w = Wallet::open_in_memory().unwrap();
    let FileResult::Imported { id: current, .. } =
        import_verified(&w, &version(&issuer, "2024-01-01T00:00:00Z", id), "v1.json")
    else {
        panic!("v1 imports")
    };
    let clock = crate::util::test_clock();
    let ctx_with = |web: &dyn backpack_core::env::Fetcher| {
        let done = {
            let ctx = backpack_core::verify::VerifyContext::new(&clock, web).with_cache(&w);
            recheck(&w, current, &ctx).unwrap()
        };
        done.refresh
    };

    // Offline: not asked, the original stays.
    assert!(matches!(
        ctx_with(&backpack_core::env::OfflineFetcher),
        Refresh::NotFetched(_)
    ));
    // Another credential at the service: refused.
    let mut web = crate::util::Web::default();
    web.put(
        refresh,
        version(&issuer, "2025-01-01T00:00:00Z", "urn:uuid:other"),
    );
    assert!(
        matches!(ctx_with(&web), Refresh::Refused(_)),
        "another credential"
    );
    // A newer version signed by someone else: refused, kept aside, the original current.
    web.put(refresh, version(&attacker, "2025-01-01T00:00:00Z", id));
    let r = ctx_with(&web);
    assert!(
        matches!(&r, Refresh::Refused(why) if why.contains("not signed with the issuer's key")),
        "{r:?}"
    );
    assert_eq!(w.list_badges(&Query::default()).unwrap()[0].id, current);
    // A newer version signed by the issuer: it becomes current, the original is its history.
    let v2 = version(&issuer, "2025-02-01T00:00:00Z", id);
    web.put(refresh, v2.clone());
    let Refresh::Replaced { new_id } = ctx_with(&web) else {
        panic!("the issuer's newer version replaces it")
    };
    let b = w.get_badge(new_id).unwrap();
    assert_eq!(b.original, v2);
    assert_eq!(b.history, vec![current]);
    assert_eq!(
        w.latest_report(new_id).unwrap().unwrap().status,
        backpack_core::verify::Status::Verified
    );
}

/// Once a key binding was confirmed online, the documents stay in the wallet with their dates:
/// an offline re-check says where the confirmation came from and when; after the copy is too
/// old to count, the re-check says so — and the earlier confirmation stays visible in the
/// badge's history, its document kept as evidence.
#[test]
fn confirmed_bindings_stay_visible_as_evidence_after_the_cache_expires() {
    use backpack_core::recheck::recheck;
    use backpack_core::verify::{Status, VerifyContext};
    let bytes = fixture_bytes("1edtech-public-validator/ob30/simple.json");
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let web = crate::util::web_confirming(&doc);
    let w = Wallet::open_in_memory().unwrap();
    let clock_at = |s: &str| {
        backpack_core::env::FixedClock(
            chrono::DateTime::parse_from_rfc3339(s)
                .unwrap()
                .with_timezone(&chrono::Utc),
        )
    };
    // Online on 3 May 2026.
    let may = clock_at("2026-05-03T10:00:00Z");
    let ctx = VerifyContext::new(&may, &web).with_cache(&w);
    let FileResult::Imported { id, .. } = backpack_core::import::import_with(
        &w,
        &bytes,
        "simple.json",
        &ImportOptions {
            verify: Some(&ctx),
            ..Default::default()
        },
    )
    .result
    else {
        panic!("imports")
    };
    assert_eq!(
        w.latest_report(id).unwrap().unwrap().status,
        Status::Verified
    );

    // Offline a month later: confirmed from the wallet's copy, dated.
    let june = clock_at("2026-06-03T10:00:00Z");
    let offline = VerifyContext::new(&june, &backpack_core::env::OfflineFetcher).with_cache(&w);
    let r = recheck(&w, id, &offline).unwrap().report;
    assert_eq!(r.status, Status::Verified, "{r:#?}");
    assert!(
        r.reason.contains("confirmed from the issuer's key document https://example.com/issuers/876543, fetched on 3 May 2026 (the wallet's copy)"),
        "{}",
        r.reason
    );

    // Offline two years later: the copy is too old to confirm the key any more.
    let later = clock_at("2028-06-03T10:00:00Z");
    let offline = VerifyContext::new(&later, &backpack_core::env::OfflineFetcher).with_cache(&w);
    let r = recheck(&w, id, &offline).unwrap().report;
    assert_eq!(r.status, Status::IssuerNotConfirmed, "{r:#?}");
    assert!(r.reason.contains("fetched on 3 May 2026"), "{}", r.reason);
    // …and the earlier confirmations are still there to see, newest first.
    let history = w.reports(id).unwrap();
    assert_eq!(
        history.iter().map(|h| h.status).collect::<Vec<_>>(),
        [
            Status::IssuerNotConfirmed,
            Status::Verified,
            Status::Verified
        ]
    );
    assert!(history[2].report.reason.contains("fetched on 3 May 2026"));
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
                ).into()
            }
        );
    }
    assert!(w.list_badges(&Query::default()).unwrap().is_empty());
}

/// `zip` with the central-directory entry `name` declaring `size` decompressed bytes (a ZIP
/// bomb that tells the truth, or one that lies, without writing gigabytes: only the declared
/// size changes).
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut at = 0;
    while let Some(i) = zip[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let h = at + i;
        let len = u16::from_le_bytes([zip[h + 28], zip[h + 29]]) as usize;
        if &zip[h + 46..h + 46 + len] == name.as_bytes() {
            zip[h + 24..h + 28].copy_from_slice(&size.to_le_bytes());
            return;
        }
        at = h + 4;
    }
    panic!("no central directory entry {name}");
}

/// The one line for a ZIP whose entries expand past MAX_ZIP_TOTAL_BYTES (2 GiB).
fn zip_over_budget_line(src: &str) -> String {
    format!(
        "{src}: the zip archive expands to more than 2048 MiB (MAX_ZIP_TOTAL_BYTES); nothing of \
         it was imported"
    )
}

/// A ZIP that lies about its sizes: `good` entries first (by name), then 129 entries that each
/// say 100 bytes and inflate to 16 MiB (MAX_ZIP_ENTRY_BYTES, so each passes the entry cap):
/// 2064 MiB in all, past the 2 GiB budget, from a file of about 2 MB (one 16 MiB entry
/// deflated once, its compressed bytes copied).
pub(crate) fn lying_zip(good: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in good {
        z.start_file(*name, o).unwrap();
        z.write_all(bytes).unwrap();
    }
    let bombs: Vec<String> = (0..129).map(|i| format!("zz-{i:03}.json")).collect();
    z.start_file(bombs[0].as_str(), o).unwrap();
    z.write_all(&vec![b' '; 16 << 20]).unwrap();
    for b in &bombs[1..] {
        z.deep_copy_file(&bombs[0], b).unwrap();
    }
    let mut bytes = z.finish().unwrap().into_inner();
    for b in &bombs {
        declare_size(&mut bytes, b, 100);
    }
    bytes
}

#[test]
fn a_zip_that_lies_about_its_sizes_is_refused_whole_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "badges.zip",
        &lying_zip(&[
            (
                "a.json",
                fixture_bytes("1edtech-public-validator/ob30/simple.json"),
            ),
            ("b.png", fixture_bytes("bakery-python/baked_heart.png")),
            (
                "c.json",
                fixture_bytes("1edtech-public-validator/ob20/basic-assertion.json"),
            ),
        ]),
    );
    let src = path.display().to_string();
    let w = Wallet::open_in_memory().unwrap();
    let outcomes = import_path(&w, &path);
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert_eq!(outcomes[0].source, src);
    assert_eq!(
        outcomes[0].result,
        FileResult::Refused {
            reason: zip_over_budget_line(&src).into()
        }
    );
    // The three good badges before the bomb were not stored either.
    assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
}

/// Fuzz finding (issue 13, `fuzz/` target `import_zip`): a ZIP with no entries imports to no
/// outcome at all, so nothing tells the learner why nothing happened. Every input must get one
/// line: it is refused as holding no files.
#[test]
fn an_empty_zip_is_refused_with_a_line() {
    let w = Wallet::open_in_memory().unwrap();
    let outcomes = import_path(&w, fixture("invalid/empty-archive.zip"));
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert!(
        matches!(&outcomes[0].result, FileResult::Refused { reason } if reason.ends_with("the zip archive holds no files")),
        "{outcomes:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Other wallets' exports and import by URL (issue 11). No public sample exists for any of
// these formats that the project may copy (tests/fixtures/README.md, "Other wallets"): every
// export below is built here from the producer's documented structure, its credentials
// signed with throw-away keys.

mod other_wallets {
    use std::collections::HashMap;
    use std::io::{BufRead, BufReader, Write as _};
    use std::net::TcpListener;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    use backpack_core::env::{OfflineFetcher, SystemClock};
    use backpack_core::import::{FileOutcome, FileResult, ImportOptions, import_paths_unlocked};
    use backpack_core::net::HttpFetcher;
    use backpack_core::store::{Query, Wallet};
    use backpack_core::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};
    use backpack_core::verify::keys::{did_key_from_ed25519, did_key_verification_method};
    use backpack_core::verify::{DocumentCache, Status, VerifyContext};
    use backpack_core::wallets::{Kind, Unlock, detect_path};
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as B64;
    use serde_json::{Value, json};
    use sha2::Digest;

    use crate::util::{fixture_bytes, test_clock};

    /// An OB 3.0 credential named `name`, issued and signed by the did:key of `seed`.
    pub(super) fn signed(seed: u8, name: &str) -> Value {
        let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
        let v: Value =
            serde_json::from_slice(&fixture_bytes("ob3-spec-test-vector/vector.json")).unwrap();
        let mut c = v["unsignedCredential"].clone();
        c["id"] = format!("urn:uuid:00000000-0000-4000-8000-0000000000{seed:02x}").into();
        c["issuer"]["id"] = did_key_from_ed25519(&key.verifying_key().to_bytes()).into();
        c["name"] = name.into();
        c["credentialSubject"]["achievement"]["name"] = name.into();
        let vm = did_key_verification_method(&key.verifying_key().to_bytes());
        sign_eddsa_rdfc_2022(&c, &key, &vm, &ProofOptions::new("assertionMethod")).unwrap()
    }

    /// A throw-away Ed25519 secret as LCW exports it: z + base58btc(0x8026 ‖ seed ‖ public).
    fn lcw_secret(seed: u8) -> String {
        let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
        let mut b = vec![0x80, 0x26];
        b.extend_from_slice(&key.to_bytes());
        b.extend_from_slice(&key.verifying_key().to_bytes());
        format!("z{}", bs58::encode(b).into_string())
    }

    /// A DCC Learner Credential Wallet backup, as `app/model/profile.ts` writes it: one
    /// UniversalWallet2020 per profile; credentials first, then the DID document, both key
    /// pairs with their private keys, the profile metadata.
    fn lcw_backup(creds: &[Value], secrets: &[String]) -> Value {
        let holder = ed25519_dalek::SigningKey::from_bytes(&[0x51; 32]);
        let did = did_key_from_ed25519(&holder.verifying_key().to_bytes());
        let mk = did.trim_start_matches("did:key:").to_string();
        let mut contents: Vec<Value> = creds.to_vec();
        contents.push(json!({"@context": ["https://www.w3.org/ns/did/v1"], "id": did,
            "verificationMethod": [{"id": format!("{did}#{mk}"), "type": "Ed25519VerificationKey2020",
                "controller": did, "publicKeyMultibase": mk}]}));
        contents.push(
            json!({"id": format!("{did}#{mk}"), "type": "Ed25519VerificationKey2020",
            "controller": did, "publicKeyMultibase": mk, "privateKeyMultibase": secrets[0]}),
        );
        contents.push(json!({"id": format!("{did}#z6LS"), "type": "X25519KeyAgreementKey2020",
            "controller": did, "publicKeyMultibase": "z6LSfake", "privateKeyMultibase": secrets[1]}));
        contents.push(json!({"@context": ["https://w3id.org/wallet/v1"],
            "id": "urn:uuid:7f0d0b3e-1f1c-4a57-9d7c-6a3c1a2b3c4d", "type": "ProfileMetadata",
            "data": {"profileName": "Default"}}));
        json!([{
            "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/wallet/v1"],
            "id": "http://example.gov/wallet/3732",
            "type": "UniversalWallet2020",
            "status": "UNLOCKED",
            "contents": contents,
        }])
    }

    fn verify_ctx_import(w: &Wallet, paths: &[PathBuf], unlock: &Unlock) -> Vec<FileOutcome> {
        let clock = test_clock();
        let ctx = VerifyContext::new(&clock, &OfflineFetcher).with_cache(w);
        import_paths_unlocked(
            w,
            paths,
            &ImportOptions {
                verify: Some(&ctx),
                ..Default::default()
            },
            unlock,
            &mut |_, _| {},
        )
    }

    fn plain_import(w: &Wallet, path: &Path, unlock: &Unlock) -> Vec<FileOutcome> {
        import_paths_unlocked(
            w,
            &[path.to_path_buf()],
            &ImportOptions::default(),
            unlock,
            &mut |_, _| {},
        )
    }

    fn imported_name(o: &FileOutcome) -> (i64, String) {
        match &o.result {
            FileResult::Imported { id, name, .. } => (*id, name.clone()),
            other => panic!("{}: {other:?}", o.source),
        }
    }

    fn reason(o: &FileOutcome) -> &str {
        match &o.result {
            FileResult::Refused { reason } | FileResult::Skipped { reason } => reason,
            other => panic!("{}: {other:?}", o.source),
        }
    }

    /// Every byte the wallet wrote to disk (database and its journal files).
    fn wallet_bytes(dir: &Path) -> Vec<u8> {
        let mut all = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("wallet.db")
            {
                all.extend(std::fs::read(p).unwrap());
            }
        }
        all
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn lcw_backup_imports_its_credentials_verified_and_never_its_keys() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = [lcw_secret(0x61), lcw_secret(0x62)];
        let (c1, c2) = (
            signed(0x11, "Data Literacy"),
            signed(0x12, "Public Speaking"),
        );
        let backup = lcw_backup(&[c1, c2], &secrets);
        // LCW writes JSON.stringify(…, null, 2).
        let text = serde_json::to_string_pretty(&backup).unwrap();
        let path = dir.path().join("Wallet Backup.json");
        std::fs::write(&path, &text).unwrap();
        assert_eq!(detect_path(&path), Some(Kind::LcwBackup));

        let wpath = dir.path().join("wallet.db");
        let w = Wallet::open(&wpath).unwrap();
        let outs = verify_ctx_import(&w, std::slice::from_ref(&path), &Unlock::default());
        let src = path.display().to_string();
        let sources: Vec<&str> = outs.iter().map(|o| o.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                format!("{src}:credential 1"),
                format!("{src}:credential 2"),
                src.clone()
            ]
        );
        let (id1, n1) = imported_name(&outs[0]);
        let (_, n2) = imported_name(&outs[1]);
        assert_eq!(
            (n1.as_str(), n2.as_str()),
            ("Data Literacy", "Public Speaking")
        );
        // Verified on the way in (did:key binds offline), the report stored with the badge.
        assert_eq!(outs[0].status, Some(Status::Verified));
        assert_eq!(
            w.latest_report(id1).unwrap().unwrap().status,
            Status::Verified
        );
        assert_eq!(
            reason(&outs[2]),
            format!(
                "{src}: 2 private keys skipped: keys and secrets in another wallet's backup are \
                 never imported; 2 entries that are not credentials left out (the profile's DID \
                 document, public keys, name)"
            )
        );
        assert!(matches!(outs[2].result, FileResult::Skipped { .. }));
        // The original is the credential exactly as it sits in the backup.
        let original = w.original(id1).unwrap();
        assert!(contains(text.as_bytes(), &original));
        assert!(original.starts_with(b"{") && original.ends_with(b"}"));
        let parsed: Value = serde_json::from_slice(&original).unwrap();
        assert_eq!(parsed, backup[0]["contents"][0]);
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 2);

        // The secrets are nowhere: not in an outcome, a report, or a byte the wallet wrote.
        drop(w);
        let shown = format!("{outs:?}{}", serde_json::to_string(&outs).unwrap());
        let on_disk = wallet_bytes(dir.path());
        for s in &secrets {
            assert!(!shown.contains(s.as_str()));
            assert!(
                !contains(&on_disk, s.as_bytes()),
                "secret in the wallet file"
            );
            // Not even a fragment of it.
            assert!(!contains(&on_disk, &s.as_bytes()[1..24]));
        }
    }

    #[test]
    fn lcw_variants_and_bad_backups_each_get_one_clear_line() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let secret = lcw_secret(0x63);
        // One profile object (not an array), as LCW's importer also accepts.
        let mut one = lcw_backup(
            &[signed(0x13, "Chemistry")],
            &[secret.clone(), lcw_secret(0x64)],
        );
        let p = dir.path().join("profile.json");
        std::fs::write(&p, serde_json::to_vec(&one[0]).unwrap()).unwrap();
        let outs = plain_import(&w, &p, &Unlock::default());
        assert_eq!(imported_name(&outs[0]).1, "Chemistry");
        assert_eq!(outs[0].source, format!("{}:credential 1", p.display()));

        // A credential that carries a private key is refused and counted as a secret.
        let mut bad = signed(0x14, "Leaky");
        bad["credentialSubject"]["privateKeyMultibase"] = secret.clone().into();
        one[0]["contents"] = json!([bad]);
        let p = dir.path().join("leaky.json");
        std::fs::write(&p, serde_json::to_vec(&one).unwrap()).unwrap();
        let outs = plain_import(&w, &p, &Unlock::default());
        let src = p.display().to_string();
        assert_eq!(outs.len(), 2);
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{src}:credential 1: holds a private key (privateKeyMultibase), so it is not imported"
            )
        );
        assert!(reason(&outs[1]).starts_with(&format!("{src}: 1 private key skipped: ")));
        assert!(!format!("{outs:?}").contains(&secret));

        // A locked profile, and the 2022–2023 encrypted backup: one line each.
        one[0]["status"] = "LOCKED".into();
        let p = dir.path().join("locked.json");
        std::fs::write(&p, serde_json::to_vec(&one).unwrap()).unwrap();
        let outs = plain_import(&w, &p, &Unlock::default());
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{}: a locked wallet profile (status is not UNLOCKED): its contents cannot be read",
                p.display()
            )
        );
        let enc = json!({"@context": ["https://www.w3.org/2018/credentials/v1", "http://w3id.org/wallet/v1"],
            "id": "urn:uuid:1", "type": ["VerifiableCredential", "EncryptedWallet"], "issuer": "did:web:lcw.app",
            "issuanceDate": "2023-01-01T00:00:00Z",
            "credentialSubject": {"id": "urn:uuid:2", "jwe": {"protected": "", "recipients": [], "iv": "", "ciphertext": "", "tag": ""}}});
        let p = dir.path().join("encrypted.json");
        std::fs::write(&p, serde_json::to_vec(&enc).unwrap()).unwrap();
        assert_eq!(detect_path(&p), Some(Kind::LcwEncrypted));
        let outs = plain_import(&w, &p, &Unlock::default());
        assert_eq!(outs.len(), 1);
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{}: an encrypted Learner Credential Wallet backup (made with a passphrase in \
                 2022–2023): no wallet can decrypt this format today; make a new backup from the \
                 wallet app, without a passphrase",
                p.display()
            )
        );
        // A backup cut short: not JSON any more, refused as such, nothing written.
        let before = w.count_badges(&Query::default()).unwrap();
        let text = serde_json::to_string_pretty(&lcw_backup(
            &[signed(0x15, "Cut")],
            &[lcw_secret(0x65), lcw_secret(0x66)],
        ))
        .unwrap();
        let p = dir.path().join("truncated.json");
        std::fs::write(&p, &text[..text.len() / 2]).unwrap();
        let outs = plain_import(&w, &p, &Unlock::default());
        assert_eq!(outs.len(), 1);
        let r = reason(&outs[0]);
        assert!(
            r.starts_with(&format!("{}: invalid json: ", p.display())),
            "{r}"
        );
        assert!(!r.contains(&lcw_secret(0x65)) && !r.contains('\n'));
        assert_eq!(w.count_badges(&Query::default()).unwrap(), before);
    }

    #[test]
    fn a_backup_with_more_entries_than_a_zip_may_hold_is_refused_whole() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let n = backpack_core::limits::MAX_CONTAINER_ITEMS + 1;
        let mut text = String::from(r#"{"type": "UniversalWallet2020", "contents": ["#);
        text.push_str(
            &vec![r#"{"@context": "https://www.w3.org/2018/credentials/v1"}"#; n].join(","),
        );
        text.push_str("]}");
        let p = dir.path().join("huge.json");
        std::fs::write(&p, text).unwrap();
        let outs = plain_import(&w, &p, &Unlock::default());
        assert_eq!(outs.len(), 1);
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{}: wallet backup has 100001 entries, more than the 100000-entry limit \
                 (MAX_CONTAINER_ITEMS)",
                p.display()
            )
        );
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
    }

    // -- LearnCard -------------------------------------------------------------------

    const PASSWORD: &str = "correct horse battery staple";

    /// `encryptWithPassword` of `@learncard/sss-key-manager`: Argon2id → AES-256-GCM.
    /// `cheap`: smaller Argon2 costs than LearnCard's (t=3, 64 MiB, p=4), to keep tests fast.
    fn envelope(plain: &[u8], password: &str, salt: u8, cheap: bool) -> Vec<u8> {
        use aes_gcm::aead::{Aead, KeyInit};
        let (t, m, p) = if cheap { (1, 1024, 1) } else { (3, 65536, 4) };
        let salt = [salt; 16];
        let iv = [salt[0] ^ 0x5a; 12];
        let mut key = [0u8; 32];
        argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon2::Params::new(m, t, p, Some(32)).unwrap(),
        )
        .hash_password_into(password.as_bytes(), &salt, &mut key)
        .unwrap();
        let ct = aes_gcm::Aes256Gcm::new_from_slice(&key)
            .unwrap()
            .encrypt(&aes_gcm::Nonce::from(iv), plain)
            .unwrap();
        serde_json::to_vec_pretty(&json!({"ciphertext": B64.encode(ct), "iv": B64.encode(iv),
            "salt": B64.encode(salt), "kdfParams": {"algorithm": "argon2id", "timeCost": t,
            "memoryCost": m, "parallelism": p}}))
        .unwrap()
    }

    fn sha(b: &[u8]) -> String {
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    }

    /// One bundle entry: path, manifest type, stored bytes, `encrypted` flag.
    type Entry = (String, &'static str, Vec<u8>, bool);

    /// A holder-continuity bundle (spec 1.0.0): manifest.json (sha256 per entry, payloadSha256
    /// over the JCS of `contents`), README.md, BUNDLE_SPEC.md, the entries; `extra` entries are
    /// put in the ZIP without being listed.
    fn bundle(entries: &[Entry], encrypted: bool, extra: &[(&str, &[u8])]) -> Vec<u8> {
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let contents: Vec<Value> = sorted
            .iter()
            .map(|(path, kind, bytes, enc)| {
                json!({"encrypted": enc, "id": format!("urn:sha256:{}", sha(path.as_bytes())),
                    "mediaType": "application/json", "path": path, "sha256": sha(bytes), "type": kind})
            })
            .collect();
        let payload = sha(serde_json_canonicalizer::to_string(&json!(contents))
            .unwrap()
            .as_bytes());
        let encryption = if encrypted {
            json!({"mode": "argon2id-aes-256-gcm", "encryptedPayloads": true,
                "envelope": "sss-key-manager-encryptWithPassword-v1", "kdf": "argon2id", "cipher": "AES-256-GCM"})
        } else {
            json!({"mode": "none", "encryptedPayloads": false})
        };
        let manifest = json!({"specVersion": "1.0.0", "createdAt": "2026-05-01T00:00:00.000Z",
            "primaryDid": "did:key:z6MkTest", "walletName": "LearnCard", "encryption": encryption,
            "contents": contents, "warnings": [], "payloadSha256": payload});
        let mut out = Vec::new();
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
            let o = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            let mut put = |name: &str, b: &[u8]| {
                z.start_file(name, o).unwrap();
                z.write_all(b).unwrap();
            };
            put(
                "manifest.json",
                format!("{}\n", serde_json::to_string_pretty(&manifest).unwrap()).as_bytes(),
            );
            put("README.md", b"# LearnCard holder continuity bundle\n");
            put("BUNDLE_SPEC.md", b"# spec\n");
            for (path, _, bytes, _) in entries {
                put(path, bytes);
            }
            for (name, bytes) in extra {
                put(name, bytes);
            }
            z.finish().unwrap();
        }
        out
    }

    /// LearnCard's payload text: sorted keys, no whitespace, a newline.
    fn stable(v: &Value) -> Vec<u8> {
        format!("{}\n", serde_json_canonicalizer::to_string(v).unwrap()).into_bytes()
    }

    const SEED: &str = "1111111111111111111111111111111111111111111111111111111111111111";

    /// The usual bundle: two credentials, an OB 2.0 assertion (LearnCard: unknown-json), the
    /// seed, the private JWKs, the recovery phrase, the DID document and an index record.
    fn usual_entries(password: &str, cheap_all: bool) -> Vec<Entry> {
        let assertion = fixture_bytes("1edtech-public-validator/ob20/basic-assertion.json");
        let a: Value = serde_json::from_slice(&assertion).unwrap();
        let enc = |b: &[u8], salt: u8, cheap: bool| envelope(b, password, salt, cheap);
        vec![
            (
                format!("credentials/{}.json.enc", sha(b"1")),
                "credential",
                // One entry with LearnCard's real Argon2 costs.
                enc(&stable(&signed(0x21, "Robotics")), 1, cheap_all),
                true,
            ),
            (
                format!("credentials/{}.json.enc", sha(b"2")),
                "credential",
                enc(&stable(&signed(0x22, "Welding")), 2, true),
                true,
            ),
            (
                format!("credentials/{}.json.enc", sha(b"3")),
                "unknown-json",
                enc(&stable(&a), 3, true),
                true,
            ),
            (
                "keys/private-key-seed.txt.enc".into(),
                "key-private-seed",
                enc(format!("{SEED}\n").as_bytes(), 4, true),
                true,
            ),
            (
                "keys/jwks.json.enc".into(),
                "key-jwks",
                enc(
                    br#"{"ed25519":{"kty":"OKP","crv":"Ed25519","x":"AA","d":"SECRETD"}}"#,
                    5,
                    true,
                ),
                true,
            ),
            (
                "keys/recovery-phrase.txt.enc".into(),
                "key-recovery-phrase",
                enc(b"abandon ability able about above absent absorb\n", 6, true),
                true,
            ),
            (
                "keys/did-document.json".into(),
                "did-document",
                br#"{"dids":{"key":"did:key:z6MkTest"}}"#.to_vec(),
                false,
            ),
            (
                format!("index-records/{}.json.enc", sha(b"1")),
                "index-record",
                enc(br#"{"title":"Robotics"}"#, 7, true),
                true,
            ),
        ]
    }

    const LEARNCARD_SKIPPED: &str = "1 wallet seed, 1 private key set, 1 recovery phrase skipped \
        unread: a wallet's seed and keys are never imported; 2 entries that are not credentials \
        left out (presentations, index and consent records, status lists, the DID document)";

    #[test]
    fn learncard_bundle_with_its_password_imports_credentials_and_never_the_seed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("learncard-export.zip");
        std::fs::write(&path, bundle(&usual_entries(PASSWORD, false), true, &[])).unwrap();
        assert_eq!(detect_path(&path), Some(Kind::LearnCardBundle));
        let wpath = dir.path().join("wallet.db");
        let w = Wallet::open(&wpath).unwrap();
        let outs = plain_import(
            &w,
            &path,
            &Unlock::with_bundle_password(PASSWORD.to_string()),
        );
        let src = path.display().to_string();
        // In the manifest's order (by path).
        let mut by_path: Vec<(String, String)> = usual_entries(PASSWORD, true)[..3]
            .iter()
            .zip(["Robotics", "Welding", "robotics badge"])
            .map(|(e, n)| (format!("{src}:{}", e.0), n.to_string()))
            .collect();
        by_path.sort();
        let got: Vec<(String, String)> = outs[..3]
            .iter()
            .map(|o| (o.source.clone(), imported_name(o).1))
            .collect();
        assert_eq!(got, by_path);
        // The original is the decrypted payload, as LearnCard stored it.
        let robotics = outs
            .iter()
            .find(|o| reason_or_name(o) == "Robotics")
            .unwrap();
        let (id, _) = imported_name(robotics);
        assert_eq!(w.original(id).unwrap(), stable(&signed(0x21, "Robotics")));
        assert_eq!(outs.len(), 4, "{outs:#?}");
        assert_eq!(reason(&outs[3]), format!("{src}: {LEARNCARD_SKIPPED}"));
        drop(w);
        let shown = format!("{outs:?}");
        let disk = wallet_bytes(dir.path());
        for secret in [SEED.as_bytes(), b"SECRETD", b"abandon ability"] {
            assert!(!contains(shown.as_bytes(), secret));
            assert!(!contains(&disk, secret));
        }
    }

    #[test]
    fn learncard_without_password_wrong_password_and_tampered_entries_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let entries = usual_entries(PASSWORD, true);
        let path = dir.path().join("bundle.zip");
        std::fs::write(&path, bundle(&entries, true, &[])).unwrap();
        let src = path.display().to_string();

        // No password: each encrypted credential says so; nothing imported.
        let outs = plain_import(&w, &path, &Unlock::default());
        assert_eq!(outs.len(), 4);
        let mut creds: Vec<&Entry> = entries[..3].iter().collect();
        creds.sort_by(|a, b| a.0.cmp(&b.0));
        for (o, e) in outs.iter().zip(creds) {
            assert_eq!(
                reason(o),
                format!(
                    "{src}:{}: encrypted with the bundle's password, which was not given: not \
                     read (backpack import --bundle-password)",
                    e.0
                )
            );
        }
        assert_eq!(reason(&outs[3]), format!("{src}: {LEARNCARD_SKIPPED}"));
        // A wrong password.
        let outs = plain_import(&w, &path, &Unlock::with_bundle_password("nope".into()));
        assert!(outs[..3].iter().all(|o| reason(o)
            == format!(
                "{}: cannot be decrypted: the password is wrong, or the entry was changed",
                o.source
            )));
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);

        // Someone without the password adds a plaintext credential and a plaintext "seed",
        // recomputing every hash (the manifest is not authenticated): refused, never read.
        let mut injected = entries.clone();
        injected.push((
            "credentials/evil.json".into(),
            "credential",
            stable(&signed(0x23, "Doctor of Medicine")),
            false,
        ));
        let p = dir.path().join("injected.zip");
        std::fs::write(&p, bundle(&injected, true, &[("stray.json", b"{}")])).unwrap();
        let outs = plain_import(&w, &p, &Unlock::with_bundle_password(PASSWORD.into()));
        let ps = p.display().to_string();
        let lines: Vec<&str> = outs.iter().map(reason_or_name).collect();
        assert!(lines.contains(&format!(
            "{ps}:credentials/evil.json: stored in plaintext although the bundle is encrypted: \
             refused, because anyone can add such an entry without the password"
        ).as_str()), "{lines:#?}");
        assert!(lines.contains(&format!(
            "{ps}:stray.json: not listed in manifest.json: not read (it may have been added to \
             the bundle)"
        ).as_str()), "{lines:#?}");
        assert!(
            w.list_badges(&Query::default())
                .unwrap()
                .iter()
                .all(|b| b.name != "Doctor of Medicine")
        );

        // An entry changed after the manifest was written.
        // Entry 2's bytes swapped, the manifest keeping the old hash.
        let mut es = entries.clone();
        let h = sha(&es[1].2);
        es[1].2 = envelope(&stable(&signed(0x24, "Swapped")), PASSWORD, 9, true);
        let changed = bundle_with_hash(&es, 1, &h);
        let p = dir.path().join("changed.zip");
        std::fs::write(&p, changed).unwrap();
        let outs = plain_import(&w, &p, &Unlock::with_bundle_password(PASSWORD.into()));
        let swapped = format!("{}:{}", p.display(), entries[1].0);
        let o = outs.iter().find(|o| o.source == swapped).unwrap();
        assert_eq!(
            reason(o),
            format!(
                "{swapped}: does not match its sha256 in manifest.json: the entry is damaged or was changed"
            )
        );

        // A manifest whose payloadSha256 does not match: the bundle is refused whole.
        let good = bundle(&entries, true, &[]);
        let p = dir.path().join("badsum.zip");
        std::fs::write(
            &p,
            rewrite_manifest(&good, |m| m["payloadSha256"] = "00".repeat(32).into()),
        )
        .unwrap();
        let outs = plain_import(&w, &p, &Unlock::with_bundle_password(PASSWORD.into()));
        assert_eq!(outs.len(), 1);
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{}: manifest.json: its payloadSha256 does not match its list of contents: the \
                 bundle is damaged or was changed",
                p.display()
            )
        );
        // Argon2 costs past the cap are refused before any work.
        let mut greedy = entries.clone();
        let mut env: Value = serde_json::from_slice(&greedy[0].2).unwrap();
        env["kdfParams"]["memoryCost"] = json!(4_194_304);
        greedy[0].2 = serde_json::to_vec(&env).unwrap();
        let p = dir.path().join("greedy.zip");
        std::fs::write(&p, bundle(&greedy, true, &[])).unwrap();
        let outs = plain_import(&w, &p, &Unlock::with_bundle_password(PASSWORD.into()));
        let first = format!("{}:{}", p.display(), entries[0].0);
        let o = outs.iter().find(|o| o.source == first).unwrap();
        assert_eq!(
            reason(o),
            format!(
                "{first}: asks for argon2 memory cost (KiB) 4194304, above the limit of 262144 \
                 (MAX_BUNDLE_KDF_MEMORY_KIB): not decrypted"
            )
        );
        // Only the three genuine credentials ever went in (with the password).
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 3);
    }

    fn reason_or_name(o: &FileOutcome) -> &str {
        match &o.result {
            FileResult::Refused { reason } | FileResult::Skipped { reason } => reason,
            FileResult::Imported { name, .. } => name,
            _ => "",
        }
    }

    /// A bundle whose manifest gives entry `i` the hash `h` (of other bytes).
    fn bundle_with_hash(entries: &[Entry], i: usize, h: &str) -> Vec<u8> {
        let path = entries[i].0.clone();
        let b = bundle(entries, true, &[]);
        rewrite_manifest(&b, |m| {
            for c in m["contents"].as_array_mut().unwrap() {
                if c["path"] == path.as_str() {
                    c["sha256"] = h.into();
                }
            }
            let payload = sha(serde_json_canonicalizer::to_string(&m["contents"])
                .unwrap()
                .as_bytes());
            m["payloadSha256"] = payload.into();
        })
    }

    /// The same ZIP with its manifest.json changed by `f`.
    fn rewrite_manifest(zip_bytes: &[u8], f: impl Fn(&mut Value)) -> Vec<u8> {
        use std::io::Read;
        let mut a = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
        let mut out = Vec::new();
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
            let o = zip::write::SimpleFileOptions::default();
            for i in 0..a.len() {
                let mut e = a.by_index(i).unwrap();
                let name = e.name().to_string();
                let mut b = Vec::new();
                e.read_to_end(&mut b).unwrap();
                if name == "manifest.json" {
                    let mut m: Value = serde_json::from_slice(&b).unwrap();
                    f(&mut m);
                    b = serde_json::to_vec_pretty(&m).unwrap();
                }
                z.start_file(name, o).unwrap();
                z.write_all(&b).unwrap();
            }
            z.finish().unwrap();
        }
        out
    }

    #[test]
    fn learncard_debug_bundle_in_plaintext_imports_without_a_password() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let entries: Vec<Entry> = vec![
            (
                format!("credentials/{}.json", sha(b"p")),
                "credential",
                stable(&signed(0x25, "Plain")),
                false,
            ),
            (
                "keys/private-key-seed.txt".into(),
                "key-private-seed",
                format!("{SEED}\n").into_bytes(),
                false,
            ),
        ];
        let path = dir.path().join("debug.zip");
        std::fs::write(&path, bundle(&entries, false, &[])).unwrap();
        let outs = plain_import(&w, &path, &Unlock::default());
        assert_eq!(imported_name(&outs[0]).1, "Plain");
        assert_eq!(
            reason(&outs[1]),
            format!(
                "{}: 1 wallet seed skipped unread: a wallet's seed and keys are never imported",
                path.display()
            )
        );
        assert!(!contains(format!("{outs:?}").as_bytes(), SEED.as_bytes()));
    }

    // -- Badgr / Badge Connect, Mozilla Backpack -------------------------------------------

    fn ob2_assertion(n: u32, name: &str) -> Value {
        json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
            "id": format!("https://badges.example.org/assertions/{n}"),
            "recipient": {"type": "email", "hashed": false, "identity": "learner@example.org"},
            "badge": {"type": "BadgeClass", "id": format!("https://badges.example.org/badges/{n}"),
                "name": name, "description": "d", "image": "https://badges.example.org/i.png",
                "criteria": {"narrative": "n"},
                "issuer": {"type": "Issuer", "id": "https://badges.example.org/issuer",
                    "name": "Example Issuer", "url": "https://badges.example.org"}},
            "issuedOn": "2024-02-01T00:00:00Z", "verification": {"type": "HostedBadge"}})
    }

    #[test]
    fn badge_connect_and_badgr_lists_import_each_assertion() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let resp = json!({"status": {"error": null, "statusCode": 200, "statusText": "OK"},
            "results": [ob2_assertion(1, "Soldering"), ob2_assertion(2, "Circuits")]});
        let text = serde_json::to_string_pretty(&resp).unwrap();
        let p = dir.path().join("assertions.json");
        std::fs::write(&p, &text).unwrap();
        assert_eq!(detect_path(&p), Some(Kind::BadgeConnect));
        let outs = plain_import(&w, &p, &Unlock::default());
        let src = p.display().to_string();
        assert_eq!(outs[0].source, format!("{src}:assertion 1"));
        assert_eq!(imported_name(&outs[0]).1, "Soldering");
        assert_eq!(imported_name(&outs[1]).1, "Circuits");
        assert_eq!(outs.len(), 2);

        // A Badgr v2 list: an OB 2.0 assertion goes in; Badgr's own record says what to do.
        let list = json!({"status": {"success": true, "description": "ok"}, "result": [
            ob2_assertion(3, "Wiring"),
            {"entityType": "BackpackAssertion", "entityId": "abc", "badgeclass": "xyz",
             "openBadgeId": "https://api.badgr.io/public/assertions/abc", "issuedOn": "2020-01-01"}]});
        let p = dir.path().join("badgr.json");
        std::fs::write(&p, serde_json::to_vec(&list).unwrap()).unwrap();
        assert_eq!(detect_path(&p), Some(Kind::BadgrApi));
        let outs = plain_import(&w, &p, &Unlock::default());
        assert_eq!(imported_name(&outs[0]).1, "Wiring");
        assert_eq!(
            reason(&outs[1]),
            format!(
                "{}:assertion 2: a Badgr record, not an Open Badge; import the hosted assertion \
                 by its url instead: https://api.badgr.io/public/assertions/abc",
                p.display()
            )
        );
        // A saved error response, and an entry that is not a badge.
        let err = json!({"status": {"error": "forbidden", "statusCode": 403, "statusText": "Forbidden"}, "results": []});
        let p = dir.path().join("error.json");
        std::fs::write(&p, serde_json::to_vec(&err).unwrap()).unwrap();
        let outs = plain_import(&w, &p, &Unlock::default());
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{}: a saved Badge Connect / Badgr response that reports an error: it holds no badges",
                p.display()
            )
        );
        let junk = json!({"status": {"statusCode": 200}, "results": [{"hello": "world"}]});
        let p = dir.path().join("junk.json");
        std::fs::write(&p, serde_json::to_vec(&junk).unwrap()).unwrap();
        let outs = plain_import(&w, &p, &Unlock::default());
        assert!(
            reason(&outs[0])
                .starts_with(&format!("{}:assertion 1: not an open badge", p.display())),
            "{outs:?}"
        );
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 3);
    }

    /// A PNG baked with `text` under the OB 2.0 keyword.
    fn baked_png(text: &str) -> Vec<u8> {
        let png = fixture_bytes("bakery-python/public_domain_heart.png");
        backpack_core::bake::bake_png(&png, "openbadges", text).unwrap()
    }

    #[test]
    fn mozilla_backpack_zip_imports_its_baked_images_and_names_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let path = dir.path().join("mozilla-backpack-export.zip");
        {
            let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
            let o = zip::write::SimpleFileOptions::default();
            z.start_file("manifest.txt", o).unwrap();
            z.write_all(
                br#"{"learner@example.org": ["badge-1.png", "badge-2.png", "gone.png"], "old@example.org": ["badge-2.png"]}"#,
            )
            .unwrap();
            for (name, n, title) in [
                ("badge-1.png", 11, "Mozilla Maker"),
                ("badge-2.png", 12, "Web Literacy"),
            ] {
                z.start_file(name, o).unwrap();
                z.write_all(&baked_png(&ob2_assertion(n, title).to_string()))
                    .unwrap();
            }
            // An image holding only a hosted URL, as the old bakers wrote.
            z.start_file("url-only.png", o).unwrap();
            z.write_all(&baked_png("https://backpack.example.org/assertion/1"))
                .unwrap();
            z.start_file("nested.zip", o).unwrap();
            z.write_all(b"PK\x03\x04rest").unwrap();
            z.finish().unwrap();
        }
        assert_eq!(detect_path(&path), Some(Kind::MozillaZip));
        let outs = plain_import(&w, &path, &Unlock::default());
        let src = path.display().to_string();
        let got: Vec<(String, &str)> = outs
            .iter()
            .map(|o| (o.source.clone(), reason_or_name(o)))
            .collect();
        assert_eq!(
            got,
            vec![
                (format!("{src}:badge-1.png"), "Mozilla Maker"),
                (format!("{src}:badge-2.png"), "Web Literacy"),
                (
                    format!("{src}:nested.zip"),
                    format!("{src}:nested.zip: a zip inside a zip is not read: unpack it first")
                        .as_str()
                ),
                (
                    format!("{src}:url-only.png"),
                    format!(
                        "{src}:url-only.png: holds only the url of a hosted badge \
                         (https://backpack.example.org/assertion/1); fetch it with network access \
                         allowed to import it"
                    )
                    .as_str()
                ),
                (
                    format!("{src}:gone.png"),
                    format!("{src}:gone.png: listed in manifest.txt but not in the archive")
                        .as_str()
                ),
            ]
        );
    }

    /// Past the 2 GiB budget of MAX_ZIP_TOTAL_BYTES.
    const DECLARED_3_GIB: u32 = 3 << 30;

    fn over_budget_line(src: &str) -> String {
        super::zip_over_budget_line(src)
    }

    /// A Mozilla Backpack export: manifest.txt listing `badge-1.png`, then `entries`.
    fn mozilla_zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("manifest.txt", o).unwrap();
        z.write_all(br#"{"learner@example.org": ["badge-1.png"]}"#)
            .unwrap();
        for (name, bytes) in entries {
            z.start_file(*name, o).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    #[test]
    fn mozilla_export_with_an_unsafe_name_or_past_the_zip_budget_gets_one_line_each() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let badge = |n, title| baked_png(&ob2_assertion(n, title).to_string());
        // A climbing name and a terminal escape: each one refused line (the climbing one was
        // left out without a word), the genuine badge goes in.
        let path = dir.path().join("mozilla-names.zip");
        std::fs::write(
            &path,
            mozilla_zip(&[
                ("badge-1.png", badge(21, "Mozilla Maker")),
                ("../badge-2.png", badge(22, "Climber")),
                ("a\u{1b}[2J.png", badge(23, "Escape")),
            ]),
        )
        .unwrap();
        assert_eq!(detect_path(&path), Some(Kind::MozillaZip));
        let outs = plain_import(&w, &path, &Unlock::default());
        let src = path.display().to_string();
        let got: Vec<(String, &str)> = outs
            .iter()
            .map(|o| (o.source.clone(), reason_or_name(o)))
            .collect();
        let climbs = format!(
            "{src}:../badge-2.png: zip entry name is not a plain relative path: it climbs out of \
             the archive with .."
        );
        let escape = format!(
            "{src}:a\\u{{1b}}[2J.png: zip entry name is not a plain relative path: it holds a \
             control character"
        );
        assert_eq!(
            got,
            vec![
                (format!("{src}:../badge-2.png"), climbs.as_str()),
                (format!("{src}:a\\u{{1b}}[2J.png"), escape.as_str()),
                (format!("{src}:badge-1.png"), "Mozilla Maker"),
            ]
        );
        // Why a name is refused is the learner's language too, not English inside Spanish.
        let FileResult::Refused { reason: why } = &outs[0].result else {
            panic!("{:?}", outs[0].result)
        };
        assert_eq!(
            why.localize(backpack_core::i18n::Catalog::get(
                backpack_core::i18n::Lang::Es
            )),
            format!(
                "{src}:../badge-2.png: el nombre de la entrada zip no es una ruta relativa \
                 simple: sale del archivo con .."
            )
        );
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);

        // Entries that declare more than the budget: one line for the export, nothing read.
        let w = Wallet::open_in_memory().unwrap();
        let mut z = mozilla_zip(&[
            ("badge-1.png", badge(21, "Mozilla Maker")),
            ("badge-2.png", badge(22, "Bomb")),
        ]);
        super::declare_size(&mut z, "badge-2.png", DECLARED_3_GIB);
        let path = dir.path().join("mozilla-bomb.zip");
        std::fs::write(&path, z).unwrap();
        assert_eq!(detect_path(&path), Some(Kind::MozillaZip));
        let outs = plain_import(&w, &path, &Unlock::default());
        let src = path.display().to_string();
        assert_eq!(outs.len(), 1, "{outs:?}");
        assert_eq!(outs[0].source, src);
        assert_eq!(reason(&outs[0]), over_budget_line(&src));
        assert!(matches!(outs[0].result, FileResult::Refused { .. }));
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
    }

    #[test]
    fn a_mozilla_export_that_lies_about_its_sizes_is_refused_whole_and_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let badge = |n, title| baked_png(&ob2_assertion(n, title).to_string());
        let path = dir.path().join("mozilla-liar.zip");
        std::fs::write(
            &path,
            super::lying_zip(&[
                ("badge-1.png", badge(21, "Mozilla Maker")),
                ("badge-2.png", badge(22, "Second")),
                (
                    "manifest.txt",
                    br#"{"learner@example.org": ["badge-1.png", "badge-2.png"]}"#.to_vec(),
                ),
            ]),
        )
        .unwrap();
        assert_eq!(detect_path(&path), Some(Kind::MozillaZip));
        let outs = plain_import(&w, &path, &Unlock::default());
        let src = path.display().to_string();
        assert_eq!(outs.len(), 1, "{outs:?}");
        assert_eq!(outs[0].source, src);
        assert_eq!(reason(&outs[0]), over_budget_line(&src));
        assert!(matches!(outs[0].result, FileResult::Refused { .. }));
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
    }

    #[test]
    fn learncard_bundle_with_an_unsafe_name_or_past_the_zip_budget_gets_one_line_each() {
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let cred = format!("credentials/{}.json", sha(b"u"));
        let entries: Vec<Entry> = vec![(
            cred.clone(),
            "credential",
            stable(&signed(0x26, "Plain")),
            false,
        )];
        let stray = stable(&signed(0x27, "Stray"));
        let path = dir.path().join("names.zip");
        std::fs::write(
            &path,
            bundle(
                &entries,
                false,
                &[
                    ("../stray.json", &stray),
                    ("x\u{1b}]0;pwned\u{7}.json", &stray),
                ],
            ),
        )
        .unwrap();
        assert_eq!(detect_path(&path), Some(Kind::LearnCardBundle));
        let outs = plain_import(&w, &path, &Unlock::default());
        let src = path.display().to_string();
        let got: Vec<(String, &str)> = outs
            .iter()
            .map(|o| (o.source.clone(), reason_or_name(o)))
            .collect();
        let climbs = format!(
            "{src}:../stray.json: zip entry name is not a plain relative path: it climbs out of \
             the archive with .."
        );
        let escape = format!(
            "{src}:x\\u{{1b}}]0;pwned\\u{{7}}.json: zip entry name is not a plain relative path: \
             it holds a control character"
        );
        assert_eq!(
            got,
            vec![
                (format!("{src}:{cred}"), "Plain"),
                (format!("{src}:../stray.json"), climbs.as_str()),
                (
                    format!("{src}:x\\u{{1b}}]0;pwned\\u{{7}}.json"),
                    escape.as_str()
                ),
            ]
        );
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);

        // The manifest itself lists a name with a terminal escape: refused, shown escaped.
        let w = Wallet::open_in_memory().unwrap();
        let listed: Vec<Entry> = vec![(
            "credentials/\u{1b}[2J.json".into(),
            "credential",
            stray.clone(),
            false,
        )];
        let path = dir.path().join("listed.zip");
        std::fs::write(&path, bundle(&listed, false, &[])).unwrap();
        let outs = plain_import(&w, &path, &Unlock::default());
        assert_eq!(outs.len(), 1, "{outs:?}");
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{}: manifest.json lists an unsafe or empty path \"credentials/\\u{{1b}}[2J.json\": \
                 not read",
                path.display()
            )
        );
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);

        // A listed credential that declares more than the budget: one line, nothing read.
        let w = Wallet::open_in_memory().unwrap();
        let mut z = bundle(&entries, false, &[]);
        super::declare_size(&mut z, &cred, DECLARED_3_GIB);
        let path = dir.path().join("bomb.zip");
        std::fs::write(&path, z).unwrap();
        assert_eq!(detect_path(&path), Some(Kind::LearnCardBundle));
        let outs = plain_import(&w, &path, &Unlock::default());
        let src = path.display().to_string();
        assert_eq!(outs.len(), 1, "{outs:?}");
        assert_eq!(outs[0].source, src);
        assert_eq!(reason(&outs[0]), over_budget_line(&src));
        assert!(matches!(outs[0].result, FileResult::Refused { .. }));
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);
    }

    // -- Open Badge Factory PDF badges ------------------------------------------------------

    /// A one-page PDF with the badge text in its Info dictionary and/or its XMP metadata.
    pub(super) fn pdf(info: Option<lopdf::Object>, xmp: Option<&str>) -> Vec<u8> {
        use lopdf::{Document, Object, Stream, dictionary};
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let content = doc.add_object(Stream::new(
            dictionary! {},
            b"BT /F1 24 Tf 72 700 Td (Badge) Tj ET".to_vec(),
        ));
        let page = doc.add_object(dictionary! {"Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()], "Contents" => content});
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1},
            ),
        );
        let mut catalog = dictionary! {"Type" => "Catalog", "Pages" => pages_id};
        if let Some(x) = xmp {
            let mut s = Stream::new(
                dictionary! {"Type" => "Metadata", "Subtype" => "XML"},
                x.as_bytes().to_vec(),
            );
            s.compress().unwrap();
            catalog.set("Metadata", doc.add_object(s));
        }
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", catalog);
        let mut info_dict = dictionary! {"Producer" => Object::string_literal("Backpack tests")};
        if let Some(v) = info {
            info_dict.set("openbadges", v);
        }
        let info_id = doc.add_object(info_dict);
        doc.trailer.set("Info", info_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    pub(super) fn xmp(verify: &str) -> String {
        format!(
            r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:openbadges="http://openbadges.org">
<openbadges:assertion verify="{verify}"/></rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#
        )
    }

    #[test]
    fn obf_pdf_with_object_streams_and_a_cross_reference_stream_is_read() {
        // PDF 1.5 compression (ISO 32000-1 §7.5.7, §7.5.8): the information dictionary and
        // the catalog inside an object stream, found through a cross-reference stream.
        let json_text = ob2_assertion(23, "Compressed Objects").to_string();
        let plain = pdf(
            Some(lopdf::Object::string_literal(json_text.as_str())),
            Some(&xmp("https://obf.example.org/v1/assertion/1")),
        );
        let mut doc = lopdf::Document::load_mem(&plain).unwrap();
        let mut out = Vec::new();
        doc.save_with_options(
            &mut out,
            lopdf::SaveOptions::builder()
                .use_object_streams(true)
                .use_xref_streams(true)
                .build(),
        )
        .unwrap();
        assert!(out.windows(6).any(|w| w == b"ObjStm"), "no object stream");
        assert!(
            out.windows(4).any(|w| w == b"XRef"),
            "no cross-reference stream"
        );
        let (place, text) = backpack_core::wallets::pdf::extract(&out).unwrap();
        assert_eq!((place, text.as_str()), ("openbadges", json_text.as_str()));
        // Cut inside the cross-reference stream: one line, no panic.
        let at = out.windows(4).rposition(|w| w == b"XRef").unwrap();
        let err = backpack_core::wallets::pdf::extract(&out[..at + 40])
            .unwrap_err()
            .english();
        assert!(err.starts_with("not a readable pdf: "), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn obf_pdf_badges_from_info_and_xmp_and_hostile_pdfs() {
        use lopdf::Object;
        let dir = tempfile::tempdir().unwrap();
        let w = Wallet::open_in_memory().unwrap();
        let json_text = ob2_assertion(21, "Open Badge Factory Basics").to_string();
        let jws_src = fixture_bytes("1edtech-public-validator/ob20/simple.jwt");
        let jws = String::from_utf8(jws_src).unwrap().trim().to_string();
        let write = |name: &str, b: Vec<u8>| {
            let p = dir.path().join(name);
            std::fs::write(&p, b).unwrap();
            p
        };
        let info = write(
            "info.pdf",
            pdf(Some(Object::string_literal(json_text.as_str())), None),
        );
        let x = write("xmp.pdf", pdf(None, Some(&xmp(&jws))));
        // UTF-16BE text string (what a PDF library writes for non-ASCII text).
        let mut utf16 = vec![0xFE, 0xFF];
        for u in ob2_assertion(22, "Ünïcode Badge")
            .to_string()
            .encode_utf16()
        {
            utf16.extend(u.to_be_bytes());
        }
        let u16p = write(
            "utf16.pdf",
            pdf(
                Some(Object::String(utf16, lopdf::StringFormat::Hexadecimal)),
                None,
            ),
        );
        assert_eq!(detect_path(&info), Some(Kind::Pdf));
        let outs = import_paths_unlocked(
            &w,
            &[info.clone(), x.clone(), u16p.clone()],
            &ImportOptions::default(),
            &Unlock::default(),
            &mut |_, _| {},
        );
        assert_eq!(
            outs[0].source,
            format!("{}:openbadges", info.display()),
            "{outs:#?}"
        );
        assert_eq!(imported_name(&outs[0]).1, "Open Badge Factory Basics");
        let (id, _) = imported_name(&outs[0]);
        assert_eq!(w.original(id).unwrap(), json_text.as_bytes());
        assert_eq!(outs[1].source, format!("{}:xmp", x.display()));
        let (id, _) = imported_name(&outs[1]);
        assert_eq!(w.original(id).unwrap(), jws.as_bytes());
        assert_eq!(imported_name(&outs[2]).1, "Ünïcode Badge");

        // Not a badge PDF, only a URL, damaged, an encrypted one, too many streams.
        let plain = write("report.pdf", pdf(None, None));
        let url = write(
            "url.pdf",
            pdf(None, Some(&xmp("https://obf.example.org/v1/assertion/1"))),
        );
        let mut cut = pdf(Some(Object::string_literal(json_text.as_str())), None);
        cut.truncate(40);
        let cut = write("cut.pdf", cut);
        let mut many = b"%PDF-1.7\n".to_vec();
        for i in 0..600 {
            many.extend(
                format!("{i} 0 obj << /Length 0 >>\nstream\nendstream\nendobj\n").as_bytes(),
            );
        }
        let many = write("many.pdf", many);
        let outs = import_paths_unlocked(
            &w,
            &[plain.clone(), url.clone(), cut.clone(), many.clone()],
            &ImportOptions::default(),
            &Unlock::default(),
            &mut |_, _| {},
        );
        assert_eq!(
            reason(&outs[0]),
            format!(
                "{}: pdf holds no badge: no openbadges entry in its document information and no \
                 openbadges:assertion in its xmp metadata",
                plain.display()
            )
        );
        assert_eq!(
            reason(&outs[1]),
            format!(
                "{}:xmp: holds only the url of a hosted badge (https://obf.example.org/v1/assertion/1); \
                 fetch it with network access allowed to import it",
                url.display()
            )
        );
        assert!(
            reason(&outs[2]).starts_with(&format!("{}: not a readable pdf", cut.display())),
            "{outs:?}"
        );
        assert_eq!(
            reason(&outs[3]),
            format!(
                "{}: pdf has 600 streams, more than the 512-stream limit (MAX_PDF_STREAMS): too \
                 large to be a badge",
                many.display()
            )
        );
        assert!(outs.iter().all(|o| !reason(o).contains('\n')));
    }

    // -- Import by URL -----------------------------------------------------------------------

    type Routes = Arc<Mutex<HashMap<String, (u16, &'static str, Vec<u8>)>>>;

    /// HTTP/1.1 on 127.0.0.1: path → (status, content type, body); counts requests per path.
    pub(super) struct Server {
        pub port: u16,
        routes: Routes,
        pub hits: Arc<Mutex<HashMap<String, usize>>>,
        pub total: Arc<AtomicUsize>,
    }

    impl Server {
        pub fn start() -> Server {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let port = listener.local_addr().unwrap().port();
            let routes: Routes = Arc::default();
            let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
            let total = Arc::new(AtomicUsize::new(0));
            let (r, h, t) = (routes.clone(), hits.clone(), total.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    let Ok(mut s) = stream else { continue };
                    t.fetch_add(1, Ordering::SeqCst);
                    let mut reader = BufReader::new(s.try_clone().unwrap());
                    let mut line = String::new();
                    if reader.read_line(&mut line).is_err() {
                        continue;
                    }
                    loop {
                        let mut hdr = String::new();
                        if reader.read_line(&mut hdr).is_err() || hdr.trim().is_empty() {
                            break;
                        }
                    }
                    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                    *h.lock().unwrap().entry(path.clone()).or_default() += 1;
                    let (status, ct, body) = r.lock().unwrap().get(&path).cloned().unwrap_or((
                        404,
                        "text/plain",
                        b"not found".to_vec(),
                    ));
                    let head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = s.write_all(head.as_bytes());
                    let _ = s.write_all(&body);
                }
            });
            Server {
                port,
                routes,
                hits,
                total,
            }
        }

        pub fn serve(&self, path: &str, status: u16, ct: &'static str, body: Vec<u8>) {
            self.routes
                .lock()
                .unwrap()
                .insert(path.to_string(), (status, ct, body));
        }

        pub fn url(&self, path: &str) -> String {
            format!("http://127.0.0.1:{}{path}", self.port)
        }

        pub fn hits(&self, path: &str) -> usize {
            self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
        }
    }

    /// A hosted OB 2.0 assertion, its badge class and issuer, served from `server`.
    pub(super) fn serve_hosted(server: &Server) -> Vec<u8> {
        let base = server.url("");
        let assertion = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
            "id": format!("{base}/assertions/7"),
            "recipient": {"type": "email", "hashed": false, "identity": "learner@example.org"},
            "badge": {"type": "BadgeClass", "id": format!("{base}/badges/7"),
                "name": "Hosted Robotics", "description": "d",
                "image": format!("{base}/badges/7.png"), "criteria": {"narrative": "n"},
                "issuer": format!("{base}/issuer")},
            "issuedOn": "2024-03-01T00:00:00Z", "verification": {"type": "HostedBadge"}});
        let badge = assertion["badge"].clone();
        let issuer = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
            "id": format!("{base}/issuer"), "name": "Local Issuer", "url": base,
            "email": "issuer@example.org"});
        let body = serde_json::to_vec_pretty(&assertion).unwrap();
        server.serve("/assertions/7", 200, "application/ld+json", body.clone());
        server.serve(
            "/badges/7",
            200,
            "application/json",
            serde_json::to_vec(&badge).unwrap(),
        );
        server.serve(
            "/issuer",
            200,
            "application/json",
            serde_json::to_vec(&issuer).unwrap(),
        );
        body
    }

    #[test]
    fn url_import_with_consent_verifies_and_keeps_the_evidence() {
        use backpack_core::wallets::url::import_url;
        let server = Server::start();
        let served = serve_hosted(&server);
        let url = server.url("/assertions/7");
        let w = Wallet::open_in_memory().unwrap();
        let clock = SystemClock;
        // Network allowed (loopback too, as --allow-private-network does for tests).
        let http = HttpFetcher::new(true);
        let recipients = vec!["learner@example.org".to_string()];
        let ctx = VerifyContext::new(&clock, &http)
            .with_recipients(&recipients)
            .with_cache(&w);
        let o = import_url(&w, &url, &ctx);
        assert_eq!(o.source, url);
        let (id, name) = imported_name(&o);
        assert_eq!(name, "Hosted Robotics");
        assert_eq!(o.status, Some(Status::Verified), "{o:?}");
        assert_eq!(w.original(id).unwrap(), served, "the document as served");
        let report = w.latest_report(id).unwrap().unwrap();
        assert_eq!(report.status, Status::Verified);
        let fetched: Vec<&str> = report
            .report
            .fetches
            .iter()
            .map(|f| f.url.as_str())
            .collect();
        assert_eq!(
            fetched,
            [server.url("/assertions/7"), server.url("/issuer")]
        );
        // One request for the assertion: its hosted check reused the response.
        assert_eq!(server.hits("/assertions/7"), 1);
        // The verification's documents are in the wallet's evidence cache.
        for p in ["/assertions/7", "/issuer"] {
            let doc = DocumentCache::get(&w, &server.url(p));
            assert!(doc.is_some(), "{p} not cached");
        }
        // Again: a duplicate.
        let again = import_url(&w, &url, &ctx);
        assert!(matches!(again.result, FileResult::Duplicate { id: d, .. } if d == id));
    }

    #[test]
    fn url_import_without_consent_or_to_a_bad_place_says_why_and_writes_nothing() {
        use backpack_core::wallets::url::{credly_assertion, import_url};
        let server = Server::start();
        serve_hosted(&server);
        server.serve(
            "/page",
            200,
            "text/html; charset=utf-8",
            b"<!DOCTYPE html><p>badge</p>".to_vec(),
        );
        server.serve("/revoked", 410, "application/json", b"{}".to_vec());
        let w = Wallet::open_in_memory().unwrap();
        let clock = SystemClock;
        let url = server.url("/assertions/7");

        let offline = VerifyContext::new(&clock, &OfflineFetcher).with_cache(&w);
        let o = import_url(&w, &url, &offline);
        assert_eq!(
            reason(&o),
            format!(
                "{url}: not fetched: network access is not allowed. Allow it for this import with \
                 --allow-network, or turn on network access in the app's settings"
            )
        );
        assert_eq!(server.total.load(Ordering::SeqCst), 0, "no socket opened");
        // The same line in Spanish (import::Reason::localize: what the CLI and app show).
        let es = backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::Es);
        let backpack_core::import::FileResult::Refused { reason: line } = &o.result else {
            panic!("{o:?}")
        };
        assert_eq!(
            line.localize(es),
            format!(
                "{url}: no se descargó: el acceso a la red no está permitido. Permítelo para esta \
                 importación con --allow-network o activa el acceso a la red en los ajustes de la app"
            )
        );

        // Consent, but loopback addresses stay refused (the default policy).
        let public_only = HttpFetcher::new(false);
        let ctx = VerifyContext::new(&clock, &public_only);
        let r = reason(&import_url(&w, &url, &ctx)).to_string();
        assert!(
            r.starts_with(&format!("{url}: not fetched: refused to fetch {url}: 127.0.0.1 resolves to 127.0.0.1 (loopback, 127.0.0.0/8)")),
            "{r}"
        );
        assert_eq!(server.total.load(Ordering::SeqCst), 0);

        let http = HttpFetcher::new(true);
        let ctx = VerifyContext::new(&clock, &http);
        let page = server.url("/page");
        assert_eq!(
            reason(&import_url(&w, &page, &ctx)),
            format!(
                "{page}: the link leads to a web page, not to a badge: use the link of the \
                 badge's assertion or credential (its JSON), or download the badge and import the file"
            )
        );
        let gone = server.url("/revoked");
        assert_eq!(
            reason(&import_url(&w, &gone, &ctx)),
            format!(
                "{gone}: the issuer's server answers 410 gone: the badge was revoked or withdrawn"
            )
        );
        let missing = server.url("/nothing");
        assert_eq!(
            reason(&import_url(&w, &missing, &ctx)),
            format!("{missing}: the server answered http 404, not the badge")
        );
        let backpack_core::import::FileResult::Refused { reason: line } =
            import_url(&w, &missing, &ctx).result
        else {
            panic!("not refused")
        };
        assert_eq!(
            line.localize(es),
            format!("{missing}: el servidor respondió http 404, no con la insignia")
        );
        assert_eq!(
            reason(&import_url(&w, "ftp://example.org/badge", &ctx)),
            "ftp://example.org/badge: not an http(s) link to a badge"
        );
        assert_eq!(
            reason(&import_url(&w, "https://me:pw@example.org/b", &ctx)),
            "https://me:pw@example.org/b: a link with a user name or password in it is not fetched"
        );
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 0);

        let credly = reqwest_url(
            "https://www.credly.com/badges/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/public_url",
        );
        assert_eq!(
            credly_assertion(&credly).as_deref(),
            Some(
                "https://api.credly.com/v1/obi/v2/badge_assertions/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
            )
        );
        assert_eq!(
            credly_assertion(&reqwest_url("https://www.credly.com/badges/not-a-uuid")),
            None
        );
        assert_eq!(
            credly_assertion(&reqwest_url(
                "https://example.org/badges/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
            )),
            None
        );
    }

    fn reqwest_url(s: &str) -> reqwest::Url {
        reqwest::Url::parse(s).unwrap()
    }
}

/// The app's Cancel: an import in groups stops between two groups when the flag is set. Every
/// group stored before stays whole (one outcome per stored input, no more, no fewer), and the
/// inputs after it are neither read nor stored.
#[test]
fn cancel_stops_between_groups_and_keeps_what_was_stored() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let base: serde_json::Value =
        serde_json::from_slice(&fixture_bytes("1edtech-public-validator/ob30/simple.json"))
            .unwrap();
    for i in 0..200 {
        let mut doc = base.clone();
        doc["id"] = format!("urn:uuid:00000000-0000-4000-8000-{i:012}").into();
        std::fs::write(
            dir.path().join(format!("b{i:03}.json")),
            serde_json::to_vec(&doc).unwrap(),
        )
        .unwrap();
    }
    let w = Wallet::open_in_memory().unwrap();
    let cancel = AtomicBool::new(false);
    let opts = ImportOptions {
        verify: None,
        cancel: Some(&cancel),
        group: 20,
    };
    let mut calls = Vec::new();
    let out = import_paths(
        &w,
        &[dir.path().to_path_buf()],
        &opts,
        &mut |done, total| {
            calls.push((done, total));
            if done >= 40 {
                cancel.store(true, Ordering::SeqCst);
            }
        },
    );
    assert_eq!(calls[0], (0, 200));
    assert!(calls.iter().all(|&(_, t)| t == 200));
    assert!(out.len() >= 40 && out.len() < 200, "{} outcomes", out.len());
    assert_eq!(out.len() % 20, 0, "whole groups only");
    assert!(
        out.iter()
            .all(|o| matches!(o.result, FileResult::Imported { .. }))
    );
    assert_eq!(w.list_badges(&Query::default()).unwrap().len(), out.len());
    // Without the flag, the same call imports everything.
    let w2 = Wallet::open_in_memory().unwrap();
    let all = import_paths(
        &w2,
        &[dir.path().to_path_buf()],
        &ImportOptions::default(),
        &mut |_, _| {},
    );
    assert_eq!(all.len(), 200);
}
