//! The HTML portfolio: one self-contained page a receiver opens in any browser, offline.
//!
//! - No external request of any kind: images are `data:` URIs, the one stylesheet is inline
//!   and allowed by its hash in a strict Content-Security-Policy meta tag (`default-src
//!   'none'`, no script at all), no fonts, no remote links except those the learner typed in a
//!   note. Badge URLs (criteria, evidence, issuer) are shown as text, never as links, so the
//!   page cannot be used to track who opened it.
//! - Every piece of badge text is untrusted and HTML-escaped; images only ever appear in
//!   `<img src="data:…">` with an allow-listed image MIME type.
//! - The original credentials (exact bytes) and the signed presentation are embedded as
//!   base64 in inert `<script type="application/octet-stream">` blocks (never executed; the
//!   CSP forbids scripts anyway), each with its SHA-256, so [`crate::share::verify_share`]
//!   can re-verify them. Backpack's own rule.
//! - The visible text is bound to the credentials (issue 12): the page is a pure function
//!   ([`render_page`]) of the embedded originals, the status shown beside each, and the
//!   sender's own words and choices, which the page records in its `bp-page` block
//!   ([`PageInputs`]). Each badge is an `<article data-credential="bp-credential-N">` whose
//!   visible fields carry `data-field="name"`, `"issuer"`, `"issued"`, `"status"`, …; a
//!   receiver renders the page again from what it verified and compares
//!   ([`super::page::check_page`]).
//! - Accessible (landmarks, headings, alt text, `lang`, contrast) and printable (`@media print`).

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;

use serde::{Deserialize, Serialize};

use super::privacy::{Privacy, Redactor};
use super::{ExportBadge, ExportError, ExportOptions, Portfolio, original_file_name, sha256_hex};
use crate::i18n::{Arg, Catalog, Lang};
use crate::model::{Container, IdentityKind, Image};
use crate::verify::Status;

/// `id` of the embedded presentation block.
pub const PRESENTATION_BLOCK_ID: &str = "bp-presentation";
/// `id` prefix of the embedded credential blocks (`bp-credential-1`, …).
pub const CREDENTIAL_BLOCK_PREFIX: &str = "bp-credential-";

