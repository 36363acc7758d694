//! The normalised view of a badge, the same for every spec generation.
//!
//! The parsed view is for display, search and curation only. Signatures cover the
//! **original bytes**, which the wallet stores verbatim beside this view (Backpack's own rule).

use serde::{Deserialize, Serialize};

/// How a badge's assertion/credential is packaged and proven. Stable ids, used in the
/// CLI JSON, the database and the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Format {
    /// OB 0.5–2.0 hosted assertion (verification by re-fetching its URL).
    #[serde(rename = "ob2-hosted")]
    Ob2Hosted,
    /// OB 1.x/2.0 signed assertion (compact JWS, RS256).
    #[serde(rename = "ob2-signed")]
    Ob2Signed,
    /// OB 3.0 credential as JSON(-LD), with an embedded Data Integrity proof (or none).
    #[serde(rename = "ob3-json")]
    Ob3Json,
    /// OB 3.0 credential as a VC-JWT (compact JWS).
    #[serde(rename = "ob3-jwt")]
    Ob3Jwt,
    /// CLR 2.0 credential as JSON(-LD) with an embedded proof.
    #[serde(rename = "clr2-json")]
    Clr2Json,
    /// CLR 2.0 credential as a VC-JWT.
    #[serde(rename = "clr2-jwt")]
    Clr2Jwt,
}

impl Format {
    /// The stable id, e.g. `"ob3-json"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Ob2Hosted => "ob2-hosted",
            Format::Ob2Signed => "ob2-signed",
            Format::Ob3Json => "ob3-json",
            Format::Ob3Jwt => "ob3-jwt",
            Format::Clr2Json => "clr2-json",
            Format::Clr2Jwt => "clr2-jwt",
        }
    }

    /// Parse a stable id back.
    pub fn from_id(s: &str) -> Option<Format> {
        Some(match s {
            "ob2-hosted" => Format::Ob2Hosted,
            "ob2-signed" => Format::Ob2Signed,
            "ob3-json" => Format::Ob3Json,
            "ob3-jwt" => Format::Ob3Jwt,
            "clr2-json" => Format::Clr2Json,
            "clr2-jwt" => Format::Clr2Jwt,
            _ => return None,
        })
    }

    /// True for OB 3.0 / CLR 2.0 (W3C Verifiable Credentials).
    pub fn is_vc(self) -> bool {
        !matches!(self, Format::Ob2Hosted | Format::Ob2Signed)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the original file was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Container {
    /// A baked PNG.
    Png,
    /// A baked SVG.
    Svg,
    /// Plain JSON.
    Json,
    /// A compact JWS / JWT in a text file.
    Jws,
    /// A text file holding one URL (a hosted assertion).
    Url,
}

/// One party: the issuer, or a creator/source profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Issuer {
    /// The issuer's id (URL or DID), when it has one.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Home page.
    pub url: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Logo: a data: URI or a URL (a URL is never fetched without network consent).
    pub image: Option<String>,
    /// Description, if given.
    pub description: Option<String>,
}

/// The badge's image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all_fields = "camelCase"))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Image {
    /// The baked file itself is the image (PNG or SVG); use the stored original bytes.
    Baked {
        /// `image/png` or `image/svg+xml`.
        mime: String,
    },
    /// An embedded `data:` URI from the badge JSON.
    Data {
        /// The full `data:` URI.
        uri: String,
    },
    /// A remote URL, fetched only with network consent.
    Remote {
        /// The URL.
        url: String,
    },
}

/// Criteria for earning the badge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Criteria {
    /// A page describing the criteria.
    pub url: Option<String>,
    /// Narrative text (Markdown in OB 2.0/3.0); render as text, never as HTML.
    pub narrative: Option<String>,
}

/// Kind of recipient identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    /// An email address (OB2 `email`, OB3 `emailAddress`).
    Email,
    /// A URL.
    Url,
    /// A telephone number.
    Telephone,
    /// A DID or other IRI naming the subject (OB3 `credentialSubject.id`).
    Did,
    /// Anything else (OB3 `identityType`, e.g. `studentId`).
    Other(String),
}

