//! Every command the UI may call. Each is a thin wrapper (5–15 lines) over
//! [`adapter::WalletAdapter`], which calls the core. When adding a command, don't forget to
//! also add it to `generate_handler!` in `lib.rs`, to `COMMANDS` in `build.rs` and to
//! `permissions` in `capabilities/main.json`.

pub mod adapter;
pub mod badges;
pub mod collections;
pub mod hosts;
pub mod import;
pub mod settings;
pub mod trust;
