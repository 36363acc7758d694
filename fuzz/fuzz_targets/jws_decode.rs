//! Compact JWS decoding: segments, base64url, the JSON header and payload.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(jws) = backpack_core::decode::decode_jws(text) {
        // What decodes is three segments whose first two are base64url.
        assert_eq!(text.trim().split('.').count(), 3);
        let _ = jws;
    }
    for seg in text.split('.') {
        let _ = backpack_core::decode::jws::b64url_decode(seg);
    }
});
