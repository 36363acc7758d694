//! The OB 0.5–2.0 assertion parser (hosted and signed; version detection and upgrades).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::parse_json(data, |obj| {
        // Not a VC: drop what would send it to the OB 3.0 parser.
        obj.remove("type");
        if obj
            .get("@context")
            .is_some_and(|c| c.to_string().contains("credentials"))
        {
            obj.remove("@context");
        }
        obj.entry("badge").or_insert(serde_json::Value::Null);
    });
});
