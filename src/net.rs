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
//! - [`HttpFetcher`]: `reqwest` over rustls with the ring provider, driven on a
//!   single-threaded tokio runtime of its own; one **total deadline** per fetch
//!   ([`limits::HTTP_TIMEOUT_SECS`]) covers DNS, connect, headers, every redirect hop and the
//!   whole body, and is checked again around every chunk of the body read loop (a per-read
//!   timeout re-arms on each byte, so a server dripping one byte every few seconds could hold
//!   a fetch open for hours); the body is capped at [`limits::MAX_HTTP_BODY_BYTES`] while it
//!   is read, redirects are followed by hand (at most [`MAX_REDIRECTS`]) and each hop checked
//!   again; the host name is resolved here, **every** resolved address is checked against
//!   [`non_public`] (the IANA special-purpose address registries) unless `allow_private`,
//!   and the connection goes to the checked addresses only (no second DNS lookup that could
//!   answer differently).

use std::collections::HashMap;
#[cfg(feature = "net")]
use std::net::SocketAddr;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Mutex;
#[cfg(feature = "net")]
use std::sync::Once;
#[cfg(feature = "net")]
use std::time::Duration;

use crate::env::{CachedDocument, DocumentCache};
#[cfg(feature = "net")]
use crate::env::{FetchError, FetchRequest, FetchResponse, Fetcher};
#[cfg(feature = "net")]
use crate::limits;
#[cfg(feature = "net")]
use crate::localize::msg;

#[cfg(feature = "net")]
/// Most redirects followed for one fetch.
pub const MAX_REDIRECTS: usize = 5;

#[cfg(feature = "net")]
/// The real network. Build it only when the learner allowed network access.
pub struct HttpFetcher {
    allow_private: bool,
    deadline: Duration,
}

#[cfg(feature = "net")]
impl std::fmt::Debug for HttpFetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpFetcher")
            .field("allow_private", &self.allow_private)
            .field("deadline", &self.deadline)
            .finish()
    }
}

#[cfg(feature = "net")]
static RING: Once = Once::new();

