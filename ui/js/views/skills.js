// Skills and pathways (issue 11): the skills behind the wallet's badges grouped by framework
// (searchable), results and achievement types, stacks drawn as paths, a timeline by year; and
// the "Add to LinkedIn" dialog the badge detail opens. Built by the core
// (backpack_core::skills, backpack_core::linkedin); this file only draws it.
// All badge text is untrusted: it goes in through textContent (el()), links are inert text.
// The strings of this view live here (the other views' strings are being moved to i18n).
import * as api from "../api.js";
import { $, el, clear, fmtDate, urlText, toast, errorToast, confirmDialog } from "../dom.js";

const go = (view, arg) => window.dispatchEvent(new CustomEvent("backpack:go", { detail: { view, arg } }));

const S = {
  title: "Skills and pathways",
  search: "Search skills, frameworks, codes…",
  searchLabel: "Search skills",
  loading: "Loading…",
  skills: "Skills by framework",
  none: "None of your badges names a skill yet. Badges that align to a framework (ESCO, O*NET, CASE, CTDL…) show their skills here.",
  noMatch: "No skill matches your search.",
  results: "Results",
  types: "Kinds of achievement",
  stacks: "Pathways",
  stacksNone: "No badges build on each other yet. Achievements that reference each other, a transcript's parts, and badges aligned to the same skill appear here as a path.",
  timeline: "Timeline",
  undated: "Undated",
  shownBy: (n) => `${n} badge${n === 1 ? "" : "s"}:`,
  notHeld: "not in your backpack",
  linkedBy: "Linked by",
  shared: "Badges aligned to the same skill, in the order you earned them",
  count: (s, f) => `${s} skill${s === 1 ? "" : "s"} in ${f} framework${f === 1 ? "" : "s"}`,
  relation: { related: "same achievement as", isParentOf: "includes", isChildOf: "is part of", isPartOf: "is part of", precedes: "comes before", replacedBy: "is replaced by", isPeerOf: "is a peer of", exactMatchOf: "matches", isRelatedTo: "is related to" },
  li: {
    title: "Add to LinkedIn",
    intro: "LinkedIn's “Add license or certification” form, with these fields. Copy them by hand, or open the form already filled in.",
    name: "Name", org: "Issuing organization", issued: "Issue date", expires: "Expiration date",
    certId: "Credential ID", certUrl: "Credential URL",
    noUrl: "None: this badge has no public web address of its own. LinkedIn will show it without a link.",
    link: "Link",
    copy: "Copy", copied: "Copied.",
    open: "Open LinkedIn…", close: "Close",
    confirmTitle: "Open LinkedIn in your browser?",
    confirmText: (name) => `Your browser will open LinkedIn with “${name}”, its issuer, dates and credential ID filled in. Nothing is sent until you save it on LinkedIn.`,
    confirmOk: "Open LinkedIn",
    opened: "LinkedIn opened in your browser.",
  },
};

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
        el("label", { class: "search" }, el("span", { class: "visually-hidden" }, S.searchLabel), input))),
    el("div", { id: "skills-body", "aria-live": "polite" }));
  $("#main").append(section);
}

/** Draws the view (again), with the current search. */
export async function renderSkills() {
  const body = $("#skills-body");
  if (!body) return;
  const mine = ++seq;
  if (!body.firstChild) body.append(el("p", { class: "muted", role: "status" }, S.loading));
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
    v.achievement_types.length ? typesSection(v.achievement_types, names) : null,
    stacksSection(v.stacks, names),
    timelineSection(v.timeline));
}

function badgeLink(id, names) {
  const b = names.get(id);
  return el("button", { type: "button", class: "link skill-badge", "data-badge": String(id), onclick: () => go("detail", id) },
    b ? b.name : `#${id}`);
}

function skillsSection(v, names) {
  const n = v.frameworks.reduce((a, f) => a + f.skills.length, 0);
  const sec = el("section", { class: "section", id: "skills-frameworks", "aria-labelledby": "skills-frameworks-h" },
    el("h2", { id: "skills-frameworks-h" }, S.skills),
    n ? el("p", { class: "muted", id: "skills-count" }, S.count(n, v.frameworks.length)) : el("p", { class: "muted" }, query.trim() ? S.noMatch : S.none));
  for (const fw of v.frameworks) {
    sec.append(el("div", { class: "framework", "data-framework": fw.name },
      el("h3", { class: fw.unnamed ? "muted" : "" }, fw.name),
      el("ul", { class: "skill-list" }, ...fw.skills.map((s) => el("li", { class: "skill" },
        el("div", { class: "skill-head" },
          el("strong", { class: "skill-name" }, s.name),
          s.code ? el("span", { class: "tag" }, s.code) : null,
          ...s.types.map((t) => el("span", { class: "tag muted" }, t))),
        s.description ? el("div", { class: "muted prewrap" }, s.description) : null,
        ...s.urls.map((u) => el("div", {}, urlText(u))),
        el("div", { class: "skill-badges" }, el("span", { class: "muted" }, S.shownBy(s.badges.length), " "),
          ...s.badges.map((id) => badgeLink(id, names))))))));
  }
  return sec;
}

