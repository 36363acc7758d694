//! The `recipient` check: was the badge issued to one of the learner's identities?
//!
//! - OB 2.0 / 1.x `recipient` IdentityObject (OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>): plain, or hashed
//!   `sha256$hex` / `md5$hex` of identity ‖ salt, hex in either case; email case variants are
//!   tried (Badgr stores them, real-world quirks (tests/fixtures/README.md)).
//! - OB 3.0 `credentialSubject.id` and `identifier[]` IdentityObjects (OB 3.0 data model, OB 3.0 “Verification” <https://www.imsglobal.org/spec/ob/v3p0/> step 5):
//!   `identityType` `emailAddress` matches emails, other types match any identity.
//!
//! The learner's identities are only compared here, on the machine: they are never put in
//! a URL or sent anywhere.

use md5::Md5;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::report::Outcome;
use crate::localize::{Localize, Message, msg};

/// Case variants of an email worth trying against a hash: as given, all lower, all upper,
/// local part as given with a lower-case domain, and a capitalised local part.
pub fn email_variants(email: &str) -> Vec<String> {
    let mut v = vec![
        email.to_string(),
        email.to_lowercase(),
        email.to_uppercase(),
    ];
    if let Some((local, domain)) = email.split_once('@') {
        v.push(format!("{local}@{}", domain.to_lowercase()));
        let lower = local.to_lowercase();
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            v.push(format!(
                "{}{}@{}",
                first.to_uppercase(),
                chars.as_str(),
                domain.to_lowercase()
            ));
        }
    }
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
    v
}

fn is_email(s: &str) -> bool {
    !s.starts_with("did:") && !s.contains("://") && s.contains('@')
}

/// `alg$hex` of `identity ‖ salt`, or `None` for an unknown algorithm.
fn hash(alg: &str, identity: &str, salt: &str) -> Option<String> {
    let data = format!("{identity}{salt}");
    let hex = match alg {
        "sha256" => hex(&Sha256::digest(data.as_bytes())),
        "md5" => hex(&Md5::digest(data.as_bytes())),
        _ => return None,
    };
    Some(hex)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Why a recipient identity could not be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecipientError {
    #[error("hashed identity has no \"alg$\" prefix")]
    NoAlgPrefix,
    #[error("unsupported identity hash algorithm {0:?}")]
    HashAlgorithm(String),
}

impl Localize for RecipientError {
    fn message(&self) -> Message {
        match self {
            RecipientError::NoAlgPrefix => msg!("err-rcpt-no-alg-prefix"),
            RecipientError::HashAlgorithm(alg) => {
                msg!("err-rcpt-hash-algorithm", alg = format!("{alg:?}"))
            }
        }
    }
}

/// Does `candidate` match this identity (hashed or not)? `email` turns on case variants
/// and case-insensitive plain comparison.
fn matches(
    identity: &str,
    hashed: bool,
    salt: &str,
    candidate: &str,
    email: bool,
) -> Result<bool, RecipientError> {
    if hashed {
        let (alg, want) = identity
            .split_once('$')
            .ok_or(RecipientError::NoAlgPrefix)?;
        let alg = alg.to_ascii_lowercase();
        if alg != "sha256" && alg != "md5" {
            return Err(RecipientError::HashAlgorithm(alg));
        }
        let want = want.to_ascii_lowercase();
        let tries = if email {
            email_variants(candidate)
        } else {
            vec![candidate.to_string()]
        };
        Ok(tries
            .iter()
            .any(|c| hash(&alg, c, salt).is_some_and(|h| h == want)))
    } else if email {
        Ok(identity.trim().eq_ignore_ascii_case(candidate.trim()))
    } else {
        Ok(identity.trim() == candidate.trim())
    }
}

/// The detail for a match. An email is masked (`n…@example.org`): reports are kept and may
/// be shared, and a hashed recipient must not be un-hashed by its report.
fn describe(candidate: &str, hashed: bool, identity: &str) -> Message {
    let shown = if is_email(candidate) {
        mask_email(candidate)
    } else {
        candidate.to_string()
    };
    if hashed {
        let alg = identity.split_once('$').map(|(a, _)| a).unwrap_or("hash");
        msg!("chk-rcpt-issued-to-you-hash", who = shown, alg = alg)
    } else {
        msg!("chk-rcpt-issued-to-you", who = shown)
    }
}

/// `nobody@example.org` → `n…@example.org`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}…@{domain}")
        }
        None => "…".to_string(),
    }
}

