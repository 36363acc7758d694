//! One module per subcommand, plus what they share: opening the wallet and printing
//! untrusted badge text safely.

pub mod backup;
pub mod collection;
pub mod connect;
pub mod export;
pub mod hosts;
pub mod import;
pub mod list;
pub mod profile;
pub mod recheck;
pub mod remove;
pub mod show;
pub mod sync;
pub mod trust;
pub mod verify;
pub mod verify_share;

use anyhow::Context as _;
use backpack_core::store::Wallet;

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Ctx {
    /// `--wallet` / `BACKPACK_WALLET`.
    pub wallet: Option<std::path::PathBuf>,
}

impl Ctx {
    /// The wallet file: `--wallet`, else `BACKPACK_WALLET` (both handled by clap), else the
    /// platform data dir.
    pub fn wallet_path(&self) -> anyhow::Result<std::path::PathBuf> {
        match &self.wallet {
            Some(p) => Ok(p.clone()),
            None => Ok(Wallet::default_path()?),
        }
    }

    /// Open (creating if needed) the wallet.
    pub fn open_wallet(&self) -> anyhow::Result<Wallet> {
        let path = self.wallet_path()?;
        Wallet::open(&path).with_context(|| format!("cannot open wallet {}", path.display()))
    }
}

/// Badge text is untrusted: replace control characters (terminal escape sequences, line
/// breaks) so one field stays on one line and cannot drive the terminal.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// [`clean`], then cut to `max` characters with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    let s = clean(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
