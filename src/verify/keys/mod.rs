//! Key resolution and issuer binding: the one place that says which public key checks a
//! signature and **whether the issuer controls it**. Every proof type calls it: Data
//! Integrity proofs, VC-JWTs, OB 2.0 signed assertions ([`ob2`]), status lists and the
//! presentation proof of a received portfolio.
//!
//! A correct signature proves the bytes are unchanged, not who made them. So resolution gives
//! two things: the key material a signature is checked with, and — separately — the evidence
//! that the issuer controls that key ([`Binding`]). The rules (W3C Controlled Identifiers
//! <https://www.w3.org/TR/cid-1.0/#retrieve-verification-method>, VC Data Integrity
//! <https://www.w3.org/TR/vc-data-integrity/#retrieve-verification-method>, DID Core
//! <https://www.w3.org/TR/did-core/#assertion>, OB 3.0 key provenance
//! <https://www.imsglobal.org/spec/ob/v3p0/impl#key-provenance>):
//!
//! - The controller of a key is the DID itself (`did:key`, `did:jwk`: the key *is* the
//!   identifier), or the URL of the document that lists the key under the proof's
//!   relationship (`assertionMethod` for credentials) — a DID document of a `did:web`, an
//!   https controller document fetched from that URL. Never a `controller`, `owner` or `id` a
//!   document declares about itself: a key document that names another controller counts
//!   only when that controller's own document links back to the key.
//! - A key is the issuer's when its controller is the issuer, or when a source the issuer
//!   controls lists it: the issuer's DID document, the document at the issuer's own https id,
//!   or its key set at `https://{issuer host}/.well-known/jwks.json`.
//! - A verification method whose fragment *is* a multikey (`https://uni.edu/issuer#z6Mk…`,
//!   as 1EdTech's fixtures use) gives the key to check the signature with, never the
//!   binding: anyone can write any fragment. The same holds for a VC-JWT header `jwk`.
//! - Key documents are hostile input: fetched with the learner's consent (or read from the
//!   wallet's copy, with its date), size-capped, refused when they redirect to another origin
//!   or when their `id` is not the URL they were fetched from.
//!
//! [`Binding::Bound`] carries its [`Evidence`] ("confirmed from the issuer's key document
//! fetched on 3 May 2026"). [`Binding::Unconfirmed`] is "could not check" (offline, an issuer
//! id such as `urn:uuid:` that nothing can be fetched for); [`Binding::Refused`] is invalid: a
//! source the issuer controls was read and does not list the key, or the key is another
//! DID's.

mod did;
mod jwk;
mod multikey;
pub mod ob2;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use did::{did_of, did_web_url};
pub use jwk::{decoding_key, key_from_jwk, same_key};
pub use multikey::{
    did_key_from_ed25519, did_key_verification_method, ed25519_from_base58, ed25519_from_multikey,
    multikey_from_ed25519,
};

use super::fetch::{Doc, Documents};
use crate::env::Clock;
use crate::localize::{Localize, Message, msg};

/// A verification key's public material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// A raw Ed25519 public key.
    Ed25519([u8; 32]),
    /// A public JWK (RSA or EC P-256), for VC-JWT.
    Jwk(Value),
    /// An RSA public key in PEM (OB 2.0 `CryptographicKey.publicKeyPem`).
    RsaPem(String),
}

/// What says a key belongs to someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A `did:key` / `did:jwk`: the identifier is the key.
    SelfCertifying,
    /// A `did:web` DID document lists it.
    DidDocument,
    /// An https controller document (the issuer's own URL) lists it.
    IssuerDocument,
    /// The issuer's JWK set lists it.
    KeySet,
    /// An OB 2.0 issuer profile lists it in `publicKey`.
    Ob2Profile,
}

/// The evidence that a key is controlled by someone: which document, from where, fetched when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// What kind of source.
    pub kind: EvidenceKind,
    /// The document's URL (or the DID, for a self-certifying key).
    pub source: Option<String>,
    /// When the document was fetched (RFC 3339), if one was.
    pub fetched_at: Option<String>,
    /// True when the wallet's copy was used (the network was off).
    pub from_cache: bool,
    /// The relationship the document lists the key under (`assertionMethod`).
    pub purpose: String,
}

impl Evidence {
    fn from_doc(kind: EvidenceKind, doc: &Doc, purpose: &str) -> Evidence {
        Evidence {
            kind,
            source: Some(doc.url.clone()),
            fetched_at: Some(doc.fetched_at.clone()),
            from_cache: doc.from_cache,
            purpose: purpose.to_owned(),
        }
    }

