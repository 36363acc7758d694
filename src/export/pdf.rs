//! PDF export: a cover page listing the collection, then one page per badge (continued on
//! further pages when a badge's text is long). Written with `pdf-writer` (small, pure Rust,
//! maintained by the typst project; `printpdf` drags in a much larger tree) using the
//! standard Helvetica fonts in WinAnsi encoding, so no font file is embedded.
//!
//! PNG badge images are decoded (bounded by [`crate::limits::MAX_FILE_BYTES`] of pixels),
//! flattened onto white and embedded as a Flate image. SVG images are not rasterised: a
//! labelled placeholder box is drawn instead. A PDF carries no original credential, so it
//! cannot be re-verified; the cover says so and points to the HTML/ZIP export.
//!
//! The same privacy choices apply as for the HTML page (evidence, notes, dates, emails).

use std::io::Write as _;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};

use super::html::{badge_image, pretty_date, status_words};
use super::privacy::{REDACTED_EMAIL, Redactor};
use super::{ExportBadge, ExportError, ExportOptions, Portfolio};
use crate::model::IdentityKind;

const W: f32 = 595.0; // A4
const H: f32 = 842.0;
const MARGIN: f32 = 56.0;
const IMG: f32 = 140.0;
/// Largest decoded badge image embedded in a PDF (bytes of pixels); larger ones get the
/// placeholder box.
const MAX_PIXEL_BYTES: u64 = 64 * 1024 * 1024;

/// Text in WinAnsi (Windows-1252) bytes: Latin-1 passes through, common typographic
/// punctuation is mapped, anything else becomes `?`.
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{2026}' => 0x85,
            '\u{20ac}' => 0x80,
            '\t' | '\n' | '\r' => b' ',
            _ => b'?',
        })
        .collect()
}

