//! The wallet file: opening twice, two handles at once, the default location.

use backpack_core::import::{FileResult, import_bytes};
use backpack_core::store::{Query, SCHEMA_VERSION, Wallet};

use crate::util::fixture_bytes;

#[test]
fn opening_a_wallet_twice_is_idempotent_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/wallet.db");
    let bytes = fixture_bytes("1edtech-public-validator/ob30/simple-json.png");
    let id = {
        let w = Wallet::open(&path).unwrap();
        match import_bytes(&w, &bytes, "x.png").result {
            FileResult::Imported { id, .. } => id,
            other => panic!("{other:?}"),
        }
    };
    for _ in 0..2 {
        let w = Wallet::open(&path).unwrap();
        assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(w.original(id).unwrap(), bytes);
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
    }
}

#[test]
fn two_handles_on_one_file_see_each_others_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    let a = Wallet::open(&path).unwrap();
    let b = Wallet::open(&path).unwrap();
    let o = import_bytes(&a, &fixture_bytes("bakery-python/baked_heart.png"), "h.png");
    assert!(o.is_ok(), "{o:?}");
    assert_eq!(b.count_badges(&Query::default()).unwrap(), 1);
    assert!(matches!(
        import_bytes(&b, &fixture_bytes("bakery-python/baked_heart.png"), "h.png").result,
        FileResult::Duplicate { .. }
    ));
}

#[test]
fn default_path_is_the_platform_data_dir() {
    let p = Wallet::default_path().unwrap();
    assert_eq!(p.file_name().unwrap(), "wallet.db");
    assert!(
        p.to_string_lossy().to_lowercase().contains("backpack"),
        "{}",
        p.display()
    );
}

// ── Issue 13: secrets at rest, file modes, two writers, damaged wallets ──────────────────────

mod secrets {
    use std::path::{Path, PathBuf};

