//! JSON limits: decode + parse of JSON text. Oracle: a document nested deeper than
//! MAX_JSON_DEPTH is never accepted (it must be refused, not overflow the stack).
#![no_main]

use backpack_core::limits::MAX_JSON_DEPTH;
use libfuzzer_sys::fuzz_target;

/// Nesting depth of JSON-ish text, outside strings.
fn depth(text: &[u8]) -> usize {
    let (mut d, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for &b in text {
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                d += 1;
                max = max.max(d);
            }
            b']' | b'}' => d = d.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = backpack_core::decode::decode(data) else {
        return;
    };
    let result = backpack_core::parse::parse(&decoded);
    if matches!(decoded.payload, backpack_core::decode::Payload::Json(_)) && result.is_ok() {
        let d = depth(decoded.payload.text().as_bytes());
        assert!(d <= MAX_JSON_DEPTH + 1, "accepted json nested {d} deep");
    }
});
