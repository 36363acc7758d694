//! The receiver's half of "a portfolio's visible text is bound to what verifies" (issue 12):
//! compare a received HTML portfolio with the page Backpack renders from the credentials
//! embedded in it.
//!
//! The check is byte for byte. [`check_page`] renders the page again with
//! [`html::render_page`] from each embedded original (parsed here, never read from the page's
//! text), the receiver's own fresh status for each, and the sender's recorded words and
//! choices ([`html::PageInputs`], the page's `bp-page` block), and the received page must be
//! exactly that rendering. So any extra element, comment, `<template>`, style, hidden text or
//! moved badge fails, whatever a browser would make of it.
//!
//! When the page differs, the fields marked `data-field` inside each badge's
//! `<article data-credential="bp-credential-N">` are read back from both pages to say *what*
//! differs ("name: the page says 'Doctor of Medicine', the signed credential says
//! 'Teamwork'"), and the page's tags are scanned for what Backpack never writes (`hidden`,
//! `style`, `<template>`, comments, scripts). That reading only words the report: it never
//! decides whether the page passes, so a page that fools it still fails.
//!
//! What is not bound to a credential is the sender's own: the title, introduction and notes
//! (shown as the sender's words), the export date and when the sender's wallet last checked
//! each badge. A page that says "Not checked" for a badge claims nothing about it; any other
//! status word must be the one the receiver's own check gives now.

use serde::Serialize;

use super::ExportBadge;
use super::html::{
    self, BadgeShown, CREDENTIAL_BLOCK_PREFIX, EmbeddedBlock, PAGE_LAYOUT, PageInputs,
};
use crate::model::{Badge, Container, Format};
use crate::verify::Status;

/// One credential as the receiver checked it.
#[derive(Debug, Clone)]
pub struct ReceivedCredential {
    /// Its bytes, exactly as embedded (dropped when the check is done).
    pub bytes: Vec<u8>,
    /// The receiver's own status for it, now.
    pub status: Status,
    /// True when its signature verified (the page's text is then compared with a *signed*
    /// credential, and the report says so).
    pub signed: bool,
}

/// One way the received page differs from what its credentials render to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageDifference {
    /// The badge it is about (1-based, in the page's order), if one.
    pub badge: Option<usize>,
    /// The field (`name`, `issuer`, `issued`, `status`, …), if one.
    pub field: Option<String>,
    /// What the page shows, when there is such text.
    pub page_says: Option<String>,
    /// What the credential (or the receiver's own check, or the page's own record) says.
    pub expected: Option<String>,
    /// One line, naming the badge and the field.
    pub message: String,
}

/// An export item from an original's bytes alone: the view every receiver-side rendering uses.
pub fn item_from_original(bytes: Vec<u8>) -> Result<ExportBadge, String> {
    let decoded = crate::decode::decode(&bytes).map_err(|e| e.to_string())?;
    let parsed = crate::parse::parse(&decoded).map_err(|e| e.to_string())?;
    Ok(ExportBadge {
        wallet_id: String::new(),
        payload: decoded.payload.text().to_string(),
        container: decoded.container,
        format: parsed.format,
        badge: parsed.badge,
        original: bytes,
        report: None,
        note: None,
    })
}

/// The page's record of the sender's words and choices, from its `bp-page` block(s).
pub fn read_inputs(record: &[&EmbeddedBlock]) -> Result<PageInputs, String> {
    const TRUST: &str = "what the page shows cannot be compared with its credentials; \
                         trust only what Backpack lists from the credentials";
    let block = match record {
        [] => {
            return Err(format!(
                "the page has no record of how it was made (no bp-page block): it was made by \
                 an older Backpack, or edited; {TRUST}"
            ));
        }
        [one] => one,
        more => {
            return Err(format!(
                "the page has {} bp-page blocks, not one",
                more.len()
            ));
        }
    };
    let bytes = block
        .bytes
        .as_ref()
        .map_err(|e| format!("the page's bp-page block is unreadable: {e}"))?;
    let inputs: PageInputs = serde_json::from_slice(bytes)
        .map_err(|e| format!("the page's bp-page block is not a page record: {e}"))?;
    if inputs.layout != PAGE_LAYOUT {
        return Err(format!(
            "the page was made with page layout {}, and this Backpack renders layout \
             {PAGE_LAYOUT}; {TRUST}",
            inputs.layout
        ));
    }
    Ok(inputs)
}