    use backpack_core::backup::{self, KdfParams};
    use backpack_core::learner_key::{
        KeyFile, KeyMigration, LearnerKey, LearnerSecret, MemoryVault, PassphraseUse, SecretVault,
        VaultKind, migrate_plaintext_key, wallet_learner_key,
    };
    use backpack_core::store::{MIGRATIONS, Wallet, sidecar};
    use zeroize::Zeroizing;

    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        time_cost: 1,
        parallelism: 1,
    };

    fn pass(_: PassphraseUse) -> Option<Zeroizing<String>> {
        Some(Zeroizing::new("key file words".into()))
    }

    fn no_pass(_: PassphraseUse) -> Option<Zeroizing<String>> {
        None
    }

    /// Every file of the wallet: the database, its WAL and shared memory, its key file.
    fn files(wallet: &Path) -> Vec<PathBuf> {
        [
            wallet.to_path_buf(),
            sidecar(wallet, "-wal"),
            sidecar(wallet, "-shm"),
            KeyFile::path_for(wallet),
        ]
        .into_iter()
        .filter(|p| p.exists())
        .collect()
    }

    /// Does `needle` appear in any of the wallet's files?
    fn found_in_files(wallet: &Path, needle: &[u8]) -> Vec<PathBuf> {
        files(wallet)
            .into_iter()
            .filter(|p| {
                std::fs::read(p)
                    .unwrap()
                    .windows(needle.len())
                    .any(|w| w == needle)
            })
            .collect()
    }

    /// A wallet as schema 2 wrote it, with its secret in plaintext in `learner_keys.secret`.
    fn legacy_wallet(path: &Path, seed: &[u8; 32]) -> String {
        let key = LearnerKey::new(LearnerSecret::from_bytes(seed));
        let c = rusqlite::Connection::open(path).unwrap();
        c.execute_batch("PRAGMA journal_mode = WAL").unwrap();
        for (_, m) in &MIGRATIONS[..2] {
            c.execute_batch(m).unwrap();
        }
        c.execute_batch("PRAGMA user_version = 2").unwrap();
        c.execute(
            "INSERT INTO learner_keys (algorithm, public_key, secret, did, created_at)
             VALUES ('Ed25519', ?1, ?2, ?3, '2025-01-01T00:00:00Z')",
            rusqlite::params![&key.public()[..], &seed[..], key.did()],
        )
        .unwrap();
        // Some churn so the secret's page is also in the WAL, as in a real wallet.
        for i in 0..50 {
            c.execute(
                "INSERT INTO settings (key, value) VALUES (?1, 'x')",
                [format!("k{i}")],
            )
            .unwrap();
        }
        key.did().to_string()
    }

    #[test]
    fn migration_moves_the_secret_out_and_leaves_no_byte_of_it_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wallet.db");
        let seed = [0xA7u8; 32];
        let did = legacy_wallet(&path, &seed);
        assert_eq!(found_in_files(&path, &seed), vec![path.clone()], "setup");

        let w = Wallet::open(&path).unwrap();
        // No store takes it (no keyring offered, no passphrase): it stays, and says why.
        let nothing = KeyFile::beside(&path, &no_pass, FAST);
        let m = migrate_plaintext_key(&w, &[&nothing]).unwrap();
        assert!(
            matches!(&m, KeyMigration::Pending(why) if why.english().contains("needs its passphrase")),
            "{m:?}"
        );
        // The key file takes it.
        let file = KeyFile::beside(&path, &pass, FAST);
        let m = migrate_plaintext_key(&w, &[&file]).unwrap();
        assert_eq!(m, KeyMigration::Moved(VaultKind::KeyFile));
        // Once.
        assert_eq!(
            migrate_plaintext_key(&w, &[&file]).unwrap(),
            KeyMigration::Nothing
        );
        let rec = w.learner_key().unwrap().unwrap();
        assert!(rec.secret.is_empty());
        assert_eq!(rec.secret_store.as_deref(), Some("key-file"));
        // The same key, from the file.
        let key = wallet_learner_key(&w, &[&file]).unwrap();
        assert_eq!(key.did(), did);
        assert_eq!(&key.secret().to_bytes()[..], &seed[..]);
        // Not one copy of the secret in the wallet, its WAL, or (in clear) the key file.
        assert_eq!(found_in_files(&path, &seed), Vec::<PathBuf>::new());
        drop(w);
        assert_eq!(found_in_files(&path, &seed), Vec::<PathBuf>::new());
        // A wrong passphrase is one clear error.
        let wrong = |_: PassphraseUse| Some(Zeroizing::new("not it".to_string()));
        let bad = KeyFile::beside(&path, &wrong, FAST);
        let w = Wallet::open(&path).unwrap();
        let e = wallet_learner_key(&w, &[&bad]).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{}: wrong passphrase for the key file",
                KeyFile::path_for(&path).display()
            )
        );
    }

    #[test]
    fn a_new_key_never_touches_the_database_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wallet.db");
        let w = Wallet::open(&path).unwrap();
        let file = KeyFile::beside(&path, &pass, FAST);
        let key = wallet_learner_key(&w, &[&file]).unwrap();
        let seed = key.secret().to_bytes();
        w.checkpoint().unwrap();
        assert_eq!(found_in_files(&path, &seed[..]), Vec::<PathBuf>::new());
        assert!(KeyFile::path_for(&path).exists());
        assert_eq!(
            w.learner_key().unwrap().unwrap().secret_store.as_deref(),
            Some("key-file")
        );
        // The first store that works wins, in order; one that fails is skipped.
        let dir2 = tempfile::tempdir().unwrap();
        let p2 = dir2.path().join("w.db");
        let w2 = Wallet::open(&p2).unwrap();
        let broken = KeyFile::beside(&p2, &no_pass, FAST);
        let mem = MemoryVault::default();
        let k2 = wallet_learner_key(&w2, &[&broken, &mem]).unwrap();
        assert!(mem.load(k2.did()).unwrap().is_some());
        // No store at all: a clear error, and no key is recorded.
        let w3 = Wallet::open_in_memory().unwrap();
        let e = wallet_learner_key(&w3, &[&broken]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("no safe place to keep your signing key: "),
            "{e}"
        );
        assert!(w3.learner_key().unwrap().is_none());
    }

    #[test]
    fn a_backup_carries_the_key_encrypted_and_restore_puts_it_in_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wallet.db");
        let w = Wallet::open(&path).unwrap();
        let mem = MemoryVault::default();
        let key = wallet_learner_key(&w, &[&mem]).unwrap();
        let seed = key.secret().to_bytes();
        let bak = dir.path().join("b.backup");
        backup::backup_open_wallet(&w, &bak, "backup words", FAST, Some(&key)).unwrap();
        let file = std::fs::read(&bak).unwrap();
        assert!(!file.windows(32).any(|x| x == &seed[..]), "encrypted");
        // Restored elsewhere: the key goes into the (new) key file, not the database.
        let dest = dir.path().join("elsewhere/wallet.db");
        let kf = KeyFile::beside(&dest, &pass, FAST);
        backup::restore_wallet_with_keys(
            &file,
            "backup words",
            &dest,
            false,
            &[&kf],
            None,
            &mut rand_core::OsRng,
        )
        .unwrap();
        assert_eq!(found_in_files(&dest, &seed[..]), Vec::<PathBuf>::new());
        let r = Wallet::open(&dest).unwrap();
        let again = wallet_learner_key(&r, &[&kf]).unwrap();
        assert_eq!(again.did(), key.did());
        // Without a store the restore is refused, and nothing is written.
        let dest2 = dir.path().join("third/wallet.db");
        let e = backup::restore_wallet(&file, "backup words", &dest2, false, &mut rand_core::OsRng)
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the backup holds your signing key, but it cannot be kept safely"),
            "{e}"
        );
        assert!(!dest2.exists());
    }

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn wallet_files_key_file_backups_and_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/folder/wallet.db");
        let w = Wallet::open(&path).unwrap();
        w.set_setting("theme", "dark").unwrap();
        let file = KeyFile::beside(&path, &pass, FAST);
        let key = wallet_learner_key(&w, &[&file]).unwrap();
        assert_eq!(mode(&dir.path().join("new")), 0o700);
        assert_eq!(mode(&dir.path().join("new/folder")), 0o700);
        for p in files(&path) {
            assert_eq!(mode(&p), 0o600, "{}", p.display());
        }
        assert_eq!(files(&path).len(), 4, "db, wal, shm, key");
        let bak = dir.path().join("b.backup");
        backup::backup_open_wallet(&w, &bak, "pw", FAST, Some(&key)).unwrap();
        assert_eq!(mode(&bak), 0o600);
        drop(w);
        // An old wallet left 0644 (and its WAL) is tightened on open.
        let old = dir.path().join("old.db");
        drop(Wallet::open(&old).unwrap());
        for p in [old.clone(), sidecar(&old, "-wal")] {
            if p.exists() {
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
            }
        }
        let w = Wallet::open(&old).unwrap();
        w.set_setting("x", "y").unwrap();
        for p in [old.clone(), sidecar(&old, "-wal"), sidecar(&old, "-shm")] {
            assert_eq!(mode(&p), 0o600, "{}", p.display());
        }
        // A restore writes its temp file and the wallet 0600.
        let dest = dir.path().join("r/wallet.db");
        let kf = KeyFile::beside(&dest, &pass, FAST);
        backup::restore_wallet_with_keys(
            &std::fs::read(&bak).unwrap(),
            "pw",
            &dest,
            false,
            &[&kf],
            None,
            &mut rand_core::OsRng,
        )
        .unwrap();
        assert_eq!(mode(&dest), 0o600);
        assert_eq!(mode(&KeyFile::path_for(&dest)), 0o600);
        assert_eq!(mode(&dir.path().join("r")), 0o700);
    }
}

