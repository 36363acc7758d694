//! Re-checking a badge already in the wallet: verify its original again (offline the wallet's
//! cached documents answer, with their dates), keep the report with the evidence it used, and
//! — when the credential offers an issuer refresh service and the learner allowed network —
//! fetch a fresh copy once.
//!
//! Refresh (`refreshService` of type `1EdTechCredentialRefresh`,
//! <https://www.imsglobal.org/spec/ob/v3p0/#refresh>, VCCR 1.0): after the proof check, GET
//! the service URL once; the answer must be the same credential (same issuer id and id), is
//! verified like any import, and becomes the current version only when it verifies with a key
//! bound to the same issuer and is newer — the older one stays as history. On any failure the
//! original stays current. The CLI's `recheck` and the app's "Check again" both call
//! [`recheck`], so they cannot disagree.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::localize::{Localize, msg};
use crate::store::{Checked, ImportOutcome, StoreError, Wallet};
use crate::verify::{Report, VerifyContext};

/// The refresh service type Backpack follows.
pub const REFRESH_TYPE: &str = "1EdTechCredentialRefresh";

/// What the refresh step did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "refresh", content = "detail", rename_all = "snake_case")]
pub enum Refresh {
    /// The credential offers no refresh service.
    NotOffered,
    /// It offers one, but the network is not allowed (or the service could not be reached):
    /// the original stays current.
    NotFetched(String),
    /// The service answered with the same version (or an older one).
    Unchanged(String),
    /// A newer version, signed with the issuer's key, is now the current badge.
    Replaced {
        /// The new current badge.
        new_id: i64,
    },
    /// The answer was not usable (not the same credential, not signed with the issuer's
    /// key, not a badge): the original stays current.
    Refused(String),
}

/// One re-check.
#[derive(Debug, Clone, Serialize)]
pub struct Rechecked {
    /// The badge re-checked.
    pub id: i64,
    /// Its new report (saved).
    pub report: Report,
    /// What the refresh step did.
    pub refresh: Refresh,
}

/// The refresh service URL of a credential, when it offers a `1EdTechCredentialRefresh`.
pub fn refresh_url(doc: &Value) -> Option<String> {
    let services: Vec<&Value> = match doc.get("refreshService") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        _ => return None,
    };
    services.into_iter().find_map(|s| {
        let is_type = match s.get("type") {
            Some(Value::String(t)) => t == REFRESH_TYPE,
            Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(REFRESH_TYPE)),
            _ => false,
        };
        let id = s.get("id").and_then(Value::as_str)?;
        (is_type && (id.starts_with("https://") || id.starts_with("http://")))
            .then(|| id.to_owned())
    })
}

/// Re-check badge `id`: verify, save the report, then refresh once when offered.
pub fn recheck(wallet: &Wallet, id: i64, ctx: &VerifyContext<'_>) -> Result<Rechecked, StoreError> {
    let original = wallet.original(id)?;
    let (report, url) = check(&original, ctx);
    wallet.save_report(id, &report)?;
    Ok(finish(wallet, id, report, url, ctx))
}

/// Badges verified together between two commits in [`recheck_many`].
pub const RECHECK_CHUNK: usize = 256;

/// [`recheck`] for many badges (`recheck --all`, the app's "check all again"), with the same
/// result for each: the originals are verified on every core (rayon) while this thread saves
/// the previous group's reports in one transaction and runs the refresh step, in order, for
/// the badges that offer one. `emit` is called once per id, in `ids` order.
pub fn recheck_many(
    wallet: &Wallet,
    ids: &[i64],
    ctx: &VerifyContext<'_>,
    emit: &mut dyn FnMut(i64, Result<Rechecked, StoreError>),
) {
    type Checked = (i64, Result<(Report, Option<String>), StoreError>);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Checked>>(1);
        scope.spawn(move || {
            for chunk in ids.chunks(RECHECK_CHUNK) {
                let originals: Vec<(i64, Result<Vec<u8>, StoreError>)> =
                    chunk.iter().map(|&id| (id, wallet.original(id))).collect();
                let checked: Vec<Checked> = originals
                    .into_par_iter()
                    .map(|(id, original)| (id, original.map(|bytes| check(&bytes, ctx))))
                    .collect();
                if tx.send(checked).is_err() {
                    break;
                }
            }
        });
        for chunk in rx {
            let to_save: Vec<(i64, &Report)> = chunk
                .iter()
                .filter_map(|(id, c)| c.as_ref().ok().map(|(r, _)| (*id, r)))
                .collect();
            let mut saved = match wallet.save_reports(&to_save) {
                Ok(s) => s.into_iter(),
                Err(e) => {
                    let why = e.message();
                    to_save
                        .iter()
                        .map(|_| {
                            // StoreError is not Clone: the one failure, said once per badge.
                            Err(StoreError::Invalid(msg!(
                                "err-store-report-not-saved",
                                why = why.clone()
                            )))
                        })
                        .collect::<Vec<_>>()
                        .into_iter()
                }
            };
            for (id, c) in chunk {
                let done = c.and_then(|(report, url)| {
                    saved
                        .next()
                        .unwrap_or_else(|| Err(StoreError::NoSuchBadge(id)))?;
                    Ok(finish(wallet, id, report, url, ctx))
                });
                emit(id, done);
            }
        }
    });
}

