//! What the app shows and the core has no business knowing: the verification report as one
//! plain sentence for a learner, safe decoding of `data:` image URIs for the app's image
//! protocol, and the sample badges offered on an empty wallet (from `samples/`).
//!
//! Pure (no Tauri), never prints and never panics on badge data: badge content is untrusted.
//! The verdict vocabulary is the core's ([`backpack_core::verify::Status`]): the app shows it as
//! its chip, keeping "invalid" apart from "could not check" and "issuer not confirmed".

use backpack_core::i18n::{Arg, Catalog};
use backpack_core::localize::Message;
use backpack_core::model::Badge;
use backpack_core::verify::report::{CheckId, Outcome, Report, Status, Verdict};
use base64::Engine as _;

pub use backpack_core::verify::evidence::human_date;

/// The verification report in one plain sentence for a learner, in the catalog's language
/// (`summary-…` messages), e.g. "Signed by Example University's key — checked offline on
/// 3 May 2026." A check's detail, quoted as the reason, is in the catalog's language too
/// (when the report keeps it as a message: [`backpack_core::verify::Check::detail_in`]).
pub fn plain_summary(report: &Report, badge: &Badge, cat: &Catalog) -> String {
    let the_issuer = cat.t("summary-the-issuer");
    let issuer = badge
        .issuer
        .name
        .as_deref()
        .or(badge.issuer.id.as_deref())
        .unwrap_or(&the_issuer);
    let online = report.fetches.iter().any(|f| !f.from_cache);
    let how = cat.t(if online {
        "summary-how-online"
    } else {
        "summary-how-offline"
    });
    let when = cat.date_utc(&report.checked_at);
    let first = |o: Outcome| report.checks.iter().find(|c| c.outcome == o);
    let say = |id: &str, why: Option<&str>| {
        let mut args = vec![
            ("issuer", Arg::Str(issuer.to_string())),
            ("how", Arg::Str(how.clone())),
            ("when", Arg::Str(when.clone())),
        ];
        if let Some(w) = why {
            args.push(("why", Arg::Str(w.to_string())));
        }
        cat.msg(id, &args)
    };
    match report.verdict {
        Verdict::Valid => {
            let signed = report
                .get(CheckId::Proof)
                .is_some_and(|c| c.outcome == Outcome::Pass);
            say(
                if signed {
                    "summary-signed"
                } else {
                    "summary-confirmed"
                },
                None,
            )
        }
        Verdict::Invalid => {
            if report.status == Status::Revoked {
                say("summary-revoked", None)
            } else if report.status == Status::Expired {
                say("summary-expired", None)
            } else {
                let why = first(Outcome::Fail)
                    .map(|c| c.detail_in(cat))
                    .unwrap_or_else(|| cat.t("summary-a-check-failed"));
                say("summary-failed", Some(&why))
            }
        }
        Verdict::Indeterminate if report.status == Status::IssuerNotConfirmed => {
            let why = match report.status_and_reason_message().1 {
                Message::Id(id, args) if id == "chk-issuer-not-confirmed" => args
                    .into_iter()
                    .find(|(k, _)| k == "why")
                    .map(|(_, why)| why.render(cat))
                    .unwrap_or_default(),
                _ => report
                    .reason
                    .strip_prefix(backpack_core::verify::report::ISSUER_NOT_CONFIRMED)
                    .unwrap_or(&report.reason)
                    .to_string(),
            };
            say("summary-not-confirmed", Some(&why))
        }
        Verdict::Indeterminate => {
            let why = first(Outcome::Error)
                .map(|c| c.detail_in(cat))
                .unwrap_or_else(|| cat.t("summary-something-unchecked"));
            say("summary-indeterminate", Some(&why))
        }
        Verdict::Error => {
            let why = report
                .checks
                .iter()
                .find(|c| c.outcome != Outcome::Pass)
                .map(|c| c.detail_in(cat))
                .unwrap_or_else(|| cat.t("summary-unreadable"));
            say("summary-error", Some(&why))
        }
    }
}

/// Image types the app shows. Anything else (HTML, scripts, unknown) is never served.
pub const IMAGE_MIMES: [&str; 5] = [
    "image/png",
    "image/svg+xml",
    "image/jpeg",
    "image/gif",
    "image/webp",
];

