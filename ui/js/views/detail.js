// Badge detail: every field of the normalised badge, the verification report in plain
// language with the technical check list one click away, and the actions (check again,
// download the original, notes, tags, collections, remove with undo). All badge text goes in
// with textContent; links are shown as inert text.
import * as api from "../api.js";
import { $, el, clear, chip, badgeImage, fmtDate, urlText, toast, errorToast, confirmDialog, STATUS_LABEL } from "../dom.js";
import { state, refresh } from "../store.js";
import { t } from "../i18n.js";
import { addToLinkedIn } from "./skills.js";

const go = (view, arg) => window.dispatchEvent(new CustomEvent("backpack:go", { detail: { view, arg } }));
// The core's check ids and outcomes (ipc.d.ts): Records over the generated unions, so `make
// lint` fails here when the core adds one (its label: check-<id> / outcome-<id> in ui/locales).
/** @type {Record<import("../types/ipc").CheckId, true>} */
const CHECKS = { decode: true, parse: true, schema: true, proof: true, issuer_key: true, hosted: true, issuer: true, expiry: true, not_before: true, status: true, recipient: true };
const checkLabel = (id) => (Object.hasOwn(CHECKS, id) ? t(`check-${id}`) : id);
/** @type {Record<import("../types/ipc").Outcome, true>} */
const OUTCOMES = { pass: true, fail: true, skipped: true, error: true };
const outcomeLabel = (o) => (Object.hasOwn(OUTCOMES, o) ? t(`outcome-${o}`) : o);

let currentId = null;

export async function showDetail(id) {
  currentId = id;
  const body = clear($("#detail-body"));
  body.append(el("p", { class: "muted", role: "status" }, t("loading")));
  try {
    const d = await api.getBadge(id);
    if (currentId !== id) return;
    render(d);
  } catch (e) {
    clear(body).append(el("p", { role: "alert" }, e.message || String(e)));
  }
}

function field(dl, label, value) {
  if (value == null || value === "" || (Array.isArray(value) && !value.length)) return;
  dl.append(el("dt", {}, label), el("dd", {}, value));
}

function section(title, ...content) {
  return el("section", { class: "section", "aria-label": title }, el("h2", {}, title), ...content);
}