mod damaged {
    use backpack_core::store::{SCHEMA_VERSION, StoreError, Wallet};

    #[test]
    fn a_damaged_file_or_another_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        // Not a database at all, a truncated header, a wallet whose pages are garbage.
        let good = dir.path().join("good.db");
        {
            let w = Wallet::open(&good).unwrap();
            w.set_setting("theme", "dark").unwrap();
            w.checkpoint().unwrap();
        }
        let mut bad_pages = std::fs::read(&good).unwrap();
        for b in bad_pages.iter_mut().skip(100) {
            *b = 0xEE;
        }
        let cases: [(&str, Vec<u8>); 3] = [
            ("text.db", b"hello, this is not a wallet at all".repeat(40)),
            ("cut.db", std::fs::read(&good).unwrap()[..50].to_vec()),
            ("pages.db", bad_pages),
        ];
        for (name, bytes) in cases {
            let p = dir.path().join(name);
            std::fs::write(&p, &bytes).unwrap();
            let e = Wallet::open(&p).unwrap_err();
            assert!(matches!(e, StoreError::Damaged { .. }), "{name}: {e:?}");
            assert!(
                e.to_string().starts_with(&format!(
                    "{} is damaged or is not a backpack wallet (",
                    p.display()
                )),
                "{name}: {e}"
            );
            assert!(
                e.to_string()
                    .ends_with("it was left as it is: restore a backup to go on")
            );
            assert_eq!(std::fs::read(&p).unwrap(), bytes, "{name} was changed");
        }
        // Another program's database is not adopted.
        let other = dir.path().join("other.db");
        {
            let c = rusqlite::Connection::open(&other).unwrap();
            c.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');")
                .unwrap();
        }
        let before = std::fs::read(&other).unwrap();
        let e = Wallet::open(&other).unwrap_err();
        assert!(matches!(e, StoreError::NotAWallet(_)), "{e:?}");
        assert_eq!(std::fs::read(&other).unwrap(), before);
        // A newer schema: refused before anything is written (not even the WAL switch).
        let newer = dir.path().join("newer.db");
        {
            let c = rusqlite::Connection::open(&newer).unwrap();
            c.execute_batch(&format!(
                "CREATE TABLE badges (id INTEGER); PRAGMA user_version = {};",
                SCHEMA_VERSION + 7
            ))
            .unwrap();
        }
        let before = std::fs::read(&newer).unwrap();
        let e = Wallet::open(&newer).unwrap_err();
        assert!(matches!(e, StoreError::TooNew { .. }), "{e:?}");
        assert!(e.to_string().contains("restore a backup"), "{e}");
        assert_eq!(std::fs::read(&newer).unwrap(), before);
    }
}

