//! The JSON-LD document loader: only the bundled contexts, never the network.
//!
//! JSON-LD 1.1 processing loads every context a document names through a document loader
//! (<https://www.w3.org/TR/json-ld11-api/#loaddocumentcallback>). Ours answers from the
//! byte-exact copies in `contexts/` (pinned SHA-256s, `contexts/README.md`) and refuses every
//! other URL, so verification never fetches a context. Some URLs served two contents over
//! time: [`ContextVariant`] picks which one (the Open Badges 3.0 context history,
//! <https://www.imsglobal.org/spec/ob/v3p0/#context-files>).

use std::sync::{Arc, OnceLock};

use oxjsonld::JsonLdContextCache;
use serde_json::Value;

use super::safe_mode::{TRAP_CONTEXT, TRAP_CONTEXT_URL};

/// Processed contexts kept for the life of the process, one cache per [`ContextVariant`]
/// (a URL must always load the same content within one cache). Bounded by the patched
/// oxjsonld (`vendor/oxjsonld/PATCH.md`); only contexts reached through bundled URLs and
/// their scoped contexts are stored, never a document's inline contexts.
pub(super) fn context_cache(variant: ContextVariant) -> Arc<JsonLdContextCache> {
    static CACHES: OnceLock<[Arc<JsonLdContextCache>; 2]> = OnceLock::new();
    let caches = CACHES.get_or_init(|| {
        [
            Arc::new(JsonLdContextCache::new(1024)),
            Arc::new(JsonLdContextCache::new(1024)),
        ]
    });
    match variant {
        ContextVariant::Default => Arc::clone(&caches[0]),
        ContextVariant::Alternate => Arc::clone(&caches[1]),
    }
}

/// One bundled JSON-LD context.
#[derive(Debug, Clone, Copy)]
pub struct BundledContext {
    /// The URL a document names in `@context`.
    pub url: &'static str,
    /// The file in `contexts/`.
    pub file: &'static str,
    /// Which variant of the URL's content this is.
    pub variant: ContextVariant,
    /// The pinned SHA-256 (hex) of the file.
    pub sha256: &'static str,
    /// The bytes, exactly as published.
    pub bytes: &'static [u8],
}

/// Which historical content to serve for a URL whose content changed after publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ContextVariant {
    /// The published content: spec-repo 3.0.3, final 3.0.0 `context.json`, spec-repo OB v2.
    #[default]
    Default,
    /// The other content seen under the same URL: 1EdTech validator-bundled 3.0.3 (adds
    /// `endorsementJwt`, `jti`), pre-2022-11-07 beta `context.json`, validator OB v2.
    Alternate,
}

impl ContextVariant {
    /// True when `doc` names a context URL whose [`ContextVariant::Alternate`] content
    /// differs from the default, so trying the alternate can change the canonical form.
    pub fn applies_to(doc: &Value) -> bool {
        let mut urls = Vec::new();
        collect_context_urls(doc, &mut urls, 0);
        urls.iter().any(|u| {
            BUNDLED
                .iter()
                .any(|c| c.url == u.as_str() && c.variant == ContextVariant::Alternate)
        })
    }
}

macro_rules! ctx {
    ($url:expr, $file:literal, $variant:ident, $sha:literal) => {
        BundledContext {
            url: $url,
            file: $file,
            variant: ContextVariant::$variant,
            sha256: $sha,
            bytes: include_bytes!(concat!("../../../contexts/", $file)),
        }
    };
}

/// OB 3.0.3 context URL (two different contents exist, real-world quirks (tests/fixtures/README.md)).
pub const OB_V3P0_CONTEXT_3_0_3: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// OB 3.0.0 context URL (the beta content was once served here).
pub const OB_V3P0_CONTEXT_3_0_0: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context.json";

