//! Issuer trust lists: which issuers a learner or their school recognises (issue 12, "Trust
//! labels, information not a gate").
//!
//! An issuer is *known* when its id appears on a trust list the learner imported. The label
//! that says so ([`TrustLabel`]) is **information shown beside the verdict, never a gate**:
//! nothing here is called by [`crate::verify`], a label never changes a [`Report`](crate::verify::Report)'s verdict
//! or [`Status`], and a badge that is not [`Status::Verified`] only *claims* to be from a
//! known issuer (the issuer id in an unverified badge is just text anyone can write; see
//! [`TrustLabel::text`]). Open Badges 3.0 recommends exactly this split: show issuer data as
//! unverified unless the issuer is on a list the verifier trusts
//! (<https://www.imsglobal.org/spec/ob/v3p0/#verification>, "issuer … trusted").
//!
//! # Formats read by [`parse_list`]
//!
//! **1. Our own list, `backpack-trust-list` version 1** (JSON, UTF-8):
//!
//! ```json
//! {
//!   "format": "backpack-trust-list",
//!   "version": 1,
//!   "name": "Example District recognised issuers",
//!   "source": "https://district.example.org/trust.json",
//!   "date": "2026-05-03",
//!   "test": false,
//!   "issuers": [
//!     {
//!       "name": "Example University",
//!       "ids": ["https://example.edu/issuers/1"],
//!       "dids": ["did:web:example.edu"],
//!       "domains": ["example.edu", "*.example.edu"],
//!       "url": "https://example.edu",
//!       "location": "Springfield",
//!       "test": false
//!     }
//!   ]
//! }
//! ```
//!
//! - `format` (required) is exactly `"backpack-trust-list"`; `version` (required) is `1`. A
//!   higher version is refused (it may carry rules this build does not know).
//! - `name` (required, 1–200 characters): what the list is called in every label.
//!   `source` (optional): who publishes it or where it came from. `date` (optional,
//!   `YYYY-MM-DD` or RFC 3339): when the publisher last changed it. `test` (optional,
//!   default `false`): a sandbox or test list; every label from it says so.
//! - `issuers` (required, at most [`MAX_ISSUERS`]): each has a `name` (required) and at
//!   least one of `ids` (issuer ids matched exactly: an https URL, a `urn:`…), `dids`
//!   (DIDs, matched exactly), `domains` (see matching below); optional `url`, `location`
//!   and `test` (this entry is a test issuer).
//! - Unknown fields are refused (a misspelt `"domain"` would otherwise silently match
//!   nothing); new fields come with a new version.
//!
//! **2. The DCC issuer registry** (`dcc-legacy`, the static `registry.json` files of the
//! Digital Credentials Consortium, <https://github.com/digitalcredentials/issuer-registry>):
//! `{"meta": {"created", "updated"}, "registry": {"<DID>": {"name", "location", "url",
//! "legalName"}}}`. Keys are matched exactly, like the DCC client does. The file carries no
//! name of its own: the importer names it (`--name`, default "DCC registry (FILE)"). A list
//! whose name says "sandbox" or "test" (e.g. "DCC Sandbox Registry") is a test list; the
//! importer can also mark any list as one. DCC entries carry no test flag, so an entry whose
//! name says "test" or "sandbox" ("Participate, Inc (TEST)") is a test entry. This matters: the DCC Sandbox Registry lists
//! `did:key`s whose private seeds are published, so anyone can sign as them.
//!
//! Not read: OpenID Federation entity statements (the DCC "oidf" registries answer one
//! issuer at a time over the network, as signed JWTs) and the "known registries" file (a list
//! of registry URLs, not of issuers). Both are refused with a line that says so.
//!
//! # Duplicate keys
//!
//! JSON parsers disagree on a repeated key (JavaScript keeps the last, others the first or
//! refuse), and the DCC Pilot Registry names one DID twice with two different organisations.
//! A trust list that says one key is two organisations cannot be shown honestly, so **a
//! repeated key whose values differ refuses the whole file**, naming the line of the second
//! occurrence; a repeat with an identical value is harmless and kept once. The same holds
//! for an identifier listed twice in our format.
//!
//! # Hostile input
//!
//! A list is untrusted input: at most [`MAX_LIST_BYTES`] bytes, [`MAX_DEPTH`] levels of
//! nesting, [`MAX_ISSUERS`] issuers and [`MAX_IDENTIFIERS`] identifiers, strings capped and
//! free of control characters. Anything wrong refuses the whole file with one line that
//! names the line and column (serde_json's position) — nothing partial is stored.
//!
//! # Matching an issuer id ([`TrustIndex::label`])
//!
//! - `ids` / `dids` / DCC keys: the issuer id string is equal, byte for byte.
//! - `"example.edu"`: an `https://` issuer id whose host is exactly `example.edu` (no
//!   explicit port, no user info), or a `did:web` whose domain is exactly `example.edu`
//!   (`did:web:example.edu`, `did:web:example.edu:issuers:7`): a did:web's DID document is
//!   served from that host, so it is controlled by that domain just as an https issuer URL on
//!   it is. `http://` ids and did:webs with a port (`%3A`) never match a domain.
//! - `"*.example.edu"`: any host strictly below `example.edu` (`www.example.edu`,
//!   `a.b.example.edu`), not `example.edu` itself (list both to mean both). `*.edu`-style
//!   wildcards over a single label are refused.
//!
//! When several entries match, the label names the strongest: an exact id over a domain over a
//! wildcard, a regular list over a test list, then the most recently imported list.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::localize::{Message, msg};
use crate::verify::Status;

/// Largest trust list file read (the DCC registries are under 10 KB).
pub const MAX_LIST_BYTES: usize = 4 * 1024 * 1024;
/// Deepest JSON nesting accepted in a trust list (the formats need 4).
pub const MAX_DEPTH: usize = 16;
/// Most issuers (DCC: registry keys) in one list.
pub const MAX_ISSUERS: usize = 20_000;
/// Most identifiers (ids, DIDs, domains) in one list.
pub const MAX_IDENTIFIERS: usize = 50_000;
/// Most identifiers on one issuer entry.
pub const MAX_IDS_PER_ISSUER: usize = 64;
/// Longest identifier (issuer id, DID, domain), in bytes.
pub const MAX_ID_BYTES: usize = 2048;
/// Longest display name (list or issuer), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest other text (source, url, location, date), in characters.
pub const MAX_TEXT_CHARS: usize = 2048;

/// The `format` value of our own list.
pub const FORMAT_ID: &str = "backpack-trust-list";
/// The newest version of our own list this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// Why a trust list file was refused. Messages are one lower-case line that reads well after
/// `file.json: `; nothing of a refused file is stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrustListError {
    /// Over [`MAX_LIST_BYTES`].
    #[error(
        "{size} bytes is over the {MAX_LIST_BYTES}-byte limit for a trust list (MAX_LIST_BYTES)"
    )]
    TooLarge {
        /// Size of the file.
        size: usize,
    },
    /// Not JSON, or not the shape of the format, at a known position.
    #[error("line {line}, column {column}: {message}; the whole list was refused")]
    At {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong there.
        message: Message,
    },
    /// Not a trust list format we read.
    #[error("{}", .0.english())]
    Unsupported(Message),
    /// Holds no issuer at all.
    #[error("the list names no issuer")]
    Empty,
}

