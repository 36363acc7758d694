//! The receiver side of sharing: take a file someone exported with Backpack — an HTML
//! portfolio, a ZIP bundle or a Verifiable Presentation — pull out every credential and
//! verify each one with [`crate::verify::verify_bytes`], then check the presentation's proof
//! (VCDM 2.0 §4.13 / vc-di-eddsa, STANDARDS §3.3). Offline by default: the caller's
//! [`VerifyContext`] carries the fetcher the learner allowed.
//!
//! Everything in the received file is untrusted: sizes are bounded by [`crate::limits`],
//! nothing is executed or rendered here, and each credential gets its own report so one
//! damaged credential never hides the others. The app uses [`ShareReport`] to show a received
//! portfolio read-only.

use std::io::Read;

use base64::Engine as _;
use serde::Serialize;
use serde_json::Value;

use crate::export::html::{CREDENTIAL_BLOCK_PREFIX, PRESENTATION_BLOCK_ID, extract_blocks};
use crate::export::sha256_hex;
use crate::export::zip::{MANIFEST, Manifest};
use crate::limits::{MAX_FILE_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES};
use crate::model::{Badge, Format};
use crate::verify::data_integrity::VerifyOptions;
use crate::verify::{CheckId, Outcome, Report, Verdict, VerifyContext, verify_bytes};

/// What kind of export was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareKind {
    /// An HTML portfolio page.
    Html,
    /// A ZIP bundle.
    Zip,
    /// A bare Verifiable Presentation (JSON).
    Presentation,
}

/// Whether a credential's bytes are the ones the exporter recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "detail", rename_all = "snake_case")]
pub enum Integrity {
    /// The SHA-256 matches the one recorded at export.
    Intact,
    /// The bytes changed after export.
    Altered(String),
    /// No hash was recorded (a bare presentation).
    NotRecorded,
}

/// One credential found in the received file.
#[derive(Debug, Clone, Serialize)]
pub struct SharedBadge {
    /// Where it was found: a path in the ZIP, a block id in the page, or
    /// `verifiableCredential[N]` in a presentation.
    pub source: String,
    /// The parsed view for display, when it could be parsed.
    pub badge: Option<Badge>,
    /// Format, when known.
    pub format: Option<Format>,
    /// SHA-256 of the bytes verified.
    pub sha256: String,
    /// Matches what was recorded at export?
    pub integrity: Integrity,
    /// The full verification report.
    pub report: Report,
    /// The verdict for this credential: the report's, made `invalid` when the bytes were altered.
    pub verdict: Verdict,
    /// The credential bytes exactly as received (a receiver may save them).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The presentation's proof.
#[derive(Debug, Clone, Serialize)]
pub struct PresentationCheck {
    /// `holder`.
    pub holder: Option<String>,
    /// `proof.verificationMethod`.
    pub verification_method: Option<String>,
    /// `proof.created`.
    pub created: Option<String>,
    /// `proof.challenge`.
    pub challenge: Option<String>,
    /// `proof.domain`.
    pub domain: Option<String>,
    /// Number of credentials in it.
    pub credentials: usize,
    /// Pass, fail, or error (could not check).
    pub outcome: Outcome,
    /// One line.
    pub detail: String,
}

/// Everything found in a received export.
#[derive(Debug, Clone, Serialize)]
pub struct ShareReport {
    /// What was received.
    pub kind: ShareKind,
    /// The portfolio title, when the file says.
    pub title: Option<String>,
    /// When it was exported, when the file says.
    pub exported_at: Option<String>,
    /// One entry per credential.
    pub badges: Vec<SharedBadge>,
    /// The presentation, if the file has one.
    pub presentation: Option<PresentationCheck>,
    /// Problems with the file as a whole (missing entries, altered page, …).
    pub problems: Vec<String>,
}

impl ShareReport {
    /// True only when every credential is valid, the presentation (if any) verifies and the
    /// file has no problems.
    pub fn all_valid(&self) -> bool {
        !self.badges.is_empty()
            && self.badges.iter().all(|b| b.verdict == Verdict::Valid)
            && self
                .presentation
                .as_ref()
                .is_none_or(|p| p.outcome == Outcome::Pass)
            && self.problems.is_empty()
    }
}

/// Why a received file could not be examined at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ShareError {
    /// Not one of our export kinds.
    #[error(
        "not a backpack export: expected an html portfolio, a zip bundle or a presentation json"
    )]
    Unrecognised,
    /// Too big.
    #[error("file is {size} bytes, above the {limit}-byte limit for a shared export")]
    TooLarge {
        /// Size.
        size: u64,
        /// Limit.
        limit: u64,
    },
    /// The archive is unreadable.
    #[error("zip bundle is unreadable: {0}")]
    Zip(String),
    /// The archive exceeds a limit.
    #[error("zip bundle exceeds the {what} limit of {limit}")]
    ZipLimit {
        /// Which limit.
        what: &'static str,
        /// Its value.
        limit: u64,
    },
    /// No credential was found.
    #[error("the export holds no credential to verify")]
    NoCredentials,
    /// The presentation JSON is not usable.
    #[error("presentation is not valid json: {0}")]
    BadPresentation(String),
}

