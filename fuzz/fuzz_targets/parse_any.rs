//! The whole import pipeline short of the wallet: `decode` then `parse::parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = backpack_core::decode::decode(data) else {
        return;
    };
    if let Ok(p) = backpack_core::parse::parse(&decoded) {
        let _ = serde_json::to_string(&p.badge).expect("badge view serialises");
        for e in &p.embedded {
            let _ = serde_json::to_string(&e.badge).expect("badge view serialises");
        }
    }
});
