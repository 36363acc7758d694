//! Endorsements: an OB 3.0 `EndorsementCredential` says that someone (the endorser, its
//! issuer) vouches for a credential, an achievement or an issuer (its `credentialSubject.id`)
//! — <https://www.imsglobal.org/spec/ob/v3p0/#endorsementcredential>. They come two ways:
//!
//! - as files of their own, which the wallet imports as what they are and attaches to the
//!   badge, achievement or issuer they endorse ([`from_decoded`], `store::endorsements`);
//! - embedded in `endorsement` (objects) and `endorsementJwt` (compact JWS) of a credential,
//!   its achievement and its issuer profile ([`embedded`]).
//!
//! Either way they are verified with the same engine as badges (proof, key bound to the
//! endorser, dates, status), and their result is information about the endorsement: it never
//! changes the badge's own verdict (OB 3.0 §Verification, step 6).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::decode::{Decoded, Payload};
use crate::localize::{Localize, Message, msg};
use crate::model::{Format, Issuer};
use crate::parse::{DedupeKey, ParsedCredential};

/// Most embedded endorsements verified per credential (each costs a verification).
pub const MAX_EMBEDDED: usize = 16;

/// What an endorsement endorses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "EndorsementScope"))]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The credential itself.
    Credential,
    /// The achievement the credential is for.
    Achievement,
    /// The credential's issuer.
    Issuer,
    /// The achievement's creator (`achievement.creator`).
    Creator,
}

impl Scope {
    /// "credential", "achievement", "issuer".
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Credential => "credential",
            Scope::Achievement => "achievement",
            Scope::Issuer => "issuer",
            Scope::Creator => "creator",
        }
    }

    /// "this credential", … (as the sentence "it endorses …, not this credential" needs it).
    pub fn this(self) -> Message {
        match self {
            Scope::Credential => msg!("chk-end-this-credential"),
            Scope::Achievement => msg!("chk-end-this-achievement"),
            Scope::Issuer => msg!("chk-end-this-issuer"),
            Scope::Creator => msg!("chk-end-this-creator"),
        }
    }
}

/// One endorsement, as read (untrusted until verified).
#[derive(Debug, Clone, PartialEq)]
pub struct Endorsement {
    /// Its own id.
    pub id: Option<String>,
    /// Its name.
    pub name: String,
    /// Who endorses (its issuer).
    pub endorser: Issuer,
    /// What it endorses: `credentialSubject.id`.
    pub target: Option<String>,
    /// `credentialSubject.endorsementComment`.
    pub comment: Option<String>,
    /// `validFrom` / `issuanceDate`.
    pub valid_from: Option<String>,
    /// The credential JSON (for a VC-JWT, the credential in the payload).
    pub document: Value,
    /// The compact JWS, for a VC-JWT.
    pub compact_jws: Option<String>,
}

/// True when a JSON credential is an `EndorsementCredential`.
pub fn is_endorsement(v: &Value) -> bool {
    match v.get("type") {
        Some(Value::String(t)) => t == "EndorsementCredential",
        Some(Value::Array(a)) => a
            .iter()
            .any(|t| t.as_str() == Some("EndorsementCredential")),
        _ => false,
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().take(10_000).collect())
}

fn subject(doc: &Value) -> Option<&Value> {
    match doc.get("credentialSubject") {
        Some(Value::Array(a)) => a.first(),
        other => other,
    }
}

fn endorser(doc: &Value) -> Issuer {
    match doc.get("issuer") {
        Some(Value::String(id)) => Issuer {
            id: Some(id.clone()),
            ..Issuer::default()
        },
        Some(o @ Value::Object(_)) => Issuer {
            id: text(o.get("id")),
            name: text(o.get("name")),
            url: text(o.get("url")),
            email: text(o.get("email")),
            ..Issuer::default()
        },
        _ => Issuer::default(),
    }
}

/// Why an endorsement file cannot be read (the importer refuses it with this line; the
/// learner's language through [`crate::localize::Localize`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndorsementError {
    /// Not a JSON object.
    #[error("the endorsement is not a JSON object")]
    NotAnObject,
    /// No `issuer` id.
    #[error("the endorsement names no issuer (endorser) id")]
    NoEndorser,
    /// No `credentialSubject.id`.
    #[error("the endorsement does not say what it endorses (no credentialSubject.id)")]
    NoTarget,
}

/// Read an endorsement credential (JSON, and the JWS it came in if any). `Err` when it is an
/// endorsement but unusable (says what is missing).
pub fn from_value(
    doc: Value,
    compact_jws: Option<String>,
) -> Result<Endorsement, EndorsementError> {
    if !doc.is_object() {
        return Err(EndorsementError::NotAnObject);
    }
    let e = Endorsement {
        id: text(doc.get("id")),
        name: text(doc.get("name")).unwrap_or_else(|| "Endorsement".into()),
        endorser: endorser(&doc),
        target: subject(&doc).and_then(|s| text(s.get("id"))),
        comment: subject(&doc).and_then(|s| text(s.get("endorsementComment"))),
        valid_from: text(doc.get("validFrom")).or_else(|| text(doc.get("issuanceDate"))),
        document: doc,
        compact_jws,
    };
    if e.endorser.id.is_none() {
        return Err(EndorsementError::NoEndorser);
    }
    if e.target.is_none() {
        return Err(EndorsementError::NoTarget);
    }
    Ok(e)
}

