//! Badges: the gallery's cards, the detail view, images and originals, recheck, removal,
//! notes and tags (the commands in `commands/badges.rs`), plus the search box's queries.

use super::WalletAdapter;
use crate::error::CmdResult;
use crate::view;
use backpack_core::i18n::Arg;
use backpack_core::minor_mode::Action;
use backpack_core::model::{Badge, Format, Image};
use backpack_core::store::{BadgeSummary, ImageKind, Query, Sort, StoreError};
use backpack_core::verify::{Report, Status};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// One card of the gallery: everything the list view and its filters need.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeCard {
    /// Wallet id.
    pub id: i64,
    /// Badge name.
    pub name: String,
    /// Issuer display name.
    pub issuer: String,
    /// What the issuer filter of a [`GalleryQuery`] matches for this badge's issuer (its id,
    /// else its name); `None` when the badge names neither.
    pub issuer_key: Option<String>,
    /// Issued date (RFC 3339) if known.
    pub issued: Option<String>,
    /// Status chip id (the core vocabulary, `verify::Status`).
    pub status: Status,
    /// `badgeimg://` URL of the image, or `None` (remote or no image: the UI shows a placeholder).
    pub image: Option<String>,
    /// Learner's tags.
    pub tags: Vec<String>,
    /// Ids of the collections holding it.
    pub collections: Vec<i64>,
    /// Format id.
    pub format: Option<Format>,
    /// What an imported trust list says about the issuer (information, never the status).
    pub trust: Option<TrustMark>,
}

/// A trust list's label for a badge's issuer, in the words for the badge's status
/// (`backpack_core::trust_list::TrustLabel::text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrustMark {
    /// "Known issuer: …", or "Claims to be from a known issuer: …" when not verified.
    pub text: String,
    /// The badge is verified, so the issuer named is the one that signed.
    pub verified: bool,
    /// The list or entry is a sandbox / test one.
    pub test: bool,
    /// The list's name.
    pub list: String,
}

impl TrustMark {
    fn of(label: Option<backpack_core::trust_list::TrustLabel>, status: Status) -> Option<Self> {
        label.map(|l| TrustMark {
            text: l.text(status),
            verified: status == Status::Verified,
            test: l.test,
            list: l.list,
        })
    }
}

/// Everything the detail view shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeDetail {
    /// The card fields.
    pub card: BadgeCard,
    /// The full normalised badge.
    #[serde(serialize_with = "crate::ipc::camel")]
    pub badge: Badge,
    /// The last verification report.
    #[serde(serialize_with = "crate::ipc::camel")]
    pub report: Option<Report>,
    /// The report in one plain sentence.
    pub summary: String,
    /// The learner's note.
    pub note: String,
    /// Original file name.
    pub file_name: String,
    /// When it was imported (RFC 3339).
    pub imported_at: String,
    /// True when the image is remote and was not fetched.
    pub remote_image: bool,
    /// The badge this copy conflicts with: it claims to be a newer version of it but is not
    /// signed with the issuer's key.
    pub conflicts_with: Option<i64>,
    /// Conflicting copies kept beside this badge.
    pub conflicts: Vec<i64>,
    /// Endorsements of the badge, its achievement or its issuer: embedded in the credential
    /// and imported as files, each with its own status.
    pub endorsements: Vec<EndorsementView>,
    /// Earlier checks, newest first (the evidence history).
    pub earlier: Vec<EarlierCheck>,
}

/// One earlier check of a badge.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EarlierCheck {
    /// When (RFC 3339).
    pub checked_at: String,
    /// Its status (`not_checked` when made under older rules).
    pub status: Status,
    /// Why.
    pub reason: String,
}

/// One endorsement as the detail view shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementView {
    /// Who endorses (name, or id).
    pub endorser: String,
    /// What it endorses (the core's vocabulary).
    pub scope: backpack_core::endorsement::Scope,
    /// The endorser's comment.
    pub comment: Option<String>,
    /// Its own status id (`verify::Status`).
    pub status: Status,
    /// Why.
    pub reason: String,
    /// `embedded` (inside the badge) or `file`.
    pub source: &'static str,
}

