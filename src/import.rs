//! Import: files, folders and ZIPs → [`decode`](crate::decode) → [`parse`](crate::parse) →
//! [`Wallet`], one outcome per input file (issue 2).
//!
//! - A folder is walked recursively in sorted order (deterministic), skipping hidden files
//!   and folders (`.name`) and never following symlinked folders (no loops).
//! - A `.zip` archive (by name or by its `PK\x03\x04` signature) is read entry by entry
//!   within [`limits::MAX_ZIP_ENTRIES`], [`limits::MAX_ZIP_ENTRY_BYTES`] and
//!   [`limits::MAX_ZIP_TOTAL_BYTES`]; each entry is one input, named `archive.zip:path`. The
//!   total budget is all or nothing: before any entry is read, a dry pass inflates the entries
//!   to be read into nothing ([`BoundedZip::fits_budget`]), and an archive that expands past
//!   the budget (whatever sizes it declares) is refused in one line (`zip_over_budget`) with
//!   no entry of it stored. Another wallet's ZIP export ([`crate::wallets`]) is held to the
//!   same rule.
//! - `-` reads the badge from stdin (at most [`limits::MAX_FILE_BYTES`]).
//! - The batch never stops on one bad file. A refused file writes nothing: decode and parse
//!   run before the wallet is touched, and the wallet writes each badge (with a CLR's inner
//!   credentials) in one transaction.
//! - Import **keeps** every badge it can parse, even one that later fails verification;
//!   it refuses only input that holds no readable badge (OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/>, Backpack's own rule).

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::limits;
use crate::localize::{Localize, Message, msg};
use crate::store::{Checked, ImportBatch, ImportOutcome, Wallet};
use crate::verify::Status;
use crate::verify::VerifyContext;
use crate::zipread::{BoundedZip, ZipReadError};
use rayon::prelude::*;

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum FileResult {
    /// Stored as a new badge.
    Imported {
        /// Wallet id.
        id: i64,
        /// Badge name.
        name: String,
        /// Wallet ids of the credentials stored from inside a CLR.
        embedded: Vec<i64>,
        /// The older version it replaced as current (kept as history).
        replaced: Option<i64>,
    },
    /// An older version of a badge in the wallet: kept as history of `current`.
    History {
        /// Wallet id.
        id: i64,
        /// Badge name.
        name: String,
        /// The current version.
        current: i64,
    },
    /// Already in the wallet.
    Duplicate {
        /// The badge already there.
        id: i64,
        /// Badge name.
        name: String,
    },
    /// Claims to be a newer version of `current` but is not signed with the issuer's key:
    /// kept beside it, not in its place.
    Conflict {
        /// Wallet id.
        id: i64,
        /// Badge name.
        name: String,
        /// The badge that stays current.
        current: i64,
    },
    /// An endorsement (OB 3.0 EndorsementCredential), kept as what it is and attached to what
    /// it endorses.
    Endorsement {
        /// Its id among the wallet's endorsements.
        id: i64,
        /// Its name.
        name: String,
        /// Who endorses, as it says.
        endorser: Option<String>,
        /// What it endorses (`credentialSubject.id`).
        target: String,
        /// Badges in the wallet it attaches to.
        attached_to: Vec<i64>,
        /// It was already in the wallet.
        duplicate: bool,
    },
    /// Not a badge, left out on purpose: the keys and secrets found in another wallet's
    /// export (never imported, never shown), its entries that are not credentials.
    Skipped {
        /// `"<source>: <what was left out>"`.
        reason: Reason,
    },
    /// The input holds no readable badge. `reason` is one line starting with the source.
    Refused {
        /// `"<source>: <what is wrong>"`.
        reason: Reason,
    },
    /// Not the file's fault: it could not be read, or the wallet failed (I/O error).
    Failed {
        /// `"<source>: <what went wrong>"`.
        reason: Reason,
    },
}

/// The line of a refused, skipped or failed input: `"<source>: <why>"` in English (what JSON
/// output, logs and tests read: it derefs to that text and serialises as it), and the same
/// line in the learner's language ([`Reason::localize`]) when the why is a catalog message.
#[derive(Debug, Clone)]
pub struct Reason {
    text: String,
    /// The source and the why, when the why is a catalog message.
    parts: Option<Box<(String, Message)>>,
}

