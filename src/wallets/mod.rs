//! Import from other wallets: their exports are recognised by content (never by file name)
//! and opened like a folder, one input per credential found inside (issue 11).
//!
//! | Export | Reader | Recognised by |
//! |---|---|---|
//! | DCC Learner Credential Wallet backup (Universal Wallet 2020 "UNLOCKED") | [`lcw`] | JSON, `"type": "UniversalWallet2020"` |
//! | LearnCard holder-continuity bundle | [`learncard`] | ZIP with a `manifest.json` holding `specVersion` and `contents` |
//! | Canvas Credentials / Badgr: Badge Connect `getAssertions` response, v2 API `result` list | [`badgr`] | JSON `{"status": {…}, "results"/"result": […]}` |
//! | Mozilla Backpack export ZIP | [`mozilla`] | ZIP with a root `manifest.txt` `{email: [image names]}` |
//! | Open Badge Factory PDF badge | [`pdf`] | `%PDF-`: Info key `openbadges`, or XMP `<openbadges:assertion verify="…">` |
//! | Credly, OBF, Badgr downloads (baked PNG/SVG, hosted OB 2.0 JSON) | [`crate::decode`] | as any badge file |
//! | A hosted OB 2.0 assertion or an OB 3.0 credential by URL | [`url`] | an `https://` argument |
//!
//! Rules every reader keeps:
//! - **Hostile containers.** A credential inside is held to the ZIP import's limits
//!   ([`limits::MAX_ZIP_ENTRY_BYTES`] each, [`limits::MAX_CONTAINER_ITEMS`] per container); a
//!   ZIP-based export is only ever opened through the core's one bounded ZIP reader
//!   ([`crate::zipread`]: entry count, total budget, names), its manifest read under that
//!   budget, its credentials read by the importer (nested ZIPs refused); one whose entries
//!   declare or inflate to more than the budget gets one refused line and nothing of it is
//!   imported, an entry whose name is not a plain relative path one refused line of its own;
//!   JSON backups are capped by [`limits::MAX_BACKUP_BYTES`] and [`limits::MAX_JSON_DEPTH`]; a
//!   PDF by the `MAX_PDF_*` limits. Every refused item is one line naming the container and the
//!   item (`backup.json:credential 3: …`); nothing of a refused item is written.
//! - **Secrets are never imported.** Private keys (`privateKeyMultibase`, a JWK's `d`, …),
//!   wallet seeds, recovery phrases and key sets are skipped unread where the format says
//!   what they are (LearnCard's `keys/`), or recognised by shape and wiped from memory (LCW).
//!   Their values never reach an outcome, a log or the wallet; one `skipped` line per
//!   container says how many were left out.
//! - **Originals.** What is stored is the credential as it sits inside the export: the exact
//!   bytes of a JSON backup's entry, a ZIP entry as stored (after decryption, for LearnCard),
//!   the badge text of a PDF's `openbadges` entry.
//!
//! Formats: Universal Wallet 2020 <https://w3c-ccg.github.io/universal-wallet-interop-spec/>;
//! LearnCard bundle spec 1.0.0
//! <https://github.com/learningeconomy/LearnCard/tree/main/packages/holder-continuity-bundle>;
//! Badge Connect (OB 2.1) <https://www.imsglobal.org/spec/ob/v2p1/>; Open Badges baking
//! <https://www.imsglobal.org/spec/ob/v3p0/#baking>; XMP <https://www.adobe.com/devnet/xmp.html>.
//! Where no public sample of a format exists (LCW, LearnCard, Mozilla, OBF PDF), the readers
//! follow the producers' code, and the tests build samples from that documented structure.

pub mod badgr;
pub mod lcw;
pub mod learncard;
pub mod mozilla;
pub mod pdf;
pub mod url;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use zeroize::Zeroizing;

use crate::import::{FileOutcome, FileResult, Reason};
use crate::limits;
use crate::localize::{Message, msg};
use crate::zipread::BoundedZip;

