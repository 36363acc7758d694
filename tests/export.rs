//! Exports (HTML, ZIP, presentation, baked images, PDF), the receiver side (`verify_share`)
//! and encrypted backups. Issue 5.

use backpack_core::backup::{self, BackupError, KdfParams};
use backpack_core::env::{
    FetchError, FetchRequest, FetchResponse, Fetcher, FixedClock, OfflineFetcher,
};
use backpack_core::export::html::{CREDENTIAL_BLOCK_PREFIX, extract_blocks};
use backpack_core::export::privacy::{self, Privacy};
use backpack_core::export::zip::Manifest;
use backpack_core::export::{
    self, ExportBadge, ExportError, ExportFormat, ExportOptions, Portfolio, sha256_hex,
};
use backpack_core::learner_key::{LearnerKey, LearnerSecret};
use backpack_core::model::{
    Badge, Container, Criteria, Evidence, Format, IdentityKind, Image, Issuer, Recipient,
};
use backpack_core::share::{Integrity, ShareKind, verify_share};
use backpack_core::verify::data_integrity::{
    ProofOptions, Suite, VerifyOptions, canonical_forms, verify_proofs_with,
};
use backpack_core::verify::jsonld::ContextVariant;
use backpack_core::verify::{CheckId, Outcome, Status, Verdict, VerifyContext};
use chrono::{TimeZone, Utc};

use crate::util::fixture_bytes;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 3, 12, 0, 0).unwrap()
}

/// The badge payload text the core's decoder finds in a file (baked PNG/SVG, JSON, JWS).
fn payload_of(bytes: &[u8]) -> String {
    backpack_core::decode::decode(bytes)
        .unwrap()
        .payload
        .text()
        .to_string()
}

/// A wallet item from a fixture: parsed by the core when the parser can, else described by hand.
fn item(rel: &str, container: Container, format: Format, name: &str) -> ExportBadge {
    let original = fixture_bytes(rel);
    let decoded = backpack_core::decode::decode(&original).unwrap();
    assert_eq!(decoded.container, container, "{rel}");
    let payload = decoded.payload.text().to_string();
    let badge = match backpack_core::parse::parse(&decoded) {
        Ok(p) => p.badge,
        Err(_) => Badge {
            name: name.to_string(),
            issuer: Issuer {
                name: Some("Example University".into()),
                id: Some("https://example.com/issuers/876543".into()),
                ..Issuer::default()
            },
            issued: Some("2026-01-01T00:00:00Z".into()),
            spec_version: "3.0".into(),
            ..Badge::default()
        },
    };
    ExportBadge {
        wallet_id: rel.to_string(),
        original,
        container,
        format,
        badge,
        payload,
        report: None,
        note: None,
    }
}

fn portfolio() -> Portfolio {
    Portfolio {
        title: "My learning".into(),
        intro: Some("Hello, I am a learner.".into()),
        note: None,
        badges: vec![
            item(
                "1edtech-public-validator/ob30/simple.json",
                Container::Json,
                Format::Ob3Json,
                "Simple",
            ),
            item(
                "dcc-verifier-core/v2OBv3SpecExample.json",
                Container::Json,
                Format::Ob3Json,
                "Spec example",
            ),
            item(
                "1edtech-public-validator/ob30/simple-jwt.png",
                Container::Png,
                Format::Ob3Jwt,
                "JWT badge",
            ),
        ],
    }
}

fn opts(key: Option<&LearnerKey>) -> ExportOptions<'_> {
    ExportOptions {
        privacy: Privacy::default(),
        exported_at: now(),
        learner: key,
        challenge: None,
        domain: None,
    }
}

/// A badge full of hostile text and remote URLs.
fn hostile() -> ExportBadge {
    let mut it = item(
        "1edtech-public-validator/ob30/simple.json",
        Container::Json,
        Format::Ob3Json,
        "x",
    );
    it.badge = Badge {
        name: "<script>alert(1)</script>".into(),
        description: Some("<img src=x onerror=alert(2)> \"quoted\" 'single'".into()),
        image: Some(Image::Remote {
            url: "https://evil.example/pixel.png".into(),
        }),
        criteria: Some(Criteria {
            url: Some("https://evil.example/criteria".into()),
            narrative: Some("<a href=\"javascript:alert(3)\">click</a> url(http://evil.example/x) @import 'http://evil.example/s.css';".into()),
        }),
        issuer: Issuer {
            name: Some("<b>Evil</b>".into()),
            url: Some("https://evil.example/".into()),
            image: Some("https://evil.example/logo.png".into()),
            ..Issuer::default()
        },
        recipients: vec![Recipient {
            kind: IdentityKind::Email,
            identity: "learner@example.org".into(),
            hashed: false,
            salt: None,
        }],
        evidence: vec![Evidence {
            id: Some("https://evil.example/evidence".into()),
            name: Some("My project".into()),
            description: Some("written to learner@example.org".into()),
            ..Evidence::default()
        }],
        spec_version: "3.0".into(),
        ..Badge::default()
    };
    it.note = Some("My portfolio: https://me.example/work and <i>more</i>".into());
    it
}

/// Every `src`/`href` attribute value and every `<script>` tag's attributes in a page.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off + 1;
        let Some(end_off) = html[start..].find('>') else {
            break;
        };
        let inner = &html[start..start + end_off];
        i = start + end_off + 1;
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '/')
            .collect();
        let mut attrs = Vec::new();
        let mut rest = &inner[name.len()..];
        while let Some(eq) = rest.find("=\"") {
            let key = rest[..eq]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let vstart = eq + 2;
            let vend = rest[vstart..]
                .find('"')
                .map(|e| vstart + e)
                .unwrap_or(rest.len());
            attrs.push((key, rest[vstart..vend].to_string()));
            rest = &rest[(vend + 1).min(rest.len())..];
        }
        // Raw-text elements: skip their bodies.
        if name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style") {
            let close = format!("</{}", name.to_ascii_lowercase());
            if let Some(c) = html[i..].to_ascii_lowercase().find(&close) {
                out.push((name.to_ascii_lowercase(), attrs));
                let body = &html[i..i + c];
                if name.eq_ignore_ascii_case("style") {
                    out.push(("style-body".into(), vec![("css".into(), body.to_string())]));
                }
                i += c;
                continue;
            }
        }
        out.push((name.to_ascii_lowercase(), attrs));
    }
    out
}

#[test]
fn html_page_makes_no_external_request_and_escapes_badge_text() {
    let p = Portfolio {
        title: "Portfolio <of> me".into(),
        intro: None,
        note: Some("See https://me.example/cv".into()),
        badges: vec![hostile()],
    };
    let mut o = opts(None);
    o.privacy.include_notes = true;
    let out = export::export(&p, ExportFormat::Html, &o).unwrap();
    let html = String::from_utf8(out.bytes).unwrap();

    let mut links = Vec::new();
    for (name, attrs) in tags(&html) {
        for (k, v) in &attrs {
            if k == "src" || k == "href" {
                let lv = v.to_ascii_lowercase();
                assert!(
                    !lv.starts_with("javascript:") && !lv.starts_with("//"),
                    "{name} {k}={v}"
                );
                if lv.starts_with("http") {
                    links.push(v.clone());
                } else {
                    assert!(
                        lv.starts_with("data:image/") || lv.starts_with('#'),
                        "{name} {k}={v}"
                    );
                }
            }
            if k == "style" {
                panic!("inline style attribute would need 'unsafe-inline': {v}");
            }
        }
        if name == "script" {
            assert!(
                attrs
                    .iter()
                    .any(|(k, v)| k == "type" && v == "application/octet-stream"),
                "executable script tag: {attrs:?}"
            );
        }
        if name == "style-body" {
            let css = &attrs[0].1.to_ascii_lowercase();
            assert!(
                !css.contains("@import") && !css.contains("url("),
                "css loads something"
            );
        }
        assert!(
            !["iframe", "object", "embed", "link", "form", "base"].contains(&name.as_str()),
            "{name}"
        );
    }
    // Only the links the learner typed in notes are links; badge URLs are text.
    links.sort();
    assert_eq!(links, ["https://me.example/cv", "https://me.example/work"]);
    assert!(html.contains("content=\"default-src 'none'; img-src data:; style-src 'sha256-"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains("<title>Portfolio &lt;of&gt; me</title>"));
    assert!(
        html.contains("https://evil.example/criteria"),
        "criteria url shown as text"
    );
    // Recipient email redacted in the view (evidence is off by default, so its text is absent).
    assert!(!html.contains("learner@example.org"));
    assert!(html.contains("[email hidden]"));
    assert!(!html.contains("My project"));
    assert!(out.warning.lines().iter().any(
        |l| l.contains("learner@example.org") && l.contains("still inside the signed original")
    ));
}

#[test]
fn html_style_hash_matches_csp() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let out = export::export(&portfolio(), ExportFormat::Html, &opts(None)).unwrap();
    let html = String::from_utf8(out.bytes).unwrap();
    let css = html
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css.as_bytes()));
    assert!(html.contains(&format!("style-src 'sha256-{hash}'")));
    assert!(html.contains("@media print"));
    assert_eq!(html.matches("<style>").count(), 1);
}

#[test]
fn privacy_switches_change_what_is_rendered() {
    let p = Portfolio {
        title: "t".into(),
        badges: vec![hostile()],
        ..Portfolio::default()
    };
    let mut o = opts(None);
    o.privacy = Privacy {
        include_evidence: true,
        include_notes: false,
        include_dates: false,
        include_emails: true,
        include_skills: false,
    };
    let mut b = p.clone();
    b.badges[0].badge.issued = Some("2026-02-03T00:00:00Z".into());
    let html =
        String::from_utf8(export::export(&b, ExportFormat::Html, &o).unwrap().bytes).unwrap();
    assert!(html.contains("My project"));
    assert!(html.contains("learner@example.org"));
    assert!(!html.contains("3 February 2026"));
    assert!(!html.contains("https://me.example/work"));
    o.privacy = Privacy::default();
    let html =
        String::from_utf8(export::export(&b, ExportFormat::Html, &o).unwrap().bytes).unwrap();
    assert!(html.contains("3 February 2026"));
}

#[test]
fn html_embeds_exact_original_bytes() {
    let p = portfolio();
    let html = String::from_utf8(
        export::export(&p, ExportFormat::Html, &opts(None))
            .unwrap()
            .bytes,
    )
    .unwrap();
    let blocks: Vec<_> = extract_blocks(&html)
        .into_iter()
        .filter(|b| b.id.starts_with(CREDENTIAL_BLOCK_PREFIX))
        .collect();
    assert_eq!(blocks.len(), 3);
    for (b, it) in blocks.iter().zip(&p.badges) {
        assert_eq!(b.bytes.as_ref().unwrap(), &it.original);
        assert_eq!(b.sha256.as_deref(), Some(sha256_hex(&it.original).as_str()));
    }
    // The JWT badge's PNG is shown as its own image.
    assert!(html.contains("<img src=\"data:image/png;base64,"));
}

fn read_zip(bytes: &[u8]) -> (Manifest, std::collections::BTreeMap<String, Vec<u8>>) {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut files = std::collections::BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut v = Vec::new();
        f.read_to_end(&mut v).unwrap();
        files.insert(f.name().to_string(), v);
    }
    let m: Manifest = serde_json::from_slice(&files["manifest.json"]).unwrap();
    (m, files)
}

#[test]
fn zip_bundle_holds_originals_baked_images_and_manifest() {
    let p = portfolio();
    let out = export::export(&p, ExportFormat::Zip, &opts(None)).unwrap();
    let (m, files) = read_zip(&out.bytes);
    assert_eq!(m.backpack_manifest, 1);
    assert_eq!(m.exported_at, "2026-05-03T12:00:00Z");
    assert_eq!(m.badges.len(), 3);
    assert!(!m.privacy.include_evidence && m.privacy.include_dates);
    for (mb, it) in m.badges.iter().zip(&p.badges) {
        assert_eq!(files[&mb.original], it.original, "original is byte-exact");
        assert_eq!(mb.format, it.format.as_str());
        let baked = &files[mb.baked.as_ref().unwrap()];
        // Re-baked under the OB 3.0 keyword with the payload text byte-identical.
        assert_eq!(payload_of(baked), it.payload.trim());
        assert!(String::from_utf8_lossy(baked).contains("openbadgecredential\0\0\0\0\0"));
    }
    for f in &m.files {
        assert_eq!(sha256_hex(&files[&f.path]), f.sha256, "{}", f.path);
    }
    assert!(files.contains_key("index.html"));
    let names: Vec<_> = files.keys().cloned().collect();
    let count = |pre: &str| names.iter().filter(|n| n.starts_with(pre)).count();
    assert_eq!(
        (
            count("credentials/01-"),
            count("credentials/03-"),
            count("baked/"),
            names.len()
        ),
        (1, 1, 3, 8),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("credentials/03-") && n.ends_with(".png"))
    );
}

#[test]
fn baked_png_of_png_badge_and_svg_as_it_came() {
    let png = item(
        "1edtech-public-validator/ob30/simple-jwt.png",
        Container::Png,
        Format::Ob3Jwt,
        "p",
    );
    let out = export::export(
        &Portfolio {
            badges: vec![png.clone()],
            ..Portfolio::default()
        },
        ExportFormat::Png,
        &opts(None),
    )
    .unwrap();
    assert_eq!(out.extension, "png");
    assert_eq!(payload_of(&out.bytes), png.payload);
    let svg = item(
        "1edtech-public-validator/ob30/simple-json.svg",
        Container::Svg,
        Format::Ob3Json,
        "s",
    );
    let out = export::export(
        &Portfolio {
            badges: vec![svg.clone()],
            ..Portfolio::default()
        },
        ExportFormat::Svg,
        &opts(None),
    )
    .unwrap();
    assert_eq!(out.extension, "svg");
    // Re-baked SVG re-imports with the byte-identical payload text, in the OB 3.0 namespace.
    assert_eq!(payload_of(&out.bytes), svg.payload);
    let text = String::from_utf8(out.bytes).unwrap();
    assert_eq!(text.matches("<openbadges:credential").count(), 1);
    assert!(text.contains("https://purl.imsglobal.org/ob/v3p0"));
    let two = Portfolio {
        badges: vec![png.clone(), png],
        ..Portfolio::default()
    };
    let e = export::export(&two, ExportFormat::Png, &opts(None)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "png export takes exactly one badge: pass --badge ID"
    );
}

