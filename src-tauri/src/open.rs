//! Files the app is asked to open: `backpack-app FILE...` (the desktop entry's `Exec=… %F`,
//! "Open with Backpack" in a file manager) and the files a second launch hands over to the
//! window that is already running (single instance, see [`single_instance`]).
//!
//! Each file is either **imported** (a badge: baked PNG/SVG, JSON, JWT, a ZIP of badges) or
//! **opened read-only as a received portfolio** (an HTML portfolio, a Backpack ZIP bundle, a
//! Verifiable Presentation): the same two paths the UI's "Add badges" and "Open a received
//! file" take (`import_paths`, `open_received`). Which one is decided by the file's content,
//! not its name, with the same sniffing rules as `backpack_core::share::verify_share`; a file
//! that cannot be read is sent to import, whose result line names it and says why.
//!
//! The paths wait in [`PendingFiles`] until the page asks for them with `take_opened_files`
//! (at start-up, and again when the `open-files` event says a second launch sent more), so
//! no file is lost while the page is still loading.

use crate::error::CmdResult;
use crate::files::{ChosenFiles, FileHandle};
use serde::Serialize;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The event that tells the page more files are waiting (a second launch handed them over).
pub const OPEN_FILES_EVENT: &str = "open-files";

/// Paths waiting for the page, in the order they were given.
#[derive(Debug, Default)]
pub struct PendingFiles(Mutex<Vec<PathBuf>>);

impl PendingFiles {
    /// Queue more paths.
    pub fn push(&self, paths: impl IntoIterator<Item = PathBuf>) {
        if let Ok(mut q) = self.0.lock() {
            q.extend(paths);
        }
    }

    /// Take every queued path.
    pub fn take(&self) -> Vec<PathBuf> {
        self.0
            .lock()
            .map(|mut q| std::mem::take(&mut *q))
            .unwrap_or_default()
    }
}

/// The files named on a command line (`argv[0]` first, as `std::env::args_os` gives it).
///
/// Options (anything starting with `-`) are skipped, except after `--`, which ends them, so a
/// file really called `-x.png` can still be opened as `backpack-app -- -x.png`. A `file://`
/// URI (some launchers send one even for `%F`) becomes its path. Relative paths are made
/// absolute against `cwd`: a second launch's arguments are resolved against *its* working
/// directory, not the running window's.
pub fn files_from_args<I, S>(args: I, cwd: &Path) -> Vec<PathBuf>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let mut files = Vec::new();
    let mut options_done = false;
    for arg in args.into_iter().skip(1).map(Into::into) {
        if !options_done && arg == "--" {
            options_done = true;
            continue;
        }
        let text = arg.to_string_lossy();
        if !options_done && text.starts_with('-') {
            continue;
        }
        let path = match text.strip_prefix("file://") {
            Some(rest) => match file_uri_path(rest) {
                Some(p) => p,
                None => continue,
            },
            None => PathBuf::from(arg),
        };
        files.push(if path.is_absolute() {
            path
        } else {
            cwd.join(path)
        });
    }
    files
}

/// The path of a `file://` URI (after the scheme): only local files (empty host or
/// `localhost`), `%XX` escapes decoded. `None` for a remote host or a bad escape.
fn file_uri_path(rest: &str) -> Option<PathBuf> {
    let path = if let Some(p) = rest.strip_prefix("localhost/") {
        format!("/{p}")
    } else if rest.starts_with('/') {
        rest.to_string()
    } else {
        return None;
    };
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

/// How the app opens one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenAs {
    /// Import it into the wallet (a badge, or a ZIP of badges).
    Import,
    /// Show it read-only as a received portfolio (HTML, Backpack ZIP bundle, PDF, presentation).
    Received,
}

/// How much of a JSON file is read to tell a presentation from a badge (the core refuses
/// bigger files anyway, `backpack_core::limits::MAX_FILE_BYTES`).
const MAX_SNIFF_BYTES: u64 = backpack_core::limits::MAX_FILE_BYTES;

