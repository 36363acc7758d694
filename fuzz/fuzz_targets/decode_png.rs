//! The PNG chunk reader: any bytes after the PNG signature go through `decode`, which walks
//! the chunks (lengths, CRCs, iTXt/tEXt/zTXt, zlib inflation under its limit).
#![no_main]

use libfuzzer_sys::fuzz_target;

const SIG: &[u8] = b"\x89PNG\r\n\x1a\n";

fuzz_target!(|data: &[u8]| {
    // Seeds are whole PNGs; keep the signature so every input reaches the chunk reader.
    let body = data.strip_prefix(SIG).unwrap_or(data);
    let mut file = Vec::with_capacity(SIG.len() + body.len());
    file.extend_from_slice(SIG);
    file.extend_from_slice(body);
    if let Ok(d) = backpack_core::decode::decode(&file) {
        assert_eq!(d.container, backpack_core::model::Container::Png);
    }
});