/// Which format a list came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListFormat {
    /// Our own `backpack-trust-list` (version 1).
    Backpack,
    /// A DCC issuer registry file (`dcc-legacy`).
    DccLegacy,
}

impl ListFormat {
    /// Stable id, as stored: `backpack`, `dcc_legacy`.
    pub fn as_str(self) -> &'static str {
        match self {
            ListFormat::Backpack => "backpack",
            ListFormat::DccLegacy => "dcc_legacy",
        }
    }

    /// Parse a stable id.
    pub fn from_id(s: &str) -> Option<ListFormat> {
        match s {
            "backpack" => Some(ListFormat::Backpack),
            "dcc_legacy" => Some(ListFormat::DccLegacy),
            _ => None,
        }
    }

    /// Words for people: "Backpack trust list", "DCC issuer registry".
    pub fn label(self) -> &'static str {
        match self {
            ListFormat::Backpack => "Backpack trust list",
            ListFormat::DccLegacy => "DCC issuer registry",
        }
    }

    /// [`ListFormat::label`] as its catalog message (`trust-format-…`), for the learner's
    /// language.
    pub fn message(self) -> crate::localize::Message {
        match self {
            ListFormat::Backpack => crate::localize::msg!("trust-format-backpack"),
            ListFormat::DccLegacy => crate::localize::msg!("trust-format-dcc"),
        }
    }
}

/// How an entry matches an issuer id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The issuer id, byte for byte (a URL, a `urn:`…).
    Id,
    /// The DID, byte for byte.
    Did,
    /// The host of an https issuer id or the domain of a did:web, exactly.
    Domain,
    /// A host strictly below the domain (`*.example.edu`).
    Subdomain,
}

impl MatchKind {
    /// Stable id, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Id => "id",
            MatchKind::Did => "did",
            MatchKind::Domain => "domain",
            MatchKind::Subdomain => "subdomain",
        }
    }

    /// Parse a stable id.
    pub fn from_id(s: &str) -> Option<MatchKind> {
        match s {
            "id" => Some(MatchKind::Id),
            "did" => Some(MatchKind::Did),
            "domain" => Some(MatchKind::Domain),
            "subdomain" => Some(MatchKind::Subdomain),
            _ => None,
        }
    }

    /// The entry as a list author writes it (`*.example.edu` for a subdomain entry).
    pub fn display(self, value: &str) -> String {
        match self {
            MatchKind::Subdomain => format!("*.{value}"),
            _ => value.to_string(),
        }
    }
}

/// One identifier on a list, with the issuer it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListEntry {
    /// How it matches.
    pub kind: MatchKind,
    /// The id or DID, or the domain in lower case (without `*.` for [`MatchKind::Subdomain`]).
    pub value: String,
    /// The issuer's name as the list gives it.
    pub name: String,
    /// The issuer's web site, as the list gives it.
    pub url: Option<String>,
    /// Where the issuer is, as the list gives it.
    pub location: Option<String>,
    /// The list marks this issuer as a test issuer.
    pub test: bool,
}

/// A trust list file, parsed and checked, not yet stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedList {
    /// Its format.
    pub format: ListFormat,
    /// The name the file gives itself (ours; `None` for DCC files).
    pub name: Option<String>,
    /// Who publishes it, as the file says (ours).
    pub source: Option<String>,
    /// The list's own date (ours: `date`; DCC: `meta.updated`, else `meta.created`).
    pub date: Option<String>,
    /// The file marks the whole list as a test list (ours: `test`).
    pub test: bool,
    /// How many issuers it names.
    pub issuers: usize,
    /// Every identifier, in file order.
    pub entries: Vec<ListEntry>,
    /// Things the learner may want to know (a repeated identical key kept once).
    pub notes: Vec<Message>,
}

/// Parse and check a trust list file (see the module docs for the formats and limits).
pub fn parse_list(bytes: &[u8]) -> Result<ParsedList, TrustListError> {
    if bytes.len() > MAX_LIST_BYTES {
        return Err(TrustListError::TooLarge { size: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    DUPLICATE.with(|d| d.borrow_mut().take());
    REFUSAL.with(|r| r.borrow_mut().take());
    check_depth(bytes)?;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match first {
        Some(b'{') => {}
        Some(b'[') => {
            return Err(TrustListError::Unsupported(msg!(
                "err-trust-list-registries"
            )));
        }
        Some(b'e') if bytes.starts_with(b"eyJ") => {
            return Err(TrustListError::Unsupported(msg!("err-trust-list-token")));
        }
        _ => {
            // Let serde_json say what and where.
            let e = serde_json::from_slice::<IgnoredAny>(bytes)
                .err()
                .unwrap_or_else(|| refuse(msg!("err-tl-not-object")));
            return Err(at(e));
        }
    }
    let probe: Probe = serde_json::from_slice(bytes).map_err(at)?;
    match (probe.format, probe.registry) {
        (Some(f), _) if f == FORMAT_ID => parse_ours(bytes),
        (Some(f), _) => Err(TrustListError::Unsupported(msg!(
            "err-trust-list-format",
            format = format!("{:?}", clip(&f, 60)),
            expected = format!("{FORMAT_ID:?}")
        ))),
        (None, Some(_)) => parse_dcc(bytes),
        (None, None) => Err(TrustListError::Unsupported(msg!(
            "err-trust-list-not-a-list",
            format = format!("\"format\": {FORMAT_ID:?}"),
            registry = "\"registry\""
        ))),
    }
}

/// What is needed to tell the formats apart; everything else is skipped without allocating.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    registry: Option<IgnoredAny>,
}

/// A refusal of this module's own, as the serde error carrying it: serde errors are strings,
/// so the message travels beside it (taken by [`at`]).
fn refuse<E: de::Error>(m: Message) -> E {
    let e = E::custom(m.english());
    REFUSAL.with(|r| *r.borrow_mut() = Some(m));
    e
}

/// A serde_json error → [`TrustListError::At`], without serde_json's own " at line…" suffix.
/// Its words: this module's own refusal ([`refuse`]) as a catalog message; serde's
/// missing, unknown or repeated field named in the catalog; any other complaint of serde's in
/// English as given, and by its category elsewhere (`err-tl-json-…`, `err-tl-bad-value`).
fn at(e: serde_json::Error) -> TrustListError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    let full = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let text = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    let refusal = REFUSAL.with(|r| r.borrow_mut().take());
    let message = match e.classify() {
        Category::Data => match refusal {
            Some(m) if m.english() == text => m,
            _ => serde_data_message(text),
        },
        Category::Syntax => msg!("err-tl-json-syntax", text = text),
        Category::Eof => msg!("err-tl-json-eof", text = text),
        Category::Io => Message::Text(text),
    };
    TrustListError::At {
        line: line.max(1),
        column: column.max(1),
        message,
    }
}

/// serde's own words for a value of the wrong shape (its fixed sentences for fields named by
/// the catalog; any other in English as given, elsewhere by its kind).
fn serde_data_message(text: String) -> Message {
    let field = |rest: &str| {
        rest.split_once('`')
            .map(|(f, tail)| (format!("`{f}`"), tail.to_owned()))
    };
    if let Some((f, tail)) = text.strip_prefix("missing field `").and_then(field)
        && tail.is_empty()
    {
        return msg!("err-tl-missing-field", field = f);
    }
    if let Some((f, tail)) = text.strip_prefix("duplicate field `").and_then(field)
        && tail.is_empty()
    {
        return msg!("err-tl-duplicate-field", field = f);
    }
    if let Some((f, tail)) = text.strip_prefix("unknown field `").and_then(field)
        && let Some(expected) = tail.strip_prefix(", expected one of ")
    {
        return msg!("err-tl-unknown-field", field = f, expected = expected);
    }
    msg!("err-tl-bad-value", text = text)
}

/// Refuse nesting deeper than [`MAX_DEPTH`] before any parser recurses into it.
fn check_depth(bytes: &[u8]) -> Result<(), TrustListError> {
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    let (mut line, mut col) = (1usize, 0usize);
    for &b in bytes {
        if b == b'\n' {
            line += 1;
            col = 0;
        } else if b & 0xC0 != 0x80 {
            col += 1;
        }
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(TrustListError::At {
                        line,
                        column: col,
                        message: msg!("err-tl-too-deep", max = MAX_DEPTH),
                    });
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

// ── checked strings ──

/// Text shown to people: trimmed, 1..=MAX characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Text<const MAX: usize>(String);

impl<'de, const MAX: usize> Deserialize<'de> for Text<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let t = s.trim();
        if t.is_empty() {
            return Err(refuse(msg!("err-tl-empty-text")));
        }
        if t.chars().count() > MAX {
            return Err(refuse(msg!(
                "err-tl-text-long",
                text = format!("{:?}", clip(t, 40)),
                max = MAX
            )));
        }
        if t.chars().any(char::is_control) {
            return Err(refuse(msg!(
                "err-tl-text-control",
                text = format!("{:?}", clip(t, 40))
            )));
        }
        Ok(Text(t.to_string()))
    }
}

type Name = Text<MAX_NAME_CHARS>;
type LongText = Text<MAX_TEXT_CHARS>;

/// Check an identifier (issuer id or DID) as written in a list.
fn check_identifier(s: &str) -> Result<(), Message> {
    let id = || format!("{:?}", clip(s, 40));
    if s.is_empty() {
        return Err(msg!("err-tl-id-empty"));
    }
    if s.len() > MAX_ID_BYTES {
        return Err(msg!("err-tl-id-long", id = id(), max = MAX_ID_BYTES));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(msg!("err-tl-id-spaces", id = id()));
    }
    if !s.contains(':') {
        return Err(msg!("err-tl-id-not-id", id = id()));
    }
    Ok(())
}

/// Check a DID: `did:method:rest`, method in lower-case letters and digits.
fn check_did(s: &str) -> Result<(), Message> {
    check_identifier(s)?;
    let mut parts = s.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("did"), Some(m), Some(rest))
            if !m.is_empty()
                && m.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && !rest.is_empty() =>
        {
            Ok(())
        }
        _ => Err(msg!("err-tl-not-did", id = format!("{:?}", clip(s, 40)))),
    }
}

