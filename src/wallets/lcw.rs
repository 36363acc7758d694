//! DCC Learner Credential Wallet backups: "Backup wallet" / "Profile backup" files.
//!
//! The file is a JSON array of Universal Wallet 2020 wallets, one per profile (or one such
//! object alone), each `{"type": "UniversalWallet2020", "status": "UNLOCKED", "contents":
//! […]}` (<https://w3c-ccg.github.io/universal-wallet-interop-spec/>). `contents` holds the
//! credentials as received, the profile's did:key DID document, its Ed25519 and X25519 key
//! pairs **with `privateKeyMultibase` in plaintext**, and a `ProfileMetadata` entry. As LCW
//! itself does (`app/lib/parseWallet.ts` in the wallet's repository), entries are classified by
//! shape, not by position:
//! - a credential: a VC context (`https://www.w3.org/2018/credentials/v1` or
//!   `https://www.w3.org/ns/credentials/v2`), a `VerifiableCredential` type, an OB 2.0
//!   assertion shape, or a compact JWS string → one input, named `backup.json:credential N`,
//!   its bytes exactly as they sit in the backup;
//! - anything holding a private key or a seed (`secret_field` in the parent module) → skipped, never
//!   imported, its strings wiped from memory; a credential that holds one is refused;
//! - the rest (DID document, public keys, profile metadata) → left out.
//!
//! The 2022–2023 passphrase-protected variant (`"type": ["VerifiableCredential",
//! "EncryptedWallet"]` with a non-standard JWE) cannot be decrypted by any wallet today and is
//! refused with a line saying so. No public sample backup exists; the tests build backups
//! from this documented structure.

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::{Item, Kind, not_credentials, notes, refused, secret_field, skipped, wipe};
use crate::limits;
use crate::localize::{Message, msg};

const UW: &str = "UniversalWallet2020";
const ENCRYPTED: &str = "EncryptedWallet";

/// One wallet (profile) of a backup, its entries unparsed.
#[derive(Deserialize)]
struct RawWallet<'a> {
    #[serde(rename = "type", default)]
    kind: Option<Value>,
    #[serde(default)]
    status: Option<Value>,
    #[serde(borrow, default)]
    contents: Option<Vec<&'a RawValue>>,
}

