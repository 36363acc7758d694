//! The `schema` check: required properties and value types, a short clear list.
//!
//! - OB 3.0 / CLR 2.0 (OB 3.0 “Data Model” <https://www.imsglobal.org/spec/ob/v3p0/>, OB 3.0 “Verification” <https://www.imsglobal.org/spec/ob/v3p0/> step 1, CLR 2.0 <https://www.imsglobal.org/spec/clr/v2p0/>): `@context` in order (VC v2 or
//!   v1.1 first, then the OB 3.0 / CLR context), `type`, `issuer` (URI or profile with an
//!   `id`), `credentialSubject` with `id` or `identifier`, the achievement's `name` and
//!   `criteria`, `validFrom` (VCDM 2.0) / `issuanceDate` (VCDM 1.1).
//! - OB 2.0 (OB 2.0 data model, OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> BADGECHECK class validators, the essential ones): Assertion `id`,
//!   `type`, `recipient`, `badge`, `verification`, `issuedOn`; BadgeClass `name`,
//!   `description`, `image`, `criteria`, `issuer`; Profile `name`, `url`, `email`.
//!
//! Undefined JSON-LD terms are the Data Integrity check's business (safe mode), not this one.

use crate::localize::Localize as _;
use serde_json::Value;

use crate::localize::{Message, msg};

/// The VC v2 context URL.
pub const VC_V2: &str = "https://www.w3.org/ns/credentials/v2";
/// The VC v1.1 context URL.
pub const VC_V1: &str = "https://www.w3.org/2018/credentials/v1";

/// Problems found (empty: schema passes) and warnings worth showing, as catalog messages
/// (`Display`: the English line).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Findings {
    /// Each makes the check fail.
    pub errors: Vec<Message>,
    /// Shown in the detail, do not fail.
    pub warnings: Vec<Message>,
}

/// What a schema detail is about: the credential (OB 3.0), the assertion (OB 2.0), or the
/// assertion with its badge class and issuer.
pub fn what_credential() -> Message {
    msg!("chk-schema-what-credential")
}
/// "the assertion".
pub fn what_assertion() -> Message {
    msg!("chk-schema-what-assertion")
}
/// "the assertion, its badge class and issuer".
pub fn what_assertion_badge_issuer() -> Message {
    msg!("chk-schema-what-assertion-badge-issuer")
}

/// The subject of [`Findings::detail`]: the three English phrases the verifiers pass become
/// their catalog messages; a message is kept.
fn subject(what: Message) -> Message {
    match &what {
        Message::Text(t) => match t.as_str() {
            "the credential" => what_credential(),
            "the assertion" => what_assertion(),
            "the assertion, its badge class and issuer" => what_assertion_badge_issuer(),
            _ => what,
        },
        _ => what,
    }
}

impl Findings {
    /// One-line detail about `what` ([`what_credential`], …; the English phrase is mapped to
    /// its message too).
    pub fn detail(&self, what: impl Into<Message>) -> Message {
        if let Some(first) = self.errors.first() {
            let more = self.errors.len() - 1;
            if more > 0 {
                msg!(
                    "chk-schema-more-problems",
                    first = first,
                    n = Message::Count(more)
                )
            } else {
                first.clone()
            }
        } else {
            let what = subject(what.into());
            match Message::join("chk-schema-notes", self.warnings.clone()) {
                None => msg!("chk-schema-complete", what = what),
                Some(notes) => msg!("chk-schema-complete-notes", what = what, notes = notes),
            }
        }
    }
}

