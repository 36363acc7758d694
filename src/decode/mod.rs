//! Untrusted bytes → the badge payload. OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/> (baking), Backpack's own rule (sniffing).
//!
//! [`decode`] sniffs what a file is and pulls out the payload without interpreting it:
//! - a baked PNG (`png.rs`): the first `iTXt`/`tEXt`/`zTXt` chunk with a badge keyword (§1.2);
//! - a baked SVG (`svg.rs`): the `openbadges:assertion` / `openbadges:credential` element (§1.3);
//! - plain JSON, a compact JWS / JWT ([`jws`]), or a text file holding one http(s) URL.
//!
//! Every failure is a [`DecodeError`] whose message is one lower-case line that reads well after
//! `file.png: ` and names the limit hit, if any (see [`crate::limits`]).

pub mod jws;
pub(crate) mod png;
pub(crate) mod svg;

pub use jws::{CompactJws, decode_jws};

use crate::limits::MAX_FILE_BYTES;
use crate::model::Container;

/// The payload found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// JSON text (an assertion or credential).
    Json(String),
    /// A compact JWS / JWT.
    Jws(String),
    /// A URL of a hosted assertion.
    Url(String),
}

impl Payload {
    /// The payload text.
    pub fn text(&self) -> &str {
        match self {
            Payload::Json(s) | Payload::Jws(s) | Payload::Url(s) => s,
        }
    }
}

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// What the file was.
    pub container: Container,
    /// What it held.
    pub payload: Payload,
}

/// Why bytes hold no readable badge. Messages are one line, lower-case, and say which
/// limit was hit where one was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The file is empty.
    #[error("empty file")]
    Empty,
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("file is {size} bytes, over the {limit}-byte limit (MAX_FILE_BYTES)")]
    TooLarge {
        /// Size of the file.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The PNG ends in the middle of something.
    #[error("truncated png: the {what} at byte {offset} runs past the end of the file")]
    PngTruncated {
        /// Where the cut-off item starts.
        offset: usize,
        /// What was cut off.
        what: String,
    },
    /// The PNG ends before `IEND` without the badge being found.
    #[error(
        "truncated png: the file ends at byte {offset}, before the IEND chunk and before any badge data"
    )]
    PngNoIend {
        /// File length.
        offset: usize,
    },
    /// A chunk length is impossible.
    #[error("corrupt png: the `{chunk}` chunk at byte {offset} declares an impossible length")]
    PngBadChunk {
        /// Offset of the chunk.
        offset: usize,
        /// Chunk type.
        chunk: String,
    },
    /// A chunk's CRC does not match.
    #[error("corrupt png: crc mismatch in the `{chunk}` chunk at byte {offset}")]
    PngBadCrc {
        /// Offset of the chunk.
        offset: usize,
        /// Chunk type.
        chunk: String,
    },
    /// No badge chunk.
    #[error(
        "png holds no badge data: no iTXt, tEXt or zTXt chunk with keyword openbadges, openbadgecredential or clrcredential (is it an unbaked image?)"
    )]
    PngNoBadge,
    /// A badge text chunk is malformed.
    #[error("corrupt png: the `{chunk}` badge text chunk is malformed")]
    PngBadText {
        /// Chunk type.
        chunk: String,
    },
    /// Compressed badge text that does not inflate.
    #[error("corrupt png: the compressed badge text does not inflate")]
    PngBadCompression,
    /// Compressed badge text inflates past [`MAX_INFLATED_TEXT_BYTES`](crate::limits::MAX_INFLATED_TEXT_BYTES).
    #[error(
        "compressed badge text in the png inflates past the {limit}-byte limit (MAX_INFLATED_TEXT_BYTES); refused as a likely zlib bomb"
    )]
    InflateLimit {
        /// The limit.
        limit: u64,
    },
    /// Text that is not UTF-8.
    #[error("invalid utf-8 in the {what} at byte {offset}")]
    InvalidUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
        /// Where.
        what: &'static str,
    },
    /// An SVG DOCTYPE declares entities.
    #[error(
        "svg doctype declares xml entities; refused because entity expansion allows billion-laughs and xxe attacks"
    )]
    SvgEntities,
    /// An SVG refers to an entity that is not predefined.
    #[error(
        "svg refers to the entity `&{0};`, which is not predefined; entities are never expanded"
    )]
    SvgUndefinedEntity(String),
    /// The SVG is not well-formed XML.
    #[error("malformed svg: {0}")]
    SvgMalformed(String),
    /// No badge element in the SVG.
    #[error(
        "svg holds no badge data: no openbadges:assertion or openbadges:credential element (is it an unbaked image?)"
    )]
    SvgNoBadge,
    /// The badge element is empty.
    #[error("svg badge element is empty: it has neither json content nor a verify attribute")]
    SvgEmptyBadge,
    /// A compact JWS without three segments.
    #[error(
        "compact jws has {found} {} separated by `.`, expected 3 (header.payload.signature)",
        if *found == 1 { "segment" } else { "segments" }
    )]
    JwsSegments {
        /// Segments found.
        found: usize,
    },
    /// A JWS segment is not base64url.
    #[error("jws {part} is not valid base64url: {detail}")]
    JwsBase64 {
        /// `header`, `payload` or `signature`.
        part: &'static str,
        /// The decoder's complaint.
        detail: crate::localize::Message,
    },
    /// A JWS header or payload is not JSON.
    #[error("jws {part} is not json: {detail}")]
    JwsNotJson {
        /// `header` or `payload`.
        part: &'static str,
        /// The parser's complaint.
        detail: crate::localize::Message,
    },
    /// JSON nested deeper than [`MAX_JSON_DEPTH`](crate::limits::MAX_JSON_DEPTH).
    #[error("json nests deeper than {limit} levels (MAX_JSON_DEPTH)")]
    JsonTooDeep {
        /// The limit.
        limit: usize,
    },
    /// Baked text that is neither JSON, JWS nor URL.
    #[error(
        "the badge text baked in the {container} is neither json, a compact jws nor an http(s) url"
    )]
    BadBakedText {
        /// `png` or `svg`.
        container: &'static str,
    },
    /// Not a file we know.
    #[error(
        "not a badge file: expected a baked png or svg, json, a compact jws or a text file with one http(s) url"
    )]
    Unrecognized,
}

