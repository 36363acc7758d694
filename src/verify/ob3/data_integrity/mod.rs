//! Data Integrity proofs (embedded `proof`) of OB 3.0 / CLR 2.0 credentials and of
//! presentations: verify and sign. VC Data Integrity <https://www.w3.org/TR/vc-data-integrity/>, EdDSA cryptosuites <https://www.w3.org/TR/vc-di-eddsa/> and keys: Controlled Identifiers <https://www.w3.org/TR/cid-1.0/>, did:key <https://w3c-ccg.github.io/did-key-spec/>, did:web <https://w3c-ccg.github.io/did-method-web/>; W3C VC Data Integrity EdDSA
//! Cryptosuites <https://www.w3.org/TR/vc-di-eddsa/>.
//!
//! Suites:
//! - `DataIntegrityProof` + `eddsa-rdfc-2022` (and its legacy name `eddsa-2022`):
//!   [`eddsa_rdfc_2022`], RDFC-1.0 over bundled contexts ([`crate::verify::jsonld`]).
//! - `Ed25519Signature2020` (legacy): [`ed25519_signature_2020`], same transformation.
//! - `DataIntegrityProof` + `eddsa-jcs-2022`: [`eddsa_jcs_2022`], JCS (RFC 8785).
//!
//! For every suite `hashData = SHA-256(canonical proof config) ‖ SHA-256(canonical
//! document)` and the signature is pure Ed25519 over those 64 bytes, `proofValue` being
//! multibase base58btc (`z…`).
//!
//! [`verify_proofs`] gives the `proof` and `issuer_key` outcomes the pipeline reports:
//! a credential passes when one supported proof verifies and none fails; an unsupported
//! proof beside a valid one is ignored with a note (1EdTech `simple-multiple-proofs.json`).
//! `issuer_key` is the binding of the verifying key to the issuer, decided by
//! [`crate::verify::keys::Resolver::bind`]: a key spelled in a method's fragment checks the
//! signature, but only a source the issuer controls makes it the issuer's.
//! "Could not check" (context not bundled, key document offline) is [`Outcome::Error`],
//! never [`Outcome::Fail`]. When a proof fails with the published content of a context whose
//! content changed after publication (OB 3.0.3, OB 3.0 `context.json`), the other historical
//! content is tried before failing (real-world quirks (tests/fixtures/README.md)).

pub mod ed25519_signature_2020;
pub mod eddsa_jcs_2022;
pub mod eddsa_rdfc_2022;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::localize::{Localize, Message, msg};
use crate::verify::jsonld::{ContextVariant, JsonLdError};
use crate::verify::keys::{Binding, KeyError, PublicKey, ResolvedKey, Resolver};
use crate::verify::report::Outcome;

/// Most proofs one document may carry (each may cost a canonicalisation and a key fetch;
/// real credentials carry one or two).
pub const MAX_PROOFS: usize = 8;

/// What the pipeline turns into the `proof` and `issuer_key` checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofsOutcome {
    /// Pass / Fail / Error (could not check), with a one-line detail (English).
    pub proof: (Outcome, String),
    /// Is the verifying key the issuer's (pass), not provably (error: issuer not confirmed),
    /// or provably not (fail)? With a one-line detail (English).
    pub issuer_key: (Outcome, String),
    /// The verification method that verified, if one did.
    pub key_id: Option<String>,
    /// `proof`'s detail as a catalog message (its English is `proof.1`), for a check
    /// ([`crate::verify::Report::set`]) shown in the learner's language.
    pub proof_message: Message,
    /// `issuer_key`'s detail as a catalog message (its English is `issuer_key.1`).
    pub issuer_key_message: Message,
}

/// [`ProofsOutcome`] with the details as catalog messages only (the pipeline's form: the
/// English is rendered once, by the report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProofMessages {
    /// `proof`: outcome and detail.
    pub proof: (Outcome, Message),
    /// `issuer_key`: outcome and detail.
    pub issuer_key: (Outcome, Message),
    /// The verification method that verified, if one did.
    pub key_id: Option<String>,
}

impl From<ProofMessages> for ProofsOutcome {
    fn from(m: ProofMessages) -> ProofsOutcome {
        ProofsOutcome {
            proof: (m.proof.0, m.proof.1.english()),
            issuer_key: (m.issuer_key.0, m.issuer_key.1.english()),
            key_id: m.key_id,
            proof_message: m.proof.1,
            issuer_key_message: m.issuer_key.1,
        }
    }
}

/// A key error as a catalog message.
fn key_message(e: &KeyError) -> Message {
    crate::localize::Localize::message(e)
}

