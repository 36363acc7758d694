// Static check of the message catalogs (ui/locales/*.js), run by `make test`
// (make check-catalog): every catalog parses as Fluent without errors; English and Spanish
// define exactly the same messages and attributes; every data-l10n-id in ui/index.html and
// every t("id") in ui/js has a message. The same files are the Rust side's catalogs
// (src/i18n.rs reads the text between the backticks): they hold no backslash (JavaScript
// would read an escape where Rust reads the character), and every "cli-…", "export-…",
// "pdf-…" and "err-…" id named in src/ and cli/src/ has a message (tests/i18n.rs checks the same in
// cargo test). ui/css uses logical properties only (…-inline-…, …-block-…, inset-inline,
// text-align: start), so a right-to-left language can be added. The runtime check — no visible text outside the
// catalog — is the pseudo-locale E2E test (e2e/test_app.py test_pseudo_locale_*).
// Run: node scripts/check-catalog.mjs (ui/vendor/fluent-bundle/package.json marks its .js as ES modules)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ui = join(root, "ui");
const { FluentResource } = await import(pathToFileURL(join(ui, "vendor/fluent-bundle/index.js")));
const problems = [];

function messages(lang) {
  const src = readFileSync(join(ui, "locales", `${lang}.js`), "utf8");
  const m = src.match(/export default `([\s\S]*)`;\s*$/);
  if (!m) { problems.push(`${lang}.js: not "export default \`…\`;"`); return new Map(); }
  if (m[1].includes("${")) problems.push(`${lang}.js: contains \${ (a template-literal hole)`);
  if (m[1].includes("\\")) problems.push(`${lang}.js: contains a backslash (JavaScript and Rust would read it differently)`);
  if (m[1].includes("`")) problems.push(`${lang}.js: contains a backtick (it ends the module's template literal: the app would not start)`);
  const res = new FluentResource(m[1]);
  // FluentResource skips broken entries silently: a line that is not part of a message,
  // comment or blank is a syntax error.
  const out = new Map();
  for (const msg of res.body) out.set(msg.id, new Set(Object.keys(msg.attributes)));
  const ids = [...m[1].matchAll(/^(-?[a-zA-Z][\w-]*)\s*=/gm)].map((x) => x[1]);
  for (const id of ids) if (!out.has(id)) problems.push(`${lang}.js: message ${id} does not parse`);
  if (new Set(ids).size !== ids.length) problems.push(`${lang}.js: a message id is defined twice`);
  return out;
}

// And load each catalog as the webview does (a JavaScript module): what the app sees.
for (const lang of ["en", "es"]) {
  try {
    const mod = await import(pathToFileURL(join(ui, "locales", `${lang}.js`)));
    if (typeof mod.default !== "string") problems.push(`${lang}.js: its default export is not the catalog text`);
  } catch (e) {
    problems.push(`${lang}.js: does not load as a JavaScript module: ${String(e.message || e).split("\n")[0]}`);
  }
}

const en = messages("en");
const es = messages("es");
for (const [id, attrs] of en) {
  if (!es.has(id)) { problems.push(`es.js: missing ${id}`); continue; }
  for (const a of attrs) if (!es.get(id).has(a)) problems.push(`es.js: ${id} lacks .${a}`);
}
for (const id of es.keys()) if (!en.has(id)) problems.push(`es.js: ${id} is not in en.js`);

const html = readFileSync(join(ui, "index.html"), "utf8");
for (const [, id] of html.matchAll(/data-l10n-id="([^"]+)"/g)) if (!en.has(id)) problems.push(`index.html: data-l10n-id ${id} is not in the catalog`);

const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
for (const f of walk(join(ui, "js")).filter((f) => f.endsWith(".js"))) {
  const src = readFileSync(f, "utf8");
  for (const [, id] of src.matchAll(/\b(?:t|tr)\(\s*"([^"]+)"/g)) if (!en.has(id)) problems.push(`${f.slice(root.length + 1)}: t("${id}") is not in the catalog`);
  // A local named t hides the catalog function: t("id") there throws (it broke the import
  // Cancel button once). Files that import t must not declare another.
  if (/import\s*\{[^}]*\bt\b[^}]*\}\s*from\s*"[./]*i18n\.js"/.test(src)) {
    const lines = src.split("\n");
    lines.forEach((line, i) => {
      if (/\b(?:const|let|var)\s+t\b|\(\s*t\s*[,)]\s*(?:=>|\))|,\s*t\s*\)\s*=>/.test(line)) problems.push(`${f.slice(root.length + 1)}:${i + 1}: a local named t hides the catalog function t()`);
    });
  }
}
// Message ids the Rust code names (the CLI's human output, the HTML and PDF exports).
const rustFiles = [...walk(join(root, "src")), ...walk(join(root, "cli", "src"))].filter((f) => f.endsWith(".rs"));
let rustIds = 0;
for (const f of rustFiles) {
  const src = readFileSync(f, "utf8");
  for (const [, id] of src.matchAll(/"((?:cli|export|pdf|err)-[A-Za-z0-9_-]*[A-Za-z0-9_])"/g)) {
    rustIds++;
    for (const [lang, msgs] of [["en", en], ["es", es]]) if (!msgs.has(id)) problems.push(`${f.slice(root.length + 1)}: "${id}" is not in ${lang}.js`);
  }
}
for (const id of ["date-long", ...Array.from({ length: 12 }, (_, i) => `month-${i + 1}`)]) if (!en.has(id)) problems.push(`catalog: missing ${id} (src/i18n.rs)`);

// Physical left/right in the stylesheets (logical properties only; top/bottom too).
for (const f of walk(join(ui, "css")).filter((f) => f.endsWith(".css"))) {
  readFileSync(f, "utf8").split("\n").forEach((line, i) => {
    const bad = line.match(/(?:^|[{;\s])((?:margin|padding|border)-(?:left|right|top|bottom)(?:-[a-z]+)?|left|right|top|bottom)\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)/);
    if (bad) problems.push(`${f.slice(root.length + 1)}:${i + 1}: physical property ${bad[0].trim()} (use the logical one: inline/block, start/end)`);
  });
}

for (const s of ["verified", "issuer_not_confirmed", "could_not_check", "invalid", "expired", "revoked", "unreadable", "not_checked"]) {
  for (const id of [`status-${s}`, `status-help-${s}`]) if (!en.has(id)) problems.push(`catalog: missing ${id}`);
}

if (problems.length) {
  for (const p of problems) console.error(`check-catalog: ${p}`);
  process.exit(1);
}
console.log(`check-catalog: en ${en.size} messages, es ${es.size} messages, all present; ${rustIds} message uses in ${rustFiles.length} Rust files; ui/css logical`);
