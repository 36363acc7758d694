// Settings and profile: the learner's emails and DIDs (used only on this computer, to check
// that a badge was issued to them), network permission (off by default, explained), minor
// mode with a guardian passphrase, issuer trust lists, and where the wallet file lives.
import * as api from "../api.js";
import { $, $$, el, clear, toast, errorToast, fmtDate } from "../dom.js";
import { state, refreshSettings } from "../store.js";
import { t, LANGUAGES, preference, setPreference } from "../i18n.js";

export function initializeSettings() {}

export async function renderSettings() {
  const body = clear($("#settings-body"));
  /** @type {[import("../types/ipc").Profile, import("../types/ipc").SettingsDto, import("../types/ipc").TrustListDto[]]} */
  let all;
  try {
    all = await Promise.all([api.getProfile(), api.getSettings(), api.listTrustLists()]);
  } catch (e) { errorToast(e); return; }
  const [profile, s, lists] = all;
  const locked = s.minorMode && !s.unlocked;
  body.append(languageCard(), profileCard(profile), trustCard(lists), locked ? null : networkCard(s), minorCard(s), keyCard(s), walletCard(s), encryptionCard(s));
}

// The app's language: the system's (navigator.languages) unless chosen here; kept in
// localStorage by i18n.js. Exports and the CLI are not translated yet.
function languageCard() {
  const sys = LANGUAGES.find(([c]) => (navigator.language || "en").toLowerCase().startsWith(c)) || LANGUAGES[0];
  const sel = el("select", { id: "language", "aria-describedby": "language-help" },
    el("option", { value: "" }, t("language-system", { name: sys[1] })),
    ...LANGUAGES.map(([code, name]) => el("option", { value: code, lang: code, translate: "no" }, name)));
  sel.value = LANGUAGES.some(([c]) => c === preference()) ? preference() : "";
  sel.addEventListener("change", () => {
    setPreference(sel.value);
    window.dispatchEvent(new Event("backpack:language"));
    requestAnimationFrame(() => $("#language")?.focus());
  });
  return el("section", { class: "card-panel", "aria-labelledby": "language-h" },
    el("h2", { id: "language-h" }, t("language-title")),
    el("div", { class: "row" }, el("label", { for: "language" }, t("language-label")), sel),
    el("p", { class: "muted", id: "language-help" }, t("language-help")));
}

function idList(items) {
  return el("ul", { class: "id-list" }, ...items.map((v) => el("li", {}, el("span", { translate: "no" }, v),
    el("button", { type: "button", class: "btn small", "aria-label": t("remove-identity", { value: v }, "aria-label"), onclick: async () => {
      try { await api.removeIdentity(v); renderSettings(); } catch (e) { errorToast(e); }
    } }, t("remove")))));
}

function addForm(kind, label, placeholder) {
  const input = el("input", { type: kind === "email" ? "email" : "text", "aria-label": label, placeholder, id: `add-${kind}` });
  return el("form", { class: "row", onsubmit: async (e) => {
    e.preventDefault();
    try { await api.addIdentity(kind, input.value); renderSettings(); } catch (err) { errorToast(err); }
  } }, input, el("button", { type: "submit", class: "btn" }, t("add")));
}

/** @param {import("../types/ipc").Profile} p */
function profileCard(p) {
  return el("section", { class: "card-panel", "aria-labelledby": "profile-h" },
    el("h2", { id: "profile-h" }, t("profile-title")),
    el("p", { class: "muted" }, t("profile-text")),
    el("h3", {}, t("profile-emails")), idList(p.emails), addForm("email", t("profile-add-email"), t("welcome-email-input", null, "placeholder")),
    el("h3", {}, t("profile-dids")), idList(p.dids), addForm("did", t("profile-add-did"), t("did-example")));
}

/** @param {import("../types/ipc").SettingsDto} s */
function networkCard(s) {
  const box = el("input", { type: "checkbox", id: "network-allowed", checked: s.networkAllowed, "aria-describedby": "network-help" });
  box.addEventListener("change", async () => {
    try { await api.setNetworkAllowed(box.checked); await refreshSettings(); toast(t(box.checked ? "network-on" : "network-off")); } catch (e) { box.checked = !box.checked; errorToast(e); }
  });
  return el("section", { class: "card-panel", "aria-labelledby": "network-h", "data-sharing": "" },
    el("h2", { id: "network-h" }, t("network-title")),
    el("label", { class: "switch" }, box, t("network-allow")),
    el("div", { class: "note-box", id: "network-help" },
      el("p", {}, t("network-off-text")),
      el("p", {}, t("network-on-text")),
      el("p", {}, t("network-images"))));
}

