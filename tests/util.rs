//! Shared test helpers.
#![allow(dead_code)]

use std::path::PathBuf;

/// Absolute path of a file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Bytes of a fixture.
pub fn fixture_bytes(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("fixture {rel}: {e}"))
}

/// The 1EdTech validator's OB 2.0 test assets (`ob20/assets/`), served at the example.org
/// URLs its badges name.
pub const OB20_ASSETS: [&str; 14] = [
    "key1.json",
    "key2.json",
    "key3.json",
    "organization.json",
    "organization-no-public-key.json",
    "organization-with-revocation-list.json",
    "organization-with-empty-revocation-list.json",
    "revocation-list.json",
    "empty-revocation-list.json",
    "robotics-badge.json",
    "badge-from-organization-with-revocation-list.json",
    "badge-from-organization-with-empty-revocation-list.json",
    "issuer-with-allowed-origins.json",
    "issuer-with-allowed-origins-invalid-starts-with.json",
];
