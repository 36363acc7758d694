//! Compact JWS / JWT (RFC 7515 §7.1): three base64url segments `header.payload.signature`.
//! Used for OB 2.0 signed assertions (OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>) and VC-JWT (OB 3.0 “JSON Web Token Proof Format” <https://www.imsglobal.org/spec/ob/v3p0/> and VC-JWT <https://www.w3.org/TR/vc-jose-cose/>,
//! <https://www.imsglobal.org/spec/ob/v3p0/#jwt-proof>). This module only splits and decodes;
//! it never checks a signature (that is `verify`'s job).

use crate::localize::{Message, msg};
use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use super::DecodeError;

/// base64url that tolerates `=` padding (seen in OB 2.0-era signers), per RFC 7515 none is
/// expected.
const B64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A decoded compact JWS. The signature is not checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactJws {
    /// The JOSE header (a JSON object).
    pub header: serde_json::Value,
    /// The payload, parsed as JSON.
    pub payload: serde_json::Value,
    /// The raw payload bytes (base64url-decoded).
    pub payload_bytes: Vec<u8>,
    /// `header.payload` exactly as received: the JWS signing input.
    pub signing_input: String,
    /// The decoded signature bytes.
    pub signature: Vec<u8>,
}

/// True when `s` looks like a compact JWS attempt: only base64url characters, `=` and dots,
/// at least one dot.
pub(crate) fn looks_like_jws(s: &str) -> bool {
    // `+` and `/` (plain base64) are let in so the error can say the encoding is wrong.
    s.contains('.')
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'=' | b'+' | b'/')
        })
}

/// Decode one base64url segment.
pub fn b64url_decode(segment: &str) -> Result<Vec<u8>, base64::DecodeError> {
    B64URL.decode(segment)
}

/// Encode bytes as unpadded base64url.
pub fn b64url_encode(bytes: &[u8]) -> String {
    B64URL.encode(bytes)
}

/// Split and decode a compact JWS: three segments, each valid base64url, a JSON-object header
/// and a JSON payload.
pub fn decode_jws(text: &str) -> Result<CompactJws, DecodeError> {
    let text = text.trim();
    let segments: Vec<&str> = text.split('.').collect();
    let [h, p, s] = segments[..] else {
        return Err(DecodeError::JwsSegments {
            found: segments.len(),
        });
    };
    let header_bytes = b64url_decode(h).map_err(|e| b64_err("header", &e))?;
    let payload_bytes = b64url_decode(p).map_err(|e| b64_err("payload", &e))?;
    let signature = b64url_decode(s).map_err(|e| b64_err("signature", &e))?;
    let header: serde_json::Value =
        serde_json::from_slice(&header_bytes).map_err(|e| json_err("header", &e))?;
    if !header.is_object() {
        return Err(DecodeError::JwsNotJson {
            part: "header",
            detail: msg!("err-jws-part-not-object"),
        });
    }
    let payload: serde_json::Value =
        serde_json::from_slice(&payload_bytes).map_err(|e| json_err("payload", &e))?;
    Ok(CompactJws {
        header,
        payload,
        payload_bytes,
        signing_input: text
            .get(..h.len() + 1 + p.len())
            .unwrap_or_default()
            .to_owned(),
        signature,
    })
}

fn b64_err(part: &'static str, e: &base64::DecodeError) -> DecodeError {
    DecodeError::JwsBase64 {
        part,
        detail: base64_message(e),
    }
}

/// Why text is not base64url, as a catalog message (`err-b64-…`).
pub(crate) fn base64_message(e: &base64::DecodeError) -> Message {
    match *e {
        base64::DecodeError::InvalidByte(offset, byte) => msg!(
            "err-b64-invalid-byte",
            char = format!("{:?}", char::from(byte)),
            offset = offset
        ),
        base64::DecodeError::InvalidLength(len) => {
            msg!("err-b64-invalid-length", len = Message::Count(len))
        }
        base64::DecodeError::InvalidLastSymbol(offset, byte) => msg!(
            "err-b64-last-symbol",
            char = format!("{:?}", char::from(byte)),
            offset = offset
        ),
        base64::DecodeError::InvalidPadding => {
            msg!("err-b64-padding", padding = Message::Text("`=`".into()))
        }
    }
}

fn json_err(part: &'static str, e: &serde_json::Error) -> DecodeError {
    if super::is_depth_error(e) {
        DecodeError::JsonTooDeep {
            limit: crate::limits::MAX_JSON_DEPTH,
        }
    } else {
        DecodeError::JwsNotJson {
            part,
            detail: crate::localize::json_error(e),
        }
    }
}
