//! Issue 13, "Hostile text": a badge whose issuer (and name, ids, dates, status URL, file
//! name, collection name) carries terminal escape sequences and bidi controls goes through
//! every command that prints it. The output bytes must hold no ESC, BEL, CR, C1 control or
//! bidi/format character, and the verdict lines must read exactly as the CLI wrote them.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Env, stdout};

/// An OSC that retitles the window, erase-line + carriage return, a green "VALID", a C1 CSI,
/// a right-to-left override and an isolate: enough to fake a verdict on a terminal.
const EVIL: &str =
    "\u{1b}]0;pwned\u{7}\u{1b}[2K\r\u{1b}[32mVALID\u{9b}1m \u{202e}evil\u{2066}\u{200f}";
/// The same text as `terminal_safe` shows it.
const SHOWN: &str =
    "\\u{1b}]0;pwned\\u{7}\\u{1b}[2K \\u{1b}[32mVALID\\u{9b}1m \\u{202e}evil\\u{2066}\\u{200f}";

/// A temp wallet beside a hostile badge file; every run's output is checked inert.
struct Hostile {
    env: Env,
    badge: PathBuf,
}

impl Hostile {
    fn new() -> Hostile {
        let env = Env::with_wallet("wallet.db");
        // The file name is hostile too (a downloaded file is named by the sender).
        let badge = env.path(&format!("badge{EVIL}.json"));
        std::fs::write(&badge, hostile_badge().to_string()).unwrap();
        Hostile { env, badge }
    }

    fn run(&self, args: &[&str]) -> Output {
        let o = self.env.run(args);
        assert_inert(args, &o);
        o
    }

    fn badge(&self) -> &str {
        self.badge.to_str().unwrap()
    }
}

fn hostile_badge() -> serde_json::Value {
    serde_json::json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": format!("urn:uuid:9c1e0b4a-0000-4000-8000-000000000001{EVIL}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": format!("Credential {EVIL}"),
        "issuer": {
            "id": format!("https://issuer.example/{EVIL}"),
            "type": ["Profile"],
            "name": format!("Issuer {EVIL}")
        },
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:example:achievement",
                "type": ["Achievement"],
                "name": format!("Teamwork {EVIL}"),
                "description": format!("Description {EVIL}"),
                "criteria": {"narrative": format!("Narrative {EVIL}")}
            }
        },
        "credentialStatus": {
            "id": format!("https://status.example/{EVIL}#1"),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "1",
            "statusListCredential": format!("https://status.example/{EVIL}")
        }
    })
}

