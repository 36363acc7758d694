//! The learner profile: the learner's own emails, DIDs and URLs, used to match a badge's
//! recipient (OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> recipient, OB 3.0 “Verification” <https://www.imsglobal.org/spec/ob/v3p0/> step 5). They never leave the machine.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{StoreError, StoreResult, Wallet};
use crate::localize::{Message, msg};

/// Kind of identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    /// An email address.
    Email,
    /// A DID (`did:method:…`).
    Did,
    /// An http(s) URL.
    Url,
}

impl IdentityKind {
    /// Stable id: `email`, `did`, `url`.
    pub fn as_str(self) -> &'static str {
        match self {
            IdentityKind::Email => "email",
            IdentityKind::Did => "did",
            IdentityKind::Url => "url",
        }
    }

    fn from_id(s: &str) -> Option<IdentityKind> {
        Some(match s {
            "email" => IdentityKind::Email,
            "did" => IdentityKind::Did,
            "url" => IdentityKind::Url,
            _ => return None,
        })
    }
}

/// One of the learner's identities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// Row id.
    pub id: i64,
    /// Kind.
    pub kind: IdentityKind,
    /// The email, DID or URL.
    pub value: String,
    /// When it was added.
    pub created_at: String,
}

/// Longest identity accepted.
pub const MAX_IDENTITY_BYTES: usize = 2048;

/// Check and tidy an identity value; the error says what is wrong.
fn normalise(kind: IdentityKind, value: &str) -> StoreResult<String> {
    let v = value.trim();
    let bad = |why: Message| {
        Err(StoreError::Invalid(msg!(
            "err-store-identity-invalid",
            value = format!("{v:?}"),
            kind = kind.as_str(),
            why = why
        )))
    };
    if v.is_empty() {
        return Err(StoreError::Invalid(msg!(
            "err-store-identity-empty",
            kind = kind.as_str()
        )));
    }
    if v.len() > MAX_IDENTITY_BYTES {
        return Err(StoreError::Invalid(msg!(
            "err-store-identity-too-long",
            kind = kind.as_str(),
            limit = MAX_IDENTITY_BYTES
        )));
    }
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad(msg!("err-store-identity-spaces"));
    }
    match kind {
        IdentityKind::Email => {
            let v = v.strip_prefix("mailto:").unwrap_or(v);
            match v.split_once('@') {
                Some((local, domain))
                    if !local.is_empty() && !domain.is_empty() && !domain.contains('@') =>
                {
                    Ok(v.to_string())
                }
                _ => bad(msg!("err-store-identity-email")),
            }
        }
        IdentityKind::Did => {
            let mut parts = v.splitn(3, ':');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("did"), Some(method), Some(rest))
                    if !method.is_empty()
                        && method
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                        && !rest.is_empty() =>
                {
                    Ok(v.to_string())
                }
                _ => bad(msg!("err-store-identity-did")),
            }
        }
        IdentityKind::Url => {
            if (v.starts_with("https://") || v.starts_with("http://")) && v.len() > "https://".len()
            {
                Ok(v.to_string())
            } else {
                bad(msg!("err-store-identity-url"))
            }
        }
    }
}

impl Wallet {
    /// Add one of the learner's identities. Adding one already there returns it unchanged.
    pub fn add_identity(&self, kind: IdentityKind, value: &str) -> StoreResult<Identity> {
        let value = normalise(kind, value)?;
        let now = self.now();
        let conn = self.conn()?;
        conn.execute(
            "INSERT OR IGNORE INTO profile_identities (kind, value, created_at) VALUES (?1, ?2, ?3)",
            params![kind.as_str(), value, now],
        )?;
        let (id, created_at) = conn.query_row(
            "SELECT id, created_at FROM profile_identities WHERE kind = ?1 AND value = ?2",
            params![kind.as_str(), value],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Identity {
            id,
            kind,
            value,
            created_at,
        })
    }

    /// The learner's identities, in the order added.
    pub fn identities(&self) -> StoreResult<Vec<Identity>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT id, kind, value, created_at FROM profile_identities ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, value, created_at) = row?;
            let kind = IdentityKind::from_id(&kind).ok_or_else(|| StoreError::Corrupt {
                what: format!("identity #{id}"),
                reason: format!("unknown kind {kind:?}"),
            })?;
            out.push(Identity {
                id,
                kind,
                value,
                created_at,
            });
        }
        Ok(out)
    }

    /// Just the values, as [`crate::verify::VerifyContext::recipients`] wants them.
    pub fn identity_values(&self) -> StoreResult<Vec<String>> {
        Ok(self.identities()?.into_iter().map(|i| i.value).collect())
    }

    /// Remove an identity by its value (any kind; emails compared case-insensitively).
    /// Returns whether one was removed.
    pub fn remove_identity(&self, value: &str) -> StoreResult<bool> {
        let v = value.trim();
        let v = v.strip_prefix("mailto:").unwrap_or(v);
        let conn = self.conn()?;
        let id: Option<i64> = conn
            .query_row(
                "SELECT id FROM profile_identities
                 WHERE value = ?1 OR (kind = 'email' AND lower(value) = lower(?1))
                 ORDER BY value = ?1 DESC, id LIMIT 1",
                [v],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => {
                conn.execute("DELETE FROM profile_identities WHERE id = ?1", [id])?;
                Ok(true)
            }
            None => Ok(false),
        }
    }
}