impl Reason {
    /// `"<source>: <why>"`.
    pub fn new(source: &str, why: Message) -> Reason {
        Reason {
            text: format!("{source}: {}", why.english()),
            parts: Some(Box::new((source.to_string(), why))),
        }
    }

    /// `"<source>: <error>"` (English: the error's `Display`).
    pub fn error(source: &str, e: &(impl Localize + ?Sized)) -> Reason {
        Reason {
            text: format!("{source}: {e}"),
            parts: Some(Box::new((source.to_string(), e.message()))),
        }
    }

    /// The line in `cat`'s language (the source as given).
    pub fn localize(&self, cat: &crate::i18n::Catalog) -> String {
        match &self.parts {
            Some(p) => format!("{}: {}", p.0, p.1.render(cat)),
            None => self.text.clone(),
        }
    }

    /// The English line.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// A line with no catalog message (shown as is in every language).
impl From<String> for Reason {
    fn from(text: String) -> Reason {
        Reason { text, parts: None }
    }
}
impl From<&str> for Reason {
    fn from(text: &str) -> Reason {
        Reason::from(text.to_string())
    }
}
impl std::ops::Deref for Reason {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}
/// Two lines are equal when their English text is.
impl PartialEq for Reason {
    fn eq(&self, other: &Reason) -> bool {
        self.text == other.text
    }
}
impl Eq for Reason {}
impl PartialEq<str> for Reason {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}
impl PartialEq<&str> for Reason {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}
impl PartialEq<String> for Reason {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}
impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// One input file and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileOutcome {
    /// The file (`dir/a.png`, `badges.zip:inner/b.json`, `stdin`).
    pub source: String,
    /// What happened.
    #[serde(flatten)]
    pub result: FileResult,
    /// The status from verifying a newly stored badge, when verification was on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

impl FileOutcome {
    /// True when the badge is (now or already) in the wallet.
    pub fn is_ok(&self) -> bool {
        !matches!(
            self.result,
            FileResult::Refused { .. } | FileResult::Failed { .. } | FileResult::Skipped { .. }
        )
    }
}

/// Options for an import run.
#[derive(Default)]
pub struct ImportOptions<'a> {
    /// Verify each newly stored badge and keep the report (`None`: verification off).
    pub verify: Option<&'a VerifyContext<'a>>,
    /// Set it to stop between two groups (the app's Cancel): every group already stored stays,
    /// whole; the inputs after it are not read and get no outcome.
    pub cancel: Option<&'a std::sync::atomic::AtomicBool>,
    /// Inputs per group (one commit and one `progress` call each); 0 means [`BATCH_SIZE`]. The
    /// app uses smaller groups so progress moves and Cancel answers quickly.
    pub group: usize,
}

impl ImportOptions<'_> {
    fn cancelled(&self) -> bool {
        self.cancel
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst))
    }
}

/// One unit of work, known before any is processed so progress has a total.
#[derive(Debug)]
enum Item {
    File(PathBuf),
    Stdin,
    ZipEntry {
        archive: PathBuf,
        index: usize,
        name: String,
    },
    /// Found inside another wallet's export ([`crate::wallets`]).
    Wallet(crate::wallets::Item),
    /// Left out on purpose while walking (a link to a folder), with why.
    Skipped {
        source: String,
        reason: Message,
    },
    /// Could not even be listed (missing path, unreadable folder, bad archive).
    Broken {
        source: String,
        reason: Message,
        refused: bool,
    },
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn looks_like_zip(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("zip") => return true,
        // Badge files by name: no need to open them twice to sniff.
        Some("png" | "svg" | "json" | "jsonld" | "jwt" | "jws" | "txt") => return false,
        _ => {}
    }
    let mut sig = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut sig))
        .is_ok()
        && sig == *b"PK\x03\x04"
}

/// An I/O error as an import line says it: the OS's words in lower case in English, the
/// catalog's name for its kind in another language ([`crate::localize::io_message`]).
fn io_lower(e: &std::io::Error) -> Message {
    crate::localize::io_message(e.kind(), e.to_string().to_lowercase())
}

/// Expand one command-line path into items.
fn expand(path: &Path, unlock: &crate::wallets::Unlock, out: &mut Vec<Item>) {
    if path.as_os_str() == "-" {
        out.push(Item::Stdin);
        return;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.push(Item::Broken {
                source: display(path),
                reason: io_lower(&e),
                refused: false,
            });
            return;
        }
    };
    if meta.is_dir() {
        walk(path, unlock, out);
    } else if let Some(found) = crate::wallets::expand(path, unlock) {
        // Another wallet's export, recognised by content (src/wallets).
        out.extend(found.into_iter().map(Item::Wallet));
    } else if looks_like_zip(path) {
        expand_zip(path, out);
    } else {
        out.push(Item::File(path.to_path_buf()));
    }
}

