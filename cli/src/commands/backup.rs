//! `backpack backup OUT` and `backpack restore IN [--force]`: one encrypted file holding the
//! whole wallet (see `backpack_core::backup` for the format).
//!
//! The passphrase comes from `BACKPACK_PASSPHRASE`, else an interactive prompt (asked twice
//! for a backup), else one line of stdin when stdin is not a terminal.
//!
//! The learner's signing key travels inside the encrypted backup; a restore puts it back into
//! the key store (system keyring or key file), never into the restored wallet file.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use backpack_core::backup::{self, KdfParams};
use backpack_core::learner_key::wallet_learner_key;
use backpack_core::minor_mode::Action;

use super::Ctx;

/// `backup` arguments.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the encrypted backup.
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
}

/// `restore` arguments.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The encrypted backup to restore.
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// Replace a wallet that already holds data (it is kept beside as '.before-restore').
    #[arg(long)]
    pub force: bool,
}

/// Read the passphrase: env, prompt (twice when `confirm`), or a stdin line.
pub fn read_passphrase(prompt: &str, confirm: bool) -> anyhow::Result<String> {
    if let Ok(p) = std::env::var("BACKPACK_PASSPHRASE") {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let p = rpassword::prompt_password(format!("{prompt} "))
            .context(tr!("cli-reading-passphrase"))?;
        if confirm {
            let again = rpassword::prompt_password(format!("{} ", tr!("cli-prompt-repeat")))
                .context(tr!("cli-reading-passphrase"))?;
            if again != p {
                anyhow::bail!("{}", tr!("cli-passphrases-differ"));
            }
        }
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context(tr!("cli-reading-passphrase-stdin"))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// The Argon2id cost for a new backup, key file or guardian record: the default (64 MiB, 3
/// passes).
///
/// Debug builds (the test suite) honour `BACKPACK_BACKUP_KDF=test-only-fast` so CLI tests do not
/// spend seconds per backup. Release builds ignore it: no environment variable can make a
/// learner's real backup weaker.
pub fn kdf_params() -> KdfParams {
    if cfg!(debug_assertions)
        && std::env::var("BACKPACK_BACKUP_KDF").ok().as_deref() == Some("test-only-fast")
    {
        return KdfParams {
            memory_kib: 256,
            time_cost: 1,
            parallelism: 1,
        };
    }
    KdfParams::default()
}

impl BackupArgs {
    /// Run it. The learner's signing key goes inside the encrypted backup (loaded from its
    /// store first), so a restore elsewhere keeps the learner's DID.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let path = ctx.wallet_path()?;
        if !path.exists() {
            anyhow::bail!(
                "{}",
                tr!("cli-backup-no-wallet", path = path.display().to_string())
            );
        }
        let wallet = ctx.open_wallet()?;
        ctx.require(&wallet, Action::Backup, None)?;
        let key = if wallet.learner_key()?.is_some() {
            Some(
                super::with_vaults(&path, |v| wallet_learner_key(&wallet, v))
                    .context(tr!("cli-backup-lacks-key"))?,
            )
        } else {
            None
        };
        let pass = read_passphrase(&tr!("cli-backup-prompt"), true)?;
        let n = backup::backup_open_wallet(&wallet, &self.out, &pass, kdf_params(), key.as_ref())
            .with_context(|| format!("{}", self.out.display()))?;
        println!(
            "{}",
            tr!(
                "cli-backup-done",
                wallet = path.display().to_string(),
                file = self.out.display().to_string(),
                bytes = n.to_string()
            )
        );
        Ok(ExitCode::SUCCESS)
    }
}

fn restore(input: &Path, dest: &Path, force: bool) -> anyhow::Result<()> {
    let len = std::fs::metadata(input)
        .with_context(|| format!("{}", input.display()))?
        .len();
    if len > backup::MAX_BACKUP_BYTES {
        anyhow::bail!(
            "{}",
            tr!(
                "cli-backup-too-large",
                file = input.display().to_string(),
                bytes = len.to_string(),
                limit = backup::MAX_BACKUP_BYTES.to_string()
            )
        );
    }
    let bytes = std::fs::read(input).with_context(|| format!("{}", input.display()))?;
    let pass = read_passphrase(&tr!("cli-backup-prompt"), false)?;
    // A wallet that was encrypted stays encrypted, with the same passphrase.
    let wallet_pass = if backpack_core::store::looks_encrypted(dest) {
        Some(super::wallet_passphrase(dest, false)?.ok_or_else(|| {
            anyhow::anyhow!(
                "{}",
                tr!(
                    "cli-restore-needs-passphrase",
                    path = dest.display().to_string()
                )
            )
        })?)
    } else {
        None
    };
    let out = super::with_vaults(dest, |v| {
        backup::restore_wallet_with_keys(
            &bytes,
            &pass,
            dest,
            force,
            v,
            wallet_pass.as_deref().map(String::as_str),
            &mut backup::OsRng,
        )
    })
    .with_context(|| format!("{}", input.display()))?;
    println!(
        "{}",
        tr!(
            "cli-restore-done",
            bytes = out.bytes.to_string(),
            path = dest.display().to_string()
        )
    );
    if let Some(p) = out.previous_kept_at {
        println!(
            "{}",
            tr!("cli-restore-previous", path = p.display().to_string())
        );
    }
    Ok(())
}

impl RestoreArgs {
    /// Run it. Restoring over a wallet in minor mode needs the guardian (it would replace the
    /// lock); a wallet that does not open (damaged) can always be restored over, with --force.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let dest = ctx.wallet_path()?;
        if std::fs::metadata(&dest).is_ok_and(|m| m.len() > 0) {
            use backpack_core::store::{StoreError as E, Wallet, looks_encrypted};
            let pass = if looks_encrypted(&dest) {
                super::wallet_passphrase(&dest, false)?
            } else {
                None
            };
            match Wallet::open_with(&dest, pass.as_deref().map(String::as_str)) {
                Ok(w) => ctx.require(&w, Action::Restore, None)?,
                // Unreadable (damaged, another program's, too new, or its passphrase is lost):
                // it can only be replaced, with --force, and it is kept beside.
                Err(
                    E::Damaged { .. }
                    | E::NotAWallet(_)
                    | E::TooNew { .. }
                    | E::WrongPassphrase(_)
                    | E::NeedsPassphrase(_),
                ) => {}
                Err(e) => return Err(super::open_error(e, &dest)),
            }
        }
        restore(&self.input, &dest, self.force)?;
        Ok(ExitCode::SUCCESS)
    }
}
