// Collections: create, rename, delete; add and remove badges (adding is also in the badge
// detail); reorder with buttons (keyboard-friendly); a note per collection.
import * as api from "../api.js";
import { $, el, clear, badgeImage, toast, errorToast, confirmDialog, withSigningKey } from "../dom.js";
import { state, refresh, subscribe } from "../store.js";

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
      toast(`Created “${c.name}”.`);
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
    }, el("span", {}, c.name), el("span", { class: "count" }, String(c.badgeIds.length)))));
  }
  const pane = clear($("#collection-pane"));
  const c = state.collections.find((x) => x.id === selected);
  if (!c) {
    pane.append(el("div", { class: "card-panel" }, el("h2", {}, "Group your badges"),
      el("p", { class: "muted" }, "Make a collection for a job application, a college portfolio or a club — then add badges to it from any badge's page.")));
    return;
  }
  const name = el("input", { type: "text", id: "collection-name", "aria-label": "Collection name", value: c.name, maxlength: "120" });
  const note = el("textarea", { id: "collection-note", rows: "3", "aria-label": "Note for this collection", placeholder: "A short intro, e.g. for the person you share it with." });
  note.value = c.note;
  const save = async () => {
    try {
      if (name.value.trim() !== c.name) await api.renameCollection(c.id, name.value);
      await api.setCollectionNote(c.id, note.value);
      await refresh();
      toast("Collection saved.");
    } catch (e) { errorToast(e); }
  };
  const del = async () => {
    if (!(await confirmDialog("Delete this collection?", `“${c.name}” will be deleted. The badges stay in your backpack.`, "Delete"))) return;
    try { await api.deleteCollection(c.id); selected = null; await refresh(); toast("Collection deleted."); } catch (e) { errorToast(e); }
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
  const badges = el("ul", { class: "col-badges", id: "col-badges", "aria-label": `Badges in ${c.name}` },
    ...c.badgeIds.map((bid, i) => {
      const b = state.byId.get(bid);
      if (!b) return null;
      return el("li", { class: "col-badge", "data-pos": String(i) },
        badgeImage(b.image, ""),
        el("div", { class: "grow" }, el("button", { type: "button", class: "link-btn", onclick: () => go("detail", b.id) }, b.name), el("div", { class: "muted" }, b.issuer)),
        el("button", { type: "button", class: "btn small", "data-move": "-1", "aria-label": `Move ${b.name} up`, disabled: i === 0, onclick: () => move(i, -1) }, "↑"),
        el("button", { type: "button", class: "btn small", "data-move": "1", "aria-label": `Move ${b.name} down`, disabled: i === c.badgeIds.length - 1, onclick: () => move(i, 1) }, "↓"),
        el("button", { type: "button", class: "btn small", "aria-label": `Remove ${b.name} from ${c.name}`, onclick: () => removeOne(b.id) }, "Remove"));
    }));
  pane.append(el("div", { class: "card-panel" },
    el("div", { class: "row" }, name, el("button", { type: "button", class: "btn primary", onclick: save }, "Save"),
      el("button", { type: "button", class: "btn danger", onclick: del }, "Delete")),
    el("h2", { class: "mt" }, "Note"), note,
    el("h2", {}, `Badges (${c.badgeIds.length})`),
    c.badgeIds.length ? badges : el("p", { class: "muted" }, "No badges yet. Open a badge and choose “Add to collection”."),
    c.badgeIds.length ? exportPanel(c) : null));
}

const FORMATS = [
  ["html", "Web page (HTML) — opens in any browser, offline", "html"],
  ["zip", "ZIP bundle — page, original files and baked images", "zip"],
  ["pdf", "PDF — for printing (no verifiable originals)", "pdf"],
  ["vp", "Signed presentation (JSON) — for verifier software", "json"],
];

function exportPanel(c) {
  const fmt = el("select", { id: "export-format", "aria-label": "Export format" }, ...FORMATS.map(([v, label]) => el("option", { value: v }, label)));
  const box = (id, label, checked = false) => {
    const i = el("input", { type: "checkbox", id, checked });
    return [i, el("label", { class: "switch" }, i, label)];
  };
  const [ev, evL] = box("export-evidence", "Include evidence");
  const [notes, notesL] = box("export-notes", "Include my notes");
  const [dates, datesL] = box("export-dates", "Include dates", true);
  const [emails, emailsL] = box("export-emails", "Show my email address on the page");
  const run = async () => {
    const privacy = { includeEvidence: ev.checked, includeNotes: notes.checked, includeDates: dates.checked, includeEmails: emails.checked };
    const format = fmt.value;
    const ext = FORMATS.find((f) => f[0] === format)[2];
    try {
      const preview = await withSigningKey(() => api.exportCollection(c.id, format, privacy, null), api.setKeyPassphrase);
      if (!preview) return;
      const extra = preview.notInPresentation.length ? `\n\nNot in the signed presentation (Open Badges 2.0): ${preview.notInPresentation.join(", ")}` : "";
      if (!(await confirmDialog("Before you share", preview.warning.join("\n") + extra, "Choose where to save"))) return;
      const slug = c.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "portfolio";
      const path = await api.pickExportPath(`${slug}.${ext}`, ext);
      if (!path) return;
      const done = await api.exportCollection(c.id, format, privacy, path);
      toast(`Exported ${c.badgeIds.length} badge${c.badgeIds.length === 1 ? "" : "s"} (${Math.max(1, Math.round(done.bytes / 1024))} KB).`);
    } catch (e) { errorToast(e); }
  };
  return el("section", { class: "section mt", "data-sharing": "", "aria-labelledby": "export-h" },
    el("h2", { id: "export-h" }, "Share this collection"),
    el("p", { class: "muted" }, "Makes a file you can send: whoever receives it can check every badge, offline, without any server."),
    el("div", { class: "row" }, fmt),
    el("div", { class: "row" }, evL, notesL, datesL, emailsL),
    el("div", { class: "row" }, el("button", { type: "button", class: "btn primary", id: "export-btn", onclick: run }, "Export…")));
}