/// A domain entry → (kind, lower-case domain). `*.example.edu` → subdomains of example.edu.
fn parse_domain(s: &str) -> Result<(MatchKind, String), Message> {
    let bad = |why: &'static str| {
        Err(msg!(
            "err-tl-domain",
            domain = format!("{:?}", clip(s, 60)),
            why = Message::Id(std::borrow::Cow::Borrowed(why), Vec::new())
        ))
    };
    let lower = s.trim().to_ascii_lowercase();
    let (kind, name) = match lower.strip_prefix("*.") {
        Some(rest) => (MatchKind::Subdomain, rest.to_string()),
        None => (MatchKind::Domain, lower.clone()),
    };
    if name.len() > 253 {
        return bad("err-tl-domain-long");
    }
    if name.contains("://") || name.contains('/') || name.contains(':') {
        return bad("err-tl-domain-bare");
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return bad(if kind == MatchKind::Subdomain {
            "err-tl-domain-wildcard-tld"
        } else {
            "err-tl-domain-two-labels"
        });
    }
    for l in &labels {
        let ok = !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-');
        if !ok {
            return bad("err-tl-domain-invalid");
        }
    }
    if labels
        .last()
        .is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()))
    {
        return bad("err-tl-domain-ip");
    }
    Ok((kind, name))
}

/// A JSON array of at most `MAX` items, refused (with position) past that.
struct Bounded<T, const MAX: usize>(Vec<T>);

impl<'de, T: Deserialize<'de>, const MAX: usize> Deserialize<'de> for Bounded<T, MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T, const MAX: usize>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>, const MAX: usize> Visitor<'de> for V<T, MAX> {
            type Value = Bounded<T, MAX>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "an array of at most {MAX} items")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = s.next_element()? {
                    if out.len() == MAX {
                        return Err(refuse(msg!("err-tl-array-large", max = MAX)));
                    }
                    out.push(x);
                }
                Ok(Bounded(out))
            }
        }
        d.deserialize_seq(V::<T, MAX>(std::marker::PhantomData))
    }
}

// ── our format ──

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OurList {
    format: String,
    version: u64,
    name: Name,
    source: Option<LongText>,
    date: Option<LongText>,
    #[serde(default)]
    test: bool,
    issuers: OurIssuers,
}

/// An issuer id in `ids`: checked where it stands (the error names its line).
struct IdStr(MatchKind, String);

impl<'de> Deserialize<'de> for IdStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        check_identifier(&s).map_err(refuse)?;
        let kind = if s.starts_with("did:") {
            MatchKind::Did
        } else {
            MatchKind::Id
        };
        Ok(IdStr(kind, s))
    }
}

/// A DID in `dids`.
struct DidStr(String);

impl<'de> Deserialize<'de> for DidStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        check_did(&s).map_err(refuse)?;
        Ok(DidStr(s))
    }
}

/// A domain in `domains`.
struct DomainStr(MatchKind, String);

impl<'de> Deserialize<'de> for DomainStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let (kind, name) = parse_domain(&s).map_err(refuse)?;
        Ok(DomainStr(kind, name))
    }
}

const ISSUER_FIELDS: &[&str] = &["name", "ids", "dids", "domains", "url", "location", "test"];

/// The `issuers` array, checked issuer by issuer so every refusal has a position: identifiers
/// valid, no identifier listed twice, the counts within the limits.
struct OurIssuers {
    count: usize,
    entries: Vec<ListEntry>,
    notes: Vec<Message>,
}

impl<'de> Deserialize<'de> for OurIssuers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OurIssuers;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of issuers")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<OurIssuers, A::Error> {
                let mut out = OurIssuers {
                    count: 0,
                    entries: Vec::new(),
                    notes: Vec::new(),
                };
                let mut seen = Dedupe::default();
                while s
                    .next_element_seed(IssuerSeed(&mut out, &mut seen))?
                    .is_some()
                {}
                Ok(out)
            }
        }
        d.deserialize_seq(V)
    }
}

/// Reads one issuer object and appends its entries. The checks that need the whole issuer
/// run inside its object, so their errors carry the position of its closing brace.
struct IssuerSeed<'a>(&'a mut OurIssuers, &'a mut Dedupe);

