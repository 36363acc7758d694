//! Baked PNG: find the badge text chunk. OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>.
//!
//! The chunk walk checks every CRC (`crc32fast`), stops at `IEND`, and accepts the badge chunk
//! before or after `IDAT`. The first `iTXt` / `tEXt` / `zTXt` chunk whose keyword is
//! `openbadges`, `openbadgecredential` or `clrcredential` wins. `iTXt` text is UTF-8, `tEXt`
//! text Latin-1; compressed text (`zTXt`, or `iTXt` with the compression flag set, which the
//! baking spec forbids but some tools write) is inflated leniently and never past
//! [`limits::MAX_INFLATED_TEXT_BYTES`](crate::limits::MAX_INFLATED_TEXT_BYTES).
//! Spec: <https://www.imsglobal.org/spec/ob/v3p0/#png> and the OB 2.0 baking specification.

use std::io::Read;

use super::DecodeError;
use crate::limits::MAX_INFLATED_TEXT_BYTES;

/// The 8-byte PNG signature.
pub(crate) const SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// The text-chunk keywords that hold a badge, in no particular order.
pub(crate) const BADGE_KEYWORDS: [&str; 3] = ["openbadges", "openbadgecredential", "clrcredential"];

/// One chunk of a PNG datastream.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunk<'a> {
    /// Chunk type, e.g. `b"iTXt"`.
    pub ty: [u8; 4],
    /// Chunk data (without length, type and CRC).
    pub data: &'a [u8],
    /// Offset of the chunk's length field in the file.
    pub start: usize,
    /// Offset just past the chunk's CRC.
    pub end: usize,
}

impl Chunk<'_> {
    /// The chunk type as text, for messages.
    pub fn name(&self) -> String {
        self.ty
            .iter()
            .map(|&b| if b.is_ascii_graphic() { b as char } else { '?' })
            .collect()
    }

    /// The whole chunk (length, type, data, CRC) as it sits in the file.
    pub fn raw<'b>(&self, file: &'b [u8]) -> &'b [u8] {
        file.get(self.start..self.end).unwrap_or_default()
    }
}

/// Iterator over the chunks of a PNG, checking lengths and CRCs; ends after `IEND`.
pub(crate) struct Chunks<'a> {
    bytes: &'a [u8],
    pos: usize,
    done: bool,
}

/// Walk the chunks of `bytes`, which must start with the PNG signature.
pub(crate) fn chunks(bytes: &[u8]) -> Result<Chunks<'_>, DecodeError> {
    if !bytes.starts_with(SIGNATURE) {
        return Err(DecodeError::PngTruncated {
            offset: 0,
            what: "signature".into(),
        });
    }
    Ok(Chunks {
        bytes,
        pos: SIGNATURE.len(),
        done: false,
    })
}

impl<'a> Iterator for Chunks<'a> {
    type Item = Result<Chunk<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let start = self.pos;
        let rest = self.bytes.get(start..).unwrap_or_default();
        if rest.is_empty() {
            self.done = true;
            return Some(Err(DecodeError::PngNoIend { offset: start }));
        }
        let Some((head, after)) = rest.split_first_chunk::<8>() else {
            self.done = true;
            return Some(Err(DecodeError::PngTruncated {
                offset: start,
                what: "chunk header".into(),
            }));
        };
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let ty = [head[4], head[5], head[6], head[7]];
        let name = Chunk {
            ty,
            data: &[],
            start,
            end: start,
        }
        .name();
        if len > 0x7fff_ffff {
            self.done = true;
            return Some(Err(DecodeError::PngBadChunk {
                offset: start,
                chunk: name,
            }));
        }
        let (Some(data), Some(crc)) = (after.get(..len), after.get(len..len.saturating_add(4)))
        else {
            self.done = true;
            return Some(Err(DecodeError::PngTruncated {
                offset: start,
                what: format!("`{name}` chunk"),
            }));
        };
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(&ty);
        hasher.update(data);
        if hasher.finalize().to_be_bytes() != crc {
            self.done = true;
            return Some(Err(DecodeError::PngBadCrc {
                offset: start,
                chunk: name,
            }));
        }
        let end = start + 8 + len + 4;
        self.pos = end;
        if &ty == b"IEND" {
            self.done = true;
        }
        Some(Ok(Chunk {
            ty,
            data,
            start,
            end,
        }))
    }
}

