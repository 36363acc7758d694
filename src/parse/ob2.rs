//! OB 0.5 / 1.0 / 1.1 / 2.0 assertions, hosted and signed. OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> (data model),
//! §2.3 (version detection and upgrade rules, after badgecheck's `object_upgrades.py`).
//! Spec: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>.
//!
//! Version: `@context` containing `v1` → 1.1, `v2` → 2.0; no context and a string
//! `recipient` → 0.5; no context otherwise → 1.0. Upgrades applied to the view (never to the
//! stored document): 0.5 string recipient (hashed when it has no `@`, with top-level `salt`),
//! `issued_on` → `issuedOn`, issuer `origin`/`contact`/`org`; 1.0 id from `verify.url` (hosted)
//! or `uid:<uid>` (signed); numeric or date-only `issuedOn`/`expires` → RFC 3339; alignment
//! `name`/`url`/`description` → `targetName`/`targetUrl`/`targetDescription`.

use serde_json::Value;

use super::json::{
    image, image_ref, issuer, list, name_from_url, normalize_id, s, strings, text, truthy,
};
use super::{DedupeKey, ParseError, ParsedCredential, dates};
use crate::localize::msg;
use crate::model::{Alignment, Badge, Criteria, Evidence, Format, IdentityKind, Recipient};

/// True when a JSON object looks like an OB ≤ 2.0 assertion.
pub(crate) fn is_assertion(doc: &Value) -> bool {
    doc.get("badge").is_some() || doc.get("recipient").is_some()
}

/// Why a JSON object without `recipient`/`badge` is not an assertion.
pub(crate) fn not_a_badge(doc: &Value) -> ParseError {
    let t: Vec<String> = list(doc.get("type")).filter_map(text).collect();
    let what = if t.iter().any(|t| t == "BadgeClass")
        || (doc.get("criteria").is_some() && doc.get("issuer").is_some())
    {
        msg!("err-parse-badge-class")
    } else if t.iter().any(|t| matches!(t.as_str(), "Issuer" | "Profile")) {
        msg!("err-parse-issuer-profile")
    } else if t.iter().any(|t| t == "CryptographicKey") || doc.get("publicKeyPem").is_some() {
        msg!("err-parse-signing-key")
    } else if t.iter().any(|t| t == "RevocationList") {
        msg!("err-parse-revocation-list")
    } else if doc.get("compactJwsString").is_some()
        || doc.get("compactJwsStrings").is_some()
        || doc.get("credential").is_some_and(Value::is_array)
    {
        msg!("err-parse-api-response")
    } else {
        msg!(
            "err-parse-no-recipient-badge",
            recipient = "`recipient`",
            badge = "`badge`"
        )
    };
    ParseError::NotABadge(what)
}

/// Detected OB version of an assertion.
pub(crate) fn version(doc: &Value) -> &'static str {
    let ctx: Vec<String> = list(doc.get("@context")).filter_map(text).collect();
    if ctx.is_empty() {
        if doc.get("recipient").is_some_and(Value::is_string) {
            "0.5"
        } else {
            "1.0"
        }
    } else if ctx.iter().any(|c| c.contains("v1")) {
        "1.1"
    } else {
        "2.0"
    }
}

