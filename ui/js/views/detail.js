// Badge detail: every field of the normalised badge, the verification report in plain
// language with the technical check list one click away, and the actions (check again,
// download the original, notes, tags, collections, remove with undo). All badge text goes in
// with textContent; links are shown as inert text.
import * as api from "../api.js";
import { $, el, clear, chip, badgeImage, fmtDate, urlText, toast, errorToast, confirmDialog, STATUS_LABEL } from "../dom.js";
import { state, refresh } from "../store.js";
import { addToLinkedIn } from "./skills.js";

const go = (view, arg) => window.dispatchEvent(new CustomEvent("backpack:go", { detail: { view, arg } }));
const CHECK_LABEL = {
  decode: "Read the file", parse: "Recognised the badge", schema: "Required fields present",
  proof: "Digital signature", issuer_key: "Issuer's key", hosted: "Hosted copy matches",
  issuer: "Issuer profile", expiry: "Not expired", not_before: "Already valid", status: "Not revoked",
  recipient: "Issued to you",
};
const OUTCOME_LABEL = { pass: "Passed", fail: "Failed", skipped: "Not needed", error: "Could not check" };

let currentId = null;

export async function showDetail(id) {
  currentId = id;
  const body = clear($("#detail-body"));
  body.append(el("p", { class: "muted", role: "status" }, "Loading…"));
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

function render(d) {
  const b = d.badge;
  const card = d.card;
  const body = clear($("#detail-body"));
  const issuerName = b.issuer.name || b.issuer.id || "Unknown issuer";

  // left column: image + actions
  const side = el("div", { class: "detail-side" },
    el("div", { class: "detail-img" }, badgeImage(card.image, `Image of the badge ${b.name}`)),
    d.remoteImage ? el("p", { class: "muted" }, "This badge's image is on the issuer's website. It is not loaded, so the issuer cannot see when you look at your badges.") : null,
    el("button", { type: "button", class: "btn", "data-testid": "download", onclick: () => download(card.id) }, "Download original file"),
    el("button", { type: "button", class: "btn", id: "add-to-linkedin", "data-sharing": "", onclick: () => addToLinkedIn(card.id) }, "Add to LinkedIn"),
    el("button", { type: "button", class: "btn danger", onclick: () => remove(card.id, b.name) }, "Remove from backpack"));

  // verification box
  const rep = d.report;
  const checks = el("table", { class: "checks" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Check"), el("th", { scope: "col" }, "Result"), el("th", { scope: "col" }, "Detail"))),
    el("tbody", {}, ...(rep ? rep.checks : []).map((c) => el("tr", { "data-check": c.id },
      el("td", {}, CHECK_LABEL[c.id] || c.id, el("br"), el("code", { class: "muted" }, c.id)),
      el("td", { class: `outcome outcome-${c.outcome}` }, OUTCOME_LABEL[c.outcome] || c.outcome),
      el("td", {}, c.detail)))));
  const tech = el("details", { id: "tech-details" }, el("summary", {}, "Technical details"),
    rep ? el("p", { class: "muted" }, `Verdict: ${rep.verdict} · format: ${rep.format || card.format || "unknown"} · checked ${rep.checkedAt || rep.checked_at || ""}`) : null,
    rep && (rep.keyId || rep.key_id) ? el("p", { class: "muted" }, "Key: ", urlText(rep.keyId || rep.key_id)) : null,
    checks,
    rep && rep.fetches && rep.fetches.length ? el("ul", { class: "item-list" }, ...rep.fetches.map((f) => el("li", {}, urlText(f.url), ` — ${f.status ?? f.error ?? ""}${f.from_cache ? " (from cache)" : ""}`))) : null,
    d.earlier && d.earlier.length ? el("div", { id: "earlier-checks" }, el("h3", {}, "Earlier checks"),
      el("ul", { class: "item-list" }, ...d.earlier.map((e) => el("li", {}, `${fmtDate(e.checkedAt)}: ${STATUS_LABEL[e.status] || e.status} — `, e.reason)))) : null);
  const verify = el("div", { class: `verify-box v-${card.status}`, id: "verify-box", "aria-live": "polite" },
    el("div", { class: "row spread" }, chip(card.status),
      el("button", { type: "button", class: "btn small", id: "check-again", onclick: () => recheck(card.id) }, "Check again")),
    card.trust ? trustLine(card.trust) : null,
    el("p", { class: "verify-summary", id: "verify-summary" }, d.summary),
    rep && rep.reason && card.status !== "verified" ? el("p", { class: "muted", id: "verify-reason" }, rep.reason) : null,
    d.conflictsWith != null ? el("p", { class: "notice", role: "note", id: "conflict-note" },
      "This copy claims to be a newer version of another badge in your backpack, but it is not signed with the issuer's key, so it was kept aside. ",
      el("button", { type: "button", class: "link", onclick: () => go("detail", d.conflictsWith) }, "Open the badge it claims to replace")) : null,
    d.conflicts && d.conflicts.length ? el("p", { class: "notice", role: "note", id: "conflicts-note" },
      `${d.conflicts.length === 1 ? "A copy" : `${d.conflicts.length} copies`} of this badge claiming to be newer ${d.conflicts.length === 1 ? "was" : "were"} kept aside: not signed with the issuer's key. `,
      ...d.conflicts.map((c) => el("button", { type: "button", class: "link", onclick: () => go("detail", c) }, `Open #${c}`))) : null,
    tech);

  // facts
  const dl = el("dl", { class: "fields" });
  field(dl, "Issued", fmtDate(b.issued));
  field(dl, "Valid from", fmtDate(b.validFrom ?? b.valid_from));
  field(dl, "Valid until", fmtDate(b.validUntil ?? b.valid_until));
  field(dl, "Type", b.achievementType ?? b.achievement_type);
  field(dl, "Standard", `Open Badges ${b.specVersion ?? b.spec_version}${card.format ? ` (${card.format})` : ""}`);
  field(dl, "Issuer", issuerName);
  if (b.issuer.url) field(dl, "Issuer website", urlText(b.issuer.url));
  if (b.issuer.email) field(dl, "Issuer email", b.issuer.email);
  if (b.issuer.id) field(dl, "Issuer id", urlText(b.issuer.id));
  if (b.id) field(dl, "Badge id", urlText(b.id));
  field(dl, "File", d.fileName);
  field(dl, "Added", fmtDate(d.importedAt));

  const main = el("div", {},
    el("h1", { id: "detail-name", tabindex: "-1" }, b.name),
    el("p", { class: "detail-issuer" }, `Issued by ${issuerName}`),
    verify,
    b.description ? section("About this badge", el("p", { class: "prewrap", id: "detail-description" }, b.description)) : null,
    criteriaSection(b.criteria),
    section("Details", dl),
    recipientsSection(b.recipients),
    listSection("Skills and alignments", b.alignments, (a) => [el("strong", {}, a.targetName ?? a.target_name ?? "Alignment"),
      (a.targetFramework ?? a.target_framework) ? ` — ${a.targetFramework ?? a.target_framework}` : "",
      (a.targetCode ?? a.target_code) ? ` (${a.targetCode ?? a.target_code})` : "",
      (a.targetDescription ?? a.target_description) ? el("div", { class: "muted" }, a.targetDescription ?? a.target_description) : null,
      (a.targetUrl ?? a.target_url) ? el("div", {}, urlText(a.targetUrl ?? a.target_url)) : null]),
    listSection("Evidence", b.evidence, (e) => [el("strong", {}, e.name || "Evidence"), e.genre ? ` — ${e.genre}` : "",
      e.description ? el("div", {}, e.description) : null, e.narrative ? el("div", { class: "muted" }, e.narrative) : null,
      e.id ? el("div", {}, urlText(e.id)) : null]),
    listSection("Results", b.results, (r) => [el("strong", {}, r.label || "Result"), r.value ? `: ${r.value}` : "",
      r.status ? ` (${r.status})` : "", (r.achievedLevel ?? r.achieved_level) ? ` — level ${r.achievedLevel ?? r.achieved_level}` : ""]),
    b.tags && b.tags.length ? section("Issuer's tags", el("div", {}, ...b.tags.map((t) => el("span", { class: "tag" }, t)))) : null,
    endorsementsSection(d.endorsements),
    personalSection(d),
    collectionsSection(card));

  body.append(el("div", { class: "detail" }, side, main));
  $("#detail-name").focus?.();
}

const SCOPE_LABEL = { credential: "this badge", achievement: "this achievement", issuer: "the issuer", creator: "the achievement's creator" };

function endorsementsSection(list) {
  if (!list || !list.length) return null;
  return section("Endorsements", el("ul", { class: "item-list", id: "endorsements" }, ...list.map((e) =>
    el("li", { "data-status": e.status },
      el("strong", {}, `Endorsed by ${e.endorser}`), ` (${STATUS_LABEL[e.status] || e.status})`,
      ` — of ${SCOPE_LABEL[e.scope] || e.scope}`,
      e.comment ? el("div", { class: "prewrap" }, e.comment) : null,
      e.status !== "verified" ? el("div", { class: "muted" }, e.reason) : null))));
}

// What an imported trust list says about the issuer: information beside the status, never
// part of it (the core words it: "Known issuer: …" only for a verified badge).
function trustLine(t) {
  const kind = t.test ? "test" : t.verified ? "known" : "claims";
  return el("p", { class: `trust-label trust-${kind}`, id: "trust-label", title: `From the trust list “${t.list}” (Settings)` },
    el("span", { "aria-hidden": "true" }, t.verified && !t.test ? "★ " : "☆ "), t.text);
}

function criteriaSection(c) {
  if (!c || (!c.narrative && !c.url)) return null;
  return section("How it was earned",
    c.narrative ? el("p", { class: "prewrap", id: "detail-criteria" }, c.narrative) : null,
    c.url ? el("p", {}, "Criteria page: ", urlText(c.url)) : null);
}

function recipientsSection(rs) {
  if (!rs || !rs.length) return null;
  return listSection("Issued to", rs, (r) => [
    `${typeof r.kind === "string" ? r.kind : Object.values(r.kind)[0]}: `,
    r.hashed ? el("span", { class: "muted" }, "hidden (hashed) — matched against the emails in Settings") : r.identity]);
}

function listSection(title, items, render) {
  if (!items || !items.length) return null;
  return section(title, el("ul", { class: "item-list" }, ...items.map((i) => el("li", {}, ...render(i)))));
}

function personalSection(d) {
  const id = d.card.id;
  const note = el("textarea", { id: "badge-note", rows: "3", "aria-label": "Your note about this badge", placeholder: "What did you do to earn it? Only you see this." });
  note.value = d.note || "";
  const tags = el("input", { type: "text", id: "badge-tags", "aria-label": "Your tags, separated by commas", placeholder: "e.g. robotics, summer 2026" });
  tags.value = (d.card.tags || []).join(", ");
  const save = async () => {
    try {
      await api.setBadgeNote(id, note.value);
      await api.setBadgeTags(id, tags.value.split(",").map((t) => t.trim()).filter(Boolean));
      await refresh();
      toast("Saved.");
    } catch (e) { errorToast(e); }
  };
  return section("Your notes and tags", note, el("div", { class: "row" }, tags, el("button", { type: "button", class: "btn", onclick: save }, "Save")));
}

function collectionsSection(card) {
  const inCols = state.collections.filter((c) => c.badgeIds.includes(card.id));
  const others = state.collections.filter((c) => !c.badgeIds.includes(card.id));
  const sel = el("select", { id: "add-to-collection", "aria-label": "Collection to add this badge to" },
    ...others.map((c) => el("option", { value: String(c.id) }, c.name)));
  const add = async () => {
    if (!sel.value) return;
    try { await api.addToCollection(Number(sel.value), [card.id]); await refresh(); showDetail(card.id); toast("Added to the collection."); } catch (e) { errorToast(e); }
  };
  return section("Collections",
    inCols.length ? el("div", {}, ...inCols.map((c) => el("span", { class: "tag" }, c.name))) : el("p", { class: "muted" }, "Not in any collection yet."),
    others.length ? el("div", { class: "row" }, sel, el("button", { type: "button", class: "btn", id: "add-to-collection-btn", onclick: add }, "Add to collection"))
      : el("p", { class: "muted" }, state.collections.length ? "" : "Create a collection in Collections to group badges for an application."));
}

async function recheck(id) {
  const btn = $("#check-again");
  btn.disabled = true;
  btn.textContent = "Checking…";
  try {
    const d = await api.recheckBadge(id);
    await refresh();
    render(d);
    toast(`Checked again: ${STATUS_LABEL[d.card.status]}.`);
  } catch (e) {
    errorToast(e);
    btn.disabled = false;
    btn.textContent = "Check again";
  }
}

async function download(id) {
  try {
    const name = await api.originalName(id);
    const path = await api.pickSavePath(name);
    if (!path) return;
    await api.saveOriginal(id, path);
    toast("Saved the original file, byte for byte.");
  } catch (e) { errorToast(e); }
}

async function remove(id, name) {
  const ok = await confirmDialog("Remove this badge?", `“${name}” will be removed from your backpack. You can undo this right after.`, "Remove");
  if (!ok) return;
  try {
    await api.removeBadge(id);
    await refresh();
    go("wallet");
    toast(`Removed “${name}”.`, { action: { label: "Undo", run: async () => { try { await api.undoRemove(); await refresh(); toast("Badge restored."); } catch (e) { errorToast(e); } } }, timeout: 10000 });
  } catch (e) { errorToast(e); }
}