/// Verify an original and find its refresh service, with one decode and parse for both.
/// The report is exactly [`crate::verify::verify_bytes`]'s.
fn check(original: &[u8], ctx: &VerifyContext<'_>) -> (Report, Option<String>) {
    if let Ok(decoded) = crate::decode::decode(original)
        && let Ok(parsed) = crate::parse::parse(&decoded)
    {
        let report = crate::verify::verify_decoded(&decoded, &parsed, ctx);
        return (report, refresh_url(&parsed.document));
    }
    (crate::verify::verify_bytes(original, ctx), None)
}

/// After the report is saved: refresh once when the credential offers it.
fn finish(
    wallet: &Wallet,
    id: i64,
    report: Report,
    url: Option<String>,
    ctx: &VerifyContext<'_>,
) -> Rechecked {
    let refresh = match url {
        None => Refresh::NotOffered,
        Some(url) => refresh(wallet, id, &url, ctx),
    };
    Rechecked {
        id,
        report,
        refresh,
    }
}

fn refresh(wallet: &Wallet, id: i64, url: &str, ctx: &VerifyContext<'_>) -> Refresh {
    let req = crate::env::FetchRequest {
        url: url.to_owned(),
        accept: "application/vc+ld+json, application/ld+json, application/json, application/jwt, text/plain, image/png, image/svg+xml".into(),
    };
    let resp = match ctx.fetcher.fetch(&req) {
        Ok(r) if (200..300).contains(&r.status) => r,
        Ok(r) => {
            return Refresh::NotFetched(format!(
                "the refresh service {url} answered http {}",
                r.status
            ));
        }
        Err(e) => return Refresh::NotFetched(format!("the refresh service was not asked: {e}")),
    };
    let decoded = match crate::decode::decode(&resp.body) {
        Ok(d) => d,
        Err(e) => {
            return Refresh::Refused(format!("the refresh service's answer is not a badge: {e}"));
        }
    };
    let parsed = match crate::parse::parse(&decoded) {
        Ok(p) => p,
        Err(e) => {
            return Refresh::Refused(format!("the refresh service's answer is not a badge: {e}"));
        }
    };
    // The same credential: same issuer id and credential id as the one in the wallet.
    let current = match wallet.get_badge(id) {
        Ok(b) => b,
        Err(e) => return Refresh::Refused(e.to_string()),
    };
    let same = match &parsed.dedupe {
        crate::parse::DedupeKey::Credential {
            issuer_id, id: cid, ..
        } => {
            current.credential_id.as_deref() == Some(cid.as_str())
                && current.badge.issuer.id.as_deref() == Some(issuer_id.as_str())
        }
        _ => false,
    };
    if !same {
        return Refresh::Refused(
            "the refresh service answered with a different credential (another issuer or id)"
                .into(),
        );
    }
    let report = crate::verify::verify_decoded(&decoded, &parsed, ctx);
    let inner: Vec<Report> = parsed
        .embedded
        .iter()
        .map(|c| crate::verify::verify_parsed(c, ctx))
        .collect();
    let checked = Checked {
        report: &report,
        embedded: &inner,
    };
    match wallet.import_checked(&parsed, &resp.body, decoded.container, url, checked) {
        Ok(ImportOutcome::Imported {
            id: new_id,
            replaced: Some(_),
            ..
        }) => Refresh::Replaced { new_id },
        Ok(ImportOutcome::Imported { .. }) => {
            Refresh::Unchanged("the refreshed copy was stored beside the current one".into())
        }
        Ok(ImportOutcome::Duplicate { .. }) => {
            Refresh::Unchanged("the issuer's refresh service has nothing newer".into())
        }
        Ok(ImportOutcome::History { .. }) => Refresh::Unchanged(
            "the issuer's refresh service answered with an older version (kept as history)".into(),
        ),
        Ok(ImportOutcome::Conflict { .. }) => Refresh::Refused(format!(
            "the refreshed copy is not signed with the issuer's key ({}): kept aside",
            report.reason
        )),
        Err(e) => Refresh::Refused(e.to_string()),
    }
}