/// Walk a folder: sorted, hidden entries skipped, symlinked folders not followed.
fn walk(dir: &Path, unlock: &crate::wallets::Unlock, out: &mut Vec<Item>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Item::Broken {
                source: display(dir),
                reason: io_lower(&e),
                refused: false,
            });
            return;
        }
    };
    // The entry type comes with the directory listing (no stat per file).
    let mut paths: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !is_hidden(&e.file_name()))
        .map(|e| (e.path(), e.file_type().ok()))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, ft) in paths {
        let Some(ft) = ft.or_else(|| std::fs::symlink_metadata(&p).ok().map(|m| m.file_type()))
        else {
            continue;
        };
        if ft.is_dir() {
            walk(&p, unlock, out);
        } else if ft.is_symlink() {
            // A symlink to a file is imported; a symlink to a folder is not followed (two
            // links to "." would otherwise walk forever), and the learner is told so.
            match std::fs::metadata(&p) {
                Ok(m) if m.is_file() => expand(&p, unlock, out),
                Ok(m) if m.is_dir() => out.push(Item::Skipped {
                    source: display(&p),
                    reason: msg!("err-import-folder-link"),
                }),
                _ => {}
            }
        } else if ft.is_file() {
            if let Some(found) = crate::wallets::expand(&p, unlock) {
                out.extend(found.into_iter().map(Item::Wallet));
            } else if looks_like_zip(&p) {
                expand_zip(&p, out);
            } else {
                out.push(Item::File(p));
            }
        }
    }
}

/// The line for a ZIP that could not be read (or one of its entries).
fn zip_reason(e: ZipReadError) -> Message {
    match e {
        ZipReadError::Unreadable(r) => {
            msg!("err-import-zip-unreadable", detail = r.to_lowercase())
        }
        ZipReadError::Entry(r) => msg!("err-zip-entry", detail = r.to_lowercase()),
        ZipReadError::EntryTooLarge(l) => too_large(l, "MAX_ZIP_ENTRY_BYTES"),
        ZipReadError::Budget(l) => msg!("err-import-zip-budget", limit = l),
        other => other.message(),
    }
}

/// Why a whole ZIP archive is refused when the entries to import expand past its budget
/// ([`BoundedZip::fits_budget`]): nothing of it is imported.
pub(crate) fn zip_over_budget(budget: u64) -> Message {
    msg!(
        "err-import-zip-over-budget",
        mib = (budget / (1024 * 1024)).to_string()
    )
}

/// List a ZIP archive's entries (sorted by name, hidden and folder entries skipped); an entry
/// whose name is not a plain relative path gets its own refused line. An archive whose entries
/// expand past its budget gets one refused line and no entry.
fn expand_zip(path: &Path, out: &mut Vec<Item>) {
    let archive = std::fs::File::open(path)
        .map_err(|e| (Message::Text(e.to_string().to_lowercase()), false))
        .and_then(|f| {
            BoundedZip::open(f, limits::MAX_ZIP_TOTAL_BYTES).map_err(|e| (zip_reason(e), true))
        });
    let mut archive = match archive {
        Ok(a) => a,
        Err((reason, refused)) => {
            out.push(Item::Broken {
                source: display(path),
                reason,
                refused,
            });
            return;
        }
    };
    let names = archive.files();
    if names.is_empty() {
        // Say so: a ZIP with nothing to import must still get its line (fuzz finding 1).
        out.push(Item::Broken {
            source: display(path),
            reason: msg!("err-import-zip-empty"),
            refused: true,
        });
        return;
    }
    let read: Vec<usize> = names.iter().filter_map(|(_, i)| i.ok()).collect();
    if archive
        .fits_budget(&read, limits::MAX_ZIP_ENTRY_BYTES)
        .is_err()
    {
        out.push(Item::Broken {
            source: display(path),
            reason: zip_over_budget(archive.budget()),
            refused: true,
        });
        return;
    }
    for (name, index) in names {
        match index {
            Ok(index) => out.push(Item::ZipEntry {
                archive: path.to_path_buf(),
                index,
                name,
            }),
            Err(why) => out.push(Item::Broken {
                source: format!("{}:{}", display(path), name.escape_debug()),
                reason: msg!("err-import-zip-bad-name", why = crate::localize::word(why)),
                refused: true,
            }),
        }
    }
}

