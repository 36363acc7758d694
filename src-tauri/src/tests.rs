//! Mock-runtime tests at the IPC boundary: argument names as the UI sends them (camelCase),
//! results as JSON, and errors as `{kind, message}` (STACK.md §3).

use crate::state::AppState;
use serde_json::{Value, json};
use tauri::WebviewWindow;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;

/// Dropped in field order: the app (and its wallet connection) before the temp dir.
struct Env {
    _app: tauri::App<MockRuntime>,
    wallet: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

/// A mock app on a fresh wallet file in a temp dir.
fn window() -> (Env, WebviewWindow<MockRuntime>) {
    let dir = tempfile::tempdir().unwrap();
    let wallet = dir.path().join("wallet.db");
    window_on(dir, wallet)
}

/// A mock app on the wallet file `wallet` (prepared by the test) in `dir`.
fn window_on(
    dir: tempfile::TempDir,
    wallet: std::path::PathBuf,
) -> (Env, WebviewWindow<MockRuntime>) {
    let state = AppState::open(&wallet).unwrap();
    // Never the developer's real keyring: the key file (its passphrase asked in Settings).
    state.wallet.use_key_stores("file");
    let app = crate::builder(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .unwrap();
    let w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (
        Env {
            _app: app,
            wallet,
            _dir: dir,
        },
        w,
    )
}

fn call(w: &WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    let req = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(body),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(w, req).map(|r| r.deserialize::<Value>().unwrap())
}

const SAMPLE_OB3: &str =
    include_str!("../../tests/fixtures/1edtech-public-validator/ob30/simple.json");

/// Paste the sample OB 3.0 credential; its wallet id.
fn import_sample(w: &WebviewWindow<MockRuntime>) -> i64 {
    call(w, "import_text", json!({"text": SAMPLE_OB3})).unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// A new collection `name` holding the badge `id`; its id.
fn collection_of(w: &WebviewWindow<MockRuntime>, name: &str, id: i64) -> i64 {
    let cid = call(w, "create_collection", json!({ "name": name })).unwrap()["id"]
        .as_i64()
        .unwrap();
    call(w, "add_to_collection", json!({"id": cid, "badgeIds": [id]})).unwrap();
    cid
}

/// A badge's name as the detail view receives it.
fn badge_name(w: &WebviewWindow<MockRuntime>, id: i64) -> String {
    call(w, "get_badge", json!({"id": id})).unwrap()["badge"]["name"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn empty_wallet_lists_nothing_and_reports_its_path() {
    let (env, w) = window();
    assert_eq!(call(&w, "list_badges", json!({})).unwrap(), json!([]));
    let s = call(&w, "get_settings", json!({})).unwrap();
    assert_eq!(s["walletPath"], env.wallet.to_str().unwrap());
    assert_eq!(s["networkAllowed"], false);
    assert_eq!(s["minorMode"], false);
}

#[test]
fn missing_badge_is_a_not_found_error_object() {
    let (_env, w) = window();
    let e = call(&w, "get_badge", json!({"id": 42})).unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "not_found", "message": "no badge #42 in your wallet"})
    );
}

#[test]
fn wrong_argument_name_is_rejected() {
    let (_env, w) = window();
    // The UI must send `id`, not `badgeId`.
    let e = call(&w, "get_badge", json!({"badgeId": 1})).unwrap_err();
    assert!(
        e.as_str().unwrap().contains("missing required key id"),
        "{e}"
    );
}

#[test]
fn paste_import_then_detail_and_duplicate() {
    let (_env, w) = window();
    let line = call(&w, "import_text", json!({"text": SAMPLE_OB3})).unwrap();
    assert_eq!(line["outcome"], "imported", "{line}");
    let id = line["id"].as_i64().unwrap();
    let again = call(&w, "import_text", json!({"text": SAMPLE_OB3})).unwrap();
    assert_eq!(
        (again["outcome"].as_str(), again["message"].as_str()),
        (Some("duplicate"), Some("already in your wallet"))
    );
    let d = call(&w, "get_badge", json!({"id": id})).unwrap();
    assert_eq!(d["card"]["id"], id);
    assert!(d["summary"].as_str().unwrap().len() > 10);
    assert!(d["report"]["checks"].is_array());
    let list = call(&w, "list_badges", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn refused_paste_says_why() {
    let (_env, w) = window();
    let line = call(&w, "import_text", json!({"text": "{\"hello\": 1}"})).unwrap();
    assert_eq!(line["outcome"], "refused");
    assert!(!line["message"].as_str().unwrap().is_empty());
    let e = call(&w, "import_text", json!({"text": "   "})).unwrap_err();
    assert_eq!(e["kind"], "invalid_input");
}

/// Issue 14: the backend speaks the UI's language (`set_language`, sent by the page at start
/// and on every change): a refused import's line and a core error's message come from the
/// catalog; the pseudo-locale and unknown languages are English.
#[test]
fn refusals_and_errors_follow_the_ui_language() {
    let (_env, w) = window();
    let paste = || call(&w, "import_text", json!({"text": "hello there"})).unwrap();
    let short = || call(&w, "enable_minor_mode", json!({"passphrase": "abc"})).unwrap_err();
    let en_refusal = "not a badge file: expected a baked png or svg, json, a compact jws or a \
                      text file with one http(s) url";
    assert_eq!(paste()["outcome"], "refused");
    assert_eq!(paste()["message"], en_refusal);

    call(&w, "set_language", json!({"lang": "es"})).unwrap();
    let line = paste();
    assert_eq!(line["outcome"], "refused");
    assert_eq!(
        line["message"],
        "no es un archivo de insignia: se esperaba un png o svg horneado, json, un jws \
         compacto o un archivo de texto con una url http(s)"
    );
    let e = short();
    assert_eq!(e["kind"], "invalid_input");
    assert_eq!(
        e["message"],
        "la frase de contraseña de la persona tutora necesita al menos 6 caracteres"
    );
    // The app's own result lines too: a badge imported twice.
    let import = || call(&w, "import_text", json!({ "text": SAMPLE_OB3 })).unwrap();
    assert_eq!(import()["outcome"], "imported");
    let again = import();
    assert_eq!(again["outcome"], "duplicate");
    assert_eq!(again["message"], "ya está en tu cartera");

    for other in ["en-XA", "fr"] {
        call(&w, "set_language", json!({"lang": other})).unwrap();
        assert_eq!(paste()["message"], en_refusal);
        assert_eq!(import()["message"], "already in your wallet");
        assert_eq!(
            short()["message"],
            "the guardian passphrase needs at least 6 characters"
        );
    }
}

/// Issue 14: a received portfolio reaches the page in the UI's language: the page's
/// differences, each recipient line and each badge's reason (what `ui/js/views/import.js`
/// shows), a presentation's line and an unreadable entry's detail.
#[test]
fn a_received_portfolio_is_shown_in_the_ui_language() {
    let (_env, w) = window();
    let id = import_sample(&w);
    let cid = collection_of(&w, "Sent", id);
    call(&w, "set_key_passphrase", json!({"passphrase": "key words"})).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("portfolio.html");
    will_pick(&w, Some(page.to_str().unwrap()));
    let privacy = json!({"includeEvidence": true, "includeNotes": true, "includeDates": true,
        "includeEmails": false, "includeSkills": true});
    call(
        &w,
        "export_collection",
        json!({"id": cid, "format": "html", "privacy": privacy, "save": true}),
    )
    .unwrap();
    // The page edited: another name shown for the badge.
    let html = std::fs::read_to_string(&page).unwrap();
    let from = "data-field=\"name\">Teamwork<";
    assert!(html.contains(from));
    std::fs::write(
        &page,
        html.replacen(from, "data-field=\"name\">Surgery<", 1),
    )
    .unwrap();
    let vp = dir.path().join("vp.json");
    std::fs::write(
        &vp,
        json!({"type": ["VerifiablePresentation"], "verifiableCredential": [42]}).to_string(),
    )
    .unwrap();
    let open = |p: &std::path::Path| {
        let files = choose(&w, &[p]);
        call(
            &w,
            "open_received",
            json!({"files": files, "recipients": ["someone@example.org"]}),
        )
        .unwrap()
    };
    let en = open(&page);
    let en_vp = open(&vp);
    call(&w, "set_language", json!({"lang": "es"})).unwrap();
    let es = open(&page);
    let es_vp = open(&vp);
    assert_eq!(
        en["page"]["differences"][0]["message"],
        "badge 1 (\"Teamwork\"), name: the page says 'Surgery', the signed credential says 'Teamwork'"
    );
    assert_eq!(
        es["page"]["differences"][0]["message"],
        "insignia 1 («Teamwork»), nombre: la página dice «Surgery», la credencial firmada dice «Teamwork»"
    );
    assert_eq!(es["page"]["source"], "la página");
    assert_eq!(
        en["badges"][0]["recipient"]["detail"],
        "issued to someone else: none of \"someone@example.org\" matches the recipient the credential names"
    );
    assert_eq!(
        es["badges"][0]["recipient"]["detail"],
        "emitida para otra persona: ninguna de «someone@example.org» coincide con el destinatario \
         que nombra la credencial"
    );
    // The badge's reason (not verified offline) comes from its report, localized too.
    let reason = |r: &Value| {
        r["badges"][0]["report"]["reason"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(!reason(&en).is_empty());
    assert_ne!(reason(&es), reason(&en));
    assert_eq!(
        en_vp["presentation"]["detail"],
        "the presentation has no proof"
    );
    assert_eq!(
        es_vp["presentation"]["detail"],
        "la presentación no tiene prueba (proof)"
    );
    assert_eq!(
        es_vp["badges"][0]["integrity"]["detail"],
        "la entrada de la presentación no es ni un objeto de credencial ni una credencial envuelta"
    );
    // Nothing but the words changes.
    assert_eq!(es["badges"][0]["status"], en["badges"][0]["status"]);
    assert_eq!(es["page"]["matches"], false);
}

#[test]
fn collections_use_camel_case_badge_ids() {
    let (_env, w) = window();
    let id = import_sample(&w);
    let c = call(&w, "create_collection", json!({"name": "Job applications"})).unwrap();
    let cid = c["id"].as_i64().unwrap();
    let c = call(
        &w,
        "add_to_collection",
        json!({"id": cid, "badgeIds": [id]}),
    )
    .unwrap();
    assert_eq!(c["badgeIds"], json!([id]));
    let e = call(&w, "create_collection", json!({"name": "Job applications"})).unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "invalid_input", "message": "a collection named \"Job applications\" already exists"})
    );
    let e = call(
        &w,
        "reorder_collection",
        json!({"id": cid, "badgeIds": [id, 999]}),
    )
    .unwrap_err();
    assert_eq!(e["kind"], "invalid_input");
    let card = &call(&w, "list_badges", json!({})).unwrap()[0];
    assert_eq!(card["collections"], json!([cid]));
}

#[test]
fn remove_then_undo_restores_the_original() {
    let (_env, w) = window();
    let id = import_sample(&w);
    call(&w, "remove_badge", json!({"id": id})).unwrap();
    assert_eq!(call(&w, "list_badges", json!({})).unwrap(), json!([]));
    assert_eq!(call(&w, "undo_remove", json!({})).unwrap(), json!(id));
    assert_eq!(call(&w, "list_badges", json!({})).unwrap()[0]["id"], id);
    let e = call(&w, "undo_remove", json!({})).unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "invalid_input", "message": "nothing to undo"})
    );
}

