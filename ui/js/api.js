// The ONLY module that touches window.__TAURI__ (STYLE §10.6). One async function per command.
import { t, lang } from "./i18n.js";
// Every command rejects with {kind, message} (see src-tauri/src/error.rs).

const T = () => {
  const tauri = window.__TAURI__;
  if (!tauri || !tauri.core) throw { kind: "unavailable", message: "the app backend is not available" };
  return tauri;
};

/** A command's result, typed by the wrapper that calls it (its `@returns`, from ipc.d.ts).
 * @template T @param {string} cmd @param {object} [args] @returns {Promise<T>} */
function invoke(cmd, args = {}) {
  return /** @type {Promise<T>} */ (T().core.invoke(cmd, args)).catch((e) => {
    throw typeof e === "object" && e && "kind" in e ? e : { kind: "core", message: String(e) };
  });
}

// The shapes below are generated from the Rust types (ui/js/types/ipc.d.ts, checked by
// src-tauri/src/ipc.rs): every field is camelCase, so no view hedges on casing. `make lint`
// type-checks every view against them (tsconfig.json), so each wrapper names what it returns.
/** @typedef {import("./types/ipc").BadgeCard} BadgeCard */
/** @typedef {import("./types/ipc").BadgeDetail} BadgeDetail */
/** @typedef {import("./types/ipc").ImportLine} ImportLine */
/** @typedef {import("./types/ipc").ImportResults} ImportResults */
/** @typedef {import("./types/ipc").SettingsDto} SettingsDto */
/** @typedef {import("./types/ipc").WalletStatus} WalletStatus */
/** @typedef {import("./types/ipc").Profile} Profile */
/** @typedef {import("./types/ipc").CollectionDto} CollectionDto */
/** @typedef {import("./types/ipc").ExportSummary} ExportSummary */
/** @typedef {import("./types/ipc").PrivacyArgs} PrivacyArgs */
/** @typedef {import("./types/ipc").ShareReport} ShareReport */
/** @typedef {import("./types/ipc").OpenedFiles} OpenedFiles */
/** @typedef {import("./types/ipc").TrustListDto} TrustListDto */
/** @typedef {import("./types/ipc").TrustImportDto} TrustImportDto */
/** @typedef {import("./types/ipc").HostDto} HostDto */
/** @typedef {import("./types/ipc").ConnectDto} ConnectDto */
/** @typedef {import("./types/ipc").SyncDto} SyncDto */
/** @typedef {import("./types/ipc").SkillsView} SkillsView */
/** @typedef {import("./types/ipc").LinkedInDto} LinkedInDto */
/** @typedef {import("./types/ipc").Progress} Progress */

/** Tell the backend the language the page shows (its errors and import lines follow it).
 * @param {string} code */ export const setLanguage = (code) => invoke("set_language", { lang: code });
/** @returns {Promise<BadgeCard[]>} */ export const listBadges = () => invoke("list_badges");
/** Ids of the badges matching a gallery query (search words as prefixes in the name, issuer,
 * description, skills or tags; issuer, status, collection, tag; sort), in order: the core's
 * one search engine. The matches `offset..offset + limit` (all from `offset` when `limit` is
 * null) and how many match in all. @param {import("./types/ipc").GalleryQuery} query
 * @param {number} offset @param {?number} limit @returns {Promise<import("./types/ipc").GalleryPage>} */
export const queryBadges = (query, offset, limit) => invoke("query_badges", { query, offset, limit });
/** @param {number} id @returns {Promise<BadgeDetail>} */ export const getBadge = (id) => invoke("get_badge", { id });
/** @param {number} id @returns {Promise<BadgeDetail>} */ export const recheckBadge = (id) => invoke("recheck_badge", { id });
/** Ask where to save the original (the backend opens the save dialog) and write it there.
 * Resolves to false when the learner cancelled. @param {number} id @returns {Promise<boolean>} */
export const saveOriginal = (id) => invoke("save_original", { id, title: t("dlg-save-original") });
/** @param {number} id @returns {Promise<string>} */ export const originalName = (id) => invoke("original_name", { id });
/** @param {number} id @returns {Promise<void>} */ export const removeBadge = (id) => invoke("remove_badge", { id });
/** The restored badge's id. @returns {Promise<number>} */
export const undoRemove = () => invoke("undo_remove");
/** @param {number} id @param {string} note @returns {Promise<void>} */ export const setBadgeNote = (id, note) => invoke("set_badge_note", { id, note });
/** @param {number} id @param {string[]} tags @returns {Promise<void>} */ export const setBadgeTags = (id, tags) => invoke("set_badge_tags", { id, tags });

