// Skills and pathways (issue 11): the skills behind the wallet's badges grouped by framework
// (searchable), results and achievement types, stacks drawn as paths, a timeline by year; and
// the "Add to LinkedIn" dialog the badge detail opens. Built by the core
// (backpack_core::skills, backpack_core::linkedin); this file only draws it.
// All badge text is untrusted: it goes in through textContent (el()), links are inert text.
import * as api from "../api.js";
import { $, el, clear, fmtDate, urlText, toast, errorToast, confirmDialog } from "../dom.js";
import { t, lang } from "../i18n.js";

const go = (view, arg) => window.dispatchEvent(new CustomEvent("backpack:go", { detail: { view, arg } }));

// Every string comes from the catalogs (ui/locales), read at draw time so a language change counts.
const S = {
  get title() { return t("skills-title"); },
  get search() { return t("skills-search", null, "placeholder"); },
  get searchLabel() { return t("skills-search-label"); },
  get loading() { return t("skills-loading"); },
  get skills() { return t("skills-by-framework"); },
  get none() { return t("skills-none"); },
  get noMatch() { return t("skills-no-match"); },
  get results() { return t("skills-results"); },
  get types() { return t("skills-types"); },
  get stacks() { return t("skills-stacks"); },
  get stacksNone() { return t("skills-stacks-none"); },
  get timeline() { return t("skills-timeline"); },
  get undated() { return t("skills-undated"); },
  shownBy: (n) => t("skills-shown-by", { n }),
  get notHeld() { return t("skills-not-held"); },
  get linkedBy() { return t("skills-linked-by"); },
  get shared() { return t("skills-shared"); },
  count: (s, f) => t("skills-count", { s, f }),
  relation: (r) => (RELATIONS.includes(r) ? t(`skills-rel-${r}`) : r),
  li: {
    get title() { return t("li-title"); },
    get intro() { return t("li-intro"); },
    get name() { return t("li-name"); },
    get org() { return t("li-org"); },
    get issued() { return t("li-issued"); },
    get expires() { return t("li-expires"); },
    get certId() { return t("li-cert-id"); },
    get certUrl() { return t("li-cert-url"); },
    get noUrl() { return t("li-no-url"); },
    get link() { return t("li-link"); },
    get copy() { return t("li-copy"); },
    get copied() { return t("li-copied"); },
    get open() { return t("li-open"); },
    get close() { return t("li-close"); },
    get confirmTitle() { return t("li-confirm-title"); },
    confirmText: (name) => t("li-confirm-text", { name }),
    get confirmOk() { return t("li-confirm-ok"); },
    get opened() { return t("li-opened"); },
  },
};
const RELATIONS = ["related", "isParentOf", "isChildOf", "isPartOf", "precedes", "replacedBy", "isPeerOf", "exactMatchOf", "isRelatedTo"];

let query = "";
let timer = null;
let seq = 0;

/** Creates the view's section (index.html only holds the nav item) and wires the search box. */
export function initializeSkills() {
  if ($("#view-skills")) return;
  const input = el("input", { id: "skills-search", type: "search", placeholder: S.search, autocomplete: "off", spellcheck: "false" });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { query = input.value; renderSkills(); }, 120);
  });
  const section = el("section", { class: "view", id: "view-skills", hidden: true, "aria-labelledby": "skills-title" },
    el("header", { class: "view-head" },
      el("h1", { id: "skills-title" }, S.title),
      el("div", { class: "toolbar", role: "search" },
        el("label", { class: "search" }, el("span", { class: "visually-hidden", id: "skills-search-label" }, S.searchLabel), input))),
    el("div", { id: "skills-body", "aria-live": "polite" }));
  $("#main").append(section);
  // Another language chosen in Settings: the fixed labels change now, the rest at the next draw.
  window.addEventListener("backpack:language", () => {
    input.placeholder = S.search;
    $("#skills-title").textContent = S.title;
    $("#skills-search-label").textContent = S.searchLabel;
    if (!section.hidden) renderSkills();
  });
}

/** Draws the view (again), with the current search. */
export async function renderSkills() {
  const body = $("#skills-body");
  if (!body) return;
  const mine = ++seq;
  if (!body.firstChild) body.append(el("p", { class: "muted", role: "status" }, S.loading));
  /** @type {import("../types/ipc").SkillsView} */
  let v;
  try {
    v = await api.skills(query.trim() || null);
  } catch (e) {
    if (mine === seq) clear(body).append(el("p", { role: "alert" }, e.message || String(e)));
    return;
  }
  if (mine !== seq) return;
  const names = new Map(v.timeline.map((b) => [b.id, b]));
  clear(body).append(
    skillsSection(v, names),
    v.results.length ? resultsSection(v.results, names) : null,
    v.achievementTypes.length ? typesSection(v.achievementTypes, names) : null,
    stacksSection(v.stacks, names),
    timelineSection(v.timeline));
}

