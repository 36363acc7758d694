//! The message catalogs (issue 14): every message id the Rust code names (the CLI's human
//! output, the exports) exists in English and in Spanish, in the catalog files the app loads.
//! `scripts/check-catalog.mjs` runs the same scan; this test fails in `cargo test` too.

use backpack_core::i18n::{Catalog, Lang};

/// Every `"cli-…"`, `"export-…"`, `"pdf-…"`, `"err-…"` string literal in `dir` (recursively), with its file.
fn ids_in(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            ids_in(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let src = std::fs::read_to_string(&p).unwrap();
            for prefix in ["\"cli-", "\"export-", "\"pdf-", "\"err-"] {
                for (at, _) in src.match_indices(prefix) {
                    let rest = &src[at + 1..];
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                        .unwrap_or(rest.len());
                    if rest[end..].starts_with('"') && !rest[..end].ends_with('-') {
                        out.push((rest[..end].to_string(), p.display().to_string()));
                    }
                }
            }
        }
    }
}

#[test]
fn every_message_id_used_in_rust_is_in_both_catalogs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut ids = Vec::new();
    ids_in(&root.join("src"), &mut ids);
    ids_in(&root.join("cli/src"), &mut ids);
    assert!(ids.len() > 60, "the scan found only {} ids", ids.len());
    // Ids built at run time: statuses, months.
    for s in [
        "verified",
        "issuer_not_confirmed",
        "could_not_check",
        "invalid",
        "expired",
        "revoked",
        "unreadable",
        "not_checked",
    ] {
        ids.push((format!("status-{s}"), "src/i18n.rs".into()));
    }
    for m in 1..=12 {
        ids.push((format!("month-{m}"), "src/i18n.rs".into()));
    }
    ids.push(("date-long".into(), "src/i18n.rs".into()));
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let c = Catalog::new(lang);
        for (id, file) in &ids {
            if !c.has(id) {
                missing.push(format!("{lang}: {id} (used in {file})"));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "missing messages:\n{}",
        missing.join("\n")
    );
}
