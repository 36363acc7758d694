//! Discovery: `GET {base}/ims/ob/v3p0/discovery` → the host's Service Description Document
//! (SDD), "a profiled version of the OpenAPI 3.0 (JSON) file" (Open Badges 3.0 §
//! "Service Discovery", <https://www.imsglobal.org/spec/ob/v3p0/#service-discovery>;
//! OB 3.0 API security, "Dynamic Client Registration").
//!
//! What Backpack reads from it: `info.title` (the host's name), `info.termsOfService`,
//! `info.x-imssf-privacyPolicyUrl`, `info.x-imssf-image`, and from
//! `components.securitySchemes.OAuth2ACG`: `x-imssf-registrationUrl` and
//! `flows.authorizationCode.{authorizationUrl, tokenUrl, refreshUrl, scopes}`.
//!
//! **Defects of the spec's own material that are tolerated** (each one noted in
//! [`ServiceDescription::tolerated`], never copied into what Backpack sends):
//! - the 1EdTech `openapi.json` lacks `info.x-imssf-privacyPolicyUrl` (required by the
//!   `ServiceDescriptionDocument` schema): a missing privacy policy or terms of service is
//!   accepted and noted;
//! - its flow URLs (`provider.example.com/auth`) and the spec's SDD example
//!   (`1edtech.org/token`, `1edtech.org/registration`) have **no scheme**: such a URL is read as
//!   `https://` + it;
//! - the schema does not require `flows` (only the example shows it) and names the scheme
//!   `OAuth2ACG`: any `oauth2` scheme with an `authorizationCode` flow is accepted, `OAuth2ACG`
//!   first;
//! - the OpenAPI `servers` URL is the spec's placeholder (`https://example.org/ims/ob/v3p0`) in
//!   the published file: Backpack calls the API under the base URL the learner connected to,
//!   where discovery answered, and ignores `servers`;
//! - `refreshUrl` missing: the token endpoint refreshes;
//! - no `scopes`: Backpack asks for the read scopes it needs anyway.
//!
//! Not tolerated (one line each, nothing stored): a body that is not JSON or nests too deep,
//! no `oauth2` authorization-code scheme, no `x-imssf-registrationUrl` (Backpack cannot
//! register without it), an endpoint that is not an `https` URL (`http` only to a loopback
//! address with `--insecure-loopback`: the authorization URL is opened in the learner's
//! browser, so nothing else may be).

use serde_json::Value;
use url::Url;

use crate::localize::{Message, msg};

/// Read scope for credentials.
pub const SCOPE_CREDENTIAL_READONLY: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly";
/// Read scope for the profile.
pub const SCOPE_PROFILE_READONLY: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly";

/// Longest URL accepted from a host.
pub const MAX_URL_CHARS: usize = 2048;
/// Longest name shown for a host.
pub const MAX_NAME_CHARS: usize = 120;

/// What Backpack needs from a host's SDD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceDescription {
    /// `info.title`, cleaned (no control characters, at most [`MAX_NAME_CHARS`]); the host
    /// name when there is none.
    pub name: String,
    /// `info.termsOfService`.
    pub terms_of_service: Option<String>,
    /// `info.x-imssf-privacyPolicyUrl`.
    pub privacy_policy: Option<String>,
    /// `x-imssf-registrationUrl`.
    pub registration_url: String,
    /// `flows.authorizationCode.authorizationUrl`.
    pub authorization_url: String,
    /// `flows.authorizationCode.tokenUrl`.
    pub token_url: String,
    /// `flows.authorizationCode.refreshUrl`, else the token URL.
    pub refresh_url: String,
    /// The scopes the host lists.
    pub scopes: Vec<String>,
    /// One line per defect tolerated, in English (the English of [`Self::tolerated_messages`]).
    pub tolerated: Vec<String>,
    /// The same lines as catalog messages (`err-host-…`), for the learner's language.
    pub tolerated_messages: Vec<Message>,
}

