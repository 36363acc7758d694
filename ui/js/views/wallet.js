// The wallet gallery: a virtualised grid (only the rows in view are in the DOM, so 10,000
// badges scroll smoothly); search, filters and sort are the core's (store.js `query`).
import * as api from "../api.js";
import { $, el, clear, actionOf, chip, badgeImage, fmtDate, errorToast, toast, STATUS_LABEL } from "../dom.js";
import { state, subscribe, query, refresh } from "../store.js";
import { t } from "../i18n.js";

const CARD_MIN_W = 210;
const CARD_H = 262;
const GAP = 16;
/** @type {import("../store.js").GalleryFilters} */
const filters = { q: "", issuer: "", status: "", collection: "", tag: "", sort: "newest" };
/** The matching cards the page holds, in order: the first stretch of the answer, then all of
 * it once the typing pauses or the learner scrolls past it (`loadRest`). */
let results = [];
/** How many badges match (the grid's size). */
let total = 0;
/** The pending `loadRest` of the last query. */
let restTimer = 0;
/** How long the typing must pause before the rest of a long answer is fetched: a keystroke
 * that comes sooner is not queued behind it. */
const REST_AFTER_MS = 150;
/** Numbers each query: an answer that arrives after a newer query was sent is dropped. */
let querySeq = 0;
let cols = 1;
/** The gallery's width and the viewport's height, measured when they change (ResizeObserver),
 * so a repaint after a keystroke never forces a synchronous layout. 0 = not measured. */
let viewW = 0;
let viewH = 0;
let lastFocusId = null;
/** Search timings (ms) for the benchmark: keystroke → results rendered. */
window.__searchTimings = [];

const go = (view, arg) => window.dispatchEvent(new CustomEvent("backpack:go", { detail: { view, arg } }));

export function focusSearch() {
  $("#search").focus();
  $("#search").select();
}

export function initializeWallet() {
  const search = $("#search");
  search.addEventListener("input", () => runSearch(search.value));
  search.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && total) { e.preventDefault(); focusIndex(0); }
    if (e.key === "Escape" && search.value) { search.value = ""; runSearch(""); }
  });
  for (const [id, key] of [["#filter-issuer", "issuer"], ["#filter-status", "status"], ["#filter-collection", "collection"], ["#filter-tag", "tag"], ["#sort", "sort"]]) {
    $(id).addEventListener("change", () => { filters[key] = $(id).value; apply(); });
  }
  $("#gallery-scroll").addEventListener("scroll", () => requestAnimationFrame(() => paint()), { passive: true });
  new ResizeObserver(() => { measure(); paint(); }).observe($("#gallery-scroll"));
  $("#gallery").addEventListener("keydown", onGridKey);
  document.addEventListener("click", (e) => {
    const act = actionOf(e);
    if (act && act.dataset.action === "clear-filters") clearFilters();
    if (act && act.dataset.action === "import-samples") importSamples();
    if (act && act.dataset.action === "recheck-all") recheckAll();
  });
  api.onEvent("recheck-progress", (p) => {
    $("#result-count").textContent = t("rechecking", { done: p.done, total: p.total });
  }).catch(() => {});
  subscribe(() => { fillFilterOptions(); apply(); });
}

/** Keystroke → the core's search (one IPC call) → re-render. Timings feed the start-up/search
 * benchmark. */
function runSearch(q) {
  filters.q = q;
  apply({ timed: q });
}

async function recheckAll() {
  const b = $("#recheck-all");
  b.disabled = true;
  try {
    const n = await api.recheckAll();
    await refresh();
    toast(t("rechecked", { n }));
  } catch (e) {
    errorToast(e);
  } finally {
    b.disabled = false;
  }
}

async function importSamples() {
  try {
    const lines = await api.importSamples();
    const n = lines.filter((l) => l.outcome === "imported").length;
    await refresh();
    toast(t("samples-added", { n }));
    go("wallet");
  } catch (e) {
    errorToast(e);
  }
}

function clearFilters() {
  Object.assign(filters, { q: "", issuer: "", status: "", collection: "", tag: "" });
  $("#search").value = "";
  for (const id of ["#filter-issuer", "#filter-status", "#filter-collection", "#filter-tag"]) $(id).value = "";
  apply();
}

function fillSelect(sel, first, values, current) {
  const s = $(sel);
  clear(s).append(el("option", { value: "" }, first));
  for (const [v, label] of values) s.append(el("option", { value: String(v) }, label));
  s.value = values.some(([v]) => String(v) === current) ? current : "";
}

