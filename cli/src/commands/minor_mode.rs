//! `backpack minor-mode on|off|status`: the guardian's lock on everything that sends data out
//! (network, export, backup, original files, restore). The rules are the core's
//! (`backpack_core::minor_mode`); this only asks for the passphrase.
//!
//! The passphrase comes from `BACKPACK_GUARDIAN_PASSPHRASE`, else a prompt on a terminal
//! (twice to turn it on), else one line of stdin.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::Context as _;
use backpack_core::minor_mode::MinorMode;
use zeroize::Zeroizing;

use super::Ctx;

/// Subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Turn minor mode on with a new guardian passphrase (at least 6 characters).
    On,
    /// Turn minor mode off (needs the guardian passphrase).
    Off,
    /// Say whether minor mode is on.
    Status,
}

fn passphrase(prompt: &str, confirm: bool) -> anyhow::Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var("BACKPACK_GUARDIAN_PASSPHRASE") {
        return Ok(Zeroizing::new(p));
    }
    if std::io::stdin().is_terminal() {
        let p = Zeroizing::new(
            rpassword::prompt_password(format!("{prompt} "))
                .context(tr!("cli-reading-passphrase"))?,
        );
        if confirm {
            let again = Zeroizing::new(
                rpassword::prompt_password(format!("{} ", tr!("cli-minor-prompt-repeat")))
                    .context(tr!("cli-reading-passphrase"))?,
            );
            if again != p {
                anyhow::bail!("{}", tr!("cli-passphrases-differ"));
            }
        }
        return Ok(p);
    }
    let mut line = Zeroizing::new(String::new());
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context(tr!("cli-reading-passphrase-stdin"))?;
    Ok(Zeroizing::new(
        line.trim_end_matches(['\n', '\r']).to_string(),
    ))
}

impl Command {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let w = ctx.open_wallet()?;
        match self {
            Command::On => {
                let p = passphrase(&tr!("cli-minor-prompt-new"), true)?;
                MinorMode::enable_with(&w, &p, super::backup::kdf_params(), &mut rand_core::OsRng)?;
                println!("{}", tr!("cli-minor-on"));
            }
            Command::Off => {
                let p = passphrase(&tr!("cli-minor-prompt"), false)?;
                MinorMode::disable(&w, &p)?;
                println!("{}", tr!("cli-minor-off"));
            }
            Command::Status => {
                let on = MinorMode::load(&w)?.is_on();
                println!(
                    "{}",
                    if on {
                        tr!("cli-minor-status-on")
                    } else {
                        tr!("cli-minor-off")
                    }
                );
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
