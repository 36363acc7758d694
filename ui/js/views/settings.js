// Settings and profile: the learner's emails and DIDs (used only on this computer, to check
// that a badge was issued to them), network permission (off by default, explained), minor
// mode with a guardian passphrase, issuer trust lists, and where the wallet file lives.
import * as api from "../api.js";
import { $, el, clear, toast, errorToast, fmtDate } from "../dom.js";
import { state, refreshSettings } from "../store.js";
import { t, LANGUAGES, preference, setPreference } from "../i18n.js";

export function initializeSettings() {}

export async function renderSettings() {
  const body = clear($("#settings-body"));
  let profile, s, lists;
  try {
    [profile, s, lists] = await Promise.all([api.getProfile(), api.getSettings(), api.listTrustLists()]);
  } catch (e) { errorToast(e); return; }
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
  return el("ul", { class: "id-list" }, ...items.map((v) => el("li", {}, el("span", {}, v),
    el("button", { type: "button", class: "btn small", "aria-label": `Remove ${v}`, onclick: async () => {
      try { await api.removeIdentity(v); renderSettings(); } catch (e) { errorToast(e); }
    } }, "Remove"))));
}

function addForm(kind, label, placeholder) {
  const input = el("input", { type: kind === "email" ? "email" : "text", "aria-label": label, placeholder, id: `add-${kind}` });
  return el("form", { class: "row", onsubmit: async (e) => {
    e.preventDefault();
    try { await api.addIdentity(kind, input.value); renderSettings(); } catch (err) { errorToast(err); }
  } }, input, el("button", { type: "submit", class: "btn" }, "Add"));
}

function profileCard(p) {
  return el("section", { class: "card-panel", "aria-labelledby": "profile-h" },
    el("h2", { id: "profile-h" }, "You"),
    el("p", { class: "muted" }, "Your email addresses and DIDs let Backpack check that a badge was issued to you. They never leave this computer."),
    el("h3", {}, "Email addresses"), idList(p.emails), addForm("email", "Add an email address", "you@example.org"),
    el("h3", {}, "DIDs"), idList(p.dids), addForm("did", "Add a DID", "did:key:z6Mk…"));
}

function networkCard(s) {
  const box = el("input", { type: "checkbox", id: "network-allowed", checked: s.networkAllowed, "aria-describedby": "network-help" });
  box.addEventListener("change", async () => {
    try { await api.setNetworkAllowed(box.checked); await refreshSettings(); toast(box.checked ? "Network checks are on." : "Network checks are off."); } catch (e) { box.checked = !box.checked; errorToast(e); }
  });
  return el("section", { class: "card-panel", "aria-labelledby": "network-h", "data-sharing": "" },
    el("h2", { id: "network-h" }, "Network"),
    el("label", { class: "switch" }, box, "Allow Backpack to go online to check badges"),
    el("div", { class: "note-box", id: "network-help" },
      el("p", {}, "Off (the default): every check happens on this computer. Some badges can then only be “not checked”."),
      el("p", {}, "On: when you add or re-check a badge, Backpack may contact the issuer's website named in that badge — to fetch a hosted badge, the issuer's public key, or its revocation list. The issuer can see that this badge was checked, from your internet address. Your emails, notes and other badges are never sent."),
      el("p", {}, "Badge images from the web are never loaded either way.")));
}

function minorCard(s) {
  const pass = el("input", { type: "password", id: "guardian-pass", "aria-label": "Guardian passphrase", autocomplete: "new-password", placeholder: "Guardian passphrase" });
  const act = (fn, msg) => async (e) => {
    e.preventDefault();
    try { await fn(pass.value); pass.value = ""; await refreshSettings(); renderSettings(); toast(msg); } catch (err) { errorToast(err); }
  };
  let content;
  if (!s.minorMode) {
    content = [el("p", { class: "muted" }, "For younger learners: hides sharing, export and every network feature until a parent or guardian enters the passphrase."),
      el("form", { class: "row", onsubmit: act(api.enableMinorMode, "Minor mode is on.") }, pass, el("button", { type: "submit", class: "btn primary" }, "Turn on minor mode"))];
  } else if (!s.unlocked) {
    content = [el("p", {}, "Minor mode is on. Sharing and network features are hidden."),
      el("form", { class: "row", onsubmit: act(api.unlockMinorMode, "Unlocked until you lock again or close the app.") }, pass, el("button", { type: "submit", class: "btn primary" }, "Unlock"))];
  } else {
    content = [el("p", {}, "Minor mode is on and unlocked for this session."),
      el("div", { class: "row" }, el("button", { type: "button", class: "btn", onclick: async () => { await api.lockMinorMode(); await refreshSettings(); renderSettings(); } }, "Lock again")),
      el("form", { class: "row", onsubmit: act(api.disableMinorMode, "Minor mode is off.") }, pass, el("button", { type: "submit", class: "btn" }, "Turn minor mode off"))];
  }
  return el("section", { class: "card-panel", "aria-labelledby": "minor-h" }, el("h2", { id: "minor-h" }, "Minor mode"), ...content);
}

