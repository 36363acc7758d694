// Collections: create, rename, delete; add and remove badges (adding is also in the badge
// detail); reorder with buttons (keyboard-friendly); a note per collection.
import * as api from "../api.js";
import { $, el, clear, badgeImage, toast, errorToast, confirmDialog, withSigningKey } from "../dom.js";
import { state, refresh, subscribe } from "../store.js";
import { t } from "../i18n.js";

let selected = null;
const go = (view, arg) => window.dispatchEvent(new CustomEvent("backpack:go", { detail: { view, arg } }));

export function initializeCollections() {
  $("#new-collection-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = $("#new-collection-name");
    try {
      const c = await api.createCollection(input.value);
      input.value = "";
      selected = c.id;
      await refresh();
      toast(t("collection-created", { name: c.name }));
    } catch (err) { errorToast(err); }
  });
  subscribe(() => { if (!$("#view-collections").hidden) renderCollections(); });
}

export function renderCollections(id) {
  if (id != null) selected = id;
  if (!state.collections.some((c) => c.id === selected)) selected = state.collections.length ? state.collections[0].id : null;
  const list = clear($("#collection-list"));
  for (const c of state.collections) {
    list.append(el("li", {}, el("button", {
      type: "button", class: "collection-btn", "aria-current": c.id === selected ? "true" : "false",
      onclick: () => renderCollections(c.id),
    }, el("span", { translate: "no" }, c.name), el("span", { class: "count" }, String(c.badgeIds.length)))));
  }
  const pane = clear($("#collection-pane"));
  const c = state.collections.find((x) => x.id === selected);
  if (!c) {
    pane.append(el("div", { class: "card-panel" }, el("h2", {}, t("collections-empty-title")),
      el("p", { class: "muted" }, t("collections-empty-text"))));
    return;
  }
  const name = el("input", { type: "text", id: "collection-name", "aria-label": t("collection-name", null, "aria-label"), value: c.name, maxlength: "120" });
  const note = el("textarea", { id: "collection-note", rows: "3", "aria-label": t("collection-note", null, "aria-label"), placeholder: t("collection-note", null, "placeholder") });
  note.value = c.note;
  const save = async () => {
    try {
      if (name.value.trim() !== c.name) await api.renameCollection(c.id, name.value);
      await api.setCollectionNote(c.id, note.value);
      await refresh();
      toast(t("collection-saved"));
    } catch (e) { errorToast(e); }
  };
  const del = async () => {
    if (!(await confirmDialog(t("collection-delete-title"), t("collection-delete-text", { name: c.name }), t("delete")))) return;
    try { await api.deleteCollection(c.id); selected = null; await refresh(); toast(t("collection-deleted")); } catch (e) { errorToast(e); }
  };
  const move = async (i, delta) => {
    const ids = c.badgeIds.slice();
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    try { await api.reorderCollection(c.id, ids); await refresh(); $(`#col-badges [data-pos="${j}"] [data-move="${delta}"]`)?.focus(); } catch (e) { errorToast(e); }
  };
  const removeOne = async (bid) => {
    try { await api.removeFromCollection(c.id, [bid]); await refresh(); } catch (e) { errorToast(e); }
  };
  const badges = el("ul", { class: "col-badges", id: "col-badges", "aria-label": t("collection-badges", { name: c.name }, "aria-label") },
    ...c.badgeIds.map((bid, i) => {
      const b = state.byId.get(bid);
      if (!b) return null;
      return el("li", { class: "col-badge", "data-pos": String(i) },
        badgeImage(b.image, ""),
        el("div", { class: "grow", translate: "no" }, el("button", { type: "button", class: "link-btn", onclick: () => go("detail", b.id) }, b.name), el("div", { class: "muted" }, b.issuer)),
        el("button", { type: "button", class: "btn small", "data-move": "-1", "aria-label": t("move-up", { name: b.name }, "aria-label"), disabled: i === 0, onclick: () => move(i, -1) }, "↑"),
        el("button", { type: "button", class: "btn small", "data-move": "1", "aria-label": t("move-down", { name: b.name }, "aria-label"), disabled: i === c.badgeIds.length - 1, onclick: () => move(i, 1) }, "↓"),
        el("button", { type: "button", class: "btn small", "aria-label": t("remove-from-collection", { name: b.name, collection: c.name }, "aria-label"), onclick: () => removeOne(b.id) }, t("remove")));
    }));
  pane.append(el("div", { class: "card-panel" },
    el("div", { class: "row" }, name, el("button", { type: "button", class: "btn primary", onclick: save }, t("save")),
      el("button", { type: "button", class: "btn danger", onclick: del }, t("delete"))),
    el("h2", { class: "mt" }, t("note")), note,
    el("h2", {}, t("collection-badges-title", { n: c.badgeIds.length })),
    c.badgeIds.length ? badges : el("p", { class: "muted" }, t("collection-no-badges")),
    c.badgeIds.length ? exportPanel(c) : null));
}

const FORMATS = [["html", "html"], ["zip", "zip"], ["pdf", "pdf"], ["vp", "json"]];

/** @param {import("../types/ipc").CollectionDto} c */
function exportPanel(c) {
  const fmt = el("select", { id: "export-format", "aria-label": t("export-format", null, "aria-label") }, ...FORMATS.map(([v]) => el("option", { value: v }, t(`format-${v}`))));
  const box = (id, label, checked = false) => {
    const i = el("input", { type: "checkbox", id, checked });
    return [i, el("label", { class: "switch" }, i, label)];
  };
  const [ev, evL] = box("export-evidence", t("export-evidence"));
  const [notes, notesL] = box("export-notes", t("export-notes"));
  const [dates, datesL] = box("export-dates", t("export-dates"), true);
  const [emails, emailsL] = box("export-emails", t("export-emails"));
  const [skills, skillsL] = box("export-skills", t("export-skills"));
  const run = async () => {
    const privacy = { includeEvidence: ev.checked, includeNotes: notes.checked, includeDates: dates.checked, includeEmails: emails.checked, includeSkills: skills.checked };
    const format = fmt.value;
    const ext = FORMATS.find((f) => f[0] === format)[1];
    try {
      const preview = await withSigningKey(() => api.exportCollection(c.id, format, privacy, false), api.setKeyPassphrase);
      if (!preview) return;
      const extra = preview.notInPresentation.length ? `\n\n${t("export-not-in-vp", { list: preview.notInPresentation.join(", ") })}` : "";
      if (!(await confirmDialog(t("export-warning-title"), preview.warning.join("\n") + extra, t("export-choose-where")))) return;
      const slug = c.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "portfolio";
      const done = await api.exportCollection(c.id, format, privacy, true, `${slug}.${ext}`);
      if (!done) return;
      toast(t("exported", { n: c.badgeIds.length, kb: Math.max(1, Math.round(done.bytes / 1024)) }));
    } catch (e) { errorToast(e); }
  };
  return el("section", { class: "section mt", "data-sharing": "", "aria-labelledby": "export-h" },
    el("h2", { id: "export-h" }, t("export-title")),
    el("p", { class: "muted" }, t("export-text")),
    el("div", { class: "row" }, fmt),
    el("div", { class: "row" }, evL, notesL, datesL, emailsL, skillsL),
    el("div", { class: "row" }, el("button", { type: "button", class: "btn primary", id: "export-btn", onclick: run }, t("export-button"))));
}
