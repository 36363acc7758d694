//! What every test of the `backpack` binary shares (declared once in `tests.rs`): the
//! fixtures, the binary run in a hermetic environment, and [`Env`], a temp folder with a wallet in it.
//!
//! Hermetic: nothing from the developer's shell reaches the binary (no wallet, language,
//! guardian or wallet passphrase), the platform data folder is an empty one of the build's (so
//! a command without a wallet never opens the developer's own wallet: `verify` reads its trust
//! lists and, with network, its minor mode), the learner key goes to a key file (never the
//! developer's system keyring), host tokens stay in memory, no browser opens, and backups use
//! the fast test-only key derivation. A test that needs one of these changed sets it on the command
//! ([`Env::run_with`], or `.env(..)` on [`backpack`]).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Absolute path of a file under the repository's `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(rel)
}

/// [`fixture`] as a string (for an argument list).
pub fn fixture_str(rel: &str) -> String {
    fixture(rel).to_str().unwrap().to_string()
}

/// The bytes of a fixture.
pub fn fixture_bytes(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("fixture {rel}: {e}"))
}

/// The learner-key passphrase every test's key file is made with (unless a test says
/// otherwise).
pub const KEY_PASSPHRASE: &str = "test key words";

/// Make `c` hermetic (see the module docs); stdin is closed unless the caller pipes it.
pub fn hermetic(c: &mut Command) -> &mut Command {
    for k in [
        "BACKPACK_WALLET",
        "BACKPACK_WALLET_PASSPHRASE",
        "BACKPACK_PASSPHRASE",
        "BACKPACK_GUARDIAN_PASSPHRASE",
        "BACKPACK_BUNDLE_PASSWORD",
        "BACKPACK_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        c.env_remove(k);
    }
    // Linux's platform data folder (`directories`): a folder no test writes to.
    c.env(
        "XDG_DATA_HOME",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-data-home"),
    )
    .env("BACKPACK_KEY_STORE", "file")
    .env("BACKPACK_KEY_PASSPHRASE", KEY_PASSPHRASE)
    .env("BACKPACK_BACKUP_KDF", "test-only-fast")
    .env("BACKPACK_TOKEN_STORE", "memory")
    .env("BACKPACK_NO_BROWSER", "1")
    .stdin(Stdio::null())
}

/// The `backpack` binary, hermetic, with no wallet chosen.
pub fn backpack() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_backpack"));
    hermetic(&mut c);
    c
}

/// A temp folder with a wallet path in it (the wallet is made by the first command that
/// needs it). Dropped with the folder.
pub struct Env {
    /// The folder: the wallet and any file a test writes.
    pub dir: tempfile::TempDir,
    /// The wallet file, passed as `--wallet`.
    pub wallet: PathBuf,
    /// Variables set on every command of this Env (before a run's own).
    vars: Vec<(String, String)>,
}

impl Env {
    /// The wallet at `w/wallet.db` (a folder the CLI creates).
    pub fn new() -> Env {
        Env::with_wallet("w/wallet.db")
    }

    /// The wallet at `rel` inside the folder.
    pub fn with_wallet(rel: &str) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let wallet = dir.path().join(rel);
        Env {
            dir,
            wallet,
            vars: Vec::new(),
        }
    }

    /// Set `vars` on every command of this Env.
    pub fn with_vars(mut self, vars: &[(&str, &str)]) -> Env {
        self.vars
            .extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        self
    }

    /// A path inside the folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write `bytes` to `name` in the folder; its path as a string.
    pub fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.path(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_str().unwrap().to_string()
    }

    /// `backpack --wallet W ARGS`, hermetic, with this Env's variables and then `env`.
    pub fn cmd(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut c = backpack();
        c.arg("--wallet").arg(&self.wallet).args(args);
        c.envs(self.vars.iter().map(|(k, v)| (k, v)));
        c.envs(env.iter().copied());
        c
    }

    /// Run [`Env::cmd`] to the end.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.cmd(args, env).output().unwrap()
    }

    /// Run `backpack --wallet W ARGS` to the end.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[])
    }
}

/// Stdout as text (it must be UTF-8).
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Stderr as text (it must be UTF-8).
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The exit code (the process must have exited, not been killed).
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}