// Trust lists: names and sources come from imported files, so they go in as text only.
function trustCard(lists) {
  const name = el("input", { type: "text", id: "trust-name", "aria-label": "Name for the list (optional)", placeholder: "Name (optional, e.g. DCC Sandbox Registry)" });
  const test = el("input", { type: "checkbox", id: "trust-test" });
  const replace = el("input", { type: "checkbox", id: "trust-replace" });
  const pick = el("button", { type: "button", class: "btn primary", id: "trust-import" }, "Import a list…");
  pick.addEventListener("click", async () => {
    pick.disabled = true;
    try {
      const r = await api.importTrustList(name.value.trim(), test.checked, replace.checked);
      if (r.imported) {
        const l = r.list;
        toast(`${r.replaced ? "Replaced" : "Imported"} “${l.name}”: ${l.issuers} issuer${l.issuers === 1 ? "" : "s"}${l.test ? " (a test list)" : ""}.`);
        for (const n of r.notes || []) toast(n);
        renderSettings();
      }
    } catch (e) { errorToast(e); } finally { pick.disabled = false; }
  });
  const rows = lists.map((l) => el("li", { "data-trust-list": String(l.id) },
    el("div", {},
      el("strong", {}, l.name), l.test ? el("span", { class: "tag trust-test" }, "test list") : null,
      el("div", { class: "muted" }, `${l.issuers} issuer${l.issuers === 1 ? "" : "s"} · ${l.format} · imported ${fmtDate(l.importedAt)}${l.listDate ? ` · dated ${fmtDate(l.listDate)}` : ""}`),
      el("div", { class: "muted url" }, l.source)),
    el("button", { type: "button", class: "btn small", "aria-label": `Remove the list ${l.name}`, onclick: async () => {
      try { await api.removeTrustList(l.id); toast(`Removed “${l.name}”. Your badges are unchanged.`); renderSettings(); } catch (e) { errorToast(e); }
    } }, "Remove")));
  return el("section", { class: "card-panel", "aria-labelledby": "trust-h" },
    el("h2", { id: "trust-h" }, "Trusted issuer lists"),
    el("p", { class: "muted" }, "A list from your school or a registry you trust names issuers it recognises. Badges from those issuers then show “Known issuer” beside their status. A list never changes whether a badge is verified, and a badge that is not verified only “claims” to be from a known issuer."),
    el("p", { class: "muted" }, "Backpack reads its own trust list format and DCC registry.json files. Sandbox and test lists are marked: anyone may be able to sign as their issuers."),
    lists.length ? el("ul", { class: "id-list trust-lists", id: "trust-lists" }, ...rows) : el("p", { id: "trust-lists-empty" }, "No lists yet."),
    el("div", { class: "row" }, name, pick),
    el("label", { class: "switch" }, test, "This is a sandbox or test list"),
    el("label", { class: "switch" }, replace, "Replace a list with the same name"));
}

const KEY_WHERE = {
  "os-keyring": "Your signing key is kept in this computer's keyring, not in the wallet file.",
  "key-file": "There is no keyring on this computer: your signing key is kept in an encrypted file beside the wallet.",
  "in-wallet": "Your signing key is still inside the wallet file, from an older version of Backpack. Give it a passphrase to move it into its own encrypted file.",
  "none": "Backpack makes your signing key the first time you export a signed portfolio.",
};

function keyCard(s) {
  const content = [el("p", { class: "muted", id: "key-where" }, KEY_WHERE[s.keyStore] || "")];
  if (s.keyNeedsPassphrase || s.keyStore === "none") {
    const pass = el("input", { type: "password", id: "key-pass", "aria-label": "Signing key passphrase", autocomplete: "current-password", placeholder: "Signing key passphrase" });
    content.push(
      el("p", { class: "muted" }, "Only needed where there is no keyring. Backpack keeps it until you close the app, never on disk."),
      el("form", { class: "row", onsubmit: async (e) => {
        e.preventDefault();
        try { await api.setKeyPassphrase(pass.value); pass.value = ""; await refreshSettings(); renderSettings(); toast("Signing key passphrase set for this session."); } catch (err) { errorToast(err); }
      } }, pass, el("button", { type: "submit", class: "btn" }, "Use this passphrase")));
  }
  return el("section", { class: "card-panel", "aria-labelledby": "key-h" }, el("h2", { id: "key-h" }, "Signing key"), ...content);
}