impl<'de> DeserializeSeed<'de> for IssuerSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for IssuerSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an issuer object {name, ids, dids, domains, url, location, test}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        let IssuerSeed(out, seen) = self;
        let mut name: Option<Name> = None;
        let mut url: Option<LongText> = None;
        let mut location: Option<LongText> = None;
        let mut test: Option<bool> = None;
        let mut mine: Vec<(MatchKind, String)> = Vec::new();
        let mut done: Vec<&'static str> = Vec::new();
        while let Some(key) = m.next_key::<String>()? {
            let Some(&field) = ISSUER_FIELDS.iter().find(|f| **f == key) else {
                return Err(de::Error::unknown_field(&key, ISSUER_FIELDS));
            };
            if done.contains(&field) {
                return Err(de::Error::duplicate_field(field));
            }
            done.push(field);
            match field {
                "name" => name = Some(m.next_value()?),
                "url" => url = m.next_value()?,
                "location" => location = m.next_value()?,
                "test" => test = m.next_value()?,
                "ids" => {
                    let v: Bounded<IdStr, MAX_IDS_PER_ISSUER> = m.next_value()?;
                    mine.extend(v.0.into_iter().map(|IdStr(k, s)| (k, s)));
                }
                "dids" => {
                    let v: Bounded<DidStr, MAX_IDS_PER_ISSUER> = m.next_value()?;
                    mine.extend(v.0.into_iter().map(|DidStr(s)| (MatchKind::Did, s)));
                }
                _ => {
                    let v: Bounded<DomainStr, MAX_IDS_PER_ISSUER> = m.next_value()?;
                    mine.extend(v.0.into_iter().map(|DomainStr(k, s)| (k, s)));
                }
            }
        }
        let name = name.ok_or_else(|| de::Error::missing_field("name"))?.0;
        if out.count == MAX_ISSUERS {
            return Err(refuse(msg!("err-tl-issuers-many", max = MAX_ISSUERS)));
        }
        out.count += 1;
        if mine.is_empty() {
            return Err(refuse(msg!(
                "err-tl-issuer-no-ids",
                name = format!("{name:?}")
            )));
        }
        for (kind, value) in mine {
            let e = ListEntry {
                kind,
                value,
                name: name.clone(),
                url: url.as_ref().map(|t| t.0.clone()),
                location: location.as_ref().map(|t| t.0.clone()),
                test: test.unwrap_or(false),
            };
            if let Some(note) = seen.add(&e).map_err(refuse)? {
                out.notes.push(note);
                continue;
            }
            if out.entries.len() == MAX_IDENTIFIERS {
                return Err(refuse(msg!(
                    "err-tl-identifiers-many",
                    max = MAX_IDENTIFIERS
                )));
            }
            out.entries.push(e);
        }
        Ok(())
    }
}

/// Tracks identifiers already listed: the same one again naming the same issuer is kept once
/// (with a note); naming another issuer refuses the file.
#[derive(Default)]
struct Dedupe(std::collections::HashMap<(MatchKind, String), ListEntry>);

impl Dedupe {
    fn add(&mut self, e: &ListEntry) -> Result<Option<Message>, Message> {
        let key = (e.kind, e.value.clone());
        match self.0.get(&key) {
            None => {
                self.0.insert(key, e.clone());
                Ok(None)
            }
            Some(prev) if prev == e => Ok(Some(msg!(
                "err-tl-listed-twice-same",
                id = e.kind.display(&e.value)
            ))),
            Some(prev) => {
                // serde errors are strings: the written form travels beside the error so the
                // message can name the lines where the identifier stands.
                let needle = serde_json::to_string(&e.kind.display(&e.value)).unwrap_or_default();
                DUPLICATE.with(|d| *d.borrow_mut() = Some(needle));
                Err(msg!(
                    "err-tl-listed-twice",
                    id = clip(&e.kind.display(&e.value), 80),
                    a = format!("{:?}", clip(&prev.name, 60)),
                    b = format!("{:?}", clip(&e.name, 60))
                ))
            }
        }
    }
}

thread_local! {
    /// The JSON-quoted identifier of the last duplicate refused on this thread (see
    /// [`Dedupe::add`]); taken by [`at_in`].
    static DUPLICATE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// This module's own refusal last made on this thread ([`refuse`]); taken by [`at`].
    static REFUSAL: std::cell::RefCell<Option<Message>> = const { std::cell::RefCell::new(None) };
}

/// [`at`], and when the error is a refused duplicate, point at the line where the identifier
/// is written the second time (serde's position is the end of the entry) and name the first.
fn at_in(bytes: &[u8]) -> impl Fn(serde_json::Error) -> TrustListError + '_ {
    move |e| {
        let dup = DUPLICATE.with(|d| d.borrow_mut().take());
        let mut err = at(e);
        let (
            Some(needle),
            TrustListError::At {
                line,
                column,
                message,
            },
        ) = (dup, &mut err)
        else {
            return err;
        };
        let needle = needle.as_bytes();
        let hits: Vec<usize> = (0..bytes.len().saturating_sub(needle.len()) + 1)
            .filter(|&i| bytes[i..].starts_with(needle))
            .collect();
        if let [first, second, ..] = hits[..] {
            let pos = |i: usize| {
                let before = &bytes[..i];
                let l = before.iter().filter(|b| **b == b'\n').count() + 1;
                let start = before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |p| p + 1);
                let c = String::from_utf8_lossy(&bytes[start..i]).chars().count() + 1;
                (l, c)
            };
            let ((l1, _), (l2, c2)) = (pos(first), pos(second));
            *line = l2;
            *column = c2;
            if let Message::Id(id, args) = message
                && id == "err-tl-listed-twice"
            {
                *id = std::borrow::Cow::Borrowed("err-tl-listed-twice-first");
                args.push((std::borrow::Cow::Borrowed("first"), l1.into()));
            }
        }
        err
    }
}

fn parse_ours(bytes: &[u8]) -> Result<ParsedList, TrustListError> {
    // The version is checked before the shape: a newer list may use fields v1 refuses.
    #[derive(Deserialize)]
    struct Version {
        version: Option<serde_json::Value>,
    }
    let v: Version = serde_json::from_slice(bytes).map_err(at)?;
    match v.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        Some(n) if n > FORMAT_VERSION => {
            return Err(TrustListError::Unsupported(msg!(
                "err-trust-list-newer",
                format = FORMAT_ID,
                version = n,
                supported = FORMAT_VERSION
            )));
        }
        _ => {
            return Err(TrustListError::Unsupported(msg!(
                "err-trust-list-needs-version",
                format = FORMAT_ID,
                version = format!("\"version\": {FORMAT_VERSION}")
            )));
        }
    }
    let list: OurList = serde_json::from_slice(bytes).map_err(at_in(bytes))?;
    debug_assert_eq!(list.format, FORMAT_ID);
    let _ = list.version;
    if list.issuers.entries.is_empty() {
        return Err(TrustListError::Empty);
    }
    Ok(ParsedList {
        format: ListFormat::Backpack,
        name: Some(list.name.0),
        source: list.source.map(|t| t.0),
        date: list.date.map(|t| t.0),
        test: list.test,
        issuers: list.issuers.count,
        entries: list.issuers.entries,
        notes: list.issuers.notes,
    })
}

// ── DCC legacy registry ──

#[derive(Deserialize)]
struct DccFile {
    meta: Option<DccMeta>,
    registry: DccRegistry,
}

#[derive(Deserialize)]
struct DccMeta {
    created: Option<LongText>,
    updated: Option<LongText>,
}

/// One registry entry. `legalName` is read (so a bad one refuses the file) but labels show
/// `name`, as the DCC client does. Other keys are ignored.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DccEntry {
    name: Name,
    location: Option<LongText>,
    url: Option<LongText>,
    #[allow(dead_code)]
    legal_name: Option<Name>,
}