/// `type` as a list of strings (string or array).
pub fn types(v: &Value) -> Vec<&str> {
    match v.get("type").or_else(|| v.get("@type")) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// `@context` as a list of strings (objects are skipped).
pub fn contexts(v: &Value) -> Vec<&str> {
    match v.get("@context") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The issuer id of a credential / profile reference (string or object with `id`).
pub fn ref_id(v: Option<&Value>) -> Option<&str> {
    match v? {
        Value::String(s) => Some(s),
        Value::Object(o) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
}

fn is_ob3_context(c: &str) -> bool {
    c == "https://purl.imsglobal.org/spec/ob/v3p0/context.json"
        || (c.starts_with("https://purl.imsglobal.org/spec/ob/v3p0/context-3.")
            && c.ends_with(".json"))
}

fn is_clr_context(c: &str) -> bool {
    c.starts_with("https://purl.imsglobal.org/spec/clr/v2p0/context") && c.ends_with(".json")
}

fn is_uri(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, rest)) => {
            !rest.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Check an OB 3.0 AchievementCredential / EndorsementCredential or CLR 2.0 ClrCredential.
pub fn check_ob3(doc: &Value) -> Findings {
    let mut f = Findings::default();
    if !doc.is_object() {
        f.errors.push(msg!("chk-schema-credential-not-object"));
        return f;
    }
    let ctx = contexts(doc);
    let v2 = ctx.first() == Some(&VC_V2);
    match ctx.first() {
        Some(&VC_V2) | Some(&VC_V1) => {}
        Some(other) => f.errors.push(msg!(
            "chk-schema-context-first",
            v2 = VC_V2,
            v1 = VC_V1,
            found = *other
        )),
        None => f.errors.push(missing("@context")),
    }
    let t = types(doc);
    if !t.contains(&"VerifiableCredential") {
        f.errors.push(msg!(
            "chk-schema-type-must-include",
            kind = "VerifiableCredential"
        ));
    }
    let is_clr = t.contains(&"ClrCredential");
    let is_endorsement = t.contains(&"EndorsementCredential");
    let is_ob = t.contains(&"AchievementCredential") || t.contains(&"OpenBadgeCredential");
    if !(is_clr || is_endorsement || is_ob) {
        f.errors.push(msg!("chk-schema-type-must-include-one"));
    }
    if is_clr {
        if !ctx.iter().any(|c| is_clr_context(c)) {
            f.errors.push(msg!("chk-schema-no-clr-context"));
        }
    } else if ctx.get(1).is_some_and(|c| !is_ob3_context(c)) || ctx.len() < 2 {
        f.errors.push(msg!(
            "chk-schema-second-context",
            url = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ));
    } else if ctx
        .get(1)
        .is_some_and(|c| !c.ends_with("context-3.0.3.json"))
    {
        f.warnings.push(msg!(
            "chk-schema-older-context",
            url = ctx.get(1).copied().unwrap_or("")
        ));
    }
    match doc.get("id") {
        Some(Value::String(s)) if is_uri(s) => {}
        Some(_) => f.errors.push(msg!("chk-schema-must-be-uri", field = "id")),
        None => f.warnings.push(msg!("chk-schema-credential-no-id")),
    }
    match doc.get("issuer") {
        Some(Value::String(s)) if is_uri(s) => {
            if !v2 {
                f.warnings.push(msg!("chk-schema-vcdm11-embed-issuer"));
            }
        }
        Some(Value::Object(o)) => match o.get("id").and_then(Value::as_str) {
            Some(s) if is_uri(s) => {}
            _ => f
                .errors
                .push(msg!("chk-schema-must-be-uri", field = "issuer.id")),
        },
        Some(_) => f.errors.push(msg!("chk-schema-issuer-uri-or-profile")),
        None => f.errors.push(missing("issuer")),
    }
    if is_ob && doc.get("name").is_none() {
        f.warnings.push(msg!("chk-schema-credential-no-name"));
    }
    let start = if v2 { "validFrom" } else { "issuanceDate" };
    if doc.get(start).is_none() {
        f.errors.push(missing(start));
    }
    let subjects: Vec<&Value> = match doc.get("credentialSubject") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        Some(_) => {
            f.errors.push(msg!(
                "chk-schema-must-be-object",
                field = "credentialSubject"
            ));
            Vec::new()
        }
        None => {
            f.errors.push(missing("credentialSubject"));
            Vec::new()
        }
    };
    for s in subjects {
        if is_ob {
            let has_ident = match s.get("identifier") {
                Some(Value::Array(a)) => !a.is_empty(),
                Some(Value::Object(_)) => true,
                _ => false,
            };
            if s.get("id").is_none() && !has_ident {
                // OB 3.0 §3.1 says MUST; DCC's valid fixtures omit both, so we warn.
                f.warnings.push(msg!("chk-schema-subject-no-id"));
            }
            match s.get("achievement") {
                Some(a @ Value::Object(_)) => {
                    if a.get("name").and_then(Value::as_str).is_none() {
                        f.errors.push(missing("achievement.name"));
                    }
                    match a.get("criteria") {
                        Some(c @ Value::Object(_))
                            if c.get("id").is_some() || c.get("narrative").is_some() => {}
                        Some(_) => f.errors.push(msg!("chk-schema-criteria-needs")),
                        None => f.errors.push(missing("achievement.criteria")),
                    }
                }
                Some(_) => f
                    .errors
                    .push(msg!("chk-schema-must-be-object", field = "achievement")),
                None => f.errors.push(missing("credentialSubject.achievement")),
            }
        }
        if is_clr && s.get("verifiableCredential").is_none() {
            f.warnings.push(msg!("chk-schema-clr-no-credentials"));
        }
    }
    f
}

/// "`field` is missing".
fn missing(field: &str) -> Message {
    msg!("chk-schema-missing", field = field)
}

/// "`what` has no `key`" (`what`: [`badge_class`], [`issuer`] or [`assertion`]).
fn has_no(what: Message, key: &str) -> Message {
    msg!("chk-schema-has-no", what = what, key = key)
}

/// "badge class" (an OB 2.0 badge class, the subject of a problem).
fn badge_class() -> Message {
    msg!("chk-schema-word-badge-class")
}
/// "issuer" (an OB 2.0 issuer profile, the subject of a problem).
fn issuer() -> Message {
    msg!("chk-schema-word-issuer")
}
/// "assertion" (an OB 2.0 assertion, the subject of a problem).
fn assertion() -> Message {
    msg!("chk-schema-word-assertion")
}

fn require_str(f: &mut Findings, o: &Value, what: fn() -> Message, key: &str) {
    match o.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        Some(Value::Object(_)) if key == "criteria" || key == "image" => {}
        Some(_) => f
            .errors
            .push(msg!("chk-schema-not-a-string", what = what(), key = key)),
        None => f.errors.push(has_no(what(), key)),
    }
}

/// Check an OB 2.0 Assertion (after OB 1.x upgrade rules).
pub fn check_ob2_assertion(a: &Value) -> Findings {
    let mut f = Findings::default();
    if !a.is_object() {
        f.errors.push(msg!("chk-schema-assertion-not-object"));
        return f;
    }
    match a.get("id") {
        Some(Value::String(s)) if is_uri(s) => {}
        Some(_) => f.errors.push(msg!("chk-schema-assertion-id-iri")),
        None => f.errors.push(has_no(assertion(), "id")),
    }
    if a.get("@context").is_some() && !types(a).contains(&"Assertion") {
        f.errors.push(msg!("chk-schema-assertion-type"));
    }
    if a.get("recipient").is_none() {
        f.errors.push(has_no(assertion(), "recipient"));
    } else if let Some(r) = a.get("recipient").filter(|r| r.is_object()) {
        let hashed = r.get("hashed").and_then(Value::as_bool).unwrap_or(false);
        let identity = r.get("identity").and_then(Value::as_str).unwrap_or("");
        if identity.is_empty() {
            f.errors.push(msg!("chk-schema-recipient-no-identity"));
        } else if hashed && !looks_hashed(identity) {
            f.errors.push(msg!("chk-schema-recipient-not-hashed"));
        } else if !hashed && looks_hashed(identity) {
            f.errors.push(msg!("chk-schema-recipient-looks-hashed"));
        }
    }
    if a.get("badge").is_none() {
        f.errors.push(has_no(assertion(), "badge"));
    }
    if a.get("verification").or_else(|| a.get("verify")).is_none() {
        f.errors.push(has_no(assertion(), "verification"));
    }
    match a.get("issuedOn") {
        None => f.errors.push(has_no(assertion(), "issuedOn")),
        Some(v) => {
            if let Err(e) = super::dates::parse_date(v) {
                f.errors.push(msg!(
                    "chk-schema-field-problem",
                    field = "issuedOn",
                    problem = e.message()
                ));
            } else if let Ok(w) = super::dates::parse_date(v)
                && let Some(n) = w.note
            {
                f.warnings.push(msg!(
                    "chk-schema-field-problem",
                    field = "issuedOn",
                    problem = n
                ));
            }
        }
    }
    f
}

fn looks_hashed(s: &str) -> bool {
    let (alg, hex) = match s.split_once('$') {
        Some(p) => p,
        None => return false,
    };
    let n = match alg.to_ascii_lowercase().as_str() {
        "md5" => 32,
        "sha256" => 64,
        _ => return false,
    };
    hex.len() == n && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Check an OB 2.0 BadgeClass.
pub fn check_ob2_badge(b: &Value, f: &mut Findings) {
    for key in ["name", "description", "criteria", "image"] {
        require_str(f, b, badge_class, key);
    }
    if b.get("issuer").is_none() {
        f.errors.push(has_no(badge_class(), "issuer"));
    }
}

/// Check an OB 2.0 issuer Profile.
pub fn check_ob2_issuer(p: &Value, f: &mut Findings) {
    for key in ["name", "url"] {
        require_str(f, p, issuer, key);
    }
    if p.get("email").is_none() {
        f.warnings.push(has_no(issuer(), "email"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn english(m: &[Message]) -> Vec<String> {
        m.iter().map(Message::english).collect()
    }

    #[test]
    fn ob3_rules() {
        let good = json!({
            "@context": [VC_V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": "https://example.edu/issuers/1"}, "validFrom": "2010-01-01T00:00:00Z",
            "name": "x",
            "credentialSubject": {"id": "did:example:1", "achievement": {"name": "a", "criteria": {"narrative": "n"}}}
        });
        assert_eq!(check_ob3(&good), Findings::default());
        let mut bad = good.clone();
        bad["@context"] = json!(["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
        assert!(
            check_ob3(&bad).errors[0]
                .english()
                .starts_with("@context must start with")
        );
        let mut bad = good.clone();
        bad["type"] = json!(["VerifiableCredential", "OtherCredential"]);
        assert!(
            check_ob3(&bad).errors[0]
                .english()
                .starts_with("type must include OpenBadgeCredential")
        );
        let mut bad = good.clone();
        bad["issuer"] = json!(42);
        assert_eq!(
            english(&check_ob3(&bad).errors),
            vec!["issuer must be a URI or a profile object".to_string()]
        );
    }

    #[test]
    fn ob2_rules() {
        let a = json!({"id": "https://example.org/a", "type": "Assertion", "@context": "https://w3id.org/openbadges/v2",
            "recipient": {"type": "email", "hashed": true, "identity": "sha256$abc"},
            "badge": "https://example.org/b", "verification": {"type": "hosted"}, "issuedOn": "2016-12-31T23:59:59Z"});
        assert_eq!(
            english(&check_ob2_assertion(&a).errors),
            vec!["recipient is hashed but identity is not sha256$hex or md5$hex".to_string()]
        );
    }

    /// Every finding is a catalog message: the English detail is as before, word for word,
    /// and the Spanish one a translation (property names stay as written).
    #[test]
    fn findings_are_messages_in_the_learners_language() {
        use crate::i18n::{Catalog, Lang};
        let es = Catalog::get(Lang::Es);
        // A credential wrong in every way it can be, and an OB 2.0 assertion likewise.
        let bad3 = json!({"@context": ["https://example.org/ctx"], "type": "Thing", "id": 5,
            "issuer": {"id": "no uri"}, "credentialSubject": {"achievement": {"criteria": {}}}});
        let clr = json!({"@context": [VC_V1], "type": ["VerifiableCredential", "ClrCredential"],
            "issuer": "https://example.org/i", "credentialSubject": 5});
        let older = json!({"@context": [VC_V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"],
            "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": 4,
            "credentialSubject": [{"achievement": 3}, {}]});
        let bad2 = json!({"id": "x", "@context": "https://w3id.org/openbadges/v2", "type": "Other",
            "recipient": {"hashed": false, "identity": "sha256$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
            "issuedOn": "yesterday"});
        let no_identity = json!({"recipient": {"identity": ""}, "issuedOn": "2016-12-31"});
        let mut f = check_ob2_assertion(&bad2);
        check_ob2_badge(&json!({"name": "", "criteria": {}}), &mut f);
        check_ob2_issuer(&json!({"name": 3}), &mut f);
        let mut all: Vec<Message> = Vec::new();
        for g in [
            check_ob3(&bad3),
            check_ob3(&clr),
            check_ob3(&older),
            check_ob3(&json!([])),
            check_ob2_assertion(&json!(1)),
            check_ob2_assertion(&no_identity),
            f,
        ] {
            all.extend(g.errors);
            all.extend(g.warnings);
        }
        assert!(all.len() > 30, "{}", all.len());
        for m in &all {
            assert!(matches!(m, Message::Id(..)), "not from the catalog: {m}");
            // "issuedOn: <problem>": the problem is src/verify/dates.rs's own sentence (its
            // DateError and lenient-read note), translated there, not here.
            if matches!(m, Message::Id(id, _) if id == "chk-schema-field-problem") {
                continue;
            }
            let spanish = m.render(es);
            assert_ne!(spanish, m.english(), "not translated: {m}");
            assert!(
                !spanish.contains("chk-") && !spanish.contains("{$"),
                "{spanish}"
            );
        }
        // The detail line: plural, and the subject the verifiers name.
        let mut f = Findings::default();
        assert_eq!(
            f.detail("the credential").english(),
            "the credential has every required property"
        );
        assert_eq!(
            f.detail(what_assertion_badge_issuer()).render(es),
            "todas las propiedades obligatorias están en la aserción, su clase de insignia y su emisor"
        );
        f.warnings.push(has_no(issuer(), "email"));
        f.warnings.push(msg!("chk-schema-credential-no-name"));
        assert_eq!(
            f.detail("the assertion").english(),
            "the assertion has every required property (note: issuer has no email; the credential has no name)"
        );
        assert_eq!(
            f.detail("the assertion").render(es),
            "todas las propiedades obligatorias están en la aserción (nota: el emisor no tiene email; la credencial no tiene name)"
        );
        f.errors.push(missing("issuer"));
        assert_eq!(f.detail("the credential").english(), "issuer is missing");
        f.errors.push(missing("validFrom"));
        assert_eq!(
            f.detail("the credential").english(),
            "issuer is missing (and 1 more problem)"
        );
        f.errors.push(missing("name"));
        assert_eq!(
            f.detail("the credential").english(),
            "issuer is missing (and 2 more problems)"
        );
        assert_eq!(
            f.detail("the credential").render(es),
            "falta issuer (y 2 problemas más)"
        );
    }
}
