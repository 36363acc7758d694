//! Issue 13 through the `backpack` binary: minor mode blocks every outward path, a damaged or
//! newer wallet file opens to one message naming `backpack restore`, the learner key leaves an
//! old wallet file on open, and two processes share one wallet without "database is locked".

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use common::{Env, fixture};

const GUARDIAN: &str = "guardian words";

/// A temp wallet whose backups use one passphrase and whose key file another.
fn new_env() -> Env {
    Env::new().with_vars(&[
        ("BACKPACK_PASSPHRASE", "backup words"),
        ("BACKPACK_KEY_PASSPHRASE", "key words"),
    ])
}

/// Run `q` on the wallet file directly (a tamperer with the file, or an older Backpack).
fn sql(env: &Env, q: &str) -> rusqlite::Result<usize> {
    rusqlite::Connection::open(&env.wallet)?.execute(q, [])
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "{}", err(o));
}

/// Refused by minor mode: exit 2, the one line naming what was refused, nothing written.
fn locked(o: &Output, what: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", err(o));
    assert!(
        err(o).contains(&format!(
            "minor mode is on: {what} needs the guardian passphrase (a guardian can type it when asked, or set BACKPACK_GUARDIAN_PASSPHRASE)"
        )),
        "{}",
        err(o)
    );
    assert!(
        o.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn minor_mode_blocks_every_outward_path() {
    let env = new_env();
    // A did:key issuer's badge: verified offline, so every allowed path exits 0.
    let badge = fixture("dcc-verifier-core/v2OBv3SpecExample.json");
    let b = badge.to_str().unwrap();
    ok(&env.run(&["import", b]));
    ok(&env.run(&["collection", "create", "Jobs"]));
    ok(&env.run(&["collection", "add", "Jobs", "1"]));
    let bak = env.path("before.backup");
    ok(&env.run(&["backup", bak.to_str().unwrap()]));

    let g = [("BACKPACK_GUARDIAN_PASSPHRASE", GUARDIAN)];
    let short = env.run_with(
        &["minor-mode", "on"],
        &[("BACKPACK_GUARDIAN_PASSPHRASE", "abc")],
    );
    assert_eq!(short.status.code(), Some(2));
    assert!(err(&short).contains("the guardian passphrase needs at least 6 characters"));
    ok(&env.run_with(&["minor-mode", "on"], &g));
    assert_eq!(
        String::from_utf8_lossy(&env.run(&["minor-mode", "status"]).stdout),
        "minor mode is on\n"
    );

    // Every outward path, without the passphrase.
    locked(
        &env.run(&["show", "1", "--original"]),
        "saving a badge's original file",
    );
    let out = env.path("out.backup");
    locked(&env.run(&["backup", out.to_str().unwrap()]), "a backup");
    assert!(!out.exists());
    for fmt in ["html", "zip", "vp", "pdf"] {
        let o = env.path(&format!("p.{fmt}"));
        locked(
            &env.run(&["export", "Jobs", "--format", fmt, "-o", o.to_str().unwrap()]),
            "exporting",
        );
        assert!(!o.exists());
    }
    locked(
        &env.run(&["import", "--allow-network", b]),
        "network access",
    );
    locked(
        &env.run(&["import", "--allow-private-network", b]),
        "network access",
    );
    locked(
        &env.run(&["recheck", "--all", "--allow-network"]),
        "network access",
    );
    locked(
        &env.run(&["verify", "--allow-network", b]),
        "network access",
    );
    locked(
        &env.run(&["verify-share", "--allow-network", b]),
        "network access",
    );
    locked(
        &env.run(&["restore", "--force", bak.to_str().unwrap()]),
        "restoring a backup over this wallet",
    );
    // The network setting turned on behind its back is ignored: offline, with a note.
    sql(
        &env,
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('network_allowed', 'true')",
    )
    .unwrap();
    let o = env.run(&["recheck", "--all"]);
    ok(&o);
    assert!(
        err(&o).contains("minor mode is on: checking offline"),
        "{}",
        err(&o)
    );

    // One SQL statement does not turn it off: the old settings row means nothing, and the
    // record refuses DELETE and UPDATE.
    sql(
        &env,
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('minor_mode', 'false')",
    )
    .unwrap();
    assert!(sql(&env, "DELETE FROM minor_mode").is_err());
    assert!(sql(&env, "UPDATE minor_mode SET record = x'00'").is_err());
    locked(
        &env.run(&["show", "1", "--original"]),
        "saving a badge's original file",
    );

    // A wrong passphrase is one clear error; the right one lets the guardian through.
    let o = env.run_with(
        &["show", "1", "--original"],
        &[("BACKPACK_GUARDIAN_PASSPHRASE", "guess words")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("that is not the guardian passphrase"),
        "{}",
        err(&o)
    );
    let o = env.run_with(&["show", "1", "--original"], &g);
    ok(&o);
    assert_eq!(o.stdout, std::fs::read(&badge).unwrap());
    ok(&env.run_with(&["backup", out.to_str().unwrap()], &g));
    // export's own flag still works.
    let p = env.path("p.html");
    ok(&env.run(&[
        "export",
        "Jobs",
        "--format",
        "html",
        "-o",
        p.to_str().unwrap(),
        "--guardian-passphrase",
        GUARDIAN,
    ]));

    // Off needs the passphrase; then everything is open again.
    let o = env.run_with(
        &["minor-mode", "off"],
        &[("BACKPACK_GUARDIAN_PASSPHRASE", "guess words")],
    );
    assert_eq!(o.status.code(), Some(2));
    ok(&env.run_with(&["minor-mode", "off"], &g));
    ok(&env.run(&["show", "1", "--original"]));
}

#[test]
fn a_damaged_or_newer_wallet_names_backpack_restore_and_is_not_touched() {
    let env = new_env();
    ok(&env.run(&[
        "import",
        fixture("1edtech-public-validator/ob30/simple.json")
            .to_str()
            .unwrap(),
    ]));
    let bak = env.path("good.backup");
    ok(&env.run(&["backup", bak.to_str().unwrap()]));
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", env.wallet.display()));
    }

    let garbage = b"this was a wallet until the disk failed\n".repeat(200);
    std::fs::write(&env.wallet, &garbage).unwrap();
    for args in [&["list"][..], &["show", "1"], &["import", "-"]] {
        let o = env.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = err(&o);
        assert!(
            e.contains(&format!(
                "{} is damaged or is not a backpack wallet",
                env.wallet.display()
            )),
            "{e}"
        );
        assert!(
            e.contains(&format!(
                "to restore a backup: backpack --wallet {} restore BACKUP-FILE --force",
                env.wallet.display()
            )),
            "{e}"
        );
        assert!(!e.contains("panicked"), "{e}");
        assert_eq!(
            std::fs::read(&env.wallet).unwrap(),
            garbage,
            "never overwritten"
        );
    }
    // Without --force the damaged file is not replaced; with it, it is kept aside.
    let o = env.run(&["restore", bak.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("restore with --force"), "{}", err(&o));
    let o = env.run(&["restore", "--force", bak.to_str().unwrap()]);
    ok(&o);
    let aside = format!("{}.before-restore", env.wallet.display());
    assert_eq!(std::fs::read(&aside).unwrap(), garbage);
    ok(&env.run(&["show", "1"]));

    // A wallet from a newer Backpack.
    sql(&env, "PRAGMA user_version = 999").ok();
    rusqlite::Connection::open(&env.wallet)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();
    let o = env.run(&["list"]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.contains("this wallet has schema version 999 but this backpack knows only up to"),
        "{e}"
    );
    assert!(e.contains("backpack --wallet"), "{e}");
    assert!(e.contains("restore BACKUP-FILE --force"), "{e}");
}

#[test]
fn an_old_wallet_gives_up_its_plaintext_key_on_open() {
    use backpack_core::learner_key::{LearnerKey, LearnerSecret};
    let env = new_env();
    std::fs::create_dir_all(env.wallet.parent().unwrap()).unwrap();
    let seed = [0x5Au8; 32];
    let key = LearnerKey::new(LearnerSecret::from_bytes(&seed));
    {
        let c = rusqlite::Connection::open(&env.wallet).unwrap();
        for (_, m) in &backpack_core::store::MIGRATIONS[..2] {
            c.execute_batch(m).unwrap();
        }
        c.execute_batch("PRAGMA user_version = 2").unwrap();
        c.execute(
            "INSERT INTO learner_keys (algorithm, public_key, secret, did, created_at)
             VALUES ('Ed25519', ?1, ?2, ?3, '2025-01-01T00:00:00Z')",
            rusqlite::params![&key.public()[..], &seed[..], key.did()],
        )
        .unwrap();
    }
    let has_seed = |p: &Path| {
        std::fs::read(p)
            .map(|b| b.windows(32).any(|w| w == seed))
            .unwrap_or(false)
    };
    assert!(has_seed(&env.wallet));
    // No passphrase for a key file and no keyring: it stays, with a warning, and list works.
    let o = env.run_with(&["list"], &[("BACKPACK_KEY_PASSPHRASE", "")]);
    ok(&o);
    assert!(
        err(&o).contains("warning: your signing key is still inside the wallet file"),
        "{}",
        err(&o)
    );
    let o = env.run(&["list"]);
    ok(&o);
    assert!(
        err(&o).contains(
            "moved your signing key out of the wallet file into the encrypted key file beside the wallet"
        ),
        "{}",
        err(&o)
    );
    let keyfile = PathBuf::from(format!("{}.key", env.wallet.display()));
    for p in [
        env.wallet.clone(),
        PathBuf::from(format!("{}-wal", env.wallet.display())),
        keyfile.clone(),
    ] {
        assert!(!has_seed(&p), "the secret is still in {}", p.display());
    }
    // Once: the next run says nothing, and the key signs as the same DID.
    let o = env.run(&["list"]);
    assert!(!err(&o).contains("signing key"), "{}", err(&o));
    let o = env.run_with(&["list"], &[("BACKPACK_KEY_PASSPHRASE", "wrong words")]);
    ok(&o);
    let rec_did: String = rusqlite::Connection::open(&env.wallet)
        .unwrap()
        .query_row("SELECT did FROM learner_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rec_did, key.did());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let m = std::fs::metadata(&keyfile).unwrap().permissions().mode() & 0o777;
        assert_eq!(m, 0o600);
        let m = std::fs::metadata(&env.wallet).unwrap().permissions().mode() & 0o777;
        assert_eq!(m, 0o600);
    }
}

/// A ZIP that lies about its sizes: three good badges first (by name), then 129 entries that
/// each say 100 bytes and inflate to 16 MiB (MAX_ZIP_ENTRY_BYTES): 2064 MiB in all, past the
/// 2 GiB budget (MAX_ZIP_TOTAL_BYTES), from a file of about 2 MB.
fn lying_zip() -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, rel) in [
        ("a.json", "1edtech-public-validator/ob30/simple.json"),
        ("b.png", "bakery-python/baked_heart.png"),
        (
            "c.json",
            "1edtech-public-validator/ob20/basic-assertion.json",
        ),
    ] {
        z.start_file(name, o).unwrap();
        z.write_all(&std::fs::read(fixture(rel)).unwrap()).unwrap();
    }
    let bombs: Vec<String> = (0..129).map(|i| format!("zz-{i:03}.json")).collect();
    z.start_file(bombs[0].as_str(), o).unwrap();
    z.write_all(&vec![b' '; 16 << 20]).unwrap();
    for b in &bombs[1..] {
        z.deep_copy_file(&bombs[0], b).unwrap();
    }
    let mut bytes = z.finish().unwrap().into_inner();
    // Each bomb's central-directory entry says 100 bytes (its data unchanged).
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let h = at + i;
        let len = u16::from_le_bytes([bytes[h + 28], bytes[h + 29]]) as usize;
        if bytes[h + 46..h + 46 + len].starts_with(b"zz-") {
            bytes[h + 24..h + 28].copy_from_slice(&100u32.to_le_bytes());
        }
        at = h + 4;
    }
    bytes
}

