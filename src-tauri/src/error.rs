//! The one error type every command returns.
//!
//! The frontend receives a rejected promise whose value is `{ "kind": "...", "message": "..." }`:
//! `kind` is a stable snake_case id the UI may switch on (`not_found`, `invalid_input`,
//! `refused`, `wallet`, `io`, `locked`, `cancelled`, `unavailable`); `message` is one
//! lower-case line for the learner, from the core's typed error where there is one, in the
//! language the UI shows (issue 14): the page tells the backend its language at start and on
//! every change ([`set_language`]), and the core's errors and import refusals come from the
//! same catalog as the page's own words (`backpack_core::localize`).

use std::sync::RwLock;

use backpack_core::i18n::{Catalog, Lang};
use backpack_core::localize::Localize;
use serde::Serialize;

/// The language the UI shows (one window, one language; English until the page says).
static UI_LANG: RwLock<Lang> = RwLock::new(Lang::En);

/// The UI's language: `en`, `es`; the pseudo-locale `en-XA` and anything unknown are English.
#[tauri::command]
pub fn set_language(lang: String) {
    let lang = Lang::parse(&lang).unwrap_or_default();
    if let Ok(mut l) = UI_LANG.write() {
        *l = lang;
    }
}

/// The catalog of the UI's language.
pub fn catalog() -> &'static Catalog {
    Catalog::get(UI_LANG.read().map(|l| *l).unwrap_or_default())
}

/// A core error in the UI's language.
pub fn localized(e: &(impl Localize + ?Sized)) -> String {
    e.localize(catalog())
}

/// `<path>: <what went wrong>` for a file the app read or wrote itself, in the UI's language
/// (the operating system's words in English, the error's kind in Spanish).
pub fn io_line(path: impl std::fmt::Display, e: &std::io::Error) -> String {
    backpack_core::msg!(
        "err-io",
        path = path.to_string(),
        error = backpack_core::localize::io_error(e)
    )
    .render(catalog())
}

/// An import outcome with its refused, skipped or failed line in the UI's language (for
/// the result line the page shows).
pub fn localize_outcome(o: &mut backpack_core::import::FileOutcome) {
    use backpack_core::import::FileResult as R;
    if let R::Refused { reason } | R::Skipped { reason } | R::Failed { reason } = &mut o.result {
        *reason = reason.localize(catalog()).into();
    }
}

/// A command failure, serialised as `{kind, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error, ts_rs::TS)]
#[error("{kind}: {message}")]
pub struct CommandError {
    /// Stable kind id.
    pub kind: &'static str,
    /// Human-readable one-line message.
    pub message: String,
}

impl CommandError {
    /// A new error of `kind`.
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
        }
    }

    /// No such badge / collection.
    pub fn not_found(what: &str, id: impl std::fmt::Display) -> Self {
        Self::new(
            "not_found",
            format!("no {what} with id {id} in this wallet"),
        )
    }

    /// Bad argument from the UI.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new("invalid_input", message)
    }

    /// The wallet database failed.
    pub fn wallet(message: impl std::fmt::Display) -> Self {
        Self::new("wallet", message.to_string())
    }

    /// Minor mode is on and the guardian passphrase was not given.
    pub fn locked() -> Self {
        Self::new(
            "locked",
            "minor mode is on: a guardian must unlock sharing and network features first",
        )
    }
}

impl From<backpack_core::Error> for CommandError {
    fn from(e: backpack_core::Error) -> Self {
        use backpack_core::Error as E;
        let kind = match &e {
            E::Decode(_) | E::Parse(_) => "refused",
            E::Store(_) => "wallet",
            E::Io { .. } => "io",
            _ => "core",
        };
        CommandError::new(kind, localized(&e))
    }
}

/// Result of a command.
pub type CmdResult<T> = Result<T, CommandError>;
