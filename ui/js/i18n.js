// The app's languages: one Fluent catalog per language (ui/locales/<lang>.js, each exporting
// its FTL text — a module, because the CSP lets the page load only its own scripts, not fetch
// files), formatted by @fluent/bundle (vendored, ui/vendor/fluent-bundle). Plurals come from
// Fluent's selectors (Intl.PluralRules), dates from Intl.DateTimeFormat in the chosen language.
//
// The language follows the system (navigator.languages) unless the learner picks one in
// Settings (kept in localStorage "backpack.lang": the app has no generic settings command, and
// the language is a preference of this computer's user, not of the wallet).
//
// "en-XA" is a pseudo-locale for tests: the English catalog with every letter accented
// (ASCII a–z → á…), so a visible string that does not come from the catalog stands out.
// Elements that show the learner's or a badge's own data carry translate="no".
import { FluentBundle, FluentResource } from "../vendor/fluent-bundle/index.js";
import en from "../locales/en.js";
import es from "../locales/es.js";

export const LANGUAGES = [["en", "English"], ["es", "Español"]];
const CATALOGS = { en, es };
const PREF = "backpack.lang";

const PSEUDO_FROM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const PSEUDO_TO = "áƀçđéƒğĥíĵķĺɱñóƥʠŕšťúʋŵẋýžÁƁÇĐÉƑĞĤÍĴĶĹṀÑÓƤɊŔŠŦÚƲŴẊÝŽ";
const PSEUDO = new Map([...PSEUDO_FROM].map((c, i) => [c, [...PSEUDO_TO][i]]));
export const pseudo = (s) => [...s].map((c) => PSEUDO.get(c) || c).join("");

let bundle = null;
let fallback = null;
export let lang = "en";

/** The language the system asks for, if we have it. */
function systemLanguage() {
  for (const l of navigator.languages || [navigator.language || "en"]) {
    const base = String(l).toLowerCase().split("-")[0];
    if (CATALOGS[base]) return base;
  }
  return "en";
}

/** "" = follow the system. */
export const preference = () => { try { return localStorage.getItem(PREF) || ""; } catch { return ""; } };

function makeBundle(code) {
  const isPseudo = code === "en-XA";
  const b = new FluentBundle(isPseudo ? "en" : code, { useIsolating: false, transform: isPseudo ? pseudo : (s) => s });
  const errors = b.addResource(new FluentResource(CATALOGS[isPseudo ? "en" : code]));
  if (errors.length) console.error("catalog", code, errors);
  return b;
}

/** Choose the language (the setting, else the system) and load its catalog. */
export function initI18n(code = preference() || systemLanguage()) {
  lang = code === "en-XA" || CATALOGS[code] ? code : "en";
  bundle = makeBundle(lang);
  fallback = lang === "en" ? bundle : makeBundle("en");
  document.documentElement.lang = lang === "en-XA" ? "en" : lang;
  document.documentElement.dir = "ltr";
}

/** Save the learner's choice ("" = follow the system) and switch to it. */
export function setPreference(code) {
  try { if (code) localStorage.setItem(PREF, code); else localStorage.removeItem(PREF); } catch { /* private mode */ }
  initI18n();
  translateDom();
}

function format(b, id, args, attr) {
  const m = b.getMessage(id);
  if (!m) return null;
  const pattern = attr ? m.attributes[attr] : m.value;
  return pattern == null ? null : b.formatPattern(pattern, args);
}

/** The message `id` (or its attribute `attr`) with `args`; English when the language lacks it;
 * the id itself when no catalog has it (a test catches that). */
export function t(id, args, attr) {
  if (!bundle) initI18n();
  return format(bundle, id, args, attr) ?? format(fallback, id, args, attr) ?? id;
}

/** Translate every element with data-l10n-id in `root`: its text (when the message has a
 * value) and the attributes the message defines (placeholder, aria-label, title). */
export function translateDom(root = document) {
  for (const n of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-l10n-id]"))) {
    const id = n.dataset.l10nId;
    const m = bundle.getMessage(id) || fallback.getMessage(id);
    if (!m) { n.textContent = id; continue; }
    const args = n.dataset.l10nArgs ? JSON.parse(n.dataset.l10nArgs) : undefined;
    if (m.value) n.textContent = t(id, args);
    for (const a of Object.keys(m.attributes)) n.setAttribute(a, t(id, args, a));
  }
}

/** A date in the chosen language ("3 May 2026" / "3 de mayo de 2026"); the input when it does
 * not parse. Badge dates are calendar dates: formatted in UTC so they never shift a day. */
/** The date formatter of the language shown: made once per language (making one costs far
 * more than formatting with it, and a gallery repaint formats a date per card). */
let dateFormat = { lang: "", fmt: /** @type {?Intl.DateTimeFormat} */ (null) };
export function formatDate(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  if (dateFormat.lang !== lang || !dateFormat.fmt) {
    dateFormat = { lang, fmt: new Intl.DateTimeFormat(lang === "en-XA" ? "en-GB" : lang === "en" ? "en-GB" : lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) };
  }
  const s = dateFormat.fmt.format(d);
  return lang === "en-XA" ? pseudo(s) : s;
}
