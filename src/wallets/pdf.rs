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
//! A PDF is hostile input, read with the one bounded PDF reader, [`crate::export::pdf_read`]
//! (the one that reads received portfolios): at most [`limits::MAX_PDF_BYTES`]; at most
//! [`limits::MAX_PDF_STREAMS`] streams (counted on the raw bytes before parsing); only the
//! objects on the way to the information dictionary and the XMP stream are parsed, with that
//! reader's nesting, reference-chain and cross-reference limits; the XMP stream read raw or
//! through `FlateDecode` / `ASCIIHexDecode` within [`limits::MAX_INFLATED_TEXT_BYTES`], never
//! expanding XML entities; encrypted PDFs refused. A PDF saved with compressed
//! cross-references or object streams (PDF 1.5) is refused with one line saying so. No OBF
//! PDF is public; the tests write PDFs with both embeddings.

use std::path::Path;

use quick_xml::NsReader;
use quick_xml::events::Event;

use super::refused;
use crate::decode::svg;
use crate::export::pdf_read::{InfoError, PdfDoc, PdfReadError};
use crate::import::FileOutcome;
use crate::limits;
use crate::localize::{Localize, Message, msg};

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
                    reason: format!("{source}: {}", e.to_string().to_lowercase()).into(),
                },
                status: None,
            }));
        }
    };
    if bytes.len() as u64 > limits::MAX_PDF_BYTES {
        return Err(Box::new(refused(
            &source,
            msg!("err-wallet-pdf-too-large", limit = limits::MAX_PDF_BYTES),
        )));
    }
    let (place, text) = extract(&bytes).map_err(|why| Box::new(refused(&source, why)))?;
    Ok((format!("{source}:{place}"), text.into_bytes()))
}

/// The badge text of a PDF and where it was (`openbadges` or `xmp`), or why there is none
/// (a catalog message: [`Message::english`] for the English line).
pub fn extract(bytes: &[u8]) -> Result<(&'static str, String), Message> {
    let streams = count_streams(bytes);
    if streams > limits::MAX_PDF_STREAMS {
        return Err(msg!(
            "err-wallet-pdf-streams",
            streams = streams,
            limit = limits::MAX_PDF_STREAMS
        ));
    }
    let doc = PdfDoc::open(bytes).map_err(|e| match e {
        PdfReadError::Encrypted => msg!("err-wallet-pdf-encrypted"),
        PdfReadError::NotPdf => msg!("err-wallet-pdf-not-pdf"),
        PdfReadError::Damaged(why) => msg!("err-wallet-pdf-unreadable", detail = why),
        other => msg!("err-wallet-pdf-unreadable", detail = other.message()),
    })?;
    if let Some(text) = info_badge(&doc)? {
        return Ok(("openbadges", text));
    }
    if let Some(text) = xmp_badge(&doc)? {
        return Ok(("xmp", text));
    }
    Err(msg!("err-wallet-pdf-no-badge"))
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

/// The Info dictionary's `openbadges` text.
fn info_badge(doc: &PdfDoc<'_>) -> Result<Option<String>, Message> {
    match doc.info_text(b"openbadges") {
        Ok(Some(t)) if !t.trim().is_empty() => Ok(Some(t)),
        Ok(None) => Ok(None),
        Err(InfoError::Dangling) => Err(msg!("err-wallet-pdf-dangling")),
        Ok(Some(_)) | Err(_) => Err(msg!("err-wallet-pdf-not-text")),
    }
}

/// The XMP metadata's `<openbadges:assertion verify="…">` (or its body).
fn xmp_badge(doc: &PdfDoc<'_>) -> Result<Option<String>, Message> {
    let Some(xml) = doc
        .metadata(limits::MAX_INFLATED_TEXT_BYTES)
        .map_err(|why| {
            msg!(
                "err-wallet-pdf-xmp-inflate",
                limit = limits::MAX_INFLATED_TEXT_BYTES,
                detail = why
            )
        })?
    else {
        return Ok(None);
    };
    xmp_assertion(&xml).map_err(|e| msg!("err-wallet-pdf-xmp", detail = e.message()))
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
