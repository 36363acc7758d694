//! Baking: embed a badge in a PNG or SVG image. OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>.
//!
//! - PNG (§1.2): one uncompressed `iTXt` chunk, empty language tag and translated keyword,
//!   inserted right after `IHDR` (as the Python bakery does); any existing badge text chunk
//!   (`iTXt`/`tEXt`/`zTXt` with keyword `openbadges`, `openbadgecredential` or
//!   `clrcredential`) is dropped, since the keyword "MUST NOT appear in a PNG more than once".
//! - SVG (§1.3): `<openbadges:assertion>` (ns `http://openbadges.org`) for OB 2.0 or
//!   `<openbadges:credential>` (ns `https://purl.imsglobal.org/ob/v3p0`, CLR
//!   `https://purl.imsglobal.org/clr/v2p0`) for OB 3.0 / CLR 2.0, right after the `<svg>` start
//!   tag; JSON goes in CDATA, a compact JWS (or OB 2.0 hosted URL) in the `verify` attribute.
//!   Any existing badge element is removed.
//!
//! Baking then [`decode`](crate::decode::decode) gives back exactly the payload text.
//! Specs: <https://www.imsglobal.org/spec/ob/v3p0/#baking>, OB 2.0 baking specification.

use quick_xml::NsReader;
use quick_xml::events::Event;

use crate::decode::DecodeError;
use crate::decode::png::{self, is_badge_keyword};
use crate::decode::svg::{self, NS_CLR, NS_OB2, NS_OB3};
use crate::model::Format;

/// Which badge family an SVG is baked for (it picks the element and namespace).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BakeFamily {
    /// OB 0.5–2.0: `{http://openbadges.org}assertion`.
    Ob2,
    /// OB 3.0: `{https://purl.imsglobal.org/ob/v3p0}credential`.
    Ob3,
    /// CLR 2.0: `{https://purl.imsglobal.org/clr/v2p0}credential`.
    Clr,
}

impl BakeFamily {
    /// The family of a format.
    pub fn of(format: Format) -> BakeFamily {
        match format {
            Format::Ob2Hosted | Format::Ob2Signed => BakeFamily::Ob2,
            Format::Ob3Json | Format::Ob3Jwt => BakeFamily::Ob3,
            Format::Clr2Json | Format::Clr2Jwt => BakeFamily::Clr,
        }
    }

    fn namespace(self) -> &'static str {
        match self {
            BakeFamily::Ob2 => NS_OB2,
            BakeFamily::Ob3 => NS_OB3,
            BakeFamily::Clr => NS_CLR,
        }
    }

    fn element(self) -> &'static str {
        match self {
            BakeFamily::Ob2 => "openbadges:assertion",
            BakeFamily::Ob3 | BakeFamily::Clr => "openbadges:credential",
        }
    }
}

/// What to bake into an SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BakePayload<'a> {
    /// Element and namespace.
    pub family: BakeFamily,
    /// Assertion / credential JSON, written as CDATA (exactly as given).
    pub json: Option<&'a str>,
    /// `verify` attribute: a compact JWS, or (OB 2.0) the hosted assertion URL.
    pub verify: Option<&'a str>,
}

impl<'a> BakePayload<'a> {
    /// Bake `text` for `format`: JSON (starts with `{`) goes in CDATA, anything else (a compact
    /// JWS, an OB 2.0 hosted URL) in `verify`.
    pub fn for_format(format: Format, text: &'a str) -> BakePayload<'a> {
        let family = BakeFamily::of(format);
        if text.trim_start().starts_with('{') {
            BakePayload {
                family,
                json: Some(text),
                verify: None,
            }
        } else {
            BakePayload {
                family,
                json: None,
                verify: Some(text),
            }
        }
    }
}

/// Why an image could not be baked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BakeError {
    /// The PNG is unreadable.
    #[error("cannot bake into this png: {0}")]
    Png(DecodeError),
    /// The PNG does not start with IHDR.
    #[error("cannot bake into this png: its first chunk is not IHDR")]
    NoIhdr,
    /// The keyword is not a valid PNG keyword.
    #[error("invalid png text keyword {0:?}: it must be 1-79 printable latin-1 characters")]
    BadKeyword(String),
    /// The SVG is unreadable.
    #[error("cannot bake into this svg: {0}")]
    Svg(DecodeError),
    /// No `<svg>` root element.
    #[error("cannot bake into this svg: it has no <svg> root element")]
    NoSvgRoot,
    /// The image is neither PNG nor SVG.
    #[error("cannot bake into this file: it is neither a png nor an svg image")]
    NotAnImage,
    /// Nothing to bake.
    #[error("nothing to bake: the payload has neither json nor a verify value")]
    EmptyPayload,
}

