//! The CLI and the app obey the same network rule (`backpack_core::policy::network`): the
//! same scenario — a guardian unlocks minor mode, allows network, locks again — driven through
//! the app's wallet adapter and the `backpack` binary gives the same decision at each step.

use crate::common;

use std::path::Path;
use std::process::Output;

use backpack_app::commands::adapter::WalletAdapter;
use backpack_core::policy::Network;

const GUARDIAN: &str = "correct horse battery";

fn backpack(wallet: &Path, args: &[&str], guardian: Option<&str>) -> Output {
    let mut c = common::backpack();
    c.arg("--wallet").arg(wallet).args(args);
    if let Some(g) = guardian {
        c.env("BACKPACK_GUARDIAN_PASSPHRASE", g);
    }
    c.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn guardian_unlock_allow_network_lock_gives_the_same_decision_in_app_and_cli() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.db");
    let app = WalletAdapter::open(&path).unwrap();
    app.enable_minor_mode(GUARDIAN).unwrap();

    // Minor mode on, nothing allowed: both offline because of the guardian's lock.
    assert_eq!(app.network().unwrap(), Network::MinorModeLocked);
    let o = backpack(&path, &["recheck", "--all"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("minor mode is on: checking offline"),
        "{}",
        stderr(&o)
    );

    // The guardian unlocks and allows network: the app's session goes online; the CLI goes
    // online when the guardian's passphrase is given for the run.
    app.unlock(GUARDIAN).unwrap();
    app.set_network_allowed(true).unwrap();
    assert_eq!(app.network().unwrap(), Network::Online);
    let o = backpack(
        &path,
        &["recheck", "--all", "--allow-network"],
        Some(GUARDIAN),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("checking offline"), "{}", stderr(&o));

    // Locked again: the setting alone no longer takes either of them online.
    app.lock().unwrap();
    assert_eq!(app.network().unwrap(), Network::MinorModeLocked);
    let o = backpack(&path, &["recheck", "--all"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stderr(&o).lines().next(),
        Some("backpack: minor mode is on: checking offline")
    );
    // Asking for the network explicitly while locked is refused with the reason.
    let o = backpack(&path, &["recheck", "--all", "--allow-network"], None);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("minor mode is on: network access needs the guardian passphrase"),
        "{}",
        stderr(&o)
    );
}
