//! The `status` check for OB 3.0 / CLR 2.0 credentials: revocation and suspension.
//! Bitstring Status List <https://www.w3.org/TR/vc-bitstring-status-list/>, OB 3.0 “Revocation” <https://www.imsglobal.org/spec/ob/v3p0/>.
//!
//! - `1EdTechRevocationList`: GET the list; revoked when `revokedCredential[]` holds an entry
//!   whose `id` is the credential id and `revoked` is true or omitted.
//! - `BitstringStatusListEntry` (W3C) and `StatusList2021Entry` (legacy): fetch the status
//!   list credential; it counts only when it is issued by the credential's own issuer, signed
//!   with a key bound to that issuer and within its own validity (otherwise the status could
//!   not be checked — never "not revoked"); check its `statusPurpose`, decode `encodedList`
//!   (multibase `u` base64url of GZIP; inflated with the [`limits::MAX_STATUS_LIST_BYTES`]
//!   cap), read `statusSize` bits at `statusListIndex`, most significant bit first. A list
//!   shorter than the 131,072-entry minimum (DCC's real list has 100,000) is read anyway and
//!   the detail says so.
//! - `credentialStatus` may be an array: every entry is checked; any revoked entry fails.
//! - An unreachable list is "could not check" (`error`), never `fail`.

use std::io::Read;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use flate2::read::GzDecoder;
use serde_json::Value;

use super::report::Outcome;
use super::{NetFail, Run};
use crate::limits;

/// Bitstring Status List minimum length (entries).
pub const MIN_ENTRIES: u64 = 131_072;

/// The result for one status entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryResult {
    /// Outcome.
    pub outcome: Outcome,
    /// Detail.
    pub detail: String,
}

fn r(outcome: Outcome, detail: impl Into<String>) -> EntryResult {
    EntryResult {
        outcome,
        detail: detail.into(),
    }
}

/// Check every `credentialStatus` entry of `cred`. `verify_list` verifies a status list
/// credential's own proof (`Ok(())`, or `Err(reason)`).
pub(crate) fn check(
    run: &Run<'_>,
    cred: &Value,
    verify_list: &dyn Fn(&Value) -> Result<(), UntrustedList>,
) -> (Outcome, String) {
    let entries: Vec<&Value> = match cred.get("credentialStatus") {
        None => {
            return (
                Outcome::Skipped,
                "the credential has no credentialStatus".into(),
            );
        }
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
    };
    if entries.is_empty() {
        return (
            Outcome::Skipped,
            "the credential has no credentialStatus".into(),
        );
    }
    let id = cred.get("id").and_then(Value::as_str).unwrap_or("");
    let results: Vec<EntryResult> = entries
        .iter()
        .map(|e| check_entry(run, id, e, verify_list))
        .collect();
    combine(&results)
}

fn combine(results: &[EntryResult]) -> (Outcome, String) {
    for want in [Outcome::Fail, Outcome::Error] {
        if let Some(x) = results.iter().find(|x| x.outcome == want) {
            return (want, x.detail.clone());
        }
    }
    let passes: Vec<&str> = results
        .iter()
        .filter(|x| x.outcome == Outcome::Pass)
        .map(|x| x.detail.as_str())
        .collect();
    if passes.is_empty() {
        (
            Outcome::Skipped,
            results
                .first()
                .map(|x| x.detail.clone())
                .unwrap_or_default(),
        )
    } else {
        (Outcome::Pass, passes.join("; "))
    }
}

fn check_entry(
    run: &Run<'_>,
    cred_id: &str,
    entry: &Value,
    verify_list: &dyn Fn(&Value) -> Result<(), UntrustedList>,
) -> EntryResult {
    let ty = super::schema::types(entry);
    if ty.contains(&"1EdTechRevocationList") {
        revocation_list(run, cred_id, entry)
    } else if ty.contains(&"BitstringStatusListEntry") || ty.contains(&"StatusList2021Entry") {
        bitstring(run, entry, verify_list)
    } else {
        r(
            Outcome::Error,
            format!(
                "could not check: status type {} is not supported",
                ty.first().copied().unwrap_or("(none)")
            ),
        )
    }
}

