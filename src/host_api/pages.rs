//! `getCredentials` with pagination and `getProfile` (OB 3.0 §"Open Badges API",
//! <https://www.imsglobal.org/spec/ob/v3p0/#api>, "Paging"; the `Link` header is RFC 8288,
//! <https://www.rfc-editor.org/rfc/rfc8288>).
//!
//! A page is `GetOpenBadgeCredentialsResponse {credential: [AchievementCredential…],
//! compactJwsString: ["h.p.s"…]}`; the spec's own example spells the second
//! `compactJwsStrings` (SUMMARY defect 2), so both are read. Each credential is kept as the
//! **exact bytes the host sent** (a JSON object as it appears in the page, a JWS string
//! unescaped) and goes through the normal import path.
//!
//! Paging: Backpack asks `?limit={PAGE_SIZE}&offset=N` and follows `Link: rel="next"`; without
//! a `Link`, it computes the next offset while `X-Total-Count` says there is more (or, with no
//! count at all, while pages come back full). It stops — with one line saying why — on an
//! empty page, a `next` it has already read (a loop), a page that only repeats credentials
//! already read, a `next` on another origin (a bearer token is never sent elsewhere), and at
//! [`MAX_PAGES`], [`MAX_LISTING_ITEMS`] (the ZIP import's entry limit) or
//! [`MAX_LISTING_BYTES`]. An `X-Total-Count` that does not match what arrived is noted.
//!
//! Hostile pages (not JSON, truncated, too deep, too large, the wrong shape, more than
//! [`MAX_ITEMS_PER_PAGE`] items) refuse the whole listing: the caller then writes nothing.
//! A bad item in a good page (not an object, a JWS that is not `h.p.s`, larger than
//! [`crate::limits::MAX_FILE_BYTES`]) is refused on its own line.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde::de::{self, SeqAccess, Visitor};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use url::Url;

use super::discovery::clean_text;
use crate::env::HttpResponse;
use crate::limits;
use crate::localize::{Message, msg};

/// Credentials asked for per page.
pub const PAGE_SIZE: u64 = 50;
/// Largest page body read.
pub const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;
/// Most items accepted in one page.
pub const MAX_ITEMS_PER_PAGE: usize = 10_000;
/// Most pages read in one listing.
pub const MAX_PAGES: usize = 5_000;
/// Most credentials read in one listing (the ZIP import's [`limits::MAX_ZIP_ENTRIES`]).
pub const MAX_LISTING_ITEMS: usize = limits::MAX_ZIP_ENTRIES;
/// Most page bytes read in one listing. The listing is held in memory until every page has
/// arrived (so a refused page writes nothing), hence less than the ZIP import's
/// [`limits::MAX_ZIP_TOTAL_BYTES`].
pub const MAX_LISTING_BYTES: u64 = 256 * 1024 * 1024;
/// Largest profile body read.
pub const MAX_PROFILE_BYTES: u64 = 1024 * 1024;

/// One credential from a page.
#[derive(Debug, Clone)]
pub struct Item {
    /// 1-based position in the listing (names the item in every line).
    pub n: usize,
    /// The bytes as sent: a JSON object or a compact JWS.
    pub bytes: Vec<u8>,
    /// Lower-case hex SHA-256 of `bytes`.
    pub sha256: String,
}

/// A whole listing.
#[derive(Debug, Default)]
pub struct Listing {
    /// Every credential read, first-seen order, no exact repeats.
    pub items: Vec<Item>,
    /// `(item number, reason)` for each item refused inside a good page.
    pub refused: Refusals,
    /// Lines about the paging (loops, lies, caps), as catalog messages.
    pub notes: Vec<Message>,
    /// False when paging stopped early (loop, cap, empty page while more was claimed).
    pub complete: bool,
    /// Pages read.
    pub pages: usize,
}

/// A JSON array read as raw elements, refused past [`MAX_ITEMS_PER_PAGE`] before it grows.
struct Capped<'a>(Vec<&'a RawValue>);

