//! Collections: listing, creating, renaming, filling, ordering and annotating them (the
//! commands in `commands/collections.rs`; exporting one is in `export.rs`).

use super::WalletAdapter;
use crate::error::CmdResult;
use serde::Serialize;
use ts_rs::TS;

/// A collection as the UI sees it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CollectionDto {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Learner's note.
    pub note: String,
    /// Badge ids in order.
    pub badge_ids: Vec<i64>,
}

impl WalletAdapter {
    /// All collections.
    pub fn collections(&self) -> CmdResult<Vec<CollectionDto>> {
        Ok(self
            .wallet
            .collections()?
            .into_iter()
            .map(|c| CollectionDto {
                id: c.id,
                name: c.name,
                note: c.note.unwrap_or_default(),
                badge_ids: c.badge_ids,
            })
            .collect())
    }

    fn collection(&self, id: i64) -> CmdResult<CollectionDto> {
        let c = self.wallet.collection(id)?;
        Ok(CollectionDto {
            id: c.id,
            name: c.name,
            note: c.note.unwrap_or_default(),
            badge_ids: c.badge_ids,
        })
    }

    /// Create a collection.
    pub fn create_collection(&self, name: &str) -> CmdResult<CollectionDto> {
        let id = self.wallet.create_collection(name.trim(), None)?;
        self.collection(id)
    }

    /// Rename.
    pub fn rename_collection(&self, id: i64, name: &str) -> CmdResult<CollectionDto> {
        self.wallet.rename_collection(id, name.trim())?;
        self.collection(id)
    }

    /// Delete (the badges stay in the wallet).
    pub fn delete_collection(&self, id: i64) -> CmdResult<()> {
        Ok(self.wallet.delete_collection(id)?)
    }

    /// Add badges at the end.
    pub fn add_to_collection(&self, id: i64, badge_ids: &[i64]) -> CmdResult<CollectionDto> {
        for b in badge_ids {
            self.wallet.add_to_collection(id, *b)?;
        }
        self.collection(id)
    }

    /// Remove badges from a collection.
    pub fn remove_from_collection(&self, id: i64, badge_ids: &[i64]) -> CmdResult<CollectionDto> {
        for b in badge_ids {
            self.wallet.remove_from_collection(id, *b)?;
        }
        self.collection(id)
    }

    /// Set the order of a collection's badges.
    pub fn reorder_collection(&self, id: i64, badge_ids: Vec<i64>) -> CmdResult<CollectionDto> {
        self.wallet.reorder_collection(id, &badge_ids)?;
        self.collection(id)
    }

    /// Set a collection's note.
    pub fn set_collection_note(&self, id: i64, note: String) -> CmdResult<()> {
        let note = Some(note.as_str()).filter(|n| !n.trim().is_empty());
        Ok(self.wallet.set_collection_note(id, note)?)
    }
}
