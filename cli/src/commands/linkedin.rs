//! `backpack linkedin ID [--json] [--open]`: the fields of LinkedIn's add-to-profile form for
//! one badge, to copy by hand, and the link that opens the form pre-filled. The browser is
//! started only with `--open` (minor mode asks for the guardian: the link carries the badge's
//! details out). A thin adapter over [`backpack_core::linkedin`].

use std::io::Write;
use std::process::ExitCode;

use backpack_core::minor_mode::Action;

use super::show::parse_id;
use super::{Ctx, json_safe, terminal_safe};

/// `linkedin` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The badge id (as in `backpack list`).
    #[arg(value_parser = parse_id)]
    id: i64,
    /// Print the fields and the link as JSON.
    #[arg(long)]
    json: bool,
    /// Open the link in the system browser.
    #[arg(long)]
    open: bool,
    /// Minor mode: the guardian passphrase (only `--open` needs it).
    #[arg(long, env = "BACKPACK_GUARDIAN_PASSPHRASE", hide_env_values = true)]
    guardian_passphrase: Option<String>,
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        let f = wallet.get_badge(self.id)?.linkedin();
        let url = f.url();
        if self.open {
            ctx.require(&wallet, Action::Export, self.guardian_passphrase.as_deref())?;
        }
        let mut out = std::io::stdout().lock();
        if self.json {
            let mut v = serde_json::to_value(&f)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("url".into(), url.clone().into());
            }
            writeln!(out, "{}", json_safe(&serde_json::to_string_pretty(&v)?))?;
        } else {
            let ym = |d: Option<(i32, u32)>| d.map(|(y, m)| format!("{y}-{m:02}"));
            let rows = [
                ("Name", Some(f.name.clone())),
                ("Organization", f.organization_name.clone()),
                ("Issued", ym(f.issue)),
                ("Expires", ym(f.expiration)),
                ("Credential ID", f.cert_id.clone()),
                (
                    "Credential URL",
                    Some(f.cert_url.clone().unwrap_or_else(|| {
                        "(none: the badge has no public https address of its own)".into()
                    })),
                ),
            ];
            for (label, value) in rows {
                if let Some(v) = value {
                    writeln!(out, "{label:<16}{}", terminal_safe(&v))?;
                }
            }
            // Percent-encoded by the core: no control or format character is left in it.
            writeln!(out, "\nAdd to LinkedIn:\n  {}", terminal_safe(&url))?;
        }
        out.flush()?;
        drop(out);
        if self.open
            && let Err(e) = open::that_detached(&url)
        {
            eprintln!(
                "backpack: could not start a browser ({}): open the link above yourself",
                terminal_safe(&e.to_string())
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}