/// Largest shared file accepted: a bundle of many badges.
pub const MAX_SHARE_BYTES: u64 = 512 * 1024 * 1024;

/// What the receiver expects of the presentation proof.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expect {
    /// The `challenge` the receiver sent, if any: the proof must carry it.
    pub challenge: Option<String>,
    /// The receiver's `domain`, if any: the proof must carry it.
    pub domain: Option<String>,
}

/// Examine a received export and verify everything in it.
pub fn verify_share(bytes: &[u8], ctx: &VerifyContext<'_>) -> Result<ShareReport, ShareError> {
    verify_share_with(bytes, ctx, &Expect::default())
}

/// [`verify_share`], also requiring the presentation proof's `challenge`/`domain`.
pub fn verify_share_with(
    bytes: &[u8],
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    if bytes.len() as u64 > MAX_SHARE_BYTES {
        return Err(ShareError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_SHARE_BYTES,
        });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return verify_zip(bytes, ctx, expect);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ShareError::Unrecognised)?;
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower_head: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower_head.starts_with("<!doctype html") || lower_head.starts_with("<html") {
        return verify_html(text, ctx, expect);
    }
    if head.starts_with('{') {
        return verify_presentation_only(head, ctx, expect);
    }
    Err(ShareError::Unrecognised)
}

fn parsed_view(bytes: &[u8]) -> Option<Badge> {
    let decoded = crate::decode::decode(bytes).ok()?;
    crate::parse::parse(&decoded).ok().map(|p| p.badge)
}

fn check_one(
    source: String,
    bytes: Vec<u8>,
    expected: Option<&str>,
    ctx: &VerifyContext<'_>,
) -> SharedBadge {
    let sha = sha256_hex(&bytes);
    let integrity = match expected {
        Some(e) if e.eq_ignore_ascii_case(&sha) => Integrity::Intact,
        Some(e) => Integrity::Altered(format!(
            "sha256 is {sha}, the export recorded {e}: the credential was changed after export"
        )),
        None => Integrity::NotRecorded,
    };
    let report = verify_bytes(&bytes, ctx);
    let verdict = if matches!(integrity, Integrity::Altered(_)) {
        Verdict::Invalid
    } else {
        report.verdict
    };
    SharedBadge {
        source,
        badge: parsed_view(&bytes),
        format: report.format,
        sha256: sha,
        integrity,
        verdict,
        report,
        bytes,
    }
}

fn unreadable(source: String, why: String, ctx: &VerifyContext<'_>) -> SharedBadge {
    let mut report = Report::new(
        ctx.clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    );
    report.set(CheckId::Decode, Outcome::Fail, why.clone());
    SharedBadge {
        source,
        badge: None,
        format: None,
        sha256: String::new(),
        integrity: Integrity::Altered(why),
        verdict: Verdict::Invalid,
        report,
        bytes: Vec::new(),
    }
}

