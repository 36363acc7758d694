// "Connect a badge host" (in the Add badges view): connect to a host that speaks the Open
// Badges 3.0 API, sign in in the system browser (the backend opens it and sends the address as
// "host-signin", shown here as inert text), sync, remove. Host names and addresses come from
// the host: they go in through textContent only (dom.js el()).
import * as api from "../api.js";
import { $, $$, el, clear, actionOf, errorToast, fmtDate, toast, confirmDialog, urlText } from "../dom.js";
import { state, refresh, subscribe } from "../store.js";
import { showResults } from "./import.js";
import { t } from "../i18n.js";

let busy = false;

function setBusy(on, text) {
  busy = on;
  $("#host-connect").disabled = on;
  for (const b of $$("#host-list button")) b.disabled = on;
  $("#host-signin").hidden = !on;
  if (on) {
    $("#host-signin-text").textContent = text;
    $("#host-signin-url").textContent = "";
  }
}

export function initializeHosts() {
  $("#host-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const url = $("#host-url").value.trim();
    if (!url || busy) return;
    setBusy(true, t("host-signin-text"));
    try {
      const c = await api.connectHost(url);
      $("#host-url").value = "";
      toast(t(c.host.profileName ? "host-connected-as" : "host-connected", { host: c.host.name, who: c.host.profileName || "", store: c.secretsIn }));
      for (const n of c.notes) toast(n);
      if (c.storeNote) toast(t("host-store-note", { note: c.storeNote }));
      await renderHosts();
      await sync(c.host.id);
    } catch (err) {
      errorToast(err);
    } finally {
      setBusy(false);
      await renderHosts();
    }
  });
  document.addEventListener("click", async (e) => {
    const act = actionOf(e);
    if (!act) return;
    if (act.dataset.action === "cancel-host-signin") api.cancelHostSignin().catch(errorToast);
    if (act.dataset.action === "sync-host" && !busy) {
      try { await sync(Number(act.dataset.id)); } catch (err) { errorToast(err); } finally { setBusy(false); await renderHosts(); }
    }
    if (act.dataset.action === "remove-host" && !busy) {
      const ok = await confirmDialog(t("host-forget-title"), t("host-forget-text", { name: act.dataset.name }), t("host-forget"));
      if (!ok) return;
      try { await api.removeHost(Number(act.dataset.id)); } catch (err) { errorToast(err); }
      await renderHosts();
    }
  });
  api.onEvent("host-signin", (p) => {
    $("#host-signin-url").textContent = p && typeof p.url === "string" ? p.url : "";
  }).catch(() => {});
  subscribe(() => {
    const s = state.settings;
    $("#hosts-network").hidden = !s || s.networkAllowed;
  });
  renderHosts();
}

async function sync(id) {
  setBusy(true, t("host-syncing"));
  const r = await api.syncHost(id);
  showResults(r.results);
  const extra = [];
  if (r.alreadySynced) extra.push(t("host-synced-before", { n: r.alreadySynced }));
  for (const n of r.notes) extra.push(n);
  if (extra.length) $("#import-summary").textContent += ` · ${extra.join(" · ")}`;
  await refresh();
}

export async function renderHosts() {
  /** @type {import("../types/ipc").HostDto[]} */
  let hosts = [];
  try { hosts = await api.listHosts(); } catch (err) { errorToast(err); return; }
  const list = clear($("#host-list"));
  for (const h of hosts) {
    const last = h.lastSyncAt ? `${t("host-last-synced", { date: fmtDate(h.lastSyncAt) })}${h.lastSyncSummary ? ` (${h.lastSyncSummary})` : ""}` : t("host-not-synced");
    list.append(el("li", { "data-host": String(h.id) },
      el("div", {},
        el("strong", { translate: "no" }, h.name),
        h.profileName ? ` — ${t("host-signed-in-as", { who: h.profileName })}` : "",
        el("div", { class: "muted" }, urlText(h.url)),
        el("div", { class: "muted" }, t("host-synced-count", { n: h.synced, last }))),
      el("div", { class: "row" },
        el("button", { type: "button", class: "btn", "data-action": "sync-host", "data-id": String(h.id), disabled: busy }, t("host-sync-now")),
        el("button", { type: "button", class: "btn ghost", "data-action": "remove-host", "data-id": String(h.id), "data-name": h.name, disabled: busy }, t("host-forget")))));
  }
}
