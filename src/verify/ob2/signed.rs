//! OB 2.0 signed verification: the JWS over the assertion, checked with the issuer's
//! CryptographicKey (<https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#SignedBadge>),
//! whose key must be listed in the issuer profile's `publicKey`.

use serde_json::Value;

use crate::parse::ParsedCredential;
use crate::verify::data_integrity::binding_outcome;
use crate::verify::keys::{Binding, KeyError};
use crate::verify::report::{CheckId, Outcome, Report};
use crate::verify::{Run, vc_jwt};

pub(super) fn signed(
    run: &Run<'_>,
    p: &ParsedCredential,
    doc: &Value,
    issuer: Option<&Value>,
    r: &mut Report,
) {
    let Some(token) = p.compact_jws.as_deref() else {
        r.set(
            CheckId::Proof,
            Outcome::Fail,
            "the signed assertion is missing its jws",
        );
        return;
    };
    let j = match vc_jwt::split(token) {
        Ok(j) => j,
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.to_string());
            return;
        }
    };
    let alg = match vc_jwt::algorithm(&j.header, true) {
        Ok(jsonwebtoken::Algorithm::RS256) => jsonwebtoken::Algorithm::RS256,
        Ok(other) => {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                format!("open badges 2.0 signatures use RS256, not {other:?}"),
            );
            return;
        }
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.to_string());
            return;
        }
    };
    let creator = doc
        .get("verification")
        .and_then(|v| v.get("creator").or_else(|| v.get("url")))
        .and_then(Value::as_str)
        .map(str::to_string);
    let issuer_id = issuer.and_then(|i| i.get("id")).and_then(Value::as_str);
    // Keys to try: the creator, or (no creator) each key the issuer's own profile lists.
    let candidates: Vec<String> = match (&creator, issuer_id) {
        (Some(c), _) => vec![c.clone()],
        (None, Some(i)) => run.keys.ob2_listed_keys(i).unwrap_or_default(),
        (None, None) => Vec::new(),
    };
    if candidates.is_empty() {
        r.set(
            CheckId::Proof,
            Outcome::Error,
            "could not check: the assertion names no creator key and the issuer lists none",
        );
        r.set(CheckId::IssuerKey, Outcome::Error, "no key to check");
        return;
    }
    let mut last_err: Option<(Outcome, String)> = None;
    for key_url in &candidates {
        let key = match run.keys.ob2_key(key_url) {
            Ok(k) => k,
            Err(e @ KeyError::Unavailable { .. }) => {
                last_err = Some((Outcome::Error, format!("could not fetch key: {e}")));
                continue;
            }
            Err(e) => {
                last_err = Some((Outcome::Fail, e.to_string()));
                continue;
            }
        };
        let decoding = match crate::verify::keys::decoding_key(&key.key) {
            Ok(k) => k,
            Err(e) => {
                last_err = Some((
                    Outcome::Fail,
                    format!("key {key_url}: not an rsa public key ({e})"),
                ));
                continue;
            }
        };
        match vc_jwt::verify_signature(&j, alg, &decoding) {
            Ok(true) => {
                r.set(
                    CheckId::Proof,
                    Outcome::Pass,
                    format!("RS256 signature verified with {}", key.id),
                );
                r.key_id = Some(key.id.clone());
                let binding = match issuer {
                    Some(_) => run.keys.ob2_bind(&key, issuer_id),
                    None => Binding::Unconfirmed(
                        "the issuer profile is not available to see which keys it lists".into(),
                    ),
                };
                let (o, d) = binding_outcome(&key, &binding);
                r.set(CheckId::IssuerKey, o, d);
                return;
            }
            Ok(false) => {
                last_err = Some((
                    Outcome::Fail,
                    format!("the signature does not match key {}", key.id),
                ))
            }
            Err(e) => last_err = Some((Outcome::Fail, e.to_string())),
        }
    }
    let (o, d) = last_err.unwrap_or((Outcome::Fail, "no key verified the signature".into()));
    r.set(CheckId::Proof, o, d.clone());
    r.set(
        CheckId::IssuerKey,
        if o == Outcome::Error {
            Outcome::Error
        } else {
            Outcome::Skipped
        },
        if o == Outcome::Error {
            d
        } else {
            "the signature did not verify".into()
        },
    );
}
