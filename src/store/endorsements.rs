//! Endorsement files in the wallet (issue 12): kept as what they are, beside the badges, and
//! attached at read time to the badge, achievement or issuer they endorse
//! (<https://www.imsglobal.org/spec/ob/v3p0/#endorsementcredential>).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{StoreResult, Wallet, sha256};
use crate::endorsement::Endorsement;
use crate::model::Container;
use crate::verify::report::RULES;
use crate::verify::{EndorsementCheck, Status};

/// An endorsement file stored in the wallet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredEndorsement {
    /// Its id among the wallet's endorsements.
    pub id: i64,
    /// The endorsement's name.
    pub name: String,
    /// Who endorses.
    pub endorser_id: Option<String>,
    /// The endorser's name as the endorsement says.
    pub endorser_name: Option<String>,
    /// What it endorses (`credentialSubject.id`).
    pub target_id: String,
    /// What of the badge that id is: `credential`, `achievement` or `issuer` (when read for a
    /// badge).
    pub scope: Option<crate::endorsement::Scope>,
    /// The endorser's comment.
    pub comment: Option<String>,
    /// The file it came from.
    pub source: String,
    /// Status of its latest check ([`Status::NotChecked`] when never checked, or under
    /// older rules).
    pub status: Status,
    /// Why (English).
    pub reason: Option<String>,
    /// The same as a catalog message (checks made before schema 10 have none).
    pub reason_message: Option<crate::localize::Message>,
}

impl StoredEndorsement {
    /// The reason in `cat`'s language: its message rendered there, else the English text.
    pub fn reason_in(&self, cat: &crate::i18n::Catalog) -> Option<String> {
        let text = self.reason.as_deref()?;
        Some(crate::localize::shown_in(
            self.reason_message.as_ref(),
            text,
            cat,
        ))
    }
}

/// A check's reason message as stored (`endorsements.reason_message`).
fn message_json(check: &EndorsementCheck) -> Option<String> {
    check
        .message
        .as_ref()
        .and_then(|m| serde_json::to_string(m).ok())
}

/// What importing an endorsement file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndorsementOutcome {
    /// Stored, with its id.
    Imported(i64),
    /// The same bytes are already in the wallet.
    Duplicate(i64),
}

impl Wallet {
    /// Keep an endorsement file (and its check, when it was verified).
    pub fn import_endorsement(
        &self,
        e: &Endorsement,
        original: &[u8],
        container: Container,
        source: &str,
        check: Option<&EndorsementCheck>,
    ) -> StoreResult<EndorsementOutcome> {
        let sha = sha256(original);
        let now = self.now();
        let conn = self.conn()?;
        if let Some(id) = conn
            .prepare_cached("SELECT id FROM endorsements WHERE sha256 = ?1")?
            .query_row([&sha[..]], |r| r.get::<_, i64>(0))
            .optional()?
        {
            return Ok(EndorsementOutcome::Duplicate(id));
        }
        let container = serde_json::to_value(container)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        conn.prepare_cached(
            "INSERT INTO endorsements (sha256, original, container, name, endorser_id,
                endorser_name, target_id, comment, valid_from, source, imported_at, status,
                reason, checked_at, rules, reason_message)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?
        .execute(params![
            &sha[..],
            original,
            container,
            e.name,
            e.endorser.id,
            e.endorser.name,
            e.target.as_deref().unwrap_or_default(),
            e.comment,
            e.valid_from,
            source,
            now,
            check.map(|c| c.status.as_str()),
            check.map(|c| c.reason.clone()),
            check.map(|_| now.clone()),
            check.map(|_| RULES),
            check.and_then(message_json),
        ])?;
        Ok(EndorsementOutcome::Imported(conn.last_insert_rowid()))
    }

    /// The original bytes of an endorsement file.
    pub fn endorsement_original(&self, id: i64) -> StoreResult<Option<Vec<u8>>> {
        Ok(self
            .conn()?
            .prepare_cached("SELECT original FROM endorsements WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// Keep a fresh check of an endorsement file.
    pub fn save_endorsement_check(&self, id: i64, check: &EndorsementCheck) -> StoreResult<()> {
        let now = self.now();
        self.conn()?
            .prepare_cached(
                "UPDATE endorsements SET status = ?2, reason = ?3, checked_at = ?4, rules = ?5,
                    reason_message = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                check.status.as_str(),
                check.reason,
                now,
                RULES,
                message_json(check)
            ])?;
        Ok(())
    }

    /// Endorsement files attached to a badge: those endorsing its credential id, its
    /// achievement or its issuer.
    pub fn endorsements_for_badge(&self, badge_id: i64) -> StoreResult<Vec<StoredEndorsement>> {
        let b = self.get_badge(badge_id)?;
        let targets = [
            (
                crate::endorsement::Scope::Credential,
                b.credential_id.clone().or(b.badge.id.clone()),
            ),
            (
                crate::endorsement::Scope::Achievement,
                b.badge.achievement_id.clone(),
            ),
            (crate::endorsement::Scope::Issuer, b.badge.issuer.id.clone()),
        ];
        let mut out = Vec::new();
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT id, name, endorser_id, endorser_name, target_id, comment, source, status,
                    reason, rules, reason_message
             FROM endorsements WHERE target_id = ?1 ORDER BY id",
        )?;
        for (scope, target) in targets {
            let Some(t) = target else { continue };
            let rows = st.query_map([&t], |r| {
                let status: Option<String> = r.get(7)?;
                let rules: Option<u32> = r.get(9)?;
                let status = match (status, rules) {
                    (Some(s), Some(rules)) if rules >= RULES => {
                        Status::from_id(&s).unwrap_or(Status::NotChecked)
                    }
                    _ => Status::NotChecked,
                };
                Ok(StoredEndorsement {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    endorser_id: r.get(2)?,
                    endorser_name: r.get(3)?,
                    target_id: r.get(4)?,
                    scope: Some(scope),
                    comment: r.get(5)?,
                    source: r.get(6)?,
                    status,
                    reason: r.get(8)?,
                    reason_message: r
                        .get::<_, Option<String>>(10)?
                        .and_then(|j| serde_json::from_str(&j).ok()),
                })
            })?;
            for e in rows {
                out.push(e?);
            }
        }
        Ok(out)
    }

    /// How many badges in the wallet an endorsement target id matches (for the import line).
    pub fn badges_endorsed_by_target(&self, target: &str) -> StoreResult<Vec<i64>> {
        let conn = self.conn()?;
        let mut st = conn.prepare_cached(
            "SELECT id FROM badges WHERE removed_at IS NULL AND superseded_by IS NULL
               AND conflicts_with IS NULL AND (credential_id = ?1 OR issuer_id = ?1
               OR assertion_id = ?1)
             ORDER BY id",
        )?;
        let rows = st.query_map([target], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
