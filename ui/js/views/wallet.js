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
let results = [];
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
    if (e.key === "ArrowDown" && results.length) { e.preventDefault(); focusIndex(0); }
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
  results = found;
  const total = state.cards.length;
  const empty = state.loaded && total === 0;
  $("#wallet-empty").hidden = !empty;
  $("#wallet-nomatch").hidden = empty || results.length > 0 || !state.loaded;
  $("#gallery-scroll").hidden = empty;
  $("#recheck-all").hidden = empty;
  $("#result-count").textContent = empty || !state.loaded ? "" : results.length === total ? t("result-count", { total }) : t("result-count-some", { shown: results.length, total });
  $("#gallery-scroll").scrollTop = 0;
  paint(0);
  if (timed !== null) {
    const t1 = performance.now();
    requestAnimationFrame(() => window.__searchTimings.push({ sync: t1 - t0, match: tm - t0, frame: performance.now() - t0, via: "core", q: timed }));
  }
}

export function renderWallet({ restoreFocus = false } = {}) {
  paint();
  if (restoreFocus && lastFocusId != null) {
    const i = results.findIndex((c) => c.id === lastFocusId);
    if (i >= 0) focusIndex(i);
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
  const rows = Math.ceil(results.length / cols);
  gallery.style.height = `${rows * rowH}px`;
  const top = typeof scrollTop === "number" ? scrollTop : scroller.scrollTop;
  const first = Math.max(0, Math.floor(top / rowH) - 1);
  const last = Math.min(rows, Math.ceil((top + viewH) / rowH) + 1);
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
      n.setAttribute("aria-setsize", String(results.length));
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
  if (i < 0 || i >= results.length) return;
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
  const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols, Home: -i, End: results.length - 1 - i };
  if (e.key in moves) {
    e.preventDefault();
    if (e.key === "ArrowUp" && i < cols) { $("#search").focus(); return; }
    focusIndex(Math.min(results.length - 1, Math.max(0, i + moves[e.key])));
  }
}
