//! OB 3.0 and CLR 2.0 branch of the pipeline (OB 3.0 “Verification” <https://www.imsglobal.org/spec/ob/v3p0/> verification steps, CLR 2.0 <https://www.imsglobal.org/spec/clr/v2p0/> CLR):
//! schema → proof (Data Integrity or VC-JWT) → issuer_key → issuer → dates → status →
//! recipient, and for a CLR every credential inside it.
//!
//! Specs: Open Badges 3.0 <https://www.imsglobal.org/spec/ob/v3p0/> ("Verification and Validation"),
//! CLR 2.0 <https://www.imsglobal.org/spec/clr/v2p0/>. The proofs: [`data_integrity`]
//! (<https://www.w3.org/TR/vc-data-integrity/>) and [`vc_jwt`]
//! (<https://www.w3.org/TR/vc-jose-cose/>, VC-JWT 1.1 <https://www.w3.org/TR/vc-data-model/#json-web-token>).
//!
//! Every detail this branch sets is a catalog message (`chk-ob3-…`, `chk-di-…`,
//! `chk-vcjwt-…`, and the `err-di-…` / `err-vcjwt-…` of the proofs' errors, in
//! `ui/locales/<lang>.js`), whose English is the detail word for word; values (URLs, key ids,
//! DIDs, algorithm and property names, the issuer's text) are variables shown as given.

pub mod data_integrity;
pub mod vc_jwt;

use serde_json::Value;

use crate::localize::{Localize, Message, msg};
use crate::model::{Badge, Format};
use crate::parse::{DedupeKey, ParsedCredential};
use crate::verify::data_integrity::binding_outcome;
use crate::verify::keys::KeyError;
use crate::verify::report::{Check, CheckId, Outcome, Report, Verdict};
use crate::verify::schema::{self, ref_id};
use crate::verify::{Run, dates, recipient, status};

/// Result of the embedded-proof check: the `proof` and `issuer_key` outcomes with their
/// details as catalog messages.
pub(crate) struct ProofCheck {
    pub proof: (Outcome, Message),
    pub issuer_key: (Outcome, Message),
    pub key_id: Option<String>,
}

/// Data Integrity proofs (<https://www.w3.org/TR/vc-data-integrity/>) with the key bound
/// to `issuer` by the run's resolver.
pub(crate) fn di_proofs(run: &Run<'_>, doc: &Value, issuer: Option<&str>) -> ProofCheck {
    let out = crate::verify::data_integrity::verify_proof_messages(
        doc,
        issuer,
        run.keys,
        &crate::verify::data_integrity::VerifyOptions::default(),
    );
    ProofCheck {
        proof: out.proof,
        issuer_key: out.issuer_key,
        key_id: out.key_id,
    }
}

/// A key error (`KeyError`, `KeyMaterialError`) as a catalog message.
fn key_message(e: &impl crate::localize::Localize) -> Message {
    e.message()
}

/// "`{check}: {detail}`" of an inner credential's check (the report's own `reason-check`:
/// the id in English, the check's label in other languages).
fn labelled(c: &Check) -> Message {
    crate::verify::report::reason_check(c.id, c.detail_message())
}

