//! Mozilla Backpack export ZIPs (the 2019 shutdown export).
//!
//! The producer was never published; the layout is known from Badgr's importer (badgr-ui
//! `src/app/mozz-transition/components/import-modal/import-modal.component.ts`): a root
//! `manifest.txt` holding **JSON** `{"<email>": ["<image file name>", …], …}` and the listed
//! baked badge images beside it. Every badge file in the archive is imported as from any ZIP
//! (through the core's bounded ZIP reader, [`crate::zipread`], and the importer's limits: an
//! entry whose name is not a plain relative path gets its own refused line, an archive whose
//! entries declare or inflate to more than the ZIP budget is refused whole, nothing of it
//! imported); the manifest itself is not a
//! badge and is not reported; a name the manifest lists that is not in the archive gets its
//! own line (Badgr skipped those without a word). A `manifest.txt` that is not that JSON makes
//! the archive a plain ZIP again. The tests build such ZIPs from this structure (no real export
//! is public).

use std::io::Read;
use std::path::Path;

use serde_json::Value;

use super::{Item, ZipCheck, over_budget, refused, unsafe_entry};
use crate::localize::msg;
use crate::zipread::BoundedZip;

/// The manifest's name, at the archive root.
pub(crate) const MANIFEST: &str = "manifest.txt";

/// Largest `manifest.txt` read.
const MAX_MANIFEST_BYTES: u64 = 4 * 1024 * 1024;

/// The names a Mozilla manifest lists, in order, without repeats; `None` when it is not one.
fn listed<R: Read + std::io::Seek>(archive: &mut BoundedZip<R>) -> Option<Vec<String>> {
    let text = archive
        .read_name(MANIFEST, MAX_MANIFEST_BYTES, false)
        .ok()?;
    let Value::Object(m) = serde_json::from_slice::<Value>(&text).ok()? else {
        return None;
    };
    let mut names: Vec<String> = Vec::new();
    for v in m.values() {
        for n in v.as_array()? {
            let n = n.as_str()?;
            if !names.iter().any(|x| x == n) {
                names.push(n.to_string());
            }
        }
    }
    Some(names)
}

/// True when `manifest.txt` is a Mozilla Backpack manifest.
pub(crate) fn is_export<R: Read + std::io::Seek>(archive: &mut BoundedZip<R>) -> bool {
    listed(archive).is_some()
}

/// The badge files of a Mozilla Backpack export (a line for each whose name is not a plain
/// relative path), then a line per listed name not in it; the whole export refused in one
/// line when its entries declare or inflate to more than the ZIP budget. `None`: not such an
/// export.
pub(crate) fn expand(path: &Path, mut archive: BoundedZip<std::fs::File>) -> Option<Vec<Item>> {
    let listed = listed(&mut archive)?;
    let mut items: Vec<Item> = archive
        .files()
        .into_iter()
        .filter(|(name, _)| name != MANIFEST)
        .map(|(name, index)| match index {
            Ok(index) => Item::Zip {
                archive: path.to_path_buf(),
                index,
                name,
                check: ZipCheck::Plain,
            },
            Err(why) => unsafe_entry(path, &name, why),
        })
        .collect();
    for n in listed {
        if archive.index_for_name(&n).is_none() {
            // The manifest's names are untrusted text: escaped, as entry names are.
            items.push(Item::Done(refused(
                &format!("{}:{}", path.display(), n.escape_debug()),
                msg!("err-wallet-mozilla-missing"),
            )));
        }
    }
    if let Some(why) = over_budget(&mut archive, &items) {
        return Some(vec![Item::Done(refused(&path.display().to_string(), why))]);
    }
    Some(items)
}