/// Largest decoded `data:` image served to the webview.
pub const MAX_DATA_IMAGE_BYTES: usize = backpack_core::limits::MAX_FILE_BYTES as usize;

/// Why a `data:` URI was not served.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DataUriError {
    /// Not a `data:` URI at all.
    #[error("not a data: uri")]
    NotData,
    /// The media type is not one of [`IMAGE_MIMES`].
    #[error("data: uri media type {0:?} is not an image type we show")]
    NotImage(String),
    /// The payload is not valid base64 / percent-encoding.
    #[error("data: uri payload does not decode: {0}")]
    BadPayload(String),
    /// Too large.
    #[error("data: image over the {MAX_DATA_IMAGE_BYTES}-byte limit")]
    TooLarge,
}

/// Decode a `data:` image URI into its media type and bytes (RFC 2397), refusing non-image
/// types and anything over [`MAX_DATA_IMAGE_BYTES`].
pub fn decode_data_image(uri: &str) -> Result<(String, Vec<u8>), DataUriError> {
    let rest = uri
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("data:"))
        .and_then(|_| uri.get(5..))
        .ok_or(DataUriError::NotData)?;
    let (meta, payload) = rest.split_once(',').ok_or(DataUriError::NotData)?;
    let mut fields = meta.split(';');
    let mime = fields.next().unwrap_or("").trim().to_ascii_lowercase();
    let is_b64 = fields.any(|f| f.trim().eq_ignore_ascii_case("base64"));
    if !IMAGE_MIMES.contains(&mime.as_str()) {
        return Err(DataUriError::NotImage(mime));
    }
    if payload.len() / 4 * 3 > MAX_DATA_IMAGE_BYTES {
        return Err(DataUriError::TooLarge);
    }
    let bytes = if is_b64 {
        let clean: String = payload
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        base64::engine::general_purpose::STANDARD
            .decode(clean.trim_end_matches('='))
            .or_else(|_| {
                base64::engine::general_purpose::STANDARD_NO_PAD.decode(clean.trim_end_matches('='))
            })
            .map_err(|e| DataUriError::BadPayload(e.to_string()))?
    } else {
        percent_decode(payload)?
    };
    Ok((mime, bytes))
}

fn percent_decode(s: &str) -> Result<Vec<u8>, DataUriError> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .ok_or_else(|| DataUriError::BadPayload("truncated %-escape".into()))?;
            let v = u8::from_str_radix(hex, 16)
                .map_err(|_| DataUriError::BadPayload(format!("bad %-escape %{hex}")))?;
            out.push(v);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// The sample badges offered on the empty wallet ("Try the sample badges"): a file name and