/// Compare `page` (the received page, BOM and CRLF already normalised) with the page rendered
/// from `inputs`, the credentials (in block order) and `presentation` (the page's own
/// presentation block). Empty when they are the same, byte for byte.
pub fn check_page(
    page: &str,
    inputs: &PageInputs,
    credentials: Vec<ReceivedCredential>,
    presentation: Option<&[u8]>,
) -> Vec<PageDifference> {
    let mut diffs = Vec::new();
    if inputs.badges.len() != credentials.len() {
        diffs.push(PageDifference {
            badge: None,
            field: None,
            page_says: None,
            expected: None,
            message: format!(
                "the page's record lists {} badge(s), but the page embeds {} credential(s)",
                inputs.badges.len(),
                credentials.len()
            ),
        });
    }
    let mut items = Vec::with_capacity(credentials.len());
    let mut ctx = Vec::with_capacity(credentials.len());
    let mut shown = Vec::with_capacity(credentials.len());
    for (i, c) in credentials.into_iter().enumerate() {
        let declared = inputs
            .badges
            .get(i)
            .map_or(Status::NotChecked, |b| b.status);
        shown.push(BadgeShown {
            status: if declared == Status::NotChecked {
                Status::NotChecked
            } else {
                c.status
            },
            issuer_label: None,
        });
        let (status, signed) = (c.status, c.signed);
        let item = match item_from_original(c.bytes) {
            Ok(item) => item,
            Err(why) => {
                diffs.push(PageDifference {
                    badge: Some(i + 1),
                    field: None,
                    page_says: None,
                    expected: None,
                    message: format!(
                        "badge {}: its embedded credential cannot be read ({}), so nothing the \
                         page shows about it is backed by a credential",
                        i + 1,
                        visible(&why)
                    ),
                });
                ExportBadge {
                    wallet_id: String::new(),
                    original: Vec::new(),
                    container: Container::Json,
                    format: Format::Ob3Json,
                    badge: Badge::default(),
                    payload: String::new(),
                    report: None,
                    note: None,
                }
            }
        };
        ctx.push(BadgeCtx {
            name: item.badge.name.clone(),
            signed,
            fresh: status,
            skip_fields: item.original.is_empty() && item.payload.is_empty(),
        });
        items.push(item);
    }
    let expected = html::render_page(inputs, &items, &shown, presentation);
    drop(items);
    if expected == page && diffs.is_empty() {
        return diffs;
    }
    if expected != page {
        diagnose(page, &expected, &ctx, &mut diffs);
    }
    diffs
}

/// What the messages need to know about one badge.
struct BadgeCtx {
    /// The credential's name.
    name: String,
    /// Its signature verified.
    signed: bool,
    /// The receiver's status now.
    fresh: Status,
    /// Unreadable: its field differences are noise (already reported).
    skip_fields: bool,
}

/// Most differences listed for one page; the rest are counted.
const MAX_DIFFERENCES: usize = 40;