/// The gallery's search box, filters and sort, as the core's [`Query`] takes them.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct GalleryQuery {
    /// Words to find, each as the start of a word (name, issuer, description, skills, tags).
    pub text: Option<String>,
    /// A card's `issuerKey`.
    pub issuer: Option<String>,
    /// Only badges in this state.
    pub status: Option<Status>,
    /// Only badges in this collection.
    pub collection: Option<i64>,
    /// Only badges with this tag of the learner's.
    pub tag: Option<String>,
    /// Sort order (default: newest first).
    pub sort: Sort,
}

/// One stretch of the gallery's answer: how many badges match, and the ids of the matches
/// `offset..offset + limit` in order. The search box asks for the first stretch only (it
/// fills the window many times over) so the answer of a keystroke stays small: Tauri sends a
/// JSON answer over 8 KiB through a second round trip (tauri `ipc/channel.rs`,
/// `MAX_JSON_DIRECT_EXECUTE_THRESHOLD`), which cost ~10 ms a keystroke at 10,000 badges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GalleryPage {
    /// Every match, not only this stretch.
    pub total: usize,
    /// The ids of this stretch, in the query's order.
    pub ids: Vec<i64>,
}

impl From<GalleryQuery> for Query {
    fn from(q: GalleryQuery) -> Query {
        Query {
            text: q.text,
            issuer: q.issuer,
            status: q.status,
            collection: q.collection,
            tag: q.tag,
            sort: q.sort,
            ..Query::default()
        }
    }
}

/// A gallery card from a wallet row, its tags and its collections.
fn card(s: BadgeSummary, tags: Vec<String>, collections: Vec<i64>) -> BadgeCard {
    BadgeCard {
        id: s.id,
        name: s.name,
        issuer_key: s.issuer_id.clone().or_else(|| s.issuer.clone()),
        issuer: s
            .issuer
            .or(s.issuer_id)
            .unwrap_or_else(|| crate::error::catalog().t("unknown-issuer")),
        issued: s.issued,
        status: s.status,
        image: image_url(s.id, s.image_kind),
        tags,
        collections,
        format: Some(s.format),
        trust: None,
    }
}

fn image_url(id: i64, kind: Option<ImageKind>) -> Option<String> {
    match kind {
        Some(ImageKind::Baked | ImageKind::Data) => {
            Some(format!("{}://localhost/{id}", crate::IMAGE_SCHEME))
        }
        _ => None,
    }
}

fn file_name(source: &str) -> String {
    let base = source.rsplit(['/', '\\', ':']).next().unwrap_or(source);
    if base.is_empty() {
        "badge".into()
    } else {
        base.to_string()
    }
}

impl WalletAdapter {
    /// All cards, newest first.
    pub fn list(&self) -> CmdResult<Vec<BadgeCard>> {
        let mut in_cols: HashMap<i64, Vec<i64>> = HashMap::new();
        for c in self.wallet.collections()? {
            for b in c.badge_ids {
                in_cols.entry(b).or_default().push(c.id);
            }
        }
        let mut tags = self.wallet.tags_by_badge()?;
        // Every card at once, newest first (the order of `Query::default()`), read without
        // building the search index, so the first gallery does not wait for it.
        let rows = self.wallet.current_summaries()?;
        let trust = self.wallet.trust_index()?;
        Ok(rows
            .into_iter()
            .map(|s| {
                let (t, c) = (tags.remove(&s.id), in_cols.remove(&s.id));
                let label = s.issuer_id.as_deref().and_then(|id| trust.label(id));
                let status = s.status;
                let mut card = card(s, t.unwrap_or_default(), c.unwrap_or_default());
                card.trust = TrustMark::of(label, status);
                card
            })
            .collect())
    }

