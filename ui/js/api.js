// The ONLY module that touches window.__TAURI__ (STYLE §10.6). One async function per command.
import { t, lang } from "./i18n.js";
// Every command rejects with {kind, message} (see src-tauri/src/error.rs).

const T = () => {
  const tauri = window.__TAURI__;
  if (!tauri || !tauri.core) throw { kind: "unavailable", message: "the app backend is not available" };
  return tauri;
};

/** @param {string} cmd @param {object} [args] */
function invoke(cmd, args = {}) {
  return T().core.invoke(cmd, args).catch((e) => {
    throw typeof e === "object" && e && "kind" in e ? e : { kind: "core", message: String(e) };
  });
}

// The shapes below are generated from the Rust types (ui/js/types/ipc.d.ts, checked by
// src-tauri/src/ipc.rs): every field is camelCase, so no view hedges on casing.
/** @typedef {import("./types/ipc").BadgeCard} BadgeCard */
/** @typedef {import("./types/ipc").BadgeDetail} BadgeDetail */
/** @typedef {import("./types/ipc").ImportLine} ImportLine */
/** @typedef {import("./types/ipc").SettingsDto} SettingsDto */

/** Tell the backend the language the page shows (its errors and import lines follow it).
 * @param {string} code */ export const setLanguage = (code) => invoke("set_language", { lang: code });
/** @returns {Promise<BadgeCard[]>} */ export const listBadges = () => invoke("list_badges");
/** Ids of badges whose name, issuer, description, skills or tags match `text` (prefix words).
 * @param {string} text @returns {Promise<number[]>} */ export const searchBadges = (text) => invoke("search_badges", { text });
/** Every badge's searchable text, for the in-memory search index. @returns {Promise<[number, string][]>} */
export const searchIndex = () => invoke("search_index");
/** @param {number} id @returns {Promise<BadgeDetail>} */ export const getBadge = (id) => invoke("get_badge", { id });
/** @param {number} id */ export const recheckBadge = (id) => invoke("recheck_badge", { id });
/** Ask where to save the original (the backend opens the save dialog) and write it there.
 * Resolves to false when the learner cancelled. @param {number} id */
export const saveOriginal = (id) => invoke("save_original", { id, title: t("dlg-save-original") });
/** @param {number} id */ export const originalName = (id) => invoke("original_name", { id });
/** @param {number} id */ export const removeBadge = (id) => invoke("remove_badge", { id });
export const undoRemove = () => invoke("undo_remove");
/** @param {number} id @param {string} note */ export const setBadgeNote = (id, note) => invoke("set_badge_note", { id, note });
/** @param {number} id @param {string[]} tags */ export const setBadgeTags = (id, tags) => invoke("set_badge_tags", { id, tags });

// Files never cross IPC as paths (src-tauri/src/files.rs): dialogs open in the backend, a drop
// is kept there, and the page gets a handle {id, names} to pass back.
/** @typedef {import("./types/ipc").FileHandle} FileHandle */
/** Import the files behind a handle (a drop, the file dialog, files opened with the app):
 * every outcome counted, and at most 300 lines (problems first).
 * @param {FileHandle} files @returns {Promise<import("./types/ipc").ImportResults>} */ export const importFiles = (files) => invoke("import_files", { files: files.id });
/** @param {string} text */ export const importText = (text) => invoke("import_text", { text });
export const importSamples = () => invoke("import_samples");
export const cancelJob = () => invoke("cancel_job");
export const recheckAll = () => invoke("recheck_all");
/** Verify a received export (read-only); `recipients`: the sender's emails/DIDs to match.
 * @param {FileHandle} files @param {string[]} [recipients] */
export const openReceived = (files, recipients = []) => invoke("open_received", { files: files.id, recipients });
/** Files the app was asked to open (command line, "Open with", a second launch), each once:
 * {import: ?FileHandle, received: FileHandle[]}. */
export const takeOpenedFiles = () => invoke("take_opened_files");

/** Pick one received export file; a handle, or null when cancelled. */
export const pickReceived = () => invoke("pick_files", { kind: "received", title: t("dlg-received"), filter: t("dlg-received-filter") });

export const listCollections = () => invoke("list_collections");
/** @param {string} name */ export const createCollection = (name) => invoke("create_collection", { name });
export const renameCollection = (id, name) => invoke("rename_collection", { id, name });
export const deleteCollection = (id) => invoke("delete_collection", { id });
export const addToCollection = (id, badgeIds) => invoke("add_to_collection", { id, badgeIds });
export const removeFromCollection = (id, badgeIds) => invoke("remove_from_collection", { id, badgeIds });
export const reorderCollection = (id, badgeIds) => invoke("reorder_collection", { id, badgeIds });
export const setCollectionNote = (id, note) => invoke("set_collection_note", { id, note });
/** Export a collection. With `save`, the backend asks where (a save dialog suggesting
 * `fileName`) and writes it; null when the learner cancelled. Without, only preview the
 * privacy warning.
 * @param {number} id @param {"html"|"zip"|"vp"|"pdf"} format
 * @param {{includeEvidence:boolean, includeNotes:boolean, includeDates:boolean, includeEmails:boolean, includeSkills:boolean}} privacy
 * @param {boolean} save @param {string} [fileName] */
