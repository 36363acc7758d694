//! One module per subcommand, plus what they share: opening the wallet and printing
//! untrusted text safely ([`terminal_safe`]).

pub mod backup;
pub mod collection;
pub mod connect;
pub mod export;
pub mod hosts;
pub mod import;
pub mod init;
pub mod linkedin;
pub mod list;
pub mod minor_mode;
pub mod profile;
pub mod recheck;
pub mod remove;
pub mod show;
pub mod skills;
pub mod sync;
pub mod trust;
pub mod verify;
pub mod verify_share;

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;

use anyhow::Context as _;
use backpack_core::i18n::{Catalog, Lang};
use backpack_core::learner_key::{
    KeyFile, KeyMigration, OsKeyring, PassphraseUse, SecretVault, migrate_plaintext_key,
};
use backpack_core::localize::Localize as _;
use backpack_core::minor_mode::{Action, MinorMode};
use backpack_core::store::Wallet;
use zeroize::Zeroizing;

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Ctx {
    /// `--wallet` / `BACKPACK_WALLET`.
    pub wallet: Option<std::path::PathBuf>,
    /// `--lang`, else `BACKPACK_LANG`, else the system locale ([`Lang::from_env`]).
    pub lang: Lang,
}

/// The run's language (set once by `main`).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Set the run's language (`main`, once, before any command runs).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The run's message catalog (before [`set_lang`], e.g. when `backpack` alone opens the
/// app: the environment's language).
pub fn cat() -> &'static Catalog {
    catalog_for(
        LANG.get()
            .copied()
            .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok())),
    )
}

/// The catalog of `lang`, or the pseudo-locale's under `BACKPACK_LANG=en-XA` (tests: a
/// sentence not from the catalog shows up unaccented).
pub fn catalog_for(lang: Lang) -> &'static Catalog {
    static PSEUDO: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *PSEUDO.get_or_init(|| std::env::var("BACKPACK_LANG").is_ok_and(|v| v == "en-XA")) {
        return Catalog::pseudo();
    }
    Catalog::get(lang)
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

    /// Open (creating if needed) the wallet. A learner key still inside the database (a
    /// wallet from before schema 4) is moved to the key store now, once.
    pub fn open_wallet(&self) -> anyhow::Result<Wallet> {
        let path = self.wallet_path()?;
        let pass = if backpack_core::store::looks_encrypted(&path) {
            wallet_passphrase(&path, false)?
        } else {
            None
        };
        let w = Wallet::open_with(&path, pass.as_deref().map(String::as_str))
            .map_err(|e| open_error(e, &path))?;
        let moved = with_vaults(&path, |v| migrate_plaintext_key(&w, v));
        match moved {
            Ok(KeyMigration::Pending(why)) => eprintln!(
                "backpack: {}",
                tr!("cli-key-pending", why = why.render(cat()))
            ),
            Ok(KeyMigration::Moved(k)) => {
                eprintln!(
                    "backpack: {}",
                    tr!(
                        "cli-key-moved",
                        store = backpack_core::localize::word(k.describe()).render(cat())
                    )
                )
            }
            Ok(KeyMigration::Nothing) => {}
            Err(e) => eprintln!(
                "backpack: {}",
                tr!("cli-key-move-failed", error = e.localize(cat()))
            ),
        }
        Ok(w)
    }

    /// The wallet if its file exists (commands that work without one, like `verify`, still
    /// honour its minor mode).
    pub fn existing_wallet(&self) -> anyhow::Result<Option<Wallet>> {
        let path = self.wallet_path()?;
        if !path.exists() {
            return Ok(None);
        }
        self.open_wallet().map(Some)
    }

    /// Minor mode: may `action` happen on this wallet? When minor mode is on, the guardian
    /// passphrase comes from `given` (a flag), else `BACKPACK_GUARDIAN_PASSPHRASE`, else a
    /// prompt on a terminal; the core checks it ([`MinorMode::require`]).
    pub fn require(
        &self,
        wallet: &Wallet,
        action: Action,
        given: Option<&str>,
    ) -> anyhow::Result<()> {
        let mm = MinorMode::load(wallet)?;
        if !mm.is_on() {
            return Ok(());
        }
        let unlock = self.unlock(wallet, given)?;
        mm.require(action, unlock.as_ref())
            .map_err(|e| anyhow::anyhow!("{} ({})", e.localize(cat()), tr!("cli-guardian-hint")))
    }

    /// The guardian's unlock when minor mode is on and a guardian gave the passphrase (`given`,
    /// `BACKPACK_GUARDIAN_PASSPHRASE` or a prompt), for a core call that checks minor mode
    /// itself (connect and sync). A wrong passphrase is an error; none given is `None`.
    pub fn unlock(
        &self,
        wallet: &Wallet,
        given: Option<&str>,
    ) -> anyhow::Result<Option<backpack_core::minor_mode::GuardianUnlock>> {
        if !MinorMode::load(wallet)?.is_on() {
            return Ok(None);
        }
        let pass = match given {
            Some(p) => Some(Zeroizing::new(p.to_string())),
            None => guardian_passphrase()?,
        };
        Ok(match pass {
            Some(p) => Some(MinorMode::unlock(wallet, &p)?),
            None => None,
        })
    }

    /// May this run go online? Asked for by a flag (`flag`), or allowed in the wallet's
    /// settings: the core's one rule ([`backpack_core::policy::network`], the app asks it
    /// too). A flag that minor mode refuses is an error; the setting alone falls back to
    /// offline with a note. The guardian is asked only for an explicit flag.
    pub fn network(&self, wallet: Option<&Wallet>, flag: bool) -> anyhow::Result<bool> {
        use backpack_core::policy::{self, PolicyError};
        let Some(w) = wallet else {
            return Ok(flag);
        };
        let unlock = if flag { self.unlock(w, None)? } else { None };
        match policy::network(w, flag, unlock.as_ref()) {
            Ok(n) => {
                if n == policy::Network::MinorModeLocked {
                    eprintln!("backpack: {}", tr!("cli-minor-offline"));
                }
                Ok(n.is_online())
            }
            Err(PolicyError::MinorMode(e)) => Err(anyhow::anyhow!(
                "{} ({})",
                e.localize(cat()),
                tr!("cli-guardian-hint")
            )),
            Err(PolicyError::Store(e)) => Err(e.into()),
        }
    }
}

