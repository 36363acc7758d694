//! `Ed25519Signature2020` (legacy suite, still found on early OB 3.0 pilots and DCC
//! credentials). VC Data Integrity <https://www.w3.org/TR/vc-data-integrity/>, EdDSA cryptosuites <https://www.w3.org/TR/vc-di-eddsa/>, real-world quirks (tests/fixtures/README.md); <https://www.w3.org/TR/vc-di-eddsa/#ed25519signature2020-0>
//! and <https://w3c-ccg.github.io/lds-ed25519-2020/>.
//!
//! The proof has `type` `Ed25519Signature2020` and no `cryptosuite`; the document must carry
//! the `https://w3id.org/security/suites/ed25519-2020/v1` context (or the proof terms are
//! undefined, which fails). The transformation and hashing are those of `eddsa-rdfc-2022`
//! (URDNA2015 = RDFC-1.0), so this module reuses [`super::eddsa_rdfc_2022`].

use serde_json::Value;

use super::{Canonical, DataIntegrityError};
use crate::verify::jsonld::ContextVariant;

/// The ed25519-2020 suite context URL.
pub const CONTEXT: &str = "https://w3id.org/security/suites/ed25519-2020/v1";

/// Both canonical forms (same algorithm as `eddsa-rdfc-2022`).
pub fn canonical_forms(
    doc: &Value,
    proof: &Value,
    variant: ContextVariant,
) -> Result<Canonical, DataIntegrityError> {
    super::eddsa_rdfc_2022::canonical_forms(doc, proof, variant)
}
