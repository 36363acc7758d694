//! Text for the PDF export: font fallback per character, right-to-left runs ordered with the
//! Unicode Bidirectional Algorithm (UAX #9, <https://www.unicode.org/reports/tr9/>, the
//! `unicode-bidi` crate), shaping with rustybuzz (so Arabic joins and marks attach), and
//! greedy line breaking at spaces and between CJK characters.
//!
//! A paragraph is measured once in logical order, broken into lines, and each line is then
//! shaped again as it is drawn, run by run in visual order. Every glyph keeps the range of
//! text it came from, so krilla writes a `ToUnicode` map and the text stays selectable.

use std::ops::Range;
use std::sync::Arc;

use krilla::text::{GlyphId, KrillaGlyph};
use unicode_bidi::{BidiInfo, Level};

use super::pdf_fonts::{Face, Fonts};

/// One run of glyphs in one face, ready to draw.
pub struct GlyphRun {
    /// The face.
    pub face: Arc<Face>,
    /// The run's text (glyph ranges index into it).
    pub text: String,
    /// Glyphs in visual order (left to right).
    pub glyphs: Vec<KrillaGlyph>,
    /// Width in points.
    pub width: f32,
}

/// One laid-out line.
pub struct Line {
    /// Runs, left to right.
    pub runs: Vec<GlyphRun>,
    /// Total width in points.
    pub width: f32,
    /// True when the paragraph is right-to-left (the line is aligned right).
    pub rtl: bool,
}

/// Characters that never choose a font of their own: they go with their neighbours.
pub fn is_neutral(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{fe00}'..='\u{fe0f}')
        || is_mark(c)
}

/// Combining marks stay with their base character's face.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05bd}'
        | '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}'
        | '\u{0900}'..='\u{0903}' | '\u{093a}'..='\u{094f}' | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// CJK characters: a line may break before or after each.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{303f}' | '\u{3040}'..='\u{30ff}' | '\u{3100}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{a000}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3134f}')
}

/// Explicit bidi controls (embeddings, overrides, isolates: U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Badge text without explicit bidi controls: a credential cannot reverse or reorder what is
/// printed around it (an override could make `moc.live` read as `evil.com`).
pub fn strip_bidi_controls(s: &str) -> String {
    s.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// A piece of badge text inside a line Backpack composes: its controls removed, then
/// isolated (FSI … PDI, UAX #9 §2.7) so its direction never reorders the words around it.
/// The isolates steer the layout only; they are not drawn and not in the text layer.
pub fn iso(s: &str) -> String {
    format!("\u{2068}{}\u{2069}", strip_bidi_controls(s))
}

/// Text made safe to lay out: control characters other than newline become spaces,
/// tabs and carriage returns too.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\n' {
                '\n'
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// `text` split into (byte range, face) segments, logical order.
fn segments(text: &str, fonts: &Fonts, bold: bool) -> Vec<(Range<usize>, Arc<Face>)> {
    let mut out: Vec<(Range<usize>, Arc<Face>)> = Vec::new();
    let mut pending_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if is_neutral(c) {
            match out.last_mut() {
                Some(last) if last.0.end == i && (!is_mark(c) || last.1.covers(c)) => {
                    last.0.end = end
                }
                Some(_) | None => {
                    if pending_start.is_none() {
                        pending_start = Some(i);
                    }
                }
            }
            continue;
        }
        let Some(face) = fonts.face_for(c, bold) else {
            continue;
        };
        let start = pending_start.take().unwrap_or(i);
        match out.last_mut() {
            Some(last) if Arc::ptr_eq(&last.1, &face) && last.0.end == start => last.0.end = end,
            _ => out.push((start..end, face)),
        }
    }
    if let Some(s) = pending_start {
        match out.last_mut() {
            Some(last) if last.0.end == s => last.0.end = text.len(),
            _ => {
                if let Some(face) = fonts.main(bold) {
                    out.push((s..text.len(), face));
                }
            }
        }
    }
    // Close any gaps left by characters no face could take (none in practice).
    out
}

