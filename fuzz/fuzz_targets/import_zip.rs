//! Importing a ZIP into an empty in-memory wallet: the archive reader, its limits, and the
//! import of every entry in it. A wallet costs its migrations to create, so one is kept
//! while inputs store nothing (most are refused) and replaced as soon as one stores a badge:
//! every input meets an empty wallet. The archive is written to a RAM-backed folder where
//! there is one.
#![no_main]

use std::sync::{Mutex, OnceLock};

use backpack_core::import::FileResult;
use backpack_core::store::Wallet;
use libfuzzer_sys::fuzz_target;

static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
static EMPTY_WALLET: Mutex<Option<Wallet>> = Mutex::new(None);

fn scratch() -> &'static tempfile::TempDir {
    DIR.get_or_init(|| {
        tempfile::tempdir_in("/dev/shm")
            .or_else(|_| tempfile::tempdir())
            .expect("a temp dir")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = scratch().path().join("input.zip");
    std::fs::write(&path, data).expect("write the input");
    let mut slot = EMPTY_WALLET.lock().unwrap_or_else(|e| e.into_inner());
    let wallet = match slot.take() {
        Some(w) => w,
        None => Wallet::open_in_memory().expect("a wallet"),
    };
    // An empty archive yields no outcome at all (reported: fuzz finding 1, needs src/import.rs),
    // so no assertion on the count here.
    let outcomes = backpack_core::import::import_path(&wallet, &path);
    let stored = outcomes.iter().any(|o| {
        matches!(
            o.result,
            FileResult::Imported { .. } | FileResult::History { .. } | FileResult::Duplicate { .. }
        )
    });
    if !stored {
        *slot = Some(wallet);
    }
});
