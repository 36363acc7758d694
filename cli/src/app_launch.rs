//! `backpack` with no arguments on a desktop opens the app (`backpack-app`), so "starting
//! backpack from the shell" does what starting it from the menu does (issue 14). Every other
//! use of `backpack` is the command line, unchanged; `backpack --help` still prints the help.
//!
//! The app is looked for next to this executable first (the packages install both in the
//! same folder: `/usr/bin` on Linux, the app folder on Windows and macOS), then on `PATH`.
//! When the app cannot start because a system library is missing (WebKitGTK 4.1 and GTK 3 on
//! Linux; the dynamic loader stops it before it can say anything useful itself), this prints
//! which library and the command that installs it.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// The app's executable name.
const APP: &str = if cfg!(windows) {
    "backpack-app.exe"
} else {
    "backpack-app"
};

/// Open the app when `backpack` was started with no arguments in a desktop session.
/// `None` means "not for the app": the caller goes on with the command line.
pub fn maybe_open_app(args: &[OsString]) -> Option<ExitCode> {
    if args.len() > 1 || !has_display() {
        return None;
    }
    let Some(app) = find_app() else {
        eprintln!(
            "backpack: the desktop app ({APP}) is not installed next to this command; \
             here is the command line instead:"
        );
        return None;
    };
    eprintln!("backpack: {}", tr!("cli-app-opening"));
    Some(run_app(&app))
}

fn has_display() -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

fn find_app() -> Option<PathBuf> {
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|d| d.join(APP)));
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(APP));
    beside.into_iter().chain(on_path).find(|p| p.is_file())
}

/// Run the app in the foreground, passing its error output through; when the dynamic loader
/// refused to start it, say which library is missing and how to install it.
fn run_app(app: &Path) -> ExitCode {
    let mut child = match Command::new(app).stderr(Stdio::piped()).spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!(
                "backpack: {}",
                tr!(
                    "cli-app-cannot-start",
                    app = app.display().to_string(),
                    error = e.to_string()
                )
            );
            return ExitCode::from(2);
        }
    };
    let mut missing = None;
    if let Some(err) = child.stderr.take() {
        let mut out = std::io::stderr();
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if missing.is_none() {
                missing = missing_library(&line);
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let status = child.wait().ok();
    if let Some(lib) = missing {
        eprintln!("backpack: {}", missing_library_message(&lib));
        return ExitCode::from(2);
    }
    match status.and_then(|s| s.code()) {
        Some(0) => ExitCode::SUCCESS,
        Some(c) => ExitCode::from(u8::try_from(c).unwrap_or(1)),
        None => ExitCode::from(1),
    }
}

/// The library named by a dynamic loader error line
/// (`…: error while loading shared libraries: libX.so.N: cannot open shared object file…`).
fn missing_library(line: &str) -> Option<String> {
    let rest = line
        .split("error while loading shared libraries: ")
        .nth(1)?;
    Some(rest.split(':').next()?.trim().to_string())
}

/// One message: which library is missing and the command that installs the app's libraries.
fn missing_library_message(lib: &str) -> String {
    tr!("cli-app-missing-library", lib = lib)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_library_from_a_loader_error() {
        let line = "/usr/bin/backpack-app: error while loading shared libraries: \
                    libwebkit2gtk-4.1.so.0: cannot open shared object file: No such file or directory";
        assert_eq!(
            missing_library(line).as_deref(),
            Some("libwebkit2gtk-4.1.so.0")
        );
        assert_eq!(missing_library("Gtk-WARNING: cannot open display"), None);
    }

    #[test]
    fn the_message_names_the_library_and_the_install_command() {
        // English whatever the machine's locale (the run's language is set once).
        crate::commands::set_lang(backpack_core::i18n::Lang::En);
        let m = missing_library_message("libwebkit2gtk-4.1.so.0");
        assert!(m.contains("libwebkit2gtk-4.1.so.0 is missing"), "{m}");
        assert!(m.contains("sudo apt install libwebkit2gtk-4.1-0"), "{m}");
    }

    #[test]
    fn arguments_always_mean_the_command_line() {
        let args: Vec<OsString> = vec!["backpack".into(), "list".into()];
        assert!(maybe_open_app(&args).is_none());
    }
}