#[test]
fn pdf_has_cover_and_one_page_per_badge() {
    let p = portfolio();
    let out = export::export(&p, ExportFormat::Pdf, &opts(None)).unwrap();
    let b = &out.bytes;
    assert!(b.starts_with(b"%PDF-"));
    assert!(String::from_utf8_lossy(&b[b.len() - 8..]).contains("%%EOF"));
    let s = String::from_utf8_lossy(b)
        .replace("/Type/", "/Type /")
        .replace("/Subtype/", "/Subtype /");
    let pages = s.matches("/Type /Page").count() - s.matches("/Type /Pages").count();
    assert_eq!(pages, 1 + p.badges.len());
    // The JWT badge's PNG is embedded as an image.
    assert!(s.contains("/Subtype /Image"));
    assert!(s.contains("(My learning)"));
}

#[test]
fn empty_collection_is_refused() {
    let e = export::export(&Portfolio::default(), ExportFormat::Html, &opts(None)).unwrap_err();
    assert!(matches!(e, ExportError::Empty));
    assert_eq!(e.to_string(), "the collection has no badges to export");
}

#[test]
fn warning_names_every_linkable_identifier() {
    let key = LearnerKey::new(LearnerSecret::from_bytes(&[9; 32]));
    let mut p = portfolio();
    p.badges[0].badge.id = Some("urn:uuid:1234".into());
    p.badges[0].badge.recipients.push(Recipient {
        kind: IdentityKind::Did,
        identity: "did:example:learner".into(),
        hashed: false,
        salt: None,
    });
    let w = privacy::linkable_identifiers(&p, &Privacy::default(), true, Some(key.did()));
    let text = w.lines().join("\n");
    assert!(text.contains(key.did()), "{text}");
    assert!(text.contains("urn:uuid:1234"), "{text}");
    assert!(text.contains("did:example:learner"), "{text}");
    let pdf_only = privacy::linkable_identifiers(&p, &Privacy::default(), false, None);
    assert!(!pdf_only.lines().join("\n").contains("urn:uuid:1234"));
}

#[test]
fn guardian_passphrase_gates_minor_mode() {
    let h = privacy::guardian_hash("tree house", &mut rand_core::OsRng).unwrap();
    assert!(privacy::check_guardian(None, None).is_ok());
    assert_eq!(
        privacy::check_guardian(Some(&h), None)
            .unwrap_err()
            .to_string(),
        "minor mode is on: sharing needs the guardian passphrase"
    );
    assert!(matches!(
        privacy::check_guardian(Some(&h), Some("nope")),
        Err(ExportError::GuardianWrong)
    ));
    assert!(privacy::check_guardian(Some(&h), Some("tree house")).is_ok());
}

fn vctx<'a>(clock: &'a FixedClock, f: &'a dyn Fetcher) -> VerifyContext<'a> {
    VerifyContext {
        clock,
        fetcher: f,
        recipients: &[],
        cache: None,
    }
}

/// Flip one base64 character of the second credential block (to another base64 character).
fn flip_in_html(html: &str, block: &str) -> String {
    let start = html.find(&format!("id=\"{block}\"")).unwrap();
    let body = start + html[start..].find('>').unwrap() + 20;
    let mut bytes = html.as_bytes().to_vec();
    bytes[body] = if bytes[body] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

#[test]
fn altered_credential_in_html_is_caught_for_that_badge_only() {
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let html = String::from_utf8(
        export::export(&portfolio(), ExportFormat::Html, &opts(None))
            .unwrap()
            .bytes,
    )
    .unwrap();
    let r = verify_share(html.as_bytes(), &vctx(&clock, &f)).unwrap();
    assert_eq!(r.kind, ShareKind::Html);
    assert_eq!(r.title.as_deref(), Some("My learning"));
    assert_eq!(r.exported_at.as_deref(), Some("2026-05-03T12:00:00Z"));
    assert!(r.badges.iter().all(|b| b.integrity == Integrity::Intact));
    assert!(r.page.as_ref().unwrap().matches, "{:#?}", r.page);
    let mut want: Vec<Verdict> = r.badges.iter().map(|b| b.verdict).collect();
    want[1] = Verdict::Invalid;
    let bad = flip_in_html(&html, "bp-credential-2");
    let r = verify_share(bad.as_bytes(), &vctx(&clock, &f)).unwrap();
    let states: Vec<bool> = r
        .badges
        .iter()
        .map(|b| matches!(b.integrity, Integrity::Altered(_)))
        .collect();
    assert_eq!(states, [false, true, false]);
    let verdicts: Vec<Verdict> = r.badges.iter().map(|b| b.verdict).collect();
    assert_eq!(verdicts, want);
    assert_eq!(r.badges[1].status, Status::Invalid);
    // The page's block no longer holds what the page recorded, so the page differs too.
    assert!(!r.page.as_ref().unwrap().matches);
    assert!(!r.all_valid());
}

#[test]
fn altered_credential_in_zip_is_caught_for_that_badge_only() {
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let out = export::export(&portfolio(), ExportFormat::Zip, &opts(None)).unwrap();
    let r = verify_share(&out.bytes, &vctx(&clock, &f)).unwrap();
    assert_eq!(r.kind, ShareKind::Zip);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.page.as_ref().unwrap().matches, "{:#?}", r.page);
    assert!(r.badges.iter().all(|b| b.integrity == Integrity::Intact));
    let mut want: Vec<Verdict> = r.badges.iter().map(|b| b.verdict).collect();
    want[1] = Verdict::Invalid;
    // Flip one byte inside the stored (uncompressed) second credential: a letter of the
    // achievement description, so the JSON still parses and only the signature can tell.
    let orig = fixture_bytes("dcc-verifier-core/v2OBv3SpecExample.json");
    let start = out
        .bytes
        .windows(orig.len())
        .position(|w| w == orig.as_slice())
        .unwrap();
    let word = b"recognizes the development";
    let at = start + orig.windows(word.len()).position(|w| w == word).unwrap() + 3;
    let mut bad = out.bytes.clone();
    bad[at] ^= 0x01;
    let r = verify_share(&bad, &vctx(&clock, &f)).unwrap();
    let verdicts: Vec<Verdict> = r.badges.iter().map(|b| b.verdict).collect();
    assert_eq!(
        verdicts,
        want,
        "{:#?}",
        r.badges.iter().map(|b| &b.integrity).collect::<Vec<_>>()
    );
    // The verifier itself, not only the manifest hash, finds it: the proof fails.
    let proof = r.badges[1].report.get(CheckId::Proof).unwrap();
    assert_eq!(proof.outcome, Outcome::Fail, "{}", proof.detail);
    assert!(matches!(r.badges[1].integrity, Integrity::Altered(_)));
    // The baked copy and the page (both untouched) hold another credential than the
    // bundle's original now is.
    assert_eq!(
        r.problems,
        [
            "badge 2: baked/02-teamwork.png is not credentials/02-teamwork.json baked into its image",
            "index.html embeds another credential as bp-credential-2 than the bundle's credentials/02-teamwork.json"
        ]
    );
}

#[test]
fn not_an_export_is_a_clean_error() {
    let (clock, f) = (FixedClock(now()), OfflineFetcher);
    for (bytes, msg) in [
        (
            &b"\x00\x01binary"[..],
            "not a backpack export: expected an html portfolio, a zip bundle, a pdf or a presentation json",
        ),
        (
            &b"<!DOCTYPE html><html><body>nothing</body></html>"[..],
            "the export holds no credential to verify",
        ),
        (&b"PK\x03\x04truncated"[..], "zip bundle is unreadable"),
        (
            &b"{\"type\":\"VerifiablePresentation\",\"verifiableCredential\":["[..],
            "presentation is not valid json",
        ),
    ] {
        let e = verify_share(bytes, &vctx(&clock, &f)).unwrap_err();
        assert!(e.to_string().starts_with(msg), "{e}");
    }
}

const FAST: KdfParams = KdfParams {
    memory_kib: 256,
    time_cost: 1,
    parallelism: 1,
};

/// A wallet-shaped database: several tables, blobs with every byte value, a key row.
fn make_wallet(path: &std::path::Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(
        "PRAGMA journal_mode=WAL;
         CREATE TABLE badges (id INTEGER PRIMARY KEY, original BLOB NOT NULL, name TEXT);
         CREATE TABLE collections (id INTEGER PRIMARY KEY, name TEXT UNIQUE, note TEXT);
         CREATE TABLE collection_badges (collection_id INTEGER REFERENCES collections(id), badge_id INTEGER REFERENCES badges(id), position INTEGER);
         CREATE TABLE learner_keys (id INTEGER PRIMARY KEY, did TEXT, secret BLOB);
         CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
         CREATE TABLE fetch_cache (url TEXT PRIMARY KEY, body BLOB, fetched_at TEXT);
         PRAGMA user_version = 3;",
    )
    .unwrap();
    let all: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    c.execute(
        "INSERT INTO badges (original, name) VALUES (?1, 'Ünïcode ✓')",
        [&all],
    )
    .unwrap();
    c.execute(
        "INSERT INTO badges (original, name) VALUES (x'89504e47', 'png')",
        [],
    )
    .unwrap();
    c.execute(
        "INSERT INTO collections (name, note) VALUES ('Jobs', 'for employers')",
        [],
    )
    .unwrap();
    c.execute(
        "INSERT INTO collection_badges VALUES (1, 2, 0), (1, 1, 1)",
        [],
    )
    .unwrap();
    c.execute(
        "INSERT INTO learner_keys (did, secret) VALUES ('did:key:z6Mk', X'')",
        [],
    )
    .unwrap();
    c.execute("INSERT INTO settings VALUES ('minor_mode', 'off')", [])
        .unwrap();
    c.execute(
        "INSERT INTO fetch_cache VALUES ('https://x', x'00ff', '2026-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
}

fn dump(path: &std::path::Path) -> Vec<(String, Vec<Vec<String>>)> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.sort();
    let mut out = Vec::new();
    for t in tables {
        let mut st = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<Vec<String>> = st
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>())
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        // Some tables (FTS shadow tables) have no rowid: compare as sorted sets of rows.
        rows.sort();
        out.push((t, rows));
    }
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    out.push(("user_version".into(), vec![vec![v.to_string()]]));
    out
}

#[test]
fn backup_restore_round_trip_compares_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let wallet = dir.path().join("wallet.db");
    make_wallet(&wallet);
    let bak = dir.path().join("wallet.backup");
    backup::backup_wallet_file(&wallet, &bak, "correct horse", FAST).unwrap();
    let file = std::fs::read(&bak).unwrap();
    assert!(file.starts_with(b"BPBACKUP\x01\x01"));
    // Encrypted: the blob and names do not appear in clear.
    assert!(!file.windows(4).any(|w| w == b"Jobs"));

    let fresh = dir.path().join("new/wallet.db");
    let out = backup::restore_wallet(&file, "correct horse", &fresh, false, &mut rand_core::OsRng)
        .unwrap();
    assert!(out.previous_kept_at.is_none());
    assert_eq!(dump(&wallet), dump(&fresh));

    // Wrong passphrase.
    let e = backup::restore_wallet(
        &file,
        "wrong",
        &dir.path().join("x.db"),
        false,
        &mut rand_core::OsRng,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "wrong passphrase: this backup was encrypted with a different passphrase"
    );
    assert!(!dir.path().join("x.db").exists());
    // Truncated file: clean errors at every cut, never a panic.
    for cut in [0, 5, 40, backup::HEADER_LEN, file.len() / 2, file.len() - 1] {
        let e = backup::restore_wallet(
            &file[..cut],
            "correct horse",
            &dir.path().join("y.db"),
            false,
            &mut rand_core::OsRng,
        )
        .unwrap_err();
        assert!(
            matches!(e, BackupError::Truncated(_) | BackupError::NotABackup),
            "cut {cut}: {e}"
        );
    }
    // Restoring over a wallet with data needs force, and keeps the old one.
    let e = backup::restore_wallet(&file, "correct horse", &fresh, false, &mut rand_core::OsRng)
        .unwrap_err();
    assert!(matches!(e, BackupError::WouldOverwrite(_)), "{e}");
    let out = backup::restore_wallet(&file, "correct horse", &fresh, true, &mut rand_core::OsRng)
        .unwrap();
    let kept = out.previous_kept_at.unwrap();
    assert_eq!(dump(&kept), dump(&wallet));
    assert_eq!(dump(&fresh), dump(&wallet));
}

fn learner() -> LearnerKey {
    LearnerKey::new(LearnerSecret::from_bytes(&[42; 32]))
}

fn offline_presentation_check(vp: &serde_json::Value, holder: &str) -> (Outcome, String) {
    let o = VerifyOptions {
        proof_purpose: "authentication",
        challenge: Some("c-123"),
        domain: Some("employer.example"),
    };
    let clock = crate::util::test_clock();
    crate::util::with_resolver(&OfflineFetcher, None, &clock, |keys| {
        verify_proofs_with(vp, Some(holder), keys, &o).proof
    })
    .0
}