/** @param {import("../types/ipc").BadgeDetail} d */
function render(d) {
  const b = d.badge;
  const card = d.card;
  const body = clear($("#detail-body"));
  const issuerName = b.issuer.name || b.issuer.id || t("unknown-issuer");

  // left column: image + actions
  const side = el("div", { class: "detail-side" },
    el("div", { class: "detail-img" }, badgeImage(card.image, t("badge-image-alt", { name: b.name }))),
    d.remoteImage ? el("p", { class: "muted" }, t("remote-image")) : null,
    el("button", { type: "button", class: "btn", "data-testid": "download", onclick: () => download(card.id) }, t("download-original")),
    el("button", { type: "button", class: "btn", id: "add-to-linkedin", "data-sharing": "", onclick: () => addToLinkedIn(card.id) }, t("add-to-linkedin")),
    el("button", { type: "button", class: "btn danger", onclick: () => remove(card.id, b.name) }, t("remove-badge")));

  // verification box
  const rep = d.report;
  const checks = el("table", { class: "checks" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("col-check")), el("th", { scope: "col" }, t("col-result")), el("th", { scope: "col" }, t("col-detail")))),
    el("tbody", {}, ...(rep ? rep.checks : []).map((c) => el("tr", { "data-check": c.id },
      el("td", {}, checkLabel(c.id), el("br"), el("code", { class: "muted", translate: "no" }, c.id)),
      el("td", { class: `outcome outcome-${c.outcome}` }, outcomeLabel(c.outcome)),
      el("td", { translate: "no" }, c.detail)))));
  const tech = el("details", { id: "tech-details" }, el("summary", {}, t("tech-details")),
    rep ? el("p", { class: "muted" }, t("tech-summary", { verdict: t(`verdict-${rep.verdict}`), format: rep.format || card.format || "?", checked: rep.checkedAt || "" })) : null,
    rep && rep.keyId ? el("p", { class: "muted" }, t("tech-key"), " ", urlText(rep.keyId)) : null,
    checks,
    rep && rep.fetches && rep.fetches.length ? el("ul", { class: "item-list" }, ...rep.fetches.map((f) => el("li", {}, urlText(f.url), " — ", el("span", { translate: "no" }, String(f.status ?? f.error ?? "")), f.fromCache ? ` ${t("from-cache")}` : ""))) : null,
    d.earlier && d.earlier.length ? el("div", { id: "earlier-checks" }, el("h3", {}, t("earlier-checks")),
      el("ul", { class: "item-list" }, ...d.earlier.map((e) => el("li", {}, `${fmtDate(e.checkedAt)}: ${STATUS_LABEL[e.status] || e.status} — `, el("span", { translate: "no" }, e.reason))))) : null);
  const verify = el("div", { class: `verify-box v-${card.status}`, id: "verify-box", "aria-live": "polite" },
    el("div", { class: "row spread" }, chip(card.status),
      el("button", { type: "button", class: "btn small", id: "check-again", onclick: () => recheck(card.id) }, t("check-again"))),
    card.trust ? trustLine(card.trust) : null,
    el("p", { class: "verify-summary", id: "verify-summary", translate: "no" }, d.summary),
    rep && rep.reason && card.status !== "verified" ? el("p", { class: "muted", id: "verify-reason", translate: "no" }, rep.reason) : null,
    d.conflictsWith != null ? el("p", { class: "notice", role: "note", id: "conflict-note" },
      t("conflict-note"), " ",
      el("button", { type: "button", class: "link", onclick: () => go("detail", d.conflictsWith) }, t("conflict-open"))) : null,
    d.conflicts && d.conflicts.length ? el("p", { class: "notice", role: "note", id: "conflicts-note" },
      t("conflicts-note", { n: d.conflicts.length }), " ",
      ...d.conflicts.map((c) => el("button", { type: "button", class: "link", onclick: () => go("detail", c) }, t("conflict-open-n", { n: c })))) : null,
    tech);

  // facts
  const dl = el("dl", { class: "fields" });
  field(dl, t("f-issued"), fmtDate(b.issued));
  field(dl, t("f-valid-from"), fmtDate(b.validFrom));
  field(dl, t("f-valid-until"), fmtDate(b.validUntil));
  field(dl, t("f-type"), el("span", { translate: "no" }, b.achievementType ?? ""));
  field(dl, t("f-standard"), el("span", { translate: "no" }, `Open Badges ${b.specVersion}${card.format ? ` (${card.format})` : ""}`));
  field(dl, t("f-issuer"), el("span", { translate: "no" }, issuerName));
  if (b.issuer.url) field(dl, t("f-issuer-website"), urlText(b.issuer.url));
  if (b.issuer.email) field(dl, t("f-issuer-email"), el("span", { translate: "no" }, b.issuer.email));
  if (b.issuer.id) field(dl, t("f-issuer-id"), urlText(b.issuer.id));
  if (b.id) field(dl, t("f-badge-id"), urlText(b.id));
  field(dl, t("f-file"), d.fileName ? el("span", { translate: "no" }, d.fileName) : null);
  field(dl, t("f-added"), fmtDate(d.importedAt));

  const main = el("div", {},
    el("h1", { id: "detail-name", tabindex: "-1", translate: "no" }, b.name),
    el("p", { class: "detail-issuer" }, t("issued-by"), " ", el("span", { translate: "no" }, issuerName)),
    verify,
    b.description ? section(t("about-badge"), el("p", { class: "prewrap", id: "detail-description", translate: "no" }, b.description)) : null,
    criteriaSection(b.criteria),
    section(t("details"), dl),
    recipientsSection(b.recipients),
    listSection(t("alignments"), b.alignments, (a) => [el("strong", {}, a.targetName ?? t("alignment")),
      a.targetFramework ? ` — ${a.targetFramework}` : "",
      a.targetCode ? ` (${a.targetCode})` : "",
      a.targetDescription ? el("div", { class: "muted" }, a.targetDescription) : null,
      a.targetUrl ? el("div", {}, urlText(a.targetUrl)) : null]),
    listSection(t("evidence"), b.evidence, (e) => [el("strong", {}, e.name || t("evidence")), e.genre ? ` — ${e.genre}` : "",
      e.description ? el("div", {}, e.description) : null, e.narrative ? el("div", { class: "muted" }, e.narrative) : null,
      e.id ? el("div", {}, urlText(e.id)) : null]),
    listSection(t("results"), b.results, (r) => [el("strong", {}, r.label || t("result")), r.value ? `: ${r.value}` : "",
      r.status ? ` (${r.status})` : "", r.achievedLevel ? ` — ${t("level", { level: r.achievedLevel })}` : ""]),
    b.tags && b.tags.length ? section(t("issuer-tags"), el("div", { translate: "no" }, ...b.tags.map((tag) => el("span", { class: "tag" }, tag)))) : null,
    endorsementsSection(d.endorsements),
    personalSection(d),
    collectionsSection(card));

  body.append(el("div", { class: "detail" }, side, main));
  $("#detail-name").focus?.();
}

/** @type {Record<import("../types/ipc").EndorsementScope, true>} */
const SCOPES = { credential: true, achievement: true, issuer: true, creator: true };
const scopeLabel = (s) => (Object.hasOwn(SCOPES, s) ? t(`scope-${s}`) : s);

/** @param {import("../types/ipc").EndorsementView[]} list */
function endorsementsSection(list) {
  if (!list || !list.length) return null;
  return section(t("endorsements"), el("ul", { class: "item-list", id: "endorsements" }, ...list.map((e) =>
    el("li", { "data-status": e.status },
      el("strong", {}, t("endorsed-by", { endorser: e.endorser })), ` (${STATUS_LABEL[e.status] || e.status})`,
      ` — ${t("endorsement-of", { scope: scopeLabel(e.scope) })}`,
      e.comment ? el("div", { class: "prewrap", translate: "no" }, e.comment) : null,
      e.status !== "verified" ? el("div", { class: "muted", translate: "no" }, e.reason) : null))));
}

