//! The wallet file: opening twice, two handles at once, the default location.

use backpack_core::import::{FileResult, import_bytes};
use backpack_core::store::{Query, SCHEMA_VERSION, Wallet};

use crate::util::fixture_bytes;

#[test]
fn opening_a_wallet_twice_is_idempotent_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/wallet.db");
    let bytes = fixture_bytes("1edtech-public-validator/ob30/simple-json.png");
    let id = {
        let w = Wallet::open(&path).unwrap();
        match import_bytes(&w, &bytes, "x.png").result {
            FileResult::Imported { id, .. } => id,
            other => panic!("{other:?}"),
        }
    };
    for _ in 0..2 {
        let w = Wallet::open(&path).unwrap();
        assert_eq!(w.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(w.original(id).unwrap(), bytes);
        assert_eq!(w.count_badges(&Query::default()).unwrap(), 1);
    }
}

#[test]
fn two_handles_on_one_file_see_each_others_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    let a = Wallet::open(&path).unwrap();
    let b = Wallet::open(&path).unwrap();
    let o = import_bytes(&a, &fixture_bytes("bakery-python/baked_heart.png"), "h.png");
    assert!(o.is_ok(), "{o:?}");
    assert_eq!(b.count_badges(&Query::default()).unwrap(), 1);
    assert!(matches!(
        import_bytes(&b, &fixture_bytes("bakery-python/baked_heart.png"), "h.png").result,
        FileResult::Duplicate { .. }
    ));
}

#[test]
fn default_path_is_the_platform_data_dir() {
    let p = Wallet::default_path().unwrap();
    assert_eq!(p.file_name().unwrap(), "wallet.db");
    assert!(
        p.to_string_lossy().to_lowercase().contains("backpack"),
        "{}",
        p.display()
    );
}