/** @param {number} id @param {Map<number, import("../types/ipc").BadgeRef>} names */
function badgeLink(id, names) {
  const b = names.get(id);
  return el("button", { type: "button", class: "link skill-badge", translate: "no", "data-badge": String(id), onclick: () => go("detail", id) },
    b ? b.name : `#${id}`);
}

/** @param {import("../types/ipc").SkillsView} v @param {Map<number, import("../types/ipc").BadgeRef>} names */
function skillsSection(v, names) {
  const n = v.frameworks.reduce((a, f) => a + f.skills.length, 0);
  const sec = el("section", { class: "section", id: "skills-frameworks", "aria-labelledby": "skills-frameworks-h" },
    el("h2", { id: "skills-frameworks-h" }, S.skills),
    n ? el("p", { class: "muted", id: "skills-count" }, S.count(n, v.frameworks.length)) : el("p", { class: "muted" }, query.trim() ? S.noMatch : S.none));
  for (const fw of v.frameworks) {
    sec.append(el("div", { class: "framework", "data-framework": fw.name },
      el("h3", { class: fw.unnamed ? "muted" : "", translate: fw.unnamed ? null : "no" }, fw.unnamed ? t("skills-no-framework") : fw.name),
      el("ul", { class: "skill-list" }, ...fw.skills.map((s) => el("li", { class: "skill" },
        el("div", { class: "skill-head" },
          el("strong", { class: "skill-name", translate: "no" }, s.name),
          s.code ? el("span", { class: "tag", translate: "no" }, s.code) : null,
          ...s.types.map((ty) => el("span", { class: "tag muted", translate: "no" }, ty))),
        s.description ? el("div", { class: "muted prewrap", translate: "no" }, s.description) : null,
        ...s.urls.map((u) => el("div", { translate: "no" }, urlText(u))),
        el("div", { class: "skill-badges" }, el("span", { class: "muted" }, S.shownBy(s.badges.length), " "),
          ...s.badges.map((id) => badgeLink(id, names))))))));
  }
  return sec;
}

/** @param {import("../types/ipc").ResultGroup[]} results @param {Map<number, import("../types/ipc").BadgeRef>} names */
function resultsSection(results, names) {
  return el("section", { class: "section", id: "skills-results", "aria-labelledby": "skills-results-h" },
    el("h2", { id: "skills-results-h" }, S.results),
    el("ul", { class: "item-list" }, ...results.map((g) => el("li", {}, el("strong", { translate: "no" }, g.label),
      el("ul", { class: "item-list" }, ...g.results.map((r) => el("li", {}, badgeLink(r.badge, names),
        el("span", { translate: "no" }, [r.value, r.status, r.achievedLevel].filter(Boolean).join(", ")))))))));
}

/** @param {import("../types/ipc").TypeGroup[]} types @param {Map<number, import("../types/ipc").BadgeRef>} names */
function typesSection(types, names) {
  return el("section", { class: "section", id: "skills-types", "aria-labelledby": "skills-types-h" },
    el("h2", { id: "skills-types-h" }, S.types),
    el("ul", { class: "item-list" }, ...types.map((ty) => el("li", {}, el("strong", { translate: "no" }, ty.achievementType), " ",
      ...ty.badges.map((id) => badgeLink(id, names))))));
}

