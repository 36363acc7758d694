//! Start-up checks that turn "nothing happens", a blank window or a panic into one clear
//! message with the fix (issue 14, "Bad input"):
//!
//! * no graphical session (`DISPLAY` / `WAYLAND_DISPLAY` unset, or a display GTK cannot
//!   open): tao would panic in `gtk::init`; we say the app needs a desktop and point to the
//!   `backpack` command line;
//! * a wallet path that cannot be written (a read-only folder or file system, a parent that
//!   is a file, no permission): SQLite would open the file read-only and every import would
//!   fail later; we refuse up front, name the path and say how to fix it or choose another
//!   wallet;
//! * a wallet file that cannot be opened (not a Backpack wallet, from a newer version).
//!
//! The message goes to stderr and, when there is a display, into a message box too: a
//! learner who starts Backpack from the menu has no terminal. A missing WebKitGTK library
//! stops the dynamic loader before `main`, so the app cannot report it; the `backpack`
//! launcher and the packages' dependencies cover that case (see README, "Packages").

use std::path::{Path, PathBuf};

/// Why the app cannot start, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartupError {
    /// One line: what is wrong.
    pub problem: String,
    /// One line: the fix.
    pub fix: String,
    /// Process exit status.
    pub code: i32,
}

impl std::fmt::Display for StartupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\n{}", self.problem, self.fix)
    }
}

impl StartupError {
    /// Print the message on stderr and, when a window can be shown, in a message box; then
    /// exit with [`StartupError::code`].
    pub fn report_and_exit(&self) -> ! {
        eprintln!("backpack-app: {}\n  fix: {}", self.problem, self.fix);
        if has_display() && std::env::var_os("BACKPACK_NO_DIALOG").is_none() {
            let _ = rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title("Backpack cannot start")
                .set_description(format!("{}\n\n{}", self.problem, self.fix))
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
        }
        std::process::exit(self.code)
    }
}

/// True when a window can be shown: always on Windows and macOS; on other systems when
/// `DISPLAY` or `WAYLAND_DISPLAY` is set.
pub fn has_display() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// Fails when there is no graphical session to open a window in.
pub fn check_display() -> Result<(), StartupError> {
    if has_display() {
        return Ok(());
    }
    Err(StartupError {
        problem: "there is no graphical desktop to open the window in (DISPLAY and \
                  WAYLAND_DISPLAY are not set)"
            .into(),
        fix: "start Backpack from your desktop session, or use the command line: backpack --help"
            .into(),
        code: 2,
    })
}

/// GTK could not open the display (`DISPLAY` points to no X server, a Wayland socket is
/// gone): tao would panic; this says which display failed instead.
#[cfg(target_os = "linux")]
pub fn check_gtk() -> Result<(), StartupError> {
    gtk::init().map_err(|e| {
        let display = std::env::var("WAYLAND_DISPLAY")
            .ok()
            .filter(|s| !s.is_empty())
            .or_else(|| std::env::var("DISPLAY").ok())
            .unwrap_or_default();
        StartupError {
            problem: format!("cannot open a window on display \"{display}\" ({e})"),
            fix: "start Backpack from your desktop session (check DISPLAY / WAYLAND_DISPLAY), \
                  or use the command line: backpack --help"
                .into(),
            code: 2,
        }
    })
}

/// The fix line for a wallet at `wallet`: make its folder writable, or choose another one.
fn wallet_fix(wallet: &Path) -> String {
    let dir = parent_dir(wallet);
    let what = if dir.is_dir() {
        format!("make {} writable for your user", dir.display())
    } else {
        format!(
            "create the folder {} (writable for your user)",
            dir.display()
        )
    };
    format!(
        "{what}, or start Backpack on another wallet: \
         BACKPACK_WALLET=$HOME/backpack-wallet.db backpack-app"
    )
}