/// Text from a host, made safe to show on one line: control characters dropped, whitespace
/// runs collapsed, at most `max` characters.
pub fn clean_text(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        // Bidi controls and other format characters would reorder what is shown.
        if matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
        if out.chars().count() >= max {
            out.push('…');
            break;
        }
    }
    out
}

/// Read an endpoint URL from the SDD: absolute `https`, or scheme-less (`host/path`, read as
/// https and noted), or `/path` on the base's origin. `http` only to loopback with
/// `insecure_loopback`.
pub fn endpoint(
    field: &str,
    raw: &str,
    base: &Url,
    insecure_loopback: bool,
    tolerated: &mut Vec<Message>,
) -> Result<Url, Message> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(msg!("err-host-field-empty", field = field));
    }
    if raw.len() > MAX_URL_CHARS {
        return Err(msg!(
            "err-host-field-too-long",
            field = field,
            limit = MAX_URL_CHARS
        ));
    }
    let url = if raw.starts_with('/') && !raw.starts_with("//") {
        base.join(raw)
            .map_err(|e| not_a_url(field, format!("{raw:?}"), e))?
    } else {
        match Url::parse(raw) {
            Ok(u) if u.has_host() => u,
            Ok(u) if u.scheme() != "http" && u.scheme() != "https" && !raw.contains("://") => {
                // "host:port/path" parses with the host as a scheme.
                scheme_less(field, raw, tolerated)?
            }
            Ok(u) => {
                return Err(msg!(
                    "err-host-field-not-web-url",
                    field = field,
                    url = format!("{:?}", clean_text(u.as_str(), 100))
                ));
            }
            Err(url::ParseError::RelativeUrlWithoutBase) => scheme_less(field, raw, tolerated)?,
            Err(e) => {
                return Err(not_a_url(field, format!("{:?}", clean_text(raw, 100)), e));
            }
        }
    };
    check_web_url(field.into(), &url, insecure_loopback)?;
    Ok(url)
}

/// `{field} "{raw}" is not a url: {e}` (the url crate's words as given).
fn not_a_url(field: &str, quoted_raw: String, e: url::ParseError) -> Message {
    msg!(
        "err-host-field-not-url",
        field = field,
        raw = quoted_raw,
        error = e.to_string()
    )
}

fn scheme_less(field: &str, raw: &str, tolerated: &mut Vec<Message>) -> Result<Url, Message> {
    let quoted = format!("{:?}", clean_text(raw, 100));
    let u =
        Url::parse(&format!("https://{raw}")).map_err(|e| not_a_url(field, quoted.clone(), e))?;
    tolerated.push(msg!(
        "err-host-sdd-no-scheme",
        field = field,
        raw = quoted,
        url = u.to_string()
    ));
    Ok(u)
}

/// Is `url` something Backpack may call or open in a browser: `https` with a host, or `http`
/// to a loopback address when `insecure_loopback`? No user name or password in it. `field`
/// names the URL (a catalog word, or a discovery document's field name as given).
pub fn check_web_url(field: Message, url: &Url, insecure_loopback: bool) -> Result<(), Message> {
    if !url.username().is_empty() || url.password().is_some() {
        return Err(msg!("err-host-url-credentials", field = field));
    }
    let Some(host) = url.host() else {
        return Err(msg!("err-host-url-no-host", field = field));
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if insecure_loopback && is_loopback_host(&host) => Ok(()),
        "http" => Err(msg!(
            "err-host-url-plain-http",
            field = field,
            url = clean_text(url.as_str(), 200)
        )),
        other => Err(msg!(
            "err-host-url-scheme",
            field = field,
            scheme = format!("{:?}", clean_text(other, 20))
        )),
    }
}

fn is_loopback_host(h: &url::Host<&str>) -> bool {
    match h {
        url::Host::Ipv4(a) => a.is_loopback(),
        url::Host::Ipv6(a) => a.is_loopback(),
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
    }
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    cur.as_str()
}

