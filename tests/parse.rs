//! Parse: every generation of badge in `fixtures/` normalises to real field values; files that
//! are not badges fail with the error that says why. See tests.rs.

use backpack_core::decode::{Decoded, Payload, decode};
use backpack_core::model::{Container, Format, IdentityKind, Image, Recipient};
use backpack_core::parse::{DedupeKey, ParseError, ParsedCredential, parse, parse_value};
use serde_json::{Value, json};

use crate::util::fixture_bytes;

fn load(rel: &str) -> ParsedCredential {
    let d = decode(&fixture_bytes(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    parse(&d).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn load_err(rel: &str) -> String {
    let d = decode(&fixture_bytes(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    parse(&d).map(|p| p.badge.name).expect_err(rel).to_string()
}

/// Why `rel` is not a badge, in Spanish.
fn load_err_es(rel: &str) -> String {
    let d = decode(&fixture_bytes(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let e = parse(&d).map(|p| p.badge.name).expect_err(rel);
    backpack_core::localize::Localize::localize(
        &e,
        backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::Es),
    )
}

fn component(key: &str) -> Value {
    let all: Value =
        serde_json::from_slice(&fixture_bytes("badgecheck/test_components.json")).unwrap();
    all[key].clone()
}

fn email(identity: &str, hashed: bool, salt: Option<&str>) -> Recipient {
    Recipient {
        kind: IdentityKind::Email,
        identity: identity.into(),
        hashed,
        salt: salt.map(Into::into),
    }
}

const BETH: &str = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942";

// ---------- OB 3.0 ----------

#[test]
fn ob3_simple_json_vcdm2() {
    let p = load("1edtech-public-validator/ob30/simple.json");
    assert_eq!(p.format, Format::Ob3Json);
    let b = &p.badge;
    assert_eq!(b.name, "Teamwork");
    assert_eq!(b.issuer.name.as_deref(), Some("Example Corp"));
    assert_eq!(
        b.issuer.id.as_deref(),
        Some("https://example.com/issuers/876543")
    );
    assert_eq!(b.valid_from.as_deref(), Some("2010-01-01T00:00:00Z"));
    assert_eq!(b.issued.as_deref(), Some("2010-01-01T00:00:00Z"));
    assert_eq!(b.valid_until, None);
    assert_eq!(
        (b.spec_version.as_str(), b.vc_version.as_deref()),
        ("3.0", Some("2.0"))
    );
    assert_eq!(
        b.achievement_id.as_deref(),
        Some("https://example.com/achievements/21st-century-skills/teamwork")
    );
    assert_eq!(
        b.criteria.as_ref().and_then(|c| c.narrative.as_deref()),
        Some(
            "Team members are nominated for this badge by their peers and recognized upon review by Example Corp management."
        )
    );
    assert_eq!(b.recipients[0].kind, IdentityKind::Did);
    assert_eq!(
        b.recipients[0].identity,
        "did:example:ebfeb1f712ebc6f1c276e12ec21"
    );
    assert_eq!(b.image, None);
    assert_eq!(
        p.dedupe,
        DedupeKey::Credential {
            issuer_id: "https://example.com/issuers/876543".into(),
            id: "http://example.com/credentials/3527".into(),
            valid_from: Some("2010-01-01T00:00:00Z".into()),
        }
    );
    assert!(p.compact_jws.is_none() && p.hosted_url.is_none() && p.embedded.is_empty());
    assert_eq!(p.document["proof"][0]["cryptosuite"], "eddsa-rdfc-2022");
}

#[test]
fn ob3_vcdm11_variants() {
    let p = load("1edtech-public-validator/ob30/simple_v1.json");
    assert_eq!(
        (p.format, p.badge.vc_version.as_deref()),
        (Format::Ob3Json, Some("1.1"))
    );
    assert_eq!(p.badge.valid_from.as_deref(), Some("2010-01-01T00:00:00Z"));
    let p = load("1edtech-public-validator/ob30/simple-eddsa-2022.json");
    assert_eq!(p.badge.name, "some name");
    assert_eq!(p.badge.valid_from.as_deref(), Some("2022-11-27T00:00:00Z"));
    let p = load("dcc-verifier-core/v1OBv3SpecExample.json");
    assert_eq!(
        p.badge.issuer.id.as_deref(),
        Some("did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q")
    );
    assert_eq!(p.badge.vc_version.as_deref(), Some("1.1"));
}

#[test]
fn ob3_complete_fills_every_field() {
    let b = load("1edtech-public-validator/ob30/complete.json").badge;
    assert_eq!(b.name, "1EdTech University Degree");
    assert_eq!(
        b.description.as_deref(),
        Some("1EdTech University Degree Description")
    );
    assert_eq!(
        b.image,
        Some(Image::Remote {
            url: "https://1edtech.edu/achievements/degree/image".into()
        })
    );
    assert_eq!(b.issuer.url.as_deref(), Some("https://1edtech.edu"));
    assert_eq!(b.issuer.email.as_deref(), Some("registrar@1edtech.edu"));
    assert_eq!(
        b.issuer.image.as_deref(),
        Some("https://1edtech.edu/logo.png")
    );
    assert_eq!(b.valid_until.as_deref(), Some("2030-01-01T00:00:00Z"));
    assert_eq!(b.achievement_type.as_deref(), Some("Degree"));
    assert_eq!(b.tags, ["research", "computer science"]);
    assert_eq!(
        b.recipients[1..],
        [
            email("student@1edtech.edu", false, Some("not-used")),
            email("somebody@gmail.com", false, Some("not-used"))
        ]
    );
    assert_eq!(b.evidence.len(), 2);
    assert_eq!(b.evidence[0].name.as_deref(), Some("Final Project Report"));
    assert_eq!(
        b.evidence[1].id.as_deref(),
        Some("https://github.com/somebody/project")
    );
    assert_eq!(b.alignments.len(), 2);
    assert_eq!(b.alignments[1].target_type.as_deref(), Some("CTDL"));
    assert_eq!(b.alignments[0].target_code.as_deref(), Some("degree"));
    let r: Vec<_> = b
        .results
        .iter()
        .map(|r| {
            (
                r.label.as_deref(),
                r.value.as_deref(),
                r.status.as_deref(),
                r.achieved_level.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        r,
        [
            (Some("Final Project Grade"), Some("A"), None, None),
            (Some("Final Project Grade"), None, None, Some("Mastery")),
            (Some("Final Project Grade"), None, Some("Completed"), None),
        ]
    );
}

#[test]
fn ob3_baked_png_and_svg() {
    for f in ["simple-json.png", "simple-json.svg"] {
        let p = load(&format!("1edtech-public-validator/ob30/{f}"));
        assert_eq!(p.format, Format::Ob3Json, "{f}");
        assert_eq!(p.badge.name, "Teamwork");
        let mime = if f.ends_with("png") {
            "image/png"
        } else {
            "image/svg+xml"
        };
        assert_eq!(
            p.badge.image,
            Some(Image::Baked { mime: mime.into() }),
            "{f}"
        );
    }
}

#[test]
fn ob3_vc_jwt_credential_as_payload_and_in_vc_claim() {
    // VCDM 2.0: the payload is the credential (plus iss/nbf/jti/aud/iat, no sub).
    let p = load("1edtech-public-validator/ob30/simple-jwt.png");
    assert_eq!(p.format, Format::Ob3Jwt);
    assert!(
        p.compact_jws
            .as_deref()
            .is_some_and(|j| j.starts_with("eyJhbGciOiJSUzI1NiIs"))
    );
    assert_eq!(p.badge.vc_version.as_deref(), Some("2.0"));
    assert_eq!(
        p.badge.issuer.id.as_deref(),
        Some("https://1edtech.edu/issuers/565049")
    );
    assert!(
        p.document.get("jti").is_some(),
        "document is the credential payload"
    );
    // VCDM 1.1: the credential is the `vc` claim.
    let p = load("1edtech-public-validator/ob30/simple-jwt_v1.svg");
    assert_eq!(
        (p.format, p.badge.vc_version.as_deref()),
        (Format::Ob3Jwt, Some("1.1"))
    );
    assert_eq!(p.badge.issuer.name.as_deref(), Some("Example University"));
    assert!(p.document.get("vc").is_none() && p.document.get("credentialSubject").is_some());
    let p = load("1edtech-public-validator/ob30/simple.jwt");
    assert_eq!(
        (p.format, p.badge.name.as_str()),
        (Format::Ob3Jwt, "Example University Degree")
    );
}

#[test]
fn ob3_enveloped_credential_is_unwrapped() {
    let jwt = String::from_utf8(fixture_bytes("1edtech-public-validator/ob30/simple.jwt")).unwrap();
    let env = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+jwt,{}", jwt.trim()),
    });
    let p = parse(&Decoded {
        container: Container::Json,
        payload: Payload::Json(env.to_string()),
    })
    .unwrap();
    assert_eq!(p.format, Format::Ob3Jwt);
    assert_eq!(p.compact_jws.as_deref(), Some(jwt.trim()));
    assert_eq!(p.badge.name, "Example University Degree");
    let bad = json!({"type": ["EnvelopedVerifiableCredential"], "id": "https://example.org/x"});
    assert_eq!(
        parse_value(bad, None).unwrap_err().to_string(),
        "enveloped verifiable credential: its id must be a data:application/vc+jwt,<compact jws> url"
    );
}

#[test]
fn ob3_real_world_and_dcc() {
    let p = load("dcc-verifier-core/safeModeBreaker.json");
    assert_eq!(
        p.badge.name,
        "PBS Media Literacy Educator Certification by KQED"
    );
    assert_eq!(p.badge.issuer.name.as_deref(), Some("KQED & PBS"));
    assert_eq!(p.badge.issued.as_deref(), Some("2025-07-14T20:59:07.322Z"));
    assert!(
        p.badge
            .recipients
            .contains(&email("kfranklin@digitalpromise.org", false, None))
    );
    let p = load("dcc-verifier-core/v2Expired.json");
    assert_eq!(p.badge.valid_until.as_deref(), Some("2011-01-01T00:00:00Z"));
    let p = load("dcc-verifier-core/v2Revoked.json");
    assert_eq!(p.badge.name, "Bachelors - v2 - revoked");
    let p = load("1edtech-public-validator/ob30/credential-status-revoked.json");
    assert_eq!(p.badge.name, "Achievement 1");
    assert_eq!(
        p.badge.issued.as_deref(),
        Some("2023-05-22T10:21:00Z"),
        "awardedDate wins for `issued`"
    );
    assert_eq!(p.badge.valid_from.as_deref(), Some("2023-05-23T01:10:41Z"));
}

#[test]
fn ob3_string_or_array_type_and_identifier_hash() {
    let doc = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": " urn:uuid:a%2Db ",
        "type": "OpenBadgeCredential",
        "issuer": "did:key:z6Mk",
        "validFrom": "2024-01-02T03:04:05+01:00",
        "credentialSubject": {
            "type": "AchievementSubject",
            "identifier": {"type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
                           "identityHash": "sha256$b5809d8a", "salt": "Kosher"},
            "achievement": {"id": "urn:a", "type": "Achievement", "name": "Data",
                            "image": {"id": "data:image/png;base64,AAAA", "type": "Image"}}
        },
        "proof": {"type": "DataIntegrityProof"}
    });
    let p = parse_value(doc, Some("image/png")).unwrap();
    assert_eq!(p.badge.issuer.id.as_deref(), Some("did:key:z6Mk"));
    assert_eq!(p.badge.valid_from.as_deref(), Some("2024-01-02T02:04:05Z"));
    assert_eq!(
        p.badge.recipients,
        [email("sha256$b5809d8a", true, Some("Kosher"))]
    );
    assert_eq!(
        p.badge.image,
        Some(Image::Data {
            uri: "data:image/png;base64,AAAA".into()
        }),
        "data: beats baked"
    );
    assert_eq!(
        p.dedupe,
        DedupeKey::Credential {
            issuer_id: "did:key:z6Mk".into(),
            id: "urn:uuid:a-b".into(),
            valid_from: Some("2024-01-02T02:04:05Z".into())
        }
    );
}

// ---------- CLR 2.0 ----------

#[test]
fn clr_keeps_the_clr_and_parses_inner_credentials() {
    let p = load("1edtech-public-validator/clr20/simple.json");
    assert_eq!(p.format, Format::Clr2Json);
    assert_eq!(p.badge.name, "Sample Transcript");
    assert_eq!(p.badge.spec_version, "CLR 2.0");
    assert_eq!(p.badge.issuer.name.as_deref(), Some("Example University"));
    assert_eq!(p.embedded.len(), 1);
    assert_eq!(p.embedded[0].format, Format::Ob3Json);
    assert!(
        p.embedded[0].document.get("proof").is_some(),
        "inner credential keeps its own proof"
    );

    let p = load("1edtech-public-validator/clr20/simple_v1.json");
    assert_eq!(
        (p.badge.name.as_str(), p.badge.vc_version.as_deref()),
        ("Ellis Monday", Some("1.1"))
    );
    let names: Vec<_> = p.embedded.iter().map(|e| e.badge.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Nurse Assistant 1 Program with Licensure",
            "Health Careers 1",
            "Human Anatomy and Physiology",
            "Intro to Health Careers",
            "Nurse Assisting 1",
            "Oregon State Board of Nursing - Certified Nursing Assistant"
        ]
    );
    let p = load("1edtech-public-validator/clr20/simple.jwt");
    assert_eq!((p.format, p.embedded.len()), (Format::Clr2Jwt, 1));
}

// ---------- OB 2.0 and earlier ----------

#[test]
fn ob2_hosted_assertion_with_badge_url() {
    let p = load("1edtech-public-validator/ob20/basic-assertion.json");
    assert_eq!(p.format, Format::Ob2Hosted);
    assert_eq!(
        p.hosted_url.as_deref(),
        Some("https://example.org/beths-robotics-badge.json")
    );
    let b = &p.badge;
    assert_eq!(b.spec_version, "2.0");
    assert_eq!(
        b.name, "robotics badge",
        "named after the BadgeClass URL without network"
    );
    assert_eq!(
        b.achievement_id.as_deref(),
        Some("https://example.org/robotics-badge.json")
    );
    assert_eq!(b.issued.as_deref(), Some("2016-12-31T23:59:59Z"));
    assert_eq!(b.recipients, [email(BETH, true, Some("deadsea"))]);
    assert_eq!(
        b.image,
        Some(Image::Remote {
            url: "https://example.org/beths-robot-badge.png".into()
        })
    );
    assert_eq!(
        b.evidence[0].id.as_deref(),
        Some("https://example.org/beths-robot-work.html")
    );
    assert_eq!(
        p.dedupe,
        DedupeKey::Assertion {
            id: "https://example.org/beths-robotics-badge.json".into()
        }
    );
    let p = load("1edtech-public-validator/ob20/basic-assertion-expired.json");
    assert_eq!(p.badge.valid_until.as_deref(), Some("2022-11-15T23:59:59Z"));
}

#[test]
fn ob2_signed_jws() {
    let p = load("1edtech-public-validator/ob20/simple.jwt");
    assert_eq!(p.format, Format::Ob2Signed);
    assert!(p.compact_jws.is_some() && p.hosted_url.is_none());
    assert_eq!(p.badge.recipients, [email(BETH, true, Some("deadsea"))]);
    let p = load("1edtech-public-validator/ob20/simple-revoked.jwt");
    assert_eq!(p.badge.name, "badge from organization with revocation list");
    assert_eq!(
        p.dedupe,
        DedupeKey::Assertion {
            id: "https://example.org/beths-robotics-badge-revoked.json".into()
        }
    );
}

#[test]
fn ob2_baked_images() {
    let p = load("1edtech-public-validator/ob20/simple-badge.png");
    assert_eq!(
        (p.format, p.badge.spec_version.as_str()),
        (Format::Ob2Hosted, "2.0")
    );
    assert_eq!(
        p.badge.image,
        Some(Image::Baked {
            mime: "image/png".into()
        })
    );
    let p = load("bakery-python/baked_heart.png");
    assert_eq!(p.badge.spec_version, "1.0");
    assert_eq!(p.badge.issued.as_deref(), Some("2015-04-01T00:00:00Z"));
    assert_eq!(
        p.hosted_url.as_deref(),
        Some("http://example.org/badgeinstance1")
    );
    assert_eq!(p.badge.recipients, [email("test@example.com", false, None)]);
    // Pre-1.0 draft: `identity: {recipient, type, hashed}`.
    let p = load("bakery-python/baked_example.svg");
    assert_eq!(
        p.badge.recipients,
        [email(
            "sha256$cbb08ce07dd7345341b9358abb810d29eb790fed",
            true,
            None
        )]
    );
    assert_eq!(p.badge.issued.as_deref(), Some("2013-11-05T00:00:00Z"));
    assert_eq!(
        p.badge.image,
        Some(Image::Baked {
            mime: "image/svg+xml".into()
        })
    );
}

#[test]
fn ob05_string_recipient_and_issued_on() {
    let p = parse_value(component("0_5_1_assertion"), None).unwrap();
    let b = &p.badge;
    assert_eq!(
        (b.spec_version.as_str(), b.name.as_str()),
        ("0.5", "Basic McBadge")
    );
    assert_eq!(b.issued.as_deref(), Some("2011-06-01T00:00:00Z"));
    assert_eq!(
        b.recipients,
        [email(
            "sha256$85c4196c5516561cef673642157499b70066cb1070852b2a37fdbf3cc599b087",
            true,
            Some("sel gris")
        )]
    );
    assert_eq!(b.issuer.url.as_deref(), Some("http://oldstyle.com"));
    assert_eq!(b.issuer.name.as_deref(), Some("Basic Issuer"));
    assert_eq!(
        b.criteria.as_ref().and_then(|c| c.url.as_deref()),
        Some("http://oldsyle.com/criteria/2")
    );
    assert_eq!(p.dedupe, DedupeKey::Content);
    let p = parse_value(component("0_5_assertion"), None).unwrap();
    assert_eq!(p.badge.recipients, [email("test@example.com", false, None)]);
}

#[test]
fn ob10_and_ob11_upgrades() {
    let p = parse_value(component("1_0_basic_assertion"), None).unwrap();
    assert_eq!(p.badge.spec_version, "1.0");
    assert_eq!(
        p.badge.issued.as_deref(),
        Some("2015-04-30T00:00:00Z"),
        "date-only issuedOn"
    );
    assert_eq!(
        p.dedupe,
        DedupeKey::Assertion {
            id: "http://a.com/instance".into()
        },
        "1.0 id from verify.url"
    );
    assert_eq!(p.hosted_url.as_deref(), Some("http://a.com/instance"));
    let p = parse_value(component("1_1_basic_assertion"), None).unwrap();
    assert_eq!(p.badge.spec_version, "1.1");
    let p = parse_value(component("2_0_basic_assertion"), None).unwrap();
    assert_eq!(p.badge.spec_version, "2.0");
    // Numeric issuedOn, signed 1.0 with uid, 1.x alignment names.
    let doc = json!({
        "uid": "640", "recipient": {"identity": "a@b.c", "type": "email", "hashed": false},
        "issuedOn": 1359217910, "expires": "1400000000",
        "verify": {"type": "signed", "url": "https://e.org/key.pem"},
        "badge": {"name": "Old", "issuer": {"name": "I", "origin": "https://e.org", "org": "Dept"},
                  "alignment": [{"name": "Skill", "url": "https://e.org/s", "description": "d"}],
                  "tags": ["x", "y"], "image": "data:image/png;base64,AA"}
    });
    let p = parse_value(doc, None).unwrap();
    assert_eq!(p.format, Format::Ob2Signed);
    assert_eq!(
        p.dedupe,
        DedupeKey::Assertion {
            id: "uid:640".into()
        }
    );
    assert_eq!(p.badge.issued.as_deref(), Some("2013-01-26T16:31:50Z"));
    assert_eq!(p.badge.valid_until.as_deref(), Some("2014-05-13T16:53:20Z"));
    assert_eq!(p.badge.issuer.name.as_deref(), Some("I (Dept)"));
    assert_eq!(p.badge.alignments[0].target_name.as_deref(), Some("Skill"));
    assert_eq!(
        p.badge.alignments[0].target_url.as_deref(),
        Some("https://e.org/s")
    );
    assert_eq!(p.badge.tags, ["x", "y"]);
    assert_eq!(
        p.badge.image,
        Some(Image::Data {
            uri: "data:image/png;base64,AA".into()
        })
    );
}

// ---------- not badges ----------

#[test]
fn files_that_are_not_badges() {
    assert_eq!(
        load_err("1edtech-public-validator/ob30/bit-string-list/testlist"),
        "not an open badge: this is a status list credential (VerifiableCredential, BitstringStatusListCredential), which records revocations, not a badge"
    );
    assert_eq!(
        load_err("1edtech-public-validator/ob30/endorsement-valid.json"),
        "not an open badge: an EndorsementCredential endorses a badge or issuer; it is not a badge itself"
    );
    assert_eq!(
        load_err("1edtech-public-validator/ob30/simple-err-type.json"),
        "not an open badge: a verifiable credential of type VerifiableCredential, OtherCredential is not a badge: it needs type OpenBadgeCredential, AchievementCredential or ClrCredential, or a credentialSubject.achievement"
    );
    assert_eq!(
        load_err("1edtech-public-validator/ob20/assets/robotics-badge.json"),
        "not an open badge: this is a badge class (the definition of a badge), not an assertion awarding it to someone; import the assertion or the baked badge image instead"
    );
    assert_eq!(
        load_err("1edtech-public-validator/ob20/assets/organization.json"),
        "not an open badge: this is an issuer profile, not a badge"
    );
    assert_eq!(
        load_err("1edtech-public-validator/ob20/assets/key1.json"),
        "not an open badge: this is a signing key, not a badge"
    );
    assert_eq!(
        load_err("1edtech-public-validator/ob20/assets/revocation-list.json"),
        "not an open badge: this is a revocation list, not a badge"
    );
    let e = parse_value(json!({"recipient": {"identity": "a@b.c"}}), None).unwrap_err();
    assert!(matches!(e, ParseError::NotABadge(_)), "{e:?}");
    assert_eq!(
        e.to_string(),
        "not an open badge: the assertion has no `badge` (the badge class it awards), so there is \
         nothing to show"
    );
    // The JS bakery's test SVG holds a stub, not an assertion.
    assert_eq!(
        load_err("bakery-mozilla-js/baked.svg"),
        "not an open badge: the json has no `recipient` and `badge` (open badges 0.5-2.0) and is not a verifiable credential with an OpenBadgeCredential type (open badges 3.0)"
    );
    let vp = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiablePresentation", "verifiableCredential": []});
    assert_eq!(
        parse_value(vp, None).unwrap_err().to_string(),
        "not an open badge: this is a verifiable presentation (a shared bundle of credentials), not a single badge; check it with `backpack verify-share`"
    );
    assert_eq!(
        parse_value(json!({"credential": [], "compactJwsString": []}), None)
            .unwrap_err()
            .to_string(),
        "not an open badge: this is an open badges 3.0 api response listing credentials, not a single badge; save each credential to a file of its own to import it"
    );
    assert_eq!(
        parse_value(json!("x"), None).unwrap_err().to_string(),
        "json is a string, but a badge is one json object"
    );
}

#[test]
fn every_badge_fixture_parses() {
    let badges = [
        "1edtech-public-validator/ob30/simple.json",
        "1edtech-public-validator/ob30/simple_v1.json",
        "1edtech-public-validator/ob30/simple-did-key-method.json",
        "1edtech-public-validator/ob30/simple-multiple-proofs.json",
        "1edtech-public-validator/ob30/simple-eddsa-2022.json",
        "1edtech-public-validator/ob30/simple-noproof.json",
        "1edtech-public-validator/ob30/simple-err-proof-value.json",
        "1edtech-public-validator/ob30/simple-err-expired.json",
        "1edtech-public-validator/ob30/simple-err-issued.json",
        "1edtech-public-validator/ob30/simple-err-context.json",
        "1edtech-public-validator/ob30/complete_v1.json",
        "1edtech-public-validator/ob30/bit-string-list/credential-status-revoked.json",
        "1edtech-public-validator/ob30/simple-jwt.svg",
        "1edtech-public-validator/ob30/simple-jwt_v1.png",
        "1edtech-public-validator/ob20/basic-assertion-in-future.json",
        "1edtech-public-validator/ob20/basic-assertion-with-allowed-origins.json",
        "1edtech-public-validator/ob20/basic-assertion-with-allowed-origins-invalid-starts-with.json",
        "1edtech-public-validator/ob20/simple-not-revoked.jwt",
        "dcc-verifier-core/v2OBv3SpecExample.json",
        "dcc-verifier-core/v2EddsaWithValidStatus.json",
        "dcc-verifier-core/v2DoubleSigWithValidStatus.json",
        "dcc-verifier-core/v2WithValidStatus.json",
        "dcc-verifier-core/v2didWebMultikeyWithValidStatus.json",
    ];
    for f in badges {
        let p = load(f);
        assert!(
            !p.badge.name.is_empty() && p.badge.issued.is_some(),
            "{f}: {:?}",
            p.badge
        );
        let raw = decode(&fixture_bytes(f)).unwrap();
        if matches!(raw.payload, Payload::Json(_)) {
            assert_eq!(p.document["id"].as_str(), p.badge.id.as_deref(), "{f}");
        }
    }
    let spec: Value =
        serde_json::from_slice(&fixture_bytes("ob3-spec-test-vector/vector.json")).unwrap();
    let signed = spec
        .as_object()
        .unwrap()
        .values()
        .find(|v| v.get("proof").is_some())
        .expect("signed credential");
    let p = parse_value(signed.clone(), None).unwrap();
    assert_eq!(p.format, Format::Ob3Json);
}

// ---------- issue 13: a credential that holds no readable badge is refused ----------

fn vc(extra: Value) -> Value {
    let mut doc = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:1",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
    });
    for (k, v) in extra.as_object().unwrap() {
        doc[k] = v.clone();
    }
    doc
}

fn refusal(doc: Value) -> String {
    parse_value(doc, None)
        .map(|p| p.badge.name)
        .expect_err("refused")
        .to_string()
}

const WHY: &str = "(who issued it, to whom, and what was achieved)";

#[test]
fn credential_without_issuer_subject_or_achievement_is_refused_saying_what_is_missing() {
    let subject =
        json!({"id": "did:example:a", "achievement": {"id": "urn:a", "name": "Teamwork"}});
    assert_eq!(
        refusal(vc(json!({"padding": ["x", "y"]}))),
        format!(
            "holds no readable badge: the credential has no `issuer`, no `credentialSubject` and no `credentialSubject.achievement` or `name` {WHY}"
        )
    );
    assert_eq!(
        refusal(vc(json!({"credentialSubject": subject}))),
        format!("holds no readable badge: the credential has no `issuer` {WHY}")
    );
    // An issuer object with neither id nor name is no issuer.
    assert_eq!(
        refusal(vc(
            json!({"issuer": {"type": "Profile"}, "credentialSubject": subject})
        )),
        format!("holds no readable badge: the credential has no `issuer` {WHY}")
    );
    assert_eq!(
        refusal(vc(json!({"issuer": "https://example.org/i"}))),
        format!(
            "holds no readable badge: the credential has no `credentialSubject` and no `credentialSubject.achievement` or `name` {WHY}"
        )
    );
    assert_eq!(
        refusal(vc(
            json!({"issuer": "https://example.org/i", "credentialSubject": {"id": "did:example:a"}})
        )),
        format!(
            "holds no readable badge: the credential has no `credentialSubject.achievement` or `name` {WHY}"
        )
    );
    assert_eq!(
        refusal(vc(
            json!({"issuer": "https://example.org/i", "name": "Degree"})
        )),
        format!("holds no readable badge: the credential has no `credentialSubject` {WHY}")
    );
    let clr = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": "Transcript",
    });
    assert_eq!(
        refusal(clr),
        format!(
            "holds no readable badge: the clr credential has no `issuer` and no `credentialSubject` {WHY}"
        )
    );
}