    /// Ids of the badges matching the gallery's search box, filters and sort, in order: the
    /// core's one engine ([`backpack_core::store::SearchIndex`], as `backpack list`).
    pub fn query(&self, q: GalleryQuery) -> CmdResult<Vec<i64>> {
        Ok(self.wallet.query_ids(&q.into())?)
    }

    /// Build the search index now (after the gallery's cards went out), so the first
    /// keystroke finds it ready. Errors show up at that keystroke instead.
    pub fn warm_search(&self) {
        let _ = self.wallet.search_index();
    }

    /// [`WalletAdapter::query`] without waiting for the wallet or building the index (the
    /// search box runs on the window's thread): while an import holds the wallet the last
    /// index answers; `None` when the index is missing or older than the wallet (the caller
    /// builds it elsewhere, [`WalletAdapter::warm_search`], and the page asks again).
    pub fn query_now(&self, q: GalleryQuery) -> CmdResult<Option<Vec<i64>>> {
        Ok(self.wallet.query_ids_nowait(&q.into())?)
    }

    /// [`WalletAdapter::query_now`], the matches `offset..offset + limit` of it (all from
    /// `offset` without a limit).
    pub fn query_page_now(
        &self,
        q: GalleryQuery,
        offset: usize,
        limit: Option<usize>,
    ) -> CmdResult<Option<GalleryPage>> {
        Ok(self.query_now(q)?.map(|ids| {
            let total = ids.len();
            let start = offset.min(total);
            let end = limit.map_or(total, |n| start.saturating_add(n).min(total));
            GalleryPage {
                total,
                ids: ids[start..end].to_vec(),
            }
        }))
    }

    /// The card of a badge whose tags the caller already has.
    fn card_of(&self, id: i64, tags: Vec<String>) -> CmdResult<BadgeCard> {
        let s = self
            .wallet
            .summaries(&[id])?
            .pop()
            .ok_or(StoreError::NoSuchBadge(id))?;
        let label = match &s.issuer_id {
            Some(i) => self.wallet.issuer_label(i)?,
            None => None,
        };
        let status = s.status;
        let collections = self
            .wallet
            .collections()?
            .into_iter()
            .filter(|c| c.badge_ids.contains(&id))
            .map(|c| c.id)
            .collect();
        let mut card = card(s, tags, collections);
        card.trust = TrustMark::of(label, status);
        Ok(card)
    }

    /// One badge in full.
    pub fn detail(&self, id: i64) -> CmdResult<BadgeDetail> {
        let b = self.wallet.get_badge(id)?;
        let stale = b
            .latest_report
            .as_ref()
            .is_some_and(|r| r.rules < backpack_core::verify::report::RULES);
        let report = b.latest_report.map(|r| r.report);
        let cat = crate::error::catalog();
        let summary = match &report {
            Some(rep) if stale => cat.msg(
                "summary-stale",
                &[("when", Arg::Str(cat.date_utc(&rep.checked_at)))],
            ),
            Some(rep) => view::plain_summary(rep, &b.badge, cat),
            None => cat.t("summary-not-checked"),
        };
        // Every check's detail and the reason in the UI's language.
        let report = report.map(|r| r.localized(cat));
        let mut endorsements: Vec<EndorsementView> = report
            .iter()
            .flat_map(|r| r.endorsements.iter())
            .map(|e| EndorsementView {
                endorser: e
                    .endorser_name
                    .clone()
                    .or(e.endorser_id.clone())
                    .unwrap_or_else(|| crate::error::catalog().t("unknown-endorser")),
                scope: e.scope,
                comment: e.comment.clone(),
                status: e.status,
                reason: e.reason_in(cat),
                source: "embedded",
            })
            .collect();
        endorsements.extend(
            self.wallet
                .endorsements_for_badge(id)?
                .into_iter()
                .map(|e| {
                    let reason = e.reason_in(cat).unwrap_or_default();
                    EndorsementView {
                        endorser: e
                            .endorser_name
                            .or(e.endorser_id)
                            .unwrap_or_else(|| cat.t("unknown-endorser")),
                        scope: e
                            .scope
                            .unwrap_or(backpack_core::endorsement::Scope::Credential),
                        comment: e.comment,
                        status: e.status,
                        reason,
                        source: "file",
                    }
                }),
        );
        Ok(BadgeDetail {
            card: self.card_of(id, b.tags)?,
            remote_image: matches!(b.badge.image, Some(Image::Remote { .. })),
            badge: b.badge,
            report,
            summary,
            note: b.note.unwrap_or_default(),
            file_name: file_name(&b.source),
            imported_at: b.imported_at,
            conflicts_with: b.conflicts_with,
            conflicts: b.conflicts,
            endorsements,
            earlier: self
                .wallet
                .reports(id)?
                .into_iter()
                .skip(1)
                .take(10)
                .map(|r| EarlierCheck {
                    checked_at: r.report.checked_at.clone(),
                    status: r.status,
                    reason: if r.rules < backpack_core::verify::report::RULES {
                        cat.t("earlier-older-rules")
                    } else {
                        r.report.localized(cat).reason
                    },
                })
                .collect(),
        })
    }

