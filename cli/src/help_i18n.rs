//! `--help` in the run's language (issue 14, "Languages": every user-visible string of the
//! CLI comes from the message catalog).
//!
//! The help texts are written once, in English, as the derive's doc comments (`main.rs`,
//! `commands/*.rs`). For any other language, [`localize`] walks the built clap command tree
//! and replaces each text with its catalog message:
//!
//! | text | catalog id |
//! |---|---|
//! | a command's about (`backpack`, `import`, `collection add`) | `cli-help-backpack`, `cli-help-import`, `cli-help-collection-add` |
//! | its long about | attribute `.long` of the same message |
//! | an argument's help (`import --allow-network`) | `cli-help-import--allow_network` (the clap arg id after `--`) |
//! | its long help | attribute `.long` |
//! | one documented value of an argument (`export --format html`) | `cli-help-export--format--html` |
//! | a global argument (`--wallet`, `--lang`), in every subcommand | the root's: `cli-help-backpack--wallet` |
//! | clap's own `-h`, `-V` and `help` texts | `cli-help-clap-help`, `cli-help-clap-help-more` (+ `.long`), `cli-help-clap-version`, `cli-help-clap-help-command` |
//! | the headings `Usage:`, `Commands:`, `Arguments:`, `Options:` | `cli-help-heading-usage`, `…-commands`, `…-arguments`, `…-options` (through [`clap::Command::help_template`]) |
//!
//! A message the language's catalog lacks leaves the English text. English itself is not
//! rewritten at all (the derive's text is the English catalog's; the unit test
//! `english_catalog_matches_the_doc_comments` keeps the two identical and prints the FTL of
//! any missing or changed entry). What clap writes itself inside a help line (the `[default:
//! …]`, `[possible values: …]`, `[env: …]` notes, the `Possible values:` heading of a long
//! help) and clap's parse errors are put in the catalog's words by [`crate::clap_i18n`]. The
//! usage placeholders (`[OPTIONS]`, `<COMMAND>`, value names) stay as they are: they are
//! also what the user types.

use std::ffi::OsString;
use std::marker::PhantomData;

use backpack_core::i18n::{Catalog, Lang};
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser, ValueParser};
use clap::{Arg, ArgAction, Command, ValueEnum};

/// The language `--lang X` / `--lang=X` names among the raw arguments (before clap parses
/// them: the help must already be in that language). `None` when absent or not a language
/// Backpack has (clap then reports a bad value itself). Stops at `--`.
pub fn lang_from_args(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().skip(1).map(|a| a.to_str());
    let mut found = None;
    while let Some(a) = it.next() {
        match a {
            Some("--") => break,
            Some("--lang") => found = it.next().flatten().and_then(|v| v.parse().ok()),
            Some(a) if a.starts_with("--lang=") => found = a["--lang=".len()..].parse().ok(),
            _ => {}
        }
    }
    found
}

/// Catalog id of the command at `path` (`[]` is `backpack` itself).
fn cmd_id(path: &[String]) -> String {
    if path.is_empty() {
        "cli-help-backpack".to_string()
    } else {
        format!("cli-help-{}", path.join("-"))
    }
}

/// Catalog id of `arg`'s help in the command at `path`.
fn arg_id(path: &[String], arg: &Arg) -> String {
    match arg.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
            if arg.get_long_help().is_some() {
                "cli-help-clap-help-more".to_string()
            } else {
                "cli-help-clap-help".to_string()
            }
        }
        ArgAction::Version => "cli-help-clap-version".to_string(),
        _ if arg.is_global_set() => format!("cli-help-backpack--{}", arg.get_id()),
        _ => format!("{}--{}", cmd_id(path), arg.get_id()),
    }
}

/// One help text of the tree: where it goes in the catalog, and its text (the tests' view).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The message id.
    pub id: String,
    /// `Some("long")` for a long about / long help (an attribute of the message).
    pub attr: Option<&'static str>,
    /// The text as clap shows it.
    pub text: String,
}