/// OB 2.0 `recipient` against the learner's identities.
pub fn check_ob2(recipient: Option<&Value>, learner: &[String]) -> (Outcome, Message) {
    if learner.is_empty() {
        return (Outcome::Skipped, msg!("chk-rcpt-none-given"));
    }
    let Some(r) = recipient else {
        return (Outcome::Fail, msg!("chk-rcpt-assertion-names-none"));
    };
    // OB 0.5: a plain string (email or hash).
    let (identity, hashed, salt, kind) = match r {
        Value::String(s) => (s.as_str(), s.contains('$') && !s.contains('@'), "", "email"),
        Value::Object(o) => {
            let identity = o.get("identity").and_then(Value::as_str).unwrap_or("");
            let hashed = match o.get("hashed") {
                Some(Value::Bool(b)) => *b,
                Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
                _ => identity.starts_with("sha256$") || identity.starts_with("md5$"),
            };
            let salt = o.get("salt").and_then(Value::as_str).unwrap_or("");
            let kind = o.get("type").and_then(Value::as_str).unwrap_or("email");
            (identity, hashed, salt, kind)
        }
        _ => {
            return (Outcome::Fail, msg!("chk-rcpt-not-object-or-string"));
        }
    };
    if identity.is_empty() {
        return (Outcome::Fail, msg!("chk-rcpt-no-identity"));
    }
    let kind = kind.rsplit(['#', ':', '/']).next().unwrap_or(kind);
    let pool: Vec<&String> = learner
        .iter()
        .filter(|c| match kind {
            "email" => is_email(c),
            "url" | "id" => c.contains("://") || c.starts_with("did:"),
            "telephone" => c.starts_with('+') || c.chars().all(|ch| ch.is_ascii_digit()),
            _ => true,
        })
        .collect();
    if pool.is_empty() {
        return (
            Outcome::Fail,
            msg!("chk-rcpt-no-identity-of-kind", kind = kind),
        );
    }
    for c in pool {
        match matches(identity, hashed, salt, c, kind == "email") {
            Ok(true) => return (Outcome::Pass, describe(c, hashed, identity)),
            Ok(false) => {}
            Err(e) => return (Outcome::Fail, e.message()),
        }
    }
    (
        Outcome::Fail,
        if hashed {
            msg!("chk-rcpt-someone-else-hash", kind = kind)
        } else {
            msg!("chk-rcpt-someone-else", kind = kind)
        },
    )
}

