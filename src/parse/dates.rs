//! Dates → RFC 3339 in UTC (`2016-12-31T23:59:59Z`). Accepts what real badges carry
//! (OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> upgrades, real-world quirks (tests/fixtures/README.md) quirk 10): RFC 3339 with any offset, OB 1.x Unix
//! timestamps (number or digit string), date-only `YYYY-MM-DD` (midnight UTC), and date-times
//! without a zone (taken as UTC). Anything else gives `None`; the original stays in the document.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde_json::Value;

fn fmt(dt: DateTime<Utc>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Normalise a JSON date value.
pub(crate) fn normalize(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .and_then(unix),
        Value::String(s) => normalize_str(s),
        _ => None,
    }
}

/// Normalise a date string to RFC 3339 UTC (`None` when it is not a date we can read).
pub fn normalize_str(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && s.len() >= 9 {
        return s.parse::<i64>().ok().and_then(unix);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(fmt(dt.with_timezone(&Utc)));
    }
    // A space instead of `T`, or lower-case separators.
    let fixed = s.replacen(' ', "T", 1).replace('t', "T").replace('z', "Z");
    if let Ok(dt) = DateTime::parse_from_rfc3339(&fixed) {
        return Some(fmt(dt.with_timezone(&Utc)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|n| fmt(n.and_utc()));
    }
    for pattern in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(&fixed, pattern) {
            return Some(fmt(n.and_utc()));
        }
    }
    None
}

/// Unix seconds → RFC 3339.
pub(crate) fn unix(secs: i64) -> Option<String> {
    DateTime::<Utc>::from_timestamp(secs, 0).map(fmt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn forms() {
        assert_eq!(
            normalize(&json!("2016-12-31T23:59:59Z")).as_deref(),
            Some("2016-12-31T23:59:59Z")
        );
        assert_eq!(
            normalize(&json!("2020-05-22T00:00:00.000+02:00")).as_deref(),
            Some("2020-05-21T22:00:00Z")
        );
        assert_eq!(
            normalize(&json!("2015-04-30")).as_deref(),
            Some("2015-04-30T00:00:00Z")
        );
        assert_eq!(
            normalize(&json!(1359217910)).as_deref(),
            Some("2013-01-26T16:31:50Z")
        );
        assert_eq!(
            normalize(&json!("1359217910")).as_deref(),
            Some("2013-01-26T16:31:50Z")
        );
        assert_eq!(
            normalize(&json!("2024-11-08T10:33:30.649696")).as_deref(),
            Some("2024-11-08T10:33:30.649696Z")
        );
        assert_eq!(normalize(&json!("next tuesday")), None);
        assert_eq!(normalize(&json!(null)), None);
    }
}