/// What kind of export a file is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A DCC Learner Credential Wallet backup (Universal Wallet 2020, unlocked).
    LcwBackup,
    /// A DCC Learner Credential Wallet backup made with a passphrase (2022–2023): unreadable.
    LcwEncrypted,
    /// A LearnCard holder-continuity bundle.
    LearnCardBundle,
    /// A Badge Connect `getAssertions` response (Canvas Credentials / Badgr).
    BadgeConnect,
    /// A Badgr v2 API list (`{"status": {"success": …}, "result": […]}`).
    BadgrApi,
    /// A Mozilla Backpack export ZIP.
    MozillaZip,
    /// A PDF (Open Badge Factory PDF badges carry the badge inside).
    Pdf,
}

/// What the learner gives to open another wallet's export. `Debug` never shows it.
#[derive(Clone, Default)]
pub struct Unlock {
    /// The password of a LearnCard bundle.
    pub bundle_password: Option<Arc<Zeroizing<String>>>,
}

impl Unlock {
    /// With a LearnCard bundle password.
    pub fn with_bundle_password(password: String) -> Unlock {
        Unlock {
            bundle_password: Some(Arc::new(Zeroizing::new(password))),
        }
    }
}

impl std::fmt::Debug for Unlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unlock")
            .field(
                "bundle_password",
                &self.bundle_password.as_ref().map(|_| "(given)"),
            )
            .finish()
    }
}

/// One input found inside an export, in the importer's list of work.
#[derive(Debug)]
pub(crate) enum Item {
    /// A credential already read out of the container.
    Ready {
        /// `backup.json:credential 3`.
        source: String,
        /// The credential as stored in the container.
        bytes: Vec<u8>,
    },
    /// A ZIP entry, read through the importer's ZIP reader when its turn comes.
    Zip {
        /// The archive.
        archive: PathBuf,
        /// Entry index.
        index: usize,
        /// Entry name.
        name: String,
        /// What to check or undo once it is read.
        check: ZipCheck,
    },
    /// A PDF, read when its turn comes.
    Pdf {
        /// The file.
        path: PathBuf,
    },
    /// Decided already: a refusal, the skipped secrets.
    Done(FileOutcome),
}

/// What happens to a ZIP entry of an export after the ZIP reader has read it.
#[derive(Debug)]
pub(crate) enum ZipCheck {
    /// Nothing: it is a badge file as any other (a Mozilla Backpack baked image).
    Plain,
    /// A LearnCard entry: its hash, and decryption when the manifest says it is encrypted.
    LearnCard(learncard::EntryCheck),
}

impl Item {
    /// The ZIP entry to read first, if this item is one.
    pub(crate) fn zip_entry(&self) -> Option<(PathBuf, usize, String)> {
        match self {
            Item::Zip {
                archive,
                index,
                name,
                ..
            } => Some((archive.clone(), *index, name.clone())),
            _ => None,
        }
    }
}

/// The source name of a path, as the importer writes it.
fn display(p: &Path) -> String {
    p.display().to_string()
}

/// A refusal naming `source`.
pub(crate) fn refused(source: &str, why: impl Into<Message>) -> FileOutcome {
    FileOutcome {
        source: source.to_string(),
        result: FileResult::Refused {
            reason: Reason::new(source, why.into()),
        },
        status: None,
    }
}

/// A `skipped` line naming `source`.
pub(crate) fn skipped(source: &str, why: impl Into<Message>) -> FileOutcome {
    FileOutcome {
        source: source.to_string(),
        result: FileResult::Skipped {
            reason: Reason::new(source, why.into()),
        },
        status: None,
    }
}

/// Bytes examined to recognise a file.
const HEAD_BYTES: usize = 1024;

/// What kind of export `path` holds, by content; `None` for anything else (a badge file, a
/// plain ZIP, something unreadable: the importer reports those as before).
pub fn detect_path(path: &Path) -> Option<Kind> {
    let head = read_head(path)?;
    if head.starts_with(b"PK\x03\x04") {
        return zip_kind(&mut open_zip(path)?);
    }
    if is_pdf(&head) {
        return Some(Kind::Pdf);
    }
    if !looks_json(&head) {
        return None;
    }
    let bytes = read_backup(path)?;
    detect_json(&bytes)
}

/// What kind of JSON export `bytes` is.
pub fn detect_json(bytes: &[u8]) -> Option<Kind> {
    if let Some(k) = lcw::detect(bytes) {
        return Some(k);
    }
    badgr::detect(bytes)
}

