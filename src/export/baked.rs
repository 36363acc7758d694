//! Baked images: a badge's credential embedded in its own image, under the keyword its
//! version requires (STANDARDS §1.1–§1.3): `openbadges` (OB 1.x/2.0), `openbadgecredential`
//! (OB 3.0), `clrcredential` (CLR 2.0); an uncompressed PNG `iTXt` chunk (never more than one:
//! any earlier badge chunk is dropped) or an SVG element in the version's namespace.
//!
//! - A baked PNG original is re-baked with its own payload text (fixing a wrong keyword);
//!   a baked SVG original is returned as it came (it is already baked).
//! - A JSON/JWT badge is baked into its embedded PNG/SVG image when it has one, else into a
//!   generated plain PNG.
//!
//! The payload text baked is always the credential text exactly as found in the original.

use std::fmt::Write as _;

use super::{ExportBadge, ExportError};
use crate::model::{Container, Format};

/// A baked image.
#[derive(Debug, Clone)]
pub struct BakedImage {
    /// The file bytes.
    pub bytes: Vec<u8>,
    /// `png` or `svg`.
    pub extension: &'static str,
}

/// The baking keyword for a format (STANDARDS §1.1).
pub fn keyword_for(format: Format) -> &'static str {
    match format {
        Format::Ob2Hosted | Format::Ob2Signed => "openbadges",
        Format::Ob3Json | Format::Ob3Jwt => "openbadgecredential",
        Format::Clr2Json | Format::Clr2Jwt => "clrcredential",
    }
}

const PNG_SIG: &[u8; 8] = b"\x89PNG\r\n\x1a\n";
const BADGE_KEYWORDS: [&str; 3] = ["openbadges", "openbadgecredential", "clrcredential"];

fn push_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(kind);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
}

/// Bake `text` into `png` under `keyword`: drop any existing badge text chunk, insert one
/// uncompressed `iTXt` right after `IHDR`. Errors on a malformed PNG (bounds-checked walk).
pub fn bake_png(png: &[u8], keyword: &str, text: &str) -> Result<Vec<u8>, ExportError> {
    let bad = |why: &str| ExportError::Bake(format!("not a usable png: {why}"));
    if png.len() < 8 || &png[..8] != PNG_SIG {
        return Err(bad("missing png signature"));
    }
    let mut out = Vec::with_capacity(png.len() + text.len() + 64);
    out.extend_from_slice(PNG_SIG);
    let mut pos = 8usize;
    let mut inserted = false;
    let mut saw_iend = false;
    while pos < png.len() {
        let hdr = png
            .get(pos..pos + 8)
            .ok_or_else(|| bad("truncated chunk header"))?;
        let len = u32::from_be_bytes([hdr[0], hdr[1], hdr[2], hdr[3]]) as usize;
        let kind = [hdr[4], hdr[5], hdr[6], hdr[7]];
        let end = pos
            .checked_add(12)
            .and_then(|p| p.checked_add(len))
            .filter(|&e| e <= png.len())
            .ok_or_else(|| bad("chunk runs past the end of the file"))?;
        let data = &png[pos + 8..pos + 8 + len];
        let is_badge_text = matches!(&kind, b"iTXt" | b"tEXt" | b"zTXt")
            && BADGE_KEYWORDS.iter().any(|k| {
                data.len() > k.len() && data.starts_with(k.as_bytes()) && data[k.len()] == 0
            });
        if !is_badge_text {
            out.extend_from_slice(&png[pos..end]);
        }
        if &kind == b"IHDR" && !inserted {
            let mut itxt = Vec::with_capacity(keyword.len() + 5 + text.len());
            itxt.extend_from_slice(keyword.as_bytes());
            itxt.extend_from_slice(&[0, 0, 0, 0, 0]);
            itxt.extend_from_slice(text.as_bytes());
            push_chunk(&mut out, b"iTXt", &itxt);
            inserted = true;
        }
        pos = end;
        if &kind == b"IEND" {
            saw_iend = true;
            break;
        }
    }
    if !inserted {
        return Err(bad("no IHDR chunk"));
    }
    if !saw_iend {
        return Err(bad("no IEND chunk"));
    }
    Ok(out)
}

