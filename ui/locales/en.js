// English catalog of the app (Fluent syntax, https://projectfluent.org/fluent/guide/).
// A module exporting the FTL text: the page's CSP loads only its own scripts (no fetch).
// Every message here must exist in es.js too (scripts/check-catalog.mjs checks it).
export default `
## shell and navigation
skip-link = Skip to content
nav-main =
    .aria-label = Main
nav-wallet = My badges
nav-collections = Collections
nav-import = Add badges
nav-settings = Settings
nav-help = Help
nav-skills = Skills
wallet-count = { $n ->
    [one] { $n } badge in your backpack
   *[other] { $n } badges in your backpack
  }
title-wallet = Backpack
title-detail = Badge — Backpack
title-collections = Collections — Backpack
title-import = Add badges — Backpack
title-settings = Settings — Backpack
title-help = Help — Backpack
title-skills = Skills — Backpack
title-welcome = Welcome — Backpack
back = Back
cancel = Cancel
continue = Continue
add = Add
remove = Remove
create = Create
ok = OK

## statuses (ids of backpack_core::verify::Status; labels as Status::label())
status-verified = Verified
status-issuer_not_confirmed = Signature intact, issuer not confirmed
status-could_not_check = Could not check
status-invalid = Invalid
status-expired = Expired
status-revoked = Revoked
status-unreadable = Unreadable
status-not_checked = Not checked
status-help-verified = Every check passed: the badge is intact, signed by its issuer, current, and not revoked.
status-help-issuer_not_confirmed = The signature is intact, but Backpack could not confirm who owns the key that signed it (see below).
status-help-could_not_check = Nothing failed, but something needed could not be checked — often because network checks are off, or the issuer's website did not answer.
status-help-invalid = A check failed: the badge was changed after it was signed, or is not a well-formed badge. Do not rely on it.
status-help-expired = The badge was valid but its end date has passed.
status-help-revoked = The issuer has withdrawn (revoked or suspended) this badge.
status-help-unreadable = No badge could be read from the file.
status-help-not_checked = Never checked yet, or checked only under older, weaker rules. Use “Check again”.

## wallet gallery
wallet-title = My badges
recheck-all = Check all again
toolbar =
    .aria-label = Search and filters
search-label = Search badges
search-input =
    .placeholder = Search name, issuer, skill…  (press /)
filter-issuer = Filter by issuer
filter-status = Filter by status
filter-collection = Filter by collection
filter-tag = Filter by tag
any-status = Any status
all-issuers = All issuers
all-collections = All collections
all-tags = All tags
sort-label = Sort
sort-date-desc = Newest first
sort-date-asc = Oldest first
sort-name = Name A–Z
sort-issuer = Issuer A–Z
empty-title = Your backpack is empty
empty-text = Add the badges you have earned: baked images (PNG or SVG), badge files (JSON or JWT) or links.
empty-add = Add badges
try-samples = Try the sample badges
no-match = No badge matches.
clear-filters = Clear search and filters
gallery =
    .aria-label = Badges
result-count = { $total ->
    [one] { $total } badge
   *[other] { $total } badges
  }
result-count-some = { $shown } of { $total } badges
rechecking = Checking { $done } of { $total }…
rechecked = { $n ->
    [one] Checked { $n } badge again.
   *[other] Checked { $n } badges again.
  }
samples-added = { $n ->
    [0] The sample badges are already in your backpack.
    [one] Added { $n } sample badge to your backpack.
   *[other] Added { $n } sample badges to your backpack.
  }
card-label = { $name }, from { $issuer }, { $status }
card-label-trust = { $name }, from { $issuer }, { $status }, { $trust }
trust-known = known issuer
trust-claims = claims a known issuer
trust-test = test issuer

## collections (static part)
collections-title = Collections
new-collection-label = New collection name
new-collection-input =
    .placeholder = New collection, e.g. Job applications
collection-list =
    .aria-label = Your collections

## import (static part)
import-title = Add badges
drop-title = Drop files or folders here
drop-text = Baked PNG or SVG images, JSON or JWT files, a ZIP of badges, or another wallet’s export (Learner Credential Wallet backup, LearnCard bundle, Badgr list, Mozilla Backpack ZIP, Open Badge Factory PDF).
pick-files = Choose files…
pick-folder = Choose a folder…
paste-title = Paste a badge
paste-text = Its JSON, a JWT, or the link to a hosted badge.
paste-add = Add pasted badge
add-samples = Add the sample badges
received-title = Received a portfolio?
received-text = Check an HTML page, ZIP or presentation someone shared with you. It is only checked, not added.
open-received = Check a received file…
hosts-title = Connect a badge host
hosts-text = Bring in your badges from a school or platform that speaks the Open Badges 3.0 API. You sign in on its own site, in your browser; Backpack keeps the sign-in in your system's credential store and checks every badge it brings in.
hosts-network = Allow network access in Settings first.
host-url = Host address
host-connect = Connect
host-signin-text = Waiting for you to sign in in your browser…
host-signin-copy = If your browser did not open, copy this address into it:
progress-label = Adding badges…
results = Results
drop-overlay = Drop to add to your backpack

## settings (static part)
settings-title = Settings
language-title = Language
language-label = Language of the app
language-system = Follow the system ({ $name })
language-help = Exports and the command line are still in English.

## first run
welcome-title = Welcome to Backpack
welcome-skip = Skip for now
welcome-lead = Your badges, on your computer, under your control. Three steps to start:
welcome-step1-title = Add your email addresses
welcome-step1-why = Badges are issued to an email address. Backpack uses yours to check that a badge was really issued to you — only on this computer.
welcome-email-label = Email address
welcome-email-input =
    .placeholder = you@example.org
welcome-step2-title = Bring in your badges
welcome-step2-how = Drop badge files or a whole folder anywhere on this window, or choose them. Not sure yet? Try the sample badges.
welcome-samples = Try the samples
welcome-step3-title = What stays on this computer
welcome-step3-text = Everything: your badges, their original files, your emails and notes live in one wallet file here. Nothing is sent anywhere unless you allow network checks in Settings or export a file yourself.
welcome-done = Go to my badges
welcome-email-added = Added { $email }.
remove-identity =
    .aria-label = Remove { $value }

## help
help-title = Help
help-show-welcome = Show the first steps again
help-verdicts-title = What a badge's status means
help-verdicts-intro = Backpack checks every badge when you add it, and again when you ask. Each badge shows one of these:
help-inc-title = “Issuer not confirmed”
help-inc-text1 = The badge's signature is intact: nobody changed it since it was signed. But Backpack could not confirm that the key that signed it belongs to the organisation named as issuer.
help-inc-text2 = Anyone can make a key and sign a badge with any name on it. Allow network checks so Backpack can fetch the issuer's published keys, or import a trusted issuer list from your school in Settings.
help-share-title = Sharing your badges
help-share-text = Make a collection (Collections), add badges to it from each badge's page, then choose Export. You get a file — a web page, a ZIP, a PDF or a signed presentation — that you send yourself. Whoever receives it can check every badge offline. Before saving, Backpack tells you exactly what the file will show about you.
help-backup-title = Backing up
help-backup-text = All your badges live in one wallet file; Settings shows where. Copy it while Backpack is closed, or make an encrypted backup from the command line: backpack backup FILE. Keep the copy somewhere else, such as a USB stick.
help-minor-title = What minor mode protects
help-minor-text = For younger learners. With minor mode on, sharing, exports, backups, original files and every network feature are hidden until a parent or guardian enters the passphrase. The badges can still be viewed and checked on this computer.

## shared helpers (dom.js)
url-web =
    .title = Web address (copy it to open it in your browser)
url-not-web =
    .title = Not a web address
key-pass-title = Signing key passphrase
key-pass-text = This computer has no keyring, so Backpack keeps the key that signs your portfolios in an encrypted file beside your wallet. Enter its passphrase (the first time: choose one and keep it safe). Backpack keeps it only until you close the app.

## badge detail (views/detail.js)
check-decode = Read the file
check-parse = Recognised the badge
check-schema = Required fields present
check-proof = Digital signature
check-issuer_key = Issuer's key
check-hosted = Hosted copy matches
check-issuer = Issuer profile
check-expiry = Not expired
check-not_before = Already valid
check-status = Not revoked
check-recipient = Issued to you
outcome-pass = Passed
outcome-fail = Failed
outcome-skipped = Not needed
outcome-error = Could not check
loading = Loading…
unknown-issuer = Unknown issuer
badge-image-alt = Image of the badge { $name }
remote-image = This badge's image is on the issuer's website. It is not loaded, so the issuer cannot see when you look at your badges.
download-original = Download original file
add-to-linkedin = Add to LinkedIn
remove-badge = Remove from backpack
col-check = Check
col-result = Result
col-detail = Detail
tech-details = Technical details
tech-summary = Verdict: { $verdict } · format: { $format } · checked { $checked }
tech-key = Key:
from-cache = (from cache)
earlier-checks = Earlier checks
check-again = Check again
checking = Checking…
checked-again = Checked again: { $status }.
conflict-note = This copy claims to be a newer version of another badge in your backpack, but it is not signed with the issuer's key, so it was kept aside.
conflict-open = Open the badge it claims to replace
conflicts-note = { $n ->
    [one] A copy of this badge claiming to be newer was kept aside: not signed with the issuer's key.
   *[other] { $n } copies of this badge claiming to be newer were kept aside: not signed with the issuer's key.
  }
conflict-open-n = Open #{ $n }
f-issued = Issued
f-valid-from = Valid from
f-valid-until = Valid until
f-type = Type
f-standard = Standard
f-issuer = Issuer
f-issuer-website = Issuer website
f-issuer-email = Issuer email
f-issuer-id = Issuer id
f-badge-id = Badge id
f-file = File
f-added = Added
issued-by = Issued by
about-badge = About this badge
details = Details
alignments = Skills and alignments
alignment = Alignment
evidence = Evidence
result = Result
level = level { $level }
issuer-tags = Issuer's tags
scope-credential = this badge
scope-achievement = this achievement
scope-issuer = the issuer
scope-creator = the achievement's creator
endorsements = Endorsements
endorsed-by = Endorsed by { $endorser }
endorsement-of = of { $scope }
trust-from-list = From the trust list “{ $list }” (Settings)
criteria = How it was earned
criteria-page = Criteria page:
issued-to = Issued to
recipient-hashed = hidden (hashed) — matched against the emails in Settings
badge-note = 
    .aria-label = Your note about this badge
    .placeholder = What did you do to earn it? Only you see this.
badge-tags = 
    .aria-label = Your tags, separated by commas
    .placeholder = e.g. robotics, summer 2026
saved = Saved.
save = Save
notes-tags = Your notes and tags
add-to-collection-select = 
    .aria-label = Collection to add this badge to
added-to-collection = Added to the collection.
in-no-collection = Not in any collection yet.
add-to-collection = Add to collection
make-a-collection-first = Create a collection in Collections to group badges for an application.
saved-original = Saved the original file, byte for byte.
remove-title = Remove this badge?
remove-text = “{ $name }” will be removed from your backpack. You can undo this right after.
removed = Removed “{ $name }”.
undo = Undo
restored = Badge restored.

## collections (views/collections.js)
collection-created = Created “{ $name }”.
collections-empty-title = Group your badges
collections-empty-text = Make a collection for a job application, a college portfolio or a club — then add badges to it from any badge's page.
collection-name = 
    .aria-label = Collection name
collection-note = 
    .aria-label = Note for this collection
    .placeholder = A short intro, e.g. for the person you share it with.
collection-saved = Collection saved.
collection-delete-title = Delete this collection?
collection-delete-text = “{ $name }” will be deleted. The badges stay in your backpack.
collection-deleted = Collection deleted.
delete = Delete
collection-badges = 
    .aria-label = Badges in { $name }
move-up = 
    .aria-label = Move { $name } up
move-down = 
    .aria-label = Move { $name } down
remove-from-collection = 
    .aria-label = Remove { $name } from { $collection }
note = Note
collection-badges-title = Badges ({ $n })
collection-no-badges = No badges yet. Open a badge and choose “Add to collection”.
format-html = Web page (HTML) — opens in any browser, offline
format-zip = ZIP bundle — page, original files and baked images
format-pdf = PDF — for printing (no verifiable originals)
format-vp = Signed presentation (JSON) — for verifier software
export-format = 
    .aria-label = Export format
export-evidence = Include evidence
export-notes = Include my notes
export-dates = Include dates
export-emails = Show my email address on the page
export-not-in-vp = Not in the signed presentation (Open Badges 2.0): { $list }
export-warning-title = Before you share
export-choose-where = Choose where to save
exported = { $n ->
    [one] Exported { $n } badge ({ $kb } KB).
   *[other] Exported { $n } badges ({ $kb } KB).
  }
export-title = Share this collection
export-text = Makes a file you can send: whoever receives it can check every badge, offline, without any server.
export-button = Export…

## import and received files (views/import.js)
import-stopping = Stopping after this file…
import-progress = { $done } of { $total } files
import-looking = Looking for badges…
import-stopped = stopped after { $done } of { $total } files; the rest were not read
import-more-lines = …and { $n } more (counted in the summary above)
import-outcome-imported = Added
import-outcome-duplicate = Already there
import-outcome-conflict = Kept aside
import-outcome-refused = Not added
import-sum-added = { $n } added
import-sum-duplicate = { $n } already in your backpack
import-sum-conflict = { $n } kept aside (not signed by the issuer)
import-sum-refused = { $n } not added
recipient-matches = Issued to the sender
recipient-does_not_match = Not issued to the sender
recipient-not_stated = Does not say who it was issued to
received-sent-by = Sent by (email or DID)
received-check-recipient = Check it was issued to them
received-file = Received file
received-all-verify = everything verifies
received-not-all-verify = not everything verifies
received-kind = { $kind } export, { $n ->
    [one] { $n } credential.
   *[other] { $n } credentials.
  }
received-kind-made = { $kind } export, made { $made }, { $n ->
    [one] { $n } credential.
   *[other] { $n } credentials.
  }
received-from-credentials = What is listed here is read from the signed credentials themselves, not from the page.
received-page-matches = The page shows exactly what its credentials say.
received-page-differs = The page does not show what its credentials say.
received-trust-list = Trust the list below, not the page:
received-expires = Expires
received-no-badge = No readable badge
received-issuer-not-named = issuer not named
received-changed = Changed after export:
received-source = From
received-presentation-by = Presentation by { $holder }:
received-unknown-holder = unknown holder

## badge hosts (views/hosts.js)
host-connected = Connected to { $host }. Your sign-in is kept in { $store }.
host-connected-as = Connected to { $host } as { $who }. Your sign-in is kept in { $store }.
host-store-note = { $note }: you will sign in again next time; nothing secret is written to disk.
host-forget-title = Forget this host?
host-forget-text = { $name }: its sign-in and sync history are removed. The badges it brought stay in your backpack.
host-forget = Forget
host-syncing = Bringing in your badges… (if the host asks you to sign in again, do it in your browser)
host-synced-before = { $n } synced before
host-last-synced = last synced { $date }
host-not-synced = not synced yet
host-signed-in-as = signed in as { $who }
host-synced-count = { $n ->
    [one] { $n } badge from this host, { $last }
   *[other] { $n } badges from this host, { $last }
  }
host-sync-now = Sync now

## settings (views/settings.js)
profile-title = You
profile-text = Your email addresses and DIDs let Backpack check that a badge was issued to you. They never leave this computer.
profile-emails = Email addresses
profile-add-email = Add an email address
profile-dids = DIDs
profile-add-did = Add a DID
network-on = Network checks are on.
network-off = Network checks are off.
network-title = Network
network-allow = Allow Backpack to go online to check badges
network-off-text = Off (the default): every check happens on this computer. Some badges can then only be “not checked”.
network-on-text = On: when you add or re-check a badge, Backpack may contact the issuer's website named in that badge — to fetch a hosted badge, the issuer's public key, or its revocation list. The issuer can see that this badge was checked, from your internet address. Your emails, notes and other badges are never sent.
network-images = Badge images from the web are never loaded either way.
guardian-pass = Guardian passphrase
minor-title = Minor mode
minor-text = For younger learners: hides sharing, export and every network feature until a parent or guardian enters the passphrase.
minor-on-toast = Minor mode is on.
minor-turn-on = Turn on minor mode
minor-locked = Minor mode is on. Sharing and network features are hidden.
minor-unlocked-toast = Unlocked until you lock again or close the app.
minor-unlock = Unlock
minor-unlocked = Minor mode is on and unlocked for this session.
minor-lock = Lock again
minor-off-toast = Minor mode is off.
minor-turn-off = Turn minor mode off
trust-name = 
    .aria-label = Name for the list (optional)
    .placeholder = Name (optional, e.g. DCC Sandbox Registry)
trust-import = Import a list…
trust-imported = Imported “{ $name }”: { $n ->
    [one] { $n } issuer
   *[other] { $n } issuers
  }{ $test ->
    [yes] {" "}(a test list)
   *[no] {""}
  }.
trust-replaced = Replaced “{ $name }”: { $n ->
    [one] { $n } issuer
   *[other] { $n } issuers
  }{ $test ->
    [yes] {" "}(a test list)
   *[no] {""}
  }.
trust-test-list = test list
trust-list-line = { $n ->
    [one] { $n } issuer
   *[other] { $n } issuers
  } · { $format } · imported { $imported }
trust-dated = dated { $date }
trust-remove = 
    .aria-label = Remove the list { $name }
trust-removed = Removed “{ $name }”. Your badges are unchanged.
trust-title = Trusted issuer lists
trust-text1 = A list from your school or a registry you trust names issuers it recognises. Badges from those issuers then show “Known issuer” beside their status. A list never changes whether a badge is verified, and a badge that is not verified only “claims” to be from a known issuer.
trust-text2 = Backpack reads its own trust list format and DCC registry.json files. Sandbox and test lists are marked: anyone may be able to sign as their issuers.
trust-none = No lists yet.
trust-is-test = This is a sandbox or test list
trust-replace = Replace a list with the same name
key-where-os-keyring = Your signing key is kept in this computer's keyring, not in the wallet file.
key-where-key-file = There is no keyring on this computer: your signing key is kept in an encrypted file beside the wallet.
key-where-in-wallet = Your signing key is still inside the wallet file, from an older version of Backpack. Give it a passphrase to move it into its own encrypted file.
key-where-none = Backpack makes your signing key the first time you export a signed portfolio.
key-pass-note = Only needed where there is no keyring. Backpack keeps it until you close the app, never on disk.
key-pass-set = Signing key passphrase set for this session.
key-pass-use = Use this passphrase
key-title = Signing key
wallet-file-title = Your wallet file
wallet-file-text = All your badges, with their original files, live in this one file on this computer. Back it up like any important document.
wallet-file-count = { $n ->
    [one] { $n } badge.
   *[other] { $n } badges.
  }
enc-current = Current wallet passphrase
enc-new = New wallet passphrase
enc-repeat = 
    .aria-label = Repeat the passphrase
    .placeholder = Repeat it
enc-differ = the two passphrases differ
enc-removed = The wallet is no longer encrypted.
enc-done = The wallet is encrypted. Backpack will ask for the passphrase when it starts.
enc-is-on = This wallet file is encrypted: without the passphrase it cannot be read, even by someone who copies it.
enc-remove = Remove encryption
enc-text = Encrypt the whole wallet file with a passphrase. Backpack asks for it every time it starts; if you forget it, only a backup can bring your badges back. Close the command line first if it is using this wallet.
enc-encrypt = Encrypt the wallet
enc-title = Encryption
problem-wallet-pass = Wallet passphrase
problem-backup-pass = Backup passphrase
problem-open = Open
problem-restore = Restore from a backup…
problem-locked = This wallet is encrypted
problem-damaged = Your wallet could not be opened
problem-damaged-text = Nothing was changed or overwritten. Restore a backup: the damaged file is kept beside it (as .before-restore). From the command line: backpack restore BACKUP --force.

## native dialogs (api.js)
dlg-received = Choose the portfolio you received
dlg-received-filter = Shared portfolios
dlg-save-export = Save the export
dlg-backup = Choose a Backpack backup
dlg-folder = Choose a folder of badges
dlg-files = Choose badge files
dlg-files-filter = Badges
dlg-save-original = Save the original badge file

## settings: example DID (a pseudo-locale run accents it too)
did-example = did:key:z6Mk…

## detail: nothing new

## import: technical examples (placeholders)
received-recipient = 
    .placeholder = name@example.org
paste-input = 
    .placeholder = {"{"}"@context": …{"}"}  or  eyJhbGciOi…  or  https://…
host-url-input = 
    .placeholder = https://badges.example.edu

## import: from main (reach-wallets: links, other wallets)
url-title = Add a badge from a link
url-text = The link of a hosted badge (an Open Badges 2.0 assertion or a 3.0 credential). It is fetched only when network access is on in Settings, then checked.
url-input = 
    .placeholder = https://…
url-add = Add from link
import-outcome-skipped = Left out
import-sum-skipped = another wallet’s keys and non-badge entries left out
## skills and pathways (ui/js/views/skills.js)
skills-title = Skills and pathways
skills-search =
    .placeholder = Search skills, frameworks, codes…
skills-search-label = Search skills
skills-loading = Loading…
skills-by-framework = Skills by framework
skills-none = None of your badges names a skill yet. Badges that align to a framework (ESCO, O*NET, CASE, CTDL…) show their skills here.
skills-no-match = No skill matches your search.
skills-results = Results
skills-types = Kinds of achievement
skills-stacks = Pathways
skills-stacks-none = No badges build on each other yet. Achievements that reference each other, a transcript’s parts, and badges aligned to the same skill appear here as a path.
skills-timeline = Timeline
skills-undated = Undated
skills-shown-by = { $n ->
    [one] { $n } badge:
   *[other] { $n } badges:
  }
skills-not-held = not in your backpack
skills-linked-by = Linked by
skills-shared = Badges aligned to the same skill, in the order you earned them
skills-count = { $s ->
    [one] { $s } skill
   *[other] { $s } skills
  } in { $f ->
    [one] { $f } framework
   *[other] { $f } frameworks
  }
skills-rel-related = same achievement as
skills-rel-isParentOf = includes
skills-rel-isChildOf = is part of
skills-rel-isPartOf = is part of
skills-rel-precedes = comes before
skills-rel-replacedBy = is replaced by
skills-rel-isPeerOf = is a peer of
skills-rel-exactMatchOf = matches
skills-rel-isRelatedTo = is related to
li-title = Add to LinkedIn
li-intro = LinkedIn’s “Add license or certification” form, with these fields. Copy them by hand, or open the form already filled in.
li-name = Name
li-org = Issuing organization
li-issued = Issue date
li-expires = Expiration date
li-cert-id = Credential ID
li-cert-url = Credential URL
li-no-url = None: this badge has no public web address of its own. LinkedIn will show it without a link.
li-link = Link
li-copy = Copy
li-copied = Copied.
li-open = Open LinkedIn…
li-close = Close
li-confirm-title = Open LinkedIn in your browser?
li-confirm-text = Your browser will open LinkedIn with “{ $name }”, its issuer, dates and credential ID filled in. Nothing is sent until you save it on LinkedIn.
li-confirm-ok = Open LinkedIn
li-opened = LinkedIn opened in your browser.
export-skills = Include a skills summary
skills-no-framework = Other skills
`;