/// Shape `text` in `face`, right to left when `rtl`. Glyph ranges are relative to `text`.
fn shape(text: &str, face: &Face, rtl: bool) -> (Vec<KrillaGlyph>, f32) {
    let mut buf = rustybuzz::UnicodeBuffer::new();
    buf.push_str(text);
    buf.guess_segment_properties();
    buf.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let out = rustybuzz::shape(&face.shaper, &[], buf);
    let infos = out.glyph_infos();
    let pos = out.glyph_positions();
    // Each glyph's text range: from its cluster to the next cluster boundary in logical order.
    let mut starts: Vec<usize> = infos.iter().map(|g| g.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |c: usize| {
        starts
            .iter()
            .find(|&&s| s > c)
            .copied()
            .unwrap_or(text.len())
    };
    let mut width = 0.0;
    let glyphs = infos
        .iter()
        .zip(pos)
        .map(|(g, p)| {
            let c = g.cluster as usize;
            let adv = p.x_advance as f32 / face.upem;
            width += adv;
            KrillaGlyph::new(
                GlyphId::new(g.glyph_id),
                adv,
                p.x_offset as f32 / face.upem,
                p.y_offset as f32 / face.upem,
                p.y_advance as f32 / face.upem,
                c..end_of(c),
                None,
            )
        })
        .collect();
    (glyphs, width)
}

/// Lay out `text` in lines at most `max_width` points wide at `size` points. Each paragraph's
/// direction comes from its first strong character (UAX #9 rules P2–P3), so a badge name in
/// Arabic is right to left.
pub fn layout(text: &str, fonts: &Fonts, size: f32, max_width: f32, bold: bool) -> Vec<Line> {
    layout_dir(text, fonts, size, max_width, bold, None)
}

/// [`layout`] with the paragraph direction fixed to left to right: for lines Backpack composes
/// in English around badge text (`2. <name> — <issuer> — Verified`).
pub fn layout_ltr(text: &str, fonts: &Fonts, size: f32, max_width: f32, bold: bool) -> Vec<Line> {
    layout_dir(text, fonts, size, max_width, bold, Some(Level::ltr()))
}

fn layout_dir(
    text: &str,
    fonts: &Fonts,
    size: f32,
    max_width: f32,
    bold: bool,
    base: Option<Level>,
) -> Vec<Line> {
    let text = clean(text);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let para = para.trim_end();
        if para.trim().is_empty() {
            continue;
        }
        layout_para(para, fonts, size, max_width, bold, base, &mut lines);
    }
    lines
}

#[allow(clippy::too_many_arguments)]
fn layout_para(
    para: &str,
    fonts: &Fonts,
    size: f32,
    max_width: f32,
    bold: bool,
    base: Option<Level>,
    lines: &mut Vec<Line>,
) {
    let bidi = BidiInfo::new(para, base);
    let Some(pinfo) = bidi.paragraphs.first() else {
        return;
    };
    let rtl = pinfo.level.is_rtl();
    // Measure: an advance per byte offset (at the start of each cluster), logical order.
    let mut adv = vec![0.0f32; para.len() + 1];
    for (range, face) in segments(para, fonts, bold) {
        // Split the segment further by bidi level, so each piece is shaped in its direction.
        let mut s = range.start;
        while s < range.end {
            let lvl = bidi.levels[s];
            let mut e = s;
            while e < range.end && bidi.levels[e] == lvl {
                e += 1;
            }
            while !para.is_char_boundary(e) {
                e += 1;
            }
            let piece = &para[s..e];
            let (glyphs, _) = shape(piece, &face, lvl.is_rtl());
            for g in &glyphs {
                adv[s + g.text_range.start] += g.x_advance * size;
            }
            s = e;
        }
    }
    // Break opportunities: after whitespace, and around CJK characters.
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut breaks: Vec<usize> = Vec::new();
    for w in chars.windows(2) {
        let ((_, a), (j, b)) = (w[0], w[1]);
        if (a.is_whitespace() && !b.is_whitespace()) || ((is_cjk(a) || is_cjk(b)) && !is_mark(b)) {
            breaks.push(j);
        }
    }
    breaks.push(para.len());
    let width_of = |r: Range<usize>| -> f32 { adv[r].iter().sum() };
    let trimmed = |r: Range<usize>| -> Range<usize> {
        let t = para[r.clone()].trim_end();
        r.start..r.start + t.len()
    };
    let mut start = 0;
    let mut last_ok: Option<usize> = None;
    let mut i = 0;
    let mut ranges: Vec<Range<usize>> = Vec::new();
    while i < breaks.len() {
        let b = breaks[i];
        let w = width_of(trimmed(start..b));
        if w <= max_width {
            last_ok = Some(b);
            i += 1;
            continue;
        }
        match last_ok {
            Some(ok) if ok > start => {
                ranges.push(start..ok);
                start = ok;
                last_ok = None;
            }
            _ => {
                // One word wider than the line: cut it at characters.
                let mut cut = start;
                let mut acc = 0.0;
                for (j, c) in para[start..b].char_indices() {
                    let at = start + j;
                    let a = adv[at];
                    if acc + a > max_width && cut > start && !is_mark(c) {
                        break;
                    }
                    acc += a;
                    cut = at + c.len_utf8();
                }
                if cut <= start {
                    cut = b;
                }
                ranges.push(start..cut);
                start = cut;
                last_ok = None;
                if cut >= b {
                    i += 1;
                }
            }
        }
    }
    if start < para.len() {
        ranges.push(start..para.len());
    }
    for r in ranges {
        let r = trimmed(r);
        let lead = para[r.clone()].len() - para[r.clone()].trim_start().len();
        let r = r.start + lead..r.end;
        if r.is_empty() {
            continue;
        }
        lines.push(shape_line(para, &bidi, pinfo, r, fonts, size, bold, rtl));
    }
}