const CSS: &str = r#"
:root{--bg:#fdfdfc;--fg:#1b1b1f;--muted:#50505a;--card:#ffffff;--line:#d6d6de;--ok:#0b6b3a;--bad:#a1121b;--warn:#7a4d00;--accent:#2b4fa8}
@media (prefers-color-scheme:dark){:root{--bg:#16161a;--fg:#ececf1;--muted:#b4b4c0;--card:#202027;--line:#3a3a46;--ok:#6fdc9f;--bad:#ff8a8f;--warn:#ffcc66;--accent:#9db6ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:2rem;margin:.5rem 0}
h2{font-size:1.35rem;margin:0 0 .25rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:var(--accent)}
a:focus,summary:focus{outline:3px solid var(--accent);outline-offset:2px}
.meta,.muted{color:var(--muted)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem}
ol.badges{list-style:none;margin:0;padding:0}
article.badge{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.25rem;margin:1.25rem 0;display:grid;grid-template-columns:9rem 1fr;gap:1.25rem}
.badge-image img{width:9rem;height:9rem;object-fit:contain}
.noimg{width:9rem;height:9rem;border:2px dashed var(--line);border-radius:12px;display:flex;align-items:center;justify-content:center;color:var(--muted);text-align:center}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.status{display:inline-block;font-weight:700;padding:.1rem .6rem;border-radius:999px;border:2px solid currentColor}
.status-verified{color:var(--ok)}.status-invalid,.status-expired,.status-revoked,.status-unreadable{color:var(--bad)}.status-issuer_not_confirmed,.status-could_not_check,.status-not_checked{color:var(--warn)}
.note{border-left:4px solid var(--accent);padding:.25rem .75rem;margin:.75rem 0}
.notice{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;background:var(--card)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
ul.checks{margin:.25rem 0;padding-left:1.25rem}
@media (max-width:40rem){article.badge{grid-template-columns:1fr}}
@media print{body{background:#fff;color:#000;font-size:11pt}.skip,.howto{display:none}article.badge{break-inside:avoid;border-color:#999}a{color:#000}details>*{display:block}header,main,footer{max-width:none}}
"#;

/// The page's one stylesheet.
pub fn stylesheet() -> &'static str {
    CSS
}

/// The page's Content-Security-Policy: nothing may load except `data:` images and the
/// inline stylesheet (allowed by its SHA-256), and no script may run.
pub fn content_security_policy() -> String {
    use sha2::Digest;
    let hash = B64.encode(sha2::Sha256::digest(CSS.as_bytes()));
    format!(
        "default-src 'none'; img-src data:; style-src 'sha256-{hash}'; script-src 'none'; \
         base-uri 'none'; form-action 'none'"
    )
}

/// Escape text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab/newline have no business in a page.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escaped multi-line text: paragraphs on blank lines, `<br>` on single newlines.
fn text_block(s: &str, red: &Redactor) -> String {
    let s = red.apply(s);
    let mut out = String::new();
    for para in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = write!(out, "<p>{}</p>", esc(para).replace('\n', "<br>"));
    }
    out
}

/// A learner's own note: escaped, with the http(s) links the learner typed made clickable.
fn note_block(s: &str) -> String {
    let mut out = String::new();
    for para in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str("<p>");
        let mut first_line = true;
        for line in para.lines() {
            if !first_line {
                out.push_str("<br>");
            }
            first_line = false;
            out.push_str(&autolink(line));
        }
        out.push_str("</p>");
    }
    out
}

fn autolink(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        let pos = [rest.find("https://"), rest.find("http://")]
            .into_iter()
            .flatten()
            .min();
        let Some(pos) = pos else {
            out.push_str(&esc(rest));
            return out;
        };
        let (before, from) = rest.split_at(pos);
        out.push_str(&esc(before));
        let end = from
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
            .unwrap_or(from.len());
        let mut url = &from[..end];
        while let Some(u) = url.strip_suffix(['.', ',', ';', ':', ')', '!', '?']) {
            url = u;
        }
        if url.len() <= "https://".len() {
            out.push_str(&esc(url));
        } else {
            let _ = write!(
                out,
                "<a href=\"{0}\" rel=\"noopener noreferrer nofollow\">{0}</a>",
                esc(url)
            );
        }
        rest = &from[url.len()..];
    }
}

const IMAGE_MIME_ALLOWED: [&str; 5] = [
    "image/png",
    "image/svg+xml",
    "image/jpeg",
    "image/gif",
    "image/webp",
];

/// A safe `data:` URI for an embedded image URI from badge JSON, re-encoded as base64 with an
/// allow-listed MIME type; `None` for anything else (remote URLs are never loaded).
pub fn safe_data_uri(uri: &str) -> Option<(String, Vec<u8>)> {
    let rest = uri.trim().strip_prefix("data:")?;
    let (meta, data) = rest.split_once(',')?;
    let mut parts = meta.split(';');
    let mime = parts.next()?.trim().to_ascii_lowercase();
    if !IMAGE_MIME_ALLOWED.contains(&mime.as_str()) {
        return None;
    }
    let is_b64 = parts.any(|p| p.trim().eq_ignore_ascii_case("base64"));
    let bytes = if is_b64 {
        let cleaned: String = data.chars().filter(|c| !c.is_whitespace()).collect();
        B64.decode(cleaned.as_bytes())
            .or_else(|_| {
                base64::engine::general_purpose::STANDARD_NO_PAD
                    .decode(cleaned.trim_end_matches('='))
            })
            .ok()?
    } else {
        percent_decode(data)
    };
    if bytes.is_empty() || bytes.len() as u64 > crate::limits::MAX_FILE_BYTES {
        return None;
    }
    Some((mime, bytes))
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(h) = b.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(std::str::from_utf8(h).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// The badge's image as (mime, bytes): the baked original itself, or its embedded data URI.
pub fn badge_image(item: &ExportBadge) -> Option<(String, Vec<u8>)> {
    match item.container {
        Container::Png => return Some(("image/png".into(), item.original.clone())),
        Container::Svg => return Some(("image/svg+xml".into(), item.original.clone())),
        _ => {}
    }
    match &item.badge.image {
        Some(Image::Data { uri }) => safe_data_uri(uri),
        _ => None,
    }
}

/// "3 May 2026" for an RFC 3339 / ISO date, else the text as given.
pub fn pretty_date(s: &str) -> String {
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return d.format("%-d %B %Y").to_string();
    }
    if let Some(day) = s.get(..10)
        && let Ok(d) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
    {
        return d.format("%-d %B %Y").to_string();
    }
    s.to_string()
}

/// The status a badge had when it was exported: its current report's, or
/// [`Status::NotChecked`] when the wallet has none.
pub fn export_status(item: &ExportBadge) -> Status {
    item.report
        .as_ref()
        .map_or(Status::NotChecked, |r| r.status)
}

/// (status id, words) for the status at export time: [`Status::as_str`] (the CSS class) and
/// [`Status::label`], the words every surface uses.
pub fn status_words(item: &ExportBadge) -> (&'static str, &'static str) {
    let s = export_status(item);
    (s.as_str(), s.label())
}

fn dl_row(out: &mut String, term: &str, value_html: &str) {
    if !value_html.is_empty() {
        let _ = write!(out, "<dt>{term}</dt><dd>{value_html}</dd>");
    }
}

/// A visible field, marked for the receiver (`data-field`), in a `<span>`.
fn field(name: &str, class: Option<&str>, text: &str) -> String {
    match class {
        Some(c) => format!(
            "<span class=\"{c}\" data-field=\"{name}\">{}</span>",
            esc(text)
        ),
        None => format!("<span data-field=\"{name}\">{}</span>", esc(text)),
    }
}

/// The page layout this version writes and can render again. Any change to what
/// [`render_page`] writes for the same inputs (markup, words, styles) must bump it: a receiver
/// compares a page byte for byte with its own rendering ([`super::page`]).
pub const PAGE_LAYOUT: u32 = 3;

/// `id` of the block that records the sender's own words and choices ([`PageInputs`]).
pub const PAGE_BLOCK_ID: &str = "bp-page";

/// Everything a page shows that does not come from a credential: the sender's own words and
/// choices. Recorded in the page (the [`PAGE_BLOCK_ID`] block) so that a receiver can render
/// the page again from the embedded credentials and compare. It holds only what the page
/// shows: the title as shown (emails already hidden), notes only when notes are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageInputs {
    /// [`PAGE_LAYOUT`] of the page.
    pub layout: u32,
    /// The title as shown.
    pub title: String,
    /// The learner's introduction.
    pub intro: Option<String>,
    /// The collection's note (only when notes are shown).
    pub note: Option<String>,
    /// Export time (RFC 3339, seconds).
    pub exported_at: String,
    /// What the learner chose to show.
    pub privacy: Privacy,
    /// One entry per badge, in page order.
    pub badges: Vec<PageBadgeInputs>,
    /// The language of the page's own words (labels, headings, dates); badge text is as
    /// issued. Left out of the record for English, so English pages read as before.
    #[serde(default, skip_serializing_if = "Lang::is_en")]
    pub lang: Lang,
}

/// What the sender's wallet said about one badge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageBadgeInputs {
    /// The status in the sender's wallet when the page was made.
    pub status: Status,
    /// When the sender's wallet checked it (RFC 3339), if it did.
    pub checked_at: Option<String>,
    /// The learner's note on it (only when notes are shown).
    pub note: Option<String>,
}

impl Default for PageBadgeInputs {
    fn default() -> Self {
        PageBadgeInputs {
            status: Status::NotChecked,
            checked_at: None,
            note: None,
        }
    }
}

fn non_blank(s: Option<&String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty()).cloned()
}