/// A JSON-LD error as a catalog message.
fn jsonld_message(e: &JsonLdError) -> Message {
    crate::localize::Localize::message(e)
}

/// Options of a new proof (signing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofOptions {
    /// `created` (an XSD dateTime such as `2026-11-23T10:00:00Z`); omitted when `None`.
    pub created: Option<String>,
    /// `proofPurpose`: `assertionMethod` for credentials, `authentication` for presentations.
    pub proof_purpose: String,
    /// `challenge` (presentations), if any.
    pub challenge: Option<String>,
    /// `domain` (presentations), if any.
    pub domain: Option<String>,
}

impl ProofOptions {
    /// Options with this purpose and nothing else.
    pub fn new(proof_purpose: &str) -> ProofOptions {
        ProofOptions {
            created: None,
            proof_purpose: proof_purpose.to_owned(),
            challenge: None,
            domain: None,
        }
    }
}

/// What a verifier expects of the proofs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions<'a> {
    /// The required `proofPurpose` (`assertionMethod` for credentials).
    pub proof_purpose: &'a str,
    /// If set, the proof's `challenge` must equal it.
    pub challenge: Option<&'a str>,
    /// If set, the proof's `domain` must equal (or list) it.
    pub domain: Option<&'a str>,
}

impl Default for VerifyOptions<'_> {
    fn default() -> Self {
        VerifyOptions {
            proof_purpose: "assertionMethod",
            challenge: None,
            domain: None,
        }
    }
}

/// Why signing, or one proof's verification, failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DataIntegrityError {
    /// The document is not a JSON object.
    #[error("the document is not a JSON object")]
    NotAnObject,
    /// Signing a document that already carries a proof.
    #[error("the document already has a proof")]
    AlreadySigned,
    /// A proof is malformed or does not meet the suite's rules (invalid): what is wrong, as
    /// a catalog message (`err-di-…`).
    #[error("{0}")]
    BadProof(Message),
    /// The signature does not verify (invalid).
    #[error("signature does not verify")]
    BadSignature,
    /// JSON-LD expansion / canonicalisation failed.
    #[error(transparent)]
    JsonLd(#[from] JsonLdError),
    /// JCS serialisation failed.
    #[error("could not serialise to JCS: {0}")]
    Jcs(String),
    /// The key could not be resolved.
    #[error(transparent)]
    Key(#[from] KeyError),
}

impl DataIntegrityError {
    /// True for "could not check" (not "invalid").
    pub fn is_could_not_check(&self) -> bool {
        match self {
            DataIntegrityError::JsonLd(e) => e.is_could_not_check(),
            DataIntegrityError::Key(KeyError::Unavailable { .. }) => true,
            _ => false,
        }
    }
}

/// The detail line in the learner's language (`err-di-…`; English is `Display`).
impl Localize for DataIntegrityError {
    fn message(&self) -> Message {
        use DataIntegrityError as E;
        match self {
            E::NotAnObject => msg!("err-di-not-an-object"),
            E::AlreadySigned => msg!("err-di-already-signed"),
            E::BadProof(m) => m.clone(),
            E::BadSignature => msg!("err-di-bad-signature"),
            E::JsonLd(e) => jsonld_message(e),
            E::Jcs(d) => msg!("err-di-jcs", detail = d),
            E::Key(e) => key_message(e),
        }
    }
}

/// A supported cryptosuite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// `DataIntegrityProof` + `eddsa-rdfc-2022` (or legacy `eddsa-2022`).
    EddsaRdfc2022,
    /// `DataIntegrityProof` + `eddsa-jcs-2022`.
    EddsaJcs2022,
    /// `Ed25519Signature2020`.
    Ed25519Signature2020,
}

/// A proof whose type or cryptosuite is not supported: the name, or what is missing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UnsupportedSuite(pub String);

/// The name in the learner's language (`err-di-…`): the words of
/// [`Suite::of`] translated, a list of type names as given.
impl Localize for UnsupportedSuite {
    fn message(&self) -> Message {
        match self.0.as_str() {
            "DataIntegrityProof without cryptosuite" => msg!("err-di-no-cryptosuite"),
            "proof without a type" => msg!("err-di-proof-no-type"),
            s => match s.strip_prefix("DataIntegrityProof with cryptosuite ") {
                Some(c) => msg!("err-di-unsupported-cryptosuite", cryptosuite = c),
                // Type names: data.
                None => Message::Text(s.to_owned()),
            },
        }
    }
}