#[test]
fn save_original_writes_exact_bytes() {
    let (_env, w) = window();
    let id = import_sample(&w);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("copy.json");
    will_pick(&w, Some(out.to_str().unwrap()));
    assert_eq!(call(&w, "save_original", json!({"id": id})).unwrap(), true);
    assert_eq!(std::fs::read(&out).unwrap(), SAMPLE_OB3.trim().as_bytes());
    // Cancelled dialog: nothing written.
    will_pick(&w, None);
    assert_eq!(call(&w, "save_original", json!({"id": id})).unwrap(), false);
}

/// No command takes a path from the webview (issue 9): a page that sends one (hostile script
/// in a badge, say) cannot choose where the app writes or what it reads. The extra key is
/// ignored; only the learner's dialog answer, or a handle of files the learner chose, counts.
#[test]
fn a_path_sent_by_the_page_is_never_used() {
    let (env, w) = window();
    let id = import_sample(&w);
    let cid = call(&w, "create_collection", json!({"name": "Jobs"})).unwrap()["id"]
        .as_i64()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.out");
    let e = evil.to_str().unwrap();
    will_pick(&w, None);
    assert_eq!(
        call(&w, "save_original", json!({"id": id, "path": e})).unwrap(),
        false
    );
    will_pick(&w, None);
    let r = call(
        &w,
        "export_collection",
        json!({"id": cid, "format": "html", "privacy": {}, "save": true, "path": e}),
    )
    .unwrap();
    assert_eq!(r, Value::Null);
    assert!(!evil.exists());
    // Reading: only handles are taken, and only ones the app gave out.
    let wallet = env.wallet.to_str().unwrap();
    for (cmd, args) in [
        ("import_files", json!({"paths": [wallet]})),
        ("open_received", json!({"path": wallet})),
        (
            "restore_damaged_wallet",
            json!({"path": wallet, "passphrase": "x"}),
        ),
    ] {
        let e = call(&w, cmd, args).unwrap_err();
        assert!(
            e.as_str().unwrap().contains("missing required key"),
            "{cmd}: {e}"
        );
    }
    for (cmd, args) in [
        ("import_files", json!({"files": 4242})),
        ("open_received", json!({"files": 4242})),
        (
            "restore_damaged_wallet",
            json!({"backup": 4242, "passphrase": "x"}),
        ),
    ] {
        assert_eq!(
            call(&w, cmd, args).unwrap_err(),
            json!({"kind": "invalid_input", "message": "no chosen files with handle 4242"}),
            "{cmd}"
        );
    }
    // The capability grants the webview no dialog that answers with a path.
    let caps: Value = serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
    for p in caps["permissions"].as_array().unwrap() {
        let p = p.as_str().unwrap();
        assert!(
            !["dialog:allow-open", "dialog:allow-save", "dialog:default"].contains(&p),
            "{p}"
        );
    }
}

/// Files the learner chose (a drop, the open dialog), as the app keeps them: the handle.
fn choose(w: &WebviewWindow<MockRuntime>, paths: &[&std::path::Path]) -> u64 {
    use tauri::Manager;
    w.state::<crate::files::ChosenFiles>()
        .register(paths.iter().map(|p| p.to_path_buf()).collect())
        .id
}

/// A drop: the paths stay in Rust, the page gets a handle and the names in `files-dropped`,
/// and imports by handle (once: a used handle is gone).
#[test]
fn a_drop_reaches_the_page_as_a_handle_and_imports_by_it() {
    use tauri::{Listener, Manager};
    let (_env, w) = window();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("dropped.json");
    std::fs::write(&f, SAMPLE_OB3).unwrap();
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let g = got.clone();
    w.listen_any(crate::files::FILES_DROPPED_EVENT, move |e| {
        g.lock().unwrap().push(e.payload().to_string());
    });
    crate::files::dropped(w.app_handle(), vec![f.clone()]);
    let payload: Value = serde_json::from_str(&got.lock().unwrap()[0]).unwrap();
    assert_eq!(payload["names"], json!(["dropped.json"]));
    assert!(!payload.to_string().contains(dir.path().to_str().unwrap()));
    let lines = call(&w, "import_files", json!({"files": payload["id"]})).unwrap()["lines"].clone();
    assert_eq!(lines[0]["outcome"], "imported", "{lines}");
    let e = call(&w, "import_files", json!({"files": payload["id"]})).unwrap_err();
    assert_eq!(e["kind"], "invalid_input");
    // The open dialog gives a handle the same way (null when cancelled).
    will_pick(&w, Some(f.to_str().unwrap()));
    let h = call(&w, "pick_files", json!({"kind": "badges"})).unwrap();
    assert_eq!(h["names"], json!(["dropped.json"]));
    will_pick(&w, None);
    assert_eq!(
        call(&w, "pick_files", json!({"kind": "folder"})).unwrap(),
        Value::Null
    );
}

