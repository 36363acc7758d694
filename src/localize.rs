//! The core's typed errors in the learner's language (issue 14, "Languages": every
//! user-visible string comes from one message catalog per language).
//!
//! An error's `Display` stays English: logs, JSON output and exact-error tests read it.
//! [`Localize::message`] gives the same sentence as a catalog message (`err-…` in
//! `ui/locales/<lang>.js`) with its variables (file names, sizes, limits), and
//! [`Localize::localize`] formats it in a [`Catalog`]'s language. The English catalog text
//! is exactly the `Display` text (the test at the end of this file checks every variant
//! covered here, so the two cannot drift). A variant whose words are not the core's own (a
//! free-form detail, a library's message) is its `Display` in every language; a detail
//! inside a covered sentence (a parser's complaint, a file name) is shown as given.
//!
//! An I/O error ([`io_error`]) is the operating system's text in English, exactly as
//! `std::io::Error` shows it; in another language it is named by its
//! [`std::io::ErrorKind`] from the catalog (`err-io-not-found`, …: each English entry is
//! `{ $os }`, the OS text itself), and a kind the catalog does not name stays the OS text.
//!
//! Verification details (the per-check lines of `src/verify`) are [`Message`]s too
//! (`chk-…`): a check keeps its English text and its message
//! ([`crate::verify::Check::message`], stored with the report), and the app and the CLI show
//! it with [`crate::verify::Report::localized`]. The errors of `src/verify` that go into a
//! detail implement [`Localize`] beside their types.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Catalog, Lang};

/// A sentence for the learner: a catalog message with its variables (each itself a
/// message, so an inner error is translated too), or text shown as it is.
///
/// It is kept with a verification check ([`crate::verify::Check::message`]), so it has a
/// JSON form: text is a JSON string, a count a number, a catalog message
/// `{"id": "chk-…", "args": [["name", <message>], …]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Wire", from = "Wire")]
pub enum Message {
    /// Shown as given in every language (a file name, an OS error, a free-form detail).
    Text(String),
    /// The catalog message `id` with its variables.
    Id(Cow<'static, str>, Vec<(Cow<'static, str>, Message)>),
    /// A count: shown as its digits, and as a variable it picks the language's plural form
    /// (`{ $n -> [one] … *[other] … }`).
    Count(usize),
}

impl Message {
    /// This message in `cat`'s language.
    pub fn render(&self, cat: &Catalog) -> String {
        match self {
            Message::Text(s) => s.clone(),
            Message::Count(n) => n.to_string(),
            Message::Id(id, args) => {
                let args: Vec<(&str, Arg)> = args
                    .iter()
                    .map(|(k, v)| {
                        let arg = match v {
                            Message::Count(n) => Arg::from(*n),
                            other => Arg::Str(other.render(cat)),
                        };
                        (k.as_ref(), arg)
                    })
                    .collect();
                cat.msg(id, &args)
            }
        }
    }

    /// True when every catalog message in it (its own and its variables') is in the
    /// catalogs this build knows: a message read back from a wallet written by another
    /// version may name one that is not, and is then shown as its stored English text.
    pub fn is_known(&self) -> bool {
        match self {
            Message::Text(_) | Message::Count(_) => true,
            Message::Id(id, args) => {
                Catalog::get(Lang::En).has(id) && args.iter().all(|(_, v)| v.is_known())
            }
        }
    }

    /// This message in English.
    pub fn english(&self) -> String {
        self.render(Catalog::get(Lang::En))
    }

    /// `first` then each of `rest`, joined by the catalog message `sep` (its variables
    /// `first` and `rest`): a list of sentences or counts in the language's punctuation.
    pub fn join(sep: &'static str, items: Vec<Message>) -> Option<Message> {
        let mut items = items.into_iter().rev();
        let last = items.next()?;
        Some(items.fold(last, |rest, first| {
            Message::Id(
                Cow::Borrowed(sep),
                vec![
                    (Cow::Borrowed("first"), first),
                    (Cow::Borrowed("rest"), rest),
                ],
            )
        }))
    }
}

/// What to show for a line the core keeps as English `text` beside its catalog `message`:
/// the message in `cat`'s language when there is one this build knows (a wallet written by
/// another version may name one it does not), else the text as it is. The one rule for check
/// details, fetch errors, endorsement reasons and received portfolios' lines.
pub fn shown_in(message: Option<&Message>, text: &str, cat: &Catalog) -> String {
    match message {
        Some(m) if m.is_known() => m.render(cat),
        _ => text.to_owned(),
    }
}

/// English, as [`Message::english`]: a message can stand where a detail used to be text
/// (`format!("… {why}")`).
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// The JSON form of a [`Message`].
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Wire {
    Text(String),
    Count(usize),
    Id {
        id: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        args: Vec<(String, Message)>,
    },
}

impl From<Message> for Wire {
    fn from(m: Message) -> Wire {
        match m {
            Message::Text(s) => Wire::Text(s),
            Message::Count(n) => Wire::Count(n),
            Message::Id(id, args) => Wire::Id {
                id: id.into_owned(),
                args: args.into_iter().map(|(k, v)| (k.into_owned(), v)).collect(),
            },
        }
    }
}

impl From<Wire> for Message {
    fn from(w: Wire) -> Message {
        match w {
            Wire::Text(s) => Message::Text(s),
            Wire::Count(n) => Message::Count(n),
            Wire::Id { id, args } => Message::Id(
                Cow::Owned(id),
                args.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect(),
            ),
        }
    }
}

impl From<String> for Message {
    fn from(s: String) -> Message {
        Message::Text(s)
    }
}
impl From<&String> for Message {
    fn from(s: &String) -> Message {
        Message::Text(s.clone())
    }
}
impl From<&Message> for Message {
    fn from(m: &Message) -> Message {
        m.clone()
    }
}
impl From<&str> for Message {
    fn from(s: &str) -> Message {
        Message::Text(s.to_string())
    }
}
macro_rules! num_message {
    ($($t:ty),*) => {$(
        impl From<$t> for Message {
            fn from(n: $t) -> Message {
                Message::Text(n.to_string())
            }
        }
        impl From<&$t> for Message {
            fn from(n: &$t) -> Message {
                Message::Text(n.to_string())
            }
        }
    )*};
}
num_message!(u8, u32, u64, usize, i64);

/// `msg!("err-…")` or `msg!("err-…", name = value, …)`: a catalog [`Message`]; values are
/// anything `Into<Message>` (text and numbers as given, an inner error's `message()`).
#[macro_export]
#[doc(hidden)]
macro_rules! msg {
    ($id:literal) => {
        $crate::localize::Message::Id(::std::borrow::Cow::Borrowed($id), Vec::new())
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::localize::Message::Id(
            ::std::borrow::Cow::Borrowed($id),
            vec![$((
                ::std::borrow::Cow::Borrowed(stringify!($k)),
                $crate::localize::Message::from($v),
            )),+],
        )
    };
}
pub use msg;

/// A typed error (or any sentence of the core) in the learner's language.
pub trait Localize: std::fmt::Display {
    /// The sentence as a catalog message; by default the `Display` text, as is.
    fn message(&self) -> Message {
        Message::Text(self.to_string())
    }

    /// The sentence in `cat`'s language (English: exactly the `Display` text).
    fn localize(&self, cat: &Catalog) -> String {
        self.message().render(cat)
    }
}

/// English words the core passes into its sentences (`&'static str` fields), with their
/// catalog ids; any other text is shown as given.
const WORDS: &[(&str, &str)] = &[
    ("an array", "err-word-an-array"),
    ("a string", "err-word-a-string"),
    ("a number", "err-word-a-number"),
    ("a boolean", "err-word-a-boolean"),
    (
        "a jws payload that is not an object",
        "err-word-jws-payload-not-object",
    ),
    ("the system keyring", "err-word-system-keyring"),
    (
        "the encrypted key file beside the wallet",
        "err-word-key-file",
    ),
    ("memory", "err-word-memory"),
    ("the system credential store", "err-word-credential-store"),
    ("memory (this session only)", "err-word-memory-session"),
    ("signature", "err-word-signature"),
    ("chunk header", "err-word-chunk-header"),
    ("file", "err-word-file"),
    ("png iTXt badge text", "err-word-png-itxt"),
    ("svg verify attribute", "err-word-svg-verify"),
    (
        "total decompressed bytes read",
        "err-word-decompressed-bytes",
    ),
    ("entry count", "err-word-entry-count"),
    ("object count", "err-word-object-count"),
    ("attachment tree depth", "err-word-attachment-depth"),
    ("attachment count", "err-word-attachment-count"),
    // Why a ZIP entry's name is refused (crate::zipread::unsafe_name).
    ("it holds a control character", "err-word-zip-name-control"),
    ("it is an absolute path", "err-word-zip-name-absolute"),
    (
        "it climbs out of the archive with ..",
        "err-word-zip-name-climbs",
    ),
];

/// The steps of connecting to a badge host ([`crate::host_api::HostError::Step`]) that are
/// words, with their catalog ids.
const STEPS: &[(&str, &str)] = &[
    ("discovery", "err-host-step-discovery"),
    ("registration", "err-host-step-registration"),
    ("sign-in", "err-host-step-sign-in"),
    ("token", "err-host-step-token"),
    ("refresh", "err-host-step-refresh"),
];