#[test]
fn a_credential_with_issuer_subject_and_achievement_or_name_still_parses() {
    // 1EdTech's simple vectors: a subject without an achievement, but a name.
    let p = parse_value(
        vc(json!({"issuer": "https://example.org/i", "name": "Degree", "credentialSubject": {"id": "did:example:a"}})),
        None,
    )
    .unwrap();
    assert_eq!(p.badge.name, "Degree");
    // An issuer given by name only, and an achievement given as an IRI.
    let p = parse_value(
        vc(json!({"issuer": {"name": "Example Org"}, "credentialSubject": {"achievement": "https://example.org/a"}})),
        None,
    )
    .unwrap();
    assert_eq!(p.badge.issuer.name.as_deref(), Some("Example Org"));
    // A VC-JWT's `iss` claim is the issuer when the credential omits it.
    let cred = vc(json!({"name": "Degree", "credentialSubject": {"id": "did:example:a"}}));
    let claims = json!({"iss": "did:example:issuer", "vc": cred});
    let b64 = |v: &Value| backpack_core::decode::jws::b64url_encode(v.to_string().as_bytes());
    let jws = format!("{}.{}.c2ln", b64(&json!({"alg": "EdDSA"})), b64(&claims));
    let p = parse(&Decoded {
        container: Container::Jws,
        payload: Payload::Jws(jws),
    })
    .unwrap();
    assert_eq!(p.badge.issuer.id.as_deref(), Some("did:example:issuer"));
}

