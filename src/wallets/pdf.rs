//! Open Badge Factory PDF badges: an Open Badge carried inside a PDF.
//!
//! OBF issues, beside the PNG/SVG badge, a PDF "with the badge baked in". The only public
//! reader (Salava, Open Badge Passport: `src/clj/salava/badge/parse.clj`) takes the badge from
//! 1. the document information dictionary's custom key `openbadges` (ISO 32000-1 §14.3.3), or
//! 2. the catalog's XMP metadata stream (§14.3.2): the `verify` attribute of the first
//!    `<openbadges:assertion>` element, as in a baked SVG
//!    (<https://www.imsglobal.org/spec/ob/v2p0/#svg>).
//!
//! The text found is a hosted assertion URL, hosted assertion JSON or a compact JWS, and is
//! imported as that badge text (the PDF's own signature, if any, is not what proves the
//! badge). It is named `badge.pdf:openbadges` or `badge.pdf:xmp`. A URL alone is refused
//! with the importer's usual line: import it by URL with network allowed.
//!
//! A PDF is hostile input, read with `lopdf` under caps: at most [`limits::MAX_PDF_BYTES`];
//! at most [`limits::MAX_PDF_STREAMS`] streams (counted on the raw bytes before parsing, so
//! decompression work is bounded whatever the deflate ratio); every stream inflated during
//! loading capped at [`limits::MAX_PDF_STREAM_BYTES`]; only dictionaries, strings, object
//! streams and the XMP stream kept while loading (page content, fonts and images dropped
//! unread), within [`limits::MAX_PDF_OBJECT_BYTES`]; XMP text at most
//! [`limits::MAX_INFLATED_TEXT_BYTES`], never expanding XML entities; encrypted PDFs refused;
//! lopdf's nesting (100 levels) and reference-chain limits; a panic inside the parser is
//! caught and reported as an unreadable PDF. No OBF PDF is public; the tests write PDFs with
//! both embeddings.

use std::cell::Cell;
use std::path::Path;

use lopdf::{Document, LoadOptions, Object, ObjectId};
use quick_xml::NsReader;
use quick_xml::events::Event;

use super::refused;
use crate::decode::svg;
use crate::import::FileOutcome;
use crate::limits;

thread_local! {
    /// Bytes of objects kept by [`keep`] during the current load.
    static KEPT: Cell<u64> = const { Cell::new(0) };
    /// [`keep`] dropped an object because [`limits::MAX_PDF_OBJECT_BYTES`] was reached.
    static OVER: Cell<bool> = const { Cell::new(false) };
}

/// Read a PDF file and take the badge text out of it.
pub(crate) fn read(path: &Path) -> Result<(String, Vec<u8>), Box<FileOutcome>> {
    let source = path.display().to_string();
    let bytes = match std::fs::File::open(path).and_then(|f| {
        use std::io::Read;
        let mut b = Vec::new();
        f.take(limits::MAX_PDF_BYTES + 1).read_to_end(&mut b)?;
        Ok(b)
    }) {
        Ok(b) => b,
        Err(e) => {
            return Err(Box::new(FileOutcome {
                source: source.clone(),
                result: crate::import::FileResult::Failed {
                    reason: format!("{source}: {}", e.to_string().to_lowercase()),
                },
                status: None,
            }));
        }
    };
    if bytes.len() as u64 > limits::MAX_PDF_BYTES {
        return Err(Box::new(refused(
            &source,
            format!(
                "pdf larger than the {}-byte limit (MAX_PDF_BYTES)",
                limits::MAX_PDF_BYTES
            ),
        )));
    }
    let (place, text) = extract(&bytes).map_err(|why| Box::new(refused(&source, why)))?;
    Ok((format!("{source}:{place}"), text.into_bytes()))
}

/// The badge text of a PDF and where it was (`openbadges` or `xmp`), or why there is none.
pub fn extract(bytes: &[u8]) -> Result<(&'static str, String), String> {
    let streams = count_streams(bytes);
    if streams > limits::MAX_PDF_STREAMS {
        return Err(format!(
            "pdf has {streams} streams, more than the {}-stream limit (MAX_PDF_STREAMS): too large to be a badge",
            limits::MAX_PDF_STREAMS
        ));
    }
    let doc = std::panic::catch_unwind(|| load(bytes))
        .map_err(|_| "not a readable pdf (the pdf parser gave up on it)".to_string())??;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err("an encrypted pdf: not read".into());
    }
    if let Some(text) = info_badge(&doc)? {
        return Ok(("openbadges", text));
    }
    if let Some(text) = xmp_badge(&doc)? {
        return Ok(("xmp", text));
    }
    Err(
        "pdf holds no badge: no openbadges entry in its document information and no \
         openbadges:assertion in its xmp metadata"
            .into(),
    )
}

/// How many streams the raw bytes can hold at most: every `stream` keyword followed by an end
/// of line (the keyword cannot be escaped).
fn count_streams(bytes: &[u8]) -> usize {
    bytes
        .windows(7)
        .enumerate()
        .filter(|(i, w)| {
            w.starts_with(b"stream")
                && matches!(w.get(6), Some(b'\r' | b'\n'))
                && !(*i >= 3 && bytes.get(i - 3..*i) == Some(b"end"))
        })
        .count()
}

fn load(bytes: &[u8]) -> Result<Document, String> {
    KEPT.set(0);
    OVER.set(false);
    let opts = LoadOptions {
        filter: Some(keep),
        max_decompressed_size: Some(limits::MAX_PDF_STREAM_BYTES as usize),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, opts).map_err(|e| {
        format!(
            "not a readable pdf: {}",
            e.to_string().to_lowercase().replace(['\n', '\r'], " ")
        )
    })?;
    if OVER.get() {
        return Err(format!(
            "pdf holds more than {} bytes of objects (MAX_PDF_OBJECT_BYTES)",
            limits::MAX_PDF_OBJECT_BYTES
        ));
    }
    Ok(doc)
}

