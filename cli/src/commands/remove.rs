//! `backpack remove ID`: take a badge out of the wallet. It can be brought back with
//! `remove --undo ID` until `remove --purge` deletes removed badges for good.

use std::process::ExitCode;

use super::{Ctx, terminal_safe};
use crate::commands::show::parse_id;

/// `remove` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The badge id.
    #[arg(value_parser = parse_id, required_unless_present = "purge")]
    id: Option<i64>,
    /// Bring a removed badge back.
    #[arg(long, conflicts_with = "purge")]
    undo: bool,
    /// Delete every removed badge for good (with its reports, notes and tags).
    #[arg(long)]
    purge: bool,
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        if let Some(id) = self.id {
            let name = terminal_safe(&wallet.get_badge(id)?.badge.name);
            if self.undo {
                wallet.restore_badge(id)?;
                println!(
                    "{}",
                    tr!("cli-remove-restored", id = id, name = name.as_str())
                );
            } else {
                wallet.remove_badge(id)?;
                println!(
                    "{}",
                    tr!(
                        "cli-remove-removed",
                        id = id.to_string(),
                        name = name.as_str()
                    )
                );
            }
        }
        if self.purge {
            let n = wallet.purge_removed()?;
            println!("{}", tr!("cli-remove-purged", n = n));
        }
        Ok(ExitCode::SUCCESS)
    }
}
