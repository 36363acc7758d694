//! `backpack collection create|rename|add|remove|list|delete`: curate collections of badges
//! to share. A collection is named by its id (`3` or `#3`) or its exact name.

use std::process::ExitCode;

use serde::Serialize;

use super::show::parse_id;
use super::{Ctx, terminal_safe};

/// Subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create a collection.
    Create {
        /// Its name (unique).
        name: String,
        /// The introduction shown at the top of its exports.
        #[arg(long)]
        intro: Option<String>,
        /// A note (shown in exports only with --include-notes).
        #[arg(long)]
        note: Option<String>,
    },
    /// Rename a collection.
    Rename {
        /// The collection (id or name).
        collection: String,
        /// The new name.
        new_name: String,
    },
    /// Add badges to a collection (at the end, in the order given).
    Add {
        /// The collection (id or name).
        collection: String,
        /// Badge ids, as in 'backpack list'.
        #[arg(required = true, value_parser = parse_id)]
        badges: Vec<i64>,
    },
    /// Take badges out of a collection (the badges stay in the wallet).
    Remove {
        /// The collection (id or name).
        collection: String,
        /// Badge ids.
        #[arg(required = true, value_parser = parse_id)]
        badges: Vec<i64>,
    },
    /// List collections.
    List {
        /// Print a JSON array of {id, name, badge_ids}.
        #[arg(long)]
        json: bool,
    },
    /// Delete a collection (its badges stay in the wallet).
    Delete {
        /// The collection (id or name).
        collection: String,
    },
}

#[derive(Serialize)]
struct Listed<'a> {
    id: i64,
    name: &'a str,
    badge_ids: &'a [i64],
    intro: Option<&'a str>,
}

impl Command {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let w = ctx.open_wallet()?;
        match self {
            Command::Create { name, intro, note } => {
                let id = w.create_collection(name, intro.as_deref())?;
                if note.is_some() {
                    w.set_collection_note(id, note.as_deref())?;
                }
                println!(
                    "{}",
                    tr!(
                        "cli-collection-created",
                        id = id,
                        name = terminal_safe(name.trim())
                    )
                );
            }
            Command::Rename {
                collection,
                new_name,
            } => {
                let c = w.find_collection(collection)?;
                w.rename_collection(c.id, new_name)?;
                println!(
                    "{}",
                    tr!(
                        "cli-collection-renamed",
                        id = c.id,
                        name = terminal_safe(&c.name),
                        new = terminal_safe(new_name.trim())
                    )
                );
            }
            Command::Add { collection, badges } => {
                let c = w.find_collection(collection)?;
                for &b in badges {
                    w.add_to_collection(c.id, b)?;
                }
                let n = w.collection(c.id)?.badge_ids.len();
                println!(
                    "{}",
                    tr!(
                        "cli-collection-holds",
                        id = c.id,
                        name = terminal_safe(&c.name),
                        n = n
                    )
                );
            }
            Command::Remove { collection, badges } => {
                let c = w.find_collection(collection)?;
                let mut missing = Vec::new();
                for &b in badges {
                    if !w.remove_from_collection(c.id, b)? {
                        missing.push(format!("#{b}"));
                    }
                }
                if !missing.is_empty() {
                    eprintln!(
                        "{}",
                        tr!(
                            "cli-collection-not-in",
                            name = terminal_safe(&c.name),
                            ids = missing.join(", ")
                        )
                    );
                }
                let n = w.collection(c.id)?.badge_ids.len();
                println!(
                    "{}",
                    tr!(
                        "cli-collection-holds",
                        id = c.id,
                        name = terminal_safe(&c.name),
                        n = n
                    )
                );
            }
            Command::List { json } => {
                let cs = w.collections()?;
                if *json {
                    let rows: Vec<Listed<'_>> = cs
                        .iter()
                        .map(|c| Listed {
                            id: c.id,
                            name: &c.name,
                            badge_ids: &c.badge_ids,
                            intro: c.description.as_deref(),
                        })
                        .collect();
                    println!("{}", super::json_safe(&serde_json::to_string(&rows)?));
                } else if cs.is_empty() {
                    println!("{}", tr!("cli-collection-none"));
                } else {
                    for c in &cs {
                        let ids: Vec<String> =
                            c.badge_ids.iter().map(|b| format!("#{b}")).collect();
                        println!(
                            "#{:<4} {:<30} {}  {}",
                            c.id,
                            super::clip(&c.name, 30),
                            tr!("cli-collection-count", n = c.badge_ids.len()),
                            ids.join(" ")
                        );
                    }
                }
            }
            Command::Delete { collection } => {
                let c = w.find_collection(collection)?;
                w.delete_collection(c.id)?;
                println!(
                    "{}",
                    tr!(
                        "cli-collection-deleted",
                        id = c.id,
                        name = terminal_safe(&c.name),
                        n = c.badge_ids.len()
                    )
                );
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