/// The headings clap writes itself, by catalog id, with clap's English words.
pub const HEADINGS: [(&str, &str); 4] = [
    ("cli-help-heading-usage", "Usage"),
    ("cli-help-heading-commands", "Commands"),
    ("cli-help-heading-arguments", "Arguments"),
    ("cli-help-heading-options", "Options"),
];

#[cfg(test)]
/// Every help text of the built command tree `cmd` (see [`Command::build`]), in tree order
/// (an id shared by several places, as a global argument's, comes once per place).
pub fn entries(cmd: &Command) -> Vec<Entry> {
    let mut out = Vec::new();
    walk_entries(cmd, &[], false, &mut out);
    out
}

#[cfg(test)]
fn walk_entries(cmd: &Command, path: &[String], in_help: bool, out: &mut Vec<Entry>) {
    let id = if in_help && path.last().is_some_and(|n| n == "help") {
        "cli-help-clap-help-command".to_string()
    } else {
        cmd_id(path)
    };
    let mut push = |id: &str, attr, text: Option<&clap::builder::StyledStr>| {
        if let Some(t) = text {
            out.push(Entry {
                id: id.to_string(),
                attr,
                text: t.to_string(),
            });
        }
    };
    push(&id, None, cmd.get_about());
    push(&id, Some("long"), cmd.get_long_about());
    for arg in cmd.get_arguments() {
        let aid = arg_id(path, arg);
        push(&aid, None, arg.get_help());
        push(&aid, Some("long"), arg.get_long_help());
        for pv in arg.get_possible_values() {
            push(&format!("{aid}--{}", pv.get_name()), None, pv.get_help());
        }
    }
    for sc in cmd.get_subcommands() {
        let (sub_path, sub_in_help) = child(path, in_help, sc.get_name());
        walk_entries(sc, &sub_path, sub_in_help, out);
    }
}

/// The path of subcommand `name` under `path`. Clap's `help` subcommand holds copies of the
/// tree (`help import`): their texts are the originals' (`import`), so its children take
/// their parent's path.
fn child(path: &[String], in_help: bool, name: &str) -> (Vec<String>, bool) {
    let mut p = path.to_vec();
    if in_help && p.last().is_some_and(|n| n == "help") {
        p.pop();
    }
    p.push(name.to_string());
    (p, in_help || name == "help")
}

/// The catalog's text for `id` (`attr`), if this language's catalog has it.
fn lookup(cat: &Catalog, id: &str, attr: Option<&str>) -> Option<String> {
    if !cat.has(id) {
        return None;
    }
    match attr {
        None => Some(cat.t(id)),
        Some(a) => {
            let s = cat.attr(id, a, &[]);
            (s != format!("{id}.{a}")).then_some(s)
        }
    }
}

/// A value enum whose documented values show the catalog's help (the values and their
/// parsing are the enum's own).
#[derive(Clone)]
struct LocalizedEnum<E> {
    values: Vec<PossibleValue>,
    _e: PhantomData<fn() -> E>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for LocalizedEnum<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<E, clap::Error> {
        EnumValueParser::<E>::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().cloned()))
    }
}

/// A value parser over `values` for the enum behind arg `arg_id` of the command with
/// catalog id `cmd`. Clap's value parsers are typed: each argument whose values are
/// documented needs its line here (the unit test `spanish_help_is_complete` fails
/// otherwise).
fn enum_parser(cmd: &str, arg_id: &str, values: Vec<PossibleValue>) -> Option<ValueParser> {
    let p = match (cmd, arg_id) {
        ("cli-help-export", "format") => {
            ValueParser::new(LocalizedEnum::<crate::commands::export::Fmt> {
                values,
                _e: PhantomData,
            })
        }
        _ => return None,
    };
    Some(p)
}