/// Why untrusted bytes were not read as JSON by [`parse_json_limited`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonLimitError {
    /// The limit, [`crate::limits::MAX_HTTP_BODY_BYTES`].
    #[error("larger than the {0}-byte limit (MAX_HTTP_BODY_BYTES)")]
    TooLarge(u64),
    /// serde_json's reason (it bounds the nesting depth).
    #[error("{0}")]
    Syntax(Message),
}

/// In the learner's language (`err-json-limit-…`); serde_json's reason as is.
impl Localize for JsonLimitError {
    fn message(&self) -> Message {
        match self {
            JsonLimitError::TooLarge(limit) => msg!("err-json-limit-too-large", limit = limit),
            JsonLimitError::Syntax(d) => d.clone(),
        }
    }
}

impl Suite {
    /// The suite of a proof object, or the unsupported type / cryptosuite name.
    pub fn of(proof: &Value) -> Result<Suite, UnsupportedSuite> {
        let ty = type_names(proof.get("type"));
        let suite = proof.get("cryptosuite").and_then(Value::as_str);
        if ty.iter().any(|t| t == "DataIntegrityProof") {
            return match suite {
                Some("eddsa-rdfc-2022" | "eddsa-2022") => Ok(Suite::EddsaRdfc2022),
                Some("eddsa-jcs-2022") => Ok(Suite::EddsaJcs2022),
                Some(other) => Err(UnsupportedSuite(format!(
                    "DataIntegrityProof with cryptosuite {other}"
                ))),
                None => Err(UnsupportedSuite(
                    "DataIntegrityProof without cryptosuite".into(),
                )),
            };
        }
        if ty.iter().any(|t| t == "Ed25519Signature2020") {
            return Ok(Suite::Ed25519Signature2020);
        }
        Err(UnsupportedSuite(if ty.is_empty() {
            "proof without a type".into()
        } else {
            ty.join(", ")
        }))
    }

    /// The name shown in details.
    pub fn name(self) -> &'static str {
        match self {
            Suite::EddsaRdfc2022 => "eddsa-rdfc-2022",
            Suite::EddsaJcs2022 => "eddsa-jcs-2022",
            Suite::Ed25519Signature2020 => "Ed25519Signature2020",
        }
    }
}

fn type_names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// The document without its `proof`.
pub fn unsecured_document(doc: &Value) -> Result<Map<String, Value>, DataIntegrityError> {
    let Value::Object(m) = doc else {
        return Err(DataIntegrityError::NotAnObject);
    };
    let mut m = m.clone();
    m.shift_remove("proof");
    Ok(m)
}

/// The proof options without `proofValue`, with `@context` set to the document's (the proof
/// configuration every suite hashes).
pub fn proof_config(doc: &Value, proof: &Value) -> Result<Map<String, Value>, DataIntegrityError> {
    let Value::Object(p) = proof else {
        return Err(DataIntegrityError::BadProof(msg!(
            "err-di-proof-not-object"
        )));
    };
    let mut cfg = p.clone();
    cfg.shift_remove("proofValue");
    match doc.get("@context") {
        Some(ctx) => {
            cfg.insert("@context".into(), ctx.clone());
        }
        None => {
            cfg.shift_remove("@context");
        }
    }
    Ok(cfg)
}

/// `SHA-256(canonical proof config) ‖ SHA-256(canonical document)`.
pub fn hash_data(canonical_proof_config: &[u8], canonical_document: &[u8]) -> [u8; 64] {
    let mut out = [0u8; 64];
    out[..32].copy_from_slice(&Sha256::digest(canonical_proof_config));
    out[32..].copy_from_slice(&Sha256::digest(canonical_document));
    out
}

/// Decode a `proofValue` (multibase base58btc) to a 64-byte Ed25519 signature.
pub fn decode_proof_value(v: &str) -> Result<[u8; 64], DataIntegrityError> {
    let bad = DataIntegrityError::BadProof;
    let b58 = v
        .strip_prefix('z')
        .ok_or_else(|| bad(msg!("err-di-proof-value-not-multibase")))?;
    if b58.len() > 120 {
        return Err(bad(msg!("err-di-proof-value-too-long")));
    }
    let bytes = bs58::decode(b58)
        .into_vec()
        .map_err(|_| bad(msg!("err-di-proof-value-not-base58")))?;
    <[u8; 64]>::try_from(bytes.as_slice()).map_err(|_| {
        bad(msg!(
            "err-di-proof-value-length",
            n = Message::Count(bytes.len())
        ))
    })
}

/// Encode a signature as a `proofValue` (multibase base58btc).
pub fn encode_proof_value(sig: &[u8; 64]) -> String {
    format!("z{}", bs58::encode(sig).into_string())
}

