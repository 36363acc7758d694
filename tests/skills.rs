//! Skills, stacks and timeline (issue 11) and the LinkedIn link, on real fixtures.
//!
//! Provenance: the 1EdTech validator vectors (`ob30/complete.json`, `clr20/simple.json`,
//! `ob20/simple-badge.png`), the Python bakery's heart and DCC's `safeModeBreaker.json` are
//! imported as they are. No public badge carries OB 3.0 `related` or OB 2.0 alignments shared
//! across badges, so those are built here from the specs' documented structure on top of real
//! vectors: `complete.json` with its ids, name and `related` changed
//! (<https://www.imsglobal.org/spec/ob/v3p0/#related>), and badgecheck's OB 2.0 basic
//! assertion with its BadgeClass and Issuer embedded and an `alignment` added
//! (<https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#AlignmentObject>).

use backpack_core::import::{FileResult, import_bytes};
use backpack_core::linkedin::{LinkedInFields, public_https_url};
use backpack_core::model::{Badge, Issuer};
use backpack_core::skills::{NO_FRAMEWORK, StackKind};
use backpack_core::store::Wallet;
use serde_json::{Value, json};

use crate::util::fixture_bytes;

fn import(w: &Wallet, name: &str, bytes: &[u8]) -> i64 {
    match import_bytes(w, bytes, name).result {
        FileResult::Imported { id, .. } => id,
        other => panic!("{name}: {other:?}"),
    }
}

fn fixture(w: &Wallet, rel: &str) -> i64 {
    import(w, rel, &fixture_bytes(rel))
}

/// badgecheck's OB 2.0 basic assertion, BadgeClass and Issuer, embedded, with alignments.
fn ob2(id: &str, name: &str, issued: &str, alignment: Value) -> Vec<u8> {
    let c: Value =
        serde_json::from_slice(&fixture_bytes("badgecheck/test_components.json")).unwrap();
    let part = |k: &str| -> Value {
        match &c[k] {
            Value::String(s) => serde_json::from_str(s).unwrap(),
            v => v.clone(),
        }
    };
    let mut a = part("2_0_basic_assertion");
    let mut b = part("2_0_basic_badgeclass");
    b["issuer"] = part("2_0_basic_issuer");
    b["name"] = json!(name);
    b["id"] = json!(format!("{id}/class"));
    b["alignment"] = alignment;
    a["badge"] = b;
    a["id"] = json!(id);
    a["issuedOn"] = json!(issued);
    serde_json::to_vec(&a).unwrap()
}

/// 1EdTech's complete OB 3.0 credential as another achievement, with `related`.
fn ob3(n: u32, name: &str, valid_from: &str, related: &[&str]) -> Vec<u8> {
    let mut d: Value = serde_json::from_slice(&fixture_bytes(
        "1edtech-public-validator/ob30/complete.json",
    ))
    .unwrap();
    d["id"] = json!(format!("https://1edtech.edu/credentials/{n}"));
    d["validFrom"] = json!(valid_from);
    d["awardedDate"] = json!(valid_from);
    let ach = &mut d["credentialSubject"]["achievement"];
    ach["id"] = json!(format!("https://1edtech.edu/achievements/{n}"));
    ach["name"] = json!(name);
    ach["related"] = related
        .iter()
        .map(|r| json!({"id": r, "type": ["Related"], "@language": "en-US"}))
        .collect();
    serde_json::to_vec(&d).unwrap()
}

