//! # backpack-app
//!
//! The Backpack desktop app: a thin Tauri 2 shell over `backpack-core` (issue 4, STYLE §10.5).
//! The web UI in `../ui` talks to it only through the commands in [`commands`] (see
//! `ui/js/api.js`) and three events (`import-progress`, `recheck-progress`, `host-signin`). Badge images are
//! served by the `badgeimg://` protocol from the wallet, never fetched from the network, so a
//! badge image can never act as a tracking pixel (STANDARDS §7: all badge content is
//! untrusted).

pub mod commands;
pub mod error;
pub mod state;

use state::AppState;
use tauri::http::{Response, StatusCode, header};
use tauri::{Builder, Manager, Runtime};

/// The custom protocol that serves badge images: `badgeimg://localhost/<badge id>`.
pub const IMAGE_SCHEME: &str = "badgeimg";

/// Everything the real app and the mock-runtime tests share: plugins, state, the image
/// protocol and the command handler.
pub fn builder<R: Runtime>(b: Builder<R>, state: AppState) -> Builder<R> {
    b.plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(commands::hosts::HostsState::default())
        .register_uri_scheme_protocol(IMAGE_SCHEME, |ctx, req| {
            let id = req.uri().path().trim_start_matches('/').parse::<i64>().ok();
            let state = ctx.app_handle().state::<AppState>();
            let image = id.and_then(|id| state.wallet.image(id));
            image_response(image)
        })
        .invoke_handler(tauri::generate_handler![
            commands::badges::list_badges,
            commands::badges::search_badges,
            commands::badges::search_index,
            commands::badges::get_badge,
            commands::badges::recheck_badge,
            commands::badges::save_original,
            commands::badges::original_name,
            commands::badges::remove_badge,
            commands::badges::undo_remove,
            commands::badges::set_badge_note,
            commands::badges::set_badge_tags,
            commands::import::import_paths,
            commands::import::import_text,
            commands::import::import_samples,
            commands::import::cancel_job,
            commands::import::recheck_all,
            commands::import::open_received,
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
            commands::hosts::list_hosts,
            commands::hosts::connect_host,
            commands::hosts::sync_host,
            commands::hosts::cancel_host_signin,
            commands::hosts::remove_host,
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

/// Run the app on the wallet the CLI uses.
pub fn run() {
    let result = AppState::try_new()
        .map_err(|e| e.to_string())
        .and_then(|state| {
            builder(Builder::default(), state)
                .setup(|app| {
                    #[cfg(target_os = "linux")]
                    prefer_software_rendering(app);
                    Ok(())
                })
                .run(tauri::generate_context!())
                .map_err(|e| e.to_string())
        });
    if let Err(e) = result {
        eprintln!("backpack-app: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests;
