// Globals the page reads that the DOM library does not declare (hand-written: these are not
// IPC types; those are generated in ipc.d.ts).

/** The part of Tauri's global API (`app.withGlobalTauri`) the page uses, through api.js only. */
interface TauriGlobal {
  core: { invoke(cmd: string, args?: object): Promise<unknown> };
  event: {
    listen(name: string, handler: (e: { payload: any }) => void): Promise<() => void>;
    emit(name: string, payload?: unknown): Promise<void>;
  };
}

interface Window {
  __TAURI__?: TauriGlobal;
  /** The search timings `make bench-app` reads (views/wallet.js). */
  __searchTimings: { sync: number; match: number; frame: number; via: string; q: string; at: number }[];
}

/**
 * An element of the page's own markup looked up with `$` / `$$` (dom.js): an input, a
 * button, a dialog… as index.html decides. Typed as all of them, so a property none of them
 * has (a typo) is still an error.
 */
type PageElement = HTMLElement & HTMLInputElement & HTMLButtonElement & HTMLDialogElement;
