//! PDF export: a printable portfolio that carries its own proof.
//!
//! - A cover page (title, introduction, export date, the list of badges with their status,
//!   and how to check them), then one page per badge (continued when its text is long) with
//!   every field the HTML page shows: name, image, status words with the reason, issuer and
//!   its id, dates, recipient (as the privacy choices allow), type, credential id,
//!   description, criteria, skills and alignments, results, evidence, endorsements with their
//!   own status, the learner's note.
//! - **The original credentials ride along**: each badge's original file is attached to the
//!   PDF as an embedded file (ISO 32000-1 §7.11.4, the document's `EmbeddedFiles` name tree),
//!   byte for byte, named like the ZIP bundle's originals (`01-teamwork.json`), its
//!   description carrying the SHA-256. `backpack verify-share file.pdf`
//!   ([`crate::share`], reader in [`super::pdf_read`]) verifies them like an HTML or ZIP export.
//! - **A QR code** where the badge has a public address of its own: its id (or, for a hosted
//!   Open Badges 2.0 assertion, the URL it was imported from) when that is an `https://` URL.
//!   Without the network we cannot know whether an address resolves, so the rule is by form
//!   only: https ids get a code; `urn:`, `did:`, `http:` and anything else never do
//!   ([`public_url`]). A badge without one says how to check it instead.
//! - Written with `krilla` (typst's PDF library): Unicode fonts from the system, embedded and
//!   subset ([`super::pdf_fonts`]); complex scripts shaped and right-to-left text ordered
//!   ([`super::pdf_text`]); SVG badge images drawn as vectors with `krilla-svg` (no file or
//!   network access from the SVG), PNG images decoded under a pixel cap; text selectable;
//!   a tagged PDF (title, language, headings, paragraphs, figures with alt text; decoration
//!   marked as artifacts) for screen readers.
//!
//! The same privacy choices apply as for the HTML page (evidence, notes, dates, emails, and
//! the optional skills summary on the cover). The
//! printed words are a copy: a receiver checks the attached credentials, never the print.

use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::color::rgb;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::image::Image as KImage;
use krilla::metadata::{DateTime as KDateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, Node as TagNode, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::html::{badge_image, export_status};
use super::pdf_fonts::{Fonts, fonts};
use super::pdf_text::{Line, iso, layout, layout_ltr, strip_bidi_controls};
use super::privacy::{REDACTED_EMAIL, Redactor};
use super::{ExportBadge, ExportError, ExportOptions, Portfolio, original_file_name, sha256_hex};
use crate::i18n::{Arg, Catalog, Lang};
use crate::model::{Container, Format, IdentityKind};
use crate::verify::Status;

const W: f32 = 595.28; // A4
const H: f32 = 841.89;
const M: f32 = 54.0;
const IMG: f32 = 118.0;
const QR: f32 = 92.0;
/// Largest decoded badge image embedded (bytes of RGBA pixels); larger ones are not drawn.
const MAX_PIXEL_BYTES: u64 = 64 * 1024 * 1024;
/// Largest SVG badge image drawn.
const MAX_SVG_BYTES: usize = 4 * 1024 * 1024;
/// Longest URL put in a QR code.
const MAX_QR_URL: usize = 512;

const INK: (u8, u8, u8) = (0x1b, 0x1b, 0x1f);
const MUTED: (u8, u8, u8) = (0x50, 0x50, 0x5a);
const LINE: (u8, u8, u8) = (0xc8, 0xc8, 0xd2);

/// The colour of a status, as on the HTML page.
fn status_colour(s: Status) -> (u8, u8, u8) {
    match s {
        Status::Verified => (0x0b, 0x6b, 0x3a),
        Status::Invalid | Status::Expired | Status::Revoked | Status::Unreadable => {
            (0xa1, 0x12, 0x1b)
        }
        _ => (0x7a, 0x4d, 0x00),
    }
}

/// The badge's own public address, if it has one: an `https://` URL (ASCII, no spaces, a
/// host) that is the credential's id, or the URL a hosted OB 2.0 assertion came from. Never a
/// `urn:`, `did:` or plain `http:` id: whether an address resolves cannot be known offline,
/// so only the form is judged.
pub fn public_url(item: &ExportBadge) -> Option<String> {
    let candidate = match (item.container, item.format) {
        (Container::Url, _) => Some(item.payload.trim()),
        (_, Format::Ob2Hosted) => item.badge.id.as_deref().or(Some(item.payload.trim())),
        _ => item.badge.id.as_deref(),
    }?;
    let rest = candidate.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let ok = !host.is_empty()
        && !host.contains('@')
        && candidate.len() <= MAX_QR_URL
        && candidate.chars().all(|c| c.is_ascii_graphic());
    ok.then(|| candidate.to_string())
}

/// What is drawn, where, and which tag it belongs to.
enum Draw {
    Text {
        line: Line,
        x: f32,
        baseline: f32,
        size: f32,
        colour: (u8, u8, u8),
        group: usize,
    },
    Image {
        image: KImage,
        rect: Rect,
        group: usize,
    },
    Svg {
        tree: Box<usvg::Tree>,
        rect: Rect,
        group: usize,
    },
    /// Filled rectangles (QR modules): part of a figure.
    Modules { rects: Vec<Rect>, group: usize },
    /// Decoration: a stroked rectangle or rule, an artifact.
    Frame { rect: Rect, colour: (u8, u8, u8) },
    /// A running header on a continued badge page ("<name> (continued)"), an artifact.
    Header { line: Line },
}

/// A node of the tag tree being built.
struct GroupSpec {
    kind: Option<TagKind>,
    children: Vec<Child>,
}

enum Child {
    Group(usize),
    /// The identifier of drawn content, filled in while drawing: (page, index in page).
    Content(usize, usize),
}

/// Lays the document out top-down into pages of [`Draw`]s.
struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Draw>>,
    y: f32,
    groups: Vec<GroupSpec>,
    missing: Vec<char>,
    images: Images,
    /// The badge being laid out, for the header of its continued pages.
    continuing: Option<String>,
}

