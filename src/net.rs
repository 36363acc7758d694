//! The network, as the learner allows it: the real HTTP [`Fetcher`], and [`MemoryCache`], an
//! in-memory [`DocumentCache`] for hosts without a wallet. Recording every fetch in the report
//! and answering from the wallet's cache is the verifier's job (`crate::verify::fetch`), which
//! uses this module; nothing here depends on verification. What is fetched: OB 2.0 hosted
//! assertions (<https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#HostedBadge>),
//! key and DID documents (<https://w3c-ccg.github.io/did-method-web/>), status lists
//! (<https://www.w3.org/TR/vc-bitstring-status-list/>).
//!
//! Policy (issue 3, "Network policy"):
//! - offline by default: the host passes [`crate::env::OfflineFetcher`], which never opens a
//!   socket; [`HttpFetcher`] is only built when the learner allowed network;
//! - [`HttpFetcher`]: `reqwest` blocking over rustls with the ring provider,
//!   [`limits::HTTP_TIMEOUT_SECS`] timeout, body capped at [`limits::MAX_HTTP_BODY_BYTES`]
//!   while it is read, redirects followed by hand (at most [`MAX_REDIRECTS`]) and each hop
//!   checked again; the host name is resolved here, **every** resolved address is checked
//!   (private, loopback, link-local, unspecified, multicast, … are refused unless
//!   `allow_private`), and the connection goes to the checked addresses only (no second DNS
//!   lookup that could answer differently).

use std::collections::HashMap;
use std::io::Read;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::{Mutex, Once};
use std::time::Duration;

use crate::env::{CachedDocument, DocumentCache, FetchError, FetchRequest, FetchResponse, Fetcher};
use crate::limits;

/// Most redirects followed for one fetch.
pub const MAX_REDIRECTS: usize = 5;

/// The real network. Build it only when the learner allowed network access.
pub struct HttpFetcher {
    allow_private: bool,
    timeout: Duration,
}

impl std::fmt::Debug for HttpFetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpFetcher")
            .field("allow_private", &self.allow_private)
            .finish()
    }
}

static RING: Once = Once::new();

/// Install rustls' ring provider once per process (reqwest is built without a provider).
fn install_crypto_provider() {
    RING.call_once(|| {
        // Err only means another provider is already installed, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl HttpFetcher {
    /// A fetcher; `allow_private` lets it reach loopback/private/link-local addresses
    /// (`--allow-private-network`, needed for tests against a local server).
    pub fn new(allow_private: bool) -> HttpFetcher {
        install_crypto_provider();
        HttpFetcher {
            allow_private,
            timeout: Duration::from_secs(limits::HTTP_TIMEOUT_SECS),
        }
    }

    /// Resolve `host:port` and check every address against the policy.
    fn checked_addrs(
        &self,
        url: &str,
        host: &str,
        port: u16,
    ) -> Result<Vec<SocketAddr>, FetchError> {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => (bare, port)
                .to_socket_addrs()
                .map_err(|e| FetchError::Transport {
                    url: url.to_string(),
                    message: format!("cannot resolve {bare}: {e}"),
                })?
                .collect(),
        };
        if addrs.is_empty() {
            return Err(FetchError::Transport {
                url: url.to_string(),
                message: format!("{bare} resolves to no address"),
            });
        }
        if !self.allow_private {
            for a in &addrs {
                if let Some(kind) = non_public(a.ip()) {
                    return Err(FetchError::PrivateAddress {
                        url: url.to_string(),
                        reason: format!("{bare} resolves to {} ({kind})", a.ip()),
                    });
                }
            }
        }
        Ok(addrs)
    }

    fn one_hop(
        &self,
        url: &reqwest::Url,
        accept: &str,
    ) -> Result<reqwest::blocking::Response, FetchError> {
        let s = url.as_str();
        match url.scheme() {
            "http" | "https" => {}
            _ => return Err(FetchError::UnsupportedScheme(s.to_string())),
        }
        let host = url
            .host_str()
            .ok_or_else(|| FetchError::UnsupportedScheme(s.to_string()))?;
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs = self.checked_addrs(s, host, port)?;
        let mut builder = reqwest::blocking::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("backpack/", env!("CARGO_PKG_VERSION")));
        if host.parse::<IpAddr>().is_err() && !host.starts_with('[') {
            builder = builder.resolve_to_addrs(host, &addrs);
        }
        let client = builder.build().map_err(|e| FetchError::Transport {
            url: s.to_string(),
            message: format!("cannot start http client: {e}"),
        })?;
        client
            .get(url.clone())
            .header(reqwest::header::ACCEPT, accept)
            .send()
            .map_err(|e| FetchError::Transport {
                url: s.to_string(),
                message: if e.is_timeout() {
                    format!("timed out after {} s", limits::HTTP_TIMEOUT_SECS)
                } else {
                    format!("connection failed: {}", one_line(&e))
                },
            })
    }
}

fn one_line(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s.replace('\n', " ")
}