    /// One phrase, e.g. "confirmed from the issuer's key document `https://uni.edu/issuer`,
    /// fetched on 3 May 2026" (a catalog message: English is that text, the date in words of
    /// the learner's language).
    pub fn describe(&self) -> Message {
        let src = self.source.as_deref().unwrap_or("?");
        let when = match self.fetched_at.as_deref() {
            Some(t) => {
                let day = super::evidence::date_message(t);
                if self.from_cache {
                    msg!("chk-key-fetched-on-cached", day = day)
                } else {
                    msg!("chk-key-fetched-on", day = day)
                }
            }
            None => Message::Text(String::new()),
        };
        let under = if self.purpose.is_empty() {
            Message::Text(String::new())
        } else {
            msg!("chk-key-listed-under", purpose = &self.purpose)
        };
        match self.kind {
            EvidenceKind::SelfCertifying => msg!("chk-key-evidence-self", src = src),
            EvidenceKind::DidDocument => {
                msg!(
                    "chk-key-evidence-did-doc",
                    src = src,
                    when = when,
                    under = under
                )
            }
            EvidenceKind::IssuerDocument => {
                msg!(
                    "chk-key-evidence-key-doc",
                    src = src,
                    when = when,
                    under = under
                )
            }
            EvidenceKind::KeySet => msg!("chk-key-evidence-key-set", src = src, when = when),
            EvidenceKind::Ob2Profile => {
                msg!("chk-key-evidence-ob2-profile", src = src, when = when)
            }
        }
    }
}

/// Who controls a key, as established by a source (never by a document's claim about itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controller {
    /// The DID, or the URL of the document that lists the key.
    pub id: String,
    /// What established it.
    pub evidence: Evidence,
}

/// A resolved key: the material to check a signature with, and its controller when a source
/// established one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedKey {
    /// The verification method id / key id as resolved.
    pub id: String,
    /// The key.
    pub key: PublicKey,
    /// Its established controller, if any (none for a fragment multikey read offline, a
    /// header `jwk`, a bare JWK document).
    pub controller: Option<Controller>,
}

/// Whether a key is the issuer's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    /// The issuer controls the key; here is how we know.
    Bound(Evidence),
    /// Could not be established (offline, an issuer id nothing can be fetched for): "signature
    /// intact, issuer not confirmed". The reason is a catalog message (`Display`: English).
    Unconfirmed(Message),
    /// A source the issuer controls was read and does not list the key, or the key is
    /// another identifier's: invalid.
    Refused(Message),
}

/// Why a key could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Resolving needs a document that could not be read: could not check.
    #[error("could not resolve {id}: {reason}")]
    Unavailable {
        /// The verification method.
        id: String,
        /// Why (a catalog message; `Display`: English).
        reason: Message,
    },
    /// The key material is malformed, of the wrong type, or not where it must be: invalid.
    #[error("bad key {id}: {reason}")]
    Invalid {
        /// The verification method.
        id: String,
        /// Why (a catalog message; `Display`: English).
        reason: Message,
    },
}

impl Localize for KeyError {
    fn message(&self) -> Message {
        match self {
            KeyError::Unavailable { id, reason } => {
                msg!(
                    "err-keyres-unavailable",
                    id = key_label(id),
                    reason = reason
                )
            }
            KeyError::Invalid { id, reason } => {
                msg!("err-keyres-invalid", id = key_label(id), reason = reason)
            }
        }
    }
}

/// The id given to a key found in a VC-JWT header `jwk` (it has no id of its own).
pub const HEADER_JWK_ID: &str = "the key in the token header (jwk)";
/// The id given to a token that names no key.
pub const NO_KEY_ID: &str = "(none)";

/// A key id as shown in a sentence: the id itself, or (for the two stand-in ids a token
/// without a key id gets, [`HEADER_JWK_ID`] and [`NO_KEY_ID`]) their words.
pub fn key_label(id: &str) -> Message {
    match id {
        HEADER_JWK_ID => msg!("chk-key-header-jwk-id"),
        NO_KEY_ID => msg!("chk-key-no-key-id"),
        _ => Message::Text(id.to_owned()),
    }
}

/// Oldest copy of a key document the wallet may use as evidence offline: a binding read from
/// an older copy is "issuer not confirmed" until the document is fetched again. The old report
/// and the documents it used stay in the wallet (evidence history).
pub const KEY_EVIDENCE_MAX_AGE_DAYS: i64 = 365;

const ACCEPT_KEYS: &str =
    "application/did+ld+json, application/did+json, application/ld+json, application/json";
const ACCEPT_JWKS: &str = "application/jwk-set+json, application/json";

/// Resolves keys and binds them to issuers, reading documents through [`Documents`].
pub struct Resolver<'a> {
    docs: &'a dyn Documents,
    clock: &'a dyn Clock,
}

fn norm(id: &str) -> &str {
    if id.starts_with("http://") || id.starts_with("https://") {
        id.trim_end_matches('/')
    } else {
        id
    }
}