/// A ZIP past the core's 2 GiB budget (here one entry declaring 3 GiB; the core's tests cover
/// one that lies and inflates past it) reaches the page as one refused line, and nothing of it,
/// not even the good badge before it, is in the wallet.
#[test]
fn a_dropped_zip_past_the_budget_is_one_refused_line_and_stores_nothing() {
    use std::io::Write;
    use tauri::Manager;
    let (_env, w) = window();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("badges.zip");
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("a.json", o).unwrap();
    z.write_all(SAMPLE_OB3.as_bytes()).unwrap();
    z.start_file("b.json", o).unwrap();
    z.write_all(b"{}").unwrap();
    let mut bytes = z.finish().unwrap().into_inner();
    // b.json's central-directory entry (the second) declares 3 GiB.
    let cd = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x01\x02")
        .map(|(i, _)| i)
        .nth(1)
        .unwrap();
    bytes[cd + 24..cd + 28].copy_from_slice(&(3u32 << 30).to_le_bytes());
    std::fs::write(&f, bytes).unwrap();
    let handle = w
        .state::<crate::files::ChosenFiles>()
        .register(vec![f.clone()])
        .id;
    let got = call(&w, "import_files", json!({"files": handle})).unwrap();
    assert_eq!(
        got["lines"],
        json!([{
            "file": f.display().to_string(),
            "outcome": "refused",
            "message": "the zip archive expands to more than 2048 MiB (MAX_ZIP_TOTAL_BYTES); \
                        nothing of it was imported",
            "id": null
        }]),
        "{got}"
    );
    assert_eq!(got["counts"]["refused"], 1);
    assert_eq!(got["counts"]["imported"], 0);
    assert_eq!(call(&w, "list_badges", json!({})).unwrap(), json!([]));
}

#[test]
fn a_dropped_folder_with_a_symlink_loop_finishes_with_a_clear_line() {
    use tauri::{Listener, Manager};
    let (_env, w) = window();
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().join("badges");
    std::fs::create_dir_all(top.join("inner")).unwrap();
    std::fs::write(top.join("inner/one.json"), SAMPLE_OB3).unwrap();
    // Two links back up the tree: followed, they would walk forever.
    std::os::unix::fs::symlink(&top, top.join("inner/up")).unwrap();
    std::os::unix::fs::symlink(".", top.join("here")).unwrap();
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let g = got.clone();
    w.listen_any(crate::files::FILES_DROPPED_EVENT, move |e| {
        g.lock().unwrap().push(e.payload().to_string());
    });
    crate::files::dropped(w.app_handle(), vec![top.clone()]);
    let payload: Value = serde_json::from_str(&got.lock().unwrap()[0]).unwrap();
    let t0 = std::time::Instant::now();
    let lines = call(&w, "import_files", json!({"files": payload["id"]})).unwrap()["lines"].clone();
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        t0.elapsed()
    );
    let outcomes: Vec<(String, String)> = lines
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["outcome"].as_str().unwrap().to_string(),
                l["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        vec![
            (
                "skipped".to_string(),
                "a link to a folder, not followed (import the folder itself)".to_string()
            ),
            (
                "skipped".to_string(),
                "a link to a folder, not followed (import the folder itself)".to_string()
            ),
            ("imported".to_string(), "Teamwork".to_string()),
        ],
        "{lines}"
    );
}

#[test]
fn minor_mode_locks_network_until_unlocked() {
    let (_env, w) = window();
    let e = call(&w, "enable_minor_mode", json!({"passphrase": "abc"})).unwrap_err();
    assert_eq!(
        e["message"],
        "the guardian passphrase needs at least 6 characters"
    );
    let s = call(&w, "enable_minor_mode", json!({"passphrase": "guardian-1"})).unwrap();
    assert_eq!(
        (s["minorMode"].as_bool(), s["unlocked"].as_bool()),
        (Some(true), Some(false))
    );
    let e = call(&w, "set_network_allowed", json!({"allowed": true})).unwrap_err();
    assert_eq!(e["kind"], "locked");
    let e = call(&w, "unlock_minor_mode", json!({"passphrase": "wrong-one"})).unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "locked", "message": "that is not the guardian passphrase"})
    );
    call(&w, "unlock_minor_mode", json!({"passphrase": "guardian-1"})).unwrap();
    let s = call(&w, "set_network_allowed", json!({"allowed": true})).unwrap();
    assert_eq!(s["networkAllowed"], true);
}

#[test]
fn profile_validates_identities() {
    let (_env, w) = window();
    let p = call(
        &w,
        "add_identity",
        json!({"kind": "email", "value": " ada@example.org "}),
    )
    .unwrap();
    assert_eq!(p["emails"], json!(["ada@example.org"]));
    let e = call(&w, "add_identity", json!({"kind": "did", "value": "ada"})).unwrap_err();
    assert_eq!(e["kind"], "invalid_input", "{e}");
    let e = call(&w, "add_identity", json!({"kind": "phone", "value": "123"})).unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "invalid_input", "message": "unknown identity kind \"phone\""})
    );
}

#[test]
fn image_protocol_serves_only_images() {
    let r = crate::image_response(None);
    assert_eq!(r.status(), 404);
    let r = crate::image_response(Some(("image/png".into(), vec![1, 2, 3])));
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.body(), &vec![1, 2, 3]);
}

#[test]
fn query_badges_searches_filters_and_sorts_in_the_core() {
    let (_env, w) = window();
    let id = import_sample(&w);
    let name = badge_name(&w, id);
    let word = name.split_whitespace().next().unwrap().to_lowercase();
    // The first query after a change finds the index older than the wallet: `busy` while it
    // is rebuilt off the window's thread, then the answer.
    let page = |query: Value, offset: Value, limit: Value| {
        for _ in 0..200 {
            match call(
                &w,
                "query_badges",
                json!({ "query": query, "offset": offset, "limit": limit }),
            ) {
                Err(e) if e["kind"] == "busy" => {
                    std::thread::sleep(std::time::Duration::from_millis(10))
                }
                r => return r.unwrap(),
            }
        }
        panic!("the search index was never rebuilt");
    };
    let q = |query: Value| {
        let p = page(query, Value::Null, Value::Null);
        assert_eq!(p["total"], p["ids"].as_array().unwrap().len(), "{p}");
        p["ids"].clone()
    };
    assert_eq!(
        call(&w, "query_badges", json!({"query": {}})).unwrap_err()["kind"],
        "busy",
        "nothing built on the window's thread"
    );
    assert_eq!(q(json!({"text": word})), json!([id]));
    assert_eq!(q(json!({"text": "zzz-no-such-badge"})), json!([]));
    assert_eq!(q(json!({})), json!([id]), "every field is optional");
    assert_eq!(q(json!({"status": "revoked", "sort": "name"})), json!([]));
    // A stretch of the answer, and how many match in all.
    assert_eq!(
        page(json!({}), json!(0), json!(1)),
        json!({"total": 1, "ids": [id]})
    );
    for (offset, limit) in [(1, Value::Null), (0, json!(0)), (usize::MAX, json!(5))] {
        assert_eq!(
            page(json!({}), json!(offset), limit),
            json!({"total": 1, "ids": []})
        );
    }
    call(
        &w,
        "set_badge_tags",
        json!({"id": id, "tags": ["Job hunt"]}),
    )
    .unwrap();
    assert_eq!(q(json!({"tag": "Job hunt", "text": "job"})), json!([id]));
    // The card names the key the issuer filter matches.
    let card = &call(&w, "list_badges", json!({})).unwrap()[0];
    assert_eq!(q(json!({"issuer": card["issuerKey"]})), json!([id]));
    call(&w, "remove_badge", json!({"id": id})).unwrap();
    assert_eq!(q(json!({"text": word})), json!([]));
    // A sort the core does not know is refused, not ignored.
    assert!(call(&w, "query_badges", json!({"query": {"sort": "date-desc"}})).is_err());
}

