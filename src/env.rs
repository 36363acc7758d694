//! What the host injects: the clock, the network and the wallet's document cache.
//!
//! The core never reads the system clock or opens a socket itself. The CLI and the app pass
//! a [`SystemClock`] and either [`OfflineFetcher`] (the default: learner has not allowed
//! network) or an HTTP fetcher; tests pass a fixed clock and in-memory fetchers, so every
//! test is offline and deterministic. A host with a wallet also passes its [`DocumentCache`]
//! (the documents fetched earlier, so an offline re-check can use them); hosts without one
//! use [`crate::net::MemoryCache`] or nothing.

use chrono::{DateTime, Utc};

/// The current time.
pub trait Clock: Send + Sync {
    /// Now, in UTC.
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stuck at one instant, for tests and reproducible re-checks.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// One HTTP GET the verifier wants to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchRequest {
    /// Absolute http(s) URL.
    pub url: String,
    /// The `Accept` header.
    pub accept: String,
}

/// A fetched document.
#[derive(Debug, Clone)]
pub struct FetchResponse {
    /// The final URL after redirects.
    pub url: String,
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body, at most [`crate::limits::MAX_HTTP_BODY_BYTES`].
    pub body: Vec<u8>,
}

/// Why a fetch did not produce a response.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The learner has not allowed network access.
    #[error(
        "offline: network access is not allowed (allow it in Settings, or pass --allow-network)"
    )]
    Offline,
    /// The address is private, loopback or link-local and that was not allowed.
    #[error("refused to fetch {url}: {reason} (use --allow-private-network to allow it)")]
    PrivateAddress {
        /// The URL.
        url: String,
        /// Which kind of address.
        reason: String,
    },
    /// Only http and https URLs are fetched.
    #[error("refused to fetch {0}: only http and https URLs are fetched")]
    UnsupportedScheme(String),
    /// The response was larger than the limit.
    #[error("{url}: response larger than the {limit}-byte limit")]
    TooLarge {
        /// The URL.
        url: String,
        /// The limit.
        limit: u64,
    },
    /// Timeout or connection failure.
    #[error("{url}: {}", .message.english())]
    Transport {
        /// The URL.
        url: String,
        /// What went wrong (the HTTP client's or resolver's own words inside it as given).
        message: crate::localize::Message,
    },
}

/// The network, as the host allows it.
pub trait Fetcher: Send + Sync {
    /// GET a document. Implementations enforce the learner's network policy.
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError>;
}

/// The default: no network at all. Never opens a socket.
#[derive(Debug, Clone, Copy, Default)]
pub struct OfflineFetcher;

impl Fetcher for OfflineFetcher {
    fn fetch(&self, _req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        Err(FetchError::Offline)
    }
}

/// The HTTP method of an [`HttpRequest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    /// `GET`.
    Get,
    /// `POST` (with a body).
    Post,
}

impl HttpMethod {
    /// `"GET"` / `"POST"`.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
        }
    }
}

/// One HTTP request of an API client (the Open Badges 3.0 API, OAuth 2.0): unlike a
/// [`FetchRequest`] it can POST a body and carry an `Authorization` header. Redirects are
/// never followed for it: an API answer that redirects is reported, not chased, so a token
/// or a client secret never travels to a URL the learner did not connect to.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET` or `POST`.
    pub method: HttpMethod,
    /// Absolute URL.
    pub url: String,
    /// Extra headers (`Accept`, `Authorization`, `Content-Type`, …), sent as given.
    pub headers: Vec<(String, String)>,
    /// The body (`POST`).
    pub body: Vec<u8>,
    /// Largest body accepted in the response; a larger one is
    /// [`FetchError::TooLarge`] and is never read past `max_bytes + 1`.
    pub max_bytes: u64,
}

impl std::fmt::Debug for HttpRequest {
    /// Header values and bodies hold tokens and secrets: only names and sizes are shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &names)
            .field("body_bytes", &self.body.len())
            .field("max_bytes", &self.max_bytes)
            .finish()
    }
}

/// The answer to an [`HttpRequest`].
#[derive(Debug, Clone, Default)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers, names lower-case, in the order received (a header sent twice is
    /// two entries).
    pub headers: Vec<(String, String)>,
    /// The body, at most the request's `max_bytes`.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of header `name` (case-insensitive), in order.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The network for API clients, as the host allows it: the same policy as [`Fetcher`]
/// (consent, private addresses, size caps, a total deadline per request), plus POST bodies
/// and request headers. See [`crate::host_api::http::ApiHttp`] for the real one.
pub trait HttpClient: Send + Sync {
    /// Send one request; never follows a redirect.
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, FetchError>;
}

/// No network at all for API clients. Never opens a socket.
#[derive(Debug, Clone, Copy, Default)]
pub struct OfflineHttp;

impl HttpClient for OfflineHttp {
    fn send(&self, _req: &HttpRequest) -> Result<HttpResponse, FetchError> {
        Err(FetchError::Offline)
    }
}

/// A document fetched earlier, kept in the wallet so an offline re-check can use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedDocument {
    /// The URL it was fetched from.
    pub url: String,
    /// The URL that answered after redirects, when it was recorded (origin and scope rules
    /// are checked on it).
    pub final_url: Option<String>,
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
    /// When it was fetched (RFC 3339).
    pub fetched_at: String,
}

/// Where fetched documents (issuer profiles, keys, status lists, hosted assertions) are kept.
/// The wallet implements this; tests use an in-memory map.
pub trait DocumentCache: Send + Sync {
    /// The cached copy of `url`, if any.
    fn get(&self, url: &str) -> Option<CachedDocument>;
    /// Keep (or replace) a copy. Failures are not fatal to verification.
    fn put(&self, doc: &CachedDocument);
}
