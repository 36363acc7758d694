// GENERATED from the Rust types that cross IPC (src-tauri/src/ipc.rs): do not edit.
// Regenerate: UPDATE_IPC_TYPES=1 cargo nextest run -p backpack-app -E 'test(generated_types)'
// Core types (backpack_core, feature `ts`) are declared as they cross: camelCase field names.

/**
 * An alignment to a framework, standard or skill.
 */
export type Alignment = { 
/**
 * Name of the skill/standard.
 */
targetName: string | null, 
/**
 * URL of the skill/standard.
 */
targetUrl: string | null, 
/**
 * Description.
 */
targetDescription: string | null, 
/**
 * Framework name.
 */
targetFramework: string | null, 
/**
 * Code within the framework.
 */
targetCode: string | null, 
/**
 * OB3 `targetType` (e.g. `ceasn:Competency`).
 */
targetType: string | null, };

/**
 * A link between two achievements of a CLR 2.0 transcript (`ClrSubject.association`).
 * <https://www.imsglobal.org/spec/clr/v2p0/#association>
 */
export type Association = { 
/**
 * `associationType`, e.g. `isParentOf`, `precedes`, `isPartOf`.
 */
associationType: string, 
/**
 * The source achievement's id.
 */
sourceId: string, 
/**
 * The target achievement's id.
 */
targetId: string, 
/**
 * The source's name, when the CLR describes that achievement.
 */
sourceName: string | null, 
/**
 * The target's name, when the CLR describes that achievement.
 */
targetName: string | null, };

/**
 * The normalised, display-ready view of one badge.
 */
export type Badge = { 
/**
 * The assertion / credential id.
 */
id: string | null, 
/**
 * The BadgeClass / Achievement id.
 */
achievementId: string | null, 
/**
 * Badge name.
 */
name: string, 
/**
 * Description.
 */
description: string | null, 
/**
 * Image.
 */
image: Image | null, 
/**
 * Criteria.
 */
criteria: Criteria | null, 
/**
 * Issuer.
 */
issuer: Issuer, 
/**
 * When it was issued (OB2 `issuedOn`, OB3 `awardedDate`/`validFrom`/`issuanceDate`), RFC 3339.
 */
issued: string | null, 
/**
 * Start of validity (OB3 `validFrom`/`issuanceDate`), RFC 3339.
 */
validFrom: string | null, 
/**
 * End of validity (OB2 `expires`, OB3 `validUntil`/`expirationDate`), RFC 3339.
 */
validUntil: string | null, 
/**
 * Who it was issued to.
 */
recipients: Array<Recipient>, 
/**
 * Evidence.
 */
evidence: Array<Evidence>, 
/**
 * Alignments / skills.
 */
alignments: Array<Alignment>, 
/**
 * Results (OB3).
 */
results: Array<ResultEntry>, 
/**
 * Tags from the badge itself.
 */
tags: Array<string>, 
/**
 * OB3 `achievementType` (Badge, Certificate, …).
 */
achievementType: string | null, 
/**
 * Spec version, e.g. "0.5", "1.0", "1.1", "2.0", "3.0", "CLR 2.0".
 */
specVersion: string, 
/**
 * VC data model version for OB3/CLR: "1.1" or "2.0".
 */
vcVersion: string | null, 
/**
 * OB3 `achievement.related`. Absent in views stored before it existed (read as empty).
 */
related: Array<Related>, 
/**
 * CLR 2.0 `credentialSubject.association`. Absent in older stored views (read as empty).
 */
associations: Array<Association>, };

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
 * One badge as the skills view refers to it.
 */
export type BadgeRef = { 
/**
 * Wallet id.
 */
id: number, 
/**
 * Badge name.
 */
name: string, 
/**
 * Issuer name (or id).
 */
issuer: string | null, 
/**
 * Issue date, RFC 3339.
 */
issued: string | null, 
/**
 * OB 3.0 `achievementType`.
 */
achievementType: string | null, };

/**
 * One check in a report.
 */
export type Check = { 
/**
 * Which check.
 */
id: CheckId, 
/**
 * What came out.
 */
outcome: Outcome, 
/**
 * One human-readable line: English in the core (the CLI's JSON, logs and tests read it);
 * the app sends it in the learner's language ([`Report::localized`]).
 */
detail: string, };

/**
 * Stable check ids. Never rename one: the CLI JSON and stored reports depend on them.
 */
export type CheckId = "decode" | "parse" | "schema" | "proof" | "issuer_key" | "hosted" | "issuer" | "expiry" | "not_before" | "status" | "recipient";

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

/**
 * What connecting did.
 */