fn diagnose(page: &str, expected: &str, ctx: &[BadgeCtx], diffs: &mut Vec<PageDifference>) {
    let before = diffs.len();
    let rr = regions(page);
    let er = regions(expected);
    let rf = all_fields(page, &rr);
    let ef = all_fields(expected, &er);
    let label = |k: usize| -> String {
        match ctx.get(k).map(|c| c.name.trim()).filter(|n| !n.is_empty()) {
            Some(n) => format!("badge {} (\"{}\")", k + 1, visible(n)),
            None => format!("badge {}", k + 1),
        }
    };
    // Badge containers: one per embedded credential, in order, and nothing else.
    let ids: Vec<String> = (1..=ctx.len())
        .map(|n| format!("{CREDENTIAL_BLOCK_PREFIX}{n}"))
        .collect();
    for r in &rr {
        match &r.credential {
            None => {
                let shows = rf
                    .iter()
                    .find(|f| f.region == Some(r.index) && f.name == "name")
                    .map(|f| format!(": \"{}\"", f.text))
                    .unwrap_or_default();
                pd(
                    diffs,
                    None,
                    None,
                    None,
                    None,
                    format!(
                        "the page shows a badge that names no embedded credential{shows}; \
                         Backpack shows every badge with its credential"
                    ),
                );
            }
            Some(id) if !ids.contains(id) => pd(
                diffs,
                None,
                None,
                None,
                None,
                format!(
                    "the page shows a badge for \"{}\", which is not a credential embedded in it",
                    visible(id)
                ),
            ),
            Some(_) => {}
        }
    }
    let order: Vec<usize> = rr
        .iter()
        .filter_map(|r| ids.iter().position(|id| Some(id) == r.credential.as_ref()))
        .collect();
    let mut firsts = order.clone();
    firsts.dedup();
    let mut seen = Vec::new();
    firsts.retain(|k| {
        let new = !seen.contains(k);
        seen.push(*k);
        new
    });
    if !firsts.windows(2).all(|w| w[0] < w[1]) {
        pd(
            diffs,
            None,
            None,
            None,
            None,
            "the page shows the badges in another order than their embedded credentials \
             (a badge was moved)"
                .into(),
        );
    }

    for (k, id) in ids.iter().enumerate() {
        let here: Vec<&Region> = rr
            .iter()
            .filter(|r| r.credential.as_ref() == Some(id))
            .collect();
        let Some(er_k) = er.iter().find(|r| r.credential.as_ref() == Some(id)) else {
            continue;
        };
        match here.len() {
            0 => {
                pd(
                    diffs,
                    Some(k + 1),
                    None,
                    None,
                    None,
                    format!("{}: the page does not show it", label(k)),
                );
                continue;
            }
            1 => {}
            n => pd(
                diffs,
                Some(k + 1),
                None,
                None,
                None,
                format!("{}: the page shows it {n} times", label(k)),
            ),
        }
        let r = here[0];
        let c = &ctx[k];
        if c.skip_fields {
            continue;
        }
        let got: Vec<&Field> = rf.iter().filter(|f| f.region == Some(r.index)).collect();
        let want: Vec<&Field> = ef.iter().filter(|f| f.region == Some(er_k.index)).collect();
        let field_diffs = compare_fields(&got, &want);
        let had_fields = !field_diffs.is_empty();
        for d in field_diffs {
            let (field, page_says, exp) = (d.field, d.page, d.expected);
            let source = source_phrase(&field, c, exp.as_deref());
            let what = field_words(&field);
            let message = match (&page_says, &exp) {
                _ if d.times.is_some() => {
                    let (g, w) = d.times.unwrap_or_default();
                    format!(
                        "{}, {what}: the page shows it {g} times, Backpack shows it {w} time(s)",
                        label(k)
                    )
                }
                (Some(p), Some(e)) => {
                    format!("{}, {what}: the page says '{p}', {source} '{e}'", label(k))
                }
                (None, Some(e)) => format!(
                    "{}, {what}: missing from the page ({source} '{e}')",
                    label(k)
                ),
                (Some(p), None) => format!(
                    "{}, {what}: the page shows '{p}', which {}",
                    label(k),
                    if c.signed {
                        "the signed credential does not say"
                    } else {
                        "the embedded credential does not say"
                    }
                ),
                (None, None) => format!("{}, {what}: differs", label(k)),
            };
            pd(diffs, Some(k + 1), Some(&field), page_says, exp, message);
        }
        let got_text = &page[r.start..r.end];
        let want_text = &expected[er_k.start..er_k.end];
        if got_text != want_text {
            let tricks = tricks(page, r.start, r.end);
            for t in &tricks {
                pd(
                    diffs,
                    Some(k + 1),
                    None,
                    None,
                    None,
                    format!(
                        "{}: the page holds {t}, which Backpack never writes",
                        label(k)
                    ),
                );
            }
            if tricks.is_empty() && !had_fields {
                let at = first_difference(got_text, want_text);
                pd(
                    diffs,
                    Some(k + 1),
                    None,
                    None,
                    None,
                    format!(
                        "{}: the page's markup for it is not what its credential renders to \
                         (extra or changed content near «{}»)",
                        label(k),
                        snippet(got_text, at)
                    ),
                );
            }
        }
    }

    // Outside the badges: the title, introduction, notes, how-to text, footer and blocks.
    let got: Vec<&Field> = rf.iter().filter(|f| f.region.is_none()).collect();
    let want: Vec<&Field> = ef.iter().filter(|f| f.region.is_none()).collect();
    let outside = compare_fields(&got, &want);
    let had_outside = !outside.is_empty();
    for d in outside {
        let (field, page_says, exp) = (d.field, d.page, d.expected);
        let what = field_words(&field);
        let message = match (&page_says, &exp) {
            _ if d.times.is_some() => {
                let (g, w) = d.times.unwrap_or_default();
                format!("{what}: the page shows it {g} times, Backpack shows it {w} time(s)")
            }
            (Some(p), Some(e)) => {
                format!("{what}: the page says '{p}', the page's own record says '{e}'")
            }
            (None, Some(e)) => {
                format!("{what}: missing from the page (the page's own record says '{e}')")
            }
            (Some(p), None) => format!("the page shows a {what} '{p}' that its record does not"),
            (None, None) => format!("{what}: differs"),
        };
        pd(diffs, None, Some(&field), page_says, exp, message);
    }
    let got_out = outside_text(page, &rr);
    let want_out = outside_text(expected, &er);
    if got_out != want_out {
        let mut t = Vec::new();
        let mut from = 0;
        for r in rr
            .iter()
            .map(|r| (r.start, r.end))
            .chain([(page.len(), page.len())])
        {
            t.extend(tricks(page, from, r.0));
            from = r.1;
        }
        t.dedup();
        for x in &t {
            pd(
                diffs,
                None,
                None,
                None,
                None,
                format!("the page holds {x}, which Backpack never writes"),
            );
        }
        if t.is_empty() && !had_outside && diffs.len() == before {
            let at = first_difference(&got_out, &want_out);
            pd(
                diffs,
                None,
                None,
                None,
                None,
                format!(
                    "the page outside the badges is not what Backpack writes (extra or changed \
                     content near «{}»)",
                    snippet(&got_out, at)
                ),
            );
        }
    }
    if diffs.len() == before {
        let at = first_difference(page, expected);
        diffs.push(PageDifference {
            badge: None,
            field: None,
            page_says: None,
            expected: None,
            message: format!(
                "the page is not what Backpack renders from its credentials (it differs near «{}»)",
                snippet(page, at)
            ),
        });
    }
    if diffs.len() > before + MAX_DIFFERENCES {
        let more = diffs.len() - before - MAX_DIFFERENCES;
        diffs.truncate(before + MAX_DIFFERENCES);
        diffs.push(PageDifference {
            badge: None,
            field: None,
            page_says: None,
            expected: None,
            message: format!("… and {more} more difference(s)"),
        });
    }
}

