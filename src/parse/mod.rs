//! Payload → normalised [`Badge`], for OB 0.5–2.0, OB 3.0 (VCDM 1.1 and
//! 2.0, JSON and VC-JWT) and CLR 2.0. OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> (upgrades), OB 3.0 “Data Model” <https://www.imsglobal.org/spec/ob/v3p0/>, OB 3.0 “JSON Web Token Proof Format” <https://www.imsglobal.org/spec/ob/v3p0/> and VC-JWT <https://www.w3.org/TR/vc-jose-cose/>, CLR 2.0 <https://www.imsglobal.org/spec/clr/v2p0/>.
//!
//! [`parse`] reads the payload JSON once with `serde_json` (depth capped at
//! [`MAX_JSON_DEPTH`]), then:
//! - a Verifiable Credential (VCDM `@context` or a VC `type`) goes to `ob3.rs`: OB 3.0
//!   `OpenBadgeCredential`/`AchievementCredential`, CLR 2.0 `ClrCredential` (its inner
//!   credentials parsed into [`ParsedCredential::embedded`]), VCDM 2.0
//!   `EnvelopedVerifiableCredential` (`id: data:application/vc+jwt,<jws>`, unwrapped);
//! - an object with `badge`/`recipient` goes to `ob2.rs` (OB 0.5–2.0);
//! - a compact JWS is an OB 2.0 signed assertion or a VC-JWT (credential as the payload or in
//!   its `vc` claim; OB 3.0 “JSON Web Token Proof Format” <https://www.imsglobal.org/spec/ob/v3p0/> and VC-JWT <https://www.w3.org/TR/vc-jose-cose/>);
//! - a bare URL is a hosted assertion that needs the network, which parse never uses.
//!
//! Nothing here touches the network or the clock; the stored document is never rewritten.

mod dates;
mod json;
mod ob2;
mod ob3;

pub use dates::normalize_str as normalize_date;

use crate::decode::{Decoded, Payload, decode_jws};
use crate::limits::MAX_JSON_DEPTH;
use crate::localize::Message;
use crate::model::{Badge, Container, Format};

/// How the wallet recognises the same badge imported twice (OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/>).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DedupeKey {
    /// OB 3.0 / CLR: (issuer id, credential id); the newest `valid_from` wins.
    Credential {
        /// Issuer id, percent-unescaped and trimmed.
        issuer_id: String,
        /// Credential id, percent-unescaped and trimmed.
        id: String,
        /// `validFrom` / `issuanceDate`, RFC 3339, to pick the newest.
        valid_from: Option<String>,
    },
    /// OB 2.0 / 1.x: the assertion id.
    Assertion {
        /// The assertion id (URL or urn:uuid).
        id: String,
    },
    /// No usable id: dedupe by the hash of the original bytes.
    Content,
}

/// One parsed credential.
#[derive(Debug, Clone)]
pub struct ParsedCredential {
    /// Format.
    pub format: Format,
    /// Display view.
    pub badge: Badge,
    /// The assertion / credential JSON (for a JWT: the credential inside the payload).
    pub document: serde_json::Value,
    /// The compact JWS when the credential came as one.
    pub compact_jws: Option<String>,
    /// For a hosted OB2 assertion: the URL to verify against.
    pub hosted_url: Option<String>,
    /// Dedupe key.
    pub dedupe: DedupeKey,
    /// Credentials embedded in a CLR, each parsed on its own.
    pub embedded: Vec<ParsedCredential>,
}

/// Why a payload is not a badge. Messages are one lower-case line that reads well after
/// `file.json: `.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The JSON is valid but not a badge.
    #[error("not an open badge: {0}")]
    NotABadge(Message),
    /// A credential that lacks what makes it a badge (issuer, subject, achievement); the
    /// message names what is missing.
    #[error("holds no readable badge: {0}")]
    Unreadable(Message),
    /// The text is not JSON.
    #[error("invalid json: {0}")]
    Json(Message),
    /// JSON nested deeper than [`MAX_JSON_DEPTH`].
    #[error("json nests deeper than {limit} levels (MAX_JSON_DEPTH)")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// The JSON is not one object.
    #[error("json is {0}, but a badge is one json object")]
    NotAnObject(&'static str),
    /// Only the URL of a hosted assertion; fetching it needs the network.
    #[error(
        "holds only the url of a hosted badge ({0}); fetch it with network access allowed to import it"
    )]
    HostedUrl(String),
    /// A compact JWS that does not decode.
    #[error(transparent)]
    Jws(#[from] crate::decode::DecodeError),
    /// An `EnvelopedVerifiableCredential` whose `id` is not a `data:` URL holding a JWT.
    #[error(
        "enveloped verifiable credential: its id must be a data:application/vc+jwt,<compact jws> url"
    )]
    BadEnvelope,
}