/// A ZIP that expands past the budget is refused whole: one line naming it, exit 1, and none of
/// its badges (not even the three read before the budget ran out) in the wallet.
#[test]
fn a_zip_that_lies_about_its_sizes_is_refused_whole_and_stores_nothing() {
    let env = new_env();
    let zip = env.path("badges.zip");
    std::fs::write(&zip, lying_zip()).unwrap();
    let o = env.run(&["import", zip.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!(
            "refused    {}: the zip archive expands to more than 2048 MiB \
             (MAX_ZIP_TOTAL_BYTES); nothing of it was imported\n\
             0 imported, 0 already in your wallet, 1 refused\n",
            zip.display()
        )
    );
    assert_eq!(err(&o), "");
    let list = env.run(&["list", "--json"]);
    ok(&list);
    assert_eq!(String::from_utf8_lossy(&list.stdout).trim(), "[]");
}

#[test]
fn two_processes_import_and_recheck_one_wallet() {
    let env = new_env();
    let input = env.path("in");
    std::fs::create_dir(&input).unwrap();
    let template: serde_json::Value = serde_json::from_slice(
        &std::fs::read(fixture("dcc-verifier-core/v2OBv3SpecExample.json")).unwrap(),
    )
    .unwrap();
    let n = 600;
    for i in 0..n {
        let mut c = template.clone();
        c["id"] = format!("urn:uuid:00000000-0000-4000-8000-{i:012}").into();
        c["name"] = format!("Badge {i}").into();
        std::fs::write(input.join(format!("b{i:04}.json")), c.to_string()).unwrap();
    }
    // The "app" side: one badge there, re-checked over and over by other processes.
    ok(&env.run(&[
        "import",
        fixture("generated/did-key-vc.jwt").to_str().unwrap(),
    ]));
    let mut importer = env
        .cmd(&["import", "--no-verify", input.to_str().unwrap()], &[])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut rechecks = Vec::new();
    loop {
        rechecks.push(env.run(&["recheck", "--all"]));
        if importer.try_wait().unwrap().is_some() && rechecks.len() >= 3 {
            break;
        }
    }
    let imported = importer.wait_with_output().unwrap();
    ok(&imported);
    for o in rechecks.iter().chain([&imported]) {
        let all = format!("{}{}", String::from_utf8_lossy(&o.stdout), err(o));
        assert!(!all.contains("locked"), "{all}");
        assert!(!all.contains("busy"), "{all}");
    }
    // 0 or 1 (the copies' signatures no longer match their edited names), never 2.
    for o in &rechecks {
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", err(o));
    }
    let last = String::from_utf8_lossy(&imported.stdout).into_owned();
    assert!(
        last.ends_with(&format!(
            "{n} imported, 0 already in your wallet, 0 refused\n"
        )),
        "{last}"
    );
    let o = env.run(&["list", "--json"]);
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(n + 1));
}

