//! Declares every app command so tauri-build generates its `allow-<command>` permission.
//! When adding a command, don't forget to also add it to `invoke_handler()` in `src/lib.rs`
//! and to `permissions` in `capabilities/main.json`.

const COMMANDS: &[&str] = &[
    "list_badges",
    "query_badges",
    "get_badge",
    "recheck_badge",
    "save_original",
    "original_name",
    "remove_badge",
    "undo_remove",
    "set_badge_note",
    "set_badge_tags",
    "import_files",
    "pick_files",
    "import_text",
    "import_samples",
    "cancel_job",
    "recheck_all",
    "open_received",
    "take_opened_files",
    "list_collections",
    "create_collection",
    "rename_collection",
    "delete_collection",
    "add_to_collection",
    "remove_from_collection",
    "reorder_collection",
    "set_collection_note",
    "export_collection",
    "get_profile",
    "add_identity",
    "remove_identity",
    "get_settings",
    "set_network_allowed",
    "enable_minor_mode",
    "unlock_minor_mode",
    "lock_minor_mode",
    "disable_minor_mode",
    "list_trust_lists",
    "import_trust_list",
    "remove_trust_list",
    "wallet_status",
    "unlock_wallet",
    "restore_damaged_wallet",
    "set_key_passphrase",
    "set_wallet_encryption",
    "list_hosts",
    "connect_host",
    "sync_host",
    "cancel_host_signin",
    "remove_host",
    "skills",
    "linkedin_fields",
    "open_linkedin",
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attrs).expect("tauri-build failed");
}
