//! Exports of a collection (or one badge) that a receiver can open and **re-verify offline**,
//! with no server (issue 5; OB 3.0 “Baking” <https://www.imsglobal.org/spec/ob/v3p0/> for baking, VC Data Integrity <https://www.w3.org/TR/vc-data-integrity/>, EdDSA cryptosuites <https://www.w3.org/TR/vc-di-eddsa/> for Data Integrity, Backpack's own rule).
//!
//! - [`html`]: one self-contained portfolio page, no external request of any kind, with the
//!   original credentials and the signed presentation embedded as inert data blocks.
//! - [`page`]: the receiver's comparison of a page's visible text with its credentials.
//! - [`zip`]: the page, every original file byte-exact, every badge re-baked, a
//!   `manifest.json` and the presentation.
//! - [`presentation`]: a VCDM 2.0 Verifiable Presentation held by the learner's did:key,
//!   signed with eddsa-rdfc-2022 (`proofPurpose: authentication`).
//! - [`baked`]: one badge as a baked PNG/SVG.
//! - [`pdf`]: a cover page listing the collection, then one page per badge, each original
//!   credential attached byte-exact, a QR code where a badge has a public address
//!   ([`pdf_fonts`], [`pdf_text`]: fonts and text layout; [`pdf_read`]: the receiver's reader
//!   of the attachments).
//! - [`privacy`]: what is included, what is redacted, and the linkable-identifier warning.
//! - [`source`]: a wallet collection (or badges) as a [`Portfolio`]; the minor-mode gate.
//!
//! Signed JSON is never re-serialised into a file: originals are written from the bytes the
//! wallet stored. All badge text is untrusted and escaped wherever it is rendered.

pub mod baked;
pub mod html;
pub mod page;
pub mod pdf;
pub mod pdf_fonts;
pub mod pdf_read;
pub mod pdf_text;
pub mod presentation;
pub mod privacy;
pub mod receive;
pub mod source;
pub mod zip;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::learner_key::LearnerKey;
use crate::model::{Badge, Container, Format};
use crate::verify::Report;

pub use privacy::{Privacy, PrivacyWarning};

/// Export errors. One lower-case line each.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Anything else.
    #[error("export: {0}")]
    Other(String),
    /// Nothing to export.
    #[error("the collection has no badges to export")]
    Empty,
    /// A single-badge format was asked for several badges.
    #[error("{0} export takes exactly one badge: pass --badge ID")]
    OneBadgeOnly(&'static str),
    /// The presentation needs the learner key.
    #[error("a presentation needs the learner key, and none was given")]
    NoLearnerKey,
    /// No badge can go into a presentation.
    #[error(
        "none of these badges can go into a verifiable presentation (open badges 2.0 badges cannot); export html, zip or pdf instead"
    )]
    NothingToPresent,
    /// The stored payload is not what its format says.
    #[error("badge {badge}: {reason}")]
    BadPayload {
        /// Badge (name or id).
        badge: String,
        /// What is wrong.
        reason: String,
    },
    /// Signing the presentation failed.
    #[error("could not sign the presentation: {0}")]
    Sign(String),
    /// Minor mode: a guardian passphrase is needed.
    #[error("minor mode is on: sharing needs the guardian passphrase")]
    GuardianRequired,
    /// Minor mode: wrong guardian passphrase.
    #[error("minor mode is on and the guardian passphrase is wrong")]
    GuardianWrong,
    /// A badge asked for is not in the collection.
    #[error("badge #{badge} is not in collection \"{collection}\"")]
    NotInCollection {
        /// The badge id.
        badge: i64,
        /// The collection's name.
        collection: String,
    },
    /// Writing the ZIP failed.
    #[error("could not write the zip bundle: {0}")]
    Zip(String),
    /// Writing the PDF failed.
    #[error("could not write the pdf: {0}")]
    Pdf(String),
    /// Baking failed.
    #[error("could not bake the badge image: {0}")]
    Bake(String),
}

/// One badge to export, as the wallet holds it.
#[derive(Debug, Clone)]
pub struct ExportBadge {
    /// The wallet's id for the badge (used in file names and the manifest).
    pub wallet_id: String,
    /// The original bytes exactly as imported (signatures cover them).
    pub original: Vec<u8>,
    /// What the original file was.
    pub container: Container,
    /// Format.
    pub format: Format,
    /// The parsed view (display only).
    pub badge: Badge,
    /// The credential text found in the original: JSON text, compact JWS or hosted URL
    /// (for a baked image, the baked text). Used to re-bake and to build the presentation.
    pub payload: String,
    /// The verification report at export time, if the wallet has one.
    pub report: Option<Report>,
    /// The learner's note on this badge.
    pub note: Option<String>,
}

/// A curated set of badges with the learner's words around it.
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    /// Title (the collection's name, or the learner's title).
    pub title: String,
    /// The learner's introduction.
    pub intro: Option<String>,
    /// The collection's note.
    pub note: Option<String>,
    /// The badges, in the collection's order.
    pub badges: Vec<ExportBadge>,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Self-contained HTML page.
    Html,
    /// ZIP bundle.
    Zip,
    /// Verifiable Presentation JSON.
    Vp,
    /// PDF.
    Pdf,
    /// One baked PNG.
    Png,
    /// One baked SVG.
    Svg,
}

impl ExportFormat {
    /// Parse `html|zip|vp|pdf|png|svg`.
    pub fn from_id(s: &str) -> Option<ExportFormat> {
        Some(match s {
            "html" => ExportFormat::Html,
            "zip" => ExportFormat::Zip,
            "vp" => ExportFormat::Vp,
            "pdf" => ExportFormat::Pdf,
            "png" => ExportFormat::Png,
            "svg" => ExportFormat::Svg,
            _ => return None,
        })
    }

