//! Clap's own words in the run's language (issue 14, "Languages"): its parse errors and the
//! notes it writes into `--help` (`[default: …]`, `[possible values: …]`, `[env: …]`, the
//! `Possible values:` heading of a long help). The help texts themselves are
//! [`crate::help_i18n`]'s.
//!
//! English is clap's own output, untouched (`main` prints the error as clap made it). In any
//! other language:
//! - a parse error is written again from its [`clap::error::ErrorKind`] and its context
//!   ([`clap::error::ContextKind`]: the invalid argument and value, the valid values, the
//!   suggestions, the usage) with the catalog's `cli-clap-…` messages, in clap's layout
//!   (`error:` line, `tip:` lines, the usage, `For more information, try '--help'.`) and
//!   clap's styles; the exit code stays clap's ([`clap::Error::exit_code`]). The unit test
//!   `english_catalog_reproduces_clap` renders a set of bad command lines with the English
//!   catalog and checks the result is clap's own text byte for byte (styles included), so
//!   the layout and the English entries cannot drift from clap;
//! - a help page has clap's bracketed notes and the `Possible values:` heading put in the
//!   catalog's words ([`localize_help`]). The notes are clap's fixed English literals and
//!   every other text of a non-English help page is the catalog's, so a literal left there
//!   can only be clap's.
//!
//! A value parser's own complaint (the source of a `ValueValidation` error) is already the
//! catalog's when it is one of Backpack's (`parse_id`, `parse_lang`, …); the standard
//! library's integer errors and clap's range check are named here; anything else is shown
//! as given.

use backpack_core::i18n::{Arg, Catalog, Lang};
use clap::builder::Styles;
use clap::builder::styling::Style;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Clap's indentation of a tip or a listed argument (`clap_builder::output::TAB`).
const TAB: &str = "  ";

/// True when clap's English is shown as it is (English, and not the pseudo-locale).
pub fn is_plain_english(cat: &Catalog) -> bool {
    std::ptr::eq(cat, Catalog::get(Lang::En))
}

/// The notes clap writes into a help page, by catalog id, with clap's literal text: the
/// message is the note's word (`default`) and the literal is rewritten with it.
const NOTES: [(&str, &str); 3] = [
    ("[default: ", "cli-clap-note-default"),
    ("[possible values: ", "cli-clap-note-possible-values"),
    ("[env: ", "cli-clap-note-env"),
];

/// A help page (clap's rendering, with or without ANSI styles) with clap's own notes in
/// `cat`'s words. English comes back unchanged.
pub fn localize_help(page: &str, cat: &Catalog) -> String {
    if is_plain_english(cat) {
        return page.to_string();
    }
    let mut out = page.to_string();
    for (literal, id) in NOTES {
        out = out.replace(literal, &format!("[{}: ", cat.t(id)));
    }
    out.replace(
        "Possible values:",
        &format!("{}:", cat.t("cli-clap-possible-values-heading")),
    )
}