/// The search box's synchronous protocol (`search://localhost/?q=…`) answers what the
/// `query_badges` command answers: `busy` (503) while the index is stale (built off the
/// window's thread), then the same page; a question that is not one is a 400.
#[test]
fn the_search_protocol_answers_like_the_command() {
    use tauri::Manager;
    let (_env, w) = window();
    let id = import_sample(&w);
    let state = w.state::<AppState>();
    let ask = |v: Value| {
        let text = v.to_string();
        let q = percent_encoding::utf8_percent_encode(&text, percent_encoding::NON_ALPHANUMERIC);
        crate::search_response(&state, &format!("q={q}"))
    };
    let question = json!({"query": {"text": badge_name(&w, id)}, "offset": 0, "limit": 600});
    assert_eq!(
        ask(question.clone()).status(),
        503,
        "nothing built on this thread"
    );
    let mut answer = None;
    for _ in 0..200 {
        let r = ask(question.clone());
        if r.status() == 200 {
            answer = Some(r);
            break;
        }
        assert_eq!(r.status(), 503);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let answer = answer.expect("the index was never rebuilt");
    assert_eq!(answer.headers()["content-type"], "application/json");
    let page: Value = serde_json::from_slice(answer.body()).unwrap();
    assert_eq!(page, json!({"total": 1, "ids": [id]}));
    let by_ipc = call(
        &w,
        "query_badges",
        json!({"query": question["query"], "offset": 0, "limit": 600}),
    )
    .unwrap();
    assert_eq!(page, by_ipc);
    let none = ask(json!({"query": {"text": "zzz-no-such-badge"}}));
    assert_eq!(
        serde_json::from_slice::<Value>(none.body()).unwrap(),
        json!({"total": 0, "ids": []})
    );
    for bad in ["", "q=", "q=%7Bnot%20json", "q=%FF%FE", "x=1"] {
        assert_eq!(crate::search_response(&state, bad).status(), 400, "{bad:?}");
    }
    assert_eq!(ask(json!({"query": {"sort": "date-desc"}})).status(), 400);
}

#[test]
fn cards_carry_the_learner_tags() {
    let (_env, w) = window();
    let id = import_sample(&w);
    call(
        &w,
        "set_badge_tags",
        json!({"id": id, "tags": ["work", "2024"]}),
    )
    .unwrap();
    let list = call(&w, "list_badges", json!({})).unwrap();
    assert_eq!(list[0]["tags"], json!(["2024", "work"]));
    let d = call(&w, "get_badge", json!({"id": id})).unwrap();
    assert_eq!(d["card"]["tags"], json!(["2024", "work"]));
}

/// The raw wallet, as someone with a SQLite shell would edit it behind the app's back.
fn sql(env: &Env, q: &str) -> rusqlite::Result<usize> {
    rusqlite::Connection::open(&env.wallet)?.execute(q, [])
}

const HOSTED_OB2: &str =
    include_str!("../../tests/fixtures/1edtech-public-validator/ob20/basic-assertion.json");

/// A hosted OB 2.0 assertion whose id is on loopback: offline its check says "offline", with
/// network on it is refused as "loopback" (no socket is opened either way).
fn hosted_on_loopback() -> String {
    let mut a: Value = serde_json::from_str(HOSTED_OB2).unwrap();
    a["id"] = json!("http://127.0.0.1:9/assertion.json");
    a.to_string()
}

fn went_online(w: &WebviewWindow<MockRuntime>, id: i64) -> bool {
    let d = call(w, "recheck_badge", json!({"id": id})).unwrap();
    let r = d["report"].to_string();
    assert!(r.contains("offline") || r.contains("loopback"), "{r}");
    r.contains("loopback")
}

#[test]
fn minor_mode_blocks_every_outward_path_in_the_app() {
    let (env, w) = window();
    let id = import_sample(&w);
    let hosted = call(&w, "import_text", json!({"text": hosted_on_loopback()})).unwrap()["id"]
        .as_i64()
        .unwrap();
    let cid = collection_of(&w, "Jobs", id);
    call(&w, "set_network_allowed", json!({"allowed": true})).unwrap();
    assert!(went_online(&w, hosted), "network on before minor mode");

    call(&w, "enable_minor_mode", json!({"passphrase": "guardian-1"})).unwrap();
    let locked = |e: Value, what: &str| {
        assert_eq!(
            e,
            json!({"kind": "locked", "message": format!("minor mode is on: {what} needs the guardian passphrase")})
        );
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("copy.json");
    will_pick(&w, Some(out.to_str().unwrap()));
    locked(
        call(&w, "save_original", json!({"id": id})).unwrap_err(),
        "saving a badge's original file",
    );
    assert!(!out.exists());
    locked(
        call(&w, "original_name", json!({"id": id})).unwrap_err(),
        "saving a badge's original file",
    );
    for fmt in ["html", "zip", "vp", "pdf"] {
        let p = dir.path().join(format!("p.{fmt}"));
        will_pick(&w, Some(p.to_str().unwrap()));
        let e = call(
            &w,
            "export_collection",
            json!({"id": cid, "format": fmt, "privacy": {}, "save": true}),
        )
        .unwrap_err();
        locked(e, "exporting");
        assert!(!p.exists());
    }
    locked(
        call(&w, "set_network_allowed", json!({"allowed": true})).unwrap_err(),
        "network access",
    );
    // Turning minor mode on switched network off; switched back on behind the app's back,
    // it is still not used.
    sql(
        &env,
        "UPDATE settings SET value = 'true' WHERE key = 'network_allowed'",
    )
    .unwrap();
    assert!(!went_online(&w, hosted));
    // The old soft lock (a settings row) means nothing; the record refuses one DELETE.
    sql(
        &env,
        "INSERT OR REPLACE INTO settings VALUES ('minor_mode', 'false')",
    )
    .unwrap();
    assert!(sql(&env, "DELETE FROM minor_mode").is_err());
    let s = call(&w, "get_settings", json!({})).unwrap();
    assert_eq!(
        (s["minorMode"].as_bool(), s["unlocked"].as_bool()),
        (Some(true), Some(false))
    );
    locked(
        call(&w, "original_name", json!({"id": id})).unwrap_err(),
        "saving a badge's original file",
    );

    // The guardian unlocks the session: everything works; locked again: blocked again.
    call(&w, "unlock_minor_mode", json!({"passphrase": "guardian-1"})).unwrap();
    assert!(went_online(&w, hosted));
    will_pick(&w, Some(out.to_str().unwrap()));
    assert_eq!(call(&w, "save_original", json!({"id": id})).unwrap(), true);
    let p = dir.path().join("p.pdf");
    will_pick(&w, Some(p.to_str().unwrap()));
    let done = call(
        &w,
        "export_collection",
        json!({"id": cid, "format": "pdf", "privacy": {}, "save": true}),
    )
    .unwrap();
    assert_eq!(done["bytes"], std::fs::read(&p).unwrap().len());
    call(&w, "lock_minor_mode", json!({})).unwrap();
    assert!(!went_online(&w, hosted));
    locked(
        call(&w, "original_name", json!({"id": id})).unwrap_err(),
        "saving a badge's original file",
    );
    // Off needs the passphrase.
    let e = call(
        &w,
        "disable_minor_mode",
        json!({"passphrase": "guess-guess"}),
    )
    .unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "locked", "message": "that is not the guardian passphrase"})
    );
    call(
        &w,
        "disable_minor_mode",
        json!({"passphrase": "guardian-1"}),
    )
    .unwrap();
    call(&w, "original_name", json!({"id": id})).unwrap();
}

#[test]
fn minor_mode_set_by_the_cli_counts_in_the_running_app() {
    let (env, w) = window();
    let id = import_sample(&w);
    call(&w, "original_name", json!({"id": id})).unwrap();
    // Another process (the CLI) turns it on while the app runs.
    let other = backpack_core::store::Wallet::open(&env.wallet).unwrap();
    backpack_core::minor_mode::MinorMode::enable(&other, "guardian-2").unwrap();
    let e = call(&w, "original_name", json!({"id": id})).unwrap_err();
    assert_eq!(e["kind"], "locked", "{e}");
}

#[test]
fn signing_key_lives_outside_the_wallet_file() {
    let (env, w) = window();
    let id = import_sample(&w);
    let cid = collection_of(&w, "Jobs", id);
    let s = call(&w, "get_settings", json!({})).unwrap();
    assert_eq!(s["keyStore"], "none");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.json");
    will_pick(&w, Some(p.to_str().unwrap()));
    let r = call(
        &w,
        "export_collection",
        json!({"id": cid, "format": "vp", "privacy": {}, "save": true}),
    );
    // No keyring here: the app asks for the key file's passphrase first.
    let e = r.unwrap_err();
    assert_eq!(e["kind"], "key_passphrase", "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("needs its passphrase"),
        "{e}"
    );
    assert!(!p.exists());
    let s = call(&w, "set_key_passphrase", json!({"passphrase": "key words"})).unwrap();
    assert_eq!(s["keyStore"], "none");
    will_pick(&w, Some(p.to_str().unwrap()));
    call(
        &w,
        "export_collection",
        json!({"id": cid, "format": "vp", "privacy": {}, "save": true}),
    )
    .unwrap();
    assert!(p.exists());
    let s = call(&w, "get_settings", json!({})).unwrap();
    assert_eq!(s["keyStore"], "key-file");
    assert_eq!(s["keyNeedsPassphrase"], false);
    let key = std::fs::read(format!("{}.key", env.wallet.display())).unwrap();
    assert!(key.starts_with(b"BPKEYFIL"));
    // A wrong passphrase for the existing file is refused at once.
    let e = call(
        &w,
        "set_key_passphrase",
        json!({"passphrase": "other words"}),
    )
    .unwrap_err();
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("wrong passphrase for the key file"),
        "{e}"
    );
    let rec_secret: Vec<u8> = rusqlite::Connection::open(&env.wallet)
        .unwrap()
        .query_row("SELECT secret FROM learner_keys", [], |r| r.get(0))
        .unwrap();
    assert!(rec_secret.is_empty());
}