#[test]
fn presentation_is_vcdm2_held_and_signed_by_the_learner_did_key() {
    let key = learner();
    let p = portfolio();
    let mut o = opts(Some(&key));
    o.challenge = Some("c-123".into());
    o.domain = Some("employer.example".into());
    let out = export::export(&p, ExportFormat::Vp, &o).unwrap();
    assert_eq!(out.extension, "json");
    let vp: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
    assert_eq!(
        vp["@context"],
        serde_json::json!(["https://www.w3.org/ns/credentials/v2"])
    );
    assert_eq!(vp["type"], serde_json::json!(["VerifiablePresentation"]));
    assert_eq!(vp["holder"], key.did());
    let proof = &vp["proof"];
    assert_eq!(proof["type"], "DataIntegrityProof");
    assert_eq!(proof["cryptosuite"], "eddsa-rdfc-2022");
    assert_eq!(proof["proofPurpose"], "authentication");
    assert_eq!(proof["verificationMethod"], key.verification_method());
    assert_eq!(proof["created"], "2026-05-03T12:00:00Z");
    assert_eq!(
        (proof["challenge"].as_str(), proof["domain"].as_str()),
        (Some("c-123"), Some("employer.example"))
    );
    let creds = vp["verifiableCredential"].as_array().unwrap();
    assert_eq!(creds.len(), 3);
    // JSON credentials as-is, from the original bytes.
    for (c, it) in creds.iter().zip(&p.badges).take(2) {
        let orig: serde_json::Value = serde_json::from_slice(&it.original).unwrap();
        assert_eq!(c, &orig);
    }
    // The VC-JWT as an EnvelopedVerifiableCredential.
    assert_eq!(creds[2]["type"], "EnvelopedVerifiableCredential");
    assert_eq!(
        creds[2]["id"].as_str().unwrap(),
        format!("data:application/vc+jwt,{}", p.badges[2].payload.trim())
    );
    assert_eq!(offline_presentation_check(&vp, key.did()).0, Outcome::Pass);

    // Any change to what was signed breaks the proof.
    let mut t = vp.clone();
    t["verifiableCredential"][0]["credentialSubject"]["id"] = "did:example:someone-else".into();
    assert_eq!(offline_presentation_check(&t, key.did()).0, Outcome::Fail);
    // A different challenge is refused.
    let wrong = VerifyOptions {
        proof_purpose: "authentication",
        challenge: Some("other"),
        domain: None,
    };
    let clock = crate::util::test_clock();
    let (out, _) = crate::util::with_resolver(&OfflineFetcher, None, &clock, |keys| {
        verify_proofs_with(&vp, Some(key.did()), keys, &wrong)
    });
    assert_eq!(out.proof.0, Outcome::Fail);
}

#[test]
fn ob2_badges_stay_out_of_the_presentation_and_are_listed() {
    let key = learner();
    let mut p = portfolio();
    let mut ob2 = p.badges[0].clone();
    ob2.format = Format::Ob2Signed;
    ob2.badge.name = "Old badge".into();
    p.badges.push(ob2);
    let out = export::export(&p, ExportFormat::Vp, &opts(Some(&key))).unwrap();
    assert_eq!(out.not_in_presentation, ["Old badge"]);
    let vp: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
    assert_eq!(vp["verifiableCredential"].as_array().unwrap().len(), 3);
    let only_ob2 = Portfolio {
        badges: vec![p.badges[3].clone()],
        ..Portfolio::default()
    };
    let e = export::export(&only_ob2, ExportFormat::Vp, &opts(Some(&key))).unwrap_err();
    assert!(matches!(e, ExportError::NothingToPresent), "{e}");
    // The page still exports, with the OB 2.0 badge and a note, and no presentation.
    let html = String::from_utf8(
        export::export(&p, ExportFormat::Html, &opts(Some(&key)))
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(html.contains(
        "cannot go inside a verifiable presentation; these are embedded on their own: Old badge."
    ));
}

/// The learner signer on the W3C vc-di-eddsa eddsa-rdfc-2022 vector: same key, same proof
/// options → the vector's canonical forms, hashes and proofValue.
#[test]
fn learner_signer_follows_the_w3c_vector_path() {
    let base = "w3c-vc-di-eddsa/eddsa-rdfc-2022/";
    let kp: serde_json::Value =
        serde_json::from_slice(&fixture_bytes("w3c-vc-di-eddsa/keyPair.json")).unwrap();
    let sk = bs58::decode(&kp["privateKeyMultibase"].as_str().unwrap()[1..])
        .into_vec()
        .unwrap();
    assert_eq!(&sk[..2], &[0x80, 0x26]);
    let key = LearnerKey::new(LearnerSecret::from_slice(&sk[2..]).unwrap());
    assert_eq!(
        key.did(),
        format!("did:key:{}", kp["publicKeyMultibase"].as_str().unwrap())
    );
    let config: serde_json::Value =
        serde_json::from_slice(&fixture_bytes(&format!("{base}proofConfigDataInt.json"))).unwrap();
    assert_eq!(config["verificationMethod"], key.verification_method());
    let unsigned: serde_json::Value =
        serde_json::from_slice(&fixture_bytes("w3c-vc-di-eddsa/unsigned.json")).unwrap();
    let o = ProofOptions {
        created: Some(config["created"].as_str().unwrap().into()),
        proof_purpose: "assertionMethod".into(),
        challenge: None,
        domain: None,
    };
    let signed = export::presentation::sign_document(&unsigned, &key, &o).unwrap();
    let want = String::from_utf8(fixture_bytes(&format!("{base}sigBTC58DataInt.txt"))).unwrap();
    assert_eq!(signed["proof"]["proofValue"].as_str().unwrap(), want.trim());
    let canon = canonical_forms(
        Suite::EddsaRdfc2022,
        &unsigned,
        &signed["proof"],
        ContextVariant::Default,
    )
    .unwrap();
    assert_eq!(
        canon.document.trim_end(),
        String::from_utf8(fixture_bytes(&format!("{base}canonDocDataInt.txt")))
            .unwrap()
            .trim_end()
    );
}

#[test]
fn presentation_canonical_form_holds_each_credential_in_its_own_graph() {
    let key = learner();
    let p = Portfolio {
        badges: vec![portfolio().badges[0].clone()],
        ..Portfolio::default()
    };
    let vp: serde_json::Value = serde_json::from_slice(
        &export::export(&p, ExportFormat::Vp, &opts(Some(&key)))
            .unwrap()
            .bytes,
    )
    .unwrap();
    let canon = canonical_forms(
        Suite::EddsaRdfc2022,
        &vp,
        &vp["proof"],
        ContextVariant::Default,
    )
    .unwrap();
    let doc = &canon.document;
    // The holder and the presentation type are in the default graph …
    assert!(
        doc.contains(&format!(
            "<https://www.w3.org/2018/credentials#holder> <{}> .",
            key.did()
        )),
        "{doc}"
    );
    // … and the credential's quads (with its issuer's proof) sit in a named blank-node graph.
    let cred_line = doc
        .lines()
        .find(|l| l.contains("https://www.w3.org/2018/credentials#issuer"))
        .unwrap();
    assert!(
        cred_line.trim_end().ends_with("_:c14n") || cred_line.contains(" _:c14n"),
        "{cred_line}"
    );
    let hash = canon.hash_data();
    use sha2::Digest as _;
    assert_eq!(
        &hash[32..],
        &sha2::Sha256::digest(canon.document.as_bytes())[..]
    );
}

#[test]
fn shared_exports_verify_presentation_and_keep_originals_intact() {
    let key = learner();
    let (clock, f) = (FixedClock(now()), OfflineFetcher);
    let p = portfolio();
    for fmt in [ExportFormat::Html, ExportFormat::Zip, ExportFormat::Vp] {
        let out = export::export(&p, fmt, &opts(Some(&key))).unwrap();
        let r = verify_share(&out.bytes, &vctx(&clock, &f)).unwrap();
        let pc = r.presentation.as_ref().unwrap();
        assert_eq!(pc.outcome, Outcome::Pass, "{fmt:?}: {}", pc.detail);
        assert_eq!(pc.holder.as_deref(), Some(key.did()));
        assert_eq!(pc.credentials, 3);
        assert_eq!(r.badges.len(), 3, "{fmt:?}");
        assert!(r.problems.is_empty(), "{fmt:?}: {:?}", r.problems);
        if fmt != ExportFormat::Vp {
            assert!(
                r.badges.iter().all(|b| b.integrity == Integrity::Intact),
                "{fmt:?}"
            );
            for (b, it) in r.badges.iter().zip(&p.badges) {
                assert_eq!(b.sha256, sha256_hex(&it.original));
            }
        }
    }
}

/// The web a receiver with network access sees for the portfolio's badges: DCC's status list
/// (the one `v2WithValidStatus.json` points at), and the issuers' own key documents — the
/// document at the 1EdTech issuer's id listing its fragment key, the key set holding the
/// VC-JWT's header key — so their keys are confirmed as the issuers'. Nothing else.
struct StatusListFetcher;

const DCC_STATUS_LIST: &str = "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj";

fn issuers_web() -> crate::util::Web {
    let mut w = crate::util::web_confirming(
        &serde_json::from_slice(&fixture_bytes("1edtech-public-validator/ob30/simple.json"))
            .unwrap(),
    );
    w.put_file(
        DCC_STATUS_LIST,
        "dcc-verifier-core/status-list-e5WK8CbZ1GjycuPombrj.json",
    );
    // simple-jwt.png: issuer https://1edtech.edu/issuers/565049, RSA key in the header.
    let jws = match backpack_core::decode::decode(&fixture_bytes(
        "1edtech-public-validator/ob30/simple-jwt.png",
    ))
    .unwrap()
    .payload
    {
        backpack_core::decode::Payload::Jws(t) => t,
        other => panic!("{other:?}"),
    };
    let header: serde_json::Value = serde_json::from_slice(
        &base64::Engine::decode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            jws.split('.').next().unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    w.put_json(
        "https://1edtech.edu/.well-known/jwks.json",
        &serde_json::json!({"keys": [header["jwk"]]}),
    );
    w
}

impl Fetcher for StatusListFetcher {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        let w = issuers_web();
        if !w.0.contains_key(&req.url) {
            return Err(FetchError::Offline);
        }
        w.fetch(req)
    }
}

fn imported(w: &backpack_core::store::Wallet, rel: &str) -> i64 {
    use backpack_core::import::{FileResult, ImportOptions, import_with};
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let ctx = vctx(&clock, &f);
    let o = ImportOptions {
        verify: Some(&ctx),
        ..Default::default()
    };
    match import_with(w, &fixture_bytes(rel), rel, &o).result {
        FileResult::Imported { id, .. } => id,
        other => panic!("{rel}: {other:?}"),
    }
}

/// The whole path from a real wallet: import, curate, export every format, re-verify.
#[test]
fn wallet_collection_round_trip_in_every_format() {
    use backpack_core::export::source;
    use backpack_core::learner_key::wallet_learner_key;
    let w = backpack_core::store::Wallet::open_in_memory().unwrap();
    let ids = [
        imported(&w, "1edtech-public-validator/ob30/simple.json"),
        imported(&w, "dcc-verifier-core/v2OBv3SpecExample.json"),
        imported(&w, "1edtech-public-validator/ob30/simple-jwt.png"),
        imported(&w, "dcc-verifier-core/v2WithValidStatus.json"),
    ];
    let c = w
        .create_collection("For employers", Some("What I can do"))
        .unwrap();
    for id in ids {
        w.add_to_collection(c, id).unwrap();
    }
    w.set_collection_badge_note(c, ids[0], Some("My best one: https://me.example/p"))
        .unwrap();
    let p = source::portfolio_from_collection(&w, "For employers", &[]).unwrap();
    assert_eq!(
        (p.title.as_str(), p.intro.as_deref()),
        ("For employers", Some("What I can do"))
    );
    assert_eq!(p.badges.len(), 4);
    assert_eq!(
        p.badges[0].note.as_deref(),
        Some("My best one: https://me.example/p")
    );
    // The did:key badges verify; the https issuers' badges are never invalid (whether their
    // key binding is confirmed offline is the verifier's business, not the export's).
    for (i, b) in p.badges.iter().enumerate() {
        let r = b.report.as_ref().unwrap();
        let want_verified = i == 1 || i == 3;
        assert!(
            if want_verified {
                r.status == Status::Verified
            } else {
                r.verdict != Verdict::Invalid
            },
            "{}: {:#?}",
            b.badge.name,
            r.checks
        );
    }

    // The learner key is created once, stored, and the same afterwards.
    assert!(w.learner_key().unwrap().is_none());
    let vault = backpack_core::learner_key::MemoryVault::default();
    let key = wallet_learner_key(&w, &[&vault]).unwrap();
    assert_eq!(wallet_learner_key(&w, &[&vault]).unwrap().did(), key.did());
    assert_eq!(w.learner_key().unwrap().unwrap().did, key.did());

    // The receiver checks the status list through its (test) fetcher; offline it cannot.
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    for fmt in [ExportFormat::Html, ExportFormat::Zip, ExportFormat::Vp] {
        let out = export::export(&p, fmt, &opts(Some(&key))).unwrap();
        let offline = verify_share(&out.bytes, &vctx(&clock, &OfflineFetcher)).unwrap();
        assert_eq!(offline.badges[3].verdict, Verdict::Indeterminate, "{fmt:?}");
        assert!(!offline.all_valid());
        if fmt != ExportFormat::Vp {
            // The page says "Verified" where the sender could confirm online; offline the
            // receiver cannot: the https issuers' keys (badges 1, 3) and the status list (4).
            let page = offline.page.as_ref().unwrap();
            assert!(!page.matches);
            assert_eq!(
                page.differences
                    .iter()
                    .map(|d| (d.badge, d.field.as_deref()))
                    .collect::<Vec<_>>(),
                [
                    (Some(1), Some("status")),
                    (Some(3), Some("status")),
                    (Some(4), Some("status"))
                ],
                "{:#?}",
                page.differences
            );
        }
        let r = verify_share(&out.bytes, &vctx(&clock, &f)).unwrap();
        let statuses: Vec<Status> = r.badges.iter().map(|b| b.status).collect();
        let at_export: Vec<Status> = p
            .badges
            .iter()
            .map(|b| b.report.as_ref().unwrap().status)
            .collect();
        assert_eq!(statuses, at_export, "{fmt:?}");
        assert!(r.problems.is_empty(), "{fmt:?}: {:?}", r.problems);
        assert!(
            r.page.as_ref().is_none_or(|p| p.matches),
            "{fmt:?}: {:#?}",
            r.page
        );
        assert_eq!(r.presentation.as_ref().unwrap().outcome, Outcome::Pass);
        assert_eq!(r.badges.len(), 4);
        assert_eq!(
            r.presentation.as_ref().unwrap().holder.as_deref(),
            Some(key.did())
        );
    }
    let pdf = export::export(&p, ExportFormat::Pdf, &opts(None)).unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-"));

    // One badge, baked: it re-imports (into a fresh wallet) with the same payload text.
    let one = source::portfolio_from_collection(&w, &c.to_string(), &[ids[2]]).unwrap();
    let png = export::export(&one, ExportFormat::Png, &opts(None)).unwrap();
    assert_eq!(payload_of(&png.bytes), one.badges[0].payload.trim());
    let w2 = backpack_core::store::Wallet::open_in_memory().unwrap();
    let (clock2, f2) = (FixedClock(now()), OfflineFetcher);
    let ctx2 = vctx(&clock2, &f2);
    let back = backpack_core::import::import_with(
        &w2,
        &png.bytes,
        "baked.png",
        &backpack_core::import::ImportOptions {
            verify: Some(&ctx2),
            ..Default::default()
        },
    );
    assert!(back.is_ok(), "{back:?}");
    let e = source::portfolio_from_collection(&w, "For employers", &[99]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "badge #99 is not in collection \"For employers\""
    );

    // Minor mode: refused without the guardian passphrase, allowed with it.
    use backpack_core::store::keys;
    w.set_setting_bool(keys::MINOR_MODE, true).unwrap();
    assert!(
        source::check_minor_mode(&w, None)
            .unwrap_err()
            .to_string()
            .contains("no guardian passphrase is set")
    );
    let h = privacy::guardian_hash("oak", &mut rand_core::OsRng).unwrap();
    w.set_setting(keys::GUARDIAN_PASSPHRASE_HASH, &h).unwrap();
    assert!(source::check_minor_mode(&w, None).is_err());
    assert!(source::check_minor_mode(&w, Some("elm")).is_err());
    source::check_minor_mode(&w, Some("oak")).unwrap();
}

#[test]
fn backup_of_a_real_wallet_restores_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    {
        let w = backpack_core::store::Wallet::open(&path).unwrap();
        let a = imported(&w, "1edtech-public-validator/ob30/simple.json");
        let b = imported(&w, "1edtech-public-validator/ob30/simple-jwt.png");
        let c = w.create_collection("Jobs", None).unwrap();
        w.add_to_collection(c, b).unwrap();
        w.add_to_collection(c, a).unwrap();
        w.set_badge_note(a, Some("note")).unwrap();
        w.add_tag(a, "python").unwrap();
        w.set_setting("theme", "dark").unwrap();
        let vault = backpack_core::learner_key::MemoryVault::default();
        backpack_core::learner_key::wallet_learner_key(&w, &[&vault]).unwrap();
    }
    let bak = dir.path().join("b.backpack");
    backup::backup_wallet_file(&path, &bak, "pw", FAST).unwrap();
    let restored = dir.path().join("restored.db");
    backup::restore_wallet(
        &std::fs::read(&bak).unwrap(),
        "pw",
        &restored,
        false,
        &mut rand_core::OsRng,
    )
    .unwrap();
    let (a, b) = (dump(&path), dump(&restored));
    assert!(a.len() > 5, "{a:?}");
    assert_eq!(a, b);
    // The restored wallet opens and holds the same learner key and originals.
    let w = backpack_core::store::Wallet::open(&restored).unwrap();
    let w0 = backpack_core::store::Wallet::open(&path).unwrap();
    assert_eq!(
        w.learner_key().unwrap().unwrap().did,
        w0.learner_key().unwrap().unwrap().did
    );
    for id in w0.badge_ids().unwrap() {
        assert_eq!(w.original(id).unwrap(), w0.original(id).unwrap());
    }
}