/// `text` in `style` (the ANSI codes clap writes; stripped later when colour is off).
fn styled(style: &Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// A value the user typed, safe to show on a terminal (clap shows it raw).
fn typed(s: &str) -> String {
    crate::commands::terminal_safe(s)
}

/// The context value as a single string, if it is one.
fn string(e: &clap::Error, k: ContextKind) -> Option<&str> {
    match e.get(k) {
        Some(ContextValue::String(s)) => Some(s),
        _ => None,
    }
}

/// The catalog's words for a kind of error (clap's `ErrorKind::as_str`), when the context
/// needed for the full sentence is missing.
fn kind_words(kind: ErrorKind, cat: &Catalog) -> Option<String> {
    let id = match kind {
        ErrorKind::InvalidValue => "cli-clap-kind-invalid-value",
        ErrorKind::UnknownArgument => "cli-clap-kind-unknown-argument",
        ErrorKind::InvalidSubcommand => "cli-clap-kind-invalid-subcommand",
        ErrorKind::NoEquals => "cli-clap-kind-no-equals",
        ErrorKind::ValueValidation => "cli-clap-kind-value-validation",
        ErrorKind::TooManyValues => "cli-clap-kind-too-many-values",
        ErrorKind::TooFewValues => "cli-clap-kind-too-few-values",
        ErrorKind::WrongNumberOfValues => "cli-clap-kind-wrong-number-of-values",
        ErrorKind::ArgumentConflict => "cli-clap-kind-argument-conflict",
        ErrorKind::MissingRequiredArgument => "cli-clap-kind-missing-required-argument",
        ErrorKind::MissingSubcommand => "cli-clap-kind-missing-subcommand",
        ErrorKind::InvalidUtf8 => "cli-clap-kind-invalid-utf8",
        _ => return None,
    };
    Some(cat.t(id))
}

/// A value parser's complaint in `cat`'s language: the standard library's integer errors and
/// clap's range check by their meaning; Backpack's own parsers already speak the run's
/// language; anything else as given.
fn source_words(source: &(dyn std::error::Error + 'static), cat: &Catalog) -> String {
    use std::num::IntErrorKind as K;
    if let Some(p) = source.downcast_ref::<std::num::ParseIntError>() {
        let id = match p.kind() {
            K::Empty => "cli-clap-int-empty",
            K::InvalidDigit => "cli-clap-int-invalid-digit",
            K::PosOverflow => "cli-clap-int-too-large",
            K::NegOverflow => "cli-clap-int-too-small",
            _ => return source.to_string(),
        };
        return cat.t(id);
    }
    let text = source.to_string();
    // clap's ranged integer parsers: "{value} is not in {range}".
    if let Some((value, range)) = text.split_once(" is not in ")
        && !value.is_empty()
        && range.contains("..")
    {
        return cat.msg(
            "cli-clap-not-in-range",
            &[("value", value.into()), ("range", range.into())],
        );
    }
    text
}

/// The sentence after `error:` (clap's `write_dynamic_context`), or `None` when the context
/// it needs is missing.
fn sentence(e: &clap::Error, s: &Styles, cat: &Catalog) -> Option<String> {
    let (valid, invalid, literal) = (s.get_valid(), s.get_invalid(), s.get_literal());
    let quoted = |st: &Style, v: &str| format!("'{}'", styled(st, &typed(v)));
    let m = |id: &str, args: &[(&str, Arg)]| cat.msg(id, args);
    match e.kind() {
        ErrorKind::ArgumentConflict => {
            let mut prior = e.get(ContextKind::PriorArg);
            let mut out = if let Some(arg) = string(e, ContextKind::InvalidArg) {
                if prior == Some(&ContextValue::String(arg.to_string())) {
                    prior = None;
                    m(
                        "cli-clap-conflict-repeated",
                        &[("arg", quoted(invalid, arg).into())],
                    )
                } else {
                    m("cli-clap-conflict", &[("arg", quoted(invalid, arg).into())])
                }
            } else if let Some(sub) = string(e, ContextKind::InvalidSubcommand) {
                m(
                    "cli-clap-conflict-subcommand",
                    &[("subcommand", quoted(invalid, sub).into())],
                )
            } else {
                kind_words(e.kind(), cat)?
            };
            match prior {
                Some(ContextValue::Strings(values)) => {
                    out.push(':');
                    for v in values {
                        out.push_str(&format!("\n{TAB}{}", styled(invalid, &typed(v))));
                    }
                }
                Some(ContextValue::String(v)) => {
                    out.push_str(&format!(" {}", quoted(invalid, v)));
                }
                Some(_) => {
                    out.push(' ');
                    out.push_str(&cat.t("cli-clap-conflict-others"));
                }
                None => {}
            }
            Some(out)
        }
        ErrorKind::NoEquals => {
            let arg = string(e, ContextKind::InvalidArg)?;
            Some(m(
                "cli-clap-no-equals",
                &[("arg", quoted(invalid, arg).into())],
            ))
        }
        ErrorKind::InvalidValue => {
            let arg = string(e, ContextKind::InvalidArg)?;
            let value = string(e, ContextKind::InvalidValue)?;
            let mut out = if value.is_empty() {
                m(
                    "cli-clap-value-required",
                    &[("arg", quoted(invalid, arg).into())],
                )
            } else {
                m(
                    "cli-clap-invalid-value",
                    &[
                        ("value", quoted(invalid, value).into()),
                        ("arg", quoted(literal, arg).into()),
                    ],
                )
            };
            values_list(
                &mut out,
                "cli-clap-note-possible-values",
                e.get(ContextKind::ValidValue),
                valid,
                cat,
            );
            Some(out)
        }
        ErrorKind::InvalidSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand)?;
            Some(m(
                "cli-clap-invalid-subcommand",
                &[("subcommand", quoted(invalid, sub).into())],
            ))
        }
        ErrorKind::MissingRequiredArgument => {
            let Some(ContextValue::Strings(args)) = e.get(ContextKind::InvalidArg) else {
                return None;
            };
            let mut out = cat.t("cli-clap-missing-required");
            for a in args {
                out.push_str(&format!("\n{TAB}{}", styled(valid, &typed(a))));
            }
            Some(out)
        }
        ErrorKind::MissingSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand)?;
            let mut out = m(
                "cli-clap-missing-subcommand",
                &[("command", quoted(invalid, sub).into())],
            );
            values_list(
                &mut out,
                "cli-clap-note-subcommands",
                e.get(ContextKind::ValidSubcommand),
                valid,
                cat,
            );
            Some(out)
        }
        ErrorKind::TooManyValues => {
            let arg = string(e, ContextKind::InvalidArg)?;
            let value = string(e, ContextKind::InvalidValue)?;
            Some(m(
                "cli-clap-too-many-values",
                &[
                    ("value", quoted(invalid, value).into()),
                    ("arg", quoted(literal, arg).into()),
                ],
            ))
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let arg = string(e, ContextKind::InvalidArg)?;
            let expected_kind = if e.kind() == ErrorKind::TooFewValues {
                ContextKind::MinValues
            } else {
                ContextKind::ExpectedNumValues
            };
            let (Some(ContextValue::Number(actual)), Some(ContextValue::Number(expected))) =
                (e.get(ContextKind::ActualNumValues), e.get(expected_kind))
            else {
                return None;
            };
            let id = if e.kind() == ErrorKind::TooFewValues {
                "cli-clap-too-few-values"
            } else {
                "cli-clap-wrong-number-of-values"
            };
            Some(m(
                id,
                &[
                    ("expected", styled(valid, &expected.to_string()).into()),
                    ("arg", quoted(literal, arg).into()),
                    ("actual", styled(invalid, &actual.to_string()).into()),
                    ("n", Arg::Num(*actual as f64)),
                ],
            ))
        }
        ErrorKind::ValueValidation => {
            let arg = string(e, ContextKind::InvalidArg)?;
            let value = string(e, ContextKind::InvalidValue)?;
            let mut out = m(
                "cli-clap-invalid-value",
                &[
                    ("value", quoted(invalid, value).into()),
                    ("arg", quoted(literal, arg).into()),
                ],
            );
            if let Some(source) = std::error::Error::source(e) {
                out.push_str(": ");
                out.push_str(&source_words(source, cat));
            }
            Some(out)
        }
        ErrorKind::UnknownArgument => {
            let arg = string(e, ContextKind::InvalidArg)?;
            Some(m(
                "cli-clap-unknown-argument",
                &[("arg", quoted(invalid, arg).into())],
            ))
        }
        _ => None,
    }
}