/// Read at most `limit` bytes; `Err(true)` when larger.
fn read_limited(r: impl Read, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    r.take(limit + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        Ok(Err(limit))
    } else {
        Ok(Ok(buf))
    }
}

fn too_large(limit: u64, name: &'static str) -> Message {
    msg!("err-import-too-large", limit = limit, name = name)
}

/// The bytes of one plain file (any thread), or the outcome when they cannot be had.
fn read_file(path: &Path) -> Result<(String, Vec<u8>), Box<FileOutcome>> {
    let source = display(path);
    let read = std::fs::File::open(path).and_then(|f| read_limited(f, limits::MAX_FILE_BYTES));
    let (result, source) = match read {
        Ok(Ok(b)) => return Ok((source, b)),
        Ok(Err(l)) => (
            FileResult::Refused {
                reason: Reason::new(&source, too_large(l, "MAX_FILE_BYTES")),
            },
            source,
        ),
        Err(e) => (
            FileResult::Failed {
                reason: Reason::new(&source, io_lower(&e)),
            },
            source,
        ),
    };
    Err(Box::new(FileOutcome {
        source,
        result,
        status: None,
    }))
}

/// State kept across items of one run (the open archive, ZIP byte budget).
#[derive(Default)]
struct Run {
    zip: Option<(PathBuf, BoundedZip<std::fs::File>)>,
}

impl Run {
    /// The bytes of one item, or the outcome when they cannot be had.
    fn read(&mut self, item: &Item) -> Result<(String, Vec<u8>), Box<FileOutcome>> {
        let refused = |source: &str, reason: Message| {
            Box::new(FileOutcome {
                source: source.to_string(),
                result: FileResult::Refused {
                    reason: Reason::new(source, reason),
                },
                status: None,
            })
        };
        let failed = |source: &str, reason: Message| {
            Box::new(FileOutcome {
                source: source.to_string(),
                result: FileResult::Failed {
                    reason: Reason::new(source, reason),
                },
                status: None,
            })
        };
        match item {
            Item::Skipped { source, reason } => Err(Box::new(FileOutcome {
                source: source.clone(),
                result: FileResult::Skipped {
                    reason: Reason::new(source, reason.clone()),
                },
                status: None,
            })),
            Item::Broken {
                source,
                reason,
                refused: true,
            } => Err(refused(source, reason.clone())),
            Item::Broken { source, reason, .. } => Err(failed(source, reason.clone())),
            Item::Wallet(found) => {
                // Another wallet's export: its ZIP entries are read as any ZIP entry.
                let raw = match found.zip_entry() {
                    Some((archive, index, name)) => Some(self.read(&Item::ZipEntry {
                        archive,
                        index,
                        name,
                    })?),
                    None => None,
                };
                crate::wallets::finish(found, raw)
            }
            Item::Stdin => {
                let source = "stdin";
                match read_limited(std::io::stdin().lock(), limits::MAX_FILE_BYTES) {
                    Ok(Ok(b)) => Ok((source.into(), b)),
                    Ok(Err(l)) => Err(refused(source, too_large(l, "MAX_FILE_BYTES"))),
                    Err(e) => Err(failed(source, io_lower(&e))),
                }
            }
            Item::File(path) => read_file(path),
            Item::ZipEntry {
                archive,
                index,
                name,
            } => {
                let source = format!("{}:{name}", display(archive));
                if self.zip.as_ref().is_none_or(|(p, _)| p != archive) {
                    let opened =
                        std::fs::File::open(archive).map_err(|e| failed(&source, io_lower(&e)))?;
                    let za = BoundedZip::open(opened, limits::MAX_ZIP_TOTAL_BYTES)
                        .map_err(|e| refused(&source, zip_reason(e)))?;
                    self.zip = Some((archive.clone(), za));
                }
                let Some((_, za)) = self.zip.as_mut() else {
                    return Err(failed(&source, "zip archive not open".into()));
                };
                let bytes = za
                    .read(*index, limits::MAX_ZIP_ENTRY_BYTES, false)
                    .map_err(|e| refused(&source, zip_reason(e)))?;
                if bytes.starts_with(b"PK\x03\x04") {
                    return Err(refused(&source, msg!("err-import-zip-in-zip")));
                }
                Ok((source, bytes))
            }
        }
    }
}

