//! Mozilla Backpack export ZIPs (the 2019 shutdown export).
//!
//! The producer was never published; the layout is known from Badgr's importer (badgr-ui
//! `src/app/mozz-transition/components/import-modal/import-modal.component.ts`): a root
//! `manifest.txt` holding **JSON** `{"<email>": ["<image file name>", …], …}` and the listed
//! baked badge images beside it. Every badge file in the archive is imported as from any ZIP
//! (through the importer's own ZIP reader and limits); the manifest itself is not a badge and
//! is not reported; a name the manifest lists that is not in the archive gets its own line
//! (Badgr skipped those without a word). A `manifest.txt` that is not that JSON makes the
//! archive a plain ZIP again. The tests build such ZIPs from this structure (no real export is
//! public).

use std::io::Read;
use std::path::Path;

use serde_json::Value;

use super::{Item, ZipCheck, refused};
use crate::limits;

/// The manifest's name, at the archive root.
pub(crate) const MANIFEST: &str = "manifest.txt";

/// Largest `manifest.txt` read.
const MAX_MANIFEST_BYTES: u64 = 4 * 1024 * 1024;

/// The names a Mozilla manifest lists, in order, without repeats; `None` when it is not one.
fn listed<R: Read + std::io::Seek>(archive: &mut zip::ZipArchive<R>) -> Option<Vec<String>> {
    let entry = archive.by_name(MANIFEST).ok()?;
    if entry.size() > MAX_MANIFEST_BYTES {
        return None;
    }
    let mut text = Vec::new();
    entry
        .take(MAX_MANIFEST_BYTES + 1)
        .read_to_end(&mut text)
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
pub(crate) fn is_export<R: Read + std::io::Seek>(archive: &mut zip::ZipArchive<R>) -> bool {
    listed(archive).is_some()
}

/// The badge files of a Mozilla Backpack export, then a line per listed name not in it.
/// `None`: not such an export, or too many entries (the plain ZIP reader says so).
pub(crate) fn expand(
    path: &Path,
    mut archive: zip::ZipArchive<std::fs::File>,
) -> Option<Vec<Item>> {
    if archive.len() > limits::MAX_ZIP_ENTRIES {
        return None;
    }
    let listed = listed(&mut archive)?;
    let mut names: Vec<(String, usize)> = archive
        .file_names()
        .filter(|n| !n.ends_with('/') && *n != MANIFEST)
        .filter(|n| {
            !n.split(['/', '\\'])
                .any(|part| part.starts_with('.') || part == "__MACOSX")
        })
        .filter_map(|n| archive.index_for_name(n).map(|i| (n.to_string(), i)))
        .collect();
    names.sort();
    let mut items: Vec<Item> = names
        .iter()
        .map(|(name, index)| Item::Zip {
            archive: path.to_path_buf(),
            index: *index,
            name: name.clone(),
            check: ZipCheck::Plain,
        })
        .collect();
    for n in listed {
        if archive.index_for_name(&n).is_none() {
            items.push(Item::Done(refused(
                &format!("{}:{n}", path.display()),
                "listed in manifest.txt but not in the archive",
            )));
        }
    }
    Some(items)
}