/** @param {import("../types/ipc").SettingsDto} s */
function minorCard(s) {
  const pass = el("input", { type: "password", id: "guardian-pass", "aria-label": t("guardian-pass"), autocomplete: "new-password", placeholder: t("guardian-pass") });
  const act = (fn, msg) => async (e) => {
    e.preventDefault();
    try { await fn(pass.value); pass.value = ""; await refreshSettings(); renderSettings(); toast(msg); } catch (err) { errorToast(err); }
  };
  let content;
  if (!s.minorMode) {
    content = [el("p", { class: "muted" }, t("minor-text")),
      el("form", { class: "row", onsubmit: act(api.enableMinorMode, t("minor-on-toast")) }, pass, el("button", { type: "submit", class: "btn primary" }, t("minor-turn-on")))];
  } else if (!s.unlocked) {
    content = [el("p", {}, t("minor-locked")),
      el("form", { class: "row", onsubmit: act(api.unlockMinorMode, t("minor-unlocked-toast")) }, pass, el("button", { type: "submit", class: "btn primary" }, t("minor-unlock")))];
  } else {
    content = [el("p", {}, t("minor-unlocked")),
      el("div", { class: "row" }, el("button", { type: "button", class: "btn", onclick: async () => { await api.lockMinorMode(); await refreshSettings(); renderSettings(); } }, t("minor-lock"))),
      el("form", { class: "row", onsubmit: act(api.disableMinorMode, t("minor-off-toast")) }, pass, el("button", { type: "submit", class: "btn" }, t("minor-turn-off")))];
  }
  return el("section", { class: "card-panel", "aria-labelledby": "minor-h" }, el("h2", { id: "minor-h" }, t("minor-title")), ...content);
}

// Trust lists: names and sources come from imported files, so they go in as text only.
/** @param {import("../types/ipc").TrustListDto[]} lists */
function trustCard(lists) {
  const name = el("input", { type: "text", id: "trust-name", "aria-label": t("trust-name", null, "aria-label"), placeholder: t("trust-name", null, "placeholder") });
  const test = el("input", { type: "checkbox", id: "trust-test" });
  const replace = el("input", { type: "checkbox", id: "trust-replace" });
  const pick = el("button", { type: "button", class: "btn primary", id: "trust-import" }, t("trust-import"));
  pick.addEventListener("click", async () => {
    pick.disabled = true;
    try {
      const r = await api.importTrustList(name.value.trim(), test.checked, replace.checked);
      if (r.imported) {
        const l = r.list;
        toast(t(r.replaced ? "trust-replaced" : "trust-imported", { name: l.name, n: l.issuers, test: l.test ? "yes" : "no" }));
        for (const n of r.notes || []) toast(n);
        renderSettings();
      }
    } catch (e) { errorToast(e); } finally { pick.disabled = false; }
  });
  const rows = lists.map((l) => el("li", { "data-trust-list": String(l.id) },
    el("div", {},
      el("strong", { translate: "no" }, l.name), l.test ? el("span", { class: "tag trust-test" }, t("trust-test-list")) : null,
      el("div", { class: "muted" }, t("trust-list-line", { n: l.issuers, format: l.format, imported: fmtDate(l.importedAt) }), l.listDate ? ` · ${t("trust-dated", { date: fmtDate(l.listDate) })}` : ""),
      el("div", { class: "muted url", translate: "no" }, l.source)),
    el("button", { type: "button", class: "btn small", "aria-label": t("trust-remove", { name: l.name }, "aria-label"), onclick: async () => {
      try { await api.removeTrustList(l.id); toast(t("trust-removed", { name: l.name })); renderSettings(); } catch (e) { errorToast(e); }
    } }, t("remove"))));
  return el("section", { class: "card-panel", "aria-labelledby": "trust-h" },
    el("h2", { id: "trust-h" }, t("trust-title")),
    el("p", { class: "muted" }, t("trust-text1")),
    el("p", { class: "muted" }, t("trust-text2")),
    lists.length ? el("ul", { class: "id-list trust-lists", id: "trust-lists" }, ...rows) : el("p", { id: "trust-lists-empty" }, t("trust-none")),
    el("div", { class: "row" }, name, pick),
    el("label", { class: "switch" }, test, t("trust-is-test")),
    el("label", { class: "switch" }, replace, t("trust-replace")));
}

/** Where the key is, with a label (key-where-<id>): every `KeyStore` but "other" (ipc.d.ts;
 * `make lint` fails here when the app adds one). @type {Record<Exclude<import("../types/ipc").KeyStore, "other">, true>} */
const KEY_STORES = { "os-keyring": true, "key-file": true, "in-wallet": true, none: true };

