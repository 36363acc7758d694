// Help: what each verdict means (the core's status ids, labels from the catalog), what
// "issuer not confirmed" means, sharing, backing up, minor mode. The rest is static HTML.
import { $, el, clear, chip, STATUS_IDS } from "../dom.js";
import { t } from "../i18n.js";

export function renderHelp() {
  clear($("#help-verdicts")).append(...STATUS_IDS.flatMap((s) => [
    el("dt", { "data-status": s }, chip(s)),
    el("dd", {}, t(`status-help-${s}`)),
  ]));
}
