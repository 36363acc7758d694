//! Shared by the parser targets: read the input as JSON, steer it to one parser, parse.

/// `steer` may change the document so it reaches the parser under test.
pub fn parse_json(data: &[u8], steer: fn(&mut serde_json::Map<String, serde_json::Value>)) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    if let Some(obj) = doc.as_object_mut() {
        steer(obj);
    }
    if let Ok(p) = backpack_core::parse::parse_value(doc, None) {
        // What the wallet would store must serialise.
        let _ = serde_json::to_string(&p.badge).expect("badge view serialises");
    }
}
