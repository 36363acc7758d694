//! The `backpack` binary end to end, on a temp wallet: output lines, JSON shapes, exact
//! original bytes, exit codes (0 ok, 1 some input refused, 2 usage or I/O error).

use crate::common;

use common::{Env, backpack, code, fixture, stdout};

#[test]
fn import_list_show_original_remove() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    let clr = fixture("1edtech-public-validator/clr20/simple_v1.json");
    let o = env.run(&["import", png.to_str().unwrap(), clr.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{o:?}");
    // The report is kept with the badge.
    let v: serde_json::Value =
        serde_json::from_slice(&env.run(&["show", "1", "--json"]).stdout).unwrap();
    // Checked on the way in (offline): the signature holds, but nothing the issuer controls
    // could be read to confirm its key — and the status says so, closing the line.
    assert_eq!(v["latest_report"]["report"]["verdict"], "indeterminate");
    assert_eq!(v["latest_report"]["status"], "issuer_not_confirmed");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "imported   {}  #1 \"Teamwork\"  (issuer not confirmed)",
            png.display()
        )
    );
    assert!(
        lines[1].starts_with(&format!(
            "imported   {}  #2 \"Ellis Monday\"  with 6 credential(s) inside",
            clr.display()
        )),
        "{out}"
    );
    assert_eq!(lines[2], "2 imported, 0 already in your wallet, 0 refused");

    // Same file again: duplicate, still exit 0.
    let o = env.run(&["import", png.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        format!(
            "duplicate  {}  #1 \"Teamwork\"  already in your wallet",
            png.display()
        )
    );

    // list --json: an array of objects with id, name, issuer, format, issued.
    let o = env.run(&["list", "--json"]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 8, "1 badge + 1 CLR + 6 inside it");
    let teamwork = arr.iter().find(|b| b["id"] == 1).unwrap();
    assert_eq!(teamwork["name"], "Teamwork");
    assert_eq!(teamwork["issuer"], "Example Corp");
    assert_eq!(teamwork["format"], "ob3-json");
    assert_eq!(teamwork["issued"], "2010-01-01T00:00:00Z");
    assert_eq!(teamwork["status"], "issuer_not_confirmed");

    // list: aligned table with a header.
    let o = env.run(&["list", "--search", "teamwork"]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("ID  NAME      ISSUER        ISSUED      FORMAT    STATUS"),
        "{out}"
    );
    assert!(
        lines[1]
            .starts_with("#1  Teamwork  Example Corp  2010-01-01  ob3-json  issuer not confirmed"),
        "{out}"
    );

    // show --original: the exact bytes.
    let o = env.run(&["show", "1", "--original"]);
    assert_eq!(code(&o), 0);
    assert_eq!(o.stdout, std::fs::read(&png).unwrap());

    // show --json and the text view.
    let o = env.run(&["show", "#1", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["badge"]["name"], "Teamwork");
    assert_eq!(v["container"], "png");
    assert_eq!(v["original_bytes"], std::fs::metadata(&png).unwrap().len());
    let o = env.run(&["show", "1"]);
    assert!(stdout(&o).starts_with("badge        #1 \"Teamwork\"\nissuer       Example Corp (https://example.com/issuers/876543)\n"), "{}", stdout(&o));

    // remove, undo, purge.
    let o = env.run(&["remove", "1"]);
    assert_eq!(
        stdout(&o),
        "removed #1 \"Teamwork\" (undo with: backpack remove --undo 1)\n"
    );
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&env.run(&["list", "--json"]).stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        7
    );
    assert_eq!(
        stdout(&env.run(&["remove", "--undo", "1"])),
        "restored #1 \"Teamwork\"\n"
    );
    env.run(&["remove", "2"]);
    assert_eq!(
        stdout(&env.run(&["remove", "--purge"])),
        "deleted 7 removed badge(s) for good\n"
    );
    let o = env.run(&["show", "2"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "backpack: no badge #2 in your wallet\n"
    );
}

#[test]
fn refused_input_exits_1_and_the_rest_goes_in() {
    let env = Env::new();
    let good = fixture("bakery-python/baked_heart.png");
    let bad = fixture("invalid/truncated.png");
    let o = env.run(&["import", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{o:?}");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("imported   "), "{out}");
    assert_eq!(
        lines[1],
        format!(
            "refused    {}: truncated png: the `IDAT` chunk at byte 151 runs past the end of the file",
            bad.display()
        )
    );
    assert_eq!(lines[2], "1 imported, 0 already in your wallet, 1 refused");
    let list: serde_json::Value =
        serde_json::from_slice(&env.run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn stdin_imports_with_dash() {
    let env = Env::new();
    let bytes = std::fs::read(fixture("dcc-verifier-core/v2OBv3SpecExample.json")).unwrap();
    let mut child = env
        .cmd(&["import", "-"], &[])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        "imported   stdin  #1 \"Teamwork\"  (verified)"
    );
    assert_eq!(env.run(&["show", "1", "--original"]).stdout, bytes);
}

#[test]
fn io_and_usage_errors_exit_2() {
    let env = Env::new();
    let o = env.run(&["import", "/definitely/not/here.png"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        "failed     /definitely/not/here.png: no such file or directory (os error 2)"
    );
    assert_eq!(code(&env.run(&["show", "abc"])), 2);
    assert_eq!(code(&env.run(&["frobnicate"])), 2);
    assert_eq!(code(&env.run(&["import"])), 2);
}

#[test]
fn profile_add_list_remove() {
    let env = Env::new();
    assert_eq!(
        stdout(&env.run(&["profile", "add-email", "ada@example.org"])),
        "added email ada@example.org\n"
    );
    assert_eq!(
        stdout(&env.run(&["profile", "add-did", "did:key:z6MkTest"])),
        "added did did:key:z6MkTest\n"
    );
    let o = env.run(&["profile", "add-email", "not an email"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a valid email"));
    assert_eq!(
        stdout(&env.run(&["profile", "list"])),
        "email ada@example.org\ndid   did:key:z6MkTest\n"
    );
    assert_eq!(
        stdout(&env.run(&["profile", "remove", "ada@example.org"])),
        "removed ada@example.org\n"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&env.run(&["profile", "list", "--json"]).stdout).unwrap();
    assert_eq!(v[0]["kind"], "did");
    assert_eq!(code(&env.run(&["profile", "remove", "ada@example.org"])), 2);
}

#[test]
fn backpack_wallet_variable_chooses_the_wallet() {
    let dir = tempfile::tempdir().unwrap();
    let wallet = dir.path().join("env-wallet.db");
    let o = backpack()
        .args(["profile", "add-email", "env@example.org"])
        .env("BACKPACK_WALLET", &wallet)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{o:?}");
    assert!(wallet.exists());
}

#[test]
fn hostile_badge_text_cannot_drive_the_terminal() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(fixture("1edtech-public-validator/ob30/simple.json")).unwrap();
    let evil = text
        .replace("\"Teamwork Badge\"", "\"Evil\\u001b[2J\\nBadge\"")
        .replace(
            "\"name\": \"Teamwork\"",
            "\"name\": \"Evil\\u001b[2J\\nBadge\"",
        );
    assert_ne!(evil, text);
    let p = dir.path().join("evil.json");
    std::fs::write(&p, evil).unwrap();
    let o = env.run(&["import", p.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{o:?}");
    let o = env.run(&["list"]);
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn no_verify_leaves_badges_not_checked() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    let o = env.run(&["import", "--no-verify", png.to_str().unwrap()]);
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        format!("imported   {}  #1 \"Teamwork\"", png.display())
    );
    let v: serde_json::Value =
        serde_json::from_slice(&env.run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(v[0]["status"], "not_checked");
}

#[test]
fn a_symlink_loop_in_an_imported_folder_finishes_with_a_clear_line() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().join("badges");
    std::fs::create_dir_all(top.join("inner")).unwrap();
    std::fs::copy(
        fixture("1edtech-public-validator/ob30/complete.json"),
        top.join("inner/one.json"),
    )
    .unwrap();
    // Two links back up the tree: followed, they would walk forever.
    std::os::unix::fs::symlink(&top, top.join("inner/up")).unwrap();
    std::os::unix::fs::symlink(".", top.join("here")).unwrap();
    let t0 = std::time::Instant::now();
    let o = env.run(&["import", "--no-verify", top.to_str().unwrap()]);
    assert!(t0.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let here = top.join("here");
    let up = top.join("inner/up");
    assert_eq!(
        lines[0],
        format!(
            "skipped    {}: a link to a folder, not followed (import the folder itself)",
            here.display()
        )
    );
    assert!(lines[1].starts_with("imported "), "{out}");
    assert_eq!(
        lines[2],
        format!(
            "skipped    {}: a link to a folder, not followed (import the folder itself)",
            up.display()
        )
    );
}
