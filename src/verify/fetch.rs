//! The network as one verification sees it: every GET recorded in the report, every response
//! kept in the wallet's [`DocumentCache`], an offline re-check answered from that cache with
//! the date of the copy, and each URL fetched at most once per verification.
//!
//! A [`Doc`] says where it really came from: the final URL after redirects (the origin and
//! scope rules of OB 2.0 hosted assertions and of key documents are checked on it, never on
//! what a document says about itself), and whether it is a live response or the wallet's copy
//! fetched on some earlier day. Key resolution ([`super::keys`]) reads documents only through
//! the [`Documents`] trait, so tests can hand it any web they like.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::Value;

use super::FetchRecord;
use crate::env::{CachedDocument, Clock, DocumentCache, FetchError, FetchRequest, Fetcher};
use crate::localize::{Localize, Message, msg};

/// A document as fetched (or read from the wallet's cache).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// The URL asked for.
    pub requested: String,
    /// The URL that answered, after redirects.
    pub url: String,
    /// HTTP status.
    pub status: u16,
    /// The body (at most [`crate::limits::MAX_HTTP_BODY_BYTES`]).
    pub body: Arc<Vec<u8>>,
    /// When it was fetched (RFC 3339): now for a live response, earlier for a cached copy.
    pub fetched_at: String,
    /// True when this is the wallet's copy (the network was off or failed).
    pub from_cache: bool,
}

impl Doc {
    /// 2xx.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as JSON (with the crate's size limit and serde_json's depth limit).
    pub fn json(&self) -> Result<Value, NotJson> {
        crate::verify::data_integrity::parse_json_limited(&self.body).map_err(|reason| NotJson {
            url: self.requested.clone(),
            reason,
        })
    }

    /// "fetched on 3 May 2026", or "fetched on 3 May 2026, kept in the wallet" for a cached copy.
    pub fn when(&self) -> String {
        let day = super::evidence::human_date(&self.fetched_at);
        if self.from_cache {
            format!("fetched on {day}, kept in the wallet")
        } else {
            format!("fetched on {day}")
        }
    }
}

/// Where key resolution and the other online checks read documents.
pub trait Documents {
    /// GET `url`. `Ok` for any HTTP status; `Err` (one line) when nothing could be read:
    /// offline with no cached copy, refused, unreachable, too large.
    fn get(&self, url: &str, accept: &str) -> Result<Doc, DocError>;
}

/// A fetched document that is not JSON (within the size limit).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url} is not a JSON document: {reason}")]
pub struct NotJson {
    /// The URL asked for.
    pub url: String,
    /// Why.
    pub reason: crate::verify::data_integrity::JsonLimitError,
}

impl Localize for NotJson {
    fn message(&self) -> Message {
        // The reason is the JSON reader's own line (data_integrity::JsonLimitError).
        msg!(
            "err-doc-not-json",
            url = &self.url,
            reason = self.reason.to_string()
        )
    }
}

/// Why a document could not be read at all (the check is "could not check").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocError {
    /// No network and no cache ([`NoDocuments`]).
    #[error("offline, cannot fetch {0}")]
    NoDocuments(String),
    /// The host's fetcher refused or failed, and the wallet has no copy.
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

impl Localize for DocError {
    fn message(&self) -> Message {
        match self {
            DocError::NoDocuments(url) => msg!("err-doc-offline", url = url),
            DocError::Fetch(e) => e.message(),
        }
    }
}

/// No network and no cache: every document is unavailable ("offline").
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDocuments;

impl Documents for NoDocuments {
    fn get(&self, url: &str, _accept: &str) -> Result<Doc, DocError> {
        Err(DocError::NoDocuments(url.to_owned()))
    }
}

/// The verifier's network: the host's [`Fetcher`] (which enforces the learner's network
/// policy), recorded, cached in the wallet, memoised per verification.
pub struct Net<'a> {
    fetcher: &'a dyn Fetcher,
    cache: Option<&'a dyn DocumentCache>,
    clock: &'a dyn Clock,
    records: Mutex<Vec<FetchRecord>>,
    memo: Mutex<HashMap<String, Result<Doc, DocError>>>,
}

