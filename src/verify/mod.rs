//! Verification engine: one per-check [`Report`] for every generation of Open Badges.
//! OB 2.0 <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html> (OB 2.0 verification), OB 3.0 “JSON Web Token Proof Format” <https://www.imsglobal.org/spec/ob/v3p0/> and VC-JWT <https://www.w3.org/TR/vc-jose-cose/> (VC-JWT), Bitstring Status List <https://www.w3.org/TR/vc-bitstring-status-list/>, OB 3.0 “Revocation” <https://www.imsglobal.org/spec/ob/v3p0/> (status, refresh, dates,
//! schema, the OB 3.0 verification steps); the rules for the verdict are in [`report`].
//!
//! # The pipeline
//!
//! Every badge goes through the same named checks, in this order:
//!
//! 1. **decode** — the bytes hold a badge payload: a baked PNG/SVG, JSON, a compact JWS or a
//!    hosted URL ([`crate::decode`]).
//! 2. **parse** — the payload is a badge of a known generation ([`crate::parse`]).
//! 3. **schema** — required properties and value types ([`schema`]): the OB 2.0 class rules
//!    for an assertion, its badge class and issuer, or the OB 3.0 / CLR 2.0 data model.
//! 4. **proof** — the signature over the exact bytes or canonical form: a Data Integrity
//!    proof ([`data_integrity`]), a VC-JWT ([`vc_jwt`]) or an OB 2.0 JWS ([`ob2`]). A hosted
//!    OB 2.0 assertion has no signature: its proof is the issuer's server (`hosted`).
//! 5. **issuer_key** — the key resolves, and the issuer controls it (the DID / controller is
//!    the issuer; an OB 2.0 key is listed in the issuer's `publicKey` and owned by it).
//! 6. **hosted** — OB 2.0 hosted: the assertion is fetched again from its `id`; the hosted
//!    copy is the truth and must agree with the local one (recipient, badge).
//! 7. **issuer** — the issuer profile is consistent: JWT `iss`, OB 2.0 hosting scope
//!    (`allowedOrigins`, `startsWith`, default same origin), the badge class's issuer.
//! 8. **expiry**, **not_before** — validity dates against the injected clock ([`dates`]).
//! 9. **status** — revocation: 1EdTech revocation list, Bitstring / StatusList2021
//!    ([`status`]), the OB 2.0 issuer `revocationList`, HTTP 410 / `"revoked": true`.
//! 10. **recipient** — issued to one of the learner's identities ([`recipient`]); skipped
//!     when none is given.
//!
//! Each check is `pass`, `fail`, `skipped` (does not apply) or `error` ("could not check":
//! offline, an unreachable list, a context that is not bundled). Invalid and could-not-check
//! stay apart: `error` makes the verdict `indeterminate`, never `invalid`.
//!
//! # Network
//!
//! Verification is offline by default: [`VerifyContext::fetcher`] is
//! [`crate::env::OfflineFetcher`] unless the learner allowed network. Every fetch goes through
//! [`fetch::Net`]: recorded in [`Report::fetches`], kept in [`VerifyContext::cache`] (the
//! wallet), answered from that copy when offline with its date ("status list cached 3 days
//! ago"), and made at most once per verification.
//!
//! # Who signed it
//!
//! "Valid" means the key that signed is bound to the issuer the badge names ([`keys`]): the
//! issuer is a `did:key`/`did:jwk` that is that key, or a document the issuer controls (its
//! DID document, the document at its https id, its JWK set, its OB 2.0 profile) lists it.
//! A signature that holds with a key nothing ties to the issuer is "signature intact, issuer
//! not confirmed" ([`Status::IssuerNotConfirmed`]).
//!
//! # Layout, by standard
//!
//! - [`ob2`]: Open Badges 2.0 ([`ob2::hosted`], [`ob2::signed`]).
//! - [`ob3`]: Open Badges 3.0 / CLR 2.0 ([`ob3::data_integrity`], [`ob3::vc_jwt`]).
//! - [`jsonld`]: offline JSON-LD ([`jsonld::loader`], [`jsonld::safe_mode`]) and [`rdfc10`].
//! - [`keys`]: the one key resolver (DID, JWK, Multikey, OB 2.0 CryptographicKey).
//!
//! A CLR 2.0 credential is verified itself and each credential inside it; the CLR's verdict
//! fails when any inner credential fails, and the detail says which.