/// True when a serde_json error is its recursion limit.
pub(crate) fn is_depth_error(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("recursion limit exceeded")
}

/// Find the badge payload in `bytes`.
///
/// Checks [`MAX_FILE_BYTES`] (callers should check it before reading, too).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let sig_len = bytes.len().min(png::SIGNATURE.len());
    if bytes.get(..sig_len) == png::SIGNATURE.get(..sig_len) {
        let (_keyword, text) = png::extract(bytes)?;
        let payload = classify(text).ok_or(DecodeError::BadBakedText { container: "png" })?;
        check_jws(&payload)?;
        return Ok(Decoded {
            container: Container::Png,
            payload,
        });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .and_then(|i| body.get(i).copied());
    match first {
        None => return Err(DecodeError::Empty),
        Some(b'<') if looks_like_xml(body) => {
            let payload = match svg::extract(body)? {
                svg::SvgBadge::Body(text) => classify(text),
                svg::SvgBadge::Verify(text) => classify(text),
            }
            .ok_or(DecodeError::BadBakedText { container: "svg" })?;
            check_jws(&payload)?;
            return Ok(Decoded {
                container: Container::Svg,
                payload,
            });
        }
        _ => {}
    }
    let text = std::str::from_utf8(body).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.valid_up_to(),
        what: "file",
    })?;
    let trimmed = text.trim();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Ok(Decoded {
            container: Container::Json,
            payload: Payload::Json(text.to_owned()),
        });
    }
    if is_url(trimmed) {
        return Ok(Decoded {
            container: Container::Url,
            payload: Payload::Url(trimmed.to_owned()),
        });
    }
    if jws::looks_like_jws(trimmed) {
        decode_jws(trimmed)?;
        return Ok(Decoded {
            container: Container::Jws,
            payload: Payload::Jws(trimmed.to_owned()),
        });
    }
    Err(DecodeError::Unrecognized)
}

/// A JWS payload must at least split and decode.
fn check_jws(payload: &Payload) -> Result<(), DecodeError> {
    if let Payload::Jws(t) = payload {
        decode_jws(t)?;
    }
    Ok(())
}

/// True when text starting with `<` is XML (`<?xml`, `<!DOCTYPE`, a comment, or `<svg`), not
/// e.g. N-Quads.
fn looks_like_xml(body: &[u8]) -> bool {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = body.get(start..).unwrap_or_default();
    head.starts_with(b"<?")
        || head.starts_with(b"<!")
        || head
            .get(..4)
            .is_some_and(|h| h.eq_ignore_ascii_case(b"<svg"))
}

/// True for one http(s) URL with no whitespace.
fn is_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "http://".len()
        && !s.chars().any(char::is_whitespace)
}

/// Classify baked text: JSON, compact JWS or URL. The JSON text is kept as baked.
fn classify(text: String) -> Option<Payload> {
    let trimmed = text.trim();
    if trimmed.starts_with('{') {
        Some(Payload::Json(text))
    } else if is_url(trimmed) {
        Some(Payload::Url(trimmed.to_owned()))
    } else if jws::looks_like_jws(trimmed) {
        Some(Payload::Jws(trimmed.to_owned()))
    } else {
        None
    }
}