/// Import everything under `paths` (files, folders, ZIPs, `-` for stdin), calling
/// `progress(done, total)` after each input. One outcome per input file, in order.
pub fn import_paths(
    wallet: &Wallet,
    paths: &[PathBuf],
    opts: &ImportOptions<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<FileOutcome> {
    let unlock = crate::wallets::Unlock::default();
    import_paths_unlocked(wallet, paths, opts, &unlock, progress)
}

/// [`import_paths`], with what opens other wallets' exports (a LearnCard bundle's password).
pub fn import_paths_unlocked(
    wallet: &Wallet,
    paths: &[PathBuf],
    opts: &ImportOptions<'_>,
    unlock: &crate::wallets::Unlock,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<FileOutcome> {
    let mut items = Vec::new();
    for p in paths {
        expand(p, unlock, &mut items);
    }
    let total = items.len();
    progress(0, total);
    let mut out = Vec::with_capacity(total);
    let verify = opts.verify;
    if items.len() <= 1 {
        // One input (the app imports a file at a time, a paste, stdin): no threads to start.
        let prepared = prepare_chunk(&mut Run::default(), &items, verify);
        store_chunk(wallet, prepared, &mut out);
        progress(out.len(), total);
    } else {
        // Two stages: a producer reads each group of BATCH_SIZE inputs and decodes, parses and
        // (when on) verifies them on every core (rayon; `collect` keeps input order); this
        // thread is the wallet writer, storing each group in one batch (one commit) while the
        // next group is being verified. The channel holds one group: memory stays bounded.
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(1);
            let items = &items;
            let group = if opts.group == 0 {
                BATCH_SIZE
            } else {
                opts.group
            };
            scope.spawn(move || {
                let mut run = Run::default();
                for chunk in items.chunks(group) {
                    if opts.cancelled() {
                        break;
                    }
                    if tx.send(prepare_chunk(&mut run, chunk, verify)).is_err() {
                        break;
                    }
                }
            });
            for chunk in rx {
                if opts.cancelled() {
                    break; // dropping `rx` stops the reader too
                }
                store_chunk(wallet, chunk, &mut out);
                // Called with the wallet unlocked: the callback may use the wallet.
                progress(out.len(), total);
            }
        });
    }
    out
}

/// Read, decode, parse and verify one group of inputs on every core, in input order. Plain
/// files are read on the pool; stdin and ZIP entries here, in order (one open archive and its
/// byte budget).
fn prepare_chunk(
    run: &mut Run,
    chunk: &[Item],
    verify: Option<&VerifyContext<'_>>,
) -> Vec<Prepared> {
    let inputs: Vec<Input<'_>> = chunk
        .iter()
        .map(|item| match item {
            Item::File(path) => Input::File(path),
            other => Input::Read(run.read(other)),
        })
        .collect();
    let one = |input: Input<'_>| {
        let read = match input {
            Input::File(path) => read_file(path),
            Input::Read(r) => r,
        };
        match read {
            Ok((source, bytes)) => prepare_read(source, bytes, verify),
            Err(o) => Prepared::Done(*o),
        }
    };
    if inputs.len() <= 1 {
        // Not worth a trip to the pool.
        return inputs.into_iter().map(one).collect();
    }
    inputs.into_par_iter().map(one).collect()
}

/// Badges are stored in groups of this many: each badge in its own savepoint with its
/// verification reports and the evidence they used (all or nothing per badge, so a crash never
/// leaves a badge without its report), one commit per group (see
/// [`crate::store::ImportBatch`]); progress is reported after each group.
pub const BATCH_SIZE: usize = 256;

/// Import one path (file, folder, ZIP or `-`), verification off, no progress.
pub fn import_path(wallet: &Wallet, path: impl AsRef<Path>) -> Vec<FileOutcome> {
    import_paths(
        wallet,
        &[path.as_ref().to_path_buf()],
        &ImportOptions::default(),
        &mut |_, _| {},
    )
}

/// Import one badge from bytes (a pasted badge, a drop, stdin), named `name` in outcomes.
pub fn import_bytes(wallet: &Wallet, bytes: &[u8], name: &str) -> FileOutcome {
    import_with(wallet, bytes, name, &ImportOptions::default())
}

