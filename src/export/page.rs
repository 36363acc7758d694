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
use crate::localize::{Localize as _, Message, msg};
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
    /// Its embedded endorsements, as the receiver checked them now.
    pub endorsements: Vec<crate::verify::EndorsementCheck>,
}

/// One way the received page differs from what its credentials render to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct PageDifference {
    /// The badge it is about (1-based, in the page's order), if one.
    pub badge: Option<usize>,
    /// The field (`name`, `issuer`, `issued`, `status`, …), if one.
    pub field: Option<String>,
    /// What the page shows, when there is such text.
    pub page_says: Option<String>,
    /// What the credential (or the receiver's own check, or the page's own record) says.
    pub expected: Option<String>,
    /// One line, naming the badge and the field: English (the CLI's JSON, the tests), or the
    /// learner's language in a report made by [`crate::share::ShareReport::localized`].
    pub message: String,
    /// The same line as a catalog message (`chk-share-…`), to show it in the learner's
    /// language ([`crate::share::ShareReport::localized`]); not serialized.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub line: Message,
}

impl PageDifference {
    fn new(
        badge: Option<usize>,
        field: Option<String>,
        page_says: Option<String>,
        expected: Option<String>,
        line: Message,
    ) -> PageDifference {
        PageDifference {
            badge,
            field,
            page_says,
            expected,
            message: line.english(),
            line,
        }
    }
}

/// `m` as it is when its English is already inert text ([`visible`] leaves it unchanged), so
/// it can be shown in the learner's language; otherwise its English made inert, shown as
/// given (a detail with control characters, or longer than [`visible`] keeps).
pub(crate) fn visible_message(m: Message) -> Message {
    let english = m.english();
    let v = visible(&english);
    if v == english { m } else { Message::Text(v) }
}