/// An import or sync outcome word (`cli-import-…`) in its column of 10.
pub fn outcome_word(id: &str) -> String {
    format!("{:<10}", cat().t(id))
}

/// The line of a refused, skipped or failed input (`refused    <file>: <why>`), in the run's
/// language and inert on a terminal; `None` for an input that was stored.
pub fn problem_line(result: &backpack_core::import::FileResult) -> Option<String> {
    use backpack_core::import::FileResult as R;
    let (id, reason) = match result {
        R::Refused { reason } => ("cli-import-refused", reason),
        R::Skipped { reason } => ("cli-import-skipped", reason),
        R::Failed { reason } => ("cli-import-failed", reason),
        _ => return None,
    };
    Some(format!(
        "{} {}",
        outcome_word(id),
        terminal_safe(&reason.localize(cat()))
    ))
}

/// A status in the CLI's lower-case words (`verified`, `issuer not confirmed`, …; the
/// English words are the status ids with spaces).
pub fn status_word(s: backpack_core::verify::Status) -> String {
    use backpack_core::verify::Status as S;
    match s {
        S::Verified => tr!("cli-status-verified"),
        S::IssuerNotConfirmed => tr!("cli-status-issuer_not_confirmed"),
        S::CouldNotCheck => tr!("cli-status-could_not_check"),
        S::Invalid => tr!("cli-status-invalid"),
        S::Expired => tr!("cli-status-expired"),
        S::Revoked => tr!("cli-status-revoked"),
        S::Unreadable => tr!("cli-status-unreadable"),
        S::NotChecked => tr!("cli-status-not_checked"),
    }
}

/// A status in the words every surface uses ("Verified", "Signature intact, issuer not
/// confirmed", …: [`Status::label`](backpack_core::verify::Status::label) in English).
pub fn status_label(s: backpack_core::verify::Status) -> String {
    cat().status(s)
}

/// A wallet that does not open says what to do: damaged or from a newer version, restore a
/// backup (the file is left untouched).
pub fn open_error(e: backpack_core::store::StoreError, path: &Path) -> anyhow::Error {
    use backpack_core::store::StoreError as E;
    let hint = match &e {
        E::Damaged { .. } | E::TooNew { .. } | E::NeedsPassphrase(_) | E::WrongPassphrase(_) => {
            format!(
                "\n{}",
                tr!("cli-restore-hint", path = path.display().to_string())
            )
        }
        _ => String::new(),
    };
    anyhow::anyhow!(
        "{}{hint}",
        tr!(
            "cli-cannot-open-wallet",
            path = path.display().to_string(),
            error = e.localize(cat())
        )
    )
}

/// A command's error in the run's language, as `{:#}` shows it (each cause after a `: `):
/// a cause the core typed comes from the catalog (`backpack_core::localize`), any other as
/// it is.
pub fn error_line(e: &anyhow::Error) -> String {
    e.chain().map(localize_cause).collect::<Vec<_>>().join(": ")
}