const ROOT: usize = 0;

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: M,
            groups: vec![GroupSpec {
                kind: None,
                children: Vec::new(),
            }],
            missing: Vec::new(),
            images: Images::default(),
            continuing: None,
        }
    }

    fn group(&mut self, kind: impl Into<TagKind>, parent: usize) -> usize {
        let id = self.groups.len();
        self.groups.push(GroupSpec {
            kind: Some(kind.into()),
            children: Vec::new(),
        });
        self.groups[parent].children.push(Child::Group(id));
        id
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = M;
    }

    fn ensure(&mut self, h: f32) {
        if self.y + h > H - M - 14.0 && self.y > M + 1.0 {
            self.new_page();
            if let Some(name) = self.continuing.clone() {
                let text = format!("{} (continued)", iso(&name));
                if let Some(line) = layout_ltr(&text, self.fonts, 9.0, W - 2.0 * M, false)
                    .into_iter()
                    .next()
                {
                    self.push(Draw::Header { line });
                }
                self.y += 22.0;
            }
        }
    }

    fn push(&mut self, d: Draw) {
        let group = match &d {
            Draw::Text { group, .. }
            | Draw::Image { group, .. }
            | Draw::Svg { group, .. }
            | Draw::Modules { group, .. } => Some(*group),
            Draw::Frame { .. } | Draw::Header { .. } => None,
        };
        let page = self.pages.len() - 1;
        let idx = self.pages[page].len();
        self.pages[page].push(d);
        if let Some(g) = group {
            self.groups[g].children.push(Child::Content(page, idx));
        }
    }

    fn note_missing(&mut self, text: &str, bold: bool) {
        for c in text.chars() {
            if !super::pdf_text::is_neutral(c)
                && !self.missing.contains(&c)
                && self.missing.len() < 32
                && self.fonts.covering(c, bold).is_none()
            {
                self.missing.push(c);
            }
        }
    }

    /// A paragraph of `text` at `x`, `width` wide, in its own tag group of `kind`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        text: &str,
        x: f32,
        width: f32,
        size: f32,
        bold: bool,
        colour: (u8, u8, u8),
        group: usize,
    ) {
        self.text_dir(text, x, width, size, bold, colour, group, false);
    }

    /// [`Layout::text`]; `ltr`: a line Backpack composes around badge text, always left to right.
    #[allow(clippy::too_many_arguments)]
    fn text_dir(
        &mut self,
        text: &str,
        x: f32,
        width: f32,
        size: f32,
        bold: bool,
        colour: (u8, u8, u8),
        group: usize,
        ltr: bool,
    ) {
        self.note_missing(text, bold);
        let lines = if ltr {
            // Composed: its badge pieces are already isolated with `iso`.
            layout_ltr(text, self.fonts, size, width, bold)
        } else {
            layout(&strip_bidi_controls(text), self.fonts, size, width, bold)
        };
        let lh = size * 1.38;
        for line in lines {
            self.ensure(lh);
            let dx = if line.rtl { width - line.width } else { 0.0 };
            let baseline = self.y + size * 1.02;
            self.push(Draw::Text {
                line,
                x: x + dx.max(0.0),
                baseline,
                size,
                colour,
                group,
            });
            self.y += lh;
        }
    }

    fn para(
        &mut self,
        kind: impl Into<TagKind>,
        parent: usize,
        text: &str,
        size: f32,
        bold: bool,
        colour: (u8, u8, u8),
    ) {
        let g = self.group(kind, parent);
        self.text(text, M, W - 2.0 * M, size, bold, colour, g);
    }

    fn heading(&mut self, level: u16, parent: usize, text: &str) {
        let size = match level {
            1 => 24.0,
            2 => 17.0,
            _ => 11.5,
        };
        self.ensure(size * 3.2);
        self.y += if level >= 3 { 8.0 } else { 4.0 };
        let lvl = NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN);
        let g = self.group(Tag::Hn(lvl, Some(text.to_string())), parent);
        self.text(text, M, W - 2.0 * M, size, true, INK, g);
        self.y += 2.0;
    }

    /// A "label: value" row, the value wrapped beside its label.
    fn row(&mut self, parent: usize, label: &str, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        let g = self.group(Tag::P, parent);
        let size = 9.5;
        self.ensure(size * 1.4);
        let top = self.y;
        self.text(label, M, 96.0, size, true, MUTED, g);
        let after_label = self.y;
        self.y = top;
        self.text(value, M + 100.0, W - 2.0 * M - 100.0, size, false, INK, g);
        // A label that wrapped further than its value (long label, short value).
        if self.pages.last().is_some_and(|p| !p.is_empty()) && after_label > self.y {
            self.y = after_label;
        }
        self.y += 1.5;
    }

    fn bullet(&mut self, parent: usize, text: &str) {
        let g = self.group(Tag::P, parent);
        self.text_dir(
            &format!("\u{2022} {text}"),
            M + 8.0,
            W - 2.0 * M - 8.0,
            10.0,
            false,
            INK,
            g,
            true,
        );
    }

    fn gap(&mut self, h: f32) {
        self.y += h;
    }
}

