// Client-side state: the cards, collections and settings, as the core last listed them. The
// gallery's search, filters and sort are the core's (`Wallet::query_ids`, the same engine as
// `backpack list`): `query` asks it for the ids in order and maps them to the cards held here.
import * as api from "./api.js";

export const state = {
  cards: /** @type {import("./api.js").BadgeCard[]} */ ([]),
  byId: /** @type {Map<number, import("./api.js").BadgeCard>} */ (new Map()),
  collections: /** @type {import("./types/ipc").CollectionDto[]} */ ([]),
  settings: /** @type {?import("./types/ipc").SettingsDto} */ (null),
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
  emit();
}

export async function refreshSettings() {
  state.settings = await api.getSettings();
  emit();
}

/** Sharing/network features are visible only when minor mode is off or unlocked. */
export const sharingVisible = () => !state.settings || !state.settings.minorMode || state.settings.unlocked;

/**
 * The gallery's search box, filters and sort as the page holds them ("" = no filter).
 * @typedef {{q: string, issuer: string, status: import("./types/ipc").Status | "",
 *   collection: string, tag: string, sort: import("./types/ipc").Sort}} GalleryFilters
 */

/** The search protocol's address (`search://localhost/` on Linux and macOS,
 * `http://search.localhost/` on Windows), or null outside the app. */
const SEARCH_URL = (() => {
  try {
    // @ts-ignore: Tauri's own global (what @tauri-apps/api's convertFileSrc calls).
    return window.__TAURI_INTERNALS__.convertFileSrc("", "search");
  } catch {
    return null;
  }
})();

/**
 * The core's answer at once, through the search protocol (a synchronous request: the search
 * box's results are in the DOM before the keystroke's first frame is drawn; through the
 * asynchronous IPC they came after it and waited ~17 ms for the next frame). Null when the
 * protocol cannot answer (outside the app, an older webview): the caller asks over IPC.
 * Throws `{kind: "busy"}` while the index is rebuilt.
 * @param {import("./types/ipc").GalleryQuery} query @param {number} offset @param {?number} limit
 * @returns {?import("./types/ipc").GalleryPage}
 */
function searchNow(query, offset, limit) {
  if (!SEARCH_URL) return null;
  let x;
  try {
    x = new XMLHttpRequest();
    x.open("GET", `${SEARCH_URL}?q=${encodeURIComponent(JSON.stringify({ query, offset, limit }))}`, false);
    x.send();
  } catch {
    return null;
  }
  if (x.status === 200) return JSON.parse(x.responseText);
  if (x.status === 503) throw Object.assign(new Error("busy"), { kind: "busy" });
  return null;
}

/**
 * How many matches a keystroke asks for: the window shows a few dozen cards, and the answer
 * stays under the 8 KiB that Tauri evaluates directly (a bigger one takes a second round
 * trip: ~10 ms a keystroke at 10,000 badges). The rest comes when the page asks for it.
 */
export const FIRST_STRETCH = 600;

/**
 * The cards matching the gallery's search box, filters and sort, in order: the core's answer
 * (the ids) mapped to the cards held here, from the `offset`-th match, `limit` of them (all
 * the rest when `null`), and how many match in all. With no search and no filter in the
 * default order that is the list as loaded (the core listed it in that order), with no call.
 * @param {GalleryFilters} f
 * @param {number} [offset]
 * @param {?number} [limit]
 * @returns {Promise<{total: number, cards: import("./api.js").BadgeCard[]}>}
 */
export async function query(f, offset = 0, limit = FIRST_STRETCH) {
  const q = f.q.trim();
  if (!q && !f.issuer && !f.status && !f.collection && !f.tag && f.sort === "newest") {
    return { total: state.cards.length, cards: offset ? state.cards.slice(offset) : state.cards };
  }
  const gq = {
    text: q || null,
    issuer: f.issuer || null,
    status: f.status || null,
    collection: f.collection ? Number(f.collection) : null,
    tag: f.tag || null,
    sort: f.sort,
  };
  const page = searchNow(gq, offset, limit) ?? await api.queryBadges(gq, offset, limit);
  const cards = [];
  for (const id of page.ids) {
    const c = state.byId.get(id);
    if (c) cards.push(c);
  }
  // A badge the page does not hold yet (the wallet changed since it listed them) is left out.
  return { total: page.total - (page.ids.length - cards.length), cards };
}