fn has_type(kind: &Option<Value>, name: &str) -> bool {
    match kind {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The wallets of a backup, or `None` when the bytes are not one.
fn wallets(bytes: &[u8]) -> Option<Vec<RawWallet<'_>>> {
    if !contains(bytes, UW.as_bytes()) && !contains(bytes, ENCRYPTED.as_bytes()) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    let wallets: Vec<RawWallet<'_>> = if text.trim_start().starts_with('[') {
        serde_json::from_str(text).ok()?
    } else {
        vec![serde_json::from_str(text).ok()?]
    };
    wallets
        .iter()
        .any(|w| has_type(&w.kind, UW) || has_type(&w.kind, ENCRYPTED))
        .then_some(wallets)
}

/// [`Kind::LcwBackup`] or [`Kind::LcwEncrypted`] when `bytes` is an LCW backup.
pub fn detect(bytes: &[u8]) -> Option<Kind> {
    let w = wallets(bytes)?;
    Some(if w.iter().any(|w| has_type(&w.kind, UW)) {
        Kind::LcwBackup
    } else {
        Kind::LcwEncrypted
    })
}

const VC_CONTEXTS: [&str; 2] = [
    "https://www.w3.org/2018/credentials/v1",
    "https://www.w3.org/ns/credentials/v2",
];

/// A compact JWS / JWT string: three segments, a JSON header.
pub(crate) fn looks_jwt(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("eyJ") && s.matches('.').count() == 2 && crate::decode::jws::looks_like_jws(s)
}

/// True when an entry is a credential (LCW's own test, widened to OB 2.0 and JWTs).
pub(crate) fn is_credential(v: &Value) -> bool {
    match v {
        Value::String(s) => looks_jwt(s),
        Value::Object(m) => {
            let ctx = match m.get("@context") {
                Some(Value::String(s)) => VC_CONTEXTS.contains(&s.as_str()),
                Some(Value::Array(a)) => a
                    .iter()
                    .any(|c| c.as_str().is_some_and(|c| VC_CONTEXTS.contains(&c))),
                _ => false,
            };
            let typ = match m.get("type") {
                Some(Value::String(s)) => s.ends_with("VerifiableCredential"),
                Some(Value::Array(a)) => a.iter().any(|t| {
                    t.as_str()
                        .is_some_and(|t| t.ends_with("VerifiableCredential"))
                }),
                _ => false,
            };
            let ob2 = m.contains_key("recipient") && m.contains_key("badge");
            ctx || typ || ob2
        }
        _ => false,
    }
}

/// The credentials of an LCW backup, one input each, plus one `skipped` line for its keys and
/// other entries. `None`: not an LCW backup.
pub(crate) fn expand(source: &str, bytes: &[u8]) -> Option<Vec<Item>> {
    let wallets = wallets(bytes)?;
    if !wallets.iter().any(|w| has_type(&w.kind, UW)) {
        return Some(vec![Item::Done(refused(
            source,
            msg!("err-wallet-lcw-encrypted"),
        ))]);
    }
    let entries: usize = wallets
        .iter()
        .map(|w| w.contents.as_ref().map_or(0, Vec::len))
        .sum();
    if entries > limits::MAX_CONTAINER_ITEMS {
        return Some(vec![Item::Done(refused(
            source,
            msg!(
                "err-wallet-lcw-too-many",
                entries = entries,
                limit = limits::MAX_CONTAINER_ITEMS
            ),
        ))]);
    }
    let many = wallets.len() > 1;
    let mut items = Vec::new();
    let (mut n, mut secrets, mut other) = (0usize, 0usize, 0usize);
    for (wi, w) in wallets.iter().enumerate() {
        let profile = if many {
            format!("{source}:profile {}", wi + 1)
        } else {
            source.to_string()
        };
        if !has_type(&w.kind, UW) {
            items.push(Item::Done(refused(&profile, msg!("err-wallet-lcw-not-uw"))));
            continue;
        }
        match &w.status {
            None => {}
            Some(Value::String(s)) if s == "UNLOCKED" => {}
            Some(_) => {
                items.push(Item::Done(refused(&profile, msg!("err-wallet-lcw-locked"))));
                continue;
            }
        }
        let Some(contents) = &w.contents else {
            items.push(Item::Done(refused(
                &profile,
                msg!("err-wallet-lcw-no-contents"),
            )));
            continue;
        };
        for raw in contents {
            // The entry is valid JSON (the whole file parsed); its depth is within serde's cap.
            let Ok(mut v) = serde_json::from_str::<Value>(raw.get()) else {
                other += 1;
                continue;
            };
            let cred = is_credential(&v);
            if let Some(field) = secret_field(&v) {
                secrets += 1;
                wipe(&mut v);
                if cred {
                    n += 1;
                    items.push(Item::Done(refused(
                        &format!("{source}:credential {n}"),
                        msg!("err-wallet-private-key", field = field),
                    )));
                }
                continue;
            }
            if !cred {
                other += 1;
                continue;
            }
            n += 1;
            let name = format!("{source}:credential {n}");
            let bytes = match v {
                Value::String(s) => s.into_bytes(),
                _ => raw.get().as_bytes().to_vec(),
            };
            if bytes.len() as u64 > limits::MAX_ZIP_ENTRY_BYTES {
                items.push(Item::Done(refused(
                    &name,
                    msg!(
                        "err-wallet-credential-too-large",
                        limit = limits::MAX_ZIP_ENTRY_BYTES
                    ),
                )));
                continue;
            }
            items.push(Item::Ready {
                source: name,
                bytes,
            });
        }
    }
    let mut said: Vec<Message> = Vec::new();
    if secrets > 0 {
        said.push(msg!("err-wallet-lcw-secrets", n = Message::Count(secrets)));
    }
    if other > 0 {
        said.push(msg!(
            "err-wallet-lcw-other",
            entries = not_credentials(other)
        ));
    }
    if n == 0 {
        said.push(msg!("err-wallet-no-credentials"));
    }
    if let Some(why) = notes(said) {
        items.push(Item::Done(skipped(source, why)));
    }
    Some(items)
}