#[cfg(feature = "net")]
/// Install rustls' ring provider once per process (reqwest is built without a provider).
fn install_crypto_provider() {
    RING.call_once(|| {
        // Err only means another provider is already installed, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

#[cfg(feature = "net")]
/// "10 s", or "250 ms" for a deadline that is not whole seconds.
fn fmt_duration(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{} ms", d.as_millis())
    }
}

#[cfg(feature = "net")]
impl HttpFetcher {
    /// A fetcher; `allow_private` lets it reach loopback/private/link-local addresses
    /// (`--allow-private-network`, needed for tests against a local server). Each fetch has
    /// a total deadline of [`limits::HTTP_TIMEOUT_SECS`].
    pub fn new(allow_private: bool) -> HttpFetcher {
        install_crypto_provider();
        HttpFetcher {
            allow_private,
            deadline: Duration::from_secs(limits::HTTP_TIMEOUT_SECS),
        }
    }

    /// The same fetcher with another total deadline per fetch (DNS, connect, headers,
    /// redirects and body together). Tests use a short one.
    pub fn with_deadline(mut self, deadline: Duration) -> HttpFetcher {
        self.deadline = deadline;
        self
    }

    /// The error for a fetch that did not complete before its deadline.
    fn timed_out(&self, url: &str) -> FetchError {
        FetchError::Transport {
            url: url.to_string(),
            message: msg!("err-fetch-timed-out", time = fmt_duration(self.deadline)),
        }
    }

    async fn one_hop(
        &self,
        url: &reqwest::Url,
        accept: &str,
    ) -> Result<reqwest::Response, FetchError> {
        let s = url.as_str();
        match url.scheme() {
            "http" | "https" => {}
            _ => return Err(FetchError::UnsupportedScheme(s.to_string())),
        }
        let host = url
            .host_str()
            .ok_or_else(|| FetchError::UnsupportedScheme(s.to_string()))?;
        let port = url.port_or_known_default().unwrap_or(443);
        let addrs = resolve_checked(s, host, port, self.allow_private).await?;
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("backpack/", env!("CARGO_PKG_VERSION")));
        if host.parse::<IpAddr>().is_err() && !host.starts_with('[') {
            builder = builder.resolve_to_addrs(host, &addrs);
        }
        let client = builder.build().map_err(|e| FetchError::Transport {
            url: s.to_string(),
            message: msg!("err-fetch-client", detail = e.to_string()),
        })?;
        client
            .get(url.clone())
            .header(reqwest::header::ACCEPT, accept)
            .send()
            .await
            .map_err(|e| FetchError::Transport {
                url: s.to_string(),
                message: msg!("err-fetch-connection", detail = one_line(&e)),
            })
    }

    /// Every hop and the body, under `deadline` (the caller also bounds the whole future).
    async fn fetch_until(
        &self,
        req: &FetchRequest,
        deadline: tokio::time::Instant,
    ) -> Result<FetchResponse, FetchError> {
        let mut url = reqwest::Url::parse(&req.url)
            .map_err(|_| FetchError::UnsupportedScheme(req.url.clone()))?;
        for _hop in 0..=MAX_REDIRECTS {
            let mut resp = self.one_hop(&url, &req.accept).await?;
            let status = resp.status();
            if status.is_redirection() {
                let Some(loc) = resp
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                else {
                    return Err(FetchError::Transport {
                        url: url.to_string(),
                        message: msg!(
                            "err-fetch-redirect-no-location",
                            status = status.as_u16().to_string()
                        ),
                    });
                };
                url = url.join(loc).map_err(|_| FetchError::Transport {
                    url: url.to_string(),
                    message: msg!("err-fetch-redirect-invalid", url = format!("{loc:?}")),
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
            // The read loop: the deadline is checked around every chunk, so a server that
            // drips bytes cannot hold the fetch open past it.
            let mut body = Vec::new();
            loop {
                let chunk = match tokio::time::timeout_at(deadline, resp.chunk()).await {
                    Err(_) => return Err(self.timed_out(url.as_str())),
                    Ok(Err(e)) => {
                        return Err(FetchError::Transport {
                            url: url.to_string(),
                            message: msg!("err-fetch-reading", detail = one_line(&e)),
                        });
                    }
                    Ok(Ok(None)) => break,
                    Ok(Ok(Some(chunk))) => chunk,
                };
                if (body.len() + chunk.len()) as u64 > limit {
                    return Err(FetchError::TooLarge {
                        url: url.to_string(),
                        limit,
                    });
                }
                body.extend_from_slice(&chunk);
                if tokio::time::Instant::now() >= deadline {
                    return Err(self.timed_out(url.as_str()));
                }
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
            message: msg!("err-fetch-redirects", max = MAX_REDIRECTS),
        })
    }
}

#[cfg(feature = "net")]
/// An error and its sources on one line (for a one-line message naming the URL).
pub(crate) fn one_line(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s.replace('\n', " ")
}

#[cfg(feature = "net")]
impl Fetcher for HttpFetcher {
    fn fetch(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        // DNS, connect, headers, redirects and body all count against one deadline.
        run_with_deadline(
            &req.url,
            self.deadline,
            || self.timed_out(&req.url),
            |deadline| self.fetch_until(req, deadline),
        )
    }
}

#[cfg(feature = "net")]
/// Resolve `host:port` and check every address against the public-address policy
/// ([`refuse_non_public`]) unless `allow_private`. The connection must then go to the returned
/// addresses only (no second lookup that could answer differently).
pub(crate) async fn resolve_checked(
    url: &str,
    host: &str,
    port: u16,
    allow_private: bool,
) -> Result<Vec<SocketAddr>, FetchError> {
    let addrs = resolve(url, host, port).await?;
    if !allow_private {
        refuse_non_public(url, host, &addrs)?;
    }
    Ok(addrs)
}

#[cfg(feature = "net")]
/// Every address of `host:port` (an IP literal is its own address); none is an error.
pub(crate) async fn resolve(
    url: &str,
    host: &str,
    port: u16,
) -> Result<Vec<SocketAddr>, FetchError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => tokio::net::lookup_host((bare, port))
            .await
            .map_err(|e| FetchError::Transport {
                url: url.to_string(),
                message: msg!("err-fetch-resolve", host = bare, detail = e.to_string()),
            })?
            .collect(),
    };
    if addrs.is_empty() {
        return Err(FetchError::Transport {
            url: url.to_string(),
            message: msg!("err-fetch-no-address", host = bare),
        });
    }
    Ok(addrs)
}

#[cfg(feature = "net")]
/// The one public-address gate every outgoing connection passes (the document fetcher here,
/// the Open Badges API client in `host_api::http`): any [`non_public`] address refuses.
pub(crate) fn refuse_non_public(
    url: &str,
    host: &str,
    addrs: &[SocketAddr],
) -> Result<(), FetchError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match addrs
        .iter()
        .find_map(|a| non_public(a.ip()).map(|kind| (a, kind)))
    {
        Some((a, kind)) => Err(FetchError::PrivateAddress {
            url: url.to_string(),
            reason: format!("{bare} resolves to {} ({kind})", a.ip()),
        }),
        None => Ok(()),
    }
}

#[cfg(feature = "net")]
/// Run `work(deadline)` on a single-threaded runtime of its own, stopped with `timed_out()` at
/// `total` from now whatever it is doing (a per-read timeout would re-arm on every byte).
pub(crate) fn run_with_deadline<T, F>(
    url: &str,
    total: Duration,
    timed_out: impl FnOnce() -> FetchError,
    work: impl FnOnce(tokio::time::Instant) -> F,
) -> Result<T, FetchError>
where
    F: std::future::Future<Output = Result<T, FetchError>>,
{
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| FetchError::Transport {
            url: url.to_string(),
            message: msg!("err-fetch-runtime", detail = e.to_string()),
        })?;
    let deadline = tokio::time::Instant::now() + total;
    let result = rt.block_on(async {
        match tokio::time::timeout_at(deadline, work(deadline)).await {
            Ok(r) => r,
            Err(_) => Err(timed_out()),
        }
    });
    // A DNS lookup still running on the blocking pool is not waited for.
    rt.shutdown_background();
    result
}