/// One of the English words the core passes into its sentences ("the system keyring", "a
/// string", …) as its catalog message (`err-word-…`); any other text as it is.
pub fn word(s: &str) -> Message {
    WORDS.iter().find(|(w, _)| *w == s).map_or_else(
        || Message::Text(s.to_string()),
        |(_, id)| Message::Id(Cow::Borrowed(id), Vec::new()),
    )
}

/// The catalog ids of the [`std::io::ErrorKind`]s Backpack names in the learner's language.
fn io_kind_id(kind: std::io::ErrorKind) -> Option<&'static str> {
    use std::io::ErrorKind as K;
    Some(match kind {
        K::NotFound => "err-io-not-found",
        K::PermissionDenied => "err-io-permission-denied",
        K::AlreadyExists => "err-io-already-exists",
        K::StorageFull => "err-io-storage-full",
        K::QuotaExceeded => "err-io-quota-exceeded",
        K::ReadOnlyFilesystem => "err-io-read-only",
        K::IsADirectory => "err-io-is-a-directory",
        K::NotADirectory => "err-io-not-a-directory",
        K::DirectoryNotEmpty => "err-io-directory-not-empty",
        K::InvalidData => "err-io-invalid-data",
        K::UnexpectedEof => "err-io-unexpected-eof",
        K::InvalidInput => "err-io-invalid-input",
        K::InvalidFilename => "err-io-invalid-filename",
        K::Interrupted => "err-io-interrupted",
        K::TimedOut => "err-io-timed-out",
        K::FileTooLarge => "err-io-file-too-large",
        K::ResourceBusy => "err-io-resource-busy",
        K::CrossesDevices => "err-io-crosses-devices",
        K::TooManyLinks => "err-io-too-many-links",
        K::BrokenPipe => "err-io-broken-pipe",
        K::ConnectionRefused => "err-io-connection-refused",
        K::ConnectionReset => "err-io-connection-reset",
        K::AddrInUse => "err-io-addr-in-use",
        K::OutOfMemory => "err-io-out-of-memory",
        K::Unsupported => "err-io-unsupported",
        K::WriteZero => "err-io-write-zero",
        _ => return None,
    })
}

/// What went wrong in an I/O call, given as the operating system's text `os` (as
/// `std::io::Error` shows it, or lower-cased as an import line has it): that text exactly in
/// English, the catalog's name for `kind` in another language, the text as given for a kind
/// the catalog does not name.
pub fn io_message(kind: std::io::ErrorKind, os: impl Into<String>) -> Message {
    let os = Message::Text(os.into());
    match io_kind_id(kind) {
        Some(id) => Message::Id(Cow::Borrowed(id), vec![(Cow::Borrowed("os"), os)]),
        None => os,
    }
}

/// A serde_json error: its own text in English (exactly its `Display`), and in another
/// language what kind of problem it is and where (`err-json-syntax`, `-eof`, `-data`): the
/// library's sentences cannot be translated, their category and position can.
pub fn json_error(e: &serde_json::Error) -> Message {
    use serde_json::error::Category;
    let text = Message::Text(e.to_string());
    let id = match (e.classify(), e.line()) {
        (Category::Io, _) => return text,
        (Category::Syntax, 0) => "err-json-syntax-nowhere",
        (Category::Syntax, _) => "err-json-syntax",
        (Category::Eof, _) => "err-json-eof",
        (Category::Data, 0) => "err-json-data-nowhere",
        (Category::Data, _) => "err-json-data",
    };
    Message::Id(
        Cow::Borrowed(id),
        vec![
            (Cow::Borrowed("text"), text),
            (Cow::Borrowed("line"), e.line().into()),
            (Cow::Borrowed("column"), e.column().into()),
        ],
    )
}

/// [`io_message`] of `e` (its `Display` text).
pub fn io_error(e: &std::io::Error) -> Message {
    io_message(e.kind(), e.to_string())
}

/// `<path>: <I/O error>` (the `Io` variants' `{path}: {source}`).
fn io_at(path: &str, e: &std::io::Error) -> Message {
    msg!("err-io", path = path, error = io_error(e))
}

/// `` `x` `` (the catalog cannot hold a backtick: it ends the app's module).
fn quoted(s: &str) -> Message {
    Message::Text(format!("`{s}`"))
}

/// `"x"` with Rust's escapes (a name as `{:?}` shows it).
fn debug(s: &str) -> Message {
    Message::Text(format!("{s:?}"))
}

impl Localize for crate::Error {
    fn message(&self) -> Message {
        use crate::Error as E;
        match self {
            E::Decode(e) => e.message(),
            E::Parse(e) => e.message(),
            E::Store(e) => e.message(),
            E::Export(e) => e.message(),
            E::Backup(e) => e.message(),
            E::LearnerKey(e) => e.message(),
            E::MinorMode(e) => e.message(),
            E::Share(e) => e.message(),
            E::Verify(e) => e.message(),
            E::Io { path, source } => io_at(path, source),
        }
    }
}

impl Localize for crate::decode::DecodeError {
    fn message(&self) -> Message {
        use crate::decode::DecodeError as E;
        match self {
            E::Empty => msg!("err-decode-empty"),
            E::TooLarge { size, limit } => msg!("err-decode-too-large", size = size, limit = limit),
            E::PngTruncated { offset, what } => {
                let what = match what
                    .strip_suffix(" chunk")
                    .and_then(|c| c.strip_prefix('`').and_then(|c| c.strip_suffix('`')))
                {
                    Some(chunk) => msg!("err-word-chunk", chunk = quoted(chunk)),
                    None => word(what),
                };
                msg!("err-png-truncated", what = what, offset = offset)
            }
            E::PngNoIend { offset } => msg!("err-png-no-iend", offset = offset),
            E::PngBadChunk { offset, chunk } => {
                msg!("err-png-bad-chunk", chunk = quoted(chunk), offset = offset)
            }
            E::PngBadCrc { offset, chunk } => {
                msg!("err-png-bad-crc", chunk = quoted(chunk), offset = offset)
            }
            E::PngNoBadge => msg!("err-png-no-badge"),
            E::PngBadText { chunk } => msg!("err-png-bad-text", chunk = quoted(chunk)),
            E::PngBadCompression => msg!("err-png-bad-compression"),
            E::InflateLimit { limit } => msg!("err-png-inflate-limit", limit = limit),
            E::InvalidUtf8 { offset, what } => {
                msg!("err-invalid-utf8", what = word(what), offset = offset)
            }
            E::SvgEntities => msg!("err-svg-entities"),
            E::SvgUndefinedEntity(name) => {
                msg!(
                    "err-svg-undefined-entity",
                    entity = quoted(&format!("&{name};"))
                )
            }
            E::SvgMalformed(detail) => msg!("err-svg-malformed", detail = detail),
            E::SvgNoBadge => msg!("err-svg-no-badge"),
            E::SvgEmptyBadge => msg!("err-svg-empty-badge"),
            E::JwsSegments { found } => {
                msg!(
                    "err-jws-segments",
                    found = Message::Count(*found),
                    dot = quoted(".")
                )
            }
            E::JwsBase64 { part, detail } => {
                msg!("err-jws-base64", part = *part, detail = detail)
            }
            E::JwsNotJson { part, detail } => {
                msg!("err-jws-not-json", part = *part, detail = detail)
            }
            E::JsonTooDeep { limit } => msg!("err-json-too-deep", limit = limit),
            E::BadBakedText { container } => {
                msg!("err-bad-baked-text", container = *container)
            }
            E::Unrecognized => msg!("err-not-a-badge-file"),
        }
    }
}

impl Localize for crate::parse::ParseError {
    fn message(&self) -> Message {
        use crate::parse::ParseError as E;
        match self {
            E::NotABadge(d) => msg!("err-parse-not-a-badge", detail = d),
            E::Unreadable(d) => msg!("err-parse-unreadable", detail = d),
            E::Json(d) => msg!("err-parse-json", detail = d),
            E::TooDeep { limit } => msg!("err-json-too-deep", limit = limit),
            E::NotAnObject(kind) => msg!("err-parse-not-an-object", kind = word(kind)),
            E::HostedUrl(url) => msg!("err-parse-hosted-url", url = url),
            E::Jws(e) => e.message(),
            E::BadEnvelope => msg!("err-parse-bad-envelope"),
        }
    }
}

impl Localize for crate::zipread::ZipReadError {
    fn message(&self) -> Message {
        use crate::zipread::ZipReadError as E;
        match self {
            E::TooManyEntries { count, limit } => {
                msg!("err-zip-too-many-entries", count = count, limit = limit)
            }
            E::Budget(limit) => msg!("err-zip-budget", limit = limit),
            E::EntryTooLarge(limit) => msg!("err-zip-entry-too-large", limit = limit),
            E::Missing(name) => msg!("err-zip-missing", name = name),
            E::Entry(d) => msg!("err-zip-entry", detail = d),
            E::NoName(i) => msg!("err-zip-no-name", index = i),
            // The zip crate's own words.
            _ => Message::Text(self.to_string()),
        }
    }
}