/// clap's `write_values_list`: `\n  [possible values: a, b]`.
fn values_list(
    out: &mut String,
    name_id: &str,
    values: Option<&ContextValue>,
    valid: &Style,
    cat: &Catalog,
) {
    let Some(ContextValue::Strings(values)) = values else {
        return;
    };
    if values.is_empty() {
        return;
    }
    let list: Vec<String> = values
        .iter()
        .map(|v| styled(valid, &escape(&typed(v))))
        .collect();
    out.push_str(&format!("\n{TAB}[{}: {}]", cat.t(name_id), list.join(", ")));
}

/// clap's `Escape`: a value with a space or nothing at all is shown in double quotes.
fn escape(s: &str) -> String {
    if s.is_empty() || s.contains(char::is_whitespace) {
        format!("{s:?}")
    } else {
        s.to_string()
    }
}

/// A `tip:` line suggesting similar names (clap's `did_you_mean`).
fn similar(id: &str, v: &ContextValue, valid: &Style, cat: &Catalog) -> String {
    let names: Vec<String> = match v {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(v) => v.clone(),
        _ => Vec::new(),
    };
    let list: Vec<String> = names
        .iter()
        .map(|n| format!("'{}'", styled(valid, &typed(n))))
        .collect();
    let line = cat.msg(
        id,
        &[("n", names.len().into()), ("names", list.join(", ").into())],
    );
    format!("{TAB}{} {line}", styled(valid, &tip_word(cat)))
}