/// An export item from an original's bytes alone: the view every receiver-side rendering uses.
pub fn item_from_original(bytes: Vec<u8>) -> Result<ExportBadge, Message> {
    let decoded = crate::decode::decode(&bytes).map_err(|e| e.message())?;
    let parsed = crate::parse::parse(&decoded).map_err(|e| e.message())?;
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
pub fn read_inputs(record: &[&EmbeddedBlock]) -> Result<PageInputs, Message> {
    let block = match record {
        [] => return Err(msg!("chk-share-page-no-record")),
        [one] => one,
        more => {
            return Err(msg!(
                "chk-share-page-records",
                n = Message::Count(more.len())
            ));
        }
    };
    let bytes = block
        .bytes
        .as_ref()
        .map_err(|e| msg!("chk-share-page-record-unreadable", detail = e))?;
    let inputs: PageInputs = serde_json::from_slice(bytes).map_err(|e| {
        msg!(
            "chk-share-page-record-not-a-record",
            detail = crate::localize::json_error(&e)
        )
    })?;
    if inputs.layout != PAGE_LAYOUT {
        return Err(msg!(
            "chk-share-page-layout",
            layout = inputs.layout.to_string(),
            ours = PAGE_LAYOUT.to_string()
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
        diffs.push(PageDifference::new(
            None,
            None,
            None,
            None,
            msg!(
                "chk-share-page-record-count",
                badges = Message::Count(inputs.badges.len()),
                credentials = Message::Count(credentials.len())
            ),
        ));
    }
    let mut items = Vec::with_capacity(credentials.len());
    let mut ctx = Vec::with_capacity(credentials.len());
    let mut shown = Vec::with_capacity(credentials.len());
    for (i, c) in credentials.into_iter().enumerate() {
        let declared = inputs
            .badges
            .get(i)
            .map_or(Status::NotChecked, |b| b.status);
        let checked = declared != Status::NotChecked;
        shown.push(BadgeShown {
            status: if checked {
                c.status
            } else {
                Status::NotChecked
            },
            issuer_label: None,
            endorsements: if checked {
                c.endorsements.clone()
            } else {
                Vec::new()
            },
        });
        let (status, signed) = (c.status, c.signed);
        let item = match item_from_original(c.bytes) {
            Ok(item) => item,
            Err(why) => {
                diffs.push(PageDifference::new(
                    Some(i + 1),
                    None,
                    None,
                    None,
                    msg!(
                        "chk-share-page-badge-unreadable",
                        n = i + 1,
                        why = visible_message(why)
                    ),
                ));
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
            fresh_words: crate::i18n::Catalog::get(inputs.lang).status(status),
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
    /// The receiver's status now, in the page's words (its language).
    fresh_words: String,
    /// Unreadable: its field differences are noise (already reported).
    skip_fields: bool,
}

/// Most differences listed for one page; the rest are counted.
const MAX_DIFFERENCES: usize = 40;

fn diagnose(page: &str, expected: &str, ctx: &[BadgeCtx], diffs: &mut Vec<PageDifference>) {
    let before = diffs.len();
    let (rr, rf) = scan(page);
    let (er, ef) = scan(expected);
    // Fields by container (the last slot: outside every container).
    let by_region = |regions: &[Region], fields: &'_ [Field]| {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); regions.len() + 1];
        for (k, f) in fields.iter().enumerate() {
            out[f.region.unwrap_or(regions.len())].push(k);
        }
        out
    };
    let (rbr, ebr) = (by_region(&rr, &rf), by_region(&er, &ef));
    // Containers by the credential they name.
    let mut named: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for r in &rr {
        if let Some(c) = &r.credential {
            named.entry(c.as_str()).or_default().push(r.index);
        }
    }
    let label = |k: usize| -> Message {
        match ctx.get(k).map(|c| c.name.trim()).filter(|n| !n.is_empty()) {
            Some(n) => msg!("chk-share-badge-named", n = k + 1, name = visible(n)),
            None => msg!("chk-share-badge", n = k + 1),
        }
    };
    // Badge containers: one per embedded credential, in order, and nothing else.
    let n = ctx.len();
    let index_of = |id: &str| -> Option<usize> {
        id.strip_prefix(CREDENTIAL_BLOCK_PREFIX)
            .filter(|d| !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<usize>().ok())
            .filter(|k| (1..=n).contains(k))
            .map(|k| k - 1)
    };
    for r in &rr {
        match &r.credential {
            None => {
                let shows = rbr[r.index]
                    .iter()
                    .map(|&k| &rf[k])
                    .find(|f| f.name == "name")
                    .map(|f| &f.text);
                pd(
                    diffs,
                    None,
                    None,
                    None,
                    None,
                    match shows {
                        Some(name) => msg!("chk-share-page-unlinked-badge-named", name = name),
                        None => msg!("chk-share-page-unlinked-badge"),
                    },
                );
            }
            Some(id) if index_of(id).is_none() => pd(
                diffs,
                None,
                None,
                None,
                None,
                msg!("chk-share-page-unknown-badge", id = visible(id)),
            ),
            Some(_) => {}
        }
    }
    let mut seen = vec![false; n];
    let firsts: Vec<usize> = rr
        .iter()
        .filter_map(|r| r.credential.as_deref().and_then(index_of))
        .filter(|&k| !std::mem::replace(&mut seen[k], true))
        .collect();
    if !firsts.windows(2).all(|w| w[0] < w[1]) {
        pd(diffs, None, None, None, None, msg!("chk-share-page-order"));
    }

    for (k, c) in ctx.iter().enumerate() {
        let id = format!("{CREDENTIAL_BLOCK_PREFIX}{}", k + 1);
        let here: Vec<&Region> = named
            .get(id.as_str())
            .map(|v| v.iter().map(|&i| &rr[i]).collect())
            .unwrap_or_default();
        let Some(er_k) = er
            .get(k)
            .filter(|r| r.credential.as_deref() == Some(id.as_str()))
        else {
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
                    msg!("chk-share-page-badge-missing", badge = label(k)),
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
                msg!(
                    "chk-share-page-badge-repeated",
                    badge = label(k),
                    n = Message::Count(n)
                ),
            ),
        }
        let r = here[0];
        if c.skip_fields {
            continue;
        }
        let got: Vec<&Field> = rbr[r.index].iter().map(|&i| &rf[i]).collect();
        let want: Vec<&Field> = ebr[er_k.index].iter().map(|&i| &ef[i]).collect();
        let field_diffs = compare_fields(&got, &want);
        let had_fields = !field_diffs.is_empty();
        for d in field_diffs {
            let (field, page_says, exp) = (d.field, d.page, d.expected);
            let source = source_phrase(&field, c, exp.as_deref());
            let what = field_words(&field);
            let badge = label(k);
            let message = match (&page_says, &exp) {
                _ if d.times.is_some() => {
                    let (g, w) = d.times.unwrap_or_default();
                    msg!(
                        "chk-share-page-field-times",
                        badge = badge,
                        field = what,
                        got = Message::Count(g),
                        want = Message::Count(w)
                    )
                }
                (Some(p), Some(e)) => msg!(
                    "chk-share-page-field-says",
                    badge = badge,
                    field = what,
                    page = p,
                    source = source,
                    expected = e
                ),
                (None, Some(e)) => msg!(
                    "chk-share-page-field-missing",
                    badge = badge,
                    field = what,
                    source = source,
                    expected = e
                ),
                (Some(p), None) if c.signed => msg!(
                    "chk-share-page-field-unsigned",
                    badge = badge,
                    field = what,
                    page = p
                ),
                (Some(p), None) => msg!(
                    "chk-share-page-field-unbacked",
                    badge = badge,
                    field = what,
                    page = p
                ),
                (None, None) => msg!("chk-share-page-field-differs", badge = badge, field = what),
            };
            pd(diffs, Some(k + 1), Some(&field), page_says, exp, message);
        }
        let got_text = &page[r.start..r.end];
        let want_text = &expected[er_k.start..er_k.end];
        if got_text != want_text {
            let tricks = trick_messages(page, r.start, r.end);
            for t in &tricks {
                pd(
                    diffs,
                    Some(k + 1),
                    None,
                    None,
                    None,
                    msg!("chk-share-page-badge-holds", badge = label(k), what = t),
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
                    msg!(
                        "chk-share-page-badge-markup",
                        badge = label(k),
                        near = snippet(got_text, at)
                    ),
                );
            }
        }
    }

    // Outside the badges: the title, introduction, notes, how-to text, footer and blocks.
    let got: Vec<&Field> = rbr[rr.len()].iter().map(|&i| &rf[i]).collect();
    let want: Vec<&Field> = ebr[er.len()].iter().map(|&i| &ef[i]).collect();
    let outside = compare_fields(&got, &want);
    let had_outside = !outside.is_empty();
    for d in outside {
        let (field, page_says, exp) = (d.field, d.page, d.expected);
        let what = field_words(&field);
        let message = match (&page_says, &exp) {
            _ if d.times.is_some() => {
                let (g, w) = d.times.unwrap_or_default();
                msg!(
                    "chk-share-page-outside-times",
                    field = what,
                    got = Message::Count(g),
                    want = Message::Count(w)
                )
            }
            (Some(p), Some(e)) => msg!(
                "chk-share-page-outside-says",
                field = what,
                page = p,
                expected = e
            ),
            (None, Some(e)) => msg!("chk-share-page-outside-missing", field = what, expected = e),
            (Some(p), None) => msg!("chk-share-page-outside-unbacked", field = what, page = p),
            (None, None) => msg!("chk-share-page-outside-differs", field = what),
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
            t.extend(trick_messages(page, from, r.0));
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
                msg!("chk-share-page-holds", what = x),
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
                msg!(
                    "chk-share-page-outside-markup",
                    near = snippet(&got_out, at)
                ),
            );
        }
    }
    if diffs.len() == before {
        let at = first_difference(page, expected);
        diffs.push(PageDifference::new(
            None,
            None,
            None,
            None,
            msg!("chk-share-page-differs-near", near = snippet(page, at)),
        ));
    }
    if diffs.len() > before + MAX_DIFFERENCES {
        let more = diffs.len() - before - MAX_DIFFERENCES;
        diffs.truncate(before + MAX_DIFFERENCES);
        diffs.push(PageDifference::new(
            None,
            None,
            None,
            None,
            msg!("chk-share-page-more", n = Message::Count(more)),
        ));
    }
}

fn pd(
    diffs: &mut Vec<PageDifference>,
    badge: Option<usize>,
    field: Option<&str>,
    page_says: Option<String>,
    expected: Option<String>,
    message: Message,
) {
    diffs.push(PageDifference::new(
        badge,
        field.map(str::to_string),
        page_says,
        expected,
        message,
    ));
}

/// Whose word a field's expected text is.
fn source_phrase(field: &str, c: &BadgeCtx, expected: Option<&str>) -> Message {
    match field {
        "status" if expected == Some(c.fresh_words.as_str()) => msg!("chk-share-says-check-now"),
        "status" | "checked" | "note" => msg!("chk-share-says-record"),
        "issuer-label" => msg!("chk-share-says-your-backpack"),
        _ if c.signed => msg!("chk-share-says-signed"),
        _ => msg!("chk-share-says-embedded"),
    }
}

/// A field id in words: every field Backpack's page marks (`data-field`) has its words in the
/// catalog (English: the words the report always used); another is the page's own id, as given.
pub(crate) fn field_words(field: &str) -> Message {
    match field {
        "issuer-id" => msg!("chk-share-field-issuer-id"),
        "issued" => msg!("chk-share-field-issued"),
        "valid-from" => msg!("chk-share-field-valid-from"),
        "expires" => msg!("chk-share-field-expires"),
        "checked" => msg!("chk-share-field-checked"),
        "credential-id" => msg!("chk-share-field-credential-id"),
        "criteria-url" => msg!("chk-share-field-criteria-url"),
        "file" => msg!("chk-share-field-file"),
        "issuer-label" => msg!("chk-share-field-issuer-label"),
        "portfolio-note" => msg!("chk-share-field-portfolio-note"),
        "name" => msg!("chk-share-field-name"),
        "issuer" => msg!("chk-share-field-issuer"),
        "status" => msg!("chk-share-field-status"),
        "description" => msg!("chk-share-field-description"),
        "criteria" => msg!("chk-share-field-criteria"),
        "alignment" => msg!("chk-share-field-alignment"),
        "result" => msg!("chk-share-field-result"),
        "evidence" => msg!("chk-share-field-evidence"),
        "note" => msg!("chk-share-field-note"),
        "title" => msg!("chk-share-field-title"),
        "intro" => msg!("chk-share-field-intro"),
        "framework" => msg!("chk-share-field-framework"),
        "skill" => msg!("chk-share-field-skill"),
        "endorsement" => msg!("chk-share-field-endorsement"),
        "recipient" => msg!("chk-share-field-recipient"),
        "type" => msg!("chk-share-field-type"),
        other => Message::Text(visible(other)),
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
    let mut texts: std::collections::HashMap<&str, (Vec<&String>, Vec<&String>)> =
        std::collections::HashMap::new();
    for (side, fs) in [(0, want), (1, got)] {
        for f in fs {
            let e = texts.entry(f.name.as_str()).or_insert_with(|| {
                names.push(f.name.as_str());
                (Vec::new(), Vec::new())
            });
            if side == 0 { &mut e.1 } else { &mut e.0 }.push(&f.text);
        }
    }
    for name in names {
        let (g, w) = &texts[name];
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
            for (a, b) in g.iter().zip(w) {
                if a != b {
                    diff(Some(a), Some(b), None);
                }
            }
        } else if g.is_empty() {
            for b in w {
                diff(None, Some(b), None);
            }
        } else {
            let wset: std::collections::HashSet<&String> = w.iter().copied().collect();
            let gset: std::collections::HashSet<&String> = g.iter().copied().collect();
            let odd: Vec<&&String> = g.iter().filter(|a| !wset.contains(**a)).collect();
            if odd.is_empty() {
                diff(
                    g.first().copied(),
                    w.first().copied(),
                    Some((g.len(), w.len())),
                );
            }
            for a in odd {
                diff(
                    Some(a),
                    if w.len() == 1 {
                        w.first().copied()
                    } else {
                        None
                    },
                    None,
                );
            }
            for b in w.iter().filter(|b| !gset.contains(**b)) {
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

/// Most badge containers and fields read back from one page (diagnostics only).
const MAX_SCANNED: usize = 100_000;
/// Deepest element nesting followed (diagnostics only).
const MAX_DEPTH: usize = 256;
/// Most source bytes of one field turned into its text.
const MAX_FIELD_SOURCE: usize = 8 * 1024;

/// An element still open during [`scan`].
struct Open {
    name: String,
    /// The field it carries: (index in the field list, start of its content).
    field: Option<(usize, usize)>,
    /// It is the open badge container.
    region: bool,
}

/// One linear pass over a page: every outermost `<article …>` (ASCII case-insensitive) as a
/// badge container, and every element carrying `data-field` with its text and the container
/// it is in. Lenient like a browser (a close tag closes what is open inside it; what is
/// never closed ends at the end of the page), and bounded (see the constants above), so a
/// hostile page costs time in proportion to its size.
fn scan(html: &str) -> (Vec<Region>, Vec<Field>) {
    let mut regions: Vec<Region> = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut current: Option<usize> = None;
    let close = |o: Open,
                 content_end: usize,
                 tag_end: usize,
                 fields: &mut Vec<Field>,
                 regions: &mut Vec<Region>,
                 current: &mut Option<usize>| {
        if let Some((k, start)) = o.field {
            let mut end = content_end.min(start + MAX_FIELD_SOURCE).max(start);
            while !html.is_char_boundary(end) {
                end -= 1;
            }
            fields[k].text = text_of(&html[start..end]);
        }
        if o.region
            && let Some(r) = current.take()
        {
            regions[r].end = tag_end;
        }
    };
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let lt = i + off;
        let rest = &html[lt + 1..];
        if rest.starts_with("!--") {
            i = html[lt..].find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let tag_end = html[lt..].find('>').map_or(html.len(), |e| lt + e + 1);
        let tag = &html[lt..tag_end];
        i = tag_end.max(lt + 1);
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if closing {
            if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                while stack.len() > pos {
                    if let Some(o) = stack.pop() {
                        close(o, lt, tag_end, &mut fields, &mut regions, &mut current);
                    }
                }
            }
            continue;
        }
        let region = name == "article" && current.is_none() && regions.len() < MAX_SCANNED;
        if region {
            current = Some(regions.len());
            regions.push(Region {
                index: regions.len(),
                credential: attr(tag, "data-credential"),
                start: lt,
                end: html.len(),
            });
        }
        let field = match attr(tag, "data-field") {
            Some(f) if fields.len() < MAX_SCANNED => {
                fields.push(Field {
                    region: current,
                    name: f,
                    text: String::new(),
                });
                Some((fields.len() - 1, tag_end))
            }
            _ => None,
        };
        let open = Open {
            name: name.clone(),
            field,
            region,
        };
        if VOID.contains(&name.as_str()) || tag.ends_with("/>") || stack.len() >= MAX_DEPTH {
            close(
                open,
                tag_end,
                tag_end,
                &mut fields,
                &mut regions,
                &mut current,
            );
        } else {
            stack.push(open);
        }
        // Raw text: a script's or stylesheet's body is not markup.
        if name == "script" || name == "style" {
            i = find_ci(html, &format!("</{name}"), i).unwrap_or(html.len());
        }
    }
    while let Some(o) = stack.pop() {
        close(
            o,
            html.len(),
            html.len(),
            &mut fields,
            &mut regions,
            &mut current,
        );
    }
    (regions, fields)
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
#[cfg(test)]
fn tricks(html: &str, from: usize, to: usize) -> Vec<String> {
    trick_messages(html, from, to)
        .iter()
        .map(Message::english)
        .collect()
}

/// What in `html[from..to]` Backpack never writes, as catalog messages.
fn trick_messages(html: &str, from: usize, to: usize) -> Vec<Message> {
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
    let mut found: Vec<Message> = Vec::new();
    let mut note = |s: Message| {
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
            note(msg!("chk-share-trick-comment"));
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
            note(msg!("chk-share-trick-element", name = visible(&name)));
            continue;
        }
        if closing || name == "!doctype" {
            continue;
        }
        if name == "style" {
            styles += 1;
            if styles > 1 {
                note(msg!("chk-share-trick-second-stylesheet"));
            }
            let body_end = find_ci(region, "</style", i).unwrap_or(region.len());
            if styles == 1 && &region[i.min(body_end)..body_end] != html::stylesheet() {
                note(msg!("chk-share-trick-changed-stylesheet"));
            }
        }
        if name == "script" && attr(tag, "type").as_deref() != Some("application/octet-stream") {
            note(msg!("chk-share-trick-script"));
        }
        for a in attr_names(tag) {
            match a.as_str() {
                "style" => note(msg!("chk-share-trick-style-attribute")),
                "hidden" => note(msg!("chk-share-trick-hidden-attribute")),
                a if a.starts_with("on") => {
                    note(msg!("chk-share-trick-event-handler", name = visible(a)));
                }
                a if !ATTRS.contains(&a) => {
                    note(msg!("chk-share-trick-attribute", name = visible(a)));
                }
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
        let (r, f) = scan(html);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].credential.as_deref(), Some("bp-credential-1"));
        assert_eq!(r[1].credential, None);
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
    fn hostile_markup_costs_time_in_proportion_to_its_size() {
        // Deep nesting with no close, many fields, stylesheets that never end: the kind of
        // page that makes a naive "find the matching close tag" scanner quadratic.
        let mut page = String::from("<!DOCTYPE html>");
        for _ in 0..40_000 {
            page.push_str(
                "<article data-credential=\"bp-credential-1\"><span data-field=\"name\">x",
            );
        }
        for _ in 0..40_000 {
            page.push_str("</article>");
        }
        for _ in 0..40_000 {
            page.push_str("<style>h2{}");
        }
        let t = std::time::Instant::now();
        let (r, f) = scan(&page);
        assert_eq!(r.len(), 1, "nested containers: the outermost only");
        assert_eq!(f.len(), 40_000);
        let ctx = [BadgeCtx {
            name: "Teamwork".into(),
            signed: true,
            fresh_words: "Verified".into(),
            skip_fields: false,
        }];
        let expected = "<!DOCTYPE html><article data-credential=\"bp-credential-1\">\
                        <span data-field=\"name\">Teamwork</span></article>";
        let mut diffs = Vec::new();
        diagnose(&page, expected, &ctx, &mut diffs);
        assert!(!diffs.is_empty() && diffs.len() <= MAX_DIFFERENCES + 1);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(10),
            "{:?}",
            t.elapsed()
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
