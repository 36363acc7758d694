//! # backpack-app
//!
//! The Backpack desktop app: a thin Tauri 2 shell over `backpack-core` (issue 4, STYLE §10.5).
//! The web UI in `../ui` talks to it only through the commands in [`commands`] (see
//! `ui/js/api.js`; their types are generated into `ui/js/types/ipc.d.ts`, [`ipc`]) and a few
//! events (`import-progress`, `recheck-progress`, `host-signin`, `open-files`,
//! `files-dropped`). No file path ever comes from the webview: dialogs open here and dropped
//! or opened files reach the page as handles ([`files`]). Badge images are
//! served by the `badgeimg://` protocol from the wallet, never fetched from the network, so a
//! badge image can never act as a tracking pixel (Backpack's own rule: all badge content is
//! untrusted).

pub mod commands;
pub mod error;
pub mod files;
pub mod ipc;
pub mod open;
pub mod startup;
pub mod state;
pub mod view;

use state::AppState;
use tauri::http::{Response, StatusCode, header};
use tauri::{Builder, Manager, Runtime};

/// The custom protocol that serves badge images: `badgeimg://localhost/<badge id>`.
pub const IMAGE_SCHEME: &str = "badgeimg";

/// The custom protocol that answers the search box without waiting for a frame:
/// `search://localhost/?q=<percent-encoded {"query", "offset", "limit"}>` answers what the
/// `query_badges` command answers ([`search_response`]).
pub const SEARCH_SCHEME: &str = "search";

/// Everything the real app and the mock-runtime tests share: plugins, state, the image
/// protocol and the command handler.
pub fn builder<R: Runtime>(b: Builder<R>, state: AppState) -> Builder<R> {
    b.plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(open::PendingFiles::default())
        .manage(files::ChosenFiles::default())
        .on_window_event(files::on_window_event)
        .manage(commands::hosts::HostsState::default())
        .manage(commands::skills::LinkedInState::default())
        .register_uri_scheme_protocol(IMAGE_SCHEME, |ctx, req| {
            let id = req.uri().path().trim_start_matches('/').parse::<i64>().ok();
            let state = ctx.app_handle().state::<AppState>();
            let image = id.and_then(|id| state.wallet.image(id));
            image_response(image)
        })
        .register_uri_scheme_protocol(SEARCH_SCHEME, |ctx, req| {
            let state = ctx.app_handle().state::<AppState>();
            search_response(&state, req.uri().query().unwrap_or(""))
        })
        .invoke_handler(tauri::generate_handler![
            commands::badges::list_badges,
            commands::badges::query_badges,
            commands::badges::get_badge,
            commands::badges::recheck_badge,
            commands::badges::save_original,
            commands::badges::original_name,
            commands::badges::remove_badge,
            commands::badges::undo_remove,
            commands::badges::set_badge_note,
            commands::badges::set_badge_tags,
            commands::import::import_files,
            files::pick_files,
            commands::import::import_text,
            commands::import::import_samples,
            commands::import::cancel_job,
            commands::import::recheck_all,
            commands::import::open_received,
            open::take_opened_files,
            commands::collections::list_collections,
            commands::collections::create_collection,
            commands::collections::rename_collection,
            commands::collections::delete_collection,
            commands::collections::add_to_collection,
            commands::collections::remove_from_collection,
            commands::collections::reorder_collection,
            commands::collections::set_collection_note,
            commands::collections::export_collection,
            commands::settings::get_profile,
            commands::settings::add_identity,
            commands::settings::remove_identity,
            commands::settings::get_settings,
            commands::settings::set_network_allowed,
            commands::settings::enable_minor_mode,
            commands::settings::unlock_minor_mode,
            commands::settings::lock_minor_mode,
            commands::settings::disable_minor_mode,
            commands::trust::list_trust_lists,
            commands::trust::import_trust_list,
            commands::trust::remove_trust_list,
            commands::settings::set_key_passphrase,
            commands::settings::wallet_status,
            commands::settings::unlock_wallet,
            commands::settings::restore_damaged_wallet,
            commands::settings::set_wallet_encryption,
            commands::hosts::list_hosts,
            commands::hosts::connect_host,
            commands::hosts::sync_host,
            commands::hosts::cancel_host_signin,
            commands::hosts::remove_host,
            commands::skills::skills,
            commands::skills::linkedin_fields,
            commands::skills::open_linkedin,
            error::set_language,
        ])
}