/// `tip:`.
fn tip_word(cat: &Catalog) -> String {
    format!("{}:", cat.t("cli-clap-tip"))
}

/// One of clap's ready-made suggestions (`ContextKind::Suggested`, written in English by
/// clap) in `cat`'s words. The three clap makes are recognised by their shape; anything else
/// is shown as clap wrote it.
fn suggestion(ansi: &str, s: &Styles, cat: &Catalog) -> String {
    let (valid, invalid) = (s.get_valid(), s.get_invalid());
    let plain = strip(ansi);
    let q = |st: &Style, v: &str| format!("'{}'", styled(st, v));
    // "to pass '{arg}' as a value, use '{use}'"
    if let Some(rest) = plain.strip_prefix("to pass '")
        && let Some((arg, rest)) = rest.split_once("' as a value, use '")
        && let Some(usage) = rest.strip_suffix('\'')
    {
        return cat.msg(
            "cli-clap-tip-pass-as-value",
            &[
                ("arg", q(invalid, arg).into()),
                ("example", q(valid, usage).into()),
            ],
        );
    }
    // "subcommand '{sub}' exists; to use it, remove the '--' before it"
    if let Some(rest) = plain.strip_prefix("subcommand '")
        && let Some(sub) = rest.strip_suffix("' exists; to use it, remove the '--' before it")
    {
        return cat.msg(
            "cli-clap-tip-remove-dashes",
            &[
                ("subcommand", q(valid, sub).into()),
                ("dashes", q(invalid, "--").into()),
            ],
        );
    }
    // "'{sub} {flag}' exists"
    if let Some(rest) = plain.strip_prefix('\'')
        && let Some(name) = rest.strip_suffix("' exists")
    {
        return cat.msg("cli-clap-tip-exists", &[("name", q(valid, name).into())]);
    }
    ansi.to_string()
}

