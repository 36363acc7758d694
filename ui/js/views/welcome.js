// First run: an empty wallet greets the learner with three steps — add your emails (why: to
// match the badges issued to you), bring in badges (drop, choose, or try the samples), and
// what stays on this computer. Skipping is remembered in localStorage ("backpack.welcomed"):
// the app has no generic settings command, and it is this computer's user who has seen it.
// Help → "Show the first steps again" brings it back.
import * as api from "../api.js";
import { $, el, clear, errorToast, toast, actionOf } from "../dom.js";
import { t } from "../i18n.js";
import { state } from "../store.js";

const SEEN = "backpack.welcomed";
const go = (view, arg) => window.dispatchEvent(new CustomEvent("backpack:go", { detail: { view, arg } }));

/** Show the welcome at start-up? Only for an empty wallet the learner has not skipped it on. */
export function shouldWelcome() {
  let seen = false;
  try { seen = localStorage.getItem(SEEN) === "1"; } catch { /* storage off: show it */ }
  return state.loaded && state.cards.length === 0 && !seen;
}

export function initializeWelcome() {
  document.addEventListener("click", (e) => {
    const b = actionOf(e);
    if (!b) return;
    if (b.dataset.action === "skip-welcome") {
      try { localStorage.setItem(SEEN, "1"); } catch { /* not remembered */ }
      go("wallet");
    }
    if (b.dataset.action === "show-welcome") go("welcome");
  });
  $("#welcome-email-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = $("#welcome-email");
    try {
      await api.addIdentity("email", input.value);
      toast(t("welcome-email-added", { email: input.value.trim() }));
      input.value = "";
      renderWelcome();
    } catch (err) { errorToast(err); }
  });
}

export async function renderWelcome() {
  /** @type {import("../types/ipc").Profile} */
  let profile;
  try { profile = await api.getProfile(); } catch (e) { errorToast(e); return; }
  clear($("#welcome-emails")).append(...profile.emails.map((v) => el("li", {}, el("span", {}, v),
    el("button", { type: "button", class: "btn small", "aria-label": t("remove-identity", { value: v }, "aria-label"), onclick: async () => {
      try { await api.removeIdentity(v); renderWelcome(); } catch (err) { errorToast(err); }
    } }, t("remove")))));
}
