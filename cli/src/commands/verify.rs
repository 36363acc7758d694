//! `backpack verify [--recipient EMAIL|DID]... [--allow-network] [--allow-private-network]
//! [--json] FILE...`: verify badge files without importing them (issue 3).
//!
//! Human output: one block per file — the status in words ("Verified", "Signature intact,
//! issuer not confirmed", …), then each check with ✓ (pass) ✗ (fail) – (skipped) ? (could
//! not check) and its detail. `--json`: one object per file per line,
//! `{"file","format","verdict","status","reason","checks":[{"id","outcome","detail"}],"fetches":[…]}`
//! with the core's ids (`verify::Status`, `verify::CheckId`).
//! When a trust list in the wallet names the badge's issuer, its label follows the status
//! line (`  trust: Known issuer: …`) and is the JSON field `"issuer_label"` (`null` when
//! none): information only, it never changes the verdict, the status or the exit code.
//! Exit: 0 all valid, 1 any invalid, 2 otherwise (indeterminate — issuer not confirmed or
//! could not check —, unreadable, I/O error). Invalid wins over indeterminate: a definite
//! "this badge is bad" is the stronger signal.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use backpack_core::env::{Fetcher, SystemClock};
use backpack_core::verify::{Outcome, Report, Verdict, VerifyContext, verify_many};
use serde_json::json;

use super::{Ctx, terminal_safe};

/// Arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An email, DID or URL of yours to match the recipient against (repeatable). It is only
    /// compared on this machine, never sent.
    #[arg(long = "recipient", value_name = "EMAIL|DID")]
    pub recipients: Vec<String>,
    /// Allow network access (hosted assertions, issuer keys, status lists). Off by default.
    #[arg(long)]
    pub allow_network: bool,
    /// Also allow private, loopback and link-local addresses (implies --allow-network).
    #[arg(long)]
    pub allow_private_network: bool,
    /// Print one JSON object per file, one per line.
    #[arg(long)]
    pub json: bool,
    /// Badge files (baked PNG/SVG, JSON, JWS, URL file), or - for stdin.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// The fetcher the learner allowed: offline unless network was allowed.
pub fn fetcher(allow_network: bool, allow_private: bool) -> Box<dyn Fetcher> {
    use backpack_core::policy::{self, Network};
    let allow = allow_network || allow_private;
    policy::fetcher(
        if allow {
            Network::Online
        } else {
            Network::NotAllowed
        },
        allow_private,
    )
}

/// The marker for an outcome: ✓ ✗ – ?.
pub fn marker(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "✓",
        Outcome::Fail => "✗",
        Outcome::Skipped => "–",
        Outcome::Error => "?",
    }
}

/// A check's name in the run's language (`cli-check-<id>`: the id itself in English).
pub fn check_name(id: backpack_core::verify::CheckId) -> String {
    let cat = super::cat();
    let key = format!("cli-check-{id}");
    if cat.has(&key) || backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::En).has(&key) {
        cat.t(&key)
    } else {
        id.as_str().to_string()
    }
}

/// Human block for one report. The label, every detail and every fetch line are
/// [`terminal_safe`]: details quote issuer-controlled text, which must not be able to rewrite
/// the verdict line.
pub fn human(label: &str, r: &Report) -> String {
    // Every detail and fetch error in the run's language.
    let r = &r.localized(super::cat());
    let format = r.format.map(|f| format!(" ({f})")).unwrap_or_default();
    let label = terminal_safe(label);
    let mut s = format!("{label}: {}{format}\n", super::status_label(r.status));
    // The check's name in a column as wide as the longest (its id in English, as the JSON
    // names it; `cli-check-…`).
    let names: Vec<String> = r.checks.iter().map(|c| check_name(c.id)).collect();
    let width = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .max(10);
    for (c, name) in r.checks.iter().zip(&names) {
        s.push_str(&format!(
            "  {} {name:<width$} {}\n",
            marker(c.outcome),
            terminal_safe(&c.detail)
        ));
    }
    if !r.fetches.is_empty() {
        for f in &r.fetches {
            let what = match (&f.status, &f.error, f.from_cache) {
                (Some(st), _, true) => tr!(
                    "cli-verify-fetch-cached",
                    status = st.to_string(),
                    at = f.fetched_at.to_string()
                ),
                (Some(st), _, false) => tr!(
                    "cli-verify-fetch-took",
                    status = st.to_string(),
                    ms = f.millis.to_string()
                ),
                (None, Some(e), _) => e.clone(),
                (None, None, _) => tr!("cli-verify-no-response"),
            };
            s.push_str(&format!(
                "    {}\n",
                tr!(
                    "cli-verify-fetch",
                    url = terminal_safe(&f.url),
                    what = terminal_safe(&what)
                )
            ));
        }
    }
    s
}

/// One JSON line for one report: the fields in this order (`issuer_label`, `id` and `refresh`
/// only when set). Serialized straight to text, without building a `serde_json::Value` first.
#[derive(serde::Serialize)]
pub struct JsonLine<'a> {
    /// The file (or the wallet's `id name` label).
    pub file: &'a str,
    format: Option<&'static str>,
    verdict: &'static str,
    status: &'static str,
    reason: &'a str,
    checks: Vec<JsonCheck<'a>>,
    checked_at: &'a str,
    key_id: Option<&'a str>,
    fetches: &'a [backpack_core::verify::FetchRecord],
    /// The trust list's label (`verify`; `null` when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_label: Option<serde_json::Value>,
    /// The wallet id (`recheck`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// What the refresh step did (`recheck`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh: Option<&'a backpack_core::recheck::Refresh>,
}

#[derive(serde::Serialize)]
struct JsonCheck<'a> {
    id: &'static str,
    outcome: Outcome,
    detail: &'a str,
}