pub mod dates;
pub mod evidence;
pub mod fetch;
pub mod jsonld;
pub mod keys;
pub mod ob2;
pub mod ob3;
pub mod rdfc10;
pub mod recipient;
pub mod report;
pub mod schema;
pub mod status;

/// Old paths, kept: the Data Integrity and VC-JWT proofs live under [`ob3`].
pub use ob3::{data_integrity, vc_jwt};

pub use report::{Check, CheckId, EndorsementCheck, FetchRecord, Outcome, Report, Status, Verdict};

/// The wallet's document cache is injected by the host ([`crate::env`]); named here too, where
/// verification uses it.
pub use crate::env::{CachedDocument, DocumentCache};

use serde_json::Value;

use crate::env::{Clock, Fetcher};
use crate::localize::{Localize, Message, msg};
use crate::model::Format;
use crate::parse::ParsedCredential;
pub(crate) use fetch::NetFail;
use fetch::{Doc, Documents, Net};

/// Verification could not run at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// Internal failure.
    #[error("verification failed to run: {0}")]
    Internal(String),
}

/// What a verification may use. Built by the host.
pub struct VerifyContext<'a> {
    /// The clock (validity dates, `checked_at`).
    pub clock: &'a dyn Clock,
    /// The network, as the learner allows it ([`crate::env::OfflineFetcher`] by default).
    pub fetcher: &'a dyn Fetcher,
    /// The learner's identities (emails, DIDs, URLs) to match the recipient against.
    /// Empty: the `recipient` check is skipped. These never leave the machine.
    pub recipients: &'a [String],
    /// Fetched-document cache, if the host has a wallet.
    pub cache: Option<&'a dyn DocumentCache>,
}

impl<'a> VerifyContext<'a> {
    /// A context with no recipients and no cache.
    pub fn new(clock: &'a dyn Clock, fetcher: &'a dyn Fetcher) -> Self {
        VerifyContext {
            clock,
            fetcher,
            recipients: &[],
            cache: None,
        }
    }

    /// Match the recipient against these identities.
    pub fn with_recipients(mut self, recipients: &'a [String]) -> Self {
        self.recipients = recipients;
        self
    }

    /// Keep fetched documents in (and answer offline from) this cache.
    pub fn with_cache(mut self, cache: &'a dyn DocumentCache) -> Self {
        self.cache = Some(cache);
        self
    }
}

/// Verify one badge file's bytes: decode, parse, then every check that applies.
pub fn verify_bytes(bytes: &[u8], ctx: &VerifyContext<'_>) -> Report {
    let mut r = Report::new(crate::time::rfc3339(ctx.clock.now()));
    let decoded = match crate::decode::decode(bytes) {
        Ok(d) => d,
        Err(e) => {
            r.set(CheckId::Decode, Outcome::Fail, e.message());
            return r;
        }
    };
    r.set(CheckId::Decode, Outcome::Pass, decode_detail(&decoded));
    match crate::parse::parse(&decoded) {
        Ok(p) => {
            run(&p, ctx, &mut r);
            r
        }
        Err(e) => match triage(&decoded) {
            // The importer could not build a display view, but the payload is plainly a
            // credential or assertion: verify it, so shape problems land in `schema`.
            Some(p) => {
                run(&p, ctx, &mut r);
                r
            }
            None => {
                r.set(CheckId::Parse, Outcome::Fail, e.message());
                r
            }
        },
    }
}

/// Inputs verified together in [`verify_many`] before their results are handed out.
pub const VERIFY_CHUNK: usize = 256;

/// Verify many badge files on every core (rayon): `load` reads input `i` (`Err`: one line
/// saying why it could not be read), and `emit(i, result)` is called for every input **in
/// input order**, group by group on the calling thread, while the next group is being
/// verified. Each report is exactly what [`verify_bytes`] gives for those bytes (the fetch
/// memo is per verification, the JSON-LD context cache shared and thread-safe). The bytes
/// come back with the report (the host may look at them: a trust list's issuer label).
#[allow(clippy::type_complexity)]
pub fn verify_many<T: Sync>(
    inputs: &[T],
    ctx: &VerifyContext<'_>,
    load: &(dyn Fn(&T) -> Result<Vec<u8>, String> + Sync),
    emit: &mut dyn FnMut(usize, Result<(Vec<u8>, Report), String>),
) {
    use rayon::prelude::*;
    type Done = Vec<Result<(Vec<u8>, Report), String>>;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Done>(1);
        scope.spawn(move || {
            for chunk in inputs.chunks(VERIFY_CHUNK) {
                let done: Done = chunk
                    .par_iter()
                    .map(|input| {
                        let bytes = load(input)?;
                        let report = verify_bytes(&bytes, ctx);
                        Ok((bytes, report))
                    })
                    .collect();
                if tx.send(done).is_err() {
                    break;
                }
            }
        });
        for (i, result) in rx.into_iter().flatten().enumerate() {
            emit(i, result);
        }
    });
}

