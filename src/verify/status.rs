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
use crate::localize::{Localize, Message, msg};

/// Bitstring Status List minimum length (entries).
pub const MIN_ENTRIES: u64 = 131_072;

/// The result for one status entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryResult {
    /// Outcome.
    pub outcome: Outcome,
    /// Detail.
    pub detail: Message,
}

fn r(outcome: Outcome, detail: impl Into<Message>) -> EntryResult {
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
) -> (Outcome, Message) {
    let entries: Vec<&Value> = match cred.get("credentialStatus") {
        None => return (Outcome::Skipped, msg!("chk-status-none")),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
    };
    if entries.is_empty() {
        return (Outcome::Skipped, msg!("chk-status-none"));
    }
    let id = cred.get("id").and_then(Value::as_str).unwrap_or("");
    let results: Vec<EntryResult> = entries
        .iter()
        .map(|e| check_entry(run, id, e, verify_list))
        .collect();
    combine(&results)
}

fn combine(results: &[EntryResult]) -> (Outcome, Message) {
    for want in [Outcome::Fail, Outcome::Error] {
        if let Some(x) = results.iter().find(|x| x.outcome == want) {
            return (want, x.detail.clone());
        }
    }
    let passes: Vec<Message> = results
        .iter()
        .filter(|x| x.outcome == Outcome::Pass)
        .map(|x| x.detail.clone())
        .collect();
    match Message::join("chk-status-joined", passes) {
        Some(all) => (Outcome::Pass, all),
        None => (
            Outcome::Skipped,
            results
                .first()
                .map(|x| x.detail.clone())
                .unwrap_or_else(|| Message::Text(String::new())),
        ),
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
        let ty = match ty.first() {
            Some(t) => Message::from(*t),
            None => msg!("chk-status-no-type"),
        };
        r(
            Outcome::Error,
            msg!("chk-status-unsupported-type", kind = ty),
        )
    }
}

