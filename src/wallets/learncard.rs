//! LearnCard holder-continuity bundles (bundle spec 1.0.0, `@learncard/holder-continuity`,
//! <https://github.com/learningeconomy/LearnCard/tree/main/packages/holder-continuity-bundle>).
//!
//! A ZIP with a plaintext `manifest.json`: `{"specVersion": "1.0.0", "encryption": {"mode":
//! "argon2id-aes-256-gcm" | "none", …}, "contents": [{"id", "type", "path", "sha256",
//! "encrypted", …}], "payloadSha256"}`. Each sensitive entry is a JSON envelope `{"ciphertext",
//! "iv", "salt", "kdfParams": {"algorithm": "argon2id", "timeCost", "memoryCost",
//! "parallelism"}}`: Argon2id (RFC 9106) over the bundle password and the entry's salt, 32
//! bytes, then AES-256-GCM (ciphertext ‖ 16-byte tag, 12-byte IV, no AAD), all base64.
//!
//! What is read, and what never is:
//! - `credential` and `unknown-json` entries (LearnCard files an OB 2.0 assertion as
//!   `unknown-json`) are read through the importer's ZIP reader, checked against their
//!   manifest `sha256`, decrypted with the password when encrypted, and imported; one input
//!   each, named `bundle.zip:credentials/<hash>.json.enc`.
//! - `key-private-seed`, `key-jwks`, `key-recovery-phrase` (the wallet's raw seed, its private
//!   JWKs, its recovery phrase), and any entry under `keys/`, are **never read or decrypted**:
//!   the `skipped` line counts them.
//! - presentations, index and consent records, status-list snapshots and the DID document are
//!   not badges and are left out (counted on the same line).
//!
//! The manifest is not authenticated (its `payloadSha256` is an unkeyed hash), so LearnCard's
//! own reader, which trusts each entry's `encrypted` flag, accepts plaintext entries that
//! anyone added without the password. Here, in a bundle whose manifest says it is encrypted,
//! an entry marked plaintext is refused, and so is any ZIP entry the manifest does not list.
//! A hash that does not match refuses that entry; a `payloadSha256` that does not match the
//! manifest refuses the bundle. Without the password each encrypted entry is refused with a
//! line saying so, and the plaintext ones (of an unencrypted bundle) are imported. Argon2
//! costs above the `MAX_BUNDLE_KDF_*` limits are refused before any work. No public sample
//! bundle exists; the tests build bundles with the documented layout and cipher.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use aes_gcm::aead::{Aead, KeyInit};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::Value;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::{
    Item, Unlock, ZipCheck, not_credentials, notes, over_budget, refused, skipped, unsafe_entry,
};
use crate::import::FileOutcome;
use crate::limits;
use crate::localize::{Message, msg};
use crate::zipread::{BoundedZip, unsafe_name};

/// The manifest's name, at the archive root.
pub(crate) const MANIFEST: &str = "manifest.json";

/// The bundle's own readable files, not listed in the manifest.
const READABLE: [&str; 3] = [MANIFEST, "README.md", "BUNDLE_SPEC.md"];

/// The mode of an encrypted bundle.
const MODE_ENCRYPTED: &str = "argon2id-aes-256-gcm";

/// What to check once a LearnCard entry has been read.
#[derive(Clone)]
pub(crate) struct EntryCheck {
    /// The manifest's sha256 of the stored bytes, lower-case hex.
    sha256: String,
    /// The manifest says the entry is encrypted.
    encrypted: bool,
    /// The bundle password, when given.
    password: Option<Arc<Zeroizing<String>>>,
}

impl std::fmt::Debug for EntryCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntryCheck")
            .field("sha256", &self.sha256)
            .field("encrypted", &self.encrypted)
            .finish_non_exhaustive()
    }
}

