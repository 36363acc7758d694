//! Integration tests of the core public API, one binary (ripgrep style).
//!
//! - `decode`: baked PNG/SVG, JSON, JWS, URL; every malformed case.
//! - `parse`: every generation of badge in `fixtures/` normalises.
//! - `import`: files, folders, ZIPs into a wallet; dedupe; exact originals.
//! - `store`: migrations, transactions, profile, collections.
//! - `verify_di`: W3C / 1EdTech Data Integrity vectors, stage by stage.
//! - `conformance`: one row per badge fixture, the reference verifiers' verdicts.
//! - `verify`: the pipeline on every vector, hosted OB2 against a local server, status lists.
//! - `host_api`: the Open Badges 3.0 API client against the mock host (`mock-host/`).
//! - `export`: portfolio, bundle, presentation, PDF, backup round trips.
//! - `i18n`: every message id the Rust code uses is in both catalogs.

mod util;

mod conformance;
mod decode;
mod export;
mod forgery;
mod host_api;
mod i18n;
mod import;
mod parse;
mod skills;
mod store;
mod verify;
mod verify_di;
