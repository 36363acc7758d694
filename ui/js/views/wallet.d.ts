// TEMPORARY: views/wallet.js is being rewritten (search) and is left out of `make lint`'s type
// check until then (tsconfig.json "exclude"); this declares what main.js imports from it, so
// the import resolves here instead of checking wallet.js. Delete this file (and the exclude)
// once wallet.js passes `tsc -p tsconfig.json`.
export function focusSearch(): void;
export function initializeWallet(): void;
export function renderWallet(options?: { restoreFocus?: boolean }): void;