/// Who the badge was issued to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Recipient {
    /// Kind of identity.
    pub kind: IdentityKind,
    /// The identity, or its hash `sha256$…` / `md5$…`.
    pub identity: String,
    /// True when `identity` is a hash.
    pub hashed: bool,
    /// Salt appended before hashing, if any.
    pub salt: Option<String>,
}

/// A piece of evidence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Evidence {
    /// URL of the evidence.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Narrative.
    pub narrative: Option<String>,
    /// Genre (e.g. "Live Presentation").
    pub genre: Option<String>,
    /// Audience.
    pub audience: Option<String>,
}

/// An alignment to a framework, standard or skill.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Alignment {
    /// Name of the skill/standard.
    pub target_name: Option<String>,
    /// URL of the skill/standard.
    pub target_url: Option<String>,
    /// Description.
    pub target_description: Option<String>,
    /// Framework name.
    pub target_framework: Option<String>,
    /// Code within the framework.
    pub target_code: Option<String>,
    /// OB3 `targetType` (e.g. `ceasn:Competency`).
    pub target_type: Option<String>,
}

/// A result (grade, score, status) of an OB 3.0 achievement subject.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ResultEntry {
    /// What the result is (the matching `resultDescription` name, or the result type).
    pub label: Option<String>,
    /// The value, e.g. "A" or "95".
    pub value: Option<String>,
    /// Status (Completed, Enrolled, …).
    pub status: Option<String>,
    /// Achieved level id/name for rubric results.
    pub achieved_level: Option<String>,
}

/// Another achievement this one should be considered the same as (OB 3.0 `Achievement.related`:
/// another language edition or an earlier version).
/// <https://www.imsglobal.org/spec/ob/v3p0/#related>
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Related {
    /// The related achievement's id.
    pub id: String,
    /// Its language (`@language`), if given.
    pub language: Option<String>,
    /// Its version, if given.
    pub version: Option<String>,
}

/// A link between two achievements of a CLR 2.0 transcript (`ClrSubject.association`).
/// <https://www.imsglobal.org/spec/clr/v2p0/#association>
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Association {
    /// `associationType`, e.g. `isParentOf`, `precedes`, `isPartOf`.
    pub association_type: String,
    /// The source achievement's id.
    pub source_id: String,
    /// The target achievement's id.
    pub target_id: String,
    /// The source's name, when the CLR describes that achievement.
    pub source_name: Option<String>,
    /// The target's name, when the CLR describes that achievement.
    pub target_name: Option<String>,
}

/// The normalised, display-ready view of one badge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Badge {
    /// The assertion / credential id.
    pub id: Option<String>,
    /// The BadgeClass / Achievement id.
    pub achievement_id: Option<String>,
    /// Badge name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Image.
    pub image: Option<Image>,
    /// Criteria.
    pub criteria: Option<Criteria>,
    /// Issuer.
    pub issuer: Issuer,
    /// When it was issued (OB2 `issuedOn`, OB3 `awardedDate`/`validFrom`/`issuanceDate`), RFC 3339.
    pub issued: Option<String>,
    /// Start of validity (OB3 `validFrom`/`issuanceDate`), RFC 3339.
    pub valid_from: Option<String>,
    /// End of validity (OB2 `expires`, OB3 `validUntil`/`expirationDate`), RFC 3339.
    pub valid_until: Option<String>,
    /// Who it was issued to.
    pub recipients: Vec<Recipient>,
    /// Evidence.
    pub evidence: Vec<Evidence>,
    /// Alignments / skills.
    pub alignments: Vec<Alignment>,
    /// Results (OB3).
    pub results: Vec<ResultEntry>,
    /// Tags from the badge itself.
    pub tags: Vec<String>,
    /// OB3 `achievementType` (Badge, Certificate, …).
    pub achievement_type: Option<String>,
    /// Spec version, e.g. "0.5", "1.0", "1.1", "2.0", "3.0", "CLR 2.0".
    pub spec_version: String,
    /// VC data model version for OB3/CLR: "1.1" or "2.0".
    pub vc_version: Option<String>,
    /// OB3 `achievement.related`. Absent in views stored before it existed (read as empty).
    #[serde(default)]
    pub related: Vec<Related>,
    /// CLR 2.0 `credentialSubject.association`. Absent in older stored views (read as empty).
    #[serde(default)]
    pub associations: Vec<Association>,
}
