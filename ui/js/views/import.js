// Import: file and folder dialogs, drag and drop (wired in main.js), paste, the samples; a
// progress bar fed by `import-progress` events, and one result line per file with the reason
// for each refusal.
import * as api from "../api.js";
import { $, el, clear, errorToast, fmtDate } from "../dom.js";
import { refresh } from "../store.js";

let busy = false;
/** Paths that arrived while a job was running. */
const queued = [];

export function initializeImport() {
  document.addEventListener("click", async (e) => {
    const t = e.target instanceof Element ? e.target.closest("[data-action]") : null;
    if (!t) return;
    if (t.dataset.action === "pick-files" || t.dataset.action === "pick-folder") {
      try {
        const paths = await api.pickPaths({ directory: t.dataset.action === "pick-folder" });
        if (paths.length) importPaths(paths);
      } catch (err) { errorToast(err); }
    }
    if (t.dataset.action === "cancel-job") {
      cancelled = true;
      $("#progress-label").textContent = "Stopping after this file…";
      api.cancelJob().catch(errorToast);
    }
    if (t.dataset.action === "open-received") {
      try {
        const path = await api.pickReceived();
        if (path) showReceived(await api.openReceived(path));
      } catch (err) { errorToast(err); }
    }
  });
  $("#paste-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("#paste").value;
    try {
      const line = await api.importText(text);
      showResults([line]);
      if (line.outcome !== "refused") $("#paste").value = "";
      await refresh();
    } catch (err) { errorToast(err); }
  });
  api.onEvent("import-progress", (p) => {
    lastProgress = p;
    const bar = $("#import-progress");
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    $("#progress-text").textContent = `${p.done} of ${p.total} files — ${p.file}`;
  }).catch(() => {});
}

/** The running job's last progress event, and whether the learner asked it to stop. */
let lastProgress = null;
let cancelled = false;

/** Import dropped or picked paths in the background, showing progress. */
export async function importPaths(paths) {
  // A job is running (a drop, or files a second launch handed over): run these after it.
  if (busy) { queued.push(...paths); return; }
  busy = true;
  lastProgress = null;
  cancelled = false;
  $("#import-progress-panel").hidden = false;
  $("#progress-label").textContent = "Adding badges…";
  $("#import-progress").value = 0;
  $("#progress-text").textContent = "Looking for badges…";
  try {
    const lines = await api.importPaths(paths);
    showResults(lines);
    const p = lastProgress;
    if (cancelled && p && p.done < p.total) {
      $("#import-summary").textContent += ` · stopped after ${p.done} of ${p.total} files; the rest were not read`;
    }
    await refresh();
  } catch (e) {
    errorToast(e);
  } finally {
    busy = false;
    $("#import-progress-panel").hidden = true;
    if (queued.length) importPaths(queued.splice(0));
  }
}

const OUTCOME = { imported: "Added", duplicate: "Already there", refused: "Not added" };

export function showResults(lines) {
  const panel = $("#import-results-panel");
  panel.hidden = false;
  const n = (o) => lines.filter((l) => l.outcome === o).length;
  const summary = $("#import-summary");
  summary.textContent = `${n("imported")} added · ${n("duplicate")} already in your backpack · ${n("refused")} not added`;
  const list = clear($("#import-results"));
  for (const l of lines) {
    list.append(el("li", { "data-outcome": l.outcome },
      el("span", { class: `res-${l.outcome}` }, OUTCOME[l.outcome] || l.outcome),
      el("span", {}, el("strong", {}, l.file), " — ", l.message)));
  }
  summary.focus();
}

const VERDICT = { valid: "Verified", invalid: "Invalid", indeterminate: "Could not check", error: "Unreadable" };

/** Show what a received export holds and whether each credential verifies (read-only). */
export function showReceived(r) {
  const panel = clear($("#received-panel"));
  panel.hidden = false;
  const ok = r.badges.length && r.badges.every((b) => b.verdict === "valid") && (!r.presentation || r.presentation.outcome === "pass") && !r.problems.length;
  panel.append(
    el("h2", { tabindex: "-1", id: "received-title" }, r.title ? `“${r.title}”` : "Received file", ` — ${ok ? "everything verifies" : "not everything verifies"}`),
    el("p", { class: "muted" }, `${r.kind} export${r.exported_at ? `, made ${fmtDate(r.exported_at)}` : ""}, ${r.badges.length} credential${r.badges.length === 1 ? "" : "s"}.`),
    el("ul", { class: "import-results" }, ...r.badges.map((b) => el("li", {},
      el("span", { class: b.verdict === "valid" ? "res-imported" : "res-refused" }, VERDICT[b.verdict] || b.verdict),
      el("span", {}, el("strong", {}, b.badge ? b.badge.name : b.source), b.badge ? ` — ${b.badge.issuer.name || b.badge.issuer.id || ""}` : "",
        b.integrity && b.integrity.state === "altered" ? el("div", {}, `Changed after export: ${b.integrity.detail}`) : null)))),
    r.presentation ? el("p", {}, `Presentation by ${r.presentation.holder || "unknown holder"}: ${r.presentation.detail}`) : null,
    ...r.problems.map((p) => el("p", { role: "alert" }, p)));
  $("#received-title").focus();
}
