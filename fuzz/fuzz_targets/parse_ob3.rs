//! The OB 3.0 credential parser (VCDM 1.1 and 2.0 shapes, enveloped credentials).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::parse_json(data, |obj| {
        obj.entry("type").or_insert(serde_json::json!([
            "VerifiableCredential",
            "OpenBadgeCredential"
        ]));
    });
});