// What an imported trust list says about the issuer: information beside the status, never
// part of it (the core words it: "Known issuer: …" only for a verified badge).
/** @param {import("../types/ipc").TrustMark} tl */
function trustLine(tl) {
  const kind = tl.test ? "test" : tl.verified ? "known" : "claims";
  return el("p", { class: `trust-label trust-${kind}`, id: "trust-label", title: t("trust-from-list", { list: tl.list }) },
    el("span", { "aria-hidden": "true" }, tl.verified && !tl.test ? "★ " : "☆ "), el("span", { translate: "no" }, tl.text));
}

/** @param {?import("../types/ipc").Criteria} c */
function criteriaSection(c) {
  if (!c || (!c.narrative && !c.url)) return null;
  return section(t("criteria"),
    c.narrative ? el("p", { class: "prewrap", id: "detail-criteria", translate: "no" }, c.narrative) : null,
    c.url ? el("p", {}, t("criteria-page"), " ", urlText(c.url)) : null);
}

/** @param {import("../types/ipc").Recipient[]} rs */
function recipientsSection(rs) {
  if (!rs || !rs.length) return null;
  return listSection(t("issued-to"), rs, (r) => [
    el("span", { translate: "no" }, `${typeof r.kind === "string" ? r.kind : Object.values(r.kind)[0]}: `),
    r.hashed ? el("span", { class: "muted" }, t("recipient-hashed")) : el("span", { translate: "no" }, r.identity)]);
}

function listSection(title, items, render) {
  if (!items || !items.length) return null;
  return section(title, el("ul", { class: "item-list" }, ...items.map((i) => el("li", {}, ...render(i)))));
}

/** @param {import("../types/ipc").BadgeDetail} d */
function personalSection(d) {
  const id = d.card.id;
  const note = el("textarea", { id: "badge-note", rows: "3", "aria-label": t("badge-note", null, "aria-label"), placeholder: t("badge-note", null, "placeholder") });
  note.value = d.note || "";
  const tags = el("input", { type: "text", id: "badge-tags", "aria-label": t("badge-tags", null, "aria-label"), placeholder: t("badge-tags", null, "placeholder") });
  tags.value = (d.card.tags || []).join(", ");
  const save = async () => {
    try {
      await api.setBadgeNote(id, note.value);
      await api.setBadgeTags(id, tags.value.split(",").map((s) => s.trim()).filter(Boolean));
      await refresh();
      toast(t("saved"));
    } catch (e) { errorToast(e); }
  };
  return section(t("notes-tags"), note, el("div", { class: "row" }, tags, el("button", { type: "button", class: "btn", onclick: save }, t("save"))));
}

/** @param {import("../types/ipc").BadgeCard} card */
function collectionsSection(card) {
  const inCols = state.collections.filter((c) => c.badgeIds.includes(card.id));
  const others = state.collections.filter((c) => !c.badgeIds.includes(card.id));
  const sel = el("select", { id: "add-to-collection", "aria-label": t("add-to-collection-select", null, "aria-label") },
    ...others.map((c) => el("option", { value: String(c.id), translate: "no" }, c.name)));
  const add = async () => {
    if (!sel.value) return;
    try { await api.addToCollection(Number(sel.value), [card.id]); await refresh(); showDetail(card.id); toast(t("added-to-collection")); } catch (e) { errorToast(e); }
  };
  return section(t("collections-title"),
    inCols.length ? el("div", { translate: "no" }, ...inCols.map((c) => el("span", { class: "tag" }, c.name))) : el("p", { class: "muted" }, t("in-no-collection")),
    others.length ? el("div", { class: "row" }, sel, el("button", { type: "button", class: "btn", id: "add-to-collection-btn", onclick: add }, t("add-to-collection")))
      : el("p", { class: "muted" }, state.collections.length ? "" : t("make-a-collection-first")));
}

async function recheck(id) {
  const btn = $("#check-again");
  btn.disabled = true;
  btn.textContent = t("checking");
  try {
    const d = await api.recheckBadge(id);
    await refresh();
    render(d);
    toast(t("checked-again", { status: STATUS_LABEL[d.card.status] }));
  } catch (e) {
    errorToast(e);
    btn.disabled = false;
    btn.textContent = t("check-again");
  }
}

async function download(id) {
  try {
    if (await api.saveOriginal(id)) toast(t("saved-original"));
  } catch (e) { errorToast(e); }
}

async function remove(id, name) {
  const ok = await confirmDialog(t("remove-title"), t("remove-text", { name }), t("remove"));
  if (!ok) return;
  try {
    await api.removeBadge(id);
    await refresh();
    go("wallet");
    toast(t("removed", { name }), { action: { label: t("undo"), run: async () => { try { await api.undoRemove(); await refresh(); toast(t("restored")); } catch (e) { errorToast(e); } } }, timeout: 10000 });
  } catch (e) { errorToast(e); }
}
