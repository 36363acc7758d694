//! `backpack`: the command-line face of the Backpack wallet.
//!
//! `main` only parses and dispatches; each subcommand lives in `commands/`.
//! Exit codes: 0 ok / all valid, 1 some input refused / some badge invalid,
//! 2 usage or I/O error / could not verify.

/// A sentence of the CLI's human output in the run's language (`backpack_core::i18n`):
/// `tr!("cli-…")`, or `tr!("cli-…", name = value, …)` for a message with arguments
/// (strings or numbers; numbers pick plural forms).
macro_rules! tr {
    ($id:literal) => {
        $crate::commands::cat().t($id)
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::commands::cat().msg(
            $id,
            &[$((stringify!($k), backpack_core::i18n::Arg::from($v))),+],
        )
    };
}

mod app_launch;
mod clap_i18n;
mod commands;
mod help_i18n;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Backpack: a learner-owned Open Badges wallet. Your badges stay on your machine.
#[derive(Debug, Parser)]
#[command(name = "backpack", version, about, propagate_version = true)]
struct Cli {
    /// Wallet database to use (default: the platform data dir, e.g. ~/.local/share/backpack/wallet.db).
    #[arg(long, global = true, env = "BACKPACK_WALLET", value_name = "PATH")]
    wallet: Option<std::path::PathBuf>,

    /// Language of the human output and of HTML/PDF exports: en or es (default: BACKPACK_LANG,
    /// else the system's LC_ALL / LC_MESSAGES / LANG, else English). JSON output is the same
    /// in every language.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<backpack_core::i18n::Lang>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the wallet (optionally encrypted), or encrypt an existing one.
    Init(commands::init::Args),
    /// Import badges: files, folders (recursively), ZIPs, or - for stdin.
    Import(commands::import::Args),
    /// List the badges in the wallet.
    List(commands::list::Args),
    /// Show one badge.
    Show(commands::show::Args),
    /// Remove a badge from the wallet.
    Remove(commands::remove::Args),
    /// The learner's own emails and DIDs, used to match recipients.
    #[command(subcommand)]
    Profile(commands::profile::Command),
    /// Verify badge files without importing them.
    Verify(commands::verify::Args),
    /// Re-verify badges already in the wallet.
    Recheck(commands::recheck::Args),
    /// Curate collections of badges.
    #[command(subcommand)]
    Collection(commands::collection::Command),
    /// Export a collection (or one badge) as HTML, ZIP, a presentation or PDF.
    Export(commands::export::Args),
    /// Verify everything inside a received HTML, ZIP or presentation export.
    VerifyShare(commands::verify_share::Args),
    /// Write an encrypted backup of the whole wallet.
    Backup(commands::backup::BackupArgs),
    /// Restore an encrypted backup.
    Restore(commands::backup::RestoreArgs),
    /// Issuer trust lists: label badges from issuers you or your school recognise.
    #[command(subcommand)]
    Trust(commands::trust::Command),
    /// Minor mode: a guardian's lock on network, export, backup and original files.
    #[command(subcommand)]
    MinorMode(commands::minor_mode::Command),
    /// Connect to a badge host that speaks the Open Badges 3.0 API (sign in in your browser).
    Connect(commands::connect::Args),
    /// Bring in what is new from connected badge hosts.
    Sync(commands::sync::Args),
    /// The badge hosts this wallet is connected to.
    #[command(subcommand)]
    Hosts(commands::hosts::Command),
    /// The skills behind your badges, by framework, with stacks and a timeline.
    Skills(commands::skills::Args),
    /// The fields and link to add one badge to your LinkedIn profile.
    Linkedin(commands::linkedin::Args),
}

fn parse_lang(s: &str) -> Result<backpack_core::i18n::Lang, String> {
    s.parse()
        .map_err(|_| tr!("cli-lang-unknown", value = format!("{s:?}")))
}

/// Parse the command line with `--help`, clap's notes and clap's errors in the run's
/// language: `--lang` as the raw arguments name it, else the environment's ([`help_i18n`],
/// [`clap_i18n`]). On a parse error or a help page, what clap would print is printed and the
/// exit code is returned (2 for an error, 0 for help and version, as clap's).
fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help_i18n::lang_from_args(&args)
        .unwrap_or_else(|| backpack_core::i18n::Lang::from_env(|k| std::env::var(k).ok()));
    // The value parsers (`parse_id`, `parse_lang`) speak the same language as the help.
    commands::set_lang(lang);
    let cat = commands::catalog_for(lang);
    let mut cmd = help_i18n::localize(Cli::command(), cat);
    let parsed = cmd.try_get_matches_from_mut(args).and_then(|mut matches| {
        Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))
    });
    parsed.map_err(|e| {
        print_clap(&e, cmd.get_styles(), cat);
        if e.use_stderr() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    })
}

/// What clap has to say (an error, a help page, the version), as clap prints it in English,
/// in the catalog's words otherwise.
fn print_clap(e: &clap::Error, styles: &clap::builder::Styles, cat: &backpack_core::i18n::Catalog) {
    use std::io::Write as _;
    if clap_i18n::is_plain_english(cat) {
        let _ = e.print();
        return;
    }
    let text = clap_i18n::render_error(e, styles, cat)
        .unwrap_or_else(|| clap_i18n::localize_help(&e.render().ansi().to_string(), cat));
    // As clap's own writer: styles on a terminal (unless NO_COLOR), plain text otherwise.
    let _ = if e.use_stderr() {
        anstream::AutoStream::auto(std::io::stderr().lock()).write_all(text.as_bytes())
    } else {
        anstream::AutoStream::auto(std::io::stdout().lock()).write_all(text.as_bytes())
    };
}

fn main() -> ExitCode {
    // `backpack` alone on a desktop opens the app; anything else is the command line.
    if let Some(code) = app_launch::maybe_open_app(&std::env::args_os().collect::<Vec<_>>()) {
        return code;
    }
    let cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    // The same language parse() chose from the raw arguments (the last `--lang`, as clap's).
    let lang = cli
        .lang
        .unwrap_or_else(|| backpack_core::i18n::Lang::from_env(|k| std::env::var(k).ok()));
    commands::set_lang(lang);
    let ctx = commands::Ctx {
        wallet: cli.wallet,
        lang,
    };
    let result = match &cli.command {
        Command::Init(a) => a.run(&ctx),
        Command::Import(a) => a.run(&ctx),
        Command::List(a) => a.run(&ctx),
        Command::Show(a) => a.run(&ctx),
        Command::Remove(a) => a.run(&ctx),
        Command::Profile(c) => c.run(&ctx),
        Command::Verify(a) => a.run(&ctx),
        Command::Recheck(a) => a.run(&ctx),
        Command::Collection(c) => c.run(&ctx),
        Command::Export(a) => a.run(&ctx),
        Command::VerifyShare(a) => a.run(&ctx),
        Command::Backup(a) => a.run(&ctx),
        Command::Restore(a) => a.run(&ctx),
        Command::Trust(c) => c.run(&ctx),
        Command::MinorMode(c) => c.run(&ctx),
        Command::Connect(a) => a.run(&ctx),
        Command::Sync(a) => a.run(&ctx),
        Command::Hosts(c) => c.run(&ctx),
        Command::Skills(a) => a.run(&ctx),
        Command::Linkedin(a) => a.run(&ctx),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Errors quote file names and badge text: make them inert on a terminal too.
            // In the run's language (core errors from the catalog).
            eprintln!(
                "backpack: {}",
                commands::terminal_safe(&commands::error_line(&e))
            );
            ExitCode::from(2)
        }
    }
}