/// Every bundled context (JSON-LD 1.1 <https://www.w3.org/TR/json-ld11/> with bundled contexts). `url` may repeat with another [`ContextVariant`];
/// aliases (CLR `context.json`, `openbadgespec.org`) map to the same file.
pub const BUNDLED: &[BundledContext] = &[
    ctx!(
        "https://www.w3.org/ns/credentials/v2",
        "www.w3.org_ns_credentials_v2.jsonld",
        Default,
        "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"
    ),
    ctx!(
        "https://www.w3.org/2018/credentials/v1",
        "www.w3.org_2018_credentials_v1.jsonld",
        Default,
        "3d0b277522ed24385c850b9882b9688687189b8f37a9bd9f1577e348b1019c44"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_3,
        "purl_ob_v3p0_context-3.0.3.json__spec-repo.json",
        Default,
        "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_3,
        "purl_ob_v3p0_context-3.0.3.json__validator-bundled.json",
        Alternate,
        "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "purl_ob_v3p0_context-3.0.2.json",
        Default,
        "bba433989e1e700ca60838a3c22378e7d8381aeb0c9590f9ddf84d1714f10296"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "purl_ob_v3p0_context-3.0.1.json",
        Default,
        "cfc147db5fd5e3575b06bd471fe04784e92de69296f64a351b8dff0ec3372e9c"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_0,
        "purl_ob_v3p0_context.json__3.0.0.json",
        Default,
        "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10"
    ),
    ctx!(
        OB_V3P0_CONTEXT_3_0_0,
        "ob_v3p0_BETA_pre-2022-11-07__dcc-npm.json",
        Alternate,
        "5afdfb3d5ddb92417d2b48f0ab2f89d16d1b03696c2f3fa2e67184819e103326"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        "purl_ob_v3p0_extensions.json",
        Default,
        "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        "purl_clr_v2p0_context-2.0.1.json",
        Default,
        "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"
    ),
    ctx!(
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        "purl_clr_v2p0_context-2.0.1.json",
        Default,
        "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"
    ),
    ctx!(
        "https://w3id.org/security/data-integrity/v1",
        "w3id_security_data-integrity_v1.jsonld",
        Default,
        "c6e5073f4bd4bf6d08f245736e6f32c29b012860b18583644b2d71e1de862669"
    ),
    ctx!(
        "https://w3id.org/security/data-integrity/v2",
        "w3id_security_data-integrity_v2.jsonld",
        Default,
        "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"
    ),
    ctx!(
        "https://w3id.org/security/multikey/v1",
        "w3id_security_multikey_v1.jsonld",
        Default,
        "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"
    ),
    ctx!(
        "https://w3id.org/security/suites/ed25519-2020/v1",
        "w3id_security_suites_ed25519-2020_v1.jsonld",
        Default,
        "67646fbc0d6582ad7fbf08ccf0d3a4bedbb4177fd2d63385de52dc1b092ed6c5"
    ),
    ctx!(
        "https://w3id.org/vc/status-list/2021/v1",
        "w3id_vc_status-list_2021_v1.jsonld",
        Default,
        "634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160"
    ),
    ctx!(
        "https://www.w3.org/ns/credentials/status/v1",
        "www.w3.org_ns_credentials_status_v1__bitstring.jsonld",
        Default,
        "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c"
    ),
    ctx!(
        "https://www.w3.org/ns/credentials/examples/v2",
        "www.w3.org_ns_credentials_examples_v2.jsonld",
        Default,
        "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"
    ),
    ctx!(
        "https://www.w3.org/ns/did/v1",
        "www.w3.org_ns_did_v1.jsonld",
        Default,
        "adefa50311393eb1bd788a38ac9fe2696c65367928f6996812cd54577394f4da"
    ),
    ctx!(
        "https://w3id.org/openbadges/v2",
        "w3id_openbadges_v2__spec-repo.json",
        Default,
        "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d"
    ),
    ctx!(
        "https://w3id.org/openbadges/v2",
        "w3id_openbadges_v2__validator-bundled.json",
        Alternate,
        "393a890d7d95eb3a86f5f12309648a64c2d0676e5270e2967b5341a2dcea13d2"
    ),
    ctx!(
        "https://openbadgespec.org/v2/context.json",
        "w3id_openbadges_v2__spec-repo.json",
        Default,
        "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d"
    ),
    ctx!(
        "https://w3id.org/openbadges/v1",
        "w3id_openbadges_v1__spec-repo.json",
        Default,
        "406ec07d0e758a41e84bac6361d29e391188492eb25f7efc51bfa19d8b2db810"
    ),
];

/// The bundled bytes for `url` under `variant` (falling back to the default content when
/// the URL has no alternate). `None`: not bundled.
pub fn bundled_context(url: &str, variant: ContextVariant) -> Option<&'static [u8]> {
    let mut fallback = None;
    for c in BUNDLED {
        if c.url == url {
            if c.variant == variant {
                return Some(c.bytes);
            }
            if c.variant == ContextVariant::Default {
                fallback = Some(c.bytes);
            }
        }
    }
    fallback
}

fn collect_context_urls(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > crate::limits::MAX_JSON_DEPTH {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "@context" {
                    collect_urls_in_context(child, out);
                }
                collect_context_urls(child, out, depth + 1);
            }
        }
        Value::Array(a) => {
            for child in a {
                collect_context_urls(child, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn collect_urls_in_context(ctx: &Value, out: &mut Vec<String>) {
    match ctx {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => {
            for c in a {
                if let Value::String(s) = c {
                    out.push(s.clone());
                }
            }
        }
        _ => {}
    }
}

pub(super) fn lookup(url: &str, variant: ContextVariant) -> Option<&'static [u8]> {
    if url == TRAP_CONTEXT_URL {
        return Some(TRAP_CONTEXT);
    }
    bundled_context(url, variant)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn bundled_hashes_match_pins() {
        for c in BUNDLED {
            let got = Sha256::digest(c.bytes)
                .iter()
                .fold(String::new(), |mut s, b| {
                    let _ = write!(s, "{b:02x}");
                    s
                });
            assert_eq!(got, c.sha256, "{} ({})", c.url, c.file);
        }
    }

    #[test]
    fn variant_lookup() {
        let a = bundled_context(OB_V3P0_CONTEXT_3_0_3, ContextVariant::Default).unwrap();
        let b = bundled_context(OB_V3P0_CONTEXT_3_0_3, ContextVariant::Alternate).unwrap();
        assert_ne!(a, b);
        // no alternate: falls back to the default content
        let v2 = bundled_context(
            "https://www.w3.org/ns/credentials/v2",
            ContextVariant::Alternate,
        );
        assert_eq!(
            v2,
            bundled_context(
                "https://www.w3.org/ns/credentials/v2",
                ContextVariant::Default
            )
        );
        assert!(bundled_context("https://example.org/ctx", ContextVariant::Default).is_none());
    }
}