/// The PNG keyword for a format: `openbadges` (OB 2.0), `openbadgecredential` (OB 3.0),
/// `clrcredential` (CLR 2.0).
pub fn keyword_for(format: Format) -> &'static str {
    match BakeFamily::of(format) {
        BakeFamily::Ob2 => "openbadges",
        BakeFamily::Ob3 => "openbadgecredential",
        BakeFamily::Clr => "clrcredential",
    }
}

/// Bake `text` (the credential exactly as stored: JSON or compact JWS) into a PNG or SVG
/// `image` for `format`, picking the keyword or element the format's version requires.
pub fn bake_image(image: &[u8], format: Format, text: &str) -> Result<Vec<u8>, BakeError> {
    if image.starts_with(png::SIGNATURE) {
        bake_png(image, keyword_for(format), text)
    } else if image.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        bake_svg(image, &BakePayload::for_format(format, text))
    } else {
        Err(BakeError::NotAnImage)
    }
}

/// Bake `text` into `png` as an uncompressed `iTXt` chunk with `keyword`, right after IHDR,
/// replacing any existing badge text chunk. Chunks after IEND are dropped.
pub fn bake_png(png: &[u8], keyword: &str, text: &str) -> Result<Vec<u8>, BakeError> {
    let kw = keyword.as_bytes();
    if kw.is_empty() || kw.len() > 79 || !kw.iter().all(|&b| (0x20..=0x7e).contains(&b)) {
        return Err(BakeError::BadKeyword(keyword.to_owned()));
    }
    let mut data = Vec::with_capacity(kw.len() + 5 + text.len());
    data.extend_from_slice(kw);
    data.extend_from_slice(&[0, 0, 0, 0, 0]); // NUL, flag, method, empty tag NUL, empty keyword NUL
    data.extend_from_slice(text.as_bytes());

    let mut out = Vec::with_capacity(png.len() + data.len() + 12);
    out.extend_from_slice(png::SIGNATURE);
    let mut first = true;
    for chunk in png::chunks(png).map_err(BakeError::Png)? {
        let chunk = chunk.map_err(BakeError::Png)?;
        if first {
            if &chunk.ty != b"IHDR" {
                return Err(BakeError::NoIhdr);
            }
            out.extend_from_slice(chunk.raw(png));
            write_chunk(&mut out, b"iTXt", &data);
            first = false;
            continue;
        }
        let replaced =
            png::text_keyword(&chunk).is_some_and(|(k, _)| is_badge_keyword(k) || k == kw);
        if !replaced {
            out.extend_from_slice(chunk.raw(png));
        }
    }
    Ok(out)
}

fn write_chunk(out: &mut Vec<u8>, ty: &[u8; 4], data: &[u8]) {
    // Data is far below 2^31 bytes: text is bounded by the caller's memory and PNG chunks
    // may hold up to 2^31-1 bytes.
    let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(ty);
    out.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(ty);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
}

