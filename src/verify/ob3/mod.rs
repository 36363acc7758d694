//! OB 3.0 and CLR 2.0 branch of the pipeline (OB 3.0 “Verification” <https://www.imsglobal.org/spec/ob/v3p0/> verification steps, CLR 2.0 <https://www.imsglobal.org/spec/clr/v2p0/> CLR):
//! schema → proof (Data Integrity or VC-JWT) → issuer_key → issuer → dates → status →
//! recipient, and for a CLR every credential inside it.
//!
//! Specs: Open Badges 3.0 <https://www.imsglobal.org/spec/ob/v3p0/> ("Verification and Validation"),
//! CLR 2.0 <https://www.imsglobal.org/spec/clr/v2p0/>. The proofs: [`data_integrity`]
//! (<https://www.w3.org/TR/vc-data-integrity/>) and [`vc_jwt`]
//! (<https://www.w3.org/TR/vc-jose-cose/>, VC-JWT 1.1 <https://www.w3.org/TR/vc-data-model/#json-web-token>).

pub mod data_integrity;
pub mod vc_jwt;

use serde_json::Value;

use crate::model::{Badge, Format};
use crate::parse::{DedupeKey, ParsedCredential};
use crate::verify::data_integrity::binding_outcome;
use crate::verify::keys::KeyError;
use crate::verify::report::{CheckId, Outcome, Report, Verdict};
use crate::verify::schema::{self, ref_id};
use crate::verify::{Run, dates, recipient, status};

/// Result of the embedded-proof check.
pub(crate) struct ProofCheck {
    pub proof: (Outcome, String),
    pub issuer_key: (Outcome, String),
    pub key_id: Option<String>,
}

/// Data Integrity proofs (<https://www.w3.org/TR/vc-data-integrity/>) with the key bound
/// to `issuer` by the run's resolver.
pub(crate) fn di_proofs(run: &Run<'_>, doc: &Value, issuer: Option<&str>) -> ProofCheck {
    let out = crate::verify::data_integrity::verify_proofs(doc, issuer, run.keys);
    ProofCheck {
        proof: out.proof,
        issuer_key: out.issuer_key,
        key_id: out.key_id,
    }
}

pub(crate) fn verify(run: &Run<'_>, p: &ParsedCredential, r: &mut Report) {
    let is_jwt = matches!(p.format, Format::Ob3Jwt | Format::Clr2Jwt);
    // For a VC-JWT the credential is taken from the signed payload itself.
    let jwt_cred;
    let (cred, jws) = if is_jwt {
        let Some(token) = p.compact_jws.as_deref() else {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                "the vc-jwt is missing its compact jws",
            );
            return;
        };
        match vc_jwt::split(token) {
            Ok(j) => match vc_jwt::credential(&j.payload) {
                Ok((c, _)) => {
                    jwt_cred = c.clone();
                    (&jwt_cred, Some(j))
                }
                Err(e) => {
                    r.set(CheckId::Proof, Outcome::Fail, e.to_string());
                    (&p.document, None)
                }
            },
            Err(e) => {
                r.set(CheckId::Proof, Outcome::Fail, e.to_string());
                return;
            }
        }
    } else {
        (&p.document, None)
    };

    let f = schema::check_ob3(cred);
    r.set(
        CheckId::Schema,
        if f.errors.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Fail
        },
        f.detail("the credential"),
    );

    let issuer = ref_id(cred.get("issuer"));
    if let Some(j) = &jws {
        jwt_proof(run, j, cred, issuer, r);
    } else if !is_jwt {
        let pc = di_proofs(run, cred, issuer);
        r.set(CheckId::Proof, pc.proof.0, pc.proof.1);
        r.set(CheckId::IssuerKey, pc.issuer_key.0, pc.issuer_key.1);
        r.key_id = pc.key_id;
    }

    r.set(
        CheckId::Hosted,
        Outcome::Skipped,
        "not an open badges 2.0 hosted assertion",
    );
    match issuer {
        Some(id) => {
            let name = cred
                .get("issuer")
                .and_then(|i| i.get("name"))
                .and_then(Value::as_str)
                .map(|n| format!("{n} ({id})"))
                .unwrap_or_else(|| id.to_string());
            r.set(CheckId::Issuer, Outcome::Pass, format!("issued by {name}"));
        }
        None => r.set(
            CheckId::Issuer,
            Outcome::Fail,
            "the credential names no issuer id",
        ),
    }

    let ((eo, ed), (no, nd)) = dates::check(cred, run.ctx.clock.now());
    r.set(CheckId::Expiry, eo, ed);
    r.set(CheckId::NotBefore, no, nd);

    let verify_list = |list: &Value| status_list_trusted(run, list, issuer);
    let (so, sd) = status::check(run, cred, &verify_list);
    r.set(CheckId::Status, so, sd);

    let (ro, rd) = recipient::check_ob3(cred.get("credentialSubject"), run.ctx.recipients);
    r.set(CheckId::Recipient, ro, rd);

    if run.depth == 0 {
        if matches!(p.format, Format::Clr2Json | Format::Clr2Jwt) {
            clr_inner(run, p, cred, r);
        }
        r.endorsements = endorsements(run, cred);
    }
}