/// its bytes, the files of `samples/` (provenance and licences in `samples/README.md`), the
/// same ones `make run` imports into the demo wallet.
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "university-degree-ob3.json",
        include_bytes!("../../samples/university-degree-ob3.json"),
    ),
    (
        "teamwork-ob3.png",
        include_bytes!("../../samples/teamwork-ob3.png"),
    ),
    (
        "teamwork-ob3-jwt.svg",
        include_bytes!("../../samples/teamwork-ob3-jwt.svg"),
    ),
    (
        "robotics-ob2.png",
        include_bytes!("../../samples/robotics-ob2.png"),
    ),
    (
        "heart-ob1.png",
        include_bytes!("../../samples/heart-ob1.png"),
    ),
    (
        "sample-transcript-clr2.json",
        include_bytes!("../../samples/sample-transcript-clr2.json"),
    ),
    (
        "bachelors-revoked-ob3.json",
        include_bytes!("../../samples/bachelors-revoked-ob3.json"),
    ),
    (
        "teamwork-expired-ob3.json",
        include_bytes!("../../samples/teamwork-expired-ob3.json"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use backpack_core::model::Issuer;

    fn badge() -> Badge {
        Badge {
            name: "Solar Car Builder".into(),
            issuer: Issuer {
                name: Some("Example University".into()),
                ..Issuer::default()
            },
            ..Badge::default()
        }
    }

    fn report(checks: &[(CheckId, Outcome, &str)]) -> Report {
        let mut r = Report::new("2026-05-03T10:00:00Z".into());
        for (id, o, d) in checks {
            r.set(*id, *o, *d);
        }
        r
    }

    fn en() -> &'static Catalog {
        Catalog::get(backpack_core::i18n::Lang::En)
    }

    #[test]
    fn plain_sentence_in_spanish() {
        let r = report(&[
            (CheckId::Decode, Outcome::Pass, "json"),
            (CheckId::Parse, Outcome::Pass, "ob3"),
            (CheckId::Proof, Outcome::Pass, "eddsa-rdfc-2022"),
            (CheckId::IssuerKey, Outcome::Pass, "did:key issuer"),
        ]);
        let es = Catalog::get(backpack_core::i18n::Lang::Es);
        assert_eq!(
            plain_summary(&r, &badge(), es),
            "Firmada con la clave de Example University: comprobada sin conexión el 3 de mayo de 2026."
        );
    }

    #[test]
    fn plain_sentence_names_issuer_and_date() {
        let r = report(&[
            (CheckId::Decode, Outcome::Pass, "json"),
            (CheckId::Parse, Outcome::Pass, "ob3"),
            (CheckId::Proof, Outcome::Pass, "eddsa-rdfc-2022"),
            (CheckId::IssuerKey, Outcome::Pass, "did:key issuer"),
        ]);
        assert_eq!(
            plain_summary(&r, &badge(), en()),
            "Signed by Example University's key — checked offline on 3 May 2026."
        );
        let r = report(&[
            (CheckId::Decode, Outcome::Pass, "json"),
            (CheckId::Parse, Outcome::Pass, "ob3"),
            (CheckId::Proof, Outcome::Pass, "eddsa-rdfc-2022"),
            (CheckId::IssuerKey, Outcome::Error, "offline"),
        ]);
        assert_eq!(
            plain_summary(&r, &badge(), en()),
            "The signature is intact, but nothing Example University controls confirms the key is theirs (checked offline on 3 May 2026): offline."
        );
        let r = report(&[
            (CheckId::Decode, Outcome::Pass, "json"),
            (CheckId::Parse, Outcome::Pass, "ob3"),
            (
                CheckId::Status,
                Outcome::Error,
                "offline: status list not cached",
            ),
        ]);
        assert_eq!(
            plain_summary(&r, &badge(), en()),
            "Could not be fully checked offline on 3 May 2026: offline: status list not cached. Nothing failed."
        );
    }

    #[test]
    fn data_images_only() {
        let (m, b) = decode_data_image("data:image/png;base64,iVBORw0KGgo=").unwrap();
        assert_eq!(
            (m.as_str(), b.as_slice()),
            ("image/png", &b"\x89PNG\r\n\x1a\n"[..])
        );
        let (m, b) = decode_data_image("data:image/svg+xml,%3Csvg%2F%3E").unwrap();
        assert_eq!(
            (m.as_str(), b.as_slice()),
            ("image/svg+xml", &b"<svg/>"[..])
        );
        assert_eq!(
            decode_data_image("data:text/html,<script>alert(1)</script>"),
            Err(DataUriError::NotImage("text/html".into()))
        );
        assert_eq!(
            decode_data_image("javascript:alert(1)"),
            Err(DataUriError::NotData)
        );
        assert!(matches!(
            decode_data_image("data:image/png;base64,@@@"),
            Err(DataUriError::BadPayload(_))
        ));
        assert!(matches!(
            decode_data_image("data:image/png,%4"),
            Err(DataUriError::BadPayload(_))
        ));
    }

    #[test]
    fn the_samples_are_the_files_of_samples_dir() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "README.md")
            .collect();
        on_disk.sort();
        let mut offered: Vec<String> = SAMPLES.iter().map(|(n, _)| n.to_string()).collect();
        offered.sort();
        assert_eq!(offered, on_disk);
        for (name, bytes) in SAMPLES {
            assert_eq!(
                *bytes,
                std::fs::read(dir.join(name)).unwrap().as_slice(),
                "{name}"
            );
        }
    }

    #[test]
    fn human_dates() {
        assert_eq!(human_date("2026-05-03T10:00:00Z"), "3 May 2026");
        assert_eq!(human_date("2026-05-03"), "3 May 2026");
        assert_eq!(human_date("garbage"), "garbage");
    }
}
