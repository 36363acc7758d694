//! OB 2.0 signed verification: the JWS over the assertion, checked with the issuer's
//! CryptographicKey (<https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#SignedBadge>),
//! whose key must be listed in the issuer profile's `publicKey`.

use crate::localize::Localize as _;
use serde_json::Value;

use crate::localize::{Message, msg};
use crate::parse::ParsedCredential;
use crate::verify::data_integrity::binding_outcome;
use crate::verify::keys::KeyError;
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
        r.set(CheckId::Proof, Outcome::Fail, msg!("chk-ob2-no-jws"));
        return;
    };
    let j = match vc_jwt::split(token) {
        Ok(j) => j,
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.message());
            return;
        }
    };
    let alg = match vc_jwt::algorithm(&j.header, true) {
        Ok(jsonwebtoken::Algorithm::RS256) => jsonwebtoken::Algorithm::RS256,
        Ok(other) => {
            r.set(
                CheckId::Proof,
                Outcome::Fail,
                msg!("chk-ob2-rs256-only", alg = format!("{other:?}")),
            );
            return;
        }
        Err(e) => {
            r.set(CheckId::Proof, Outcome::Fail, e.message());
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
        r.set(CheckId::Proof, Outcome::Error, msg!("chk-ob2-no-creator"));
        r.set(
            CheckId::IssuerKey,
            Outcome::Error,
            msg!("chk-ob2-no-key-to-check"),
        );
        return;
    }
    let mut last_err: Option<(Outcome, Message)> = None;
    for key_url in &candidates {
        let key = match run.keys.ob2_key(key_url) {
            Ok(k) => k,
            Err(e @ KeyError::Unavailable { .. }) => {
                last_err = Some((
                    Outcome::Error,
                    msg!("chk-ob2-could-not-fetch-key", error = e.message()),
                ));
                continue;
            }
            Err(e) => {
                last_err = Some((Outcome::Fail, e.message()));
                continue;
            }
        };
        let decoding = match crate::verify::keys::decoding_key(&key.key) {
            Ok(k) => k,
            Err(e) => {
                last_err = Some((
                    Outcome::Fail,
                    msg!("chk-ob2-not-rsa", key = key_url, error = e.message()),
                ));
                continue;
            }
        };
        match vc_jwt::verify_signature(&j, alg, &decoding) {
            Ok(true) => {
                r.set(
                    CheckId::Proof,
                    Outcome::Pass,
                    msg!("chk-ob2-rs256-verified", key = &key.id),
                );
                r.key_id = Some(key.id.clone());
                match issuer {
                    Some(_) => {
                        let (o, d) = binding_outcome(&key, &run.keys.ob2_bind(&key, issuer_id));
                        r.set(CheckId::IssuerKey, o, d);
                    }
                    // What `binding_outcome` makes of `Binding::Unconfirmed(why)`.
                    None => r.set(
                        CheckId::IssuerKey,
                        Outcome::Error,
                        msg!(
                            "chk-issuer-not-confirmed",
                            why = msg!("chk-ob2-profile-lists-unknown")
                        ),
                    ),
                }
                return;
            }
            Ok(false) => {
                last_err = Some((
                    Outcome::Fail,
                    msg!("chk-ob2-signature-mismatch", key = &key.id),
                ))
            }
            Err(e) => last_err = Some((Outcome::Fail, e.message())),
        }
    }
    let (o, d) = last_err.unwrap_or_else(|| (Outcome::Fail, msg!("chk-ob2-no-key-verified")));
    r.set(CheckId::Proof, o, &d);
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
            msg!("chk-ob2-signature-did-not-verify")
        },
    );
}
