// GENERATED from the Rust types that cross IPC (src-tauri/src/ipc.rs): do not edit.
// Regenerate: UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'

/** A badge's status: backpack_core::verify::Status (labels: status-<id> in ui/locales). */
export type Status = "verified" | "issuer_not_confirmed" | "could_not_check" | "invalid" | "expired" | "revoked" | "unreadable" | "not_checked";
/** A verification check: backpack_core::verify::CheckId (labels: check-<id> in ui/locales). */
export type CheckId = "decode" | "parse" | "schema" | "proof" | "issuer_key" | "hosted" | "issuer" | "expiry" | "not_before" | "status" | "recipient";
/** Core types passed through with camelCase field names (src-tauri/src/ipc.rs); their fields are not generated yet (that needs ts-rs in backpack-core). */
export type Badge = Record<string, unknown>;
export type Report = { status: Status, checks: { id: CheckId, outcome: string, detail: string }[], [field: string]: unknown };
export type ShareReport = Record<string, unknown>;
export type SkillsView = Record<string, unknown>;
export type Format = string;

/**
 * One card of the gallery: everything the list view and its filters need.
 */
export type BadgeCard = { 
/**
 * Wallet id.
 */
id: number, 
/**
 * Badge name.
 */
name: string, 
/**
 * Issuer display name.
 */
issuer: string, 
/**
 * What the issuer filter of a [`GalleryQuery`] matches for this badge's issuer (its id,
 * else its name); `None` when the badge names neither.
 */
issuerKey: string | null, 
/**
 * Issued date (RFC 3339) if known.
 */
issued: string | null, 
/**
 * Status chip id (the core vocabulary, `verify::Status`).
 */
status: Status, 
/**
 * `badgeimg://` URL of the image, or `None` (remote or no image: the UI shows a placeholder).
 */
image: string | null, 
/**
 * Learner's tags.
 */
tags: Array<string>, 
/**
 * Ids of the collections holding it.
 */
collections: Array<number>, 
/**
 * Format id.
 */
format: Format | null, 
/**
 * What an imported trust list says about the issuer (information, never the status).
 */
trust: TrustMark | null, };

/**
 * The gallery's search box, filters and sort, as the core's [`Query`] takes them.
 */
export type GalleryQuery = { 
/**
 * Words to find, each as the start of a word (name, issuer, description, skills, tags).
 */
text: string | null, 
/**
 * A card's `issuerKey`.
 */
issuer: string | null, 
/**
 * Only badges in this state.
 */
status: Status | null, 
/**
 * Only badges in this collection.
 */
collection: number | null, 
/**
 * Only badges with this tag of the learner's.
 */
tag: string | null, 
/**
 * Sort order (default: newest first).
 */
sort: "newest" | "oldest" | "name" | "issuer" | "imported", };

/**
 * A trust list's label for a badge's issuer, in the words for the badge's status
 * (`backpack_core::trust_list::TrustLabel::text`).
 */
export type TrustMark = { 
/**
 * "Known issuer: …", or "Claims to be from a known issuer: …" when not verified.
 */
text: string, 
/**
 * The badge is verified, so the issuer named is the one that signed.
 */
verified: boolean, 
/**
 * The list or entry is a sandbox / test one.
 */
test: boolean, 
/**
 * The list's name.
 */
list: string, };

/**
 * Everything the detail view shows.
 */
export type BadgeDetail = { 
/**
 * The card fields.
 */
card: BadgeCard, 
/**
 * The full normalised badge.
 */
badge: Badge, 
/**
 * The last verification report.
 */
report: Report | null, 
/**
 * The report in one plain sentence.
 */
summary: string, 
/**
 * The learner's note.
 */
note: string, 
/**
 * Original file name.
 */
fileName: string, 
/**
 * When it was imported (RFC 3339).
 */
importedAt: string, 
/**
 * True when the image is remote and was not fetched.
 */
remoteImage: boolean, 
/**
 * The badge this copy conflicts with: it claims to be a newer version of it but is not
 * signed with the issuer's key.
 */
conflictsWith: number | null, 
/**
 * Conflicting copies kept beside this badge.
 */
conflicts: Array<number>, 
/**
 * Endorsements of the badge, its achievement or its issuer: embedded in the credential
 * and imported as files, each with its own status.
 */
endorsements: Array<EndorsementView>, 
/**
 * Earlier checks, newest first (the evidence history).
 */
earlier: Array<EarlierCheck>, };

