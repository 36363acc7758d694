//! `backpack skills` and `backpack linkedin` end to end on a temp wallet: exact output on the
//! 1EdTech fixtures, JSON shapes, hostile badge text shown inert, errors.

use crate::common;

use std::path::Path;

use common::{Env, fixture, stdout};

/// A temp wallet beside its folder.
fn new_env() -> Env {
    Env::with_wallet("wallet.db")
}

/// `backpack import PATH`, which must succeed.
fn import(env: &Env, path: &Path) {
    let o = env.run(&["import", path.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
}

#[test]
fn skills_prints_the_complete_fixture_and_the_clr_stack_exactly() {
    let env = new_env();
    import(
        &env,
        &fixture("1edtech-public-validator/ob30/complete.json"),
    );
    import(&env, &fixture("1edtech-public-validator/clr20/simple.json"));
    let o = env.run(&["skills"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(
        stdout(&o),
        "Skills: 1 in 1 framework

1EdTech University Program and Course Catalog
  1EdTech University Degree [degree] (CFItem, CTDL)
      https://1edtech.edu/catalog/degree
      https://credentialengineregistry.org/resources/ce-98cb027b-95ef-4494-908d-6f7790ec6b6b
    #1 1EdTech University Degree

Results
  Final Project Grade
    #1 1EdTech University Degree: A
    #1 1EdTech University Degree: Mastery
    #1 1EdTech University Degree: Completed

Achievement types
  Degree: #1 1EdTech University Degree

Stacks
  Sample Transcript (linked by #2)
    1. Achievement 1 (not in the wallet)
       isParentOf -> 2
    2. Achievement 2 (not in the wallet)

Timeline
  2010-01-01  #1 1EdTech University Degree (1EdTech University)
  2010-01-01  #2 Sample Transcript (Example University)
  2010-01-01  #3 Teamwork (Example Corp)
"
    );

    // A search narrows the skills and leaves stacks and timeline out.
    let o = env.run(&["skills", "CTDL"]);
    let out = stdout(&o);
    assert!(out.starts_with("Skills: 1 in 1 framework\n"), "{out}");
    assert!(
        !out.contains("Results") && !out.contains("Timeline"),
        "{out}"
    );
    let o = env.run(&["skills", "no", "such", "skill"]);
    assert_eq!(
        stdout(&o),
        "No skill, result or achievement type matches.\n"
    );

    let v: serde_json::Value =
        serde_json::from_slice(&env.run(&["skills", "--json"]).stdout).unwrap();
    assert_eq!(
        v["frameworks"][0]["skills"][0]["badges"],
        serde_json::json!([1])
    );
    assert_eq!(v["stacks"][0]["kind"], "linked");
    assert_eq!(v["stacks"][0]["links"][0]["relation"], "isParentOf");
    assert_eq!(v["timeline"].as_array().unwrap().len(), 3);
}

#[test]
fn skills_shows_hostile_badge_text_as_inert_escapes() {
    let env = new_env();
    let mut d: serde_json::Value = serde_json::from_slice(
        &std::fs::read(fixture("1edtech-public-validator/ob30/complete.json")).unwrap(),
    )
    .unwrap();
    d["credentialSubject"]["achievement"]["alignment"][0]["targetName"] =
        "Evil\u{1b}[2J\u{202e}gnp.exe".into();
    d["credentialSubject"]["achievement"]["alignment"][0]["targetCode"] = "x\u{9b}31m".into();
    let path = env.dir.path().join("evil.json");
    std::fs::write(&path, serde_json::to_vec(&d).unwrap()).unwrap();
    import(&env, &path);
    let out = stdout(&env.run(&["skills"]));
    assert!(
        out.contains("  Evil\\u{1b}[2J\\u{202e}gnp.exe [x\\u{9b}31m] (CFItem)\n"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\u{9b}'));
    let json = stdout(&env.run(&["skills", "--json"]));
    assert!(
        json.contains("\\u202e") && !json.contains('\u{202e}'),
        "{json}"
    );
}

#[test]
fn skills_on_a_wallet_without_skills_says_so() {
    let env = new_env();
    import(&env, &fixture("bakery-python/baked_heart.png"));
    let out = stdout(&env.run(&["skills"]));
    assert!(
        out.starts_with("No badge in the wallet names a skill, result or achievement type.\n"),
        "{out}"
    );
    assert!(
        out.contains("\nTimeline\n  2015-04-01  #1 badge1\n"),
        "{out}"
    );
}

#[test]
fn linkedin_prints_the_fields_and_the_exact_link() {
    let env = new_env();
    import(
        &env,
        &fixture("1edtech-public-validator/ob30/complete.json"),
    );
    let o = env.run(&["linkedin", "1"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let url = "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME\
               &name=1EdTech%20University%20Degree&organizationName=1EdTech%20University\
               &issueYear=2010&issueMonth=1&expirationYear=2030&expirationMonth=1\
               &certId=http%3A%2F%2F1edtech.edu%2Fcredentials%2F3732";
    assert_eq!(
        stdout(&o),
        format!(
            "Name            1EdTech University Degree
Organization    1EdTech University
Issued          2010-01
Expires         2030-01
Credential ID   http://1edtech.edu/credentials/3732
Credential URL  (none: the badge has no public https address of its own)

Add to LinkedIn:
  {url}
"
        )
    );
    let v: serde_json::Value =
        serde_json::from_slice(&env.run(&["linkedin", "#1", "--json"]).stdout).unwrap();
    assert_eq!(v["url"], url);
    assert_eq!(v["issue"], serde_json::json!([2010, 1]));
    assert_eq!(v["cert_url"], serde_json::Value::Null);

    let o = env.run(&["linkedin", "7"]);
    assert_ne!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("7"), "{err}");
    assert!(o.stdout.is_empty());
}
