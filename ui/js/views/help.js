// Help: what each verdict means (the core's status ids, labels from the catalog), what
// "issuer not confirmed" means, sharing, backing up, minor mode. The rest is static HTML.
import { $, el, clear, chip } from "../dom.js";
import { t } from "../i18n.js";

const STATUSES = ["verified", "issuer_not_confirmed", "could_not_check", "invalid", "expired", "revoked", "unreadable", "not_checked"];

export function renderHelp() {
  clear($("#help-verdicts")).append(...STATUSES.flatMap((s) => [
    el("dt", { "data-status": s }, chip(s)),
    el("dd", {}, t(`status-help-${s}`)),
  ]));
}
