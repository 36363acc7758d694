//! From the wallet to a [`Portfolio`]: a collection (or a list of badges) with the learner's
//! words, each badge with its original bytes, payload text, latest report and note.
//! Also the minor-mode gate every share goes through (issue 5, "Privacy controls").

use super::{ExportBadge, ExportError, Portfolio};
use crate::store::keys;
use crate::store::{StoredBadge, Wallet};
use crate::verify::Status;

impl ExportBadge {
    /// An export item from a stored badge: the payload text and the view shown are read again
    /// from the original bytes (the same decoder and parser a receiver uses, so the page says
    /// what the credential says), falling back to the stored view only when the original
    /// does not parse on its own. The report is the current one; a report made under older
    /// rules is history, not status, and is left out (the page then says "Not checked").
    pub fn from_stored(sb: &StoredBadge, note: Option<String>) -> Result<ExportBadge, ExportError> {
        let decoded = crate::decode::decode(&sb.original).map_err(|e| ExportError::BadPayload {
            badge: format!("#{} {}", sb.id, sb.badge.name),
            reason: format!("its stored original no longer decodes: {e}"),
        })?;
        let (format, badge) = match crate::parse::parse(&decoded) {
            Ok(p) => (p.format, p.badge),
            Err(_) => (sb.format, sb.badge.clone()),
        };
        Ok(ExportBadge {
            wallet_id: sb.id.to_string(),
            original: sb.original.clone(),
            container: decoded.container,
            format,
            badge,
            payload: decoded.payload.text().to_string(),
            report: sb
                .latest_report
                .as_ref()
                .filter(|r| r.status != Status::NotChecked)
                .map(|r| {
                    let mut report = r.report.clone();
                    report.status = r.status;
                    report
                }),
            note: note.or_else(|| sb.note.clone()),
        })
    }
}

/// The portfolio for a collection (named by id or name). With `only` non-empty, just those
/// badges of it, in the collection's order; each must be in the collection.
pub fn portfolio_from_collection(
    wallet: &Wallet,
    collection: &str,
    only: &[i64],
) -> crate::Result<Portfolio> {
    let c = wallet.find_collection(collection)?;
    for id in only {
        if !c.badge_ids.contains(id) {
            return Err(ExportError::NotInCollection {
                badge: *id,
                collection: c.name.clone(),
            }
            .into());
        }
    }
    let mut badges = Vec::new();
    for &id in &c.badge_ids {
        if !only.is_empty() && !only.contains(&id) {
            continue;
        }
        let sb = wallet.get_badge(id)?;
        if sb.removed_at.is_some() {
            continue;
        }
        let note = wallet.collection_badge_note(c.id, id)?;
        badges.push(ExportBadge::from_stored(&sb, note)?);
    }
    Ok(Portfolio {
        title: c.name,
        intro: c.description,
        note: c.note,
        badges,
    })
}

/// A portfolio of individual badges (no collection): titled with the wallet's portfolio
/// title setting, else untitled (the export then shows "My badges" in its language).
pub fn portfolio_from_badges(wallet: &Wallet, ids: &[i64]) -> crate::Result<Portfolio> {
    let mut badges = Vec::new();
    for &id in ids {
        badges.push(ExportBadge::from_stored(&wallet.get_badge(id)?, None)?);
    }
    Ok(Portfolio {
        title: wallet.setting(keys::PORTFOLIO_TITLE)?.unwrap_or_default(),
        intro: None,
        note: None,
        badges,
    })
}

/// Minor mode (a wallet setting): sharing needs the guardian passphrase. A wallet in minor
/// mode without a guardian hash refuses to share at all (fail closed).
pub fn check_minor_mode(wallet: &Wallet, guardian_passphrase: Option<&str>) -> crate::Result<()> {
    if !wallet.setting_bool(keys::MINOR_MODE, false)? {
        return Ok(());
    }
    match wallet.setting(keys::GUARDIAN_PASSPHRASE_HASH)? {
        Some(h) => Ok(super::privacy::check_guardian(Some(&h), guardian_passphrase)?),
        None => Err(ExportError::Other(
            "minor mode is on but no guardian passphrase is set: ask a guardian to set one before sharing".into(),
        )
        .into()),
    }
}