/// Decide how to open `path` from its content: a ZIP holding Backpack's `manifest.json`, an
/// HTML page, a PDF with attached files (a Backpack PDF export), or JSON whose `type` includes
/// `VerifiablePresentation` is a received portfolio;
/// everything else (including files that cannot be read) is imported.
pub fn classify(path: &Path) -> OpenAs {
    let Ok(mut f) = std::fs::File::open(path) else {
        return OpenAs::Import;
    };
    let mut head = [0u8; 64];
    let n = read_up_to(&mut f, &mut head);
    let head = &head[..n];
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        let is_bundle = std::fs::File::open(path)
            .ok()
            .and_then(|f| zip::ZipArchive::new(f).ok())
            .is_some_and(|mut z| z.by_name(backpack_core::export::zip::MANIFEST).is_ok());
        return if is_bundle {
            OpenAs::Received
        } else {
            OpenAs::Import
        };
    }
    if head.starts_with(b"%PDF-") {
        // A Backpack PDF carries each original credential as an attached file; another PDF
        // (an Open Badge Factory badge, whose credential is in its metadata) is imported.
        return if pdf_has_attachments(path) {
            OpenAs::Received
        } else {
            OpenAs::Import
        };
    }
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let lower = start.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return OpenAs::Received;
    }
    if start.starts_with('{') && is_presentation(path) {
        return OpenAs::Received;
    }
    OpenAs::Import
}

/// Does the PDF at `path` (at most the share limit) attach any file? Read with the core's
/// bounded reader, the one `verify-share` uses.
fn pdf_has_attachments(path: &Path) -> bool {
    let fits =
        std::fs::metadata(path).is_ok_and(|m| m.len() <= backpack_core::share::MAX_SHARE_BYTES);
    fits && std::fs::read(path)
        .ok()
        .and_then(|b| backpack_core::export::pdf_read::read(&b).ok())
        .is_some_and(|c| !c.attachments.is_empty())
}

fn read_up_to(f: &mut std::fs::File, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

/// True when the JSON file at `path` is a Verifiable Presentation (`type` is or contains
/// `VerifiablePresentation`).
fn is_presentation(path: &Path) -> bool {
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut bytes = Vec::new();
    if f.take(MAX_SNIFF_BYTES + 1).read_to_end(&mut bytes).is_err()
        || bytes.len() as u64 > MAX_SNIFF_BYTES
    {
        return false;
    }
    let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return false;
    };
    match &doc["type"] {
        serde_json::Value::String(t) => t == "VerifiablePresentation",
        serde_json::Value::Array(ts) => ts.iter().any(|t| t == "VerifiablePresentation"),
        _ => false,
    }
}

/// The files waiting for the page, split by how to open them, as handles
/// ([`crate::files`]: the page never sees or sends a path; `import_files` / `open_received`
/// take these).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct OpenedFiles {
    /// Import these (one import job, one result list); `null` when there are none.
    pub import: Option<FileHandle>,
    /// Open each of these read-only.
    pub received: Vec<FileHandle>,
}

/// Split `paths` by [`classify`]: the badges to import, the received portfolios.
pub fn split(paths: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    paths
        .into_iter()
        .partition(|p| classify(p) == OpenAs::Import)
}

/// The files the app was asked to open and that the page has not taken yet (each file is
/// handed out once).
#[tauri::command]
pub async fn take_opened_files(
    state: State<'_, PendingFiles>,
    chosen: State<'_, ChosenFiles>,
) -> CmdResult<OpenedFiles> {
    let paths = state.take();
    if paths.is_empty() {
        return Ok(OpenedFiles::default());
    }
    let (import, received) = crate::commands::off_main(move || Ok(split(paths))).await?;
    Ok(OpenedFiles {
        import: (!import.is_empty()).then(|| chosen.register(import)),
        received: received
            .into_iter()
            .map(|p| chosen.register(vec![p]))
            .collect(),
    })
}

/// What a second launch does to the running window: queue its files, tell the page, and bring
/// the window to the front (a launch with no files only raises the window).
pub fn hand_over<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    let files = files_from_args(argv, Path::new(&cwd));
    if !files.is_empty() {
        app.state::<PendingFiles>().push(files);
        let _ = app.emit(OPEN_FILES_EVENT, ());
    }
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