impl PageInputs {
    /// The inputs of `portfolio` exported with `opts`, in English.
    pub fn of(portfolio: &Portfolio, opts: &ExportOptions<'_>) -> PageInputs {
        PageInputs::of_in(portfolio, opts, Lang::En)
    }

    /// The inputs of `portfolio` exported with `opts`, the page in `lang`.
    pub fn of_in(portfolio: &Portfolio, opts: &ExportOptions<'_>, lang: Lang) -> PageInputs {
        let red = Redactor::new(portfolio, &opts.privacy);
        let notes = opts.privacy.include_notes;
        PageInputs {
            layout: PAGE_LAYOUT,
            title: if portfolio.title.trim().is_empty() {
                Catalog::get(lang).t("export-default-title")
            } else {
                red.apply(&portfolio.title)
            },
            intro: non_blank(portfolio.intro.as_ref()),
            note: non_blank(portfolio.note.as_ref()).filter(|_| notes),
            exported_at: opts
                .exported_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            privacy: opts.privacy,
            badges: portfolio
                .badges
                .iter()
                .map(|b| {
                    let status = export_status(b);
                    PageBadgeInputs {
                        status,
                        checked_at: b
                            .report
                            .as_ref()
                            .filter(|_| status != Status::NotChecked)
                            .map(|r| r.checked_at.clone()),
                        note: non_blank(b.note.as_ref()).filter(|_| notes),
                    }
                })
                .collect(),
            lang,
        }
    }
}