function fillFilterOptions() {
  // The value is what the core's issuer filter matches (the issuer's id, else its name).
  const issuers = new Map();
  for (const c of state.cards) if (c.issuerKey && !issuers.has(c.issuerKey)) issuers.set(c.issuerKey, c.issuer);
  fillSelect("#filter-issuer", t("all-issuers"), [...issuers].sort((a, b) => a[1].localeCompare(b[1])), filters.issuer);
  fillSelect("#filter-collection", t("all-collections"), state.collections.map((c) => [c.id, c.name]), filters.collection);
  const tags = [...new Set(state.cards.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
  fillSelect("#filter-tag", t("all-tags"), tags.map((g) => [g, g]), filters.tag);
  filters.issuer = $("#filter-issuer").value;
  filters.collection = $("#filter-collection").value;
  filters.tag = $("#filter-tag").value;
}

/** Ask the core for the cards matching the filters, then draw them. Stale answers (an older
 * keystroke finishing last) are dropped. `timed`: the search text, to record the timings. */
async function apply({ timed = null } = {}) {
  const t0 = performance.now();
  const seq = ++querySeq;
  let found;
  try {
    found = await query(filters);
  } catch (e) {
    // The wallet was busy before any index existed (an import just began): ask again soon.
    if (e && e.kind === "busy") setTimeout(() => { if (seq === querySeq) apply({ timed }); }, 50);
    else if (seq === querySeq) errorToast(e);
    return;
  }
  if (seq !== querySeq) return;
  const tm = performance.now();
  results = found.cards;
  total = found.total;
  clearTimeout(restTimer);
  if (results.length < total) restTimer = setTimeout(() => loadRest(seq), REST_AFTER_MS);
  const all = state.cards.length;
  const empty = state.loaded && all === 0;
  $("#wallet-empty").hidden = !empty;
  $("#wallet-nomatch").hidden = empty || total > 0 || !state.loaded;
  $("#gallery-scroll").hidden = empty;
  $("#recheck-all").hidden = empty;
  $("#result-count").textContent = empty || !state.loaded ? "" : total === all ? t("result-count", { total: all }) : t("result-count-some", { shown: total, total: all });
  $("#gallery-scroll").scrollTop = 0;
  paint(0);
  if (timed !== null) {
    const t1 = performance.now();
    requestAnimationFrame(() => window.__searchTimings.push({ sync: t1 - t0, match: tm - t0, frame: performance.now() - t0, via: "core", q: timed, at: t1 }));
  }
}

/** The rest of the last query's answer (after its first stretch), unless a newer query was
 * sent meanwhile. Resolves to whether the page now holds every match. */
let restLoading = null;
function loadRest(seq = querySeq) {
  clearTimeout(restTimer);
  if (results.length >= total) return Promise.resolve(true);
  if (restLoading && restLoading.seq === seq) return restLoading.done;
  const done = query(filters, results.length, null).then((found) => {
    if (seq !== querySeq) return false;
    // The page now holds every match (a wallet change meanwhile runs a new query anyway).
    results = results.concat(found.cards);
    total = results.length;
    paint();
    return true;
  }, (e) => {
    // The wallet was busy (an import began): ask again soon.
    if (seq === querySeq && e && e.kind === "busy") restTimer = setTimeout(() => loadRest(seq), 50);
    else if (seq === querySeq) errorToast(e);
    return false;
  }).finally(() => { if (restLoading && restLoading.done === done) restLoading = null; });
  restLoading = { seq, done };
  return done;
}

export function renderWallet({ restoreFocus = false } = {}) {
  paint();
  if (restoreFocus && lastFocusId != null) {
    const id = lastFocusId;
    const i = results.findIndex((c) => c.id === id);
    if (i >= 0) focusIndex(i);
    else if (results.length < total) loadRest().then((all) => { if (all) { const j = results.findIndex((c) => c.id === id); if (j >= 0) focusIndex(j); } });
  }
}

function measure() {
  const scroller = $("#gallery-scroll");
  viewW = $("#gallery").clientWidth || scroller.clientWidth;
  viewH = scroller.clientHeight;
}

function layout() {
  if (!viewW || !viewH) measure();
  cols = Math.max(1, Math.floor((viewW + GAP) / (CARD_MIN_W + GAP)));
  const cardW = (viewW - (cols - 1) * GAP) / cols;
  return { scroller: $("#gallery-scroll"), cardW };
}

/** Render the rows in view (plus one above and below). `scrollTop` when the caller knows it
 * (after a search it is 0), so no layout is forced. */
function paint(scrollTop) {
  const gallery = $("#gallery");
  if ($("#view-wallet").hidden) return;
  const { scroller, cardW } = layout();
  const rowH = CARD_H + GAP;
  const rows = Math.ceil(total / cols);
  gallery.style.height = `${rows * rowH}px`;
  const top = typeof scrollTop === "number" ? scrollTop : scroller.scrollTop;
  const first = Math.max(0, Math.floor(top / rowH) - 1);
  const last = Math.min(rows, Math.ceil((top + viewH) / rowH) + 1);
  // Scrolled past the stretch the page holds: fetch the rest now, and draw it when it comes.
  if (last * cols > results.length && results.length < total) loadRest();
  // Cards sit at inset-inline-start (base.css): in a right-to-left language columns run leftwards.
  const rtl = document.documentElement.dir === "rtl";
  const keep = new Map();
  for (const n of gallery.children) if (n instanceof HTMLElement) keep.set(n.dataset.key, n);
  const wanted = new Set();
  for (let r = first; r < last; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const card = results[i];
      if (!card) break;
      const key = `${card.id}`;
      wanted.add(key);
      let n = keep.get(key);
      if (!n) { n = cardNode(card); gallery.append(n); }
      n.dataset.index = String(i);
      n.setAttribute("aria-posinset", String(i + 1));
      n.setAttribute("aria-setsize", String(total));
      n.style.width = `${cardW}px`;
      n.style.height = `${CARD_H}px`;
      n.style.transform = `translate(${(rtl ? -c : c) * (cardW + GAP)}px, ${r * rowH}px)`;
    }
  }
  for (const [key, n] of keep) if (!wanted.has(key)) n.remove();
}

// A trust list's mark beside the issuer: ★ known (verified badge), ☆ a claim or a test issuer.
const trustWord = (k) => t(`trust-${k}`);
const trustKind = (x) => (x.test ? "test" : x.verified ? "known" : "claims");

function cardNode(card) {
  const tr = card.trust;
  const b = el("button", {
    type: "button", class: "card", role: "listitem", dataset: { key: String(card.id), id: String(card.id) },
    "aria-label": tr ? t("card-label-trust", { name: card.name, issuer: card.issuer, status: statusWord(card.status), trust: trustWord(trustKind(tr)) }) : t("card-label", { name: card.name, issuer: card.issuer, status: statusWord(card.status) }),
    onclick: () => { lastFocusId = card.id; go("detail", card.id); },
  },
    el("span", { class: "card-img" }, badgeImage(card.image, "")),
    el("span", { class: "card-name", translate: "no" }, card.name),
    el("span", { class: "card-issuer", title: tr ? tr.text : null, translate: "no" },
      tr ? el("span", { class: `trust-mark trust-${trustKind(tr)}`, "aria-hidden": "true" }, trustKind(tr) === "known" ? "★ " : "☆ ") : null,
      card.issuer),
    el("span", { class: "card-foot" }, el("span", {}, fmtDate(card.issued)), chip(card.status)));
  return b;
}

const statusWord = (s) => (STATUS_LABEL[s] || s).toLowerCase();

function focusIndex(i) {
  if (i < 0 || i >= total) return;
  if (i >= results.length) { loadRest().then((all) => { if (all) focusIndex(i); }); return; }
  const scroller = $("#gallery-scroll");
  const rowH = CARD_H + GAP;
  const y = Math.floor(i / cols) * rowH;
  if (y < scroller.scrollTop) scroller.scrollTop = y;
  else if (y + CARD_H > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = y + CARD_H - scroller.clientHeight;
  paint();
  const n = $(`#gallery [data-index="${i}"]`);
  if (n) n.focus();
}

function onGridKey(e) {
  const node = e.target instanceof Element ? e.target.closest(".card") : null;
  if (!node) return;
  const i = Number(node.dataset.index);
  const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols, Home: -i, End: total - 1 - i };
  if (e.key in moves) {
    e.preventDefault();
    if (e.key === "ArrowUp" && i < cols) { $("#search").focus(); return; }
    focusIndex(Math.min(total - 1, Math.max(0, i + moves[e.key])));
  }
}