/// The D-Bus name (Linux) that makes the app a single instance **per wallet**: a second
/// launch on the same wallet hands its files over; a launch on another wallet
/// (`BACKPACK_WALLET=…`) gets its own window, as two wallets are two separate backpacks.
/// The name is the app identifier plus a hash of the wallet's absolute path (D-Bus names
/// allow only `[A-Za-z0-9_]` elements that do not start with a digit).
pub fn instance_id(identifier: &str, wallet: &Path) -> String {
    use sha2::Digest;
    let absolute = std::path::absolute(wallet).unwrap_or_else(|_| wallet.to_path_buf());
    let digest = sha2::Sha256::digest(absolute.as_os_str().as_encoded_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{identifier}.w{hex}")
}

/// The single-instance plugin, keyed by wallet (see [`instance_id`]). Register it before any
/// other plugin: a second instance must hand over before anything else starts.
pub fn single_instance<R: Runtime>(
    identifier: &str,
    wallet: &Path,
) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(identifier, wallet))
        .callback(hand_over)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use serde_json::{Value, json};
    use std::io::Write;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{
        INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
    };
    use tauri::webview::InvokeRequest;
    use tauri::{Listener, WebviewWindow};

    const SAMPLE_PNG: &[u8] = include_bytes!("../../samples/teamwork-ob3.png");
    const SAMPLE_JSON: &[u8] = include_bytes!("../../samples/university-degree-ob3.json");

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn zip_with(dir: &Path, name: &str, entries: &[(&str, &[u8])]) -> PathBuf {
        let p = dir.join(name);
        let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (n, b) in entries {
            z.start_file(*n, opts).unwrap();
            z.write_all(b).unwrap();
        }
        z.finish().unwrap();
        p
    }

    #[test]
    fn arguments_become_absolute_files_and_options_are_skipped() {
        let cwd = Path::new("/home/ada/Downloads");
        let files = files_from_args(
            [
                "backpack-app",
                "badge.png",
                "--some-gtk-option",
                "/tmp/portfolio.html",
                "sub/dir/b.json",
                "--",
                "-dash.png",
            ],
            cwd,
        );
        assert_eq!(
            files,
            vec![
                PathBuf::from("/home/ada/Downloads/badge.png"),
                PathBuf::from("/tmp/portfolio.html"),
                PathBuf::from("/home/ada/Downloads/sub/dir/b.json"),
                PathBuf::from("/home/ada/Downloads/-dash.png"),
            ]
        );
        assert!(files_from_args(["backpack-app"], cwd).is_empty());
    }

    #[test]
    fn file_uris_become_paths_and_remote_ones_are_dropped() {
        let files = files_from_args(
            [
                "backpack-app",
                "file:///home/ada/My%20Badges/b%C3%A9.png",
                "file://localhost/tmp/x.json",
                "file://evil.example/share/x.png",
                "file:///bad%zz",
            ],
            Path::new("/"),
        );
        assert_eq!(
            files,
            vec![
                PathBuf::from("/home/ada/My Badges/bé.png"),
                PathBuf::from("/tmp/x.json"),
            ]
        );
    }

    #[test]
    fn content_decides_import_or_received() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path();
        let png = write(dir, "badge.png", SAMPLE_PNG);
        let badge_json = write(dir, "badge.json", SAMPLE_JSON);
        // Named .png but it is an HTML portfolio: content wins.
        let html = write(
            dir,
            "portfolio.png",
            b"\xef\xbb\xbf  <!DOCTYPE html>\n<html><body></body></html>",
        );
        let vp = write(
            dir,
            "shared.json",
            br#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"verifiableCredential":[]}"#,
        );
        let vp_single = write(dir, "vp2.json", br#"{"type":"VerifiablePresentation"}"#);
        let bundle = zip_with(
            dir,
            "bundle.zip",
            &[("manifest.json", b"{}"), ("badges/a.json", SAMPLE_JSON)],
        );
        let badge_zip = zip_with(dir, "badges.zip", &[("a.json", SAMPLE_JSON)]);
        let broken_json = write(dir, "broken.json", b"{ not json");
        let missing = dir.join("missing.png");
        assert_eq!(classify(&png), OpenAs::Import);
        assert_eq!(classify(&badge_json), OpenAs::Import);
        assert_eq!(classify(&html), OpenAs::Received);
        assert_eq!(classify(&vp), OpenAs::Received);
        assert_eq!(classify(&vp_single), OpenAs::Received);
        assert_eq!(classify(&bundle), OpenAs::Received);
        assert_eq!(classify(&badge_zip), OpenAs::Import);
        assert_eq!(classify(&broken_json), OpenAs::Import);
        assert_eq!(classify(&missing), OpenAs::Import);
        assert_eq!(classify(dir), OpenAs::Import);
    }

    #[test]
    fn one_instance_per_wallet() {
        let a = instance_id(
            "org.backpack.wallet",
            Path::new("/home/ada/.local/share/backpack/wallet.db"),
        );
        let b = instance_id("org.backpack.wallet", Path::new("/tmp/other.db"));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_id(
                "org.backpack.wallet",
                Path::new("/home/ada/.local/share/backpack/wallet.db")
            )
        );
        // A valid D-Bus name: the identifier plus one element that starts with a letter.
        let last = a.rsplit('.').next().unwrap();
        assert!(
            a.starts_with("org.backpack.wallet.w") && last.len() == 17,
            "{a}"
        );
        assert!(last.chars().all(|c| c.is_ascii_alphanumeric()), "{a}");
    }

    struct Env {
        app: tauri::App<MockRuntime>,
        _dir: tempfile::TempDir,
    }

    fn window() -> (Env, WebviewWindow<MockRuntime>) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(&dir.path().join("wallet.db")).unwrap();
        let app = crate::builder(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        (Env { app, _dir: dir }, w)
    }

    fn take(w: &WebviewWindow<MockRuntime>) -> Value {
        let req = InvokeRequest {
            cmd: "take_opened_files".into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(json!({})),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(w, req)
            .unwrap()
            .deserialize::<Value>()
            .unwrap()
    }

    /// A PDF exported by Backpack (its originals attached) opens read-only as a received
    /// portfolio; any other PDF (an Open Badge Factory badge, a broken file) goes to import.
    #[test]
    fn a_backpack_pdf_is_received_another_pdf_is_imported() {
        use backpack_core::export::{self, ExportFormat, ExportOptions};
        let (env, _w) = window();
        let st = env.app.state::<AppState>();
        let id = st
            .wallet
            .import_bytes("b.json", SAMPLE_JSON)
            .unwrap()
            .id
            .unwrap();
        let portfolio = export::source::portfolio_from_badges(st.wallet.core(), &[id]).unwrap();
        let opts = ExportOptions {
            privacy: Default::default(),
            exported_at: backpack_core::env::Clock::now(&backpack_core::env::SystemClock),
            learner: None,
            challenge: None,
            domain: None,
        };
        let pdf = export::export(&portfolio, ExportFormat::Pdf, &opts)
            .unwrap()
            .bytes;
        let d = tempfile::tempdir().unwrap();
        let received = write(d.path(), "portfolio.pdf", &pdf);
        let plain = write(
            d.path(),
            "other.pdf",
            b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n",
        );
        assert_eq!(classify(&received), OpenAs::Received);
        assert_eq!(classify(&plain), OpenAs::Import);
    }

    #[test]
    fn the_page_takes_the_files_once_split_by_kind() {
        let (env, w) = window();
        let d = tempfile::tempdir().unwrap();
        let png = write(d.path(), "badge.png", SAMPLE_PNG);
        let html = write(d.path(), "p.html", b"<!doctype html><html></html>");
        env.app
            .state::<PendingFiles>()
            .push([png.clone(), html.clone()]);
        // Handles and names, never a path; the paths stay with the app.
        let got = take(&w);
        assert_eq!(got["import"]["names"], json!(["badge.png"]));
        assert_eq!(got["received"][0]["names"], json!(["p.html"]));
        assert_eq!(got["received"].as_array().unwrap().len(), 1);
        let chosen = env.app.state::<ChosenFiles>();
        let id = |v: &Value| v["id"].as_u64().unwrap();
        assert_eq!(chosen.paths(id(&got["import"])).unwrap(), [png]);
        assert_eq!(chosen.paths(id(&got["received"][0])).unwrap(), [html]);
        assert_eq!(take(&w), json!({"import": null, "received": []}));
    }

    #[test]
    fn a_second_launch_hands_its_files_over_resolved_against_its_own_folder() {
        let (env, w) = window();
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "badge.json", SAMPLE_JSON);
        let told = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let t = told.clone();
        env.app.listen_any(OPEN_FILES_EVENT, move |_| {
            t.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        // Its argv and its working directory, as the single-instance plugin passes them.
        hand_over(
            env.app.handle(),
            vec!["backpack-app".into(), "badge.json".into()],
            d.path().to_string_lossy().into_owned(),
        );
        // A bare second launch only raises the window: nothing queued, no event.
        hand_over(env.app.handle(), vec!["backpack-app".into()], "/".into());
        assert_eq!(told.load(std::sync::atomic::Ordering::SeqCst), 1);
        let expected = d.path().join("badge.json");
        let got = take(&w);
        assert_eq!(got["received"], json!([]));
        let id = got["import"]["id"].as_u64().unwrap();
        assert_eq!(
            env.app.state::<ChosenFiles>().paths(id).unwrap(),
            [expected]
        );
    }
}
