//! PLACEHOLDER subcommand.

use std::process::ExitCode;

use super::Ctx;

/// Arguments.
#[derive(Debug, clap::Args)]
pub struct Args {}

impl Args {
    /// Run it.
    pub fn run(&self, _ctx: &Ctx) -> anyhow::Result<ExitCode> {
        anyhow::bail!("not built yet")
    }
}
