//! Evidence snapshot: what a verification used, kept so the app can later say "verified on
//! `<date>` with key `<id>`" even after the issuer's site is gone (issue 3, "Evidence
//! snapshot"; Backpack's own rule offline-first).
//!
//! In the wallet, [`crate::store::Wallet::save_report`] is the snapshot: it keeps the report
//! and links each fetch to the cached document (what `backpack recheck` and import call).
//! [`snapshot`] gathers the same for a host without a wallet (a report and the documents
//! it used, from any [`DocumentCache`]), and [`Evidence::summary`] gives the app its line.

use serde::{Deserialize, Serialize};

use super::{Report, Verdict};
use crate::env::DocumentCache;

/// One document a verification used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedDocument {
    /// Where it came from.
    pub url: String,
    /// HTTP status.
    pub status: u16,
    /// When it was fetched (RFC 3339).
    pub fetched_at: String,
    /// The body (JSON documents as text; anything else lossily).
    pub body: String,
}

/// A verification report and the documents behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The report.
    pub report: Report,
    /// Documents fetched (or read from the cache) during the verification.
    pub documents: Vec<UsedDocument>,
}

impl Evidence {
    /// One line for the app: "verified on 2026-05-03 with key did:key:z6Mk…".
    pub fn summary(&self) -> String {
        let day = self
            .report
            .checked_at
            .get(..10)
            .unwrap_or(&self.report.checked_at);
        let key = self
            .report
            .key_id
            .as_ref()
            .map(|k| format!(" with key {k}"))
            .unwrap_or_default();
        match self.report.verdict {
            Verdict::Valid => format!("verified on {day}{key}"),
            Verdict::Invalid => format!("found invalid on {day}"),
            Verdict::Indeterminate => format!("could not be fully checked on {day}{key}"),
            Verdict::Error => format!("could not be read on {day}"),
        }
    }
}

/// Gather the report and the documents it fetched, from `cache`.
pub fn snapshot(report: &Report, cache: Option<&dyn DocumentCache>) -> Evidence {
    let mut documents: Vec<UsedDocument> = Vec::new();
    if let Some(c) = cache {
        for f in &report.fetches {
            if documents.iter().any(|d| d.url == f.url) {
                continue;
            }
            if let Some(doc) = c.get(&f.url) {
                documents.push(UsedDocument {
                    url: doc.url,
                    status: doc.status,
                    fetched_at: doc.fetched_at,
                    body: String::from_utf8_lossy(&doc.body).into_owned(),
                });
            }
        }
    }
    Evidence {
        report: report.clone(),
        documents,
    }
}

/// [`human_date`] as a catalog message (`date-long` with `month-N`): "3 May 2026" in English,
/// "3 de mayo de 2026" in Spanish; the input as given when it is not a date.
pub fn date_message(rfc3339: &str) -> crate::localize::Message {
    use crate::localize::Message;
    use chrono::Datelike as _;
    use std::borrow::Cow;
    let day = match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(d) => Some(d.with_timezone(&chrono::Utc).date_naive()),
        Err(_) => {
            chrono::NaiveDate::parse_from_str(rfc3339.get(..10).unwrap_or(""), "%Y-%m-%d").ok()
        }
    };
    let Some(d) = day else {
        return Message::Text(rfc3339.to_string());
    };
    Message::Id(
        Cow::Borrowed("date-long"),
        vec![
            (Cow::Borrowed("day"), Message::Count(d.day() as usize)),
            (
                Cow::Borrowed("month"),
                Message::Id(Cow::Owned(format!("month-{}", d.month())), Vec::new()),
            ),
            (Cow::Borrowed("year"), Message::Text(d.year().to_string())),
        ],
    )
}

/// "3 May 2026" from an RFC 3339 timestamp (or a bare `YYYY-MM-DD`); the input itself when it
/// does not parse. Used wherever evidence is dated for a person.
pub fn human_date(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(d) => d
            .with_timezone(&chrono::Utc)
            .format("%-d %B %Y")
            .to_string(),
        Err(_) => {
            match chrono::NaiveDate::parse_from_str(rfc3339.get(..10).unwrap_or(""), "%Y-%m-%d") {
                Ok(d) => d.format("%-d %B %Y").to_string(),
                Err(_) => rfc3339.to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    /// The date message is `human_date` in English, the learner's words in Spanish.
    #[test]
    fn dates_in_words_in_both_languages() {
        for s in [
            "2026-05-03T10:00:00Z",
            "2026-05-03T23:30:00-02:00",
            "2024-01-01T00:00:00Z",
            "2024-12-31",
            "someday",
        ] {
            assert_eq!(date_message(s).english(), human_date(s), "{s}");
        }
        let es = Catalog::get(Lang::Es);
        assert_eq!(
            date_message("2026-05-03T23:30:00-02:00").render(es),
            "4 de mayo de 2026"
        );
        assert_eq!(date_message("someday").render(es), "someday");
    }
}