/// Parse an assertion. `compact_jws` is set for a signed assertion read from a JWS.
pub(crate) fn parse_assertion(
    doc: Value,
    compact_jws: Option<String>,
    baked_mime: Option<&str>,
) -> Result<ParsedCredential, ParseError> {
    let Some(badge_v) = doc.get("badge") else {
        return Err(ParseError::NotABadge(msg!(
            "err-parse-assertion-no-badge",
            badge = "`badge`"
        )));
    };
    let version = version(&doc);
    let verification = doc.get("verification").or_else(|| doc.get("verify"));
    let vtype = verification
        .and_then(|v| s(v, "type"))
        .map(|t| t.to_ascii_lowercase());
    let signed =
        compact_jws.is_some() || matches!(vtype.as_deref(), Some("signed" | "signedbadge"));
    let verify_url = verification.and_then(|v| s(v, "url"));

    // Assertion id (1.0: from verify.url or uid).
    let mut id = s(&doc, "id").filter(|i| !i.starts_with("_:"));
    if id.is_none() && version != "0.5" {
        id = if signed {
            s(&doc, "uid").map(|u| format!("uid:{u}"))
        } else {
            verify_url.clone()
        };
    }
    let hosted_url = if signed {
        None
    } else {
        match version {
            "1.0" => verify_url.clone().or_else(|| id.clone()),
            _ => id.clone().or_else(|| verify_url.clone()),
        }
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    };

    let mut badge = Badge {
        spec_version: version.to_owned(),
        ..Badge::default()
    };
    badge.id = id.clone();
    match badge_v {
        Value::Object(_) => {
            badge.achievement_id = s(badge_v, "id");
            badge.name = s(badge_v, "name").unwrap_or_else(|| "untitled badge".to_owned());
            badge.description = s(badge_v, "description");
            badge.image = image(
                image_ref(badge_v.get("image")).or_else(|| image_ref(doc.get("image"))),
                baked_mime,
            );
            badge.criteria = badge_v.get("criteria").map(|c| match c {
                Value::Object(_) => Criteria {
                    url: s(c, "id").or_else(|| s(c, "url")),
                    narrative: s(c, "narrative"),
                },
                other => Criteria {
                    url: text(other),
                    narrative: None,
                },
            });
            badge.issuer = issuer(badge_v.get("issuer"));
            badge.alignments = list(badge_v.get("alignment"))
                .filter(|a| a.is_object())
                .map(|a| Alignment {
                    target_name: s(a, "targetName").or_else(|| s(a, "name")),
                    target_url: s(a, "targetUrl").or_else(|| s(a, "url")),
                    target_description: s(a, "targetDescription").or_else(|| s(a, "description")),
                    target_framework: s(a, "targetFramework"),
                    target_code: s(a, "targetCode"),
                    target_type: None,
                })
                .collect();
            badge.tags = strings(badge_v.get("tags"));
        }
        other => {
            // Only the BadgeClass URL: no network at parse time, so name it after the URL.
            let url = text(other).unwrap_or_default();
            badge.name = if url.is_empty() {
                "untitled badge".to_owned()
            } else {
                name_from_url(&url)
            };
            badge.achievement_id = (!url.is_empty()).then_some(url);
            badge.image = image(image_ref(doc.get("image")), baked_mime);
        }
    }
    badge.issued = doc
        .get("issuedOn")
        .or_else(|| doc.get("issued_on"))
        .and_then(dates::normalize);
    badge.valid_until = doc.get("expires").and_then(dates::normalize);
    badge.recipients = recipient(&doc).into_iter().collect();
    badge.evidence = list(doc.get("evidence"))
        .filter_map(|e| match e {
            Value::Object(_) => Some(Evidence {
                id: s(e, "id"),
                name: s(e, "name"),
                description: s(e, "description"),
                narrative: s(e, "narrative"),
                genre: s(e, "genre"),
                audience: s(e, "audience"),
            }),
            other => text(other).map(|id| Evidence {
                id: Some(id),
                ..Evidence::default()
            }),
        })
        .collect();
    if let Some(narrative) = s(&doc, "narrative") {
        badge.evidence.push(Evidence {
            narrative: Some(narrative),
            ..Evidence::default()
        });
    }

    let dedupe = match &id {
        Some(i) if !normalize_id(i).is_empty() => DedupeKey::Assertion {
            id: normalize_id(i),
        },
        _ => DedupeKey::Content,
    };
    Ok(ParsedCredential {
        format: if signed {
            Format::Ob2Signed
        } else {
            Format::Ob2Hosted
        },
        badge,
        document: doc,
        compact_jws,
        hosted_url,
        dedupe,
        embedded: Vec::new(),
    })
}

/// The recipient: 2.0/1.x IdentityObject, 0.5 string (+ top-level `salt`), or the pre-1.0
/// draft `identity: {recipient, type, hashed, salt}`.
fn recipient(doc: &Value) -> Option<Recipient> {
    match doc.get("recipient") {
        Some(Value::String(r)) => {
            let r = r.trim().to_owned();
            Some(Recipient {
                kind: IdentityKind::Email,
                hashed: !r.contains('@'),
                identity: r,
                salt: s(doc, "salt"),
            })
        }
        Some(obj @ Value::Object(_)) => identity_object(obj, "identity"),
        _ => doc
            .get("identity")
            .filter(|v| v.is_object())
            .and_then(|obj| identity_object(obj, "recipient")),
    }
}

fn identity_object(obj: &Value, identity_key: &str) -> Option<Recipient> {
    let identity = s(obj, identity_key)?;
    let kind = match s(obj, "type")
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("email") | None => IdentityKind::Email,
        Some("url") => IdentityKind::Url,
        Some("telephone") => IdentityKind::Telephone,
        Some("id") => IdentityKind::Did,
        Some(_) => IdentityKind::Other(s(obj, "type").unwrap_or_default()),
    };
    Some(Recipient {
        kind,
        identity,
        hashed: truthy(obj.get("hashed")),
        salt: s(obj, "salt"),
    })
}
