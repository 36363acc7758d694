//! `eddsa-jcs-2022`: JSON Canonicalization Scheme (RFC 8785) instead of RDF canonicalisation.
//! VC Data Integrity <https://www.w3.org/TR/vc-data-integrity/>, EdDSA cryptosuites <https://www.w3.org/TR/vc-di-eddsa/>; <https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022>.
//!
//! Verification: when the proof carries an `@context`, the document's `@context` must start
//! with the same values in the same order, and the unsecured document takes the proof's
//! `@context`. The proof configuration is the proof without `proofValue`, with that
//! `@context`. JCS comes from `serde_json_canonicalizer` (RFC 8785 number formatting with
//! ryu-js, UTF-16 key order).

use serde_json::Value;

use crate::localize::msg;

use super::{Canonical, DataIntegrityError, unsecured_document};

/// JCS (RFC 8785) of a JSON value.
pub fn jcs(v: &Value) -> Result<String, DataIntegrityError> {
    serde_json_canonicalizer::to_string(v).map_err(|e| DataIntegrityError::Jcs(e.to_string()))
}

/// Both canonical forms for `proof` on `doc`.
pub fn canonical_forms(doc: &Value, proof: &Value) -> Result<Canonical, DataIntegrityError> {
    let mut unsecured = unsecured_document(doc)?;
    let Value::Object(p) = proof else {
        return Err(DataIntegrityError::BadProof(msg!(
            "err-di-proof-not-object"
        )));
    };
    let mut cfg = p.clone();
    cfg.shift_remove("proofValue");
    if let Some(proof_ctx) = cfg.get("@context") {
        let as_list = |v: &Value| -> Vec<Value> {
            match v {
                Value::Array(a) => a.clone(),
                other => vec![other.clone()],
            }
        };
        let want = as_list(proof_ctx);
        let have = unsecured.get("@context").map(as_list).unwrap_or_default();
        if have.len() < want.len() || have.iter().zip(&want).any(|(a, b)| a != b) {
            return Err(DataIntegrityError::BadProof(msg!("err-di-context-prefix")));
        }
        unsecured.insert("@context".into(), proof_ctx.clone());
    } else if let Some(ctx) = unsecured.get("@context") {
        cfg.insert("@context".into(), ctx.clone());
    }
    Ok(Canonical {
        proof_config: jcs(&Value::Object(cfg))?,
        document: jcs(&Value::Object(unsecured))?,
    })
}