/// Decode, parse, verify (when on) and store one input, in one transaction.
pub fn import_with(
    wallet: &Wallet,
    bytes: &[u8],
    source: &str,
    opts: &ImportOptions<'_>,
) -> FileOutcome {
    let mut out = Vec::with_capacity(1);
    let prepared = prepare_read(source.to_string(), bytes.to_vec(), opts.verify);
    store_chunk(wallet, vec![prepared], &mut out);
    out.pop().unwrap_or_else(|| FileOutcome {
        source: source.to_string(),
        result: FileResult::Failed {
            reason: format!("{source}: nothing was stored").into(),
        },
        status: None,
    })
}

/// One input of a group before the pool reads it: a plain file (read on a pool thread), or
/// what the producer already read in order (stdin, a ZIP entry, a path that is not there).
enum Input<'a> {
    File(&'a Path),
    Read(Result<(String, Vec<u8>), Box<FileOutcome>>),
}

/// The reports made before storing: the badge's own, and one per credential inside a CLR.
type Reports = Box<(crate::verify::Report, Vec<crate::verify::Report>)>;

/// One input, read, decoded, parsed and (when on) verified, waiting for the wallet writer.
enum Prepared {
    /// A badge to store.
    Ready {
        source: String,
        bytes: Vec<u8>,
        parsed: Box<crate::parse::ParsedCredential>,
        container: crate::model::Container,
        reports: Option<Reports>,
    },
    /// An endorsement file to store.
    Endorsement {
        source: String,
        bytes: Vec<u8>,
        en: Box<crate::endorsement::Endorsement>,
        container: crate::model::Container,
        check: Option<Box<crate::verify::EndorsementCheck>>,
    },
    /// Already decided (refused, unreadable).
    Done(FileOutcome),
}

/// Decode, parse and verify one read input: everything but the wallet write, so it runs on any
/// thread. Verification comes before storing: the badge and its reports go into the wallet
/// together, and only a copy whose key is the issuer's may replace the current version.
fn prepare_read(source: String, bytes: Vec<u8>, verify: Option<&VerifyContext<'_>>) -> Prepared {
    let refused = |source: String, why: Message| {
        Prepared::Done(FileOutcome {
            result: FileResult::Refused {
                reason: Reason::new(&source, why),
            },
            source,
            status: None,
        })
    };
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        let why = too_large(limits::MAX_FILE_BYTES, "MAX_FILE_BYTES");
        return refused(source, why);
    }
    let decoded = match crate::decode::decode(&bytes) {
        Ok(d) => d,
        Err(e) => return refused(source, e.message()),
    };
    match crate::parse::parse(&decoded) {
        Ok(parsed) => {
            let reports = verify.map(|ctx| {
                let own = crate::verify::verify_decoded(&decoded, &parsed, ctx);
                let inner = parsed
                    .embedded
                    .iter()
                    .map(|c| crate::verify::verify_parsed(c, ctx))
                    .collect();
                Box::new((own, inner))
            });
            Prepared::Ready {
                source,
                bytes,
                parsed: Box::new(parsed),
                container: decoded.container,
                reports,
            }
        }
        Err(e) => match crate::endorsement::from_decoded(&decoded) {
            Some(Ok(en)) => {
                let check = verify.map(|ctx| {
                    Box::new(crate::verify::verify_endorsement(
                        &en,
                        crate::endorsement::Scope::Credential,
                        None,
                        ctx,
                    ))
                });
                Prepared::Endorsement {
                    source,
                    bytes,
                    en: Box::new(en),
                    container: decoded.container,
                    check,
                }
            }
            Some(Err(why)) => refused(source, why.message()),
            None => refused(source, e.message()),
        },
    }
}

