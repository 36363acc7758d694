//! Tests of the `backpack` binary and of the CLI and app adapters together, one binary
//! (ripgrep style, as the core's `tests/tests.rs`): fifteen binaries each linked the whole core,
//! the app and their dependencies, which cost most of a cold `make test`'s link time and disk.
//!
//! - `cli`: output lines, JSON shapes and exit codes on a temp wallet.
//! - `verify`, `recheck`, `trust`, `skills`, `search`: one command each, end to end.
//! - `share`: `verify-share`, `backup`, `restore`.
//! - `wallets`, `hosts`: other wallets' exports, URLs, and the mock Open Badges 3.0 API host.
//! - `policy`: the CLI and the app obey the same network rule.
//! - `hardening`, `hostile`, `kill`: minor mode, damaged files, hostile text, SIGKILL mid-import.
//! - `i18n`, `help_lang`: the run's language, line by line and in `--help`.

mod common;

mod cli;
mod hardening;
mod help_lang;
mod hostile;
mod hosts;
mod i18n;
mod kill;
mod policy;
mod recheck;
mod search;
mod share;
mod skills;
mod trust;
mod verify;
mod wallets;