/// `s` without ANSI escape sequences.
fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// clap's parse error `e` written in `cat`'s language, with clap's layout and ANSI styles
/// (`styles`, the command's). `None` for what is not an error message (a help page, the
/// version) or clap's own I/O and formatting failures (shown as clap has them).
pub fn render_error(e: &clap::Error, styles: &Styles, cat: &Catalog) -> Option<String> {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | ErrorKind::DisplayVersion
            | ErrorKind::Io
            | ErrorKind::Format
    ) {
        return None;
    }
    let (error, valid, literal) = (styles.get_error(), styles.get_valid(), styles.get_literal());
    let mut out = format!(
        "{} ",
        styled(error, &format!("{}:", cat.t("cli-clap-error")))
    );
    out.push_str(&match sentence(e, styles, cat) {
        Some(s) => s,
        None => kind_words(e.kind(), cat)?,
    });
    let mut suggested = false;
    for (kind, id) in [
        (
            ContextKind::SuggestedSubcommand,
            "cli-clap-similar-subcommand",
        ),
        (ContextKind::SuggestedArg, "cli-clap-similar-argument"),
        (ContextKind::SuggestedValue, "cli-clap-similar-value"),
    ] {
        if let Some(v) = e.get(kind) {
            out.push('\n');
            if !suggested {
                out.push('\n');
                suggested = true;
            }
            out.push_str(&similar(id, v, valid, cat));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        if !suggested {
            out.push('\n');
        }
        for t in tips {
            out.push_str(&format!(
                "\n{TAB}{} {}",
                styled(valid, &tip_word(cat)),
                suggestion(&t.ansi().to_string(), styles, cat)
            ));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        // clap's usage starts with its own "Usage:" heading (styled): the catalog's instead.
        let usage = usage.ansi().to_string();
        let heading = crate::help_i18n::HEADINGS[0];
        let ours = format!("{}:", cat.t(heading.0));
        out.push_str("\n\n");
        out.push_str(&usage.replacen(&format!("{}:", heading.1), &ours, 1));
    }
    out.push_str("\n\n");
    out.push_str(&cat.msg(
        "cli-clap-try-help",
        &[("help", format!("'{}'", styled(literal, "--help")).into())],
    ));
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Bad command lines, one (at least) for each kind of parse error Backpack's CLI can meet.
    const BAD: &[&[&str]] = &[
        &["backpack", "--nosuch"],
        &["backpack", "imprt"],
        &["backpack", "nosuch"],
        &["backpack", "import", "--no-verfy", "a.png"],
        &["backpack", "import", "a.png", "--nosuch"],
        &["backpack", "--", "import"],
        &["backpack", "--no-verify"],
        &["backpack", "import"],
        &["backpack", "list", "--sort"],
        &["backpack", "list", "--sort", "oldst"],
        &["backpack", "list", "--limit", "ten"],
        &["backpack", "list", "--limit", "99999999999"],
        &["backpack", "list", "--limit", "-1"],
        &["backpack", "list", "--status", "nope"],
        &["backpack", "--lang", "fr", "list"],
        &["backpack", "show", "1", "--json", "--original"],
        &["backpack", "show", "1", "--json", "--json"],
        &["backpack", "remove", "--undo", "--purge"],
        &[
            "backpack", "export", "--format", "docx", "--badge", "1", "-o", "x",
        ],
        &["backpack", "recheck"],
        &["backpack", "collection"],
        &["backpack", "collection", "add"],
        &["backpack", "show", "1", "2"],
        &["backpack", "init", "--encrypt", "--decrypt"],
        &["backpack", "connect", "--timeout", ""],
    ];

    fn errors() -> Vec<(clap::Error, Styles)> {
        BAD.iter()
            .map(|args| {
                let mut cmd = crate::Cli::command();
                let e = cmd
                    .try_get_matches_from_mut(args.iter())
                    .expect_err(&format!("{args:?} parses"));
                (e, cmd.get_styles().clone())
            })
            .collect()
    }

    /// The layout and the English catalog are clap's: rendered with the English catalog, each
    /// error is clap's own message, byte for byte, styles included.
    #[test]
    fn english_catalog_reproduces_clap() {
        let en = Catalog::get(Lang::En);
        let mut kinds = std::collections::HashSet::new();
        for (e, styles) in errors() {
            let clap_text = e.render().ansi().to_string();
            match render_error(&e, &styles, en) {
                Some(ours) => {
                    assert_eq!(ours, clap_text, "{:?}", e.kind());
                    kinds.insert(format!("{:?}", e.kind()));
                }
                None => assert_eq!(
                    e.kind(),
                    ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                ),
            }
        }
        for k in [
            "UnknownArgument",
            "InvalidSubcommand",
            "InvalidValue",
            "ValueValidation",
            "ArgumentConflict",
            "MissingRequiredArgument",
        ] {
            assert!(
                kinds.contains(k),
                "no bad command line gives {k}: {kinds:?}"
            );
        }
    }

    /// In Spanish none of clap's English is left, the arguments and values are still named,
    /// and nothing is a message id.
    #[test]
    fn spanish_errors_have_no_clap_english() {
        let es = Catalog::get(Lang::Es);
        for (e, styles) in errors() {
            let Some(text) = render_error(&e, &styles, es) else {
                continue;
            };
            let text = strip(&text);
            for english in [
                "error: unexpected",
                "unrecognized",
                "invalid value",
                "possible values",
                "tip:",
                "similar",
                "Usage:",
                "For more information",
                "cannot be used",
                "required",
                "was provided",
                "is not in",
                "invalid digit",
                "as a value",
                " found",
                "cli-clap-",
            ] {
                assert!(!text.contains(english), "{english:?} in:\n{text}");
            }
            assert!(text.starts_with("error: "), "{text}");
            assert!(
                text.ends_with("\n\nPara más información, prueba '--help'.\n"),
                "{text}"
            );
            if let Some(arg) = string(&e, ContextKind::InvalidArg) {
                assert!(text.contains(arg), "{arg} in {text}");
            }
        }
    }

    #[test]
    fn help_notes_in_spanish_and_english_untouched() {
        let page = "      --sort <SORT>  Orden [default: newest] [possible values: newest, name]\n\
                    \x20         Possible values:\n      --wallet <PATH>  Cartera [env: BACKPACK_WALLET=]\n";
        let es = localize_help(page, Catalog::get(Lang::Es));
        assert_eq!(
            es,
            "      --sort <SORT>  Orden [predeterminado: newest] [valores posibles: newest, name]\n\
             \x20         Valores posibles:\n      --wallet <PATH>  Cartera [variable de entorno: BACKPACK_WALLET=]\n"
        );
        assert_eq!(localize_help(page, Catalog::get(Lang::En)), page);
    }
}
