//! Privacy controls for every export: what is included, what is redacted in the rendered
//! views, and the warning that names every linkable identifier leaving the machine
//! (issue 5, "Privacy controls"; OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> / OB 3.0 “Data Model” <https://www.imsglobal.org/spec/ob/v3p0/> for where recipient identities live).
//!
//! The signed originals can never be altered (their signatures cover the exact bytes), so a
//! plain-text email inside a credential leaves with it even when the rendered page hides it;
//! the warning says so.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use super::{ExportError, Portfolio};
use crate::model::IdentityKind;

/// What the learner chose to include in one export (recorded in the HTML page, so a receiver
/// can render the page again: [`super::html::PageInputs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// Show evidence (off by default).
    pub include_evidence: bool,
    /// Show the learner's notes (off by default).
    pub include_notes: bool,
    /// Show dates (on by default).
    pub include_dates: bool,
    /// Show plain-text recipient emails (off by default: redacted in rendered views).
    pub include_emails: bool,
    /// Add a skills summary before the badges: their alignments by framework and skill
    /// ([`crate::skills`]), each with the badges behind it (off by default; issue 11). Left out
    /// of the page record when off, so pages without it read as before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub include_skills: bool,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy {
            include_evidence: false,
            include_notes: false,
            include_dates: true,
            include_emails: false,
            include_skills: false,
        }
    }
}

/// What kind of identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    /// A plain-text email address of the recipient.
    Email,
    /// A hashed email: anyone who knows the address can confirm it.
    HashedEmail,
    /// A recipient DID or other subject IRI.
    Did,
    /// A recipient URL, telephone or other identity.
    OtherIdentity,
    /// The credential's own id (lets receivers correlate copies).
    CredentialId,
    /// The learner's own did:key, the presentation holder.
    LearnerDid,
}

/// One identifier that will leave the machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identifier {
    /// Kind.
    pub kind: IdentifierKind,
    /// The value.
    pub value: String,
    /// The badge it comes from (name), if any.
    pub badge: Option<String>,
    /// True when it is hidden in the rendered page/PDF but still inside a signed original.
    pub redacted_in_views_only: bool,
}

/// The warning shown before an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrivacyWarning {
    /// Every linkable identifier that will leave the machine.
    pub identifiers: Vec<Identifier>,
}

impl IdentifierKind {
    /// The catalog message for this kind (`export-privacy-kind-…`).
    fn message(self) -> &'static str {
        match self {
            IdentifierKind::Email => "export-privacy-kind-email",
            IdentifierKind::HashedEmail => "export-privacy-kind-hashed-email",
            IdentifierKind::Did => "export-privacy-kind-did",
            IdentifierKind::OtherIdentity => "export-privacy-kind-other",
            IdentifierKind::CredentialId => "export-privacy-kind-credential-id",
            IdentifierKind::LearnerDid => "export-privacy-kind-learner-did",
        }
    }
}

impl PrivacyWarning {
    /// One line per identifier, plus a note on signed originals when relevant, in English.
    pub fn lines(&self) -> Vec<String> {
        self.lines_in(crate::i18n::Lang::En)
    }

    /// [`PrivacyWarning::lines`] in `lang` (the identifiers and badge names as they are).
    pub fn lines_in(&self, lang: crate::i18n::Lang) -> Vec<String> {
        self.lines_with(crate::i18n::Catalog::get(lang))
    }

    /// [`PrivacyWarning::lines`] in the words of catalog `c`.
    pub fn lines_with(&self, c: &crate::i18n::Catalog) -> Vec<String> {
        let mut out = Vec::new();
        if self.identifiers.is_empty() {
            out.push(c.t("export-privacy-none"));
            return out;
        }
        out.push(c.t("export-privacy-header"));
        for id in &self.identifiers {
            let from = id
                .badge
                .as_deref()
                .map(|b| format!(" {}", c.msg("export-privacy-in", &[("badge", b.into())])))
                .unwrap_or_default();
            let hidden = if id.redacted_in_views_only {
                format!(" \u{2014} {}", c.t("export-privacy-hidden"))
            } else {
                String::new()
            };
            out.push(format!(
                "- {}: {}{from}{hidden}",
                c.t(id.kind.message()),
                id.value
            ));
        }
        if self.identifiers.iter().any(|i| i.redacted_in_views_only) {
            out.push(c.t("export-privacy-signed-note"));
        }
        out
    }
}