/// A PNG decoded to RGBA under the pixel cap (a hostile header can claim huge dimensions).
fn decode_png_rgba(bytes: &[u8]) -> Option<(u32, u32, Vec<u8>)> {
    let mut dec = png::Decoder::new_with_limits(
        std::io::Cursor::new(bytes),
        png::Limits {
            bytes: MAX_PIXEL_BYTES as usize,
        },
    );
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().ok()?;
    let need = reader.output_buffer_size()?;
    if need as u64 > MAX_PIXEL_BYTES {
        return None;
    }
    let mut buf = vec![0; need];
    let info = reader.next_frame(&mut buf).ok()?;
    let px = buf.get(..info.buffer_size())?;
    let (w, h) = (info.width, info.height);
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => px.to_vec(),
        png::ColorType::Rgb => px
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Grayscale => px.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => px
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Indexed => return None,
    };
    (w > 0 && h > 0 && rgba.len() == (w as usize) * (h as usize) * 4).then_some((w, h, rgba))
}

/// Longest side, in pixels, of a badge image as embedded: 118 pt at about 220 dpi. Larger
/// images are reduced (box filter), which keeps the file small and the export fast.
const MAX_IMAGE_SIDE: u32 = 360;

/// `rgba` reduced by a whole factor so that its longest side is at most [`MAX_IMAGE_SIDE`],
/// averaging each box of pixels (colours weighted by their alpha, so edges keep no dark fringe).
fn downscale(w: u32, h: u32, rgba: Vec<u8>) -> (u32, u32, Vec<u8>) {
    let f = w.max(h).div_ceil(MAX_IMAGE_SIDE);
    if f <= 1 {
        return (w, h, rgba);
    }
    let (nw, nh) = (w.div_ceil(f), h.div_ceil(f));
    let mut out = vec![0u8; (nw * nh * 4) as usize];
    for ny in 0..nh {
        for nx in 0..nw {
            let (mut r, mut g, mut b, mut a, mut n) = (0u64, 0u64, 0u64, 0u64, 0u64);
            for y in ny * f..((ny + 1) * f).min(h) {
                let row = (y * w) as usize * 4;
                for x in nx * f..((nx + 1) * f).min(w) {
                    let i = row + x as usize * 4;
                    let pa = u64::from(rgba[i + 3]);
                    r += u64::from(rgba[i]) * pa;
                    g += u64::from(rgba[i + 1]) * pa;
                    b += u64::from(rgba[i + 2]) * pa;
                    a += pa;
                    n += 1;
                }
            }
            let o = ((ny * nw + nx) * 4) as usize;
            if let (Some(r), Some(g), Some(b)) =
                (r.checked_div(a), g.checked_div(a), b.checked_div(a))
            {
                out[o] = r as u8;
                out[o + 1] = g as u8;
                out[o + 2] = b as u8;
            }
            out[o + 3] = (a / n.max(1)) as u8;
        }
    }
    (nw, nh, out)
}

/// Badge images of one export, by the SHA-256 of their bytes: a picture several badges share
/// is decoded, reduced and compressed once.
#[derive(Default)]
struct Images(std::collections::HashMap<String, Option<(KImage, u32, u32)>>);

impl Images {
    fn png(&mut self, bytes: &[u8]) -> Option<(KImage, u32, u32)> {
        self.0
            .entry(sha256_hex(bytes))
            .or_insert_with(|| {
                let (w, h, rgba) = decode_png_rgba(bytes)?;
                let (w, h, rgba) = downscale(w, h, rgba);
                Some((KImage::from_rgba8(rgba, w, h), w, h))
            })
            .clone()
    }
}

/// Every raster inside an SVG is a PNG that decodes under the cap (krilla decodes rasters
/// only when it writes the file, where a failure would fail the whole export).
fn svg_rasters_ok(g: &usvg::Group, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    let mut ok = true;
    for node in g.children() {
        match node {
            usvg::Node::Group(sub) => ok &= svg_rasters_ok(sub, depth + 1),
            usvg::Node::Image(img) => {
                ok &= match img.kind() {
                    usvg::ImageKind::PNG(data) => decode_png_rgba(data).is_some(),
                    usvg::ImageKind::SVG(tree) => svg_rasters_ok(tree.root(), depth + 1),
                    _ => false,
                }
            }
            _ => {}
        }
        node.subroots(|s| ok &= svg_rasters_ok(s, depth + 1));
        if !ok {
            return false;
        }
    }
    ok
}