/// The `registry` object: DID → entry, refusing a repeated key with another entry.
struct DccRegistry {
    entries: Vec<ListEntry>,
    notes: Vec<Message>,
}

impl<'de> Deserialize<'de> for DccRegistry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DccRegistry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object from issuer DIDs to {name, location, url}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<DccRegistry, A::Error> {
                let mut out = DccRegistry {
                    entries: Vec::new(),
                    notes: Vec::new(),
                };
                let mut seen = Dedupe::default();
                while let Some(key) = m.next_key::<String>()? {
                    check_identifier(&key).map_err(refuse)?;
                    let e: DccEntry = m.next_value()?;
                    let kind = if key.starts_with("did:") {
                        MatchKind::Did
                    } else {
                        MatchKind::Id
                    };
                    let name = e.name.0;
                    let entry = ListEntry {
                        kind,
                        value: key,
                        // DCC entries have no test flag: the registries say it in the name
                        // ("… (TEST)", "… Test Issuer", "(Sandbox)").
                        test: name_says_test(&name),
                        url: e.url.map(|t| t.0),
                        location: e.location.map(|t| t.0),
                        name,
                    };
                    if let Some(note) = seen.add(&entry).map_err(refuse)? {
                        out.notes.push(note);
                        continue;
                    }
                    if out.entries.len() == MAX_ISSUERS {
                        return Err(refuse(msg!("err-tl-registry-many", max = MAX_ISSUERS)));
                    }
                    out.entries.push(entry);
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

fn parse_dcc(bytes: &[u8]) -> Result<ParsedList, TrustListError> {
    let f: DccFile = serde_json::from_slice(bytes).map_err(at_in(bytes))?;
    if f.registry.entries.is_empty() {
        return Err(TrustListError::Empty);
    }
    let date = f.meta.and_then(|m| m.updated.or(m.created)).map(|t| t.0);
    Ok(ParsedList {
        format: ListFormat::DccLegacy,
        name: None,
        source: None,
        date,
        test: false,
        issuers: f.registry.entries.len(),
        entries: f.registry.entries,
        notes: f.registry.notes,
    })
}

/// True when a list's name says it is a sandbox or test list ("DCC Sandbox Registry",
/// "Test DCC Member Registry"): its labels then say so.
pub fn name_says_test(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("sandbox") || w.eq_ignore_ascii_case("test"))
}

// ── lookup ──

/// What an issuer id can be matched by besides its exact string: the host of an https id
/// (no port, no user info) or the domain of a did:web (no port), in lower case.
pub fn issuer_host(issuer_id: &str) -> Option<String> {
    if let Some(rest) = issuer_id.strip_prefix("did:web:") {
        let domain = rest.split(':').next()?;
        if domain.is_empty() || domain.contains('%') {
            // %3A is a port: another origin than the bare domain.
            return None;
        }
        let d = domain.to_ascii_lowercase();
        return parse_domain(&d).ok().map(|(_, d)| d);
    }
    if !issuer_id
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
    {
        return None;
    }
    let u = url::Url::parse(issuer_id).ok()?;
    if u.scheme() != "https" || u.port().is_some() || !u.username().is_empty() {
        return None;
    }
    // `domain()` is `None` for IP addresses; the url crate lower-cases and punycodes names.
    u.domain().map(str::to_ascii_lowercase)
}

/// One trust list as stored in the wallet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustList {
    /// Row id.
    pub id: i64,
    /// Its name (unique in the wallet).
    pub name: String,
    /// The format it came in.
    pub format: ListFormat,
    /// Who publishes it or where it came from.
    pub source: String,
    /// The list's own date, as it gives it.
    pub list_date: Option<String>,
    /// A sandbox or test list: every label from it says so.
    pub test: bool,
    /// When it was imported (RFC 3339).
    pub imported_at: String,
    /// How many issuers it names.
    pub issuers: usize,
    /// How many identifiers (ids, DIDs, domains) it holds.
    pub identifiers: usize,
    /// SHA-256 of the imported file (lower-case hex).
    pub sha256: String,
}

/// What a trust list says about an issuer id: information to show beside the verdict, never
/// part of it. Build the words with [`TrustLabel::text`], which needs the badge's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustLabel {
    /// The issuer id that was looked up.
    pub issuer_id: String,
    /// The issuer's name as the list gives it.
    pub name: String,
    /// How it matched.
    pub matched_by: MatchKind,
    /// The entry that matched, as written (`did:key:…`, `example.edu`, `*.example.edu`).
    pub entry: String,
    /// The issuer's web site, as the list gives it.
    pub url: Option<String>,
    /// Where the issuer is, as the list gives it.
    pub location: Option<String>,
    /// The list's row id.
    pub list_id: i64,
    /// The list's name.
    pub list: String,
    /// Who publishes the list.
    pub source: String,
    /// When the learner imported the list (RFC 3339).
    pub imported_at: String,
    /// The list or the entry is a sandbox / test one.
    pub test: bool,
    /// Other lists that also name this issuer.
    pub also_on: Vec<String>,
}

impl TrustLabel {
    /// The label in words, for a badge with this `status`. Only a [`Status::Verified`] badge
    /// is "from" the known issuer; any other badge only claims to be (its issuer id is
    /// unconfirmed text). Test lists and test issuers say so. Examples:
    ///
    /// - `Known issuer: Example University (on 'District list', imported 3 May 2026)`
    /// - `Claims to be from a known issuer: Example University (on 'District list', imported
    ///   3 May 2026); not verified`
    /// - `Test issuer, not a trust signal: Public Test Issuer (on 'DCC Sandbox Registry',
    ///   imported 3 May 2026)`
    pub fn text(&self, status: Status) -> String {
        let verified = status == Status::Verified;
        let what = match (verified, self.test) {
            (true, false) => "Known issuer",
            (true, true) => "Test issuer, not a trust signal",
            (false, false) => "Claims to be from a known issuer",
            (false, true) => "Claims to be from a test issuer",
        };
        let by = match self.matched_by {
            MatchKind::Id | MatchKind::Did => String::new(),
            MatchKind::Domain | MatchKind::Subdomain => format!("domain {}, ", self.entry),
        };
        let when = crate::verify::evidence::human_date(&self.imported_at);
        let tail = if verified { "" } else { "; not verified" };
        format!(
            "{what}: {} ({by}on '{}', imported {when}){tail}",
            self.name, self.list
        )
    }
}

/// Every entry of every stored list, in memory, for looking up many badges at once (the
/// gallery, `backpack list`). Build it with `Wallet::trust_index`.
#[derive(Debug, Clone, Default)]
pub struct TrustIndex {
    lists: Vec<TrustList>,
    exact: std::collections::HashMap<String, Vec<(usize, ListEntry)>>,
    domains: std::collections::HashMap<String, Vec<(usize, ListEntry)>>,
    subdomains: std::collections::HashMap<String, Vec<(usize, ListEntry)>>,
}

impl TrustIndex {
    /// An index over `lists` and their entries (`(list id, entry)`).
    pub fn new(lists: Vec<TrustList>, entries: impl IntoIterator<Item = (i64, ListEntry)>) -> Self {
        let mut ix = TrustIndex {
            lists,
            ..TrustIndex::default()
        };
        let pos: std::collections::HashMap<i64, usize> = ix
            .lists
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        for (list_id, e) in entries {
            let Some(&i) = pos.get(&list_id) else {
                continue;
            };
            let map = match e.kind {
                MatchKind::Id | MatchKind::Did => &mut ix.exact,
                MatchKind::Domain => &mut ix.domains,
                MatchKind::Subdomain => &mut ix.subdomains,
            };
            map.entry(e.value.clone()).or_default().push((i, e));
        }
        ix
    }