export type ConnectDto = { 
/**
 * The host.
 */
host: HostDto, 
/**
 * Lines about the host's discovery document and profile.
 */
notes: Array<string>, 
/**
 * "the system credential store" or "memory (this session only)".
 */
secretsIn: string, 
/**
 * Why there is no credential store, when there is none.
 */
storeNote: string | null, };

/**
 * Criteria for earning the badge.
 */
export type Criteria = { 
/**
 * A page describing the criteria.
 */
url: string | null, 
/**
 * Narrative text (Markdown in OB 2.0/3.0); render as text, never as HTML.
 */
narrative: string | null, };

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
 * The verification of one endorsement (embedded in a credential, or attached to it).
 */
export type EndorsementCheck = { 
/**
 * What it endorses: `credential`, `achievement` or `issuer`.
 */
scope: EndorsementScope, 
/**
 * The endorser's id.
 */
endorserId: string | null, 
/**
 * The endorser's name, as the endorsement says (a claim unless verified).
 */
endorserName: string | null, 
/**
 * The endorsement's name.
 */
name: string, 
/**
 * The endorser's comment.
 */
comment: string | null, 
/**
 * Its own status (verified, issuer not confirmed, expired, …).
 */
status: Status, 
/**
 * Why, in English (as [`Check::detail`]).
 */
reason: string, };

/**
 * What an endorsement endorses.
 */
export type EndorsementScope = "credential" | "achievement" | "issuer" | "creator";

/**
 * One endorsement as the detail view shows it.
 */
export type EndorsementView = { 
/**
 * Who endorses (name, or id).
 */
endorser: string, 
/**
 * What it endorses (the core's vocabulary).
 */
scope: EndorsementScope, 
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
 * A piece of evidence.
 */
export type Evidence = { 
/**
 * URL of the evidence.
 */
id: string | null, 
/**
 * Name.
 */
name: string | null, 
/**
 * Description.
 */
description: string | null, 
/**
 * Narrative.
 */
narrative: string | null, 
/**
 * Genre (e.g. "Live Presentation").
 */
genre: string | null, 
/**
 * Audience.
 */
audience: string | null, };

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
 * A network fetch made (or answered from the cache) during verification.
 */
export type FetchRecord = { 
/**
 * The URL.
 */
url: string, 
/**
 * HTTP status, when a response came.
 */
status: number | null, 
/**
 * When it was fetched (RFC 3339). For a cache hit, when the cached copy was fetched.
 */
fetchedAt: string, 
/**
 * Milliseconds the fetch took (0 for a cache hit).
 */
millis: number, 
/**
 * True when answered from the wallet's cache.
 */
fromCache: boolean, 
/**
 * Why it failed, if it did (English).
 */
error: string | null, };

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
 * How a badge's assertion/credential is packaged and proven. Stable ids, used in the
 * CLI JSON, the database and the UI.
 */
export type Format = "ob2-hosted" | "ob2-signed" | "ob3-json" | "ob3-jwt" | "clr2-json" | "clr2-jwt";

/**
 * A framework and its skills, A→Z.
 */
export type Framework = { 
/**
 * `targetFramework`, or [`NO_FRAMEWORK`].
 */
name: string, 
/**
 * True for [`NO_FRAMEWORK`] (alignments that named none).
 */
unnamed: boolean, 
/**
 * Its skills, by name.
 */
skills: Array<Skill>, };

/**
 * One stretch of the gallery's answer: how many badges match, and the ids of the matches
 * `offset..offset + limit` in order. The search box asks for the first stretch only (it
 * fills the window many times over) so the answer of a keystroke stays small: Tauri sends a
 * JSON answer over 8 KiB through a second round trip (tauri `ipc/channel.rs`,
 * `MAX_JSON_DIRECT_EXECUTE_THRESHOLD`), which cost ~10 ms a keystroke at 10,000 badges.
 */
export type GalleryPage = { 
/**
 * Every match, not only this stretch.
 */
total: number, 
/**
 * The ids of this stretch, in the query's order.
 */
ids: Array<number>, };

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
sort: Sort, };

/**
 * A connected host as the UI shows it.
 */
export type HostDto = { 
/**
 * Wallet id.
 */
id: number, 
/**
 * The host's name.
 */
name: string, 
/**
 * Its address.
 */
url: string, 
/**
 * Who the learner is there.
 */
profileName: string | null, 
/**
 * When the last complete sync finished (RFC 3339).
 */
lastSyncAt: string | null, 
/**
 * One line about it.
 */
lastSyncSummary: string | null, 
/**
 * Credentials synced from it.
 */
synced: number, };