/// Parse a decoded payload. Baked images (PNG/SVG) make the image [`Image::Baked`](crate::model::Image::Baked)
/// unless the badge embeds a `data:` image.
pub fn parse(decoded: &Decoded) -> Result<ParsedCredential, ParseError> {
    let baked = baked_mime(decoded.container);
    match &decoded.payload {
        Payload::Json(text) => {
            let doc = from_json(text)?;
            parse_value(doc, baked)
        }
        Payload::Jws(jws) => parse_jws(jws.trim(), baked),
        Payload::Url(url) => Err(ParseError::HostedUrl(url.clone())),
    }
}

/// Parse an already-read JSON document (e.g. a hosted assertion fetched by the caller).
/// `baked_mime` (`image/png`, `image/svg+xml`) says the document came baked in an image of
/// that type, which then is the badge's image unless the JSON embeds a `data:` image.
pub fn parse_value(
    doc: serde_json::Value,
    baked_mime: Option<&str>,
) -> Result<ParsedCredential, ParseError> {
    match &doc {
        serde_json::Value::Object(_) => {}
        serde_json::Value::Array(_) => return Err(ParseError::NotAnObject("an array")),
        serde_json::Value::String(_) => return Err(ParseError::NotAnObject("a string")),
        serde_json::Value::Number(_) => return Err(ParseError::NotAnObject("a number")),
        serde_json::Value::Bool(_) => return Err(ParseError::NotAnObject("a boolean")),
        serde_json::Value::Null => return Err(ParseError::NotAnObject("null")),
    }
    if ob3::is_vc(&doc) {
        parse_vc_or_enveloped(doc, baked_mime)
    } else if ob2::is_assertion(&doc) {
        ob2::parse_assertion(doc, None, baked_mime)
    } else {
        Err(ob2::not_a_badge(&doc))
    }
}

/// The image MIME type of a baked container.
fn baked_mime(container: Container) -> Option<&'static str> {
    match container {
        Container::Png => Some("image/png"),
        Container::Svg => Some("image/svg+xml"),
        _ => None,
    }
}

/// Read JSON once, mapping serde_json's recursion limit to [`ParseError::TooDeep`].
pub(crate) fn from_json(text: &str) -> Result<serde_json::Value, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        if crate::decode::is_depth_error(&e) {
            ParseError::TooDeep {
                limit: MAX_JSON_DEPTH,
            }
        } else {
            ParseError::Json(crate::localize::json_error(&e))
        }
    })
}

/// A VC, unwrapping an `EnvelopedVerifiableCredential`.
pub(crate) fn parse_vc_or_enveloped(
    doc: serde_json::Value,
    baked_mime: Option<&str>,
) -> Result<ParsedCredential, ParseError> {
    if json::has_type(&doc, "EnvelopedVerifiableCredential") {
        let id = json::s(&doc, "id").unwrap_or_default();
        let (media, jws) = id
            .strip_prefix("data:")
            .and_then(|r| r.split_once(','))
            .ok_or(ParseError::BadEnvelope)?;
        if !media.contains("jwt") && !media.contains("jose") {
            return Err(ParseError::BadEnvelope);
        }
        return parse_jws(jws.trim(), baked_mime);
    }
    ob3::parse_vc(doc, None, ob3::JwtClaims::default(), baked_mime)
}

/// A compact JWS: an OB 2.0 signed assertion or a VC-JWT.
pub(crate) fn parse_jws(
    jws: &str,
    baked_mime: Option<&str>,
) -> Result<ParsedCredential, ParseError> {
    let decoded = decode_jws(jws)?;
    let payload = decoded.payload;
    let serde_json::Value::Object(claims) = &payload else {
        return Err(ParseError::NotAnObject(
            "a jws payload that is not an object",
        ));
    };
    if let Some(vc) = claims.get("vc").filter(|v| v.is_object()) {
        let vc = vc.clone();
        let claims_ref = ob3::JwtClaims {
            claims: Some(claims),
        };
        return ob3::parse_vc(vc, Some(jws.to_owned()), claims_ref, baked_mime);
    }
    if ob3::is_vc(&payload) {
        let claims_copy = claims.clone();
        let claims_ref = ob3::JwtClaims {
            claims: Some(&claims_copy),
        };
        return ob3::parse_vc(payload, Some(jws.to_owned()), claims_ref, baked_mime);
    }
    if ob2::is_assertion(&payload) {
        return ob2::parse_assertion(payload, Some(jws.to_owned()), baked_mime);
    }
    Err(ob2::not_a_badge(&payload))
}
