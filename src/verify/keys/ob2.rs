//! OB 2.0 signed assertions: the signing key and its link to the issuer
//! (<https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#SignedBadge>:
//! "Do not trust a key that is not properly linked from the issuer Profile").
//!
//! - The key id is the URL it was fetched from (`verification.creator`, OB 1.x `verify.url`);
//!   the CryptographicKey document there must not call itself anything else, and its `owner`
//!   claim is ignored: a key document on any host could claim any owner.
//! - The issuer profile is the one fetched from the issuer's own id — never an inline copy
//!   inside the assertion or badge class — and that exact key URL must be in its `publicKey`.

use serde_json::Value;

use super::{
    Binding, Evidence, EvidenceKind, Fetched, KeyError, PublicKey, ResolvedKey, Resolver, is_http,
    same_id,
};
use crate::localize::{Localize, Message, msg};
use crate::verify::fetch::Doc;

const ACCEPT_KEY: &str =
    "application/ld+json, application/json, application/x-pem-file, text/plain";

impl Resolver<'_> {
    /// The RSA key at `key_url` (a CryptographicKey JSON document, or a bare PEM for OB 1.x).
    pub fn ob2_key(&self, key_url: &str) -> Result<ResolvedKey, KeyError> {
        let unavailable = |reason: Message| KeyError::Unavailable {
            id: key_url.to_owned(),
            reason,
        };
        let invalid = |reason: Message| KeyError::Invalid {
            id: key_url.to_owned(),
            reason,
        };
        if !is_http(key_url) {
            return Err(invalid(msg!(
                "chk-key-ob2-id-not-http",
                key = format!("{key_url:?}")
            )));
        }
        let doc = self
            .docs
            .get(key_url, ACCEPT_KEY)
            .map_err(|e| unavailable(e.message()))?;
        match doc.status {
            200..=299 => {}
            s if s >= 500 => return Err(unavailable(http_status(key_url, s))),
            s => return Err(invalid(http_status(key_url, s))),
        }
        if super::origin(&doc.url) != super::origin(key_url) {
            return Err(invalid(msg!(
                "chk-key-ob2-redirected",
                url = key_url,
                to = &doc.url
            )));
        }
        let text = String::from_utf8_lossy(&doc.body);
        if text.trim_start().starts_with("-----BEGIN") {
            return Ok(ResolvedKey {
                id: key_url.to_owned(),
                key: PublicKey::RsaPem(text.trim().to_owned()),
                controller: None,
            });
        }
        let k: Value = doc
            .json()
            .map_err(|_| invalid(msg!("chk-key-ob2-not-json-or-pem", url = key_url)))?;
        if let Some(id) = k.get("id").and_then(Value::as_str)
            && !same_id(id, key_url)
        {
            return Err(invalid(msg!(
                "chk-key-key-doc-declares",
                url = key_url,
                id = id
            )));
        }
        let pem = k
            .get("publicKeyPem")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid(msg!("chk-key-ob2-no-pem", url = key_url)))?;
        Ok(ResolvedKey {
            id: key_url.to_owned(),
            key: PublicKey::RsaPem(pem.trim().to_owned()),
            controller: None,
        })
    }

    /// The issuer profile fetched from its own id.
    fn ob2_profile(&self, issuer_id: &str) -> Result<(Doc, Value), Binding> {
        if !is_http(issuer_id) {
            return Err(Binding::Unconfirmed(msg!(
                "chk-key-ob2-issuer-not-http",
                issuer = issuer_id
            )));
        }
        // Like the profile check of hosted badges: its `id` may differ from the URL only
        // within the origin that served it.
        match self.fetch(issuer_id, super::ACCEPT_KEYS) {
            Fetched::Doc(d, v) => match v.get("id").and_then(Value::as_str) {
                Some(id) if super::origin(id) != super::origin(issuer_id) => {
                    Err(Binding::Unconfirmed(msg!(
                        "chk-key-ob2-profile-other-origin",
                        url = issuer_id,
                        id = id
                    )))
                }
                _ => Ok((d, v)),
            },
            Fetched::Unavailable(why) => Err(Binding::Unconfirmed(msg!(
                "chk-key-ob2-profile-unreadable",
                why = why
            ))),
            Fetched::Bad(why) => Err(Binding::Unconfirmed(why)),
        }
    }

    /// The key URLs the issuer profile (fetched from `issuer_id`) lists in `publicKey`.
    pub fn ob2_listed_keys(&self, issuer_id: &str) -> Result<Vec<String>, Binding> {
        let (_, v) = self.ob2_profile(issuer_id)?;
        Ok(public_keys(&v))
    }

    /// Is `key` (fetched from its URL) listed in the `publicKey` of the issuer profile fetched
    /// from `issuer_id`?
    pub fn ob2_bind(&self, key: &ResolvedKey, issuer_id: Option<&str>) -> Binding {
        let Some(issuer_id) = issuer_id.filter(|i| !i.is_empty()) else {
            return Binding::Unconfirmed(msg!("chk-key-ob2-no-issuer-id"));
        };
        let (doc, v) = match self.ob2_profile(issuer_id) {
            Ok(x) => x,
            Err(b) => return b,
        };
        if public_keys(&v).iter().any(|k| same_id(k, &key.id)) {
            Binding::Bound(Evidence::from_doc(EvidenceKind::Ob2Profile, &doc, ""))
        } else {
            Binding::Refused(msg!(
                "chk-key-ob2-not-listed",
                key = &key.id,
                issuer = issuer_id
            ))
        }
    }
}

/// "`url` answered http `status`".
fn http_status(url: &str, status: u16) -> Message {
    msg!(
        "chk-fetch-http-status",
        url = url,
        status = u32::from(status)
    )
}

/// `publicKey`: a URL, a key object with an id, or a list of either.
fn public_keys(profile: &Value) -> Vec<String> {
    let items: Vec<&Value> = match profile.get("publicKey") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(|k| match k {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o.get("id").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        })
        .collect()
}