/// `cmd` (the derive's command, not yet built) with its help texts from `cat`. English (the
/// plain English catalog) returns it untouched.
pub fn localize(mut cmd: Command, cat: &'static Catalog) -> Command {
    if std::ptr::eq(cat, Catalog::get(Lang::En)) {
        return cmd;
    }
    // Built: clap's own -h/-V args, the `help` subcommand and the global args' copies exist.
    cmd.build();
    let headings: Vec<String> = HEADINGS
        .iter()
        .map(|(id, en)| lookup(cat, id, None).unwrap_or_else(|| en.to_string()))
        .collect();
    localize_cmd(cmd, &[], false, cat, &headings)
}

fn localize_cmd(
    mut cmd: Command,
    path: &[String],
    in_help: bool,
    cat: &'static Catalog,
    headings: &[String],
) -> Command {
    let clap_help = in_help && path.last().is_some_and(|n| n == "help");
    let id = if clap_help {
        "cli-help-clap-help-command".to_string()
    } else {
        cmd_id(path)
    };
    if cmd.get_about().is_some()
        && let Some(s) = lookup(cat, &id, None)
    {
        cmd = cmd.about(s);
    }
    if cmd.get_long_about().is_some()
        && let Some(s) = lookup(cat, &id, Some("long"))
    {
        cmd = cmd.long_about(s);
    }
    let cid = id.clone();
    cmd = cmd.mut_args(|mut arg| {
        let aid = arg_id(path, &arg);
        if arg.get_help().is_some()
            && let Some(s) = lookup(cat, &aid, None)
        {
            arg = arg.help(s);
        }
        if arg.get_long_help().is_some()
            && let Some(s) = lookup(cat, &aid, Some("long"))
        {
            arg = arg.long_help(s);
        }
        let pvs = arg.get_possible_values();
        if pvs.iter().any(|p| p.get_help().is_some()) {
            let values = pvs
                .into_iter()
                .map(
                    |p| match lookup(cat, &format!("{aid}--{}", p.get_name()), None) {
                        Some(s) if p.get_help().is_some() => p.help(s),
                        _ => p,
                    },
                )
                .collect();
            if let Some(vp) = enum_parser(&cid, arg.get_id().as_str(), values) {
                arg = arg.value_parser(vp);
            }
        }
        arg
    });
    let t = template(&cmd, headings);
    cmd = cmd.help_template(t);
    cmd.mut_subcommands(|sc| {
        let (sub_path, sub_in_help) = child(path, in_help, sc.get_name());
        localize_cmd(sc, &sub_path, sub_in_help, cat, headings)
    })
}

/// Clap's default help template (`{usage-heading}` and `{all-args}`, clap 4.6
/// `output/help_template.rs`) with the headings in the catalog's words: the same sections,
/// in the same order, separated the same way, styled as clap styles them.
fn template(cmd: &Command, headings: &[String]) -> String {
    let styles = cmd.get_styles();
    let (u, h) = (styles.get_usage(), styles.get_header());
    let shown = |a: &&Arg| !a.is_hide_set();
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!("{h}{}:{h:#}\n{{subcommands}}", headings[1]));
    }
    if cmd.get_positionals().any(|a| shown(&a)) {
        sections.push(format!("{h}{}:{h:#}\n{{positionals}}", headings[2]));
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && shown(&a)) {
        sections.push(format!("{h}{}:{h:#}\n{{options}}", headings[3]));
    }
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{u}{}:{u:#} {{usage}}",
        headings[0]
    );
    if !sections.is_empty() {
        t.push_str("\n\n");
        t.push_str(&sections.join("\n\n"));
    }
    t.push_str("{after-help}");
    t
}

