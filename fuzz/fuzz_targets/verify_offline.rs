//! `verify::verify_bytes` offline: every check that runs without the network, at a fixed
//! time, with a recipient to match.
#![no_main]

use backpack_core::env::{FixedClock, OfflineFetcher};
use backpack_core::verify::{VerifyContext, verify_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let clock = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
            .expect("a date")
            .with_timezone(&chrono::Utc),
    );
    let recipients = ["learner@example.org".to_string()];
    let ctx = VerifyContext::new(&clock, &OfflineFetcher).with_recipients(&recipients);
    let report = verify_bytes(data, &ctx);
    let _ = serde_json::to_string(&report).expect("report serialises");
});