/// The endorsement a decoded file holds: `None` when it is not an endorsement at all.
pub fn from_decoded(d: &Decoded) -> Option<Result<Endorsement, EndorsementError>> {
    match &d.payload {
        Payload::Json(s) => {
            let v: Value = serde_json::from_str(s).ok()?;
            is_endorsement(&v).then(|| from_value(v, None))
        }
        Payload::Jws(t) => {
            let j = crate::verify::vc_jwt::split(t).ok()?;
            let cred = j.payload.get("vc").cloned().unwrap_or(j.payload);
            is_endorsement(&cred).then(|| from_value(cred, Some(t.trim().to_owned())))
        }
        Payload::Url(_) => None,
    }
}

/// The endorsement as a credential for the verification pipeline.
pub fn parsed(e: &Endorsement) -> ParsedCredential {
    ParsedCredential {
        format: if e.compact_jws.is_some() {
            Format::Ob3Jwt
        } else {
            Format::Ob3Json
        },
        badge: crate::model::Badge {
            name: e.name.clone(),
            issuer: e.endorser.clone(),
            ..crate::model::Badge::default()
        },
        document: e.document.clone(),
        compact_jws: e.compact_jws.clone(),
        hosted_url: None,
        dedupe: DedupeKey::Content,
        embedded: Vec::new(),
    }
}

/// An endorsement embedded in a credential, with what it should endorse.
#[derive(Debug, Clone)]
pub struct Embedded {
    /// Credential, achievement or issuer.
    pub scope: Scope,
    /// The id of the thing it sits on (what its subject must be), when that has one.
    pub expected_target: Option<String>,
    /// The endorsement, or why it cannot be read.
    pub endorsement: Result<Endorsement, Message>,
}

/// Every endorsement embedded in `cred` (in `endorsement` and `endorsementJwt` of the
/// credential, its achievement, its issuer and the achievement's creator), at most
/// [`MAX_EMBEDDED`].
pub fn embedded(cred: &Value) -> Vec<Embedded> {
    let achievement = subject(cred).and_then(|s| s.get("achievement"));
    let issuer = cred.get("issuer").filter(|i| i.is_object());
    let creator = achievement
        .and_then(|a| a.get("creator"))
        .filter(|c| c.is_object());
    let mut out = Vec::new();
    for (scope, holder) in [
        (Scope::Credential, Some(cred)),
        (Scope::Achievement, achievement),
        (Scope::Issuer, issuer),
        (Scope::Creator, creator),
    ] {
        let Some(holder) = holder else { continue };
        let expected_target = text(holder.get("id"));
        let items = |k: &str| -> Vec<Value> {
            match holder.get(k) {
                Some(Value::Array(a)) => a.clone(),
                Some(v @ (Value::Object(_) | Value::String(_))) => vec![v.clone()],
                _ => Vec::new(),
            }
        };
        for v in items("endorsement") {
            let endorsement = if is_endorsement(&v) {
                from_value(v, None).map_err(|e| e.message())
            } else {
                Err(msg!("chk-end-not-an-endorsement"))
            };
            out.push(Embedded {
                scope,
                expected_target: expected_target.clone(),
                endorsement,
            });
        }
        for v in items("endorsementJwt") {
            let endorsement = match v.as_str().map(crate::verify::vc_jwt::split) {
                Some(Ok(j)) => {
                    let cred = j.payload.get("vc").cloned().unwrap_or(j.payload);
                    from_value(cred, v.as_str().map(str::to_owned)).map_err(|e| e.message())
                }
                _ => Err(msg!("chk-end-jwt-not-jws")),
            };
            out.push(Embedded {
                scope,
                expected_target: expected_target.clone(),
                endorsement,
            });
        }
    }
    out.truncate(MAX_EMBEDDED);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_it_endorses_and_who_endorses() {
        let e = from_value(
            json!({"type": ["VerifiableCredential", "EndorsementCredential"], "name": "Great program",
                "issuer": {"id": "did:key:z6Mk1", "name": "Accreditor"},
                "credentialSubject": {"id": "https://uni.example/achievements/1",
                    "type": "EndorsementSubject", "endorsementComment": "Rigorous."}}),
            None,
        )
        .unwrap();
        assert_eq!(e.endorser.name.as_deref(), Some("Accreditor"));
        assert_eq!(
            e.target.as_deref(),
            Some("https://uni.example/achievements/1")
        );
        assert_eq!(e.comment.as_deref(), Some("Rigorous."));
        let err = from_value(
            json!({"type": "EndorsementCredential", "issuer": "did:key:z"}),
            None,
        )
        .unwrap_err();
        assert_eq!(err, EndorsementError::NoTarget);
        assert!(err.to_string().contains("credentialSubject.id"), "{err}");
    }

    #[test]
    fn finds_embedded_endorsements_at_every_level() {
        let e = json!({"type": "EndorsementCredential", "issuer": "did:key:z",
            "credentialSubject": {"id": "x"}});
        let cred = json!({"id": "urn:c", "endorsement": [e],
            "issuer": {"id": "https://i", "endorsement": [e], "endorsementJwt": ["not-a-jws"]},
            "credentialSubject": {"achievement": {"id": "urn:a", "endorsement": [e]}}});
        let found = embedded(&cred);
        let scopes: Vec<Scope> = found.iter().map(|x| x.scope).collect();
        assert_eq!(
            scopes,
            [
                Scope::Credential,
                Scope::Achievement,
                Scope::Issuer,
                Scope::Issuer
            ]
        );
        assert_eq!(found[1].expected_target.as_deref(), Some("urn:a"));
        assert!(found[3].endorsement.is_err());
    }
}
