//! Skills: the skills view and a badge's LinkedIn fields (the commands in
//! `commands/skills.rs`).

use super::WalletAdapter;
use crate::error::CmdResult;
use backpack_core::minor_mode::Action;

impl WalletAdapter {
    /// The skills view (issue 11), narrowed by `query` (see `backpack_core::skills`).
    pub fn skills(&self, query: Option<&str>) -> CmdResult<backpack_core::skills::SkillsView> {
        Ok(self.wallet.skills(query)?)
    }

    /// LinkedIn's add-to-profile fields for one badge. With `to_open`, minor mode must allow
    /// exporting first: opening the link carries the badge's details out.
    pub fn linkedin(
        &self,
        id: i64,
        to_open: bool,
    ) -> CmdResult<backpack_core::linkedin::LinkedInFields> {
        let fields = self.wallet.get_badge(id)?.linkedin();
        if to_open {
            self.require(Action::Export)?;
        }
        Ok(fields)
    }
}