/// Verify each endorsement embedded in the credential, its achievement and its issuer, on its
/// own (OB 3.0 verification step 6). The results are kept beside the checks: an endorsement
/// that fails says something about the endorsement, not about the badge.
fn endorsements(run: &Run<'_>, cred: &Value) -> Vec<crate::verify::EndorsementCheck> {
    crate::endorsement::embedded(cred)
        .into_iter()
        .map(|e| match e.endorsement {
            Ok(en) => check_endorsement(run, e.scope, e.expected_target.as_deref(), &en),
            Err(why) => {
                let mut c = crate::verify::EndorsementCheck {
                    scope: e.scope,
                    endorser_id: None,
                    endorser_name: None,
                    name: "Endorsement".into(),
                    comment: None,
                    status: crate::verify::Status::Unreadable,
                    reason: String::new(),
                    message: None,
                };
                c.set_reason(why);
                c
            }
        })
        .collect()
}

/// Verify one endorsement (embedded, or a file attached to a badge); `expected_target` is the
/// id of what it should endorse.
pub(crate) fn check_endorsement(
    run: &Run<'_>,
    scope: crate::endorsement::Scope,
    expected_target: Option<&str>,
    en: &crate::endorsement::Endorsement,
) -> crate::verify::EndorsementCheck {
    let mut sub = Report::new(r_now(run));
    sub.set(CheckId::Decode, Outcome::Pass, "an embedded endorsement");
    let ctx = crate::verify::VerifyContext {
        clock: run.ctx.clock,
        fetcher: run.ctx.fetcher,
        recipients: &[],
        cache: run.ctx.cache,
    };
    crate::verify::run_with(&crate::endorsement::parsed(en), &ctx, run.net, 1, &mut sub);
    let mut c = crate::verify::EndorsementCheck {
        scope,
        endorser_id: en.endorser.id.clone(),
        endorser_name: en.endorser.name.clone(),
        name: en.name.clone(),
        comment: en.comment.clone(),
        status: sub.status,
        reason: String::new(),
        message: None,
    };
    if let (Some(want), Some(got)) = (expected_target, en.target.as_deref())
        && !crate::verify::keys::same_id(want, got)
    {
        c.status = crate::verify::Status::Invalid;
        c.set_reason(crate::localize::msg!(
            "chk-end-wrong-target",
            got = got,
            this = scope.this(),
            want = want
        ));
    } else {
        c.set_reason(sub.status_and_reason_message().1);
    }
    c
}

fn r_now(run: &Run<'_>) -> String {
    crate::time::rfc3339(run.ctx.clock.now())
}