impl<'de: 'a, 'a> Deserialize<'de> for Capped<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Capped<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Capped<'a>, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<&'de RawValue>()? {
                    if out.len() >= MAX_ITEMS_PER_PAGE {
                        return Err(de::Error::custom(format!(
                            "more than {MAX_ITEMS_PER_PAGE} items in one page (MAX_ITEMS_PER_PAGE)"
                        )));
                    }
                    out.push(v);
                }
                Ok(Capped(out))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct RawPage<'a> {
    #[serde(borrow, default)]
    credential: Option<Capped<'a>>,
    #[serde(borrow, default, rename = "compactJwsString")]
    jws: Option<Capped<'a>>,
    #[serde(borrow, default, rename = "compactJwsStrings")]
    jws_plural: Option<Capped<'a>>,
}

/// The `compactJwsString` pattern of the OB 3.0 schema: `^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$`.
pub fn is_compact_jws(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    let b64 = |p: &str| {
        p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    parts.len() == 3
        && parts.iter().all(|p| b64(p))
        && parts.first().is_some_and(|p| !p.is_empty())
        && parts.get(2).is_some_and(|p| !p.is_empty())
}

/// How deep `s` (one JSON value, already checked well-formed) nests, counted without
/// recursion so a bomb of a million brackets costs nothing but the scan.
pub fn json_depth(s: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for b in s.bytes() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn sha_hex(b: &[u8]) -> String {
    Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

/// `(item number, why)` for each item refused inside a good page.
pub type Refusals = Vec<(usize, Message)>;

/// Read one page body: its items (numbered from `first_n`) and the items refused in it.
/// `Err` refuses the page.
pub fn parse_page(body: &[u8], first_n: usize) -> Result<(Vec<Item>, Refusals), Message> {
    let text = std::str::from_utf8(body).map_err(|e| {
        msg!(
            "err-host-page-not-utf8",
            offset = e.valid_up_to(),
            detail = super::body_note(body)
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The JSON parser's complaint is shown as given.
    let page: RawPage<'_> = serde_json::from_str(text).map_err(|e| {
        if text.trim_start().starts_with('{') || e.is_eof() {
            super::json_problem(body, &e)
        } else {
            msg!(
                "err-host-page-wrong-shape",
                kind = "GetOpenBadgeCredentialsResponse",
                detail = super::json_problem(body, &e)
            )
        }
    })?;
    let mut items = Vec::new();
    let mut refused = Vec::new();
    let mut n = first_n;
    for raw in page.credential.map(|c| c.0).unwrap_or_default() {
        let s = raw.get();
        if !s.starts_with('{') {
            refused.push((n, msg!("err-host-item-not-object")));
        } else if s.len() as u64 > limits::MAX_FILE_BYTES {
            refused.push((
                n,
                msg!("err-host-item-too-large", limit = limits::MAX_FILE_BYTES),
            ));
        } else if json_depth(s) > limits::MAX_JSON_DEPTH {
            refused.push((
                n,
                msg!("err-host-item-too-deep", limit = limits::MAX_JSON_DEPTH),
            ));
        } else {
            items.push(Item {
                n,
                sha256: sha_hex(s.as_bytes()),
                bytes: s.as_bytes().to_vec(),
            });
        }
        n += 1;
    }
    let jws = page
        .jws
        .map(|c| c.0)
        .into_iter()
        .chain(page.jws_plural.map(|c| c.0))
        .flatten();
    for raw in jws {
        match serde_json::from_str::<String>(raw.get()) {
            Ok(s) if is_compact_jws(&s) => {
                if s.len() as u64 > limits::MAX_FILE_BYTES {
                    refused.push((
                        n,
                        msg!("err-host-item-too-large", limit = limits::MAX_FILE_BYTES),
                    ));
                } else {
                    items.push(Item {
                        n,
                        sha256: sha_hex(s.as_bytes()),
                        bytes: s.into_bytes(),
                    });
                }
            }
            Ok(s) => refused.push((
                n,
                msg!(
                    "err-host-item-not-jws",
                    text = format!("{:?}", clean_text(&s, 40))
                ),
            )),
            Err(_) => refused.push((n, msg!("err-host-item-not-string"))),
        }
        n += 1;
    }
    Ok((items, refused))
}

/// `Link` header values → rel → URL (resolved against `base`). Handles several values, several
/// links per value, quoted and unquoted `rel`, and space-separated rel lists.
pub fn parse_link<'a>(values: impl Iterator<Item = &'a str>, base: &Url) -> HashMap<String, Url> {
    let mut out = HashMap::new();
    for value in values {
        let mut rest = value;
        while let Some(start) = rest.find('<') {
            let Some(end_rel) = rest.get(start + 1..).and_then(|r| r.find('>')) else {
                break;
            };
            let end = start + 1 + end_rel;
            let target = rest.get(start + 1..end).unwrap_or_default().trim();
            let after = rest.get(end + 1..).unwrap_or_default();
            // The parameters run to the next link ('<' after a comma) or the end.
            let params_end = after
                .find(",")
                .and_then(|c| after.get(c..)?.find('<').map(|l| c + l))
                .unwrap_or(after.len());
            let params = after.get(..params_end).unwrap_or_default();
            for p in params.split(';') {
                let Some((k, v)) = p.split_once('=') else {
                    continue;
                };
                if !k.trim().eq_ignore_ascii_case("rel") {
                    continue;
                }
                let v = v.trim().trim_end_matches(',').trim().trim_matches('"');
                if let Ok(u) = base.join(target) {
                    for rel in v.split_whitespace() {
                        out.entry(rel.to_ascii_lowercase())
                            .or_insert_with(|| u.clone());
                    }
                }
            }
            rest = after.get(params_end..).unwrap_or_default();
        }
    }
    out
}

/// `{api}/credentials?limit&offset[&since]`.
pub fn credentials_url(api: &Url, limit: u64, offset: u64, since: Option<&str>) -> Url {
    let mut u = api.clone();
    u.path_segments_mut()
        .map(|mut s| {
            s.pop_if_empty().push("credentials");
        })
        .ok();
    u.query_pairs_mut()
        .append_pair("limit", &limit.to_string())
        .append_pair("offset", &offset.to_string());
    if let Some(s) = since {
        u.query_pairs_mut().append_pair("since", s);
    }
    u
}

fn offset_of(u: &Url) -> Option<u64> {
    u.query_pairs()
        .find(|(k, _)| k == "offset")
        .and_then(|(_, v)| v.parse().ok())
}

fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// Why a listing stopped with an error: the step and one line.
#[derive(Debug)]
pub struct PageFailure<E> {
    /// `getCredentials (offset 50)`.
    pub step: String,
    /// The cause.
    pub cause: PageCause<E>,
}

/// What went wrong with a page.
#[derive(Debug)]
pub enum PageCause<E> {
    /// The request failed (network, status, auth): the caller's error.
    Request(E),
    /// The page was refused.
    Refused(Message),
}

/// Read every page. `get(url, step)` sends one authorised GET (capped at
/// [`MAX_PAGE_BYTES`]) and returns the answer, any status.
pub fn list_all<E>(
    api: &Url,
    since: Option<&str>,
    get: &mut dyn FnMut(&Url, &str) -> Result<HttpResponse, E>,
    status_error: &dyn Fn(&HttpResponse) -> E,
) -> Result<Listing, PageFailure<E>> {
    let mut listing = Listing {
        complete: true,
        ..Listing::default()
    };
    let mut url = credentials_url(api, PAGE_SIZE, 0, since);
    let mut offset: u64 = 0;
    let mut seen_urls: HashSet<String> = HashSet::new();
    let mut seen_items: HashSet<String> = HashSet::new();
    let mut bytes: u64 = 0;
    let mut next_n = 1usize;
    let mut claimed_total: Option<u64> = None;
    loop {
        seen_urls.insert(url.to_string());
        let step = format!("getCredentials (offset {offset})");
        let resp = get(&url, &step).map_err(|e| PageFailure {
            step: step.clone(),
            cause: PageCause::Request(e),
        })?;
        if resp.status != 200 {
            return Err(PageFailure {
                step,
                cause: PageCause::Request(status_error(&resp)),
            });
        }
        listing.pages += 1;
        bytes += resp.body.len() as u64;
        let total = resp
            .header("x-total-count")
            .and_then(|v| v.trim().parse::<u64>().ok());
        if total.is_some() {
            claimed_total = total;
        }
        let (items, refused) = parse_page(&resp.body, next_n).map_err(|e| PageFailure {
            step: step.clone(),
            cause: PageCause::Refused(e),
        })?;
        let count = items.len() + refused.len();
        next_n += count;
        listing.refused.extend(refused);
        let mut new = 0usize;
        for it in items {
            if seen_items.insert(it.sha256.clone()) {
                listing.items.push(it);
                new += 1;
            }
        }
        let links = parse_link(resp.headers_named("link"), &url);
        if count == 0 {
            if links.contains_key("next") || total.is_some_and(|t| offset < t) {
                listing.notes.push(match total {
                    Some(t) => msg!(
                        "err-host-page-empty-total",
                        offset = offset,
                        header = "X-Total-Count",
                        total = t
                    ),
                    None => msg!("err-host-page-empty", offset = offset),
                });
                listing.complete = false;
            }
            break;
        }
        if new == 0 && count > 0 && listing.pages > 1 {
            listing
                .notes
                .push(msg!("err-host-page-repeats", offset = offset));
            listing.complete = false;
            break;
        }
        if listing.items.len() + listing.refused.len() >= MAX_LISTING_ITEMS {
            listing.notes.push(msg!(
                "err-host-listing-max-items",
                limit = MAX_LISTING_ITEMS
            ));
            listing.complete = false;
            break;
        }
        if listing.pages >= MAX_PAGES {
            listing
                .notes
                .push(msg!("err-host-listing-max-pages", limit = MAX_PAGES));
            listing.complete = false;
            break;
        }
        if bytes >= MAX_LISTING_BYTES {
            listing.notes.push(msg!(
                "err-host-listing-max-bytes",
                bytes = bytes,
                limit = MAX_LISTING_BYTES
            ));
            listing.complete = false;
            break;
        }
        let next = if let Some(n) = links.get("next") {
            if !same_origin(n, api) {
                listing.notes.push(msg!(
                    "err-host-next-other-site",
                    origin = clean_text(n.origin().ascii_serialization().as_str(), 100),
                    api = api.origin().ascii_serialization()
                ));
                listing.complete = false;
                break;
            }
            n.clone()
        } else {
            let more = match total {
                Some(t) => offset + (count as u64) < t,
                None => links.is_empty() && count as u64 >= PAGE_SIZE,
            };
            if !more {
                break;
            }
            credentials_url(api, PAGE_SIZE, offset + count as u64, since)
        };
        if seen_urls.contains(next.as_str()) {
            listing.notes.push(msg!(
                "err-host-next-loop",
                url = clean_text(next.as_str(), 200)
            ));
            listing.complete = false;
            break;
        }
        offset = offset_of(&next).unwrap_or(offset + count as u64);
        url = next;
    }
    let got = (listing.items.len() + listing.refused.len()) as u64;
    if let Some(t) = claimed_total
        && t != got
        && listing.complete
    {
        listing.notes.push(msg!(
            "err-host-total-mismatch",
            header = "X-Total-Count",
            total = t,
            got = Message::Count(usize::try_from(got).unwrap_or(usize::MAX))
        ));
    }
    Ok(listing)
}

/// The learner's profile on the host (`getProfile`): name and id, if it says. `type` may be a
/// string (the spec's own examples, SUMMARY defect 3) or an array.
pub fn parse_profile(body: &[u8]) -> Result<(Option<String>, Option<String>), Message> {
    let v = super::parse_json(body)?;
    if !v.is_object() {
        return Err(msg!("err-host-profile-not-object"));
    }
    let name = v
        .get("name")
        .and_then(serde_json::Value::as_str)
        .map(|s| clean_text(s, 120))
        .filter(|s| !s.is_empty());
    let id = v
        .get("id")
        .and_then(serde_json::Value::as_str)
        .map(|s| clean_text(s, 300))
        .filter(|s| !s.is_empty());
    Ok((name, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_header_of_the_spec_example_with_folded_lines() {
        let base = Url::parse("https://www.imsglobal.org/ims/ob/v3p0/credentials?limit=2&offset=0")
            .unwrap();
        let v = "<https://www.imsglobal.org/ims/ob/v3p0/credentials?limit=2&offset=1>; rel=\"next\",\n      <https://www.imsglobal.org/ims/ob/v3p0/credentials?limit=2&offset=0>; rel=\"last\",\n      <https://www.imsglobal.org/ims/ob/v3p0/credentials?limit=2&offset=0>; rel=\"first\"";
        let l = parse_link([v].into_iter(), &base);
        assert_eq!(
            l["next"].as_str(),
            "https://www.imsglobal.org/ims/ob/v3p0/credentials?limit=2&offset=1"
        );
        assert_eq!(
            l["last"].as_str(),
            "https://www.imsglobal.org/ims/ob/v3p0/credentials?limit=2&offset=0"
        );
        let l = parse_link(
            [
                "</c?offset=5>; rel=next; title=\"a,b\"",
                "<x>;rel=\"prev first\"",
            ]
            .into_iter(),
            &base,
        );
        assert_eq!(l["next"].as_str(), "https://www.imsglobal.org/c?offset=5");
        assert!(l.contains_key("prev") && l.contains_key("first"));
    }

    #[test]
    fn page_with_both_spellings_and_bad_items() {
        let body = br#"{"credential":[{"a":1}, 5, "x"],
            "compactJwsStrings":["aa.bb.cc","not a jws", 7],
            "compactJwsString":["dd..ee"], "extra": true}"#;
        let (items, refused) = parse_page(body, 1).unwrap();
        let got: Vec<(usize, String)> = items
            .iter()
            .map(|i| (i.n, String::from_utf8(i.bytes.clone()).unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "{\"a\":1}".into()),
                (4, "dd..ee".into()),
                (5, "aa.bb.cc".into())
            ]
        );
        let r: Vec<usize> = refused.iter().map(|r| r.0).collect();
        assert_eq!(r, vec![2, 3, 6, 7]);
    }

    #[test]
    fn hostile_pages_are_refused_with_one_line() {
        let html = parse_page(b"<!doctype html><html>Login</html>", 1)
            .unwrap_err()
            .english();
        assert!(html.contains("html page"), "{html}");
        let cut = parse_page(br#"{"credential":[{"a":1},{"b""#, 1)
            .unwrap_err()
            .english();
        assert!(cut.starts_with("truncated json"), "{cut}");
        // A bracket bomb inside an item: the item is refused, the scan is iterative.
        let deep = format!(
            "{{\"credential\":[{{\"a\":{}1{}}}, {{\"b\":\"[[[\"}}]}}",
            "[".repeat(1_000_000),
            "]".repeat(1_000_000)
        );
        let (items, refused) = parse_page(deep.as_bytes(), 1).unwrap();
        assert_eq!(items.len(), 1);
        let refused: Vec<(usize, String)> =
            refused.into_iter().map(|(n, m)| (n, m.english())).collect();
        assert_eq!(
            refused,
            vec![(
                1,
                "json nests deeper than 128 levels (MAX_JSON_DEPTH)".to_string()
            )]
        );
        let many = format!(
            "{{\"credential\":[{}{{}}]}}",
            "{},".repeat(MAX_ITEMS_PER_PAGE)
        );
        let many = parse_page(many.as_bytes(), 1).unwrap_err().english();
        assert!(many.contains("MAX_ITEMS_PER_PAGE"), "{many}");
        let arr = parse_page(b"[1,2]", 1).unwrap_err().english();
        assert!(
            arr.contains("not a GetOpenBadgeCredentialsResponse"),
            "{arr}"
        );
    }
}
