// The ONLY module that touches window.__TAURI__ (STYLE §10.6). One async function per command.
import { t } from "./i18n.js";
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

/** @typedef {{id:number,name:string,issuer:string,issued:?string,status:string,image:?string,search:string,tags:string[],collections:number[],format:?string}} BadgeCard */

/** @returns {Promise<BadgeCard[]>} */ export const listBadges = () => invoke("list_badges");
/** Ids of badges whose name, issuer, description, skills or tags match `text` (prefix words).
 * @param {string} text @returns {Promise<number[]>} */ export const searchBadges = (text) => invoke("search_badges", { text });
/** Every badge's searchable text, for the in-memory search index. @returns {Promise<[number, string][]>} */
export const searchIndex = () => invoke("search_index");
/** @param {number} id */ export const getBadge = (id) => invoke("get_badge", { id });
/** @param {number} id */ export const recheckBadge = (id) => invoke("recheck_badge", { id });
/** @param {number} id @param {string} path */ export const saveOriginal = (id, path) => invoke("save_original", { id, path });
/** @param {number} id */ export const originalName = (id) => invoke("original_name", { id });
/** @param {number} id */ export const removeBadge = (id) => invoke("remove_badge", { id });
export const undoRemove = () => invoke("undo_remove");
/** @param {number} id @param {string} note */ export const setBadgeNote = (id, note) => invoke("set_badge_note", { id, note });
/** @param {number} id @param {string[]} tags */ export const setBadgeTags = (id, tags) => invoke("set_badge_tags", { id, tags });

/** @param {string[]} paths */ export const importPaths = (paths) => invoke("import_paths", { paths });
/** @param {string} text */ export const importText = (text) => invoke("import_text", { text });
export const importSamples = () => invoke("import_samples");
export const cancelJob = () => invoke("cancel_job");
export const recheckAll = () => invoke("recheck_all");
/** Verify a received export (read-only); `recipients`: the sender's emails/DIDs to match. @param {string} path @param {string[]} [recipients] */
export const openReceived = (path, recipients = []) => invoke("open_received", { path, recipients });
/** Files the app was asked to open (command line, "Open with", a second launch), each once: {import: string[], received: string[]}. */
export const takeOpenedFiles = () => invoke("take_opened_files");

/** Pick one received export file. */
export async function pickReceived() {
  const r = await invoke("plugin:dialog|open", { options: { multiple: false, title: t("dlg-received"),
    filters: [{ name: t("dlg-received-filter"), extensions: ["html", "htm", "zip", "pdf", "json"] }] } });
  return Array.isArray(r) ? r[0] ?? null : r ?? null;
}

export const listCollections = () => invoke("list_collections");
/** @param {string} name */ export const createCollection = (name) => invoke("create_collection", { name });
export const renameCollection = (id, name) => invoke("rename_collection", { id, name });
export const deleteCollection = (id) => invoke("delete_collection", { id });
export const addToCollection = (id, badgeIds) => invoke("add_to_collection", { id, badgeIds });
export const removeFromCollection = (id, badgeIds) => invoke("remove_from_collection", { id, badgeIds });
export const reorderCollection = (id, badgeIds) => invoke("reorder_collection", { id, badgeIds });
export const setCollectionNote = (id, note) => invoke("set_collection_note", { id, note });
/** Export a collection; with path null, only preview the privacy warning.
 * @param {number} id @param {"html"|"zip"|"vp"|"pdf"} format
 * @param {{includeEvidence:boolean, includeNotes:boolean, includeDates:boolean, includeEmails:boolean}} privacy
 * @param {?string} path */
export const exportCollection = (id, format, privacy, path) => invoke("export_collection", { id, format, privacy, path });

/** Ask where to save an export; resolves to a path or null. */
export async function pickExportPath(defaultPath, extension) {
  const r = await invoke("plugin:dialog|save", { options: { defaultPath, title: t("dlg-save-export"),
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }] } });
  return r ?? null;
}

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
/** Replace a damaged wallet with a backup file. */
export const restoreDamagedWallet = (path, passphrase) => invoke("restore_damaged_wallet", { path, passphrase });
/** Encrypt (`passphrase`), change the passphrase (`current` + `passphrase`) or decrypt (`current`, passphrase null). */
export const setWalletEncryption = (current, passphrase) => invoke("set_wallet_encryption", { current, passphrase });

/** Pick one backup file. */
export async function pickBackup() {
  const r = await invoke("plugin:dialog|open", { options: { multiple: false, title: t("dlg-backup") } });
  return Array.isArray(r) ? r[0] ?? null : r ?? null;
}

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

// ── dialog plugin (through its IPC commands, so no extra global script is needed) ──

/** Pick files (or one folder). Resolves to an array of paths, empty when cancelled. */
export async function pickPaths({ directory = false } = {}) {
  const options = directory
    ? { directory: true, multiple: false, title: t("dlg-folder") }
    : { multiple: true, title: t("dlg-files"),
        filters: [{ name: t("dlg-files-filter"), extensions: ["png", "svg", "json", "jwt", "jws", "txt", "zip"] }] };
  const r = await invoke("plugin:dialog|open", { options });
  if (r == null) return [];
  return Array.isArray(r) ? r : [r];
}

/** Ask where to save; resolves to a path or null. */
export async function pickSavePath(defaultPath) {
  const r = await invoke("plugin:dialog|save", { options: { defaultPath, title: t("dlg-save-original") } });
  return r ?? null;
}

// ── events ──

/** Listen to a backend event; returns a promise of the unlisten function. */
export function onEvent(name, handler) {
  return T().event.listen(name, (e) => handler(e.payload));
}

/** Files dropped on the window: handler({type:"enter"|"over"|"leave"|"drop", paths}). */
export function onDragDrop(handler) {
  const ev = T().event;
  return Promise.all([
    ev.listen("tauri://drag-enter", (e) => handler({ type: "enter", paths: e.payload.paths || [] })),
    ev.listen("tauri://drag-leave", () => handler({ type: "leave", paths: [] })),
    ev.listen("tauri://drag-drop", (e) => handler({ type: "drop", paths: e.payload.paths || [] })),
  ]);
}