fn verify_html(
    text: &str,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    let blocks = extract_blocks(text);
    let mut vp_doc: Option<Value> = None;
    let mut badges = Vec::new();
    let mut presentation = None;
    let mut problems = Vec::new();
    for b in blocks {
        if b.id == PRESENTATION_BLOCK_ID {
            let check = match &b.bytes {
                Ok(vp) => {
                    let altered = b
                        .sha256
                        .as_deref()
                        .is_some_and(|e| !e.eq_ignore_ascii_case(&sha256_hex(vp)));
                    if altered {
                        problems.push("the embedded presentation was changed after export".into());
                    }
                    match serde_json::from_slice::<Value>(vp) {
                        Ok(v) => {
                            let c = check_presentation(&v, ctx, expect);
                            vp_doc = Some(v);
                            c
                        }
                        Err(e) => {
                            failed_presentation(format!("presentation is not valid json: {e}"))
                        }
                    }
                }
                Err(e) => failed_presentation(e.clone()),
            };
            presentation = Some(check);
        } else if b.id.starts_with(CREDENTIAL_BLOCK_PREFIX) {
            let source = b.file.clone().unwrap_or_else(|| b.id.clone());
            badges.push(match b.bytes {
                Ok(bytes) => check_one(source, bytes, b.sha256.as_deref(), ctx),
                Err(e) => unreadable(source, e, ctx),
            });
        }
    }
    if badges.is_empty() {
        return Err(ShareError::NoCredentials);
    }
    if let Some(p) = vp_doc
        .as_ref()
        .and_then(|vp| presentation_matches(vp, &badges))
    {
        problems.push(p);
    }
    let title = between(text, "<title>", "</title>").map(unescape);
    let exported_at = between(text, "<meta name=\"backpack-exported-at\" content=\"", "\"")
        .filter(|s| s.len() <= 64)
        .map(unescape);
    Ok(ShareReport {
        kind: ShareKind::Html,
        title,
        exported_at,
        badges,
        presentation,
        problems,
    })
}

fn between<'a>(s: &'a str, a: &str, b: &str) -> Option<&'a str> {
    let i = s.find(a)? + a.len();
    let j = s[i..].find(b)?;
    Some(&s[i..i + j])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn read_entry<R: Read + std::io::Seek>(
    zip: &mut ::zip::ZipArchive<R>,
    name: &str,
) -> Result<Vec<u8>, String> {
    let idx = zip
        .index_for_name(name)
        .ok_or_else(|| format!("{name} is missing from the bundle"))?;
    let stored = zip
        .by_index_raw(idx)
        .map(|f| f.compression() == ::zip::CompressionMethod::Stored)
        .map_err(|e| format!("{name}: {e}"))?;
    // Stored entries are read raw, so a changed byte reaches the verifier (and the manifest
    // hash) instead of stopping at the entry CRC; deflated ones are decompressed, bounded.
    let f = if stored {
        zip.by_index_raw(idx)
    } else {
        zip.by_index(idx)
    }
    .map_err(|e| format!("{name}: {e}"))?;
    let mut out = Vec::new();
    f.take(MAX_ZIP_ENTRY_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("{name}: {e}"))?;
    if out.len() as u64 > MAX_ZIP_ENTRY_BYTES {
        return Err(format!(
            "{name} is larger than the {MAX_ZIP_ENTRY_BYTES}-byte entry limit"
        ));
    }
    Ok(out)
}

fn verify_zip(
    bytes: &[u8],
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ShareError::Zip(e.to_string()))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ShareError::ZipLimit {
            what: "entry count",
            limit: MAX_ZIP_ENTRIES as u64,
        });
    }
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            declared = declared.saturating_add(f.size());
        }
    }
    if declared > MAX_ZIP_TOTAL_BYTES {
        return Err(ShareError::ZipLimit {
            what: "total uncompressed size",
            limit: MAX_ZIP_TOTAL_BYTES,
        });
    }
    let mut problems = Vec::new();
    let manifest: Option<Manifest> = match read_entry(&mut zip, MANIFEST) {
        Ok(b) => match serde_json::from_slice(&b) {
            Ok(m) => Some(m),
            Err(e) => {
                problems.push(format!("manifest.json is not a backpack manifest: {e}"));
                None
            }
        },
        Err(e) => {
            problems.push(e);
            None
        }
    };
    let expected = |path: &str| -> Option<String> {
        manifest
            .as_ref()?
            .files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.sha256.clone())
    };
    let originals: Vec<String> = match &manifest {
        Some(m) => m.badges.iter().map(|b| b.original.clone()).collect(),
        None => zip
            .file_names()
            .filter(|n| n.starts_with("credentials/") && !n.ends_with('/'))
            .map(str::to_string)
            .collect(),
    };
    let mut badges = Vec::new();
    for path in originals {
        let exp = expected(&path);
        badges.push(match read_entry(&mut zip, &path) {
            Ok(b) => check_one(path, b, exp.as_deref(), ctx),
            Err(e) => unreadable(path, e, ctx),
        });
    }
    // The other recorded files (page, presentation, baked images) must be unchanged too.
    if let Some(m) = &manifest {
        for f in &m.files {
            if f.path.starts_with("credentials/") {
                continue;
            }
            match read_entry(&mut zip, &f.path) {
                Ok(b) if sha256_hex(&b) == f.sha256 => {}
                Ok(_) => problems.push(format!("{} was changed after export", f.path)),
                Err(e) => problems.push(e),
            }
        }
    }
    let presentation = manifest
        .as_ref()
        .and_then(|m| m.presentation.clone())
        .map(|p| match read_entry(&mut zip, &p) {
            Ok(b) => match serde_json::from_slice::<Value>(&b) {
                Ok(v) => {
                    if let Some(p) = presentation_matches(&v, &badges) {
                        problems.push(p);
                    }
                    check_presentation(&v, ctx, expect)
                }
                Err(e) => failed_presentation(format!("presentation is not valid json: {e}")),
            },
            Err(e) => failed_presentation(e),
        });
    if badges.is_empty() {
        return Err(ShareError::NoCredentials);
    }
    Ok(ShareReport {
        kind: ShareKind::Zip,
        title: manifest.as_ref().map(|m| m.title.clone()),
        exported_at: manifest.as_ref().map(|m| m.exported_at.clone()),
        badges,
        presentation,
        problems,
    })
}

