//! One search engine: the app's gallery query (`WalletAdapter::query`, the command the search
//! box calls on every keystroke) and `backpack list` are the same core call
//! (`Wallet::query_ids`), so the same search, filter and sort give the same badges in the same
//! order through both.

use std::path::Path;
use std::process::Command;

use backpack_app::commands::adapter::{GalleryQuery, WalletAdapter};
use backpack_core::store::Sort;
use backpack_core::verify::Status;

fn list(wallet: &Path, args: &[&str]) -> Vec<i64> {
    let o = Command::new(env!("CARGO_BIN_EXE_backpack"))
        .arg("--wallet")
        .arg(wallet)
        .args(["list", "--json"])
        .args(args)
        .env_remove("BACKPACK_WALLET")
        .env("BACKPACK_KEY_STORE", "file")
        .env("BACKPACK_LANG", "en")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    rows.iter().map(|r| r["id"].as_i64().unwrap()).collect()
}

#[test]
fn the_app_and_the_cli_answer_every_query_alike() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    let app = WalletAdapter::open(&path).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
    let lines = app.import_path(&samples).unwrap();
    let ids: Vec<i64> = lines.iter().filter_map(|l| l.id).collect();
    assert!(ids.len() >= 6, "{lines:?}");
    // A tag of the learner's, searchable and filterable in both.
    app.set_badge_tags(ids[0], vec!["Portfolio 2026".into()])
        .unwrap();

    let cases: Vec<(GalleryQuery, Vec<&str>)> = vec![
        (GalleryQuery::default(), vec![]),
        (
            GalleryQuery {
                sort: Sort::Name,
                ..GalleryQuery::default()
            },
            vec!["--sort", "name"],
        ),
        (
            GalleryQuery {
                sort: Sort::Issuer,
                ..GalleryQuery::default()
            },
            vec!["--sort", "issuer"],
        ),
        (
            GalleryQuery {
                sort: Sort::Oldest,
                ..GalleryQuery::default()
            },
            vec!["--sort", "oldest"],
        ),
        (
            GalleryQuery {
                text: Some("team".into()),
                ..GalleryQuery::default()
            },
            vec!["--search", "team"],
        ),
        (
            GalleryQuery {
                text: Some("PORTF".into()),
                ..GalleryQuery::default()
            },
            vec!["--search", "PORTF"],
        ),
        (
            GalleryQuery {
                tag: Some("Portfolio 2026".into()),
                ..GalleryQuery::default()
            },
            vec!["--tag", "Portfolio 2026"],
        ),
        (
            GalleryQuery {
                status: Some(Status::Expired),
                ..GalleryQuery::default()
            },
            vec!["--status", "expired"],
        ),
    ];
    for (q, args) in cases {
        let from_app = app.query(q.clone()).unwrap();
        assert_eq!(from_app, list(&path, &args), "{q:?} / {args:?}");
        if args.is_empty() {
            assert_eq!(from_app.len(), ids.len());
        }
    }
    // The search box's stretches of the answer are slices of it, with the whole count.
    app.warm_search();
    let all = app.query(GalleryQuery::default()).unwrap();
    assert!(all.len() >= 3, "{all:?}");
    let page = app
        .query_page_now(GalleryQuery::default(), 1, Some(2))
        .unwrap()
        .expect("the index was just built");
    assert_eq!((page.total, page.ids.as_slice()), (all.len(), &all[1..3]));
    let rest = app
        .query_page_now(GalleryQuery::default(), 3, None)
        .unwrap()
        .unwrap();
    assert_eq!(rest.ids, all[3..]);
    // The cases are not all the same answer.
    let team = app
        .query(GalleryQuery {
            text: Some("team".into()),
            ..GalleryQuery::default()
        })
        .unwrap();
    assert!(!team.is_empty() && team.len() < ids.len(), "{team:?}");
    assert_eq!(
        app.query(GalleryQuery {
            text: Some("portf".into()),
            ..GalleryQuery::default()
        })
        .unwrap(),
        vec![ids[0]]
    );
}
