//! The real network for the API client: [`ApiHttp`], an [`HttpClient`] with the same policy as
//! [`crate::net::HttpFetcher`] plus what OAuth needs (POST bodies, request headers).
//!
//! - **https only** for a real host. Plain http is allowed only to a loopback address
//!   (`127.0.0.0/8`, `::1`, `localhost`) and only when the host passes
//!   [`ApiHttp::insecure_loopback`] (`--insecure-loopback`, tests and development).
//! - **Addresses**: the host name is resolved here and **every** address is checked with
//!   [`crate::net::non_public`]; private, loopback, link-local, … are refused unless
//!   `allow_private` (or, for loopback only, `insecure_loopback`). The connection goes to the
//!   checked addresses only (no second DNS lookup that could answer differently).
//! - **One total deadline** per request ([`limits::HTTP_TIMEOUT_SECS`] by default): DNS,
//!   connect, headers and the whole body, checked around every chunk of the body (a per-read
//!   timeout re-arms on every byte, so a dripping server could hold it open for hours).
//! - **Size**: the body is capped at the request's `max_bytes` while it is read; a declared
//!   `Content-Length` over it is refused before reading.
//! - **No redirects**: an API answer that redirects is returned as it is (3xx) for the caller
//!   to report: a bearer token or client secret never follows a `Location`.
//! - **No proxy** from the environment, a fixed `User-Agent`.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use crate::env::{FetchError, HttpClient, HttpMethod, HttpRequest, HttpResponse};
use crate::limits;
use crate::localize::msg;

/// The real network for API requests. Build it only when the learner allowed network access.
#[derive(Debug, Clone)]
pub struct ApiHttp {
    allow_private: bool,
    insecure_loopback: bool,
    deadline: Duration,
}

impl ApiHttp {
    /// A client: https only, public addresses only unless `allow_private`
    /// (`--allow-private-network`: a host on the local network, still over https).
    pub fn new(allow_private: bool) -> ApiHttp {
        // rustls is built without a default provider (see net.rs): install ring once.
        let _ = rustls::crypto::ring::default_provider().install_default();
        ApiHttp {
            allow_private,
            insecure_loopback: false,
            deadline: Duration::from_secs(limits::HTTP_TIMEOUT_SECS),
        }
    }

    /// Also allow plain http to a loopback address (and loopback addresses themselves):
    /// `--insecure-loopback`, for tests and a host under development on this machine.
    pub fn insecure_loopback(mut self, yes: bool) -> ApiHttp {
        self.insecure_loopback = yes;
        self
    }

    /// Another total deadline per request (tests use a short one).
    pub fn with_deadline(mut self, deadline: Duration) -> ApiHttp {
        self.deadline = deadline;
        self
    }

    fn timed_out(&self, url: &str) -> FetchError {
        FetchError::Transport {
            url: url.to_string(),
            message: msg!(
                "err-fetch-host-timed-out",
                ms = self.deadline.as_millis().to_string()
            ),
        }
    }

    /// Check the scheme and every address of `url` against the policy.
    async fn checked(&self, url: &reqwest::Url) -> Result<Vec<SocketAddr>, FetchError> {
        let s = url.as_str();
        let host = url
            .host_str()
            .ok_or_else(|| FetchError::UnsupportedScheme(s.to_string()))?;
        let plain_http = || FetchError::Transport {
            url: s.to_string(),
            message: msg!("err-fetch-host-plain-http"),
        };
        // The scheme is checked before any DNS lookup.
        match url.scheme() {
            "https" => {}
            "http" if self.insecure_loopback => {}
            "http" => return Err(plain_http()),
            _ => return Err(FetchError::UnsupportedScheme(s.to_string())),
        }
        let port = url.port_or_known_default().unwrap_or(443);
        // Loopback is let through only for tests (--insecure-loopback), and then only when
        // every address is loopback; the policy itself is net.rs's, shared with the fetcher.
        let addrs = crate::net::resolve(s, host, port).await?;
        let all_loopback = addrs.iter().all(|a| a.ip().is_loopback());
        if url.scheme() == "http" && !all_loopback {
            return Err(plain_http());
        }
        if !(self.allow_private || (self.insecure_loopback && all_loopback)) {
            crate::net::refuse_non_public(s, host, &addrs)?;
        }
        Ok(addrs)
    }