/// Greedy word wrap at an approximate Helvetica advance of 0.52 em per character.
fn wrap(s: &str, size: f32, width: f32) -> Vec<String> {
    let max = ((width / (size * 0.52)) as usize).max(8);
    let mut lines = Vec::new();
    for para in s.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word = word.to_string();
            while word.chars().count() > max {
                let head: String = word.chars().take(max).collect();
                word = word.chars().skip(max).collect();
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(head);
            }
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

struct Image {
    id: Ref,
    name: String,
}

struct PageOut {
    content: Content,
    images: Vec<Image>,
}

/// Lays out text top-down, starting a new page when one is full.
struct Writer {
    pages: Vec<PageOut>,
    y: f32,
}

impl Writer {
    fn new() -> Writer {
        let mut w = Writer {
            pages: Vec::new(),
            y: 0.0,
        };
        w.new_page();
        w
    }

    fn new_page(&mut self) {
        self.pages.push(PageOut {
            content: Content::new(),
            images: Vec::new(),
        });
        self.y = H - MARGIN;
    }

    fn page(&mut self) -> &mut PageOut {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn line(&mut self, text: &str, font: &[u8], size: f32, x: f32) {
        if self.y - size < MARGIN {
            self.new_page();
        }
        self.y -= size * 1.35;
        let y = self.y;
        let bytes = win_ansi(text);
        let c = &mut self.page().content;
        c.begin_text();
        c.set_font(Name(font), size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        c.end_text();
    }

    fn para(&mut self, text: &str, font: &[u8], size: f32, x: f32) {
        for l in wrap(text, size, W - MARGIN - x) {
            self.line(&l, font, size, x);
        }
    }

    fn gap(&mut self, h: f32) {
        self.y -= h;
    }
}

fn decode_png_rgb(bytes: &[u8]) -> Option<(u32, u32, Vec<u8>)> {
    let mut dec = png::Decoder::new_with_limits(
        std::io::Cursor::new(bytes),
        png::Limits {
            bytes: crate::limits::MAX_FILE_BYTES as usize,
        },
    );
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().ok()?;
    // A hostile header can claim huge dimensions: refuse before allocating.
    let need = reader.output_buffer_size()?;
    if need as u64 > MAX_PIXEL_BYTES {
        return None;
    }
    let mut buf = vec![0; need];
    let info = reader.next_frame(&mut buf).ok()?;
    let px = buf.get(..info.buffer_size())?;
    let (w, h) = (info.width, info.height);
    let rgb: Vec<u8> = match info.color_type {
        png::ColorType::Rgb => px.to_vec(),
        png::ColorType::Rgba => px
            .chunks_exact(4)
            .flat_map(|p| {
                let a = u16::from(p[3]);
                let f = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
                [f(p[0]), f(p[1]), f(p[2])]
            })
            .collect(),
        png::ColorType::Grayscale => px.iter().flat_map(|&g| [g, g, g]).collect(),
        png::ColorType::GrayscaleAlpha => px
            .chunks_exact(2)
            .flat_map(|p| {
                let a = u16::from(p[1]);
                let g = ((u16::from(p[0]) * a + 255 * (255 - a)) / 255) as u8;
                [g, g, g]
            })
            .collect(),
        png::ColorType::Indexed => return None,
    };
    (rgb.len() == (w as usize) * (h as usize) * 3).then_some((w, h, rgb))
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

struct PendingImage {
    id: Ref,
    w: u32,
    h: u32,
    data: Vec<u8>,
}

fn badge_page(
    wr: &mut Writer,
    item: &ExportBadge,
    opts: &ExportOptions<'_>,
    red: &Redactor,
    next_ref: &mut impl FnMut() -> Ref,
    pending: &mut Vec<PendingImage>,
) {
    wr.new_page();
    let b = &item.badge;
    let top = wr.y;
    // Image box at the top right.
    let (ix, iy) = (W - MARGIN - IMG, top - IMG);
    let img = badge_image(item);
    let mut drew = false;
    if let Some((mime, bytes)) = &img
        && mime == "image/png"
        && let Some((w, h, rgb)) = decode_png_rgb(bytes)
    {
        let id = next_ref();
        let name = format!("Im{}", id.get());
        let scale = IMG / (w.max(h) as f32);
        let (dw, dh) = (w as f32 * scale, h as f32 * scale);
        let page = wr.page();
        page.content.save_state();
        page.content.transform([
            dw,
            0.0,
            0.0,
            dh,
            ix + (IMG - dw) / 2.0,
            iy + (IMG - dh) / 2.0,
        ]);
        page.content.x_object(Name(name.as_bytes()));
        page.content.restore_state();
        page.images.push(Image { id, name });
        pending.push(PendingImage {
            id,
            w,
            h,
            data: deflate(&rgb),
        });
        drew = true;
    }
    if !drew {
        let label = match &img {
            Some((m, _)) if m == "image/svg+xml" => "SVG image (see HTML export)",
            Some(_) => "image not shown",
            None => "no image",
        };
        let label = win_ansi(label);
        let c = &mut wr.page().content;
        c.set_line_width(1.0);
        c.rect(ix, iy, IMG, IMG);
        c.stroke();
        c.begin_text();
        c.set_font(Name(b"F1"), 8.0);
        c.next_line(ix + 8.0, iy + IMG / 2.0);
        c.show(Str(&label));
        c.end_text();
    }
    let text_w_x = MARGIN;
    let name = red.apply(if b.name.trim().is_empty() {
        "Untitled badge"
    } else {
        &b.name
    });
    // Title and key facts to the left of the image.
    for l in wrap(&name, 20.0, W - 2.0 * MARGIN - IMG - 16.0) {
        wr.line(&l, b"F2", 20.0, text_w_x);
    }
    let (_, words) = status_words(item);
    let checked = item
        .report
        .as_ref()
        .map(|r| format!(" (checked {})", pretty_date(&r.checked_at)))
        .unwrap_or_default();
    wr.line(
        &format!("Status at export: {words}{checked}"),
        b"F2",
        10.0,
        text_w_x,
    );
    if let Some(n) = &b.issuer.name {
        wr.line(&format!("Issuer: {}", red.apply(n)), b"F1", 10.0, text_w_x);
    }
    if let Some(id) = &b.issuer.id {
        for l in wrap(
            &format!("Issuer id: {}", red.apply(id)),
            8.0,
            W - 2.0 * MARGIN - IMG - 16.0,
        ) {
            wr.line(&l, b"F1", 8.0, text_w_x);
        }
    }
    if opts.privacy.include_dates {
        if let Some(d) = &b.issued {
            wr.line(
                &format!("Issued: {}", pretty_date(d)),
                b"F1",
                10.0,
                text_w_x,
            );
        }
        if let Some(d) = &b.valid_until {
            wr.line(
                &format!("Expires: {}", pretty_date(d)),
                b"F1",
                10.0,
                text_w_x,
            );
        }
    }
    for r in &b.recipients {
        let v = match (&r.kind, r.hashed) {
            (_, true) => "hashed identity".to_string(),
            (IdentityKind::Email, false) if red.is_hidden(&r.identity) => REDACTED_EMAIL.into(),
            _ => r.identity.clone(),
        };
        wr.line(&format!("Recipient: {v}"), b"F1", 10.0, text_w_x);
    }
    wr.line(
        &format!("Open Badges {} ({})", b.spec_version, item.format.as_str()),
        b"F1",
        10.0,
        text_w_x,
    );
    if wr.y > top - IMG - 12.0 {
        wr.y = top - IMG - 12.0;
    }
    wr.gap(8.0);
    if let Some(d) = &b.description {
        wr.para(&red.apply(d), b"F1", 11.0, MARGIN);
        wr.gap(6.0);
    }
    if let Some(c) = &b.criteria
        && (c.narrative.is_some() || c.url.is_some())
    {
        wr.line("Criteria", b"F2", 12.0, MARGIN);
        if let Some(t) = &c.narrative {
            wr.para(&red.apply(t), b"F1", 10.0, MARGIN);
        }
        if let Some(u) = &c.url {
            wr.para(&format!("Criteria page: {u}"), b"F1", 9.0, MARGIN);
        }
        wr.gap(6.0);
    }
    if !b.alignments.is_empty() {
        wr.line("Skills and alignments", b"F2", 12.0, MARGIN);
        for a in &b.alignments {
            let mut s = red.apply(a.target_name.as_deref().unwrap_or("(unnamed)"));
            if let Some(f) = &a.target_framework {
                s.push_str(&format!(" ({})", red.apply(f)));
            }
            wr.para(&format!("\u{2022} {s}"), b"F1", 10.0, MARGIN + 8.0);
        }
        wr.gap(6.0);
    }
    if !b.results.is_empty() {
        wr.line("Results", b"F2", 12.0, MARGIN);
        for r in &b.results {
            let parts: Vec<String> = [&r.label, &r.value, &r.status, &r.achieved_level]
                .into_iter()
                .flatten()
                .map(|s| red.apply(s))
                .collect();
            wr.para(
                &format!("\u{2022} {}", parts.join(" \u{2022} ")),
                b"F1",
                10.0,
                MARGIN + 8.0,
            );
        }
        wr.gap(6.0);
    }
    if opts.privacy.include_evidence && !b.evidence.is_empty() {
        wr.line("Evidence", b"F2", 12.0, MARGIN);
        for e in &b.evidence {
            let s: Vec<String> = [&e.name, &e.description, &e.narrative, &e.id]
                .into_iter()
                .flatten()
                .map(|s| red.apply(s))
                .collect();
            wr.para(
                &format!("\u{2022} {}", s.join(" \u{2014} ")),
                b"F1",
                10.0,
                MARGIN + 8.0,
            );
        }
        wr.gap(6.0);
    }
    if opts.privacy.include_notes
        && let Some(n) = item.note.as_deref().filter(|n| !n.trim().is_empty())
    {
        wr.line("My note", b"F2", 12.0, MARGIN);
        wr.para(n, b"F1", 10.0, MARGIN);
        wr.gap(6.0);
    }
    if let Some(id) = &b.id {
        wr.para(
            &format!("Credential id: {}", red.apply(id)),
            b"F1",
            8.0,
            MARGIN,
        );
    }
}

/// Render the portfolio as a PDF.
pub fn render(portfolio: &Portfolio, opts: &ExportOptions<'_>) -> Result<Vec<u8>, ExportError> {
    let red = Redactor::new(portfolio, &opts.privacy);
    let mut wr = Writer::new();
    let title = if portfolio.title.trim().is_empty() {
        "My badges".to_string()
    } else {
        red.apply(&portfolio.title)
    };
    for l in wrap(&title, 26.0, W - 2.0 * MARGIN) {
        wr.line(&l, b"F2", 26.0, MARGIN);
    }
    wr.line(
        &format!(
            "{} badge{} \u{2022} exported {} with Backpack",
            portfolio.badges.len(),
            if portfolio.badges.len() == 1 { "" } else { "s" },
            pretty_date(&opts.exported_at.to_rfc3339())
        ),
        b"F1",
        11.0,
        MARGIN,
    );
    wr.gap(10.0);
    if let Some(i) = portfolio.intro.as_deref().filter(|s| !s.trim().is_empty()) {
        wr.para(i, b"F1", 11.0, MARGIN);
        wr.gap(8.0);
    }
    if opts.privacy.include_notes
        && let Some(n) = portfolio.note.as_deref().filter(|s| !s.trim().is_empty())
    {
        wr.para(n, b"F1", 11.0, MARGIN);
        wr.gap(8.0);
    }
    wr.line("Badges in this collection", b"F2", 14.0, MARGIN);
    for (i, item) in portfolio.badges.iter().enumerate() {
        let b = &item.badge;
        let mut s = format!("{}. {}", i + 1, red.apply(&b.name));
        if let Some(n) = &b.issuer.name {
            s.push_str(&format!(" \u{2014} {}", red.apply(n)));
        }
        if opts.privacy.include_dates
            && let Some(d) = &b.issued
        {
            s.push_str(&format!(" \u{2014} {}", pretty_date(d)));
        }
        s.push_str(&format!(" \u{2014} {}", status_words(item).1));
        wr.para(&s, b"F1", 11.0, MARGIN + 8.0);
    }
    wr.gap(14.0);
    wr.para(
        "This PDF is for reading and printing. It does not carry the signed credentials: to \
         re-verify these badges, ask for the HTML or ZIP export and run backpack verify-share on it.",
        b"F3",
        9.0,
        MARGIN,
    );

    let mut n = 10;
    let mut next_ref = || {
        n += 1;
        Ref::new(n)
    };
    let mut pending = Vec::new();
    for item in &portfolio.badges {
        badge_page(&mut wr, item, opts, &red, &mut next_ref, &mut pending);
    }

    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let (f1, f2, f3) = (Ref::new(3), Ref::new(4), Ref::new(5));
    let info = Ref::new(6);
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    let mut page_ids = Vec::new();
    let mut contents = Vec::new();
    for _ in &wr.pages {
        page_ids.push(next_ref());
        contents.push(next_ref());
    }
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    for ((page, &pid), &cid) in wr.pages.into_iter().zip(&page_ids).zip(&contents) {
        let mut p = pdf.page(pid);
        p.media_box(Rect::new(0.0, 0.0, W, H));
        p.parent(tree);
        p.contents(cid);
        {
            let mut res = p.resources();
            {
                let mut fonts = res.fonts();
                fonts.pair(Name(b"F1"), f1);
                fonts.pair(Name(b"F2"), f2);
                fonts.pair(Name(b"F3"), f3);
            }
            if !page.images.is_empty() {
                let mut xo = res.x_objects();
                for im in &page.images {
                    xo.pair(Name(im.name.as_bytes()), im.id);
                }
            }
        }
        p.finish();
        pdf.stream(cid, &page.content.finish());
    }
    for (id, base) in [
        (f1, &b"Helvetica"[..]),
        (f2, b"Helvetica-Bold"),
        (f3, b"Helvetica-Oblique"),
    ] {
        pdf.type1_font(id)
            .base_font(Name(base))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    for im in &pending {
        let mut x = pdf.image_xobject(im.id, &im.data);
        x.filter(Filter::FlateDecode);
        x.width(im.w as i32);
        x.height(im.h as i32);
        x.color_space().device_rgb();
        x.bits_per_component(8);
        x.finish();
    }
    let title_bytes = win_ansi(&title);
    pdf.document_info(info)
        .title(pdf_writer::TextStr(&String::from_utf8_lossy(&title_bytes)))
        .producer(pdf_writer::TextStr("Backpack"));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_maps() {
        assert_eq!(win_ansi("a’é☃"), vec![b'a', 0x92, 0xe9, b'?']);
        let l = wrap(
            "one two three four five six seven eight nine ten",
            10.0,
            60.0,
        );
        assert!(
            l.len() > 1 && l.iter().all(|x| x.chars().count() <= 11),
            "{l:?}"
        );
        assert_eq!(wrap("x".repeat(30).as_str(), 10.0, 41.6).len(), 4);
    }
}