/// An image response: the bytes with their image type, a CSP that forbids everything an
/// image document could try (scripts in SVG), and no sniffing. 404 when there is no image.
fn image_response(image: Option<(String, Vec<u8>)>) -> Response<Vec<u8>> {
    let r = match image {
        Some((mime, bytes)) => Response::builder()
            .header(header::CONTENT_TYPE, mime)
            .header(
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'",
            )
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            .header(header::CACHE_CONTROL, "no-store")
            .body(bytes),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Vec::new()),
    };
    r.unwrap_or_else(|_| Response::new(Vec::new()))
}

/// The search box's question, as `search://` carries it.
#[derive(serde::Deserialize)]
struct SearchRequest {
    query: commands::adapter::GalleryQuery,
    offset: Option<usize>,
    limit: Option<usize>,
}

/// The answer to a `search://localhost/?q=…` request: the [`commands::adapter::GalleryPage`]
/// as JSON (200), `busy` (503) while the index is rebuilt off this thread, 400 for a question
/// that is not one, 500 with the error's line. The page asks it with a synchronous request in
/// its input handler, so the results are in the DOM before the keystroke's first frame is
/// drawn: through the asynchronous IPC they arrived after it and waited for the next one
/// (~17 ms at 60 Hz). It runs on the window's thread like `query_badges`, and like it never
/// waits for the wallet nor builds the index there.
pub fn search_response(state: &AppState, query: &str) -> Response<Vec<u8>> {
    let reply = |status: StatusCode, body: Vec<u8>| {
        Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::CACHE_CONTROL, "no-store")
            .body(body)
            .unwrap_or_else(|_| Response::new(Vec::new()))
    };
    let raw = query.strip_prefix("q=").unwrap_or("");
    let Ok(json) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
        return reply(StatusCode::BAD_REQUEST, Vec::new());
    };
    let Ok(ask) = serde_json::from_str::<SearchRequest>(&json) else {
        return reply(StatusCode::BAD_REQUEST, Vec::new());
    };
    match commands::badges::search_now(state, ask.query, ask.offset.unwrap_or(0), ask.limit) {
        Ok(Some(page)) => reply(
            StatusCode::OK,
            serde_json::to_vec(&page).unwrap_or_default(),
        ),
        Ok(None) => reply(StatusCode::SERVICE_UNAVAILABLE, Vec::new()),
        Err(e) => reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            serde_json::to_vec(&e).unwrap_or_default(),
        ),
    }
}