mod two_writers {
    use std::sync::atomic::{AtomicBool, Ordering};

    use backpack_core::env::{FixedClock, OfflineFetcher};
    use backpack_core::import::{ImportOptions, import_paths};
    use backpack_core::store::{Query, Wallet};
    use backpack_core::verify::{VerifyContext, verify_bytes};

    const TEMPLATE: &str = include_str!("fixtures/1edtech-public-validator/ob30/simple.json");

    /// One process imports a folder (batches of 256) while another keeps re-checking and
    /// annotating the same wallet: nobody sees "database is locked", nothing is lost.
    #[test]
    fn import_and_recheck_at_once_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir(&input).unwrap();
        let template: serde_json::Value = serde_json::from_str(TEMPLATE).unwrap();
        let n = 700;
        for i in 0..n {
            let mut c = template.clone();
            c["id"] = format!("urn:uuid:00000000-0000-4000-8000-{i:012}").into();
            c["name"] = format!("Badge {i}").into();
            std::fs::write(input.join(format!("b{i:04}.json")), c.to_string()).unwrap();
        }
        let path = dir.path().join("wallet.db");
        // The app's wallet, open first, with one badge already there.
        let app = Wallet::open(&path).unwrap();
        let first = backpack_core::import::import_bytes(&app, TEMPLATE.as_bytes(), "first.json");
        assert!(first.is_ok(), "{first:?}");
        let clock = FixedClock(chrono::Utc::now());
        let report = verify_bytes(
            TEMPLATE.as_bytes(),
            &VerifyContext::new(&clock, &OfflineFetcher),
        );
        let done = AtomicBool::new(false);
        let (outcomes, rechecks) = std::thread::scope(|s| {
            let importer = s.spawn(|| {
                let cli = Wallet::open(&path).unwrap();
                let out = import_paths(
                    &cli,
                    std::slice::from_ref(&input),
                    &ImportOptions::default(),
                    &mut |_, _| {},
                );
                done.store(true, Ordering::SeqCst);
                out
            });
            let mut rechecks = 0usize;
            while !done.load(Ordering::SeqCst) || rechecks < 20 {
                for id in app.badge_ids().unwrap() {
                    app.save_report(id, &report)
                        .unwrap_or_else(|e| panic!("recheck of #{id}: {e}"));
                    app.set_badge_note(id, Some("checked")).unwrap();
                    rechecks += 1;
                }
            }
            (importer.join().unwrap(), rechecks)
        });
        let failed: Vec<_> = outcomes.iter().filter(|o| !o.is_ok()).collect();
        assert!(failed.is_empty(), "{failed:?}");
        assert_eq!(outcomes.len(), n);
        assert!(
            rechecks > n / 10,
            "the re-checker ran alongside ({rechecks})"
        );
        let w = Wallet::open(&path).unwrap();
        assert_eq!(w.count_badges(&Query::default()).unwrap(), n as u64 + 1);
    }
}

