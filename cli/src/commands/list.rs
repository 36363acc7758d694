//! `backpack list [--json]`: the badges in the wallet, as an aligned table or a JSON array.

use std::io::Write;
use std::process::ExitCode;

use backpack_core::model::Format;
use backpack_core::store::{BadgeStatus, Query, Sort};

use super::{Ctx, clip};

/// Sort orders on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SortArg {
    Newest,
    Oldest,
    Name,
    Issuer,
    Imported,
}

/// `list` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a JSON array of objects (id, name, issuer, issuer_id, issued, format, status, …).
    #[arg(long)]
    json: bool,
    /// Only badges whose name, issuer, description, skills or tags contain these words.
    #[arg(long, short = 's', value_name = "WORDS")]
    search: Option<String>,
    /// Only badges from this issuer (id or exact name).
    #[arg(long)]
    issuer: Option<String>,
    /// Only badges in this state: not_checked, valid, invalid, indeterminate, error, revoked, expired.
    #[arg(long, value_parser = parse_status)]
    status: Option<BadgeStatus>,
    /// Only badges with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only badges in this collection (id or name).
    #[arg(long)]
    collection: Option<String>,
    /// Only this format (ob2-hosted, ob2-signed, ob3-json, ob3-jwt, clr2-json, clr2-jwt).
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    /// Sort order.
    #[arg(long, value_enum, default_value = "newest")]
    sort: SortArg,
    /// At most this many rows.
    #[arg(long)]
    limit: Option<u32>,
    /// Skip this many rows.
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

fn parse_status(s: &str) -> Result<BadgeStatus, String> {
    BadgeStatus::from_id(s).ok_or_else(|| {
        "expected not_checked, valid, invalid, indeterminate, error, revoked or expired".into()
    })
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_id(s).ok_or_else(|| {
        "expected ob2-hosted, ob2-signed, ob3-json, ob3-jwt, clr2-json or clr2-jwt".into()
    })
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        let collection = match &self.collection {
            Some(c) => Some(wallet.find_collection(c)?.id),
            None => None,
        };
        let q = Query {
            text: self.search.clone(),
            issuer: self.issuer.clone(),
            status: self.status,
            collection,
            tag: self.tag.clone(),
            format: self.format,
            sort: match self.sort {
                SortArg::Newest => Sort::Newest,
                SortArg::Oldest => Sort::Oldest,
                SortArg::Name => Sort::Name,
                SortArg::Issuer => Sort::Issuer,
                SortArg::Imported => Sort::Imported,
            },
            limit: self.limit,
            offset: self.offset,
        };
        let rows = wallet.list_badges(&q)?;
        let mut out = std::io::stdout().lock();
        if self.json {
            writeln!(
                out,
                "{}",
                super::json_safe(&serde_json::to_string_pretty(&rows)?)
            )?;
            return Ok(ExitCode::SUCCESS);
        }
        if rows.is_empty() {
            writeln!(out, "no badges (import some with: backpack import PATH)")?;
            return Ok(ExitCode::SUCCESS);
        }
        let table: Vec<[String; 6]> = rows
            .iter()
            .map(|r| {
                [
                    format!("#{}", r.id),
                    clip(&r.name, 48),
                    clip(r.issuer.as_deref().unwrap_or("-"), 32),
                    r.issued
                        .as_deref()
                        .map_or("-".into(), |d| clip(d.get(..10).unwrap_or(d), 10)),
                    r.format.to_string(),
                    r.status.as_str().replace('_', " "),
                ]
            })
            .collect();
        let header = ["ID", "NAME", "ISSUER", "ISSUED", "FORMAT", "STATUS"].map(String::from);
        let mut widths = header.clone().map(|h| h.chars().count());
        for row in &table {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        for row in std::iter::once(&header).chain(&table) {
            let mut line = String::new();
            for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                if i + 1 == row.len() {
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.extend(std::iter::repeat_n(' ', w - cell.chars().count() + 2));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