fn parse_svg(bytes: &[u8], fonts: &Fonts) -> Option<usvg::Tree> {
    if bytes.len() > MAX_SVG_BYTES {
        return None;
    }
    let opts = usvg::Options {
        // Nothing outside the SVG: no files, no network; embedded data: images only.
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        fontdb: fonts.database(),
        font_family: "Noto Sans".into(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &opts).ok()?;
    let s = tree.size();
    (s.width() > 0.0 && s.height() > 0.0 && svg_rasters_ok(tree.root(), 0)).then_some(tree)
}

/// The badge image placed in `rect` (aspect kept), or `None` when it cannot be drawn.
fn image_draw(
    item: &ExportBadge,
    rect: Rect,
    group: usize,
    fonts: &Fonts,
    images: &mut Images,
) -> Option<Draw> {
    let (mime, bytes) = badge_image(item)?;
    let fit = |w: f32, h: f32| {
        let scale = (rect.width() / w).min(rect.height() / h);
        let (dw, dh) = (w * scale, h * scale);
        Rect::from_xywh(
            rect.left() + (rect.width() - dw) / 2.0,
            rect.top() + (rect.height() - dh) / 2.0,
            dw,
            dh,
        )
    };
    match mime.as_str() {
        "image/png" => {
            let (image, w, h) = images.png(&bytes)?;
            Some(Draw::Image {
                image,
                rect: fit(w as f32, h as f32)?,
                group,
            })
        }
        "image/svg+xml" => {
            let tree = parse_svg(&bytes, fonts)?;
            let s = tree.size();
            Some(Draw::Svg {
                rect: fit(s.width(), s.height())?,
                tree: Box::new(tree),
                group,
            })
        }
        _ => None,
    }
}

fn qr_modules(url: &str, x: f32, y: f32, size: f32) -> Option<Vec<Rect>> {
    let code =
        qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M).ok()?;
    let n = code.width();
    let quiet = 4usize;
    let unit = size / (n + 2 * quiet) as f32;
    let colours = code.to_colors();
    let mut rects = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colours[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colours[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                rects.push(Rect::from_xywh(
                    x + (quiet + start) as f32 * unit,
                    y + (quiet + row) as f32 * unit,
                    (col - start) as f32 * unit,
                    unit,
                )?);
            } else {
                col += 1;
            }
        }
    }
    Some(rects)
}

fn mime_of(item: &ExportBadge) -> &'static str {
    match item.container {
        Container::Png => "image/png",
        Container::Svg => "image/svg+xml",
        Container::Json => "application/json",
        Container::Jws => "application/jwt",
        Container::Url => "text/plain",
    }
}

/// The description of an attachment: what it is and its SHA-256 (the receiver compares).
pub fn attachment_description(n: usize, item: &ExportBadge) -> String {
    format!(
        "Original credential of badge {n} ({}), unchanged. SHA-256 {}",
        item.format.as_str(),
        sha256_hex(&item.original)
    )
}