/// True when `s` is an XSD `dateTime` (`[-]YYYY-MM-DDThh:mm:ss[.s+][Z|±hh:mm]`).
pub fn is_xsd_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i = 1;
    }
    let digits = |from: usize, n: usize| -> bool {
        b.get(from..from + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let num = |from: usize, n: usize| -> u32 {
        b.get(from..from + n).map_or(0, |d| {
            d.iter().fold(0u32, |a, c| a * 10 + u32::from(c - b'0'))
        })
    };
    // year: at least 4 digits
    let ys = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if i - ys < 4 || b.get(i) != Some(&b'-') {
        return false;
    }
    let p = i + 1;
    if !(digits(p, 2) && b.get(p + 2) == Some(&b'-') && digits(p + 3, 2)) {
        return false;
    }
    let (month, day) = (num(p, 2), num(p + 3, 2));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let t = p + 5;
    if b.get(t) != Some(&b'T') {
        return false;
    }
    if !(digits(t + 1, 2)
        && b.get(t + 3) == Some(&b':')
        && digits(t + 4, 2)
        && b.get(t + 6) == Some(&b':')
        && digits(t + 7, 2))
    {
        return false;
    }
    let (h, m, sec) = (num(t + 1, 2), num(t + 4, 2), num(t + 7, 2));
    if h > 24 || m > 59 || sec > 60 || (h == 24 && (m != 0 || sec != 0)) {
        return false;
    }
    let mut k = t + 9;
    if b.get(k) == Some(&b'.') {
        k += 1;
        let fs = k;
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        if k == fs {
            return false;
        }
    }
    match b.get(k) {
        None => true,
        Some(b'Z') => k + 1 == b.len(),
        Some(b'+' | b'-') => {
            digits(k + 1, 2)
                && b.get(k + 3) == Some(&b':')
                && digits(k + 4, 2)
                && k + 6 == b.len()
                && num(k + 1, 2) <= 14
                && num(k + 4, 2) <= 59
        }
        _ => false,
    }
}

/// Parse untrusted JSON bytes with the crate's size limit (serde_json bounds the depth).
pub fn parse_json_limited(bytes: &[u8]) -> Result<Value, JsonLimitError> {
    if bytes.len() as u64 > crate::limits::MAX_HTTP_BODY_BYTES {
        return Err(JsonLimitError::TooLarge(crate::limits::MAX_HTTP_BODY_BYTES));
    }
    serde_json::from_slice(bytes)
        .map_err(|e| JsonLimitError::Syntax(crate::localize::json_error(&e)))
}

/// The canonical forms a suite hashes, for one proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// Canonical proof configuration (N-Quads or JCS).
    pub proof_config: String,
    /// Canonical document (N-Quads or JCS).
    pub document: String,
}

impl Canonical {
    /// `hashData` of these forms.
    pub fn hash_data(&self) -> [u8; 64] {
        hash_data(self.proof_config.as_bytes(), self.document.as_bytes())
    }
}

/// Canonicalise `doc` and its `proof` for `suite` (the transformation + configuration steps).
pub fn canonical_forms(
    suite: Suite,
    doc: &Value,
    proof: &Value,
    variant: ContextVariant,
) -> Result<Canonical, DataIntegrityError> {
    match suite {
        Suite::EddsaRdfc2022 | Suite::Ed25519Signature2020 => {
            eddsa_rdfc_2022::canonical_forms(doc, proof, variant)
        }
        Suite::EddsaJcs2022 => eddsa_jcs_2022::canonical_forms(doc, proof),
    }
}

/// Sign `doc` with a new `eddsa-rdfc-2022` Data Integrity proof; returns the document with
/// `proof` added (the input is not changed). `verification_method` is the key's id, e.g.
/// [`crate::verify::keys::did_key_verification_method`].
pub fn sign_eddsa_rdfc_2022(
    doc: &Value,
    key: &SigningKey,
    verification_method: &str,
    options: &ProofOptions,
) -> Result<Value, DataIntegrityError> {
    sign(Suite::EddsaRdfc2022, doc, key, verification_method, options)
}

