//! The ZIP bundle (issue 5 "ZIP bundle"; Backpack's own rule):
//!
//! ```text
//! index.html                   the portfolio page (html::render), presentation embedded
//! presentation.json            the signed Verifiable Presentation (when one could be made)
//! credentials/NN-name.ext      each original credential file, byte-exact
//! baked/NN-name.png|svg        each badge baked into its image (baked::baked_image)
//! manifest.json                files with sha256, badge ids, formats, export date, privacy
//! ```
//!
//! Nothing else is in a bundle, and each path is named once. The manifest's words (title,
//! badge names, statuses) and the file names are for people; a receiver compares each with
//! the credentials ([`crate::share`]), as it compares `index.html` ([`super::page`]).
//!
//! Originals are stored uncompressed (`Stored`), so each is a contiguous byte-exact range of
//! the archive and a damaged one is caught by the manifest's SHA-256 (and the entry CRC)
//! without hiding its neighbours. Signed JSON is never re-serialised.

use std::io::{Cursor, Write};

use chrono::{Datelike, Timelike};
use serde::{Deserialize, Serialize};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::{ExportError, ExportOptions, Portfolio, Privacy, original_file_name, sha256_hex};
use crate::verify::Status;

/// Name of the manifest entry.
pub const MANIFEST: &str = "manifest.json";
/// Name of the presentation entry.
pub const PRESENTATION: &str = "presentation.json";
/// Name of the page entry.
pub const PAGE: &str = "index.html";
/// Manifest format version.
pub const MANIFEST_VERSION: u32 = 1;

/// A file listed in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// Path inside the archive.
    pub path: String,
    /// Lower-case hex SHA-256 of its bytes.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// One badge listed in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestBadge {
    /// The wallet's id for it.
    pub wallet_id: String,
    /// The credential / assertion id, if it has one.
    pub id: Option<String>,
    /// Name.
    pub name: String,
    /// Format id (`ob3-json`, …).
    pub format: String,
    /// The original file (`credentials/…`).
    pub original: String,
    /// The baked image (`baked/…`), when one was made.
    pub baked: Option<String>,
    /// True when it is inside the presentation.
    pub in_presentation: bool,
    /// Verdict at export time (`valid`, …, or `not_checked`).
    pub verdict_at_export: String,
    /// Status at export time ([`Status`]); a receiver compares it with its own check.
    #[serde(default = "not_checked")]
    pub status_at_export: Status,
}

fn not_checked() -> Status {
    Status::NotChecked
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Manifest format version.
    pub backpack_manifest: u32,
    /// Portfolio title.
    pub title: String,
    /// Export time (RFC 3339).
    pub exported_at: String,
    /// The learner's privacy choices.
    pub privacy: ManifestPrivacy,
    /// The presentation entry, if any.
    pub presentation: Option<String>,
    /// The presentation's holder DID, if any.
    pub holder: Option<String>,
    /// Badges in order.
    pub badges: Vec<ManifestBadge>,
    /// Every other file in the archive with its hash.
    pub files: Vec<ManifestFile>,
}

/// Privacy choices as recorded in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestPrivacy {
    /// Evidence shown.
    pub include_evidence: bool,
    /// Notes shown.
    pub include_notes: bool,
    /// Dates shown.
    pub include_dates: bool,
    /// Plain recipient emails shown.
    pub include_emails: bool,
}

impl From<Privacy> for ManifestPrivacy {
    fn from(p: Privacy) -> Self {
        ManifestPrivacy {
            include_evidence: p.include_evidence,
            include_notes: p.include_notes,
            include_dates: p.include_dates,
            include_emails: p.include_emails,
        }
    }
}

fn zerr(e: impl std::fmt::Display) -> ExportError {
    ExportError::Zip(e.to_string())
}

/// Build the bundle (its page in English).
pub fn bundle(portfolio: &Portfolio, opts: &ExportOptions<'_>) -> Result<Vec<u8>, ExportError> {
    bundle_in(portfolio, opts, crate::i18n::Lang::En)
}

/// Build the bundle, its page in `lang`.
pub fn bundle_in(
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
    lang: crate::i18n::Lang,
) -> Result<Vec<u8>, ExportError> {
    let vp = super::presentation::build_for(portfolio, opts)?;
    let page = super::html::render_in(portfolio, opts, vp.as_deref(), lang)?;
    // The manifest's title is the page's: as shown, with any hidden email still hidden.
    let shown_title = super::html::PageInputs::of_in(portfolio, opts, lang).title;

    let t = opts.exported_at;
    let when = zip::DateTime::from_date_and_time(
        t.year().clamp(1980, 2107) as u16,
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second().min(59) as u8,
    )
    .unwrap_or_default();
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(when);
    // Level 1: the page is mostly base64 of already-compressed images, so higher levels cost
    // time (the bundle target is < 1 s for 100 badges) for a few percent of size.
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(when);

    let total: usize = portfolio
        .badges
        .iter()
        .map(|b| b.original.len() * 2)
        .sum::<usize>()
        + page.len();
    let mut zw = ZipWriter::new(Cursor::new(Vec::with_capacity(total)));
    let mut files = Vec::new();
    let mut add = |zw: &mut ZipWriter<Cursor<Vec<u8>>>,
                   path: &str,
                   bytes: &[u8],
                   o: SimpleFileOptions|
     -> Result<(), ExportError> {
        zw.start_file(path, o).map_err(zerr)?;
        zw.write_all(bytes).map_err(zerr)?;
        files.push(ManifestFile {
            path: path.to_string(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
        });
        Ok(())
    };

    add(&mut zw, PAGE, page.as_bytes(), deflated)?;
    if let Some(vp) = &vp {
        add(&mut zw, PRESENTATION, vp, deflated)?;
    }
    let mut badges = Vec::new();
    for (i, item) in portfolio.badges.iter().enumerate() {
        let name = original_file_name(i, item);
        let original = format!("credentials/{name}");
        add(&mut zw, &original, &item.original, stored)?;
        let baked = match super::baked::baked_image(item) {
            Ok(img) => {
                let stem = name.split('.').next().unwrap_or("badge");
                let path = format!("baked/{stem}.{}", img.extension);
                add(&mut zw, &path, &img.bytes, stored)?;
                Some(path)
            }
            // A badge whose image cannot be baked still ships its original; say so in the manifest.
            Err(_) => None,
        };
        badges.push(ManifestBadge {
            wallet_id: item.wallet_id.clone(),
            id: item.badge.id.clone(),
            name: item.badge.name.clone(),
            format: item.format.as_str().to_string(),
            original,
            baked,
            in_presentation: vp.is_some() && item.format.is_vc(),
            verdict_at_export: item
                .report
                .as_ref()
                .filter(|_| super::html::export_status(item) != Status::NotChecked)
                .map(|r| r.verdict.as_str().to_string())
                .unwrap_or_else(|| "not_checked".into()),
            status_at_export: super::html::export_status(item),
        });
    }
    let manifest = Manifest {
        backpack_manifest: MANIFEST_VERSION,
        title: shown_title,
        exported_at: opts
            .exported_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        privacy: opts.privacy.into(),
        presentation: vp.as_ref().map(|_| PRESENTATION.to_string()),
        holder: if vp.is_some() {
            opts.learner.map(|k| k.did().to_string())
        } else {
            None
        },
        badges,
        files,
    };
    let mjson = serde_json::to_vec_pretty(&manifest).map_err(zerr)?;
    zw.start_file(MANIFEST, deflated).map_err(zerr)?;
    zw.write_all(&mjson).map_err(zerr)?;
    Ok(zw.finish().map_err(zerr)?.into_inner())
}