/// OB 3.0 `credentialSubject` (object or array) against the learner's identities.
pub fn check_ob3(subject: Option<&Value>, learner: &[String]) -> (Outcome, Message) {
    if learner.is_empty() {
        return (Outcome::Skipped, msg!("chk-rcpt-none-given"));
    }
    let subjects: Vec<&Value> = match subject {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        _ => {
            return (Outcome::Fail, msg!("chk-rcpt-no-subject"));
        }
    };
    let mut had_any = false;
    for s in subjects {
        if let Some(id) = s.get("id").and_then(Value::as_str) {
            had_any = true;
            if let Some(c) = learner.iter().find(|c| c.trim() == id.trim()) {
                return (Outcome::Pass, msg!("chk-rcpt-issued-to-you", who = c));
            }
        }
        let idents: Vec<&Value> = match s.get("identifier") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v @ Value::Object(_)) => vec![v],
            _ => Vec::new(),
        };
        for ident in idents {
            let Some(identity) = ident.get("identityHash").and_then(Value::as_str) else {
                continue;
            };
            had_any = true;
            let hashed = ident
                .get("hashed")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let salt = ident.get("salt").and_then(Value::as_str).unwrap_or("");
            let ty = ident
                .get("identityType")
                .and_then(Value::as_str)
                .unwrap_or("");
            let email = ty == "emailAddress";
            for c in learner {
                if email && !is_email(c) {
                    continue;
                }
                match matches(identity, hashed, salt, c, email) {
                    Ok(true) => return (Outcome::Pass, describe(c, hashed, identity)),
                    Ok(false) => {}
                    Err(e) => {
                        return (
                            Outcome::Fail,
                            msg!("chk-rcpt-identifier-error", kind = ty, error = e.message()),
                        );
                    }
                }
            }
        }
    }
    if had_any {
        (Outcome::Fail, msg!("chk-rcpt-someone-else-subject"))
    } else {
        (Outcome::Fail, msg!("chk-rcpt-subject-unmatchable"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOBODY_HASH: &str =
        "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942";

    #[test]
    fn ob2_hashed_plain_and_variants() {
        let r =
            json!({"type": "email", "hashed": true, "salt": "deadsea", "identity": NOBODY_HASH});
        assert_eq!(
            check_ob2(Some(&r), &["nobody@example.org".into()]).0,
            Outcome::Pass
        );
        assert_eq!(
            check_ob2(Some(&r), &["Nobody@Example.org".into()]).0,
            Outcome::Pass
        );
        let up = json!({"type": "email", "hashed": true, "salt": "deadsea",
                         "identity": NOBODY_HASH.to_uppercase().replace("SHA256", "sha256")});
        assert_eq!(
            check_ob2(Some(&up), &["nobody@example.org".into()]).0,
            Outcome::Pass
        );
        let (o, d) = check_ob2(Some(&r), &["somebody@example.org".into()]);
        assert_eq!(o, Outcome::Fail);
        assert!(d.to_string().starts_with("issued to someone else"), "{d}");
        let plain = json!({"type": "email", "hashed": false, "identity": "Me@Example.org"});
        assert_eq!(
            check_ob2(Some(&plain), &["me@example.org".into()]).0,
            Outcome::Pass
        );
        assert_eq!(check_ob2(Some(&plain), &[]).0, Outcome::Skipped);
    }

    #[test]
    fn ob3_subject() {
        let s = json!({"id": "did:example:ebfeb1f712ebc6f1c276e12ec21"});
        assert_eq!(
            check_ob3(
                Some(&s),
                &["did:example:ebfeb1f712ebc6f1c276e12ec21".into()]
            )
            .0,
            Outcome::Pass
        );
        let s = json!({"identifier": [{"type": "IdentityObject", "identityHash": "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
                        "identityType": "emailAddress", "hashed": true, "salt": "Kosher"}]});
        assert_eq!(
            check_ob3(Some(&s), &["a@example.com".into()]).0,
            Outcome::Pass
        );
        assert_eq!(
            check_ob3(Some(&s), &["b@example.com".into()]).0,
            Outcome::Fail
        );
    }

    /// Every error's catalog English is its `Display`, word for word.
    #[test]
    fn errors_in_the_catalog_read_as_their_display() {
        for e in [
            RecipientError::NoAlgPrefix,
            RecipientError::HashAlgorithm("sha1".into()),
        ] {
            crate::localize::assert_catalog_message(&e);
        }
    }

    #[test]
    fn details_in_spanish() {
        use crate::i18n::{Catalog, Lang};
        let es = Catalog::get(Lang::Es);
        let r =
            json!({"type": "email", "hashed": true, "salt": "deadsea", "identity": NOBODY_HASH});
        let (_, d) = check_ob2(Some(&r), &["nobody@example.org".into()]);
        assert_eq!(
            d.english(),
            "issued to you (n…@example.org, matched by sha256 hash)"
        );
        assert_eq!(
            d.render(es),
            "emitida para ti (n…@example.org, coincide con el hash sha256)"
        );
        let (_, d) = check_ob2(Some(&r), &["somebody@example.org".into()]);
        assert_eq!(
            d.english(),
            "issued to someone else: no email of yours matches the recipient hash"
        );
        let bad = json!({"type": "email", "hashed": true, "identity": "sha1$00"});
        let (o, d) = check_ob2(Some(&bad), &["a@example.org".into()]);
        assert_eq!(o, Outcome::Fail);
        assert_eq!(d.english(), "unsupported identity hash algorithm \"sha1\"");
        assert_eq!(
            d.render(es),
            "algoritmo de hash de identidad no compatible: \"sha1\""
        );
        let s = json!({"identifier": {"identityHash": "x", "hashed": true, "identityType": "emailAddress"}});
        let (_, d) = check_ob3(Some(&s), &["a@example.org".into()]);
        assert_eq!(
            d.english(),
            "identifier (emailAddress): hashed identity has no \"alg$\" prefix"
        );
    }
}