fn jwt_proof(
    run: &Run<'_>,
    j: &vc_jwt::Jws<'_>,
    cred: &Value,
    issuer: Option<&str>,
    r: &mut Report,
) {
    let alg = match vc_jwt::algorithm(&j.header, false) {
        Ok(a) => a,
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.to_string());
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                "no usable signature to take a key from",
            );
            return;
        }
    };
    if let Some(t) = j.header.get("typ").and_then(Value::as_str)
        && !matches!(t, "JWT" | "jwt" | "vc+jwt" | "vc+ld+jwt")
    {
        r.set(
            CheckId::Proof,
            Outcome::Fail,
            format!("unexpected jwt typ {t:?}"),
        );
        return;
    }
    let key = match run.keys.resolve_jwt(&j.header, issuer) {
        Ok(k) => k,
        Err(e @ KeyError::Unavailable { .. }) => {
            r.set(
                CheckId::Proof,
                Outcome::Error,
                format!("could not check the signature: {e}"),
            );
            r.set(CheckId::IssuerKey, Outcome::Error, e.to_string());
            return;
        }
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.to_string());
            r.set(CheckId::IssuerKey, Outcome::Fail, e.to_string());
            return;
        }
    };
    let decoding = match crate::verify::keys::decoding_key(&key.key) {
        Ok(k) => k,
        Err(e) => {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                format!("key {}: {e}", key.id),
            );
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                "the signature could not be checked with this key",
            );
            return;
        }
    };
    match vc_jwt::verify_signature(j, alg, &decoding) {
        Ok(true) => {}
        Ok(false) => {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                format!("the {alg:?} signature does not match the token"),
            );
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                "the signature did not verify",
            );
            return;
        }
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.to_string());
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                "the signature could not be checked with this key",
            );
            return;
        }
    }
    match vc_jwt::check_claims(&j.payload, cred) {
        Ok(notes) => {
            let extra = if notes.is_empty() {
                String::new()
            } else {
                format!(" (note: {})", notes.join("; "))
            };
            r.set(
                CheckId::Proof,
                Outcome::Pass,
                format!(
                    "vc-jwt {alg:?} signature verified with key {}{extra}",
                    key.id
                ),
            );
        }
        Err(e) => {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                format!("signature verified, but {e}"),
            );
        }
    }
    r.key_id = Some(key.id.clone());
    let (o, d) = binding_outcome(&key, &run.keys.bind(&key, issuer, "assertionMethod"));
    r.set(CheckId::IssuerKey, o, d);
}

/// A status list counts only when it is the credential issuer's own, signed with a key bound
/// to that issuer, and within its own validity (W3C Bitstring Status List §Validate
/// Algorithm, <https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm>; Digital
/// Bazaar's vc-bitstring-status-list refuses lists whose issuer is not the credential's).
/// `Err` is "could not check the status", never "not revoked".
fn status_list_trusted(
    run: &Run<'_>,
    list: &Value,
    cred_issuer: Option<&str>,
) -> Result<(), status::UntrustedList> {
    use status::UntrustedList;
    let list_issuer = ref_id(list.get("issuer"));
    match (list_issuer, cred_issuer) {
        (Some(l), Some(c)) if crate::verify::keys::same_id(l, c) => {}
        (l, c) => {
            return Err(UntrustedList::OtherIssuer(
                l.unwrap_or("nobody").to_owned(),
                c.unwrap_or("(none)").to_owned(),
            ));
        }
    }
    let pc = di_proofs(run, list, list_issuer);
    if pc.proof.0 != Outcome::Pass {
        return Err(UntrustedList::Proof(pc.proof.1.into()));
    }
    if pc.issuer_key.0 != Outcome::Pass {
        return Err(UntrustedList::Key(pc.issuer_key.1.into()));
    }
    let ((eo, ed), (no, nd)) = dates::check(list, run.ctx.clock.now());
    if eo == Outcome::Fail {
        return Err(UntrustedList::Expired(ed));
    }
    if no == Outcome::Fail {
        return Err(UntrustedList::NotYetValid(nd));
    }
    Ok(())
}