/** @param {import("../types/ipc").Stack[]} stacks @param {Map<number, import("../types/ipc").BadgeRef>} names */
function stacksSection(stacks, names) {
  const sec = el("section", { class: "section", id: "skills-stacks", "aria-labelledby": "skills-stacks-h" },
    el("h2", { id: "skills-stacks-h" }, S.stacks));
  if (!stacks.length) sec.append(el("p", { class: "muted" }, S.stacksNone));
  for (const [si, st] of stacks.entries()) {
    const sub = st.kind === "linked"
      ? el("p", { class: "muted" }, `${S.linkedBy} `, ...st.statedBy.map((id) => badgeLink(id, names)))
      : el("p", { class: "muted" }, S.shared);
    const path = el("ol", { class: "path", "aria-labelledby": `stack-title-${si}` });
    st.steps.forEach((step, i) => {
      const held = step.badges.length > 0;
      const links = st.links.filter((l) => l.from === i);
      path.append(el("li", { class: held ? "step held" : "step not-held" },
        el("div", { class: "step-name", translate: held ? null : "no" }, held ? step.badges.map((id) => badgeLink(id, names)) : step.name),
        held ? null : el("div", { class: "muted" }, S.notHeld),
        ...links.map((l) => el("div", { class: "muted step-rel" }, `${S.relation(l.relation)} → ${st.steps[l.to] ? (st.steps[l.to].name || `#${l.to + 1}`) : ""}`))));
    });
    sec.append(el("div", { class: "stack", "data-kind": st.kind }, el("h3", { id: `stack-title-${si}`, translate: "no" }, st.title), sub, path));
  }
  return sec;
}

/** @param {import("../types/ipc").BadgeRef[]} timeline */
function timelineSection(timeline) {
  const sec = el("section", { class: "section", id: "skills-timeline", "aria-labelledby": "skills-timeline-h" },
    el("h2", { id: "skills-timeline-h" }, S.timeline));
  let year = null;
  let list = null;
  for (const b of timeline) {
    const d = b.issued ? new Date(b.issued) : null;
    const y = d && !Number.isNaN(d.getTime()) ? String(d.getUTCFullYear()) : S.undated;
    if (y !== year) {
      year = y;
      list = el("ol", { class: "timeline" });
      sec.append(el("h3", { class: "timeline-year" }, y), list);
    }
    list.append(el("li", { "data-badge": String(b.id) },
      el("span", { class: "timeline-date muted", translate: "no" }, b.issued ? fmtDate(b.issued) : "—"),
      el("button", { type: "button", class: "link", translate: "no", onclick: () => go("detail", b.id) }, b.name),
      b.issuer ? el("span", { class: "muted", translate: "no" }, ` — ${b.issuer}`) : null,
      b.achievementType ? el("span", { class: "tag", translate: "no" }, b.achievementType) : null));
  }
  return sec;
}

// ── Add to LinkedIn ──

// [year, month] as the learner's language writes a month (Intl), e.g. "May 2026" / "mayo de 2026".
const ym = (p) => {
  if (!Array.isArray(p)) return null;
  const [y, m] = p;
  if (!(m >= 1 && m <= 12)) return String(y);
  return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
};

function linkedinDialog() {
  let d = $("#linkedin-dialog");
  if (d) return d;
  d = el("dialog", { id: "linkedin-dialog", "aria-labelledby": "linkedin-title" });
  document.body.append(d);
  return d;
}

/** Shows the fields LinkedIn's form takes for badge `id`, each to copy; "Open LinkedIn…"
 * asks for confirmation, then the app (in Rust) opens the link in the system browser. */
export async function addToLinkedIn(id) {
  /** @type {import("../types/ipc").LinkedInDto} */
  let f;
  try { f = await api.linkedinFields(id); } catch (e) { errorToast(e); return; }
  const d = clear(linkedinDialog());
  const dl = el("dl", { class: "fields", id: "linkedin-fields" });
  const row = (label, value, key) => {
    if (value == null || value === "") return;
    const copy = el("button", { type: "button", class: "btn small", onclick: () => copyText(value) }, S.li.copy);
    dl.append(el("dt", {}, label), el("dd", { "data-field": key }, el("span", { class: "copy-value", translate: "no" }, value), " ", copy));
  };
  row(S.li.name, f.name, "name");
  row(S.li.org, f.organizationName, "organization");
  row(S.li.issued, ym(f.issue), "issued");
  row(S.li.expires, ym(f.expiration), "expires");
  row(S.li.certId, f.certId, "cert-id");
  if (f.certUrl) row(S.li.certUrl, f.certUrl, "cert-url");
  else dl.append(el("dt", {}, S.li.certUrl), el("dd", { class: "muted", "data-field": "cert-url" }, S.li.noUrl));
  dl.append(el("dt", {}, S.li.link), el("dd", {}, urlText(f.url)));
  const open = el("button", { type: "button", class: "btn primary", id: "linkedin-open" }, S.li.open);
  const close = el("button", { type: "button", class: "btn" }, S.li.close);
  close.addEventListener("click", () => d.close());
  open.addEventListener("click", async () => {
    d.close();
    const ok = await confirmDialog(S.li.confirmTitle, S.li.confirmText(f.name), S.li.confirmOk);
    if (!ok) return;
    try { await api.openLinkedin(id); toast(S.li.opened); } catch (e) { errorToast(e); }
  });
  d.append(el("h2", { id: "linkedin-title" }, S.li.title), el("p", { class: "muted" }, S.li.intro), dl,
    el("div", { class: "row end" }, close, open));
  d.showModal();
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast(S.li.copied);
  } catch {
    // No clipboard access in this webview: the text is selectable.
  }
}
