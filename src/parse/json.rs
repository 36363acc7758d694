//! Small, panic-free accessors over untrusted `serde_json::Value`s, tolerant of the
//! string-or-array and string-or-object shapes badges use (OB 3.0 “Data Model” <https://www.imsglobal.org/spec/ob/v3p0/> Serialization).

use serde_json::Value;

use crate::model::{Image, Issuer};

/// A non-empty, trimmed string at `key`.
pub(crate) fn s(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(text)
}

/// A value as a non-empty trimmed string (numbers and booleans are written out).
pub(crate) fn text(v: &Value) -> Option<String> {
    let t = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!t.is_empty()).then_some(t)
}

/// The items of a value that may be a single item or an array.
pub(crate) fn list(v: Option<&Value>) -> impl Iterator<Item = &Value> {
    let (one, many) = match v {
        Some(Value::Array(a)) => (None, a.as_slice()),
        Some(Value::Null) | None => (None, &[][..]),
        Some(x) => (Some(x), &[][..]),
    };
    one.into_iter().chain(many.iter())
}

/// The `type` values (string or array of strings).
pub(crate) fn types(v: &Value) -> Vec<&str> {
    list(v.get("type")).filter_map(Value::as_str).collect()
}

/// True when `type` contains `t`.
pub(crate) fn has_type(v: &Value, t: &str) -> bool {
    list(v.get("type")).any(|x| x.as_str() == Some(t))
}

/// An IRI given either as a string or as an object's `id`.
pub(crate) fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(_) => s(v, "id"),
        _ => text(v),
    }
}

/// The first object in a value that may be an object or an array of objects.
pub(crate) fn first_object(v: Option<&Value>) -> Option<&Value> {
    list(v).find(|x| x.is_object())
}

/// A string list from a string or array.
pub(crate) fn strings(v: Option<&Value>) -> Vec<String> {
    list(v).filter_map(text).collect()
}

/// Truthy boolean (`true`, `"true"`).
pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// An image reference: a string or an `Image` object's `id` (OB 2.0 also allows `url`).
pub(crate) fn image_ref(v: Option<&Value>) -> Option<String> {
    let v = v?;
    match v {
        Value::Object(_) => s(v, "id").or_else(|| s(v, "url")),
        _ => text(v),
    }
}

/// Turn an image reference into the model's [`Image`]: a `data:` URI is embedded; otherwise
/// the baked file itself when there is one, else the remote URL.
pub(crate) fn image(reference: Option<String>, baked_mime: Option<&str>) -> Option<Image> {
    match (reference, baked_mime) {
        (Some(r), _) if r.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:")) => {
            Some(Image::Data { uri: r })
        }
        (_, Some(mime)) => Some(Image::Baked {
            mime: mime.to_owned(),
        }),
        (Some(r), None) => Some(Image::Remote { url: r }),
        (None, None) => None,
    }
}

/// An issuer given as an IRI or a Profile object (OB 0.5 `origin`/`contact`/`org` included).
pub(crate) fn issuer(v: Option<&Value>) -> Issuer {
    match v {
        Some(Value::Object(_)) => {
            let v = v.unwrap_or(&Value::Null);
            let mut name = s(v, "name");
            if let Some(org) = s(v, "org") {
                name = Some(match name {
                    Some(n) => format!("{n} ({org})"),
                    None => org,
                });
            }
            Issuer {
                id: s(v, "id"),
                name,
                url: s(v, "url").or_else(|| s(v, "origin")),
                email: s(v, "email").or_else(|| s(v, "contact")),
                image: image_ref(v.get("image")),
                description: s(v, "description"),
            }
        }
        Some(other) => Issuer {
            id: text(other),
            ..Issuer::default()
        },
        None => Issuer::default(),
    }
}

/// Percent-unescape and trim an id (OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/>).
pub(crate) fn normalize_id(id: &str) -> String {
    let bytes = id.trim().as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).trim().to_owned()
}

/// A readable name from the last path segment of a URL: `…/robotics-badge.json` → `robotics badge`.
pub(crate) fn name_from_url(url: &str) -> String {
    let no_query = url.split(['?', '#']).next().unwrap_or(url);
    let trimmed = no_query.trim_end_matches('/');
    let seg = trimmed.rsplit('/').next().unwrap_or(trimmed);
    let stem = seg
        .rsplit_once('.')
        .map_or(seg, |(a, _)| if a.is_empty() { seg } else { a });
    let readable = stem.replace(['-', '_'], " ");
    let readable = readable.trim();
    if readable.is_empty() || trimmed.ends_with(':') {
        url.to_owned()
    } else {
        readable.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unescape_and_trim() {
        assert_eq!(
            normalize_id("  https://e.org/a%20b%2Fc  "),
            "https://e.org/a b/c"
        );
        assert_eq!(normalize_id("x%zz%4"), "x%zz%4");
    }

    #[test]
    fn readable_url_names() {
        assert_eq!(
            name_from_url("https://example.org/robotics-badge.json"),
            "robotics badge"
        );
        assert_eq!(name_from_url("http://a.com/badgeclass"), "badgeclass");
        assert_eq!(name_from_url("https://e.org/badges/42/?v=2_0"), "42");
    }
}