/// A validly signed presentation swapped in from another export does not pass for this one.
#[test]
fn swapped_presentation_is_a_problem() {
    use base64::Engine as _;
    let key = learner();
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let html = String::from_utf8(
        export::export(&portfolio(), ExportFormat::Html, &opts(Some(&key)))
            .unwrap()
            .bytes,
    )
    .unwrap();
    let other = Portfolio {
        badges: vec![portfolio().badges[0].clone()],
        ..Portfolio::default()
    };
    let vp = export::export(&other, ExportFormat::Vp, &opts(Some(&key)))
        .unwrap()
        .bytes;
    let start = html.find("id=\"bp-presentation\"").unwrap();
    let tag_start = html[..start].rfind("<script").unwrap();
    let end = start + html[start..].find("</script>").unwrap();
    let swapped = format!(
        "{}<script type=\"application/octet-stream\" id=\"bp-presentation\" data-sha256=\"{}\">{}{}",
        &html[..tag_start],
        sha256_hex(&vp),
        base64::engine::general_purpose::STANDARD.encode(&vp),
        &html[end..]
    );
    let r = verify_share(swapped.as_bytes(), &vctx(&clock, &f)).unwrap();
    assert_eq!(r.presentation.as_ref().unwrap().outcome, Outcome::Pass);
    assert_eq!(
        r.problems,
        [
            "the signed presentation does not match the embedded credentials: 2 credential(s) not in it, 0 in it that are not embedded"
        ]
    );
    assert!(!r.all_valid());
    let ok = verify_share(html.as_bytes(), &vctx(&clock, &f)).unwrap();
    assert!(ok.problems.is_empty(), "{:?}", ok.problems);
    assert!(ok.page.as_ref().unwrap().matches);
}

// ---------------------------------------------------------------------------------------
// Issue 12: a portfolio's visible text is bound to what verifies. Issue 13: verify-share's
// memory is bounded.

/// A badge from a fixture with the report a wallet made for it at `at` (through `f`).
fn checked_item(rel: &str, at: chrono::DateTime<Utc>, f: &dyn Fetcher) -> ExportBadge {
    let mut it = item(rel, Container::Json, Format::Ob3Json, rel);
    let clock = FixedClock(at);
    it.report = Some(backpack_core::verify::verify_bytes(
        &it.original,
        &vctx(&clock, f),
    ));
    it
}

/// A did:key badge baked into a generated PNG (its binding is self-certifying, so it verifies
/// offline as a baked image too).
fn baked_checked_item(rel: &str) -> ExportBadge {
    let text = String::from_utf8(fixture_bytes(rel)).unwrap();
    let png = backpack_core::bake::bake_png(
        &export::baked::generated_png("bound").unwrap(),
        "openbadgecredential",
        &text,
    )
    .unwrap();
    let d = backpack_core::decode::decode(&png).unwrap();
    let parsed = backpack_core::parse::parse(&d).unwrap();
    let clock = FixedClock(now());
    ExportBadge {
        wallet_id: "baked".into(),
        report: Some(backpack_core::verify::verify_bytes(
            &png,
            &vctx(&clock, &OfflineFetcher),
        )),
        container: d.container,
        format: parsed.format,
        badge: parsed.badge,
        payload: d.payload.text().to_string(),
        original: png,
        note: Some("Built with my team".into()),
    }
}

/// Three badges that verify with the status-list fetcher: JSON, JSON with a status list,
/// baked PNG. Names: "Teamwork", "Masters - v2 - unrevoked", "Teamwork".
fn bound_portfolio() -> Portfolio {
    Portfolio {
        title: "For the hospital".into(),
        intro: Some("Hello, I am a learner.".into()),
        note: None,
        badges: vec![
            checked_item(
                "dcc-verifier-core/v2OBv3SpecExample.json",
                now(),
                &StatusListFetcher,
            ),
            checked_item(
                "dcc-verifier-core/v2WithValidStatus.json",
                now(),
                &StatusListFetcher,
            ),
            baked_checked_item("dcc-verifier-core/v1OBv3SpecExample.json"),
        ],
    }
}

fn bound_html() -> String {
    let key = learner();
    let mut o = opts(Some(&key));
    o.privacy.include_notes = true;
    String::from_utf8(
        export::export(&bound_portfolio(), ExportFormat::Html, &o)
            .unwrap()
            .bytes,
    )
    .unwrap()
}

fn page_messages(page: &[u8]) -> Vec<String> {
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let r = verify_share(page, &vctx(&clock, &f)).unwrap();
    let p = r.page.as_ref().unwrap();
    assert_eq!(p.matches, p.differences.is_empty());
    assert!(p.matches || !r.all_valid());
    p.differences.iter().map(|d| d.message.clone()).collect()
}

/// `html` with the first `from` replaced by `to` (which must be there).
fn edit(html: &str, from: &str, to: &str) -> String {
    assert!(html.contains(from), "{from}");
    html.replacen(from, to, 1)
}

/// The `<li><article …>…</article></li>` of badge `n` (1-based) and its byte range.
fn badge_li(html: &str, n: usize) -> (usize, usize) {
    let start = html
        .find(&format!("<li><article class=\"badge\" id=\"badge-{n}\""))
        .unwrap();
    let end = start + html[start..].find("</article></li>\n").unwrap() + "</article></li>\n".len();
    (start, end)
}