fn badge_pages(
    l: &mut Layout<'_>,
    i: usize,
    item: &ExportBadge,
    opts: &ExportOptions<'_>,
    red: &Redactor,
    c: &Catalog,
) {
    let b = &item.badge;
    let n = i + 1;
    l.continuing = None;
    l.new_page();
    let art = l.group(Tag::Article, ROOT);
    let untitled = c.t("export-untitled");
    let name = red.apply(if b.name.trim().is_empty() {
        &untitled
    } else {
        &b.name
    });
    // The image, top right.
    let top = l.y;
    let img_rect = Rect::from_xywh(W - M - IMG, top, IMG, IMG);
    let fig = l.group(
        Tag::Figure(Some(
            c.msg("export-image-alt", &[("name", name.as_str().into())]),
        )),
        art,
    );
    let drawn = img_rect.and_then(|r| image_draw(item, r, fig, l.fonts, &mut l.images));
    match drawn {
        Some(d) => l.push(d),
        None => {
            if let Some(r) = img_rect {
                l.push(Draw::Frame {
                    rect: r,
                    colour: LINE,
                });
                let why = c.t(match badge_image(item) {
                    Some(_) => "export-image-not-shown",
                    None => "export-no-image",
                });
                let save = l.y;
                l.y = top + IMG / 2.0 - 8.0;
                let w = super::pdf_text::width(&why, l.fonts, 9.0, false);
                l.text(
                    &why,
                    r.left() + (IMG - w) / 2.0,
                    IMG,
                    9.0,
                    false,
                    MUTED,
                    fig,
                );
                l.y = save;
            }
        }
    }
    // Name and status, left of the image.
    let side = W - 2.0 * M - IMG - 18.0;
    let h = l.group(
        Tag::Hn(NonZeroU16::MIN.saturating_add(1), Some(name.clone())),
        art,
    );
    l.text(&name, M, side, 18.0, true, INK, h);
    l.gap(4.0);
    let status = export_status(item);
    let words = c.status(status);
    let checked = match item
        .report
        .as_ref()
        .filter(|_| status != Status::NotChecked)
    {
        Some(r) => c.msg("pdf-checked-on", &[("date", c.date(&r.checked_at).into())]),
        None => c.t("pdf-not-checked"),
    };
    let p = l.group(Tag::P, art);
    l.text(&words, M, side, 12.0, true, status_colour(status), p);
    l.text(&checked, M, side, 9.0, false, MUTED, p);
    if status != Status::Verified
        && let Some(r) = &item.report
        && !r.reason.trim().is_empty()
    {
        l.text_dir(
            &c.msg("pdf-why", &[("reason", iso(&red.apply(&r.reason)).into())]),
            M,
            side,
            9.0,
            false,
            INK,
            p,
            true,
        );
    }
    if l.y < top + IMG + 10.0 {
        l.y = top + IMG + 10.0;
    }
    l.continuing = Some(name.clone());
    if let Some(d) = &b.description {
        l.para(Tag::P, art, &red.apply(d), 10.5, false, INK);
        l.gap(6.0);
    }
    // Facts, as the HTML page's definition list.
    let facts = l.group(Tag::Div, art);
    let mut issuer = b
        .issuer
        .name
        .as_deref()
        .map(|s| red.apply(s))
        .unwrap_or_default();
    if let Some(id) = &b.issuer.id {
        if !issuer.is_empty() {
            issuer.push('\n');
        }
        issuer.push_str(&red.apply(id));
    }
    l.row(facts, &c.t("export-issuer"), &issuer);
    if opts.privacy.include_dates {
        for (label, v) in [
            ("export-issued", &b.issued),
            ("export-valid-from", &b.valid_from),
            ("export-expires", &b.valid_until),
        ] {
            if let Some(v) = v
                && !(label == "export-valid-from" && b.issued.as_ref() == Some(v))
            {
                l.row(facts, &c.t(label), &c.date(v));
            }
        }
    }
    let recips: Vec<String> = b
        .recipients
        .iter()
        .map(|r| match (&r.kind, r.hashed) {
            (_, true) => c.t("export-hashed"),
            (IdentityKind::Email, false) if red.is_hidden(&r.identity) => REDACTED_EMAIL.into(),
            _ => r.identity.clone(),
        })
        .collect();
    l.row(facts, &c.t("export-recipient"), &recips.join("\n"));
    let kind = match (&b.achievement_type, b.spec_version.is_empty()) {
        (Some(t), _) => format!("{} \u{b7} Open Badges {}", t, b.spec_version),
        (None, false) => format!("Open Badges {}", b.spec_version),
        _ => String::new(),
    };
    l.row(facts, &c.t("export-type"), &kind);
    if let Some(id) = &b.id {
        l.row(facts, &c.t("export-credential-id"), &red.apply(id));
    }
    if let Some(cr) = &b.criteria
        && (cr.narrative.is_some() || cr.url.is_some())
    {
        l.heading(3, art, &c.t("export-criteria"));
        if let Some(t) = &cr.narrative {
            l.para(Tag::P, art, &red.apply(t), 10.0, false, INK);
        }
        if let Some(u) = &cr.url {
            let g = l.group(Tag::P, art);
            let text = c.msg("export-criteria-page", &[("url", iso(u).into())]);
            l.text_dir(&text, M, W - 2.0 * M, 9.0, false, MUTED, g, true);
        }
    }
    if !b.alignments.is_empty() {
        l.heading(3, art, &c.t("export-alignments"));
        let unnamed = c.t("export-unnamed");
        for a in &b.alignments {
            let mut s = iso(&red.apply(a.target_name.as_deref().unwrap_or(&unnamed)));
            if let Some(f) = &a.target_framework {
                s.push_str(&format!(" ({})", iso(&red.apply(f))));
            }
            if let Some(code) = &a.target_code {
                s.push_str(&format!(" {}", iso(code)));
            }
            if let Some(d) = &a.target_description {
                s.push_str(&format!(" \u{2014} {}", iso(&red.apply(d))));
            }
            l.bullet(art, &s);
        }
    }
    if !b.results.is_empty() {
        l.heading(3, art, &c.t("export-results"));
        for r in &b.results {
            let parts: Vec<String> = [&r.label, &r.value, &r.status, &r.achieved_level]
                .into_iter()
                .flatten()
                .map(|s| iso(&red.apply(s)))
                .collect();
            l.bullet(art, &parts.join(" \u{b7} "));
        }
    }
    if opts.privacy.include_evidence && !b.evidence.is_empty() {
        l.heading(3, art, &c.t("export-heading-evidence"));
        for e in &b.evidence {
            let s: Vec<String> = [
                &e.name,
                &e.description,
                &e.narrative,
                &e.genre,
                &e.audience,
                &e.id,
            ]
            .into_iter()
            .flatten()
            .map(|s| iso(&red.apply(s)))
            .collect();
            l.bullet(art, &s.join(" \u{2014} "));
        }
    }
    if let Some(r) = &item.report
        && !r.endorsements.is_empty()
    {
        l.heading(3, art, &c.t("pdf-endorsements"));
        for e in &r.endorsements {
            let who = e
                .endorser_name
                .as_deref()
                .or(e.endorser_id.as_deref())
                .map(|s| iso(&red.apply(s)))
                .unwrap_or_else(|| c.t("export-unnamed-endorser"));
            let mut s = c.msg(
                "pdf-endorsement",
                &[
                    ("name", iso(&red.apply(&e.name)).into()),
                    ("by", who.into()),
                    ("scope", e.scope.as_str().into()),
                    ("status", c.status(e.status).into()),
                ],
            );
            if e.status != Status::Verified && !e.reason.trim().is_empty() {
                s.push_str(&format!(" ({})", iso(&red.apply(&e.reason))));
            }
            if let Some(c) = e.comment.as_deref().filter(|c| !c.trim().is_empty()) {
                s.push_str(&format!(" \u{2014} \u{201c}{}\u{201d}", iso(&red.apply(c))));
            }
            l.bullet(art, &s);
        }
    }
    if opts.privacy.include_notes
        && let Some(note) = item.note.as_deref().filter(|n| !n.trim().is_empty())
    {
        l.heading(3, art, &c.t("export-my-note"));
        l.para(Tag::P, art, note, 10.0, false, INK);
    }
    // How to check this badge: the QR code where it has a public address, else words.
    let file = original_file_name(i, item);
    let url = public_url(item);
    let block_h = if url.is_some() { QR + 20.0 } else { 70.0 };
    l.gap(10.0);
    l.ensure(block_h);
    l.heading(3, art, &c.t("pdf-howto-badge"));
    let top = l.y;
    let tx = if let Some(u) = &url {
        let qfig = l.group(
            Tag::Figure(Some(c.msg("pdf-qr-alt", &[("url", u.as_str().into())]))),
            art,
        );
        if let Some(rects) = qr_modules(u, M - 6.0, top, QR) {
            l.push(Draw::Modules { rects, group: qfig });
        }
        M + QR + 4.0
    } else {
        M
    };
    let tw = W - M - tx;
    let p = l.group(Tag::P, art);
    let words = match &url {
        Some(u) => c.msg(
            "pdf-howto-qr",
            &[
                ("url", u.as_str().into()),
                ("file", file.as_str().into()),
                ("format", item.format.as_str().into()),
            ],
        ),
        None => c.msg(
            "pdf-howto-no-qr",
            &[
                ("file", file.as_str().into()),
                ("format", item.format.as_str().into()),
            ],
        ),
    };
    l.y = top + 4.0;
    l.text_dir(&words, tx, tw, 9.0, false, MUTED, p, true);
    if url.is_some() && l.y < top + QR {
        l.y = top + QR;
    }
    let _ = n;
}