#[test]
fn a_damaged_wallet_opens_to_the_restore_screen_and_nothing_is_lost_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let wallet = dir.path().join("wallet.db");
    // A good backup first, then the wallet file is damaged.
    let bak = dir.path().join("good.backup");
    {
        let w = backpack_core::store::Wallet::open(&wallet).unwrap();
        assert!(backpack_core::import::import_bytes(&w, SAMPLE_OB3.as_bytes(), "s.json").is_ok());
        let params = backpack_core::backup::KdfParams {
            memory_kib: 64,
            time_cost: 1,
            parallelism: 1,
        };
        backpack_core::backup::backup_open_wallet(&w, &bak, "backup words", params, None).unwrap();
    }
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", wallet.display()));
    }
    let garbage = b"not a wallet any more\n".repeat(300);
    std::fs::write(&wallet, &garbage).unwrap();
    let (env, w) = window_on(dir, wallet);
    let st = call(&w, "wallet_status", json!({})).unwrap();
    assert_eq!(st["state"], "damaged", "{st}");
    assert!(
        st["message"]
            .as_str()
            .unwrap()
            .contains("is damaged or is not a backpack wallet"),
        "{st}"
    );
    // Nothing can go into the stand-in: an import is refused, not silently lost.
    let e = call(&w, "import_text", json!({"text": SAMPLE_OB3}));
    assert!(
        e.is_err() || e.as_ref().unwrap()["outcome"] == "refused",
        "{e:?}"
    );
    assert!(call(&w, "list_badges", json!({})).is_err());
    assert_eq!(
        std::fs::read(&env.wallet).unwrap(),
        garbage,
        "never overwritten"
    );
    // Wrong backup passphrase: one clear error, still damaged.
    let e = call(
        &w,
        "restore_damaged_wallet",
        json!({"backup": choose(&w, &[&bak]), "passphrase": "nope"}),
    )
    .unwrap_err();
    assert!(
        e["message"].as_str().unwrap().contains("wrong passphrase"),
        "{e}"
    );
    let st = call(
        &w,
        "restore_damaged_wallet",
        json!({"backup": choose(&w, &[&bak]), "passphrase": "backup words"}),
    )
    .unwrap();
    assert_eq!(st["state"], "ok", "{st}");
    assert_eq!(
        call(&w, "list_badges", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let kept = std::fs::read(format!("{}.before-restore", env.wallet.display())).unwrap();
    assert_eq!(kept, garbage);
}

#[test]
fn an_encrypted_wallet_asks_for_its_passphrase_and_the_setting_encrypts() {
    let dir = tempfile::tempdir().unwrap();
    let wallet = dir.path().join("wallet.db");
    {
        let w = backpack_core::store::Wallet::open_with(&wallet, Some("wallet words")).unwrap();
        assert!(backpack_core::import::import_bytes(&w, SAMPLE_OB3.as_bytes(), "s.json").is_ok());
    }
    let (env, w) = window_on(dir, wallet);
    let st = call(&w, "wallet_status", json!({})).unwrap();
    assert_eq!(
        (st["state"].as_str(), st["encrypted"].as_bool()),
        (Some("locked"), Some(true))
    );
    let e = call(&w, "unlock_wallet", json!({"passphrase": "wrong words"})).unwrap_err();
    assert_eq!(e["kind"], "locked");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .starts_with("wrong wallet passphrase for "),
        "{e}"
    );
    let st = call(&w, "unlock_wallet", json!({"passphrase": "wallet words"})).unwrap();
    assert_eq!(st["state"], "ok");
    assert_eq!(
        call(&w, "list_badges", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Settings: remove the encryption (needs the current passphrase), then put it back.
    let e = call(
        &w,
        "set_wallet_encryption",
        json!({"current": "nope", "passphrase": null}),
    )
    .unwrap_err();
    assert_eq!(e["kind"], "locked", "{e}");
    assert_eq!(
        call(&w, "list_badges", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let s = call(
        &w,
        "set_wallet_encryption",
        json!({"current": "wallet words", "passphrase": null}),
    )
    .unwrap();
    assert_eq!(s["encrypted"], false);
    assert!(!backpack_core::store::looks_encrypted(&env.wallet));
    let s = call(
        &w,
        "set_wallet_encryption",
        json!({"current": null, "passphrase": "new words"}),
    )
    .unwrap();
    assert_eq!(s["encrypted"], true);
    assert!(backpack_core::store::looks_encrypted(&env.wallet));
    // The running app keeps working on the re-encrypted file.
    let id = call(&w, "list_badges", json!({})).unwrap()[0]["id"]
        .as_i64()
        .unwrap();
    call(
        &w,
        "set_badge_note",
        json!({"id": id, "note": "still here"}),
    )
    .unwrap();
    drop(w);
    let again = backpack_core::store::Wallet::open_with(&env.wallet, Some("new words")).unwrap();
    assert_eq!(
        again.get_badge(id).unwrap().note.as_deref(),
        Some("still here")
    );
}

/// What the native open dialog "returns" in these tests (see `commands::trust::pick_file`).
pub struct PickedFile(pub std::sync::Mutex<Option<std::path::PathBuf>>);

/// Make the next open dialog answer `path` (`None`: the learner cancels).
fn will_pick(w: &WebviewWindow<MockRuntime>, path: Option<&str>) {
    use tauri::Manager;
    let path = path.map(std::path::PathBuf::from);
    match w.try_state::<PickedFile>() {
        Some(p) => *p.0.lock().unwrap() = path,
        None => {
            w.manage(PickedFile(std::sync::Mutex::new(path)));
        }
    }
}

fn trust_fixture(rel: &str) -> String {
    format!(
        "{}/../tests/fixtures/trust-registries/{rel}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn trust_lists_import_list_remove_and_label_cards() {
    let (_env, w) = window();
    assert_eq!(call(&w, "list_trust_lists", json!({})).unwrap(), json!([]));
    let no = json!({"name": null, "test": false, "replace": false});

    // Cancelled dialog: nothing happens.
    will_pick(&w, None);
    let r = call(&w, "import_trust_list", no.clone()).unwrap();
    assert_eq!(r["imported"], false);

    // Our own format, named by the file.
    will_pick(&w, Some(&trust_fixture("backpack/example-district.json")));
    let r = call(&w, "import_trust_list", no.clone()).unwrap();
    assert_eq!(r["imported"], true, "{r}");
    assert_eq!(r["list"]["name"], "Example District recognised issuers");
    assert_eq!(r["list"]["format"], "Backpack trust list");
    assert_eq!(r["list"]["issuers"], 4);
    assert_eq!(r["list"]["test"], false);

    // A DCC registry, named in the form: a sandbox list is a test list.
    will_pick(
        &w,
        Some(&trust_fixture("dcc-sandbox-registry/registry.json")),
    );
    let r = call(
        &w,
        "import_trust_list",
        json!({"name": "DCC Sandbox Registry", "test": false, "replace": false}),
    )
    .unwrap();
    assert_eq!(
        (r["list"]["test"].clone(), r["list"]["issuers"].clone()),
        (json!(true), json!(39))
    );

    // A registry with a conflicting duplicate key: refused whole, naming the line.
    will_pick(
        &w,
        Some(&trust_fixture("dcc-issuer-registry/registry.json")),
    );
    let e = call(&w, "import_trust_list", no.clone()).unwrap_err();
    assert_eq!(e["kind"], "refused");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .starts_with("registry.json: line 56, column 5: did:key:z6MkpMKD"),
        "{e}"
    );
    let lists = call(&w, "list_trust_lists", json!({})).unwrap();
    let names: Vec<&str> = lists
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "DCC Sandbox Registry",
            "Example District recognised issuers"
        ]
    );

    // A badge whose did:key issuer both lists name: the card and the detail carry the label
    // beside an unchanged status.
    let spec = include_str!("../../tests/fixtures/dcc-verifier-core/v2OBv3SpecExample.json");
    let id = call(&w, "import_text", json!({"text": spec})).unwrap()["id"]
        .as_i64()
        .unwrap();
    let d = call(&w, "get_badge", json!({"id": id})).unwrap();
    assert_eq!(d["card"]["status"], "verified");
    let t = &d["card"]["trust"];
    assert_eq!(
        (t["verified"].clone(), t["test"].clone()),
        (json!(true), json!(false))
    );
    assert!(
        t["text"]
            .as_str()
            .unwrap()
            .starts_with("Known issuer: Public Test Issuer (listed by the district) (on 'Example District recognised issuers', imported "),
        "{t}"
    );
    let cards = call(&w, "list_badges", json!({})).unwrap();
    assert_eq!(cards[0]["trust"], *t);

    // Removing both lists removes the label, and the status stays as it was.
    for l in lists.as_array().unwrap() {
        call(&w, "remove_trust_list", json!({"id": l["id"]})).unwrap();
    }
    let d2 = call(&w, "get_badge", json!({"id": id})).unwrap();
    assert_eq!(d2["card"]["trust"], Value::Null);
    assert_eq!(d2["card"]["status"], d["card"]["status"]);
    assert_eq!(d2["report"], d["report"]);
    let e = call(&w, "remove_trust_list", json!({"id": 999})).unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "not_found", "message": "no trust list \"999\" in your wallet"})
    );
}

