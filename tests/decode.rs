//! Decode: every baked fixture, every malformed input with its exact error, and proptest
//! round trips of baking. See tests.rs.

use std::io::Write as _;

use backpack_core::bake::{BakeFamily, BakePayload, bake_png, bake_svg, keyword_for};
use backpack_core::decode::{DecodeError, Decoded, Payload, decode, decode_jws};
use backpack_core::limits::{MAX_FILE_BYTES, MAX_INFLATED_TEXT_BYTES};
use backpack_core::model::{Container, Format};
use backpack_core::parse::{ParseError, parse};
use proptest::prelude::*;

use crate::util::fixture_bytes;

fn err(bytes: &[u8]) -> String {
    match decode(bytes) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e.to_string(),
    }
}

/// A PNG chunk with a correct CRC.
fn chunk(ty: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(ty);
    out.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(ty);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
    out
}

/// `public_domain_heart.png` with `extra` inserted right after IHDR (IHDR is 8+25 bytes).
fn heart_with(extra: &[u8]) -> Vec<u8> {
    let png = fixture_bytes("bakery-python/public_domain_heart.png");
    let mut out = png[..33].to_vec();
    out.extend_from_slice(extra);
    out.extend_from_slice(&png[33..]);
    out
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn b64(s: &[u8]) -> String {
    backpack_core::decode::jws::b64url_encode(s)
}

// ---------- real baked files ----------

#[test]
fn ob3_baked_png_json_after_idat() {
    let d = decode(&fixture_bytes(
        "1edtech-public-validator/ob30/simple-json.png",
    ))
    .unwrap();
    assert_eq!(d.container, Container::Png);
    let Payload::Json(text) = &d.payload else {
        panic!("{d:?}")
    };
    assert!(
        text.contains("\"id\": \"http://example.com/credentials/3527\""),
        "{text}"
    );
}

#[test]
fn ob3_baked_png_and_svg_jwt() {
    for f in [
        "simple-jwt.png",
        "simple-jwt.svg",
        "simple-jwt_v1.png",
        "simple-jwt_v1.svg",
    ] {
        let d = decode(&fixture_bytes(&format!(
            "1edtech-public-validator/ob30/{f}"
        )))
        .unwrap();
        let Payload::Jws(jws) = &d.payload else {
            panic!("{f}: {d:?}")
        };
        assert!(jws.starts_with("eyJhbGciOiJSUzI1NiIs"), "{f}");
        assert_eq!(jws.matches('.').count(), 2, "{f}");
        assert_eq!(
            d.container,
            if f.ends_with("png") {
                Container::Png
            } else {
                Container::Svg
            }
        );
    }
}

#[test]
fn ob3_baked_svg_cdata() {
    let d = decode(&fixture_bytes(
        "1edtech-public-validator/ob30/simple-json.svg",
    ))
    .unwrap();
    assert_eq!(d.container, Container::Svg);
    let Payload::Json(text) = &d.payload else {
        panic!("{d:?}")
    };
    // CDATA content comes back byte-exact (this file has CRLF line ends; no EOL normalisation).
    assert!(
        text.starts_with("\r\n    {\r\n      \"@context\": [\r\n"),
        "{text:?}"
    );
    assert!(text.ends_with("}\r\n  "), "{text:?}");
}

#[test]
fn ob2_baked_png_python_bakery_after_ihdr() {
    let d = decode(&fixture_bytes("bakery-python/baked_heart.png")).unwrap();
    let Payload::Json(text) = &d.payload else {
        panic!("{d:?}")
    };
    assert!(text.contains("http://example.org/badgeinstance1"), "{text}");
    let d = decode(&fixture_bytes(
        "1edtech-public-validator/ob20/simple-badge.png",
    ))
    .unwrap();
    assert!(matches!(&d.payload, Payload::Json(t) if t.contains("beths-robotics-badge.json")));
}

#[test]
fn ob2_baked_svg_prefers_body_over_verify() {
    let d = decode(&fixture_bytes("bakery-python/baked_example.svg")).unwrap();
    let Payload::Json(text) = &d.payload else {
        panic!("{d:?}")
    };
    assert!(text.contains("\"uid\": \"abcdef12345\""));
    let d = decode(&fixture_bytes("bakery-mozilla-js/baked.svg")).unwrap();
    assert_eq!(
        d.payload,
        Payload::Json("\n             {\"verify\":{\"url\":\"http://example.org\"}}\n    ".into())
    );
}

#[test]
fn svg_without_body_gives_verify_url() {
    // no-json.svg has an empty CDATA and verify="http://example.org": a hosted URL only,
    // which parse refuses without network.
    let d = decode(&fixture_bytes("bakery-mozilla-js/no-json.svg")).unwrap();
    assert_eq!(d.payload, Payload::Url("http://example.org".into()));
    assert_eq!(
        parse(&d).unwrap_err().to_string(),
        "holds only the url of a hosted badge (http://example.org); fetch it with network access allowed to import it"
    );
}

#[test]
fn svg_bad_json_fails_in_parse() {
    let d = decode(&fixture_bytes("bakery-mozilla-js/bad-json.svg")).unwrap();
    assert_eq!(
        parse(&d).unwrap_err().to_string(),
        "invalid json: key must be a string at line 2 column 15"
    );
}

#[test]
fn unbaked_images_say_so() {
    let png_msg = "png holds no badge data: no iTXt, tEXt or zTXt chunk with keyword openbadges, openbadgecredential or clrcredential (is it an unbaked image?)";
    assert_eq!(
        err(&fixture_bytes("bakery-python/public_domain_heart.png")),
        png_msg
    );
    assert_eq!(
        err(&fixture_bytes("bakery-mozilla-js/unbaked.png")),
        png_msg
    );
    assert_eq!(
        err(&fixture_bytes(
            "1edtech-public-validator/ob20/assets/robotics-badge.png"
        )),
        png_msg
    );
    let svg_msg = "svg holds no badge data: no openbadges:assertion or openbadges:credential element (is it an unbaked image?)";
    assert_eq!(
        err(&fixture_bytes("bakery-mozilla-js/unbaked.svg")),
        svg_msg
    );
    assert_eq!(
        err(&fixture_bytes("bakery-python/unbaked_example.svg")),
        svg_msg
    );
}

#[test]
fn plain_json_jws_and_url_files() {
    let d = decode(&fixture_bytes("1edtech-public-validator/ob30/simple.json")).unwrap();
    assert_eq!(d.container, Container::Json);
    let jwt = fixture_bytes("1edtech-public-validator/ob20/simple.jwt");
    let d = decode(&jwt).unwrap();
    assert_eq!(d.container, Container::Jws);
    assert_eq!(
        d.payload,
        Payload::Jws(String::from_utf8(jwt).unwrap().trim().to_owned())
    );
    let d = decode(b"  https://example.org/assertions/1\n").unwrap();
    assert_eq!(
        d,
        Decoded {
            container: Container::Url,
            payload: Payload::Url("https://example.org/assertions/1".into())
        }
    );
    // A UTF-8 BOM in front of JSON is fine.
    let d = decode(b"\xEF\xBB\xBF{\"a\":1}").unwrap();
    assert_eq!(d.payload, Payload::Json("{\"a\":1}".into()));
}

#[test]
fn legacy_text_chunk_with_url_and_latin1() {
    let png = heart_with(&chunk(b"tEXt", b"openbadges\0https://example.org/a.json"));
    assert_eq!(
        decode(&png).unwrap().payload,
        Payload::Url("https://example.org/a.json".into())
    );
    // tEXt is Latin-1: 0xE9 is é.
    let png = heart_with(&chunk(b"tEXt", b"openbadges\0{\"name\":\"caf\xe9\"}"));
    assert_eq!(
        decode(&png).unwrap().payload,
        Payload::Json("{\"name\":\"café\"}".into())
    );
}

#[test]
fn compressed_itxt_and_ztxt_inflate() {
    let text = "{\"name\":\"zipped ✓\"}";
    let mut data = b"openbadgecredential\0\x01\x00\0\0".to_vec();
    data.extend(zlib(text.as_bytes()));
    assert_eq!(
        decode(&heart_with(&chunk(b"iTXt", &data))).unwrap().payload,
        Payload::Json(text.into())
    );
    let mut data = b"openbadges\0\x00".to_vec();
    data.extend(zlib(b"{\"a\":1}"));
    assert_eq!(
        decode(&heart_with(&chunk(b"zTXt", &data))).unwrap().payload,
        Payload::Json("{\"a\":1}".into())
    );
}

#[test]
fn first_badge_chunk_wins_and_other_keywords_are_skipped() {
    let mut extra = chunk(b"tEXt", b"Comment\0{\"not\":\"this\"}");
    extra.extend(chunk(b"iTXt", b"clrcredential\0\0\0\0\0{\"first\":1}"));
    extra.extend(chunk(b"iTXt", b"openbadges\0\0\0\0\0{\"second\":2}"));
    assert_eq!(
        decode(&heart_with(&extra)).unwrap().payload,
        Payload::Json("{\"first\":1}".into())
    );
}

// ---------- malformed inputs, each with its exact error ----------

#[test]
fn empty_file() {
    assert_eq!(err(b""), "empty file");
    assert_eq!(err(b" \n\t "), "empty file");
    assert_eq!(DecodeError::Empty.to_string(), "empty file");
}

#[test]
fn file_over_size_limit() {
    let big = vec![b' '; MAX_FILE_BYTES as usize + 1];
    assert_eq!(
        err(&big),
        format!(
            "file is {} bytes, over the {MAX_FILE_BYTES}-byte limit (MAX_FILE_BYTES)",
            big.len()
        )
    );
}

#[test]
fn truncated_png() {
    let png = fixture_bytes("1edtech-public-validator/ob30/simple-json.png");
    // Cut inside the first IDAT chunk (the badge chunk sits after IDAT, so it is lost).
    assert_eq!(
        err(&png[..200]),
        "truncated png: the `IDAT` chunk at byte 151 runs past the end of the file"
    );
    assert_eq!(
        err(&png[..5]),
        "truncated png: the signature at byte 0 runs past the end of the file"
    );
    assert_eq!(
        err(&png[..12]),
        "truncated png: the chunk header at byte 8 runs past the end of the file"
    );
    let unbaked = fixture_bytes("bakery-python/public_domain_heart.png");
    let no_iend = &unbaked[..unbaked.len() - 12];
    assert_eq!(
        err(no_iend),
        format!(
            "truncated png: the file ends at byte {}, before the IEND chunk and before any badge data",
            no_iend.len()
        )
    );
}

#[test]
fn png_without_badge_data() {
    assert_eq!(
        err(&fixture_bytes("bakery-python/public_domain_heart.png")),
        "png holds no badge data: no iTXt, tEXt or zTXt chunk with keyword openbadges, openbadgecredential or clrcredential (is it an unbaked image?)"
    );
}

#[test]
fn png_bad_crc() {
    let mut png = fixture_bytes("bakery-python/baked_heart.png");
    png[20] ^= 0xff; // inside IHDR data
    assert_eq!(
        err(&png),
        "corrupt png: crc mismatch in the `IHDR` chunk at byte 8"
    );
}

#[test]
fn itxt_zlib_bomb_stops_at_the_limit() {
    // 64 MiB of zeros compress to ~64 KiB; inflating stops after MAX_INFLATED_TEXT_BYTES.
    let bomb = zlib(&vec![b'0'; 64 << 20]);
    assert!(bomb.len() < 100_000);
    let expected = format!(
        "compressed badge text in the png inflates past the {MAX_INFLATED_TEXT_BYTES}-byte limit (MAX_INFLATED_TEXT_BYTES); refused as a likely zlib bomb"
    );
    let mut data = b"openbadges\0\x01\x00\0\0".to_vec();
    data.extend(&bomb);
    assert_eq!(err(&heart_with(&chunk(b"iTXt", &data))), expected);
    let mut data = b"openbadgecredential\0\x00".to_vec();
    data.extend(&bomb);
    assert_eq!(err(&heart_with(&chunk(b"zTXt", &data))), expected);
}

#[test]
fn itxt_that_is_not_utf8() {
    let png = heart_with(&chunk(b"iTXt", b"openbadges\0\0\0\0\0{\"a\":\"\xff\"}"));
    assert_eq!(
        err(&png),
        "invalid utf-8 in the png iTXt badge text at byte 6"
    );
}

const ENTITY_MSG: &str = "svg doctype declares xml entities; refused because entity expansion allows billion-laughs and xxe attacks";

#[test]
fn svg_billion_laughs() {
    let mut svg = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        svg.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    svg.push_str(
        "]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">",
    );
    svg.push_str("<openbadges:assertion>&lol9;</openbadges:assertion></svg>");
    assert_eq!(err(svg.as_bytes()), ENTITY_MSG);
}

#[test]
fn svg_xxe() {
    let svg = r#"<?xml version="1.0"?>
<!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
<openbadges:credential>&xxe;</openbadges:credential></svg>"#;
    assert_eq!(err(svg.as_bytes()), ENTITY_MSG);
    // Without a DOCTYPE the reference is simply undefined: never expanded, never fetched.
    let svg = r#"<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&xxe;</openbadges:credential></svg>"#;
    assert_eq!(
        err(svg.as_bytes()),
        "svg refers to the entity `&xxe;`, which is not predefined; entities are never expanded"
    );
}

#[test]
fn svg_public_dtd_without_entities_is_fine() {
    // Real badges (1EdTech fixtures) carry the SVG 1.1 public DTD; it is never loaded.
    let d = decode(&fixture_bytes(
        "1edtech-public-validator/ob30/simple-json.svg",
    ))
    .unwrap();
    assert_eq!(d.container, Container::Svg);
}

#[test]
fn svg_wrong_namespace_or_empty_element() {
    let svg = r#"<svg xmlns:openbadges="https://example.org/other"><openbadges:credential>{"a":1}</openbadges:credential></svg>"#;
    assert_eq!(
        err(svg.as_bytes()),
        "svg holds no badge data: no openbadges:assertion or openbadges:credential element (is it an unbaked image?)"
    );
    let svg = r#"<svg xmlns:ob="http://openbadges.org"><ob:assertion/></svg>"#;
    assert_eq!(
        err(svg.as_bytes()),
        "svg badge element is empty: it has neither json content nor a verify attribute"
    );
    // Any prefix works when the namespace matches; CLR has its own namespace.
    let svg = r#"<svg xmlns:c="https://purl.imsglobal.org/clr/v2p0"><c:credential verify="https://e.org/x"/></svg>"#;
    assert_eq!(
        decode(svg.as_bytes()).unwrap().payload,
        Payload::Url("https://e.org/x".into())
    );
}

#[test]
fn json_100000_deep_fails_fast() {
    let deep = "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000);
    let d = decode(deep.as_bytes()).unwrap();
    assert_eq!(parse(&d).unwrap_err(), ParseError::TooDeep { limit: 128 });
    assert_eq!(
        parse(&d).unwrap_err().to_string(),
        "json nests deeper than 128 levels (MAX_JSON_DEPTH)"
    );
    let deep = "[".repeat(100_000);
    assert_eq!(
        parse(&decode(deep.as_bytes()).unwrap())
            .unwrap_err()
            .to_string(),
        "json nests deeper than 128 levels (MAX_JSON_DEPTH)"
    );
}

#[test]
fn invalid_utf8() {
    assert_eq!(
        err(b"{\"name\": \"\xff\"}"),
        "invalid utf-8 in the file at byte 10"
    );
}

#[test]
fn json_that_is_not_a_badge() {
    let d = decode(br#"{"hello": "world"}"#).unwrap();
    assert_eq!(
        parse(&d).unwrap_err().to_string(),
        "not an open badge: the json has no `recipient` and `badge` (open badges 0.5-2.0) and is not a verifiable credential with an OpenBadgeCredential type (open badges 3.0)"
    );
    assert_eq!(
        parse(&decode(b"[1,2]").unwrap()).unwrap_err().to_string(),
        "json is an array, but a badge is one json object"
    );
}

#[test]
fn jwt_with_two_segments() {
    assert_eq!(
        err(b"eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0"),
        "compact jws has 2 segments separated by `.`, expected 3 (header.payload.signature)"
    );
}

#[test]
fn jwt_with_bad_base64url() {
    // `+` and `/` are plain base64, not base64url.
    assert_eq!(
        err(b"eyJhbGciOiJSUzI1NiJ9.eyJpc3M+In0.c2ln"),
        "jws payload is not valid base64url: character '+' at offset 7 is not in the base64url alphabet"
    );
    assert_eq!(
        err(b"eyJhbGciOiJSUzI1NiJ9.e.c2ln"),
        "jws payload is not valid base64url: 1 characters is not a possible base64url length"
    );
}

#[test]
fn jws_whose_payload_is_not_json() {
    let jws = format!(
        "{}.{}.{}",
        b64(br#"{"alg":"RS256"}"#),
        b64(b"hello, world"),
        b64(b"sig")
    );
    assert_eq!(
        err(jws.as_bytes()),
        "jws payload is not json: expected value at line 1 column 1"
    );
    let jws = format!("{}.{}.{}", b64(b"[1]"), b64(b"{}"), b64(b"sig"));
    assert_eq!(
        err(jws.as_bytes()),
        "jws header is not json: it is not a json object"
    );
}

#[test]
fn jws_decodes_parts() {
    let jws = format!(
        "{}.{}.{}",
        b64(br#"{"alg":"RS256"}"#),
        b64(br#"{"iss":"x"}"#),
        b64(b"sig")
    );
    let c = decode_jws(&jws).unwrap();
    assert_eq!(c.header["alg"], "RS256");
    assert_eq!(c.payload["iss"], "x");
    assert_eq!(c.signature, b"sig");
    assert_eq!(c.signing_input, jws.rsplit_once('.').unwrap().0);
}

#[test]
fn xml_or_html_that_is_not_svg() {
    let msg = "not a badge file: expected a baked png or svg, json, a compact jws or a text file with one http(s) url";
    assert_eq!(
        err(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>"),
        msg
    );
    assert_eq!(err(b"<?xml version=\"1.0\"?><feed><entry/></feed>"), msg);
    // Once inside an <svg>, broken XML is the svg's fault.
    assert_eq!(
        err(b"<svg><g></svg>"),
        "malformed svg: ill-formed document: expected `</g>`, but `</svg>` was found (at byte 8)"
    );
}

#[test]
fn unrecognized_text() {
    assert_eq!(
        err(b"hello there"),
        "not a badge file: expected a baked png or svg, json, a compact jws or a text file with one http(s) url"
    );
    // N-Quads start with `<` but are not XML.
    assert_eq!(
        err(&fixture_bytes("ob3-spec-test-vector/document-canon.txt")),
        "not a badge file: expected a baked png or svg, json, a compact jws or a text file with one http(s) url"
    );
}

// ---------- bake round trips ----------

#[test]
fn bake_fixture_credential_into_unbaked_images() {
    let json =
        String::from_utf8(fixture_bytes("1edtech-public-validator/ob30/simple.json")).unwrap();
    let png = bake_png(
        &fixture_bytes("bakery-mozilla-js/unbaked.png"),
        keyword_for(Format::Ob3Json),
        &json,
    )
    .unwrap();
    assert_eq!(decode(&png).unwrap().payload, Payload::Json(json.clone()));
    let svg = bake_svg(
        &fixture_bytes("bakery-mozilla-js/unbaked.svg"),
        &BakePayload::for_format(Format::Ob3Json, &json),
    )
    .unwrap();
    assert_eq!(
        decode(&svg).unwrap(),
        Decoded {
            container: Container::Svg,
            payload: Payload::Json(json)
        }
    );
    let jwt = String::from_utf8(fixture_bytes("1edtech-public-validator/ob20/simple.jwt")).unwrap();
    let jwt = jwt.trim();
    let svg = bake_svg(
        &fixture_bytes("bakery-python/unbaked_example.svg"),
        &BakePayload::for_format(Format::Ob2Signed, jwt),
    )
    .unwrap();
    assert!(String::from_utf8_lossy(&svg).contains("<openbadges:assertion verify=\"eyJ"));
    assert_eq!(decode(&svg).unwrap().payload, Payload::Jws(jwt.to_owned()));
}

#[test]
fn bake_svg_refuses_entities() {
    let svg = br#"<!DOCTYPE svg [<!ENTITY a "b">]><svg/>"#;
    let p = BakePayload {
        family: BakeFamily::Ob3,
        json: Some("{}"),
        verify: None,
    };
    assert_eq!(
        bake_svg(svg, &p).unwrap_err().to_string(),
        format!("cannot bake into this svg: {ENTITY_MSG}")
    );
    let p = BakePayload {
        family: BakeFamily::Ob3,
        json: Some("{\"a\":1}"),
        verify: None,
    };
    let baked = bake_svg(b"<svg/>", &p).unwrap();
    assert_eq!(
        String::from_utf8(baked).unwrap(),
        r#"<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[{"a":1}]]></openbadges:credential></svg>"#
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn bake_png_round_trips_any_text(body in any::<String>(), clr in any::<bool>()) {
        let text = format!("{{{body}");
        let kw = if clr { "clrcredential" } else { "openbadgecredential" };
        let png = bake_png(&fixture_bytes("bakery-python/baked_heart.png"), kw, &text).unwrap();
        prop_assert_eq!(decode(&png).unwrap().payload, Payload::Json(text));
    }

    #[test]
    fn bake_svg_round_trips_any_text(body in any::<String>(), fam in 0u8..3) {
        let text = format!("{{{body}");
        let family = [BakeFamily::Ob2, BakeFamily::Ob3, BakeFamily::Clr][usize::from(fam)];
        let svg = bake_svg(&fixture_bytes("bakery-mozilla-js/baked.svg"), &BakePayload { family, json: Some(&text), verify: None }).unwrap();
        prop_assert_eq!(decode(&svg).unwrap().payload, Payload::Json(text));
    }

    #[test]
    fn bake_svg_verify_round_trips(path in "[^\\s]{0,40}") {
        let url = format!("https://example.org/{path}");
        let p = BakePayload { family: BakeFamily::Ob2, json: None, verify: Some(&url) };
        let svg = bake_svg(&fixture_bytes("bakery-python/unbaked_example.svg"), &p).unwrap();
        prop_assert_eq!(decode(&svg).unwrap().payload, Payload::Url(url));
    }

    #[test]
    fn png_mutations_never_panic(muts in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8), cut in any::<usize>()) {
        let mut png = fixture_bytes("1edtech-public-validator/ob30/simple-json.png");
        for (i, b) in muts {
            let n = png.len();
            png[i % n] = b;
        }
        let n = png.len();
        png.truncate(n - cut % 64);
        if let Ok(d) = decode(&png) {
            let _ = parse(&d);
        }
    }

    #[test]
    fn json_mutations_never_panic(
        muts in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
        which in 0usize..4,
    ) {
        let files = [
            "1edtech-public-validator/ob30/complete.json",
            "1edtech-public-validator/clr20/simple.json",
            "1edtech-public-validator/ob20/basic-assertion.json",
            "1edtech-public-validator/ob20/simple.jwt",
        ];
        let mut bytes = fixture_bytes(files[which]);
        for (i, b) in muts {
            let n = bytes.len();
            bytes[i % n] = b;
        }
        if let Ok(d) = decode(&bytes) {
            let _ = parse(&d);
        }
    }

    #[test]
    fn structural_json_mutations_never_panic(path in proptest::collection::vec(any::<prop::sample::Index>(), 1..6), repl in 0u8..6) {
        // Replace one nested value of a real credential with a value of another JSON type.
        let mut doc: serde_json::Value =
            serde_json::from_slice(&fixture_bytes("1edtech-public-validator/ob30/complete.json")).unwrap();
        let mut pointer = String::new();
        let mut node = &doc;
        for ix in &path {
            let (seg, next) = match node {
                serde_json::Value::Object(m) if !m.is_empty() => {
                    let (k, v) = m.iter().nth(ix.index(m.len())).unwrap();
                    (k.replace('~', "~0").replace('/', "~1"), v)
                }
                serde_json::Value::Array(a) if !a.is_empty() => {
                    let i = ix.index(a.len());
                    (i.to_string(), &a[i])
                }
                _ => break,
            };
            pointer.push('/');
            pointer.push_str(&seg);
            node = next;
        }
        let node = doc.pointer_mut(&pointer).unwrap();
        *node = match repl {
            0 => serde_json::Value::Null,
            1 => serde_json::json!(42),
            2 => serde_json::json!("x"),
            3 => serde_json::json!([]),
            4 => serde_json::json!({}),
            _ => serde_json::json!([{"id": 1}, "y", null]),
        };
        let _ = backpack_core::parse::parse_value(doc, Some("image/png"));
    }

    #[test]
    fn svg_mutations_never_panic(muts in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let mut svg = fixture_bytes("1edtech-public-validator/ob30/simple-json.svg");
        for (i, b) in muts {
            let n = svg.len();
            svg[i % n] = b;
        }
        if let Ok(d) = decode(&svg) {
            let _ = parse(&d);
        }
    }
}

#[test]
fn invalid_fixtures_give_their_exact_errors() {
    let cases = [
        ("empty.json", "empty file".to_owned()),
        ("truncated.png", "truncated png: the `IDAT` chunk at byte 151 runs past the end of the file".to_owned()),
        ("no-badge.png", "png holds no badge data: no iTXt, tEXt or zTXt chunk with keyword openbadges, openbadgecredential or clrcredential (is it an unbaked image?)".to_owned()),
        ("bad-crc.png", "corrupt png: crc mismatch in the `IHDR` chunk at byte 8".to_owned()),
        ("zlib-bomb.png", format!("compressed badge text in the png inflates past the {MAX_INFLATED_TEXT_BYTES}-byte limit (MAX_INFLATED_TEXT_BYTES); refused as a likely zlib bomb")),
        ("billion-laughs.svg", ENTITY_MSG.to_owned()),
        ("xxe.svg", ENTITY_MSG.to_owned()),
        ("deep.json", "json nests deeper than 128 levels (MAX_JSON_DEPTH)".to_owned()),
        ("invalid-utf8.json", "invalid utf-8 in the file at byte 10".to_owned()),
        ("not-a-badge.json", "not an open badge: the json has no `recipient` and `badge` (open badges 0.5-2.0) and is not a verifiable credential with an OpenBadgeCredential type (open badges 3.0)".to_owned()),
        ("two-segments.jwt", "compact jws has 2 segments separated by `.`, expected 3 (header.payload.signature)".to_owned()),
        ("bad-base64url.jwt", "jws payload is not valid base64url: character '+' at offset 7 is not in the base64url alphabet".to_owned()),
        ("payload-not-json.jwt", "jws payload is not json: expected value at line 1 column 1".to_owned()),
        ("type-and-padding.json", "holds no readable badge: the credential has no `issuer`, no `credentialSubject` and no `credentialSubject.achievement` or `name` (who issued it, to whom, and what was achieved)".to_owned()),
        ("no-issuer-ob3.json", "holds no readable badge: the credential has no `issuer` (who issued it, to whom, and what was achieved)".to_owned()),
        ("no-subject-ob3.json", "holds no readable badge: the credential has no `credentialSubject` and no `credentialSubject.achievement` or `name` (who issued it, to whom, and what was achieved)".to_owned()),
    ];
    for (file, expected) in cases {
        let bytes = fixture_bytes(&format!("invalid/{file}"));
        // What an importer does: decode, then parse; either step may refuse.
        let got = match decode(&bytes) {
            Err(e) => e.to_string(),
            Ok(d) => parse(&d).map(|p| p.badge.name).expect_err(file).to_string(),
        };
        assert_eq!(got, expected, "{file}");
        assert!(!got.contains('\n'), "{file}: one line");
    }
}

/// The same refusals in Spanish, word for word: every reason a file is refused is a catalog
/// message, down to the decoder's and the JSON parser's complaints (serde_json's own sentence
/// becomes its category and position).
#[test]
#[rustfmt::skip]
fn invalid_fixtures_give_their_errors_in_spanish() {
    use backpack_core::localize::Localize;
    let es = backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::Es);
    let cases = [
        ("empty.json", "archivo vacío"),
        ("truncated.png", "png truncado: el bloque `IDAT` en el byte 151 sigue más allá del final del archivo"),
        ("no-badge.png", "el png no contiene datos de insignia: ningún bloque iTXt, tEXt o zTXt con la palabra clave openbadges, openbadgecredential o clrcredential (¿es una imagen sin hornear?)"),
        ("bad-crc.png", "png dañado: el crc no coincide en el bloque `IHDR` en el byte 8"),
        ("zlib-bomb.png", "el texto comprimido de la insignia en el png pasa al descomprimirse el límite de 4194304 bytes (MAX_INFLATED_TEXT_BYTES); se rechaza porque probablemente es una bomba zlib"),
        ("billion-laughs.svg", "el doctype del svg declara entidades xml; se rechaza porque expandir entidades permite ataques billion laughs y xxe"),
        ("deep.json", "el json anida más de 128 niveles (MAX_JSON_DEPTH)"),
        ("invalid-utf8.json", "utf-8 no válido en el archivo, en el byte 10"),
        ("not-a-badge.json", "no es una insignia Open Badges: el json no tiene `recipient` ni `badge` (open badges 0.5-2.0) y no es una credencial verificable con el tipo OpenBadgeCredential (open badges 3.0)"),
        ("two-segments.jwt", "el jws compacto tiene 2 segmentos separados por `.`; se esperaban 3 (header.payload.signature)"),
        ("bad-base64url.jwt", "el payload del jws no es base64url válido: el carácter '+' en la posición 7 no pertenece al alfabeto base64url"),
        ("payload-not-json.jwt", "el payload del jws no es json: json mal formado en la línea 1, columna 1"),
        ("type-and-padding.json", "no contiene ninguna insignia legible: la credencial no tiene `issuer`, ni `credentialSubject` ni `credentialSubject.achievement` o `name` (quién la emitió, a quién y qué se logró)"),
        ("no-issuer-ob3.json", "no contiene ninguna insignia legible: la credencial no tiene `issuer` (quién la emitió, a quién y qué se logró)"),
        ("no-subject-ob3.json", "no contiene ninguna insignia legible: la credencial no tiene `credentialSubject` ni `credentialSubject.achievement` o `name` (quién la emitió, a quién y qué se logró)"),
    ];
    for (file, expected) in cases {
        let bytes = fixture_bytes(&format!("invalid/{file}"));
        let got = match decode(&bytes) {
            Err(e) => e.localize(es),
            Ok(d) => parse(&d).map(|p| p.badge.name).expect_err(file).localize(es),
        };
        assert_eq!(got, expected, "{file}");
    }
}
