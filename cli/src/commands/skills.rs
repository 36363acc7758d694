//! `backpack skills [--json] [SEARCH]`: the skills behind the wallet's badges, grouped by
//! framework and skill, with results, achievement types, stacks and a timeline. A thin
//! adapter over [`backpack_core::skills`]; every badge string goes through [`terminal_safe`].
//! With SEARCH only the matching skills, results and types are printed (stacks and the
//! timeline are the whole wallet's and are left out).

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use backpack_core::skills::{SkillsView, StackKind};

use super::{Ctx, json_safe, terminal_safe};

/// `skills` arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the whole view as JSON (frameworks, results, achievement_types, stacks, timeline).
    #[arg(long)]
    json: bool,
    /// Only skills, results and achievement types containing all these words.
    #[arg(value_name = "SEARCH", num_args = 0..)]
    search: Vec<String>,
}

impl Args {
    /// Run it.
    pub fn run(&self, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let wallet = ctx.open_wallet()?;
        let query = self.search.join(" ");
        let query = query.trim();
        let view = wallet.skills((!query.is_empty()).then_some(query))?;
        let mut out = std::io::stdout().lock();
        if self.json {
            writeln!(out, "{}", json_safe(&serde_json::to_string_pretty(&view)?))?;
            return Ok(ExitCode::SUCCESS);
        }
        print(&mut out, &view, !query.is_empty())?;
        Ok(ExitCode::SUCCESS)
    }
}

fn print(out: &mut impl Write, v: &SkillsView, searching: bool) -> std::io::Result<()> {
    let names: HashMap<i64, &str> = v.timeline.iter().map(|b| (b.id, b.name.as_str())).collect();
    let badge = |id: &i64| -> String {
        format!(
            "#{id} {}",
            names
                .get(id)
                .map_or_else(|| tr!("cli-skills-unreadable"), |n| terminal_safe(n))
        )
    };
    let count: usize = v.frameworks.iter().map(|f| f.skills.len()).sum();
    if count == 0 && v.results.is_empty() && v.achievement_types.is_empty() {
        writeln!(
            out,
            "{}",
            if searching {
                tr!("cli-skills-no-match")
            } else {
                tr!("cli-skills-none")
            }
        )?;
    }
    if count > 0 {
        writeln!(
            out,
            "{}",
            tr!("cli-skills-count", count = count, n = v.frameworks.len())
        )?;
        for fw in &v.frameworks {
            writeln!(out, "\n{}", terminal_safe(&fw.name))?;
            for s in &fw.skills {
                let mut line = format!("  {}", terminal_safe(&s.name));
                if let Some(c) = &s.code {
                    line.push_str(&format!(" [{}]", terminal_safe(c)));
                }
                if !s.types.is_empty() {
                    line.push_str(&format!(" ({})", terminal_safe(&s.types.join(", "))));
                }
                writeln!(out, "{line}")?;
                for u in &s.urls {
                    writeln!(out, "      {}", terminal_safe(u))?;
                }
                for id in &s.badges {
                    writeln!(out, "    {}", badge(id))?;
                }
            }
        }
    }
    if !v.results.is_empty() {
        writeln!(out, "\n{}", tr!("cli-skills-results"))?;
        for g in &v.results {
            writeln!(out, "  {}", terminal_safe(&g.label))?;
            for r in &g.results {
                let what: Vec<String> = [&r.value, &r.status, &r.achieved_level]
                    .into_iter()
                    .flatten()
                    .map(|s| terminal_safe(s))
                    .collect();
                writeln!(out, "    {}: {}", badge(&r.badge), what.join(", "))?;
            }
        }
    }
    if !v.achievement_types.is_empty() {
        writeln!(out, "\n{}", tr!("cli-skills-types"))?;
        for t in &v.achievement_types {
            let ids: Vec<String> = t.badges.iter().map(badge).collect();
            writeln!(
                out,
                "  {}: {}",
                terminal_safe(&t.achievement_type),
                ids.join(", ")
            )?;
        }
    }
    if searching {
        return Ok(());
    }
    if !v.stacks.is_empty() {
        writeln!(out, "\n{}", tr!("cli-skills-stacks"))?;
        for st in &v.stacks {
            let how = match st.kind {
                StackKind::Linked => {
                    let by: Vec<String> = st.stated_by.iter().map(|i| format!("#{i}")).collect();
                    tr!("cli-skills-linked-by", ids = by.join(", "))
                }
                StackKind::SharedTarget => tr!("cli-skills-shared-target"),
            };
            writeln!(out, "  {} ({how})", terminal_safe(&st.title))?;
            for (i, step) in st.steps.iter().enumerate() {
                let held = if step.badges.is_empty() {
                    tr!("cli-skills-not-held")
                } else {
                    step.badges
                        .iter()
                        .map(|b| format!("#{b}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                writeln!(out, "    {}. {} ({held})", i + 1, terminal_safe(&step.name))?;
                for l in st.links.iter().filter(|l| l.from == i) {
                    writeln!(out, "       {} -> {}", terminal_safe(&l.relation), l.to + 1)?;
                }
            }
        }
    }
    if !v.timeline.is_empty() {
        writeln!(out, "\n{}", tr!("cli-skills-timeline"))?;
        let undated = tr!("cli-skills-undated");
        for b in &v.timeline {
            let date = b
                .issued
                .as_deref()
                .and_then(|d| d.get(..10))
                .unwrap_or(&undated);
            let issuer = b
                .issuer
                .as_deref()
                .map(|i| format!(" ({})", terminal_safe(i)))
                .unwrap_or_default();
            writeln!(
                out,
                "  {:<10}  #{} {}{issuer}",
                terminal_safe(date),
                b.id,
                terminal_safe(&b.name)
            )?;
        }
    }
    Ok(())
}
