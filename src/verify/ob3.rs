//! OB 3.0 and CLR 2.0 branch of the pipeline (STANDARDS §3.9 verification steps, §3.12 CLR):
//! schema → proof (Data Integrity or VC-JWT) → issuer_key → issuer → dates → status →
//! recipient, and for a CLR every credential inside it.

use serde_json::Value;

use super::report::{CheckId, Outcome, Report, Verdict};
use super::schema::{self, ref_id};
use super::{Run, dates, recipient, status, vc_jwt};
use crate::model::{Badge, Format};
use crate::parse::{DedupeKey, ParsedCredential};

/// Result of the embedded-proof check.
pub(crate) struct ProofCheck {
    pub proof: (Outcome, String),
    pub issuer_key: (Outcome, String),
    pub key_id: Option<String>,
}

/// Data Integrity proofs through the `di` developer's verifier (STANDARDS §3.3, §3.4).
pub(crate) fn di_proofs(run: &Run<'_>, doc: &Value, issuer: Option<&str>) -> ProofCheck {
    // Our fetcher already records and caches, so the resolver gets no cache of its own.
    let resolver = super::keys::DefaultKeyResolver::new(run.net.fetcher(), None);
    let out = super::data_integrity::verify_proofs(doc, issuer, &resolver);
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
                    r.set(CheckId::Proof, Outcome::Fail, e);
                    (&p.document, None)
                }
            },
            Err(e) => {
                r.set(CheckId::Proof, Outcome::Fail, e);
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

    let verify_list = |list: &Value| -> Result<(), String> {
        let pc = di_proofs(run, list, ref_id(list.get("issuer")));
        match pc.proof.0 {
            Outcome::Pass => Ok(()),
            _ => Err(pc.proof.1),
        }
    };
    let (so, sd) = status::check(run.net, cred, &verify_list);
    r.set(CheckId::Status, so, sd);

    let (ro, rd) = recipient::check_ob3(cred.get("credentialSubject"), run.ctx.recipients);
    r.set(CheckId::Recipient, ro, rd);

    if matches!(p.format, Format::Clr2Json | Format::Clr2Jwt) {
        clr_inner(run, p, cred, r);
    }
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
            r.set(CheckId::Proof, Outcome::Fail, e);
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
    let fetch = |url: &str| -> Result<Value, String> {
        run.net
            .get_json(url, "application/jwk-set+json, application/jwk+json, application/did+json, application/json")
            .map(|(v, _)| v)
            .map_err(|e| e.to_string())
    };
    let (key, source) = match vc_jwt::lookup_key(&j.header, &fetch) {
        vc_jwt::KeyLookup::Found(k, s) => (k, s),
        vc_jwt::KeyLookup::Unavailable(e) => {
            r.set(
                CheckId::Proof,
                Outcome::Error,
                format!("could not check the signature: {e}"),
            );
            r.set(CheckId::IssuerKey, Outcome::Error, e);
            return;
        }
        vc_jwt::KeyLookup::Invalid(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.clone());
            r.set(CheckId::IssuerKey, Outcome::Fail, e);
            return;
        }
    };
    match vc_jwt::verify_signature(j, alg, &key) {
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
            r.set(CheckId::Proof, Outcome::Fail, e);
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
                format!("vc-jwt {alg:?} signature verified{extra}"),
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
    match source {
        vc_jwt::KeySource::HeaderJwk => {
            let (o, d) = jwks_provenance(run, j.header.get("jwk"), issuer);
            r.set(CheckId::IssuerKey, o, d);
        }
        vc_jwt::KeySource::Kid { kid, controller } => {
            r.key_id = Some(kid.clone());
            match issuer {
                Some(i) if i == controller || i.split('#').next() == Some(controller.as_str()) => {
                    r.set(
                        CheckId::IssuerKey,
                        Outcome::Pass,
                        format!("key {kid} belongs to the issuer"),
                    );
                }
                Some(i) => r.set(
                    CheckId::IssuerKey,
                    Outcome::Fail,
                    format!("key {kid} is controlled by {controller}, not by the issuer {i}"),
                ),
                None => r.set(
                    CheckId::IssuerKey,
                    Outcome::Fail,
                    "the credential names no issuer to own the key",
                ),
            }
        }
    }
}

/// Key provenance for a header `jwk` (STANDARDS §3.2, OB 3.0 recommended practice): the
/// issuer's JWK set at `https://{authority of the issuer id}/.well-known/jwks.json` should
/// hold it. Published and present: pass; published and absent: fail; no set, not https or
/// unreachable: skipped, saying that nothing but the signature links the key to the issuer
/// (1EdTech's own VC-JWT fixtures rely on the bare header key).
fn jwks_provenance(run: &Run<'_>, jwk: Option<&Value>, issuer: Option<&str>) -> (Outcome, String) {
    let base = "the key is embedded in the token header (jwk)";
    let url = issuer
        .and_then(|i| reqwest::Url::parse(i).ok())
        .filter(|u| u.scheme() == "https")
        .and_then(|u| {
            let host = u.host_str()?.to_string();
            Some(match u.port() {
                Some(p) => format!("https://{host}:{p}/.well-known/jwks.json"),
                None => format!("https://{host}/.well-known/jwks.json"),
            })
        });
    let Some(url) = url else {
        return (
            Outcome::Skipped,
            format!(
                "{base}; the issuer id is not an https url, so there is no published key set to find it in"
            ),
        );
    };
    match run
        .net
        .get_json(&url, "application/jwk-set+json, application/json")
    {
        Ok((set, note)) => {
            let note = note.map(|n| format!(" ({n})")).unwrap_or_default();
            let keys = set
                .get("keys")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            if keys
                .iter()
                .any(|k| jwk.is_some_and(|j| same_public_key(k, j)))
            {
                (
                    Outcome::Pass,
                    format!("the header key is published in the issuer's key set {url}{note}"),
                )
            } else {
                (
                    Outcome::Fail,
                    format!("the header key is not in the issuer's published key set {url}{note}"),
                )
            }
        }
        Err(super::NetFail::Unavailable(e)) => (
            Outcome::Skipped,
            format!(
                "{base}; the issuer's key set could not be fetched ({e}), so only the signature links it to the issuer"
            ),
        ),
        Err(_) => (
            Outcome::Skipped,
            format!(
                "{base}; the issuer publishes no key set at {url}, so only the signature links it to the issuer"
            ),
        ),
    }
}

/// Same public key: same `kty` and the same public parameters.
fn same_public_key(a: &Value, b: &Value) -> bool {
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(|x| x.trim_end_matches('=').to_string())
    };
    let params: &[&str] = match s(a, "kty").as_deref() {
        Some("RSA") => &["n", "e"],
        Some("EC") => &["crv", "x", "y"],
        Some("OKP") => &["crv", "x"],
        _ => return false,
    };
    s(a, "kty") == s(b, "kty")
        && params
            .iter()
            .all(|k| s(a, k).is_some() && s(a, k) == s(b, k))
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
    for (i, c) in inner.iter().enumerate() {
        let mut sub = Report::new(r.checked_at.clone());
        sub.set(CheckId::Decode, Outcome::Pass, "inside the clr");
        let sub_ctx = super::VerifyContext {
            clock: run.ctx.clock,
            fetcher: run.net.fetcher(),
            recipients: &[],
            cache: None,
        };
        super::run(c, &sub_ctx, &mut sub);
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
