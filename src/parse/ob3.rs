//! OB 3.0 `OpenBadgeCredential` / `AchievementCredential` and CLR 2.0 `ClrCredential`, in
//! VCDM 1.1 and 2.0, as JSON or VC-JWT. OB 3.0 “Data Model” <https://www.imsglobal.org/spec/ob/v3p0/> (data model, serialization), OB 3.0 “JSON Web Token Proof Format” <https://www.imsglobal.org/spec/ob/v3p0/> and VC-JWT <https://www.w3.org/TR/vc-jose-cose/>
//! (VC-JWT claims), VCDM 2.0 validity period <https://www.w3.org/TR/vc-data-model-2.0/#validity-period> (validity dates), OB 3.0 “Equality and comparison” <https://www.imsglobal.org/spec/ob/v3p0/> (equality), CLR 2.0 <https://www.imsglobal.org/spec/clr/v2p0/> (CLR).
//! Spec: <https://www.imsglobal.org/spec/ob/v3p0/>.

use serde_json::{Map, Value};

use super::json::{
    first_object, has_type, id_of, image, image_ref, issuer, list, normalize_id, s, strings, text,
    truthy, types,
};
use super::{DedupeKey, ParseError, ParsedCredential, dates};
use crate::localize::{Message, msg};
use crate::model::{
    Alignment, Association, Badge, Criteria, Evidence, Format, IdentityKind, Recipient, Related,
    ResultEntry,
};

/// VCDM 2.0 base context.
pub(crate) const VC2: &str = "https://www.w3.org/ns/credentials/v2";
/// VCDM 1.1 base context.
pub(crate) const VC1: &str = "https://www.w3.org/2018/credentials/v1";

/// True when a JSON object is a W3C Verifiable Credential of any kind (by context or type).
pub(crate) fn is_vc(doc: &Value) -> bool {
    list(doc.get("@context")).any(|c| matches!(c.as_str(), Some(VC2 | VC1)))
        || has_type(doc, "VerifiableCredential")
        || has_type(doc, "OpenBadgeCredential")
        || has_type(doc, "AchievementCredential")
        || has_type(doc, "ClrCredential")
        || has_type(doc, "EnvelopedVerifiableCredential")
        || has_type(doc, "VerifiablePresentation")
}

/// Claims of the VC-JWT that carried a credential, to fill what the credential omits.
#[derive(Debug, Default)]
pub(crate) struct JwtClaims<'a> {
    pub claims: Option<&'a Map<String, Value>>,
}

impl JwtClaims<'_> {
    fn str(&self, k: &str) -> Option<String> {
        self.claims.and_then(|c| c.get(k)).and_then(text)
    }
    fn date(&self, k: &str) -> Option<String> {
        self.claims
            .and_then(|c| c.get(k))
            .and_then(dates::normalize)
    }
}

/// What kind of credential a VC is, or why it is not a badge.
fn kind(doc: &Value) -> Result<bool, ParseError> {
    if has_type(doc, "ClrCredential") {
        return Ok(true);
    }
    if has_type(doc, "OpenBadgeCredential") || has_type(doc, "AchievementCredential") {
        return Ok(false);
    }
    let subject = first_object(doc.get("credentialSubject"));
    if subject.is_some_and(|s| s.get("achievement").is_some()) {
        // Lenient: a credential with an achievement is a badge even with an odd `type`
        // (verification reports the type problem; import keeps the learner's badge).
        return Ok(false);
    }
    let t = types(doc);
    let named: Message = if t.is_empty() {
        msg!("err-parse-no-type")
    } else {
        Message::Text(t.join(", "))
    };
    if has_type(doc, "VerifiablePresentation") {
        return Err(ParseError::NotABadge(msg!(
            "err-parse-presentation",
            command = "`backpack verify-share`"
        )));
    }
    if has_type(doc, "EndorsementCredential") {
        return Err(ParseError::NotABadge(msg!("err-parse-endorsement")));
    }
    if t.iter().any(|t| t.contains("StatusList")) {
        return Err(ParseError::NotABadge(msg!(
            "err-parse-status-list",
            kind = &named
        )));
    }
    Err(ParseError::NotABadge(msg!(
        "err-parse-vc-not-a-badge",
        kind = named
    )))
}