impl Localize for crate::minor_mode::Action {
    fn message(&self) -> Message {
        use crate::minor_mode::Action as A;
        match self {
            A::Network => msg!("err-action-network"),
            A::Export => msg!("err-action-export"),
            A::Backup => msg!("err-action-backup"),
            A::Original => msg!("err-action-original"),
            A::Restore => msg!("err-action-restore"),
        }
    }
}

impl Localize for crate::minor_mode::MinorModeError {
    fn message(&self) -> Message {
        use crate::minor_mode::MinorModeError as E;
        match self {
            E::Locked(a) => msg!("err-minor-locked", action = a.message()),
            E::WrongPassphrase => msg!("err-minor-wrong-passphrase"),
            E::AlreadyOn => msg!("err-minor-already-on"),
            E::Off => msg!("err-minor-off"),
            E::TooShort => msg!(
                "err-minor-too-short",
                min = crate::minor_mode::MIN_PASSPHRASE_CHARS
            ),
            E::Damaged => msg!("err-minor-damaged"),
            E::Kdf(d) => msg!("err-minor-kdf", detail = d),
            E::Store(e) => e.message(),
        }
    }
}

impl Localize for crate::store::StoreError {
    fn message(&self) -> Message {
        use crate::store::StoreError as E;
        match self {
            E::Sqlite(e) => msg!("err-wallet-database", detail = e.to_string()),
            E::NoDataDir => msg!("err-store-no-data-dir"),
            E::TooNew { found, supported } => {
                msg!("err-store-too-new", found = found, supported = supported)
            }
            E::Damaged { path, reason } => {
                msg!("err-store-damaged", path = path, reason = reason)
            }
            E::NotAWallet(path) => msg!("err-store-not-a-wallet", path = path),
            E::NeedsPassphrase(path) => msg!("err-store-needs-passphrase", path = path),
            E::WrongPassphrase(path) => msg!("err-store-wrong-passphrase", path = path),
            E::NoSuchBadge(id) => msg!("err-store-no-such-badge", id = id),
            E::NoSuchCollection(name) => msg!("err-store-no-such-collection", name = debug(name)),
            E::CollectionExists(name) => msg!("err-store-collection-exists", name = debug(name)),
            E::Corrupt { what, reason } => {
                msg!("err-store-corrupt", what = what, reason = reason)
            }
            E::Poisoned => msg!("err-store-poisoned"),
            E::Invalid(m) => m.clone(),
            E::Io { path, source } => io_at(path, source),
        }
    }
}

impl Localize for crate::policy::PolicyError {
    fn message(&self) -> Message {
        use crate::policy::PolicyError as E;
        match self {
            E::MinorMode(e) => e.message(),
            E::Store(e) => e.message(),
        }
    }
}

impl Localize for crate::trust_list::TrustListError {
    fn message(&self) -> Message {
        use crate::trust_list::TrustListError as E;
        match self {
            E::TooLarge { size } => msg!(
                "err-trust-list-too-large",
                size = size,
                limit = crate::trust_list::MAX_LIST_BYTES
            ),
            E::At {
                line,
                column,
                message,
            } => msg!(
                "err-trust-list-at",
                line = line,
                column = column,
                message = message
            ),
            E::Empty => msg!("err-trust-list-empty"),
            E::Unsupported(m) => m.clone(),
        }
    }
}

impl Localize for crate::store::trust::TrustError {
    fn message(&self) -> Message {
        use crate::store::trust::TrustError as E;
        match self {
            E::List(e) => e.message(),
            E::Store(e) => e.message(),
            E::Exists(name) => msg!("err-trust-exists", name = debug(name)),
            E::NoSuchList(name) => msg!("err-trust-no-such-list", name = debug(name)),
            E::BadName(m) => m.clone(),
        }
    }
}

impl Localize for crate::learner_key::VaultError {
    fn message(&self) -> Message {
        use crate::learner_key::VaultError as E;
        match self {
            E::Unavailable(d) => msg!("err-vault-unavailable", detail = d),
            E::NoPassphrase(path) => msg!("err-vault-no-passphrase", path = path),
            E::WrongPassphrase(path) => msg!("err-vault-wrong-passphrase", path = path),
            E::Damaged { path, reason } => {
                msg!("err-vault-damaged", path = path, reason = reason)
            }
            E::Conflict(path) => msg!("err-vault-conflict", path = path),
            E::Io { path, source } => io_at(path, source),
        }
    }
}

impl Localize for crate::learner_key::LearnerKeyError {
    fn message(&self) -> Message {
        use crate::learner_key::LearnerKeyError as E;
        match self {
            E::BadLength(n) => msg!("err-key-bad-length", n = n),
            E::DidMismatch => msg!("err-key-did-mismatch"),
            E::NoVault { why, .. } => msg!("err-key-no-vault", why = why),
            E::StoreNotOffered(s) => msg!("err-key-store-not-offered", store = word(s)),
            E::Missing(s) => msg!("err-key-missing", store = word(s)),
            E::Vault(e) => e.message(),
            E::Store(e) => e.message(),
        }
    }
}

impl Localize for crate::backup::BackupError {
    fn message(&self) -> Message {
        use crate::backup::BackupError as E;
        match self {
            E::NotABackup => msg!("err-backup-not-a-backup"),
            E::UnsupportedVersion(v) => msg!("err-backup-version", version = v),
            E::UnsupportedKdf(k) => msg!("err-backup-kdf-unknown", kdf = k),
            E::Truncated(d) => msg!("err-backup-truncated", detail = d),
            E::TrailingBytes(n) => msg!("err-backup-trailing", n = n),
            E::KdfLimit { what, value, limit } => msg!(
                "err-backup-kdf-limit",
                what = *what,
                value = value,
                limit = limit
            ),
            E::Kdf(d) => msg!("err-backup-kdf", detail = d),
            E::WrongPassphrase => msg!("err-backup-wrong-passphrase"),
            E::Damaged => msg!("err-backup-damaged"),
            E::NotAWallet => msg!("err-backup-not-a-wallet"),
            E::EmptyPassphrase => msg!("err-backup-empty-passphrase"),
            E::WouldOverwrite(path) => msg!("err-backup-would-overwrite", path = path),
            E::TooLarge { size, limit } => {
                msg!("err-backup-too-large", size = size, limit = limit)
            }
            E::Key(d) => msg!("err-backup-key", detail = d),
            E::Sqlite(e) => msg!("err-wallet-database", detail = e.to_string()),
            E::Wallet(m) => m.clone(),
            E::Io { path, source } => io_at(path, source),
        }
    }
}

impl Localize for crate::export::ExportError {
    fn message(&self) -> Message {
        use crate::export::ExportError as E;
        match self {
            E::Other(d) => msg!("err-export-other", detail = d),
            E::Empty => msg!("err-export-empty"),
            E::OneBadgeOnly(format) => msg!("err-export-one-badge", format = *format),
            E::NoLearnerKey => msg!("err-export-no-learner-key"),
            E::NothingToPresent => msg!("err-export-nothing-to-present"),
            E::BadPayload { badge, reason } => {
                msg!("err-export-bad-payload", badge = badge, reason = reason)
            }
            E::Sign(d) => msg!("err-export-sign", detail = d),
            E::GuardianRequired => msg!("err-export-guardian-required"),
            E::GuardianWrong => msg!("err-export-guardian-wrong"),
            E::NotInCollection { badge, collection } => msg!(
                "err-export-not-in-collection",
                badge = badge,
                collection = collection
            ),
            E::Zip(d) => msg!("err-export-zip", detail = d),
            E::Pdf(d) => msg!("err-export-pdf", detail = d),
            E::Bake(d) => msg!("err-export-bake", detail = d),
        }
    }
}

impl Localize for crate::bake::BakeError {
    fn message(&self) -> Message {
        use crate::bake::BakeError as E;
        match self {
            E::Png(e) => msg!("err-bake-png", detail = e.message()),
            E::NoIhdr => msg!("err-bake-no-ihdr"),
            E::BadKeyword(k) => msg!("err-bake-bad-keyword", keyword = debug(k)),
            E::Svg(e) => msg!("err-bake-svg", detail = e.message()),
            E::NoSvgRoot => msg!("err-bake-no-svg-root"),
            E::NotAnImage => msg!("err-bake-not-an-image"),
            E::EmptyPayload => msg!("err-bake-empty-payload"),
        }
    }
}

impl Localize for crate::share::ShareError {
    fn message(&self) -> Message {
        use crate::share::ShareError as E;
        match self {
            E::Unrecognised => msg!("err-share-unrecognised"),
            E::TooLarge { size, limit } => {
                msg!("err-share-too-large", size = size, limit = limit)
            }
            E::Zip(d) => msg!("err-share-zip", detail = d),
            E::ZipLimit { what, limit } => {
                msg!("err-share-zip-limit", what = word(what), limit = limit)
            }
            E::DuplicatePath(p) => msg!("err-share-duplicate-path", path = p),
            E::NoCredentials => msg!("err-share-no-credentials"),
            E::BadPresentation(d) => msg!("err-share-bad-presentation", detail = d),
            E::Pdf(e) => e.message(),
        }
    }
}

