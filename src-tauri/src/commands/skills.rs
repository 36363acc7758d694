//! Skills, pathways and "Add to LinkedIn" (issue 11): thin commands over
//! `backpack_core::skills` and `backpack_core::linkedin`.
//!
//! The LinkedIn link is built here, in Rust, from the badge id: the webview never hands over a
//! URL to open, so a badge's text cannot make the app open an address of its choosing. It is
//! opened in the **system browser** with the `open` crate (like the host sign-in page), only
//! when the UI calls `open_linkedin` after the learner confirmed, and only when minor mode
//! allows exporting.

use std::sync::{Arc, RwLock};

use backpack_core::host_api::Browser;
use backpack_core::linkedin::LinkedInFields;
use backpack_core::skills::SkillsView;
use serde::Serialize;
use tauri::State;

use super::off_main;
use crate::error::{CmdResult, CommandError};
use crate::ipc::Camel;
use crate::state::AppState;

/// The system browser.
struct SystemBrowser;

impl Browser for SystemBrowser {
    fn open(&self, url: &str) {
        // Failure is not fatal: the UI shows the link and the fields to copy by hand.
        let _ = open::that_detached(url);
    }
}

/// Where LinkedIn links are opened (managed beside `AppState`; tests record instead).
pub struct LinkedInState {
    browser: RwLock<Arc<dyn Browser>>,
}

impl Default for LinkedInState {
    fn default() -> Self {
        LinkedInState {
            browser: RwLock::new(Arc::new(SystemBrowser)),
        }
    }
}

impl LinkedInState {
    /// Tests: open links with this instead of the system browser.
    pub fn set_browser(&self, b: Arc<dyn Browser>) {
        if let Ok(mut g) = self.browser.write() {
            *g = b;
        }
    }
}

/// LinkedIn's fields for one badge (`backpack_core::linkedin::LinkedInFields`, field for
/// field: a field added in the core fails to compile here until it is passed on), and the link.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedInDto {
    /// The certification name.
    pub name: String,
    /// The issuing organization's name.
    pub organization_name: Option<String>,
    /// Issue date `[year, month]`.
    pub issue: Option<(i32, u32)>,
    /// Expiration date `[year, month]`.
    pub expiration: Option<(i32, u32)>,
    /// Credential URL.
    pub cert_url: Option<String>,
    /// Credential id.
    pub cert_id: Option<String>,
    /// The add-to-profile link.
    pub url: String,
}

impl From<LinkedInFields> for LinkedInDto {
    fn from(f: LinkedInFields) -> Self {
        let url = f.url();
        let LinkedInFields {
            name,
            organization_name,
            issue,
            expiration,
            cert_url,
            cert_id,
        } = f;
        LinkedInDto {
            name,
            organization_name,
            issue,
            expiration,
            cert_url,
            cert_id,
            url,
        }
    }
}

/// The skills view, narrowed by `query`. On a blocking thread (it parses every badge).
#[tauri::command]
pub async fn skills(
    state: State<'_, AppState>,
    query: Option<String>,
) -> CmdResult<Camel<SkillsView>> {
    let w = state.wallet.clone();
    let q = query.filter(|q| !q.trim().is_empty());
    off_main(move || w.skills(q.as_deref().map(str::trim)).map(Camel)).await
}

/// The fields to copy and the link, for the "Add to LinkedIn" dialog.
#[tauri::command]
pub async fn linkedin_fields(state: State<'_, AppState>, id: i64) -> CmdResult<LinkedInDto> {
    let w = state.wallet.clone();
    Ok(off_main(move || w.linkedin(id, false)).await?.into())
}

/// Open the badge's add-to-profile link in the system browser (after the learner confirmed
/// in the UI); returns the link that was opened.
#[tauri::command]
pub async fn open_linkedin(
    state: State<'_, AppState>,
    opener: State<'_, LinkedInState>,
    id: i64,
) -> CmdResult<String> {
    let w = state.wallet.clone();
    let url = off_main(move || w.linkedin(id, true)).await?.url();
    let browser = opener
        .browser
        .read()
        .map_err(|_| CommandError::wallet("browser state unavailable"))?
        .clone();
    browser.open(&url);
    Ok(url)
}