/// Why an address is not public, or `None` when it is a public unicast address.
///
/// After the IANA special-purpose address registries
/// (<https://www.iana.org/assignments/iana-ipv4-special-registry/>,
/// <https://www.iana.org/assignments/iana-ipv6-special-registry/>): every block that is not
/// globally reachable is refused, and so are the transition blocks that can carry a private
/// IPv4 address inside an IPv6 one (IPv4-mapped and -compatible, NAT64, 6to4, Teredo). For
/// IPv6 anything outside the global unicast block `2000::/3` is refused too, so a block IANA
/// adds later outside it (ULA, site-local, discard, …) is covered already.
pub fn non_public(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => non_public_v4(v4),
        IpAddr::V6(v6) => non_public_v6(v6),
    }
}

fn non_public_v4(v4: Ipv4Addr) -> Option<&'static str> {
    let o = v4.octets();
    let reason = match o {
        [0, ..] => "this network, 0.0.0.0/8",
        [10, ..] => "private, 10.0.0.0/8",
        [100, b, ..] if (b & 0xc0) == 64 => "shared address space, 100.64.0.0/10",
        [127, ..] => "loopback, 127.0.0.0/8",
        [169, 254, ..] => "link-local, 169.254.0.0/16",
        [172, b, ..] if (b & 0xf0) == 16 => "private, 172.16.0.0/12",
        [192, 0, 0, _] => "ietf protocol assignments, 192.0.0.0/24",
        [192, 0, 2, _] => "documentation, 192.0.2.0/24",
        [192, 88, 99, _] => "deprecated 6to4 relay anycast, 192.88.99.0/24",
        [192, 168, ..] => "private, 192.168.0.0/16",
        [198, b, ..] if (b & 0xfe) == 18 => "benchmarking, 198.18.0.0/15",
        [198, 51, 100, _] => "documentation, 198.51.100.0/24",
        [203, 0, 113, _] => "documentation, 203.0.113.0/24",
        [a, ..] if (a & 0xf0) == 224 => "multicast, 224.0.0.0/4",
        [255, 255, 255, 255] => "limited broadcast, 255.255.255.255",
        [a, ..] if (a & 0xf0) == 240 => "reserved, 240.0.0.0/4",
        _ => return None,
    };
    Some(reason)
}