/// Read an SDD. `base` is the URL discovery was fetched from (relative endpoints resolve
/// against it).
pub fn parse_sdd(
    body: &[u8],
    base: &Url,
    insecure_loopback: bool,
) -> Result<ServiceDescription, Message> {
    // A JSON parser's complaint is shown as given.
    let doc: Value = super::parse_json(body)?;
    if !doc.is_object() {
        return Err(msg!("err-host-sdd-not-object"));
    }
    let mut tolerated: Vec<Message> = Vec::new();
    let name = str_at(&doc, &["info", "title"])
        .map(|t| clean_text(t, MAX_NAME_CHARS))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| {
            tolerated.push(msg!("err-host-sdd-no-title", field = "info.title"));
            base.host_str().unwrap_or("badge host").to_string()
        });
    let mut optional_url = |field: &str, path: &[&str]| -> Option<String> {
        match str_at(&doc, path) {
            None => {
                tolerated.push(msg!("err-host-sdd-optional-missing", field = field));
                None
            }
            Some(raw) => match endpoint(field, raw, base, insecure_loopback, &mut tolerated) {
                Ok(u) => Some(u.to_string()),
                Err(e) => {
                    tolerated.push(msg!("err-host-sdd-ignored", detail = e));
                    None
                }
            },
        }
    };
    let terms_of_service = optional_url("info.termsOfService", &["info", "termsOfService"]);
    let privacy_policy = optional_url(
        "info.x-imssf-privacyPolicyUrl",
        &["info", "x-imssf-privacyPolicyUrl"],
    );
    let schemes = doc
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .ok_or_else(|| {
            msg!(
                "err-host-sdd-no-schemes",
                field = "components.securitySchemes"
            )
        })?;
    // OAuth2ACG first, then any oauth2 scheme with an authorization-code flow.
    let mut candidates: Vec<(&String, &Value)> = schemes.iter().collect();
    candidates.sort_by_key(|(k, _)| k.as_str() != "OAuth2ACG");
    let (scheme_name, scheme) = candidates
        .into_iter()
        .find(|(_, s)| {
            s.get("type").and_then(Value::as_str) == Some("oauth2")
                && s.pointer("/flows/authorizationCode")
                    .is_some_and(Value::is_object)
        })
        .ok_or_else(|| {
            msg!(
                "err-host-sdd-no-oauth2",
                field = "components.securitySchemes.OAuth2ACG.flows.authorizationCode"
            )
        })?;
    if scheme_name != "OAuth2ACG" {
        tolerated.push(msg!(
            "err-host-sdd-scheme-name",
            name = format!("{:?}", clean_text(scheme_name, 40)),
            expected = "OAuth2ACG"
        ));
    }
    let field = |f: &str| format!("components.securitySchemes.{scheme_name}.{f}");
    let reg = scheme
        .get("x-imssf-registrationUrl")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            msg!(
                "err-host-sdd-no-registration",
                field = field("x-imssf-registrationUrl")
            )
        })?;
    let registration_url = endpoint(
        &field("x-imssf-registrationUrl"),
        reg,
        base,
        insecure_loopback,
        &mut tolerated,
    )?;
    let flow = &scheme["flows"]["authorizationCode"];
    let flow_url = |name: &str, tolerated: &mut Vec<Message>| -> Result<Option<Url>, Message> {
        match flow.get(name).and_then(Value::as_str) {
            None => Ok(None),
            Some(raw) => endpoint(
                &field(&format!("flows.authorizationCode.{name}")),
                raw,
                base,
                insecure_loopback,
                tolerated,
            )
            .map(Some),
        }
    };
    let authorization_url = flow_url("authorizationUrl", &mut tolerated)?.ok_or_else(|| {
        msg!(
            "err-host-sdd-no-field",
            field = field("flows.authorizationCode.authorizationUrl")
        )
    })?;
    let token_url = flow_url("tokenUrl", &mut tolerated)?.ok_or_else(|| {
        msg!(
            "err-host-sdd-no-field",
            field = field("flows.authorizationCode.tokenUrl")
        )
    })?;
    let refresh_url = match flow_url("refreshUrl", &mut tolerated)? {
        Some(u) => u,
        None => {
            tolerated.push(msg!(
                "err-host-sdd-no-refresh-url",
                field = "refreshUrl",
                token = "tokenUrl"
            ));
            token_url.clone()
        }
    };
    let scopes: Vec<String> = flow
        .get("scopes")
        .and_then(Value::as_object)
        .map(|m| m.keys().take(64).map(|k| clean_text(k, 200)).collect())
        .unwrap_or_default();
    if scopes.is_empty() {
        tolerated.push(msg!("err-host-sdd-no-scopes"));
    }
    Ok(ServiceDescription {
        name,
        terms_of_service,
        privacy_policy,
        registration_url: registration_url.to_string(),
        authorization_url: authorization_url.to_string(),
        token_url: token_url.to_string(),
        refresh_url: refresh_url.to_string(),
        scopes,
        tolerated: tolerated.iter().map(Message::english).collect(),
        tolerated_messages: tolerated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://host.example/ims/ob/v3p0/discovery").unwrap()
    }

    #[test]
    fn the_published_openapi_json_is_refused_for_its_missing_registration_url() {
        // SUMMARY defect 4: openapi.json is not a valid SDD (no x-imssf-registrationUrl).
        let doc = serde_json::json!({
            "openapi": "3.0.1",
            "info": {"title": "OpenAPI schema for Open Badges", "termsOfService": "https://www.imsglobal.org/license.html", "version": "3.0"},
            "components": {"securitySchemes": {"OAuth2ACG": {"type": "oauth2", "flows": {"authorizationCode": {
                "authorizationUrl": "provider.example.com/auth", "tokenUrl": "provider.example.com/token",
                "refreshUrl": "provider.example.com/refresh", "scopes": {SCOPE_CREDENTIAL_READONLY: "read"}}}}}}
        });
        let e = parse_sdd(&serde_json::to_vec(&doc).unwrap(), &base(), false)
            .unwrap_err()
            .english();
        assert!(e.contains("x-imssf-registrationUrl"), "{e}");
        assert!(e.contains("cannot register"), "{e}");
    }

    #[test]
    fn scheme_less_urls_and_missing_privacy_policy_are_tolerated_and_noted() {
        // The spec's SDD example, completed: scheme-less URLs, no privacy policy.
        let doc = serde_json::json!({
            "info": {"title": "Example\u{202e} Host\n", "termsOfService": "https://1edtech.org/tos"},
            "components": {"securitySchemes": {"OAuth2ACG": {"type": "oauth2",
                "x-imssf-registrationUrl": "1edtech.org/registration",
                "flows": {"authorizationCode": {"tokenUrl": "1edtech.org/token",
                    "authorizationUrl": "1edtech.org/authorize", "scopes": {}}}}}}
        });
        let sdd = parse_sdd(&serde_json::to_vec(&doc).unwrap(), &base(), false).unwrap();
        assert_eq!(sdd.name, "Example Host");
        assert_eq!(sdd.registration_url, "https://1edtech.org/registration");
        assert_eq!(sdd.authorization_url, "https://1edtech.org/authorize");
        assert_eq!(sdd.refresh_url, "https://1edtech.org/token");
        assert_eq!(sdd.privacy_policy, None);
        let t = sdd.tolerated.join("\n");
        assert!(t.contains("x-imssf-privacyPolicyUrl is missing"), "{t}");
        assert!(t.contains("has no scheme"), "{t}");
        assert!(t.contains("refreshUrl is missing"), "{t}");
    }

    #[test]
    fn an_authorization_url_that_is_not_https_is_refused() {
        for bad in [
            "http://evil.example/authorize",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://user:pw@h.example/a",
        ] {
            let doc = serde_json::json!({
                "info": {"title": "H"},
                "components": {"securitySchemes": {"OAuth2ACG": {"type": "oauth2",
                    "x-imssf-registrationUrl": "https://h.example/register",
                    "flows": {"authorizationCode": {"tokenUrl": "https://h.example/token",
                        "authorizationUrl": bad}}}}}
            });
            let e = parse_sdd(&serde_json::to_vec(&doc).unwrap(), &base(), true)
                .unwrap_err()
                .english();
            assert!(e.contains("authorizationUrl"), "{bad}: {e}");
        }
    }
}
