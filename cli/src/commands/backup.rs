//! PLACEHOLDER backup/restore.

use std::process::ExitCode;

use super::Ctx;

/// `backup` arguments.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {}

/// `restore` arguments.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {}

impl BackupArgs {
    /// Run it.
    pub fn run(&self, _ctx: &Ctx) -> anyhow::Result<ExitCode> {
        anyhow::bail!("not built yet")
    }
}

impl RestoreArgs {
    /// Run it.
    pub fn run(&self, _ctx: &Ctx) -> anyhow::Result<ExitCode> {
        anyhow::bail!("not built yet")
    }
}
