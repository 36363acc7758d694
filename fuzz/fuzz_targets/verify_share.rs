//! `verify-share` inputs: HTML portfolios, ZIP bundles and presentations, verified offline.
#![no_main]

use backpack_core::env::{FixedClock, OfflineFetcher};
use backpack_core::verify::VerifyContext;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let clock = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
            .expect("a date")
            .with_timezone(&chrono::Utc),
    );
    let ctx = VerifyContext::new(&clock, &OfflineFetcher);
    if let Ok(r) = backpack_core::share::verify_share(data, &ctx) {
        let _ = serde_json::to_string(&r).expect("share report serialises");
    }
});