/// Every linkable identifier the export of `portfolio` carries.
///
/// `ships_originals`: the export contains the original credentials (HTML, ZIP, VP, baked).
/// `learner_did`: the holder DID when a presentation is included.
pub fn linkable_identifiers(
    portfolio: &Portfolio,
    privacy: &Privacy,
    ships_originals: bool,
    learner_did: Option<&str>,
) -> PrivacyWarning {
    let mut ids: Vec<Identifier> = Vec::new();
    let mut push = |kind, value: &str, badge: Option<&str>, redacted| {
        if value.is_empty()
            || ids
                .iter()
                .any(|i: &Identifier| i.kind == kind && i.value == value)
        {
            return;
        }
        ids.push(Identifier {
            kind,
            value: value.to_string(),
            badge: badge.map(str::to_string),
            redacted_in_views_only: redacted,
        });
    };
    if let Some(did) = learner_did {
        push(IdentifierKind::LearnerDid, did, None, false);
    }
    for item in &portfolio.badges {
        let name = Some(item.badge.name.as_str());
        for r in &item.badge.recipients {
            let (kind, redacted) = match (&r.kind, r.hashed) {
                (IdentityKind::Email, false) => (IdentifierKind::Email, !privacy.include_emails),
                (IdentityKind::Email, true) => (IdentifierKind::HashedEmail, false),
                (IdentityKind::Did, _) => (IdentifierKind::Did, false),
                _ => (IdentifierKind::OtherIdentity, false),
            };
            // A redacted email only leaves inside originals.
            if redacted && !ships_originals {
                continue;
            }
            push(kind, &r.identity, name, redacted);
        }
        if ships_originals && let Some(id) = &item.badge.id {
            push(IdentifierKind::CredentialId, id, name, false);
        }
    }
    PrivacyWarning { identifiers: ids }
}

/// Replaces the portfolio's plain-text recipient emails in rendered text.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    emails: Vec<String>,
}

/// What a redacted email is shown as.
pub const REDACTED_EMAIL: &str = "[email hidden]";

impl Redactor {
    /// Collect the emails to hide (none when the learner opted in).
    pub fn new(portfolio: &Portfolio, privacy: &Privacy) -> Redactor {
        Redactor::for_badges(portfolio.badges.iter().map(|b| &b.badge), privacy)
    }

    /// [`Redactor::new`] for a list of badge views.
    pub fn for_badges<'a>(
        badges: impl IntoIterator<Item = &'a crate::model::Badge>,
        privacy: &Privacy,
    ) -> Redactor {
        let mut emails = Vec::new();
        if !privacy.include_emails {
            for badge in badges {
                for r in &badge.recipients {
                    if r.kind == IdentityKind::Email && !r.hashed && !r.identity.is_empty() {
                        emails.push(r.identity.to_lowercase());
                    }
                }
            }
        }
        emails.sort();
        emails.dedup();
        Redactor { emails }
    }

    /// True when `s` is (case-insensitively) one of the hidden emails.
    pub fn is_hidden(&self, s: &str) -> bool {
        let l = s.trim().to_lowercase();
        self.emails.contains(&l)
    }

    /// `s` with every hidden email replaced (ASCII case-insensitive).
    pub fn apply(&self, s: &str) -> String {
        let mut out = s.to_string();
        for e in &self.emails {
            loop {
                let lower = out.to_ascii_lowercase();
                match lower.find(e.as_str()) {
                    // `to_ascii_lowercase` keeps byte offsets, so `pos` is valid in `out`.
                    Some(pos)
                        if out.is_char_boundary(pos) && out.is_char_boundary(pos + e.len()) =>
                    {
                        out.replace_range(pos..pos + e.len(), REDACTED_EMAIL)
                    }
                    _ => break,
                }
            }
        }
        out
    }
}

/// Hash a guardian passphrase for the wallet's minor-mode setting (Argon2id PHC string).
pub fn guardian_hash<R: RngCore + CryptoRng>(
    passphrase: &str,
    rng: &mut R,
) -> Result<String, ExportError> {
    let salt = SaltString::generate(rng);
    Argon2::default()
        .hash_password(passphrase.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ExportError::Other(format!("could not hash guardian passphrase: {e}")))
}

/// Minor mode: when the wallet has a guardian passphrase hash, an export needs the passphrase.
pub fn check_guardian(
    guardian_hash: Option<&str>,
    passphrase: Option<&str>,
) -> Result<(), ExportError> {
    let Some(hash) = guardian_hash else {
        return Ok(());
    };
    let Some(pw) = passphrase else {
        return Err(ExportError::GuardianRequired);
    };
    let parsed = PasswordHash::new(hash)
        .map_err(|e| ExportError::Other(format!("guardian passphrase setting is damaged: {e}")))?;
    Argon2::default()
        .verify_password(pw.as_bytes(), &parsed)
        .map_err(|_| ExportError::GuardianWrong)
}
