//! Validity dates against the injected clock: the `expiry` and `not_before` checks.
//!
//! - OB 3.0 / VCDM 2.0: `validFrom` / `validUntil` (VCDM 2.0 validity period <https://www.w3.org/TR/vc-data-model-2.0/#validity-period>);
//! - OB 3.0 / VCDM 1.1: `issuanceDate` / `expirationDate` (§3.7);
//! - OB 2.0 / 1.x: `issuedOn` / `expires` (§2.3 "assertion_timestamp_checks": issued in the
//!   future fails, expires before issuedOn fails, expired fails).
//!
//! Dates need a time zone (OB 2.0 data model, VCDM 2.0 validity period <https://www.w3.org/TR/vc-data-model-2.0/#validity-period>). We are lenient where real badges are sloppy, and say
//! so in the detail: a date without a time is read as UTC midnight, a date-time without a
//! zone as UTC, and an OB 1.x Unix timestamp as seconds since 1970 (§2.3 upgrades).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::Value;

use super::report::Outcome;
use crate::localize::{Localize, Message, msg};

/// A parsed date, with a note when it was read leniently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// The instant.
    pub at: DateTime<Utc>,
    /// Set when the value was not a full date-time with a zone.
    pub note: Option<Message>,
}

/// Why a value is not a badge date. The messages are the report's detail lines.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not a string or a number that reads as a date (the value, shortened).
    #[error("{0} is not a date")]
    NotADate(String),
    /// A unix timestamp chrono cannot represent.
    #[error("{0} is out of range as a unix timestamp")]
    OutOfRange(i64),
    /// A string in none of the accepted shapes (the value, shortened and quoted).
    #[error("{0} is not a date-time with a time zone")]
    NoTimeZone(String),
}

/// Parse a badge date (string or OB 1.x number). `Err` says what is wrong, one line.
pub fn parse_date(v: &Value) -> Result<When, DateError> {
    match v {
        Value::String(s) => parse_date_str(s),
        Value::Number(n) => {
            let secs = n
                .as_i64()
                .ok_or_else(|| DateError::NotADate(n.to_string()))?;
            unix(secs)
        }
        other => Err(DateError::NotADate(short(other))),
    }
}

fn unix(secs: i64) -> Result<When, DateError> {
    let at = Utc
        .timestamp_opt(secs, 0)
        .single()
        .ok_or(DateError::OutOfRange(secs))?;
    Ok(When {
        at,
        note: Some(msg!("chk-date-unix-note", secs = secs)),
    })
}

