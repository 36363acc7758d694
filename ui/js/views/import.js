// Import: file and folder dialogs, drag and drop (wired in main.js), paste, a link, the samples; a
// progress bar fed by `import-progress` events, and one result line per file with the reason
// for each refusal.
import * as api from "../api.js";
import { $, el, clear, chip, errorToast, fmtDate } from "../dom.js";
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
        if (path) {
          receivedPath = path;
          showReceived(await api.openReceived(path));
        }
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
  // A link: the core fetches it only with network consent, verifies it and keeps its evidence;
  // without consent the result line says how to allow it.
  $("#url-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const url = $("#import-url").value.trim();
    if (!url) return;
    const button = $("#url-form button[type=submit]");
    button.disabled = true;
    try {
      const line = await api.importText(url);
      showResults([line]);
      if (line.outcome !== "refused") $("#import-url").value = "";
      await refresh();
    } catch (err) { errorToast(err); } finally { button.disabled = false; }
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
  // The page is long (links, received files, hosts): bring the progress and its Cancel into view.
  $("#import-progress-panel").scrollIntoView({ block: "nearest" });
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

const OUTCOME = { imported: "Added", duplicate: "Already there", conflict: "Kept aside", skipped: "Left out", refused: "Not added" };

export function showResults(lines) {
  const panel = $("#import-results-panel");
  panel.hidden = false;
  const n = (o) => lines.filter((l) => l.outcome === o).length;
  const summary = $("#import-summary");
  const conflicts = n("conflict") ? ` · ${n("conflict")} kept aside (not signed by the issuer)` : "";
  const skipped = n("skipped") ? " · another wallet’s keys and non-badge entries left out" : "";
  summary.textContent = `${n("imported")} added · ${n("duplicate")} already in your backpack${conflicts} · ${n("refused")} not added${skipped}`;
  const list = clear($("#import-results"));
  for (const l of lines) {
    list.append(el("li", { "data-outcome": l.outcome },
      el("span", { class: `res-${l.outcome}` }, OUTCOME[l.outcome] || l.outcome),
      el("span", {}, el("strong", {}, l.file), " — ", l.message)));
  }
  summary.focus();
}

/** The received file on show, so the recipient check can run it again. */
let receivedPath = null;

const RECIPIENT = {
  matches: "Issued to the sender",
  does_not_match: "Not issued to the sender",
  not_stated: "Does not say who it was issued to",
};

/**
 * Show what a received export holds and whether each credential verifies (read-only).
 * Everything shown about a badge comes from its credential and this check (the core parses
 * each credential; the page's own text is never shown), and every way the page differs from
 * its credentials is listed.
 */
export function showReceived(r, recipients = []) {
  const panel = clear($("#received-panel"));
  panel.hidden = false;
  const pageOk = !r.page || r.page.matches;
  const recipientOk = (b) => b.recipient.state === "not_asked" || b.recipient.state === "matches";
  const ok = r.badges.length && r.badges.every((b) => b.status === "verified" && recipientOk(b))
    && (!r.presentation || r.presentation.outcome === "pass") && !r.problems.length && pageOk;
  const form = el("form", { class: "row", id: "received-recipient-form", onsubmit: async (e) => {
    e.preventDefault();
    const who = $("#received-recipient").value.split(/[\s,;]+/).filter(Boolean);
    try { if (receivedPath) showReceived(await api.openReceived(receivedPath, who), who); } catch (err) { errorToast(err); }
  } },
  el("label", { for: "received-recipient" }, "Sent by (email or DID)"),
  el("input", { id: "received-recipient", type: "text", autocomplete: "off", spellcheck: "false",
    placeholder: "name@example.org", value: recipients.join(", ") }),
  el("button", { type: "submit", class: "btn" }, "Check it was issued to them"));
  panel.append(
    el("h2", { tabindex: "-1", id: "received-title" }, r.title ? `“${r.title}”` : "Received file", ` — ${ok ? "everything verifies" : "not everything verifies"}`),
    el("p", { class: "muted" }, `${r.kind} export${r.exported_at ? `, made ${fmtDate(r.exported_at)}` : ""}, ${r.badges.length} credential${r.badges.length === 1 ? "" : "s"}. `,
      "What is listed here is read from the signed credentials themselves, not from the page."),
    r.page ? (r.page.matches
      ? el("p", { id: "received-page", "data-matches": "true" }, "The page shows exactly what its credentials say.")
      : el("div", { id: "received-page", "data-matches": "false", role: "alert" },
        el("p", {}, el("strong", {}, "The page does not show what its credentials say."), " Trust the list below, not the page:"),
        el("ul", {}, ...r.page.differences.map((d) => el("li", {}, d.message))))) : null,
    el("ul", { class: "import-results", id: "received-badges" }, ...r.badges.map((b) => {
      const x = b.badge;
      const dates = x ? [["Issued", x.issued], ["Valid from", x.valid_from], ["Expires", x.valid_until]]
        .filter(([, v]) => v).map(([l, v]) => `${l} ${fmtDate(v)}`).join(" · ") : "";
      return el("li", { "data-status": b.status, "data-recipient": b.recipient.state },
        el("div", {}, chip(b.status)),
        el("div", {},
          el("strong", {}, x && x.name ? x.name : "No readable badge"),
          x ? ` — ${x.issuer.name || x.issuer.id || "issuer not named"}` : "",
          x && x.issuer.name && x.issuer.id ? el("div", { class: "muted" }, x.issuer.id) : null,
          dates ? el("div", { class: "muted" }, dates) : null,
          b.status !== "verified" && b.report.reason ? el("div", {}, b.report.reason) : null,
          b.integrity && b.integrity.state === "altered" ? el("div", {}, `Changed after export: ${b.integrity.detail}`) : null,
          b.recipient.state !== "not_asked" ? el("div", { class: b.recipient.state === "matches" ? "res-imported" : "res-refused" },
            `${RECIPIENT[b.recipient.state] || b.recipient.state}: ${b.recipient.detail}`) : null,
          el("div", { class: "muted" }, `From ${b.source}`)));
    })),
    form,
    r.presentation ? el("p", {}, `Presentation by ${r.presentation.holder || "unknown holder"}: ${r.presentation.detail}`) : null,
    ...r.problems.map((p) => el("p", { role: "alert" }, p)));
  $("#received-title").focus();
}
