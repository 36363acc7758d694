import { t, formatDate } from "./i18n.js";

// Tiny DOM helpers. Badge content is untrusted: text goes in through textContent only (never
// innerHTML), and badge links are shown as inert text, never as <a> elements.

/**
 * el("div", {class: "x", "aria-label": "y", onclick: fn}, child, "text", …)
 * Strings become text nodes. Attribute values are set with setAttribute (never as HTML).
 */
export function el(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") n.addEventListener(k.slice(2), v);
    else if (k === "class") n.className = v;
    else if (k === "dataset") Object.assign(n.dataset, v);
    else if (k === "value") n.value = v;
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  append(n, children);
  return n;
}

function append(n, children) {
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(n) {
  while (n.firstChild) n.removeChild(n.firstChild);
  return n;
}

/** The first element `sel` selects (the page's own markup: it is there).
 * @param {string} sel @param {ParentNode} [root] @returns {PageElement} */
export const $ = (sel, root = document) => /** @type {PageElement} */ (root.querySelector(sel));
/** @param {string} sel @param {ParentNode} [root] @returns {PageElement[]} */
export const $$ = (sel, root = document) => /** @type {PageElement[]} */ ([...root.querySelectorAll(sel)]);

/** The element with a `data-action` an event happened in (the page's delegated clicks), if any.
 * @param {Event} e @returns {HTMLElement | null} */
export function actionOf(e) {
  const n = e.target instanceof Element ? e.target.closest("[data-action]") : null;
  return n instanceof HTMLElement ? n : null;
}

/** A <progress> of the page's markup. @param {string} sel @returns {HTMLProgressElement} */
export const progressBar = (sel) => /** @type {HTMLProgressElement} */ (document.querySelector(sel));

/** True only for plain http(s) URLs: javascript:, data:, file: … are shown as text. */
export function isWebUrl(s) {
  if (typeof s !== "string") return false;
  try {
    const u = new URL(s);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

/** A URL shown as inert, selectable text (the app never navigates to badge links). */
export function urlText(s) {
  return el("span", { class: "url", title: t(isWebUrl(s) ? "url-web" : "url-not-web", null, "title"), translate: "no" }, s);
}

/** "3 May 2026" (in the app's language, through Intl) from an ISO date; the input when it does not parse. */
export const fmtDate = formatDate;

// One icon per core status id (backpack_core::verify::Status), in the order the app lists
// them. A Record over the generated union: `make lint` fails here when the core adds a status.
/** @type {Record<import("./types/ipc").Status, string>} */
const STATUS_ICON = {
  verified: "✓", issuer_not_confirmed: "◐", could_not_check: "?", invalid: "✕", expired: "⚠",
  revoked: "⊘", unreadable: "✕", not_checked: "·",
};
/** Every status id, in the order the app lists them. */
export const STATUS_IDS = /** @type {import("./types/ipc").Status[]} */ (Object.keys(STATUS_ICON));
// One label per status id, from the catalog ("status-<id>"), in the language chosen when it is read.
export const STATUS_LABEL = new Proxy({}, { get: (_, k) => (typeof k === "string" && Object.hasOwn(STATUS_ICON, k) ? t(`status-${k}`) : undefined) });

export function chip(status) {
  return el("span", { class: `chip chip-${status}` }, el("span", { "aria-hidden": "true" }, STATUS_ICON[status] || "?"), STATUS_LABEL[status] || status);
}

export function badgeImage(src, alt = "") {
  const img = el("img", { src: src || "img/placeholder.svg", alt, loading: "lazy", decoding: "async" });
  img.addEventListener("error", () => { if (!img.src.endsWith("placeholder.svg")) img.src = "img/placeholder.svg"; }, { once: true });
  return img;
}

// ── toasts and confirm ──
export function toast(message, { error = false, action = null, timeout = 6000 } = {}) {
  const box = $("#toasts");
  const node = el("div", { class: error ? "toast error" : "toast" }, el("span", {}, message));
  if (action) node.append(el("button", { type: "button", class: "link-btn", onclick: () => { node.remove(); action.run(); } }, action.label));
  box.append(node);
  setTimeout(() => node.remove(), timeout);
}

export function errorToast(e) {
  toast(e && e.message ? e.message : String(e), { error: true });
}

/** Resolves true when the learner confirms. */
export function confirmDialog(title, text, okLabel = t("ok")) {
  const d = $("#confirm-dialog");
  $("#confirm-title").textContent = title;
  $("#confirm-text").textContent = text;
  $("#confirm-ok").textContent = okLabel;
  d.returnValue = "cancel";
  return new Promise((resolve) => {
    d.addEventListener("close", () => resolve(d.returnValue === "ok"), { once: true });
    d.showModal();
  });
}

/** Asks for a passphrase; resolves to it, or null when the learner cancels. `error` is shown
 * under the field (a wrong passphrase on the previous try). */
export function passphraseDialog(title, text, error = "") {
  const d = $("#pass-dialog");
  const input = $("#pass-input");
  $("#pass-title").textContent = title;
  $("#pass-text").textContent = text;
  $("#pass-error").textContent = error;
  $("#pass-error").hidden = !error;
  input.value = "";
  d.returnValue = "cancel";
  // Enter in the field means Continue (the form's implicit submission would pick its first
  // button, Cancel).
  input.onkeydown = (e) => { if (e.key === "Enter" && !e.isComposing) { e.preventDefault(); d.close("ok"); } };
  return new Promise((resolve) => {
    d.addEventListener("close", () => {
      const v = input.value;
      input.value = "";
      resolve(d.returnValue === "ok" && v ? v : null);
    }, { once: true });
    d.showModal();
    input.focus();
  });
}

/** Runs `f`; where the signing key needs the key file's passphrase (no keyring on this
 * computer), asks for it, hands it to the app for this session, and runs `f` again. */
export async function withSigningKey(f, setPassphrase) {
  let error = "";
  for (;;) {
    try {
      return await f();
    } catch (e) {
      if (!e || e.kind !== "key_passphrase") throw e;
    }
    for (;;) {
      const p = await passphraseDialog(t("key-pass-title"), t("key-pass-text"), error);
      if (p === null) return null;
      try { await setPassphrase(p); error = ""; break; } catch (e) { error = e && e.message ? e.message : String(e); }
    }
  }
}