/// No byte or character that can drive a terminal or reorder what it shows.
fn assert_inert(args: &[&str], o: &Output) {
    for (which, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        for b in [0x1b, 0x07, b'\r', 0x00, 0x7f] {
            assert!(
                !bytes.contains(&b),
                "{args:?} {which} holds byte {b:#04x}: {}",
                String::from_utf8_lossy(bytes)
            );
        }
        let text = String::from_utf8(bytes.clone()).unwrap();
        for c in text.chars() {
            let bad = (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{61c}' | '\u{2028}' | '\u{2029}' | '\u{feff}');
            assert!(
                !bad,
                "{args:?} {which} holds U+{:04X}: {text}",
                u32::from(c)
            );
        }
    }
}

fn shown_path(p: &Path) -> String {
    p.display().to_string().replace(EVIL, SHOWN)
}

#[test]
fn verify_shows_hostile_issuer_text_inert_and_keeps_its_verdict_line() {
    let env = Hostile::new();
    let o = env.run(&["verify", env.badge()]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("{}: Invalid (ob3-json)", shown_path(&env.badge))
    );
    assert!(
        lines.contains(
            &format!("  ✓ issuer     issued by Issuer {SHOWN} (https://issuer.example/{SHOWN})")
                .as_str()
        ),
        "{out}"
    );
    assert!(
        lines.contains(&"  ? status     could not check the status list: offline: network access is not allowed (allow it in Settings, or pass --allow-network)"),
        "{out}"
    );
    // --json is JSON: the text is there, escaped by JSON itself.
    let o = env.run(&["verify", "--json", env.badge()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verdict"], "invalid");
    assert!(v.to_string().contains("Issuer \\u001b]0;pwned"), "{v}");
    // serde_json leaves C1 and bidi characters raw; the CLI escapes them too.
    let raw = stdout(&o);
    assert!(
        raw.contains("VALID\\u009b1m \\u202eevil\\u2066\\u200f"),
        "{raw}"
    );
}

#[test]
fn import_list_show_recheck_show_hostile_text_inert() {
    let env = Hostile::new();
    let o = env.run(&["import", env.badge()]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(
        stdout(&o),
        format!(
            "imported   {}  #1 \"Teamwork {SHOWN}\"  (invalid)\n1 imported, 0 already in your wallet, 0 refused\n",
            shown_path(&env.badge)
        )
    );

    let out = stdout(&env.run(&["list"]));
    let row = out.lines().nth(1).unwrap();
    assert!(
        row.starts_with("#1  Teamwork \\u{1b}]0;pwned\\u{7}"),
        "{out}"
    );
    assert!(row.ends_with("ob3-json  invalid"), "{out}");

    let out = stdout(&env.run(&["show", "1"]));
    for line in [
        format!("badge        #1 \"Teamwork {SHOWN}\""),
        format!("issuer       Issuer {SHOWN} (https://issuer.example/{SHOWN})"),
        format!("description  Description {SHOWN}"),
        format!("criteria     Narrative {SHOWN}"),
        "status       Invalid".to_owned(),
    ] {
        assert!(out.lines().any(|l| l == line), "{line}\nin\n{out}");
    }

    let o = env.run(&["recheck", "--all"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = stdout(&o);
    let head = out.lines().next().unwrap();
    assert!(head.starts_with("1 Teamwork \\u{1b}]0;pwned"), "{out}");
    assert!(head.ends_with(": Invalid (ob3-json)"), "{out}");
    assert!(
        out.contains(&format!("  ✓ issuer     issued by Issuer {SHOWN} (")),
        "{out}"
    );

    // Every --json output is inert too (Env::run checks each), and still parses.
    for (args, whole) in [
        (&["list", "--json"][..], true),
        (&["show", "1", "--json"], true),
        (&["recheck", "--all", "--json"], false),
        (&["import", "--json", env.badge()], false),
        (&["collection", "list", "--json"], false),
    ] {
        let out = stdout(&env.run(args));
        let docs: Vec<&str> = if whole {
            vec![out.as_str()]
        } else {
            out.lines().collect()
        };
        for d in docs {
            serde_json::from_str::<serde_json::Value>(d)
                .unwrap_or_else(|e| panic!("{args:?}: {e}: {d}"));
        }
    }

    // A second import says "duplicate" with the stored (hostile) name, inert.
    let out = stdout(&env.run(&["import", env.badge()]));
    assert!(
        out.starts_with(&format!(
            "duplicate  {}  #1 \"Teamwork {SHOWN}\"",
            shown_path(&env.badge)
        )),
        "{out}"
    );
}

#[test]
fn verify_share_shows_hostile_text_inert_and_keeps_its_summary_line() {
    let env = Hostile::new();
    env.run(&["import", env.badge()]);
    // The wallet refuses control characters in a collection name; bidi controls go in.
    let collection = "Portfolio \u{202e}evil\u{2066}".to_owned();
    env.run(&["collection", "create", &collection]);
    env.run(&["collection", "add", &collection, "1"]);
    let out_collections = stdout(&env.run(&["collection", "list"]));
    assert!(
        out_collections.contains("Portfolio \\u{202e}evil\\u{2066}"),
        "{out_collections}"
    );
    for format in ["html", "zip", "vp"] {
        let file = env.env.path(&format!("share.{format}"));
        let o = env.run(&[
            "export",
            &collection,
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{format}: {o:?}");
        let o = env.run(&["verify-share", file.to_str().unwrap()]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(1), "{format}: {out}");
        assert_eq!(
            out.lines().last().unwrap(),
            "0 of 1 badge verified; not everything verifies",
            "{format}: {out}"
        );
        assert!(
            out.contains(&format!("Teamwork {SHOWN}")),
            "{format}: {out}"
        );
    }
}

#[test]
fn errors_quoting_hostile_names_are_inert() {
    let env = Hostile::new();
    // A collection that does not exist, named with the hostile text: the error quotes it.
    let o = env.run(&["collection", "add", &format!("Nope {EVIL}"), "1"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("backpack: "), "{err}");
    assert!(err.contains("Nope \\u{1b}]0;pwned"), "{err}");
    // verify-share of a file that is not an export, under a hostile name.
    let o = env.run(&["verify-share", env.badge()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains(&shown_path(&env.badge)), "{err}");
}