    /// True when the export carries the original credentials (every format does: the PDF
    /// attaches them).
    pub fn ships_originals(self) -> bool {
        true
    }

    /// True when the export carries a presentation signed by the learner key.
    pub fn has_presentation(self) -> bool {
        matches!(
            self,
            ExportFormat::Html | ExportFormat::Zip | ExportFormat::Vp
        )
    }
}

/// How to export.
#[derive(Debug)]
pub struct ExportOptions<'a> {
    /// Privacy choices.
    pub privacy: Privacy,
    /// Export time (from the injected clock): shown, put in the manifest and the proof.
    pub exported_at: DateTime<Utc>,
    /// The learner key: HTML, ZIP and VP exports embed a presentation signed with it.
    pub learner: Option<&'a LearnerKey>,
    /// Presentation `challenge` (from the receiver), if any.
    pub challenge: Option<String>,
    /// Presentation `domain` (the receiver), if any.
    pub domain: Option<String>,
}

/// A finished export.
#[derive(Debug, Clone)]
pub struct ExportOutput {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Suggested file extension.
    pub extension: &'static str,
    /// What leaves the machine.
    pub warning: PrivacyWarning,
    /// Badges left out of the presentation (OB 2.0 cannot go in a VP), by name.
    pub not_in_presentation: Vec<String>,
    /// Anything else the learner should know about the file, one line each (a PDF: the
    /// characters no installed font could print).
    pub notices: Vec<String>,
}

/// Export `portfolio` in `format`, the page's and the PDF's own words in English.
pub fn export(
    portfolio: &Portfolio,
    format: ExportFormat,
    opts: &ExportOptions<'_>,
) -> Result<ExportOutput, ExportError> {
    export_in(portfolio, format, opts, crate::i18n::Lang::En)
}

/// Export `portfolio` in `format`, with the HTML page's and the PDF's own words (headings,
/// labels, statuses, dates, the how-to-check text) in `lang`: the learner's chosen language
/// (issue 14). Badge text is shown as issued. The page records its language, so a receiver's
/// re-check renders it in the same language. The other formats carry no words of ours.
pub fn export_in(
    portfolio: &Portfolio,
    format: ExportFormat,
    opts: &ExportOptions<'_>,
    lang: crate::i18n::Lang,
) -> Result<ExportOutput, ExportError> {
    if portfolio.badges.is_empty() {
        return Err(ExportError::Empty);
    }
    let learner_did = if format.has_presentation() {
        opts.learner.map(|k| k.did())
    } else {
        None
    };
    let warning = privacy::linkable_identifiers(
        portfolio,
        &opts.privacy,
        format.ships_originals(),
        learner_did,
    );
    let not_in_presentation = presentation::excluded_names(portfolio);
    let mut notices = Vec::new();
    let (bytes, extension) = match format {
        ExportFormat::Html => {
            let vp = presentation::build_for(portfolio, opts)?;
            (
                html::render_in(portfolio, opts, vp.as_deref(), lang)?.into_bytes(),
                "html",
            )
        }
        ExportFormat::Zip => (zip::bundle_in(portfolio, opts, lang)?, "zip"),
        ExportFormat::Vp => {
            let key = opts.learner.ok_or(ExportError::NoLearnerKey)?;
            (presentation::build_signed(portfolio, key, opts)?, "json")
        }
        ExportFormat::Pdf => {
            let r = pdf::render_full_in(portfolio, opts, lang)?;
            if !r.missing_glyphs.is_empty() {
                let chars: String = r
                    .missing_glyphs
                    .iter()
                    .map(|c| format!("U+{:04X}", *c as u32))
                    .collect::<Vec<_>>()
                    .join(" ");
                notices.push(
                    crate::i18n::Catalog::get(lang)
                        .msg("export-font-notice", &[("chars", chars.into())]),
                );
            }
            (r.bytes, "pdf")
        }
        ExportFormat::Png | ExportFormat::Svg => {
            let [item] = portfolio.badges.as_slice() else {
                return Err(ExportError::OneBadgeOnly(if format == ExportFormat::Png {
                    "png"
                } else {
                    "svg"
                }));
            };
            let img = baked::baked_image(item)?;
            (img.bytes, img.extension)
        }
    };
    Ok(ExportOutput {
        bytes,
        extension,
        warning,
        not_in_presentation,
        notices,
    })
}

/// File-name-safe short form of a badge name (ASCII letters, digits and `-`, at most 40).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "badge".into() } else { out }
}

/// The file name of a badge's original inside a bundle: `NN-slug.ext`.
pub fn original_file_name(index: usize, item: &ExportBadge) -> String {
    let ext = match item.container {
        Container::Png => "png",
        Container::Svg => "svg",
        Container::Json => "json",
        Container::Jws => "jwt",
        Container::Url => "url.txt",
    };
    format!("{:02}-{}.{ext}", index + 1, slug(&item.badge.name))
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Write an export (or any file the learner saves) so that `path` is never half-written:
/// the bytes go to a temporary file beside it, are synced, then renamed over it. A failure
/// leaves whatever was at `path` before. The CLI and the app both save through this.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".backpack-save-")
        .suffix(".partial")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod write_atomic_tests {
    #[test]
    fn replaces_whole_or_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("portfolio.html");
        std::fs::write(&p, b"old").unwrap();
        super::write_atomic(&p, b"new bytes").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new bytes");
        // Into a folder that does not exist: an error, nothing written anywhere.
        let missing = dir.path().join("nope/portfolio.html");
        assert!(super::write_atomic(&missing, b"x").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("portfolio.html")],
            "no temp file left"
        );
    }
}