fn non_public_v6(v6: Ipv6Addr) -> Option<&'static str> {
    let seg = v6.segments();
    let embedded_v4 = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    if let Some(v4) = v6.to_ipv4_mapped() {
        // ::ffff:a.b.c.d reaches the IPv4 address itself.
        return non_public_v4(v4).map(|_| "ipv4-mapped address of a non-public ipv4 address");
    }
    let reason = match seg {
        [0, 0, 0, 0, 0, 0, 0, 1] => "loopback, ::1",
        [0, 0, 0, 0, 0, 0, 0, 0] => "unspecified, ::",
        // Deprecated IPv4-compatible ::a.b.c.d (RFC 4291 §2.5.5.1): never a public target.
        [0, 0, 0, 0, 0, 0, _, _] => "ipv4-compatible, ::/96",
        [0x64, 0xff9b, 0, 0, 0, 0, _, _] => "nat64, 64:ff9b::/96",
        [0x64, 0xff9b, 1, ..] => "local-use nat64, 64:ff9b:1::/48",
        [0x100, 0, 0, 0, ..] => "discard-only, 100::/64",
        [0x100, 0, 0, 1, ..] => "dummy prefix, 100:0:0:1::/64",
        // Teredo tunnels to an obfuscated IPv4 address behind a NAT.
        [0x2001, 0, ..] => "teredo, 2001::/32",
        [0x2001, 2, 0, ..] => "benchmarking, 2001:2::/48",
        [0x2001, b, ..] if (b & 0xfff0) == 0x10 => "deprecated orchid, 2001:10::/28",
        [0x2001, b, ..] if (b & 0xfff0) == 0x20 => "orchidv2, 2001:20::/28",
        [0x2001, 0xdb8, ..] => "documentation, 2001:db8::/32",
        [0x2002, hi, lo, ..] => {
            // 6to4 carries an IPv4 address in bits 16..48: refused when that one is.
            return non_public_v4(embedded_v4(hi, lo))
                .map(|_| "6to4, 2002::/16, of a non-public ipv4 address");
        }
        [0x3fff, b, ..] if (b & 0xf000) == 0 => "documentation, 3fff::/20",
        [a, ..] if (a & 0xfe00) == 0xfc00 => "unique local, fc00::/7",
        [a, ..] if (a & 0xffc0) == 0xfe80 => "link-local, fe80::/10",
        [a, ..] if (a & 0xffc0) == 0xfec0 => "deprecated site-local, fec0::/10",
        [a, ..] if (a & 0xff00) == 0xff00 => "multicast, ff00::/8",
        [a, ..] if (a & 0xe000) != 0x2000 => "outside global unicast, 2000::/3",
        _ => return None,
    };
    Some(reason)
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

/// Kept at their old paths: time formatting lives in [`crate::time`], which verification uses
/// too without depending on the HTTP stack.
pub use crate::time::age_phrase;
pub(crate) use crate::time::rfc3339;

#[cfg(test)]
mod tests {
    use super::*;

    /// One test per special-purpose range: an address inside is refused with that range's
    /// name, and (where the range has a public neighbour) the address just outside is not.
    macro_rules! range {
        ($name:ident, $inside:expr, $reason:expr, $outside:expr) => {
            #[test]
            fn $name() {
                let inside: IpAddr = $inside.parse().unwrap();
                assert_eq!(non_public(inside), Some($reason), "{}", $inside);
                let outside: Option<&str> = $outside;
                if let Some(o) = outside {
                    assert_eq!(non_public(o.parse().unwrap()), None, "{o} is public");
                }
            }
        };
    }