fn localize_cause(c: &(dyn std::error::Error + 'static)) -> String {
    use backpack_core as core;
    macro_rules! typed {
        ($($t:ty),* $(,)?) => {$(
            if let Some(e) = c.downcast_ref::<$t>() {
                return e.localize(cat());
            }
        )*};
    }
    typed!(
        core::Error,
        core::decode::DecodeError,
        core::parse::ParseError,
        core::store::StoreError,
        core::store::trust::TrustError,
        core::trust_list::TrustListError,
        core::minor_mode::MinorModeError,
        core::policy::PolicyError,
        core::learner_key::LearnerKeyError,
        core::learner_key::VaultError,
        core::backup::BackupError,
        core::export::ExportError,
        core::bake::BakeError,
        core::share::ShareError,
        core::zipread::ZipReadError,
        core::host_api::HostError,
        core::host_api::tokens::TokenStoreError,
        core::env::FetchError,
    );
    // The operating system's words (a file the CLI reads itself): named by their kind.
    if let Some(e) = c.downcast_ref::<std::io::Error>() {
        return core::localize::io_error(e).render(cat());
    }
    c.to_string()
}

/// The wallet passphrase (an encrypted wallet): `BACKPACK_WALLET_PASSPHRASE`, else a prompt on
/// a terminal (twice when `confirm`), else none.
pub fn wallet_passphrase(path: &Path, confirm: bool) -> anyhow::Result<Option<Zeroizing<String>>> {
    if let Ok(p) = std::env::var("BACKPACK_WALLET_PASSPHRASE") {
        return Ok(Some(Zeroizing::new(p)));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let p = Zeroizing::new(
        rpassword::prompt_password(format!(
            "{} ",
            tr!(
                "cli-prompt-wallet-passphrase",
                path = path.display().to_string()
            )
        ))
        .context(tr!("cli-reading-wallet-passphrase"))?,
    );
    if confirm {
        let again = Zeroizing::new(
            rpassword::prompt_password(format!("{} ", tr!("cli-prompt-repeat-wallet")))
                .context(tr!("cli-reading-wallet-passphrase"))?,
        );
        if again != p {
            anyhow::bail!("{}", tr!("cli-passphrases-differ"));
        }
    }
    Ok(Some(p))
}

/// The guardian passphrase for minor mode: `BACKPACK_GUARDIAN_PASSPHRASE`, else a prompt on
/// a terminal, else none.
fn guardian_passphrase() -> anyhow::Result<Option<Zeroizing<String>>> {
    if let Ok(p) = std::env::var("BACKPACK_GUARDIAN_PASSPHRASE") {
        return Ok(Some(Zeroizing::new(p)));
    }
    if std::io::stdin().is_terminal() {
        let p = rpassword::prompt_password(format!("{} ", tr!("cli-prompt-guardian")))
            .context(tr!("cli-reading-guardian-passphrase"))?;
        return Ok(Some(Zeroizing::new(p)));
    }
    Ok(None)
}

/// Which key stores this run may use: `BACKPACK_KEY_STORE` = `os` (the system keyring only),
/// `file` (the encrypted key file only) or unset/`auto` (the keyring, else the key file).
fn key_store_choice() -> anyhow::Result<(bool, bool)> {
    match std::env::var("BACKPACK_KEY_STORE").ok().as_deref() {
        None | Some("") | Some("auto") => Ok((true, true)),
        Some("os") => Ok((true, false)),
        Some("file") => Ok((false, true)),
        Some(other) => anyhow::bail!(
            "BACKPACK_KEY_STORE={other:?}: {}",
            tr!("cli-key-store-choices")
        ),
    }
}

/// The key-file passphrase: `BACKPACK_KEY_PASSPHRASE` (scripts), else a prompt on a terminal
/// (twice for a new file). Asked once per run.
fn key_passphrase(
    cache: &Mutex<Option<Zeroizing<String>>>,
    usage: PassphraseUse,
) -> Option<Zeroizing<String>> {
    let mut c = cache.lock().ok()?;
    if let Some(p) = c.as_ref() {
        return Some(p.clone());
    }
    let p = if let Ok(p) = std::env::var("BACKPACK_KEY_PASSPHRASE") {
        Zeroizing::new(p)
    } else if std::io::stdin().is_terminal() {
        let prompt = match usage {
            PassphraseUse::Create => tr!("cli-prompt-new-key-passphrase"),
            PassphraseUse::Open => tr!("cli-prompt-key-passphrase"),
        };
        let p = Zeroizing::new(rpassword::prompt_password(format!("{prompt} ")).ok()?);
        if usage == PassphraseUse::Create {
            let again = Zeroizing::new(
                rpassword::prompt_password(format!("{} ", tr!("cli-prompt-repeat-it"))).ok()?,
            );
            if again != p {
                eprintln!("backpack: {}", tr!("cli-passphrases-differ"));
                return None;
            }
        }
        p
    } else {
        return None;
    };
    if p.is_empty() {
        return None;
    }
    *c = Some(p.clone());
    Some(p)
}

/// Run `f` with the learner-key stores of the wallet at `wallet`, in preference order: the
/// system keyring, then the encrypted key file beside the wallet (see `BACKPACK_KEY_STORE`).
pub fn with_vaults<T>(wallet: &Path, f: impl FnOnce(&[&dyn SecretVault]) -> T) -> T {
    let (os_ok, file_ok) = key_store_choice().unwrap_or((true, true));
    let cache = Mutex::new(None);
    let pass = |u: PassphraseUse| key_passphrase(&cache, u);
    let os = OsKeyring::new();
    let file = KeyFile::beside(wallet, &pass, backup::kdf_params());
    let mut v: Vec<&dyn SecretVault> = Vec::new();
    if os_ok {
        v.push(&os);
    }
    if file_ok {
        v.push(&file);
    }
    f(&v)
}

/// Make untrusted text (badge fields, report details that quote them, file names, error
/// messages) safe to print on a terminal. Every string the CLI prints that it did not write
/// itself goes through here.
///
/// - Tab, line feed and carriage return become a space, so one field stays on one line and a
///   `\r` cannot return to the start of the verdict line and overwrite it.
/// - Every other control character (C0 including ESC and BEL, DEL, and the C1 controls
///   U+0080–U+009F, which some terminals take as CSI/OSC introducers) and every invisible
///   format character (bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069,
///   marks U+200E/U+200F/U+061C, zero-width and joiners, line and paragraph separators,
///   tags, …) is shown as a visible `\u{…}` escape: an escape sequence or a reordering
///   trick becomes inert text the reader can see.
pub fn terminal_safe(s: &str) -> String {
    // Printable ASCII (nearly every line) needs no change: skip the per-character checks.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || is_format(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// JSON output made safe for a terminal too. serde_json escapes C0 controls in strings but
/// writes DEL, the C1 controls (U+009B is a one-character CSI on some terminals) and bidi or
/// format characters as they are; this writes each of those as a JSON `\uXXXX` escape (a
/// surrogate pair above U+FFFF). They only ever occur inside JSON strings (serde_json
/// writes a raw line feed only as pretty-printing whitespace, which is kept), so the
/// document means exactly the same.
pub fn json_safe(json: &str) -> String {
    // Printable ASCII and line feeds (nearly every line) need no escape: skip the
    // per-character checks (they were a tenth of `verify --json`'s instructions).
    if json
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\n')
    {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // A raw line feed is pretty-printing whitespace (serde_json escapes it in strings).
        if (c.is_control() && c != '\n') || is_format(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Invisible format characters that can reorder or hide text: Unicode general category Cf
/// (Unicode 16), plus the line and paragraph separators (Zl, Zp) and the interlinear
/// annotation and object replacement marks.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffc}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// [`terminal_safe`], then cut to `max` characters with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    let s = terminal_safe(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{clip, json_safe, terminal_safe};

    #[test]
    fn escape_sequences_become_visible_text() {
        let hostile = "Evil U\u{1b}]0;pwned\u{7}\u{1b}[2K\r\u{1b}[32mVALID\u{9b}31m";
        assert_eq!(
            terminal_safe(hostile),
            "Evil U\\u{1b}]0;pwned\\u{7}\\u{1b}[2K \\u{1b}[32mVALID\\u{9b}31m"
        );
    }

    #[test]
    fn bidi_and_invisible_characters_become_visible_text() {
        for c in [
            '\u{202a}',
            '\u{202b}',
            '\u{202c}',
            '\u{202d}',
            '\u{202e}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200e}',
            '\u{200f}',
            '\u{61c}',
            '\u{200b}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{2028}',
            '\u{2029}',
            '\u{ad}',
            '\u{e0041}',
            '\u{7f}',
            '\u{85}',
        ] {
            let out = terminal_safe(&format!("a{c}b"));
            assert_eq!(out, format!("a\\u{{{:x}}}b", u32::from(c)));
        }
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces() {
        assert_eq!(terminal_safe("one\ntwo\r\tthree"), "one two  three");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let s = "Données — 数据科学 🎓 ✓ (spec 3.0) #12 \"x\" \\u";
        assert_eq!(terminal_safe(s), s);
    }

    #[test]
    fn json_output_escapes_c1_and_bidi_and_means_the_same() {
        let v = serde_json::json!({"name": "a\u{9b}31m\u{202e}b\u{7f}\u{e0041}\n\u{1b}"});
        let raw = serde_json::to_string(&v).unwrap();
        let safe = json_safe(&raw);
        assert_eq!(
            safe,
            r#"{"name":"a\u009b31m\u202eb\u007f\udb40\udc41\n\u001b"}"#
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), v);
    }

    #[test]
    fn clip_is_safe_and_short() {
        assert_eq!(clip("ab\u{202e}cdef", 6), "ab\\u{…");
        assert_eq!(clip("abc", 6), "abc");
    }
}