function resultsSection(results, names) {
  return el("section", { class: "section", id: "skills-results", "aria-labelledby": "skills-results-h" },
    el("h2", { id: "skills-results-h" }, S.results),
    el("ul", { class: "item-list" }, ...results.map((g) => el("li", {}, el("strong", {}, g.label),
      el("ul", { class: "item-list" }, ...g.results.map((r) => el("li", {}, badgeLink(r.badge, names),
        [r.value, r.status, r.achieved_level].filter(Boolean).join(", "))))))));
}

function typesSection(types, names) {
  return el("section", { class: "section", id: "skills-types", "aria-labelledby": "skills-types-h" },
    el("h2", { id: "skills-types-h" }, S.types),
    el("ul", { class: "item-list" }, ...types.map((t) => el("li", {}, el("strong", {}, t.achievement_type), " ",
      ...t.badges.map((id) => badgeLink(id, names))))));
}

function stacksSection(stacks, names) {
  const sec = el("section", { class: "section", id: "skills-stacks", "aria-labelledby": "skills-stacks-h" },
    el("h2", { id: "skills-stacks-h" }, S.stacks));
  if (!stacks.length) sec.append(el("p", { class: "muted" }, S.stacksNone));
  for (const st of stacks) {
    const sub = st.kind === "linked"
      ? el("p", { class: "muted" }, `${S.linkedBy} `, ...st.stated_by.map((id) => badgeLink(id, names)))
      : el("p", { class: "muted" }, S.shared);
    const path = el("ol", { class: "path", "aria-label": st.title });
    st.steps.forEach((step, i) => {
      const held = step.badges.length > 0;
      const links = st.links.filter((l) => l.from === i);
      path.append(el("li", { class: held ? "step held" : "step not-held" },
        el("div", { class: "step-name" }, held ? step.badges.map((id) => badgeLink(id, names)) : step.name),
        held ? null : el("div", { class: "muted" }, S.notHeld),
        ...links.map((l) => el("div", { class: "muted step-rel" }, `${S.relation[l.relation] || l.relation} → ${st.steps[l.to] ? (st.steps[l.to].name || `#${l.to + 1}`) : ""}`))));
    });
    sec.append(el("div", { class: "stack", "data-kind": st.kind }, el("h3", {}, st.title), sub, path));
  }
  return sec;
}

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
      el("span", { class: "timeline-date muted" }, b.issued ? fmtDate(b.issued) : "—"),
      el("button", { type: "button", class: "link", onclick: () => go("detail", b.id) }, b.name),
      b.issuer ? el("span", { class: "muted" }, ` — ${b.issuer}`) : null,
      b.achievement_type ? el("span", { class: "tag" }, b.achievement_type) : null));
  }
  return sec;
}

// ── Add to LinkedIn ──

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ym = (p) => (Array.isArray(p) ? `${MONTHS[p[1] - 1] || p[1]} ${p[0]}` : null);

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
  let f;
  try { f = await api.linkedinFields(id); } catch (e) { errorToast(e); return; }
  const d = clear(linkedinDialog());
  const dl = el("dl", { class: "fields", id: "linkedin-fields" });
  const row = (label, value, key) => {
    if (value == null || value === "") return;
    const copy = el("button", { type: "button", class: "btn small", onclick: () => copyText(value) }, S.li.copy);
    dl.append(el("dt", {}, label), el("dd", { "data-field": key }, el("span", { class: "copy-value" }, value), " ", copy));
  };
  row(S.li.name, f.name, "name");
  row(S.li.org, f.organization_name, "organization");
  row(S.li.issued, ym(f.issue), "issued");
  row(S.li.expires, ym(f.expiration), "expires");
  row(S.li.certId, f.cert_id, "cert-id");
  if (f.cert_url) row(S.li.certUrl, f.cert_url, "cert-url");
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
