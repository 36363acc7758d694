//! `backpack trust import FILE [--name NAME] [--source TEXT] [--test] [--replace]`,
//! `backpack trust list [--json]`, `backpack trust remove NAME|ID`: the issuer trust lists
//! that label badges "Known issuer: …" (formats and rules: `backpack_core::trust_list`).
//! A label is information beside a badge's status; it never changes a verdict.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use backpack_core::localize::Localize as _;
use backpack_core::store::Wallet;
use backpack_core::store::trust::{TrustError, TrustImportOptions};
use backpack_core::trust_list::{MAX_LIST_BYTES, TrustIndex, TrustLabel};
use backpack_core::verify::Status;

use super::{Ctx, clip, terminal_safe};

/// Subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Import a trust list: a backpack-trust-list JSON file or a DCC registry.json.
    Import {
        /// The list file, or - for stdin.
        file: PathBuf,
        /// Its name in your wallet (default: the name in the file, else "DCC registry (FILE)").
        /// A name with "sandbox" or "test" in it makes it a test list.
        #[arg(long)]
        name: Option<String>,
        /// Who publishes it or where you got it (default: the file's own, else the file name).
        #[arg(long)]
        source: Option<String>,
        /// Mark it as a sandbox or test list: its labels then say "test issuer".
        #[arg(long)]
        test: bool,
        /// Replace a list of the same name.
        #[arg(long)]
        replace: bool,
    },
    /// List the trust lists in your wallet.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Remove a trust list (by name or id). Badges and their checks are not changed.
    Remove {
        /// The list's name or id (as in 'backpack trust list').
        list: String,
    },
}

fn read_file(path: &PathBuf) -> std::io::Result<Vec<u8>> {
    let limit = MAX_LIST_BYTES as u64;
    let mut buf = Vec::new();
    let res = if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut buf))
    };
    res?;
    Ok(buf)
}

fn date(rfc3339: &str) -> String {
    super::cat().date_utc(rfc3339)
}

impl Command {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        match self {
            Command::Import {
                file,
                name,
                source,
                test,
                replace,
            } => {
                let label = if file.as_os_str() == "-" {
                    "stdin".to_string()
                } else {
                    file.display().to_string()
                };
                let bytes = match read_file(file) {
                    Ok(b) => b,
                    Err(e) => anyhow::bail!(
                        "{}",
                        tr!(
                            "cli-verify-cannot-read",
                            file = terminal_safe(&label),
                            error = backpack_core::localize::io_error(&e).render(super::cat())
                        )
                    ),
                };
                let opts = TrustImportOptions {
                    name: name.clone(),
                    file_name: label.clone(),
                    source: source.clone(),
                    test: *test,
                    replace: *replace,
                };
                let done = match wallet.import_trust_list(&bytes, &opts) {
                    Ok(d) => d,
                    Err(TrustError::List(e)) => {
                        eprintln!(
                            "backpack: {}: {}",
                            terminal_safe(&label),
                            terminal_safe(&e.localize(super::cat()))
                        );
                        return Ok(ExitCode::from(1));
                    }
                    Err(TrustError::Exists(n)) => {
                        eprintln!(
                            "backpack: {}",
                            tr!(
                                "cli-trust-exists",
                                name = format!("{:?}", terminal_safe(&n))
                            )
                        );
                        return Ok(ExitCode::from(1));
                    }
                    Err(e) => return Err(e.into()),
                };
                let l = &done.list;
                let what = if done.replaced {
                    tr!(
                        "cli-trust-replaced",
                        name = terminal_safe(&l.name),
                        id = l.id,
                        n = l.issuers,
                        format = l.format.message().render(super::cat())
                    )
                } else {
                    tr!(
                        "cli-trust-imported",
                        name = terminal_safe(&l.name),
                        id = l.id,
                        n = l.issuers,
                        format = l.format.message().render(super::cat())
                    )
                };
                println!(
                    "{what}{}",
                    l.list_date
                        .as_deref()
                        .map(|d| format!(
                            ", {}",
                            tr!("cli-trust-dated", date = terminal_safe(&date(d)))
                        ))
                        .unwrap_or_default(),
                );
                if l.test {
                    println!("  {}", tr!("cli-trust-test-note"));
                }
                for n in &done.notes {
                    println!(
                        "  {}",
                        tr!("cli-note", note = terminal_safe(&n.render(super::cat())))
                    );
                }
                Ok(ExitCode::SUCCESS)
            }
            Command::List { json } => {
                let lists = wallet.trust_lists()?;
                if *json {
                    println!("{}", serde_json::to_string_pretty(&lists)?);
                    return Ok(ExitCode::SUCCESS);
                }
                if lists.is_empty() {
                    println!("{}", tr!("cli-trust-none"));
                    return Ok(ExitCode::SUCCESS);
                }
                for l in lists {
                    let test = if l.test {
                        format!("  {}", tr!("cli-trust-test-tag"))
                    } else {
                        String::new()
                    };
                    let dated = l
                        .list_date
                        .as_deref()
                        .map(|d| {
                            format!(" · {}", tr!("cli-trust-dated", date = clip(&date(d), 30)))
                        })
                        .unwrap_or_default();
                    println!(
                        "#{:<3} {}{test}\n     {} · {} · {}{dated} · {}",
                        l.id,
                        clip(&l.name, 60),
                        tr!("cli-trust-issuers", n = l.issuers),
                        l.format.message().render(super::cat()),
                        tr!("cli-trust-imported-on", date = date(&l.imported_at)),
                        tr!("cli-trust-from", source = clip(&l.source, 80)),
                    );
                }
                Ok(ExitCode::SUCCESS)
            }
            Command::Remove { list } => match wallet.remove_trust_list(list) {
                Ok(l) => {
                    println!(
                        "{}",
                        tr!(
                            "cli-trust-removed",
                            name = terminal_safe(&l.name),
                            n = l.issuers
                        )
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(TrustError::NoSuchList(n)) => {
                    eprintln!(
                        "backpack: {}",
                        tr!(
                            "cli-trust-no-such",
                            name = format!("{:?}", terminal_safe(&n))
                        )
                    );
                    Ok(ExitCode::from(1))
                }
                Err(e) => Err(e.into()),
            },
        }
    }
}

/// The trust lists of the wallet for labelling badges, or an empty index when there is no
/// wallet yet (`backpack verify` never creates one) or it cannot be read (a note on stderr:
/// labels are information, so verification goes on without them).
pub fn index_for(ctx: &Ctx) -> TrustIndex {
    let Ok(path) = ctx.wallet_path() else {
        return TrustIndex::default();
    };
    if !path.exists() {
        return TrustIndex::default();
    }
    match Wallet::open(&path).and_then(|w| w.trust_index()) {
        Ok(ix) => ix,
        Err(e) => {
            eprintln!(
                "backpack: {}",
                tr!("cli-trust-not-read", error = e.localize(super::cat()))
            );
            TrustIndex::default()
        }
    }
}

/// The label's words for a badge with `status`, safe for a terminal.
pub fn label_text(label: &TrustLabel, status: Status) -> String {
    terminal_safe(&label.text(status))
}

/// The label as a JSON object (`null` when none): the words for this status, and the facts.
pub fn label_json(label: Option<&TrustLabel>, status: Status) -> serde_json::Value {
    match label {
        None => serde_json::Value::Null,
        Some(l) => {
            let mut v = serde_json::to_value(l).unwrap_or(serde_json::Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.insert("text".into(), l.text(status).into());
                o.insert("verified".into(), (status == Status::Verified).into());
            }
            v
        }
    }
}