/// A credential is a badge the wallet can show only when it says who issued it, to whom,
/// and what was achieved: an `issuer` (or the VC-JWT `iss` claim), a `credentialSubject`,
/// and the subject's `achievement` or at least the credential's `name` (1EdTech's own
/// simple OB 3.0 vectors carry a name and a subject without an achievement). A document with
/// a VC type and none of these (e.g. a `type` and megabytes of padding) is refused with what
/// is missing, instead of becoming an "untitled credential" in the wallet. `backpack verify`
/// still reports on such a file: the verifier classifies it on its own.
fn readable(doc: &Value, is_clr: bool, claims: &JwtClaims<'_>) -> Result<(), ParseError> {
    let mut missing: Vec<Message> = Vec::new();
    let iss = issuer(doc.get("issuer"));
    if iss.id.is_none() && iss.name.is_none() && claims.str("iss").is_none() {
        missing.push("`issuer`".into());
    }
    let subject = first_object(doc.get("credentialSubject"));
    if subject.is_none() {
        missing.push("`credentialSubject`".into());
    }
    let achievement = subject
        .and_then(|s| s.get("achievement"))
        .is_some_and(|a| first_object(Some(a)).is_some() || text(a).is_some());
    if !achievement && s(doc, "name").is_none() {
        missing.push(msg!(
            "err-parse-achievement-or-name",
            achievement = "`credentialSubject.achievement`",
            name = "`name`"
        ));
    }
    // "a", "a and no b", "a, no b and no c".
    let mut rest = missing.into_iter().rev();
    let Some(last) = rest.next() else {
        return Ok(());
    };
    let list = match rest.next() {
        None => last,
        Some(before) => rest.fold(
            msg!("err-parse-missing-last", first = before, last = last),
            |tail, first| msg!("err-parse-missing-more", first = first, rest = tail),
        ),
    };
    let what = if is_clr {
        msg!("err-parse-what-clr")
    } else {
        msg!("err-parse-what-credential")
    };
    Err(ParseError::Unreadable(msg!(
        "err-parse-missing",
        what = what,
        list = list
    )))
}

/// Parse a VC document (already unwrapped from any JWT). `baked_mime` is the image type of
/// the file it was baked in, if any.
pub(crate) fn parse_vc(
    doc: Value,
    compact_jws: Option<String>,
    claims: JwtClaims<'_>,
    baked_mime: Option<&str>,
) -> Result<ParsedCredential, ParseError> {
    if !doc.is_object() {
        return Err(ParseError::NotABadge(msg!(
            "err-parse-credential-not-object"
        )));
    }
    let is_clr = kind(&doc)?;
    readable(&doc, is_clr, &claims)?;
    let jwt = compact_jws.is_some();
    let format = match (is_clr, jwt) {
        (false, false) => Format::Ob3Json,
        (false, true) => Format::Ob3Jwt,
        (true, false) => Format::Clr2Json,
        (true, true) => Format::Clr2Jwt,
    };
    let badge = build_badge(&doc, is_clr, &claims, baked_mime);
    let dedupe = match (&badge.issuer.id, &badge.id) {
        (Some(iss), Some(id)) => DedupeKey::Credential {
            issuer_id: normalize_id(iss),
            id: normalize_id(id),
            valid_from: badge.valid_from.clone(),
        },
        _ => DedupeKey::Content,
    };
    let embedded = if is_clr { embedded(&doc) } else { Vec::new() };
    Ok(ParsedCredential {
        format,
        badge,
        document: doc,
        compact_jws,
        hosted_url: None,
        dedupe,
        embedded,
    })
}

/// Each credential inside a CLR's `credentialSubject.verifiableCredential`, parsed on its own.
/// One that does not parse is left out (it stays in the CLR's stored original).
fn embedded(doc: &Value) -> Vec<ParsedCredential> {
    let Some(subject) = first_object(doc.get("credentialSubject")) else {
        return Vec::new();
    };
    list(subject.get("verifiableCredential"))
        .filter_map(|vc| match vc {
            Value::String(jws) => super::parse_jws(jws.trim(), None).ok(),
            Value::Object(_) => super::parse_vc_or_enveloped(vc.clone(), None).ok(),
            _ => None,
        })
        .collect()
}

