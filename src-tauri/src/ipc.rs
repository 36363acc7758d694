//! One vocabulary across the IPC boundary (issue 9).
//!
//! - **camelCase everywhere.** The app's own types say `#[serde(rename_all = "camelCase")]`;
//!   core types the app passes through unchanged (a [`backpack_core::model::Badge`], a
//!   [`backpack_core::verify::Report`], a shared-portfolio report, the skills view) keep the
//!   core's snake_case for the CLI's JSON and the exports, and are renamed here on the way out
//!   ([`camel`], [`Camel`]). Only field names are renamed: values (status ids such as
//!   `issuer_not_confirmed`, check ids, the learner's text) are never touched, and none of
//!   these core types holds free-form JSON whose keys are data.
//! - **Generated types.** Every app type that crosses IPC derives [`ts_rs::TS`]; the test
//!   `generated_types_are_checked_in` writes their TypeScript declarations, plus the core's
//!   status and check-id vocabularies (from `Status::ALL` / `CheckId::ALL`), to
//!   `ui/js/types/ipc.d.ts` and fails when the checked-in file differs (regenerate with
//!   `UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'`). The UI
//!   imports them in JSDoc (`@typedef {import("./types/ipc").BadgeCard}`), so a renamed field
//!   shows up as a diff in review instead of a silent `undefined` in the webview.

use serde::{Serialize, Serializer};
use serde_json::Value;

/// `snake_case` → `camelCase` (`valid_from` → `validFrom`; a key without `_` is unchanged).
pub fn camel_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Rename every object key in `v` to camelCase, recursively.
pub fn camel_value(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (camel_key(&k), camel_value(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(camel_value).collect()),
        v => v,
    }
}

/// `#[serde(serialize_with = "crate::ipc::camel")]`: a core value with camelCase field names.
pub fn camel<T: Serialize, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    let value = serde_json::to_value(v).map_err(serde::ser::Error::custom)?;
    camel_value(value).serialize(s)
}

/// A command result that is a core type: sent with camelCase field names.
#[derive(Debug, Clone)]
pub struct Camel<T>(pub T);

impl<T: Serialize> Serialize for Camel<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        camel(&self.0, s)
    }
}

#[cfg(test)]
pub(crate) mod generate {
    //! The generated `ui/js/types/ipc.d.ts`.
    use ts_rs::{Config, TS};

    fn decl<T: TS>(cfg: &Config) -> String {
        let doc = T::docs()
            .map(|d| format!("{}\n", d.trim_end()))
            .unwrap_or_default();
        format!("{doc}export {}\n", T::decl(cfg))
    }

    /// The union of the serde ids of `values`.
    fn union<T: serde::Serialize>(name: &str, doc: &str, values: &[T]) -> String {
        let ids: Vec<String> = values
            .iter()
            .map(|v| serde_json::to_string(v).unwrap_or_default())
            .collect();
        format!("/** {doc} */\nexport type {name} = {};\n", ids.join(" | "))
    }

