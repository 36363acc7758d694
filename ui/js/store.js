// Client-side state: the cards, collections and settings. Sorting and the issuer, status,
// collection and tag filters run here on plain arrays; the search box asks the core's
// full-text index for matching ids (one small IPC call per keystroke).
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
  state.cards = cards;
  state.byId = new Map(cards.map((c) => [c.id, c]));
  state.collections = collections;
  state.settings = settings;
  state.loaded = true;
  emit();
}

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
/** Cards sorted by `sort` (cached until the cards or the sort change). */
function sortedCards(sort) {
  const key = sort + ":" + state.cards.length + ":" + (state.cards[0] && state.cards[0].id);
  if (key !== sortedKey || sorted.length !== state.cards.length) {
    sorted = state.cards.slice().sort(SORTS[sort] || SORTS["date-desc"]);
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
  for (const c of sortedCards(f.sort)) {
    if (f.issuer && c.issuer !== f.issuer) continue;
    if (f.status && c.status !== f.status) continue;
    if (col && !c.collections.includes(col)) continue;
    if (tag && !c.tags.some((t) => t.toLowerCase() === tag)) continue;
    if (textIds && !textIds.has(c.id)) continue;
    out.push(c);
  }
  return out;
}