/// Store one group, in input order: its badges in one batch (one commit). An endorsement is
/// stored on its own after the badges before it are committed (it attaches to them). If a
/// batch cannot be committed, every badge in it is reported as not saved.
fn store_chunk(wallet: &Wallet, chunk: Vec<Prepared>, out: &mut Vec<FileOutcome>) {
    let mut batch: Option<(ImportBatch<'_>, usize)> = None;
    for p in chunk {
        match p {
            Prepared::Done(o) => out.push(o),
            Prepared::Endorsement {
                source,
                bytes,
                en,
                container,
                check,
            } => {
                if let Some((b, start)) = batch.take() {
                    commit(b, start, out);
                }
                let (result, status) =
                    store_endorsement(wallet, &en, &bytes, container, &source, check.as_deref());
                out.push(FileOutcome {
                    source,
                    result,
                    status,
                });
            }
            Prepared::Ready {
                source,
                bytes,
                parsed,
                container,
                reports,
            } => {
                if batch.is_none() {
                    match wallet.begin_batch() {
                        Ok(b) => batch = Some((b, out.len())),
                        Err(e) => {
                            out.push(FileOutcome {
                                result: FileResult::Failed {
                                    reason: Reason::error(&source, &e),
                                },
                                source,
                                status: None,
                            });
                            continue;
                        }
                    }
                }
                out.push(match batch.as_mut() {
                    Some((b, _)) => {
                        store_prepared(b, &parsed, &bytes, container, source, reports.as_deref())
                    }
                    None => FileOutcome {
                        result: FileResult::Failed {
                            reason: format!("{source}: wallet batch closed").into(),
                        },
                        source,
                        status: None,
                    },
                });
            }
        }
    }
    if let Some((b, start)) = batch {
        commit(b, start, out);
    }
}

/// Commit a batch whose outcomes are `out[start..]`; when that fails, nothing of it was saved:
/// say so for each badge in it.
fn commit(batch: ImportBatch<'_>, start: usize, out: &mut [FileOutcome]) {
    if let Err(e) = batch.commit() {
        for o in out.iter_mut().skip(start).filter(|o| o.is_ok()) {
            o.result = FileResult::Failed {
                reason: Reason::new(&o.source, msg!("err-import-not-saved", error = e.message())),
            };
            o.status = None;
        }
    }
}

/// Keep an endorsement file with its check (when verification was on); the outcome names the
/// badges it attaches to.
fn store_endorsement(
    wallet: &Wallet,
    en: &crate::endorsement::Endorsement,
    bytes: &[u8],
    container: crate::model::Container,
    source: &str,
    check: Option<&crate::verify::EndorsementCheck>,
) -> (FileResult, Option<Status>) {
    let target = en.target.clone().unwrap_or_default();
    match wallet.import_endorsement(en, bytes, container, source, check) {
        Ok(o) => {
            let (id, duplicate) = match o {
                crate::store::EndorsementOutcome::Imported(id) => (id, false),
                crate::store::EndorsementOutcome::Duplicate(id) => (id, true),
            };
            (
                FileResult::Endorsement {
                    id,
                    name: en.name.clone(),
                    endorser: en.endorser.name.clone().or(en.endorser.id.clone()),
                    attached_to: wallet
                        .badges_endorsed_by_target(&target)
                        .unwrap_or_default(),
                    target,
                    duplicate,
                },
                check.map(|c| c.status),
            )
        }
        Err(e) => (
            FileResult::Failed {
                reason: Reason::error(source, &e),
            },
            None,
        ),
    }
}

/// One decoded (and maybe verified) badge into an open batch, with its reports.
fn store_prepared(
    batch: &mut ImportBatch<'_>,
    parsed: &crate::parse::ParsedCredential,
    bytes: &[u8],
    container: crate::model::Container,
    source: String,
    reports: Option<&(crate::verify::Report, Vec<crate::verify::Report>)>,
) -> FileOutcome {
    let name = parsed.badge.name.clone();
    let checked = reports.map(|(report, embedded)| Checked { report, embedded });
    let outcome = batch.import_derived(parsed, bytes, container, &source, checked);
    let status = match (&outcome, reports) {
        (Err(_) | Ok(ImportOutcome::Duplicate { .. }), _) | (_, None) => None,
        (_, Some((r, _))) => Some(r.status),
    };
    let result = match outcome {
        Err(e) => FileResult::Failed {
            reason: Reason::error(&source, &e),
        },
        Ok(ImportOutcome::Imported {
            id,
            replaced,
            embedded,
        }) => FileResult::Imported {
            id,
            name,
            embedded,
            replaced,
        },
        Ok(ImportOutcome::History { id, current }) => FileResult::History { id, name, current },
        Ok(ImportOutcome::Conflict { id, current }) => FileResult::Conflict { id, name, current },
        // The name of the badge already there (it may differ from this copy's).
        Ok(ImportOutcome::Duplicate { id }) => FileResult::Duplicate {
            id,
            name: batch.badge_name(id).unwrap_or(name),
        },
    };
    FileOutcome {
        source,
        result,
        status,
    }
}
