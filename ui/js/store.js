// Client-side state: the cards, collections and settings. Sorting and the issuer, status,
// collection and tag filters run here on plain arrays. The search box searches an in-memory
// index of every badge's searchable text (name, issuer, description, skills, tags), loaded
// from the core after the gallery is painted, so a keystroke needs no IPC call; until that
// index is ready the core's full-text index answers (one IPC call per keystroke).
import * as api from "./api.js";

export const state = {
  cards: /** @type {import("./api.js").BadgeCard[]} */ ([]),
  byId: new Map(),
  collections: [],
  settings: null,
  loaded: false,
};

const listeners = new Set();
export const subscribe = (fn) => listeners.add(fn);
const emit = () => listeners.forEach((fn) => fn(state));

export async function refresh() {
  const [cards, collections, settings] = await Promise.all([api.listBadges(), api.listCollections(), api.getSettings()]);
  // Parsing 10,000 cards took this frame; filter, sort and paint in the next one, so the
  // window never holds one long frame for both.
  // (A hidden window gets no animation frames: then after 50 ms at most.)
  await new Promise((resolve) => {
    const late = setTimeout(resolve, 50);
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(late); resolve(); }, 0));
  });
  state.cards = cards;
  state.byId = new Map(cards.map((c) => [c.id, c]));
  state.collections = collections;
  state.settings = settings;
  state.loaded = true;
  searchIndex = null;
  emit();
  // After the gallery has painted: the index is a background job in the core.
  setTimeout(loadSearchIndex, 200);
}

/** [id, folded text] of every badge, or null while it is (re)loading. */
let searchIndex = null;
let indexSeq = 0;

/** Fold text as the core's full-text tokenizer does (unicode61, diacritics removed,
 * case-insensitive): words separated by single spaces, with a space at both ends. */
export const fold = (s) => " " + s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " ";

async function loadSearchIndex() {
  const seq = ++indexSeq;
  const t0 = performance.now();
  try {
    const rows = await api.searchIndex();
    if (seq !== indexSeq) return;
    searchIndex = rows.map(([id, text]) => [id, fold(text)]);
    document.body.dataset.searchIndex = String(Math.round(performance.now() - t0));
  } catch {
    searchIndex = null; // the full-text index keeps answering
  }
}

/**
 * Ids of the badges with every word of `q` at the start of one of their words (as the core's
 * full-text search matches), or null when the in-memory index is not ready.
 * @param {string} q @returns {?Set<number>}
 */
export function searchLocal(q) {
  if (!searchIndex) return null;
  const words = fold(q).split(" ").filter(Boolean).slice(0, 16).map((w) => " " + w);
  const key = words.join("");
  // Typing one more letter only narrows the last answer: search within it.
  const from = lastSearch && lastSearch.index === searchIndex && key.startsWith(lastSearch.key) ? lastSearch.hits : searchIndex;
  const hits = [];
  outer: for (const entry of from) {
    for (const w of words) if (!entry[1].includes(w)) continue outer;
    hits.push(entry);
  }
  lastSearch = { index: searchIndex, key, hits };
  return new Set(hits.map((e) => e[0]));
}
/** The last in-memory search, to narrow from. */
let lastSearch = null;

export async function refreshSettings() {
  state.settings = await api.getSettings();
  emit();
}

/** Sharing/network features are visible only when minor mode is off or unlocked. */
export const sharingVisible = () => !state.settings || !state.settings.minorMode || state.settings.unlocked;

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
const SORTS = {
  "date-desc": (a, b) => (b.issued || "").localeCompare(a.issued || "") || b.id - a.id,
  "date-asc": (a, b) => (a.issued || "\uffff").localeCompare(b.issued || "\uffff") || a.id - b.id,
  name: (a, b) => collator.compare(a.name, b.name) || a.id - b.id,
  issuer: (a, b) => collator.compare(a.issuer, b.issuer) || collator.compare(a.name, b.name),
};

let sortedKey = "";
let sorted = [];
/** Position of each card id in `sorted`. */
let rank = new Map();
/** Cards sorted by `sort` (cached until the cards or the sort change). */
function sortedCards(sort) {
  const key = sort + ":" + state.cards.length + ":" + (state.cards[0] && state.cards[0].id);
  if (key !== sortedKey || sorted.length !== state.cards.length) {
    sorted = state.cards.slice().sort(SORTS[sort] || SORTS["date-desc"]);
    rank = new Map(sorted.map((c, i) => [c.id, i]));
    sortedKey = key;
  }
  return sorted;
}
export function invalidateSort() { sortedKey = ""; }

/**
 * Filter and sort. `textIds` is the set of ids the core's full-text search matched for the
 * search box (name, issuer, description, skills, tags), or null when the box is empty.
 * @param {{q:string, issuer:string, status:string, collection:string, tag:string, sort:string}} f
 * @param {?Set<number>} textIds
 */
export function query(f, textIds) {
  const col = f.collection ? Number(f.collection) : 0;
  const tag = f.tag ? f.tag.toLowerCase() : "";
  const out = [];
  let cards = sortedCards(f.sort);
  // Few search hits: sort just those instead of walking every card.
  if (textIds && textIds.size < cards.length / 8) {
    cards = [...textIds].filter((id) => rank.has(id)).sort((a, b) => rank.get(a) - rank.get(b)).map((id) => sorted[rank.get(id)]);
  }
  for (const c of cards) {
    if (f.issuer && c.issuer !== f.issuer) continue;
    if (f.status && c.status !== f.status) continue;
    if (col && !c.collections.includes(col)) continue;
    if (tag && !c.tags.some((t) => t.toLowerCase() === tag)) continue;
    if (textIds && !textIds.has(c.id)) continue;
    out.push(c);
  }
  return out;
}
