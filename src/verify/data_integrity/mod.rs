//! Data Integrity proofs: eddsa-rdfc-2022 (and legacy eddsa-2022), Ed25519Signature2020,
//! eddsa-jcs-2022. STANDARDS §3.3.
//!
//! PLACEHOLDER: implemented by issue 3 (Data Integrity work).
