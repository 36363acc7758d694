//! `backpack profile add-email|add-did|add-url|list|remove`: the learner's own identities,
//! used to check that a badge was issued to them. They never leave this machine.

use std::process::ExitCode;

use backpack_core::store::IdentityKind;

use super::{Ctx, terminal_safe};

/// Subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add one of your email addresses.
    AddEmail {
        /// The address.
        email: String,
    },
    /// Add one of your DIDs (e.g. did:key:z6Mk…).
    AddDid {
        /// The DID.
        did: String,
    },
    /// Add one of your web addresses (http or https).
    AddUrl {
        /// The URL.
        url: String,
    },
    /// List your identities.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Remove an identity.
    Remove {
        /// The email, DID or URL.
        value: String,
    },
}

impl Command {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        let add = |kind, v: &str| -> anyhow::Result<ExitCode> {
            let i = wallet.add_identity(kind, v)?;
            println!(
                "{}",
                tr!(
                    "cli-profile-added",
                    kind = kind_word(i.kind),
                    value = terminal_safe(&i.value)
                )
            );
            Ok(ExitCode::SUCCESS)
        };
        match self {
            Command::AddEmail { email } => add(IdentityKind::Email, email),
            Command::AddDid { did } => add(IdentityKind::Did, did),
            Command::AddUrl { url } => add(IdentityKind::Url, url),
            Command::List { json } => {
                let ids = wallet.identities()?;
                if *json {
                    println!("{}", super::json_safe(&serde_json::to_string_pretty(&ids)?));
                } else if ids.is_empty() {
                    println!("{}", tr!("cli-profile-none"));
                } else {
                    for i in ids {
                        let kind = kind_word(i.kind);
                        let w = (kind.chars().count() + 1).max(6);
                        println!("{kind:<w$}{}", terminal_safe(&i.value));
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
            Command::Remove { value } => {
                if wallet.remove_identity(value)? {
                    println!(
                        "{}",
                        tr!("cli-profile-removed", value = terminal_safe(value))
                    );
                    Ok(ExitCode::SUCCESS)
                } else {
                    anyhow::bail!(
                        "{}",
                        tr!(
                            "cli-profile-not-in",
                            value = format!("{:?}", terminal_safe(value))
                        )
                    )
                }
            }
        }
    }
}

/// The kind of an identity in words (`email`, `did`, `url` in English).
fn kind_word(k: backpack_core::store::IdentityKind) -> String {
    use backpack_core::store::IdentityKind as K;
    match k {
        K::Email => tr!("cli-profile-kind-email"),
        K::Did => tr!("cli-profile-kind-did"),
        K::Url => tr!("cli-profile-kind-url"),
    }
}