#[test]
fn untouched_portfolio_page_shows_exactly_what_its_credentials_say() {
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let html = bound_html();
    let r = verify_share(html.as_bytes(), &vctx(&clock, &f)).unwrap();
    assert!(r.all_valid(), "{:#?} {:?}", r.page, r.problems);
    let page = r.page.as_ref().unwrap();
    assert!(page.matches && page.differences.is_empty());
    // What the receiver is shown comes from the credentials.
    let names: Vec<&str> = r
        .badges
        .iter()
        .map(|b| b.badge.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(names, ["Teamwork", "Masters - v2 - unrevoked", "Teamwork"]);
    assert!(r.badges.iter().all(|b| b.status == Status::Verified));
    assert_eq!(r.title.as_deref(), Some("For the hospital"));
    // Each badge is a container naming its credential block, its fields marked.
    for n in 1..=3 {
        assert!(html.contains(&format!(
            "id=\"badge-{n}\" data-credential=\"bp-credential-{n}\""
        )));
    }
    for field in [
        "data-field=\"name\">Teamwork</h2>",
        "<span class=\"status status-verified\" data-field=\"status\">Verified</span>",
        "<span data-field=\"issuer\">Example Corp</span>",
        "<span data-field=\"issued\">1 January 2010</span>",
        "data-field=\"note\"><p>Built with my team</p></div>",
    ] {
        assert!(html.contains(field), "{field}");
    }
    // The page says honestly how to check it.
    assert!(html.contains("backpack verify-share FILE"));
    assert!(html.contains("any Open Badges verifier"));
    assert!(html.contains("<code>credentials</code> folder"));
    // Exporting twice gives the same bytes (the receiver relies on it).
    assert_eq!(html, bound_html());
}

#[test]
fn tampered_portfolio_page_fails_and_names_the_field() {
    let html = bound_html();
    let (b1s, b1e) = badge_li(&html, 1);
    let (b2s, b2e) = badge_li(&html, 2);
    let badge1 = &html[b1s..b1e];
    let badge2 = &html[b2s..b2e];
    let name1 = "<h2 id=\"badge-1-name\" data-field=\"name\">Teamwork</h2>";
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "name",
            edit(
                &html,
                name1,
                "<h2 id=\"badge-1-name\" data-field=\"name\">Doctor of Medicine</h2>",
            ),
            vec![
                "badge 1 (\"Teamwork\"), name: the page says 'Doctor of Medicine', the signed credential says 'Teamwork'",
            ],
        ),
        (
            "issuer",
            edit(
                &html,
                "data-field=\"issuer\">Example Corp<",
                "data-field=\"issuer\">Harvard University<",
            ),
            vec![
                "badge 1 (\"Teamwork\"), issuer: the page says 'Harvard University', the signed credential says 'Example Corp'",
            ],
        ),
        (
            "date",
            edit(
                &html,
                "data-field=\"issued\">1 January 2010<",
                "data-field=\"issued\">1 January 2020<",
            ),
            vec![
                "badge 1 (\"Teamwork\"), issue date: the page says '1 January 2020', the signed credential says '1 January 2010'",
            ],
        ),
        (
            "status word",
            edit(
                &html,
                "data-field=\"status\">Verified</span>",
                "data-field=\"status\">Verified by Harvard Medical School</span>",
            ),
            vec![
                "badge 1 (\"Teamwork\"), status: the page says 'Verified by Harvard Medical School', checking its credential now gives 'Verified'",
            ],
        ),
        (
            "a missing field",
            edit(
                &html,
                "<span data-field=\"issuer\">Example Corp</span><br>",
                "",
            ),
            vec![
                "badge 1 (\"Teamwork\"), issuer: missing from the page (the signed credential says 'Example Corp')",
            ],
        ),
        (
            "a duplicated field",
            edit(&html, name1, &format!("{name1}{name1}")),
            vec![
                "badge 1 (\"Teamwork\"), name: the page shows it 2 times, Backpack shows it 1 time(s)",
            ],
        ),
        (
            "a fake badge with no credential",
            format!(
                "{}{}{}",
                &html[..b1s],
                badge1
                    .replace(" data-credential=\"bp-credential-1\"", "")
                    .replace(">Teamwork</h2>", ">Doctor of Medicine</h2>"),
                &html[b1s..]
            ),
            vec![
                "the page shows a badge that names no embedded credential: \"Doctor of Medicine\"; Backpack shows every badge with its credential",
            ],
        ),
        (
            "a fake badge naming a credential that is not there",
            format!(
                "{}{}{}",
                &html[..b1s],
                badge1.replace("bp-credential-1", "bp-credential-9"),
                &html[b1s..]
            ),
            vec![
                "the page shows a badge for \"bp-credential-9\", which is not a credential embedded in it",
            ],
        ),
        (
            "a badge shown twice",
            format!("{}{badge1}{}", &html[..b1s], &html[b1s..]),
            vec!["badge 1 (\"Teamwork\"): the page shows it 2 times"],
        ),
        (
            "the real text hidden, a fake one shown",
            edit(
                &html,
                name1,
                "<h2 id=\"badge-1-name\" data-field=\"name\" hidden>Teamwork</h2><h2>Doctor of Medicine</h2>",
            ),
            vec![
                "badge 1 (\"Teamwork\"): the page holds a hidden attribute (it hides text), which Backpack never writes",
            ],
        ),
        (
            "css display:none on the real text",
            edit(
                &html,
                name1,
                "<h2 id=\"badge-1-name\" data-field=\"name\" style=\"display:none\">Teamwork</h2><h2>Doctor of Medicine</h2>",
            ),
            vec![
                "badge 1 (\"Teamwork\"): the page holds a style attribute (it can hide or restyle text), which Backpack never writes",
            ],
        ),
        (
            "the real text moved off-screen by one of the page's own classes",
            edit(
                &html,
                name1,
                "<h2 id=\"badge-1-name\" data-field=\"name\" class=\"skip\">Teamwork</h2><h2>Doctor of Medicine</h2>",
            ),
            vec![
                "badge 1 (\"Teamwork\"): the page's markup for it is not what its credential renders to (extra or changed content near «-name\" data-field=\"name\" class=\"skip\">Teamwork</h2><h2>Doctor of Medicine</h2><p»)",
            ],
        ),
        (
            "a changed stylesheet",
            edit(&html, "</style>", "h2{display:none}</style>"),
            vec![
                "the page holds a changed stylesheet (it can hide or restyle text), which Backpack never writes",
            ],
        ),
        (
            "a template and a comment",
            edit(
                &html,
                "<ol class=\"badges\">",
                "<ol class=\"badges\"><template><h2>Doctor of Medicine</h2></template><!-- -->",
            ),
            vec![
                "the page holds a <template> element, which Backpack never writes",
                "the page holds an HTML comment, which Backpack never writes",
            ],
        ),
        (
            "badges moved",
            format!("{}{badge2}{badge1}{}", &html[..b1s], &html[b2e..]),
            vec![
                "the page shows the badges in another order than their embedded credentials (a badge was moved)",
            ],
        ),
        (
            "names moved between badges",
            format!(
                "{}{}{}{}",
                &html[..b1s],
                badge1.replace(">Teamwork</h2>", ">Masters - v2 - unrevoked</h2>"),
                badge2.replace(">Masters - v2 - unrevoked</h2>", ">Teamwork</h2>"),
                &html[b2e..]
            ),
            vec![
                "badge 1 (\"Teamwork\"), name: the page says 'Masters - v2 - unrevoked', the signed credential says 'Teamwork'",
                "badge 2 (\"Masters - v2 - unrevoked\"), name: the page says 'Teamwork', the signed credential says 'Masters - v2 - unrevoked'",
            ],
        ),
        (
            "the title",
            edit(
                &html,
                "<h1 data-field=\"title\">For the hospital</h1>",
                "<h1 data-field=\"title\">Dr. Learner, MD</h1>",
            ),
            vec![
                "title: the page says 'Dr. Learner, MD', the page's own record says 'For the hospital'",
            ],
        ),
        (
            "the note (the sender's words) edited on the page only",
            edit(
                &html,
                "<p>Built with my team</p>",
                "<p>Approved by the medical board</p>",
            ),
            vec![
                "badge 3 (\"Teamwork\"), note: the page says 'Approved by the medical board', the page's own record says 'Built with my team'",
            ],
        ),
    ];
    for (what, page, want) in cases {
        assert_ne!(page, html, "{what}");
        assert_eq!(page_messages(page.as_bytes()), want, "{what}");
    }

    // A page without its record (an older Backpack, or stripped to dodge the check) fails.
    let start = html
        .find("<script type=\"application/octet-stream\" id=\"bp-page\"")
        .unwrap();
    let end = start + html[start..].find("</script>\n").unwrap() + "</script>\n".len();
    let stripped = format!("{}{}", &html[..start], &html[end..]);
    let m = page_messages(stripped.as_bytes());
    assert_eq!(m.len(), 1);
    assert!(
        m[0].starts_with("the page has no record of how it was made (no bp-page block)"),
        "{m:?}"
    );
}

#[test]
fn status_word_on_the_page_is_compared_with_a_fresh_check() {
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    // Revoked after export: the wallet's report said verified.
    let mut revoked = checked_item("dcc-verifier-core/v2Revoked.json", now(), &f);
    let r = revoked.report.as_mut().unwrap();
    assert_eq!(r.status, Status::Revoked);
    r.set(
        CheckId::Status,
        Outcome::Pass,
        "not revoked (when exported)",
    );
    assert_eq!(r.status, Status::Verified);
    // Expired since export: checked while it was valid.
    let expired = checked_item(
        "dcc-verifier-core/v2Expired.json",
        Utc.with_ymd_and_hms(2010, 6, 1, 0, 0, 0).unwrap(),
        &f,
    );
    assert_eq!(expired.report.as_ref().unwrap().status, Status::Verified);
    // Never checked by the sender: the page claims nothing, so nothing to compare.
    let mut unchecked = item(
        "dcc-verifier-core/v2Revoked.json",
        Container::Json,
        Format::Ob3Json,
        "x",
    );
    unchecked.report = None;
    let p = Portfolio {
        title: "t".into(),
        badges: vec![revoked, expired, unchecked],
        ..Portfolio::default()
    };
    let html = export::export(&p, ExportFormat::Html, &opts(None)).unwrap();
    let page = String::from_utf8(html.bytes.clone()).unwrap();
    assert!(page.contains("data-field=\"status\">Not checked</span> <span class=\"muted\" data-field=\"checked\">not checked by the sender&#39;s Backpack</span>"));
    let r = verify_share(&html.bytes, &vctx(&clock, &f)).unwrap();
    let statuses: Vec<Status> = r.badges.iter().map(|b| b.status).collect();
    assert_eq!(
        statuses,
        [Status::Revoked, Status::Expired, Status::Revoked]
    );
    assert_eq!(
        page_messages(&html.bytes),
        [
            "badge 1 (\"Bachelors - v2 - revoked\"), status: the page says 'Verified', checking its credential now gives 'Revoked'",
            "badge 2 (\"Teamwork\"), status: the page says 'Verified', checking its credential now gives 'Expired'",
        ]
    );
    let d = &r.page.as_ref().unwrap().differences[0];
    assert_eq!(
        (
            d.badge,
            d.field.as_deref(),
            d.page_says.as_deref(),
            d.expected.as_deref()
        ),
        (Some(1), Some("status"), Some("Verified"), Some("Revoked"))
    );
    assert!(r.any_invalid());
}

#[test]
fn recipient_check_with_plain_hashed_and_did_identities() {
    use backpack_core::share::{Expect, RecipientState, verify_share_with};
    let p = Portfolio {
        title: "t".into(),
        badges: vec![
            // OB 2.0, recipient sha256-hashed (nobody@example.org, salt "deadsea").
            item(
                "1edtech-public-validator/ob20/basic-assertion.json",
                Container::Json,
                Format::Ob2Hosted,
                "x",
            ),
            // OB 3.0, identifier student@1edtech.edu in plain text.
            item(
                "1edtech-public-validator/ob30/complete.json",
                Container::Json,
                Format::Ob3Json,
                "x",
            ),
            // OB 3.0, subject id did:example:ebfeb1f712ebc6f1c276e12ec21.
            item(
                "dcc-verifier-core/v2OBv3SpecExample.json",
                Container::Json,
                Format::Ob3Json,
                "x",
            ),
            // OB 3.0 with neither a subject id nor an identifier.
            item(
                "dcc-verifier-core/v2WithValidStatus.json",
                Container::Json,
                Format::Ob3Json,
                "x",
            ),
        ],
        ..Portfolio::default()
    };
    let html = export::export(&p, ExportFormat::Html, &opts(None))
        .unwrap()
        .bytes;
    let (clock, f) = (FixedClock(now()), OfflineFetcher);
    let check = |who: &[&str]| {
        let e = Expect {
            recipients: who.iter().map(|s| s.to_string()).collect(),
            ..Expect::default()
        };
        let r = verify_share_with(&html, &vctx(&clock, &f), &e).unwrap();
        r.badges
            .iter()
            .map(|b| (b.recipient.state, b.recipient.detail.clone()))
            .collect::<Vec<_>>()
    };
    use RecipientState::*;
    assert_eq!(
        check(&[
            "Nobody@Example.org",
            "student@1edtech.edu",
            "did:example:ebfeb1f712ebc6f1c276e12ec21"
        ]),
        [
            (
                Matches,
                "issued to Nobody@Example.org (matched against the hashed identity in the credential)"
                    .to_string()
            ),
            (Matches, "issued to student@1edtech.edu".to_string()),
            (
                Matches,
                "issued to did:example:ebfeb1f712ebc6f1c276e12ec21".to_string()
            ),
            (
                NotStated,
                "the credential does not say who it was issued to".to_string()
            ),
        ]
    );
    let other = check(&["someone@example.org"]);
    let states: Vec<RecipientState> = other.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        states,
        [DoesNotMatch, DoesNotMatch, DoesNotMatch, NotStated]
    );
    assert_eq!(
        other[0].1,
        "issued to someone else: none of \"someone@example.org\" matches the recipient the credential names"
    );
    assert!(check(&[]).iter().all(|(s, _)| *s == NotAsked));
    // A receiver's own identities (in the context) are not the sender's: never used.
    let mine = ["nobody@example.org".to_string()];
    let ctx = vctx(&clock, &f).with_recipients(&mine);
    let r = verify_share(&html, &ctx).unwrap();
    assert!(r.badges.iter().all(|b| b.recipient.state == NotAsked));
    assert!(
        r.badges
            .iter()
            .all(|b| b.report.get(CheckId::Recipient).map(|c| c.outcome) == Some(Outcome::Skipped))
    );
}

/// Every entry of a ZIP (decompressed), in order.
fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().to_string(), v)
        })
        .collect()
}

/// A ZIP of these entries (originals stored, as Backpack writes them).
fn make_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (n, b) in entries {
        zw.start_file(n.as_str(), o).unwrap();
        zw.write_all(b).unwrap();
    }
    zw.finish().unwrap().into_inner()
}

/// The bundle with its manifest edited (and written back).
fn with_manifest(
    entries: &[(String, Vec<u8>)],
    mut f: impl FnMut(&mut serde_json::Value),
) -> Vec<(String, Vec<u8>)> {
    entries
        .iter()
        .map(|(n, b)| {
            if n == "manifest.json" {
                let mut m: serde_json::Value = serde_json::from_slice(b).unwrap();
                f(&mut m);
                (n.clone(), serde_json::to_vec(&m).unwrap())
            } else {
                (n.clone(), b.clone())
            }
        })
        .collect()
}