// Files never cross IPC as paths (src-tauri/src/files.rs): dialogs open in the backend, a drop
// is kept there, and the page gets a handle {id, names} to pass back.
/** @typedef {import("./types/ipc").FileHandle} FileHandle */
/** Import the files behind a handle (a drop, the file dialog, files opened with the app):
 * every outcome counted, and at most 300 lines (problems first).
 * @param {FileHandle} files @returns {Promise<ImportResults>} */ export const importFiles = (files) => invoke("import_files", { files: files.id });
/** @param {string} text @returns {Promise<ImportLine>} */ export const importText = (text) => invoke("import_text", { text });
/** @returns {Promise<ImportLine[]>} */
export const importSamples = () => invoke("import_samples");
/** @returns {Promise<void>} */
export const cancelJob = () => invoke("cancel_job");
/** How many badges were checked. @returns {Promise<number>} */
export const recheckAll = () => invoke("recheck_all");
/** Verify a received export (read-only); `recipients`: the sender's emails/DIDs to match.
 * @param {FileHandle} files @param {string[]} [recipients] @returns {Promise<ShareReport>} */
export const openReceived = (files, recipients = []) => invoke("open_received", { files: files.id, recipients });
/** Files the app was asked to open (command line, "Open with", a second launch), each once:
 * {import: ?FileHandle, received: FileHandle[]}. @returns {Promise<OpenedFiles>} */
export const takeOpenedFiles = () => invoke("take_opened_files");

/** Pick one received export file; a handle, or null when cancelled. @returns {Promise<FileHandle | null>} */
export const pickReceived = () => invoke("pick_files", { kind: "received", title: t("dlg-received"), filter: t("dlg-received-filter") });

/** @returns {Promise<CollectionDto[]>} */ export const listCollections = () => invoke("list_collections");
/** @param {string} name @returns {Promise<CollectionDto>} */ export const createCollection = (name) => invoke("create_collection", { name });
/** @param {number} id @param {string} name @returns {Promise<CollectionDto>} */
export const renameCollection = (id, name) => invoke("rename_collection", { id, name });
/** @param {number} id @returns {Promise<void>} */ export const deleteCollection = (id) => invoke("delete_collection", { id });
/** @param {number} id @param {number[]} badgeIds @returns {Promise<CollectionDto>} */
export const addToCollection = (id, badgeIds) => invoke("add_to_collection", { id, badgeIds });
/** @param {number} id @param {number[]} badgeIds @returns {Promise<CollectionDto>} */
export const removeFromCollection = (id, badgeIds) => invoke("remove_from_collection", { id, badgeIds });
/** @param {number} id @param {number[]} badgeIds @returns {Promise<CollectionDto>} */
export const reorderCollection = (id, badgeIds) => invoke("reorder_collection", { id, badgeIds });
/** @param {number} id @param {string} note @returns {Promise<void>} */
export const setCollectionNote = (id, note) => invoke("set_collection_note", { id, note });
/** Export a collection. With `save`, the backend asks where (a save dialog suggesting
 * `fileName`) and writes it; null when the learner cancelled. Without, only preview the
 * privacy warning.
 * @param {number} id @param {"html"|"zip"|"vp"|"pdf"} format
 * @param {PrivacyArgs} privacy
 * @param {boolean} save @param {string} [fileName] @returns {Promise<ExportSummary | null>} */
export const exportCollection = (id, format, privacy, save, fileName) =>
  invoke("export_collection", { id, format, privacy, save, fileName: fileName ?? null, title: t("dlg-save-export"), lang });

/** @returns {Promise<Profile>} */ export const getProfile = () => invoke("get_profile");
/** @param {"email"|"did"} kind @param {string} value @returns {Promise<Profile>} */ export const addIdentity = (kind, value) => invoke("add_identity", { kind, value });
/** @param {string} value @returns {Promise<Profile>} */ export const removeIdentity = (value) => invoke("remove_identity", { value });
/** @returns {Promise<SettingsDto>} */ export const getSettings = () => invoke("get_settings");
/** @param {boolean} allowed @returns {Promise<SettingsDto>} */ export const setNetworkAllowed = (allowed) => invoke("set_network_allowed", { allowed });
/** @param {string} passphrase @returns {Promise<SettingsDto>} */ export const enableMinorMode = (passphrase) => invoke("enable_minor_mode", { passphrase });
/** @param {string} passphrase @returns {Promise<SettingsDto>} */ export const unlockMinorMode = (passphrase) => invoke("unlock_minor_mode", { passphrase });
/** @returns {Promise<SettingsDto>} */ export const lockMinorMode = () => invoke("lock_minor_mode");
/** @param {string} passphrase @returns {Promise<SettingsDto>} */ export const disableMinorMode = (passphrase) => invoke("disable_minor_mode", { passphrase });
/** The key file's passphrase for this session (where there is no system keyring).
 * @param {string} passphrase @returns {Promise<SettingsDto>} */