/**
 * The `host-signin` event: the sign-in page's address, shown when no browser opens.
 */
export type HostSignin = { 
/**
 * The address.
 */
url: string, };

/**
 * Kind of recipient identity.
 */
export type IdentityKind = "email" | "url" | "telephone" | "did" | { "other": string };

/**
 * The badge's image.
 */
export type Image = { "kind": "baked", 
/**
 * `image/png` or `image/svg+xml`.
 */
mime: string, } | { "kind": "data", 
/**
 * The full `data:` URI.
 */
uri: string, } | { "kind": "remote", 
/**
 * The URL.
 */
url: string, };

/**
 * What happened to one imported file.
 */
export type ImportLine = { 
/**
 * File name or label.
 */
file: string, 
/**
 * What happened to it.
 */
outcome: ImportOutcome, 
/**
 * Why (for a refusal) or the badge name.
 */
message: string, 
/**
 * Wallet id when imported or duplicate.
 */
id: number | null, };

/**
 * What happened to one imported file, in one word (labels: `import-outcome-<id>` in
 * ui/locales).
 */
export type ImportOutcome = "imported" | "duplicate" | "conflict" | "skipped" | "refused" | "failed";

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
 * Whether a credential's bytes are the ones the exporter recorded.
 */
export type Integrity = { "state": "intact" } | { "state": "altered", "detail": string } | { "state": "not_recorded" };

/**
 * One party: the issuer, or a creator/source profile.
 */
export type Issuer = { 
/**
 * The issuer's id (URL or DID), when it has one.
 */
id: string | null, 
/**
 * Display name.
 */
name: string | null, 
/**
 * Home page.
 */
url: string | null, 
/**
 * Contact email.
 */
email: string | null, 
/**
 * Logo: a data: URI or a URL (a URL is never fetched without network consent).
 */
image: string | null, 
/**
 * Description, if given.
 */
description: string | null, };

/**
 * Where the learner's signing key is (labels: `key-where-<id>` in ui/locales, but `other`).
 */
export type KeyStore = "os-keyring" | "key-file" | "in-wallet" | "none" | "other";

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
 * The outcome of one check.
 */
export type Outcome = "pass" | "fail" | "skipped" | "error";

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
 * The page's visible text compared with the credentials.
 */
export type PageCheck = { 
/**
 * Which page: the file itself ("the page", in the report's language), or `index.html`
 * in a bundle.
 */
source: string, 
/**
 * True when the page is exactly what Backpack renders from its credentials.
 */
matches: boolean, 
/**
 * Every difference (empty when it matches).
 */
differences: Array<PageDifference>, };

/**
 * One way the received page differs from what its credentials render to.
 */
export type PageDifference = { 
/**
 * The badge it is about (1-based, in the page's order), if one.
 */
badge: number | null, 
/**
 * The field (`name`, `issuer`, `issued`, `status`, …), if one.
 */
field: string | null, 
/**
 * What the page shows, when there is such text.
 */
pageSays: string | null, 
/**
 * What the credential (or the receiver's own check, or the page's own record) says.
 */
expected: string | null, 
/**
 * One line, naming the badge and the field: English (the CLI's JSON, the tests), or the
 * learner's language in a report made by [`crate::share::ShareReport::localized`].
 */
message: string, };

/**
 * Which open dialog to show.
 */
export type PickKind = "badges" | "folder" | "received" | "backup";

/**
 * The presentation's proof.
 */
export type PresentationCheck = { 
/**
 * `holder`.
 */
holder: string | null, 
/**
 * `proof.verificationMethod`.
 */
verificationMethod: string | null, 
/**
 * `proof.created`.
 */
created: string | null, 
/**
 * `proof.challenge`.
 */
challenge: string | null, 
/**
 * `proof.domain`.
 */
domain: string | null, 
/**
 * Number of credentials in it.
 */
credentials: number, 
/**
 * Pass, fail, or error (could not check).
 */
outcome: Outcome, 
/**
 * One line: English (the CLI's JSON, the tests), or the learner's language in a
 * report made by [`ShareReport::localized`] (what the app sends).
 */
detail: string, };

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
 * Who the badge was issued to.
 */
export type Recipient = { 
/**
 * Kind of identity.
 */
kind: IdentityKind, 
/**
 * The identity, or its hash `sha256$…` / `md5$…`.
 */
identity: string, 
/**
 * True when `identity` is a hash.
 */
hashed: boolean, 
/**
 * Salt appended before hashing, if any.
 */
salt: string | null, };

/**
 * The recipient check of one badge.
 */