impl<'a> Net<'a> {
    /// A network over `fetcher`, keeping responses in (and answering offline from) `cache`.
    pub fn new(
        fetcher: &'a dyn Fetcher,
        cache: Option<&'a dyn DocumentCache>,
        clock: &'a dyn Clock,
    ) -> Net<'a> {
        Net {
            fetcher,
            cache,
            clock,
            records: Mutex::new(Vec::new()),
            memo: Mutex::new(HashMap::new()),
        }
    }

    /// Every fetch made (or answered from the cache), in order.
    pub fn records(&self) -> Vec<FetchRecord> {
        self.records.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// The underlying fetcher (for a nested verification that shares the host's policy).
    pub fn fetcher(&self) -> &'a dyn Fetcher {
        self.fetcher
    }

    /// The wallet's cache, if any.
    pub fn cache(&self) -> Option<&'a dyn DocumentCache> {
        self.cache
    }

    /// The clock.
    pub fn clock(&self) -> &'a dyn Clock {
        self.clock
    }

    fn record(&self, rec: FetchRecord) {
        if let Ok(mut r) = self.records.lock() {
            r.push(rec);
        }
    }

    fn fetch_uncached(&self, url: &str, accept: &str) -> Result<Doc, DocError> {
        let started = Instant::now();
        let result = self.fetcher.fetch(&FetchRequest {
            url: url.to_owned(),
            accept: accept.to_owned(),
        });
        let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let now = crate::time::rfc3339(self.clock.now());
        match result {
            Ok(resp) => {
                self.record(FetchRecord {
                    url: url.to_owned(),
                    status: Some(resp.status),
                    fetched_at: now.clone(),
                    millis,
                    from_cache: false,
                    error: None,
                    error_message: None,
                });
                let body = Arc::new(resp.body);
                if let Some(cache) = self.cache
                    && (200..300).contains(&resp.status)
                {
                    // Only answers worth keeping: a 404 or 500 today must not wipe the copy
                    // an earlier check relied on.
                    cache.put(&CachedDocument {
                        url: url.to_owned(),
                        final_url: Some(resp.url.clone()),
                        status: resp.status,
                        content_type: resp.content_type.clone(),
                        body: body.to_vec(),
                        fetched_at: now.clone(),
                    });
                }
                Ok(Doc {
                    requested: url.to_owned(),
                    url: resp.url,
                    status: resp.status,
                    body,
                    fetched_at: now,
                    from_cache: false,
                })
            }
            Err(err) => {
                let retryable = matches!(err, FetchError::Offline | FetchError::Transport { .. });
                let cached = if retryable {
                    self.cache.and_then(|c| c.get(url))
                } else {
                    None
                };
                let Some(doc) = cached else {
                    let msg = err.to_string();
                    self.record(FetchRecord {
                        url: url.to_owned(),
                        status: None,
                        fetched_at: now,
                        millis,
                        from_cache: false,
                        error: Some(msg.clone()),
                        error_message: Some(crate::localize::Localize::message(&err)),
                    });
                    return Err(DocError::Fetch(err));
                };
                self.record(FetchRecord {
                    url: url.to_owned(),
                    status: Some(doc.status),
                    fetched_at: doc.fetched_at.clone(),
                    millis: 0,
                    from_cache: true,
                    error: None,
                    error_message: None,
                });
                Ok(Doc {
                    requested: url.to_owned(),
                    url: doc.final_url.unwrap_or(doc.url),
                    status: doc.status,
                    body: Arc::new(doc.body),
                    fetched_at: doc.fetched_at,
                    from_cache: true,
                })
            }
        }
    }
}

impl Documents for Net<'_> {
    fn get(&self, url: &str, accept: &str) -> Result<Doc, DocError> {
        if let Some(hit) = self.memo.lock().ok().and_then(|m| m.get(url).cloned()) {
            return hit;
        }
        let got = self.fetch_uncached(url, accept);
        if let Ok(mut m) = self.memo.lock() {
            m.insert(url.to_owned(), got.clone());
        }
        got
    }
}

/// Why a document gave nothing usable to a check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum NetFail {
    /// Offline, refused, unreachable, too large: could not check.
    #[error("{0}")]
    Unavailable(Message),
    /// An HTTP status other than 2xx: the status and the URL.
    #[error("{1} answered http {0}")]
    Status(u16, String),
    /// The body is not JSON.
    #[error("{0}")]
    NotJson(Message),
}

impl Localize for NetFail {
    fn message(&self) -> Message {
        match self {
            // A DocError's or NotJson's message, made by the caller.
            NetFail::Unavailable(m) | NetFail::NotJson(m) => m.clone(),
            NetFail::Status(code, url) => {
                msg!(
                    "chk-fetch-http-status",
                    url = url,
                    status = u32::from(*code)
                )
            }
        }
    }
}

/// "cached 3 days ago" for a cached copy, else `None`.
pub(crate) fn cache_note(doc: &Doc, clock: &dyn Clock) -> Option<crate::localize::Message> {
    doc.from_cache.then(|| {
        crate::localize::msg!(
            "chk-fetch-cached",
            age = crate::time::age_message(&doc.fetched_at, clock.now())
        )
    })
}

/// GET `url` and parse a 2xx JSON body; the note says when it came from the cache.
pub(crate) fn get_json(
    docs: &dyn Documents,
    clock: &dyn Clock,
    url: &str,
    accept: &str,
) -> Result<(Value, Option<crate::localize::Message>, Doc), NetFail> {
    let doc = docs
        .get(url, accept)
        .map_err(|e| NetFail::Unavailable(e.message()))?;
    if !doc.ok() {
        return Err(NetFail::Status(doc.status, url.to_owned()));
    }
    let v = doc.json().map_err(|e| NetFail::NotJson(e.message()))?;
    Ok((v, cache_note(&doc, clock), doc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    /// Every error of this module reaching a detail is a catalog message: English is its
    /// `Display`, Spanish a translation (`NetFail::Unavailable` / `NotJson` carry the message
    /// of the error that made them).
    #[test]
    fn document_errors_are_catalog_messages() {
        let es = Catalog::get(Lang::Es);
        let errors: Vec<Box<dyn Localize>> = vec![
            Box::new(DocError::NoDocuments("https://uni.example/issuer".into())),
            Box::new(DocError::Fetch(FetchError::Offline)),
            Box::new(NotJson {
                url: "https://uni.example/issuer".into(),
                reason: crate::verify::data_integrity::JsonLimitError::Syntax(
                    "expected value at line 1 column 1".into(),
                ),
            }),
            Box::new(NetFail::Status(404, "https://uni.example/issuer".into())),
        ];
        for e in errors {
            crate::localize::assert_catalog_message(e.as_ref());
        }
        assert_eq!(
            DocError::NoDocuments("https://x.example/k".into()).localize(es),
            "sin conexión, no se puede descargar https://x.example/k"
        );
    }
}
