//! Hard limits on untrusted input. Every limit is named in the error that hits it, so a
//! learner (or a bug report) says exactly which one was reached.

/// Largest file we read as a badge (baked images of real badges are well under 1 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest decompressed text we accept from a compressed PNG text chunk (zlib bomb guard).
pub const MAX_INFLATED_TEXT_BYTES: u64 = 4 * 1024 * 1024;
/// Deepest JSON nesting accepted (real credentials nest < 20 levels).
pub const MAX_JSON_DEPTH: usize = 128;
/// Most entries read from one ZIP archive.
pub const MAX_ZIP_ENTRIES: usize = 100_000;
/// Largest uncompressed ZIP entry read as a badge.
pub const MAX_ZIP_ENTRY_BYTES: u64 = MAX_FILE_BYTES;
/// Largest total uncompressed bytes read from one ZIP archive.
pub const MAX_ZIP_TOTAL_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Largest HTTP response body we accept when the learner allows network.
pub const MAX_HTTP_BODY_BYTES: u64 = 4 * 1024 * 1024;
/// Total deadline of one HTTP fetch when the learner allows network: DNS, connect, headers,
/// every redirect and the whole body together (not a per-read timeout, which a server dripping
/// bytes can stretch without end).
pub const HTTP_TIMEOUT_SECS: u64 = 10;
/// Largest decompressed status list (BitstringStatusList / StatusList2021), gzip bomb guard.
pub const MAX_STATUS_LIST_BYTES: u64 = 16 * 1024 * 1024;
/// Most bytes decompressed from one received share (`verify-share`, the app's "check a
/// received file"), summed over every read of it: a ZIP whose manifest names one large entry
/// many times, or many small entries that inflate, stops here. A real bundle reads about its
/// own size (originals and baked images are stored uncompressed).
pub const MAX_SHARE_READ_BYTES: u64 = 1024 * 1024 * 1024;
/// Largest portfolio page (`index.html`) read from a received ZIP bundle.
pub const MAX_SHARE_PAGE_BYTES: u64 = 256 * 1024 * 1024;
/// Most attached files read from one received PDF (a Backpack PDF attaches one per badge).
pub const MAX_PDF_ATTACHMENTS: usize = 10_000;
