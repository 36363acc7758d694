//! The one error type every command returns.
//!
//! The frontend receives a rejected promise whose value is `{ "kind": "...", "message": "..." }`:
//! `kind` is a stable snake_case id the UI may switch on (`not_found`, `invalid_input`,
//! `refused`, `wallet`, `io`, `locked`, `cancelled`, `unavailable`); `message` is one
//! lower-case line for the learner, from the core's typed error where there is one.

use serde::Serialize;

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
        CommandError::new(kind, e.to_string())
    }
}

/// Result of a command.
pub type CmdResult<T> = Result<T, CommandError>;
