//! OB 2.0 hosted verification: the assertion is fetched again from its `id` and the hosted
//! copy is the truth
//! (<https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#HostedBadge>);
//! its URL must be in the issuer's verification scope (`allowedOrigins`, `startsWith`, by
//! default the issuer id's origin,
//! <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#VerificationObject>).

use serde_json::{Value, json};

use super::{ACCEPT_JSONLD, host, id_of, origin, strings, upgrade};
use crate::parse::ParsedCredential;
use crate::verify::Run;
use crate::verify::report::Outcome;

/// Is the hosted assertion id in the issuer's verification scope? (§2.2, §2.3)
pub fn hosted_scope(assertion_id: &str, issuer: &Value) -> (Outcome, String) {
    let issuer_id = issuer.get("id").and_then(Value::as_str).unwrap_or("");
    let policy = issuer.get("verification");
    let starts = strings(policy.and_then(|p| p.get("startsWith")));
    let allowed = strings(policy.and_then(|p| p.get("allowedOrigins")));
    if !starts.is_empty() && !starts.iter().any(|s| assertion_id.starts_with(s.as_str())) {
        return (
            Outcome::Fail,
            format!(
                "the assertion id {assertion_id} does not start with the issuer's allowed prefix {}",
                starts.join(" or ")
            ),
        );
    }
    if !allowed.is_empty() {
        let h = host(assertion_id).unwrap_or_default();
        return if allowed.iter().any(|a| a.eq_ignore_ascii_case(&h)) {
            (
                Outcome::Pass,
                format!("hosted at {h}, one of the issuer's allowed origins"),
            )
        } else {
            (
                Outcome::Fail,
                format!(
                    "the assertion is hosted at {h}, not one of the issuer's allowed origins ({})",
                    allowed.join(", ")
                ),
            )
        };
    }
    if !starts.is_empty() {
        return (
            Outcome::Pass,
            "the assertion id is under the issuer's allowed prefix".into(),
        );
    }
    match (origin(assertion_id), origin(issuer_id)) {
        (_, None) => (
            Outcome::Error,
            format!(
                "issuer not confirmed: the issuer id {issuer_id} is not an http url, so where \
                 its assertions may be hosted cannot be checked"
            ),
        ),
        (Some(a), Some(i)) if a == i => (
            Outcome::Pass,
            format!("hosted on the issuer's own origin {i}"),
        ),
        (a, Some(i)) => (
            Outcome::Fail,
            format!(
                "the assertion is hosted at {}, not on the issuer's origin {i}",
                a.unwrap_or_else(|| assertion_id.to_string())
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
    Truth(Value, String, String),
    Gone(String),
    Bad(Outcome, String),
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
        return Hosted::Bad(
            Outcome::Fail,
            "the hosted assertion has no http(s) id to fetch it from".into(),
        );
    };
    let mut current = url;
    for attempt in 0..2 {
        let got = match run.get(&current, ACCEPT_JSONLD) {
            Ok(g) => g,
            Err(e) => {
                let msg = e.to_string();
                let short = if msg.starts_with("offline") {
                    "offline".to_string()
                } else {
                    msg
                };
                return Hosted::Bad(
                    Outcome::Error,
                    format!("{short}: could not fetch the hosted assertion {current}"),
                );
            }
        };
        let note = crate::verify::fetch::cache_note(&got, run.ctx.clock)
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        match got.status {
            410 => return Hosted::Gone(got.url),
            200..=299 => {}
            404 => {
                return Hosted::Bad(
                    Outcome::Fail,
                    format!(
                        "the issuer's server has no such assertion: {current} answered 404{note}"
                    ),
                );
            }
            s if s >= 500 => {
                return Hosted::Bad(
                    Outcome::Error,
                    format!("could not check: {current} answered http {s}"),
                );
            }
            s => return Hosted::Bad(Outcome::Fail, format!("{current} answered http {s}{note}")),
        }
        let h: Value = match serde_json::from_slice(&got.body) {
            Ok(v @ Value::Object(_)) => v,
            _ => {
                return Hosted::Bad(
                    Outcome::Fail,
                    format!("the hosted copy at {current} is not a json object"),
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
            let mut detail = format!("fetched the hosted copy from {served_at}{note}");
            if served_at != current {
                detail.push_str(&format!(" (redirected from {current})"));
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
            format!(
                "the copy served at {served_at} declares its id as {declared}: a hosted \
                 assertion must be served at its own id"
            ),
        );
    }
    Hosted::Bad(
        Outcome::Fail,
        "the hosted assertion could not be confirmed at its id".into(),
    )
}

/// What differs between the local assertion and the hosted one, if anything.
pub(super) fn differs(local: &Value, hosted: &Value) -> Option<String> {
    let hosted = upgrade(hosted);
    if local.get("recipient").is_some()
        && !same_recipient(local.get("recipient"), hosted.get("recipient"))
    {
        return Some("recipient".into());
    }
    let lb = local.get("badge").and_then(id_of);
    let hb = hosted.get("badge").and_then(id_of);
    if lb.is_some() && lb != hb {
        return Some(format!(
            "badge ({} here, {} hosted)",
            lb.unwrap_or(""),
            hb.unwrap_or("none")
        ));
    }
    None
}