fn build_badge(
    doc: &Value,
    is_clr: bool,
    claims: &JwtClaims<'_>,
    baked_mime: Option<&str>,
) -> Badge {
    let subject = first_object(doc.get("credentialSubject"));
    let achievement = subject.and_then(|s| first_object(s.get("achievement")));
    let ach = achievement.unwrap_or(&Value::Null);
    let vc_version = vc_version(doc);
    let v2 = vc_version.as_deref() == Some("2.0");

    let mut iss = issuer(doc.get("issuer"));
    if iss.id.is_none() {
        iss.id = claims.str("iss");
    }
    let valid_from = if v2 {
        doc.get("validFrom")
            .and_then(dates::normalize)
            .or_else(|| doc.get("issuanceDate").and_then(dates::normalize))
    } else {
        doc.get("issuanceDate")
            .and_then(dates::normalize)
            .or_else(|| doc.get("validFrom").and_then(dates::normalize))
    }
    .or_else(|| claims.date("nbf"));
    let valid_until = doc
        .get("validUntil")
        .and_then(dates::normalize)
        .or_else(|| doc.get("expirationDate").and_then(dates::normalize))
        .or_else(|| claims.date("exp"));
    let issued = doc
        .get("awardedDate")
        .and_then(dates::normalize)
        .or_else(|| valid_from.clone());

    let name = if is_clr {
        s(doc, "name").or_else(|| s(ach, "name"))
    } else {
        s(ach, "name").or_else(|| s(doc, "name"))
    }
    .unwrap_or_else(|| "untitled credential".to_owned());
    let description = if is_clr {
        s(doc, "description")
    } else {
        s(ach, "description").or_else(|| s(doc, "description"))
    };
    let image_reference = image_ref(ach.get("image"))
        .or_else(|| subject.and_then(|s| image_ref(s.get("image"))))
        .or_else(|| image_ref(doc.get("image")));
    let criteria = ach.get("criteria").map(|c| match c {
        Value::Object(_) => Criteria {
            url: s(c, "id"),
            narrative: s(c, "narrative"),
        },
        other => Criteria {
            url: text(other),
            narrative: None,
        },
    });

    let mut recipients = Vec::new();
    if let Some(subject) = subject {
        if let Some(id) = s(subject, "id").or_else(|| claims.str("sub")) {
            recipients.push(subject_id(id));
        }
        for ident in list(subject.get("identifier")) {
            let Some(identity) = s(ident, "identityHash") else {
                continue;
            };
            let kind = match s(ident, "identityType").as_deref() {
                Some("emailAddress" | "email") => IdentityKind::Email,
                Some("url") => IdentityKind::Url,
                Some("phone" | "telephone") => IdentityKind::Telephone,
                Some(other) => IdentityKind::Other(other.to_owned()),
                None => IdentityKind::Other("identifier".to_owned()),
            };
            recipients.push(Recipient {
                kind,
                identity,
                hashed: truthy(ident.get("hashed")),
                salt: s(ident, "salt"),
            });
        }
    } else if let Some(sub) = claims.str("sub") {
        recipients.push(subject_id(sub));
    }

    let evidence = list(doc.get("evidence"))
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
    let alignments = list(ach.get("alignment"))
        .filter(|a| a.is_object())
        .map(|a| Alignment {
            target_name: s(a, "targetName"),
            target_url: s(a, "targetUrl"),
            target_description: s(a, "targetDescription"),
            target_framework: s(a, "targetFramework"),
            target_code: s(a, "targetCode"),
            target_type: s(a, "targetType"),
        })
        .collect();
    let results = subject.map(|sub| results(sub, ach)).unwrap_or_default();
    let related = list(ach.get("related"))
        .filter_map(|r| {
            Some(Related {
                id: s(r, "id")?,
                language: s(r, "@language").or_else(|| s(r, "inLanguage")),
                version: s(r, "version"),
            })
        })
        .collect();
    let associations = if is_clr {
        subject.map(associations).unwrap_or_default()
    } else {
        Vec::new()
    };

    Badge {
        id: s(doc, "id").or_else(|| claims.str("jti")),
        achievement_id: s(ach, "id"),
        name,
        description,
        image: image(image_reference, baked_mime),
        criteria,
        issuer: iss,
        issued,
        valid_from,
        valid_until,
        recipients,
        evidence,
        alignments,
        results,
        tags: strings(ach.get("tag")),
        achievement_type: s(ach, "achievementType"),
        spec_version: if is_clr {
            "CLR 2.0".to_owned()
        } else {
            "3.0".to_owned()
        },
        vc_version,
        related,
        associations,
    }
}

