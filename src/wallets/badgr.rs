//! Canvas Credentials (formerly Badgr) backpack exports.
//!
//! Badgr has no bulk export file of its own. What a learner can save is:
//! - a **Badge Connect** `getAssertions` response (Open Badges 2.1,
//!   <https://www.imsglobal.org/spec/ob/v2p1/#getassertions>), served by Badgr at
//!   `/bcv1/assertions`: `{"status": {"error", "statusCode", "statusText"}, "results": [OB 2.0
//!   assertions]}` (badgr-server `apps/backpack/badge_connect_api.py`);
//! - a **Badgr v2 API** list (`/v2/backpack/assertions`): `{"status": {"success",
//!   "description"}, "result": […]}`. Its entries are Badgr's own records, not Open Badges
//!   unless asked for in OB form; a record that is not an assertion is refused with its
//!   `openBadgeId` (the hosted assertion's URL), which can be imported by URL;
//! - per-badge downloads (baked PNG, hosted assertion JSON), which are plain badge files.
//!
//! Each entry is one input, `response.json:assertion N`, its bytes as they sit in the file.
//! No public sample of either response exists under a licence we can copy; the tests build
//! them from the structures above.

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::{Item, Kind, refused};
use crate::limits;
use crate::localize::msg;

#[derive(Deserialize)]
struct RawList<'a> {
    #[serde(borrow, default)]
    results: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    result: Option<Vec<&'a RawValue>>,
    #[serde(default)]
    status: Option<Value>,
    #[serde(rename = "@context", default)]
    context: Option<Value>,
}

/// The list and its kind, or `None` when the bytes are not one.
fn list(bytes: &[u8]) -> Option<(Kind, RawList<'_>)> {
    let has = |n: &[u8]| bytes.windows(n.len()).any(|w| w == n);
    if !has(b"\"results\"") && !has(b"\"result\"") {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let l: RawList<'_> = serde_json::from_str(text).ok()?;
    let status = l.status.as_ref().and_then(Value::as_object);
    let badge_connect = l.results.is_some()
        && (status.is_some_and(|s| s.contains_key("statusCode"))
            || l.context
                .as_ref()
                .is_some_and(|c| c.to_string().contains("openbadges/badgeconnect")));
    let badgr = l.result.is_some() && status.is_some_and(|s| s.contains_key("success"));
    match (badge_connect, badgr) {
        (true, _) => Some((Kind::BadgeConnect, l)),
        (false, true) => Some((Kind::BadgrApi, l)),
        _ => None,
    }
}

/// [`Kind::BadgeConnect`] or [`Kind::BadgrApi`] when `bytes` is such a list.
pub fn detect(bytes: &[u8]) -> Option<Kind> {
    list(bytes).map(|(k, _)| k)
}

/// The assertions of a saved Badge Connect / Badgr response, one input each.
pub(crate) fn expand(source: &str, bytes: &[u8]) -> Option<Vec<Item>> {
    let (kind, l) = list(bytes)?;
    let status = l.status.as_ref().and_then(Value::as_object);
    let failed = match kind {
        Kind::BadgeConnect => status
            .and_then(|s| s.get("statusCode"))
            .and_then(Value::as_u64)
            .is_some_and(|c| !(200..300).contains(&c)),
        _ => status
            .and_then(|s| s.get("success"))
            .is_some_and(|s| s == &Value::Bool(false)),
    };
    if failed {
        return Some(vec![Item::Done(refused(
            source,
            msg!("err-wallet-badgr-error"),
        ))]);
    }
    let entries = match kind {
        Kind::BadgeConnect => l.results.unwrap_or_default(),
        _ => l.result.unwrap_or_default(),
    };
    if entries.len() > limits::MAX_CONTAINER_ITEMS {
        return Some(vec![Item::Done(refused(
            source,
            msg!(
                "err-wallet-badgr-too-many",
                count = entries.len(),
                limit = limits::MAX_CONTAINER_ITEMS
            ),
        ))]);
    }
    let mut items = Vec::with_capacity(entries.len());
    for (i, raw) in entries.iter().enumerate() {
        let name = format!("{source}:assertion {}", i + 1);
        let v: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
        let bytes = match &v {
            // A signed assertion listed as its compact JWS.
            Value::String(s) => s.clone().into_bytes(),
            _ => raw.get().as_bytes().to_vec(),
        };
        if bytes.len() as u64 > limits::MAX_ZIP_ENTRY_BYTES {
            items.push(Item::Done(refused(
                &name,
                msg!(
                    "err-wallet-badgr-too-large",
                    limit = limits::MAX_ZIP_ENTRY_BYTES
                ),
            )));
            continue;
        }
        let open_badge_id = v.get("openBadgeId").and_then(Value::as_str);
        let is_assertion = v.get("recipient").is_some() && v.get("badge").is_some();
        if let (Some(url), false) = (open_badge_id, is_assertion) {
            items.push(Item::Done(refused(
                &name,
                msg!("err-wallet-badgr-record", url = url),
            )));
            continue;
        }
        items.push(Item::Ready {
            source: name,
            bytes,
        });
    }
    Some(items)
}