/// Sign `doc` with `suite` (see [`sign_eddsa_rdfc_2022`]). Ed25519 signing is
/// deterministic, so signing a vector's document with its key reproduces its `proofValue`.
pub fn sign(
    suite: Suite,
    doc: &Value,
    key: &SigningKey,
    verification_method: &str,
    options: &ProofOptions,
) -> Result<Value, DataIntegrityError> {
    let Value::Object(map) = doc else {
        return Err(DataIntegrityError::NotAnObject);
    };
    if map.contains_key("proof") {
        return Err(DataIntegrityError::AlreadySigned);
    }
    let mut proof = Map::new();
    match suite {
        Suite::Ed25519Signature2020 => {
            proof.insert("type".into(), "Ed25519Signature2020".into());
        }
        Suite::EddsaRdfc2022 | Suite::EddsaJcs2022 => {
            proof.insert("type".into(), "DataIntegrityProof".into());
            proof.insert("cryptosuite".into(), suite.name().into());
        }
    }
    if let Some(created) = &options.created {
        if !is_xsd_datetime(created) {
            return Err(DataIntegrityError::BadProof(msg!(
                "err-di-created-not-xsd",
                created = created
            )));
        }
        proof.insert("created".into(), created.clone().into());
    }
    proof.insert("verificationMethod".into(), verification_method.into());
    proof.insert("proofPurpose".into(), options.proof_purpose.clone().into());
    if let Some(c) = &options.challenge {
        proof.insert("challenge".into(), c.clone().into());
    }
    if let Some(d) = &options.domain {
        proof.insert("domain".into(), d.clone().into());
    }
    if suite == Suite::EddsaJcs2022
        && let Some(ctx) = map.get("@context")
    {
        proof.insert("@context".into(), ctx.clone());
    }
    let proof = Value::Object(proof);
    let canon = canonical_forms(suite, doc, &proof, ContextVariant::Default)?;
    let sig = key.sign(&canon.hash_data());
    let Value::Object(mut proof) = proof else {
        return Err(DataIntegrityError::NotAnObject);
    };
    proof.insert(
        "proofValue".into(),
        encode_proof_value(&sig.to_bytes()).into(),
    );
    let mut out = map.clone();
    out.insert("proof".into(), Value::Object(proof));
    Ok(Value::Object(out))
}

/// Verify an Ed25519 signature over `hash_data` (strict: no malleable signatures, no weak keys).
pub fn verify_signature(
    pk: &[u8; 32],
    hash_data: &[u8; 64],
    sig: &[u8; 64],
) -> Result<(), DataIntegrityError> {
    let vk = VerifyingKey::from_bytes(pk)
        .map_err(|_| DataIntegrityError::BadProof(msg!("err-di-bad-public-key")))?;
    vk.verify_strict(hash_data, &Signature::from_bytes(sig))
        .map_err(|_| DataIntegrityError::BadSignature)
}

/// Verify the Data Integrity proofs of a credential (`proofPurpose` `assertionMethod`),
/// with `issuer_id` the credential's issuer id (the verifying key must be bound to it).
pub fn verify_proofs(doc: &Value, issuer_id: Option<&str>, keys: &Resolver<'_>) -> ProofsOutcome {
    verify_proofs_with(doc, issuer_id, keys, &VerifyOptions::default())
}

enum ProofResult {
    Verified {
        suite: Suite,
        key: ResolvedKey,
        note: Option<Message>,
    },
    Failed {
        detail: Message,
        key: Option<Result<ResolvedKey, KeyError>>,
    },
    CouldNotCheck {
        detail: Message,
        key: Option<Result<ResolvedKey, KeyError>>,
    },
    Unsupported(UnsupportedSuite),
}

/// [`verify_proofs`] with explicit expectations (presentations: `authentication`,
/// `challenge`, `domain`; `controller` is then the holder).
pub fn verify_proofs_with(
    doc: &Value,
    controller: Option<&str>,
    keys: &Resolver<'_>,
    opts: &VerifyOptions<'_>,
) -> ProofsOutcome {
    verify_proof_messages(doc, controller, keys, opts).into()
}

/// [`verify_proofs_with`], the details as catalog messages.
pub(crate) fn verify_proof_messages(
    doc: &Value,
    controller: Option<&str>,
    keys: &Resolver<'_>,
    opts: &VerifyOptions<'_>,
) -> ProofMessages {
    let fail = |d: Message| ProofMessages {
        proof: (Outcome::Fail, d),
        issuer_key: (Outcome::Skipped, msg!("chk-di-no-proof-no-key")),
        key_id: None,
    };
    let Value::Object(map) = doc else {
        return fail(msg!("chk-di-not-an-object"));
    };
    let proofs: Vec<&Value> = match map.get("proof") {
        None | Some(Value::Null) => return fail(msg!("chk-di-no-proof")),
        Some(Value::Array(a)) if a.is_empty() => return fail(msg!("chk-di-no-proof-empty")),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(p) => vec![p],
    };
    if proofs.len() > MAX_PROOFS {
        return fail(msg!(
            "chk-di-too-many-proofs",
            n = proofs.len(),
            max = MAX_PROOFS
        ));
    }
    let many = proofs.len() > 1;
    let results: Vec<ProofResult> = proofs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let r = verify_one(doc, p, keys, opts);
            if many { label(r, i + 1) } else { r }
        })
        .collect();
    summarise(&results, controller, keys, opts.proof_purpose)
}