#[cfg(test)]
/// `entries` as FTL lines to paste into `ui/locales/en.js` (one message per id, a long text
/// as its `.long` attribute; `{` and `}` escaped as Fluent string literals).
pub fn ftl(entries: &[Entry]) -> String {
    fn escape(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '{' => "{\"{\"}".to_string(),
                '}' => "{\"}\"}".to_string(),
                c => c.to_string(),
            })
            .collect()
    }
    fn pattern(text: &str, indent: &str) -> String {
        let text = escape(text);
        if !text.contains('\n') {
            return format!(" {text}");
        }
        let mut s = String::new();
        for line in text.lines() {
            s.push('\n');
            if !line.is_empty() {
                s.push_str(indent);
                s.push_str(line);
            }
        }
        s
    }
    let mut seen = std::collections::HashSet::new();
    let entries: Vec<&Entry> = entries
        .iter()
        .filter(|e| seen.insert((e.id.as_str(), e.attr)))
        .collect();
    let mut ids: Vec<&str> = Vec::new();
    for e in &entries {
        if !ids.contains(&e.id.as_str()) {
            ids.push(&e.id);
        }
    }
    let mut out = String::new();
    for id in ids {
        let value = entries.iter().find(|e| e.id == id && e.attr.is_none());
        out.push_str(id);
        out.push_str(" =");
        if let Some(v) = value {
            out.push_str(&pattern(&v.text, "    "));
        }
        out.push('\n');
        for e in entries.iter().filter(|e| e.id == id && e.attr.is_some()) {
            out.push_str(&format!(
                "    .{} ={}\n",
                e.attr.unwrap_or_default(),
                pattern(&e.text, "        ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn built() -> Command {
        let mut c = crate::Cli::command();
        c.build();
        c
    }

    /// The entries of `cmd` whose text is not `cat`'s message.
    fn mismatches(cmd: &Command, cat: &Catalog) -> Vec<Entry> {
        entries(cmd)
            .into_iter()
            .filter(|e| lookup(cat, &e.id, e.attr).as_deref() != Some(e.text.as_str()))
            .collect()
    }

    /// The English catalog holds every help text exactly as the doc comments give it: an
    /// argument added, or a doc comment changed, without its catalog entry fails here (and,
    /// through scripts/check-catalog.mjs, without its Spanish one). The failure prints the
    /// FTL to paste into ui/locales/en.js (then translate it into es.js).
    #[test]
    fn english_catalog_matches_the_doc_comments() {
        let en = Catalog::get(Lang::En);
        let bad = mismatches(&built(), en);
        assert!(
            bad.is_empty(),
            "{} help texts are not (exactly) in ui/locales/en.js; the entries:\n\n{}",
            bad.len(),
            ftl(&bad)
        );
        for (id, word) in HEADINGS {
            assert_eq!(lookup(en, id, None).as_deref(), Some(word), "{id}");
        }
    }

    /// Every help text of the Spanish tree is the Spanish catalog's (none left in English,
    /// including the documented values of an enum argument).
    #[test]
    fn spanish_help_is_complete() {
        let es = Catalog::get(Lang::Es);
        let tree = localize(crate::Cli::command(), es);
        let bad = mismatches(&tree, es);
        assert!(
            bad.is_empty(),
            "{} help texts are not es.js's:\n\n{}",
            bad.len(),
            ftl(&bad)
        );
        assert_eq!(entries(&tree).len(), entries(&built()).len());
        for (id, _) in HEADINGS {
            assert!(es.has(id), "{id}");
        }
    }

    #[test]
    fn lang_is_read_from_the_raw_arguments() {
        let args = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
        assert_eq!(
            lang_from_args(&args(&["backpack", "--lang", "es", "-h"])),
            Some(Lang::Es)
        );
        assert_eq!(
            lang_from_args(&args(&["backpack", "import", "--lang=es_MX"])),
            Some(Lang::Es)
        );
        assert_eq!(
            lang_from_args(&args(&["backpack", "--lang", "en", "-h"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_args(&args(&["backpack", "--lang", "fr", "-h"])),
            None
        );
        assert_eq!(lang_from_args(&args(&["backpack", "--lang"])), None);
        // After `--` it is a file name.
        assert_eq!(
            lang_from_args(&args(&["backpack", "import", "--", "--lang=es"])),
            None
        );
        // The last one wins, as in clap.
        assert_eq!(
            lang_from_args(&args(&["backpack", "--lang", "es", "list", "--lang", "en"])),
            Some(Lang::En)
        );
    }
}