export type RecipientCheck = { 
/**
 * The answer.
 */
state: RecipientState, 
/**
 * One line: English (the CLI's JSON, the tests), or the learner's language in a
 * report made by [`ShareReport::localized`] (what the app sends).
 */
detail: string, };

/**
 * Was the badge issued to the person the receiver named?
 */
export type RecipientState = "not_asked" | "matches" | "does_not_match" | "not_stated";

/**
 * Another achievement this one should be considered the same as (OB 3.0 `Achievement.related`:
 * another language edition or an earlier version).
 * <https://www.imsglobal.org/spec/ob/v3p0/#related>
 */
export type Related = { 
/**
 * The related achievement's id.
 */
id: string, 
/**
 * Its language (`@language`), if given.
 */
language: string | null, 
/**
 * Its version, if given.
 */
version: string | null, };

/**
 * A verification report.
 */
export type Report = { 
/**
 * The badge's format, when it could be parsed.
 */
format: Format | null, 
/**
 * Overall verdict, computed from the checks by [`Report::compute_verdict`].
 */
verdict: Verdict, 
/**
 * Checks in [`CheckId::ALL`] order.
 */
checks: Array<Check>, 
/**
 * When the check ran (RFC 3339, from the injected clock).
 */
checkedAt: string, 
/**
 * The verification method / key id that verified the proof, if one did.
 */
keyId: string | null, 
/**
 * Network fetches made or answered from the cache.
 */
fetches: Array<FetchRecord>, 
/**
 * The one-word status ([`Status::of_report`]), kept in step with the checks.
 */
status: Status, 
/**
 * One line saying why the badge has that status.
 */
reason: string, 
/**
 * The endorsements embedded in the credential, each verified on its own. Information
 * about the endorsements: they never change the badge's verdict.
 */
endorsements?: Array<EndorsementCheck>, };

/**
 * A result (grade, score, status) of an OB 3.0 achievement subject.
 */
export type ResultEntry = { 
/**
 * What the result is (the matching `resultDescription` name, or the result type).
 */
label: string | null, 
/**
 * The value, e.g. "A" or "95".
 */
value: string | null, 
/**
 * Status (Completed, Enrolled, …).
 */
status: string | null, 
/**
 * Achieved level id/name for rubric results.
 */
achievedLevel: string | null, };

/**
 * Results with the same name (`resultDescription` name or result type).
 */
export type ResultGroup = { 
/**
 * The name.
 */
label: string, 
/**
 * Each result, by badge id.
 */
results: Array<ResultRef>, };

/**
 * One badge's result under a result name.
 */
export type ResultRef = { 
/**
 * Wallet id.
 */
badge: number, 
/**
 * The value (grade, score).
 */
value: string | null, 
/**
 * Status (Completed, …).
 */
status: string | null, 
/**
 * Achieved rubric level.
 */
achievedLevel: string | null, };

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
 * Where the learner's signing key is.
 */
keyStore: KeyStore, 
/**
 * The key (or the key to be moved) needs the key-file passphrase, not given yet.
 */
keyNeedsPassphrase: boolean, };

/**
 * What kind of export was received.
 */
export type ShareKind = "html" | "zip" | "presentation" | "pdf";

/**
 * Everything found in a received export.
 */
export type ShareReport = { 
/**
 * What was received.
 */
kind: ShareKind, 
/**
 * The portfolio title as the sender wrote it, when the file says.
 */
title: string | null, 
/**
 * When it was exported, when the file says.
 */
exportedAt: string | null, 
/**
 * One entry per credential.
 */
badges: Array<SharedBadge>, 
/**
 * The presentation, if the file has one.
 */
presentation: PresentationCheck | null, 
/**
 * The page compared with the credentials (HTML portfolios and bundles).
 */
page: PageCheck | null, 
/**
 * Problems with the file as a whole (missing entries, altered files, …): English (the
 * CLI's JSON, the tests), or the learner's language in a report made by
 * [`ShareReport::localized`] (what the app sends).
 */
problems: Array<string>, };

/**
 * One credential found in the received file.
 */
export type SharedBadge = { 
/**
 * Where it was found: a path in the ZIP, a file name in the page (its block's
 * `data-file`), or `verifiableCredential[N]` in a presentation.
 */
source: string, 
/**
 * The view to show, parsed from the credential's own bytes (never from the page).
 */
badge: Badge | null, 
/**
 * Format, when known.
 */
format: Format | null, 
/**
 * SHA-256 of the bytes verified.
 */
sha256: string, 
/**
 * Matches what was recorded at export?
 */
integrity: Integrity, 
/**
 * The full verification report.
 */
report: Report, 
/**
 * The verdict for this credential: the report's, made `invalid` when the bytes were altered.
 */
verdict: Verdict, 
/**
 * The status in the one vocabulary ([`Status::label`]): the report's, made `invalid`
 * when the bytes were altered.
 */
status: Status, 
/**
 * Issued to the person the receiver named?
 */
recipient: RecipientCheck, };

