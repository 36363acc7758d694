//! Open Badges 2.0 and 1.x: signed (JWS) and hosted assertions. OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> (spec
//! algorithm), OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> (BADGECHECK behaviour and the OB 1.x upgrade rules), real-world quirks (tests/fixtures/README.md).
//!
//! Spec: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#verification>.
//!
//! **Signed**: the JWS (RS256; a lower-case `rs256` header is accepted, real-world quirks (tests/fixtures/README.md)) is checked with
//! the `verification.creator` CryptographicKey's `publicKeyPem` (OB 1.x: `verify.url`), which
//! is fetched; the key id is the URL it was fetched from, and that exact URL must be in the
//! `publicKey` of the issuer profile fetched from the issuer's own id ("do not trust a key
//! that is not properly linked from the issuer Profile"); a key document's `owner` claim is
//! never trusted ([`super::keys::ob2`]). Then the issuer's `revocationList` (entries as ids,
//! `{id, revocationReason}`, legacy `{uid}`).
//!
//! **Hosted**: the assertion `id` URL is fetched again (`Accept: application/ld+json,
//! application/json`) and the hosted copy is the truth: its fields are the ones verified.
//! The served copy's `id` must be the URL it was served from (after redirects); the scope
//! check (`verification.allowedOrigins` / `startsWith`, by default the issuer id's origin) is
//! made on that final URL, with the verification policy of the issuer profile fetched from
//! the issuer's own id. HTTP 410 or `"revoked": true` is revoked (`status` fail); 404 is a
//! `hosted` fail; a hosted copy whose recipient or badge differs from the local one fails;
//! offline is a `hosted` error.
//!
//! The issuer profile is always the one served at the issuer's id: an inline profile in a
//! badge class (or its `verification` and `publicKey`) is never trusted, since whoever wrote
//! the badge class wrote it. Badge classes given as URLs are fetched (network on) or read
//! from the cache.

use crate::localize::Localize as _;
use serde_json::{Map, Value, json};

use super::report::{CheckId, Outcome, Report};
use super::schema::{self, Findings};
use super::status::{revoked_by_issuer, with_note};
use super::{NetFail, Run, dates, recipient};
use crate::localize::{Message, msg};
use crate::model::Format;
use crate::parse::ParsedCredential;

pub mod hosted;
pub mod signed;

pub use hosted::hosted_scope;
use hosted::{Hosted, differs, hosted};
use signed::signed;

pub(super) const ACCEPT_JSONLD: &str = "application/ld+json, application/json";

/// Apply the OB 0.5 / 1.0 / 1.1 upgrade rules that matter for verification (§2.3):
/// `verify` → `verification`, string recipient → IdentityObject, `issued_on` → `issuedOn`,
/// 1.0 id from `verify.url` (hosted), issuer `origin`/`contact` → `url`/`email`.
pub fn upgrade(doc: &Value) -> Value {
    let Value::Object(src) = doc else {
        return doc.clone();
    };
    let mut o: Map<String, Value> = src.clone();
    if !o.contains_key("verification")
        && let Some(v) = o.get("verify").cloned()
    {
        o.insert("verification".into(), v);
    }
    if let Some(Value::String(r)) = o.get("recipient").cloned() {
        let hashed = !r.contains('@');
        let mut ident = json!({"type": "email", "identity": r, "hashed": hashed});
        if let Some(salt) = o.get("salt").cloned() {
            ident["salt"] = salt;
        }
        o.insert("recipient".into(), ident);
    }
    if !o.contains_key("issuedOn")
        && let Some(v) = o.get("issued_on").cloned()
    {
        o.insert("issuedOn".into(), v);
    }
    let vtype = o
        .get("verification")
        .and_then(|v| v.get("type"))
        .and_then(Value::as_str)
        .map(str::to_ascii_lowercase);
    if !o.contains_key("id") {
        let url = o
            .get("verification")
            .and_then(|v| v.get("url"))
            .and_then(Value::as_str)
            .map(str::to_string);
        match (vtype.as_deref(), url) {
            (Some("hosted") | Some("hostedbadge"), Some(u)) => {
                o.insert("id".into(), Value::String(u));
            }
            _ => {
                if let Some(uid) = o.get("uid").and_then(Value::as_str) {
                    o.insert("id".into(), Value::String(format!("urn:uid:{uid}")));
                }
            }
        }
    }
    // OB 0.5: the badge embeds an issuer with origin/contact.
    if let Some(Value::Object(b)) = o.get_mut("badge")
        && let Some(Value::Object(i)) = b.get_mut("issuer")
    {
        for (old, new) in [("origin", "url"), ("contact", "email")] {
            if !i.contains_key(new)
                && let Some(v) = i.get(old).cloned()
            {
                i.insert(new.into(), v);
            }
        }
    }
    Value::Object(o)
}