/// What is kept while loading: everything but streams, plus the object streams (they hold
/// the other objects) and the XMP metadata stream, within the byte budget.
fn keep(id: ObjectId, obj: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(s) = obj
        && !(s.dict.has_type(b"ObjStm") || s.dict.has_type(b"Metadata"))
    {
        return None;
    }
    let kept = KEPT.get().saturating_add(size(obj, 0));
    if kept > limits::MAX_PDF_OBJECT_BYTES {
        OVER.set(true);
        return None;
    }
    KEPT.set(kept);
    // lopdf keeps `obj` itself for a top-level object and the returned one for an object
    // stream's member: leave it whole and return a copy.
    Some((id, obj.clone()))
}

/// About how many bytes an object holds.
fn size(obj: &Object, depth: usize) -> u64 {
    if depth > 128 {
        return 16;
    }
    16 + match obj {
        Object::String(s, _) => s.len() as u64,
        Object::Name(n) => n.len() as u64,
        Object::Array(a) => a.iter().map(|o| size(o, depth + 1)).sum(),
        Object::Dictionary(d) => d
            .iter()
            .map(|(k, v)| k.len() as u64 + size(v, depth + 1))
            .sum(),
        Object::Stream(s) => {
            s.content.len() as u64
                + s.dict
                    .iter()
                    .map(|(k, v)| k.len() as u64 + size(v, depth + 1))
                    .sum::<u64>()
        }
        _ => 0,
    }
}

/// A PDF text string: UTF-16BE or UTF-8 with a byte order mark, UTF-8 as written (what
/// generators put in custom keys), else PDFDocEncoding.
fn text(obj: &Object) -> Option<String> {
    let raw = obj.as_str().ok()?;
    if !raw.starts_with(b"\xFE\xFF")
        && !raw.starts_with(b"\xEF\xBB\xBF")
        && let Ok(s) = std::str::from_utf8(raw)
    {
        return Some(s.to_owned());
    }
    lopdf::decode_text_string(obj).ok()
}

/// The Info dictionary's `openbadges` text.
fn info_badge(doc: &Document) -> Result<Option<String>, String> {
    let Ok(info) = doc.trailer.get(b"Info") else {
        return Ok(None);
    };
    let Ok((_, Object::Dictionary(info))) = doc.dereference(info) else {
        return Ok(None);
    };
    let Ok(value) = info.get(b"openbadges") else {
        return Ok(None);
    };
    let (_, value) = doc
        .dereference(value)
        .map_err(|_| "the pdf's openbadges entry points nowhere".to_string())?;
    match text(value) {
        Some(t) if !t.trim().is_empty() => Ok(Some(t)),
        _ => Err("the pdf's openbadges entry is not a text string".into()),
    }
}

/// The XMP metadata's `<openbadges:assertion verify="…">` (or its body).
fn xmp_badge(doc: &Document) -> Result<Option<String>, String> {
    let Ok(catalog) = doc.catalog() else {
        return Ok(None);
    };
    let Ok(meta) = catalog.get(b"Metadata") else {
        return Ok(None);
    };
    let Ok((_, Object::Stream(stream))) = doc.dereference(meta) else {
        return Ok(None);
    };
    let xml = stream
        .decompressed_content_with_limit(limits::MAX_INFLATED_TEXT_BYTES as usize)
        .map_err(|_| {
            format!(
                "the pdf's xmp metadata does not inflate within the {}-byte limit (MAX_INFLATED_TEXT_BYTES)",
                limits::MAX_INFLATED_TEXT_BYTES
            )
        })?;
    xmp_assertion(&xml).map_err(|e| format!("the pdf's xmp metadata: {e}"))
}

/// The first `openbadges:assertion` element of an XMP packet: its `verify` attribute, else
/// its text. Entities are never expanded (a DOCTYPE declaring any is refused).
pub fn xmp_assertion(xml: &[u8]) -> Result<Option<String>, crate::decode::DecodeError> {
    let mut reader = NsReader::from_reader(xml);
    loop {
        let pos = reader.buffer_position();
        let (ns, event) = reader.read_resolved_event().map_err(|e| {
            crate::decode::DecodeError::SvgMalformed(format!("{e} (at byte {pos})"))
        })?;
        let (is_start, e) = match event {
            Event::Eof => return Ok(None),
            Event::DocType(d) => {
                svg::check_doctype(&d)?;
                continue;
            }
            Event::Start(e) => (true, e),
            Event::Empty(e) => (false, e),
            _ => continue,
        };
        let qname = e.name();
        let is_badge = qname.as_ref() == b"openbadges:assertion"
            || svg::is_badge_element(&ns, e.local_name().as_ref(), qname.as_ref());
        if !is_badge {
            continue;
        }
        let mut verify = None;
        for attr in e.attributes().flatten() {
            if attr.key.local_name().as_ref() == b"verify" {
                verify = Some(svg::attr_value(&attr.value)?);
            }
        }
        if let Some(v) = verify.filter(|v| !v.trim().is_empty()) {
            return Ok(Some(v.trim().to_owned()));
        }
        if !is_start {
            return Ok(None);
        }
        let end = e.to_end().into_owned();
        let body = reader
            .read_text(end.name())
            .map_err(|e| crate::decode::DecodeError::SvgMalformed(e.to_string()))?;
        let body = body.trim();
        return Ok((!body.is_empty()).then(|| body.to_owned()));
    }
}