/**
 * One earlier check of a badge.
 */
export type EarlierCheck = { 
/**
 * When (RFC 3339).
 */
checkedAt: string, 
/**
 * Its status (`not_checked` when made under older rules).
 */
status: Status, 
/**
 * Why.
 */
reason: string, };

/**
 * One endorsement as the detail view shows it.
 */
export type EndorsementView = { 
/**
 * Who endorses (name, or id).
 */
endorser: string, 
/**
 * `credential`, `achievement` or `issuer`.
 */
scope: string, 
/**
 * The endorser's comment.
 */
comment: string | null, 
/**
 * Its own status id (`verify::Status`).
 */
status: Status, 
/**
 * Why.
 */
reason: string, 
/**
 * `embedded` (inside the badge) or `file`.
 */
source: string, };

/**
 * What happened to one imported file.
 */
export type ImportLine = { 
/**
 * File name or label.
 */
file: string, 
/**
 * `imported`, `duplicate`, `conflict`, `skipped` (another wallet's keys and non-badge
 * entries, left out on purpose), `refused` (not a badge we accept) or `failed` (the wallet
 * could not store it).
 */
outcome: string, 
/**
 * Why (for a refusal) or the badge name.
 */
message: string, 
/**
 * Wallet id when imported or duplicate.
 */
id: number | null, };

/**
 * What a bulk import did: every outcome counted, and the lines worth reading — at most
 * [`MAX_IMPORT_LINES`], those that need the learner's attention first (refused, failed,
 * conflicts, skipped), then the others in input order.
 */
export type ImportResults = { 
/**
 * How many lines had each outcome.
 */
counts: OutcomeCounts, 
/**
 * The lines to show.
 */
lines: Array<ImportLine>, 
/**
 * All lines, shown or not.
 */
total: number, };

/**
 * How many files had each import outcome.
 */
export type OutcomeCounts = { 
/**
 * Added.
 */
imported: number, 
/**
 * Already there (or an older version kept as history).
 */
duplicate: number, 
/**
 * Kept beside a badge it claims to replace.
 */
conflict: number, 
/**
 * Left out on purpose.
 */
skipped: number, 
/**
 * Not a badge we accept.
 */
refused: number, 
/**
 * The wallet could not store it.
 */
failed: number, };

/**
 * A collection as the UI sees it.
 */
export type CollectionDto = { 
/**
 * Id.
 */
id: number, 
/**
 * Name.
 */
name: string, 
/**
 * Learner's note.
 */
note: string, 
/**
 * Badge ids in order.
 */
badgeIds: Array<number>, };

/**
 * Learner profile (recipient identities).
 */
export type Profile = { 
/**
 * Emails.
 */
emails: Array<string>, 
/**
 * DIDs.
 */
dids: Array<string>, };

/**
 * App settings shown in the settings view.
 */
export type SettingsDto = { 
/**
 * Network allowed for verification.
 */
networkAllowed: boolean, 
/**
 * Minor mode on.
 */
minorMode: boolean, 
/**
 * Minor mode on and currently unlocked by the guardian for this session.
 */
unlocked: boolean, 
/**
 * Where the wallet file lives.
 */
walletPath: string, 
/**
 * Badges in the wallet.
 */
badgeCount: number, 
/**
 * True when the whole wallet is encrypted with a passphrase (SQLCipher).
 */
encrypted: boolean, 
/**
 * Where the learner's signing key is: `os-keyring`, `key-file`, `in-wallet` (an old
 * wallet whose key could not be moved out yet) or `none` (not created yet).
 */
keyStore: string, 
/**
 * The key (or the key to be moved) needs the key-file passphrase, not given yet.
 */
keyNeedsPassphrase: boolean, };

/**
 * Whether the wallet is open, and if not, why (issue 13: never a crash, never a silent
 * overwrite).
 */