/// Bake `payload` into `svg`: the badge element goes right after the `<svg>` start tag, and
/// any existing badge element is removed. Refuses an SVG whose DOCTYPE declares entities.
pub fn bake_svg(svg_bytes: &[u8], payload: &BakePayload<'_>) -> Result<Vec<u8>, BakeError> {
    if payload.json.is_none() && payload.verify.is_none() {
        return Err(BakeError::EmptyPayload);
    }
    let ns = payload.family.namespace();
    let mut reader = NsReader::from_reader(svg_bytes);
    let mut root: Option<(usize, usize, bool, Option<String>)> = None; // start, end, self-closing, xmlns:openbadges
    let mut remove: Vec<(usize, usize)> = Vec::new();
    let to_usize = |p: u64| usize::try_from(p).unwrap_or(usize::MAX);
    loop {
        let start = to_usize(reader.buffer_position());
        let (resolved, event) = reader.read_resolved_event().map_err(|e| {
            BakeError::Svg(DecodeError::SvgMalformed(format!("{e} (at byte {start})")))
        })?;
        let (is_start, e) = match event {
            Event::Eof => break,
            Event::DocType(d) => {
                svg::check_doctype(&d).map_err(BakeError::Svg)?;
                continue;
            }
            Event::Start(e) => (true, e),
            Event::Empty(e) => (false, e),
            _ => continue,
        };
        let is_badge = svg::is_badge_element(&resolved, e.local_name().as_ref(), e.name().as_ref());
        if root.is_none() {
            if e.local_name().as_ref() != b"svg" {
                return Err(BakeError::NoSvgRoot);
            }
            let mut decl = None;
            for attr in e.attributes().flatten() {
                if attr.key.as_ref() == b"xmlns:openbadges" {
                    decl = Some(String::from_utf8_lossy(&attr.value).into_owned());
                }
            }
            root = Some((start, to_usize(reader.buffer_position()), !is_start, decl));
            continue;
        }
        if is_badge {
            let end = if is_start {
                let name = e.name().as_ref().to_vec();
                reader
                    .read_to_end(quick_xml::name::QName(&name))
                    .map_err(|err| BakeError::Svg(DecodeError::SvgMalformed(err.to_string())))?;
                to_usize(reader.buffer_position())
            } else {
                to_usize(reader.buffer_position())
            };
            remove.push((start, end));
        }
    }
    let Some((root_start, root_end, self_closing, decl)) = root else {
        return Err(BakeError::NoSvgRoot);
    };

    // The element, with its namespace declared on <svg> when it is free, else on itself.
    let mut element = String::new();
    element.push('<');
    element.push_str(payload.family.element());
    let declare_on_root = decl.is_none();
    if !declare_on_root && decl.as_deref() != Some(ns) {
        element.push_str(&format!(" xmlns:openbadges=\"{ns}\""));
    }
    if let Some(v) = payload.verify {
        element.push_str(" verify=\"");
        element.push_str(&quick_xml::escape::escape(v));
        element.push('"');
    }
    match payload.json {
        Some(json) => {
            element.push_str("><![CDATA[");
            element.push_str(&json.replace("]]>", "]]]]><![CDATA[>"));
            element.push_str("]]></");
            element.push_str(payload.family.element());
            element.push('>');
        }
        None => element.push_str("/>"),
    }

    let root_tag = svg_bytes.get(root_start..root_end).unwrap_or_default();
    let mut out = Vec::with_capacity(svg_bytes.len() + element.len() + 64);
    out.extend_from_slice(svg_bytes.get(..root_start).unwrap_or_default());
    // Rewrite the root start tag: add the namespace and open it if it was `<svg/>`.
    let tag_body = if self_closing {
        root_tag.strip_suffix(b"/>").unwrap_or(root_tag)
    } else {
        root_tag.strip_suffix(b">").unwrap_or(root_tag)
    };
    let tag_body = trim_end_ws(tag_body);
    out.extend_from_slice(tag_body);
    if declare_on_root {
        out.extend_from_slice(format!(" xmlns:openbadges=\"{ns}\"").as_bytes());
    }
    out.push(b'>');
    out.extend_from_slice(element.as_bytes());
    if self_closing {
        out.extend_from_slice(b"</svg>");
    }
    let mut pos = root_end;
    for (s, e) in remove {
        out.extend_from_slice(svg_bytes.get(pos..s).unwrap_or_default());
        pos = e;
    }
    out.extend_from_slice(svg_bytes.get(pos..).unwrap_or_default());
    Ok(out)
}

