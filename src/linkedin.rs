//! "Add to LinkedIn": the fields of LinkedIn's add-to-profile form for a badge, and the link
//! that opens that form pre-filled (issue 11). LinkedIn documents the link at
//! <https://addtoprofile.linkedin.com/> (`startTask=CERTIFICATION_NAME`, `name`,
//! `organizationName`, `issueYear`, `issueMonth`, `expirationYear`, `expirationMonth`,
//! `certUrl`, `certId`).
//!
//! Nothing is sent anywhere here: the host shows the fields (to copy by hand) and opens the
//! link only after the learner confirms. Every value is percent-encoded (RFC 3986 §2.1,
//! spaces as `%20`), so badge text (untrusted) cannot add or change query parameters.
//! `certUrl` is only ever a public `https://` address of the badge itself (a hosted OB 2.0
//! assertion, or an OB 3.0 credential id that is one); a `urn:`, `did:`, `http:`, local or
//! private address is left out and stays, as the credential id, in `certId`.

use serde::Serialize;

use crate::model::Badge;

/// LinkedIn's add-to-profile address.
pub const ADD_TO_PROFILE: &str = "https://www.linkedin.com/profile/add";

/// Longest value put in one field (LinkedIn truncates far shorter; this only bounds the link).
const MAX_FIELD: usize = 1024;

/// The add-to-profile form's fields for one badge.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LinkedInFields {
    /// Certification name (the badge's name).
    pub name: String,
    /// Issuing organisation (the issuer's name, else its id).
    pub organization_name: Option<String>,
    /// Issue year and month (1–12), from the issue date.
    pub issue: Option<(i32, u32)>,
    /// Expiration year and month, from the end of validity.
    pub expiration: Option<(i32, u32)>,
    /// Credential URL: a public `https://` address of the badge, if it has one.
    pub cert_url: Option<String>,
    /// Credential ID (the assertion or credential id).
    pub cert_id: Option<String>,
}

/// Year and month of an RFC 3339 date (or a bare `YYYY-MM…` date).
fn year_month(date: Option<&str>) -> Option<(i32, u32)> {
    let d = date?.trim();
    let year: i32 = d.get(0..4)?.parse().ok()?;
    if d.get(4..5)? != "-" {
        return None;
    }
    let month: u32 = d.get(5..7)?.parse().ok()?;
    ((1..=12).contains(&month) && year > 0).then_some((year, month))
}

/// Cut a value to [`MAX_FIELD`] bytes at a character boundary, dropping control characters.
fn clean(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars().filter(|c| !c.is_control()) {
        if out.len() + c.len_utf8() > MAX_FIELD {
            break;
        }
        out.push(c);
    }
    out
}

/// `candidate` when it is a public `https://` URL: a host name with a dot outside the
/// special-use names (RFC 6761: `localhost`, `.local`, `.test`, `.invalid`, `.example`,
/// `example.com/.net/.org`; `.internal`, `.home.arpa`), or a globally reachable IP address;
/// no user name or password; at most 2,048 characters.
pub fn public_https_url(candidate: &str) -> Option<String> {
    let candidate = candidate.trim();
    if candidate.len() > 2048 || !candidate.starts_with("https://") {
        return None;
    }
    let url = url::Url::parse(candidate).ok()?;
    if url.scheme() != "https" || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let public = match url.host()? {
        url::Host::Domain(d) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            let special = [
                "localhost",
                "local",
                "test",
                "invalid",
                "example",
                "internal",
            ]
            .iter()
            .any(|s| d == *s || d.ends_with(&format!(".{s}")))
                || ["example.com", "example.net", "example.org", "home.arpa"]
                    .iter()
                    .any(|s| d == *s || d.ends_with(&format!(".{s}")));
            d.contains('.') && !special
        }
        url::Host::Ipv4(ip) => crate::net::non_public(ip.into()).is_none(),
        url::Host::Ipv6(ip) => crate::net::non_public(ip.into()).is_none(),
    };
    public.then(|| url.to_string())
}

impl LinkedInFields {
    /// The fields for a badge. `hosted_url` is where a hosted OB 2.0 assertion lives (the
    /// wallet's `StoredBadge::hosted_url`); otherwise the badge's own id is the candidate URL.
    pub fn for_badge(badge: &Badge, hosted_url: Option<&str>) -> LinkedInFields {
        let cert_url = hosted_url
            .and_then(public_https_url)
            .or_else(|| badge.id.as_deref().and_then(public_https_url));
        LinkedInFields {
            name: clean(&badge.name),
            organization_name: badge
                .issuer
                .name
                .as_deref()
                .or(badge.issuer.id.as_deref())
                .map(clean)
                .filter(|s| !s.is_empty()),
            issue: year_month(badge.issued.as_deref().or(badge.valid_from.as_deref())),
            expiration: year_month(badge.valid_until.as_deref()),
            cert_url,
            cert_id: badge.id.as_deref().map(clean).filter(|s| !s.is_empty()),
        }
    }

    /// The add-to-profile link, parameters in LinkedIn's documented order; absent fields are
    /// left out.
    pub fn url(&self) -> String {
        let mut out = format!("{ADD_TO_PROFILE}?startTask=CERTIFICATION_NAME");
        let mut add = |k: &str, v: &str| {
            out.push('&');
            out.push_str(k);
            out.push('=');
            // byte_serialize writes a space as `+` and a literal `+` as `%2B`, so every `+`
            // left is a space.
            let enc: String = url::form_urlencoded::byte_serialize(v.as_bytes()).collect();
            out.push_str(&enc.replace('+', "%20"));
        };
        add("name", &self.name);
        if let Some(o) = &self.organization_name {
            add("organizationName", o);
        }
        if let Some((y, m)) = self.issue {
            add("issueYear", &y.to_string());
            add("issueMonth", &m.to_string());
        }
        if let Some((y, m)) = self.expiration {
            add("expirationYear", &y.to_string());
            add("expirationMonth", &m.to_string());
        }
        if let Some(u) = &self.cert_url {
            add("certUrl", u);
        }
        if let Some(i) = &self.cert_id {
            add("certId", i);
        }
        out
    }
}

impl crate::store::StoredBadge {
    /// LinkedIn's add-to-profile fields for this badge.
    pub fn linkedin(&self) -> LinkedInFields {
        LinkedInFields::for_badge(&self.badge, self.hosted_url.as_deref())
    }
}