fn parse_date_str(s: &str) -> Result<When, DateError> {
    let t = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Ok(When {
            at: d.with_timezone(&Utc),
            note: None,
        });
    }
    // Offsets without a colon (+0000), as some OB 1.x issuers wrote.
    if let Ok(d) = DateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f%z") {
        return Ok(When {
            at: d.with_timezone(&Utc),
            note: None,
        });
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, fmt) {
            return Ok(When {
                at: n.and_utc(),
                note: Some(msg!("chk-date-no-zone-note", value = format!("{t:?}"))),
            });
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        && let Some(n) = d.and_hms_opt(0, 0, 0)
    {
        return Ok(When {
            at: n.and_utc(),
            note: Some(msg!("chk-date-no-time-note", value = format!("{t:?}"))),
        });
    }
    if t.len() == 10
        && t.bytes().all(|b| b.is_ascii_digit())
        && let Ok(secs) = t.parse::<i64>()
    {
        return unix(secs);
    }
    Err(DateError::NoTimeZone(short(&Value::String(s.into()))))
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// The start/end field names used by a document.
fn fields(doc: &Value) -> (&'static str, &'static str) {
    if doc.get("validFrom").is_some() || doc.get("validUntil").is_some() {
        ("validFrom", "validUntil")
    } else if doc.get("issuanceDate").is_some() || doc.get("expirationDate").is_some() {
        ("issuanceDate", "expirationDate")
    } else if doc.get("issuedOn").is_some() || doc.get("expires").is_some() {
        ("issuedOn", "expires")
    } else {
        ("validFrom", "validUntil")
    }
}

fn human(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// The `expiry` and `not_before` outcomes for a credential/assertion at `now`.
/// Returns `((expiry outcome, detail), (not_before outcome, detail))`.
pub fn check(doc: &Value, now: DateTime<Utc>) -> ((Outcome, Message), (Outcome, Message)) {
    let (start_name, end_name) = fields(doc);
    let start = doc.get(start_name).map(parse_date);
    let end = doc.get(end_name).map(parse_date);

    let not_before = match &start {
        None => (Outcome::Skipped, msg!("chk-date-none", field = start_name)),
        Some(Err(e)) => (Outcome::Fail, field_error(start_name, e)),
        Some(Ok(w)) if w.at > now => (
            Outcome::Fail,
            note(
                msg!("chk-date-not-yet", field = start_name, date = human(w.at)),
                w,
            ),
        ),
        Some(Ok(w)) => (
            Outcome::Pass,
            note(
                msg!(
                    "chk-date-valid-since",
                    date = human(w.at),
                    field = start_name
                ),
                w,
            ),
        ),
    };
    let expiry = match (&end, &start) {
        (None, _) => (Outcome::Pass, msg!("chk-date-no-expiry", field = end_name)),
        (Some(Err(e)), _) => (Outcome::Fail, field_error(end_name, e)),
        (Some(Ok(e)), Some(Ok(s))) if e.at < s.at => (
            Outcome::Fail,
            msg!(
                "chk-date-end-before-start",
                end = end_name,
                end_date = human(e.at),
                start = start_name,
                start_date = human(s.at)
            ),
        ),
        (Some(Ok(w)), _) if w.at < now => (
            Outcome::Fail,
            note(msg!("chk-date-expired", date = human(w.at)), w),
        ),
        (Some(Ok(w)), _) => (
            Outcome::Pass,
            note(msg!("chk-date-valid-until", date = human(w.at)), w),
        ),
    };
    (expiry, not_before)
}

/// "`{field}: {why}`".
fn field_error(field: &str, e: &DateError) -> Message {
    msg!("chk-date-field-error", field = field, error = e.message())
}

/// The detail with the date's lenient-reading note after it, if it has one.
fn note(detail: Message, w: &When) -> Message {
    match &w.note {
        Some(n) => msg!("chk-date-with-note", detail = detail, note = n),
        None => detail,
    }
}

impl Localize for DateError {
    fn message(&self) -> Message {
        match self {
            DateError::NotADate(v) => msg!("err-date-not-a-date", value = v),
            DateError::OutOfRange(secs) => msg!("err-date-out-of-range", secs = secs),
            DateError::NoTimeZone(v) => msg!("err-date-no-time-zone", value = v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn lenient_forms() {
        assert_eq!(
            parse_date(&json!("2016-12-31T23:59:59Z")).unwrap().note,
            None
        );
        let d = parse_date(&json!("2016-12-31")).unwrap();
        assert_eq!(d.at, at("2016-12-31T00:00:00Z"));
        assert!(d.note.unwrap().to_string().contains("utc midnight"));
        let d = parse_date(&json!("2024-11-08T10:33:30.649696")).unwrap();
        assert!(d.note.unwrap().to_string().contains("no time zone"));
        assert_eq!(
            parse_date(&json!(1_400_000_000)).unwrap().at,
            at("2014-05-13T16:53:20Z")
        );
        assert_eq!(
            parse_date(&json!("1400000000")).unwrap().at,
            at("2014-05-13T16:53:20Z")
        );
        assert_eq!(
            parse_date(&json!("yesterday")).unwrap_err().to_string(),
            "\"yesterday\" is not a date-time with a time zone"
        );
        assert!(matches!(
            parse_date(&json!({"a": 1})),
            Err(DateError::NotADate(_))
        ));
    }

    #[test]
    fn window() {
        let now = at("2026-01-01T00:00:00Z");
        let ((e, _), (n, _)) = check(&json!({"validFrom": "2010-01-01T00:00:00Z"}), now);
        assert_eq!((e, n), (Outcome::Pass, Outcome::Pass));
        let ((e, d), _) = check(
            &json!({"validFrom": "2010-01-01T00:00:00Z", "validUntil": "2011-01-01T00:00:00Z"}),
            now,
        );
        assert_eq!(e, Outcome::Fail);
        assert_eq!(d.to_string(), "expired on 2011-01-01 00:00 UTC");
        let (_, (n, d)) = check(&json!({"issuanceDate": "2040-01-01T00:00:00Z"}), now);
        assert_eq!(n, Outcome::Fail);
        assert_eq!(
            d.to_string(),
            "not valid yet: issuanceDate is 2040-01-01 00:00 UTC"
        );
        let ((e, _), _) = check(
            &json!({"issuedOn": "2016-01-01T00:00:00Z", "expires": "2015-01-01T00:00:00Z"}),
            at("2015-06-01T00:00:00Z"),
        );
        assert_eq!(e, Outcome::Fail);
    }

    /// Every error's catalog English is its `Display`, word for word.
    #[test]
    fn errors_in_the_catalog_read_as_their_display() {
        for e in [
            DateError::NotADate("{\"a\":1}".into()),
            DateError::OutOfRange(i64::MAX),
            DateError::NoTimeZone("\"yesterday\"".into()),
        ] {
            crate::localize::assert_catalog_message(&e);
        }
    }

    /// The details are messages: English as before, Spanish from the catalog.
    #[test]
    fn details_in_spanish() {
        use crate::i18n::{Catalog, Lang};
        let es = Catalog::get(Lang::Es);
        let now = at("2026-01-01T00:00:00Z");
        let ((e, n), (_, nd)) = check(&json!({"issuedOn": "2016-12-31", "expires": 1}), now);
        assert_eq!(e, Outcome::Fail);
        assert_eq!(
            n.english(),
            "expires 1970-01-01 00:00 UTC is before issuedOn 2016-12-31 00:00 UTC"
        );
        assert_eq!(
            nd.english(),
            "valid since 2016-12-31 00:00 UTC (issuedOn) (note: \"2016-12-31\" is a date without a time; read as utc midnight)"
        );
        assert_eq!(
            nd.render(es),
            "válida desde 2016-12-31 00:00 UTC (issuedOn) (nota: \"2016-12-31\" es una fecha sin hora; se leyó como medianoche utc)"
        );
        let ((_, ed), _) = check(&json!({"validUntil": "soon"}), now);
        assert_eq!(
            ed.english(),
            "validUntil: \"soon\" is not a date-time with a time zone"
        );
        assert_eq!(
            ed.render(es),
            "validUntil: \"soon\" no es una fecha y hora con zona horaria"
        );
    }
}