fn parent_dir(wallet: &Path) -> PathBuf {
    match wallet.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Fails unless the wallet at `wallet` can be written: its folder can be created, a file can
/// be created in it (SQLite keeps its `-wal` and `-shm` files next to the wallet), and the
/// wallet file itself, when it exists, opens for writing. Nothing is left behind.
pub fn check_wallet_writable(wallet: &Path) -> Result<(), StartupError> {
    let err = |what: String| StartupError {
        problem: format!("cannot write your wallet {}: {what}", wallet.display()),
        fix: wallet_fix(wallet),
        code: 1,
    };
    let dir = parent_dir(wallet);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return Err(err(format!(
            "cannot create the folder {} ({e})",
            dir.display()
        )));
    }
    if !dir.is_dir() {
        return Err(err(format!("{} is not a folder", dir.display())));
    }
    let probe = dir.join(format!(".backpack-write-test-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
        }
        Err(e) => {
            return Err(err(format!(
                "cannot create files in {} ({e})",
                dir.display()
            )));
        }
    }
    if wallet.exists() {
        if wallet.is_dir() {
            return Err(err("it is a folder, not a wallet file".into()));
        }
        if let Err(e) = std::fs::OpenOptions::new().append(true).open(wallet) {
            return Err(StartupError {
                fix: format!(
                    "make the file writable for your user (chmod u+w {}), or start Backpack on \
                     another wallet: BACKPACK_WALLET=$HOME/backpack-wallet.db backpack-app",
                    wallet.display()
                ),
                ..err(format!("the file cannot be opened for writing ({e})"))
            });
        }
    }
    Ok(())
}

/// The wallet exists and is writable but could not be opened (not a Backpack wallet, made by
/// a newer Backpack, damaged).
pub fn wallet_open_failed(wallet: &Path, message: &str) -> StartupError {
    StartupError {
        problem: format!("cannot open your wallet {}: {message}", wallet.display()),
        fix: "if this file is not your Backpack wallet, start Backpack on another one: \
              BACKPACK_WALLET=$HOME/backpack-wallet.db backpack-app (restore a backup there \
              with: backpack restore FILE)"
            .into(),
        code: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writable_folder_passes_and_nothing_is_left_behind() {
        let d = tempfile::tempdir().unwrap();
        let wallet = d.path().join("new/sub/wallet.db");
        assert_eq!(check_wallet_writable(&wallet), Ok(()));
        assert!(d.path().join("new/sub").is_dir());
        assert_eq!(
            std::fs::read_dir(d.path().join("new/sub")).unwrap().count(),
            0
        );
    }

    #[test]
    fn a_parent_that_is_a_file_names_the_path_and_the_fix() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("not-a-folder");
        std::fs::write(&file, b"x").unwrap();
        let wallet = file.join("wallet.db");
        let e = check_wallet_writable(&wallet).unwrap_err();
        assert_eq!(e.code, 1);
        assert!(
            e.problem
                .starts_with(&format!("cannot write your wallet {}: ", wallet.display())),
            "{}",
            e.problem
        );
        assert!(
            e.fix.starts_with(&format!(
                "create the folder {} (writable for your user), or ",
                file.display()
            )),
            "{}",
            e.fix
        );
        assert!(e.fix.contains("BACKPACK_WALLET="), "{}", e.fix);
    }

    #[test]
    fn a_folder_in_place_of_the_wallet_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let e = check_wallet_writable(d.path()).unwrap_err();
        assert!(
            e.problem.ends_with("it is a folder, not a wallet file"),
            "{}",
            e.problem
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_is_refused_unless_root() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let ro = d.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        // root ignores permission bits: then the probe really can write, and must say so.
        let root = std::fs::write(ro.join("probe"), b"").is_ok();
        let _ = std::fs::remove_file(ro.join("probe"));
        let r = check_wallet_writable(&ro.join("wallet.db"));
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
        if root {
            assert_eq!(r, Ok(()));
        } else {
            let e = r.unwrap_err();
            assert!(
                e.problem.contains("cannot create files in"),
                "{}",
                e.problem
            );
        }
    }
}