mod encryption {
    use backpack_core::backup::{self, KdfParams};
    use backpack_core::import::{FileResult, import_bytes};
    use backpack_core::learner_key::{MemoryVault, wallet_learner_key};
    use backpack_core::store::{Query, SCHEMA_VERSION, StoreError, Wallet, looks_encrypted};

    use crate::util::fixture_bytes;

    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        time_cost: 1,
        parallelism: 1,
    };

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn an_encrypted_wallet_opens_only_with_its_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wallet.db");
        let png = fixture_bytes("1edtech-public-validator/ob30/simple-json.png");
        let id = {
            let w = Wallet::open_with(&path, Some("correct horse")).unwrap();
            assert!(w.is_encrypted());
            let id = match import_bytes(&w, &png, "x.png").result {
                FileResult::Imported { id, .. } => id,
                o => panic!("{o:?}"),
            };
            w.set_setting("theme", "dark").unwrap();
            w.checkpoint().unwrap();
            id
        };
        // Nothing readable in the file: no header, no badge name, no original bytes.
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.starts_with(b"SQLite format 3\0"));
        assert!(!contains(&bytes, b"Teamwork"));
        assert!(!contains(&bytes, &png[..64]));
        assert!(looks_encrypted(&path));
        // Without the passphrase, with a wrong one: one clear error each, file untouched.
        let e = Wallet::open(&path).unwrap_err();
        assert!(matches!(e, StoreError::NeedsPassphrase(_)), "{e:?}");
        assert_eq!(
            e.to_string(),
            format!(
                "{} is encrypted (or damaged): it needs the wallet passphrase (set BACKPACK_WALLET_PASSPHRASE, or run in a terminal to be asked)",
                path.display()
            )
        );
        let e = Wallet::open_with(&path, Some("wrong horse")).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "wrong wallet passphrase for {} (or the file is damaged); it was left as it is",
                path.display()
            )
        );
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        let w = Wallet::open_with(&path, Some("correct horse")).unwrap();
        assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(w.original(id).unwrap(), png);
        // Search (FTS5) works on the encrypted wallet.
        let q = Query {
            text: Some("teamwork".into()),
            ..Query::default()
        };
        assert_eq!(w.count_badges(&q).unwrap(), 1);
        // A plain wallet is not opened with a passphrase by mistake.
        let plain = dir.path().join("plain.db");
        drop(Wallet::open(&plain).unwrap());
        let e = Wallet::open_with(&plain, Some("x")).unwrap_err();
        assert!(e.to_string().contains("is not encrypted"), "{e}");
    }

    #[test]
    fn encrypt_in_place_backup_and_restore_keep_everything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wallet.db");
        let png = fixture_bytes("1edtech-public-validator/ob30/simple-json.png");
        let vault = MemoryVault::default();
        let did = {
            let w = Wallet::open(&path).unwrap();
            assert!(import_bytes(&w, &png, "x.png").is_ok());
            w.create_collection("Jobs", None).unwrap();
            wallet_learner_key(&w, &[&vault]).unwrap().did().to_string()
        };
        Wallet::change_encryption(&path, None, Some("pass one")).unwrap();
        assert!(looks_encrypted(&path));
        assert!(!contains(&std::fs::read(&path).unwrap(), b"Teamwork"));
        let w = Wallet::open_with(&path, Some("pass one")).unwrap();
        assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
        assert_eq!(w.collections().unwrap().len(), 1);
        let key = wallet_learner_key(&w, &[&vault]).unwrap();
        assert_eq!(key.did(), did);
        // A backup of the encrypted wallet restores into a new encrypted wallet.
        let bak = dir.path().join("b.backup");
        backup::backup_open_wallet(&w, &bak, "backup words", FAST, Some(&key)).unwrap();
        drop(w);
        let dest = dir.path().join("r/wallet.db");
        let v2 = MemoryVault::default();
        backup::restore_wallet_with_keys(
            &std::fs::read(&bak).unwrap(),
            "backup words",
            &dest,
            false,
            &[&v2],
            Some("pass two"),
            &mut rand_core::OsRng,
        )
        .unwrap();
        assert!(looks_encrypted(&dest));
        let r = Wallet::open_with(&dest, Some("pass two")).unwrap();
        assert_eq!(r.original(1).unwrap(), png);
        assert_eq!(wallet_learner_key(&r, &[&v2]).unwrap().did(), did);
        drop(r);
        // Back to plain.
        Wallet::change_encryption(&path, Some("pass one"), None).unwrap();
        assert!(!looks_encrypted(&path));
        let w = Wallet::open(&path).unwrap();
        assert_eq!(w.original(1).unwrap(), png);
        // A wrong current passphrase changes nothing.
        drop(w);
        let before = std::fs::read(&path).unwrap();
        Wallet::change_encryption(&path, None, Some("p")).unwrap();
        let e = Wallet::change_encryption(&path, Some("nope"), None).unwrap_err();
        assert!(matches!(e, StoreError::WrongPassphrase(_)), "{e:?}");
        assert_ne!(std::fs::read(&path).unwrap(), before);
        assert!(Wallet::open_with(&path, Some("p")).is_ok());
    }
}