/// Every command the app registers has a permission (build.rs) and is granted to the main
/// window (capabilities/main.json), and nothing else is: a command missing from either list is
/// refused by Tauri's ACL at run time ("not allowed. Command not found"), which the IPC tests
/// above cannot see because they call the handlers directly.
#[test]
fn every_registered_command_is_permitted_and_granted() {
    use std::collections::BTreeSet;
    let lib = include_str!("lib.rs");
    let start = lib.find("generate_handler![").expect("handler list");
    let end = start + lib[start..].find("])").expect("end of handler list");
    let registered: BTreeSet<String> = lib[start..end]
        .split(',')
        .filter_map(|s| s.trim().rsplit("::").next())
        .filter(|s| !s.is_empty() && !s.contains('['))
        .map(str::to_string)
        .collect();
    let build = include_str!("../build.rs");
    let b0 = build.find("COMMANDS: &[&str] = &[").expect("COMMANDS");
    let b1 = b0 + build[b0..].find("];").expect("end of COMMANDS");
    let permitted: BTreeSet<String> = build[b0..b1]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let caps: serde_json::Value =
        serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|s| s.replace('-', "_"))
        .collect();
    assert!(registered.len() > 30, "{registered:?}");
    assert_eq!(
        registered, permitted,
        "build.rs COMMANDS vs lib.rs handlers"
    );
    assert_eq!(
        registered, granted,
        "capabilities/main.json vs lib.rs handlers"
    );
}

// ── "Connect a badge host" (issue 11) against the mock Open Badges 3.0 API host ──

/// The learner's browser in these tests: follows the sign-in address to the loopback answer.
struct ApprovingBrowser;

impl backpack_core::host_api::Browser for ApprovingBrowser {
    fn open(&self, url: &str) {
        let url = url.to_string();
        std::thread::spawn(move || {
            let _ = mock_host::approve_in_browser(&url);
        });
    }
}

fn hosts_for_test(w: &WebviewWindow<MockRuntime>) {
    use tauri::Manager;
    let h = w.app_handle().state::<crate::commands::hosts::HostsState>();
    h.set_insecure_loopback(true);
    h.set_browser(std::sync::Arc::new(ApprovingBrowser));
    h.set_token_store(std::sync::Arc::new(
        backpack_core::host_api::MemoryTokenStore::new(),
    ));
    h.set_login_timeout(std::time::Duration::from_secs(30));
}

fn mock_with_one_badge() -> mock_host::MockHost {
    mock_host::MockHost::start(mock_host::Behaviour {
        credentials: vec![mock_host::Cred::Json {
            bytes: include_bytes!("../../tests/fixtures/dcc-verifier-core/v2OBv3SpecExample.json")
                .to_vec(),
            issued: "2026-01-01T00:00:00Z".into(),
        }],
        ..mock_host::Behaviour::default()
    })
}