fn revocation_list(run: &Run<'_>, cred_id: &str, entry: &Value) -> EntryResult {
    let Some(url) = entry.get("id").and_then(Value::as_str) else {
        return r(Outcome::Fail, msg!("chk-status-revlist-no-id"));
    };
    let (list, note) = match run.get_json(url, "application/json") {
        Ok(x) => x,
        Err(e) => {
            return r(
                Outcome::Error,
                msg!("chk-status-revlist-unreachable", error = e.message()),
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
            let why = revoked_by_issuer(e.get("revocationReason").and_then(Value::as_str));
            return r(Outcome::Fail, with_note(why, note));
        }
    }
    r(
        Outcome::Pass,
        with_note(msg!("chk-status-not-on-list"), note),
    )
}

/// "revoked by the issuer", with the issuer's reason when it gives one (shown as given).
pub(crate) fn revoked_by_issuer(reason: Option<&str>) -> Message {
    match reason {
        Some(why) => msg!("chk-status-revoked-why", why = why),
        None => msg!("chk-status-revoked"),
    }
}

/// "`{detail} ({note})`" when there is a note (a cached copy's date), else the detail.
pub(crate) fn with_note(detail: Message, note: Option<impl Into<Message>>) -> Message {
    match note {
        Some(n) => msg!("chk-status-with-note", detail = detail, note = n.into()),
        None => detail,
    }
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
        return r(Outcome::Fail, msg!("chk-status-no-index"));
    };
    let size = num(entry.get("statusSize")).unwrap_or(1);
    if !(1..=8).contains(&size) {
        return r(Outcome::Fail, msg!("chk-status-bad-size", size = size));
    }
    let Some(url) = entry.get("statusListCredential").and_then(Value::as_str) else {
        return r(Outcome::Fail, msg!("chk-status-no-list-credential"));
    };
    let (list, note) = match run.get_json(
        url,
        "application/vc+ld+json, application/ld+json, application/json",
    ) {
        Ok(x) => x,
        Err(NetFail::NotJson(_)) => {
            return r(Outcome::Error, msg!("chk-status-list-not-json", url = url));
        }
        Err(e) => {
            return r(
                Outcome::Error,
                msg!("chk-status-list-unreachable", error = e.message()),
            );
        }
    };
    if let Err(e) = verify_list(&list) {
        return r(
            Outcome::Error,
            msg!("chk-status-list-untrusted", url = url, why = e.message()),
        );
    }
    let subject = match list.get("credentialSubject") {
        Some(Value::Array(a)) => a.first(),
        other => other,
    };
    let Some(subject) = subject else {
        return r(Outcome::Error, msg!("chk-status-list-no-subject"));
    };
    let list_purpose = subject.get("statusPurpose").and_then(Value::as_str);
    if list_purpose.is_some_and(|p| p != purpose) {
        return r(
            Outcome::Error,
            msg!(
                "chk-status-list-purpose",
                list = format!("{:?}", list_purpose.unwrap_or("")),
                entry = format!("{purpose:?}")
            ),
        );
    }
    let Some(encoded) = subject.get("encodedList").and_then(Value::as_str) else {
        return r(Outcome::Error, msg!("chk-status-list-no-encoded"));
    };
    let bits = match decode_list(encoded) {
        Ok(b) => b,
        Err(e) => {
            return r(
                Outcome::Error,
                msg!("chk-status-list-unreadable", error = e.message()),
            );
        }
    };
    let entries = (bits.len() as u64 * 8) / size;
    let mut notes = Vec::new();
    if entries < MIN_ENTRIES {
        notes.push(msg!(
            "chk-status-short-list",
            entries = entries,
            min = MIN_ENTRIES
        ));
    }
    if let Some(n) = note {
        notes.push(n);
    }
    let notes = Message::join("chk-status-joined", notes);
    let suffix = |detail: Message| with_note(detail, notes.clone());
    let Some(value) = read_bits(&bits, index, size) else {
        return r(
            Outcome::Fail,
            msg!("chk-status-index-outside", index = index, entries = entries),
        );
    };
    match (purpose, value) {
        ("revocation", 0) => r(
            Outcome::Pass,
            suffix(msg!("chk-status-not-revoked", index = index)),
        ),
        ("revocation", _) => r(
            Outcome::Fail,
            suffix(msg!("chk-status-revoked-index", index = index)),
        ),
        ("suspension", 0) => r(
            Outcome::Pass,
            suffix(msg!("chk-status-not-suspended", index = index)),
        ),
        ("suspension", _) => r(
            Outcome::Fail,
            suffix(msg!("chk-status-suspended", index = index)),
        ),
        (other, v) => r(
            Outcome::Skipped,
            suffix(msg!(
                "chk-status-other-purpose",
                purpose = format!("{other:?}"),
                value = v
            )),
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
    Proof(Message),
    /// Its key is not bound to its issuer (the key check's detail).
    #[error("its signing key is not bound to the issuer: {0}")]
    Key(Message),
    /// Past its own `validUntil` (the expiry check's detail).
    #[error("the status list itself is no longer valid: {0}")]
    Expired(Message),
    /// Before its own `validFrom` (the not-before check's detail).
    #[error("the status list itself is not valid yet: {0}")]
    NotYetValid(Message),
}

impl Localize for UntrustedList {
    fn message(&self) -> Message {
        use UntrustedList as U;
        match self {
            U::OtherIssuer(list, cred) => {
                msg!("err-status-other-issuer", list = list, cred = cred)
            }
            U::Proof(d) => msg!("err-status-list-proof", detail = d),
            U::Key(d) => msg!("err-status-list-key", detail = d),
            U::Expired(d) => msg!("err-status-list-expired", detail = d),
            U::NotYetValid(d) => msg!("err-status-list-not-yet-valid", detail = d),
        }
    }
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

impl Localize for ListError {
    fn message(&self) -> Message {
        match self {
            ListError::NotGzip => msg!("err-status-list-not-gzip"),
            // The inflater's own words.
            ListError::Inflate(d) => msg!("err-status-list-inflate", detail = d),
            ListError::TooLarge(limit) => msg!("err-status-list-too-large", limit = limit),
        }
    }
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

    /// Every error's catalog English is its `Display`, word for word.
    #[test]
    fn errors_in_the_catalog_read_as_their_display() {
        let lists = [
            UntrustedList::OtherIssuer("did:web:a".into(), "did:web:b".into()),
            UntrustedList::Proof("no proof".into()),
            UntrustedList::Key(msg!("chk-ob2-no-key-to-check")),
            UntrustedList::Expired(msg!("chk-date-expired", date = "2011-01-01 00:00 UTC")),
            UntrustedList::NotYetValid(msg!(
                "chk-date-not-yet",
                field = "validFrom",
                date = "2040-01-01 00:00 UTC"
            )),
        ];
        for e in lists {
            crate::localize::assert_catalog_message(&e);
        }
        for e in [
            ListError::NotGzip,
            ListError::Inflate("corrupt deflate stream".into()),
            ListError::TooLarge(limits::MAX_STATUS_LIST_BYTES),
        ] {
            crate::localize::assert_catalog_message(&e);
        }
    }

    #[test]
    fn passes_are_joined_and_notes_added_in_the_language() {
        use crate::i18n::{Catalog, Lang};
        let es = Catalog::get(Lang::Es);
        let pass = |i: u64| r(Outcome::Pass, msg!("chk-status-not-revoked", index = i));
        let (o, d) = combine(&[pass(1), pass(2)]);
        assert_eq!(o, Outcome::Pass);
        assert_eq!(d.english(), "not revoked (index 1); not revoked (index 2)");
        assert_eq!(
            d.render(es),
            "no revocada (índice 1); no revocada (índice 2)"
        );
        let d = with_note(msg!("chk-status-not-on-list"), Some("cached 3 days ago"));
        assert_eq!(
            d.english(),
            "not on the issuer's revocation list (cached 3 days ago)"
        );
        assert_eq!(
            revoked_by_issuer(Some("cheating")).render(es),
            "revocada por el emisor: cheating"
        );
    }
}