export const setKeyPassphrase = (passphrase) => invoke("set_key_passphrase", { passphrase });
/** Is the wallet open? `{state: "ok"|"locked"|"damaged", message, path, encrypted}`. @returns {Promise<WalletStatus>} */
export const walletStatus = () => invoke("wallet_status");
/** @param {string} passphrase @returns {Promise<WalletStatus>} */ export const unlockWallet = (passphrase) => invoke("unlock_wallet", { passphrase });
/** Replace a damaged wallet with a backup file (a handle from pickBackup).
 * @param {FileHandle} backup @param {string} passphrase @returns {Promise<WalletStatus>} */
export const restoreDamagedWallet = (backup, passphrase) => invoke("restore_damaged_wallet", { backup: backup.id, passphrase });
/** Encrypt (`passphrase`), change the passphrase (`current` + `passphrase`) or decrypt (`current`, passphrase null).
 * @param {?string} current @param {?string} passphrase @returns {Promise<SettingsDto>} */
export const setWalletEncryption = (current, passphrase) => invoke("set_wallet_encryption", { current, passphrase });

/** Pick one backup file; a handle, or null when cancelled. @returns {Promise<FileHandle | null>} */
export const pickBackup = () => invoke("pick_files", { kind: "backup", title: t("dlg-backup") });

// Issuer trust lists. The file is chosen in a native dialog the backend opens itself: the
// webview never passes a path for these.
/** @returns {Promise<TrustListDto[]>} */ export const listTrustLists = () => invoke("list_trust_lists");
/** Resolves to {imported, list, replaced, notes}; imported is false when the dialog was cancelled.
 * @param {?string} name @param {boolean} test @param {boolean} replace @returns {Promise<TrustImportDto>} */
export const importTrustList = (name, test, replace) => invoke("import_trust_list", { name: name || null, test, replace });
/** @param {number} id @returns {Promise<TrustListDto[]>} */ export const removeTrustList = (id) => invoke("remove_trust_list", { id });

// Badge hosts (Open Badges 3.0 API). connect and sync wait for the network and the learner's
// browser; the sign-in address arrives as the "host-signin" event {url}.
/** @returns {Promise<HostDto[]>} */ export const listHosts = () => invoke("list_hosts");
/** @param {string} url @returns {Promise<ConnectDto>} */ export const connectHost = (url) => invoke("connect_host", { url });
/** @param {number} id @returns {Promise<SyncDto>} */ export const syncHost = (id) => invoke("sync_host", { id });
/** @returns {Promise<void>} */ export const cancelHostSignin = () => invoke("cancel_host_signin");
/** @param {number} id @returns {Promise<HostDto[]>} */ export const removeHost = (id) => invoke("remove_host", { id });

/** The skills view: frameworks/skills, results, achievement types, stacks, timeline.
 * @param {?string} query @returns {Promise<SkillsView>} */ export const skills = (query) => invoke("skills", { query });
/** LinkedIn's add-to-profile fields and link for a badge. @param {number} id @returns {Promise<LinkedInDto>} */
export const linkedinFields = (id) => invoke("linkedin_fields", { id });
/** Open the badge's LinkedIn link in the system browser (after the learner confirmed).
 * @param {number} id @returns {Promise<string>} */
export const openLinkedin = (id) => invoke("open_linkedin", { id });

// ── open dialogs (opened by the backend: the page gets a handle, never a path) ──

/** Pick badge files (or one folder). Resolves to a handle, or null when cancelled.
 * @returns {Promise<FileHandle | null>} */
export const pickFiles = ({ directory = false } = {}) => directory
  ? invoke("pick_files", { kind: "folder", title: t("dlg-folder") })
  : invoke("pick_files", { kind: "badges", title: t("dlg-files"), filter: t("dlg-files-filter") });

// ── events ──

/** What each backend event carries (src-tauri: `app.emit(name, payload)`).
 * @typedef {{
 *   "import-progress": Progress,
 *   "recheck-progress": Progress,
 *   "host-signin": import("./types/ipc").HostSignin,
 *   "files-dropped": FileHandle,
 *   "open-files": null,
 * }} Events */

/** Listen to a backend event; returns a promise of the unlisten function.
 * @template {keyof Events} K @param {K} name @param {(payload: Events[K]) => void} handler
 * @returns {Promise<() => void>} */
export function onEvent(name, handler) {
  return T().event.listen(name, (e) => handler(e.payload));
}

/** A drag over the window, for the drop overlay only: handler("enter"|"leave"|"drop"). The
 * dropped files themselves arrive through onFilesDropped. */
export function onDragDrop(handler) {
  const ev = T().event;
  return Promise.all([
    ev.listen("tauri://drag-enter", () => handler("enter")),
    ev.listen("tauri://drag-leave", () => handler("leave")),
    ev.listen("tauri://drag-drop", () => handler("drop")),
  ]);
}

/** Files dropped on the window, kept by the backend: handler(FileHandle).
 * @param {(files: FileHandle) => void} handler */
export const onFilesDropped = (handler) => onEvent("files-dropped", handler);
