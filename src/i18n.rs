//! Languages: one Fluent message catalog per language, shared by the app, the CLI's human
//! output and the exports (issue 14, "Languages").
//!
//! The catalogs are the app's own files, `ui/locales/<lang>.js`: each is an ES module whose
//! only content is `export default \`…\`;` around Fluent (FTL) text
//! (<https://projectfluent.org/fluent/guide/>). The web UI imports the module (its CSP lets it
//! load only its own scripts); the core compiles the same file in (`include_str!`) and reads
//! the text between the backticks. `scripts/check-catalog.mjs` (`make check-catalog`) keeps
//! the text free of `\` and `${` so that JavaScript and Rust read exactly the same
//! characters, checks that English and Spanish define the same messages, and that every
//! message id the Rust code names exists.
//!
//! Messages are formatted by the `fluent-bundle` crate (Project Fluent's reference Rust
//! implementation): plurals by the CLDR plural rules of the language (`{ $n -> [one] … }`),
//! dates through catalog messages (`date-long`, `month-1` … `month-12`) so their word order
//! is the language's. Bidi isolation marks are off: the text goes to terminals (where the
//! CLI would show U+2068 as an escape) and to pages that set `lang` themselves.
//!
//! The core never prints: it offers [`Catalog::msg`] to the CLI and the exports. The
//! language is the caller's choice; [`Lang::from_env`] is the CLI's rule (`BACKPACK_LANG`,
//! then the POSIX `LC_ALL`, `LC_MESSAGES`, `LANG`, English by default).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages Backpack has a complete catalog for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the fallback for any message a catalog lacks).
    #[default]
    En,
    /// Spanish.
    Es,
}

/// The catalog files, as compiled in (the same files the web UI loads).
const SOURCES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../ui/locales/en.js")),
    (Lang::Es, include_str!("../ui/locales/es.js")),
];

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code (`en`, `es`): `<html lang>`, `--lang`, the catalog's file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// A language tag or POSIX locale name (`es`, `es-MX`, `es_ES.UTF-8`, `EN`) → its
    /// language, if Backpack has it. `C`, `POSIX` and unknown languages are `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language a command-line run uses when no `--lang` is given: `BACKPACK_LANG` if
    /// set and not empty, else the POSIX message locale (the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that is set and not empty, as the C library picks it), else English. A setting
    /// naming a language Backpack lacks (`fr_FR`, `C`) gives English. `var` reads one
    /// environment variable (`|k| std::env::var(k).ok()`).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(v) = var("BACKPACK_LANG").filter(|v| !v.trim().is_empty()) {
            return Lang::parse(&v).unwrap_or_default();
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|k| var(k).filter(|v| !v.trim().is_empty()))
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// True for English (the default a page record leaves out).
    pub fn is_en(&self) -> bool {
        *self == Lang::En
    }

    /// The FTL text of this language's catalog.
    pub fn ftl(self) -> &'static str {
        let js = SOURCES
            .iter()
            .find(|(l, _)| *l == self)
            .map_or("", |(_, s)| s);
        ftl_of_module(js)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Serialised as its code (`"es"`): a page records the language it was written in.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use en or es"))
    }
}

/// The FTL text inside a catalog module: what lies between `export default \`` and the last
/// backtick. Empty when the module is not of that shape (check-catalog rejects such a file).
pub fn ftl_of_module(js: &str) -> &str {
    const OPEN: &str = "export default `";
    let Some(start) = js.find(OPEN).map(|i| i + OPEN.len()) else {
        return "";
    };
    match js.rfind('`') {
        Some(end) if end >= start => &js[start..end],
        _ => "",
    }
}

/// A value for a message argument (`{ $name }`).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, shown as is.
    Str(String),
    /// A number: selects plural forms (`[one]`, `[other]`).
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Arg {
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(usize, u64, u32, i64, i32);

/// One language's messages, formatted with Fluent. English fills in any message the
/// language lacks; an id no catalog has comes back as the id itself (the catalog test in
/// `tests/i18n.rs` fails first).
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<Box<Catalog>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("lang", &self.lang).finish()
    }
}

impl Catalog {
    /// Parse `lang`'s catalog (about a millisecond; [`Catalog::get`] keeps one per process).
    pub fn new(lang: Lang) -> Catalog {
        let langid = lang
            .code()
            .parse::<unic_langid::LanguageIdentifier>()
            .unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        // A syntax error skips only the broken entry (check-catalog reports it).
        let res = FluentResource::try_new(lang.ftl().to_string()).unwrap_or_else(|(r, _)| r);
        // Errors here are duplicate ids, which check-catalog reports; the first one wins.
        let _ = bundle.add_resource(res);
        Catalog {
            lang,
            bundle,
            fallback: (lang != Lang::En).then(|| Box::new(Catalog::new(Lang::En))),
        }
    }