    /// True when no list is stored.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// The stored lists.
    pub fn lists(&self) -> &[TrustList] {
        &self.lists
    }

    /// Every entry that matches `issuer_id`, strongest first (see the module docs).
    pub fn matches(&self, issuer_id: &str) -> Vec<(&TrustList, &ListEntry)> {
        let mut found: Vec<&(usize, ListEntry)> = Vec::new();
        if let Some(v) = self.exact.get(issuer_id) {
            found.extend(v);
        }
        if let Some(host) = issuer_host(issuer_id) {
            if let Some(v) = self.domains.get(&host) {
                found.extend(v);
            }
            // Every proper parent domain of the host: a.b.example.edu → b.example.edu, example.edu.
            let mut rest = host.as_str();
            while let Some((_, parent)) = rest.split_once('.') {
                if let Some(v) = self.subdomains.get(parent) {
                    found.extend(v);
                }
                rest = parent;
            }
        }
        let mut out: Vec<(&TrustList, &ListEntry)> = found
            .into_iter()
            .map(|(i, e)| (&self.lists[*i], e))
            .collect();
        out.sort_by(|(la, ea), (lb, eb)| {
            let strength = |e: &ListEntry| match e.kind {
                MatchKind::Id | MatchKind::Did => 0,
                MatchKind::Domain => 1,
                MatchKind::Subdomain => 2,
            };
            strength(ea)
                .cmp(&strength(eb))
                .then((la.test || ea.test).cmp(&(lb.test || eb.test)))
                .then(lb.imported_at.cmp(&la.imported_at))
                .then(lb.id.cmp(&la.id))
        });
        out
    }

    /// The label for `issuer_id`: the strongest match, with the other lists that name it.
    /// `None` when no list names it.
    pub fn label(&self, issuer_id: &str) -> Option<TrustLabel> {
        let all = self.matches(issuer_id);
        let (list, e) = *all.first()?;
        let mut also_on: Vec<String> = Vec::new();
        for (l, _) in &all[1..] {
            if l.id != list.id && !also_on.contains(&l.name) {
                also_on.push(l.name.clone());
            }
        }
        Some(TrustLabel {
            issuer_id: issuer_id.to_string(),
            name: e.name.clone(),
            matched_by: e.kind,
            entry: e.kind.display(&e.value),
            url: e.url.clone(),
            location: e.location.clone(),
            list_id: list.id,
            list: list.name.clone(),
            source: list.source.clone(),
            imported_at: list.imported_at.clone(),
            test: list.test || e.test,
            also_on,
        })
    }
}