fn trim_end_ws(b: &[u8]) -> &[u8] {
    let n = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    b.get(..n).unwrap_or(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{Payload, decode};
    use crate::model::Container;

    const TINY_SVG: &[u8] =
        br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1"><rect/></svg>"#;

    #[test]
    fn svg_json_round_trip_with_cdata_end() {
        let json = r#"{"name":"a ]]> b","x":"<&>"}"#;
        let baked = bake_svg(TINY_SVG, &BakePayload::for_format(Format::Ob3Json, json)).unwrap();
        let d = decode(&baked).unwrap();
        assert_eq!(d.container, Container::Svg);
        assert_eq!(d.payload, Payload::Json(json.into()));
    }

    #[test]
    fn svg_rebake_replaces_and_switches_namespace() {
        let first = bake_svg(
            TINY_SVG,
            &BakePayload::for_format(Format::Ob2Hosted, "https://e.org/a"),
        )
        .unwrap();
        let second = bake_svg(
            &first,
            &BakePayload::for_format(Format::Ob3Json, "{\"a\":1}"),
        )
        .unwrap();
        let text = String::from_utf8(second.clone()).unwrap();
        assert_eq!(text.matches("openbadges:").count(), 2, "{text}"); // open + close tag only
        assert!(!text.contains("openbadges:assertion"), "{text}");
        assert!(
            text.contains(r#"xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0""#),
            "{text}"
        );
        assert_eq!(
            decode(&second).unwrap().payload,
            Payload::Json("{\"a\":1}".into())
        );
    }

    #[test]
    fn keyword_per_format() {
        assert_eq!(keyword_for(Format::Ob2Signed), "openbadges");
        assert_eq!(keyword_for(Format::Ob3Jwt), "openbadgecredential");
        assert_eq!(keyword_for(Format::Clr2Json), "clrcredential");
    }
}

#[cfg(test)]
mod png_tests {
    use super::*;
    use crate::decode::{Payload, decode};

    fn fixture(rel: &str) -> Vec<u8> {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/").to_owned() + rel)
            .unwrap()
    }

    #[test]
    fn png_round_trip_replaces_existing_chunk() {
        let png = fixture("bakery-python/baked_heart.png");
        let text = "{\"name\":\"Grüße ✓\"}";
        let baked = bake_png(&png, keyword_for(Format::Ob3Json), text).unwrap();
        assert_eq!(decode(&baked).unwrap().payload, Payload::Json(text.into()));
        // The old `openbadges` chunk is gone: exactly one badge chunk remains, right after IHDR.
        let chunks: Vec<_> = png::chunks(&baked)
            .unwrap()
            .map(|c| c.unwrap().ty)
            .collect();
        assert_eq!(&chunks[..2], &[*b"IHDR", *b"iTXt"]);
        assert_eq!(
            chunks
                .iter()
                .filter(|t| *t == b"iTXt" || *t == b"tEXt")
                .count(),
            1
        );
        // iTXt header is exactly keyword NUL 0 0 NUL NUL.
        let needle = b"openbadgecredential\0\0\0\0\0{";
        assert!(baked.windows(needle.len()).any(|w| w == needle));
    }

    #[test]
    fn bake_image_picks_container_and_keyword() {
        let jws = "eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln";
        let png = bake_image(
            &fixture("bakery-mozilla-js/unbaked.png"),
            Format::Clr2Jwt,
            jws,
        )
        .unwrap();
        let needle = b"clrcredential\0\0\0\0\0eyJ";
        assert!(png.windows(needle.len()).any(|w| w == needle));
        assert_eq!(decode(&png).unwrap().payload, Payload::Jws(jws.into()));
        let svg = bake_image(
            &fixture("bakery-mozilla-js/unbaked.svg"),
            Format::Ob3Jwt,
            jws,
        )
        .unwrap();
        assert!(
            String::from_utf8_lossy(&svg)
                .contains(&format!("<openbadges:credential verify=\"{jws}\"/>"))
        );
        assert_eq!(decode(&svg).unwrap().payload, Payload::Jws(jws.into()));
        assert_eq!(
            bake_image(b"GIF89a", Format::Ob3Json, "{}")
                .unwrap_err()
                .to_string(),
            "cannot bake into this file: it is neither a png nor an svg image"
        );
    }

    #[test]
    fn png_bad_keyword() {
        let png = fixture("bakery-python/public_domain_heart.png");
        assert_eq!(
            bake_png(&png, "", "x").unwrap_err().to_string(),
            "invalid png text keyword \"\": it must be 1-79 printable latin-1 characters"
        );
    }
}