/// A node given inline or by URL; fetched when it is a URL.
enum Node {
    Got(Value),
    /// Could not get it: outcome (error or fail) and why.
    Missing(Outcome, Message),
}

/// What a fetched node is, for the details that name it.
#[derive(Clone, Copy)]
enum What {
    BadgeClass,
    IssuerProfile,
    RevocationList,
}

impl What {
    /// "the badge class", …
    fn the(self) -> Message {
        match self {
            What::BadgeClass => msg!("chk-ob2-the-badge-class"),
            What::IssuerProfile => msg!("chk-ob2-the-issuer-profile"),
            What::RevocationList => msg!("chk-ob2-the-revocation-list"),
        }
    }

    /// "badge class", … (after "has no").
    fn bare(self) -> Message {
        match self {
            What::BadgeClass => msg!("chk-ob2-badge-class"),
            What::IssuerProfile => msg!("chk-ob2-issuer-profile"),
            What::RevocationList => msg!("chk-ob2-revocation-list"),
        }
    }
}

/// The node, and the cache note of the copy read (when it came from the cache).
fn node(run: &Run<'_>, v: Option<&Value>, what: What) -> (Node, Option<Message>) {
    let missing = |o, m| (Node::Missing(o, m), None);
    match v {
        Some(Value::String(url)) if url.starts_with("http://") || url.starts_with("https://") => {
            match run.get_json(url, ACCEPT_JSONLD) {
                Ok((doc, note)) => (Node::Got(doc), note),
                Err(NetFail::Unavailable(e)) => missing(
                    Outcome::Error,
                    msg!("chk-ob2-could-not-fetch", what = what.the(), error = e),
                ),
                Err(NetFail::Status(code, u)) if code >= 500 => missing(
                    Outcome::Error,
                    msg!(
                        "chk-ob2-could-not-fetch-http",
                        what = what.the(),
                        url = u,
                        code = code.to_string()
                    ),
                ),
                Err(e) => missing(
                    Outcome::Fail,
                    msg!(
                        "chk-ob2-cannot-be-read",
                        what = what.the(),
                        error = e.message()
                    ),
                ),
            }
        }
        Some(Value::String(s)) => missing(
            Outcome::Fail,
            msg!(
                "chk-ob2-not-http-url",
                what = what.the(),
                value = format!("{s:?}")
            ),
        ),
        Some(o @ Value::Object(_)) => (Node::Got(o.clone()), None),
        Some(_) => missing(
            Outcome::Fail,
            msg!("chk-ob2-neither-url-nor-object", what = what.the()),
        ),
        None => missing(
            Outcome::Fail,
            msg!("chk-ob2-assertion-has-no", what = what.bare()),
        ),
    }
}

/// The issuer profile of a badge class, always fetched from the issuer's own id: an inline
/// profile (and its `verification` / `publicKey`) was written by whoever wrote the badge
/// class, so only its `id` is used.
fn issuer_node(run: &Run<'_>, badge: &Value) -> Node {
    match badge.get("issuer") {
        Some(Value::String(url)) if url.starts_with("http://") || url.starts_with("https://") => {
            profile_at(run, url)
        }
        Some(Value::Object(o)) => match o.get("id").and_then(Value::as_str) {
            Some(id) if id.starts_with("http://") || id.starts_with("https://") => {
                profile_at(run, id)
            }
            Some(id) => Node::Missing(
                Outcome::Error,
                msg!("chk-ob2-issuer-inline-not-http", id = id),
            ),
            None => Node::Missing(Outcome::Error, msg!("chk-ob2-issuer-inline-no-id")),
        },
        other => node(run, other, What::IssuerProfile).0,
    }
}