/// The credentials inside a CLR, as parsed by the importer or, failing that, straight from
/// `credentialSubject.verifiableCredential`.
fn inner_credentials(p: &ParsedCredential, cred: &Value) -> Vec<ParsedCredential> {
    if !p.embedded.is_empty() {
        return p.embedded.clone();
    }
    let list = cred
        .get("credentialSubject")
        .and_then(|s| s.get("verifiableCredential"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    list.iter()
        .map(|v| {
            let (format, document, compact_jws) = match v {
                Value::String(s) => {
                    let doc = vc_jwt::split(s)
                        .ok()
                        .and_then(|j| vc_jwt::credential(&j.payload).ok().map(|(c, _)| c.clone()))
                        .unwrap_or(Value::Null);
                    (Format::Ob3Jwt, doc, Some(s.clone()))
                }
                other => (Format::Ob3Json, other.clone(), None),
            };
            ParsedCredential {
                format,
                badge: Badge::default(),
                document,
                compact_jws,
                hosted_url: None,
                dedupe: DedupeKey::Content,
                embedded: Vec::new(),
            }
        })
        .collect()
}

fn clr_inner(run: &Run<'_>, p: &ParsedCredential, cred: &Value, r: &mut Report) {
    let inner = inner_credentials(p, cred);
    if inner.is_empty() {
        return;
    }
    let n = inner.len();
    let mut problems = Vec::new();
    let mut unconfirmed = Vec::new();
    for (i, c) in inner.iter().enumerate() {
        let mut sub = Report::new(r.checked_at.clone());
        sub.set(CheckId::Decode, Outcome::Pass, "inside the clr");
        let sub_ctx = crate::verify::VerifyContext {
            clock: run.ctx.clock,
            fetcher: run.ctx.fetcher,
            recipients: &[],
            cache: run.ctx.cache,
        };
        crate::verify::run_with(c, &sub_ctx, run.net, 1, &mut sub);
        let name = c
            .document
            .get("name")
            .and_then(Value::as_str)
            .or_else(|| c.document.get("id").and_then(Value::as_str))
            .unwrap_or("unnamed");
        if matches!(sub.verdict, Verdict::Invalid | Verdict::Error) {
            let why = sub
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::Fail)
                .map(|c| format!("{}: {}", c.id, c.detail))
                .unwrap_or_else(|| "unreadable".into());
            problems.push((
                true,
                format!("credential {} of {n} ({name}) is invalid — {why}", i + 1),
            ));
        } else if sub.status == crate::verify::Status::IssuerNotConfirmed {
            unconfirmed.push(format!(
                "credential {} of {n} ({name}): {}",
                i + 1,
                sub.reason
            ));
        } else if sub.verdict == Verdict::Indeterminate {
            let why = sub
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::Error)
                .map(|c| format!("{}: {}", c.id, c.detail))
                .unwrap_or_default();
            problems.push((
                false,
                format!(
                    "credential {} of {n} ({name}) could not be fully checked — {why}",
                    i + 1
                ),
            ));
        }
    }
    // An inner credential whose issuer is not confirmed leaves the CLR's own signature intact
    // but its contents not confirmed: say so on issuer_key.
    if let Some(first) = unconfirmed.first()
        && r.get(CheckId::IssuerKey).map(|c| c.outcome) == Some(Outcome::Pass)
    {
        r.set(
            CheckId::IssuerKey,
            Outcome::Error,
            format!("{}{first}", crate::verify::report::ISSUER_NOT_CONFIRMED),
        );
    }
    let outer = r.get(CheckId::Proof).cloned();
    if let Some((_, d)) = problems.iter().find(|(bad, _)| *bad) {
        r.set(CheckId::Proof, Outcome::Fail, d.clone());
    } else if let Some(o) = outer {
        let extra = match problems.first() {
            Some((_, d)) => format!("; {d}"),
            None => format!("; all {n} credentials inside verify"),
        };
        let outcome = if o.outcome == Outcome::Pass && !problems.is_empty() {
            Outcome::Error
        } else {
            o.outcome
        };
        r.set(CheckId::Proof, outcome, format!("{}{extra}", o.detail));
    }
}