    range!(
        v4_this_network,
        "0.1.2.3",
        "this network, 0.0.0.0/8",
        Some("1.0.0.1")
    );
    range!(
        v4_private_10,
        "10.255.0.1",
        "private, 10.0.0.0/8",
        Some("11.0.0.1")
    );
    range!(
        v4_shared,
        "100.127.255.254",
        "shared address space, 100.64.0.0/10",
        Some("100.128.0.1")
    );
    range!(
        v4_loopback,
        "127.8.8.8",
        "loopback, 127.0.0.0/8",
        Some("128.0.0.1")
    );
    range!(
        v4_link_local,
        "169.254.169.254",
        "link-local, 169.254.0.0/16",
        Some("169.255.0.1")
    );
    range!(
        v4_private_172,
        "172.31.255.255",
        "private, 172.16.0.0/12",
        Some("172.32.0.1")
    );
    range!(
        v4_ietf_protocol,
        "192.0.0.170",
        "ietf protocol assignments, 192.0.0.0/24",
        Some("192.0.1.1")
    );
    range!(
        v4_test_net_1,
        "192.0.2.1",
        "documentation, 192.0.2.0/24",
        Some("192.0.3.1")
    );
    range!(
        v4_6to4_relay,
        "192.88.99.1",
        "deprecated 6to4 relay anycast, 192.88.99.0/24",
        Some("192.88.98.1")
    );
    range!(
        v4_private_192,
        "192.168.1.1",
        "private, 192.168.0.0/16",
        Some("192.169.0.1")
    );
    range!(
        v4_benchmarking,
        "198.19.255.1",
        "benchmarking, 198.18.0.0/15",
        Some("198.20.0.1")
    );
    range!(
        v4_test_net_2,
        "198.51.100.7",
        "documentation, 198.51.100.0/24",
        Some("198.51.101.7")
    );
    range!(
        v4_test_net_3,
        "203.0.113.9",
        "documentation, 203.0.113.0/24",
        Some("203.0.114.9")
    );
    range!(
        v4_multicast,
        "239.255.255.250",
        "multicast, 224.0.0.0/4",
        Some("223.255.255.254")
    );
    range!(v4_reserved, "240.0.0.1", "reserved, 240.0.0.0/4", None);
    range!(
        v4_broadcast,
        "255.255.255.255",
        "limited broadcast, 255.255.255.255",
        None
    );

    range!(v6_loopback, "::1", "loopback, ::1", None);
    range!(v6_unspecified, "::", "unspecified, ::", None);
    range!(
        v6_v4_mapped,
        "::ffff:127.0.0.1",
        "ipv4-mapped address of a non-public ipv4 address",
        Some("::ffff:8.8.8.8")
    );
    range!(
        v6_v4_compatible,
        "::127.0.0.1",
        "ipv4-compatible, ::/96",
        None
    );
    range!(
        v6_v4_compatible_public,
        "::8.8.8.8",
        "ipv4-compatible, ::/96",
        None
    );
    range!(v6_nat64, "64:ff9b::10.0.0.1", "nat64, 64:ff9b::/96", None);
    range!(
        v6_nat64_public_v4,
        "64:ff9b::8.8.8.8",
        "nat64, 64:ff9b::/96",
        None
    );
    range!(
        v6_local_nat64,
        "64:ff9b:1:abcd::1",
        "local-use nat64, 64:ff9b:1::/48",
        None
    );
    range!(v6_discard, "100::1", "discard-only, 100::/64", None);
    range!(
        v6_dummy,
        "100:0:0:1::1",
        "dummy prefix, 100:0:0:1::/64",
        None
    );
    range!(
        v6_teredo,
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "teredo, 2001::/32",
        Some("2001:4860::8888")
    );
    range!(
        v6_benchmarking,
        "2001:2::1",
        "benchmarking, 2001:2::/48",
        Some("2001:3::1")
    );
    range!(
        v6_orchid,
        "2001:1f::1",
        "deprecated orchid, 2001:10::/28",
        None
    );
    range!(v6_orchid2, "2001:2f::1", "orchidv2, 2001:20::/28", None);
    range!(
        v6_documentation,
        "2001:db8::1",
        "documentation, 2001:db8::/32",
        Some("2001:db9::1")
    );
    range!(
        v6_6to4_private,
        "2002:c0a8:0101::1",
        "6to4, 2002::/16, of a non-public ipv4 address",
        Some("2002:0808:0808::1")
    );
    range!(
        v6_6to4_loopback,
        "2002:7f00:1::1",
        "6to4, 2002::/16, of a non-public ipv4 address",
        None
    );
    range!(
        v6_documentation_3fff,
        "3fff:fff::1",
        "documentation, 3fff::/20",
        Some("3fff:1000::1")
    );
    range!(
        v6_unique_local,
        "fd12:3456::1",
        "unique local, fc00::/7",
        None
    );
    range!(v6_link_local, "fe80::1", "link-local, fe80::/10", None);
    range!(
        v6_site_local,
        "fec0::1",
        "deprecated site-local, fec0::/10",
        None
    );
    range!(v6_multicast, "ff02::1", "multicast, ff00::/8", None);
    range!(
        v6_outside_global_unicast,
        "4000::1",
        "outside global unicast, 2000::/3",
        Some("2606:4700::1111")
    );

