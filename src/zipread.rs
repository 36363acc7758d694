//! The one bounded ZIP reader (APPNOTE, <https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT>),
//! used by import ([`crate::import`]: ZIPs of badges) and by the receiving side of a portfolio
//! ([`crate::export::receive`]: ZIP bundles). Every ZIP is untrusted, so the limits live here
//! and nowhere else:
//!
//! - **Entry count**: an archive with more than [`limits::MAX_ZIP_ENTRIES`] entries is refused
//!   when it is opened ([`ZipReadError::TooManyEntries`]).
//! - **Decompressed bytes**: each read is capped by the caller's per-entry limit and by what
//!   is left of the archive's budget (every byte read counts, even from a failed read), so a
//!   ZIP bomb stops at the budget ([`ZipReadError::EntryTooLarge`], [`ZipReadError::Budget`]).
//!   The sizes an archive declares are attacker-chosen: they only refuse early
//!   ([`BoundedZip::declared_total`]), never allow more.
//! - **All or nothing**: a caller that stores what it reads (import) first asks
//!   [`BoundedZip::fits_budget`] whether the entries it will read fit the budget together. That
//!   dry pass inflates them into nothing (one small buffer, at most the budget in total), so an
//!   archive that lies about its sizes is refused whole before its first entry is handed on,
//!   instead of after the good entries before the budget ran out were already stored.
//! - **Paths**: entry names are only ever names (nothing is extracted to disk), but a name
//!   that is absolute, climbs with `..`, or holds a control character is refused
//!   ([`unsafe_name`]): it cannot be shown on one clean line, and no export writes one.
//! - **A ZIP inside a ZIP** is the caller's to refuse (import says "unpack it first").

use std::io::{Read, Seek};

use crate::limits;

/// Why a ZIP (or one of its entries) was not read. Callers word the line for their context
/// (import names the file; a received bundle says "zip bundle …").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ZipReadError {
    /// The central directory cannot be read (the zip crate's reason).
    #[error("{0}")]
    Unreadable(String),
    /// More entries than [`limits::MAX_ZIP_ENTRIES`].
    #[error("zip archive has {count} entries, more than the {limit}-entry limit (MAX_ZIP_ENTRIES)")]
    TooManyEntries {
        /// Entries in the archive.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The archive's decompressed bytes (read, or declared) exceed its budget.
    #[error("zip archive holds more than the {0}-byte total limit")]
    Budget(u64),
    /// One entry is larger than the caller's per-entry limit.
    #[error("larger than the {0}-byte entry limit")]
    EntryTooLarge(u64),
    /// No entry has this name.
    #[error("no entry named {0}")]
    Missing(String),
    /// The entry cannot be read (the zip crate's or the decompressor's reason).
    #[error("unreadable zip entry: {0}")]
    Entry(String),
    /// An entry has no name in the central directory.
    #[error("entry {0} has no name")]
    NoName(usize),
}

/// Why an entry name is refused, or `None` when it is a plain relative path.
pub fn unsafe_name(name: &str) -> Option<&'static str> {
    if name.chars().any(char::is_control) {
        return Some("it holds a control character");
    }
    if name.starts_with(['/', '\\']) || name.as_bytes().get(1) == Some(&b':') {
        return Some("it is an absolute path");
    }
    if name.split(['/', '\\']).any(|part| part == "..") {
        return Some("it climbs out of the archive with ..");
    }
    None
}

/// A ZIP archive read under one budget of decompressed bytes.
pub struct BoundedZip<R: Read + Seek> {
    archive: zip::ZipArchive<R>,
    budget: u64,
    used: u64,
}

impl<R: Read + Seek> BoundedZip<R> {
    /// Open `reader` as a ZIP whose reads may decompress at most `budget` bytes in total.
    pub fn open(reader: R, budget: u64) -> Result<Self, ZipReadError> {
        let archive =
            zip::ZipArchive::new(reader).map_err(|e| ZipReadError::Unreadable(e.to_string()))?;
        if archive.len() > limits::MAX_ZIP_ENTRIES {
            return Err(ZipReadError::TooManyEntries {
                count: archive.len(),
                limit: limits::MAX_ZIP_ENTRIES,
            });
        }
        Ok(BoundedZip {
            archive,
            budget,
            used: 0,
        })
    }

    /// Entries, files and folders.
    pub fn len(&self) -> usize {
        self.archive.len()
    }

    /// True when the archive has no entry at all.
    pub fn is_empty(&self) -> bool {
        self.archive.len() == 0
    }

    /// The total decompressed bytes this archive may read.
    pub fn budget(&self) -> u64 {
        self.budget
    }