#[test]
fn the_fixtures_alignments_results_and_types_are_grouped_exactly() {
    let w = Wallet::open_in_memory().unwrap();
    let degree = fixture(&w, "1edtech-public-validator/ob30/complete.json");
    let clr = fixture(&w, "1edtech-public-validator/clr20/simple.json");
    let robotics = fixture(&w, "1edtech-public-validator/ob20/simple-badge.png");
    let heart = fixture(&w, "bakery-python/baked_heart.png");
    let kqed = fixture(&w, "dcc-verifier-core/safeModeBreaker.json");
    let v = w.skills(None).unwrap();

    // complete.json aligns twice to code "degree" of one framework (as a CFItem and as CTDL):
    // one skill, both addresses and both types, one badge behind it.
    assert_eq!(v.frameworks.len(), 1);
    let fw = &v.frameworks[0];
    assert_eq!(fw.name, "1EdTech University Program and Course Catalog");
    assert!(!fw.unnamed);
    assert_eq!(fw.skills.len(), 1);
    let s = &fw.skills[0];
    assert_eq!(s.name, "1EdTech University Degree");
    assert_eq!(s.code.as_deref(), Some("degree"));
    assert_eq!(
        s.description.as_deref(),
        Some("1EdTech University Degree programs.")
    );
    assert_eq!(
        s.urls,
        [
            "https://1edtech.edu/catalog/degree",
            "https://credentialengineregistry.org/resources/ce-98cb027b-95ef-4494-908d-6f7790ec6b6b"
        ]
    );
    assert_eq!(s.types, ["CFItem", "CTDL"]);
    assert_eq!(s.badges, [degree]);

    // Its three results all name the "Final Project Grade" description.
    assert_eq!(v.results.len(), 1);
    assert_eq!(v.results[0].label, "Final Project Grade");
    let r: Vec<_> = v.results[0]
        .results
        .iter()
        .map(|r| {
            (
                r.badge,
                r.value.as_deref(),
                r.status.as_deref(),
                r.achieved_level.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        r,
        [
            (degree, Some("A"), None, None),
            (degree, None, None, Some("Mastery")),
            (degree, None, Some("Completed"), None)
        ]
    );

    let types: Vec<_> = v
        .achievement_types
        .iter()
        .map(|t| (t.achievement_type.as_str(), t.badges.clone()))
        .collect();
    assert_eq!(
        types,
        [("Certification", vec![kqed]), ("Degree", vec![degree])]
    );

    // The CLR's association: "Achievement 1" isParentOf "Achievement 2", both only described
    // by the transcript (not held as badges of their own), stated by the CLR.
    assert_eq!(v.stacks.len(), 1);
    let st = &v.stacks[0];
    assert_eq!(st.kind, StackKind::Linked);
    assert_eq!(st.title, "Sample Transcript");
    let steps: Vec<_> = st
        .steps
        .iter()
        .map(|s| {
            (
                s.achievement_id.as_deref().unwrap(),
                s.name.as_str(),
                s.badges.len(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            (
                "urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002",
                "Achievement 1",
                0
            ),
            (
                "urn:uuid:dd887f0a-56cb-11ec-bf63-0242ac130002",
                "Achievement 2",
                0
            )
        ]
    );
    assert_eq!(st.links.len(), 1);
    assert_eq!(
        (
            st.links[0].from,
            st.links[0].to,
            st.links[0].relation.as_str()
        ),
        (0, 1, "isParentOf")
    );
    assert_eq!(st.stated_by, [clr]);

    // The timeline: by issue date, ties by wallet id; the CLR's inner Teamwork credential too.
    let teamwork = w.get_badge(clr).unwrap().children[0];
    let order: Vec<i64> = v.timeline.iter().map(|b| b.id).collect();
    assert_eq!(order, [degree, clr, teamwork, heart, robotics, kqed]);
    assert_eq!(
        v.timeline[5].issued.as_deref(),
        Some("2025-07-14T20:59:07.322Z")
    );
}

#[test]
fn ob2_alignments_to_one_target_across_badges_form_a_stack_in_date_order() {
    let w = Wallet::open_in_memory().unwrap();
    let target = json!({"targetName": "Soldering", "targetUrl": "https://skills.example.net/solder",
                        "targetDescription": "Joins parts with solder."});
    let loose = json!({"targetName": "Teamwork", "targetUrl": "https://skills.example.net/team"});
    let esco = json!({"targetName": "use soldering equipment", "targetFramework": "ESCO",
                      "targetCode": "S1.8.2", "targetUrl": "http://data.europa.eu/esco/skill/1"});
    // Imported newest first: the stack is ordered by date, not by import.
    let advanced = import(
        &w,
        "advanced.json",
        &ob2(
            "https://example.org/a/2",
            "Advanced Soldering",
            "2021-03-01T00:00:00Z",
            json!([target, esco]),
        ),
    );
    let basic = import(
        &w,
        "basic.json",
        &ob2(
            "https://example.org/a/1",
            "Basic Soldering",
            "2019-05-01T00:00:00Z",
            json!([target, loose]),
        ),
    );
    let v = w.skills(None).unwrap();
    let fws: Vec<_> = v
        .frameworks
        .iter()
        .map(|f| {
            (
                f.name.as_str(),
                f.unnamed,
                f.skills
                    .iter()
                    .map(|s| (s.name.as_str(), s.badges.clone()))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        fws,
        [
            (
                "ESCO",
                false,
                vec![("use soldering equipment", vec![advanced])]
            ),
            (
                NO_FRAMEWORK,
                true,
                vec![
                    ("Soldering", vec![advanced, basic]),
                    ("Teamwork", vec![basic])
                ]
            ),
        ]
    );
    assert_eq!(v.stacks.len(), 1);
    let st = &v.stacks[0];
    assert_eq!(st.kind, StackKind::SharedTarget);
    assert_eq!(st.title, "Soldering");
    let steps: Vec<_> = st
        .steps
        .iter()
        .map(|s| (s.name.as_str(), s.badges.clone()))
        .collect();
    assert_eq!(
        steps,
        [
            ("Basic Soldering", vec![basic]),
            ("Advanced Soldering", vec![advanced])
        ]
    );
    assert!(st.links.is_empty());
}

#[test]
fn ob3_related_joins_achievements_and_names_ones_not_held_by_id() {
    let w = Wallet::open_in_memory().unwrap();
    let later = import(
        &w,
        "2.json",
        &ob3(
            2,
            "Degree (Français)",
            "2012-01-01T00:00:00Z",
            &["https://1edtech.edu/achievements/1"],
        ),
    );
    let first = import(&w, "1.json", &ob3(1, "Degree", "2010-06-01T00:00:00Z", &[]));
    let lone = import(
        &w,
        "3.json",
        &ob3(
            3,
            "Certificate",
            "2011-01-01T00:00:00Z",
            &["https://other.example.org/ach/9"],
        ),
    );
    let v = w.skills(None).unwrap();
    let stacks: Vec<_> = v
        .stacks
        .iter()
        .filter(|s| s.kind == StackKind::Linked)
        .map(|s| {
            (
                s.title.as_str(),
                s.steps
                    .iter()
                    .map(|st| (st.name.as_str(), st.badges.clone()))
                    .collect::<Vec<_>>(),
                s.links
                    .iter()
                    .map(|l| (l.from, l.to, l.relation.as_str()))
                    .collect::<Vec<_>>(),
                s.stated_by.clone(),
            )
        })
        .collect();
    assert_eq!(
        stacks,
        [
            (
                "Certificate",
                vec![
                    ("Certificate", vec![lone]),
                    ("https://other.example.org/ach/9", vec![])
                ],
                vec![(0, 1, "related")],
                vec![lone]
            ),
            (
                "Degree",
                vec![("Degree", vec![first]), ("Degree (Français)", vec![later])],
                vec![(1, 0, "related")],
                vec![later]
            ),
        ]
    );
    // All three align to the same degree: one shared-target stack, in date order.
    let shared: Vec<_> = v
        .stacks
        .iter()
        .filter(|s| s.kind == StackKind::SharedTarget)
        .map(|s| s.steps.iter().map(|st| st.badges[0]).collect::<Vec<_>>())
        .collect();
    assert_eq!(shared, [vec![first, lone, later]]);
}

#[test]
fn search_keeps_only_matching_skills_results_and_types() {
    let w = Wallet::open_in_memory().unwrap();
    let degree = fixture(&w, "1edtech-public-validator/ob30/complete.json");
    fixture(&w, "dcc-verifier-core/safeModeBreaker.json");
    let all = w.skills(None).unwrap();
    assert_eq!(w.skills(Some("  ")).unwrap(), all);

    // By targetType, case-insensitive: the skill stays, results and types go.
    let v = w.skills(Some("ctdl")).unwrap();
    assert_eq!(v.frameworks.len(), 1);
    assert!(v.results.is_empty() && v.achievement_types.is_empty());
    assert_eq!(v.badge_ids(), [degree]);
    // Every word must match somewhere in the skill.
    assert!(w.skills(Some("degree catalog")).unwrap().frameworks.len() == 1);
    assert!(
        w.skills(Some("degree welding"))
            .unwrap()
            .frameworks
            .is_empty()
    );
    // A result by its value; a type by name. Stacks and the timeline stay whole.
    let v = w.skills(Some("mastery")).unwrap();
    assert!(v.frameworks.is_empty());
    assert_eq!(v.results.len(), 1);
    assert_eq!(v.results[0].results.len(), 1);
    assert_eq!(v.timeline, all.timeline);
    let v = w.skills(Some("CERTIF")).unwrap();
    assert_eq!(v.achievement_types.len(), 1);
    assert_eq!(v.achievement_types[0].achievement_type, "Certification");
}

// ── LinkedIn ──────────────────────────────────────────────────────────────────────────────────

#[test]
fn linkedin_link_for_the_complete_ob3_fixture() {
    let w = Wallet::open_in_memory().unwrap();
    let id = fixture(&w, "1edtech-public-validator/ob30/complete.json");
    let f = w.get_badge(id).unwrap().linkedin();
    assert_eq!(f.name, "1EdTech University Degree");
    assert_eq!(f.organization_name.as_deref(), Some("1EdTech University"));
    assert_eq!(f.issue, Some((2010, 1)));
    assert_eq!(f.expiration, Some((2030, 1)));
    // Its id is http:, not https: no certUrl, the id goes in certId.
    assert_eq!(f.cert_url, None);
    assert_eq!(
        f.cert_id.as_deref(),
        Some("http://1edtech.edu/credentials/3732")
    );
    assert_eq!(
        f.url(),
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME\
         &name=1EdTech%20University%20Degree&organizationName=1EdTech%20University\
         &issueYear=2010&issueMonth=1&expirationYear=2030&expirationMonth=1\
         &certId=http%3A%2F%2F1edtech.edu%2Fcredentials%2F3732"
    );
}

#[test]
fn linkedin_link_encodes_badge_text_and_keeps_only_public_https_cert_urls() {
    let badge = Badge {
        id: Some("https://badges.1edtech.org/a/1?x=1&y=2".into()),
        name: "C++ & Rust: 100% \"safe\"\n+ more".into(),
        issuer: Issuer {
            name: Some("Université d'été / 北京".into()),
            ..Issuer::default()
        },
        issued: Some("2024-11-30T23:00:00-05:00".into()),
        ..Badge::default()
    };
    let f = LinkedInFields::for_badge(&badge, None);
    assert_eq!(
        f.url(),
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME\
         &name=C%2B%2B%20%26%20Rust%3A%20100%25%20%22safe%22%2B%20more\
         &organizationName=Universit%C3%A9%20d%27%C3%A9t%C3%A9%20%2F%20%E5%8C%97%E4%BA%AC\
         &issueYear=2024&issueMonth=11\
         &certUrl=https%3A%2F%2Fbadges.1edtech.org%2Fa%2F1%3Fx%3D1%26y%3D2\
         &certId=https%3A%2F%2Fbadges.1edtech.org%2Fa%2F1%3Fx%3D1%26y%3D2"
    );
    // A hosted OB 2.0 assertion's address wins over its id.
    let hosted = LinkedInFields::for_badge(&badge, Some("https://host.1edtech.org/assertion/7"));
    assert_eq!(
        hosted.cert_url.as_deref(),
        Some("https://host.1edtech.org/assertion/7")
    );

    for refused in [
        "http://badges.1edtech.org/a/1",
        "urn:uuid:677fe8a6cacf98774d482d06",
        "did:web:1edtech.org",
        "https://localhost/a",
        "https://wallet.local/a",
        "https://intranet/a",
        "https://example.com/a",
        "https://10.0.0.7/a",
        "https://[::1]/a",
        "https://169.254.169.254/latest",
        "https://user:pw@badges.1edtech.org/a",
        "javascript:alert(1)",
    ] {
        assert_eq!(public_https_url(refused), None, "{refused}");
    }
    assert_eq!(
        public_https_url("https://8.8.8.8/a").as_deref(),
        Some("https://8.8.8.8/a")
    );
}

#[test]
fn linkedin_fields_left_out_when_the_badge_lacks_them() {
    let badge = Badge {
        name: "Only a name".into(),
        issued: Some("not a date".into()),
        valid_until: Some("2031-13-01T00:00:00Z".into()),
        ..Badge::default()
    };
    let f = LinkedInFields::for_badge(&badge, None);
    assert_eq!((f.issue, f.expiration), (None, None));
    assert_eq!(
        f.url(),
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Only%20a%20name"
    );
}

/// A wallet where every badge names the one before it as `related` (one long stack) and all
/// align to one skill with a new address each: built in well under a second, in date order,
/// with at most 16 addresses kept.
#[test]
fn a_long_chain_of_related_badges_stays_fast_and_ordered() {
    use backpack_core::model::{Alignment, Related};
    let n = 5000;
    let badges: Vec<(i64, Badge)> = (0..n)
        .map(|i| {
            let b = Badge {
                name: format!("Step {i}"),
                achievement_id: Some(format!("https://ach.example.org/{i}")),
                // Issued in reverse order of id: the path follows dates, not ids.
                issued: Some(format!("{:04}-01-01T00:00:00Z", 9000 - i)),
                related: if i > 0 {
                    vec![Related {
                        id: format!("https://ach.example.org/{}", i - 1),
                        ..Related::default()
                    }]
                } else {
                    Vec::new()
                },
                alignments: vec![Alignment {
                    target_name: Some("Persistence".into()),
                    target_code: Some("P1".into()),
                    target_url: Some(format!("https://skills.example.org/{i}")),
                    ..Alignment::default()
                }],
                ..Badge::default()
            };
            (i64::from(i) + 1, b)
        })
        .collect();
    let t = std::time::Instant::now();
    let v = backpack_core::skills::build(&badges);
    let took = t.elapsed();
    assert!(took < std::time::Duration::from_secs(2), "{took:?}");
    let linked: Vec<_> = v
        .stacks
        .iter()
        .filter(|s| s.kind == StackKind::Linked)
        .collect();
    assert_eq!(linked.len(), 1);
    let first_steps: Vec<&str> = linked[0]
        .steps
        .iter()
        .take(3)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(first_steps, ["Step 4999", "Step 4998", "Step 4997"]);
    assert_eq!(linked[0].steps.len(), 5000);
    assert_eq!(linked[0].links.len(), 4999);
    // One skill (same code), every badge behind it, the first 16 addresses kept.
    assert_eq!(v.frameworks.len(), 1);
    assert_eq!(v.frameworks[0].skills.len(), 1);
    let skill = &v.frameworks[0].skills[0];
    assert_eq!(skill.name, "Persistence");
    assert_eq!(skill.badges.len(), 5000);
    assert_eq!(skill.urls.len(), 16);
    assert_eq!(skill.urls[15], "https://skills.example.org/15");
    assert_eq!(v.timeline[0].name, "Step 4999");
}
