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
drop-text = Baked PNG or SVG images, JSON or JWT files, or a ZIP of badges.
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
`;