/// Two ids name the same thing (exact, ignoring a trailing `/` on http(s) URLs).
pub fn same_id(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

fn is_http(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

fn origin(u: &str) -> Option<String> {
    let o = url::Url::parse(u).ok()?.origin();
    o.is_tuple().then(|| o.ascii_serialization())
}

/// An id in a document, made absolute against the document's URL (`#key-1` → `URL#key-1`).
fn absolute(candidate: &str, doc_id: &str) -> String {
    if candidate.starts_with('#') {
        format!("{}{candidate}", doc_id.split('#').next().unwrap_or(doc_id))
    } else {
        candidate.to_owned()
    }
}

/// Why key material (a Multikey, a base58 key, a JWK, a PEM, a `did:web`) is unusable. The
/// messages are the report's detail lines.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyMaterialError {
    #[error("publicKeyMultibase is not a string")]
    MultibaseNotString,
    #[error("publicKeyMultibase is not base58btc (does not start with 'z')")]
    MultibaseNotBase58btc,
    /// The property name.
    #[error("{0} is too long for an Ed25519 key")]
    TooLong(&'static str),
    /// The property, the encoding's name, the decoder's reason.
    #[error("{0} is not valid {1}: {2}")]
    Base58(&'static str, &'static str, String),
    /// The first two bytes, hex.
    #[error("multikey prefix 0x{0} is not Ed25519 (0xed01); only Ed25519 keys are supported")]
    NotEd25519Multikey(String),
    #[error("Ed25519 multikey holds {0} key bytes, expected 32")]
    MultikeyLength(usize),
    #[error("publicKeyBase58 holds {0} bytes, expected 32")]
    Base58Length(usize),
    #[error("the verification method has no publicKeyMultibase, publicKeyJwk or publicKeyBase58")]
    NoMaterial,
    #[error("the JWK is not a JSON object")]
    JwkNotObject,
    #[error("the JWK holds a private key (\"d\"); refusing it")]
    JwkPrivate,
    #[error("unsupported OKP curve {0:?} (only Ed25519)")]
    OkpCurve(String),
    #[error("the Ed25519 JWK has no \"x\"")]
    OkpNoX,
    #[error("the Ed25519 JWK \"x\" is not base64url")]
    OkpXNotBase64url,
    #[error("the Ed25519 JWK \"x\" holds {0} bytes, expected 32")]
    OkpXLength(usize),
    #[error("the RSA JWK lacks n or e")]
    RsaMissing,
    #[error("the RSA JWK modulus is shorter than 2048 bits")]
    RsaShort,
    #[error("unsupported EC curve {0:?} (only P-256)")]
    EcCurve(String),
    #[error("the EC JWK lacks x or y")]
    EcMissing,
    #[error("the EC JWK coordinates are not 32 bytes")]
    EcLength,
    #[error("unsupported JWK key type {0:?}")]
    Kty(String),
    #[error("the JWK has no kty")]
    NoKty,
    /// What was given ("RSA JWK", "EC JWK", "RSA PEM") and the library's reason.
    #[error("bad {0}: {1}")]
    Library(&'static str, String),
    #[error("{0} is not a did:web")]
    NotDidWeb(String),
    #[error("did:web host {0:?} is not a valid domain name")]
    DidWebHost(String),
    #[error("did:web port {0:?} is not a number")]
    DidWebPort(String),
    #[error("did:web path segment {0:?} is not allowed")]
    DidWebSegment(String),
}

impl Localize for KeyMaterialError {
    fn message(&self) -> Message {
        use KeyMaterialError as E;
        let debug = |s: &str| Message::Text(format!("{s:?}"));
        match self {
            E::MultibaseNotString => msg!("err-keymat-multibase-not-string"),
            E::MultibaseNotBase58btc => msg!("err-keymat-multibase-not-base58btc"),
            E::TooLong(property) => msg!("err-keymat-too-long", property = *property),
            E::Base58(property, encoding, detail) => msg!(
                "err-keymat-base58",
                property = *property,
                encoding = *encoding,
                detail = detail
            ),
            E::NotEd25519Multikey(prefix) => {
                msg!("err-keymat-not-ed25519-multikey", prefix = prefix)
            }
            E::MultikeyLength(n) => msg!("err-keymat-multikey-length", n = n),
            E::Base58Length(n) => msg!("err-keymat-base58-length", n = n),
            E::NoMaterial => msg!("err-keymat-no-material"),
            E::JwkNotObject => msg!("err-keymat-jwk-not-object"),
            E::JwkPrivate => msg!("err-keymat-jwk-private"),
            E::OkpCurve(crv) => msg!("err-keymat-okp-curve", crv = debug(crv)),
            E::OkpNoX => msg!("err-keymat-okp-no-x"),
            E::OkpXNotBase64url => msg!("err-keymat-okp-x-not-base64url"),
            E::OkpXLength(n) => msg!("err-keymat-okp-x-length", n = n),
            E::RsaMissing => msg!("err-keymat-rsa-missing"),
            E::RsaShort => msg!("err-keymat-rsa-short"),
            E::EcCurve(crv) => msg!("err-keymat-ec-curve", crv = debug(crv)),
            E::EcMissing => msg!("err-keymat-ec-missing"),
            E::EcLength => msg!("err-keymat-ec-length"),
            E::Kty(kty) => msg!("err-keymat-kty", kty = debug(kty)),
            E::NoKty => msg!("err-keymat-no-kty"),
            E::Library(what, detail) => msg!("err-keymat-library", what = *what, detail = detail),
            E::NotDidWeb(id) => msg!("err-keymat-not-did-web", id = id),
            E::DidWebHost(host) => msg!("err-keymat-did-web-host", host = debug(host)),
            E::DidWebPort(port) => msg!("err-keymat-did-web-port", port = debug(port)),
            E::DidWebSegment(seg) => msg!("err-keymat-did-web-segment", segment = debug(seg)),
        }
    }
}

/// The key material of a verification method object (Multikey, Ed25519VerificationKey2020 /
/// 2018, JsonWebKey2020 / JsonWebKey, CryptographicKey).
fn material(method: &Value) -> Result<PublicKey, KeyMaterialError> {
    if let Some(mb) = method.get("publicKeyMultibase") {
        let mb = mb.as_str().ok_or(KeyMaterialError::MultibaseNotString)?;
        return ed25519_from_multikey(mb).map(PublicKey::Ed25519);
    }
    if let Some(jwk) = method.get("publicKeyJwk") {
        return key_from_jwk(jwk);
    }
    if let Some(b58) = method.get("publicKeyBase58").and_then(Value::as_str) {
        return ed25519_from_base58(b58).map(PublicKey::Ed25519);
    }
    if let Some(pem) = method.get("publicKeyPem").and_then(Value::as_str) {
        return Ok(PublicKey::RsaPem(pem.trim().to_owned()));
    }
    if method.get("kty").is_some() {
        return key_from_jwk(method);
    }
    Err(KeyMaterialError::NoMaterial)
}

/// The method objects a controller document defines (`verificationMethod`, and methods
/// embedded under a relationship), with absolute ids.
fn methods<'v>(doc: &'v Value, doc_id: &str) -> Vec<(String, &'v Value)> {
    let mut out = Vec::new();
    for list in [
        "verificationMethod",
        "assertionMethod",
        "authentication",
        "publicKey",
    ] {
        let items: Vec<&Value> = match doc.get(list) {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v @ Value::Object(_)) => vec![v],
            _ => continue,
        };
        for m in items {
            if let Some(id) = m.get("id").and_then(Value::as_str) {
                out.push((absolute(id, doc_id), m));
            }
        }
    }
    out
}

/// The ids listed under `purpose` (references or embedded methods), absolute.
fn listed_ids(doc: &Value, purpose: &str, doc_id: &str) -> Vec<String> {
    let items: Vec<&Value> = match doc.get(purpose) {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ (Value::String(_) | Value::Object(_))) => vec![v],
        _ => return Vec::new(),
    };
    items
        .iter()
        .filter_map(|m| match m {
            Value::String(s) => Some(absolute(s, doc_id)),
            Value::Object(_) => m
                .get("id")
                .and_then(Value::as_str)
                .map(|s| absolute(s, doc_id)),
            _ => None,
        })
        .collect()
}