fn pd(
    diffs: &mut Vec<PageDifference>,
    badge: Option<usize>,
    field: Option<&str>,
    page_says: Option<String>,
    expected: Option<String>,
    message: String,
) {
    diffs.push(PageDifference {
        badge,
        field: field.map(str::to_string),
        page_says,
        expected,
        message,
    });
}

/// Whose word a field's expected text is.
fn source_phrase(field: &str, c: &BadgeCtx, expected: Option<&str>) -> &'static str {
    match field {
        "status" if expected == Some(c.fresh.label()) => "checking its credential now gives",
        "status" | "checked" | "note" => "the page's own record says",
        "issuer-label" => "your Backpack says",
        _ if c.signed => "the signed credential says",
        _ => "the embedded credential says",
    }
}

/// A field id in words.
fn field_words(field: &str) -> String {
    match field {
        "issuer-id" => "issuer id".into(),
        "issued" => "issue date".into(),
        "valid-from" => "valid-from date".into(),
        "expires" => "expiry date".into(),
        "checked" => "check date".into(),
        "credential-id" => "credential id".into(),
        "criteria-url" => "criteria page".into(),
        "file" => "file name".into(),
        "issuer-label" => "issuer label".into(),
        "portfolio-note" => "portfolio note".into(),
        other => visible(other),
    }
}

/// One field that differs.
struct FieldDiff {
    /// The field id.
    field: String,
    /// What the page says (one of the copies), if anything.
    page: Option<String>,
    /// What it should say, if anything.
    expected: Option<String>,
    /// (times on the page, times expected) when the count differs.
    times: Option<(usize, usize)>,
}