fn label(r: ProofResult, n: usize) -> ProofResult {
    match r {
        ProofResult::Failed { detail, key } => ProofResult::Failed {
            detail: msg!("chk-di-proof-n", n = n, detail = detail),
            key,
        },
        ProofResult::CouldNotCheck { detail, key } => ProofResult::CouldNotCheck {
            detail: msg!("chk-di-proof-n", n = n, detail = detail),
            key,
        },
        other => other,
    }
}

fn summarise(
    results: &[ProofResult],
    controller: Option<&str>,
    keys: &Resolver<'_>,
    purpose: &str,
) -> ProofMessages {
    // The unsupported proof types, "a, b" (each as a message: the words of Suite::of are
    // translated, type names are data).
    let unsupported = Message::join(
        "chk-di-list",
        results
            .iter()
            .filter_map(|r| match r {
                ProofResult::Unsupported(t) => Some(t.message()),
                _ => None,
            })
            .collect(),
    );
    let first_failed = results.iter().find_map(|r| match r {
        ProofResult::Failed { detail, .. } => Some(detail.clone()),
        _ => None,
    });
    let verified = results.iter().find_map(|r| match r {
        ProofResult::Verified { suite, key, note } => Some((suite, key, note)),
        _ => None,
    });
    let could_not = results.iter().find_map(|r| match r {
        ProofResult::CouldNotCheck { detail, .. } => Some(detail.clone()),
        _ => None,
    });

    let proof = if let Some(d) = first_failed {
        (Outcome::Fail, d)
    } else if let Some((suite, key, note)) = verified {
        let mut d = msg!("chk-di-verified", suite = suite.name(), key = &key.id);
        if let Some(n) = note {
            d = msg!("chk-di-with-note", detail = d, note = n);
        }
        if let Some(types) = unsupported {
            d = msg!("chk-di-ignored-unsupported", detail = d, types = types);
        }
        if let Some(c) = could_not {
            d = msg!("chk-di-another-could-not", detail = d, why = c);
        }
        (Outcome::Pass, d)
    } else if let Some(c) = could_not {
        (Outcome::Error, c)
    } else {
        (
            Outcome::Error,
            msg!(
                "chk-di-only-unsupported",
                types = unsupported.unwrap_or_else(|| Message::Text(String::new()))
            ),
        )
    };

    // issuer_key: is the key that verified the issuer's?
    if let Some((_, k, _)) = verified {
        return ProofMessages {
            proof,
            issuer_key: binding_outcome(k, &keys.bind(k, controller, purpose)),
            key_id: Some(k.id.clone()),
        };
    }
    let key_err = results.iter().find_map(|r| match r {
        ProofResult::Failed {
            key: Some(Err(e)), ..
        }
        | ProofResult::CouldNotCheck {
            key: Some(Err(e)), ..
        } => Some(e),
        _ => None,
    });
    let issuer_key = match key_err {
        Some(e @ KeyError::Unavailable { .. }) => (Outcome::Error, key_message(e)),
        Some(e) => (Outcome::Fail, key_message(e)),
        None => (Outcome::Skipped, msg!("chk-di-no-key-none-verified")),
    };
    ProofMessages {
        proof,
        issuer_key,
        key_id: None,
    }
}

/// The `issuer_key` check from a key's binding.
pub fn binding_outcome(k: &ResolvedKey, b: &Binding) -> (Outcome, Message) {
    match b {
        Binding::Bound(ev) => (
            Outcome::Pass,
            msg!("chk-di-key-bound", key = &k.id, how = ev.describe()),
        ),
        Binding::Unconfirmed(why) => (Outcome::Error, msg!("chk-issuer-not-confirmed", why = why)),
        Binding::Refused(why) => (Outcome::Fail, msg!("chk-di-key-refused", why = why)),
    }
}