fn revocation_list(run: &Run<'_>, cred_id: &str, entry: &Value) -> EntryResult {
    let Some(url) = entry.get("id").and_then(Value::as_str) else {
        return r(
            Outcome::Fail,
            "1EdTechRevocationList entry has no id (the list url)",
        );
    };
    let (list, note) = match run.get_json(url, "application/json") {
        Ok(x) => x,
        Err(e) => {
            return r(
                Outcome::Error,
                format!("could not check the revocation list: {e}"),
            );
        }
    };
    let entries = list
        .get("revokedCredential")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for e in entries {
        if e.get("id").and_then(Value::as_str) == Some(cred_id)
            && e.get("revoked").and_then(Value::as_bool) != Some(false)
        {
            let reason = e
                .get("revocationReason")
                .and_then(Value::as_str)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            return r(
                Outcome::Fail,
                format!("revoked by the issuer{reason}{}", note_suffix(&note)),
            );
        }
    }
    r(
        Outcome::Pass,
        format!("not on the issuer's revocation list{}", note_suffix(&note)),
    )
}

fn note_suffix(note: &Option<String>) -> String {
    note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
}

fn num(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn bitstring(
    run: &Run<'_>,
    entry: &Value,
    verify_list: &dyn Fn(&Value) -> Result<(), UntrustedList>,
) -> EntryResult {
    let purpose = entry
        .get("statusPurpose")
        .and_then(Value::as_str)
        .unwrap_or("revocation");
    let Some(index) = num(entry.get("statusListIndex")) else {
        return r(Outcome::Fail, "status entry has no valid statusListIndex");
    };
    let size = num(entry.get("statusSize")).unwrap_or(1);
    if !(1..=8).contains(&size) {
        return r(
            Outcome::Fail,
            format!("statusSize {size} is not between 1 and 8"),
        );
    }
    let Some(url) = entry.get("statusListCredential").and_then(Value::as_str) else {
        return r(Outcome::Fail, "status entry has no statusListCredential");
    };
    let (list, note) = match run.get_json(
        url,
        "application/vc+ld+json, application/ld+json, application/json",
    ) {
        Ok(x) => x,
        Err(NetFail::NotJson(_)) => {
            return r(
                Outcome::Error,
                format!(
                    "could not check: the status list {url} is not json (jwt status lists are not supported)"
                ),
            );
        }
        Err(e) => {
            return r(
                Outcome::Error,
                format!("could not check the status list: {e}"),
            );
        }
    };
    if let Err(e) = verify_list(&list) {
        return r(
            Outcome::Error,
            format!("could not check: the status list {url} is not trustworthy: {e}"),
        );
    }
    let subject = match list.get("credentialSubject") {
        Some(Value::Array(a)) => a.first(),
        other => other,
    };
    let Some(subject) = subject else {
        return r(
            Outcome::Error,
            "could not check: the status list has no credentialSubject",
        );
    };
    let list_purpose = subject.get("statusPurpose").and_then(Value::as_str);
    if list_purpose.is_some_and(|p| p != purpose) {
        return r(
            Outcome::Error,
            format!(
                "could not check: the status list is for {:?}, the entry for {purpose:?}",
                list_purpose.unwrap_or("")
            ),
        );
    }
    let Some(encoded) = subject.get("encodedList").and_then(Value::as_str) else {
        return r(
            Outcome::Error,
            "could not check: the status list has no encodedList",
        );
    };
    let bits = match decode_list(encoded) {
        Ok(b) => b,
        Err(e) => return r(Outcome::Error, format!("could not check: {e}")),
    };
    let entries = (bits.len() as u64 * 8) / size;
    let mut notes = Vec::new();
    if entries < MIN_ENTRIES {
        notes.push(format!(
            "the list has {entries} entries, below the {MIN_ENTRIES} minimum; read anyway"
        ));
    }
    if let Some(n) = note {
        notes.push(n);
    }
    let suffix = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    let Some(value) = read_bits(&bits, index, size) else {
        return r(
            Outcome::Fail,
            format!("statusListIndex {index} is outside the status list ({entries} entries)"),
        );
    };
    match (purpose, value) {
        ("revocation", 0) => r(
            Outcome::Pass,
            format!("not revoked (index {index}){suffix}"),
        ),
        ("revocation", _) => r(
            Outcome::Fail,
            format!("revoked (status list index {index}){suffix}"),
        ),
        ("suspension", 0) => r(
            Outcome::Pass,
            format!("not suspended (index {index}){suffix}"),
        ),
        ("suspension", _) => r(
            Outcome::Fail,
            format!("suspended (status list index {index}){suffix}"),
        ),
        (other, v) => r(
            Outcome::Skipped,
            format!("status purpose {other:?} has value {v} (informational){suffix}"),
        ),
    }
}

/// Why a status list is not trusted to say anything about the credential (the status is
/// then "could not check", never "not revoked").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UntrustedList {
    /// Issued by someone else (the list's issuer, the credential's).
    #[error("the status list is issued by {0}, not by the credential's issuer {1}")]
    OtherIssuer(String, String),
    /// Its proof does not verify (the proof check's detail).
    #[error("its proof does not verify: {0}")]
    Proof(String),
    /// Its key is not bound to its issuer (the key check's detail).
    #[error("its signing key is not bound to the issuer: {0}")]
    Key(String),
    /// Past its own `validUntil`.
    #[error("the status list itself is no longer valid: {0}")]
    Expired(String),
    /// Before its own `validFrom`.
    #[error("the status list itself is not valid yet: {0}")]
    NotYetValid(String),
}