#[test]
fn connect_and_sync_a_badge_host() {
    let (_env, w) = window();
    hosts_for_test(&w);
    let m = mock_with_one_badge();
    call(&w, "set_network_allowed", json!({"allowed": true})).unwrap();
    let c = call(&w, "connect_host", json!({"url": m.base()})).unwrap();
    assert_eq!(c["host"]["name"], "Mock Badge Host");
    assert_eq!(c["host"]["profileName"], "Ada Learner");
    assert_eq!(c["host"]["url"], m.base());
    assert_eq!(c["secretsIn"], "memory (this session only)");
    assert_eq!(c["notes"], json!([]));
    let id = c["host"]["id"].as_i64().unwrap();
    let s = call(&w, "sync_host", json!({"id": id})).unwrap();
    assert_eq!(s["results"]["lines"].as_array().unwrap().len(), 1);
    assert_eq!(s["results"]["counts"]["imported"], 1);
    assert_eq!(s["results"]["lines"][0]["outcome"], "imported");
    assert_eq!(
        s["results"]["lines"][0]["file"],
        format!("127.0.0.1:{} credential 1", m.port())
    );
    assert_eq!(s["host"]["synced"], 1);
    assert_eq!(
        call(&w, "list_badges", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let s = call(&w, "sync_host", json!({"id": id})).unwrap();
    assert_eq!(
        (
            s["results"]["lines"].as_array().unwrap().len(),
            s["alreadySynced"].as_u64()
        ),
        (0, Some(1))
    );
    let hosts = call(&w, "list_hosts", json!({})).unwrap();
    assert_eq!(hosts.as_array().unwrap().len(), 1);
    assert_eq!(
        hosts[0]["lastSyncSummary"],
        "0 new, 1 already in your wallet, 0 refused"
    );
    assert_eq!(
        call(&w, "remove_host", json!({"id": id})).unwrap(),
        json!([])
    );
}

#[test]
fn connect_needs_the_network_setting_and_minor_mode_blocks_it() {
    let (_env, w) = window();
    hosts_for_test(&w);
    let m = mock_with_one_badge();
    let e = call(&w, "connect_host", json!({"url": m.base()})).unwrap_err();
    assert_eq!(e["kind"], "locked");
    assert_eq!(
        e["message"],
        "network access is not allowed: connecting to a badge host needs it (allow it in Settings, or pass --allow-network)"
    );
    call(&w, "set_network_allowed", json!({"allowed": true})).unwrap();
    call(&w, "enable_minor_mode", json!({"passphrase": "guardian-1"})).unwrap();
    // Minor mode turned the network setting off; the gate refuses on minor mode first.
    let e = call(&w, "connect_host", json!({"url": m.base()})).unwrap_err();
    assert_eq!(
        e,
        json!({"kind": "locked", "message": "minor mode is on: connecting to a badge host needs the guardian passphrase"})
    );
    assert_eq!(m.requests(), Vec::<String>::new(), "nothing was sent");
    // Unlocked by the guardian, with network allowed: it connects.
    call(&w, "unlock_minor_mode", json!({"passphrase": "guardian-1"})).unwrap();
    call(&w, "set_network_allowed", json!({"allowed": true})).unwrap();
    let c = call(&w, "connect_host", json!({"url": m.base()})).unwrap();
    assert_eq!(c["host"]["name"], "Mock Badge Host");
}

// ── Skills, pathways and "Add to LinkedIn" (issue 11) ──

const COMPLETE_OB3: &str =
    include_str!("../../tests/fixtures/1edtech-public-validator/ob30/complete.json");

/// Records the links it is asked to open.
#[derive(Default)]
struct RecordingBrowser(std::sync::Mutex<Vec<String>>);

impl backpack_core::host_api::Browser for RecordingBrowser {
    fn open(&self, url: &str) {
        self.0.lock().unwrap().push(url.to_string());
    }
}

#[test]
fn skills_view_groups_the_fixture_and_searches() {
    let (_env, w) = window();
    let id = call(&w, "import_text", json!({"text": COMPLETE_OB3})).unwrap()["id"]
        .as_i64()
        .unwrap();
    let v = call(&w, "skills", json!({})).unwrap();
    assert_eq!(
        v["frameworks"][0]["name"],
        "1EdTech University Program and Course Catalog"
    );
    assert_eq!(
        v["frameworks"][0]["skills"][0]["name"],
        "1EdTech University Degree"
    );
    assert_eq!(v["frameworks"][0]["skills"][0]["badges"], json!([id]));
    assert_eq!(v["timeline"][0]["id"], json!(id));
    let v = call(&w, "skills", json!({"query": "no such skill"})).unwrap();
    assert_eq!(v["frameworks"], json!([]));
    assert_eq!(
        v["timeline"][0]["id"],
        json!(id),
        "the timeline stays whole"
    );
}

#[test]
fn linkedin_fields_and_open_only_through_rust_and_minor_mode() {
    use tauri::Manager;
    let (_env, w) = window();
    let rec = std::sync::Arc::new(RecordingBrowser::default());
    w.app_handle()
        .state::<crate::commands::skills::LinkedInState>()
        .set_browser(rec.clone());
    let id = call(&w, "import_text", json!({"text": COMPLETE_OB3})).unwrap()["id"]
        .as_i64()
        .unwrap();
    let url = "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME\
               &name=1EdTech%20University%20Degree&organizationName=1EdTech%20University\
               &issueYear=2010&issueMonth=1&expirationYear=2030&expirationMonth=1\
               &certId=http%3A%2F%2F1edtech.edu%2Fcredentials%2F3732";
    let f = call(&w, "linkedin_fields", json!({"id": id})).unwrap();
    assert_eq!(f["name"], "1EdTech University Degree");
    assert_eq!(f["organizationName"], "1EdTech University");
    assert_eq!(f["issue"], json!([2010, 1]));
    assert_eq!(f["url"], url);
    assert!(
        rec.0.lock().unwrap().is_empty(),
        "showing fields opens nothing"
    );

    assert_eq!(call(&w, "open_linkedin", json!({"id": id})).unwrap(), url);
    assert_eq!(*rec.0.lock().unwrap(), [url]);

    call(&w, "enable_minor_mode", json!({"passphrase": "guardian-1"})).unwrap();
    assert_eq!(
        call(&w, "open_linkedin", json!({"id": id})).unwrap_err(),
        json!({"kind": "locked", "message": "minor mode is on: exporting needs the guardian passphrase"})
    );
    assert_eq!(
        rec.0.lock().unwrap().len(),
        1,
        "nothing opened under minor mode"
    );
    // The fields to copy by hand stay visible.
    assert_eq!(
        call(&w, "linkedin_fields", json!({"id": id})).unwrap()["url"],
        url
    );
    assert_eq!(
        call(&w, "linkedin_fields", json!({"id": 999})).unwrap_err()["kind"],
        "not_found"
    );
}

/// A link typed in the import screen goes through `import_text`: without network consent
/// nothing is fetched and the line says how to allow it; another wallet's backup dropped on
/// the window is opened like a folder, its key left out.
#[test]
fn a_link_without_consent_and_a_wallet_backup_dropped() {
    let (env, w) = window();
    let line = call(
        &w,
        "import_text",
        json!({"text": "https://badges.example.org/assertions/1"}),
    )
    .unwrap();
    assert_eq!(
        line,
        json!({"file": "https://badges.example.org/assertions/1", "outcome": "refused",
            "message": "not fetched: network access is not allowed. Allow it for this import \
                with --allow-network, or turn on network access in the app's settings",
            "id": null})
    );
    let backup = json!({"type": "UniversalWallet2020", "status": "UNLOCKED", "contents": [
        serde_json::from_str::<Value>(SAMPLE_OB3).unwrap(),
        {"id": "did:key:z6Mk#z6Mk", "type": "Ed25519VerificationKey2020",
         "privateKeyMultibase": "zSECRETsecretSECRET"}]});
    let path = env.wallet.with_file_name("Profile Backup.json");
    std::fs::write(&path, serde_json::to_vec(&backup).unwrap()).unwrap();
    let lines =
        call(&w, "import_files", json!({"files": choose(&w, &[&path])})).unwrap()["lines"].clone();
    let got: Vec<(String, String)> = lines
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["file"].to_string(), l["outcome"].to_string()))
        .collect();
    let p = path.display();
    assert_eq!(
        got,
        // Lines that need a look first (the skipped keys), then the badges.
        [
            (format!("\"{p}\""), "\"skipped\"".to_string()),
            (format!("\"{p}:credential 1\""), "\"imported\"".to_string()),
        ]
    );
    assert!(!lines.to_string().contains("zSECRETsecretSECRET"));
}

/// A synchronous Tauri command runs on the main thread, which paints the window: every command
/// that touches the wallet, the network, a file or Argon2 is `async` and runs its body on a
/// blocking thread (`commands::off_main`). Only `cancel_job` (it sets a flag) is synchronous.
/// (`commands/hosts.rs` is checked by its own owner's tests.)
#[test]
fn every_wallet_command_runs_off_the_main_thread() {
    let sources = [
        ("badges.rs", include_str!("commands/badges.rs")),
        ("collections.rs", include_str!("commands/collections.rs")),
        ("import.rs", include_str!("commands/import.rs")),
        ("settings.rs", include_str!("commands/settings.rs")),
        ("skills.rs", include_str!("commands/skills.rs")),
        ("trust.rs", include_str!("commands/trust.rs")),
        ("open.rs", include_str!("open.rs")),
        ("files.rs", include_str!("files.rs")),
        ("hosts.rs", include_str!("commands/hosts.rs")),
    ];
    let mut sync = Vec::new();
    let mut seen = 0;
    for (file, src) in sources {
        for (i, _) in src.match_indices("#[tauri::command]") {
            seen += 1;
            let sig = src[i..]
                .lines()
                .find(|l| l.starts_with("pub "))
                .unwrap_or("");
            if !sig.starts_with("pub async fn ") {
                sync.push(format!("{file}: {sig}"));
            }
        }
    }
    assert!(seen > 35, "{seen} commands found");
    // The only synchronous ones never wait: a cancel flag, and the search box's query
    // (Wallet::query_ids_nowait answers from the last index while the wallet is held).
    assert_eq!(
        sync,
        [
            "badges.rs: pub fn query_badges(",
            "import.rs: pub fn cancel_job(state: State<'_, AppState>) {",
            "hosts.rs: pub fn cancel_host_signin(hosts: State<'_, HostsState>) {"
        ]
    );
}

/// A report as JSON without the moments it was made and its documents fetched (two checks
/// differ only there, when a second turns between them).
fn report_without_time(r: &backpack_core::verify::Report) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.retain(|k, _| {
                    !matches!(
                        k.as_str(),
                        "checked_at" | "checkedAt" | "fetched_at" | "fetchedAt"
                    )
                });
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).unwrap();
    strip(&mut v);
    v
}

