//! `backpack list [--json]`: the badges in the wallet, as an aligned table or a JSON array.
//! With trust lists in the wallet, a TRUST column marks badges whose issuer a list names
//! (`known`, or `claims` when the badge is not verified; `(test)` for test lists) and each
//! JSON row gets `"issuer_label"`.

use std::io::Write;
use std::process::ExitCode;

use backpack_core::model::Format;
use backpack_core::store::{Query, Sort};
use backpack_core::verify::Status;

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
    status: Option<Status>,
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

fn parse_status(s: &str) -> Result<Status, String> {
    Status::from_id(s).ok_or_else(|| {
        let ids: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        tr!("cli-expected-one-of", choices = ids.join(", "))
    })
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_id(s).ok_or_else(|| {
        tr!(
            "cli-expected-one-of",
            choices = "ob2-hosted, ob2-signed, ob3-json, ob3-jwt, clr2-json, clr2-jwt"
        )
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
        let trust = wallet.trust_index()?;
        let known = |r: &backpack_core::store::BadgeSummary| {
            r.issuer_id.as_deref().and_then(|id| trust.label(id))
        };
        let mut out = std::io::stdout().lock();
        if self.json {
            let mut v = serde_json::to_value(&rows)?;
            for (row, r) in v.as_array_mut().into_iter().flatten().zip(&rows) {
                row["issuer_label"] = super::trust::label_json(known(r).as_ref(), r.status);
            }
            writeln!(
                out,
                "{}",
                super::json_safe(&serde_json::to_string_pretty(&v)?)
            )?;
            return Ok(ExitCode::SUCCESS);
        }
        if rows.is_empty() {
            writeln!(out, "{}", tr!("cli-list-empty"))?;
            return Ok(ExitCode::SUCCESS);
        }
        let marker = |r: &backpack_core::store::BadgeSummary| match known(r) {
            None => "-".to_string(),
            Some(k) => {
                let word = if r.status == Status::Verified {
                    tr!("cli-list-trust-known")
                } else {
                    tr!("cli-list-trust-claims")
                };
                if k.test {
                    format!("{word} {}", tr!("cli-list-trust-test"))
                } else {
                    word
                }
            }
        };
        let table: Vec<[String; 7]> = rows
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
                    super::status_word(r.status),
                    marker(r),
                ]
            })
            .collect();
        let header = [
            tr!("cli-col-id"),
            tr!("cli-col-name"),
            tr!("cli-col-issuer"),
            tr!("cli-col-issued"),
            tr!("cli-col-format"),
            tr!("cli-col-status"),
            tr!("cli-col-trust"),
        ];
        let columns = if trust.is_empty() { 6 } else { 7 };
        let mut widths = header.clone().map(|h| h.chars().count());
        for row in &table {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        for row in std::iter::once(&header).chain(&table) {
            let mut line = String::new();
            let row = &row[..columns];
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
