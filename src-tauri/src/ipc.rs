//! One vocabulary across the IPC boundary (issue 9).
//!
//! - **camelCase everywhere.** The app's own types say `#[serde(rename_all = "camelCase")]`;
//!   core types the app passes through unchanged (a [`backpack_core::model::Badge`], a
//!   [`backpack_core::verify::Report`], a shared-portfolio report, the skills view) keep the
//!   core's snake_case for the CLI's JSON and the exports, and are renamed here on the way out
//!   ([`camel`], [`Camel`]). Only field names are renamed: values (status ids such as
//!   `issuer_not_confirmed`, check ids, the learner's text) are never touched, and none of
//!   these core types holds free-form JSON whose keys are data.
//! - **Generated types.** Every type that crosses IPC derives [`ts_rs::TS`]: the app's own
//!   types here, the core's with its `ts` feature (declared as they cross: camelCase field
//!   names). The test `generated_types_are_checked_in` walks from what the commands return and
//!   the events carry to every type those name, writes their TypeScript declarations to
//!   `ui/js/types/ipc.d.ts` and fails when the checked-in file differs (regenerate with
//!   `UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'`). The UI's
//!   `api.js` returns them in JSDoc (`Promise<import("./types/ipc").BadgeDetail>`) and `make
//!   lint` type-checks the views against them with `tsc`, so a renamed field fails the build
//!   instead of showing as a silent `undefined` in the webview.

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
    //! The generated `ui/js/types/ipc.d.ts`: every type a command returns or an event carries,
    //! and every type those name, found by walking ts-rs's dependencies (so a field of a new
    //! type is declared without anyone listing it here).
    use std::any::TypeId;
    use std::collections::HashSet;

    use ts_rs::{Config, TS, TypeVisitor};

    /// The config every declaration is written with: 64-bit integers are plain `number` (wallet
    /// ids and counts are far below 2^53, and JSON.parse gives numbers).
    pub fn config() -> Config {
        Config::new().with_large_int("number")
    }

    /// Collects the declaration of each visited type, then of the types it names, once each.
    struct Collect<'a> {
        cfg: &'a Config,
        seen: HashSet<TypeId>,
        names: HashSet<String>,
        /// (name, declaration).
        out: Vec<(String, String)>,
    }

    impl TypeVisitor for Collect<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            // Primitives, Option, Vec… have no output path: they are written inline.
            if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
                return;
            }
            let name = T::ident(self.cfg);
            assert!(
                self.names.insert(name.clone()),
                "two Rust types are both called {name} in TypeScript: rename one with #[ts(rename)]"
            );
            let doc = T::docs()
                .map(|d| format!("{}\n", d.trim_end()))
                .unwrap_or_default();
            let decl = format!("{doc}export {}\n", T::decl(self.cfg));
            self.out.push((name, decl));
            T::visit_dependencies(self);
        }
    }

    /// The whole file.
    pub fn ipc_d_ts() -> String {
        use crate::commands::{
            adapter::*, hosts::*, import::Progress, skills::LinkedInDto, trust::*,
        };
        use backpack_core::{share::ShareReport, skills::SkillsView};
        let cfg = config();
        let mut c = Collect {
            cfg: &cfg,
            seen: HashSet::new(),
            names: HashSet::new(),
            out: Vec::new(),
        };
        // What the commands return and the events carry (core types through `Camel`).
        c.visit::<BadgeCard>();
        c.visit::<BadgeDetail>();
        c.visit::<GalleryQuery>();
        c.visit::<GalleryPage>();
        c.visit::<ImportResults>();
        c.visit::<CollectionDto>();
        c.visit::<Profile>();
        c.visit::<SettingsDto>();
        c.visit::<WalletStatus>();
        c.visit::<PrivacyArgs>();
        c.visit::<ExportSummary>();
        c.visit::<Progress>();
        c.visit::<TrustListDto>();
        c.visit::<TrustImportDto>();
        c.visit::<LinkedInDto>();
        c.visit::<HostDto>();
        c.visit::<ConnectDto>();
        c.visit::<SyncDto>();
        c.visit::<HostSignin>();
        c.visit::<ShareReport>();
        c.visit::<SkillsView>();
        c.visit::<crate::files::FileHandle>();
        c.visit::<crate::files::PickKind>();
        c.visit::<crate::open::OpenedFiles>();
        c.visit::<crate::error::CommandError>();
        let mut out = String::from(
            "// GENERATED from the Rust types that cross IPC (src-tauri/src/ipc.rs): do not edit.\n\
             // Regenerate: UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'\n\
             // Core types (backpack_core, feature `ts`) are declared as they cross: camelCase field names.\n\n",
        );
        // By name: ts-rs visits a type's dependencies in no stable order.
        c.out.sort();
        for (_, d) in c.out {
            out += &d;
            out += "\n";
        }
        out.trim_end().to_string() + "\n"
    }

    /// The string values a unit-variant enum serialises to, read from its generated union (so
    /// a variant added in Rust is here without anyone listing it).
    pub fn variants<T: TS>() -> Vec<String> {
        let inline = T::inline(&config());
        inline
            .split(" | ")
            .map(|v| {
                v.strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .unwrap_or_else(|| {
                        panic!(
                            "{} is not a union of strings: {inline}",
                            T::ident(&config())
                        )
                    })
                    .to_string()
            })
            .collect()
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

    /// Every status, check id, check outcome, endorsement scope and import outcome the app can
    /// send has a label in both catalogs, so the UI never shows a raw id. The ids come from the
    /// generated unions (the enums themselves), so a variant added in Rust without a label
    /// fails here.
    #[test]
    fn every_status_and_check_id_has_a_label_in_english_and_spanish() {
        use backpack_core::endorsement::Scope;
        use backpack_core::verify::{CheckId, Outcome, Status};
        use generate::variants;
        let catalogs = [
            ("en", include_str!("../../ui/locales/en.js")),
            ("es", include_str!("../../ui/locales/es.js")),
        ];
        let statuses = variants::<Status>();
        assert_eq!(
            statuses,
            Status::ALL.map(|s| s.as_str().to_string()),
            "Status::ALL lists every status, in the app's order"
        );
        assert_eq!(
            variants::<CheckId>(),
            CheckId::ALL.map(|c| c.as_str().to_string())
        );
        let mut ids = Vec::new();
        for s in &statuses {
            ids.push(format!("status-{s}"));
            ids.push(format!("status-help-{s}"));
        }
        ids.extend(variants::<CheckId>().iter().map(|c| format!("check-{c}")));
        ids.extend(variants::<Outcome>().iter().map(|o| format!("outcome-{o}")));
        ids.extend(variants::<Scope>().iter().map(|s| format!("scope-{s}")));
        ids.extend(
            variants::<crate::commands::adapter::ImportOutcome>()
                .iter()
                .map(|o| format!("import-outcome-{o}")),
        );
        ids.extend(
            variants::<crate::commands::adapter::KeyStore>()
                .iter()
                .filter(|k| *k != "other")
                .map(|k| format!("key-where-{k}")),
        );
        assert!(ids.len() > 30, "{ids:?}");
        let mut missing = Vec::new();
        for (lang, text) in catalogs {
            for id in &ids {
                if !text
                    .lines()
                    .any(|l| l.trim_start().starts_with(&format!("{id} =")))
                {
                    missing.push(format!("{lang}: {id}"));
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }
}
