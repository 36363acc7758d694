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
    /// The badge id (as in 'backpack list').
    #[arg(value_parser = parse_id)]
    id: i64,
    /// Print the fields and the link as JSON.
    #[arg(long)]
    json: bool,
    /// Open the link in the system browser.
    #[arg(long)]
    open: bool,
    /// Minor mode: the guardian passphrase (only '--open' needs it).
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
            // LinkedIn's own field names, in the learner's language.
            let rows = [
                (tr!("cli-linkedin-name"), Some(f.name.clone())),
                (
                    tr!("cli-linkedin-organization"),
                    f.organization_name.clone(),
                ),
                (tr!("cli-linkedin-issued"), ym(f.issue)),
                (tr!("cli-linkedin-expires"), ym(f.expiration)),
                (tr!("cli-linkedin-credential-id"), f.cert_id.clone()),
                (
                    tr!("cli-linkedin-credential-url"),
                    Some(
                        f.cert_url
                            .clone()
                            .unwrap_or_else(|| tr!("cli-linkedin-no-url")),
                    ),
                ),
            ];
            let width = rows
                .iter()
                .map(|(l, _)| l.chars().count() + 1)
                .max()
                .unwrap_or(0)
                .max(16);
            for (label, value) in rows {
                if let Some(v) = value {
                    writeln!(out, "{label:<width$}{}", terminal_safe(&v))?;
                }
            }
            // Percent-encoded by the core: no control or format character is left in it.
            writeln!(
                out,
                "\n{}\n  {}",
                tr!("cli-linkedin-add"),
                terminal_safe(&url)
            )?;
        }
        out.flush()?;
        drop(out);
        if self.open
            && let Err(e) = open::that_detached(&url)
        {
            eprintln!(
                "backpack: {}",
                tr!("cli-no-browser", error = terminal_safe(&e.to_string()))
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}