#[test]
fn bundle_manifest_file_names_and_baked_images_are_bound_to_the_credentials() {
    let key = learner();
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let mut o = opts(Some(&key));
    o.privacy.include_notes = true;
    let zip = export::export(&bound_portfolio(), ExportFormat::Zip, &o)
        .unwrap()
        .bytes;
    let entries = zip_entries(&zip);
    let problems = |bytes: &[u8]| {
        let r = verify_share(bytes, &vctx(&clock, &f)).unwrap();
        (r.problems.clone(), r.page.clone().unwrap())
    };
    let (p, page) = problems(&make_zip(&entries));
    assert!(p.is_empty() && page.matches, "{p:?} {page:#?}");
    let m: Manifest = serde_json::from_slice(
        &entries
            .iter()
            .find(|(n, _)| n == "manifest.json")
            .unwrap()
            .1,
    )
    .unwrap();
    assert_eq!(m.badges[0].status_at_export, Status::Verified);

    // The manifest's words.
    let e = with_manifest(&entries, |m| {
        m["badges"][0]["name"] = "Doctor of Medicine".into();
        m["badges"][1]["status_at_export"] = "revoked".into();
        m["title"] = "Dr. Learner, MD".into();
    });
    assert_eq!(
        problems(&make_zip(&e)).0,
        [
            "badge 1, name: manifest.json says 'Doctor of Medicine', the signed credential says 'Teamwork'",
            "badge 2, status: manifest.json says 'Revoked', checking its credential now gives 'Verified'",
            "title: manifest.json says 'Dr. Learner, MD', the page says 'For the hospital'",
        ]
    );
    // A file name that says something else, and an extra file.
    let mut e: Vec<(String, Vec<u8>)> = with_manifest(&entries, |m| {
        m["badges"][0]["original"] = "credentials/01-doctor-of-medicine.json".into();
        m["files"][2]["path"] = "credentials/01-doctor-of-medicine.json".into();
    });
    for (n, _) in e.iter_mut() {
        if n == "credentials/01-teamwork.json" {
            *n = "credentials/01-doctor-of-medicine.json".into();
        }
    }
    e.push(("README-doctor-of-medicine.txt".into(), b"trust me".to_vec()));
    assert_eq!(
        problems(&make_zip(&e)).0,
        [
            "the bundle holds README-doctor-of-medicine.txt, which its manifest does not list",
            "badge 1: its file is named credentials/01-doctor-of-medicine.json, but Backpack names this credential credentials/01-teamwork.json",
        ]
    );
    // Baked images swapped (hashes updated): each is another badge's image.
    let b1 = "baked/01-teamwork.png";
    let b2 = "baked/02-masters-v2-unrevoked.png";
    let get = |n: &str| entries.iter().find(|(x, _)| x == n).unwrap().1.clone();
    let (i1, i2) = (get(b1), get(b2));
    let e: Vec<(String, Vec<u8>)> = with_manifest(&entries, |m| {
        for f in m["files"].as_array_mut().unwrap() {
            if f["path"] == b1 {
                f["sha256"] = sha256_hex(&i2).into();
            } else if f["path"] == b2 {
                f["sha256"] = sha256_hex(&i1).into();
            }
        }
    })
    .into_iter()
    .map(|(n, b)| match n.as_str() {
        x if x == b1 => (n, i2.clone()),
        x if x == b2 => (n, i1.clone()),
        _ => (n, b),
    })
    .collect();
    assert_eq!(
        problems(&make_zip(&e)).0,
        [
            "badge 1: baked/01-teamwork.png is not credentials/01-teamwork.json baked into its image",
            "badge 2: baked/02-masters-v2-unrevoked.png is not credentials/02-masters-v2-unrevoked.json baked into its image",
        ]
    );
    // The page edited and its manifest hash updated: the page check still names the field.
    let e: Vec<(String, Vec<u8>)> = entries
        .iter()
        .map(|(n, b)| {
            if n == "index.html" {
                let s = String::from_utf8(b.clone()).unwrap();
                (
                    n.clone(),
                    edit(&s, ">Teamwork</h2>", ">Doctor of Medicine</h2>").into_bytes(),
                )
            } else {
                (n.clone(), b.clone())
            }
        })
        .collect();
    let page_bytes = e.iter().find(|(n, _)| n == "index.html").unwrap().1.clone();
    let e = with_manifest(&e, |m| {
        for f in m["files"].as_array_mut().unwrap() {
            if f["path"] == "index.html" {
                f["sha256"] = sha256_hex(&page_bytes).into();
            }
        }
    });
    let (p, page) = problems(&make_zip(&e));
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(
        page.differences
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>(),
        [
            "badge 1 (\"Teamwork\"), name: the page says 'Doctor of Medicine', the signed credential says 'Teamwork'"
        ]
    );
    // A path named twice is refused outright.
    let e = with_manifest(&entries, |m| {
        let first = m["badges"][0].clone();
        m["badges"].as_array_mut().unwrap().push(first);
    });
    let err = verify_share(&make_zip(&e), &vctx(&clock, &f)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "zip bundle names credentials/01-teamwork.json more than once; a bundle names each file once"
    );
    // An entry whose name climbs out of the archive is refused outright, and why is said in
    // the learner's language (the reason is a catalog word, not English inside Spanish).
    let mut climbing = entries.clone();
    climbing.push(("../outside.json".to_string(), b"{}".to_vec()));
    let err = verify_share(&make_zip(&climbing), &vctx(&clock, &f)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "zip bundle is unreadable: entry ../outside.json is not a plain relative path: it climbs \
         out of the archive with .."
    );
    assert_eq!(
        backpack_core::localize::Localize::localize(
            &err,
            backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::Es)
        ),
        "el paquete zip es ilegible: la entrada ../outside.json no es una ruta relativa simple: \
         sale del archivo con .."
    );
}

/// Peak resident memory of this process so far (`VmHWM`), in KiB.
fn peak_rss_kib() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

const SIXTEEN_MIB: usize = 16 * 1024 * 1024;

/// A bundle of `entries` distinct 16 MiB entries of zeros (each deflates to ~16 KB) and a
/// manifest naming them `refs` times in all, round robin.
fn bomb(entries: usize, refs: usize) -> Vec<u8> {
    use std::io::Write;
    let zeros = vec![0u8; SIXTEEN_MIB];
    let sha = sha256_hex(&zeros);
    let names: Vec<String> = (0..entries)
        .map(|i| format!("credentials/{i:02}-x.json"))
        .collect();
    let manifest = serde_json::json!({
        "backpack_manifest": 1,
        "title": "bomb",
        "exported_at": "2026-05-03T12:00:00Z",
        "privacy": {"include_evidence": false, "include_notes": false, "include_dates": true, "include_emails": false},
        "presentation": null,
        "holder": null,
        "badges": (0..refs).map(|i| serde_json::json!({
            "wallet_id": "1", "id": null, "name": "x", "format": "ob3-json",
            "original": names[i % entries], "baked": null, "in_presentation": false,
            "verdict_at_export": "not_checked"
        })).collect::<Vec<_>>(),
        "files": names.iter().map(|n| serde_json::json!({"path": n, "sha256": sha, "bytes": SIXTEEN_MIB})).collect::<Vec<_>>(),
    });
    let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for n in &names {
        zw.start_file(n.as_str(), o).unwrap();
        zw.write_all(&zeros).unwrap();
    }
    zw.start_file("manifest.json", o).unwrap();
    zw.write_all(&serde_json::to_vec(&manifest).unwrap())
        .unwrap();
    zw.finish().unwrap().into_inner()
}

/// The child half of [`hostile_bundles_are_refused_under_a_memory_cap`]: verify the file
/// named by `BACKPACK_SHARE_MEMORY_CHILD` and print the outcome and this process's peak
/// memory. Does nothing in a normal run.
#[test]
fn share_memory_child() {
    let Ok(path) = std::env::var("BACKPACK_SHARE_MEMORY_CHILD") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let before = peak_rss_kib();
    let (clock, f) = (FixedClock(now()), OfflineFetcher);
    let outcome = match verify_share(&bytes, &vctx(&clock, &f)) {
        Ok(r) => format!("checked {} badges", r.badges.len()),
        Err(e) => format!("refused: {e}"),
    };
    println!(
        "OUTCOME={outcome}\nPEAK_KIB={}\nBEFORE_KIB={before}",
        peak_rss_kib()
    );
}

#[test]
fn hostile_bundles_are_refused_under_a_memory_cap() {
    // Issue 13: a 17 KB ZIP whose manifest named the same 16 MiB entry 48 times reached
    // 814 MB. Each case runs in a child process (this test binary, one test), whose peak
    // resident memory (VmHWM) is its own.
    const CAP_KIB: u64 = 64 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        // The issue's file: refused before any entry is read.
        (
            "same entry named 48 times",
            bomb(1, 48),
            "refused: zip bundle names credentials/00-x.json more than once; a bundle names each file once",
        ),
        // 24 distinct entries (384 MiB inflated): each read, checked and dropped in turn.
        (
            "24 distinct 16 MiB entries",
            bomb(24, 24),
            "checked 24 badges",
        ),
        // 70 entries declare 1.1 GiB: over the read budget, refused up front.
        (
            "70 distinct 16 MiB entries",
            bomb(70, 70),
            "refused: zip bundle exceeds the total decompressed bytes read limit of 1073741824",
        ),
    ];
    for (what, zip, want) in cases {
        assert!(zip.len() < 1_300_000, "{what}: {} bytes", zip.len());
        let path = dir.path().join("bomb.zip");
        std::fs::write(&path, &zip).unwrap();
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "export::share_memory_child", "--nocapture"])
            .env("BACKPACK_SHARE_MEMORY_CHILD", &path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let field = |k: &str| {
            stdout
                .lines()
                .find_map(|l| l.strip_prefix(k))
                .unwrap_or_else(|| panic!("{what}: no {k} in {stdout}"))
                .to_string()
        };
        assert_eq!(field("OUTCOME="), want, "{what}");
        let peak: u64 = field("PEAK_KIB=").parse().unwrap();
        let before: u64 = field("BEFORE_KIB=").parse().unwrap();
        eprintln!(
            "{what} ({} bytes): peak {peak} KiB (before {before} KiB)",
            zip.len()
        );
        assert!(peak < CAP_KIB, "{what}: peak {peak} KiB");
    }
}

// ---------------------------------------------------------------------------------------
// Issue 11: a PDF worth printing. The PDF is checked with the tools a receiver has
// (poppler's pdfdetach/pdftotext/pdftoppm, zbar's zbarimg): `scripts/install-deps.sh pdf`
// installs them and the fonts; a missing tool fails the test, it never skips.

/// Run a command-line tool the PDF tests need; fail loudly when it is not installed.
fn pdf_tool(cmd: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "{cmd} is needed by the PDF tests ({e}): run scripts/install-deps.sh pdf \
                 (Debian: poppler-utils, zbar-tools, fonts-noto-core, fonts-noto-cjk)"
            )
        })
}

const ZH_NAME: &str = "数据科学基础证书";
const AR_NAME: &str = "أساسيات البرمجة";
const ACCENT_NAME: &str = "Élève émérite: Łódź, Øresund, Nguyễn Thị Ánh";
const ZH_URL: &str = "https://badges.example.edu/credentials/zh-1";

/// An OB 3.0 credential issued and signed by a did:key (self-certifying, so it verifies
/// offline), with the wallet's report of it.
fn signed_item(key: &LearnerKey, id: &str, name: &str, issuer: &str) -> ExportBadge {
    let unsigned = serde_json::json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": key.did(), "type": ["Profile"], "name": issuer},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/achievements/1",
                "type": ["Achievement"],
                "name": name,
                "description": format!("{name}: a badge for the export tests."),
                "criteria": {"narrative": "Complete the course."}
            }
        }
    });
    let o = ProofOptions {
        created: Some("2026-01-01T00:00:00Z".into()),
        proof_purpose: "assertionMethod".into(),
        challenge: None,
        domain: None,
    };
    let signed = export::presentation::sign_document(&unsigned, key, &o).unwrap();
    let original = serde_json::to_vec_pretty(&signed).unwrap();
    let d = backpack_core::decode::decode(&original).unwrap();
    let parsed = backpack_core::parse::parse(&d).unwrap();
    let clock = FixedClock(now());
    ExportBadge {
        wallet_id: id.into(),
        report: Some(backpack_core::verify::verify_bytes(
            &original,
            &vctx(&clock, &OfflineFetcher),
        )),
        container: d.container,
        format: parsed.format,
        badge: parsed.badge,
        payload: d.payload.text().to_string(),
        original,
        note: None,
    }
}

/// Chinese (with an https id: a QR code), Arabic and accented names, plus a baked PNG.
fn world_portfolio() -> Portfolio {
    let key = LearnerKey::new(LearnerSecret::from_bytes(&[11; 32]));
    Portfolio {
        title: "Mes badges — 我的徽章".into(),
        intro: Some("Badges in three scripts.".into()),
        note: None,
        badges: vec![
            signed_item(&key, ZH_URL, ZH_NAME, "北京大学继续教育学院"),
            signed_item(
                &key,
                "urn:uuid:6a1b8c0e-1f0b-4c4e-9f59-0d1c2b3a4d5e",
                AR_NAME,
                "جامعة القاهرة",
            ),
            signed_item(
                &key,
                "urn:uuid:0d0c2b7e-5a3f-4b7e-8a31-2f6c7d8e9f10",
                ACCENT_NAME,
                "Université de Genève",
            ),
            baked_checked_item("dcc-verifier-core/v1OBv3SpecExample.json"),
        ],
    }
}

fn world_pdf(dir: &std::path::Path) -> (Portfolio, std::path::PathBuf, Vec<u8>) {
    let p = world_portfolio();
    for b in &p.badges {
        assert_eq!(
            b.report.as_ref().unwrap().status,
            Status::Verified,
            "{}: {:?}",
            b.badge.name,
            b.report.as_ref().unwrap().reason
        );
    }
    let out = export::export(&p, ExportFormat::Pdf, &opts(None)).unwrap();
    assert!(out.notices.is_empty(), "{:?}", out.notices);
    let path = dir.join("world.pdf");
    std::fs::write(&path, &out.bytes).unwrap();
    // To look at it: BACKPACK_KEEP_PDF=/tmp/world.pdf, then pdftoppm -png.
    if let Ok(keep) = std::env::var("BACKPACK_KEEP_PDF") {
        std::fs::write(keep, &out.bytes).unwrap();
    }
    (p, path, out.bytes)
}

#[test]
fn pdf_attaches_every_original_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (p, path, _) = world_pdf(dir.path());
    let list = pdf_tool("pdfdetach", &["-list", path.to_str().unwrap()]);
    assert!(list.status.success(), "{list:?}");
    let listed = String::from_utf8(list.stdout).unwrap();
    let names: Vec<String> = p
        .badges
        .iter()
        .enumerate()
        .map(|(i, b)| export::original_file_name(i, b))
        .collect();
    let want = format!(
        "{} embedded files\n{}",
        names.len(),
        names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{}: {n}\n", i + 1))
            .collect::<String>()
    );
    assert_eq!(listed, want);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let save = pdf_tool(
        "pdfdetach",
        &[
            "-saveall",
            "-o",
            out.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
    );
    assert!(save.status.success(), "{save:?}");
    for (n, b) in names.iter().zip(&p.badges) {
        assert_eq!(std::fs::read(out.join(n)).unwrap(), b.original, "{n}");
    }
}