impl Fetcher for HttpFetcher {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        let mut url = reqwest::Url::parse(&req.url)
            .map_err(|_| FetchError::UnsupportedScheme(req.url.clone()))?;
        for _hop in 0..=MAX_REDIRECTS {
            let resp = self.one_hop(&url, &req.accept)?;
            let status = resp.status();
            if status.is_redirection() {
                let Some(loc) = resp
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                else {
                    return Err(FetchError::Transport {
                        url: url.to_string(),
                        message: format!("redirect {} without a location", status.as_u16()),
                    });
                };
                url = url.join(loc).map_err(|_| FetchError::Transport {
                    url: url.to_string(),
                    message: format!("redirect to an invalid url {loc:?}"),
                })?;
                continue;
            }
            let content_type = resp
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let limit = limits::MAX_HTTP_BODY_BYTES;
            if resp.content_length().is_some_and(|n| n > limit) {
                return Err(FetchError::TooLarge {
                    url: url.to_string(),
                    limit,
                });
            }
            let mut body = Vec::new();
            resp.take(limit + 1)
                .read_to_end(&mut body)
                .map_err(|e| FetchError::Transport {
                    url: url.to_string(),
                    message: format!("reading the response failed: {}", one_line(&e)),
                })?;
            if body.len() as u64 > limit {
                return Err(FetchError::TooLarge {
                    url: url.to_string(),
                    limit,
                });
            }
            return Ok(FetchResponse {
                url: url.to_string(),
                status: status.as_u16(),
                content_type,
                body,
            });
        }
        Err(FetchError::Transport {
            url: req.url.clone(),
            message: format!("more than {MAX_REDIRECTS} redirects"),
        })
    }
}

/// Why an address is not public, or `None` when it is a public unicast address.
pub fn non_public(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            if v4.is_loopback() {
                Some("loopback")
            } else if v4.is_private() {
                Some("private")
            } else if v4.is_link_local() {
                Some("link-local")
            } else if v4.is_unspecified() || o[0] == 0 {
                Some("unspecified")
            } else if v4.is_multicast() {
                Some("multicast")
            } else if v4.is_broadcast() || o[0] >= 240 {
                Some("reserved")
            } else if o[0] == 100 && (o[1] & 0xc0) == 64 {
                Some("shared address space")
            } else if v4.is_documentation() || (o[0] == 198 && (o[1] & 0xfe) == 18) {
                Some("reserved")
            } else {
                None
            }
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return non_public(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if v6.is_multicast() {
                Some("multicast")
            } else if (seg[0] & 0xffc0) == 0xfe80 {
                Some("link-local")
            } else if (seg[0] & 0xfe00) == 0xfc00 {
                Some("private")
            } else if seg[0] == 0x2001 && seg[1] == 0x0db8 {
                Some("reserved")
            } else if seg[0] == 0x0064 && seg[1] == 0xff9b {
                // NAT64 can reach IPv4 private space.
                Some("nat64")
            } else {
                None
            }
        }
    }
}

/// An in-memory [`DocumentCache`], for tests and for hosts without a wallet.
#[derive(Debug, Default)]
pub struct MemoryCache {
    docs: Mutex<HashMap<String, CachedDocument>>,
}

impl MemoryCache {
    /// Empty cache.
    pub fn new() -> MemoryCache {
        MemoryCache::default()
    }

    /// Number of documents held.
    pub fn len(&self) -> usize {
        self.docs.lock().map(|d| d.len()).unwrap_or(0)
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl DocumentCache for MemoryCache {
    fn get(&self, url: &str) -> Option<CachedDocument> {
        self.docs.lock().ok()?.get(url).cloned()
    }

    fn put(&self, doc: &CachedDocument) {
        if let Ok(mut d) = self.docs.lock() {
            d.insert(doc.url.clone(), doc.clone());
        }
    }
}

/// RFC 3339, seconds, `Z`.
pub(crate) fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// "3 days ago", "5 minutes ago", "just now" for an RFC 3339 time before `now`.
pub fn age_phrase(at: &str, now: chrono::DateTime<chrono::Utc>) -> String {
    let Ok(then) = chrono::DateTime::parse_from_rfc3339(at) else {
        return format!("at {at}");
    };
    let secs = (now - then.with_timezone(&chrono::Utc)).num_seconds();
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("1 {unit} ago")
        } else {
            format!("{n} {unit}s ago")
        }
    };
    match secs {
        s if s < 60 => "just now".to_string(),
        s if s < 3600 => plural(s / 60, "minute"),
        s if s < 86_400 => plural(s / 3600, "hour"),
        s => plural(s / 86_400, "day"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_policy() {
        let bad = [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "224.0.0.1",
            "100.64.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "ff02::1",
            "::ffff:127.0.0.1",
        ];
        for a in bad {
            assert!(
                non_public(a.parse().unwrap()).is_some(),
                "{a} should be refused"
            );
        }
        for a in ["93.184.215.14", "2606:4700::1111", "8.8.8.8"] {
            assert_eq!(non_public(a.parse().unwrap()), None, "{a} is public");
        }
    }

    #[test]
    fn private_refused_without_connecting() {
        let f = HttpFetcher::new(false);
        let err = f
            .fetch(&FetchRequest {
                url: "http://127.0.0.1:9/x".into(),
                accept: "application/json".into(),
            })
            .unwrap_err();
        assert!(matches!(err, FetchError::PrivateAddress { .. }), "{err}");
        let err = f
            .fetch(&FetchRequest {
                url: "file:///etc/passwd".into(),
                accept: "*/*".into(),
            })
            .unwrap_err();
        assert!(matches!(err, FetchError::UnsupportedScheme(_)), "{err}");
    }

    #[test]
    fn ages() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-05-04T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(age_phrase("2026-05-01T11:00:00Z", now), "3 days ago");
        assert_eq!(age_phrase("2026-05-04T11:58:00Z", now), "2 minutes ago");
        assert_eq!(age_phrase("2026-05-04T11:00:00Z", now), "1 hour ago");
    }
}
