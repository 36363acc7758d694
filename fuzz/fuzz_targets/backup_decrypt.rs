//! Backup decryption and restore. The first byte picks the path:
//! - even: the rest is a backup file, decrypted with a fixed passphrase (header parsing,
//!   limits, key check, AEAD); KDF costs above a cheap bound are lowered first, so one input
//!   cannot take seconds (the real limits are tested in the unit tests);
//! - odd: the rest is encrypted as a wallet database with cheap parameters, then restored
//!   into a temporary folder (the SQLite magic and integrity checks on what decrypts).
#![no_main]

use std::sync::OnceLock;

use backpack_core::backup::{HEADER_LEN, KdfParams, decrypt, encrypt, restore_wallet};
use libfuzzer_sys::fuzz_target;

const CHEAP: KdfParams = KdfParams {
    memory_kib: 8,
    time_cost: 1,
    parallelism: 1,
};

static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();

fn clamp(file: &mut [u8], at: usize, max: u32) {
    if let Some(b) = file.get_mut(at..at + 4) {
        let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if v > max {
            b.copy_from_slice(&(v % (max + 1)).to_le_bytes());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        let mut file = rest.to_vec();
        if file.len() >= HEADER_LEN {
            clamp(&mut file, 10, 64); // memory KiB
            clamp(&mut file, 14, 2); // time cost
            clamp(&mut file, 18, 2); // parallelism
        }
        let _ = decrypt(&file, "correct horse");
    } else {
        let Ok(backup) = encrypt(rest, "correct horse", CHEAP, &mut rand_core::OsRng) else {
            return;
        };
        assert_eq!(
            &decrypt(&backup, "correct horse").expect("round trip")[..],
            rest
        );
        let dir = DIR.get_or_init(|| {
            tempfile::tempdir_in("/dev/shm")
                .or_else(|_| tempfile::tempdir())
                .expect("a temp dir")
        });
        let dest = dir.path().join("wallet.db");
        let _ = std::fs::remove_file(&dest);
        if restore_wallet(&backup, "correct horse", &dest, true, &mut rand_core::OsRng).is_ok() {
            // What restores is a wallet that opens, or a clear error; never a panic.
            let _ = backpack_core::store::Wallet::open(&dest);
        }
        for f in ["wallet.db", "wallet.db-wal", "wallet.db-shm"] {
            let _ = std::fs::remove_file(dir.path().join(f));
        }
        if let Ok(rd) = std::fs::read_dir(dir.path()) {
            for e in rd.flatten() {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
});