fn first_context(v: &Value) -> &str {
    match v.get("@context") {
        Some(Value::Array(a)) => a.first().and_then(Value::as_str).unwrap_or(""),
        Some(Value::String(s)) => s,
        _ => "",
    }
}

fn looks_vc(v: &Value) -> bool {
    let c = first_context(v);
    c.starts_with("https://www.w3.org/ns/credentials/")
        || c.starts_with("https://www.w3.org/2018/credentials/")
        || schema::types(v).contains(&"VerifiableCredential")
}

fn looks_ob2(v: &Value) -> bool {
    v.get("recipient").is_some() && v.get("badge").is_some()
}

/// The minimal classification verification needs (format, the signed document, the JWS,
/// the hosted URL), for payloads the importer's parser does not take. `None`: not a badge.
pub fn triage(d: &crate::decode::Decoded) -> Option<ParsedCredential> {
    use crate::decode::Payload;
    use crate::parse::DedupeKey;
    let (format, document, compact_jws, hosted_url) = match &d.payload {
        Payload::Json(s) => {
            let v: Value = serde_json::from_str(s).ok()?;
            let clr = schema::types(&v).contains(&"ClrCredential");
            let f = if looks_vc(&v) {
                if clr {
                    Format::Clr2Json
                } else {
                    Format::Ob3Json
                }
            } else if looks_ob2(&v) {
                Format::Ob2Hosted
            } else {
                return None;
            };
            let hosted = (f == Format::Ob2Hosted)
                .then(|| {
                    ob2::upgrade(&v)
                        .get("id")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .flatten();
            (f, v, None, hosted)
        }
        Payload::Jws(t) => {
            let j = vc_jwt::split(t).ok()?;
            let cred = j
                .payload
                .get("vc")
                .cloned()
                .unwrap_or_else(|| j.payload.clone());
            let clr = schema::types(&cred).contains(&"ClrCredential");
            let f = if looks_vc(&cred) {
                if clr { Format::Clr2Jwt } else { Format::Ob3Jwt }
            } else if looks_ob2(&cred) {
                Format::Ob2Signed
            } else {
                return None;
            };
            (f, cred, Some(t.clone()), None)
        }
        Payload::Url(u) => (Format::Ob2Hosted, Value::Null, None, Some(u.clone())),
    };
    Some(ParsedCredential {
        format,
        badge: crate::model::Badge::default(),
        document,
        compact_jws,
        hosted_url,
        dedupe: DedupeKey::Content,
        embedded: Vec::new(),
    })
}

/// Verify a credential the importer already decoded and parsed (one decode for both).
pub fn verify_decoded(
    decoded: &crate::decode::Decoded,
    parsed: &ParsedCredential,
    ctx: &VerifyContext<'_>,
) -> Report {
    let mut r = Report::new(crate::time::rfc3339(ctx.clock.now()));
    r.set(CheckId::Decode, Outcome::Pass, decode_detail(decoded));
    run(parsed, ctx, &mut r);
    r
}

/// Verify a credential that is already decoded and parsed (the wallet's re-check, the
/// credentials inside a CLR or a shared presentation).
pub fn verify_parsed(parsed: &ParsedCredential, ctx: &VerifyContext<'_>) -> Report {
    let mut r = Report::new(crate::time::rfc3339(ctx.clock.now()));
    r.set(CheckId::Decode, Outcome::Pass, msg!("chk-decode-already"));
    run(parsed, ctx, &mut r);
    r
}

fn decode_detail(d: &crate::decode::Decoded) -> Message {
    use crate::decode::Payload;
    use crate::model::Container;
    let container = match d.container {
        Container::Png => msg!("chk-decode-baked-png"),
        Container::Svg => msg!("chk-decode-baked-svg"),
        Container::Json => msg!("chk-decode-json-file"),
        Container::Jws => msg!("chk-decode-jws-file"),
        Container::Url => msg!("chk-decode-url-file"),
    };
    let payload = match d.payload {
        Payload::Json(_) => msg!("chk-decode-json"),
        Payload::Jws(_) => msg!("chk-decode-jws"),
        Payload::Url(_) => msg!("chk-decode-url"),
    };
    msg!(
        "chk-decode-holding",
        container = container,
        payload = payload
    )
}

fn format_detail(p: &ParsedCredential) -> Message {
    let what = match p.format {
        Format::Ob2Hosted => msg!("chk-parse-ob2-hosted"),
        Format::Ob2Signed => msg!("chk-parse-ob2-signed"),
        Format::Ob3Json => msg!("chk-parse-ob3-json"),
        Format::Ob3Jwt => msg!("chk-parse-ob3-jwt"),
        Format::Clr2Json => msg!("chk-parse-clr2-json"),
        Format::Clr2Jwt => msg!("chk-parse-clr2-jwt"),
    };
    let version = &p.badge.spec_version;
    if version.is_empty() {
        what
    } else {
        msg!("chk-parse-with-spec", what = what, version = version)
    }
}

fn run(p: &ParsedCredential, ctx: &VerifyContext<'_>, r: &mut Report) {
    let net = Net::new(ctx.fetcher, ctx.cache, ctx.clock);
    run_with(p, ctx, &net, 0, r);
    r.fetches = net.records();
}

/// [`run`] over an existing network (a CLR's inner credentials and embedded endorsements
/// share the outer credential's). `depth` > 0 for those nested verifications: their own
/// nested credentials and endorsements are not verified again.
fn run_with(
    p: &ParsedCredential,
    ctx: &VerifyContext<'_>,
    net: &Net<'_>,
    depth: u8,
    r: &mut Report,
) {
    r.set_format(p.format);
    r.set(CheckId::Parse, Outcome::Pass, format_detail(p));
    let keys = keys::Resolver::new(net, ctx.clock);
    let run = Run {
        ctx,
        net,
        keys: &keys,
        depth,
    };
    match p.format {
        Format::Ob2Hosted | Format::Ob2Signed => ob2::verify(&run, p, r),
        Format::Ob3Json | Format::Clr2Json | Format::Ob3Jwt | Format::Clr2Jwt => {
            ob3::verify(&run, p, r)
        }
    }
}

/// Verify the Data Integrity proofs of any document (a presentation, an endorsement) whose
/// signing key must be bound to `controller` (the holder, the issuer), with the host's
/// network policy and cache. The fetches made are not reported.
pub fn verify_document_proofs(
    doc: &Value,
    controller: Option<&str>,
    ctx: &VerifyContext<'_>,
    opts: &data_integrity::VerifyOptions<'_>,
) -> data_integrity::ProofsOutcome {
    let net = Net::new(ctx.fetcher, ctx.cache, ctx.clock);
    let keys = keys::Resolver::new(&net, ctx.clock);
    data_integrity::verify_proofs_with(doc, controller, &keys, opts)
}

/// Verify an endorsement file on its own (proof, key bound to the endorser, dates, status) and
/// say whether it endorses `expected_target` when one is given.
pub fn verify_endorsement(
    e: &crate::endorsement::Endorsement,
    scope: crate::endorsement::Scope,
    expected_target: Option<&str>,
    ctx: &VerifyContext<'_>,
) -> EndorsementCheck {
    let net = Net::new(ctx.fetcher, ctx.cache, ctx.clock);
    let keys = keys::Resolver::new(&net, ctx.clock);
    let run = Run {
        ctx,
        net: &net,
        keys: &keys,
        depth: 0,
    };
    ob3::check_endorsement(&run, scope, expected_target, e)
}

/// What one verification run shares between its steps.
pub(crate) struct Run<'a> {
    /// The host's context.
    pub ctx: &'a VerifyContext<'a>,
    /// The recorded, cached network.
    pub net: &'a Net<'a>,
    /// Key resolution and issuer binding over that network.
    pub keys: &'a keys::Resolver<'a>,
    /// 0 for the credential asked about; 1 for one nested in it (CLR, endorsement).
    pub depth: u8,
}

impl Run<'_> {
    /// GET `url` and parse a 2xx JSON body; the note says when it came from the cache.
    pub fn get_json(
        &self,
        url: &str,
        accept: &str,
    ) -> Result<(Value, Option<crate::localize::Message>), NetFail> {
        fetch::get_json(self.net, self.ctx.clock, url, accept).map(|(v, n, _)| (v, n))
    }

    /// GET `url`, any status.
    pub fn get(&self, url: &str, accept: &str) -> Result<Doc, NetFail> {
        self.net
            .get(url, accept)
            .map_err(|e| NetFail::Unavailable(crate::localize::Localize::message(&e)))
    }
}