    async fn send_until(
        &self,
        req: &HttpRequest,
        deadline: tokio::time::Instant,
    ) -> Result<HttpResponse, FetchError> {
        let url = reqwest::Url::parse(&req.url)
            .map_err(|_| FetchError::UnsupportedScheme(req.url.clone()))?;
        let s = url.as_str().to_string();
        let addrs = self.checked(&url).await?;
        let host = url.host_str().unwrap_or_default().to_string();
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("backpack/", env!("CARGO_PKG_VERSION")));
        if host.parse::<IpAddr>().is_err() && !host.starts_with('[') {
            builder = builder.resolve_to_addrs(&host, &addrs);
        }
        let client = builder.build().map_err(|e| FetchError::Transport {
            url: s.clone(),
            message: msg!("err-fetch-client", detail = crate::net::one_line(&e)),
        })?;
        let mut rb = match req.method {
            HttpMethod::Get => client.get(url.clone()),
            HttpMethod::Post => client.post(url.clone()).body(req.body.clone()),
        };
        for (k, v) in &req.headers {
            rb = rb.header(k.as_str(), v.as_str());
        }
        let mut resp = rb.send().await.map_err(|e| FetchError::Transport {
            url: s.clone(),
            message: msg!("err-fetch-connection", detail = crate::net::one_line(&e)),
        })?;
        let status = resp.status().as_u16();
        let headers: Vec<(String, String)> = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let limit = req.max_bytes;
        if resp.content_length().is_some_and(|n| n > limit) {
            return Err(FetchError::TooLarge { url: s, limit });
        }
        let mut body = Vec::new();
        loop {
            let chunk = match tokio::time::timeout_at(deadline, resp.chunk()).await {
                Err(_) => return Err(self.timed_out(&s)),
                Ok(Err(e)) => {
                    return Err(FetchError::Transport {
                        url: s,
                        message: msg!("err-fetch-reading", detail = crate::net::one_line(&e)),
                    });
                }
                Ok(Ok(None)) => break,
                Ok(Ok(Some(chunk))) => chunk,
            };
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(FetchError::TooLarge { url: s, limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

impl HttpClient for ApiHttp {
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, FetchError> {
        crate::net::run_with_deadline(
            &req.url,
            self.deadline,
            || self.timed_out(&req.url),
            |d| self.send_until(req, d),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(url: &str) -> HttpRequest {
        HttpRequest {
            method: HttpMethod::Get,
            url: url.into(),
            headers: vec![],
            body: vec![],
            max_bytes: 1024,
        }
    }

    #[test]
    fn plain_http_and_private_addresses_are_refused_without_connecting() {
        let c = ApiHttp::new(false);
        let e = c.send(&get("http://example.org/x")).unwrap_err();
        assert!(e.to_string().contains("must use https"), "{e}");
        let e = c.send(&get("https://10.0.0.1/x")).unwrap_err();
        assert!(matches!(e, FetchError::PrivateAddress { .. }), "{e}");
        let e = c.send(&get("http://127.0.0.1:9/x")).unwrap_err();
        assert!(e.to_string().contains("must use https"), "{e}");
        let e = c.send(&get("ftp://example.org/x")).unwrap_err();
        assert!(matches!(e, FetchError::UnsupportedScheme(_)), "{e}");
        // insecure_loopback allows http to loopback only, never to another address.
        let c = ApiHttp::new(false).insecure_loopback(true);
        let e = c.send(&get("http://10.0.0.1/x")).unwrap_err();
        assert!(e.to_string().contains("must use https"), "{e}");
        let e = c.send(&get("https://10.0.0.1/x")).unwrap_err();
        assert!(matches!(e, FetchError::PrivateAddress { .. }), "{e}");
    }

    #[test]
    fn debug_never_shows_header_values_or_bodies() {
        let mut r = get("https://h.example/x");
        r.headers
            .push(("Authorization".into(), "Bearer SECRET".into()));
        r.body = b"client_secret=SECRET".to_vec();
        let d = format!("{r:?}");
        assert!(!d.contains("SECRET"), "{d}");
        assert!(d.contains("Authorization"), "{d}");
    }
}