/// The JSON line of one report (`{"file","format","verdict","status","reason","checks",
/// "checked_at","key_id","fetches"}`); the caller may set the optional fields.
pub fn json_line<'a>(label: &'a str, r: &'a Report) -> JsonLine<'a> {
    JsonLine {
        file: label,
        format: r.format.map(|f| f.as_str()),
        verdict: r.verdict.as_str(),
        status: r.status.as_str(),
        reason: &r.reason,
        checks: r
            .checks
            .iter()
            .map(|c| JsonCheck {
                id: c.id.as_str(),
                outcome: c.outcome,
                detail: &c.detail,
            })
            .collect(),
        checked_at: &r.checked_at,
        key_id: r.key_id.as_deref(),
        fetches: &r.fetches,
        issuer_label: None,
        id: None,
        refresh: None,
    }
}

/// Write one JSON line, made [`super::json_safe`].
pub fn write_json_line(out: &mut impl Write, line: &JsonLine<'_>) -> anyhow::Result<()> {
    let text = serde_json::to_string(line)?;
    writeln!(out, "{}", super::json_safe(&text))?;
    Ok(())
}

/// Exit code over many verdicts: 0 all valid, 1 any invalid, 2 otherwise.
pub fn exit_code(verdicts: &[Verdict]) -> ExitCode {
    if verdicts.iter().all(|v| *v == Verdict::Valid) {
        ExitCode::SUCCESS
    } else if verdicts.contains(&Verdict::Invalid) {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}

/// The bytes of one input, or why not: for the JSON "error" field the operating system's
/// English words (as the core's details), for a human line the run's language.
fn read_input(path: &PathBuf, json: bool) -> Result<Vec<u8>, String> {
    let limit = backpack_core::limits::MAX_FILE_BYTES;
    let mut buf = Vec::new();
    let res = if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut buf))
    };
    res.map_err(|e| {
        if json {
            e.to_string()
        } else {
            backpack_core::localize::io_error(&e).render(super::cat())
        }
    })?;
    if buf.len() as u64 > limit {
        // The JSON "error" field in English, like the core's details; a human line in the
        // run's language.
        return Err(if json {
            format!("larger than the {limit}-byte file limit")
        } else {
            tr!("cli-verify-too-large", limit = limit.to_string())
        });
    }
    Ok(buf)
}

impl Args {
    /// Run it.
    pub fn run(&self, cli: &Ctx) -> anyhow::Result<ExitCode> {
        // No wallet is needed, but a wallet in minor mode still guards the network.
        let asked = self.allow_network || self.allow_private_network;
        if asked {
            cli.network(cli.existing_wallet()?.as_ref(), true)?;
        }
        let trust = super::trust::index_for(cli);
        let fetcher = fetcher(self.allow_network, self.allow_private_network);
        let clock = SystemClock;
        let ctx = VerifyContext::new(&clock, fetcher.as_ref()).with_recipients(&self.recipients);
        let mut verdicts = Vec::with_capacity(self.files.len());
        // One buffered writer for the whole run (stdout is line-buffered: a write per line
        // otherwise); flushed at the end and when an error stops the run.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut failed: anyhow::Result<()> = Ok(());
        // The core verifies on every core and hands the reports back in input order.
        let json = self.json;
        let load = move |p: &PathBuf| read_input(p, json);
        verify_many(&self.files, &ctx, &load, &mut |i, result| {
            if failed.is_err() {
                return;
            }
            let label = self.files[i].display().to_string();
            let (verdict, written) = match result {
                Err(e) => (Verdict::Error, self.write_unreadable(&mut out, &label, &e)),
                Ok((bytes, report)) => (
                    report.verdict,
                    self.write_report(&mut out, &trust, &label, &bytes, &report),
                ),
            };
            verdicts.push(verdict);
            failed = written;
        });
        failed?;
        out.flush()?;
        Ok(exit_code(&verdicts))
    }

    /// The line for an input that could not be read.
    fn write_unreadable(&self, out: &mut impl Write, label: &str, e: &str) -> anyhow::Result<()> {
        if self.json {
            let line = json!({"file": label, "format": null, "verdict": "error",
                "checks": [], "error": e});
            writeln!(out, "{}", super::json_safe(&line.to_string()))?;
        } else {
            // Keep the order with the reports on stdout.
            out.flush()?;
            eprintln!(
                "{}",
                tr!(
                    "cli-verify-cannot-read",
                    file = terminal_safe(label),
                    error = terminal_safe(e)
                )
            );
        }
        Ok(())
    }

    /// One report, as a JSON line or a human block.
    fn write_report(
        &self,
        out: &mut impl Write,
        trust: &backpack_core::trust_list::TrustIndex,
        label: &str,
        bytes: &[u8],
        report: &Report,
    ) -> anyhow::Result<()> {
        // Looked up after the verdict is made, from the badge's own issuer id.
        let known = (!trust.is_empty())
            .then(|| backpack_core::trust_list::issuer_id_of_bytes(bytes))
            .flatten()
            .and_then(|id| trust.label(&id));
        if self.json {
            let mut line = json_line(label, report);
            line.issuer_label = Some(super::trust::label_json(known.as_ref(), report.status));
            write_json_line(out, &line)?;
        } else {
            let block = human(label, report);
            match (&known, block.split_once('\n')) {
                (Some(k), Some((head, rest))) => write!(
                    out,
                    "{head}\n  {}\n{rest}",
                    tr!(
                        "cli-verify-trust",
                        label = super::trust::label_text(k, report.status)
                    )
                )?,
                _ => write!(out, "{block}")?,
            }
        }
        Ok(())
    }
}
