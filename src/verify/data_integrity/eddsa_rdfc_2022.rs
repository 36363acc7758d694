//! `eddsa-rdfc-2022` (and its legacy name `eddsa-2022`): RDFC-1.0 canonical N-Quads of the
//! document and of the proof configuration. STANDARDS §3.3;
//! <https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022>.
//!
//! Transformation: the document without `proof`, canonicalised with only bundled contexts.
//! Proof configuration: the proof without `proofValue`, with the document's `@context`.
//! The same transformation serves `Ed25519Signature2020` ([`super::ed25519_signature_2020`]).

use serde_json::Value;

use super::{Canonical, DataIntegrityError, proof_config, unsecured_document};
use crate::verify::jsonld::{ContextVariant, canonicalize};

/// Canonical N-Quads of the document without its proof.
pub fn canonical_document(doc: &Value, variant: ContextVariant) -> Result<String, DataIntegrityError> {
    let unsecured = Value::Object(unsecured_document(doc)?);
    Ok(canonicalize(&unsecured, variant)?)
}

/// Canonical N-Quads of the proof configuration of `proof` on `doc`.
pub fn canonical_proof_config(
    doc: &Value,
    proof: &Value,
    variant: ContextVariant,
) -> Result<String, DataIntegrityError> {
    let cfg = Value::Object(proof_config(doc, proof)?);
    Ok(canonicalize(&cfg, variant)?)
}

/// Both canonical forms.
pub fn canonical_forms(doc: &Value, proof: &Value, variant: ContextVariant) -> Result<Canonical, DataIntegrityError> {
    Ok(Canonical {
        proof_config: canonical_proof_config(doc, proof, variant)?,
        document: canonical_document(doc, variant)?,
    })
}
