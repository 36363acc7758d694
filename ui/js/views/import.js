// Import: file and folder dialogs, drag and drop (wired in main.js), paste, a link, the samples; a
// progress bar fed by `import-progress` events, and one result line per file with the reason
// for each refusal.
import * as api from "../api.js";
import { $, el, clear, chip, errorToast, fmtDate, actionOf, progressBar } from "../dom.js";
import { refresh } from "../store.js";
import { t } from "../i18n.js";

let busy = false;
/** File handles that arrived while a job was running. */
const queued = [];

export function initializeImport() {
  document.addEventListener("click", async (e) => {
    const act = actionOf(e);
    if (!act) return;
    if (act.dataset.action === "pick-files" || act.dataset.action === "pick-folder") {
      try {
        const files = await api.pickFiles({ directory: act.dataset.action === "pick-folder" });
        if (files) importFiles(files);
      } catch (err) { errorToast(err); }
    }
    if (act.dataset.action === "cancel-job") {
      cancelled = true;
      $("#progress-label").textContent = t("import-stopping");
      api.cancelJob().catch(errorToast);
    }
    if (act.dataset.action === "open-received") {
      try {
        const files = await api.pickReceived();
        if (files) showReceived(await api.openReceived(files), [], files);
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
    const bar = progressBar("#import-progress");
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    $("#progress-text").textContent = t("import-progress", { done: p.done, total: p.total });
  }).catch(() => {});
}

/** The running job's last progress event, and whether the learner asked it to stop. */
let lastProgress = null;
let cancelled = false;

/** Import dropped or picked files (a handle) in the background, showing progress.
 * @param {import("../api.js").FileHandle} files */
export async function importFiles(files) {
  // A job is running (a drop, or files a second launch handed over): run these after it.
  if (busy) { queued.push(files); return; }
  busy = true;
  lastProgress = null;
  cancelled = false;
  $("#import-progress-panel").hidden = false;
  // The page is long (links, received files, hosts): bring the progress and its Cancel into view.
  $("#import-progress-panel").scrollIntoView({ block: "nearest" });
  $("#progress-label").textContent = t("progress-label");
  progressBar("#import-progress").value = 0;
  $("#progress-text").textContent = t("import-looking");
  try {
    showResults(await api.importFiles(files));
    const p = lastProgress;
    if (cancelled && p && p.done < p.total) {
      $("#import-summary").textContent += ` · ${t("import-stopped", { done: p.done, total: p.total })}`;
    }
    await refresh();
  } catch (e) {
    errorToast(e);
  } finally {
    busy = false;
    $("#import-progress-panel").hidden = true;
    if (queued.length) importFiles(queued.shift());
  }
}

/** Every import outcome (ipc.d.ts; `make lint` fails here when the app adds one).
 * @type {Record<import("../types/ipc").ImportOutcome, true>} */
const OUTCOMES = { imported: true, duplicate: true, conflict: true, skipped: true, refused: true, failed: true };
const outcomeWord = (o) => (Object.hasOwn(OUTCOMES, o) ? t(`import-outcome-${o}`) : o);

/** Show what an import did: a list of lines (a paste, a link), or a bulk import's or a
 * sync's {counts, lines, total}: the backend counts every file and sends only the lines
 * worth reading (at most 300, problems first: `ImportResults` in
 * src-tauri/src/commands/adapter/import.rs).
 * @param {import("../types/ipc").ImportResults | import("../types/ipc").ImportLine[]} results */
export function showResults(results) {
  const panel = $("#import-results-panel");
  panel.hidden = false;
  const lines = Array.isArray(results) ? results : results.lines;
  const total = Array.isArray(results) ? results.length : results.total;
  const n = Array.isArray(results) ? (o) => lines.filter((l) => l.outcome === o).length : (o) => results.counts[o] || 0;
  const summary = $("#import-summary");
  const conflicts = n("conflict") ? ` · ${t("import-sum-conflict", { n: n("conflict") })}` : "";
  const skipped = n("skipped") ? ` · ${t("import-sum-skipped")}` : "";
  const failed = n("failed") ? ` · ${t("import-sum-failed", { n: n("failed") })}` : "";
  summary.textContent = `${t("import-sum-added", { n: n("imported") })} · ${t("import-sum-duplicate", { n: n("duplicate") })}${conflicts} · ${t("import-sum-refused", { n: n("refused") })}${failed}${skipped}`;
  const list = clear($("#import-results"));
  for (const l of lines) {
    list.append(el("li", { "data-outcome": l.outcome },
      el("span", { class: `res-${l.outcome}` }, outcomeWord(l.outcome)),
      el("span", { translate: "no" }, el("strong", {}, l.file), " — ", l.message)));
  }
  if (total > lines.length) {
    list.append(el("li", { "data-outcome": "more" }, el("span", {}), el("span", {}, t("import-more-lines", { n: total - lines.length }))));
  }
  summary.focus();
}

/** The received file on show (its handle), so the recipient check can run it again. */
let receivedFile = null;

/** The recipient answers shown with a label (recipient-<state>): every core `RecipientState`
 * but "not asked" (ipc.d.ts; `make lint` fails here when the core adds one).
 * @type {Record<Exclude<import("../types/ipc").RecipientState, "not_asked">, true>} */
const RECIPIENT_STATES = { matches: true, does_not_match: true, not_stated: true };
const recipientWord = (s) => (Object.hasOwn(RECIPIENT_STATES, s) ? t(`recipient-${s}`) : s);

/**
 * Show what a received export holds and whether each credential verifies (read-only).
 * Everything shown about a badge comes from its credential and this check (the core parses
 * each credential; the page's own text is never shown), and every way the page differs from
 * its credentials is listed.
 * @param {import("../types/ipc").ShareReport} r @param {string[]} [recipients] @param {?import("../types/ipc").FileHandle} [files]
 */
export function showReceived(r, recipients = [], files = receivedFile) {
  receivedFile = files;
  const panel = clear($("#received-panel"));
  panel.hidden = false;
  const pageOk = !r.page || r.page.matches;
  const recipientOk = (b) => b.recipient.state === "not_asked" || b.recipient.state === "matches";
  const ok = r.badges.length && r.badges.every((b) => b.status === "verified" && recipientOk(b))
    && (!r.presentation || r.presentation.outcome === "pass") && !r.problems.length && pageOk;
  const form = el("form", { class: "row", id: "received-recipient-form", onsubmit: async (e) => {
    e.preventDefault();
    const who = $("#received-recipient").value.split(/[\s,;]+/).filter(Boolean);
    try { if (receivedFile) showReceived(await api.openReceived(receivedFile, who), who); } catch (err) { errorToast(err); }
  } },
  el("label", { for: "received-recipient" }, t("received-sent-by")),
  el("input", { id: "received-recipient", type: "text", autocomplete: "off", spellcheck: "false",
    placeholder: t("received-recipient", null, "placeholder"), value: recipients.join(", ") }),
  el("button", { type: "submit", class: "btn" }, t("received-check-recipient")));
  panel.append(
    el("h2", { tabindex: "-1", id: "received-title" }, r.title ? el("span", { translate: "no" }, `“${r.title}”`) : t("received-file"), ` — ${t(ok ? "received-all-verify" : "received-not-all-verify")}`),
    el("p", { class: "muted" }, t(r.exportedAt ? "received-kind-made" : "received-kind", { kind: r.kind, made: fmtDate(r.exportedAt), n: r.badges.length }), " ",
      t("received-from-credentials")),
    r.page ? (r.page.matches
      ? el("p", { id: "received-page", "data-matches": "true" }, t("received-page-matches"))
      : el("div", { id: "received-page", "data-matches": "false", role: "alert" },
        el("p", {}, el("strong", {}, t("received-page-differs")), " ", t("received-trust-list")),
        el("ul", { translate: "no" }, ...r.page.differences.map((d) => el("li", {}, d.message))))) : null,
    el("ul", { class: "import-results", id: "received-badges" }, ...r.badges.map((b) => {
      const x = b.badge;
      const dates = x ? [[t("f-issued"), x.issued], [t("f-valid-from"), x.validFrom], [t("received-expires"), x.validUntil]]
        .filter(([, v]) => v).map(([l, v]) => `${l} ${fmtDate(v)}`).join(" · ") : "";
      return el("li", { "data-status": b.status, "data-recipient": b.recipient.state },
        el("div", {}, chip(b.status)),
        el("div", {},
          x && x.name ? el("strong", { translate: "no" }, x.name) : el("strong", {}, t("received-no-badge")),
          x ? " — " : "", x ? (x.issuer.name || x.issuer.id ? el("span", { translate: "no" }, x.issuer.name || x.issuer.id) : t("received-issuer-not-named")) : "",
          x && x.issuer.name && x.issuer.id ? el("div", { class: "muted", translate: "no" }, x.issuer.id) : null,
          dates ? el("div", { class: "muted" }, dates) : null,
          b.status !== "verified" && b.report.reason ? el("div", { translate: "no" }, b.report.reason) : null,
          b.integrity && b.integrity.state === "altered" ? el("div", {}, t("received-changed"), " ", el("span", { translate: "no" }, b.integrity.detail)) : null,
          b.recipient.state !== "not_asked" ? el("div", { class: b.recipient.state === "matches" ? "res-imported" : "res-refused" },
            `${recipientWord(b.recipient.state)}: `, el("span", { translate: "no" }, b.recipient.detail)) : null,
          el("div", { class: "muted" }, t("received-source"), " ", el("span", { translate: "no" }, b.source))));
    })),
    form,
    r.presentation ? el("p", {}, t("received-presentation-by", { holder: r.presentation.holder || t("received-unknown-holder") }), " ", el("span", { translate: "no" }, r.presentation.detail)) : null,
    ...r.problems.map((p) => el("p", { role: "alert", translate: "no" }, p)));
  $("#received-title").focus();
}