/// Compare two pages' fields of one region, name by name (in order, with repeats).
fn compare_fields(got: &[&Field], want: &[&Field]) -> Vec<FieldDiff> {
    let mut out: Vec<FieldDiff> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for f in want.iter().chain(got) {
        if !names.contains(&f.name.as_str()) {
            names.push(&f.name);
        }
    }
    for name in names {
        let texts = |fs: &[&Field]| -> Vec<String> {
            fs.iter()
                .filter(|f| f.name == name)
                .map(|f| f.text.clone())
                .collect()
        };
        let (g, w) = (texts(got), texts(want));
        if g == w {
            continue;
        }
        let mut diff = |page: Option<&String>, expected: Option<&String>, times| {
            out.push(FieldDiff {
                field: name.to_string(),
                page: page.cloned(),
                expected: expected.cloned(),
                times,
            });
        };
        if g.len() == w.len() {
            for (a, b) in g.iter().zip(&w) {
                if a != b {
                    diff(Some(a), Some(b), None);
                }
            }
        } else if g.is_empty() {
            for b in &w {
                diff(None, Some(b), None);
            }
        } else {
            let odd: Vec<&String> = g.iter().filter(|a| !w.contains(a)).collect();
            if odd.is_empty() {
                diff(g.first(), w.first(), Some((g.len(), w.len())));
            }
            for a in odd {
                diff(Some(a), if w.len() == 1 { w.first() } else { None }, None);
            }
            for b in w.iter().filter(|b| !g.contains(b)) {
                diff(None, Some(b), None);
            }
        }
    }
    out
}

/// A badge container: an `<article>` and the credential it names.
struct Region {
    index: usize,
    credential: Option<String>,
    start: usize,
    end: usize,
}

/// A `data-field` element's text.
struct Field {
    region: Option<usize>,
    name: String,
    text: String,
}

/// Every `<article …>…</article>` (ASCII case-insensitive), outermost only.
fn regions(html: &str) -> Vec<Region> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = find_tag(html, "article", from) {
        let tag_end = html[start..]
            .find('>')
            .map_or(html.len(), |e| start + e + 1);
        let credential = attr(&html[start..tag_end], "data-credential");
        let end = matching_close(html, "article", tag_end);
        out.push(Region {
            index: out.len(),
            credential,
            start,
            end,
        });
        from = end.max(start + 1);
    }
    out
}

/// Every element carrying `data-field`, with its text and the region it is in.
fn all_fields(html: &str, regions: &[Region]) -> Vec<Field> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(off) = find_ci(html, "data-field=", from) {
        from = off + 1;
        let Some(lt) = html[..off].rfind('<') else {
            continue;
        };
        if html[lt..off].contains('>') {
            continue; // in text, not in a tag
        }
        let tag_end = html[off..].find('>').map_or(html.len(), |e| off + e + 1);
        let tag = &html[lt..tag_end];
        let Some(name) = attr(tag, "data-field") else {
            continue;
        };
        let element: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let close = if element.is_empty() || VOID.contains(&element.as_str()) {
            tag_end
        } else {
            matching_close_start(html, &element, tag_end)
        };
        let text = text_of(&html[tag_end..close.max(tag_end)]);
        out.push(Field {
            region: regions
                .iter()
                .find(|r| r.start <= lt && lt < r.end)
                .map(|r| r.index),
            name,
            text,
        });
    }
    out
}

const VOID: [&str; 6] = ["br", "img", "meta", "input", "hr", "link"];

/// The text a reader sees of some markup: tags dropped, entities decoded, whitespace collapsed.
fn text_of(inner: &str) -> String {
    let mut raw = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => {
                in_tag = true;
                raw.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => raw.push(c),
            _ => {}
        }
    }
    visible(&unescape(&raw))
}

/// Decode the entities [`html::esc`] writes, and numeric ones.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..semi];
        let ch = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "amp" => Some('&'),
            "nbsp" => Some('\u{a0}'),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text safe to show on one line of a terminal or in the app: control, bidi and other
/// invisible format characters replaced by U+FFFD, whitespace collapsed, at most 160
/// characters.
pub fn visible(s: &str) -> String {
    clean(s, Some(160))
}

/// [`visible`] without the length limit.
pub fn one_line(s: &str) -> String {
    clean(s, None)
}

fn clean(s: &str, max: Option<usize>) -> String {
    let mut out = String::new();
    let mut space = false;
    let mut n = 0;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
            n += 1;
        }
        let invisible = c.is_control()
            || matches!(c,
                '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}');
        out.push(if invisible { '\u{fffd}' } else { c });
        n += 1;
        if max.is_some_and(|m| n >= m) {
            out.push('…');
            break;
        }
    }
    out
}

