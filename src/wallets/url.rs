//! Import by URL: a hosted Open Badges 2.0 assertion
//! (<https://www.imsglobal.org/spec/ob/v2p0/#hosted-verification>) or an Open Badges 3.0
//! credential served at its URL (JSON with an embedded proof, or a VC-JWT), fetched with the
//! learner's network consent and imported **with verification**, as any verified import:
//! the badge and its report go into the wallet in one transaction, and every document the
//! verification fetched (the hosted copy, issuer profile, keys, status lists) is kept in the
//! wallet's evidence cache.
//!
//! Network rules: the fetch goes through the host's [`Fetcher`] (the learner's policy:
//! [`crate::env::OfflineFetcher`] without consent, [`crate::net::HttpFetcher`] with it, which
//! refuses private addresses, caps the body and times out each request); on top of that the
//! whole import, verification included, has a deadline of
//! [`limits::URL_IMPORT_DEADLINE_SECS`]. Without consent the outcome is one line saying how to
//! allow it. Only `http(s)` URLs without user names are fetched, at most
//! [`limits::MAX_URL_BYTES`] long. A web page (HTML) is refused: it is not the badge.
//!
//! The document fetched is what is stored, byte-exact, with the URL as its source; its own
//! verification answers the hosted check from that same response (one request, not two).
//!
//! Credly: a public badge page `https://www.credly.com/badges/<uuid>` is fetched as its OB 2.0
//! hosted assertion `https://api.credly.com/v1/obi/v2/badge_assertions/<uuid>`. This mapping
//! comes from third-party clients (Credly publishes no documentation we could check); a wrong
//! guess ends as an HTTP error line, never as a wrong badge.

use std::time::{Duration, Instant};

use crate::env::{FetchError, FetchRequest, FetchResponse, Fetcher};
use crate::import::{FileOutcome, FileResult, ImportOptions, Reason, import_with};
use crate::limits;
use crate::localize::{Localize as _, Message, msg};
use crate::store::Wallet;
use crate::verify::VerifyContext;

/// What a URL import asks the server for: badge documents, never a web page.
pub const ACCEPT: &str = "application/ld+json, application/vc+ld+json, application/json;q=0.9, \
                          application/vc+jwt, application/vc, application/jwt;q=0.8, \
                          image/png;q=0.5, image/svg+xml;q=0.5";

/// True when `s` is an `http(s)://` argument (to import by URL, not a file name).
pub fn is_url(s: &str) -> bool {
    let t = s.trim();
    let lower = t.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The Credly OB 2.0 assertion behind a public badge page URL.
pub fn credly_assertion(url: &url::Url) -> Option<String> {
    let host = url.host_str()?;
    if host != "www.credly.com" && host != "credly.com" {
        return None;
    }
    let mut segs = url.path_segments()?;
    if segs.next()? != "badges" {
        return None;
    }
    let id = segs.next()?;
    let uuid = id.len() == 36
        && id.bytes().enumerate().all(|(i, b)| {
            matches!(i, 8 | 13 | 18 | 23) == (b == b'-') && (b == b'-' || b.is_ascii_hexdigit())
        });
    uuid.then(|| format!("https://api.credly.com/v1/obi/v2/badge_assertions/{id}"))
}

/// Refuses every fetch once the import's deadline has passed.
struct Deadline<'a> {
    inner: &'a dyn Fetcher,
    until: Instant,
}

impl Fetcher for Deadline<'_> {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        if Instant::now() >= self.until {
            return Err(FetchError::Transport {
                url: req.url.clone(),
                message: msg!(
                    "err-fetch-url-deadline",
                    secs = limits::URL_IMPORT_DEADLINE_SECS
                ),
            });
        }
        self.inner.fetch(req)
    }
}

/// Answers the URL already fetched from its response; everything else goes to the network.
struct Prefetched<'a> {
    url: String,
    resp: FetchResponse,
    inner: &'a dyn Fetcher,
}

impl Fetcher for Prefetched<'_> {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        if req.url == self.url {
            return Ok(self.resp.clone());
        }
        self.inner.fetch(req)
    }
}

fn outcome(source: &str, result: FileResult) -> FileOutcome {
    FileOutcome {
        source: source.to_string(),
        result,
        status: None,
    }
}

/// A refusal naming `source`; `why` from the catalog (text is shown as given).
fn refused(source: &str, why: impl Into<Message>) -> FileOutcome {
    outcome(
        source,
        FileResult::Refused {
            reason: Reason::new(source, why.into()),
        },
    )
}

/// Fetch the badge at `url` through `ctx`'s fetcher (the learner's network policy) and import
/// it with verification under `ctx`. One outcome, named by the URL.
pub fn import_url(wallet: &Wallet, url: &str, ctx: &VerifyContext<'_>) -> FileOutcome {
    let source = url.trim();
    if source.len() > limits::MAX_URL_BYTES {
        let short: String = source.chars().take(80).collect();
        return refused(
            &format!("{short}…"),
            msg!("err-url-too-long", limit = limits::MAX_URL_BYTES),
        );
    }
    let parsed = match url::Url::parse(source) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => u,
        _ => return refused(source, msg!("err-url-not-http")),
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return refused(source, msg!("err-url-credentials"));
    }
    let target = credly_assertion(&parsed).unwrap_or_else(|| parsed.to_string());
    let deadline = Deadline {
        inner: ctx.fetcher,
        until: Instant::now() + Duration::from_secs(limits::URL_IMPORT_DEADLINE_SECS),
    };
    let resp = match deadline.fetch(&FetchRequest {
        url: target.clone(),
        accept: ACCEPT.to_string(),
    }) {
        Ok(r) => r,
        Err(FetchError::Offline) => {
            return refused(source, msg!("err-url-offline"));
        }
        Err(e @ (FetchError::PrivateAddress { .. } | FetchError::UnsupportedScheme(_))) => {
            return refused(source, msg!("err-url-not-fetched", error = e.message()));
        }
        Err(e @ FetchError::TooLarge { .. }) => return refused(source, e.message()),
        Err(e) => {
            return outcome(
                source,
                FileResult::Failed {
                    reason: Reason::error(source, &e),
                },
            );
        }
    };
    match resp.status {
        200..=299 => {}
        410 => {
            return refused(source, msg!("err-url-gone"));
        }
        s => {
            return refused(source, msg!("err-url-status", status = s.to_string()));
        }
    }
    let html = resp
        .content_type
        .as_deref()
        .is_some_and(|c| c.trim_start().to_ascii_lowercase().starts_with("text/html"))
        || {
            let head: Vec<u8> = resp
                .body
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take(15)
                .map(u8::to_ascii_lowercase)
                .collect();
            head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
        };
    if html {
        return refused(source, msg!("err-url-web-page"));
    }
    let body = resp.body.clone();
    let prefetched = Prefetched {
        url: target,
        resp,
        inner: &deadline,
    };
    let vctx = VerifyContext {
        clock: ctx.clock,
        fetcher: &prefetched,
        recipients: ctx.recipients,
        cache: ctx.cache,
    };
    import_with(
        wallet,
        &body,
        source,
        &ImportOptions {
            verify: Some(&vctx),
            ..Default::default()
        },
    )
}