/// The Ed25519 multikey a method id's fragment spells (`…#z6Mk…`), for checking a signature
/// when the document is not available. It binds nothing.
fn fragment_key(vm: &str) -> Option<ResolvedKey> {
    let (_, frag) = vm.split_once('#')?;
    let pk = ed25519_from_multikey(frag).ok()?;
    Some(ResolvedKey {
        id: vm.to_owned(),
        key: PublicKey::Ed25519(pk),
        controller: None,
    })
}

/// A controller / key document fetched for a URL, checked: 2xx JSON, no redirect to another
/// origin, its own `id` (if any) is the URL it was fetched from.
enum Fetched {
    Doc(Doc, Value),
    /// Nothing to read (offline, unreachable, not 2xx): could not check.
    Unavailable(Message),
    /// Read, but unusable or lying about itself: invalid as a key source.
    Bad(Message),
}

impl<'a> Resolver<'a> {
    /// A resolver reading documents from `docs`; `clock` dates the evidence's age.
    pub fn new(docs: &'a dyn Documents, clock: &'a dyn Clock) -> Resolver<'a> {
        Resolver { docs, clock }
    }

    fn fetch(&self, url: &str, accept: &str) -> Fetched {
        let doc = match self.docs.get(url, accept) {
            Ok(d) => d,
            Err(e) => return Fetched::Unavailable(e.message()),
        };
        if !doc.ok() {
            return Fetched::Unavailable(msg!(
                "chk-fetch-http-status",
                url = url,
                status = u32::from(doc.status)
            ));
        }
        if doc.from_cache {
            let age = chrono::DateTime::parse_from_rfc3339(&doc.fetched_at)
                .map(|t| (self.clock.now() - t.with_timezone(&chrono::Utc)).num_days())
                .unwrap_or(i64::MAX);
            if age > KEY_EVIDENCE_MAX_AGE_DAYS {
                return Fetched::Unavailable(msg!(
                    "chk-key-copy-too-old",
                    url = url,
                    day = super::evidence::date_message(&doc.fetched_at),
                    days = KEY_EVIDENCE_MAX_AGE_DAYS
                ));
            }
        }
        if origin(&doc.url) != origin(url) {
            return Fetched::Bad(msg!("chk-key-redirected", url = url, to = &doc.url));
        }
        let v = match doc.json() {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => return Fetched::Bad(msg!("chk-key-not-object", url = url)),
            Err(e) => return Fetched::Bad(e.message()),
        };
        Fetched::Doc(doc, v)
    }

    /// Fetch a controller document and check that it does not claim another identity.
    fn controller_doc(&self, url: &str) -> Fetched {
        match self.fetch(url, ACCEPT_KEYS) {
            Fetched::Doc(doc, v) => match v.get("id").and_then(Value::as_str) {
                Some(id) if !same_id(id, url) => {
                    Fetched::Bad(msg!("chk-key-doc-declares", url = url, id = id))
                }
                _ => Fetched::Doc(doc, v),
            },
            other => other,
        }
    }

    /// Does the document (of `doc_id`) list `key` under `purpose`: by its id, or (for a method
    /// named only by its key, such as `#z6Mk…`) by the same key material? A listed method
    /// object that declares another `controller` counts only when that controller's own
    /// document links back to the key.
    fn lists_key(&self, doc: &Value, doc_id: &str, key: &ResolvedKey, purpose: &str) -> bool {
        self.lists_key_at(doc, doc_id, key, purpose, 0)
    }

    fn lists_key_at(
        &self,
        doc: &Value,
        doc_id: &str,
        key: &ResolvedKey,
        purpose: &str,
        depth: u8,
    ) -> bool {
        let listed = listed_ids(doc, purpose, doc_id);
        let defined = methods(doc, doc_id);
        let method_of = |id: &str| {
            defined
                .iter()
                .find(|(d, _)| same_id(d, id))
                .map(|(_, m)| *m)
        };
        // The method's own controller claim, if it names someone other than this document.
        // (depth u8::MAX: only "is it listed", for reading key material.)
        let delegated_ok = |m: Option<&Value>| -> bool {
            if depth == u8::MAX {
                return true;
            }
            let Some(c) = m.and_then(|m| m.get("controller")).and_then(Value::as_str) else {
                return true;
            };
            if same_id(did_of(c), did_of(doc_id)) || same_id(c, doc_id) {
                return true;
            }
            if depth > 0 {
                return false;
            }
            if let Some(Ok(k)) = did::self_certifying_key(c) {
                return same_key(&k, &key.key);
            }
            self.back_link_at(c, key, purpose, depth + 1).is_some()
        };
        listed.iter().any(|l| {
            if same_id(l, &key.id) {
                return delegated_ok(method_of(l));
            }
            method_of(l).is_some_and(|m| {
                material(m).is_ok_and(|k| same_key(&k, &key.key)) && delegated_ok(Some(m))
            })
        })
    }

    /// Resolve a verification method (or a JWT `kid` that is a DID URL or an http(s) URL) for
    /// a proof with this `purpose` (`assertionMethod`, `authentication`).
    pub fn resolve(&self, vm: &str, purpose: &str) -> Result<ResolvedKey, KeyError> {
        let invalid = |reason: Message| KeyError::Invalid {
            id: vm.chars().take(200).collect(),
            reason,
        };
        if vm.len() > 4096 {
            return Err(invalid(msg!("chk-key-vm-too-long", max = 4096u32)));
        }
        if vm.starts_with("did:key:") {
            return did::resolve_did_key(vm);
        }
        if vm.starts_with("did:jwk:") {
            return did::resolve_did_jwk(vm);
        }
        if vm.starts_with("did:web:") {
            return self.resolve_did_web(vm, purpose);
        }
        if is_http(vm) {
            return self.resolve_http(vm, purpose);
        }
        // urn:uuid:…#z6Mk… and other ids nothing can be fetched for: the fragment may give the
        // key to check the signature with; who controls it stays unknown.
        if let Some(k) = fragment_key(vm) {
            return Ok(k);
        }
        let scheme = vm.split(':').take(2).collect::<Vec<_>>().join(":");
        Err(KeyError::Unavailable {
            id: vm.to_owned(),
            reason: msg!("chk-key-scheme-unresolvable", scheme = scheme),
        })
    }

    fn resolve_did_web(&self, vm: &str, purpose: &str) -> Result<ResolvedKey, KeyError> {
        let invalid = |reason: Message| KeyError::Invalid {
            id: vm.to_owned(),
            reason,
        };
        let did = did_of(vm);
        let url = did_web_url(did).map_err(|e| invalid(e.message()))?;
        let (doc, v) = match self.fetch(&url, ACCEPT_KEYS) {
            Fetched::Doc(d, v) => (d, v),
            Fetched::Unavailable(why) => {
                // The signature can still be checked with a key spelled in the fragment; the
                // DID document is the only thing that could say whose key it is.
                return fragment_key(vm).ok_or(KeyError::Unavailable {
                    id: vm.to_owned(),
                    reason: why,
                });
            }
            Fetched::Bad(why) => return Err(invalid(why)),
        };
        if v.get("id").and_then(Value::as_str) != Some(did) {
            return Err(invalid(msg!(
                "chk-key-did-doc-not-for",
                url = &url,
                did = did
            )));
        }
        let key = self.method_in(&v, did, vm, purpose, &url)?;
        let controller = self.controls(&v, did, &key, purpose).then(|| Controller {
            id: did.to_owned(),
            evidence: Evidence::from_doc(EvidenceKind::DidDocument, &doc, purpose),
        });
        Ok(ResolvedKey { controller, ..key })
    }

    /// The method `vm` as defined in a controller document, which must list it under
    /// `purpose`. A method named by its own key (`#z6Mk…`) may be listed under another id with
    /// the same key.
    fn method_in(
        &self,
        v: &Value,
        doc_id: &str,
        vm: &str,
        purpose: &str,
        url: &str,
    ) -> Result<ResolvedKey, KeyError> {
        let invalid = |reason: Message| KeyError::Invalid {
            id: vm.to_owned(),
            reason,
        };
        let defined = methods(v, doc_id);
        let by_id = defined.iter().find(|(id, _)| same_id(id, vm));
        let key = match by_id {
            Some((_, m)) => ResolvedKey {
                id: vm.to_owned(),
                key: material(m).map_err(|e| invalid(at(url, &e)))?,
                controller: None,
            },
            None => match fragment_key(vm) {
                Some(k) => k,
                None => return Err(invalid(msg!("chk-key-not-listed", url = url, key = vm))),
            },
        };
        if !self.lists_key_at(v, doc_id, &key, purpose, u8::MAX) {
            return Err(invalid(msg!(
                "chk-key-not-listed-under",
                url = url,
                key = vm,
                purpose = purpose
            )));
        }
        Ok(key)
    }

    /// The document lists the key and no method object there hands it to another controller
    /// that does not link back: only then is the document's owner its controller.
    fn controls(&self, v: &Value, doc_id: &str, key: &ResolvedKey, purpose: &str) -> bool {
        self.lists_key(v, doc_id, key, purpose)
    }

    fn resolve_http(&self, vm: &str, purpose: &str) -> Result<ResolvedKey, KeyError> {
        let invalid = |reason: Message| KeyError::Invalid {
            id: vm.to_owned(),
            reason,
        };
        let (base, fragment) = match vm.split_once('#') {
            Some((b, f)) => (b, Some(f)),
            None => (vm, None),
        };
        let (doc, v) = match self.fetch(base, ACCEPT_KEYS) {
            Fetched::Doc(d, v) => (d, v),
            Fetched::Unavailable(why) => {
                return fragment_key(vm).ok_or(KeyError::Unavailable {
                    id: vm.to_owned(),
                    reason: why,
                });
            }
            Fetched::Bad(why) => return Err(invalid(why)),
        };
        let declared = v.get("id").and_then(Value::as_str);
        // A JWK set: the key is found by its kid; the set says nothing about a controller.
        if let Some(keys) = v.get("keys").and_then(Value::as_array) {
            let want = |k: &&Value| {
                k.get("kid")
                    .and_then(Value::as_str)
                    .is_some_and(|kid| kid == vm || Some(kid) == fragment)
            };
            let jwk = keys
                .iter()
                .find(want)
                .ok_or_else(|| invalid(msg!("chk-key-set-no-key", url = base, key = vm)))?;
            return Ok(ResolvedKey {
                id: vm.to_owned(),
                key: key_from_jwk(jwk).map_err(|e| invalid(at(base, &e)))?,
                controller: None,
            });
        }
        // A document that is the key itself (a Multikey / JWK / CryptographicKey document).
        let is_key_doc = (declared.is_some_and(|d| same_id(d, vm)) || fragment.is_none())
            && material(&v).is_ok();
        if is_key_doc {
            if let Some(d) = declared
                && !same_id(d, vm)
                && !same_id(d, base)
            {
                return Err(invalid(msg!(
                    "chk-key-key-doc-declares",
                    url = base,
                    id = d
                )));
            }
            let key = ResolvedKey {
                id: vm.to_owned(),
                key: material(&v).map_err(|e| invalid(at(base, &e)))?,
                controller: None,
            };
            // It may name a controller; that counts only if the controller's own document
            // links back to this key under `purpose`.
            let controller = v
                .get("controller")
                .and_then(Value::as_str)
                .and_then(|c| self.back_link(c, &key, purpose));
            return Ok(ResolvedKey { controller, ..key });
        }
        if let Some(d) = declared
            && !same_id(d, base)
        {
            return Err(invalid(msg!("chk-key-doc-declares", url = base, id = d)));
        }
        // A controller document listing the method: the controller is the URL it came from.
        let key = self.method_in(&v, base, vm, purpose, base)?;
        let controller = self.controls(&v, base, &key, purpose).then(|| Controller {
            id: doc.url.split('#').next().unwrap_or(base).to_owned(),
            evidence: Evidence::from_doc(EvidenceKind::IssuerDocument, &doc, purpose),
        });
        Ok(ResolvedKey { controller, ..key })
    }

    /// `controller`'s own document lists `key` under `purpose`: the controller, established.
    fn back_link(&self, controller: &str, key: &ResolvedKey, purpose: &str) -> Option<Controller> {
        self.back_link_at(controller, key, purpose, 0)
    }

    fn back_link_at(
        &self,
        controller: &str,
        key: &ResolvedKey,
        purpose: &str,
        depth: u8,
    ) -> Option<Controller> {
        let (url, kind, doc_id) = if controller.starts_with("did:web:") {
            (
                did_web_url(controller).ok()?,
                EvidenceKind::DidDocument,
                controller.to_owned(),
            )
        } else if is_http(controller) {
            (
                controller.to_owned(),
                EvidenceKind::IssuerDocument,
                controller.to_owned(),
            )
        } else {
            return None;
        };
        let Fetched::Doc(doc, v) = self.controller_doc(&url) else {
            return None;
        };
        if kind == EvidenceKind::DidDocument
            && v.get("id").and_then(Value::as_str) != Some(controller)
        {
            return None;
        }
        self.lists_key_at(&v, &doc_id, key, purpose, depth)
            .then(|| Controller {
                id: controller.to_owned(),
                evidence: Evidence::from_doc(kind, &doc, purpose),
            })
    }

    /// The key of a VC-JWT / JWS from its header: the header `jwk` (material only: nothing in
    /// a token can bind its own key), or the `kid` — a DID URL, an http(s) URL (a JWK, a JWK
    /// set or a controller document), `#fragment` relative to the issuer id, or a bare key id
    /// looked up in the issuer's key set.
    pub fn resolve_jwt(
        &self,
        header: &Map<String, Value>,
        issuer: Option<&str>,
    ) -> Result<ResolvedKey, KeyError> {
        let kid = header.get("kid").and_then(Value::as_str);
        if let Some(jwk) = header.get("jwk") {
            let id = kid.unwrap_or(HEADER_JWK_ID).to_owned();
            let key = key_from_jwk(jwk).map_err(|e| KeyError::Invalid {
                id: id.clone(),
                reason: msg!("chk-key-header-jwk", problem = e.message()),
            })?;
            return Ok(ResolvedKey {
                id,
                key,
                controller: None,
            });
        }
        let Some(kid) = kid else {
            return Err(KeyError::Invalid {
                id: NO_KEY_ID.into(),
                reason: msg!("chk-key-token-no-key"),
            });
        };
        if kid.starts_with("did:") || is_http(kid) {
            return self.resolve(kid, "assertionMethod");
        }
        if kid.starts_with('#')
            && let Some(i) = issuer.filter(|i| i.starts_with("did:") || is_http(i))
        {
            return self.resolve(&format!("{i}{kid}"), "assertionMethod");
        }
        // A bare key id: look it up in the issuer's key set.
        let Some(url) = issuer.and_then(jwks_url) else {
            return Err(KeyError::Invalid {
                id: kid.to_owned(),
                reason: msg!("chk-key-kid-unresolvable"),
            });
        };
        let (doc, set) = match self.fetch(&url, ACCEPT_JWKS) {
            Fetched::Doc(d, v) => (d, v),
            Fetched::Unavailable(why) => {
                return Err(KeyError::Unavailable {
                    id: kid.to_owned(),
                    reason: why,
                });
            }
            Fetched::Bad(why) => {
                return Err(KeyError::Invalid {
                    id: kid.to_owned(),
                    reason: why,
                });
            }
        };
        let jwk = set
            .get("keys")
            .and_then(Value::as_array)
            .and_then(|ks| {
                ks.iter()
                    .find(|k| k.get("kid").and_then(Value::as_str) == Some(kid))
            })
            .ok_or_else(|| KeyError::Invalid {
                id: kid.to_owned(),
                reason: msg!("chk-key-issuer-set-no-key", url = &url, key = kid),
            })?;
        let key = key_from_jwk(jwk).map_err(|e| KeyError::Invalid {
            id: kid.to_owned(),
            reason: at(&url, &e),
        })?;
        let issuer = issuer.unwrap_or_default();
        Ok(ResolvedKey {
            id: kid.to_owned(),
            key,
            controller: jwk_iss_ok(jwk, issuer).then(|| Controller {
                id: issuer.to_owned(),
                evidence: Evidence::from_doc(EvidenceKind::KeySet, &doc, ""),
            }),
        })
    }

    /// Is `key` the issuer's? See the module docs for the rules.
    pub fn bind(&self, key: &ResolvedKey, issuer: Option<&str>, purpose: &str) -> Binding {
        let Some(issuer) = issuer.filter(|i| !i.is_empty()) else {
            return Binding::Refused(msg!("chk-key-no-issuer-id"));
        };
        if let Some(c) = &key.controller
            && same_id(&c.id, issuer)
        {
            return Binding::Bound(c.evidence.clone());
        }
        let signed_by = match &key.controller {
            Some(c) => msg!(
                "chk-key-signed-by-controlled",
                key = key_label(&key.id),
                controller = &c.id
            ),
            None => msg!("chk-key-signed-by", key = key_label(&key.id)),
        };
        if let Some(own) = did::self_certifying_key(issuer) {
            return match own {
                Ok(k) if same_key(&k, &key.key) => Binding::Bound(Evidence {
                    kind: EvidenceKind::SelfCertifying,
                    source: Some(did_of(issuer).to_owned()),
                    fetched_at: None,
                    from_cache: false,
                    purpose: String::new(),
                }),
                Ok(_) => Binding::Refused(msg!(
                    "chk-key-self-certifying-other",
                    issuer = issuer,
                    signed_by = signed_by
                )),
                Err(e) => Binding::Refused(msg!("chk-key-issuer-bad-did", problem = e.message())),
            };
        }
        if issuer.starts_with("did:web:") {
            let url = match did_web_url(issuer) {
                Ok(u) => u,
                Err(e) => {
                    return Binding::Refused(msg!(
                        "chk-key-issuer-id-problem",
                        issuer = issuer,
                        problem = e.message()
                    ));
                }
            };
            return match self.fetch(&url, ACCEPT_KEYS) {
                Fetched::Doc(doc, v) => {
                    if v.get("id").and_then(Value::as_str) != Some(did_of(issuer)) {
                        Binding::Unconfirmed(msg!(
                            "chk-key-not-did-doc-of",
                            url = &url,
                            issuer = issuer
                        ))
                    } else if self.lists_key(&v, did_of(issuer), key, purpose) {
                        Binding::Bound(Evidence::from_doc(EvidenceKind::DidDocument, &doc, purpose))
                    } else {
                        Binding::Refused(msg!(
                            "chk-key-did-doc-not-listing",
                            url = &url,
                            signed_by = signed_by,
                            purpose = purpose
                        ))
                    }
                }
                Fetched::Unavailable(why) => {
                    Binding::Unconfirmed(msg!("chk-key-did-doc-unreadable", why = why))
                }
                Fetched::Bad(why) => Binding::Unconfirmed(why),
            };
        }
        if is_http(issuer) {
            return self.bind_http(key, issuer, purpose, &signed_by);
        }
        Binding::Unconfirmed(msg!(
            "chk-key-issuer-not-url",
            issuer = issuer,
            signed_by = signed_by
        ))
    }

    fn bind_http(
        &self,
        key: &ResolvedKey,
        issuer: &str,
        purpose: &str,
        signed_by: &Message,
    ) -> Binding {
        let mut refusals = Vec::new();
        let mut unavailable = Vec::new();
        match self.controller_doc(issuer) {
            Fetched::Doc(doc, v) => {
                if self.lists_key(&v, issuer, key, purpose) {
                    return Binding::Bound(Evidence::from_doc(
                        EvidenceKind::IssuerDocument,
                        &doc,
                        purpose,
                    ));
                }
                refusals.push(msg!(
                    "chk-key-issuer-doc-not-listing",
                    issuer = issuer,
                    signed_by = signed_by,
                    purpose = purpose
                ));
            }
            Fetched::Unavailable(why) => {
                unavailable.push(msg!("chk-key-issuer-doc-unreadable", why = why));
            }
            Fetched::Bad(why) => unavailable.push(why),
        }
        if let Some(url) = jwks_url(issuer) {
            match self.fetch(&url, ACCEPT_JWKS) {
                Fetched::Doc(doc, set) => {
                    let keys = set.get("keys").and_then(Value::as_array);
                    let hit = keys.is_some_and(|ks| {
                        ks.iter().any(|j| {
                            jwk_iss_ok(j, issuer)
                                && key_from_jwk(j).is_ok_and(|k| same_key(&k, &key.key))
                        })
                    });
                    if hit {
                        return Binding::Bound(Evidence::from_doc(EvidenceKind::KeySet, &doc, ""));
                    }
                    if keys.is_some() {
                        refusals.push(msg!("chk-key-issuer-set-not-holding", url = &url));
                    }
                }
                Fetched::Unavailable(_) | Fetched::Bad(_) => {}
            }
        }
        if refusals.is_empty() {
            Binding::Unconfirmed(
                Message::join("chk-key-reasons", unavailable)
                    .unwrap_or_else(|| msg!("chk-key-nothing-readable", issuer = issuer)),
            )
        } else {
            Binding::Refused(
                Message::join("chk-key-reasons", refusals)
                    .unwrap_or_else(|| msg!("chk-key-nothing-readable", issuer = issuer)),
            )
        }
    }
}

/// "`url`: `problem`": what is wrong with the key material a document holds.
fn at(url: &str, problem: &KeyMaterialError) -> Message {
    msg!(
        "chk-key-source-problem",
        source = url,
        problem = problem.message()
    )
}

/// `https://{host[:port]}/.well-known/jwks.json` of an https issuer id (OB 3.0 key provenance).
pub fn jwks_url(issuer: &str) -> Option<String> {
    let u = url::Url::parse(issuer).ok()?;
    if u.scheme() != "https" {
        return None;
    }
    let host = u.host_str()?;
    Some(match u.port() {
        Some(p) => format!("https://{host}:{p}/.well-known/jwks.json"),
        None => format!("https://{host}/.well-known/jwks.json"),
    })
}

/// The optional non-standard JWK member `iss`, when present, must be the issuer.
fn jwk_iss_ok(jwk: &Value, issuer: &str) -> bool {
    match jwk.get("iss").and_then(Value::as_str) {
        Some(i) => same_id(i, issuer),
        None => true,
    }
}

#[cfg(test)]
mod tests;
