//! Baked images: a badge's credential embedded in its own image, under the keyword its
//! version requires (OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>): `openbadges` (OB 1.x/2.0), `openbadgecredential`
//! (OB 3.0), `clrcredential` (CLR 2.0); an uncompressed PNG `iTXt` chunk (never more than one:
//! any earlier badge chunk is dropped) or an SVG element in the version's namespace.
//!
//! - A baked PNG or SVG original is re-baked with its own payload text (which fixes a wrong
//!   keyword or namespace and leaves exactly one badge chunk/element); if the SVG cannot be
//!   re-baked (say, it declares entities) it is returned as it came, already baked.
//! - A JSON/JWT badge is baked into its embedded PNG/SVG image when it has one, else into a
//!   generated plain PNG.
//!
//! The payload text baked is always the credential text exactly as found in the original.
//! The chunk/element writing itself is [`crate::bake`] (shared with the import work).

use super::{ExportBadge, ExportError};
use crate::bake::{BakePayload, bake_png, bake_svg, keyword_for};
use crate::model::Container;

/// A baked image.
#[derive(Debug, Clone)]
pub struct BakedImage {
    /// The file bytes.
    pub bytes: Vec<u8>,
    /// `png` or `svg`.
    pub extension: &'static str,
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
            let rgb = if (96 * 96..=110 * 110).contains(&d2) {
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
        // Flat colours compress well even at the fastest level; bundles make many of these.
        enc.set_compression(png::Compression::Fast);
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
    // JSON is baked exactly as found (whitespace included); a JWS or URL without the line
    // break a text file may end with.
    let text = if item.payload.trim_start().starts_with('{') {
        item.payload.as_str()
    } else {
        item.payload.trim()
    };
    match item.container {
        Container::Png => {
            return Ok(BakedImage {
                bytes: bake_png(&item.original, kw, text).map_err(bake_err)?,
                extension: "png",
            });
        }
        Container::Svg => {
            let bytes = bake_svg(&item.original, &BakePayload::for_format(item.format, text))
                .unwrap_or_else(|_| item.original.clone());
            return Ok(BakedImage {
                bytes,
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
                if let Ok(b) = bake_svg(&bytes, &BakePayload::for_format(item.format, text)) {
                    return Ok(BakedImage {
                        bytes: b,
                        extension: "svg",
                    });
                }
            }
            _ => {}
        }
    }
    let plain = generated_png(&item.badge.name)?;
    Ok(BakedImage {
        bytes: bake_png(&plain, kw, text).map_err(bake_err)?,
        extension: "png",
    })
}

fn bake_err(e: crate::bake::BakeError) -> ExportError {
    ExportError::Bake(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::model::{Badge, Format};

    fn item(container: Container, original: Vec<u8>, format: Format, payload: &str) -> ExportBadge {
        ExportBadge {
            wallet_id: "1".into(),
            original,
            container,
            format,
            badge: Badge {
                name: "n".into(),
                ..Badge::default()
            },
            payload: payload.into(),
            report: None,
            note: None,
        }
    }

    #[test]
    fn json_badge_without_image_gets_a_generated_png_that_decodes_back() {
        let text = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"x\":\"é\"}";
        let it = item(
            Container::Json,
            text.as_bytes().to_vec(),
            Format::Ob3Json,
            text,
        );
        let img = baked_image(&it).unwrap();
        assert_eq!(img.extension, "png");
        let d = decode(&img.bytes).unwrap();
        assert_eq!(d.payload.text(), text);
        // Re-baking the result keeps exactly one badge chunk.
        let again = item(Container::Png, img.bytes, Format::Ob3Json, text);
        let twice = baked_image(&again).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&twice.bytes)
                .matches("openbadgecredential")
                .count(),
            1
        );
    }
}