/// `path` as a ZIP read through the core's one bounded ZIP reader ([`crate::zipread`]), under
/// the ZIP import's total budget; `None` when it cannot be read as one, or has more entries
/// than [`limits::MAX_ZIP_ENTRIES`] (the importer's plain ZIP reader then says why, in the
/// same words).
fn open_zip(path: &Path) -> Option<BoundedZip<std::fs::File>> {
    let f = std::fs::File::open(path).ok()?;
    BoundedZip::open(f, limits::MAX_ZIP_TOTAL_BYTES).ok()
}

/// Why a ZIP export is refused whole, before any entry is read: the entries it would read (the
/// ZIP entries among `items`) declare, or really inflate to, more than the archive's budget
/// ([`BoundedZip::fits_budget`], a dry pass that keeps nothing). The words are the importer's
/// for a plain ZIP over the same budget; nothing of the export is imported.
pub(crate) fn over_budget<R: Read + std::io::Seek>(
    archive: &mut BoundedZip<R>,
    items: &[Item],
) -> Option<crate::localize::Message> {
    let read: Vec<usize> = items
        .iter()
        .filter_map(|i| i.zip_entry().map(|(_, index, _)| index))
        .collect();
    archive
        .fits_budget(&read, limits::MAX_ZIP_ENTRY_BYTES)
        .is_err()
        .then(|| crate::import::zip_over_budget(archive.budget()))
}

/// The line for a ZIP entry whose name is not a plain relative path
/// ([`crate::zipread::unsafe_name`]), worded and escaped as the importer's line for a plain ZIP.
pub(crate) fn unsafe_entry(path: &Path, name: &str, why: &str) -> Item {
    Item::Done(refused(
        &format!("{}:{}", display(path), name.escape_debug()),
        msg!("err-import-zip-bad-name", why = crate::localize::word(why)),
    ))
}

/// A ZIP export is known by its manifest's content (a Backpack ZIP export also has a
/// `manifest.json`, of another shape).
fn zip_kind<R: Read + std::io::Seek>(archive: &mut BoundedZip<R>) -> Option<Kind> {
    if archive.index_for_name(learncard::MANIFEST).is_some() && learncard::is_bundle(archive) {
        return Some(Kind::LearnCardBundle);
    }
    if archive.index_for_name(mozilla::MANIFEST).is_some() && mozilla::is_export(archive) {
        return Some(Kind::MozillaZip);
    }
    None
}

fn read_head(path: &Path) -> Option<Vec<u8>> {
    let f = std::fs::File::open(path).ok()?;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    f.take(HEAD_BYTES as u64).read_to_end(&mut head).ok()?;
    Some(head)
}

/// `%PDF-` within the first kilobyte (readers allow leading junk there).
fn is_pdf(head: &[u8]) -> bool {
    head.windows(5).any(|w| w == b"%PDF-")
}

fn looks_json(head: &[u8]) -> bool {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    matches!(
        body.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    )
}

/// A JSON file small enough to be read whole as a backup; wiped from memory when dropped
/// (an LCW backup holds private keys).
fn read_backup(path: &Path) -> Option<Zeroizing<Vec<u8>>> {
    let f = std::fs::File::open(path).ok()?;
    let mut buf = Zeroizing::new(Vec::new());
    f.take(limits::MAX_BACKUP_BYTES + 1)
        .read_to_end(&mut buf)
        .ok()?;
    (buf.len() as u64 <= limits::MAX_BACKUP_BYTES).then_some(buf)
}

