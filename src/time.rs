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
    age_message(at, now).english()
}

/// [`age_phrase`] as a catalog message (`age-…`), for a sentence in the learner's language.
pub fn age_message(at: &str, now: chrono::DateTime<chrono::Utc>) -> crate::localize::Message {
    use crate::localize::{Message, msg};
    let Ok(then) = chrono::DateTime::parse_from_rfc3339(at) else {
        return msg!("age-at", at = at);
    };
    let secs = (now - then.with_timezone(&chrono::Utc)).num_seconds();
    let n = |v: i64| Message::Count(usize::try_from(v).unwrap_or(0));
    match secs {
        s if s < 60 => msg!("age-just-now"),
        s if s < 3600 => msg!("age-minutes", n = n(s / 60)),
        s if s < 86_400 => msg!("age-hours", n = n(s / 3600)),
        s => msg!("age-days", n = n(s / 86_400)),
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
        let es = crate::i18n::Catalog::get(crate::i18n::Lang::Es);
        assert_eq!(
            age_message("2026-05-01T11:00:00Z", now).render(es),
            "hace 3 días"
        );
        assert_eq!(
            age_message("2026-05-04T10:59:00Z", now).render(es),
            "hace 1 hora"
        );
        assert_eq!(
            age_message("2026-05-04T11:59:30Z", now).render(es),
            "ahora mismo"
        );
        assert_eq!(age_phrase("2026-05-04T11:00:00Z", now), "1 hour ago");
    }
}