export type WalletStatus = { 
/**
 * `ok`, `locked` (encrypted: needs its passphrase) or `damaged` (damaged, not a
 * wallet, or from a newer Backpack: restore a backup).
 */
state: string, 
/**
 * The core's message.
 */
message: string, 
/**
 * The wallet file.
 */
path: string, 
/**
 * True when the wallet is encrypted.
 */
encrypted: boolean, };

/**
 * What the learner chose to include in an export (see `export::Privacy`).
 */
export type PrivacyArgs = { 
/**
 * Show evidence.
 */
includeEvidence: boolean, 
/**
 * Show the learner's notes.
 */
includeNotes: boolean, 
/**
 * Show dates (the UI defaults this to on).
 */
includeDates: boolean, 
/**
 * Show plain-text recipient emails.
 */
includeEmails: boolean, 
/**
 * Add a skills summary to the HTML page.
 */
includeSkills: boolean, };

/**
 * What an export did (or, previewed, would do).
 */
export type ExportSummary = { 
/**
 * The privacy warning, one line per linkable identifier that leaves the machine.
 */
warning: Array<string>, 
/**
 * Badges left out of the signed presentation (OB 2.0 cannot go in one).
 */
notInPresentation: Array<string>, 
/**
 * Size of the file.
 */
bytes: number, 
/**
 * Suggested extension.
 */
extension: string, };

/**
 * Progress of a bulk job, sent as an event.
 */
export type Progress = { 
/**
 * Files done.
 */
done: number, 
/**
 * Files in all.
 */
total: number, 
/**
 * The file just handled.
 */
file: string, };

/**
 * A stored trust list as the settings view shows it.
 */
export type TrustListDto = { 
/**
 * Row id (for removal).
 */
id: number, 
/**
 * Name.
 */
name: string, 
/**
 * "Backpack trust list" or "DCC issuer registry".
 */
format: string, 
/**
 * Who publishes it.
 */
source: string, 
/**
 * The list's own date, as it gives it.
 */
listDate: string | null, 
/**
 * A sandbox / test list.
 */
test: boolean, 
/**
 * When it was imported (RFC 3339).
 */
importedAt: string, 
/**
 * How many issuers it names.
 */
issuers: number, };

/**
 * What an import did (`imported: false` when the learner cancelled the dialog).
 */
export type TrustImportDto = { 
/**
 * False when no file was chosen.
 */
imported: boolean, 
/**
 * The stored list.
 */
list: TrustListDto | null, 
/**
 * It replaced a list of the same name.
 */
replaced: boolean, 
/**
 * Notes for the learner (an identical repeated entry kept once).
 */
notes: Array<string>, };

/**
 * LinkedIn's fields for one badge (`backpack_core::linkedin::LinkedInFields`, field for
 * field: a field added in the core fails to compile here until it is passed on), and the link.
 */
export type LinkedInDto = { 
/**
 * The certification name.
 */
name: string, 
/**
 * The issuing organization's name.
 */
organizationName: string | null, 
/**
 * Issue date `[year, month]`.
 */
issue: [number, number] | null, 
/**
 * Expiration date `[year, month]`.
 */
expiration: [number, number] | null, 
/**
 * Credential URL.
 */
certUrl: string | null, 
/**
 * Credential id.
 */
certId: string | null, 
/**
 * The add-to-profile link.
 */
url: string, };

/**
 * What the page gets for a set of chosen files: an opaque number and the names to show.
 */
export type FileHandle = { 
/**
 * The handle commands take.
 */
id: number, 
/**
 * Each file's base name, in order (for display only).
 */
names: Array<string>, };

/**
 * Which open dialog to show.
 */
export type PickKind = "badges" | "folder" | "received" | "backup";

/**
 * The files waiting for the page, split by how to open them, as handles
 * ([`crate::files`]: the page never sees or sends a path; `import_files` / `open_received`
 * take these).
 */
export type OpenedFiles = { 
/**
 * Import these (one import job, one result list); `null` when there are none.
 */
import: FileHandle | null, 
/**
 * Open each of these read-only.
 */
received: Array<FileHandle>, };

/**
 * A command failure, serialised as `{kind, message}`.
 */
export type CommandError = { 
/**
 * Stable kind id.
 */
kind: string, 
/**
 * Human-readable one-line message.
 */
message: string, };
