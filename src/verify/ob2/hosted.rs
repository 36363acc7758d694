//! OB 2.0 hosted verification: the assertion is fetched again from its `id` and the hosted
//! copy is the truth
//! (<https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#HostedBadge>);
//! its URL must be in the issuer's verification scope (`allowedOrigins`, `startsWith`, by
//! default the issuer id's origin,
//! <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#VerificationObject>).

use serde_json::{Value, json};

use super::{ACCEPT_JSONLD, host, id_of, origin, strings, upgrade};
use crate::localize::{Message, msg};
use crate::parse::ParsedCredential;
use crate::verify::Run;
use crate::verify::report::Outcome;
use crate::verify::status::with_note;

/// Is the hosted assertion id in the issuer's verification scope? (§2.2, §2.3)
pub fn hosted_scope(assertion_id: &str, issuer: &Value) -> (Outcome, Message) {
    let issuer_id = issuer.get("id").and_then(Value::as_str).unwrap_or("");
    let policy = issuer.get("verification");
    let starts = strings(policy.and_then(|p| p.get("startsWith")));
    let allowed = strings(policy.and_then(|p| p.get("allowedOrigins")));
    if !starts.is_empty() && !starts.iter().any(|s| assertion_id.starts_with(s.as_str())) {
        let prefixes = starts.iter().map(Message::from).collect();
        return (
            Outcome::Fail,
            msg!(
                "chk-ob2-scope-prefix-fail",
                id = assertion_id,
                prefixes = Message::join("chk-ob2-or", prefixes)
                    .unwrap_or_else(|| Message::Text(String::new()))
            ),
        );
    }
    if !allowed.is_empty() {
        let h = host(assertion_id).unwrap_or_default();
        return if allowed.iter().any(|a| a.eq_ignore_ascii_case(&h)) {
            (Outcome::Pass, msg!("chk-ob2-scope-allowed", host = h))
        } else {
            (
                Outcome::Fail,
                msg!(
                    "chk-ob2-scope-not-allowed",
                    host = h,
                    allowed = allowed.join(", ")
                ),
            )
        };
    }
    if !starts.is_empty() {
        return (Outcome::Pass, msg!("chk-ob2-scope-under-prefix"));
    }
    match (origin(assertion_id), origin(issuer_id)) {
        (_, None) => (
            Outcome::Error,
            msg!("chk-ob2-scope-issuer-not-http", id = issuer_id),
        ),
        (Some(a), Some(i)) if a == i => {
            (Outcome::Pass, msg!("chk-ob2-scope-own-origin", origin = i))
        }
        (a, Some(i)) => (
            Outcome::Fail,
            msg!(
                "chk-ob2-scope-other-origin",
                at = a.unwrap_or_else(|| assertion_id.to_string()),
                origin = i
            ),
        ),
    }
}

/// Are two recipient objects the same identity?
fn same_recipient(a: Option<&Value>, b: Option<&Value>) -> bool {
    let norm = |v: Option<&Value>| -> Option<(String, bool, String)> {
        let u = upgrade(&json!({"recipient": v?.clone()}));
        let r = u.get("recipient")?;
        Some((
            r.get("identity")?.as_str()?.to_ascii_lowercase(),
            r.get("hashed").and_then(Value::as_bool).unwrap_or(false),
            r.get("salt")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        ))
    };
    norm(a) == norm(b)
}

pub(super) enum Hosted {
    /// The hosted copy, a detail line, and the URL that served it (after redirects).
    Truth(Value, Message, String),
    Gone(String),
    Bad(Outcome, Message),
}

/// Fetch the hosted assertion. The copy is the truth only when its `id` is the URL that served
/// it: a copy that names another id is fetched once more from that id (as badgecheck does),
/// and must be served there under its own name; anything else fails.
pub(super) fn hosted(run: &Run<'_>, p: &ParsedCredential, local: &Value) -> Hosted {
    let url = p
        .hosted_url
        .clone()
        .or_else(|| local.get("id").and_then(Value::as_str).map(str::to_string))
        .or_else(|| {
            local
                .get("verification")
                .and_then(|v| v.get("url"))
                .and_then(Value::as_str)
                .map(str::to_string)
        });
    let Some(url) = url.filter(|u| u.starts_with("http://") || u.starts_with("https://")) else {
        return Hosted::Bad(Outcome::Fail, msg!("chk-ob2-hosted-no-id"));
    };
    let mut current = url;
    for attempt in 0..2 {
        let got = match run.get(&current, ACCEPT_JSONLD) {
            Ok(g) => g,
            Err(e) => {
                let short = if e.to_string().starts_with("offline") {
                    msg!("chk-ob2-offline")
                } else {
                    crate::localize::Localize::message(&e)
                };
                return Hosted::Bad(
                    Outcome::Error,
                    msg!("chk-ob2-hosted-unreachable", error = short, url = &current),
                );
            }
        };
        let note = crate::verify::fetch::cache_note(&got, run.ctx.clock);
        match got.status {
            410 => return Hosted::Gone(got.url),
            200..=299 => {}
            404 => {
                return Hosted::Bad(
                    Outcome::Fail,
                    with_note(msg!("chk-ob2-hosted-404", url = &current), note),
                );
            }
            s if s >= 500 => {
                return Hosted::Bad(
                    Outcome::Error,
                    msg!("chk-ob2-hosted-5xx", url = &current, code = s.to_string()),
                );
            }
            s => {
                return Hosted::Bad(
                    Outcome::Fail,
                    with_note(
                        msg!("chk-ob2-hosted-http", url = &current, code = s.to_string()),
                        note,
                    ),
                );
            }
        }
        let h: Value = match serde_json::from_slice(&got.body) {
            Ok(v @ Value::Object(_)) => v,
            _ => {
                return Hosted::Bad(
                    Outcome::Fail,
                    msg!("chk-ob2-hosted-not-object", url = &current),
                );
            }
        };
        let served_at = got.url.clone();
        let declared = upgrade(&h)
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        // A revocation notice may hold only id and revoked.
        if declared.is_empty() || crate::verify::keys::same_id(&declared, &served_at) {
            let mut detail = with_note(msg!("chk-ob2-fetched", url = &served_at), note);
            if served_at != current {
                detail = msg!("chk-ob2-redirected-from", detail = detail, from = &current);
            }
            return Hosted::Truth(h, detail, served_at);
        }
        let declared_http = declared.starts_with("http://") || declared.starts_with("https://");
        if attempt == 0 && declared_http {
            // Served under another name (Badgr's api host vs its public id): ask that id.
            current = declared;
            continue;
        }
        return Hosted::Bad(
            Outcome::Fail,
            msg!("chk-ob2-declares-other-id", url = served_at, id = declared),
        );
    }
    Hosted::Bad(Outcome::Fail, msg!("chk-ob2-not-confirmed-at-id"))
}

/// What differs between the local assertion and the hosted one, if anything.
pub(super) fn differs(local: &Value, hosted: &Value) -> Option<Message> {
    let hosted = upgrade(hosted);
    if local.get("recipient").is_some()
        && !same_recipient(local.get("recipient"), hosted.get("recipient"))
    {
        // The property's name, as the badge spells it.
        return Some("recipient".into());
    }
    let lb = local.get("badge").and_then(id_of);
    let hb = hosted.get("badge").and_then(id_of);
    if lb.is_some() && lb != hb {
        return Some(msg!(
            "chk-ob2-diff-badge",
            here = lb.unwrap_or(""),
            hosted = match hb {
                Some(b) => Message::from(b),
                None => msg!("chk-ob2-none"),
            }
        ));
    }
    None
}
