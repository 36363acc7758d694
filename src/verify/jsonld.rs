//! Offline JSON-LD: bundled contexts (STANDARDS §4) and RDFC-1.0 canonicalisation.
//!
//! PLACEHOLDER: implemented by issue 3 (Data Integrity work).
