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

// Other wallets' exports (src/wallets): every container is hostile. A credential found inside
// one is held to the ZIP limits (MAX_ZIP_ENTRY_BYTES each, MAX_ZIP_ENTRIES per container), and
// a ZIP-based export is read through the ZIP reader itself (MAX_ZIP_TOTAL_BYTES).

/// Largest JSON backup of another wallet read whole (a DCC Learner Credential Wallet backup, a
/// Badge Connect response): every credential is in the one file, images included.
pub const MAX_BACKUP_BYTES: u64 = 64 * 1024 * 1024;
/// Most items (credentials, keys, other entries) listed in one wallet export; as a ZIP.
pub const MAX_CONTAINER_ITEMS: usize = MAX_ZIP_ENTRIES;
/// Largest PDF read for an embedded badge (Open Badge Factory PDF badges are a few pages).
pub const MAX_PDF_BYTES: u64 = MAX_FILE_BYTES;
/// Most streams in one PDF (counted before it is parsed). A badge PDF has a few dozen; what
/// one stream may inflate to is bounded by the one PDF reader (`export::pdf_read`).
pub const MAX_PDF_STREAMS: usize = 512;
/// Highest Argon2 memory cost (KiB) accepted from a LearnCard entry (LearnCard writes 64 MiB).
pub const MAX_BUNDLE_KDF_MEMORY_KIB: u32 = 256 * 1024;
/// Highest Argon2 time cost accepted from a LearnCard entry (LearnCard writes 3).
pub const MAX_BUNDLE_KDF_TIME: u32 = 10;
/// Highest Argon2 parallelism accepted from a LearnCard entry (LearnCard writes 4).
pub const MAX_BUNDLE_KDF_LANES: u32 = 16;
/// Longest URL imported by URL.
pub const MAX_URL_BYTES: usize = 2048;
/// Total time for one import by URL, every fetch of its verification included.
pub const URL_IMPORT_DEADLINE_SECS: u64 = 60;