/// The real OS credential store. Runs only where one is reachable and the run asks for it
/// (`BACKPACK_TEST_SECRET_SERVICE=1`), so a developer's own keyring is never written by the
/// default suite. On Debian, with a throw-away keyring:
///
/// ```sh
/// apt-get install gnome-keyring dbus
/// T=$(mktemp -d); XDG_DATA_HOME=$T XDG_RUNTIME_DIR=$T dbus-run-session -- sh -c \
///   'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
///    BACKPACK_TEST_SECRET_SERVICE=1 cargo nextest run -p backpack-core -E "test(secret_service)"'
/// ```
mod secret_service {
    use backpack_core::learner_key::{
        KeyMigration, LearnerKey, LearnerSecret, OsKeyring, SecretVault, VaultKind,
        migrate_plaintext_key, wallet_learner_key,
    };
    use backpack_core::store::{MIGRATIONS, Wallet, sidecar};

    #[test]
    fn os_keyring_keeps_the_key_and_the_wallet_file_never_sees_it() {
        if std::env::var("BACKPACK_TEST_SECRET_SERVICE").as_deref() != Ok("1") {
            eprintln!("skipped: set BACKPACK_TEST_SECRET_SERVICE=1 with a Secret Service running");
            return;
        }
        let os = OsKeyring::new();
        // Round trip through the real store.
        let seed = [0x3Cu8; 32];
        let did = LearnerKey::new(LearnerSecret::from_bytes(&seed))
            .did()
            .to_string();
        os.store(&did, &seed).unwrap();
        assert_eq!(&os.load(&did).unwrap().unwrap()[..], &seed[..]);
        assert!(os.load("did:key:z6MkNotThere").unwrap().is_none());

        // A new key goes to the keyring; the wallet records where.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wallet.db");
        let w = Wallet::open(&path).unwrap();
        let key = wallet_learner_key(&w, &[&os]).unwrap();
        let rec = w.learner_key().unwrap().unwrap();
        assert_eq!(rec.secret_store.as_deref(), Some("os-keyring"));
        let secret = key.secret().to_bytes();
        w.checkpoint().unwrap();
        for p in [path.clone(), sidecar(&path, "-wal")] {
            if let Ok(b) = std::fs::read(&p) {
                assert!(!b.windows(32).any(|x| x == &secret[..]), "{}", p.display());
            }
        }
        assert_eq!(wallet_learner_key(&w, &[&os]).unwrap().did(), key.did());

        // An old wallet's plaintext key moves into the keyring on open.
        let old = dir.path().join("old.db");
        let seed2 = [0x4Du8; 32];
        let k2 = LearnerKey::new(LearnerSecret::from_bytes(&seed2));
        {
            let c = rusqlite::Connection::open(&old).unwrap();
            for (_, m) in &MIGRATIONS[..2] {
                c.execute_batch(m).unwrap();
            }
            c.execute_batch("PRAGMA user_version = 2").unwrap();
            c.execute(
                "INSERT INTO learner_keys (algorithm, public_key, secret, did, created_at)
                 VALUES ('Ed25519', ?1, ?2, ?3, '2025-01-01T00:00:00Z')",
                rusqlite::params![&k2.public()[..], &seed2[..], k2.did()],
            )
            .unwrap();
        }
        let w2 = Wallet::open(&old).unwrap();
        assert_eq!(
            migrate_plaintext_key(&w2, &[&os]).unwrap(),
            KeyMigration::Moved(VaultKind::OsKeyring)
        );
        assert_eq!(&os.load(k2.did()).unwrap().unwrap()[..], &seed2[..]);
        let b = std::fs::read(&old).unwrap();
        assert!(!b.windows(32).any(|x| x == seed2));
    }
}