#[test]
fn pdf_text_holds_chinese_arabic_and_accented_names() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path, _) = world_pdf(dir.path());
    let t = pdf_tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    assert!(t.status.success(), "{t:?}");
    let text = String::from_utf8(t.stdout).unwrap();
    for want in [
        ZH_NAME,
        AR_NAME,
        ACCENT_NAME,
        "北京大学继续教育学院",
        "جامعة القاهرة",
    ] {
        assert!(text.contains(want), "{want} not in the text layer:\n{text}");
    }
    // Cover, then one page per badge (each fits on one page).
    let info = pdf_tool("pdfinfo", &[path.to_str().unwrap()]);
    let info = String::from_utf8(info.stdout).unwrap();
    let field = |k: &str| {
        info.lines()
            .find_map(|l| {
                l.strip_prefix(&format!("{k}:"))
                    .map(|v| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    assert_eq!(field("Pages"), "5", "{info}");
    assert_eq!(field("Tagged"), "yes", "{info}");
    assert_eq!(field("Title"), "Mes badges — 我的徽章", "{info}");
}

#[test]
fn pdf_qr_code_decodes_to_the_badge_url_and_only_where_there_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path, _) = world_pdf(dir.path());
    let prefix = dir.path().join("page");
    let r = pdf_tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    assert!(r.status.success(), "{r:?}");
    let scan = |n: usize| {
        let png = dir.path().join(format!("page-{n}.png"));
        pdf_tool("zbarimg", &["--quiet", "--raw", png.to_str().unwrap()])
    };
    let zh = scan(2);
    assert!(zh.status.success(), "{zh:?}");
    assert_eq!(String::from_utf8(zh.stdout).unwrap().trim(), ZH_URL);
    // urn:uuid ids and did:key badges have no address of their own: no code, words instead
    // (zbarimg exits 4 when it finds no symbol).
    for n in [3, 4, 5] {
        let o = scan(n);
        assert_eq!(o.status.code(), Some(4), "page {n}: {o:?}");
    }
}

#[test]
fn pdf_verifies_on_receipt_and_a_flipped_byte_fails_only_that_badge() {
    let dir = tempfile::tempdir().unwrap();
    let (p, _, bytes) = world_pdf(dir.path());
    let (clock, f) = (FixedClock(now()), OfflineFetcher);
    let r = verify_share(&bytes, &vctx(&clock, &f)).unwrap();
    assert_eq!(r.kind, ShareKind::Pdf);
    assert_eq!(r.title.as_deref(), Some("Mes badges — 我的徽章"));
    let names: Vec<&str> = r
        .badges
        .iter()
        .map(|b| b.badge.as_ref().unwrap().name.as_str())
        .collect();
    let want: Vec<&str> = p.badges.iter().map(|b| b.badge.name.as_str()).collect();
    assert_eq!(names, want);
    assert!(r.badges.iter().all(|b| b.integrity == Integrity::Intact));
    assert!(r.all_valid(), "{:#?}", r.problems);
    // One letter of the Arabic badge's description, inside its (uncompressed) attachment.
    let orig = &p.badges[1].original;
    let start = bytes
        .windows(orig.len())
        .position(|w| w == orig.as_slice())
        .unwrap();
    let word = b"a badge for the export tests";
    let at = start + orig.windows(word.len()).position(|w| w == word).unwrap() + 3;
    let mut bad = bytes.clone();
    bad[at] ^= 0x01;
    let r = verify_share(&bad, &vctx(&clock, &f)).unwrap();
    let statuses: Vec<Status> = r.badges.iter().map(|b| b.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Verified,
            Status::Invalid,
            Status::Verified,
            Status::Verified
        ]
    );
    assert!(matches!(r.badges[1].integrity, Integrity::Altered(_)));
    let proof = r.badges[1].report.get(CheckId::Proof).unwrap();
    assert_eq!(proof.outcome, Outcome::Fail, "{}", proof.detail);
    assert!(!r.all_valid());
}

/// An attachment the PDF reader cannot follow is that badge's problem alone, and why is said
/// in the learner's language: the reader's reasons are catalog messages, not English text.
#[test]
fn a_damaged_pdf_attachment_is_that_badges_problem_in_the_learners_language() {
    let dir = tempfile::tempdir().unwrap();
    let (p, _, bytes) = world_pdf(dir.path());
    // The second badge's attachment claims a length of all nines (same byte count, so every
    // other object stays where the cross-reference table says).
    let orig = &p.badges[1].original;
    let start = bytes
        .windows(orig.len())
        .position(|w| w == orig.as_slice())
        .unwrap();
    let at = bytes[..start]
        .windows(8)
        .rposition(|w| w == b"/Length ")
        .unwrap()
        + 8;
    let digits = bytes[at..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let mut bad = bytes.clone();
    bad[at..at + digits].fill(b'9');
    let (clock, f) = (FixedClock(now()), OfflineFetcher);
    let r = verify_share(&bad, &vctx(&clock, &f)).unwrap();
    let statuses: Vec<Status> = r.badges.iter().map(|b| b.status).collect();
    assert_eq!(statuses[0], Status::Verified);
    assert_ne!(statuses[1], Status::Verified);
    assert_eq!(&statuses[2..], [Status::Verified, Status::Verified]);
    let decode = r.badges[1].report.get(CheckId::Decode).unwrap();
    let es = backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::Es);
    assert!(decode.message.is_some());
    assert_eq!(
        decode.detail,
        "02-badge.json: object 133: stream length does not end at endstream"
    );
    assert_eq!(
        decode.detail_in(es),
        "02-badge.json: objeto 133: la longitud del flujo no termina en endstream"
    );
}

#[test]
fn pdf_draws_svg_and_png_badge_images() {
    let p = Portfolio {
        title: "Images".into(),
        badges: vec![
            item(
                "1edtech-public-validator/ob30/simple-jwt.svg",
                Container::Svg,
                Format::Ob3Jwt,
                "SVG badge",
            ),
            item(
                "1edtech-public-validator/ob30/simple-jwt.png",
                Container::Png,
                Format::Ob3Jwt,
                "PNG badge",
            ),
        ],
        ..Portfolio::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("images.pdf");
    std::fs::write(
        &path,
        export::export(&p, ExportFormat::Pdf, &opts(None))
            .unwrap()
            .bytes,
    )
    .unwrap();
    let t = pdf_tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    let text = String::from_utf8(t.stdout).unwrap();
    assert!(!text.contains("Image not shown"), "{text}");
    assert!(!text.contains("No image"), "{text}");
    // pdfimages lists the PNG badge's raster; the SVG is drawn as vectors.
    let imgs = pdf_tool("pdfimages", &["-list", path.to_str().unwrap()]);
    let imgs = String::from_utf8(imgs.stdout).unwrap();
    assert!(
        imgs.lines().any(|l| l.trim_start().starts_with("3 ")),
        "{imgs}"
    );
}

#[test]
fn pdf_of_a_hostile_svg_badge_never_reads_files_and_still_exports() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="/etc/passwd" width="10" height="10"/><image xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==" width="10" height="10"/></svg>"#;
    let mut it = item(
        "1edtech-public-validator/ob30/simple.json",
        Container::Json,
        Format::Ob3Json,
        "x",
    );
    it.badge.image = Some(Image::Data {
        uri: format!(
            "data:image/svg+xml;base64,{}",
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, svg)
        ),
    });
    let mut badges = vec![it, hostile()];
    // An entity bomb and an external entity as the badge's own SVG file.
    for rel in ["invalid/billion-laughs.svg", "invalid/xxe.svg"] {
        let mut b = item(
            "1edtech-public-validator/ob30/simple.json",
            Container::Json,
            Format::Ob3Json,
            "x",
        );
        b.container = Container::Svg;
        b.original = fixture_bytes(rel);
        badges.push(b);
    }
    let p = Portfolio {
        title: "x".into(),
        badges,
        ..Portfolio::default()
    };
    let t = std::time::Instant::now();
    let out = export::export(&p, ExportFormat::Pdf, &opts(None)).unwrap();
    assert!(t.elapsed() < std::time::Duration::from_secs(20));
    assert!(out.bytes.starts_with(b"%PDF-"));
    assert!(!String::from_utf8_lossy(&out.bytes).contains("root:x:0:0"));
}

#[test]
fn pdf_shows_every_field_the_html_page_shows() {
    use backpack_core::model::{Alignment, ResultEntry};
    use backpack_core::verify::report::EndorsementCheck;
    let key = LearnerKey::new(LearnerSecret::from_bytes(&[11; 32]));
    let mut it = signed_item(&key, ZH_URL, "Field test", "Example Institute");
    it.badge.alignments = vec![Alignment {
        target_name: Some("Data analysis".into()),
        target_framework: Some("ESCO".into()),
        target_code: Some("S1.2.3".into()),
        target_description: Some("Analyse data sets".into()),
        ..Alignment::default()
    }];
    it.badge.results = vec![ResultEntry {
        label: Some("Final grade".into()),
        value: Some("A".into()),
        ..ResultEntry::default()
    }];
    it.badge.evidence = vec![Evidence {
        name: Some("Capstone project".into()),
        id: Some("https://me.example/capstone".into()),
        ..Evidence::default()
    }];
    it.badge.recipients = vec![Recipient {
        kind: IdentityKind::Email,
        identity: "learner@example.org".into(),
        hashed: false,
        salt: None,
    }];
    it.badge.valid_until = Some("2030-01-01T00:00:00Z".into());
    it.note = Some("Built with my team".into());
    let report = it.report.as_mut().unwrap();
    report.endorsements = vec![EndorsementCheck {
        scope: backpack_core::endorsement::Scope::Achievement,
        endorser_id: Some("https://endorser.example".into()),
        endorser_name: Some("Guild of Analysts".into()),
        name: "Endorsement of Field test".into(),
        comment: Some("A rigorous course".into()),
        status: Status::IssuerNotConfirmed,
        reason: "the endorser's key could not be confirmed offline".into(),
        message: None,
    }];
    let mut unchecked = item(
        "1edtech-public-validator/ob30/simple.json",
        Container::Json,
        Format::Ob3Json,
        "x",
    );
    unchecked.report = Some({
        let mut r = backpack_core::verify::Report::new("2026-05-01T00:00:00Z".into());
        r.status = Status::CouldNotCheck;
        r.reason = "the issuer's key could not be fetched (offline)".into();
        r
    });
    let p = Portfolio {
        title: "Fields".into(),
        intro: Some("My introduction".into()),
        note: Some("Collection note".into()),
        badges: vec![it, unchecked],
    };
    let mut o = opts(None);
    o.privacy.include_evidence = true;
    o.privacy.include_notes = true;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fields.pdf");
    std::fs::write(
        &path,
        export::export(&p, ExportFormat::Pdf, &o).unwrap().bytes,
    )
    .unwrap();
    let t = pdf_tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    let text = String::from_utf8(t.stdout).unwrap();
    for want in [
        "Fields",
        "My introduction",
        "Collection note",
        "exported 3 May 2026 with Backpack",
        "How to check these badges",
        "Field test",
        "Verified",
        "checked by the sender’s Backpack on 3 May 2026",
        "Example Institute",
        key.did(),
        "1 January 2026",
        "1 January 2030",
        "[email hidden]",
        "Open Badges 3.0",
        ZH_URL,
        "Complete the course.",
        "Data analysis (ESCO) S1.2.3 — Analyse data sets",
        "Final grade · A",
        "Capstone project — https://me.example/capstone",
        "Endorsement of Field test — by Guild of Analysts, of the achievement: Signature intact,",
        "A rigorous course",
        "Built with my team",
        "01-field-test.json",
        "Could not check",
        "Why: the issuer's key could not be fetched (offline)",
    ] {
        assert!(text.contains(want), "{want:?} not in the PDF text:\n{text}");
    }
    assert!(!text.contains("learner@example.org"), "{text}");
}

