// Boots the app: one router over the <section class="view"> elements, global keyboard
// shortcuts, drag and drop, and the event wiring of every view (all in one place).
import * as api from "./api.js";
import { $, $$, actionOf, errorToast } from "./dom.js";
import { state, refresh, subscribe } from "./store.js";
import { initializeWallet, renderWallet, focusSearch } from "./views/wallet.js";
import { showDetail } from "./views/detail.js";
import { initializeImport, importFiles, showReceived } from "./views/import.js";
import { initializeCollections, renderCollections } from "./views/collections.js";
import { initializeSettings, renderSettings, showWalletProblem } from "./views/settings.js";
import { initializeHosts } from "./views/hosts.js";
import { initializeWelcome, renderWelcome, shouldWelcome } from "./views/welcome.js";
import { renderHelp } from "./views/help.js";
import { initI18n, translateDom, t, lang } from "./i18n.js";
import { initializeSkills, renderSkills } from "./views/skills.js";

performance.mark("app-start");
let current = "wallet";
let currentArg;

/** Show one view. `detail` takes a badge id. */
export function go(view, arg) {
  for (const s of $$(".view")) s.hidden = s.id !== `view-${view}`;
  for (const b of $$(".nav-item")) {
    if (b.dataset.view === view || (view === "detail" && b.dataset.view === "wallet")) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  }
  const from = current;
  current = view;
  currentArg = arg;
  if (view === "wallet") { renderWallet(); if (from === "detail") requestAnimationFrame(() => renderWallet({ restoreFocus: true })); }
  if (view === "detail") showDetail(arg);
  if (view === "collections") renderCollections(arg);
  if (view === "settings") renderSettings();
  if (view === "skills") renderSkills();
  if (view === "welcome") renderWelcome();
  if (view === "help") renderHelp();
  if (view !== "detail" && view !== "wallet") $("#main").focus({ preventScroll: true });
  document.title = t(`title-${view}`).startsWith("title-") ? "Backpack" : t(`title-${view}`);
}
window.addEventListener("backpack:go", (e) => {
  const { view, arg } = /** @type {CustomEvent<{view: string, arg?: unknown}>} */ (e).detail;
  go(view, arg);
});

function initializeNavigation() {
  for (const b of $$(".nav-item")) b.addEventListener("click", () => go(b.dataset.view));
  document.addEventListener("click", (e) => {
    const act = actionOf(e);
    if (!act) return;
    if (act.dataset.action === "go-import") go("import");
    if (act.dataset.action === "back") go("wallet");
  });
  document.addEventListener("keydown", (e) => {
    const typing = e.target instanceof HTMLElement && e.target.matches("input, textarea, select, [contenteditable]");
    if (e.key === "/" && !typing) { e.preventDefault(); go("wallet"); focusSearch(); }
    if (e.key === "Escape" && current === "detail" && !document.querySelector("dialog[open]")) go("wallet");
  });
}

function initializeDragDrop() {
  const overlay = $("#drop-overlay");
  api.onDragDrop((type) => { overlay.hidden = type !== "enter"; }).catch(() => {});
  // The dropped files stay in the backend; the page imports them by handle.
  api.onFilesDropped((files) => { overlay.hidden = true; go("import"); importFiles(files); }).catch(() => {});
}

/** Files the app was asked to open (`backpack-app FILE…`, "Open with", a second launch that
 * handed its files over): badges are imported, received portfolios open read-only. One batch
 * at a time, in order. */
let opening = Promise.resolve();
function openFiles() {
  opening = opening.then(async () => {
    const files = await api.takeOpenedFiles();
    if (!files.import && !files.received.length) return;
    go("import");
    if (files.import) await importFiles(files.import);
    for (const f of files.received) showReceived(await api.openReceived(f), [], f);
  }).catch(errorToast);
}

function renderCount() {
  const n = state.cards.length;
  $("#wallet-count").textContent = state.loaded ? t("wallet-count", { n }) : "";
  document.body.classList.toggle("sharing-hidden", !(state.settings && (!state.settings.minorMode || state.settings.unlocked)));
}

async function boot() {
  initI18n();
  translateDom();
  // The backend's errors and import lines follow the page's language.
  api.setLanguage(lang).catch(() => {});
  // A new language: repaint everything; results of an earlier import or check (in the old
  // language) are put away.
  window.addEventListener("backpack:language", () => {
    api.setLanguage(lang).catch(() => {});
    $("#gallery").replaceChildren();
    $("#import-results-panel").hidden = true;
    $("#received-panel").hidden = true;
    translateDom(); renderCount(); go(current, currentArg); });
  initializeNavigation();
  initializeWallet();
  initializeImport();
  initializeCollections();
  initializeSettings();
  initializeHosts();
  initializeWelcome();
  initializeSkills();
  initializeDragDrop();
  subscribe(renderCount);
  // A wallet that needs its passphrase, is damaged or is from a newer version: say so and
  // offer the way out, instead of the gallery.
  try {
    const st = await api.walletStatus();
    if (st.state !== "ok") { showWalletProblem(st); return; }
  } catch (e) { errorToast(e); }
  try {
    await refresh();
  } catch (e) {
    errorToast(e);
  }
  go(shouldWelcome() ? "welcome" : "wallet");
  performance.mark("first-gallery-paint-queued");
  requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark("first-gallery-paint");
    performance.measure("startup", "app-start", "first-gallery-paint");
    document.body.dataset.ready = "1";
    openFiles();
  }));
  api.onEvent("open-files", openFiles).catch(() => {});
}

boot();