fn cover(
    l: &mut Layout<'_>,
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
    red: &Redactor,
    title: &str,
    c: &Catalog,
) {
    l.heading(1, ROOT, title);
    let n = portfolio.badges.len();
    l.para(
        Tag::P,
        ROOT,
        &c.msg(
            "export-meta",
            &[
                ("n", n.into()),
                ("date", c.date(&opts.exported_at.to_rfc3339()).into()),
            ],
        ),
        10.5,
        false,
        MUTED,
    );
    l.gap(8.0);
    if let Some(i) = portfolio.intro.as_deref().filter(|s| !s.trim().is_empty()) {
        l.para(Tag::P, ROOT, i, 11.0, false, INK);
        l.gap(6.0);
    }
    if opts.privacy.include_notes
        && let Some(note) = portfolio.note.as_deref().filter(|s| !s.trim().is_empty())
    {
        l.para(Tag::P, ROOT, note, 11.0, false, INK);
        l.gap(6.0);
    }
    l.heading(2, ROOT, &c.t("pdf-badges-heading"));
    for (i, item) in portfolio.badges.iter().enumerate() {
        let b = &item.badge;
        let mut s = format!("{}. {}", i + 1, iso(&red.apply(&b.name)));
        if let Some(n) = &b.issuer.name {
            s.push_str(&format!(" \u{2014} {}", iso(&red.apply(n))));
        }
        if opts.privacy.include_dates
            && let Some(d) = &b.issued
        {
            s.push_str(&format!(" \u{2014} {}", c.date(d)));
        }
        s.push_str(&format!(" \u{2014} {}", c.status(export_status(item))));
        let g = l.group(Tag::P, ROOT);
        l.text_dir(&s, M + 8.0, W - 2.0 * M - 8.0, 10.5, false, INK, g, true);
        l.gap(1.5);
    }
    if opts.privacy.include_skills {
        skills_summary(l, portfolio, red, c);
    }
    l.gap(10.0);
    l.heading(2, ROOT, &c.t("export-howto-label"));
    l.para(Tag::P, ROOT, &c.t("pdf-howto"), 10.0, false, INK);
}

/// The optional skills summary on the cover (issue 11): the badges' alignments by framework
/// and skill ([`crate::skills`]), each with the numbers of the badges behind it, as on the
/// HTML page.
fn skills_summary(l: &mut Layout<'_>, portfolio: &Portfolio, red: &Redactor, c: &Catalog) {
    let views: Vec<(i64, crate::model::Badge)> = portfolio
        .badges
        .iter()
        .zip(1i64..)
        .map(|(b, n)| (n, b.badge.clone()))
        .collect();
    let view = crate::skills::build(&views);
    l.gap(10.0);
    l.heading(2, ROOT, &c.t("export-heading-skills"));
    if view.frameworks.is_empty() {
        l.para(Tag::P, ROOT, &c.t("export-no-skills"), 10.0, false, MUTED);
    }
    for fw in &view.frameworks {
        // A heading is laid out on its own (bidi controls stripped): no isolation needed.
        l.heading(3, ROOT, &red.apply(&fw.name));
        for s in &fw.skills {
            let mut line = iso(&red.apply(&s.name));
            if let Some(code) = &s.code {
                line.push_str(&format!(" ({})", iso(&red.apply(code))));
            }
            let badges: Vec<String> = s.badges.iter().map(|n| format!("#{n}")).collect();
            line.push_str(&format!(
                " \u{2014} {}",
                c.msg(
                    "pdf-skill-badges",
                    &[
                        ("n", s.badges.len().into()),
                        ("list", badges.join(", ").into())
                    ]
                )
            ));
            l.bullet(ROOT, &line);
        }
    }
}