/// Why an `encodedList` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ListError {
    #[error("encodedList is not base64url-encoded gzip")]
    NotGzip,
    #[error("encodedList does not inflate: {0}")]
    Inflate(String),
    /// The cap, [`limits::MAX_STATUS_LIST_BYTES`].
    #[error("encodedList inflates beyond the {0}-byte status list limit")]
    TooLarge(u64),
}

/// `encodedList` → the raw bitstring (multibase `u` base64url, or plain base64 for older
/// StatusList2021 lists, of GZIP), inflated with a cap.
pub fn decode_list(encoded: &str) -> Result<Vec<u8>, ListError> {
    let e = encoded.trim();
    let candidates = [e.strip_prefix('u'), Some(e)];
    let mut gz = None;
    for c in candidates.into_iter().flatten() {
        let t = c.trim_end_matches('=');
        let dec = URL_SAFE_NO_PAD
            .decode(t)
            .ok()
            .or_else(|| STANDARD.decode(c).ok());
        if let Some(d) = dec.filter(|d| d.starts_with(&[0x1f, 0x8b])) {
            gz = Some(d);
            break;
        }
    }
    let gz = gz.ok_or(ListError::NotGzip)?;
    let cap = limits::MAX_STATUS_LIST_BYTES;
    let mut out = Vec::new();
    GzDecoder::new(gz.as_slice())
        .take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| ListError::Inflate(e.to_string()))?;
    if out.len() as u64 > cap {
        return Err(ListError::TooLarge(cap));
    }
    Ok(out)
}

/// `size` bits at entry `index`, most significant bit first. `None` when out of range.
pub fn read_bits(bits: &[u8], index: u64, size: u64) -> Option<u64> {
    let start = index.checked_mul(size)?;
    let end = start.checked_add(size)?;
    if end > (bits.len() as u64).checked_mul(8)? {
        return None;
    }
    let mut v = 0u64;
    for pos in start..end {
        let byte = *bits.get(usize::try_from(pos / 8).ok()?)?;
        let bit = (byte >> (7 - (pos % 8))) & 1;
        v = (v << 1) | u64::from(bit);
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn encode(bits: &[u8]) -> String {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(bits).unwrap();
        format!("u{}", URL_SAFE_NO_PAD.encode(e.finish().unwrap()))
    }

    #[test]
    fn msb_first() {
        let bits = [0b1000_0000u8, 0b0000_0001];
        assert_eq!(read_bits(&bits, 0, 1), Some(1));
        assert_eq!(read_bits(&bits, 1, 1), Some(0));
        assert_eq!(read_bits(&bits, 15, 1), Some(1));
        assert_eq!(read_bits(&bits, 16, 1), None);
        assert_eq!(read_bits(&bits, 0, 2), Some(0b10));
        assert_eq!(read_bits(&bits, 7, 2), Some(0b01));
        assert_eq!(read_bits(&bits, u64::MAX, 2), None);
    }

    #[test]
    fn decode_roundtrip_and_bomb() {
        let bits = vec![0u8; 16_384];
        assert_eq!(decode_list(&encode(&bits)).unwrap().len(), 16_384);
        let bomb = vec![0u8; (limits::MAX_STATUS_LIST_BYTES + 10) as usize];
        let err = decode_list(&encode(&bomb)).unwrap_err();
        assert_eq!(err, ListError::TooLarge(limits::MAX_STATUS_LIST_BYTES));
        assert_eq!(
            err.to_string(),
            "encodedList inflates beyond the 16777216-byte status list limit"
        );
        assert_eq!(decode_list("uAAAA"), Err(ListError::NotGzip));
    }
}