/// Why a file is not a badge is said in the learner's language: the parser's reasons are
/// catalog messages (English above stays exactly as it was), and of a JSON syntax error the
/// category and position are said, serde_json's own sentence only in English.
#[test]
fn files_that_are_not_badges_say_why_in_spanish() {
    assert_eq!(
        load_err_es("1edtech-public-validator/ob20/assets/robotics-badge.json"),
        "no es una insignia Open Badges: es una clase de insignia (la definición de una insignia), \
         no una aserción que la otorga a alguien; importa la aserción o la imagen de la insignia \
         horneada"
    );
    assert_eq!(
        load_err_es("1edtech-public-validator/ob30/simple-err-type.json"),
        "no es una insignia Open Badges: una credencial verificable de tipo VerifiableCredential, \
         OtherCredential no es una insignia: necesita el tipo OpenBadgeCredential, \
         AchievementCredential o ClrCredential, o un credentialSubject.achievement"
    );
    let es = backpack_core::i18n::Catalog::get(backpack_core::i18n::Lang::Es);
    let es_of = |v: Value| {
        backpack_core::localize::Localize::localize(&parse_value(v, None).unwrap_err(), es)
    };
    let bare = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"]});
    let e = parse_value(bare.clone(), None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "holds no readable badge: the credential has no `issuer`, no `credentialSubject` and no \
         `credentialSubject.achievement` or `name` (who issued it, to whom, and what was achieved)"
    );
    assert_eq!(
        es_of(bare),
        "no contiene ninguna insignia legible: la credencial no tiene `issuer`, ni \
         `credentialSubject` ni `credentialSubject.achievement` o `name` (quién la emitió, a \
         quién y qué se logró)"
    );
    let bad_json = |text: &str| {
        let d = Decoded {
            container: Container::Json,
            payload: Payload::Json(text.into()),
        };
        let e = parse(&d).map(|p| p.badge.name).unwrap_err();
        (
            e.to_string(),
            backpack_core::localize::Localize::localize(&e, es),
        )
    };
    assert_eq!(
        bad_json("{\"recipient\": tru"),
        (
            "invalid json: EOF while parsing a value at line 1 column 17".to_string(),
            "json no válido: el json se corta antes de terminar (línea 1, columna 17)".to_string()
        )
    );
    assert_eq!(
        bad_json("{\"recipient\": x}"),
        (
            "invalid json: expected value at line 1 column 15".to_string(),
            "json no válido: json mal formado en la línea 1, columna 15".to_string()
        )
    );
}