/// Endorsements embedded in a badge are shown on the page with their own status, and the
/// receiver, checking them itself, finds the same: the page matches.
#[test]
fn endorsements_are_shown_on_the_page_and_checked_by_the_receiver() {
    let rel = "endorsements/dcc-vc-test-fixtures/oidf-noStatus-notExpired-complexIssuer.json";
    let clock = FixedClock(now());
    let mut it = item(rel, Container::Json, Format::Ob3Json, "Endorsed badge");
    it.report = Some(backpack_core::verify::verify_bytes(
        &it.original,
        &vctx(&clock, &OfflineFetcher),
    ));
    assert_eq!(it.report.as_ref().unwrap().status, Status::Verified);
    let p = Portfolio {
        title: "Endorsed".into(),
        intro: None,
        note: None,
        badges: vec![it],
    };
    let html = String::from_utf8(
        export::export(&p, ExportFormat::Html, &opts(None))
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(
        html.contains("Endorsed by Horse Accreditor (Expired), of the issuer"),
        "the page names the endorser and the endorsement's own status"
    );
    let r = verify_share(html.as_bytes(), &vctx(&clock, &OfflineFetcher)).unwrap();
    let page = r.page.as_ref().unwrap();
    assert!(page.matches, "{:#?}", page.differences);
    assert!(r.all_valid(), "{:?}", r.problems);
}

/// Issue 11: the optional skills summary. Off by default (the page is as before, and its
/// record has no `include_skills`); on, the 1EdTech degree's framework and skill are listed
/// with a link to the badge on the page, and a receiver's re-render still matches.
#[test]
fn html_skills_summary_is_optional_and_survives_the_receivers_rerender() {
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let p = Portfolio {
        title: "Skills".into(),
        badges: vec![
            item(
                "1edtech-public-validator/ob30/simple.json",
                Container::Json,
                Format::Ob3Json,
                "Simple",
            ),
            item(
                "1edtech-public-validator/ob30/complete.json",
                Container::Json,
                Format::Ob3Json,
                "Complete",
            ),
        ],
        ..Portfolio::default()
    };
    let plain = String::from_utf8(
        export::export(&p, ExportFormat::Html, &opts(None))
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(!plain.contains("id=\"skills\""));
    let mut o = opts(None);
    o.privacy.include_skills = true;
    let html =
        String::from_utf8(export::export(&p, ExportFormat::Html, &o).unwrap().bytes).unwrap();
    let start = html
        .find("<section class=\"skills\"")
        .expect("skills section");
    let end = start + html[start..].find("</section>").unwrap() + "</section>".len();
    assert_eq!(
        &html[start..end],
        "<section class=\"skills\" id=\"skills\" aria-labelledby=\"skills-title\"><h2 id=\"skills-title\">Skills</h2>\n\
         <h3 data-field=\"framework\">1EdTech University Program and Course Catalog</h3>\n<ul>\n\
         <li data-field=\"skill\">1EdTech University Degree <span class=\"mono\">degree</span> \
         <span class=\"muted\">— <a href=\"#badge-2\">#2</a></span></li>\n</ul>\n</section>"
    );
    let r = verify_share(html.as_bytes(), &vctx(&clock, &f)).unwrap();
    assert!(r.page.as_ref().unwrap().matches, "{:#?}", r.page);
    // Everything else on the page is as without the summary.
    assert_eq!(
        html.replace(&html[start..end + 1], "")
            .split("<script")
            .next(),
        plain.split("<script").next()
    );
}

/// Issue 11: the PDF's cover carries the same optional skills summary (pdftotext reads it).
#[test]
fn pdf_skills_summary_is_optional() {
    let p = Portfolio {
        title: "Skills".into(),
        badges: vec![
            item(
                "1edtech-public-validator/ob30/simple.json",
                Container::Json,
                Format::Ob3Json,
                "Simple",
            ),
            item(
                "1edtech-public-validator/ob30/complete.json",
                Container::Json,
                Format::Ob3Json,
                "Complete",
            ),
        ],
        ..Portfolio::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let text = |o: &ExportOptions<'_>, name: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            export::export(&p, ExportFormat::Pdf, o).unwrap().bytes,
        )
        .unwrap();
        let t = pdf_tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
        String::from_utf8(t.stdout).unwrap()
    };
    let plain = text(&opts(None), "plain.pdf");
    // The badge's own page lists its alignments either way; the cover summary is the option.
    assert!(!plain.contains("— badge #2"), "{plain}");
    let mut o = opts(None);
    o.privacy.include_skills = true;
    let with = text(&o, "skills.pdf");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let with = words(&with);
    assert!(
        with.contains(
            "Skills 1EdTech University Program and Course Catalog \
             • 1EdTech University Degree (degree) — badge #2 How to check these badges"
        ),
        "{with}"
    );
}

/// Issue 14: the page's own words in the learner's language. A Spanish page carries Spanish
/// labels, headings, status words and dates (badge text as issued), says `lang="es"`, and the
/// receiver's re-check renders it again in Spanish: it matches, and an edited word does not.
#[test]
fn spanish_page_has_spanish_labels_and_still_rechecks() {
    use backpack_core::i18n::Lang;
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let key = learner();
    let mut o = opts(Some(&key));
    o.privacy.include_notes = true;
    let out = export::export_in(&bound_portfolio(), ExportFormat::Html, &o, Lang::Es).unwrap();
    let html = String::from_utf8(out.bytes.clone()).unwrap();
    for want in [
        "<html lang=\"es\">",
        "<a class=\"skip\" href=\"#badges\">Saltar a las insignias</a>",
        "<p class=\"meta\">3 insignias · exportadas el 3 de mayo de 2026 con Backpack</p>",
        "<span class=\"status status-verified\" data-field=\"status\">Verificada</span>",
        "<dt>Emisor</dt><dd><span data-field=\"issuer\">Example Corp</span>",
        "<dt>Emitida</dt><dd><span data-field=\"issued\">1 de enero de 2010</span>",
        "<h3>Mi nota</h3>",
        "aria-label=\"Cómo comprobar estas insignias\"",
        "<code>backpack verify-share FILE</code>",
        "Hecho con Backpack",
        "data-field=\"name\">Teamwork</h2>",
    ] {
        assert!(html.contains(want), "{want}");
    }
    for english in [
        ">Verified<",
        "<dt>Issuer</dt>",
        "How to check",
        "January",
        "Skip to badges",
    ] {
        assert!(!html.contains(english), "{english}");
    }
    let r = verify_share(&out.bytes, &vctx(&clock, &f)).unwrap();
    assert!(r.all_valid(), "{:#?} {:?}", r.page, r.problems);
    assert!(r.page.as_ref().unwrap().matches);
    // The English page is unchanged by the language record (none is written for English).
    assert!(bound_html().starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    // An edited Spanish status word is caught like an English one.
    let (s, e) = badge_li(&html, 2);
    let mut bad = html.clone();
    bad.replace_range(
        s..e,
        &html[s..e].replacen(">Verificada</span>", ">Verified</span>", 1),
    );
    assert_eq!(
        page_messages(bad.as_bytes()),
        [
            "badge 2 (\"Masters - v2 - unrevoked\"), status: the page says 'Verified', checking its credential now gives 'Verificada'"
        ]
    );
}

/// Issue 14: the PDF's own words in Spanish (cover, labels, status, dates, page footer), its
/// document language `es`; its attachments re-check as before.
#[test]
fn spanish_pdf_has_spanish_labels() {
    use backpack_core::i18n::Lang;
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    let dir = tempfile::tempdir().unwrap();
    let out =
        export::export_in(&bound_portfolio(), ExportFormat::Pdf, &opts(None), Lang::Es).unwrap();
    let path = dir.path().join("es.pdf");
    std::fs::write(&path, &out.bytes).unwrap();
    let t = pdf_tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    let text = String::from_utf8(t.stdout).unwrap();
    for want in [
        "3 insignias · exportadas el 3 de mayo de 2026 con Backpack",
        "Insignias de esta colección",
        "Cómo comprobar estas insignias",
        "Verificada",
        "Emisor",
        "1 de enero de 2010",
        "Cómo comprobar esta insignia",
        "página 1 de",
    ] {
        assert!(text.contains(want), "{want} not in:\n{text}");
    }
    assert!(
        !text.contains("Verified") && !text.contains("Issuer"),
        "{text}"
    );
    let r = verify_share(&out.bytes, &vctx(&clock, &f)).unwrap();
    assert!(r.all_valid(), "{:?}", r.problems);
}

/// A page record naming a language Backpack lacks is one clear difference, not a panic or a
/// page rendered in some other language.
#[test]
fn page_record_with_an_unknown_language_is_reported() {
    use backpack_core::i18n::Lang;
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD as B64;
    let key = learner();
    let out = export::export_in(
        &bound_portfolio(),
        ExportFormat::Html,
        &opts(Some(&key)),
        Lang::Es,
    )
    .unwrap();
    let html = String::from_utf8(out.bytes).unwrap();
    let block = extract_blocks(&html)
        .into_iter()
        .find(|b| b.id == "bp-page")
        .unwrap();
    let record = block.bytes.unwrap();
    let text = String::from_utf8(record.clone()).unwrap();
    assert!(text.ends_with(",\"lang\":\"es\"}"), "{text}");
    let bad = B64.encode(text.replace("\"lang\":\"es\"", "\"lang\":\"xx\""));
    let edited = edit(&html, &B64.encode(&record), &bad);
    let m = page_messages(edited.as_bytes());
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with(
            "the page's bp-page block is not a page record: unknown language \"xx\": \
             use en or es at line 1 column "
        ),
        "{m:?}"
    );
}

/// Issue 14: what a received portfolio's report says (its problems, the page's differences,
/// an altered credential, the presentation, each recipient line) is a catalog message shown in
/// the learner's language by `ShareReport::localized`; the report itself stays English (its
/// JSON is the same bytes after localizing into English).
#[test]
fn received_portfolio_sentences_are_shown_in_the_learners_language() {
    use backpack_core::i18n::{Catalog, Lang};
    use backpack_core::share::{Expect, RecipientState, ShareReport, verify_share_with};
    let (en, es) = (Catalog::get(Lang::En), Catalog::get(Lang::Es));
    let (clock, f) = (FixedClock(now()), StatusListFetcher);
    // English in, English out: localizing into English changes no sentence (what is shown
    // carries its text only: the checks' messages are rendered, not sent on).
    let same_in_english = |r: &ShareReport| {
        let mut bare = r.clone();
        for b in &mut bare.badges {
            for c in &mut b.report.checks {
                c.message = None;
            }
            for e in &mut b.report.endorsements {
                e.message = None;
            }
            for f in &mut b.report.fetches {
                f.error_message = None;
            }
        }
        assert_eq!(
            serde_json::to_string(&r.localized(en)).unwrap(),
            serde_json::to_string(&bare).unwrap()
        );
    };
    // Every line of ours, in Spanish, is another sentence than its English.
    let translated = |english: &str, spanish: &str| {
        assert!(!english.is_empty());
        assert_ne!(english, spanish, "left in English");
    };

    // An HTML page with a forged second credential (one base64 character changed), asked
    // about a recipient nobody was issued to.
    let html = String::from_utf8(
        export::export(&portfolio(), ExportFormat::Html, &opts(None))
            .unwrap()
            .bytes,
    )
    .unwrap();
    let forged = flip_in_html(&html, "bp-credential-2");
    let expect = Expect {
        recipients: vec!["someone@example.org".into()],
        ..Expect::default()
    };
    let r = verify_share_with(forged.as_bytes(), &vctx(&clock, &f), &expect).unwrap();
    same_in_english(&r);
    let s = r.localized(es);
    let (page, page_es) = (r.page.as_ref().unwrap(), s.page.as_ref().unwrap());
    assert!(!page.differences.is_empty());
    assert_eq!(
        (page.source.as_str(), page_es.source.as_str()),
        ("the page", "la página")
    );
    for (d, d_es) in page.differences.iter().zip(&page_es.differences) {
        translated(&d.message, &d_es.message);
    }
    let b = &r.badges[1];
    let Integrity::Altered(altered) = &b.integrity else {
        panic!("{:?}", b.integrity)
    };
    let Integrity::Altered(altered_es) = &s.badges[1].integrity else {
        panic!()
    };
    assert!(altered.ends_with(": the credential was changed after export"));
    assert!(
        altered_es.ends_with(": la credencial se cambió después de exportarla"),
        "{altered_es}"
    );
    for (b, b_es) in r.badges.iter().zip(&s.badges) {
        // The verifier's own report, through Report::localized.
        assert_eq!(b_es.report, b.report.localized(es));
        if b.recipient.state == RecipientState::DoesNotMatch {
            translated(&b.recipient.detail, &b_es.recipient.detail);
            assert!(
                b_es.recipient.detail.starts_with(
                    "emitida para otra persona: ninguna de «someone@example.org» coincide"
                ),
                "{}",
                b_es.recipient.detail
            );
        }
    }
    assert!(
        r.badges
            .iter()
            .any(|b| b.recipient.state == RecipientState::DoesNotMatch)
    );

    // A bundle whose manifest says other words than its credentials.
    let key = learner();
    let zip = export::export(&bound_portfolio(), ExportFormat::Zip, &opts(Some(&key)))
        .unwrap()
        .bytes;
    let e = with_manifest(&zip_entries(&zip), |m| {
        m["badges"][0]["name"] = "Doctor of Medicine".into();
        m["badges"][1]["status_at_export"] = "revoked".into();
        m["title"] = "Dr. Learner, MD".into();
    });
    let r = verify_share(&make_zip(&e), &vctx(&clock, &f)).unwrap();
    same_in_english(&r);
    let s = r.localized(es);
    assert_eq!(r.problems.len(), 3, "{:?}", r.problems);
    for (p, p_es) in r.problems.iter().zip(&s.problems) {
        translated(p, p_es);
    }
    assert_eq!(
        s.problems,
        [
            "insignia 1, nombre: manifest.json dice «Doctor of Medicine», la credencial firmada dice «Teamwork»",
            "insignia 2, estado: manifest.json dice «Revocada», comprobar su credencial ahora da «Verificada»",
            "título: manifest.json dice «Dr. Learner, MD», la página dice «For the hospital»",
        ]
    );

    // A bare presentation without a proof, holding one entry that is no credential.
    let vp = serde_json::json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [42]
    });
    let r = verify_share(vp.to_string().as_bytes(), &vctx(&clock, &f)).unwrap();
    same_in_english(&r);
    let s = r.localized(es);
    let (p, p_es) = (
        r.presentation.as_ref().unwrap(),
        s.presentation.as_ref().unwrap(),
    );
    assert_eq!(p.detail, "the presentation has no proof");
    assert_eq!(p_es.detail, "la presentación no tiene prueba (proof)");
    let decode = r.badges[0].report.get(CheckId::Decode).unwrap();
    assert!(decode.message.is_some());
    assert_eq!(
        decode.detail_in(es),
        "la entrada de la presentación no es ni un objeto de credencial ni una credencial envuelta"
    );
    let Integrity::Altered(d) = &s.badges[0].integrity else {
        panic!()
    };
    assert_eq!(d, &decode.detail_in(es));
    assert!(
        s.badges[0].report.reason.contains(&decode.detail_in(es)),
        "{}",
        s.badges[0].report.reason
    );
}