fn to_rgb(c: (u8, u8, u8)) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: (u8, u8, u8)) -> Fill {
    Fill {
        paint: to_rgb(c).into(),
        ..Fill::default()
    }
}

fn draw(surface: &mut Surface<'_>, d: &Draw) -> Option<Identifier> {
    match d {
        Draw::Text {
            line,
            x,
            baseline,
            size,
            colour,
            ..
        } => {
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.set_fill(Some(fill(*colour)));
            let mut cx = *x;
            for run in &line.runs {
                surface.draw_glyphs(
                    Point::from_xy(cx, *baseline),
                    &run.glyphs,
                    run.face.font.clone(),
                    &run.text,
                    *size,
                    false,
                );
                cx += run.width;
            }
            surface.end_tagged();
            Some(id)
        }
        Draw::Image { image, rect, .. } => {
            let id = surface.start_tagged(ContentTag::Other);
            surface.push_transform(&krilla::geom::Transform::from_translate(
                rect.left(),
                rect.top(),
            ));
            if let Some(s) = Size::from_wh(rect.width(), rect.height()) {
                surface.draw_image(image.clone(), s);
            }
            surface.pop();
            surface.end_tagged();
            Some(id)
        }
        Draw::Svg { tree, rect, .. } => {
            let id = surface.start_tagged(ContentTag::Other);
            surface.push_transform(&krilla::geom::Transform::from_translate(
                rect.left(),
                rect.top(),
            ));
            if let Some(s) = Size::from_wh(rect.width(), rect.height()) {
                surface.draw_svg(
                    tree,
                    s,
                    SvgSettings {
                        embed_text: false,
                        ..SvgSettings::default()
                    },
                );
            }
            surface.pop();
            surface.end_tagged();
            Some(id)
        }
        Draw::Modules { rects, .. } => {
            let id = surface.start_tagged(ContentTag::Other);
            let mut pb = PathBuilder::new();
            for r in rects {
                pb.push_rect(*r);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill((0, 0, 0))));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
            surface.end_tagged();
            Some(id)
        }
        Draw::Header { line } => {
            surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::with_kind(
                ArtifactType::Header,
            )));
            surface.set_fill(Some(fill(MUTED)));
            let mut x = M;
            for run in &line.runs {
                surface.draw_glyphs(
                    Point::from_xy(x, M + 9.0),
                    &run.glyphs,
                    run.face.font.clone(),
                    &run.text,
                    9.0,
                    false,
                );
                x += run.width;
            }
            surface.end_tagged();
            None
        }
        Draw::Frame { rect, colour } => {
            surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::with_kind(
                ArtifactType::Other,
            )));
            let mut pb = PathBuilder::new();
            pb.push_rect(*rect);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: to_rgb(*colour).into(),
                    width: 1.0,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
            surface.end_tagged();
            None
        }
    }
}

fn footer(surface: &mut Surface<'_>, fonts: &Fonts, text: &str) {
    surface.start_tagged(ContentTag::Artifact(krilla::tagging::Artifact::with_kind(
        ArtifactType::Footer,
    )));
    surface.set_fill(Some(fill(MUTED)));
    let mut x = M;
    for line in layout_ltr(text, fonts, 8.0, W - 2.0 * M, false) {
        for run in &line.runs {
            surface.draw_glyphs(
                Point::from_xy(x, H - M + 22.0),
                &run.glyphs,
                run.face.font.clone(),
                &run.text,
                8.0,
                false,
            );
            x += run.width;
        }
    }
    surface.end_tagged();
}

fn build_tree(
    groups: &mut [GroupSpec],
    ids: &mut [Vec<Option<Identifier>>],
    g: usize,
) -> Vec<TagNode> {
    let children = std::mem::take(&mut groups[g].children);
    let mut out = Vec::new();
    for c in children {
        match c {
            Child::Group(sub) => {
                let kids = build_tree(groups, ids, sub);
                if kids.is_empty() {
                    continue;
                }
                if let Some(kind) = groups[sub].kind.take() {
                    out.push(TagGroup::with_children(kind, kids).into());
                }
            }
            Child::Content(page, idx) => {
                if let Some(id) = ids
                    .get_mut(page)
                    .and_then(|p| p.get_mut(idx))
                    .and_then(Option::take)
                {
                    out.push(id.into());
                }
            }
        }
    }
    out
}