/// WebKitGTK renders through GL compositing by default. Where there is no GPU (a VM, a remote
/// desktop, Xvfb) that means llvmpipe, and a frame of the gallery then took 150–400 ms in our
/// start-up/search benchmark; with compositing off it took 6 ms (median, 21 ms p95), and first
/// paint improved too. The UI is a flat page with no animation, so it gains nothing from the
/// GPU; software rendering also avoids WebKitGTK's blank-window bugs on some GPU drivers.
/// Only where there is no GPU render node (`/dev/dri/renderD*`); `BACKPACK_GPU=1` always keeps
/// WebKit's default (the E2E suite sets it: WebKitWebDriver screenshots of an idle page hang
/// without compositing).
#[cfg(target_os = "linux")]
fn prefer_software_rendering<R: Runtime>(app: &tauri::App<R>) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    let has_gpu = std::fs::read_dir("/dev/dri")
        .map(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false);
    if has_gpu || std::env::var_os("BACKPACK_GPU").is_some_and(|v| v == "1") {
        return;
    }
    for w in app.webview_windows().into_values() {
        let _ = w.with_webview(|wv| {
            if let Some(s) = wv.inner().settings() {
                s.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
}

/// Verification runs on every core (the core's rayon pool). In the app those workers yield to
/// the window: each lowers its own scheduling priority (nice +10, which Linux applies per
/// thread), so WebKit still paints on time while a 10,000-badge drop is verified, and the
/// import still gets every cycle the window does not need. The CLI keeps normal priority.
fn background_workers() {
    let _ = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("backpack-verify-{i}"))
        .start_handler(|_| lower_this_thread_priority())
        .build_global();
}

/// Nice +10 for the calling thread (Linux: a thread id is a valid `PRIO_PROCESS` target and
/// only that thread changes). A failure leaves the normal priority: never fatal.
#[cfg(target_os = "linux")]
fn lower_this_thread_priority() {
    use rustix::process::{getpriority_process, setpriority_process};
    let tid = Some(rustix::thread::gettid());
    if let Ok(now) = getpriority_process(tid) {
        let _ = setpriority_process(tid, (now + 10).min(19));
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_this_thread_priority() {}

#[cfg(all(test, target_os = "linux"))]
mod priority_tests {
    use rustix::process::getpriority_process;

    #[test]
    fn verification_workers_run_below_the_window() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .start_handler(|_| super::lower_this_thread_priority())
            .build()
            .unwrap();
        let mine = getpriority_process(Some(rustix::thread::gettid())).unwrap();
        let worker = pool.install(|| getpriority_process(Some(rustix::thread::gettid())).unwrap());
        assert_eq!(worker, (mine + 10).min(19), "the worker's nice value");
    }
}

/// Run the app on the wallet the CLI uses, opening the files named on the command line.
///
/// Start-up problems a learner can fix (no desktop session, a wallet that cannot be written
/// or opened) end here with one message and its fix ([`startup`]); a second launch on the
/// same wallet hands its files to the running window and exits ([`open::single_instance`]).
pub fn run() {
    background_workers();
    let files = open::files_from_args(
        std::env::args_os(),
        &std::env::current_dir().unwrap_or_default(),
    );
    if let Err(e) = startup::check_display() {
        e.report_and_exit();
    }
    let wallet = match commands::adapter::default_wallet_path() {
        Ok(p) => p,
        Err(e) => startup::StartupError {
            problem: format!("cannot find where your wallet lives: {}", e.message),
            fix: "set BACKPACK_WALLET to the wallet file to use, e.g. \
                  BACKPACK_WALLET=$HOME/backpack-wallet.db backpack-app"
                .into(),
            code: 1,
        }
        .report_and_exit(),
    };
    if let Err(e) = startup::check_wallet_writable(&wallet) {
        e.report_and_exit();
    }
    let state = match AppState::open(&wallet) {
        Ok(s) => s,
        Err(e) => startup::wallet_open_failed(&wallet, &e.message).report_and_exit(),
    };
    #[cfg(target_os = "linux")]
    if let Err(e) = startup::check_gtk() {
        e.report_and_exit();
    }
    let context = tauri::generate_context!();
    let instance = open::single_instance(&context.config().identifier, &wallet);
    let built = builder(Builder::default().plugin(instance), state)
        .setup(move |app| {
            app.state::<open::PendingFiles>().push(files);
            files::listen_for_e2e_drops(app.handle());
            #[cfg(target_os = "linux")]
            prefer_software_rendering(app);
            Ok(())
        })
        .build(context);
    match built {
        Ok(app) => app.run(on_event),
        Err(e) => startup::StartupError {
            problem: format!("the window could not be opened: {e}"),
            fix: if cfg!(target_os = "linux") {
                "check that WebKitGTK 4.1 is installed (Debian/Ubuntu: sudo apt install \
                 libwebkit2gtk-4.1-0; Fedora: sudo dnf install webkit2gtk4.1)"
            } else {
                "reinstall Backpack; if this keeps happening, report this message"
            }
            .into(),
            code: 1,
        }
        .report_and_exit(),
    }
}

/// App events. On macOS, "Open with Backpack" and a file dropped on the Dock icon arrive as an
/// `Opened` event (not as arguments): they join the same queue as command-line files.
fn on_event<R: Runtime>(_app: &tauri::AppHandle<R>, _event: tauri::RunEvent) {
    #[cfg(target_os = "macos")]
    if let tauri::RunEvent::Opened { urls } = _event {
        use tauri::Emitter;
        let files: Vec<std::path::PathBuf> =
            urls.iter().filter_map(|u| u.to_file_path().ok()).collect();
        if !files.is_empty() {
            _app.state::<open::PendingFiles>().push(files);
            let _ = _app.emit(open::OPEN_FILES_EVENT, ());
        }
    }
}

#[cfg(test)]
mod tests;