function walletCard(s) {
  return el("section", { class: "card-panel", "aria-labelledby": "wallet-h" },
    el("h2", { id: "wallet-h" }, "Your wallet file"),
    el("p", { class: "muted" }, "All your badges, with their original files, live in this one file on this computer. Back it up like any important document."),
    el("p", { class: "url", id: "wallet-path" }, s.walletPath),
    el("p", { class: "muted" }, `${s.badgeCount} badge${s.badgeCount === 1 ? "" : "s"}.`));
}

function encryptionCard(s) {
  const pass = el("input", { type: "password", id: "wallet-pass", "aria-label": s.encrypted ? "Current wallet passphrase" : "New wallet passphrase", autocomplete: s.encrypted ? "current-password" : "new-password", placeholder: s.encrypted ? "Current wallet passphrase" : "New wallet passphrase" });
  const again = el("input", { type: "password", id: "wallet-pass-again", "aria-label": "Repeat the passphrase", autocomplete: "new-password", placeholder: "Repeat it" });
  const submit = async (e) => {
    e.preventDefault();
    try {
      if (!s.encrypted && pass.value !== again.value) throw { kind: "invalid_input", message: "the two passphrases differ" };
      if (s.encrypted) await api.setWalletEncryption(pass.value, null);
      else await api.setWalletEncryption(null, pass.value);
      pass.value = ""; again.value = "";
      await refreshSettings(); renderSettings();
      toast(s.encrypted ? "The wallet is no longer encrypted." : "The wallet is encrypted. Backpack will ask for the passphrase when it starts.");
    } catch (err) { errorToast(err); }
  };
  const content = s.encrypted
    ? [el("p", {}, "This wallet file is encrypted: without the passphrase it cannot be read, even by someone who copies it."),
      el("form", { class: "row", onsubmit: submit }, pass, el("button", { type: "submit", class: "btn" }, "Remove encryption"))]
    : [el("p", { class: "muted" }, "Encrypt the whole wallet file with a passphrase. Backpack asks for it every time it starts; if you forget it, only a backup can bring your badges back. Close the command line first if it is using this wallet."),
      el("form", { class: "row", onsubmit: submit }, pass, again, el("button", { type: "submit", class: "btn" }, "Encrypt the wallet"))];
  return el("section", { class: "card-panel", "aria-labelledby": "enc-h" }, el("h2", { id: "enc-h" }, "Encryption"), ...content);
}

/** The wallet could not be opened: ask for its passphrase, or offer to restore a backup. */
export function showWalletProblem(st) {
  const pass = el("input", { type: "password", id: "problem-pass", "aria-label": st.state === "locked" ? "Wallet passphrase" : "Backup passphrase", autocomplete: "current-password", placeholder: st.state === "locked" ? "Wallet passphrase" : "Backup passphrase" });
  const note = el("p", { class: "muted", id: "problem-note", role: "status" });
  let form;
  if (st.state === "locked") {
    form = el("form", { class: "row", onsubmit: async (e) => {
      e.preventDefault();
      try { await api.unlockWallet(pass.value); location.reload(); } catch (err) { pass.value = ""; note.textContent = err.message || String(err); }
    } }, pass, el("button", { type: "submit", class: "btn primary" }, "Open"));
  } else {
    form = el("form", { class: "row", onsubmit: async (e) => {
      e.preventDefault();
      try {
        const file = await api.pickBackup();
        if (!file) return;
        await api.restoreDamagedWallet(file, pass.value);
        location.reload();
      } catch (err) { note.textContent = err.message || String(err); }
    } }, pass, el("button", { type: "submit", class: "btn primary" }, "Restore from a backup…"));
  }
  const panel = el("section", { class: "card-panel", id: "wallet-problem", role: "alertdialog", "aria-labelledby": "problem-h", "aria-describedby": "problem-msg" },
    el("h2", { id: "problem-h" }, st.state === "locked" ? "This wallet is encrypted" : "Your wallet could not be opened"),
    el("p", { id: "problem-msg" }, st.message),
    el("p", { class: "url" }, st.path),
    st.state === "locked" ? null : el("p", {}, "Nothing was changed or overwritten. Restore a backup: the damaged file is kept beside it (as .before-restore). From the command line: backpack restore BACKUP --force."),
    form, note);
  const main = $("#main");
  for (const v of main.querySelectorAll(".view")) v.hidden = true;
  main.append(panel);
  pass.focus();
}