/// The issuer profile served at `url`: it must be served by that origin and call itself by
/// that URL (a profile elsewhere could claim any id and any verification policy).
fn profile_at(run: &Run<'_>, url: &str) -> Node {
    let what = What::IssuerProfile.the();
    let got = match run.get(url, ACCEPT_JSONLD) {
        Ok(g) => g,
        Err(e) => {
            return Node::Missing(
                Outcome::Error,
                msg!("chk-ob2-could-not-fetch", what = what, error = e.message()),
            );
        }
    };
    match got.status {
        200..=299 => {}
        s if s >= 500 => {
            return Node::Missing(
                Outcome::Error,
                msg!(
                    "chk-ob2-could-not-fetch-http",
                    what = what,
                    url = url,
                    code = s.to_string()
                ),
            );
        }
        s => {
            return Node::Missing(
                Outcome::Fail,
                msg!(
                    "chk-ob2-answered-http",
                    what = what,
                    url = url,
                    code = s.to_string()
                ),
            );
        }
    }
    if origin(&got.url) != origin(url) {
        return Node::Missing(
            Outcome::Fail,
            msg!(
                "chk-ob2-redirected-elsewhere",
                what = what,
                url = url,
                to = &got.url
            ),
        );
    }
    let v: Value = match got.json() {
        Ok(v @ Value::Object(_)) => v,
        _ => {
            return Node::Missing(
                Outcome::Fail,
                msg!("chk-ob2-not-json-object", what = what, url = url),
            );
        }
    };
    // Its `id` may differ from the URL (1EdTech's own fixtures serve `…/issuer.json` as
    // `…/issuer`), but only within the origin that served it: a profile elsewhere could claim
    // any issuer's id and any verification policy.
    match v.get("id").and_then(Value::as_str) {
        Some(id) if origin(id) != origin(url) => Node::Missing(
            Outcome::Fail,
            msg!(
                "chk-ob2-declares-other-origin",
                what = what,
                url = url,
                id = id
            ),
        ),
        Some(_) => Node::Got(v),
        None => {
            let mut v = v;
            v["id"] = Value::String(url.to_owned());
            Node::Got(v)
        }
    }
}