    /// Every entry name, in central-directory order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.archive.file_names()
    }

    /// The name of entry `i`.
    pub fn name_for_index(&self, i: usize) -> Result<&str, ZipReadError> {
        self.archive
            .name_for_index(i)
            .ok_or(ZipReadError::NoName(i))
    }

    /// The index of the entry named `name`.
    pub fn index_for_name(&self, name: &str) -> Option<usize> {
        self.archive.index_for_name(name)
    }

    /// The decompressed sizes the archive declares, summed (saturating). Attacker-chosen: use
    /// it only to refuse early.
    pub fn declared_total(&mut self) -> u64 {
        let mut declared: u64 = 0;
        for i in 0..self.archive.len() {
            if let Ok(f) = self.archive.by_index_raw(i) {
                declared = declared.saturating_add(f.size());
            }
        }
        declared
    }

    /// Would reading `entries` (each with [`BoundedZip::read`], at most `max` bytes, raw
    /// stored entries not asked for) from a fresh start stay within the budget? A dry pass:
    /// `Err(`[`ZipReadError::Budget`]`)` when the sizes they declare, or the bytes they really
    /// inflate to, pass it. Each entry is counted as `read` counts it (up to `max` + 1 bytes; an
    /// entry declaring more than `max` is refused by `read` unread and counts nothing; a
    /// damaged one counts what it gave before failing), so when this says yes, reading the same
    /// entries never hits the budget. The bytes go nowhere: memory stays one copy buffer, and
    /// inflating stops as soon as the budget is passed. Bytes already read are not counted
    /// and the budget used is not changed.
    pub fn fits_budget(&mut self, entries: &[usize], max: u64) -> Result<(), ZipReadError> {
        let over = ZipReadError::Budget(self.budget);
        let mut declared: u64 = 0;
        for &i in entries {
            if let Ok(f) = self.archive.by_index_raw(i) {
                declared = declared.saturating_add(f.size());
            }
        }
        if declared > self.budget {
            return Err(over);
        }
        let mut total: u64 = 0;
        for &i in entries {
            let Ok(f) = self.archive.by_index(i) else {
                continue; // `read` refuses it alone, having read nothing
            };
            if f.size() > max {
                continue;
            }
            let left = self.budget - total;
            let mut counted = Counted(0);
            // An error ends this entry only: `read` refuses it alone, after counting as much.
            let _ = std::io::copy(&mut f.take(max.min(left).saturating_add(1)), &mut counted);
            total = total.saturating_add(counted.0);
            if total > self.budget {
                return Err(over);
            }
        }
        Ok(())
    }

    /// The file entries to import, sorted by name: folders, hidden files and `__MACOSX` left
    /// out. Each is `(name, index)`, or the name and why it is refused ([`unsafe_name`]).
    pub fn files(&self) -> Vec<(String, Result<usize, &'static str>)> {
        let mut names: Vec<(String, Result<usize, &'static str>)> = self
            .archive
            .file_names()
            .filter(|n| !n.ends_with('/'))
            .filter(|n| {
                !n.split(['/', '\\'])
                    .any(|part| part.starts_with('.') && part != ".." || part == "__MACOSX")
            })
            .filter_map(|n| {
                let i = self.archive.index_for_name(n)?;
                Some((n.to_string(), unsafe_name(n).map_or(Ok(i), Err)))
            })
            .collect();
        names.sort();
        names
    }

    /// Entry `index`, at most `max` bytes, counted against the budget. `raw_if_stored`: a
    /// stored (uncompressed) entry is read raw, so a changed byte reaches the caller (a
    /// signature or manifest hash check) instead of stopping at the entry's CRC.
    pub fn read(
        &mut self,
        index: usize,
        max: u64,
        raw_if_stored: bool,
    ) -> Result<Vec<u8>, ZipReadError> {
        let entry = |e: &dyn std::fmt::Display| ZipReadError::Entry(e.to_string());
        let stored = raw_if_stored
            && self
                .archive
                .by_index_raw(index)
                .map(|f| f.compression() == zip::CompressionMethod::Stored)
                .map_err(|e| entry(&e))?;
        let f = if stored {
            self.archive.by_index_raw(index)
        } else {
            self.archive.by_index(index)
        }
        .map_err(|e| entry(&e))?;
        if f.size() > max {
            return Err(ZipReadError::EntryTooLarge(max));
        }
        let cap = max.min(self.budget.saturating_sub(self.used));
        // Sized from the declared size (bounded by the cap), so an honest entry is read
        // without the vector doubling past it.
        let mut out = Vec::with_capacity(usize::try_from(f.size().min(cap)).unwrap_or(0) + 1);
        let res = f.take(cap + 1).read_to_end(&mut out);
        self.used = self.used.saturating_add(out.len() as u64);
        res.map_err(|e| entry(&e))?;
        if out.len() as u64 > cap {
            if cap < max {
                return Err(ZipReadError::Budget(self.budget));
            }
            return Err(ZipReadError::EntryTooLarge(max));
        }
        Ok(out)
    }

    /// The entry named `name` ([`BoundedZip::read`]).
    pub fn read_name(
        &mut self,
        name: &str,
        max: u64,
        raw_if_stored: bool,
    ) -> Result<Vec<u8>, ZipReadError> {
        let index = self
            .index_for_name(name)
            .ok_or_else(|| ZipReadError::Missing(name.to_owned()))?;
        self.read(index, max, raw_if_stored)
    }
}