/// The CLR subject's `association`s, each end named from the subject's own `achievement`
/// list or an embedded credential's achievement when one has that id.
fn associations(subject: &Value) -> Vec<Association> {
    let mut names: Vec<(String, String)> = list(subject.get("achievement"))
        .filter_map(|a| Some((s(a, "id")?, s(a, "name")?)))
        .collect();
    for vc in list(subject.get("verifiableCredential")) {
        let ach = first_object(vc.get("credentialSubject"))
            .and_then(|s| first_object(s.get("achievement")));
        if let Some((id, name)) = ach.and_then(|a| Some((s(a, "id")?, s(a, "name")?))) {
            names.push((id, name));
        }
    }
    let name_of = |id: &str| names.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone());
    list(subject.get("association"))
        .filter_map(|a| {
            let source_id = s(a, "sourceId")?;
            let target_id = s(a, "targetId")?;
            Some(Association {
                association_type: s(a, "associationType").unwrap_or_else(|| "related".into()),
                source_name: name_of(&source_id),
                target_name: name_of(&target_id),
                source_id,
                target_id,
            })
        })
        .collect()
}

/// "2.0" or "1.1" from the first `@context` entry, else from the date property names.
pub(crate) fn vc_version(doc: &Value) -> Option<String> {
    match list(doc.get("@context")).next().and_then(Value::as_str) {
        Some(VC2) => Some("2.0".into()),
        Some(VC1) => Some("1.1".into()),
        _ if doc.get("validFrom").is_some() => Some("2.0".into()),
        _ if doc.get("issuanceDate").is_some() => Some("1.1".into()),
        _ => None,
    }
}

fn subject_id(id: String) -> Recipient {
    let (kind, identity) = if let Some(mail) = id.strip_prefix("mailto:") {
        (IdentityKind::Email, mail.to_owned())
    } else if id.starts_with("http://") || id.starts_with("https://") {
        (IdentityKind::Url, id)
    } else {
        (IdentityKind::Did, id)
    };
    Recipient {
        kind,
        identity,
        hashed: false,
        salt: None,
    }
}

fn results(subject: &Value, achievement: &Value) -> Vec<ResultEntry> {
    let descriptions: Vec<&Value> = list(achievement.get("resultDescription")).collect();
    list(subject.get("result"))
        .filter(|r| r.is_object())
        .map(|r| {
            let desc = r.get("resultDescription").and_then(id_of).and_then(|id| {
                descriptions
                    .iter()
                    .copied()
                    .find(|d| s(d, "id").as_deref() == Some(id.as_str()))
            });
            let level = r.get("achievedLevel").and_then(id_of);
            // The level is defined in the result's description, or (as in 1EdTech's complete
            // example) in another description of the same achievement.
            let level_name = level.as_ref().and_then(|lid| {
                desc.into_iter()
                    .chain(descriptions.iter().copied())
                    .flat_map(|d| list(d.get("rubricCriterionLevel")))
                    .find(|l| s(l, "id").as_deref() == Some(lid.as_str()))
                    .and_then(|l| s(l, "name"))
            });
            ResultEntry {
                label: desc.and_then(|d| s(d, "name")).or_else(|| {
                    types(r)
                        .into_iter()
                        .find(|t| *t != "Result")
                        .map(str::to_owned)
                }),
                value: s(r, "value"),
                status: s(r, "status"),
                achieved_level: level_name.or(level),
            }
        })
        .collect()
}