    #[test]
    fn public_addresses() {
        for a in [
            "93.184.215.14",
            "8.8.8.8",
            "1.1.1.1",
            "2606:4700::1111",
            "2a00:1450::1",
        ] {
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

    /// A one-connection local HTTP server: reads the request, then runs `respond` on the
    /// socket. Loopback only; it stops by itself.
    fn local_server(
        respond: impl FnOnce(&mut std::net::TcpStream) + Send + 'static,
    ) -> (String, std::thread::JoinHandle<()>) {
        use std::io::Read as _;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let handle = std::thread::spawn(move || {
            let (mut sock, _) = listener.accept().unwrap();
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match sock.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            respond(&mut sock);
        });
        (format!("http://{addr}/badge.json"), handle)
    }

    fn get(f: &HttpFetcher, url: &str) -> Result<FetchResponse, FetchError> {
        f.fetch(&FetchRequest {
            url: url.to_string(),
            accept: "application/json".into(),
        })
    }

    #[test]
    fn fetches_a_whole_body() {
        use std::io::Write as _;
        let (url, server) = local_server(|s| {
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}",
            );
        });
        let resp = get(&HttpFetcher::new(true), &url).unwrap();
        assert_eq!(resp.status, 200);
        assert_eq!(resp.body, b"{\"a\":1}");
        assert_eq!(resp.content_type.as_deref(), Some("application/json"));
        server.join().unwrap();
    }

    /// Issue 13: a server dripping one byte at a time used to hold a fetch open as long as
    /// it liked (the timeout re-armed on every read). Now one deadline covers the whole
    /// request: the fetch stops at it with a clear error.
    #[test]
    fn slow_drip_body_stops_at_the_deadline() {
        use std::io::Write as _;
        let (url, server) = local_server(|s| {
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
            );
            // At most 40 bytes, one every 100 ms (4 s): far past the 1 s deadline, and each
            // byte well inside any per-read timeout.
            for _ in 0..40 {
                if s.write_all(b" ").and_then(|()| s.flush()).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        let f = HttpFetcher::new(true).with_deadline(Duration::from_secs(1));
        let started = std::time::Instant::now();
        let err = get(&f, &url).unwrap_err();
        let took = started.elapsed();
        assert_eq!(
            err.to_string(),
            format!(
                "{url}: no complete response within 1 s (HTTP_TIMEOUT_SECS, a total deadline for \
                 connect, headers and body); stopped"
            )
        );
        assert!(
            took >= Duration::from_millis(950) && took < Duration::from_millis(1800),
            "stopped after {took:?}"
        );
        server.join().unwrap();
    }

    /// Headers that never finish count against the same deadline.
    #[test]
    fn slow_headers_stop_at_the_deadline() {
        use std::io::Write as _;
        let (url, server) = local_server(|s| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nX-Slow: ");
            for _ in 0..40 {
                if s.write_all(b"a").and_then(|()| s.flush()).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        let f = HttpFetcher::new(true).with_deadline(Duration::from_millis(700));
        let started = std::time::Instant::now();
        let err = get(&f, &url).unwrap_err();
        let took = started.elapsed();
        assert!(
            err.to_string()
                .ends_with(": no complete response within 700 ms (HTTP_TIMEOUT_SECS, a total deadline for connect, headers and body); stopped"),
            "{err}"
        );
        assert!(took < Duration::from_millis(1500), "stopped after {took:?}");
        server.join().unwrap();
    }

    #[test]
    fn body_over_the_cap_is_refused_while_read() {
        use std::io::Write as _;
        let (url, server) = local_server(|s| {
            // No Content-Length: the cap must hold while reading.
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let block = vec![b'a'; 64 * 1024];
            let mut sent = 0u64;
            while sent <= limits::MAX_HTTP_BODY_BYTES + 1 {
                if s.write_all(&block).is_err() {
                    return;
                }
                sent += block.len() as u64;
            }
        });
        let err = get(&HttpFetcher::new(true), &url).unwrap_err();
        assert_eq!(
            err,
            FetchError::TooLarge {
                url,
                limit: limits::MAX_HTTP_BODY_BYTES
            }
        );
        server.join().unwrap();
    }
}