fn verify_presentation_only(
    text: &str,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> Result<ShareReport, ShareError> {
    if text.len() as u64 > MAX_FILE_BYTES * 8 {
        return Err(ShareError::TooLarge {
            size: text.len() as u64,
            limit: MAX_FILE_BYTES * 8,
        });
    }
    let vp: Value =
        serde_json::from_str(text).map_err(|e| ShareError::BadPresentation(e.to_string()))?;
    if !has_type(&vp, "VerifiablePresentation") {
        return Err(ShareError::Unrecognised);
    }
    let mut badges = Vec::new();
    for (i, entry) in credentials_of(&vp).iter().enumerate() {
        let source = format!("verifiableCredential[{i}]");
        badges.push(match credential_bytes(entry) {
            Ok(b) => check_one(source, b, None, ctx),
            Err(e) => unreadable(source, e, ctx),
        });
    }
    if badges.is_empty() {
        return Err(ShareError::NoCredentials);
    }
    Ok(ShareReport {
        kind: ShareKind::Presentation,
        title: None,
        exported_at: vp
            .pointer("/proof/created")
            .and_then(Value::as_str)
            .map(str::to_string),
        badges,
        presentation: Some(check_presentation(&vp, ctx, expect)),
        problems: Vec::new(),
    })
}

fn has_type(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(t)),
        _ => false,
    }
}

fn credentials_of(vp: &Value) -> Vec<Value> {
    match vp.get("verifiableCredential") {
        Some(Value::Array(a)) => a.clone(),
        Some(v @ Value::Object(_)) => vec![v.clone()],
        _ => Vec::new(),
    }
}

/// The bytes to verify for one presentation entry: the JSON credential, or the JWS inside an
/// `EnvelopedVerifiableCredential`.
fn credential_bytes(entry: &Value) -> Result<Vec<u8>, String> {
    if has_type(entry, "EnvelopedVerifiableCredential") {
        let id = entry
            .get("id")
            .and_then(Value::as_str)
            .ok_or("enveloped credential has no id")?;
        let (meta, data) = id
            .strip_prefix("data:")
            .and_then(|r| r.split_once(','))
            .ok_or("enveloped credential id is not a data: url")?;
        let media = meta.split(';').next().unwrap_or_default();
        if !matches!(
            media,
            "application/vc+jwt" | "application/vc+ld+json+jwt" | "application/jwt"
        ) {
            return Err(format!(
                "enveloped credential media type {media} is not supported"
            ));
        }
        if meta.split(';').any(|p| p == "base64") {
            return base64::engine::general_purpose::STANDARD
                .decode(data)
                .map_err(|e| format!("enveloped credential is not valid base64: {e}"));
        }
        return Ok(data.as_bytes().to_vec());
    }
    if entry.is_object() {
        return serde_json::to_vec(entry).map_err(|e| e.to_string());
    }
    Err("presentation entry is neither a credential object nor an enveloped credential".into())
}

fn failed_presentation(detail: String) -> PresentationCheck {
    PresentationCheck {
        holder: None,
        verification_method: None,
        created: None,
        challenge: None,
        domain: None,
        credentials: 0,
        outcome: Outcome::Fail,
        detail,
    }
}

/// What one credential is, for comparing a presentation with the embedded originals: the
/// JSON document (compared as JSON, so whitespace does not matter) or the compact JWS.
#[derive(Debug, PartialEq)]
enum CredentialKey {
    Json(Value),
    Jws(String),
}