/// The page with every badge container cut out (what is outside the badges).
fn outside_text(html: &str, regions: &[Region]) -> String {
    let mut out = String::new();
    let mut from = 0;
    for r in regions {
        out.push_str(&html[from..r.start]);
        out.push_str("<article/>");
        from = r.end;
    }
    out.push_str(&html[from..]);
    out
}

/// Byte offset of the first difference.
fn first_difference(a: &str, b: &str) -> usize {
    a.bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

/// Some visible text around byte `at` of `s`.
fn snippet(s: &str, at: usize) -> String {
    let mut a = at.saturating_sub(24).min(s.len());
    while !s.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at + 56).min(s.len());
    while !s.is_char_boundary(b) {
        b += 1;
    }
    visible(&s[a..b])
}

/// What in `html[from..to]` Backpack never writes: elements, attributes, comments.
fn tricks(html: &str, from: usize, to: usize) -> Vec<String> {
    const TAGS: [&str; 28] = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2",
        "h3", "p", "div", "main", "section", "code", "ol", "ul", "li", "article", "img", "span",
        "dl", "dt", "dd", "strong", "br",
    ];
    const MORE_TAGS: [&str; 2] = ["footer", "script"];
    const ATTRS: [&str; 23] = [
        "lang",
        "charset",
        "http-equiv",
        "content",
        "name",
        "class",
        "href",
        "id",
        "aria-label",
        "aria-labelledby",
        "src",
        "alt",
        "role",
        "data-credential",
        "data-field",
        "type",
        "data-file",
        "data-format",
        "data-sha256",
        "data-media-type",
        "rel",
        "tabindex",
        "title",
    ];
    let mut found: Vec<String> = Vec::new();
    let mut note = |s: String| {
        if !found.contains(&s) && found.len() < 8 {
            found.push(s);
        }
    };
    let region = &html[from..to.min(html.len())];
    let mut i = 0;
    let mut styles = 0;
    while let Some(off) = region[i..].find('<') {
        let start = i + off;
        let rest = &region[start + 1..];
        if rest.starts_with("!--") {
            note("an HTML comment".into());
            i = start + 4;
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        let tag_end = rest.find('>').map_or(region.len(), |e| start + 1 + e + 1);
        let tag = &region[start..tag_end];
        i = tag_end.max(start + 1);
        if name.is_empty() {
            continue;
        }
        if !TAGS.contains(&name.as_str()) && !MORE_TAGS.contains(&name.as_str()) {
            note(format!("a <{}> element", visible(&name)));
            continue;
        }
        if closing || name == "!doctype" {
            continue;
        }
        if name == "style" {
            styles += 1;
            if styles > 1 {
                note("a second stylesheet".into());
            }
            let body_end = find_ci(region, "</style", i).unwrap_or(region.len());
            if styles == 1 && &region[i.min(body_end)..body_end] != html::stylesheet() {
                note("a changed stylesheet (it can hide or restyle text)".into());
            }
        }
        if name == "script" && attr(tag, "type").as_deref() != Some("application/octet-stream") {
            note("a script that a browser could run".into());
        }
        for a in attr_names(tag) {
            match a.as_str() {
                "style" => note("a style attribute (it can hide or restyle text)".into()),
                "hidden" => note("a hidden attribute (it hides text)".into()),
                a if a.starts_with("on") => note(format!("an event handler ({})", visible(a))),
                a if !ATTRS.contains(&a) => note(format!("a {} attribute", visible(a))),
                _ => {}
            }
        }
        // Raw-text elements: their bodies are not markup.
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            match find_ci(region, &close, i) {
                Some(c) => i = c,
                None => break,
            }
        }
    }
    found
}

/// The attribute names of a start tag (lower-cased).
fn attr_names(tag: &str) -> Vec<String> {
    let body = tag.trim_start_matches('<').trim_end_matches('>');
    let body = body.trim_end_matches('/');
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    // Skip the element name.
    while let Some((_, c)) = chars.peek() {
        if c.is_whitespace() {
            break;
        }
        chars.next();
    }
    loop {
        while chars
            .peek()
            .is_some_and(|(_, c)| c.is_whitespace() || *c == '/')
        {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&(_, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' || c == '/' {
                break;
            }
            name.push(c.to_ascii_lowercase());
            chars.next();
        }
        if name.is_empty() {
            if chars.next().is_none() {
                break;
            }
            continue;
        }
        out.push(name);
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_some_and(|(_, c)| *c == '=') {
            chars.next();
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
            }
            match chars.peek().map(|(_, c)| *c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                    }
                }
                _ => {
                    while chars.peek().is_some_and(|(_, c)| !c.is_whitespace()) {
                        chars.next();
                    }
                }
            }
        }
    }
    out
}