#[allow(clippy::too_many_arguments)]
fn shape_line(
    para: &str,
    bidi: &BidiInfo<'_>,
    pinfo: &unicode_bidi::ParagraphInfo,
    line: Range<usize>,
    fonts: &Fonts,
    size: f32,
    bold: bool,
    rtl: bool,
) -> Line {
    let (levels, runs) = bidi.visual_runs(pinfo, line.clone());
    let mut out = Vec::new();
    let mut width = 0.0;
    for run in runs {
        let lvl: Level = levels[run.start];
        let text = &para[run.clone()];
        let mut segs = segments(text, fonts, bold);
        if lvl.is_rtl() {
            segs.reverse();
        }
        for (r, face) in segs {
            let t: String = text[r].chars().filter(|c| !is_bidi_control(*c)).collect();
            if t.is_empty() {
                continue;
            }
            let t = t.as_str();
            let (glyphs, w) = shape(t, &face, lvl.is_rtl());
            let w = w * size;
            width += w;
            out.push(GlyphRun {
                face,
                text: t.to_string(),
                glyphs,
                width: w,
            });
        }
    }
    Line {
        runs: out,
        width,
        rtl,
    }
}

/// Width in points of `text` on one line (no wrapping).
pub fn width(text: &str, fonts: &Fonts, size: f32, bold: bool) -> f32 {
    layout(text, fonts, size, f32::MAX, bold)
        .iter()
        .map(|l| l.width)
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_breaks_between_characters_and_latin_at_spaces() {
        let f = super::super::pdf_fonts::fonts();
        if f.main(false).is_none() {
            return; // no font at all on this machine: the export tests say so loudly
        }
        let lines = layout("one two three four five six", f, 10.0, 60.0, false);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 60.0 + 0.01));
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(text.join(" "), "one two three four five six");
    }

    #[test]
    fn isolated_right_to_left_text_keeps_the_words_around_it_in_place() {
        let f = super::super::pdf_fonts::fonts();
        if f.main(false).is_none() {
            return;
        }
        let ar = "أساسيات البرمجة";
        let composed = format!("2. {} \u{2014} 1 January 2026", iso(ar));
        let lines = layout_ltr(&composed, f, 10.0, 1000.0, false);
        assert_eq!(lines.len(), 1);
        let runs: Vec<&str> = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
        assert!(runs[0].starts_with("2."), "{runs:?}");
        assert!(runs.last().unwrap().ends_with("1 January 2026"), "{runs:?}");
        assert!(runs.iter().any(|r| r.contains("البرمجة")), "{runs:?}");
        assert!(
            !runs
                .iter()
                .any(|r| r.contains('\u{2068}') || r.contains('\u{2069}'))
        );
        // Without the isolate the number joins the Arabic run (UAX #9 rule W2): why `iso`.
        let bare = layout_ltr(
            &format!("2. {ar} \u{2014} 1 January"),
            f,
            10.0,
            1000.0,
            false,
        );
        let last = bare[0].runs.last().unwrap().text.as_str();
        assert!(!last.ends_with("1 January"), "{last}");
        // A right-to-left override in badge text is dropped.
        assert_eq!(strip_bidi_controls("a\u{202e}moc.live"), "amoc.live");
    }
}