impl Localize for crate::export::pdf_read::PdfReadError {
    fn message(&self) -> Message {
        use crate::export::pdf_read::PdfReadError as E;
        match self {
            E::NotPdf => msg!("err-pdf-not-pdf"),
            E::Damaged(d) => msg!("err-pdf-damaged", detail = d),
            E::Encrypted => msg!("err-pdf-encrypted"),
            E::Limit { what, limit } => {
                msg!("err-pdf-limit", what = word(what), limit = limit)
            }
        }
    }
}

impl Localize for crate::host_api::HostError {
    fn message(&self) -> Message {
        use crate::host_api::HostError as E;
        match self {
            E::NoConsent => msg!("err-host-no-consent"),
            E::MinorMode => msg!("err-host-minor-mode"),
            E::NeedsLogin { host, url, reason } => {
                msg!(
                    "err-host-needs-login",
                    host = host,
                    reason = reason,
                    url = url
                )
            }
            E::UnknownHost(name) => msg!("err-host-unknown", name = debug(name)),
            E::Tokens(e) => e.message(),
            E::Store(e) => e.message(),
            E::BadUrl(m) => m.clone(),
            // The API's operation names (`getCredentials (offset 50)`) are shown as given.
            E::Step { host, step, detail } => msg!(
                "err-host-step",
                host = host,
                step = STEPS.iter().find(|(w, _)| w == step).map_or_else(
                    || Message::Text(step.clone()),
                    |(_, id)| { Message::Id(Cow::Borrowed(id), Vec::new()) }
                ),
                detail = detail
            ),
        }
    }
}

impl Localize for crate::host_api::loopback::RedirectError {
    fn message(&self) -> Message {
        use crate::host_api::loopback::RedirectError as E;
        match self {
            E::TimedOut(s) => msg!("err-redirect-timed-out", seconds = s),
            E::Cancelled => msg!("err-redirect-cancelled"),
            E::StateMismatch => msg!("err-redirect-state-mismatch"),
            E::Denied(d) => msg!("err-redirect-denied", detail = d),
            E::NoCode => msg!("err-redirect-no-code"),
            E::Io(d) => msg!("err-redirect-io", detail = d),
        }
    }
}

impl Localize for crate::host_api::tokens::TokenStoreError {
    fn message(&self) -> Message {
        use crate::host_api::tokens::TokenStoreError as E;
        match self {
            E::Unavailable(d) => msg!("err-tokens-unavailable", detail = d),
            E::Failed(d) => msg!("err-tokens-failed", detail = d),
        }
    }
}

impl Localize for crate::verify::VerifyError {
    fn message(&self) -> Message {
        use crate::verify::VerifyError as E;
        match self {
            E::Internal(d) => msg!("err-verify-internal", detail = d),
        }
    }
}

impl Localize for crate::endorsement::EndorsementError {
    fn message(&self) -> Message {
        use crate::endorsement::EndorsementError as E;
        match self {
            E::NotAnObject => msg!("err-endorsement-not-object"),
            E::NoEndorser => msg!("err-endorsement-no-endorser"),
            E::NoTarget => msg!("err-endorsement-no-target"),
        }
    }
}

impl Localize for crate::env::FetchError {
    fn message(&self) -> Message {
        use crate::env::FetchError as E;
        match self {
            E::Offline => msg!("err-fetch-offline"),
            E::PrivateAddress { url, reason } => {
                msg!("err-fetch-private", url = url, reason = reason)
            }
            E::UnsupportedScheme(url) => msg!("err-fetch-scheme", url = url),
            E::TooLarge { url, limit } => msg!("err-fetch-too-large", url = url, limit = limit),
            E::Transport { url, message } => {
                msg!("err-fetch-transport", url = url, message = message.clone())
            }
        }
    }
}

