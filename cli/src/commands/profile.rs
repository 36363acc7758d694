//! PLACEHOLDER subcommand group.

use std::process::ExitCode;

use super::Ctx;

/// Subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List.
    List,
}

impl Command {
    /// Run it.
    pub fn run(&self, _ctx: &Ctx) -> anyhow::Result<ExitCode> {
        anyhow::bail!("not built yet")
    }
}
