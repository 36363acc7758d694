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
    let state = AppState::open(&wallet).unwrap();
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
    call(
        &w,
        "save_original",
        json!({"id": id, "path": out.to_str().unwrap()}),
    )
    .unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), SAMPLE_OB3.trim().as_bytes());
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
fn search_returns_matching_ids() {
    let (_env, w) = window();
    let id = import_sample(&w);
    let name = badge_name(&w, id);
    let word = name.split_whitespace().next().unwrap().to_lowercase();
    assert_eq!(
        call(&w, "search_badges", json!({"text": word})).unwrap(),
        json!([id])
    );
    assert_eq!(
        call(&w, "search_badges", json!({"text": "zzz-no-such-badge"})).unwrap(),
        json!([])
    );
}

#[test]
fn search_index_holds_each_badge_text() {
    let (_env, w) = window();
    let id = import_sample(&w);
    let name = badge_name(&w, id);
    let index = call(&w, "search_index", json!({})).unwrap();
    assert_eq!(index.as_array().unwrap().len(), 1, "{index}");
    assert_eq!(index[0][0], id);
    assert!(
        index[0][1]
            .as_str()
            .unwrap()
            .starts_with(&format!("{name}\n")),
        "{index}"
    );
    call(&w, "remove_badge", json!({"id": id})).unwrap();
    assert_eq!(call(&w, "search_index", json!({})).unwrap(), json!([]));
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
    let lines = call(
        &w,
        "import_paths",
        json!({"paths": [path.to_str().unwrap()]}),
    )
    .unwrap();
    let got: Vec<(String, String)> = lines
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["file"].to_string(), l["outcome"].to_string()))
        .collect();
    let p = path.display();
    assert_eq!(
        got,
        [
            (format!("\"{p}:credential 1\""), "\"imported\"".to_string()),
            (format!("\"{p}\""), "\"skipped\"".to_string()),
        ]
    );
    assert!(!lines.to_string().contains("zSECRETsecretSECRET"));
}