/** @param {import("../types/ipc").SettingsDto} s */
function keyCard(s) {
  const content = [el("p", { class: "muted", id: "key-where" }, Object.hasOwn(KEY_STORES, s.keyStore) ? t(`key-where-${s.keyStore}`) : "")];
  if (s.keyNeedsPassphrase || s.keyStore === "none") {
    const pass = el("input", { type: "password", id: "key-pass", "aria-label": t("key-pass-title"), autocomplete: "current-password", placeholder: t("key-pass-title") });
    content.push(
      el("p", { class: "muted" }, t("key-pass-note")),
      el("form", { class: "row", onsubmit: async (e) => {
        e.preventDefault();
        try { await api.setKeyPassphrase(pass.value); pass.value = ""; await refreshSettings(); renderSettings(); toast(t("key-pass-set")); } catch (err) { errorToast(err); }
      } }, pass, el("button", { type: "submit", class: "btn" }, t("key-pass-use"))));
  }
  return el("section", { class: "card-panel", "aria-labelledby": "key-h" }, el("h2", { id: "key-h" }, t("key-title")), ...content);
}

/** @param {import("../types/ipc").SettingsDto} s */
function walletCard(s) {
  return el("section", { class: "card-panel", "aria-labelledby": "wallet-h" },
    el("h2", { id: "wallet-h" }, t("wallet-file-title")),
    el("p", { class: "muted" }, t("wallet-file-text")),
    el("p", { class: "url", id: "wallet-path", translate: "no" }, s.walletPath),
    el("p", { class: "muted" }, t("wallet-file-count", { n: s.badgeCount })));
}

/** @param {import("../types/ipc").SettingsDto} s */
function encryptionCard(s) {
  const pass = el("input", { type: "password", id: "wallet-pass", "aria-label": t(s.encrypted ? "enc-current" : "enc-new"), autocomplete: s.encrypted ? "current-password" : "new-password", placeholder: t(s.encrypted ? "enc-current" : "enc-new") });
  const again = el("input", { type: "password", id: "wallet-pass-again", "aria-label": t("enc-repeat", null, "aria-label"), autocomplete: "new-password", placeholder: t("enc-repeat", null, "placeholder") });
  const submit = async (e) => {
    e.preventDefault();
    try {
      if (!s.encrypted && pass.value !== again.value) throw { kind: "invalid_input", message: t("enc-differ") };
      if (s.encrypted) await api.setWalletEncryption(pass.value, null);
      else await api.setWalletEncryption(null, pass.value);
      pass.value = ""; again.value = "";
      await refreshSettings(); renderSettings();
      toast(t(s.encrypted ? "enc-removed" : "enc-done"));
    } catch (err) { errorToast(err); }
  };
  const content = s.encrypted
    ? [el("p", {}, t("enc-is-on")),
      el("form", { class: "row", onsubmit: submit }, pass, el("button", { type: "submit", class: "btn" }, t("enc-remove")))]
    : [el("p", { class: "muted" }, t("enc-text")),
      el("form", { class: "row", onsubmit: submit }, pass, again, el("button", { type: "submit", class: "btn" }, t("enc-encrypt")))];
  return el("section", { class: "card-panel", "aria-labelledby": "enc-h" }, el("h2", { id: "enc-h" }, t("enc-title")), ...content);
}

/** The wallet could not be opened: ask for its passphrase, or offer to restore a backup.
 * @param {import("../types/ipc").WalletStatus} st */
export function showWalletProblem(st) {
  const pass = el("input", { type: "password", id: "problem-pass", "aria-label": t(st.state === "locked" ? "problem-wallet-pass" : "problem-backup-pass"), autocomplete: "current-password", placeholder: t(st.state === "locked" ? "problem-wallet-pass" : "problem-backup-pass") });
  const note = el("p", { class: "muted", id: "problem-note", role: "status" });
  let form;
  if (st.state === "locked") {
    form = el("form", { class: "row", onsubmit: async (e) => {
      e.preventDefault();
      try { await api.unlockWallet(pass.value); location.reload(); } catch (err) { pass.value = ""; note.textContent = err.message || String(err); }
    } }, pass, el("button", { type: "submit", class: "btn primary" }, t("problem-open")));
  } else {
    form = el("form", { class: "row", onsubmit: async (e) => {
      e.preventDefault();
      try {
        const file = await api.pickBackup();
        if (!file) return;
        await api.restoreDamagedWallet(file, pass.value);
        location.reload();
      } catch (err) { note.textContent = err.message || String(err); }
    } }, pass, el("button", { type: "submit", class: "btn primary" }, t("problem-restore")));
  }
  const panel = el("section", { class: "card-panel", id: "wallet-problem", role: "alertdialog", "aria-labelledby": "problem-h", "aria-describedby": "problem-msg" },
    el("h2", { id: "problem-h" }, t(st.state === "locked" ? "problem-locked" : "problem-damaged")),
    el("p", { id: "problem-msg", translate: "no" }, st.message),
    el("p", { class: "url", translate: "no" }, st.path),
    st.state === "locked" ? null : el("p", {}, t("problem-damaged-text")),
    form, note);
  const main = $("#main");
  for (const v of $$(".view", main)) v.hidden = true;
  main.append(panel);
  pass.focus();
}