    /// The whole file.
    pub fn ipc_d_ts() -> String {
        use crate::commands::{adapter::*, import::Progress, skills::LinkedInDto, trust::*};
        use backpack_core::verify::{CheckId, Status};
        let cfg = Config::new().with_large_int("number");
        let mut out = String::from(
            "// GENERATED from the Rust types that cross IPC (src-tauri/src/ipc.rs): do not edit.\n\
             // Regenerate: UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'\n\n",
        );
        out += &union(
            "Status",
            "A badge's status: backpack_core::verify::Status (labels: status-<id> in ui/locales).",
            &Status::ALL,
        );
        out += &union(
            "CheckId",
            "A verification check: backpack_core::verify::CheckId (labels: check-<id> in ui/locales).",
            &CheckId::ALL,
        );
        out += "/** Core types passed through with camelCase field names (src-tauri/src/ipc.rs); \
                their fields are not generated yet (that needs ts-rs in backpack-core). */\n\
                export type Badge = Record<string, unknown>;\n\
                export type Report = { status: Status, checks: { id: CheckId, outcome: string, detail: string }[], [field: string]: unknown };\n\
                export type ShareReport = Record<string, unknown>;\n\
                export type SkillsView = Record<string, unknown>;\n\
                export type Format = string;\n\n";
        for d in [
            decl::<BadgeCard>(&cfg),
            decl::<GalleryQuery>(&cfg),
            decl::<TrustMark>(&cfg),
            decl::<BadgeDetail>(&cfg),
            decl::<EarlierCheck>(&cfg),
            decl::<EndorsementView>(&cfg),
            decl::<ImportLine>(&cfg),
            decl::<ImportResults>(&cfg),
            decl::<OutcomeCounts>(&cfg),
            decl::<CollectionDto>(&cfg),
            decl::<Profile>(&cfg),
            decl::<SettingsDto>(&cfg),
            decl::<WalletStatus>(&cfg),
            decl::<PrivacyArgs>(&cfg),
            decl::<ExportSummary>(&cfg),
            decl::<Progress>(&cfg),
            decl::<TrustListDto>(&cfg),
            decl::<TrustImportDto>(&cfg),
            decl::<LinkedInDto>(&cfg),
            decl::<crate::files::FileHandle>(&cfg),
            decl::<crate::files::PickKind>(&cfg),
            decl::<crate::open::OpenedFiles>(&cfg),
            decl::<crate::error::CommandError>(&cfg),
        ] {
            out += &d;
            out += "\n";
        }
        out.trim_end().to_string() + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_become_camel_case_values_stay() {
        assert_eq!(camel_key("valid_from"), "validFrom");
        assert_eq!(camel_key("target_url"), "targetUrl");
        assert_eq!(camel_key("name"), "name");
        assert_eq!(camel_key("_private"), "_private");
        let v = camel_value(json!({"spec_version": "3.0", "checks": [{"key_id": "issuer_key"}]}));
        assert_eq!(
            v,
            json!({"specVersion": "3.0", "checks": [{"keyId": "issuer_key"}]})
        );
    }

    /// The checked-in `ui/js/types/ipc.d.ts` is exactly what the Rust types generate: a field
    /// renamed in Rust without regenerating (and so without the UI seeing it) fails here.
    #[test]
    fn generated_types_are_checked_in() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/js/types/ipc.d.ts");
        let now = generate::ipc_d_ts();
        if std::env::var_os("UPDATE_IPC_TYPES").is_some() {
            std::fs::write(path, &now).unwrap();
        }
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == now,
            "ui/js/types/ipc.d.ts is stale: regenerate it with UPDATE_IPC_TYPES=1 \
             cargo nextest run -p backpack-app -E 'test(generated_types)'"
        );
    }

    /// Every status and every check id the core can produce has a label in both catalogs, so
    /// the UI never shows a raw id.
    #[test]
    fn every_status_and_check_id_has_a_label_in_english_and_spanish() {
        use backpack_core::verify::{CheckId, Status};
        let catalogs = [
            ("en", include_str!("../../ui/locales/en.js")),
            ("es", include_str!("../../ui/locales/es.js")),
        ];
        let mut missing = Vec::new();
        for (lang, text) in catalogs {
            let has = |id: String| {
                text.lines()
                    .any(|l| l.trim_start().starts_with(&format!("{id} =")))
            };
            for s in Status::ALL {
                for id in [
                    format!("status-{}", s.as_str()),
                    format!("status-help-{}", s.as_str()),
                ] {
                    if !has(id.clone()) {
                        missing.push(format!("{lang}: {id}"));
                    }
                }
            }
            for c in CheckId::ALL {
                let id = format!("check-{}", c.as_str());
                if !has(id.clone()) {
                    missing.push(format!("{lang}: {id}"));
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }
}