fn key_of_original(bytes: &[u8]) -> Option<CredentialKey> {
    let d = crate::decode::decode(bytes).ok()?;
    let text = d.payload.text().trim();
    if text.starts_with('{') {
        serde_json::from_str(text).ok().map(CredentialKey::Json)
    } else {
        Some(CredentialKey::Jws(text.to_string()))
    }
}

fn key_of_entry(entry: &Value) -> Option<CredentialKey> {
    if has_type(entry, "EnvelopedVerifiableCredential") {
        let bytes = credential_bytes(entry).ok()?;
        return String::from_utf8(bytes)
            .ok()
            .map(|s| CredentialKey::Jws(s.trim().to_string()));
    }
    entry
        .is_object()
        .then(|| CredentialKey::Json(entry.clone()))
}

/// The signed presentation must hold exactly the embedded Verifiable Credentials (OB 2.0
/// badges cannot be in it). Returns the problem, if any.
fn presentation_matches(vp: &Value, badges: &[SharedBadge]) -> Option<String> {
    let mut in_vp: Vec<Option<CredentialKey>> =
        credentials_of(vp).iter().map(key_of_entry).collect();
    let mut missing = 0;
    for b in badges
        .iter()
        .filter(|b| b.format.is_some_and(Format::is_vc))
    {
        let Some(k) = key_of_original(&b.bytes) else {
            continue;
        };
        match in_vp.iter().position(|e| e.as_ref() == Some(&k)) {
            Some(i) => {
                in_vp.swap_remove(i);
            }
            None => missing += 1,
        }
    }
    match (missing, in_vp.len()) {
        (0, 0) => None,
        (m, extra) => Some(format!(
            "the signed presentation does not match the embedded credentials: {m} credential(s) not in it, {extra} in it that are not embedded"
        )),
    }
}

/// Check a presentation's structure and its proof.
pub fn check_presentation(
    vp: &Value,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> PresentationCheck {
    let s = |p: &str| vp.pointer(p).and_then(Value::as_str).map(str::to_string);
    let mut pc = PresentationCheck {
        holder: s("/holder"),
        verification_method: s("/proof/verificationMethod"),
        created: s("/proof/created"),
        challenge: s("/proof/challenge"),
        domain: s("/proof/domain"),
        credentials: credentials_of(vp).len(),
        outcome: Outcome::Fail,
        detail: String::new(),
    };
    let fail = |mut pc: PresentationCheck, d: &str| {
        pc.outcome = Outcome::Fail;
        pc.detail = d.to_string();
        pc
    };
    if !has_type(vp, "VerifiablePresentation") {
        return fail(
            pc,
            "not a verifiable presentation (type is missing VerifiablePresentation)",
        );
    }
    let Some(proof) = vp.get("proof").filter(|p| p.is_object()) else {
        return fail(pc, "the presentation has no proof");
    };
    let Some(holder) = pc.holder.clone() else {
        return fail(pc, "the presentation has no holder");
    };
    let vm = pc.verification_method.clone().unwrap_or_default();
    if vm.split('#').next() != Some(holder.as_str()) {
        return fail(
            pc,
            "the proof's verification method does not belong to the holder",
        );
    }
    if proof.get("proofPurpose").and_then(Value::as_str) != Some("authentication") {
        return fail(pc, "the proof's purpose is not authentication");
    }
    let (outcome, detail) = di_verify(vp, &holder, ctx, expect);
    pc.outcome = outcome;
    pc.detail = detail;
    pc
}

/// Verify the presentation's Data Integrity proof: `authentication` purpose, a key
/// controlled by the holder, and the expected `challenge`/`domain` when the receiver gave them.
fn di_verify(
    vp: &Value,
    holder: &str,
    ctx: &VerifyContext<'_>,
    expect: &Expect,
) -> (Outcome, String) {
    let opts = VerifyOptions {
        proof_purpose: "authentication",
        challenge: expect.challenge.as_deref(),
        domain: expect.domain.as_deref(),
    };
    let out = crate::verify::verify_document_proofs(vp, Some(holder), ctx, &opts);
    // The signature must hold and the key must be the holder's.
    match (out.proof, out.issuer_key) {
        ((Outcome::Pass, d), (Outcome::Pass, _)) => (Outcome::Pass, d),
        ((Outcome::Pass, _), (o, why)) => (o, why),
        (proof, _) => proof,
    }
}