    /// The image bytes and media type served on `badgeimg://localhost/<id>`.
    pub fn image(&self, id: i64) -> Option<(String, Vec<u8>)> {
        let b = self.wallet.get_badge(id).ok()?;
        match b.badge.image? {
            Image::Baked { mime } if view::IMAGE_MIMES.contains(&mime.as_str()) => {
                Some((mime, b.original))
            }
            Image::Data { uri } => view::decode_data_image(&uri).ok(),
            _ => None,
        }
    }

    /// The original bytes, exactly as imported, and the original file name. Minor mode must
    /// be unlocked: this is how "Save original" takes a badge out of the wallet.
    pub fn original(&self, id: i64) -> CmdResult<(String, Vec<u8>)> {
        self.require(Action::Original)?;
        let b = self.wallet.get_badge(id)?;
        Ok((file_name(&b.source), b.original))
    }

    /// Verify again and keep the report.
    pub fn recheck(&self, id: i64) -> CmdResult<BadgeDetail> {
        let done =
            self.with_ctx(|ctx| backpack_core::recheck::recheck(&self.wallet, id, ctx))??;
        // A refresh may have made a newer version current: show that one.
        match done.refresh {
            backpack_core::recheck::Refresh::Replaced { new_id } => self.detail(new_id),
            _ => self.detail(id),
        }
    }

    /// Every current badge id.
    pub fn ids(&self) -> CmdResult<Vec<i64>> {
        Ok(self.wallet.query_ids(&Query::default())?)
    }

    /// Remove a badge (the wallet keeps it until purged, so it can be restored).
    pub fn remove(&self, id: i64) -> CmdResult<()> {
        Ok(self.wallet.remove_badge(id)?)
    }

    /// Undo a removal.
    pub fn restore(&self, id: i64) -> CmdResult<()> {
        Ok(self.wallet.restore_badge(id)?)
    }

    /// Set the learner's note on a badge (empty clears it).
    pub fn set_badge_note(&self, id: i64, note: String) -> CmdResult<()> {
        let note = Some(note.as_str()).filter(|n| !n.trim().is_empty());
        Ok(self.wallet.set_badge_note(id, note)?)
    }

    /// Replace the learner's tags on a badge.
    pub fn set_badge_tags(&self, id: i64, tags: Vec<String>) -> CmdResult<()> {
        let current = self.wallet.get_badge(id)?.tags;
        let wanted: Vec<&str> = tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        for t in &current {
            if !wanted.iter().any(|w| w.eq_ignore_ascii_case(t)) {
                self.wallet.remove_tag(id, t)?;
            }
        }
        for w in wanted {
            if !current.iter().any(|t| t.eq_ignore_ascii_case(w)) {
                self.wallet.add_tag(id, w)?;
            }
        }
        Ok(())
    }
}