/// What the page shows about one badge besides its credential and the sender's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeShown {
    /// The status shown. The exporter shows the sender's wallet's status; a receiver renders
    /// its own fresh status here to compare (unless the page says "Not checked").
    pub status: Status,
    /// A one-line issuer label shown under the status ("known issuer", issue 12's trust
    /// labels). Nothing sets it yet. Whoever does must set it the same way on the receiving
    /// side ([`super::page::check_page`]), from the receiver's own trust list: the receiver
    /// renders the page again and compares, so a label only the sender's list gives is
    /// reported as a difference.
    pub issuer_label: Option<String>,
    /// The endorsements embedded in the credential, each with its own status (shown only
    /// when the status is: a page that says "Not checked" lists none).
    pub endorsements: Vec<crate::verify::EndorsementCheck>,
}

/// What every badge of a page shares: the sender's choices, the redactor, the words.
struct Page<'a> {
    privacy: &'a Privacy,
    red: &'a Redactor,
    c: &'a Catalog,
}

fn render_badge(
    out: &mut String,
    i: usize,
    item: &ExportBadge,
    declared: &PageBadgeInputs,
    shown: &BadgeShown,
    page: &Page<'_>,
) {
    let (privacy, red, c) = (page.privacy, page.red, page.c);
    let b = &item.badge;
    let n = i + 1;
    let untitled = c.t("export-untitled");
    let name = red.apply(if b.name.trim().is_empty() {
        &untitled
    } else {
        &b.name
    });
    let _ = write!(
        out,
        "<li><article class=\"badge\" id=\"badge-{n}\" data-credential=\"{CREDENTIAL_BLOCK_PREFIX}{n}\" aria-labelledby=\"badge-{n}-name\">"
    );
    out.push_str("<div class=\"badge-image\">");
    match badge_image(item) {
        Some((mime, bytes)) => {
            let _ = write!(
                out,
                "<img src=\"data:{};base64,{}\" alt=\"{}\">",
                esc(&mime),
                B64.encode(&bytes),
                esc(&c.msg("export-image-alt", &[("name", name.as_str().into())]))
            );
        }
        None => {
            let _ = write!(
                out,
                "<div class=\"noimg\" role=\"img\" aria-label=\"{}\">{}</div>",
                esc(&c.msg("export-no-image-for", &[("name", name.as_str().into())])),
                esc(&c.t("export-no-image"))
            );
        }
    }
    out.push_str("</div><div class=\"badge-body\">");
    let _ = write!(
        out,
        "<h2 id=\"badge-{n}-name\" data-field=\"name\">{}</h2>",
        esc(&name)
    );
    let checked = match &declared.checked_at {
        Some(at) => c.msg("export-checked-on", &[("date", c.date(at).into())]),
        None => c.t("export-not-checked"),
    };
    let _ = write!(
        out,
        "<p class=\"status-line\"><span class=\"status status-{}\" data-field=\"status\">{}</span> {}</p>",
        shown.status.as_str(),
        esc(&c.status(shown.status)),
        field("checked", Some("muted"), &checked)
    );
    // The issuer trust label (issue 12): one line under the status, when there is one.
    if let Some(label) = &shown.issuer_label {
        let _ = write!(
            out,
            "<p class=\"issuer-label\">{}</p>",
            field("issuer-label", None, label)
        );
    }
    // Endorsements (OB 3.0): "Endorsed by X (Verified)", each checked on its own; they say
    // something about the endorsement, not about the badge's own status.
    if !shown.endorsements.is_empty() {
        out.push_str("<ul class=\"endorsements\">");
        for e in &shown.endorsements {
            let by = e
                .endorser_name
                .as_deref()
                .or(e.endorser_id.as_deref())
                .map_or_else(|| c.t("export-unnamed-endorser"), |by| red.apply(by));
            let line = c.msg(
                "export-endorsed",
                &[
                    ("by", by.into()),
                    ("status", c.status(e.status).into()),
                    ("scope", e.scope.as_str().into()),
                ],
            );
            let _ = write!(out, "<li>{}</li>", field("endorsement", None, &line));
        }
        out.push_str("</ul>");
    }
    if let Some(d) = &b.description {
        let _ = write!(
            out,
            "<div data-field=\"description\">{}</div>",
            text_block(d, red)
        );
    }

    let mut dl = String::new();
    let mut issuer = b
        .issuer
        .name
        .as_deref()
        .map(|s| field("issuer", None, &red.apply(s)))
        .unwrap_or_default();
    if let Some(id) = &b.issuer.id {
        if !issuer.is_empty() {
            issuer.push_str("<br>");
        }
        issuer.push_str(&field("issuer-id", Some("mono"), &red.apply(id)));
    }
    dl_row(&mut dl, &esc(&c.t("export-issuer")), &issuer);
    if privacy.include_dates {
        for (label, key, v) in [
            ("export-issued", "issued", &b.issued),
            ("export-valid-from", "valid-from", &b.valid_from),
            ("export-expires", "expires", &b.valid_until),
        ] {
            if let Some(v) = v
                && !(key == "valid-from" && b.issued.as_ref() == Some(v))
            {
                dl_row(&mut dl, &esc(&c.t(label)), &field(key, None, &c.date(v)));
            }
        }
    }
    let mut recips = Vec::new();
    for r in &b.recipients {
        let v = match (&r.kind, r.hashed) {
            (_, true) => c.t("export-hashed"),
            (IdentityKind::Email, false) if red.is_hidden(&r.identity) => {
                super::privacy::REDACTED_EMAIL.into()
            }
            _ => r.identity.clone(),
        };
        recips.push(field("recipient", Some("mono"), &v));
    }
    dl_row(
        &mut dl,
        &esc(&c.t("export-recipient")),
        &recips.join("<br>"),
    );
    let kind = match (&b.achievement_type, b.spec_version.is_empty()) {
        (Some(t), _) => format!("{} · Open Badges {}", t, b.spec_version),
        (None, false) => format!("Open Badges {}", b.spec_version),
        _ => String::new(),
    };
    if !kind.is_empty() {
        dl_row(
            &mut dl,
            &esc(&c.t("export-type")),
            &field("type", None, &kind),
        );
    }
    if let Some(id) = &b.id {
        dl_row(
            &mut dl,
            &esc(&c.t("export-credential-id")),
            &field("credential-id", Some("mono"), &red.apply(id)),
        );
    }
    if !dl.is_empty() {
        let _ = write!(out, "<dl>{dl}</dl>");
    }

    if let Some(cr) = &b.criteria
        && (cr.narrative.is_some() || cr.url.is_some())
    {
        let _ = write!(out, "<h3>{}</h3>", esc(&c.t("export-criteria")));
        if let Some(t) = &cr.narrative {
            let _ = write!(
                out,
                "<div data-field=\"criteria\">{}</div>",
                text_block(t, red)
            );
        }
        if let Some(u) = &cr.url {
            let _ = write!(
                out,
                "<p class=\"muted\">{}</p>",
                c.msg(
                    "export-criteria-page",
                    &[("url", field("criteria-url", Some("mono"), u).into())]
                )
            );
        }
    }
    if !b.alignments.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul>", esc(&c.t("export-alignments")));
        let unnamed = c.t("export-unnamed");
        for a in &b.alignments {
            let mut line = esc(&red.apply(a.target_name.as_deref().unwrap_or(&unnamed)));
            if let Some(f) = &a.target_framework {
                let _ = write!(
                    line,
                    " <span class=\"muted\">({})</span>",
                    esc(&red.apply(f))
                );
            }
            if let Some(code) = &a.target_code {
                let _ = write!(line, " <span class=\"mono\">{}</span>", esc(code));
            }
            if let Some(d) = &a.target_description {
                let _ = write!(line, " — {}", esc(&red.apply(d)));
            }
            let _ = write!(out, "<li data-field=\"alignment\">{line}</li>");
        }
        out.push_str("</ul>");
    }
    if !b.results.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul>", esc(&c.t("export-results")));
        for r in &b.results {
            let parts: Vec<String> = [&r.label, &r.value, &r.status, &r.achieved_level]
                .into_iter()
                .flatten()
                .map(|s| esc(&red.apply(s)))
                .collect();
            let _ = write!(out, "<li data-field=\"result\">{}</li>", parts.join(" · "));
        }
        out.push_str("</ul>");
    }
    if privacy.include_evidence && !b.evidence.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul>", esc(&c.t("export-heading-evidence")));
        for e in &b.evidence {
            let mut line = String::new();
            if let Some(nm) = &e.name {
                let _ = write!(line, "<strong>{}</strong>", esc(&red.apply(nm)));
            }
            for t in [&e.description, &e.narrative, &e.genre, &e.audience]
                .into_iter()
                .flatten()
            {
                if !line.is_empty() {
                    line.push_str(" — ");
                }
                line.push_str(&esc(&red.apply(t)));
            }
            if let Some(u) = &e.id {
                let _ = write!(line, " <span class=\"mono\">{}</span>", esc(&red.apply(u)));
            }
            let _ = write!(out, "<li data-field=\"evidence\">{line}</li>");
        }
        out.push_str("</ul>");
    }
    if privacy.include_notes
        && let Some(note) = declared.note.as_deref().filter(|n| !n.trim().is_empty())
    {
        let _ = write!(
            out,
            "<h3>{}</h3><div class=\"note\" data-field=\"note\">{}</div>",
            esc(&c.t("export-my-note")),
            note_block(note)
        );
    }
    // The catalog's words are trusted text; the arguments here are already HTML.
    let _ = write!(
        out,
        "<p class=\"muted\">{}</p>",
        c.msg(
            "export-original-html",
            &[
                (
                    "file",
                    field("file", Some("mono"), &original_file_name(i, item)).into()
                ),
                (
                    "block",
                    format!("<code>{CREDENTIAL_BLOCK_PREFIX}{n}</code>").into()
                ),
                ("format", item.format.as_str().into()),
            ]
        )
    );
    out.push_str("</div></article></li>\n");
}

