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
//!   can re-verify them. STANDARDS §7 "Export".
//! - Accessible (landmarks, headings, alt text, `lang`, contrast) and printable (`@media print`).

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;

use super::privacy::Redactor;
use super::{ExportBadge, ExportError, ExportOptions, Portfolio, original_file_name, sha256_hex};
use crate::model::{Container, IdentityKind, Image};
use crate::verify::{Outcome, Verdict};

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
.status-valid{color:var(--ok)}.status-invalid{color:var(--bad)}.status-indeterminate,.status-unchecked,.status-error{color:var(--warn)}
.note{border-left:4px solid var(--accent);padding:.25rem .75rem;margin:.75rem 0}
.notice{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;background:var(--card)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
ul.checks{margin:.25rem 0;padding-left:1.25rem}
@media (max-width:40rem){article.badge{grid-template-columns:1fr}}
@media print{body{background:#fff;color:#000;font-size:11pt}.skip,.howto{display:none}article.badge{break-inside:avoid;border-color:#999}a{color:#000}details>*{display:block}header,main,footer{max-width:none}}
"#;

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

/// (css class, words) for the verification status at export time.
pub fn status_words(item: &ExportBadge) -> (&'static str, &'static str) {
    match item.report.as_ref().map(|r| r.verdict) {
        Some(Verdict::Valid) => ("valid", "Verified"),
        Some(Verdict::Invalid) => ("invalid", "Invalid"),
        Some(Verdict::Indeterminate) => ("indeterminate", "Could not be fully checked"),
        Some(Verdict::Error) => ("error", "Unreadable"),
        None => ("unchecked", "Not checked"),
    }
}

fn outcome_word(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "pass",
        Outcome::Fail => "fail",
        Outcome::Skipped => "skipped",
        Outcome::Error => "could not check",
    }
}

fn dl_row(out: &mut String, term: &str, value_html: &str) {
    if !value_html.is_empty() {
        let _ = write!(out, "<dt>{term}</dt><dd>{value_html}</dd>");
    }
}

fn render_badge(
    out: &mut String,
    i: usize,
    item: &ExportBadge,
    opts: &ExportOptions<'_>,
    red: &Redactor,
) {
    let b = &item.badge;
    let n = i + 1;
    let name = red.apply(if b.name.trim().is_empty() {
        "Untitled badge"
    } else {
        &b.name
    });
    let _ = write!(
        out,
        "<li><article class=\"badge\" id=\"badge-{n}\" aria-labelledby=\"badge-{n}-name\">"
    );
    out.push_str("<div class=\"badge-image\">");
    match badge_image(item) {
        Some((mime, bytes)) => {
            let _ = write!(
                out,
                "<img src=\"data:{};base64,{}\" alt=\"Badge image: {}\">",
                esc(&mime),
                B64.encode(&bytes),
                esc(&name)
            );
        }
        None => {
            let _ = write!(
                out,
                "<div class=\"noimg\" role=\"img\" aria-label=\"No image for {0}\">No image</div>",
                esc(&name)
            );
        }
    }
    out.push_str("</div><div class=\"badge-body\">");
    let _ = write!(out, "<h2 id=\"badge-{n}-name\">{}</h2>", esc(&name));
    let (cls, words) = status_words(item);
    let checked = item
        .report
        .as_ref()
        .map(|r| format!(" on {}", pretty_date(&r.checked_at)))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<p><span class=\"status status-{cls}\">{words}</span> <span class=\"muted\">at export{}</span></p>",
        esc(&checked)
    );
    if let Some(d) = &b.description {
        out.push_str(&text_block(d, red));
    }

    let mut dl = String::new();
    let issuer_name = b.issuer.name.as_deref().map(|s| red.apply(s));
    let mut issuer = issuer_name.as_deref().map(esc).unwrap_or_default();
    if let Some(id) = &b.issuer.id {
        if !issuer.is_empty() {
            issuer.push_str("<br>");
        }
        let _ = write!(
            issuer,
            "<span class=\"mono\">{}</span>",
            esc(&red.apply(id))
        );
    }
    dl_row(&mut dl, "Issuer", &issuer);
    if opts.privacy.include_dates {
        for (label, v) in [
            ("Issued", &b.issued),
            ("Valid from", &b.valid_from),
            ("Expires", &b.valid_until),
        ] {
            if let Some(v) = v
                && !(label == "Valid from" && b.issued.as_ref() == Some(v))
            {
                dl_row(&mut dl, label, &esc(&pretty_date(v)));
            }
        }
    }
    let mut recips = Vec::new();
    for r in &b.recipients {
        let v = match (&r.kind, r.hashed) {
            (_, true) => "hashed identity".to_string(),
            (IdentityKind::Email, false) if red.is_hidden(&r.identity) => {
                super::privacy::REDACTED_EMAIL.into()
            }
            _ => r.identity.clone(),
        };
        recips.push(format!("<span class=\"mono\">{}</span>", esc(&v)));
    }
    dl_row(&mut dl, "Recipient", &recips.join("<br>"));
    let kind = match (&b.achievement_type, b.spec_version.is_empty()) {
        (Some(t), _) => format!("{} · Open Badges {}", t, b.spec_version),
        (None, false) => format!("Open Badges {}", b.spec_version),
        _ => String::new(),
    };
    dl_row(&mut dl, "Type", &esc(&kind));
    if let Some(id) = &b.id {
        dl_row(
            &mut dl,
            "Credential id",
            &format!("<span class=\"mono\">{}</span>", esc(&red.apply(id))),
        );
    }
    if !dl.is_empty() {
        let _ = write!(out, "<dl>{dl}</dl>");
    }

    if let Some(c) = &b.criteria
        && (c.narrative.is_some() || c.url.is_some())
    {
        out.push_str("<h3>Criteria</h3>");
        if let Some(t) = &c.narrative {
            out.push_str(&text_block(t, red));
        }
        if let Some(u) = &c.url {
            let _ = write!(
                out,
                "<p class=\"muted\">Criteria page: <span class=\"mono\">{}</span></p>",
                esc(u)
            );
        }
    }
    if !b.alignments.is_empty() {
        out.push_str("<h3>Skills and alignments</h3><ul>");
        for a in &b.alignments {
            let mut line = esc(&red.apply(a.target_name.as_deref().unwrap_or("(unnamed)")));
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
            let _ = write!(out, "<li>{line}</li>");
        }
        out.push_str("</ul>");
    }
    if !b.results.is_empty() {
        out.push_str("<h3>Results</h3><ul>");
        for r in &b.results {
            let parts: Vec<String> = [&r.label, &r.value, &r.status, &r.achieved_level]
                .into_iter()
                .flatten()
                .map(|s| esc(&red.apply(s)))
                .collect();
            let _ = write!(out, "<li>{}</li>", parts.join(" · "));
        }
        out.push_str("</ul>");
    }
    if opts.privacy.include_evidence && !b.evidence.is_empty() {
        out.push_str("<h3>Evidence</h3><ul>");
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
            let _ = write!(out, "<li>{line}</li>");
        }
        out.push_str("</ul>");
    }
    if opts.privacy.include_notes
        && let Some(note) = item.note.as_deref().filter(|n| !n.trim().is_empty())
    {
        let _ = write!(
            out,
            "<h3>My note</h3><div class=\"note\">{}</div>",
            note_block(note)
        );
    }
    if let Some(r) = &item.report {
        out.push_str(
            "<details><summary>Verification details at export</summary><ul class=\"checks\">",
        );
        for c in &r.checks {
            let _ = write!(
                out,
                "<li><span class=\"mono\">{}</span>: {} — {}</li>",
                c.id.as_str(),
                outcome_word(c.outcome),
                esc(&red.apply(&c.detail))
            );
        }
        out.push_str("</ul></details>");
    }
    let _ = write!(
        out,
        "<p class=\"muted\">Original credential embedded as <span class=\"mono\">{}</span> ({}).</p>",
        esc(&original_file_name(i, item)),
        item.format.as_str()
    );
    out.push_str("</div></article></li>\n");
}