/**
 * One skill (alignment target) and the badges aligned to it.
 */
export type Skill = { 
/**
 * Display name: `targetName`, else the code, else the URL.
 */
name: string, 
/**
 * `targetCode`, if any.
 */
code: string | null, 
/**
 * The first `targetDescription` given.
 */
description: string | null, 
/**
 * Every distinct `targetUrl` given for it, in order of appearance.
 */
urls: Array<string>, 
/**
 * Every distinct `targetType` given for it (OB 3.0), in order of appearance.
 */
types: Array<string>, 
/**
 * Wallet ids of the badges aligned to it, ascending.
 */
badges: Array<number>, };

/**
 * The whole skills view of a wallet.
 */
export type SkillsView = { 
/**
 * Frameworks A→Z ([`NO_FRAMEWORK`] last), each with its skills.
 */
frameworks: Array<Framework>, 
/**
 * Results by name, A→Z.
 */
results: Array<ResultGroup>, 
/**
 * Achievement types, A→Z.
 */
achievementTypes: Array<TypeGroup>, 
/**
 * Stacks: linked ones first, then shared targets, each group by title.
 */
stacks: Array<Stack>, 
/**
 * Every badge by issue date, oldest first, undated last.
 */
timeline: Array<BadgeRef>, };

/**
 * Sort order for [`Wallet::list_badges`].
 */
export type Sort = "newest" | "oldest" | "name" | "issuer" | "imported";

/**
 * Achievements that belong together, in path order.
 */
export type Stack = { 
/**
 * What joined them.
 */
kind: StackKind, 
/**
 * A title: the transcript that states the links, the shared skill, or the first step.
 */
title: string, 
/**
 * The steps, in path order.
 */
steps: Array<Step>, 
/**
 * The links between steps (empty for a shared target).
 */
links: Array<StackLink>, 
/**
 * Wallet ids of the badges that state the links (a CLR, a badge with `related`).
 */
statedBy: Array<number>, };

/**
 * What made a stack.
 */
export type StackKind = "linked" | "shared_target";

/**
 * A link between two steps of a stack, as the badge states it.
 */
export type StackLink = { 
/**
 * Index of the source step.
 */
from: number, 
/**
 * Index of the target step.
 */
to: number, 
/**
 * `related`, or the CLR `associationType` (`isParentOf`, `precedes`, …).
 */
relation: string, };

/**
 * What a badge's verification comes to, in one word: the status vocabulary of the core, the
 * CLI JSON, the app, the exports and the tests. Derived from a [`Report`] by
 * [`Status::of_report`]; [`Status::NotChecked`] is for badges without a current report.
 */
export type Status = "verified" | "issuer_not_confirmed" | "could_not_check" | "invalid" | "expired" | "revoked" | "unreadable" | "not_checked";

/**
 * One achievement in a stack.
 */
export type Step = { 
/**
 * The achievement id, when it has one.
 */
achievementId: string | null, 
/**
 * Display name: a held badge's name, else the name a CLR gives, else the id.
 */
name: string, 
/**
 * Wallet ids of the badges for this achievement (empty: not in the wallet).
 */
badges: Array<number>, };

/**
 * What a sync did.
 */
export type SyncDto = { 
/**
 * The host after the sync.
 */
host: HostDto, 
/**
 * What happened to each credential that was not synced before (counted; the lines worth
 * reading, as for a bulk import).
 */
results: ImportResults, 
/**
 * Credentials skipped because they were synced before.
 */
alreadySynced: number, 
/**
 * Lines about paging and the profile.
 */
notes: Array<string>, };

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
 * Badges of one `achievementType`.
 */
export type TypeGroup = { 
/**
 * The type, e.g. `Certificate`.
 */
achievementType: string, 
/**
 * Wallet ids, ascending.
 */
badges: Array<number>, };

/**
 * The overall verdict.
 */
export type Verdict = "valid" | "invalid" | "indeterminate" | "error";

/**
 * Whether the wallet is open.
 */
export type WalletState = "ok" | "locked" | "damaged";

/**
 * Whether the wallet is open, and if not, why (issue 13: never a crash, never a silent
 * overwrite).
 */
export type WalletStatus = { 
/**
 * Open, or why not.
 */
state: WalletState, 
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
