// Settings and profile: the learner's emails and DIDs (used only on this computer, to check
// that a badge was issued to them), network permission (off by default, explained), minor
// mode with a guardian passphrase, issuer trust lists, and where the wallet file lives.
import * as api from "../api.js";
import { $, el, clear, toast, errorToast, fmtDate } from "../dom.js";
import { state, refreshSettings } from "../store.js";

export function initializeSettings() {}

export async function renderSettings() {
  const body = clear($("#settings-body"));
  let profile, s, lists;
  try {
    [profile, s, lists] = await Promise.all([api.getProfile(), api.getSettings(), api.listTrustLists()]);
  } catch (e) { errorToast(e); return; }
  const locked = s.minorMode && !s.unlocked;
  body.append(profileCard(profile), trustCard(lists), locked ? null : networkCard(s), minorCard(s), walletCard(s));
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

function walletCard(s) {
  return el("section", { class: "card-panel", "aria-labelledby": "wallet-h" },
    el("h2", { id: "wallet-h" }, "Your wallet file"),
    el("p", { class: "muted" }, "All your badges, with their original files, live in this one file on this computer. Back it up like any important document."),
    el("p", { class: "url", id: "wallet-path" }, s.walletPath),
    el("p", { class: "muted" }, `${s.badgeCount} badge${s.badgeCount === 1 ? "" : "s"}.`));
}