/// The keyword of a text chunk (`tEXt`, `zTXt`, `iTXt`) and the bytes after its NUL, if the
/// chunk is a text chunk at all.
pub(crate) fn text_keyword<'a>(chunk: &Chunk<'a>) -> Option<(&'a [u8], &'a [u8])> {
    if !matches!(&chunk.ty, b"tEXt" | b"zTXt" | b"iTXt") {
        return None;
    }
    let nul = chunk.data.iter().position(|&b| b == 0)?;
    Some((chunk.data.get(..nul)?, chunk.data.get(nul + 1..)?))
}

/// True when `keyword` is one of the badge keywords.
pub(crate) fn is_badge_keyword(keyword: &[u8]) -> bool {
    BADGE_KEYWORDS.iter().any(|k| k.as_bytes() == keyword)
}

/// Find the badge text in a PNG. Returns the keyword and the text.
pub(crate) fn extract(bytes: &[u8]) -> Result<(&'static str, String), DecodeError> {
    for chunk in chunks(bytes)? {
        let chunk = chunk?;
        let Some((keyword, rest)) = text_keyword(&chunk) else {
            continue;
        };
        let Some(kw) = BADGE_KEYWORDS.iter().find(|k| k.as_bytes() == keyword) else {
            continue;
        };
        let text = chunk_text(&chunk, rest)?;
        return Ok((kw, text));
    }
    Err(DecodeError::PngNoBadge)
}

fn chunk_text(chunk: &Chunk<'_>, rest: &[u8]) -> Result<String, DecodeError> {
    let name = chunk.name();
    match &chunk.ty {
        b"tEXt" => Ok(rest.iter().map(|&b| b as char).collect()),
        b"zTXt" => {
            // compression method byte, then the zlib stream; text is Latin-1.
            let stream = rest.get(1..).ok_or(DecodeError::PngBadText {
                chunk: name.clone(),
            })?;
            let raw = inflate(stream)?;
            Ok(raw.iter().map(|&b| b as char).collect())
        }
        _ => {
            // iTXt: flag, method, language tag NUL, translated keyword NUL, text.
            let [flag, _method, after @ ..] = rest else {
                return Err(DecodeError::PngBadText { chunk: name });
            };
            let flag = *flag;
            let lang_end = after
                .iter()
                .position(|&b| b == 0)
                .ok_or(DecodeError::PngBadText {
                    chunk: name.clone(),
                })?;
            let after = after.get(lang_end + 1..).unwrap_or_default();
            let tk_end = after
                .iter()
                .position(|&b| b == 0)
                .ok_or(DecodeError::PngBadText {
                    chunk: name.clone(),
                })?;
            let text = after.get(tk_end + 1..).unwrap_or_default();
            let owned;
            let text = if flag != 0 {
                owned = inflate(text)?;
                &owned[..]
            } else {
                text
            };
            match std::str::from_utf8(text) {
                Ok(s) => Ok(s.to_owned()),
                Err(e) => Err(DecodeError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                    what: "png iTXt badge text",
                }),
            }
        }
    }
}

/// Inflate a zlib stream leniently (a truncated or corrupt tail keeps what was read), never
/// past [`MAX_INFLATED_TEXT_BYTES`].
fn inflate(stream: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut dec = flate2::read::ZlibDecoder::new(stream).take(MAX_INFLATED_TEXT_BYTES + 1);
    match dec.read_to_end(&mut out) {
        Ok(_) => {}
        // Lenient: a damaged stream still yields what inflated cleanly.
        Err(_) if !out.is_empty() => {}
        Err(_) => return Err(DecodeError::PngBadCompression),
    }
    if out.len() as u64 > MAX_INFLATED_TEXT_BYTES {
        return Err(DecodeError::InflateLimit {
            limit: MAX_INFLATED_TEXT_BYTES,
        });
    }
    Ok(out)
}
