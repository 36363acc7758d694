//! Baked SVG: find the badge element. OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>.
//!
//! Elements are matched on (namespace URI, local name), as the 1EdTech validator does, because
//! the prefix `openbadges` is bound to different namespaces in OB 2.0 and OB 3.0:
//! `{http://openbadges.org}assertion`, `{https://purl.imsglobal.org/ob/v3p0}credential` and
//! `{https://purl.imsglobal.org/clr/v2p0}credential`. The JSON body (CDATA or text) wins; an
//! element without a body gives its `verify` attribute (a compact JWS or a hosted URL).
//!
//! Entities are never expanded: a DOCTYPE that declares any entity (billion laughs, XXE) is
//! refused outright, and a reference to anything but the five predefined entities or a
//! character reference is an error. External DTDs are never loaded (quick-xml cannot).
//! Spec: <https://www.imsglobal.org/spec/ob/v3p0/#svg>, OB 2.0 baking specification.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};

use super::DecodeError;

/// OB 2.0 baking namespace.
pub(crate) const NS_OB2: &str = "http://openbadges.org";
/// OB 3.0 baking namespace.
pub(crate) const NS_OB3: &str = "https://purl.imsglobal.org/ob/v3p0";
/// CLR 2.0 baking namespace.
pub(crate) const NS_CLR: &str = "https://purl.imsglobal.org/clr/v2p0";

/// What the badge element held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SvgBadge {
    /// The element body (JSON, normally), untrimmed.
    Body(String),
    /// The `verify` attribute value.
    Verify(String),
}

/// True when the resolved element name is a badge element.
pub(crate) fn is_badge_element(ns: &ResolveResult<'_>, local: &[u8], qname: &[u8]) -> bool {
    match ns {
        ResolveResult::Bound(Namespace(uri)) => {
            (*uri == NS_OB2.as_bytes() && local == b"assertion")
                || ((*uri == NS_OB3.as_bytes() || *uri == NS_CLR.as_bytes())
                    && local == b"credential")
        }
        // Lenient: a prefix that was never declared, as some hand-made SVGs do.
        ResolveResult::Unknown(_) => {
            qname == b"openbadges:assertion" || qname == b"openbadges:credential"
        }
        ResolveResult::Unbound => false,
    }
}

/// Refuse a DOCTYPE that declares entities.
pub(crate) fn check_doctype(doctype: &[u8]) -> Result<(), DecodeError> {
    let lower = doctype.to_ascii_lowercase();
    if lower.windows(8).any(|w| w == b"<!entity") {
        return Err(DecodeError::SvgEntities);
    }
    Ok(())
}

/// The text of a general reference (`&amp;`, `&#x41;`), or an error naming it.
pub(crate) fn resolve_ref(name: &[u8]) -> Result<char, DecodeError> {
    let named = match name {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        _ => None,
    };
    if let Some(c) = named {
        return Ok(c);
    }
    let text = String::from_utf8_lossy(name).into_owned();
    let code = if let Some(hex) = text.strip_prefix("#x").or_else(|| text.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()
    } else if let Some(dec) = text.strip_prefix('#') {
        dec.parse::<u32>().ok()
    } else {
        return Err(DecodeError::SvgUndefinedEntity(text));
    };
    code.and_then(char::from_u32)
        .ok_or(DecodeError::SvgUndefinedEntity(text))
}

fn xml_err(e: impl std::fmt::Display, pos: u64) -> DecodeError {
    DecodeError::SvgMalformed(format!("{e} (at byte {pos})"))
}

/// Find the badge in an SVG.
pub(crate) fn extract(bytes: &[u8]) -> Result<SvgBadge, DecodeError> {
    let mut reader = NsReader::from_reader(bytes);
    // Until an <svg> element shows up this may be any XML or HTML file: say "not a badge
    // file" rather than blame an svg that is not there.
    let mut seen_svg = false;
    loop {
        let pos = reader.buffer_position();
        let (ns, event) = match reader.read_resolved_event() {
            Ok(ev) => ev,
            Err(_) if !seen_svg => return Err(DecodeError::Unrecognized),
            Err(e) => return Err(xml_err(e, pos)),
        };
        let (is_start, e) = match event {
            Event::Eof if seen_svg => return Err(DecodeError::SvgNoBadge),
            Event::Eof => return Err(DecodeError::Unrecognized),
            Event::DocType(d) => {
                check_doctype(&d)?;
                continue;
            }
            Event::Start(e) => (true, e),
            Event::Empty(e) => (false, e),
            _ => continue,
        };
        seen_svg |= e.local_name().as_ref().eq_ignore_ascii_case(b"svg");
        if !is_badge_element(&ns, e.local_name().as_ref(), e.name().as_ref()) {
            continue;
        }
        let mut verify = None;
        for attr in e.attributes() {
            let attr = attr.map_err(|err| xml_err(err, pos))?;
            let (ans, local) = reader.resolve_attribute(attr.key);
            if matches!(ans, ResolveResult::Unbound) && local.as_ref() == b"verify" {
                verify = Some(attr_value(&attr.value)?);
            }
        }
        let body = if is_start {
            read_body(&mut reader)?
        } else {
            String::new()
        };
        if !body.trim().is_empty() {
            return Ok(SvgBadge::Body(body));
        }
        return match verify {
            Some(v) if !v.trim().is_empty() => Ok(SvgBadge::Verify(v.trim().to_owned())),
            _ => Err(DecodeError::SvgEmptyBadge),
        };
    }
}

/// Decode an attribute value, resolving only predefined and character references.
pub(crate) fn attr_value(raw: &[u8]) -> Result<String, DecodeError> {
    let text = std::str::from_utf8(raw).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.valid_up_to(),
        what: "svg verify attribute",
    })?;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let semi = after
            .find(';')
            .ok_or_else(|| DecodeError::SvgMalformed("unterminated `&` in an attribute".into()))?;
        out.push(resolve_ref(
            after.get(..semi).unwrap_or_default().as_bytes(),
        )?);
        rest = after.get(semi + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

/// Read the element's content up to its end tag. When the content is CDATA with only
/// whitespace around it (the baked form), the CDATA alone is returned, byte-exact; otherwise
/// all text and CDATA (nested elements' text included), in order.
fn read_body(reader: &mut NsReader<&[u8]>) -> Result<String, DecodeError> {
    let mut all = String::new();
    let mut cdata = String::new();
    let mut seen_cdata = false;
    let mut text_is_blank = true;
    let mut depth = 0usize;
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| xml_err(e, pos))?;
        match event {
            Event::Text(t) => {
                let t = t.decode().map_err(|e| xml_err(e, pos))?;
                text_is_blank &= t.trim().is_empty();
                all.push_str(&t);
            }
            Event::CData(t) => {
                let t = t.decode().map_err(|e| xml_err(e, pos))?;
                seen_cdata = true;
                cdata.push_str(&t);
                all.push_str(&t);
            }
            Event::GeneralRef(r) => {
                text_is_blank = false;
                all.push(resolve_ref(&r)?);
            }
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => {
                return Ok(if seen_cdata && text_is_blank {
                    cdata
                } else {
                    all
                });
            }
            Event::End(_) => depth -= 1,
            Event::Eof => {
                return Err(DecodeError::SvgMalformed(
                    "the badge element is never closed".into(),
                ));
            }
            Event::DocType(d) => check_doctype(&d)?,
            _ => {}
        }
    }
}