pub(super) fn id_of(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(o) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// `scheme://host[:port]` of a URL.
pub(super) fn origin(u: &str) -> Option<String> {
    let o = url::Url::parse(u).ok()?.origin();
    o.is_tuple().then(|| o.ascii_serialization())
}

pub(super) fn host(u: &str) -> Option<String> {
    url::Url::parse(u)
        .ok()?
        .host_str()
        .map(str::to_ascii_lowercase)
}

pub(super) fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

pub(crate) fn verify(run: &Run<'_>, p: &ParsedCredential, r: &mut Report) {
    let local = upgrade(&p.document);
    let mut doc = local.clone();
    let mut hosted_status: Option<(Outcome, Message)> = None;
    // The URL the hosted copy was served from (after redirects): the scope is checked on it.
    let mut served: Option<String> = None;

    if p.format == Format::Ob2Signed {
        r.set(
            CheckId::Hosted,
            Outcome::Skipped,
            msg!("chk-ob2-signed-nothing-hosted"),
        );
    } else {
        r.set(
            CheckId::Proof,
            Outcome::Skipped,
            msg!("chk-ob2-hosted-no-signature"),
        );
        r.set(
            CheckId::IssuerKey,
            Outcome::Skipped,
            msg!("chk-ob2-hosted-no-key"),
        );
        match hosted(run, p, &local) {
            Hosted::Truth(h, detail, served_at) => {
                served = Some(served_at);
                if h.get("revoked").and_then(Value::as_bool) == Some(true) {
                    let why = revoked_by_issuer(h.get("revocationReason").and_then(Value::as_str));
                    hosted_status = Some((Outcome::Fail, why));
                    r.set(CheckId::Hosted, Outcome::Pass, detail);
                    // A revocation notice may hold only id and revoked: keep verifying the local copy.
                    if h.get("recipient").is_some() {
                        doc = upgrade(&h);
                    }
                } else if let Some(diff) = differs(&local, &h) {
                    r.set(
                        CheckId::Hosted,
                        Outcome::Fail,
                        msg!("chk-ob2-hosted-differs", diff = diff),
                    );
                    doc = upgrade(&h);
                } else {
                    r.set(CheckId::Hosted, Outcome::Pass, detail);
                    doc = upgrade(&h);
                }
            }
            Hosted::Gone(url) => {
                served = Some(url.clone());
                r.set(
                    CheckId::Hosted,
                    Outcome::Pass,
                    msg!("chk-ob2-gone", url = url),
                );
                hosted_status = Some((Outcome::Fail, msg!("chk-ob2-revoked-gone")));
            }
            Hosted::Bad(outcome, detail) => r.set(CheckId::Hosted, outcome, detail),
        }
    }

    // A file holding only the hosted assertion's URL (an SVG `verify` attribute with no JSON,
    // OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>) whose hosted copy was not read: there is nothing to judge, so every
    // check that needs the assertion could not be done ("could not check", never invalid).
    if doc.is_null() {
        let why = msg!("chk-ob2-only-the-url");
        r.set(CheckId::Schema, Outcome::Error, &why);
        r.set(CheckId::Issuer, Outcome::Error, why);
        r.set(
            CheckId::Expiry,
            Outcome::Skipped,
            msg!("chk-ob2-no-dates-to-read"),
        );
        r.set(
            CheckId::NotBefore,
            Outcome::Skipped,
            msg!("chk-ob2-no-dates-to-read"),
        );
        let (so, sd) =
            hosted_status.unwrap_or_else(|| (Outcome::Error, msg!("chk-ob2-hosted-not-confirmed")));
        r.set(CheckId::Status, so, sd);
        r.set(
            CheckId::Recipient,
            Outcome::Skipped,
            msg!("chk-ob2-no-recipient-to-read"),
        );
        return;
    }

    // Badge class and issuer.
    let mut f = schema::check_ob2_assertion(&doc);
    let badge = match node(run, doc.get("badge"), What::BadgeClass).0 {
        Node::Got(b) => Some(b),
        Node::Missing(o, d) => {
            r.set(CheckId::Issuer, o, d);
            None
        }
    };
    let issuer = match badge.as_ref().map(|b| issuer_node(run, b)) {
        Some(Node::Got(i)) => Some(i),
        Some(Node::Missing(o, d)) => {
            r.set(CheckId::Issuer, o, d);
            None
        }
        None => None,
    };
    if let Some(b) = &badge {
        schema::check_ob2_badge(b, &mut f);
    }
    if let Some(i) = &issuer {
        schema::check_ob2_issuer(i, &mut f);
    }
    set_schema(r, &f, badge.is_some() && issuer.is_some());

    if p.format == Format::Ob2Signed {
        signed(run, p, &doc, issuer.as_ref(), r);
    }

    if let Some(i) = &issuer {
        let name = match i.get("name").and_then(Value::as_str) {
            Some(n) => Message::from(n),
            None => msg!("chk-ob2-unnamed-issuer"),
        };
        let iid = match i.get("id").and_then(Value::as_str) {
            Some(id) => Message::from(id),
            None => msg!("chk-ob2-no-id"),
        };
        if p.format == Format::Ob2Hosted {
            match &served {
                Some(at) => {
                    let (o, d) = hosted_scope(at, i);
                    r.set(
                        CheckId::Issuer,
                        o,
                        msg!("chk-ob2-issuer-scope", name = name, id = iid, detail = d),
                    );
                }
                None => r.set(
                    CheckId::Issuer,
                    Outcome::Error,
                    msg!("chk-ob2-issuer-not-served", name = name, id = iid),
                ),
            }
        } else {
            r.set(
                CheckId::Issuer,
                Outcome::Pass,
                msg!("chk-ob2-issued-by", name = name, id = iid),
            );
        }
    }

    let ((eo, ed), (no, nd)) = dates::check(&doc, run.ctx.clock.now());
    r.set(CheckId::Expiry, eo, ed);
    r.set(CheckId::NotBefore, no, nd);

    let status = if let Some(s) = hosted_status {
        s
    } else if doc.get("revoked").and_then(Value::as_bool) == Some(true) {
        (Outcome::Fail, msg!("chk-ob2-says-revoked"))
    } else if p.format == Format::Ob2Signed {
        match &issuer {
            Some(i) => revocation_list(run, &doc, i),
            None => (Outcome::Error, msg!("chk-ob2-no-issuer-profile")),
        }
    } else {
        match r.get(CheckId::Hosted).map(|c| c.outcome) {
            Some(Outcome::Pass) => (Outcome::Pass, msg!("chk-ob2-hosted-live")),
            _ => (Outcome::Error, msg!("chk-ob2-hosted-not-confirmed")),
        }
    };
    r.set(CheckId::Status, status.0, status.1);

    let (ro, rd) = recipient::check_ob2(doc.get("recipient"), run.ctx.recipients);
    r.set(CheckId::Recipient, ro, rd);
}

fn set_schema(r: &mut Report, f: &Findings, complete: bool) {
    if !f.errors.is_empty() {
        r.set(CheckId::Schema, Outcome::Fail, f.detail("the assertion"));
    } else if complete {
        r.set(
            CheckId::Schema,
            Outcome::Pass,
            f.detail("the assertion, its badge class and issuer"),
        );
    } else {
        r.set(
            CheckId::Schema,
            Outcome::Error,
            msg!("chk-ob2-schema-incomplete"),
        );
    }
}

fn revocation_list(run: &Run<'_>, doc: &Value, issuer: &Value) -> (Outcome, Message) {
    let list = match issuer.get("revocationList") {
        None => return (Outcome::Pass, msg!("chk-ob2-no-revocation-list")),
        Some(v) => node(run, Some(v), What::RevocationList),
    };
    let (list, note) = match list {
        (Node::Got(l), n) => (l, n),
        (Node::Missing(Outcome::Fail, d), _) => return (Outcome::Fail, d),
        (Node::Missing(_, d), _) => return (Outcome::Error, d),
    };
    let id = doc.get("id").and_then(Value::as_str).unwrap_or("");
    let uid = doc.get("uid").and_then(Value::as_str);
    let entries = list.get("revokedAssertions");
    let hit = |e: &Value| -> Option<Option<String>> {
        let reason = e
            .get("revocationReason")
            .and_then(Value::as_str)
            .map(str::to_string);
        let m = match e {
            Value::String(s) => s == id,
            Value::Object(o) => {
                o.get("id").and_then(Value::as_str) == Some(id)
                    || (uid.is_some() && o.get("uid").and_then(Value::as_str) == uid)
            }
            _ => false,
        };
        m.then_some(reason)
    };
    // OB 1.1: an object keyed by uid/id → reason.
    if let (None, Value::Object(map)) = (entries, &list) {
        for key in [Some(id), uid].into_iter().flatten() {
            if let Some(reason) = map.get(key) {
                let why = match reason.as_str() {
                    Some(r) => Message::from(r),
                    None => msg!("chk-ob2-no-reason-given"),
                };
                return (
                    Outcome::Fail,
                    with_note(msg!("chk-status-revoked-why", why = why), note),
                );
            }
        }
    }
    if let Some(Value::Array(a)) = entries
        && let Some(reason) = a.iter().find_map(hit)
    {
        return (
            Outcome::Fail,
            with_note(revoked_by_issuer(reason.as_deref()), note),
        );
    }
    (
        Outcome::Pass,
        with_note(msg!("chk-status-not-on-list"), note),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_rules() {
        let i = json!({"id": "https://example.org/organization.json"});
        assert_eq!(
            hosted_scope("https://example.org/a.json", &i).0,
            Outcome::Pass
        );
        assert_eq!(
            hosted_scope("https://evil.example/a.json", &i).0,
            Outcome::Fail
        );
        let i = json!({"id": "http://example.org/i", "verification": {"allowedOrigins": ["example.com", "example.org"]}});
        assert_eq!(
            hosted_scope("https://example.org/a.json", &i).0,
            Outcome::Pass
        );
        let i = json!({"id": "http://example.org/i", "verification": {"startsWith": "https://example.org/NOT"}});
        let (o, d) = hosted_scope("https://example.org/a.json", &i);
        assert_eq!(o, Outcome::Fail, "{d}");
        // An issuer that is not a URL has no origin to host its assertions on.
        let i = json!({"id": "urn:uuid:1"});
        assert_eq!(
            hosted_scope("https://example.org/a.json", &i).0,
            Outcome::Error
        );
    }

    #[test]
    fn upgrades_ob05_and_10() {
        let a = upgrade(
            &json!({"recipient": "sha256$abc", "salt": "s", "issued_on": "2013-01-01",
                                 "badge": {"issuer": {"origin": "https://x", "contact": "a@x"}}}),
        );
        assert_eq!(
            a["recipient"],
            json!({"type": "email", "identity": "sha256$abc", "hashed": true, "salt": "s"})
        );
        assert_eq!(a["issuedOn"], "2013-01-01");
        assert_eq!(a["badge"]["issuer"]["url"], "https://x");
        let a =
            upgrade(&json!({"uid": "1", "verify": {"type": "hosted", "url": "https://x/a.json"}}));
        assert_eq!(a["id"], "https://x/a.json");
        assert_eq!(a["verification"]["type"], "hosted");
    }
}
