//! `eddsa-rdfc-2022` (and its legacy name `eddsa-2022`): RDFC-1.0 canonical N-Quads of the
//! document and of the proof configuration. VC Data Integrity <https://www.w3.org/TR/vc-data-integrity/>, EdDSA cryptosuites <https://www.w3.org/TR/vc-di-eddsa/>;
//! <https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022>.
//!
//! Transformation: the document without `proof`, canonicalised with only bundled contexts.
//! Proof configuration: the proof without `proofValue`, with the document's `@context`.
//! The same transformation serves `Ed25519Signature2020` ([`super::ed25519_signature_2020`]).

use serde_json::Value;

use crate::localize::msg;

use super::{Canonical, DataIntegrityError};
use crate::verify::jsonld::{ContextVariant, canonicalize_object};

/// Canonical N-Quads of the document without its proof.
pub fn canonical_document(
    doc: &Value,
    variant: ContextVariant,
) -> Result<String, DataIntegrityError> {
    let Value::Object(map) = doc else {
        return Err(DataIntegrityError::NotAnObject);
    };
    Ok(canonicalize_object(map, &["proof"], None, variant)?)
}

/// Canonical N-Quads of the proof configuration of `proof` on `doc`.
pub fn canonical_proof_config(
    doc: &Value,
    proof: &Value,
    variant: ContextVariant,
) -> Result<String, DataIntegrityError> {
    let Value::Object(p) = proof else {
        return Err(DataIntegrityError::BadProof(msg!(
            "err-di-proof-not-object"
        )));
    };
    // The proof without proofValue, with the document's @context (none if it has none).
    match doc.get("@context") {
        Some(ctx) => Ok(canonicalize_object(p, &["proofValue"], Some(ctx), variant)?),
        None => Ok(canonicalize_object(
            p,
            &["proofValue", "@context"],
            Some(&Value::Null),
            variant,
        )?),
    }
}

/// Both canonical forms.
pub fn canonical_forms(
    doc: &Value,
    proof: &Value,
    variant: ContextVariant,
) -> Result<Canonical, DataIntegrityError> {
    Ok(Canonical {
        proof_config: canonical_proof_config(doc, proof, variant)?,
        document: canonical_document(doc, variant)?,
    })
}