fn verify_one(
    doc: &Value,
    proof: &Value,
    keys: &Resolver<'_>,
    opts: &VerifyOptions<'_>,
) -> ProofResult {
    if !proof.is_object() {
        return ProofResult::Failed {
            detail: msg!("err-di-proof-not-object"),
            key: None,
        };
    }
    let suite = match Suite::of(proof) {
        Ok(s) => s,
        Err(t) => return ProofResult::Unsupported(t),
    };
    let name = suite.name();
    // "eddsa-rdfc-2022: …"
    let named = |detail: Message| msg!("chk-di-suite", suite = name, detail = detail);
    let failed = |detail: Message| ProofResult::Failed {
        detail: named(detail),
        key: None,
    };
    let s = |k: &str| proof.get(k).and_then(Value::as_str);
    match s("proofPurpose") {
        Some(p) if p == opts.proof_purpose => {}
        Some(p) => {
            return failed(msg!(
                "chk-di-purpose-mismatch",
                found = p,
                want = opts.proof_purpose
            ));
        }
        None => return failed(msg!("chk-di-no-purpose")),
    }
    if let Some(c) = proof.get("created") {
        match c.as_str() {
            Some(c) if is_xsd_datetime(c) => {}
            _ => return failed(msg!("chk-di-created-invalid", created = c.to_string())),
        }
    }
    if let Some(want) = opts.challenge
        && s("challenge") != Some(want)
    {
        return failed(msg!("chk-di-challenge-mismatch"));
    }
    if let Some(want) = opts.domain {
        let ok = match proof.get("domain") {
            Some(Value::String(d)) => d == want,
            Some(Value::Array(a)) => a.iter().any(|d| d.as_str() == Some(want)),
            _ => false,
        };
        if !ok {
            return failed(msg!("chk-di-domain-mismatch"));
        }
    }
    let sig = match s("proofValue").map(decode_proof_value) {
        Some(Ok(sig)) => sig,
        Some(Err(e)) => return failed(e.message()),
        None => return failed(msg!("chk-di-no-proof-value")),
    };
    let vm = match proof.get("verificationMethod") {
        Some(Value::String(v)) => v.clone(),
        Some(Value::Object(o)) => match o.get("id").and_then(Value::as_str) {
            Some(v) => v.to_owned(),
            None => return failed(msg!("chk-di-vm-no-id")),
        },
        _ => return failed(msg!("chk-di-no-vm")),
    };
    let key = match keys.resolve(&vm, opts.proof_purpose) {
        Ok(k) => k,
        Err(e @ KeyError::Unavailable { .. }) => {
            return ProofResult::CouldNotCheck {
                detail: named(key_message(&e)),
                key: Some(Err(e)),
            };
        }
        Err(e) => {
            return ProofResult::Failed {
                detail: named(key_message(&e)),
                key: Some(Err(e)),
            };
        }
    };
    let PublicKey::Ed25519(pk) = &key.key else {
        return ProofResult::Failed {
            detail: named(msg!("chk-di-not-ed25519", key = &key.id)),
            key: Some(Ok(key)),
        };
    };
    let pk = *pk;
    let attempt = |variant: ContextVariant| -> Result<(), DataIntegrityError> {
        let canon = canonical_forms(suite, doc, proof, variant)?;
        verify_signature(&pk, &canon.hash_data(), &sig)
    };
    let first = attempt(ContextVariant::Default);
    let outcome = match first {
        Err(
            e @ (DataIntegrityError::BadSignature
            | DataIntegrityError::JsonLd(JsonLdError::UndefinedTerm(_))),
        ) if suite != Suite::EddsaJcs2022 && ContextVariant::applies_to(doc) => {
            match attempt(ContextVariant::Alternate) {
                Ok(()) => Ok(Some(msg!("chk-di-note-other-context"))),
                Err(_) => Err(e),
            }
        }
        Ok(()) => Ok(None),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(note) => ProofResult::Verified { suite, key, note },
        Err(e) if e.is_could_not_check() => ProofResult::CouldNotCheck {
            detail: named(e.message()),
            key: Some(Ok(key)),
        },
        Err(e) => ProofResult::Failed {
            detail: named(e.message()),
            key: Some(Ok(key)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xsd_datetimes() {
        for ok in [
            "2023-02-24T23:36:38Z",
            "2010-01-01T19:23:24.123Z",
            "2020-05-22T00:00:00.000+00:00",
            "2023-02-24T23:36:38",
            "12023-02-24T23:36:38-05:30",
        ] {
            assert!(is_xsd_datetime(ok), "{ok}");
        }
        for bad in [
            "",
            "2023-02-24",
            "2023-13-01T00:00:00Z",
            "2023-02-24 23:36:38Z",
            "2023-02-24T25:00:00Z",
            "2023-02-24T23:36:38ZZ",
            "2023-02-24T23:36:38.Z",
            "yesterday",
            "2023-02-24T23:36:38+5:00",
        ] {
            assert!(!is_xsd_datetime(bad), "{bad}");
        }
    }

    #[test]
    fn proof_value_decoding_errors_say_why() {
        assert_eq!(
            decode_proof_value("u123").unwrap_err().to_string(),
            "proofValue is not multibase base58btc (does not start with 'z')"
        );
        assert_eq!(
            decode_proof_value("z0OIl").unwrap_err().to_string(),
            "proofValue is not valid base58btc"
        );
        assert_eq!(
            decode_proof_value("z2").unwrap_err().to_string(),
            "proofValue holds 1 bytes, an Ed25519 signature has 64"
        );
    }

    #[test]
    fn suite_detection() {
        use serde_json::json;
        assert_eq!(
            Suite::of(&json!({"type":"DataIntegrityProof","cryptosuite":"eddsa-2022"})),
            Ok(Suite::EddsaRdfc2022)
        );
        assert_eq!(
            Suite::of(&json!({"type":"Ed25519Signature2020"})),
            Ok(Suite::Ed25519Signature2020)
        );
        assert_eq!(
            Suite::of(&json!({"type":"DataIntegrityProof","cryptosuite":"ecdsa-rdfc-2019"})),
            Err(UnsupportedSuite(
                "DataIntegrityProof with cryptosuite ecdsa-rdfc-2019".into()
            ))
        );
        assert_eq!(
            Suite::of(&json!({"type":"SomeProofType"})),
            Err(UnsupportedSuite("SomeProofType".into()))
        );
    }

    /// Every error's catalog message renders its `Display` exactly in English, and words of
    /// its own in Spanish (a key or JSON-LD error inside is its own module's text).
    #[test]
    fn errors_are_catalog_messages() {
        use crate::i18n::{Catalog, Lang};
        use crate::localize::Localize;
        let es = Catalog::get(Lang::Es);
        let check = |e: &dyn Localize| crate::localize::assert_catalog_message(e);
        let proof_value = |v: &str| decode_proof_value(v).unwrap_err();
        let created = ProofOptions {
            created: Some("yesterday".into()),
            ..ProofOptions::new("assertionMethod")
        };
        let key = SigningKey::from_bytes(&[7; 32]);
        let sign_err = |doc: &Value, o: &ProofOptions| {
            sign(Suite::EddsaJcs2022, doc, &key, "did:key:z6Mk#z6Mk", o).unwrap_err()
        };
        // A public key that is no point of the curve (about half of all y coordinates).
        let not_a_point = (2u8..=255)
            .find_map(|b| match verify_signature(&[b; 32], &[0; 64], &[0; 64]) {
                Err(e @ DataIntegrityError::BadProof(_)) => Some(e),
                _ => None,
            })
            .unwrap();
        let jcs_ctx = serde_json::json!({"@context": ["https://a"], "proof": {
            "type": "DataIntegrityProof", "@context": ["https://b"]}});
        let all = [
            DataIntegrityError::NotAnObject,
            DataIntegrityError::AlreadySigned,
            DataIntegrityError::BadSignature,
            DataIntegrityError::Jcs("bad number".into()),
            proof_value("u123"),
            proof_value("z0OIl"),
            proof_value("z2"),
            proof_value("z2222"),
            proof_value(&format!("z{}", "2".repeat(121))),
            proof_config(&serde_json::json!({}), &serde_json::json!(1)).unwrap_err(),
            sign_err(&serde_json::json!({}), &created),
            sign_err(&serde_json::json!([]), &ProofOptions::new("x")),
            sign_err(&serde_json::json!({"proof": {}}), &ProofOptions::new("x")),
            not_a_point,
            eddsa_jcs_2022::canonical_forms(&jcs_ctx, &jcs_ctx["proof"]).unwrap_err(),
        ];
        for e in &all {
            check(e);
        }
        assert_eq!(
            proof_value("z2222").to_string(),
            "proofValue holds 3 bytes, an Ed25519 signature has 64"
        );
        for t in [
            "DataIntegrityProof with cryptosuite ecdsa-rdfc-2019",
            "DataIntegrityProof without cryptosuite",
            "proof without a type",
        ] {
            check(&UnsupportedSuite(t.into()));
        }
        // A type name is data, shown as given.
        let named = UnsupportedSuite("SomeProofType".into()).message();
        assert_eq!(named.render(es), "SomeProofType");
        check(&JsonLimitError::TooLarge(8));
        assert_eq!(
            JsonLimitError::Syntax("EOF".into()).message().render(es),
            "EOF"
        );
    }
}