/// The manifest, when it is a LearnCard one (`specVersion` and `contents`).
fn manifest<R: Read + std::io::Seek>(
    archive: &mut BoundedZip<R>,
) -> Option<serde_json::Map<String, Value>> {
    let text = archive
        .read_name(MANIFEST, limits::MAX_ZIP_ENTRY_BYTES, false)
        .ok()?;
    let Value::Object(m) = serde_json::from_slice::<Value>(&text).ok()? else {
        return None;
    };
    (m.get("specVersion").is_some_and(Value::is_string)
        && m.get("contents").is_some_and(Value::is_array))
    .then_some(m)
}

/// True when the archive is a LearnCard bundle.
pub(crate) fn is_bundle<R: Read + std::io::Seek>(archive: &mut BoundedZip<R>) -> bool {
    manifest(archive).is_some()
}

/// A path the manifest may name: relative, no `..`, no backslash, no control character (the
/// core's ZIP name rule, [`unsafe_name`], and stricter).
fn safe_path(p: &str) -> bool {
    !p.is_empty()
        && unsafe_name(p).is_none()
        && !p.starts_with('/')
        && !p.contains(['\\', '\0'])
        && !p.split('/').any(|s| s == ".." || s.is_empty())
}

fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The inputs of a bundle: its credentials, a line per refused entry, one `skipped` line.
pub(crate) fn expand(
    path: &Path,
    mut archive: BoundedZip<std::fs::File>,
    unlock: &Unlock,
) -> Vec<Item> {
    let source = path.display().to_string();
    fn whole(source: &str, why: Message) -> Vec<Item> {
        vec![Item::Done(refused(source, why))]
    }
    // More than MAX_ZIP_ENTRIES entries: the reader did not open it, and the importer's plain
    // ZIP reader refused it in the same words.
    let Some(m) = manifest(&mut archive) else {
        return whole(&source, msg!("err-wallet-learncard-manifest"));
    };
    let version = m.get("specVersion").and_then(Value::as_str).unwrap_or("");
    if version.split('.').next() != Some("1") {
        return whole(
            &source,
            msg!(
                "err-wallet-learncard-version",
                version = format!("{version:?}")
            ),
        );
    }
    let mode = m
        .get("encryption")
        .and_then(|e| e.get("mode"))
        .and_then(Value::as_str)
        .unwrap_or("none");
    let bundle_encrypted = match mode {
        MODE_ENCRYPTED => true,
        "none" => false,
        other => {
            return whole(
                &source,
                msg!("err-wallet-learncard-mode", mode = format!("{other:?}")),
            );
        }
    };
    let contents = m
        .get("contents")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if contents.len() > limits::MAX_CONTAINER_ITEMS {
        return whole(
            &source,
            msg!(
                "err-wallet-learncard-too-many",
                count = contents.len(),
                limit = limits::MAX_CONTAINER_ITEMS
            ),
        );
    }
    // The manifest's own checksum (LearnCard's reader checks it too): JCS of `contents`.
    let payload = serde_json_canonicalizer::to_string(&Value::Array(contents.clone()))
        .map(|s| hex(&Sha256::digest(s.as_bytes())))
        .unwrap_or_default();
    match m.get("payloadSha256").and_then(Value::as_str) {
        Some(h) if h.eq_ignore_ascii_case(&payload) => {}
        _ => {
            return whole(&source, msg!("err-wallet-learncard-payload"));
        }
    }
    let mut items = Vec::new();
    let mut listed: Vec<String> = Vec::new();
    let (mut seeds, mut keysets, mut phrases, mut other_secrets, mut other) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for entry in &contents {
        let kind = entry.get("type").and_then(Value::as_str).unwrap_or("");
        let p = entry.get("path").and_then(Value::as_str).unwrap_or("");
        let name = format!("{source}:{p}");
        // Listed even when refused, so the entry gets this one line and not a second one as
        // an entry the manifest does not list.
        listed.push(p.to_string());
        if !safe_path(p) {
            items.push(Item::Done(refused(
                &source,
                msg!("err-wallet-learncard-unsafe-path", path = format!("{p:?}")),
            )));
            continue;
        }
        match kind {
            "key-private-seed" => {
                seeds += 1;
                continue;
            }
            "key-jwks" => {
                keysets += 1;
                continue;
            }
            "key-recovery-phrase" => {
                phrases += 1;
                continue;
            }
            k if k.starts_with("key-") => {
                other_secrets += 1;
                continue;
            }
            "credential" | "unknown-json" => {}
            "presentation" | "did-document" | "index-record" | "consent-record"
            | "status-cache" => {
                other += 1;
                continue;
            }
            // An unknown kind of entry under keys/ is taken for a secret and left unread.
            _ if p.starts_with("keys/") => {
                other_secrets += 1;
                continue;
            }
            _ => {
                other += 1;
                continue;
            }
        }
        let Some(index) = archive.index_for_name(p) else {
            items.push(Item::Done(refused(
                &name,
                msg!("err-wallet-learncard-missing"),
            )));
            continue;
        };
        let Some(sha256) = entry
            .get("sha256")
            .and_then(Value::as_str)
            .filter(|h| is_hex64(h))
        else {
            items.push(Item::Done(refused(
                &name,
                msg!("err-wallet-learncard-no-sha"),
            )));
            continue;
        };
        let encrypted = entry.get("encrypted").and_then(Value::as_bool) == Some(true);
        if bundle_encrypted && !encrypted {
            items.push(Item::Done(refused(
                &name,
                msg!("err-wallet-learncard-plaintext"),
            )));
            continue;
        }
        if encrypted && unlock.bundle_password.is_none() {
            items.push(Item::Done(refused(
                &name,
                msg!("err-wallet-learncard-no-password-hint"),
            )));
            continue;
        }
        items.push(Item::Zip {
            archive: path.to_path_buf(),
            index,
            name: p.to_string(),
            check: ZipCheck::LearnCard(EntryCheck {
                sha256: sha256.to_ascii_lowercase(),
                encrypted,
                password: unlock.bundle_password.clone(),
            }),
        });
    }
    // Entries the manifest does not list: secrets are left alone, anything else refused.
    let mut unlisted: Vec<String> = archive
        .names()
        .filter(|n| !n.ends_with('/') && !READABLE.contains(n))
        .filter(|n| !listed.iter().any(|l| l == n))
        .map(str::to_string)
        .collect();
    unlisted.sort();
    for n in unlisted {
        if n.starts_with("keys/") {
            other_secrets += 1;
        } else if let Some(why) = unsafe_name(&n) {
            items.push(unsafe_entry(path, &n, why));
        } else {
            items.push(Item::Done(refused(
                &format!("{source}:{n}"),
                msg!("err-wallet-learncard-unlisted"),
            )));
        }
    }
    let secrets: Vec<Message> = [
        (seeds, "err-wallet-count-seeds"),
        (keysets, "err-wallet-count-key-sets"),
        (phrases, "err-wallet-count-phrases"),
        (other_secrets, "err-wallet-count-key-files"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, id)| Message::Id(id.into(), vec![("n".into(), Message::Count(n))]))
    .collect();
    let mut said = Vec::new();
    if let Some(secrets) = Message::join("err-wallet-list", secrets) {
        said.push(msg!("err-wallet-learncard-secrets", secrets = secrets));
    }
    if other > 0 {
        said.push(msg!(
            "err-wallet-learncard-other",
            entries = not_credentials(other)
        ));
    }
    if let Some(why) = notes(said) {
        items.push(Item::Done(skipped(&source, why)));
    }
    // Only the credentials it will read are inflated (the keys stay unread), all before any is.
    if let Some(why) = over_budget(&mut archive, &items) {
        return whole(&source, why);
    }
    items
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Check and, when encrypted, decrypt one entry the ZIP reader has read.
pub(crate) fn open(
    check: &EntryCheck,
    source: String,
    raw: Vec<u8>,
) -> Result<(String, Vec<u8>), Box<FileOutcome>> {
    let refused = |source: &str, why: Message| Box::new(refused(source, why));
    if hex(&Sha256::digest(&raw)) != check.sha256 {
        return Err(refused(&source, msg!("err-wallet-learncard-sha-mismatch")));
    }
    if !check.encrypted {
        return Ok((source, raw));
    }
    let Some(password) = &check.password else {
        return Err(refused(&source, msg!("err-wallet-learncard-no-password")));
    };
    match decrypt(&raw, password) {
        Ok(plain) => Ok((source, plain)),
        Err(why) => Err(refused(&source, why)),
    }
}

/// Decrypt a `encryptWithPassword` envelope.
/// Why not: the envelope's defect (a field name) is shown as given.
fn decrypt(envelope: &[u8], password: &str) -> Result<Vec<u8>, Message> {
    let bad = |what: &str| msg!("err-wallet-learncard-envelope", what = what);
    let v: Value = serde_json::from_slice(envelope).map_err(|_| bad("not json"))?;
    let field = |k: &str| -> Result<Vec<u8>, Message> {
        let s = v
            .get(k)
            .and_then(Value::as_str)
            .ok_or_else(|| bad(&format!("no {k}")))?;
        B64.decode(s.trim())
            .map_err(|_| bad(&format!("{k} is not base64")))
    };
    let (ciphertext, iv, salt) = (field("ciphertext")?, field("iv")?, field("salt")?);
    let kdf = v.get("kdfParams").ok_or_else(|| bad("no kdfParams"))?;
    let alg = kdf.get("algorithm").and_then(Value::as_str).unwrap_or("");
    if !alg.eq_ignore_ascii_case("argon2id") {
        return Err(msg!("err-wallet-learncard-kdf", alg = format!("{alg:?}")));
    }
    let num = |k: &str| -> Result<u32, Message> {
        kdf.get(k)
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| bad(&format!("kdfParams.{k} is not a number")))
    };
    let (t, mem, p) = (num("timeCost")?, num("memoryCost")?, num("parallelism")?);
    for (what, value, limit, name) in [
        (
            msg!("err-wallet-argon2-memory"),
            mem,
            limits::MAX_BUNDLE_KDF_MEMORY_KIB,
            "MAX_BUNDLE_KDF_MEMORY_KIB",
        ),
        (
            msg!("err-wallet-argon2-time"),
            t,
            limits::MAX_BUNDLE_KDF_TIME,
            "MAX_BUNDLE_KDF_TIME",
        ),
        (
            msg!("err-wallet-argon2-lanes"),
            p,
            limits::MAX_BUNDLE_KDF_LANES,
            "MAX_BUNDLE_KDF_LANES",
        ),
    ] {
        if value > limit {
            return Err(msg!(
                "err-wallet-learncard-argon2-limit",
                what = what,
                value = value,
                limit = limit,
                name = name
            ));
        }
    }
    let Ok(iv) = <[u8; 12]>::try_from(iv.as_slice()) else {
        return Err(bad("iv is not 12 bytes"));
    };
    if salt.len() < 8 {
        return Err(bad("salt shorter than 8 bytes"));
    }
    let params = argon2::Params::new(mem, t, p, Some(32))
        .map_err(|e| msg!("err-wallet-learncard-argon2", detail = e.to_string()))?;
    let mut key = Zeroizing::new([0u8; 32]);
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(password.as_bytes(), &salt, &mut key[..])
        .map_err(|e| msg!("err-wallet-learncard-argon2", detail = e.to_string()))?;
    let cipher = aes_gcm::Aes256Gcm::new_from_slice(&key[..])
        .map_err(|_| msg!("err-wallet-learncard-aes"))?;
    cipher
        .decrypt(&aes_gcm::Nonce::from(iv), ciphertext.as_slice())
        .map_err(|_| msg!("err-wallet-learncard-wrong-password"))
}