/// "Check all again" is the core's `recheck_many` in groups: Cancel between two groups keeps
/// the groups done (each badge re-checked once, nothing else touched), and a whole run gives
/// exactly the reports a badge-by-badge "Check again" gives.
#[test]
fn check_all_again_runs_in_groups_cancels_between_them_and_matches_one_by_one() {
    use crate::commands::import::recheck_all_in_groups;
    use std::sync::atomic::{AtomicBool, Ordering};
    use tauri::Manager;
    let (_env, w) = window();
    call(&w, "import_samples", json!({})).unwrap();
    import_sample(&w);
    let st = w.state::<AppState>();
    let ids = st.wallet.ids().unwrap();
    assert!(ids.len() >= 4, "{ids:?}");
    let count = |id: i64| st.wallet.core().reports(id).unwrap().len();
    let before: Vec<usize> = ids.iter().map(|&id| count(id)).collect();

    // Cancel pressed while the first group of two is being checked.
    let cancel = AtomicBool::new(false);
    let mut events = Vec::new();
    let n = recheck_all_in_groups(&st.wallet, &cancel, 2, &mut |done, total| {
        events.push((done, total));
        cancel.store(true, Ordering::SeqCst);
    })
    .unwrap();
    assert_eq!((n, events), (2, vec![(2, ids.len())]));
    let after: Vec<usize> = ids.iter().map(|&id| count(id)).collect();
    let expected: Vec<usize> = before
        .iter()
        .enumerate()
        .map(|(i, b)| b + usize::from(i < 2))
        .collect();
    assert_eq!(after, expected, "only the first group got a new report");

    // A whole run, then the same badges one by one: the same reports.
    cancel.store(false, Ordering::SeqCst);
    let mut events = Vec::new();
    let n = recheck_all_in_groups(&st.wallet, &cancel, 3, &mut |d, t| events.push((d, t))).unwrap();
    assert_eq!(n, ids.len());
    assert_eq!(events.last(), Some(&(ids.len(), ids.len())));
    let latest = |id: i64| report_without_time(&st.wallet.core().reports(id).unwrap()[0].report);
    let grouped: Vec<Value> = ids.iter().map(|&id| latest(id)).collect();
    for &id in &ids {
        st.wallet.recheck(id).unwrap();
    }
    let single: Vec<Value> = ids.iter().map(|&id| latest(id)).collect();
    assert_eq!(grouped, single);
    assert!(grouped.iter().any(|r| r.to_string().contains("verified")));
}

#[test]
fn a_bulk_import_sends_every_count_and_at_most_300_lines_problems_first() {
    use crate::commands::adapter::{ImportLine, ImportOutcome, ImportResults, MAX_IMPORT_LINES};
    let line = |i: usize, outcome: ImportOutcome| ImportLine {
        file: format!("b{i}.png"),
        outcome,
        message: String::new(),
        id: None,
    };
    let mut lines: Vec<ImportLine> = (0..400).map(|i| line(i, ImportOutcome::Imported)).collect();
    lines.push(line(400, ImportOutcome::Refused));
    lines.push(line(401, ImportOutcome::Failed));
    lines.insert(10, line(402, ImportOutcome::Duplicate));
    let r = ImportResults::of(lines);
    assert_eq!(r.total, 403);
    assert_eq!(
        (
            r.counts.imported,
            r.counts.duplicate,
            r.counts.refused,
            r.counts.failed
        ),
        (400, 1, 1, 1)
    );
    assert_eq!(r.lines.len(), MAX_IMPORT_LINES);
    let first: Vec<&str> = r.lines.iter().take(3).map(|l| l.file.as_str()).collect();
    assert_eq!(
        first,
        ["b400.png", "b401.png", "b0.png"],
        "problems first, then input order"
    );
}

/// The IPC contract (issue 9), checked against the JSON the commands really send: real
/// badges (OB 3.0 with results and alignments, embedded endorsements, CLR 2.0 with
/// associations, a hosted OB 2.0 assertion) go through the commands the UI calls, and what
/// comes back is written as typed constants to `src-tauri/ipc-samples.ts`. `make lint` runs
/// `tsc` over it with the generated `ui/js/types/ipc.d.ts`: a key the types do not declare, a
/// required key missing, or a value outside its union (a status id, a check outcome) fails
/// there. This test fails when the samples are stale (regenerate both files with
/// `UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'`).
/// Text that varies from run to run (dates, paths, keys) and long lists are shortened: only
/// the shape matters here.
#[test]
fn generated_types_samples_are_what_the_commands_send() {
    let (_env, w) = window();
    let fixture = |rel: &str| {
        std::fs::read_to_string(format!(
            "{}/../tests/fixtures/{rel}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let mut ids = Vec::new();
    for rel in [
        "1edtech-public-validator/ob30/complete.json",
        "1edtech-public-validator/ob30/endorsement-valid.json",
        "1edtech-public-validator/clr20/simple.json",
        "1edtech-public-validator/ob20/basic-assertion.json",
    ] {
        let line = call(&w, "import_text", json!({"text": fixture(rel)})).unwrap();
        assert_eq!(line["outcome"], "imported", "{rel}: {line}");
        ids.push(line["id"].as_i64().unwrap());
    }
    let details: Vec<Value> = ids
        .iter()
        .map(|id| call(&w, "get_badge", json!({"id": id})).unwrap())
        .collect();
    let cid = call(&w, "create_collection", json!({"name": "All"})).unwrap()["id"]
        .as_i64()
        .unwrap();
    let collection = call(&w, "add_to_collection", json!({"id": cid, "badgeIds": ids})).unwrap();
    call(&w, "set_key_passphrase", json!({"passphrase": "key words"})).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut shares = Vec::new();
    for format in ["zip", "html"] {
        let p = dir.path().join(format!("portfolio.{format}"));
        will_pick(&w, Some(p.to_str().unwrap()));
        let privacy = json!({"includeEvidence": true, "includeNotes": true, "includeDates": true,
            "includeEmails": false, "includeSkills": true});
        call(
            &w,
            "export_collection",
            json!({"id": cid, "format": format, "privacy": privacy, "save": true}),
        )
        .unwrap();
        let files = choose(&w, &[&p]);
        shares.push(
            call(
                &w,
                "open_received",
                json!({"files": files, "recipients": ["someone@example.org"]}),
            )
            .unwrap(),
        );
    }
    let samples = [
        (
            "BadgeCard[]",
            "cards",
            call(&w, "list_badges", json!({})).unwrap(),
        ),
        ("BadgeDetail[]", "details", Value::Array(details)),
        ("CollectionDto", "collection", collection),
        ("ShareReport[]", "shares", Value::Array(shares)),
        (
            "SkillsView",
            "skills",
            call(&w, "skills", json!({})).unwrap(),
        ),
        (
            "SettingsDto",
            "settings",
            call(&w, "get_settings", json!({})).unwrap(),
        ),
        (
            "WalletStatus",
            "walletStatus",
            call(&w, "wallet_status", json!({})).unwrap(),
        ),
    ];
    let mut out = String::from(
        "// GENERATED by src-tauri/src/tests.rs (generated_types_samples_are_what_the_commands_send):\n\
         // what the commands send for real badges, type-checked by `make lint` against ipc.d.ts.\n\
         // Regenerate: UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'\n\
         import type * as T from \"../ui/js/types/ipc\";\n",
    );
    for (ty, name, value) in samples {
        let text = serde_json::to_string_pretty(&shape(value)).unwrap();
        out += &format!("\nexport const {name}: T.{ty} = {text};\n");
    }
    // Every kind of status and outcome the samples hold is in them (the shape check covers them).
    for needed in [
        "\"issuer_not_confirmed\"",
        "\"expired\"",
        "\"pass\"",
        "\"skipped\"",
        "\"error\"",
    ] {
        assert!(out.contains(needed), "the samples hold no {needed}");
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ipc-samples.ts");
    if std::env::var_os("UPDATE_IPC_TYPES").is_some() {
        std::fs::write(path, &out).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == out,
        "src-tauri/ipc-samples.ts is stale: regenerate it with UPDATE_IPC_TYPES=1 \
         cargo nextest run -p backpack-app -E 'test(generated_types)'"
    );
}

/// `v` with the same shape and the same ids: strings that are not short ids (names, dates,
/// paths, keys, data: URIs) become "…", lists keep their first twelve items (a report's checks).
fn shape(v: Value) -> Value {
    match v {
        Value::String(s) => {
            let id_like = s.len() <= 40
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
            Value::String(if id_like { s } else { "…".into() })
        }
        Value::Array(a) => Value::Array(a.into_iter().take(12).map(shape).collect()),
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, shape(v))).collect()),
        v => v,
    }
}

/// A file the app reads or writes itself (an export, a backup, a trust list, an original)
/// that fails is named with what went wrong in the UI's language: the operating system's
/// words in English, the error's kind from the catalog in Spanish.
#[test]
fn a_file_the_app_cannot_write_is_named_in_the_ui_language() {
    let e = std::io::Error::from(std::io::ErrorKind::NotFound);
    crate::error::set_language("es".into());
    let es = crate::error::io_line("/nowhere/x.html", &e);
    crate::error::set_language("en".into());
    let en = crate::error::io_line("/nowhere/x.html", &e);
    assert_eq!(en, format!("/nowhere/x.html: {e}"));
    assert!(es.starts_with("/nowhere/x.html: "), "{es}");
    assert_ne!(es, en);
}