export const exportCollection = (id, format, privacy, save, fileName) =>
  invoke("export_collection", { id, format, privacy, save, fileName: fileName ?? null, title: t("dlg-save-export"), lang });

export const getProfile = () => invoke("get_profile");
/** @param {"email"|"did"} kind @param {string} value */ export const addIdentity = (kind, value) => invoke("add_identity", { kind, value });
export const removeIdentity = (value) => invoke("remove_identity", { value });
export const getSettings = () => invoke("get_settings");
export const setNetworkAllowed = (allowed) => invoke("set_network_allowed", { allowed });
export const enableMinorMode = (passphrase) => invoke("enable_minor_mode", { passphrase });
export const unlockMinorMode = (passphrase) => invoke("unlock_minor_mode", { passphrase });
export const lockMinorMode = () => invoke("lock_minor_mode");
export const disableMinorMode = (passphrase) => invoke("disable_minor_mode", { passphrase });
/** The key file's passphrase for this session (where there is no system keyring). */
export const setKeyPassphrase = (passphrase) => invoke("set_key_passphrase", { passphrase });
/** Is the wallet open? `{state: "ok"|"locked"|"damaged", message, path, encrypted}`. */
export const walletStatus = () => invoke("wallet_status");
export const unlockWallet = (passphrase) => invoke("unlock_wallet", { passphrase });
/** Replace a damaged wallet with a backup file (a handle from pickBackup). @param {FileHandle} backup */
export const restoreDamagedWallet = (backup, passphrase) => invoke("restore_damaged_wallet", { backup: backup.id, passphrase });
/** Encrypt (`passphrase`), change the passphrase (`current` + `passphrase`) or decrypt (`current`, passphrase null). */
export const setWalletEncryption = (current, passphrase) => invoke("set_wallet_encryption", { current, passphrase });

/** Pick one backup file; a handle, or null when cancelled. */
export const pickBackup = () => invoke("pick_files", { kind: "backup", title: t("dlg-backup") });

// Issuer trust lists. The file is chosen in a native dialog the backend opens itself: the
// webview never passes a path for these.
export const listTrustLists = () => invoke("list_trust_lists");
/** Resolves to {imported, list, replaced, notes}; imported is false when the dialog was cancelled.
 * @param {?string} name @param {boolean} test @param {boolean} replace */
export const importTrustList = (name, test, replace) => invoke("import_trust_list", { name: name || null, test, replace });
/** @param {number} id */ export const removeTrustList = (id) => invoke("remove_trust_list", { id });

// Badge hosts (Open Badges 3.0 API). connect and sync wait for the network and the learner's
// browser; the sign-in address arrives as the "host-signin" event {url}.
export const listHosts = () => invoke("list_hosts");
/** @param {string} url */ export const connectHost = (url) => invoke("connect_host", { url });
/** @param {number} id */ export const syncHost = (id) => invoke("sync_host", { id });
export const cancelHostSignin = () => invoke("cancel_host_signin");
/** @param {number} id */ export const removeHost = (id) => invoke("remove_host", { id });

/** The skills view: frameworks/skills, results, achievement types, stacks, timeline.
 * @param {?string} query */ export const skills = (query) => invoke("skills", { query });
/** LinkedIn's add-to-profile fields and link for a badge. @param {number} id */
export const linkedinFields = (id) => invoke("linkedin_fields", { id });
/** Open the badge's LinkedIn link in the system browser (after the learner confirmed). @param {number} id */
export const openLinkedin = (id) => invoke("open_linkedin", { id });

// ── open dialogs (opened by the backend: the page gets a handle, never a path) ──

/** Pick badge files (or one folder). Resolves to a handle, or null when cancelled. */
export const pickFiles = ({ directory = false } = {}) => directory
  ? invoke("pick_files", { kind: "folder", title: t("dlg-folder") })
  : invoke("pick_files", { kind: "badges", title: t("dlg-files"), filter: t("dlg-files-filter") });

// ── events ──

/** Listen to a backend event; returns a promise of the unlisten function. */
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

/** Files dropped on the window, kept by the backend: handler(FileHandle). */
export const onFilesDropped = (handler) => onEvent("files-dropped", handler);