    /// The English catalog with every ASCII letter of the catalog's own words accented
    /// (`a` → `á`, as the app's `en-XA` pseudo-locale): arguments are left as they are, so in
    /// output made with it any plain-ASCII sentence did not come from the catalog. For tests
    /// (`BACKPACK_LANG=en-XA` in the CLI).
    pub fn pseudo() -> &'static Catalog {
        static PSEUDO: OnceLock<Catalog> = OnceLock::new();
        PSEUDO.get_or_init(|| {
            let mut c = Catalog::new(Lang::En);
            c.bundle.set_transform(Some(pseudo_text));
            c
        })
    }

    /// The process's catalog for `lang`, parsed once.
    pub fn get(lang: Lang) -> &'static Catalog {
        static CATALOGS: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        CATALOGS[i].get_or_init(|| Catalog::new(lang))
    }

    /// The language of this catalog.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// True when this language's own catalog defines `id` (no English fallback).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with `args` (`&[("n", 3.into())]`).
    pub fn msg(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(id, None, args)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.msg(id, &[])
    }

    /// The attribute `attr` of message `id` (`id.attr` in FTL).
    pub fn attr(&self, id: &str, attr: &str, args: &[(&str, Arg)]) -> String {
        self.format(id, Some(attr), args)
            .unwrap_or_else(|| format!("{id}.{attr}"))
    }

    fn format(&self, id: &str, attr: Option<&str>, args: &[(&str, Arg)]) -> Option<String> {
        let found = self.bundle.get_message(id).and_then(|m| match attr {
            None => m.value(),
            Some(a) => m.get_attribute(a).map(|a| a.value()),
        });
        let Some(pattern) = found else {
            return self.fallback.as_ref()?.format(id, attr, args);
        };
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fa.set(*k, FluentValue::from(s.as_str())),
                Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let s = self.bundle.format_pattern(pattern, Some(&fa), &mut errors);
        Some(s.into_owned())
    }

    /// A calendar date in words (`3 May 2026`, `3 de mayo de 2026`) for an RFC 3339 date-time
    /// or a date starting `YYYY-MM-DD`; any other text as given. Badge dates are calendar
    /// dates: the day is the one written (no time-zone shift).
    pub fn date(&self, s: &str) -> String {
        use chrono::Datelike as _;
        let day = chrono::DateTime::parse_from_rfc3339(s)
            .map(|d| d.date_naive())
            .ok()
            .or_else(|| {
                s.get(..10)
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            });
        let Some(d) = day else {
            return s.to_string();
        };
        self.msg(
            "date-long",
            &[
                ("day", d.day().into()),
                ("month", self.t(&format!("month-{}", d.month())).into()),
                ("year", Arg::Str(d.year().to_string())),
            ],
        )
    }

    /// [`Catalog::date`] of the UTC day of an RFC 3339 time stamp (when something happened
    /// on this machine: an import, a sync, a check), as `app_support::human_date` in English.
    pub fn date_utc(&self, s: &str) -> String {
        match chrono::DateTime::parse_from_rfc3339(s) {
            Ok(d) => self.date(&d.with_timezone(&chrono::Utc).to_rfc3339()),
            Err(_) => self.date(s),
        }
    }

    /// The words for a verification status (`status-<id>` in the catalog).
    pub fn status(&self, s: crate::verify::Status) -> String {
        self.t(&format!("status-{}", s.as_str()))
    }
}

/// `a`–`z`, `A`–`Z` accented (the same table as the app's `ui/js/i18n.js`).
fn pseudo_text(s: &str) -> std::borrow::Cow<'_, str> {
    const FROM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const TO: &str = "áƀçđéƒğĥíĵķĺɱñóƥʠŕšťúʋŵẋýžÁƁÇĐÉƑĞĤÍĴĶĹṀÑÓƤɊŔŠŦÚƲŴẊÝŽ";
    s.chars()
        .map(|c| FROM.find(c).and_then(|i| TO.chars().nth(i)).unwrap_or(c))
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_follows_flag_then_posix_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "es_ES.UTF-8")])), Lang::Es);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "es_ES.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "en_US"), ("LC_MESSAGES", "es_MX")])),
            Lang::Es
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "es_ES"), ("LC_ALL", "")])),
            Lang::Es
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "es_ES"), ("BACKPACK_LANG", "en")])),
            Lang::En
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
        assert_eq!("es-MX".parse::<Lang>(), Ok(Lang::Es));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn module_text_is_the_template_literal() {
        assert_eq!(
            ftl_of_module("// c\nexport default `\na = b\n`;\n"),
            "\na = b\n"
        );
        assert_eq!(ftl_of_module("nothing"), "");
        assert!(Lang::Es.ftl().contains("status-verified = Verificada"));
    }

    #[test]
    fn plurals_dates_and_statuses_are_localized() {
        let en = Catalog::get(Lang::En);
        let es = Catalog::get(Lang::Es);
        assert_eq!(
            en.msg("wallet-count", &[("n", 1.into())]),
            "1 badge in your backpack"
        );
        assert_eq!(
            en.msg("wallet-count", &[("n", 3.into())]),
            "3 badges in your backpack"
        );
        assert_eq!(
            es.msg("wallet-count", &[("n", 1.into())]),
            "1 insignia en tu mochila"
        );
        assert_eq!(en.date("2026-05-03T10:00:00Z"), "3 May 2026");
        assert_eq!(es.date("2026-05-03"), "3 de mayo de 2026");
        assert_eq!(es.date("someday"), "someday");
        assert_eq!(
            es.date_utc("2026-05-03T23:30:00-02:00"),
            "4 de mayo de 2026"
        );
        assert_eq!(
            en.date_utc("2026-05-03T23:30:00-02:00"),
            crate::verify::evidence::human_date("2026-05-03T23:30:00-02:00")
        );
        assert_eq!(es.status(crate::verify::Status::Verified), "Verificada");
        assert_eq!(es.msg("no-such-message", &[]), "no-such-message");
        assert_eq!(
            Catalog::pseudo().msg("wallet-count", &[("n", 2.into())]),
            "2 ƀáđğéš íñ ýóúŕ ƀáçķƥáçķ"
        );
    }

    #[test]
    fn english_status_words_are_the_core_labels() {
        use crate::verify::Status as S;
        let en = Catalog::get(Lang::En);
        for s in [
            S::Verified,
            S::IssuerNotConfirmed,
            S::CouldNotCheck,
            S::Invalid,
            S::Expired,
            S::Revoked,
            S::Unreadable,
            S::NotChecked,
        ] {
            assert_eq!(en.status(s), s.label(), "{}", s.as_str());
        }
    }
}