/// Render the portfolio page. `presentation` is the signed VP JSON, embedded when given.
pub fn render(
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
    presentation: Option<&[u8]>,
) -> Result<String, ExportError> {
    let red = Redactor::new(portfolio, &opts.privacy);
    let title = if portfolio.title.trim().is_empty() {
        "My badges".to_string()
    } else {
        red.apply(&portfolio.title)
    };
    let mut out = String::with_capacity(
        64 * 1024
            + portfolio
                .badges
                .iter()
                .map(|b| b.original.len() * 3)
                .sum::<usize>(),
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Backpack\">\n\
         <meta name=\"backpack-exported-at\" content=\"{at}\">\n\
         <title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#badges\">Skip to badges</a>\n<header>\n<h1>{t}</h1>\n",
        csp = content_security_policy(),
        at = opts
            .exported_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        t = esc(&title),
    );
    let n = portfolio.badges.len();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{n} badge{} · exported {} with Backpack</p>",
        if n == 1 { "" } else { "s" },
        esc(&pretty_date(&opts.exported_at.to_rfc3339()))
    );
    if let Some(intro) = portfolio.intro.as_deref().filter(|s| !s.trim().is_empty()) {
        let _ = writeln!(out, "<div class=\"intro\">{}</div>", note_block(intro));
    }
    if opts.privacy.include_notes
        && let Some(note) = portfolio.note.as_deref().filter(|s| !s.trim().is_empty())
    {
        let _ = writeln!(out, "<div class=\"note\">{}</div>", note_block(note));
    }
    out.push_str("</header>\n<main id=\"badges\">\n");
    out.push_str(
        "<section class=\"notice howto\" aria-label=\"How to check these badges\"><p>Every badge \
         below is embedded in this page with its original signed credential. The status shown \
         was checked when the page was made. To check them again, offline, run \
         <code>backpack verify-share</code> on this file.</p></section>\n",
    );
    let excluded = super::presentation::excluded_names(portfolio);
    if presentation.is_some() && !excluded.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"notice\">Open Badges 2.0 badges cannot go inside a verifiable presentation; \
             these are embedded on their own: {}.</p>",
            esc(&red.apply(&excluded.join(", ")))
        );
    }
    out.push_str("<ol class=\"badges\">\n");
    for (i, item) in portfolio.badges.iter().enumerate() {
        render_badge(&mut out, i, item, opts, &red);
    }
    out.push_str("</ol>\n</main>\n<footer><p class=\"muted\">Made with Backpack, a learner-owned badge wallet. This page loads nothing from the network.</p></footer>\n");
    for (i, item) in portfolio.badges.iter().enumerate() {
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
    Ok(out)
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
    /// The decoded bytes, or why they could not be decoded.
    pub bytes: Result<Vec<u8>, String>,
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
                bytes: B64
                    .decode(cleaned.as_bytes())
                    .map_err(|e| format!("embedded data is not valid base64: {e}")),
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