/// For the tests beside each error type: `e`'s sentence is a catalog message this build
/// knows, its English is `e`'s `Display` word for word, and its Spanish is its own.
#[cfg(test)]
pub(crate) fn assert_catalog_message(e: &(impl Localize + ?Sized)) {
    let m = e.message();
    assert!(
        matches!(m, Message::Id(..)) && m.is_known(),
        "not a catalog message: {e}"
    );
    assert_eq!(m.english(), e.to_string());
    assert_ne!(
        m.render(Catalog::get(Lang::Es)),
        e.to_string(),
        "not translated: {e}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::BackupError as B;
    use crate::bake::BakeError as K;
    use crate::decode::DecodeError as D;
    use crate::endorsement::EndorsementError as En;
    use crate::env::FetchError as F;
    use crate::export::ExportError as X;
    use crate::export::pdf_read::PdfReadError as R;
    use crate::host_api::HostError as HE;
    use crate::host_api::loopback::RedirectError as RE;
    use crate::host_api::tokens::TokenStoreError as TE;
    use crate::learner_key::{LearnerKeyError as L, VaultError as V};
    use crate::minor_mode::{Action, MinorModeError as M};
    use crate::parse::ParseError as P;
    use crate::share::ShareError as S;
    use crate::store::StoreError as St;
    use crate::store::trust::TrustError as T;
    use crate::trust_list::TrustListError as TL;
    use crate::zipread::ZipReadError as Z;

    /// One value of every variant this module translates (each sub-error also once through
    /// the crate's `Error`).
    fn covered() -> Vec<Box<dyn Localize>> {
        let s = || "x.png".to_string();
        let sql = || rusqlite::Error::QueryReturnedNoRows;
        let v: Vec<Box<dyn Localize>> = vec![
            Box::new(D::Empty),
            Box::new(D::TooLarge { size: 9, limit: 8 }),
            Box::new(D::PngTruncated {
                offset: 8,
                what: "chunk header".into(),
            }),
            Box::new(D::PngTruncated {
                offset: 8,
                what: "signature".into(),
            }),
            Box::new(D::PngTruncated {
                offset: 33,
                what: "`iTXt` chunk".into(),
            }),
            Box::new(D::PngNoIend { offset: 40 }),
            Box::new(D::PngBadChunk {
                offset: 8,
                chunk: "IHDR".into(),
            }),
            Box::new(D::PngBadCrc {
                offset: 8,
                chunk: "IHDR".into(),
            }),
            Box::new(D::PngNoBadge),
            Box::new(D::PngBadText {
                chunk: "iTXt".into(),
            }),
            Box::new(D::PngBadCompression),
            Box::new(D::InflateLimit { limit: 4 }),
            Box::new(D::InvalidUtf8 {
                offset: 3,
                what: "file",
            }),
            Box::new(D::InvalidUtf8 {
                offset: 3,
                what: "png iTXt badge text",
            }),
            Box::new(D::InvalidUtf8 {
                offset: 3,
                what: "svg verify attribute",
            }),
            Box::new(D::SvgEntities),
            Box::new(D::SvgUndefinedEntity("lol".into())),
            Box::new(D::SvgMalformed("unexpected end".into())),
            Box::new(D::SvgNoBadge),
            Box::new(D::SvgEmptyBadge),
            Box::new(D::JwsSegments { found: 2 }),
            Box::new(D::JwsBase64 {
                part: "header",
                detail: "bad byte".into(),
            }),
            Box::new(D::JwsNotJson {
                part: "payload",
                detail: "eof".into(),
            }),
            Box::new(D::JsonTooDeep { limit: 64 }),
            Box::new(D::BadBakedText { container: "png" }),
            Box::new(D::Unrecognized),
            Box::new(P::NotABadge("no type".into())),
            Box::new(P::Unreadable("no issuer".into())),
            Box::new(P::Json("eof".into())),
            Box::new(P::TooDeep { limit: 64 }),
            Box::new(P::NotAnObject("an array")),
            Box::new(P::NotAnObject("a string")),
            Box::new(P::NotAnObject("a number")),
            Box::new(P::NotAnObject("a boolean")),
            Box::new(P::NotAnObject("a jws payload that is not an object")),
            Box::new(P::HostedUrl("https://example.org/b".into())),
            Box::new(P::Jws(D::JwsSegments { found: 1 })),
            Box::new(P::BadEnvelope),
            Box::new(Z::TooManyEntries { count: 9, limit: 8 }),
            Box::new(Z::Budget(8)),
            Box::new(Z::EntryTooLarge(8)),
            Box::new(Z::Missing("a.json".into())),
            Box::new(Z::Entry("crc".into())),
            Box::new(Z::NoName(3)),
            Box::new(M::Locked(Action::Network)),
            Box::new(M::Locked(Action::Export)),
            Box::new(M::Locked(Action::Backup)),
            Box::new(M::Locked(Action::Original)),
            Box::new(M::Locked(Action::Restore)),
            Box::new(M::WrongPassphrase),
            Box::new(M::AlreadyOn),
            Box::new(M::Off),
            Box::new(M::TooShort),
            Box::new(M::Damaged),
            Box::new(M::Kdf("bad".into())),
            Box::new(M::Store(St::Poisoned)),
            Box::new(St::Sqlite(sql())),
            Box::new(St::NoDataDir),
            Box::new(St::TooNew {
                found: 9,
                supported: 8,
            }),
            Box::new(St::Damaged {
                path: s(),
                reason: "bad".into(),
            }),
            Box::new(St::NotAWallet(s())),
            Box::new(St::NeedsPassphrase(s())),
            Box::new(St::WrongPassphrase(s())),
            Box::new(St::NoSuchBadge(7)),
            Box::new(St::NoSuchCollection("Jobs \"A\"".into())),
            Box::new(St::CollectionExists("Jobs".into())),
            Box::new(St::Corrupt {
                what: "badge 1".into(),
                reason: "bad".into(),
            }),
            Box::new(St::Poisoned),
            Box::new(St::Invalid(msg!("err-store-passphrase-empty"))),
            Box::new(St::Invalid(msg!("err-store-not-encrypted", name = s()))),
            Box::new(St::Invalid(msg!(
                "err-store-identity-invalid",
                value = "\"a b\"",
                kind = "email",
                why = msg!("err-store-identity-spaces")
            ))),
            Box::new(St::Invalid(msg!(
                "err-store-identity-invalid",
                value = "\"x\"",
                kind = "email",
                why = msg!("err-store-identity-email")
            ))),
            Box::new(St::Invalid(msg!(
                "err-store-identity-invalid",
                value = "\"x\"",
                kind = "did",
                why = msg!("err-store-identity-did")
            ))),
            Box::new(St::Invalid(msg!(
                "err-store-identity-invalid",
                value = "\"x\"",
                kind = "url",
                why = msg!("err-store-identity-url")
            ))),
            Box::new(St::Invalid(msg!("err-store-identity-empty", kind = "did"))),
            Box::new(St::Invalid(msg!(
                "err-store-identity-too-long",
                kind = "url",
                limit = 2048usize
            ))),
            Box::new(St::Invalid(msg!("err-store-collection-no-name"))),
            Box::new(St::Invalid(msg!(
                "err-store-collection-name-long",
                max = 200usize
            ))),
            Box::new(St::Invalid(msg!("err-store-collection-name-control"))),
            Box::new(St::Invalid(msg!("err-store-order-badges"))),
            Box::new(St::Invalid(msg!("err-store-order-collections"))),
            Box::new(St::Invalid(msg!(
                "err-store-badge-not-in-collection",
                badge = 1i64,
                collection = 2i64
            ))),
            Box::new(St::Invalid(msg!("err-store-tag-empty"))),
            Box::new(St::Invalid(msg!("err-store-tag-long", max = 64usize))),
            Box::new(St::Invalid(msg!("err-store-tag-control"))),
            Box::new(St::Invalid(msg!("err-store-note-long", max = 4096usize))),
            Box::new(St::Invalid(msg!("err-store-setting-no-name"))),
            Box::new(St::Invalid(msg!(
                "err-store-setting-long",
                key = "\"theme\"",
                max = 8usize
            ))),
            Box::new(St::Invalid(msg!(
                "err-store-hosts-ambiguous",
                n = 2usize,
                key = "\"School\""
            ))),
            Box::new(St::Invalid(msg!(
                "err-store-report-not-saved",
                why = St::Poisoned.message()
            ))),
            Box::new(crate::policy::PolicyError::MinorMode(M::Off)),
            Box::new(crate::policy::PolicyError::Store(St::Poisoned)),
            Box::new(TL::TooLarge { size: 9 }),
            Box::new(TL::At {
                line: 1,
                column: 2,
                message: "bad".into(),
            }),
            Box::new(TL::Empty),
            Box::new(TL::Unsupported(msg!("err-trust-list-registries"))),
            Box::new(TL::Unsupported(msg!("err-trust-list-token"))),
            Box::new(T::BadName(msg!("err-trust-name-empty"))),
            Box::new(T::BadName(msg!("err-trust-source-bad"))),
            Box::new(T::List(TL::Empty)),
            Box::new(T::Store(St::Poisoned)),
            Box::new(T::Exists("School".into())),
            Box::new(T::NoSuchList("School".into())),
            Box::new(V::Unavailable("no dbus".into())),
            Box::new(V::NoPassphrase(s())),
            Box::new(V::WrongPassphrase(s())),
            Box::new(V::Damaged {
                path: s(),
                reason: "bad".into(),
            }),
            Box::new(V::Conflict(s())),
            Box::new(L::BadLength(3)),
            Box::new(L::DidMismatch),
            Box::new(L::NoVault {
                why: "no keyring".into(),
                needs_passphrase: true,
            }),
            Box::new(L::StoreNotOffered("the system keyring")),
            Box::new(L::StoreNotOffered(
                "the encrypted key file beside the wallet",
            )),
            Box::new(L::Missing("memory")),
            Box::new(L::Vault(V::Conflict(s()))),
            Box::new(L::Store(St::Poisoned)),
            Box::new(B::NotABackup),
            Box::new(B::UnsupportedVersion(2)),
            Box::new(B::UnsupportedKdf(9)),
            Box::new(B::Truncated("header".into())),
            Box::new(B::TrailingBytes(4)),
            Box::new(B::KdfLimit {
                what: "memory",
                value: 9,
                limit: 8,
            }),
            Box::new(B::Kdf("bad".into())),
            Box::new(B::WrongPassphrase),
            Box::new(B::Damaged),
            Box::new(B::NotAWallet),
            Box::new(B::EmptyPassphrase),
            Box::new(B::WouldOverwrite(s())),
            Box::new(B::TooLarge { size: 9, limit: 8 }),
            Box::new(B::Key("no keyring".into())),
            Box::new(B::Sqlite(sql())),
            Box::new(B::Wallet(
                St::TooNew {
                    found: 9,
                    supported: 8,
                }
                .message(),
            )),
            Box::new(X::Other("bad".into())),
            Box::new(X::Empty),
            Box::new(X::OneBadgeOnly("png")),
            Box::new(X::NoLearnerKey),
            Box::new(X::NothingToPresent),
            Box::new(X::BadPayload {
                badge: "#1".into(),
                reason: "bad".into(),
            }),
            Box::new(X::Sign("bad".into())),
            Box::new(X::GuardianRequired),
            Box::new(X::GuardianWrong),
            Box::new(X::NotInCollection {
                badge: 1,
                collection: "Jobs".into(),
            }),
            Box::new(X::Zip("bad".into())),
            Box::new(X::Pdf("bad".into())),
            Box::new(X::Bake("bad".into())),
            Box::new(K::Png(D::PngNoBadge)),
            Box::new(K::NoIhdr),
            Box::new(K::BadKeyword("ö\n".into())),
            Box::new(K::Svg(D::SvgNoBadge)),
            Box::new(K::NoSvgRoot),
            Box::new(K::NotAnImage),
            Box::new(K::EmptyPayload),
            Box::new(S::Unrecognised),
            Box::new(S::TooLarge { size: 9, limit: 8 }),
            Box::new(S::Zip("bad".into())),
            Box::new(S::ZipLimit {
                what: "entry count",
                limit: 8,
            }),
            Box::new(S::ZipLimit {
                what: "total decompressed bytes read",
                limit: 8,
            }),
            Box::new(S::DuplicatePath("a.json".into())),
            Box::new(S::NoCredentials),
            Box::new(S::BadPresentation("eof".into())),
            Box::new(S::Pdf(R::NotPdf)),
            Box::new(R::NotPdf),
            Box::new(R::Damaged("xref".into())),
            Box::new(R::Encrypted),
            Box::new(R::Limit {
                what: "object count",
                limit: 8,
            }),
            Box::new(R::Limit {
                what: "attachment tree depth",
                limit: 8,
            }),
            Box::new(R::Limit {
                what: "attachment count",
                limit: 8,
            }),
            Box::new(HE::NoConsent),
            Box::new(HE::MinorMode),
            Box::new(HE::NeedsLogin {
                host: "Example".into(),
                url: "https://example.org".into(),
                reason: "the token expired".into(),
            }),
            Box::new(HE::UnknownHost("ex".into())),
            Box::new(HE::BadUrl(msg!("err-host-address-empty"))),
            Box::new(HE::BadUrl(msg!(
                "err-host-url-no-host",
                field = msg!("err-host-field-address")
            ))),
            Box::new(HE::Tokens(TE::Failed("dbus".into()))),
            Box::new(HE::Store(St::Poisoned)),
            Box::new(RE::TimedOut(300)),
            Box::new(RE::Cancelled),
            Box::new(RE::StateMismatch),
            Box::new(RE::Denied("access_denied".into())),
            Box::new(RE::NoCode),
            Box::new(RE::Io("bind".into())),
            Box::new(TE::Unavailable("no dbus".into())),
            Box::new(TE::Failed("dbus".into())),
            Box::new(F::Offline),
            Box::new(F::PrivateAddress {
                url: "http://10.0.0.1/".into(),
                reason: "a private address".into(),
            }),
            Box::new(F::UnsupportedScheme("ftp://x".into())),
            Box::new(F::TooLarge {
                url: "https://x/".into(),
                limit: 8,
            }),
            Box::new(En::NotAnObject),
            Box::new(En::NoEndorser),
            Box::new(En::NoTarget),
            Box::new(F::Transport {
                url: "https://x/".into(),
                message: msg!("err-fetch-connection", detail = "tcp connect error"),
            }),
            Box::new(crate::Error::Decode(D::Unrecognized)),
            Box::new(crate::Error::Parse(P::BadEnvelope)),
            Box::new(crate::Error::Store(St::Poisoned)),
            Box::new(crate::Error::Export(X::Empty)),
            Box::new(crate::Error::Backup(B::Damaged)),
            Box::new(crate::Error::LearnerKey(L::DidMismatch)),
            Box::new(crate::Error::MinorMode(M::Off)),
            Box::new(crate::Error::Share(S::NoCredentials)),
            Box::new(crate::Error::Verify(crate::verify::VerifyError::Internal(
                "a worker panicked".into(),
            ))),
            Box::new(crate::Error::Io {
                path: s(),
                source: os(2),
            }),
            Box::new(St::Io {
                path: s(),
                source: os(13),
            }),
            Box::new(B::Io {
                path: s(),
                source: os(28),
            }),
            Box::new(V::Io {
                path: s(),
                source: os(30),
            }),
            Box::new(crate::Error::Io {
                path: s(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, "bad utf-8"),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "discovery".into(),
                detail: msg!(
                    "err-host-not-ob3",
                    detail = msg!("err-host-answered", status = "404", detail = "not found"),
                    base = "https://h.test/"
                ),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "registration".into(),
                detail: msg!("err-host-refused", detail = "an html page, not json"),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "sign-in".into(),
                detail: RE::Cancelled.message(),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "token".into(),
                detail: msg!(
                    "err-host-answered",
                    status = "400",
                    detail = "invalid_grant"
                ),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "refresh".into(),
                detail: F::Offline.message(),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "getCredentials (offset 50)".into(),
                detail: msg!(
                    "err-host-answered-redirect",
                    status = "302",
                    location = msg!("err-host-nowhere")
                ),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "getCredentials (offset 0)".into(),
                detail: msg!("err-host-refused-nothing-imported", why = "not json"),
            }),
            Box::new(HE::Step {
                host: "h.test".into(),
                step: "getProfile".into(),
                detail: msg!(
                    "err-host-answered-redirect",
                    status = "301",
                    location = "https://elsewhere.test/"
                ),
            }),
        ];
        v
    }

    /// An operating-system error as `std::io::Error` has it (`No such file or directory (os
    /// error 2)`).
    fn os(code: i32) -> std::io::Error {
        std::io::Error::from_raw_os_error(code)
    }

    /// Every I/O error kind the catalog names is the OS's text in English and the catalog's
    /// words in Spanish; any other kind is the OS's text in every language.
    #[test]
    fn io_errors_are_the_os_text_in_english_and_their_kind_in_spanish() {
        use std::io::ErrorKind as K;
        let en = Catalog::get(Lang::En);
        let es = Catalog::get(Lang::Es);
        let named = [
            K::NotFound,
            K::PermissionDenied,
            K::AlreadyExists,
            K::StorageFull,
            K::QuotaExceeded,
            K::ReadOnlyFilesystem,
            K::IsADirectory,
            K::NotADirectory,
            K::DirectoryNotEmpty,
            K::InvalidData,
            K::UnexpectedEof,
            K::InvalidInput,
            K::InvalidFilename,
            K::Interrupted,
            K::TimedOut,
            K::FileTooLarge,
            K::ResourceBusy,
            K::CrossesDevices,
            K::TooManyLinks,
            K::BrokenPipe,
            K::ConnectionRefused,
            K::ConnectionReset,
            K::AddrInUse,
            K::OutOfMemory,
            K::Unsupported,
            K::WriteZero,
        ];
        let mut spanish_words = std::collections::HashSet::new();
        for kind in named {
            let e = std::io::Error::from(kind);
            let m = io_error(&e);
            assert!(matches!(m, Message::Id(..)), "{kind:?}");
            assert!(m.is_known(), "{kind:?}");
            assert_eq!(m.render(en), e.to_string(), "{kind:?}");
            let spanish = m.render(es);
            assert_ne!(spanish, e.to_string(), "{kind:?}");
            assert!(
                !spanish.contains("{$") && !spanish.contains("err-"),
                "{spanish}"
            );
            // Each kind has its own words.
            assert!(spanish_words.insert(spanish.clone()), "{spanish}");
        }
        // The OS's words, lower-cased as an import line has them, stay exactly that in English.
        let lower = io_message(K::NotFound, "no such file or directory (os error 2)");
        assert_eq!(lower.english(), "no such file or directory (os error 2)");
        assert_eq!(lower.render(es), "no existe el archivo o la carpeta");
        // A kind the catalog does not name: the OS text, in every language.
        let other = std::io::Error::other("the disk caught fire");
        assert_eq!(io_error(&other).render(es), "the disk caught fire");
        assert_eq!(
            crate::Error::Io {
                path: "a.png".into(),
                source: other
            }
            .localize(es),
            "a.png: the disk caught fire"
        );
    }

    #[test]
    fn english_is_the_display_text_and_spanish_is_a_translation() {
        let en = Catalog::get(Lang::En);
        let es = Catalog::get(Lang::Es);
        for e in covered() {
            let shown = e.to_string();
            assert!(
                matches!(e.message(), Message::Id(..)),
                "not from the catalog: {shown}"
            );
            assert_eq!(e.localize(en), shown);
            let spanish = e.localize(es);
            assert_ne!(spanish, shown, "not translated: {shown}");
            assert!(
                !spanish.contains("{$") && !spanish.contains("err-") && !spanish.contains('\n'),
                "{spanish}"
            );
        }
    }

    /// The other wallets' refusal and skip lines (`src/wallets`), a host page's refused
    /// items and the wallet's refusals of a learner's value (`StoreError::Invalid`), each with
    /// its English text as the line was before it came from the catalog.
    fn wallet_lines() -> Vec<(Message, &'static str)> {
        let c = Message::Count;
        let notes = |m: Vec<Message>| Message::join("err-wallet-notes", m).unwrap();
        vec![
            (
                msg!("err-wallet-not-credentials", n = c(1)),
                "1 entry that is not a credential",
            ),
            (
                msg!("err-wallet-not-credentials", n = c(2)),
                "2 entries that are not credentials",
            ),
            (msg!("err-wallet-no-credentials"), "no credentials inside"),
            (
                msg!("err-wallet-private-key", field = "privateKeyMultibase"),
                "holds a private key (privateKeyMultibase), so it is not imported",
            ),
            (
                msg!("err-wallet-credential-too-large", limit = 8u64),
                "credential larger than the 8-byte limit (MAX_ZIP_ENTRY_BYTES)",
            ),
            (
                msg!("err-wallet-lcw-encrypted"),
                "an encrypted Learner Credential Wallet backup (made with a passphrase in \
                 2022–2023): no wallet can decrypt this format today; make a new backup from \
                 the wallet app, without a passphrase",
            ),
            (
                msg!("err-wallet-lcw-too-many", entries = 9usize, limit = 8usize),
                "wallet backup has 9 entries, more than the 8-entry limit (MAX_CONTAINER_ITEMS)",
            ),
            (
                msg!("err-wallet-lcw-not-uw"),
                "not a Universal Wallet 2020 profile: not read",
            ),
            (
                msg!("err-wallet-lcw-locked"),
                "a locked wallet profile (status is not UNLOCKED): its contents cannot be read",
            ),
            (
                msg!("err-wallet-lcw-no-contents"),
                "wallet profile without contents",
            ),
            (
                notes(vec![
                    msg!("err-wallet-lcw-secrets", n = c(1)),
                    msg!(
                        "err-wallet-lcw-other",
                        entries = msg!("err-wallet-not-credentials", n = c(3))
                    ),
                    msg!("err-wallet-no-credentials"),
                ]),
                "1 private key skipped: keys and secrets in another wallet's backup are never \
                 imported; 3 entries that are not credentials left out (the profile's DID \
                 document, public keys, name); no credentials inside",
            ),
            (
                msg!("err-wallet-lcw-secrets", n = c(2)),
                "2 private keys skipped: keys and secrets in another wallet's backup are never \
                 imported",
            ),
            (
                msg!("err-wallet-mozilla-missing"),
                "listed in manifest.txt but not in the archive",
            ),
            (
                msg!("err-wallet-badgr-error"),
                "a saved Badge Connect / Badgr response that reports an error: it holds no badges",
            ),
            (
                msg!("err-wallet-badgr-too-many", count = 9usize, limit = 8usize),
                "response lists 9 assertions, more than the 8-item limit (MAX_CONTAINER_ITEMS)",
            ),
            (
                msg!("err-wallet-badgr-too-large", limit = 8u64),
                "assertion larger than the 8-byte limit (MAX_ZIP_ENTRY_BYTES)",
            ),
            (
                msg!("err-wallet-badgr-record", url = "https://x/a"),
                "a Badgr record, not an Open Badge; import the hosted assertion by its url \
                 instead: https://x/a",
            ),
            (
                msg!("err-wallet-learncard-manifest"),
                "manifest.json is not a LearnCard bundle manifest",
            ),
            (
                msg!("err-wallet-learncard-version", version = "\"2.0\""),
                "LearnCard bundle spec version \"2.0\" is not supported (1.x is)",
            ),
            (
                msg!("err-wallet-learncard-mode", mode = "\"rot13\""),
                "manifest.json names an encryption mode this reader does not know (\"rot13\")",
            ),
            (
                msg!(
                    "err-wallet-learncard-too-many",
                    count = 9usize,
                    limit = 8usize
                ),
                "manifest.json lists 9 entries, more than the 8-entry limit (MAX_CONTAINER_ITEMS)",
            ),
            (
                msg!("err-wallet-learncard-payload"),
                "manifest.json: its payloadSha256 does not match its list of contents: the \
                 bundle is damaged or was changed",
            ),
            (
                msg!("err-wallet-learncard-unsafe-path", path = "\"../a\""),
                "manifest.json lists an unsafe or empty path \"../a\": not read",
            ),
            (
                msg!("err-wallet-learncard-missing"),
                "listed in manifest.json but not in the bundle",
            ),
            (
                msg!("err-wallet-learncard-no-sha"),
                "manifest.json gives no valid sha256 for it: not read",
            ),
            (
                msg!("err-wallet-learncard-plaintext"),
                "stored in plaintext although the bundle is encrypted: refused, because anyone \
                 can add such an entry without the password",
            ),
            (
                msg!("err-wallet-learncard-no-password-hint"),
                "encrypted with the bundle's password, which was not given: not read \
                 (backpack import --bundle-password)",
            ),
            (
                msg!("err-wallet-learncard-no-password"),
                "encrypted with the bundle's password, which was not given: not read",
            ),
            (
                msg!("err-wallet-learncard-unlisted"),
                "not listed in manifest.json: not read (it may have been added to the bundle)",
            ),
            (
                notes(vec![
                    msg!(
                        "err-wallet-learncard-secrets",
                        secrets = Message::join(
                            "err-wallet-list",
                            vec![
                                msg!("err-wallet-count-seeds", n = c(1)),
                                msg!("err-wallet-count-key-sets", n = c(2)),
                                msg!("err-wallet-count-phrases", n = c(1)),
                                msg!("err-wallet-count-key-files", n = c(3)),
                            ]
                        )
                        .unwrap()
                    ),
                    msg!(
                        "err-wallet-learncard-other",
                        entries = msg!("err-wallet-not-credentials", n = c(1))
                    ),
                ]),
                "1 wallet seed, 2 private key sets, 1 recovery phrase, 3 other key files skipped \
                 unread: a wallet's seed and keys are never imported; 1 entry that is not a \
                 credential left out (presentations, index and consent records, status lists, \
                 the DID document)",
            ),
            (
                msg!(
                    "err-wallet-learncard-secrets",
                    secrets = Message::join(
                        "err-wallet-list",
                        vec![
                            msg!("err-wallet-count-seeds", n = c(2)),
                            msg!("err-wallet-count-key-sets", n = c(1)),
                            msg!("err-wallet-count-phrases", n = c(2)),
                            msg!("err-wallet-count-key-files", n = c(1)),
                        ]
                    )
                    .unwrap()
                ),
                "2 wallet seeds, 1 private key set, 2 recovery phrases, 1 other key file skipped \
                 unread: a wallet's seed and keys are never imported",
            ),
            (
                msg!("err-wallet-learncard-sha-mismatch"),
                "does not match its sha256 in manifest.json: the entry is damaged or was changed",
            ),
            (
                msg!("err-wallet-learncard-envelope", what = "no iv"),
                "not a LearnCard encryption envelope: no iv",
            ),
            (
                msg!("err-wallet-learncard-kdf", alg = "\"scrypt\""),
                "encrypted with a key derivation this reader does not know (\"scrypt\")",
            ),
            (
                msg!(
                    "err-wallet-learncard-argon2-limit",
                    what = msg!("err-wallet-argon2-memory"),
                    value = 9u32,
                    limit = 8u32,
                    name = "MAX_BUNDLE_KDF_MEMORY_KIB"
                ),
                "asks for argon2 memory cost (KiB) 9, above the limit of 8 \
                 (MAX_BUNDLE_KDF_MEMORY_KIB): not decrypted",
            ),
            (
                msg!(
                    "err-wallet-learncard-argon2-limit",
                    what = msg!("err-wallet-argon2-time"),
                    value = 9u32,
                    limit = 8u32,
                    name = "MAX_BUNDLE_KDF_TIME"
                ),
                "asks for argon2 time cost 9, above the limit of 8 (MAX_BUNDLE_KDF_TIME): not \
                 decrypted",
            ),
            (
                msg!(
                    "err-wallet-learncard-argon2-limit",
                    what = msg!("err-wallet-argon2-lanes"),
                    value = 9u32,
                    limit = 8u32,
                    name = "MAX_BUNDLE_KDF_LANES"
                ),
                "asks for argon2 parallelism 9, above the limit of 8 (MAX_BUNDLE_KDF_LANES): not \
                 decrypted",
            ),
            (
                msg!(
                    "err-wallet-learncard-argon2",
                    detail = "memory cost is too small"
                ),
                "invalid argon2 parameters: memory cost is too small",
            ),
            (msg!("err-wallet-learncard-aes"), "cannot start aes-256-gcm"),
            (
                msg!("err-wallet-learncard-wrong-password"),
                "cannot be decrypted: the password is wrong, or the entry was changed",
            ),
            (
                msg!("err-wallet-pdf-too-large", limit = 8u64),
                "pdf larger than the 8-byte limit (MAX_PDF_BYTES)",
            ),
            (
                msg!("err-wallet-pdf-streams", streams = 9usize, limit = 8usize),
                "pdf has 9 streams, more than the 8-stream limit (MAX_PDF_STREAMS): too large to \
                 be a badge",
            ),
            (
                msg!("err-wallet-pdf-encrypted"),
                "an encrypted pdf: not read",
            ),
            (
                msg!("err-wallet-pdf-not-pdf"),
                "not a readable pdf: it does not start with %PDF-",
            ),
            (
                msg!("err-wallet-pdf-unreadable", detail = "xref"),
                "not a readable pdf: xref",
            ),
            (
                msg!("err-wallet-pdf-no-badge"),
                "pdf holds no badge: no openbadges entry in its document information and no \
                 openbadges:assertion in its xmp metadata",
            ),
            (
                msg!("err-wallet-pdf-dangling"),
                "the pdf's openbadges entry points nowhere",
            ),
            (
                msg!("err-wallet-pdf-not-text"),
                "the pdf's openbadges entry is not a text string",
            ),
            (
                msg!(
                    "err-wallet-pdf-xmp-inflate",
                    limit = 8u64,
                    detail = "too big"
                ),
                "the pdf's xmp metadata does not inflate within the 8-byte limit \
                 (MAX_INFLATED_TEXT_BYTES): too big",
            ),
            (
                msg!("err-store-not-encrypted", name = "w.db"),
                "w.db is not encrypted: open it without a passphrase, or encrypt it with \
                 backpack init --encrypt",
            ),
            (
                msg!(
                    "err-store-identity-invalid",
                    value = "\"a b\"",
                    kind = "email",
                    why = msg!("err-store-identity-spaces")
                ),
                "\"a b\" is not a valid email: it contains spaces or control characters",
            ),
            (
                msg!(
                    "err-store-identity-invalid",
                    value = "\"x\"",
                    kind = "did",
                    why = msg!("err-store-identity-did")
                ),
                "\"x\" is not a valid did: expected did:method:identifier, e.g. did:key:z6Mk…",
            ),
            (
                msg!(
                    "err-store-identity-invalid",
                    value = "\"x\"",
                    kind = "url",
                    why = msg!("err-store-identity-url")
                ),
                "\"x\" is not a valid url: expected an http:// or https:// address",
            ),
            (
                msg!("err-store-identity-email"),
                "expected name@example.org",
            ),
            (
                msg!("err-store-identity-empty", kind = "did"),
                "the did is empty",
            ),
            (
                msg!(
                    "err-store-identity-too-long",
                    kind = "url",
                    limit = 2048usize
                ),
                "the url is longer than 2048 bytes",
            ),
            (
                msg!("err-store-passphrase-empty"),
                "the wallet passphrase is empty",
            ),
            (
                msg!("err-store-collection-no-name"),
                "a collection needs a name",
            ),
            (
                msg!("err-store-collection-name-long", max = 200usize),
                "a collection name is at most 200 characters",
            ),
            (
                msg!("err-store-collection-name-control"),
                "a collection name cannot hold control characters",
            ),
            (
                msg!("err-store-order-badges"),
                "the new order must list exactly the badges in the collection, once each",
            ),
            (
                msg!("err-store-order-collections"),
                "the new order must list every collection once",
            ),
            (
                msg!(
                    "err-store-badge-not-in-collection",
                    badge = 1i64,
                    collection = 2i64
                ),
                "badge #1 is not in collection #2",
            ),
            (msg!("err-store-tag-empty"), "a tag cannot be empty"),
            (
                msg!("err-store-tag-long", max = 64usize),
                "a tag is at most 64 characters",
            ),
            (
                msg!("err-store-tag-control"),
                "a tag cannot hold control characters",
            ),
            (
                msg!("err-store-note-long", max = 4096usize),
                "a note is at most 4096 bytes (limit MAX_NOTE_BYTES)",
            ),
            (msg!("err-store-setting-no-name"), "a setting needs a name"),
            (
                msg!("err-store-setting-long", key = "\"theme\"", max = 8usize),
                "setting \"theme\" is longer than 8 bytes",
            ),
            (
                msg!("err-store-hosts-ambiguous", n = 2usize, key = "\"School\""),
                "2 hosts are named \"School\": name one by its number or URL (backpack hosts list)",
            ),
            (
                msg!("err-store-report-not-saved", why = "disk full"),
                "the report was not saved: disk full",
            ),
            (
                msg!("err-trust-list-registries"),
                "this is a list of registries (names and addresses), not a list of issuers: \
                 download one of the registries it names and import that file",
            ),
            (
                msg!("err-trust-list-token"),
                "this is a signed token (an OpenID Federation entity statement?); backpack reads \
                 backpack-trust-list and DCC registry.json files, not OpenID Federation registries",
            ),
            (
                msg!(
                    "err-trust-list-format",
                    format = "\"csv\"",
                    expected = "\"backpack-trust-list\""
                ),
                "unknown trust list format \"csv\" (expected \"backpack-trust-list\" or a DCC \
                 registry.json)",
            ),
            (
                msg!(
                    "err-trust-list-not-a-list",
                    format = "\"format\": \"backpack-trust-list\"",
                    registry = "\"registry\""
                ),
                "not a trust list: expected \"format\": \"backpack-trust-list\" or a DCC registry \
                 with a \"registry\" object",
            ),
            (
                msg!(
                    "err-trust-list-newer",
                    format = "backpack-trust-list",
                    version = 2u64,
                    supported = 1u64
                ),
                "backpack-trust-list version 2 is newer than this backpack reads (version 1): \
                 update backpack",
            ),
            (
                msg!(
                    "err-trust-list-needs-version",
                    format = "backpack-trust-list",
                    version = "\"version\": 1"
                ),
                "backpack-trust-list needs \"version\": 1",
            ),
            (
                msg!(
                    "err-trust-name-bad",
                    name = "\"12\"",
                    why = msg!("err-trust-name-number")
                ),
                "trust list name \"12\" is only a number; numbers are list ids (choose a name \
                 with letters)",
            ),
            (
                msg!(
                    "err-trust-name-bad",
                    name = "\"a\"",
                    why = msg!("err-trust-name-long")
                ),
                "trust list name \"a\" is too long (at most 200 characters)",
            ),
            (
                msg!(
                    "err-trust-name-bad",
                    name = "\"a\"",
                    why = msg!("err-trust-name-control")
                ),
                "trust list name \"a\" contains control characters",
            ),
            (msg!("err-trust-name-empty"), "a trust list needs a name"),
            (
                msg!("err-trust-source-bad"),
                "the source must be one line of at most 2048 characters",
            ),
            (
                msg!("err-host-address-empty"),
                "give the address of the badge host",
            ),
            (
                msg!(
                    "err-host-url-plain-http",
                    field = msg!("err-host-field-address"),
                    url = "http://x/"
                ),
                "the host address http://x/ is plain http: a badge host must use https (http \
                 only to 127.0.0.1 with --insecure-loopback, for tests)",
            ),
            (
                msg!(
                    "err-host-url-credentials",
                    field = msg!("err-host-field-auth")
                ),
                "the authorization url carries a user name or password",
            ),
            (
                msg!(
                    "err-host-url-no-host",
                    field = msg!("err-host-field-address")
                ),
                "the host address has no host",
            ),
            (
                msg!(
                    "err-host-url-scheme",
                    field = msg!("err-host-field-address"),
                    scheme = "\"ftp\""
                ),
                "the host address has the scheme \"ftp\": only https urls are used",
            ),
            (
                msg!(
                    "err-host-not-web-address",
                    text = "\"x y\"",
                    detail = "invalid domain character"
                ),
                "\"x y\" is not a web address: invalid domain character",
            ),
            (
                msg!("err-fetch-timed-out", time = "1 s"),
                "no complete response within 1 s (HTTP_TIMEOUT_SECS, a total deadline for \
                 connect, headers and body); stopped",
            ),
            (
                msg!("err-fetch-host-timed-out", ms = "500"),
                "no complete response within 500 ms (a total deadline for connect, headers and \
                 body); stopped",
            ),
            (
                msg!("err-fetch-host-plain-http"),
                "a badge host must use https (plain http is allowed only to 127.0.0.1 with \
                 --insecure-loopback, for tests)",
            ),
            (
                msg!("err-fetch-client", detail = "no tls"),
                "cannot start http client: no tls",
            ),
            (
                msg!("err-fetch-connection", detail = "refused"),
                "connection failed: refused",
            ),
            (
                msg!("err-fetch-redirect-no-location", status = "302"),
                "redirect 302 without a location",
            ),
            (
                msg!("err-fetch-redirect-invalid", url = "\"::\""),
                "redirect to an invalid url \"::\"",
            ),
            (
                msg!("err-fetch-reading", detail = "reset"),
                "reading the response failed: reset",
            ),
            (
                msg!("err-fetch-redirects", max = 5usize),
                "more than 5 redirects",
            ),
            (
                msg!(
                    "err-fetch-resolve",
                    host = "x.test",
                    detail = "no such host"
                ),
                "cannot resolve x.test: no such host",
            ),
            (
                msg!("err-fetch-no-address", host = "x.test"),
                "x.test resolves to no address",
            ),
            (
                msg!("err-fetch-runtime", detail = "no threads"),
                "cannot start the http runtime: no threads",
            ),
            (
                msg!("err-fetch-url-deadline", secs = 60u64),
                "not fetched: importing one url may take at most 60 s (URL_IMPORT_DEADLINE_SECS)",
            ),
            (
                msg!("err-host-item-not-object"),
                "the credential array holds something that is not a json object",
            ),
            (
                msg!("err-host-item-too-large", limit = 8u64),
                "larger than the 8-byte limit (MAX_FILE_BYTES)",
            ),
            (
                msg!("err-host-item-too-deep", limit = 128usize),
                "json nests deeper than 128 levels (MAX_JSON_DEPTH)",
            ),
            (
                msg!("err-host-item-not-jws", text = "\"abc\""),
                "not a compact jws (header.payload.signature in base64url): \"abc\"",
            ),
            (
                msg!("err-host-item-not-string"),
                "the compactJwsString array holds something that is not a string",
            ),
            (
                msg!("err-wallet-pdf-xmp", detail = D::SvgEntities.message()),
                "the pdf's xmp metadata: svg doctype declares xml entities; refused because \
                 entity expansion allows billion-laughs and xxe attacks",
            ),
        ]
    }

    #[test]
    fn wallet_lines_are_the_old_english_and_translated() {
        let es = Catalog::get(Lang::Es);
        for (m, english) in wallet_lines() {
            assert_eq!(m.english(), english);
            let spanish = m.render(es);
            assert_ne!(spanish, english, "not translated: {english}");
            assert!(
                !spanish.contains("{$") && !spanish.contains("err-") && !spanish.contains('\n'),
                "{spanish}"
            );
        }
    }

    #[test]
    fn exact_spanish_sentences() {
        let es = Catalog::get(Lang::Es);
        assert_eq!(
            D::PngBadCrc {
                offset: 33,
                chunk: "IHDR".into()
            }
            .localize(es),
            "png dañado: el crc no coincide en el bloque `IHDR` en el byte 33"
        );
        assert_eq!(
            M::Locked(Action::Export).localize(es),
            "el modo menor está activado: exportar requiere la frase de contraseña de la persona tutora"
        );
        assert_eq!(
            P::NotAnObject("an array").localize(es),
            "el json es un arreglo, pero una insignia es un solo objeto json"
        );
        assert_eq!(
            crate::Error::Io {
                path: "/tmp/missing.png".into(),
                source: os(2),
            }
            .localize(es),
            "/tmp/missing.png: no existe el archivo o la carpeta"
        );
        assert_eq!(
            crate::Error::Io {
                path: "/tmp/missing.png".into(),
                source: os(2),
            }
            .localize(Catalog::get(Lang::En)),
            "/tmp/missing.png: No such file or directory (os error 2)"
        );
        assert_eq!(
            B::Io {
                path: "out.backpack".into(),
                source: os(28),
            }
            .localize(es),
            "out.backpack: no queda espacio en el dispositivo"
        );
        assert_eq!(
            HE::Step {
                host: "h.test".into(),
                step: "discovery".into(),
                detail: msg!(
                    "err-host-not-ob3",
                    detail = msg!("err-host-answered", status = "404", detail = "not found"),
                    base = "https://h.test/"
                ),
            }
            .localize(es),
            "h.test: descubrimiento: respondió 404: not found (¿es https://h.test/ un servidor \
             Open Badges 3.0?)"
        );
        assert_eq!(
            K::Png(D::PngNoBadge).localize(es),
            "no se puede hornear en este png: el png no contiene datos de insignia: ningún bloque \
             iTXt, tEXt o zTXt con la palabra clave openbadges, openbadgecredential o \
             clrcredential (¿es una imagen sin hornear?)"
        );
    }

    #[test]
    fn words_not_from_the_core_are_shown_as_given() {
        let es = Catalog::get(Lang::Es);
        for e in [
            Box::new(St::Invalid("some sentence".into())) as Box<dyn Localize>,
            Box::new(Z::Unreadable("invalid Zip archive".into())),
            Box::new(TL::Unsupported("csv with no header".into())),
            Box::new(B::Wallet("wallet says".into())),
        ] {
            assert_eq!(e.localize(es), e.to_string());
        }
        // An unknown word passed into a sentence stays as it is.
        assert_eq!(
            S::ZipLimit {
                what: "widgets",
                limit: 2
            }
            .localize(es),
            "el paquete zip supera el límite de widgets de 2"
        );
    }
}