/// Expand `path` when it is another wallet's export: the inputs found inside, in order.
/// `None`: not an export (the importer treats it as before).
pub(crate) fn expand(path: &Path, unlock: &Unlock) -> Option<Vec<Item>> {
    // As the importer's ZIP sniffing does: a baked image or a token by its name is not opened
    // twice (no export is written under those names; the extra open + 1 KiB read measured
    // 52-67 ms per 10,000 files, ~4% of the import bench).
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if matches!(ext.as_deref(), Some("png" | "svg" | "jwt" | "jws")) {
        return None;
    }
    let head = read_head(path)?;
    let source = display(path);
    if head.starts_with(b"PK\x03\x04") {
        let mut archive = open_zip(path)?;
        return match zip_kind(&mut archive)? {
            Kind::LearnCardBundle => Some(learncard::expand(path, archive, unlock)),
            Kind::MozillaZip => mozilla::expand(path, archive),
            _ => None,
        };
    }
    if is_pdf(&head) {
        return Some(vec![Item::Pdf {
            path: path.to_path_buf(),
        }]);
    }
    if !looks_json(&head) {
        return None;
    }
    let bytes = read_backup(path)?;
    if let Some(items) = lcw::expand(&source, &bytes) {
        return Some(items);
    }
    badgr::expand(&source, &bytes)
}

/// The bytes of one item once its ZIP entry (if any) has been read, or its outcome.
pub(crate) fn finish(
    item: &Item,
    raw: Option<(String, Vec<u8>)>,
) -> Result<(String, Vec<u8>), Box<FileOutcome>> {
    match (item, raw) {
        (Item::Ready { source, bytes }, _) => Ok((source.clone(), bytes.clone())),
        (Item::Done(o), _) => Err(Box::new(o.clone())),
        (Item::Pdf { path }, _) => pdf::read(path),
        (Item::Zip { check, .. }, Some((source, bytes))) => match check {
            ZipCheck::Plain => Ok((source, bytes)),
            ZipCheck::LearnCard(c) => learncard::open(c, source, bytes),
        },
        (Item::Zip { archive, name, .. }, None) => Err(Box::new(FileOutcome {
            source: format!("{}:{name}", display(archive)),
            result: FileResult::Failed {
                reason: format!("{}:{name}: zip entry not read", display(archive)).into(),
            },
            status: None,
        })),
    }
}

/// Field names that hold a private key or a seed, wherever they appear in an entry.
const SECRET_FIELDS: [&str; 9] = [
    "privateKeyMultibase",
    "privateKeyBase58",
    "privateKeyBase64",
    "privateKeyHex",
    "privateKeyPem",
    "privateKeyJwk",
    "secretKeyMultibase",
    "secretKeyBase58",
    "secretKeyJwk",
];

/// Field names that hold a secret when they sit at the top of a wallet entry (not inside a
/// credential, where `seed` may well be a word of a badge).
const SECRET_TOP_FIELDS: [&str; 6] = [
    "seed",
    "mnemonic",
    "recoveryPhrase",
    "privateKey",
    "secretKey",
    "secret",
];

/// The name of the first secret field in `v` (never its value), if any.
pub(crate) fn secret_field(v: &Value) -> Option<&'static str> {
    if let Value::Object(m) = v {
        for f in SECRET_TOP_FIELDS {
            if m.contains_key(f) {
                return Some(f);
            }
        }
    }
    nested_secret(v, 0)
}

fn nested_secret(v: &Value, depth: usize) -> Option<&'static str> {
    if depth > limits::MAX_JSON_DEPTH {
        return None;
    }
    match v {
        Value::Object(m) => {
            for f in SECRET_FIELDS {
                if m.contains_key(f) {
                    return Some(f);
                }
            }
            // A private JWK: its `d` (EC, OKP, RSA).
            if m.contains_key("kty") && m.contains_key("d") {
                return Some("a private JWK (d)");
            }
            m.values().find_map(|x| nested_secret(x, depth + 1))
        }
        Value::Array(a) => a.iter().find_map(|x| nested_secret(x, depth + 1)),
        _ => None,
    }
}

/// Overwrite every string in `v` (a key entry about to be dropped) in memory.
pub(crate) fn wipe(v: &mut Value) {
    use zeroize::Zeroize;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => s.zeroize(),
            Value::Array(a) => stack.extend(a.iter_mut()),
            Value::Object(m) => stack.extend(m.values_mut()),
            _ => {}
        }
    }
}

/// "1 entry that is not a credential", "2 entries that are not credentials".
pub(crate) fn not_credentials(n: usize) -> Message {
    msg!("err-wallet-not-credentials", n = Message::Count(n))
}

/// The notes of one `skipped` line, joined by "; ".
pub(crate) fn notes(notes: Vec<Message>) -> Option<Message> {
    Message::join("err-wallet-notes", notes)
}
