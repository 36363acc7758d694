//! `backpack init [--encrypt | --decrypt]`: create the wallet, optionally encrypted with a
//! passphrase (SQLCipher, see `Wallet::open_with`), or encrypt / decrypt an existing one in
//! place.
//!
//! The wallet passphrase comes from `BACKPACK_WALLET_PASSPHRASE` (scripts), else a prompt on a
//! terminal (asked twice for a new one). Every later command asks for it the same way.

use std::process::ExitCode;

use anyhow::Context as _;
use backpack_core::store::{Wallet, looks_encrypted};

use super::{Ctx, wallet_passphrase};

/// `init` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Encrypt the whole wallet with a passphrase (a new wallet, or the existing one in place).
    #[arg(long, conflicts_with = "decrypt")]
    encrypt: bool,
    /// Turn an encrypted wallet back into a plain one.
    #[arg(long)]
    decrypt: bool,
}

fn need(p: Option<zeroize::Zeroizing<String>>) -> anyhow::Result<zeroize::Zeroizing<String>> {
    p.filter(|p| !p.is_empty())
        .ok_or_else(|| anyhow::anyhow!("{}", tr!("cli-init-no-passphrase")))
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let path = ctx.wallet_path()?;
        let exists = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0);
        let encrypted = looks_encrypted(&path);
        let shown = path.display().to_string();
        match (exists, encrypted, self.encrypt, self.decrypt) {
            (false, _, true, _) => {
                let p = need(wallet_passphrase(&path, true)?)?;
                Wallet::open_with(&path, Some(&p))
                    .with_context(|| tr!("cli-init-cannot-create", path = &shown))?;
                println!("{}", tr!("cli-init-created-encrypted", path = &shown));
            }
            (false, _, false, _) => {
                ctx.open_wallet()?;
                println!("{}", tr!("cli-init-created", path = &shown));
            }
            (true, false, true, _) => {
                let p = need(wallet_passphrase(&path, true)?)?;
                Wallet::change_encryption(&path, None, Some(&p))
                    .with_context(|| tr!("cli-init-cannot-encrypt", path = &shown))?;
                println!("{}", tr!("cli-init-encrypted", path = &shown));
            }
            (true, true, _, true) => {
                let p = need(wallet_passphrase(&path, false)?)?;
                Wallet::change_encryption(&path, Some(&p), None)
                    .with_context(|| tr!("cli-init-cannot-decrypt", path = &shown))?;
                println!("{}", tr!("cli-init-decrypted", path = &shown));
            }
            (true, true, true, _) => {
                anyhow::bail!("{}", tr!("cli-init-already-encrypted", path = &shown))
            }
            (true, false, _, true) => {
                anyhow::bail!("{}", tr!("cli-init-not-encrypted", path = &shown))
            }
            (true, _, false, false) => {
                ctx.open_wallet()?;
                println!("{}", tr!("cli-init-exists", path = &shown));
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
