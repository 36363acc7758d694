//! The wallet as the verifier's fetched-document cache ([`DocumentCache`]): issuer
//! profiles, keys, status lists and hosted assertions fetched with the learner's consent,
//! kept with their fetch date so an offline re-check can use them and say how old they are
//! (issue 3, "evidence snapshot").

use rusqlite::{OptionalExtension, params};

use super::{StoreResult, Wallet, sha256_hex};
use crate::limits::MAX_HTTP_BODY_BYTES;
use crate::verify::{CachedDocument, DocumentCache};

impl Wallet {
    /// The cached copy of `url`.
    pub fn cached_document(&self, url: &str) -> StoreResult<Option<CachedDocument>> {
        Ok(self
            .conn()?
            .prepare_cached(
                "SELECT url, status, content_type, body, fetched_at, final_url FROM fetch_cache WHERE url = ?1",
            )?
            .query_row([url], |r| {
                Ok(CachedDocument {
                    url: r.get(0)?,
                    status: r.get(1)?,
                    content_type: r.get(2)?,
                    body: r.get(3)?,
                    fetched_at: r.get(4)?,
                    final_url: r.get(5)?,
                })
            })
            .optional()?)
    }

    /// Keep (or replace) a fetched document. Bodies over
    /// [`crate::limits::MAX_HTTP_BODY_BYTES`] are not kept.
    pub fn cache_document(&self, doc: &CachedDocument) -> StoreResult<()> {
        if doc.body.len() as u64 > MAX_HTTP_BODY_BYTES {
            return Ok(());
        }
        self.conn()?
            .prepare_cached(
                "INSERT INTO fetch_cache (url, status, content_type, body, sha256, fetched_at, final_url)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(url) DO UPDATE SET status = excluded.status,
                    content_type = excluded.content_type, body = excluded.body,
                    sha256 = excluded.sha256, fetched_at = excluded.fetched_at,
                    final_url = excluded.final_url",
            )?
            .execute(params![
                doc.url,
                doc.status,
                doc.content_type,
                doc.body,
                sha256_hex(&doc.body),
                doc.fetched_at,
                doc.final_url
            ])?;
        Ok(())
    }
}

impl DocumentCache for Wallet {
    fn get(&self, url: &str) -> Option<CachedDocument> {
        self.cached_document(url).ok().flatten()
    }

    fn put(&self, doc: &CachedDocument) {
        // A cache write failing must not fail the verification (trait contract).
        let _ = self.cache_document(doc);
    }
}