pub(crate) fn verify(run: &Run<'_>, p: &ParsedCredential, r: &mut Report) {
    let is_jwt = matches!(p.format, Format::Ob3Jwt | Format::Clr2Jwt);
    // For a VC-JWT the credential is taken from the signed payload itself.
    let jwt_cred;
    let (cred, jws) = if is_jwt {
        let Some(token) = p.compact_jws.as_deref() else {
            r.set(CheckId::Proof, Outcome::Fail, msg!("chk-ob3-jwt-no-jws"));
            return;
        };
        match vc_jwt::split(token) {
            Ok(j) => match vc_jwt::credential(&j.payload) {
                Ok((c, _)) => {
                    jwt_cred = c.clone();
                    (&jwt_cred, Some(j))
                }
                Err(e) => {
                    r.set(CheckId::Proof, Outcome::Fail, e.message());
                    (&p.document, None)
                }
            },
            Err(e) => {
                r.set(CheckId::Proof, Outcome::Fail, e.message());
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
        msg!("chk-ob3-hosted-not-ob2"),
    );
    match issuer {
        Some(id) => {
            let name = cred
                .get("issuer")
                .and_then(|i| i.get("name"))
                .and_then(Value::as_str);
            let d = match name {
                Some(n) => msg!("chk-ob3-issued-by-named", name = n, id = id),
                None => msg!("chk-ob3-issued-by", id = id),
            };
            r.set(CheckId::Issuer, Outcome::Pass, d);
        }
        None => r.set(CheckId::Issuer, Outcome::Fail, msg!("chk-ob3-no-issuer")),
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
    sub.set(
        CheckId::Decode,
        Outcome::Pass,
        msg!("chk-ob3-decode-endorsement"),
    );
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
            r.set(CheckId::Proof, Outcome::Fail, e.message());
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                msg!("chk-ob3-no-usable-signature"),
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
            msg!("chk-ob3-jwt-typ", typ = format!("{t:?}")),
        );
        return;
    }
    let key = match run.keys.resolve_jwt(&j.header, issuer) {
        Ok(k) => k,
        Err(e @ KeyError::Unavailable { .. }) => {
            r.set(
                CheckId::Proof,
                Outcome::Error,
                msg!("chk-ob3-could-not-check-signature", why = key_message(&e)),
            );
            r.set(CheckId::IssuerKey, Outcome::Error, key_message(&e));
            return;
        }
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, key_message(&e));
            r.set(CheckId::IssuerKey, Outcome::Fail, key_message(&e));
            return;
        }
    };
    let decoding = match crate::verify::keys::decoding_key(&key.key) {
        Ok(k) => k,
        Err(e) => {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                msg!(
                    "chk-ob3-key-unusable",
                    key = crate::verify::keys::key_label(&key.id),
                    why = key_message(&e)
                ),
            );
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                msg!("chk-ob3-key-could-not-check"),
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
                msg!("chk-ob3-jwt-no-match", alg = format!("{alg:?}")),
            );
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                msg!("chk-ob3-signature-did-not-verify"),
            );
            return;
        }
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.message());
            r.set(
                CheckId::IssuerKey,
                Outcome::Skipped,
                msg!("chk-ob3-key-could-not-check"),
            );
            return;
        }
    }
    match vc_jwt::check_claims(&j.payload, cred) {
        Ok(notes) => {
            let alg = format!("{alg:?}");
            let d = match Message::join("chk-ob3-notes", notes) {
                None => msg!(
                    "chk-ob3-jwt-verified",
                    alg = alg,
                    key = crate::verify::keys::key_label(&key.id)
                ),
                Some(notes) => msg!(
                    "chk-ob3-jwt-verified-notes",
                    alg = alg,
                    key = crate::verify::keys::key_label(&key.id),
                    notes = notes
                ),
            };
            r.set(CheckId::Proof, Outcome::Pass, d);
        }
        Err(e) => {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                msg!("chk-ob3-jwt-claims", why = e.message()),
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
        return Err(UntrustedList::Proof(pc.proof.1));
    }
    if pc.issuer_key.0 != Outcome::Pass {
        return Err(UntrustedList::Key(pc.issuer_key.1));
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
    let mut problems: Vec<(bool, Message)> = Vec::new();
    let mut unconfirmed: Vec<Message> = Vec::new();
    for (i, c) in inner.iter().enumerate() {
        let mut sub = Report::new(r.checked_at.clone());
        sub.set(CheckId::Decode, Outcome::Pass, msg!("chk-ob3-decode-clr"));
        let sub_ctx = crate::verify::VerifyContext {
            clock: run.ctx.clock,
            fetcher: run.ctx.fetcher,
            recipients: &[],
            cache: run.ctx.cache,
        };
        crate::verify::run_with(c, &sub_ctx, run.net, 1, &mut sub);
        let name: Message = c
            .document
            .get("name")
            .and_then(Value::as_str)
            .or_else(|| c.document.get("id").and_then(Value::as_str))
            .map_or_else(|| msg!("chk-ob3-clr-unnamed"), Message::from);
        // "credential 2 of 3 (name)"
        let which = msg!(
            "chk-ob3-clr-which",
            i = i + 1,
            n = Message::Count(n),
            name = name
        );
        if matches!(sub.verdict, Verdict::Invalid | Verdict::Error) {
            let why = sub
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::Fail)
                .map(labelled)
                .unwrap_or_else(|| msg!("chk-ob3-clr-unreadable"));
            problems.push((
                true,
                msg!("chk-ob3-clr-invalid", credential = which, why = why),
            ));
        } else if sub.status == crate::verify::Status::IssuerNotConfirmed {
            let (_, why) = sub.status_and_reason_message();
            unconfirmed.push(msg!(
                "chk-ob3-clr-unconfirmed",
                credential = which,
                why = why
            ));
        } else if sub.verdict == Verdict::Indeterminate {
            let why = sub
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::Error)
                .map(labelled)
                .unwrap_or_else(|| Message::Text(String::new()));
            problems.push((
                false,
                msg!("chk-ob3-clr-not-checked", credential = which, why = why),
            ));
        }
    }
    // An inner credential whose issuer is not confirmed leaves the CLR's own signature intact
    // but its contents not confirmed: say so on issuer_key.
    if let Some(first) = unconfirmed.into_iter().next()
        && r.get(CheckId::IssuerKey).map(|c| c.outcome) == Some(Outcome::Pass)
    {
        r.set(
            CheckId::IssuerKey,
            Outcome::Error,
            msg!("chk-issuer-not-confirmed", why = first),
        );
    }
    let outer = r.get(CheckId::Proof).cloned();
    if let Some((_, d)) = problems.iter().find(|(bad, _)| *bad) {
        r.set(CheckId::Proof, Outcome::Fail, d);
    } else if let Some(o) = outer {
        let outer_detail = o.detail_message();
        let detail = match problems.first() {
            Some((_, d)) => msg!("chk-ob3-clr-outer", outer = outer_detail, inner = d),
            None => msg!(
                "chk-ob3-clr-all-verify",
                outer = outer_detail,
                n = Message::Count(n)
            ),
        };
        let outcome = if o.outcome == Outcome::Pass && !problems.is_empty() {
            Outcome::Error
        } else {
            o.outcome
        };
        r.set(CheckId::Proof, outcome, detail);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::env::{FixedClock, OfflineFetcher};
    use crate::i18n::{Catalog, Lang};
    use crate::verify::{CheckId, Report, VerifyContext, verify_bytes};

    fn fixture(rel: &str) -> Vec<u8> {
        let p = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    fn offline(bytes: &[u8]) -> Report {
        let clock = FixedClock(
            chrono::DateTime::parse_from_rfc3339("2026-05-04T12:00:00Z")
                .unwrap()
                .with_timezone(&chrono::Utc),
        );
        verify_bytes(bytes, &VerifyContext::new(&clock, &OfflineFetcher))
    }

    fn b64(v: &Value) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
    }

    /// A token with `header`, the payload of `token` (changed by `edit`) and its signature.
    fn reheader(token: &str, header: Option<Value>, edit: impl Fn(&mut Value)) -> Vec<u8> {
        use base64::Engine;
        let parts: Vec<&str> = token.trim().split('.').collect();
        let mut payload: Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(parts[1])
                .unwrap(),
        )
        .unwrap();
        edit(&mut payload);
        let h = header.map_or_else(|| parts[0].to_owned(), |h| b64(&h));
        format!("{h}.{}.{}", b64(&payload), parts[2]).into_bytes()
    }

    /// Real OB 3.0 / CLR 2.0 credentials and forgeries of them, offline: every check this
    /// module sets (proof, issuer_key, hosted, issuer) is a catalog message, shown in Spanish
    /// with words of its own (issue 14: nothing of ob3's is left English). The other checks
    /// come from other modules (decode and parse: src/verify/mod.rs; schema, dates, status,
    /// recipient: src/verify/*.rs) and a bare key error is src/verify/keys' text: not asserted
    /// here.
    #[test]
    fn every_ob3_check_is_a_message_shown_in_spanish() {
        let es = Catalog::get(Lang::Es);
        let simple = fixture("1edtech-public-validator/ob30/simple.json");
        let mut tampered: Value = serde_json::from_slice(&simple).unwrap();
        tampered["name"] = json!("Tampered name");
        let jwt = String::from_utf8(fixture("generated/did-key-vc.jwt")).unwrap();
        let mut cases: Vec<(String, Vec<u8>)> = [
            "dcc-verifier-core/v2OBv3SpecExample.json",
            "1edtech-public-validator/ob30/simple.json",
            "1edtech-public-validator/ob30/simple-multiple-proofs.json",
            "1edtech-public-validator/ob30/simple-err-proof-value.json",
            "1edtech-public-validator/ob30/simple-noproof.json",
            "1edtech-public-validator/clr20/simple.json",
            "1edtech-public-validator/clr20/simple.jwt",
            "generated/did-key-vc.jwt",
        ]
        .iter()
        .map(|r| (r.to_string(), fixture(r)))
        .collect();
        cases.extend([
            ("tampered".into(), serde_json::to_vec(&tampered).unwrap()),
            (
                "alg none".into(),
                format!("{}.{}.", b64(&json!({"alg": "none"})), b64(&tampered)).into_bytes(),
            ),
            (
                "HS256".into(),
                reheader(&jwt, Some(json!({"alg": "HS256", "typ": "JWT"})), |_| {}),
            ),
            (
                "typ".into(),
                reheader(&jwt, Some(json!({"alg": "EdDSA", "typ": "text"})), |_| {}),
            ),
            (
                "tampered jwt".into(),
                reheader(&jwt, None, |p| p["name"] = json!("Tampered name")),
            ),
        ]);
        let mut seen = std::collections::BTreeSet::new();
        for (name, bytes) in cases {
            let r = offline(&bytes);
            for id in [
                CheckId::Proof,
                CheckId::IssuerKey,
                CheckId::Hosted,
                CheckId::Issuer,
            ] {
                // A refused token type stops before issuer_key (it stays unset).
                let Some(c) = r.get(id) else {
                    assert_eq!((name.as_str(), id), ("typ", CheckId::IssuerKey));
                    continue;
                };
                let m = c
                    .message
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: {id} is text: {}", c.detail));
                assert_eq!(m.english(), c.detail, "{name}: {id}");
                assert_ne!(c.detail_in(es), c.detail, "{name}: {id} is English in es");
                if let crate::localize::Message::Id(mid, _) = m {
                    seen.insert(mid.to_string());
                }
            }
        }
        // The forgeries reached the sentences they are about.
        for id in [
            "chk-di-suite",
            "chk-di-no-proof",
            "chk-di-verified",
            "chk-di-ignored-unsupported",
            "chk-di-key-bound",
            "chk-issuer-not-confirmed",
            "chk-ob3-clr-all-verify",
            "chk-ob3-clr-invalid",
            "chk-ob3-jwt-verified",
            "chk-ob3-jwt-typ",
            "chk-ob3-jwt-no-match",
            "err-vcjwt-alg-none",
            "err-vcjwt-shared-secret",
            "chk-ob3-issued-by-named",
            "chk-ob3-hosted-not-ob2",
        ] {
            assert!(seen.contains(id), "{id} not reached: {seen:?}");
        }
    }
}