#[test]
fn init_encrypt_then_every_command_needs_the_wallet_passphrase() {
    let env = new_env();
    let p = [("BACKPACK_WALLET_PASSPHRASE", "wallet words")];
    let badge = fixture("1edtech-public-validator/ob30/simple-json.png");
    // A plain wallet with a badge, encrypted in place.
    ok(&env.run(&["import", badge.to_str().unwrap()]));
    let o = env.run_with(&["init", "--encrypt"], &p);
    ok(&o);
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("encrypted the wallet "),
        "{o:?}"
    );
    let bytes = std::fs::read(&env.wallet).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3\0"));
    assert!(!bytes.windows(8).any(|w| w == b"Teamwork"));
    // No passphrase, a wrong one: one clear line each, exit 2, file untouched.
    let o = env.run(&["list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("is encrypted (or damaged): it needs the wallet passphrase"),
        "{}",
        err(&o)
    );
    let o = env.run_with(&["list"], &[("BACKPACK_WALLET_PASSPHRASE", "wrong words")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(&format!(
            "wrong wallet passphrase for {} (or the file is damaged); it was left as it is",
            env.wallet.display()
        )),
        "{}",
        err(&o)
    );
    assert_eq!(std::fs::read(&env.wallet).unwrap(), bytes);
    // The right one: everything works, including a backup and a restore that stays encrypted.
    let o = env.run_with(&["list", "--json"], &p);
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let bak = env.path("b.backup");
    ok(&env.run_with(&["backup", bak.to_str().unwrap()], &p));
    ok(&env.run_with(&["restore", "--force", bak.to_str().unwrap()], &p));
    assert!(
        !std::fs::read(&env.wallet)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    ok(&env.run_with(&["show", "1"], &p));
    let o = env.run_with(&["init", "--encrypt"], &p);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("is already encrypted"), "{}", err(&o));
    // And back.
    ok(&env.run_with(&["init", "--decrypt"], &p));
    assert!(
        std::fs::read(&env.wallet)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    ok(&env.run(&["show", "1"]));
    // A new wallet, encrypted from the start.
    let env2 = new_env();
    ok(&env2.run_with(&["init", "--encrypt"], &p));
    ok(&env2.run_with(&["import", badge.to_str().unwrap()], &p));
    assert_eq!(env2.run(&["list"]).status.code(), Some(2));
}