/// A double- or single-quoted attribute's value in a start tag, entities decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(off) = find_ci(tag, name, from) {
        from = off + 1;
        let before = tag[..off].chars().last();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = tag[off + name.len()..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let q = rest.chars().next()?;
        if q != '"' && q != '\'' {
            let v: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>')
                .collect();
            return Some(unescape(&v));
        }
        let end = rest[1..].find(q)?;
        return Some(unescape(&rest[1..1 + end]));
    }
    None
}

/// Start of the next `<name` tag (followed by whitespace, `>` or `/`), case-insensitive.
fn find_tag(html: &str, name: &str, from: usize) -> Option<usize> {
    let pat = format!("<{name}");
    let mut at = from;
    while let Some(p) = find_ci(html, &pat, at) {
        let next = html.as_bytes().get(p + pat.len()).copied();
        if next.is_none_or(|b| b.is_ascii_whitespace() || b == b'>' || b == b'/') {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

/// Start of the close tag matching an element of `name` opened before `from` (nesting
/// counted); the end of `html` when there is none.
fn matching_close_start(html: &str, name: &str, from: usize) -> usize {
    let close = format!("</{name}");
    let mut depth = 1;
    let mut at = from;
    loop {
        let next_close = find_ci(html, &close, at);
        let next_open = find_tag(html, name, at);
        match (next_open, next_close) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                at = o + 1;
            }
            (_, Some(c)) => {
                depth -= 1;
                if depth == 0 {
                    return c;
                }
                at = c + 1;
            }
            (_, None) => return html.len(),
        }
    }
}

/// End (after `>`) of the close tag matching an element of `name` opened before `from`.
fn matching_close(html: &str, name: &str, from: usize) -> usize {
    let c = matching_close_start(html, name, from);
    html[c..].find('>').map_or(html.len(), |e| c + e + 1)
}

/// ASCII case-insensitive `find` from byte `from` (`needle` is ASCII, so a match starts on a
/// character boundary).
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || from >= h.len() || h.len() - from < n.len() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    let mut i = from;
    while i + n.len() <= h.len() {
        let pos = h[i..=h.len() - n.len()]
            .iter()
            .position(|b| b.to_ascii_lowercase() == first)?;
        let p = i + pos;
        if h[p..p + n.len()].eq_ignore_ascii_case(n) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_regions() {
        let html = "<h1 data-field=\"title\">T &amp; U</h1><ARTICLE class=\"badge\" \
                    data-credential=\"bp-credential-1\"><h2 data-field=\"name\">A<br>b</h2>\
                    <span data-field=\"issuer\"><span>X</span> Y</span></ARTICLE>\
                    <article><h2 data-field=\"name\">Fake</h2></article>";
        let r = regions(html);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].credential.as_deref(), Some("bp-credential-1"));
        assert_eq!(r[1].credential, None);
        let f = all_fields(html, &r);
        let got: Vec<(Option<usize>, &str, &str)> = f
            .iter()
            .map(|f| (f.region, f.name.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (None, "title", "T & U"),
                (Some(0), "name", "A b"),
                (Some(0), "issuer", "X Y"),
                (Some(1), "name", "Fake"),
            ]
        );
    }

    #[test]
    fn finds_what_backpack_never_writes() {
        let html = "<p class=\"x\">a</p><!-- c --><template><span hidden>b</span></template>\
                    <span style=\"display:none\" onclick=\"x()\">c</span><script>1</script>";
        assert_eq!(
            tricks(html, 0, html.len()),
            [
                "an HTML comment",
                "a <template> element",
                "a hidden attribute (it hides text)",
                "a style attribute (it can hide or restyle text)",
                "an event handler (onclick)",
                "a script that a browser could run",
            ]
        );
    }

    #[test]
    fn visible_text_is_inert() {
        assert_eq!(
            visible("a\u{1b}[2J\u{202e}b \n\t c"),
            "a\u{fffd}[2J\u{fffd}b c"
        );
        assert_eq!(
            unescape("&lt;b&gt; &#39;&#x41;&amp;&bogus;"),
            "<b> 'A&&bogus;"
        );
    }
}