fn k_date(d: &chrono::DateTime<chrono::Utc>) -> KDateTime {
    use chrono::{Datelike, Timelike};
    KDateTime::new(d.year().clamp(0, 9999) as u16)
        .month(d.month() as u8)
        .day(d.day() as u8)
        .hour(d.hour() as u8)
        .minute(d.minute() as u8)
        .second(d.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// A finished PDF and what the export should tell the learner about it.
pub struct Rendered {
    /// The file.
    pub bytes: Vec<u8>,
    /// Characters no installed font could draw (printed as empty boxes, still in the text).
    pub missing_glyphs: Vec<char>,
}

/// Render the portfolio as a PDF.
pub fn render(portfolio: &Portfolio, opts: &ExportOptions<'_>) -> Result<Vec<u8>, ExportError> {
    render_full(portfolio, opts).map(|r| r.bytes)
}

/// Render the portfolio as a PDF in English, with the font notice.
pub fn render_full(
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
) -> Result<Rendered, ExportError> {
    render_full_in(portfolio, opts, Lang::En)
}

/// Render the portfolio as a PDF with its own words in `lang`, with the font notice.
pub fn render_full_in(
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
    lang: Lang,
) -> Result<Rendered, ExportError> {
    let c = Catalog::get(lang);
    let fonts = fonts();
    if fonts.main(false).is_none() {
        return Err(ExportError::Pdf(
            "no font is installed on this system to print text with (on Debian: apt-get \
             install fonts-noto-core fonts-noto-cjk, or any TrueType/OpenType font)"
                .into(),
        ));
    }
    let red = Redactor::new(portfolio, &opts.privacy);
    let title = if portfolio.title.trim().is_empty() {
        c.t("export-default-title")
    } else {
        red.apply(&portfolio.title)
    };
    let mut l = Layout::new(fonts);
    cover(&mut l, portfolio, opts, &red, &title, c);
    for (i, item) in portfolio.badges.iter().enumerate() {
        badge_pages(&mut l, i, item, opts, &red, c);
    }

    let mut doc = Document::new_with(SerializeSettings {
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    let total = l.pages.len();
    let mut ids: Vec<Vec<Option<Identifier>>> = Vec::with_capacity(total);
    for (pi, draws) in l.pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(W, H).ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        let mut page_ids = Vec::with_capacity(draws.len());
        for d in draws {
            page_ids.push(draw(&mut surface, d));
        }
        footer(
            &mut surface,
            fonts,
            &c.msg(
                "pdf-page-footer",
                &[
                    ("title", iso(&title).into()),
                    ("page", Arg::Str((pi + 1).to_string())),
                    ("total", Arg::Str(total.to_string())),
                ],
            ),
        );
        surface.finish();
        page.finish();
        ids.push(page_ids);
    }
    let nodes = build_tree(&mut l.groups, &mut ids, ROOT);
    let mut tree = TagTree::new().with_lang(Some(lang.code().into()));
    for n in nodes {
        tree.push(n);
    }
    doc.set_tag_tree(tree);
    doc.set_metadata(
        Metadata::new()
            .title(title.clone())
            .language(lang.code().into())
            .creator("Backpack".into())
            .description(c.msg(
                "pdf-description",
                &[("n", Arg::Str(portfolio.badges.len().to_string()))],
            ))
            .creation_date(k_date(&opts.exported_at)),
    );
    for (i, item) in portfolio.badges.iter().enumerate() {
        let added = doc.embed_file(EmbeddedFile {
            path: original_file_name(i, item),
            mime_type: MimeType::new(mime_of(item)),
            description: Some(attachment_description(i + 1, item)),
            association_kind: AssociationKind::Source,
            data: Arc::new(item.original.clone()).into(),
            modification_date: Some(k_date(&opts.exported_at)),
            // Stored as is: the bytes in the file are the credential's bytes.
            compress: Some(false),
            location: None,
        });
        if added.is_none() {
            return Err(ExportError::Pdf(format!(
                "two badges would be attached under one name, {}",
                original_file_name(i, item)
            )));
        }
    }
    let bytes = doc
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))?;
    Ok(Rendered {
        bytes,
        missing_glyphs: l.missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Badge;

    fn item(id: Option<&str>, container: Container, format: Format, payload: &str) -> ExportBadge {
        ExportBadge {
            wallet_id: "1".into(),
            original: Vec::new(),
            container,
            format,
            badge: Badge {
                id: id.map(str::to_string),
                ..Badge::default()
            },
            payload: payload.into(),
            report: None,
            note: None,
        }
    }

    #[test]
    fn only_https_ids_get_a_qr_code() {
        let q = |id, c, f, p| public_url(&item(id, c, f, p));
        assert_eq!(
            q(
                Some("https://b.example/a/1"),
                Container::Json,
                Format::Ob3Json,
                "{}"
            )
            .as_deref(),
            Some("https://b.example/a/1")
        );
        assert_eq!(
            q(
                Some("urn:uuid:1234"),
                Container::Json,
                Format::Ob3Json,
                "{}"
            ),
            None
        );
        assert_eq!(
            q(
                Some("did:example:1"),
                Container::Json,
                Format::Ob3Json,
                "{}"
            ),
            None
        );
        assert_eq!(
            q(
                Some("http://b.example/1"),
                Container::Json,
                Format::Ob2Hosted,
                ""
            ),
            None
        );
        assert_eq!(
            q(
                Some("https:///nohost"),
                Container::Json,
                Format::Ob3Json,
                ""
            ),
            None
        );
        assert_eq!(
            q(
                Some("https://a b.example/"),
                Container::Json,
                Format::Ob3Json,
                ""
            ),
            None
        );
        assert_eq!(
            q(
                None,
                Container::Url,
                Format::Ob2Hosted,
                " https://h.example/assertion/9 "
            )
            .as_deref(),
            Some("https://h.example/assertion/9")
        );
        let long = format!("https://h.example/{}", "a".repeat(600));
        assert_eq!(q(Some(&long), Container::Json, Format::Ob3Json, ""), None);
    }
}
