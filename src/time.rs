//! Time as the wallet writes and says it: RFC 3339 timestamps
//! (<https://www.rfc-editor.org/rfc/rfc3339>) and "3 days ago" phrases for cached copies.
//! Shared by verification ([`crate::verify`]) and the network layer ([`crate::net`]), so
//! neither depends on the other for it.

/// RFC 3339, seconds, `Z`.
pub fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
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
    fn ages() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-05-04T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(age_phrase("2026-05-01T11:00:00Z", now), "3 days ago");
        assert_eq!(age_phrase("2026-05-04T11:58:00Z", now), "2 minutes ago");
        assert_eq!(age_phrase("2026-05-04T11:00:00Z", now), "1 hour ago");
    }
}
