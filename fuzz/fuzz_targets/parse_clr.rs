//! The CLR 2.0 parser (the transcript and every credential inside it).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::parse_json(data, |obj| {
        obj.insert(
            "type".into(),
            serde_json::json!(["VerifiableCredential", "ClrCredential"]),
        );
    });
});
