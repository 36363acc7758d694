// "Connect a badge host" (in the Add badges view): connect to a host that speaks the Open
// Badges 3.0 API, sign in in the system browser (the backend opens it and sends the address as
// "host-signin", shown here as inert text), sync, remove. Host names and addresses come from
// the host: they go in through textContent only (dom.js el()).
import * as api from "../api.js";
import { $, el, clear, errorToast, fmtDate, toast, confirmDialog, urlText } from "../dom.js";
import { state, refresh, subscribe } from "../store.js";
import { showResults } from "./import.js";

let busy = false;

function setBusy(on, text) {
  busy = on;
  $("#host-connect").disabled = on;
  for (const b of document.querySelectorAll("#host-list button")) b.disabled = on;
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
    setBusy(true, "Waiting for you to sign in in your browser…");
    try {
      const c = await api.connectHost(url);
      $("#host-url").value = "";
      const who = c.host.profileName ? ` as ${c.host.profileName}` : "";
      toast(`Connected to ${c.host.name}${who}. Your sign-in is kept in ${c.secretsIn}.`);
      for (const n of c.notes) toast(n);
      if (c.storeNote) toast(`${c.storeNote}: you will sign in again next time; nothing secret is written to disk.`);
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
    const t = e.target instanceof Element ? e.target.closest("[data-action]") : null;
    if (!t) return;
    if (t.dataset.action === "cancel-host-signin") api.cancelHostSignin().catch(errorToast);
    if (t.dataset.action === "sync-host" && !busy) {
      try { await sync(Number(t.dataset.id)); } catch (err) { errorToast(err); } finally { setBusy(false); await renderHosts(); }
    }
    if (t.dataset.action === "remove-host" && !busy) {
      const ok = await confirmDialog("Forget this host?", `${t.dataset.name}: its sign-in and sync history are removed. The badges it brought stay in your backpack.`, "Forget");
      if (!ok) return;
      try { await api.removeHost(Number(t.dataset.id)); } catch (err) { errorToast(err); }
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
  setBusy(true, "Bringing in your badges… (if the host asks you to sign in again, do it in your browser)");
  const r = await api.syncHost(id);
  showResults(r.lines);
  const extra = [];
  if (r.alreadySynced) extra.push(`${r.alreadySynced} synced before`);
  for (const n of r.notes) extra.push(n);
  if (extra.length) $("#import-summary").textContent += ` · ${extra.join(" · ")}`;
  await refresh();
}

export async function renderHosts() {
  let hosts = [];
  try { hosts = await api.listHosts(); } catch (err) { errorToast(err); return; }
  const list = clear($("#host-list"));
  for (const h of hosts) {
    const last = h.lastSyncAt ? `last synced ${fmtDate(h.lastSyncAt)}${h.lastSyncSummary ? ` (${h.lastSyncSummary})` : ""}` : "not synced yet";
    list.append(el("li", { "data-host": String(h.id) },
      el("div", {},
        el("strong", {}, h.name),
        h.profileName ? ` — signed in as ${h.profileName}` : "",
        el("div", { class: "muted" }, urlText(h.url)),
        el("div", { class: "muted" }, `${h.synced} badge${h.synced === 1 ? "" : "s"} from this host, ${last}`)),
      el("div", { class: "row" },
        el("button", { type: "button", class: "btn", "data-action": "sync-host", "data-id": String(h.id), disabled: busy }, "Sync now"),
        el("button", { type: "button", class: "btn ghost", "data-action": "remove-host", "data-id": String(h.id), "data-name": h.name, disabled: busy }, "Forget"))));
  }
}