/// A writer that keeps nothing and counts what it was given.
struct Counted(u64);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 = self.0.saturating_add(buf.len() as u64);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use super::*;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zw = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            zw.start_file(*name, o).unwrap();
            zw.write_all(data).unwrap();
        }
        zw.finish().unwrap().into_inner()
    }

    #[test]
    fn names_that_are_not_plain_relative_paths_are_refused() {
        assert_eq!(unsafe_name("a/b.json"), None);
        assert_eq!(unsafe_name("a..b.json"), None);
        assert_eq!(
            unsafe_name("../b.json"),
            Some("it climbs out of the archive with ..")
        );
        assert_eq!(
            unsafe_name("a\\..\\b"),
            Some("it climbs out of the archive with ..")
        );
        assert_eq!(unsafe_name("/etc/passwd"), Some("it is an absolute path"));
        assert_eq!(unsafe_name("C:\\x"), Some("it is an absolute path"));
        assert_eq!(
            unsafe_name("a\u{1b}[2J.json"),
            Some("it holds a control character")
        );
    }

    #[test]
    fn files_are_sorted_without_folders_hidden_or_macosx_and_flag_unsafe_names() {
        let z = zip_of(&[
            ("b.json", b"{}"),
            ("a.json", b"{}"),
            (".hidden", b"x"),
            ("__MACOSX/a.json", b"x"),
            ("../up.json", b"{}"),
        ]);
        let r = BoundedZip::open(Cursor::new(z), 1 << 20).unwrap();
        let files: Vec<(String, bool)> =
            r.files().into_iter().map(|(n, i)| (n, i.is_ok())).collect();
        assert_eq!(
            files,
            vec![
                ("../up.json".into(), false),
                ("a.json".into(), true),
                ("b.json".into(), true)
            ]
        );
    }

    #[test]
    fn the_budget_bounds_every_read_together() {
        const KIB: usize = 1024;
        let z = zip_of(&[("a", &[0u8; 3 * KIB]), ("b", &[0u8; 3 * KIB])]);
        let mut r = BoundedZip::open(Cursor::new(z), 5 * KIB as u64).unwrap();
        assert_eq!(
            r.read_name("a", 4 * KIB as u64, false).map(|v| v.len()),
            Ok(3 * KIB)
        );
        // 2 KiB left of the budget: the second entry is refused for the archive, not itself.
        assert_eq!(
            r.read_name("b", 4 * KIB as u64, false),
            Err(ZipReadError::Budget(5 * KIB as u64))
        );
        let z = zip_of(&[("a", &[0u8; 3 * KIB])]);
        let mut r = BoundedZip::open(Cursor::new(z), 1 << 20).unwrap();
        assert_eq!(
            r.read_name("a", KIB as u64, false),
            Err(ZipReadError::EntryTooLarge(KIB as u64))
        );
        assert_eq!(
            r.read_name("nope", KIB as u64, false),
            Err(ZipReadError::Missing("nope".into()))
        );
    }

    /// `zip` with the central-directory entry `name` declaring `size` decompressed bytes (its
    /// data unchanged: a lie when `size` is not the real size).
    fn declare(zip: &mut [u8], name: &str, size: u32) {
        let mut at = 0;
        while let Some(i) = zip[at..].windows(4).position(|w| w == b"PK\x01\x02") {
            let h = at + i;
            let len = u16::from_le_bytes([zip[h + 28], zip[h + 29]]) as usize;
            if &zip[h + 46..h + 46 + len] == name.as_bytes() {
                zip[h + 24..h + 28].copy_from_slice(&size.to_le_bytes());
                return;
            }
            at = h + 4;
        }
        panic!("no central directory entry {name}");
    }

    #[test]
    fn the_dry_pass_refuses_an_archive_that_lies_about_its_sizes_before_any_read() {
        const KIB: usize = 1024;
        // Two honest entries, then one that says 10 bytes and inflates to 8 KiB.
        let mut z = zip_of(&[
            ("a", &[1u8; KIB]),
            ("b", &[2u8; KIB]),
            ("c", &[0u8; 8 * KIB]),
        ]);
        declare(&mut z, "c", 10);
        let mut r = BoundedZip::open(Cursor::new(z), 5 * KIB as u64).unwrap();
        let (a, b, c) = (0, 1, 2);
        assert_eq!(r.name_for_index(c), Ok("c"));
        assert_eq!(
            r.fits_budget(&[a, b, c], 16 * KIB as u64),
            Err(ZipReadError::Budget(5 * KIB as u64))
        );
        // Without the liar the rest fits, and the dry pass used none of the budget: both
        // honest entries read whole afterwards.
        assert_eq!(r.fits_budget(&[a, b], 16 * KIB as u64), Ok(()));
        assert_eq!(r.read(a, 16 * KIB as u64, false), Ok(vec![1u8; KIB]));
        assert_eq!(r.read(b, 16 * KIB as u64, false), Ok(vec![2u8; KIB]));
        // The dry pass counts what `read` would count: a liar larger than the 4 KiB entry cap
        // counts the cap + 1 byte (`read` refuses it alone), so a, b and c together count
        // 1 + 1 + 4 KiB + 1 byte: within 7 KiB, past 5.5 KiB.
        let mut z = zip_of(&[
            ("a", &[1u8; KIB]),
            ("b", &[2u8; KIB]),
            ("c", &[0u8; 8 * KIB]),
        ]);
        declare(&mut z, "c", 10);
        let mut r = BoundedZip::open(Cursor::new(z.clone()), 7 * KIB as u64).unwrap();
        assert_eq!(r.fits_budget(&[a, b, c], 4 * KIB as u64), Ok(()));
        assert_eq!(r.read(a, 4 * KIB as u64, false).map(|v| v.len()), Ok(KIB));
        assert_eq!(r.read(b, 4 * KIB as u64, false).map(|v| v.len()), Ok(KIB));
        assert_eq!(
            r.read(c, 4 * KIB as u64, false),
            Err(ZipReadError::EntryTooLarge(4 * KIB as u64))
        );
        let budget = (11 * KIB / 2) as u64;
        let mut r = BoundedZip::open(Cursor::new(z), budget).unwrap();
        assert_eq!(
            r.fits_budget(&[a, b, c], 4 * KIB as u64),
            Err(ZipReadError::Budget(budget))
        );
        // What the real reads do with the same archive and budget: a and b are read, c stops
        // at the budget. The dry pass said so before anything was handed on.
        assert_eq!(r.read(a, 4 * KIB as u64, false).map(|v| v.len()), Ok(KIB));
        assert_eq!(r.read(b, 4 * KIB as u64, false).map(|v| v.len()), Ok(KIB));
        assert_eq!(
            r.read(c, 4 * KIB as u64, false),
            Err(ZipReadError::Budget(budget))
        );
    }

    #[test]
    fn the_dry_pass_refuses_declared_sizes_past_the_budget_and_fits_an_exact_one() {
        const KIB: usize = 1024;
        let mut z = zip_of(&[("a", &[1u8; KIB]), ("b", &[2u8; KIB])]);
        // An honest bomb: b says 3 GiB.
        declare(&mut z, "b", 3 << 30);
        let mut r = BoundedZip::open(Cursor::new(z), 1 << 30).unwrap();
        assert_eq!(
            r.fits_budget(&[0, 1], 16 * KIB as u64),
            Err(ZipReadError::Budget(1 << 30))
        );
        // Exactly the budget fits, and then every read does too.
        let z = zip_of(&[("a", &[1u8; KIB]), ("b", &[2u8; KIB])]);
        let mut r = BoundedZip::open(Cursor::new(z), 2 * KIB as u64).unwrap();
        assert_eq!(r.fits_budget(&[0, 1], KIB as u64), Ok(()));
        assert_eq!(r.read(0, KIB as u64, false).map(|v| v.len()), Ok(KIB));
        assert_eq!(r.read(1, KIB as u64, false).map(|v| v.len()), Ok(KIB));
    }

    #[test]
    fn not_a_zip_is_unreadable() {
        assert!(matches!(
            BoundedZip::open(Cursor::new(b"PK\x03\x04 truncated".to_vec()), 1),
            Err(ZipReadError::Unreadable(_))
        ));
    }
}