fn cdata(s: &str) -> String {
    format!("<![CDATA[{}]]>", s.replace("]]>", "]]]]><![CDATA[>"))
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Bake `text` into an SVG image right after its opening `<svg …>` tag, in the namespace
/// and element the format requires (STANDARDS §1.3).
pub fn bake_svg(svg: &str, format: Format, text: &str) -> Result<String, ExportError> {
    let start = svg
        .find("<svg")
        .ok_or_else(|| ExportError::Bake("not an svg image: no <svg> element".into()))?;
    // The end of the opening tag: the first '>' outside a quoted attribute value.
    let mut quote: Option<char> = None;
    let mut tag_end = None;
    for (i, c) in svg[start..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => {
                tag_end = Some(start + i + 1);
                break;
            }
            _ => {}
        }
    }
    let tag_end = tag_end
        .ok_or_else(|| ExportError::Bake("not an svg image: unterminated <svg> tag".into()))?;
    if svg[start..tag_end].ends_with("/>") {
        return Err(ExportError::Bake(
            "svg image is an empty <svg/> element".into(),
        ));
    }
    let is_json = text.trim_start().starts_with('{');
    let mut el = String::new();
    let (tag, ns) = match format {
        Format::Ob2Hosted | Format::Ob2Signed => (
            "openbadges:assertion",
            "xmlns:openbadges=\"http://openbadges.org\"",
        ),
        Format::Ob3Json | Format::Ob3Jwt => (
            "openbadges:credential",
            "xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"",
        ),
        Format::Clr2Json | Format::Clr2Jwt => (
            "credential",
            "xmlns=\"https://purl.imsglobal.org/clr/v2p0\"",
        ),
    };
    if is_json {
        let _ = write!(el, "<{tag} {ns}>{}</{tag}>", cdata(text));
    } else {
        let _ = write!(
            el,
            "<{tag} {ns} verify=\"{}\"></{tag}>",
            xml_attr(text.trim())
        );
    }
    let mut out = String::with_capacity(svg.len() + el.len());
    out.push_str(&svg[..tag_end]);
    out.push_str(&el);
    out.push_str(&svg[tag_end..]);
    Ok(out)
}

/// A plain 256×256 PNG for a badge with no image: a coloured disc on white, the colour
/// derived from the badge name so different badges look different.
pub fn generated_png(seed: &str) -> Result<Vec<u8>, ExportError> {
    const N: u32 = 256;
    let h = crc32fast::hash(seed.as_bytes());
    let (r, g, b) = (
        (60 + (h & 0x7f)) as u8,
        (60 + ((h >> 8) & 0x7f)) as u8,
        (60 + ((h >> 16) & 0x7f)) as u8,
    );
    let mut px = Vec::with_capacity((N * N * 3) as usize);
    let c = N as i64 / 2;
    for y in 0..N as i64 {
        for x in 0..N as i64 {
            let d2 = (x - c) * (x - c) + (y - c) * (y - c);
            let rgb = if d2 <= 110 * 110 && d2 >= 96 * 96 {
                [255, 255, 255]
            } else if d2 <= 120 * 120 {
                [r, g, b]
            } else {
                [255, 255, 255]
            };
            px.extend_from_slice(&rgb);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, N, N);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc
            .write_header()
            .map_err(|e| ExportError::Bake(e.to_string()))?;
        w.write_image_data(&px)
            .map_err(|e| ExportError::Bake(e.to_string()))?;
    }
    Ok(out)
}

/// The badge baked into its image (see the module docs for which image).
pub fn baked_image(item: &ExportBadge) -> Result<BakedImage, ExportError> {
    let kw = keyword_for(item.format);
    let text = item.payload.trim();
    match item.container {
        Container::Png => {
            return Ok(BakedImage {
                bytes: bake_png(&item.original, kw, text)?,
                extension: "png",
            });
        }
        Container::Svg => {
            return Ok(BakedImage {
                bytes: item.original.clone(),
                extension: "svg",
            });
        }
        _ => {}
    }
    if let Some((mime, bytes)) = super::html::badge_image(item) {
        match mime.as_str() {
            "image/png" => {
                if let Ok(b) = bake_png(&bytes, kw, text) {
                    return Ok(BakedImage {
                        bytes: b,
                        extension: "png",
                    });
                }
            }
            "image/svg+xml" => {
                if let Ok(s) = std::str::from_utf8(&bytes)
                    && let Ok(b) = bake_svg(s, item.format, text)
                {
                    return Ok(BakedImage {
                        bytes: b.into_bytes(),
                        extension: "svg",
                    });
                }
            }
            _ => {}
        }
    }
    let plain = generated_png(&item.badge.name)?;
    Ok(BakedImage {
        bytes: bake_png(&plain, kw, text)?,
        extension: "png",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_bake_replaces_old_chunk() {
        let png = generated_png("x").unwrap();
        let once = bake_png(&png, "openbadges", "{\"a\":1}").unwrap();
        let twice = bake_png(&once, "openbadgecredential", "{\"b\":2}").unwrap();
        let hay = String::from_utf8_lossy(&twice);
        assert!(hay.contains("openbadgecredential\0\0\0\0\0{\"b\":2}"));
        assert!(!hay.contains("{\"a\":1}"));
        assert!(bake_png(&png[..png.len() - 5], "openbadges", "x").is_err());
        assert!(bake_png(b"GIF89a", "openbadges", "x").is_err());
    }

    #[test]
    fn svg_bake_inserts_after_root() {
        let s = bake_svg(
            "<?xml version=\"1.0\"?><svg a=\"x>y\"><g/></svg>",
            Format::Ob3Json,
            "{\"x\":\"]]>\"}",
        )
        .unwrap();
        assert_eq!(
            s,
            "<?xml version=\"1.0\"?><svg a=\"x>y\"><openbadges:credential xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><![CDATA[{\"x\":\"]]]]><![CDATA[>\"}]]></openbadges:credential><g/></svg>"
        );
        let j = bake_svg("<svg>", Format::Ob3Jwt, "a.b.c").unwrap();
        assert!(j.contains("verify=\"a.b.c\""));
    }
}