/// Render the portfolio page in English. `presentation` is the signed VP JSON, embedded when
/// given.
pub fn render(
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
    presentation: Option<&[u8]>,
) -> Result<String, ExportError> {
    render_in(portfolio, opts, presentation, Lang::En)
}

/// Render the portfolio page with its own words in `lang` (recorded in the page, so a
/// receiver renders it again in the same language).
pub fn render_in(
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
    presentation: Option<&[u8]>,
    lang: Lang,
) -> Result<String, ExportError> {
    let inputs = PageInputs::of_in(portfolio, opts, lang);
    let shown: Vec<BadgeShown> = inputs
        .badges
        .iter()
        .zip(&portfolio.badges)
        .map(|(b, item)| BadgeShown {
            status: b.status,
            issuer_label: None,
            endorsements: match (&item.report, b.status) {
                (_, Status::NotChecked) | (None, _) => Vec::new(),
                (Some(r), _) => r.endorsements.clone(),
            },
        })
        .collect();
    Ok(render_page(
        &inputs,
        &portfolio.badges,
        &shown,
        presentation,
    ))
}

/// The page for `inputs`, the badges (their originals and parsed views; `note` and `report`
/// are not used: the inputs say what is shown) and what is shown beside each. A pure function:
/// the same arguments give the same bytes, which is what lets a receiver compare.
pub fn render_page(
    inputs: &PageInputs,
    items: &[ExportBadge],
    shown: &[BadgeShown],
    presentation: Option<&[u8]>,
) -> String {
    let red = Redactor::for_badges(items.iter().map(|b| &b.badge), &inputs.privacy);
    let c = Catalog::get(inputs.lang);
    let mut out = String::with_capacity(
        64 * 1024 + items.iter().map(|b| b.original.len() * 3).sum::<usize>(),
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Backpack\">\n\
         <meta name=\"backpack-exported-at\" content=\"{at}\">\n\
         <title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#badges\">{skip}</a>\n<header>\n<h1 data-field=\"title\">{t}</h1>\n",
        lang = inputs.lang.code(),
        skip = esc(&c.t("export-skip")),
        csp = content_security_policy(),
        at = esc(&inputs.exported_at),
        t = esc(&inputs.title),
    );
    let n = items.len();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        esc(&c.msg(
            "export-meta",
            &[
                ("n", n.into()),
                ("date", c.date(&inputs.exported_at).into())
            ]
        ))
    );
    if let Some(intro) = inputs.intro.as_deref().filter(|s| !s.trim().is_empty()) {
        let _ = writeln!(
            out,
            "<div class=\"intro\" data-field=\"intro\">{}</div>",
            note_block(intro)
        );
    }
    if inputs.privacy.include_notes
        && let Some(note) = inputs.note.as_deref().filter(|s| !s.trim().is_empty())
    {
        let _ = writeln!(
            out,
            "<div class=\"note\" data-field=\"portfolio-note\">{}</div>",
            note_block(note)
        );
    }
    out.push_str("</header>\n<main id=\"badges\">\n");
    out.push_str(&howto(c));
    let excluded: Vec<String> = items
        .iter()
        .filter(|b| !b.format.is_vc())
        .map(|b| b.badge.name.clone())
        .collect();
    if presentation.is_some() && !excluded.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"notice\">{}</p>",
            esc(&c.msg(
                "export-ob2-notice",
                &[("names", red.apply(&excluded.join(", ")).into())]
            ))
        );
    }
    if inputs.privacy.include_skills {
        skills_summary(&mut out, items, &red, c);
    }
    out.push_str("<ol class=\"badges\">\n");
    let none = PageBadgeInputs::default();
    for (i, item) in items.iter().enumerate() {
        let declared = inputs.badges.get(i).unwrap_or(&none);
        let shown = shown.get(i).cloned().unwrap_or(BadgeShown {
            status: declared.status,
            issuer_label: None,
            endorsements: Vec::new(),
        });
        let page = Page {
            privacy: &inputs.privacy,
            red: &red,
            c,
        };
        render_badge(&mut out, i, item, declared, &shown, &page);
    }
    let _ = writeln!(
        out,
        "</ol>\n</main>\n<footer><p class=\"muted\">{}</p></footer>",
        esc(&c.t("export-footer"))
    );
    let record = serde_json::to_vec(inputs).unwrap_or_default();
    let _ = writeln!(
        out,
        "<script type=\"application/octet-stream\" id=\"{PAGE_BLOCK_ID}\" data-media-type=\"application/json\">{}</script>",
        B64.encode(&record)
    );
    for (i, item) in items.iter().enumerate() {
        let _ = writeln!(
            out,
            "<script type=\"application/octet-stream\" id=\"{CREDENTIAL_BLOCK_PREFIX}{}\" data-file=\"{}\" data-format=\"{}\" data-sha256=\"{}\">{}</script>",
            i + 1,
            esc(&original_file_name(i, item)),
            item.format.as_str(),
            sha256_hex(&item.original),
            B64.encode(&item.original)
        );
    }
    if let Some(vp) = presentation {
        let _ = writeln!(
            out,
            "<script type=\"application/octet-stream\" id=\"{PRESENTATION_BLOCK_ID}\" data-media-type=\"application/vp+ld+json\" data-sha256=\"{}\">{}</script>",
            sha256_hex(vp),
            B64.encode(vp)
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The skills summary: the badges' alignments by framework and skill ([`crate::skills`]), each
/// skill linking to the badges behind it by their number on the page. Built from the parsed
/// views only, so a receiver's re-render gives the same bytes.
fn skills_summary(out: &mut String, items: &[ExportBadge], red: &Redactor, c: &Catalog) {
    let views: Vec<(i64, crate::model::Badge)> = items
        .iter()
        .zip(1i64..)
        .map(|(b, n)| (n, b.badge.clone()))
        .collect();
    let view = crate::skills::build(&views);
    let _ = writeln!(
        out,
        "<section class=\"skills\" id=\"skills\" aria-labelledby=\"skills-title\"><h2 id=\"skills-title\">{}</h2>",
        esc(&c.t("export-heading-skills"))
    );
    if view.frameworks.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{}</p>",
            esc(&c.t("export-no-skills"))
        );
    }
    for fw in &view.frameworks {
        let _ = write!(
            out,
            "<h3 data-field=\"framework\">{}</h3>\n<ul>\n",
            esc(&red.apply(&fw.name))
        );
        for s in &fw.skills {
            let _ = write!(out, "<li data-field=\"skill\">{}", esc(&red.apply(&s.name)));
            if let Some(code) = &s.code {
                let _ = write!(
                    out,
                    " <span class=\"mono\">{}</span>",
                    esc(&red.apply(code))
                );
            }
            out.push_str(" <span class=\"muted\">—");
            for n in &s.badges {
                let _ = write!(out, " <a href=\"#badge-{n}\">#{n}</a>");
            }
            out.push_str("</span></li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// How a reader checks the page: in Backpack, or with any Open Badges verifier. The
/// catalog's words are trusted text; the arguments are markup.
fn howto(c: &Catalog) -> String {
    let code = |s: &str| Arg::Str(format!("<code>{s}</code>"));
    format!(
        "<section class=\"notice howto\" aria-label=\"{}\"><p><strong>{}</strong> {}</p><p>{}</p></section>\n",
        esc(&c.t("export-howto-label")),
        esc(&c.t("export-howto-lead")),
        c.msg(
            "export-howto-html-1",
            &[
                (
                    "blocks",
                    Arg::Str(
                        "<code>bp-credential-1</code>, <code>bp-credential-2</code>, \u{2026}"
                            .into()
                    )
                ),
                ("attr", code("data-file")),
                ("folder", code("credentials")),
            ]
        ),
        c.msg(
            "export-howto-html-2",
            &[("command", code("backpack verify-share FILE"))]
        )
    )
}

/// One embedded block read back from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedBlock {
    /// The block's `id`.
    pub id: String,
    /// `data-file`, if any.
    pub file: Option<String>,
    /// `data-format`, if any.
    pub format: Option<String>,
    /// `data-sha256`, if any.
    pub sha256: Option<String>,
    /// The decoded bytes, or why they could not be decoded (a `chk-share-…` message).
    pub bytes: Result<Vec<u8>, crate::localize::Message>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!(" {name}=\"");
    let start = tag.find(&pat)? + pat.len();
    let end = tag[start..].find('"')?;
    Some(tag[start..start + end].to_string())
}

/// Read every `<script type="application/octet-stream" id="bp-…">` block from a page.
///
/// A deliberately small scanner for the pages [`render`] writes: it never builds a DOM and
/// never looks at anything but these blocks, so a hostile page cannot make it do much.
pub fn extract_blocks(html: &str) -> Vec<EmbeddedBlock> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(pos) = rest.find("<script type=\"application/octet-stream\"") {
        let from = &rest[pos..];
        let Some(tag_end) = from.find('>') else { break };
        let tag = &from[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = from[body_start..].find("</script>") else {
            break;
        };
        let body = &from[body_start..body_start + close];
        if let Some(id) = attr(tag, "id").filter(|id| id.starts_with("bp-")) {
            let cleaned: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            out.push(EmbeddedBlock {
                id,
                file: attr(tag, "data-file"),
                format: attr(tag, "data-format"),
                sha256: attr(tag, "data-sha256"),
                bytes: B64.decode(cleaned.as_bytes()).map_err(|e| {
                    crate::localize::msg!("chk-share-block-not-base64", detail = e.to_string())
                }),
            });
        }
        rest = &from[body_start + close..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_links() {
        assert_eq!(
            esc("<img src=x onerror='a'>&\""),
            "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;"
        );
        assert_eq!(
            autolink("see https://me.example/p?a=1&b=2. <b>"),
            "see <a href=\"https://me.example/p?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\">https://me.example/p?a=1&amp;b=2</a>. &lt;b&gt;"
        );
        assert_eq!(
            autolink("javascript:alert(1) http://"),
            "javascript:alert(1) http://"
        );
    }

    #[test]
    fn data_uris_are_allow_listed() {
        assert!(safe_data_uri("data:text/html;base64,PHNjcmlwdD4=").is_none());
        assert!(safe_data_uri("https://example.org/x.png").is_none());
        let (m, b) = safe_data_uri("data:image/svg+xml;utf8,%3Csvg%3E%3C/svg%3E").unwrap();
        assert_eq!(
            (m.as_str(), b.as_slice()),
            ("image/svg+xml", &b"<svg></svg>"[..])
        );
        let (m, b) = safe_data_uri("data:image/png;base64,iVBO Rw==").unwrap();
        assert_eq!((m.as_str(), b.len()), ("image/png", 4));
    }
}
