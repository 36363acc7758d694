//! The SVG reader: XML with a baked `openbadges:assertion` / `openbadges:credential`
//! (entities, CDATA, doctype refusal, attribute values).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let start = data.iter().position(|b| !b.is_ascii_whitespace());
    // Only inputs that reach the SVG reader (text starting with `<`).
    if start.and_then(|i| data.get(i)) != Some(&b'<') {
        return;
    }
    let _ = backpack_core::decode::decode(data);
});
