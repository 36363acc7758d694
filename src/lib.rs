//! # backpack-core
//!
//! The core of Backpack, a learner-owned Open Badges wallet. It imports badges of every
//! generation (Open Badges 0.5–2.0, Open Badges 3.0 / W3C Verifiable Credentials, CLR 2.0),
//! verifies them offline wherever the proof allows, keeps them in a local SQLite wallet with
//! their original bytes, and exports portfolios that a receiver can re-verify without a server.
//!
//! The core never prints, never exits and never touches the network or the clock directly:
//! hosts (the `backpack` CLI, the Tauri app, tests) inject a [`env::Clock`] and a
//! [`env::Fetcher`]. Each module's docs cite the specification it implements by URL.
//!
//! Module map:
//! - [`bake`]: embed a badge in a PNG or SVG. OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>.
//! - [`decode`]: untrusted bytes → the badge payload (baked PNG/SVG, JSON, JWS, URL). OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>.
//! - [`parse`]: payload → normalised [`model::Badge`] for every spec generation. OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>, OB 3.0 “Data Model” <https://www.imsglobal.org/spec/ob/v3p0/>.
//! - [`import`]: decode + parse, folders and ZIPs, one outcome per file.
//! - [`zipread`]: the one bounded ZIP reader (import and received bundles).
//! - [`store`]: the SQLite wallet (append-only migrations, one transaction per badge).
//! - [`verify`]: the per-check verification report. OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>.
//! - [`export`]: portfolios, bundles, presentations, baked images, PDF.
//! - [`export::receive`] (also [`share`]): the receiver side: verify everything inside a received export.
//! - [`learner_key`]: the learner's Ed25519 key and did:key (presentation holder).
//! - [`recheck`]: re-verify a stored badge and follow its issuer's refresh service.
//! - [`backup`]: encrypted backup and restore of the whole wallet.
//! - [`endorsement`]: OB 3.0 endorsements, as files and embedded in credentials.
//! - [`trust_list`]: issuer trust lists and the "known issuer" label (information, never a verdict).
//! - [`minor_mode`]: the guardian's lock on everything that sends data out.
//! - [`host_api`]: pull from a host: the Open Badges 3.0 API client (connect, sync).
//! - [`i18n`]: the Fluent message catalogs (English, Spanish) for the CLI and the exports.
//! - [`localize`]: the core's typed errors and import refusals in the learner's language.
//! - [`skills`]: skills, stacks and the timeline across the wallet's badges.
//! - [`linkedin`]: LinkedIn's add-to-profile link for a badge.
//! - [`time`]: RFC 3339 timestamps and "3 days ago".
//! - [`wallets`]: other wallets' exports (LCW, LearnCard, Badgr, Mozilla, OBF PDF) and import by URL.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod backup;
pub mod bake;
pub mod decode;
pub mod endorsement;
pub mod env;
pub mod error;
pub mod export;
pub mod host_api;
pub mod i18n;
pub mod import;
pub mod learner_key;
pub mod limits;
pub mod linkedin;
pub mod localize;
pub mod minor_mode;
pub mod model;
pub mod net;
pub mod parse;
pub mod policy;
pub mod recheck;
pub mod skills;
pub mod store;
pub mod time;
pub mod trust_list;
pub mod verify;
pub mod wallets;
pub mod zipread;

pub use error::{Error, Result};
/// The receiving side of a portfolio lives in [`export::receive`]; kept at its old path.
pub use export::receive as share;