/// The issuer id a badge file names, for looking up its label when the file is not in the
/// wallet (`backpack verify FILE`). Decodes and parses the bytes; `None` when they hold no
/// badge or the badge names no issuer id.
pub fn issuer_id_of_bytes(bytes: &[u8]) -> Option<String> {
    let decoded = crate::decode::decode(bytes).ok()?;
    if let Ok(p) = crate::parse::parse(&decoded)
        && let Some(id) = p.badge.issuer.id
    {
        return Some(id);
    }
    let p = crate::verify::triage(&decoded)?;
    match p.document.get("issuer")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("id")?.as_str().map(str::to_string),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    /// The refusal of `json` in Spanish, whole (with its line and column).
    fn err_es(json: &str) -> String {
        crate::localize::Localize::localize(
            &parse_list(json.as_bytes()).unwrap_err(),
            Catalog::get(Lang::Es),
        )
    }

    /// Every refusal is said in the learner's language: this module's own sentences are
    /// catalog messages (carried beside serde's error), serde's missing and unknown fields are
    /// named, and a JSON syntax error is said by its kind (serde's words only in English).
    #[test]
    fn refusals_are_said_in_spanish() {
        assert_eq!(
            err_es(&OURS.replace("*.example.edu", "*.edu")),
            "línea 9, columna 73: el dominio \"*.edu\" es un comodín sobre todo un dominio de \
             primer nivel, que ninguna lista puede reclamar; se rechazó toda la lista"
        );
        assert_eq!(
            err_es(&OURS.replace("did:key:z6MkTest", "did:web:example.edu")),
            "línea 10, columna 39: did:web:example.edu aparece dos veces (la primera en la línea \
             9), como \"Example University\" y como \"Test College\": una lista de confianza no \
             debe nombrar a un emisor de dos maneras (corrige la lista y vuelve a importarla); se \
             rechazó toda la lista"
        );
        assert_eq!(
            err_es(&OURS.replace("\"domains\"", "\"domain\"")),
            "línea 9, columna 46: campo desconocido `domain`; se esperaba uno de `name`, `ids`, \
             `dids`, `domains`, `url`, `location`, `test`; se rechazó toda la lista"
        );
        assert_eq!(
            err_es(&OURS.replace(", \"dids\": [\"did:key:z6MkTest\"]", "")),
            "línea 10, columna 42: el emisor \"Test College\" no tiene ids, dids ni dominios con \
             los que comparar; se rechazó toda la lista"
        );
        assert_eq!(
            err_es(&OURS[..OURS.len() - 3]),
            "línea 11, columna 2: el json se corta antes de terminar; se rechazó toda la lista"
        );
        assert_eq!(
            err_es(&OURS.replace("\"version\": 1,", "\"version\": 1,,")),
            "línea 3, columna 16: json mal formado; se rechazó toda la lista"
        );
    }

    fn err_at(json: &str) -> (usize, usize, String) {
        match parse_list(json.as_bytes()) {
            Err(TrustListError::At {
                line,
                column,
                message,
            }) => (line, column, message.to_string()),
            other => panic!("expected a positioned error, got {other:?}"),
        }
    }

    const OURS: &str = r#"{
  "format": "backpack-trust-list",
  "version": 1,
  "name": "District list",
  "source": "https://district.example.org/trust.json",
  "date": "2026-05-03",
  "issuers": [
    {"name": "Example University", "ids": ["https://example.edu/issuers/1"],
     "dids": ["did:web:example.edu"], "domains": ["Example.EDU", "*.example.edu"]},
    {"name": "Test College", "dids": ["did:key:z6MkTest"], "test": true}
  ]
}"#;

    #[test]
    fn our_format_parses_every_field() {
        let l = parse_list(OURS.as_bytes()).unwrap();
        assert_eq!(l.format, ListFormat::Backpack);
        assert_eq!(l.name.as_deref(), Some("District list"));
        assert_eq!(
            l.source.as_deref(),
            Some("https://district.example.org/trust.json")
        );
        assert_eq!(l.date.as_deref(), Some("2026-05-03"));
        assert_eq!(l.issuers, 2);
        let kinds: Vec<(MatchKind, &str, bool)> = l
            .entries
            .iter()
            .map(|e| (e.kind, e.value.as_str(), e.test))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (MatchKind::Id, "https://example.edu/issuers/1", false),
                (MatchKind::Did, "did:web:example.edu", false),
                (MatchKind::Domain, "example.edu", false),
                (MatchKind::Subdomain, "example.edu", false),
                (MatchKind::Did, "did:key:z6MkTest", true),
            ]
        );
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let (line, column, msg) = err_at(
            "{\n  \"format\": \"backpack-trust-list\",\n  \"version\": 1\n  \"name\": \"x\"\n}",
        );
        assert_eq!((line, column), (4, 3), "{msg}");
        assert_eq!(msg, "expected `,` or `}`");
    }

    #[test]
    fn shape_errors_name_the_line_of_the_bad_value() {
        let bad = OURS.replace("\"Test College\"", "42");
        let (line, _, msg) = err_at(&bad);
        assert_eq!(line, 10);
        assert!(
            msg.starts_with("invalid type: integer `42`, expected"),
            "{msg}"
        );
    }

    #[test]
    fn unknown_fields_and_missing_identifiers_are_refused() {
        let (line, _, msg) = err_at(&OURS.replace("\"domains\"", "\"domain\""));
        assert_eq!(line, 9);
        assert!(msg.starts_with("unknown field `domain`"), "{msg}");
        let (line, _, msg) = err_at(&OURS.replace(", \"dids\": [\"did:key:z6MkTest\"]", ""));
        assert_eq!(line, 10);
        assert_eq!(
            msg,
            "issuer \"Test College\" has no ids, dids or domains to match"
        );
    }

    #[test]
    fn bad_domains_and_dids_are_refused() {
        for (dom, why) in [
            ("*.edu", "is a wildcard over a whole top-level domain"),
            ("edu", "needs at least two labels"),
            ("https://example.edu", "must be a bare host name"),
            ("example.edu:8443", "must be a bare host name"),
            ("ex ample.edu", "is not a valid host name"),
            ("a.*.example.edu", "is not a valid host name"),
            ("10.0.0.1", "is an IP address"),
        ] {
            let (_, _, msg) = err_at(&OURS.replace("*.example.edu", dom));
            assert!(msg.contains(why), "{dom}: {msg}");
        }
        let (_, _, msg) = err_at(&OURS.replace("did:key:z6MkTest", "key:z6MkTest"));
        assert_eq!(
            msg,
            "\"key:z6MkTest\" is not a DID (expected did:method:identifier)"
        );
        let (_, _, msg) = err_at(&OURS.replace("District list", "Evil\\u001b[31m list"));
        assert!(msg.contains("contains control characters"), "{msg}");
    }

    #[test]
    fn an_identifier_listed_twice_for_two_issuers_refuses_the_list() {
        let bad = OURS.replace("did:key:z6MkTest", "did:web:example.edu");
        let (line, _, msg) = err_at(&bad);
        assert_eq!(line, 10);
        assert_eq!(
            msg,
            "did:web:example.edu is listed twice (first on line 9), as \"Example University\" \
             and as \"Test College\": a trust list must not name one issuer two ways (fix the \
             list, then import it again)"
        );
    }

    #[test]
    fn versions_and_other_formats() {
        let v2 = OURS.replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            parse_list(v2.as_bytes()).unwrap_err().to_string(),
            "backpack-trust-list version 2 is newer than this backpack reads (version 1): update backpack"
        );
        let e = parse_list(b"[{\"name\": \"x\", \"type\": \"dcc-legacy\"}]").unwrap_err();
        assert!(
            e.to_string().starts_with("this is a list of registries"),
            "{e}"
        );
        let e = parse_list(b"eyJhbGciOiJFUzI1NiJ9.e30.sig").unwrap_err();
        assert!(e.to_string().contains("OpenID Federation"), "{e}");
        let e = parse_list(b"{\"format\": \"other\"}").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("unknown trust list format \"other\""),
            "{e}"
        );
        let e = parse_list(b"{\"hello\": 1}").unwrap_err();
        assert!(e.to_string().starts_with("not a trust list"), "{e}");
        assert_eq!(
            parse_list(b"  \n %nope").unwrap_err().to_string(),
            "line 2, column 2: expected value; the whole list was refused"
        );
    }

    #[test]
    fn limits_hold() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        let (line, column, msg) = err_at(&format!("{{\"a\":\n{deep}}}"));
        assert_eq!((line, column), (2, 16));
        assert!(msg.contains("MAX_DEPTH"), "{msg}");
        let big = vec![b' '; MAX_LIST_BYTES + 1];
        assert!(matches!(
            parse_list(&big),
            Err(TrustListError::TooLarge { .. })
        ));
        let many: Vec<String> = (0..=MAX_IDS_PER_ISSUER)
            .map(|i| format!("\"did:key:z{i}\""))
            .collect();
        let bad = OURS.replace("[\"did:key:z6MkTest\"]", &format!("[{}]", many.join(",")));
        let (_, _, msg) = err_at(&bad);
        assert!(msg.contains("more than 64 items"), "{msg}");
    }

    #[test]
    fn hosts_of_issuer_ids() {
        let h = |s: &str| issuer_host(s);
        assert_eq!(
            h("https://Example.EDU/issuers/1").as_deref(),
            Some("example.edu")
        );
        assert_eq!(h("https://example.edu:8443/i"), None);
        assert_eq!(h("https://user@example.edu/i"), None);
        assert_eq!(h("http://example.edu/i"), None);
        assert_eq!(h("https://10.0.0.1/i"), None);
        assert_eq!(h("did:web:example.edu").as_deref(), Some("example.edu"));
        assert_eq!(
            h("did:web:Example.edu:issuers:7").as_deref(),
            Some("example.edu")
        );
        assert_eq!(h("did:web:example.edu%3A8443"), None);
        assert_eq!(h("did:key:z6Mk"), None);
        assert_eq!(h("urn:uuid:1234"), None);
    }

    fn index(json: &str, test: bool) -> TrustIndex {
        let l = parse_list(json.as_bytes()).unwrap();
        let list = TrustList {
            id: 1,
            name: l.name.clone().unwrap_or_else(|| "DCC".into()),
            format: l.format,
            source: "test".into(),
            list_date: l.date.clone(),
            test: test || l.test,
            imported_at: "2026-05-03T10:00:00Z".into(),
            issuers: l.issuers,
            identifiers: l.entries.len(),
            sha256: String::new(),
        };
        TrustIndex::new(vec![list], l.entries.into_iter().map(|e| (1, e)))
    }

    #[test]
    fn lookup_rules() {
        let ix = index(OURS, false);
        let got = |id: &str| ix.label(id).map(|l| (l.matched_by, l.entry));
        assert_eq!(
            got("https://example.edu/issuers/1"),
            Some((MatchKind::Id, "https://example.edu/issuers/1".into()))
        );
        assert_eq!(
            got("did:web:example.edu"),
            Some((MatchKind::Did, "did:web:example.edu".into()))
        );
        // Another issuer URL on the same host: by domain.
        assert_eq!(
            got("https://example.edu/issuers/2"),
            Some((MatchKind::Domain, "example.edu".into()))
        );
        // A did:web on the domain, with a path.
        assert_eq!(
            got("did:web:example.edu:badges"),
            Some((MatchKind::Domain, "example.edu".into()))
        );
        assert_eq!(
            got("https://www.example.edu/i"),
            Some((MatchKind::Subdomain, "*.example.edu".into()))
        );
        assert_eq!(
            got("did:web:a.b.example.edu"),
            Some((MatchKind::Subdomain, "*.example.edu".into()))
        );
        for miss in [
            "https://example.edu.evil.com/i",
            "https://notexample.edu/i",
            "http://example.edu/issuers/1x",
            "https://example.edu:444/i",
            "did:web:example.edu%3A444",
            "did:key:z6MkOther",
            "urn:uuid:example.edu",
            "https://example.edu/issuers/1/", // exact ids are exact; the domain still matches
        ] {
            let l = ix.label(miss);
            if miss == "https://example.edu/issuers/1/" {
                assert_eq!(l.map(|l| l.matched_by), Some(MatchKind::Domain));
            } else {
                assert_eq!(l, None, "{miss}");
            }
        }
    }

    #[test]
    fn label_words_depend_on_status_and_test_marks() {
        let ix = index(OURS, false);
        let l = ix.label("https://example.edu/issuers/1").unwrap();
        assert_eq!(
            l.text(Status::Verified),
            "Known issuer: Example University (on 'District list', imported 3 May 2026)"
        );
        for s in Status::ALL.into_iter().filter(|s| *s != Status::Verified) {
            assert_eq!(
                l.text(s),
                "Claims to be from a known issuer: Example University (on 'District list', \
                 imported 3 May 2026); not verified",
                "{s}"
            );
        }
        let l = ix.label("https://x.example.edu/").unwrap();
        assert_eq!(
            l.text(Status::Verified),
            "Known issuer: Example University (domain *.example.edu, on 'District list', \
             imported 3 May 2026)"
        );
        let t = ix.label("did:key:z6MkTest").unwrap();
        assert!(t.test);
        assert_eq!(
            t.text(Status::Verified),
            "Test issuer, not a trust signal: Test College (on 'District list', imported 3 May \
             2026)"
        );
        let sandbox = index(OURS, true);
        assert!(sandbox.label("did:web:example.edu").unwrap().test);
    }

    const SANDBOX: &[u8] =
        include_bytes!("../tests/fixtures/trust-registries/dcc-sandbox-registry/registry.json");
    const PILOT: &[u8] =
        include_bytes!("../tests/fixtures/trust-registries/dcc-issuer-registry/registry.json");
    const PILOT_RC: &[u8] =
        include_bytes!("../tests/fixtures/trust-registries/dcc-issuer-registry/registry-rc.json");

    #[test]
    fn dcc_sandbox_registry_parses() {
        let l = parse_list(SANDBOX).unwrap();
        assert_eq!(l.format, ListFormat::DccLegacy);
        assert_eq!((l.issuers, l.entries.len()), (39, 39));
        assert_eq!(l.date.as_deref(), Some("2026-03-25T00:00:00+00:00"));
        assert_eq!(l.name, None);
        let dids = l
            .entries
            .iter()
            .filter(|e| e.value.starts_with("did:key:"))
            .count();
        assert_eq!(dids, 30);
        assert!(l.entries.iter().all(|e| e.kind == MatchKind::Did));
        let pti = l
            .entries
            .iter()
            .find(|e| e.value == "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q")
            .unwrap();
        assert_eq!(pti.name, "Public Test Issuer");
        assert_eq!(pti.location.as_deref(), Some("Everywhere"));
        assert_eq!(pti.url.as_deref(), Some("https://dcconsortium.org"));
        // Entries whose name says test are test entries, whatever the list.
        let test_of = |n: &str| l.entries.iter().find(|e| e.name == n).unwrap().test;
        assert!(test_of("Participate, Inc (TEST)"));
        assert!(test_of("Goodwill Industries International (Sandbox)"));
        assert!(!test_of("Participate, Inc"));
        assert_eq!(l.entries.iter().filter(|e| e.test).count(), 19);
        // An entry with no location or url.
        let credly = l
            .entries
            .iter()
            .find(|e| e.name == "Credly Test OBv3 PM")
            .unwrap();
        assert_eq!(
            (credly.url.as_deref(), credly.location.as_deref()),
            (None, None)
        );
        let rc = parse_list(PILOT_RC).unwrap();
        assert_eq!(
            rc.entries[0].value,
            "did:web:digitalcredentials-rc.odl.mit.edu"
        );
        assert_eq!(rc.date.as_deref(), Some("2020-12-02T02:32:16+0000"));
    }

    #[test]
    fn dcc_pilot_registry_with_a_conflicting_duplicate_key_is_refused_naming_the_line() {
        let e = parse_list(PILOT).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 56, column 5: did:key:z6MkpMKDNykeb9hSQkz8RWCRrqHoo3y56gQb3Lj78xWgkNZh is \
             listed twice (first on line 22), as \"College Unbound\" and as \"Jobs for the \
             Future (JFF) Sandbox Issuer (DCC hosted)\": a trust list must not name one issuer \
             two ways (fix the list, then import it again); the whole list was refused"
        );
        // The same file with the repeat made identical to the first is accepted, the key once.
        let text = String::from_utf8(PILOT.to_vec()).unwrap();
        let fixed = text.replace(
            "\"name\": \"Jobs for the Future (JFF) Sandbox Issuer (DCC hosted)\",\n      \"url\": \"https://jff.org\"",
            "\"name\": \"College Unbound\",\n      \"url\": \"https://collegeunbound.edu\",\n      \"location\": \"Providence, RI\"",
        );
        assert_ne!(fixed, text);
        let l = parse_list(fixed.as_bytes()).unwrap();
        assert_eq!((l.issuers, l.entries.len()), (21, 21));
        assert_eq!(
            l.notes.iter().map(Message::english).collect::<Vec<_>>(),
            vec![
                "did:key:z6MkpMKDNykeb9hSQkz8RWCRrqHoo3y56gQb3Lj78xWgkNZh is listed twice with the same details; kept once"
            ]
        );
        assert_eq!(
            l.notes[0].render(Catalog::get(Lang::Es)),
            "did:key:z6MkpMKDNykeb9hSQkz8RWCRrqHoo3y56gQb3Lj78xWgkNZh aparece dos veces con los mismos datos; se conserva una vez"
        );
    }

    #[test]
    fn malformed_registry_is_refused_naming_the_line() {
        let text = String::from_utf8(SANDBOX.to_vec()).unwrap();
        // Drop the comma after the entry that ends on line 11: serde stops at the next key.
        let broken = text.replacen(
            "\"url\": \"https://digitalcredentials.mit.edu\"\n    },",
            "\"url\": \"https://digitalcredentials.mit.edu\"\n    }",
            1,
        );
        assert_ne!(broken, text);
        assert_eq!(
            parse_list(broken.as_bytes()).unwrap_err().to_string(),
            "line 12, column 5: expected `,` or `}`; the whole list was refused"
        );
        // A name that is not a string, deep in the file.
        let bad = text.replace("\"name\": \"Public Test Issuer\"", "\"name\": [\"Public\"]");
        let (line, _, msg) = err_at(&bad);
        assert_eq!(line, 83);
        assert_eq!(msg, "invalid type: sequence, expected a string");
        // A key that is not an issuer id.
        let bad = text.replace("\"did:web:participate.dev\"", "\"participate.dev\"");
        let (line, _, msg) = err_at(&bad);
        assert_eq!(line, 107);
        assert!(
            msg.starts_with("\"participate.dev\" is not an issuer id"),
            "{msg}"
        );
    }

    #[test]
    fn test_lists_are_recognised_by_name() {
        assert!(name_says_test("DCC Sandbox Registry"));
        assert!(name_says_test("Test DCC Member Registry"));
        assert!(name_says_test("my-test-list"));
        assert!(!name_says_test("DCC Pilot Registry"));
        assert!(!name_says_test("Contest winners"));
    }
}
