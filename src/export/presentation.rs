//! The learner's Verifiable Presentation: VCDM 2.0
//! (<https://www.w3.org/TR/vc-data-model-2.0/#verifiable-presentations>), `holder` = the
//! learner's did:key, one Data Integrity proof with cryptosuite eddsa-rdfc-2022
//! (<https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022>, VC Data Integrity <https://www.w3.org/TR/vc-data-integrity/>, EdDSA cryptosuites <https://www.w3.org/TR/vc-di-eddsa/>) and
//! `proofPurpose: authentication`, with the receiver's optional `challenge` and `domain`.
//!
//! - JSON credentials (OB 3.0 / CLR 2.0 with an embedded proof) go in as-is, parsed from the
//!   original payload text (their proofs cover the canonical form, not the bytes).
//! - VC-JWT credentials go in as `EnvelopedVerifiableCredential` with
//!   `id: data:application/vc+jwt,<jws>` (VCDM 2.0 §4.13 "Securing Mechanism Specifications").
//! - Open Badges 2.0 assertions are not Verifiable Credentials and cannot go in; exports list
//!   them on their own ([`excluded_names`]).

use serde_json::{Value, json};

use super::{ExportBadge, ExportError, ExportOptions, Portfolio};
use crate::learner_key::LearnerKey;
use crate::model::Format;
use crate::verify::data_integrity::{ProofOptions, sign_eddsa_rdfc_2022};

/// The VCDM 2.0 base context.
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// Names of the badges that cannot go into a presentation (OB 2.0 and older).
pub fn excluded_names(portfolio: &Portfolio) -> Vec<String> {
    portfolio
        .badges
        .iter()
        .filter(|b| !b.format.is_vc())
        .map(|b| b.badge.name.clone())
        .collect()
}

/// The presentation entry for one badge, or `None` for an OB 2.0 badge.
pub fn credential_entry(item: &ExportBadge) -> Result<Option<Value>, ExportError> {
    let bad = |reason: String| ExportError::BadPayload {
        badge: item.badge.name.clone(),
        reason,
    };
    match item.format {
        Format::Ob2Hosted | Format::Ob2Signed => Ok(None),
        Format::Ob3Json | Format::Clr2Json => {
            let v: Value = serde_json::from_str(item.payload.trim())
                .map_err(|e| bad(format!("stored credential is not json: {e}")))?;
            if !v.is_object() {
                return Err(bad("stored credential is not a json object".into()));
            }
            Ok(Some(v))
        }
        Format::Ob3Jwt | Format::Clr2Jwt => {
            let jws = item.payload.trim();
            let ok = jws.split('.').count() == 3
                && jws
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'));
            if !ok {
                return Err(bad("stored credential is not a compact jws".into()));
            }
            Ok(Some(json!({
                "@context": VC_V2_CONTEXT,
                "id": format!("data:application/vc+jwt,{jws}"),
                "type": "EnvelopedVerifiableCredential",
            })))
        }
    }
}

/// The unsigned presentation.
pub fn unsigned(portfolio: &Portfolio, holder: &str) -> Result<Value, ExportError> {
    let mut creds = Vec::new();
    for item in &portfolio.badges {
        if let Some(v) = credential_entry(item)? {
            creds.push(v);
        }
    }
    if creds.is_empty() {
        return Err(ExportError::NothingToPresent);
    }
    Ok(json!({
        "@context": [VC_V2_CONTEXT],
        "type": ["VerifiablePresentation"],
        "holder": holder,
        "verifiableCredential": creds,
    }))
}

/// The signed presentation as a JSON value.
pub fn sign(
    portfolio: &Portfolio,
    key: &LearnerKey,
    opts: &ExportOptions<'_>,
) -> Result<Value, ExportError> {
    let doc = unsigned(portfolio, key.did())?;
    let o = ProofOptions {
        created: Some(
            opts.exported_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ),
        proof_purpose: "authentication".into(),
        challenge: opts.challenge.clone(),
        domain: opts.domain.clone(),
    };
    sign_document(&doc, key, &o)
}

/// Add an eddsa-rdfc-2022 proof made with the learner key to `doc`.
pub fn sign_document(
    doc: &Value,
    key: &LearnerKey,
    o: &ProofOptions,
) -> Result<Value, ExportError> {
    sign_eddsa_rdfc_2022(
        doc,
        key.secret().signing_key(),
        &key.verification_method(),
        o,
    )
    .map_err(|e| ExportError::Sign(e.to_string()))
}

/// The signed presentation, serialised (pretty, UTF-8).
pub fn build_signed(
    portfolio: &Portfolio,
    key: &LearnerKey,
    opts: &ExportOptions<'_>,
) -> Result<Vec<u8>, ExportError> {
    let vp = sign(portfolio, key, opts)?;
    serde_json::to_vec_pretty(&vp).map_err(|e| ExportError::Other(e.to_string()))
}

/// The signed presentation for a page or bundle: `None` without a learner key or when no
/// badge can go in one (OB 2.0 only).
pub fn build_for(
    portfolio: &Portfolio,
    opts: &ExportOptions<'_>,
) -> Result<Option<Vec<u8>>, ExportError> {
    let Some(key) = opts.learner else {
        return Ok(None);
    };
    match build_signed(portfolio, key, opts) {
        Ok(b) => Ok(Some(b)),
        Err(ExportError::NothingToPresent) => Ok(None),
        Err(e) => Err(e),
    }
}
