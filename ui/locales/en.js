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

## dates (src/i18n.rs Catalog::date; the app formats its dates with Intl)
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## exports: the HTML portfolio page and the PDF (src/export/html.rs, pdf.rs)
export-default-title = My badges
export-untitled = Untitled badge
export-skip = Skip to badges
export-meta = { $n ->
    [one] { $n } badge · exported { $date } with Backpack
   *[other] { $n } badges · exported { $date } with Backpack
  }
export-image-alt = Badge image: { $name }
export-no-image-for = No image for { $name }
export-no-image = No image
export-image-not-shown = Image not shown
export-checked-on = checked by the sender's Backpack on { $date }
export-not-checked = not checked by the sender's Backpack
export-unnamed-endorser = an unnamed endorser
export-endorsed = Endorsed by { $by } ({ $status }), of { $scope ->
    [credential] this badge
    [achievement] this achievement
    [issuer] the issuer
   *[creator] the achievement's creator
  }
export-issuer = Issuer
export-issued = Issued
export-valid-from = Valid from
export-expires = Expires
export-recipient = Recipient
export-hashed = hashed identity
export-type = Type
export-credential-id = Credential id
export-criteria = Criteria
export-criteria-page = Criteria page: { $url }
export-alignments = Skills and alignments
export-unnamed = (unnamed)
export-results = Results
export-heading-evidence = Evidence
export-my-note = My note
export-original-html = Original credential: { $file }, embedded in this page as { $block } ({ $format }).
export-ob2-notice = Open Badges 2.0 badges cannot go inside a verifiable presentation; these are embedded on their own: { $names }.
export-heading-skills = Skills
export-no-skills = None of these badges names a skill.
export-footer = Made with Backpack, a learner-owned badge wallet. This page loads nothing from the network.
export-howto-label = How to check these badges
export-howto-lead = How to check these badges.
export-howto-html-1 = This page is a copy that anyone could edit; what proves each badge is its original credential, embedded unchanged in this page's source as a base64 block ({ $blocks }, each naming its file in { $attr }). A Backpack ZIP bundle also holds them as files in its { $folder } folder.
export-howto-html-2 = Open this file in Backpack (“Check a received file”, or { $command }): it checks every credential again and reports any name, issuer, date or status on this page that differs from it. Or give the credential files to any Open Badges verifier. The status beside each badge is what the sender’s Backpack found when the page was made.
pdf-checked-on = checked by the sender’s Backpack on { $date }
pdf-not-checked = not checked by the sender’s Backpack
pdf-why = Why: { $reason }
pdf-endorsements = Endorsements
pdf-endorsement = { $name } — by { $by }, of the { $scope ->
    [credential] credential
    [achievement] achievement
    [issuer] issuer
   *[creator] creator
  }: { $status }
pdf-howto-badge = How to check this badge
pdf-qr-alt = QR code linking to { $url }
pdf-howto-qr = The QR code opens this badge’s own address: { $url }
    The original credential is attached to this PDF as { $file } ({ $format }); open the PDF in Backpack (“Check a received file”, or backpack verify-share) or give the attached file to any Open Badges verifier.
pdf-howto-no-qr = This badge has no public address of its own, so it has no QR code. Its original credential is attached to this PDF as { $file } ({ $format }): open the PDF in Backpack (“Check a received file”, or backpack verify-share) or save the attachment and give it to any Open Badges verifier.
pdf-badges-heading = Badges in this collection
pdf-howto = This PDF is a printable copy that anyone could edit; what proves each badge is its original credential, attached to this PDF unchanged (most PDF viewers list attachments in a side panel; each is named like 01-badge-name.json). Open this PDF in Backpack (“Check a received file”, or backpack verify-share FILE.pdf): it checks every attached credential again and shows what each one says. Or save an attachment and give it to any Open Badges verifier. A badge with a public address of its own has a QR code on its page that opens it. The status printed beside each badge is what the sender’s Backpack found when the PDF was made.
pdf-skill-badges = { $n ->
    [one] badge { $list }
   *[other] badge { $list }
  }
pdf-page-footer = { $title } · page { $page } of { $total }
pdf-description = { $n } Open Badges, with each original credential attached
export-privacy-none = no linkable identifiers leave this machine with this export
export-privacy-header = this export shares these linkable identifiers:
export-privacy-in = (in "{ $badge }")
export-privacy-hidden = hidden on the page, but still inside the signed original
export-privacy-signed-note = signed originals cannot be altered without breaking their signatures, so identifiers inside them are shared as issued
export-privacy-kind-email = email address
export-privacy-kind-hashed-email = hashed email (anyone who knows the address can confirm it)
export-privacy-kind-did = recipient DID
export-privacy-kind-other = recipient identity
export-privacy-kind-credential-id = credential id
export-privacy-kind-learner-did = your wallet's did:key (signs the presentation)
export-font-notice = no installed font can print { $chars }: they show as empty boxes in the pdf (still selectable text); install a font for that script (on Debian: fonts-noto-core, fonts-noto-cjk)

## command line: shared (cli/src/commands/mod.rs). Fluent trims a value's leading and
## trailing spaces: prompts get their final space in the code.
cli-key-pending = warning: your signing key is still inside the wallet file: { $why }
cli-cannot-write = cannot write { $path }: { $error }
cli-key-moved = moved your signing key out of the wallet file into { $store }
cli-key-move-failed = warning: your signing key could not be moved out of the wallet file: { $error }
cli-guardian-hint = a guardian can type it when asked, or set BACKPACK_GUARDIAN_PASSPHRASE
cli-minor-offline = minor mode is on: checking offline
cli-restore-hint = to restore a backup: backpack --wallet { $path } restore BACKUP-FILE --force  (the current file is kept beside it as .before-restore)
cli-cannot-open-wallet = cannot open wallet { $path }: { $error }
cli-prompt-wallet-passphrase = Wallet passphrase for { $path }:
cli-reading-wallet-passphrase = reading the wallet passphrase
cli-prompt-repeat-wallet = Repeat the wallet passphrase:
cli-passphrases-differ = the two passphrases differ
cli-prompt-guardian = Minor mode is on. Guardian passphrase:
cli-reading-guardian-passphrase = reading the guardian passphrase
cli-key-store-choices = use os, file or auto
cli-prompt-new-key-passphrase = No system keyring here: choose a passphrase for your signing key's file:
cli-prompt-key-passphrase = Passphrase of your signing key's file:
cli-prompt-repeat-it = Repeat it:
cli-status-verified = verified
cli-status-issuer_not_confirmed = issuer not confirmed
cli-status-could_not_check = could not check
cli-status-invalid = invalid
cli-status-expired = expired
cli-status-revoked = revoked
cli-status-unreadable = unreadable
cli-status-not_checked = not checked
cli-expected-one-of = expected one of { $choices }
cli-not-a-badge-id = { $value } is not a badge id (a number, as in "backpack list")

## backpack list
cli-list-empty = no badges (import some with: backpack import PATH)
cli-list-trust-known = known
cli-list-trust-claims = claims
cli-list-trust-test = (test)
cli-col-id = ID
cli-col-name = NAME
cli-col-issuer = ISSUER
cli-col-issued = ISSUED
cli-col-format = FORMAT
cli-col-status = STATUS
cli-col-trust = TRUST

## backpack show (labels in a column: the longest sets its width)
cli-show-badge = badge
cli-show-issuer = issuer
cli-show-issued = issued
cli-show-valid-from = valid from
cli-show-valid-until = valid until
cli-show-format = format
cli-show-status = status
cli-show-issuer-label = issuer label
cli-show-why = why
cli-show-checked-at = checked at
cli-show-earlier = earlier
cli-show-conflict = conflict
cli-show-kept-aside = kept aside
cli-show-endorsed-by = endorsed by
cli-show-description = description
cli-show-criteria = criteria
cli-show-recipient = recipient
cli-show-skill = skill
cli-show-evidence = evidence
cli-show-result = result
cli-show-image = image
cli-show-tags = tags
cli-show-note = note
cli-show-source = source
cli-show-sha256 = sha256
cli-show-parent = parent
cli-show-inside = inside
cli-show-replaced-by = replaced by
cli-show-history = history
cli-show-removed = removed
cli-show-format-value = { $format } (spec { $spec }, { $container } file)
cli-show-older-rules = under older rules that did not confirm who signed
cli-show-conflict-value = claims to be a newer version of #{ $id } but is not signed with the issuer's key
cli-show-kept-aside-value = #{ $id } claims to be a newer version of this badge but is not signed with the issuer's key
cli-show-endorsed-value = { $by } ({ $status }, of the { $scope })
cli-show-endorsed-file-value = { $by } ({ $status }, of the { $scope }; file { $file })
cli-show-kind-email = email
cli-show-kind-url = url
cli-show-kind-telephone = telephone
cli-show-kind-did = did
cli-show-hashed = (hashed)
cli-show-result-default = result
cli-show-image-baked = the badge file itself ({ $mime })
cli-show-image-data = embedded ({ $bytes } bytes)
cli-show-image-remote = remote { $url } (not fetched)
cli-show-source-value = { $source } (imported { $at })
cli-show-parent-value = #{ $id } (the CLR it came in)
cli-show-replaced-value = #{ $id } (this is an older version)

## backpack verify, recheck (the checks' details come from the core's chk-… messages; cli-check-…: a check's name, its id in English)
cli-verify-fetch-cached = { $status } from the wallet cache (fetched { $at })
cli-verify-fetch-took = { $status } in { $ms } ms
cli-check-decode = decode
cli-check-parse = parse
cli-check-schema = schema
cli-check-proof = proof
cli-check-issuer_key = issuer_key
cli-check-hosted = hosted
cli-check-issuer = issuer
cli-check-expiry = expiry
cli-check-not_before = not_before
cli-check-status = status
cli-check-recipient = recipient
cli-verify-too-large = larger than the { $limit }-byte file limit
cli-verify-no-response = no response
cli-verify-fetch = fetch { $url }: { $what }
cli-verify-cannot-read = { $file }: cannot read: { $error }
cli-verify-trust = trust: { $label }

## backpack import (the first word of a line sits in a column of 10)
cli-import-imported = imported
cli-import-conflict-word = conflict
cli-import-duplicate = duplicate
cli-import-endorsement = endorsement
cli-import-refused = refused
cli-import-skipped = skipped
cli-import-failed = failed
cli-import-inside = with { $n } credential(s) inside
cli-import-newer = newer version of #{ $id } (kept as history)
cli-import-history = another version of #{ $id } (same id), kept as history
cli-import-conflict = claims to be a newer version of #{ $id } but is not signed with the issuer's key: kept beside it, not in its place
cli-import-by = by { $name }
cli-import-endorses-missing = endorses { $target } (not in your wallet)
cli-import-endorses = endorses { $ids }
cli-import-already = already in your wallet
import-line-inside = { $name } (and { $n } badges inside it)
import-line-history = { $name }: an older version of a badge you have, kept as its history
import-line-already = already in your wallet
import-line-endorsement-by = { $name }: an endorsement by { $endorser }, { $place }
import-line-endorsement = { $name }: an endorsement, { $place }
import-line-endorses-missing = of something not in your backpack
import-line-endorses = shown on { $n } of your badges
import-line-conflict = { $name }: claims to be a newer version of badge #{ $id } but is not signed with the issuer's key, so it was kept beside it, not in its place
cli-import-summary = { $imported } imported, { $duplicate } already in your wallet, { $refused } refused
cli-import-n-failed = { $n } failed
cli-import-n-skipped = { $n } skipped
cli-import-learncard-prompt = LearnCard bundle password:
cli-import-reading-password = reading the password

## backpack export (the privacy warning and the PDF font notice are the core's export-… messages)
cli-export-not-in-vp = not in the signed presentation (open badges 2.0 cannot be): { $names }
cli-export-wrote = { $n ->
    [one] wrote { $file } ({ $n } badge, { $bytes } bytes)
   *[other] wrote { $file } ({ $n } badges, { $bytes } bytes)
  }

## backpack recheck
cli-recheck-cannot-list = cannot list the wallet's badges
cli-recheck-cannot-read-profile = cannot read the learner profile
cli-recheck-cannot-read-badges = cannot read the wallet's badges
cli-recheck-cannot = cannot re-check badge { $id }
cli-recheck-no-such = badge { $id }: no such badge in your wallet
cli-recheck-empty = the wallet holds no badges to re-check
cli-recheck-refresh = refresh: { $what }
cli-recheck-replaced = the issuer's refresh service gave a newer version, now #{ $id } (this one is kept as its history)

## backpack collection
cli-collection-created = created collection #{ $id } "{ $name }"
cli-collection-renamed = renamed collection #{ $id } "{ $name }" to "{ $new }"
cli-collection-holds = { $n ->
    [one] collection #{ $id } "{ $name }" now holds { $n } badge
   *[other] collection #{ $id } "{ $name }" now holds { $n } badges
  }
cli-collection-not-in = not in collection "{ $name }": { $ids }
cli-collection-none = no collections yet: backpack collection create NAME
cli-collection-count = { $n ->
    [one] { $n } badge
   *[other] { $n } badges
  }
cli-collection-deleted = { $n ->
    [one] deleted collection #{ $id } "{ $name }" (its { $n } badge stay in the wallet)
   *[other] deleted collection #{ $id } "{ $name }" (its { $n } badges stay in the wallet)
  }

## backpack profile
cli-profile-added = added { $kind } { $value }
cli-profile-none = no identities yet (add one with: backpack profile add-email EMAIL)
cli-profile-removed = removed { $value }
cli-profile-not-in = { $value } is not in your profile
cli-profile-kind-email = email
cli-profile-kind-did = did
cli-profile-kind-url = url

## backpack remove
cli-remove-restored = restored #{ $id } "{ $name }"
cli-remove-removed = removed #{ $id } "{ $name }" (undo with: backpack remove --undo { $id })
cli-remove-purged = deleted { $n } removed badge(s) for good

## backpack init
cli-init-no-passphrase = no wallet passphrase: set BACKPACK_WALLET_PASSPHRASE or run in a terminal
cli-init-cannot-create = cannot create { $path }
cli-init-created-encrypted = created the encrypted wallet { $path }
cli-init-created = created the wallet { $path }
cli-init-cannot-encrypt = cannot encrypt { $path }
cli-init-encrypted = encrypted the wallet { $path } (close the app first if it had it open)
cli-init-cannot-decrypt = cannot decrypt { $path }
cli-init-decrypted = the wallet { $path } is no longer encrypted
cli-init-already-encrypted = { $path } is already encrypted
cli-init-not-encrypted = { $path } is not encrypted
cli-init-exists = the wallet { $path } already exists

## backpack backup, restore, minor-mode
cli-reading-passphrase = reading the passphrase
cli-reading-passphrase-stdin = reading the passphrase from stdin
cli-prompt-repeat = Repeat the passphrase:
cli-backup-no-wallet = { $path }: no wallet here to back up
cli-backup-lacks-key = the backup would lack your signing key
cli-backup-prompt = Backup passphrase:
cli-backup-done = backed up { $wallet } to { $file } ({ $bytes } bytes, encrypted)
cli-backup-too-large = { $file }: { $bytes } bytes is above the { $limit }-byte backup limit
cli-restore-needs-passphrase = { $path } is encrypted: give its wallet passphrase (BACKPACK_WALLET_PASSPHRASE) so the restored wallet is encrypted too (passphrase lost? move the file away, restore, then backpack init --encrypt)
cli-restore-done = restored { $bytes } bytes of wallet into { $path }
cli-restore-previous = the previous wallet is kept at { $path }
cli-minor-prompt-repeat = Repeat the guardian passphrase:
cli-minor-prompt-new = New guardian passphrase:
cli-minor-prompt = Guardian passphrase:
cli-minor-on = minor mode is on: network, export, backup and original files need the guardian passphrase
cli-minor-off = minor mode is off
cli-minor-status-on = minor mode is on

## backpack hosts, linkedin
cli-hosts-none = no badge host connected (backpack connect URL)
cli-hosts-col-address = ADDRESS
cli-hosts-col-signed-in = SIGNED IN AS
cli-hosts-col-last-sync = LAST SYNC
cli-hosts-col-synced = SYNCED
cli-hosts-never = never
cli-hosts-removed = removed
cli-hosts-badges-stay = (its badges stay in your wallet)
cli-linkedin-name = Name
cli-linkedin-organization = Organization
cli-linkedin-issued = Issued
cli-linkedin-expires = Expires
cli-linkedin-credential-id = Credential ID
cli-linkedin-credential-url = Credential URL
cli-linkedin-no-url = (none: the badge has no public https address of its own)
cli-linkedin-add = Add to LinkedIn:
cli-no-browser = could not start a browser ({ $error }): open the link above yourself

## backpack verify-share (the checks' details and the page differences are the core's chk-… messages)
cli-share-too-large = { $file }: { $bytes } bytes is above the { $limit }-byte limit for a shared export
cli-outcome-pass = pass
cli-outcome-fail = fail
cli-outcome-skipped = skipped
cli-outcome-error = could not check
cli-share-kind-html = html portfolio
cli-share-kind-zip = zip bundle
cli-share-kind-vp = verifiable presentation
cli-share-kind-pdf = pdf with attached credentials
cli-share-titled = titled "{ $title }" by its sender
cli-share-exported = exported { $at }
cli-share-unknown-format = unknown format
cli-share-no-badge = (no readable badge)
cli-share-not-named = (not named)
cli-share-issuer = issuer: { $issuer }
cli-share-issued = issued
cli-share-valid-from = valid from
cli-share-expires = expires
cli-share-why = why: { $why }
cli-share-from = from: { $source } ({ $format })
cli-share-integrity-fail = integrity: fail — { $detail }
cli-share-recipient-matches = matches
cli-share-recipient-differs = does not match
cli-share-recipient-not-stated = not stated
cli-share-recipient = recipient: { $state } — { $detail }
cli-share-presentation = presentation: { $outcome } — { $detail }
cli-share-holder = (holder { $holder })
cli-share-challenge = challenge: { $value }
cli-share-domain = domain: { $value }
cli-share-no-presentation = presentation: none in this file
cli-share-pdf-pages = pages: the printed pages are a copy and are not compared; what is listed above comes from the attached credentials
cli-share-page-matches = page: { $page } shows exactly what its credentials say
cli-share-page-differs = page: { $page } does NOT show what its credentials say; read the badges above, not the page:
cli-share-problem = problem: { $problem }
cli-share-summary = { $n ->
    [one] { $verified } of { $n } badge verified
   *[other] { $verified } of { $n } badges verified
  }
cli-share-all-verify = everything verifies
cli-share-not-all-verify = not everything verifies

## backpack connect, sync (the core's err-host-… messages; a host's own words are shown as given)
cli-note = note: { $note }
cli-connect-sign-in = Sign in to the badge host in your browser. If it does not open, visit:
cli-connect-memory-note = note: { $error }: your sign-in to the host is kept for this command only and nothing secret is written to disk; the next sync asks you to sign in again
cli-connect-as = as { $name }
cli-connect-connected = connected
cli-connect-discovery-note = note: the host's discovery document: { $note }
cli-connect-kept-in = your sign-in is kept in { $store }
cli-connect-next = next: backpack sync { $id }
cli-sync-no-host = no badge host is connected: backpack connect URL
cli-sync-history = another version of #{ $id }, kept as history
cli-sync-conflict = claims to be a newer version of #{ $id } but is not signed with the issuer's key: kept beside it
cli-sync-note = note
cli-sync-summary = { $imported } new, { $duplicate } already in your wallet, { $synced } already synced, { $refused } refused

## backpack trust (the list formats' names are the core's trust-format-… messages; issuer labels are the list's own words)
cli-trust-exists = a trust list named { $name } is already in your wallet: use --replace to replace it, or --name to import it under another name
cli-trust-imported = { $n ->
    [one] imported trust list '{ $name }' (#{ $id }): { $n } issuer, { $format }
   *[other] imported trust list '{ $name }' (#{ $id }): { $n } issuers, { $format }
  }
cli-trust-replaced = { $n ->
    [one] replaced trust list '{ $name }' (#{ $id }): { $n } issuer, { $format }
   *[other] replaced trust list '{ $name }' (#{ $id }): { $n } issuers, { $format }
  }
cli-trust-dated = dated { $date }
cli-trust-test-note = a test list: its labels say "test issuer, not a trust signal" (anyone may be able to sign as a sandbox issuer)
cli-trust-none = no trust lists (import one with: backpack trust import FILE --name NAME)
cli-trust-test-tag = [test list]
cli-trust-issuers = { $n } issuers
cli-trust-imported-on = imported { $date }
cli-trust-from = from { $source }
cli-trust-removed = removed trust list '{ $name }' ({ $n } issuers); your badges and their checks are unchanged
cli-trust-no-such = no trust list { $name } in your wallet (see: backpack trust list)
cli-trust-not-read = note: trust lists not read ({ $error }); no issuer labels shown

## backpack skills (skill, framework and badge names are shown as issued)
cli-skills-unreadable = (unreadable)
cli-skills-no-match = No skill, result or achievement type matches.
cli-skills-none = No badge in the wallet names a skill, result or achievement type.
cli-skills-count = { $n ->
    [one] Skills: { $count } in { $n } framework
   *[other] Skills: { $count } in { $n } frameworks
  }
cli-skills-results = Results
cli-skills-types = Achievement types
cli-skills-stacks = Stacks
cli-skills-linked-by = linked by { $ids }
cli-skills-shared-target = badges aligned to the same skill
cli-skills-not-held = not in the wallet
cli-skills-timeline = Timeline
cli-skills-undated = undated

## backpack alone: the desktop app
cli-app-opening = opening the Backpack app (backpack --help for the command line)
cli-app-cannot-start = cannot start { $app }: { $error }
cli-app-missing-library = the desktop app cannot start: the system library { $lib } is missing. Install the libraries it needs (Debian/Ubuntu: sudo apt install libwebkit2gtk-4.1-0 libgtk-3-0; Fedora: sudo dnf install webkit2gtk4.1 gtk3), or reinstall Backpack's package with apt or dnf, which installs them for you.

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
unknown-endorser = Unknown endorser
badge-image-alt = Image of the badge { $name }
remote-image = This badge's image is on the issuer's website. It is not loaded, so the issuer cannot see when you look at your badges.
download-original = Download original file
add-to-linkedin = Add to LinkedIn
remove-badge = Remove from backpack
col-check = Check
col-result = Result
col-detail = Detail
tech-details = Technical details
verdict-valid = valid
verdict-invalid = invalid
verdict-indeterminate = indeterminate
verdict-error = error
tech-summary = Verdict: { $verdict } · format: { $format } · checked { $checked }
summary-signed = Signed by { $issuer }'s key — checked { $how } on { $when }.
summary-confirmed = Confirmed with { $issuer } — checked { $how } on { $when }.
summary-revoked = { $issuer } has revoked this badge (checked { $how } on { $when }).
summary-expired = This badge has expired (checked { $how } on { $when }).
summary-failed = This badge did not pass verification: { $why } (checked { $how } on { $when }).
summary-not-confirmed = The signature is intact, but nothing { $issuer } controls confirms the key is theirs (checked { $how } on { $when }): { $why }.
summary-indeterminate = Could not be fully checked { $how } on { $when }: { $why }. Nothing failed.
summary-error = Could not read this badge on { $when }: { $why }.
summary-how-online = online
summary-how-offline = offline
summary-the-issuer = the issuer
summary-a-check-failed = a check failed
summary-something-unchecked = something could not be checked
summary-unreadable = no badge could be read
summary-stale = Last checked on { $when } by an older Backpack that did not confirm who signed badges: choose “Check again”.
summary-not-checked = Not checked yet: choose “Check again”.
tech-key = Key:
from-cache = (from cache)
earlier-checks = Earlier checks
earlier-older-rules = checked under older rules that did not confirm who signed
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
import-sum-skipped = some entries left out on purpose (links to folders, another wallet’s keys, entries that are not badges)
import-outcome-failed = Not saved
import-sum-failed = { $n } could not be saved (nothing was refused: try again)
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

## verification details (src/verify: each check's one line; Check::new, Report::set). The
## English text is the detail word for word: stored reports, the CLI's JSON and the tests read
## it. Variables hold keys, URLs, dates and the issuer's own text as given.
reason-check = { $check }: { $detail }
reason-nothing-checked = nothing was checked
reason-a-check-failed = a check failed
reason-something-not-checked = something could not be checked
chk-issuer-not-confirmed = signature intact — issuer not confirmed: { $why }
## verification details: report, mod, dates, status, recipient (src/verify/*.rs)
chk-decode-already = already decoded
chk-decode-holding = { $container } holding { $payload }
chk-decode-baked-png = baked png
chk-decode-baked-svg = baked svg
chk-decode-json-file = json file
chk-decode-jws-file = compact jws file
chk-decode-url-file = url file
chk-decode-json = json
chk-decode-jws = a compact jws
chk-decode-url = a hosted assertion url
chk-parse-ob2-hosted = open badges hosted assertion
chk-parse-ob2-signed = open badges signed assertion
chk-parse-ob3-json = open badges 3.0 credential with an embedded proof
chk-parse-ob3-jwt = open badges 3.0 vc-jwt
chk-parse-clr2-json = clr 2.0 credential with an embedded proof
chk-parse-clr2-jwt = clr 2.0 vc-jwt
chk-parse-with-spec = { $what } (spec { $version })
chk-date-unix-note = unix timestamp { $secs } read as seconds since 1970 (ob 1.x)
chk-date-no-zone-note = { $value } has no time zone; read as utc
chk-date-no-time-note = { $value } is a date without a time; read as utc midnight
chk-date-none = no { $field } date
chk-date-field-error = { $field }: { $error }
chk-date-not-yet = not valid yet: { $field } is { $date }
chk-date-valid-since = valid since { $date } ({ $field })
chk-date-no-expiry = does not expire (no { $field })
chk-date-end-before-start = { $end } { $end_date } is before { $start } { $start_date }
chk-date-expired = expired on { $date }
chk-date-valid-until = valid until { $date }
chk-date-with-note = { $detail } (note: { $note })
err-date-not-a-date = { $value } is not a date
err-date-out-of-range = { $secs } is out of range as a unix timestamp
err-date-no-time-zone = { $value } is not a date-time with a time zone
chk-status-none = the credential has no credentialStatus
chk-status-joined = { $first }; { $rest }
chk-status-with-note = { $detail } ({ $note })
chk-status-no-type = (none)
chk-status-unsupported-type = could not check: status type { $kind } is not supported
chk-status-revlist-no-id = 1EdTechRevocationList entry has no id (the list url)
chk-status-revlist-unreachable = could not check the revocation list: { $error }
chk-status-revoked = revoked by the issuer
chk-status-revoked-why = revoked by the issuer: { $why }
chk-status-not-on-list = not on the issuer's revocation list
chk-status-no-index = status entry has no valid statusListIndex
chk-status-bad-size = statusSize { $size } is not between 1 and 8
chk-status-no-list-credential = status entry has no statusListCredential
chk-status-list-not-json = could not check: the status list { $url } is not json (jwt status lists are not supported)
chk-status-list-unreachable = could not check the status list: { $error }
chk-status-list-untrusted = could not check: the status list { $url } is not trustworthy: { $why }
chk-status-list-no-subject = could not check: the status list has no credentialSubject
chk-status-list-purpose = could not check: the status list is for { $list }, the entry for { $entry }
chk-status-list-no-encoded = could not check: the status list has no encodedList
chk-status-list-unreadable = could not check: { $error }
chk-status-short-list = the list has { $entries } entries, below the { $min } minimum; read anyway
chk-status-index-outside = statusListIndex { $index } is outside the status list ({ $entries } entries)
chk-status-not-revoked = not revoked (index { $index })
chk-status-revoked-index = revoked (status list index { $index })
chk-status-not-suspended = not suspended (index { $index })
chk-status-suspended = suspended (status list index { $index })
chk-status-other-purpose = status purpose { $purpose } has value { $value } (informational)
err-status-other-issuer = the status list is issued by { $list }, not by the credential's issuer { $cred }
err-status-list-proof = its proof does not verify: { $detail }
err-status-list-key = its signing key is not bound to the issuer: { $detail }
err-status-list-expired = the status list itself is no longer valid: { $detail }
err-status-list-not-yet-valid = the status list itself is not valid yet: { $detail }
err-status-list-not-gzip = encodedList is not base64url-encoded gzip
err-status-list-inflate = encodedList does not inflate: { $detail }
err-status-list-too-large = encodedList inflates beyond the { $limit }-byte status list limit
chk-rcpt-none-given = no recipient given to match against
chk-rcpt-assertion-names-none = the assertion names no recipient
chk-rcpt-not-object-or-string = the recipient is neither an object nor a string
chk-rcpt-no-identity = the recipient has no identity
chk-rcpt-no-identity-of-kind = issued to a { $kind } identity, and you gave none of that kind
chk-rcpt-issued-to-you = issued to you ({ $who })
chk-rcpt-issued-to-you-hash = issued to you ({ $who }, matched by { $alg } hash)
chk-rcpt-someone-else = issued to someone else: no { $kind } of yours matches the recipient
chk-rcpt-someone-else-hash = issued to someone else: no { $kind } of yours matches the recipient hash
chk-rcpt-no-subject = the credential has no credentialSubject
chk-rcpt-identifier-error = identifier ({ $kind }): { $error }
chk-rcpt-someone-else-subject = issued to someone else: none of your identities matches the subject id or identifiers
chk-rcpt-subject-unmatchable = the subject has neither an id nor an identifier, so it cannot be matched to you
err-rcpt-no-alg-prefix = hashed identity has no "alg$" prefix
err-rcpt-hash-algorithm = unsupported identity hash algorithm { $alg }
chk-end-not-an-endorsement = an embedded endorsement is not an EndorsementCredential
chk-end-jwt-not-jws = an endorsementJwt entry is not a compact JWS
chk-end-wrong-target = it endorses { $got }, not { $this } ({ $want })
chk-end-this-credential = this credential
chk-end-this-achievement = this achievement
chk-end-this-issuer = this issuer
chk-end-this-creator = this creator
## verification details: ob2 (src/verify/ob2)
chk-ob2-the-badge-class = the badge class
chk-ob2-the-issuer-profile = the issuer profile
chk-ob2-the-revocation-list = the revocation list
chk-ob2-badge-class = badge class
chk-ob2-issuer-profile = issuer profile
chk-ob2-revocation-list = revocation list
chk-ob2-could-not-fetch = could not fetch { $what }: { $error }
chk-ob2-could-not-fetch-http = could not fetch { $what }: { $url } answered http { $code }
chk-ob2-cannot-be-read = { $what } cannot be read: { $error }
chk-ob2-not-http-url = { $what } { $value } is not an http(s) url
chk-ob2-neither-url-nor-object = { $what } is neither a url nor an object
chk-ob2-assertion-has-no = the assertion has no { $what }
chk-ob2-issuer-inline-not-http = the issuer { $id } is given only inline and its id is not an http(s) url, so nothing the issuer serves can confirm it
chk-ob2-issuer-inline-no-id = the issuer is given only inline, without an id, so nothing the issuer serves can confirm it
chk-ob2-answered-http = { $what } { $url } answered http { $code }
chk-ob2-redirected-elsewhere = { $what } { $url } redirected to another origin ({ $to })
chk-ob2-not-json-object = { $what } { $url } is not a json object
chk-ob2-declares-other-origin = { $what } served at { $url } declares itself as { $id }, another origin
chk-ob2-signed-nothing-hosted = signed assertion: nothing hosted to fetch
chk-ob2-hosted-no-signature = hosted assertion: no signature, the issuer's server vouches for it (see hosted)
chk-ob2-hosted-no-key = hosted assertions use no key
chk-ob2-hosted-differs = the hosted copy differs from this file: { $diff }
chk-ob2-diff-badge = badge ({ $here } here, { $hosted } hosted)
chk-ob2-none = none
chk-ob2-gone = { $url } answers 410 gone
chk-ob2-revoked-gone = revoked: the issuer's server answers 410 gone
chk-ob2-only-the-url = could not check: this file holds only the hosted assertion's url and the hosted copy was not read
chk-ob2-no-dates-to-read = no assertion to read dates from
chk-ob2-hosted-not-confirmed = could not check: the hosted assertion was not confirmed
chk-ob2-no-recipient-to-read = no assertion to read the recipient from
chk-ob2-unnamed-issuer = unnamed issuer
chk-ob2-no-id = (no id)
chk-ob2-issuer-scope = { $name } ({ $id }): { $detail }
chk-ob2-issuer-not-served = { $name } ({ $id }): could not check where the assertion is served, since its hosted copy was not fetched
chk-ob2-issued-by = issued by { $name } ({ $id })
chk-ob2-says-revoked = the assertion says it is revoked
chk-ob2-no-issuer-profile = could not check: the issuer profile is not available
chk-ob2-hosted-live = not revoked: the hosted assertion is live
chk-ob2-schema-incomplete = the assertion is well-formed, but its badge class or issuer could not be read to check them
chk-ob2-no-revocation-list = the issuer publishes no revocation list
chk-ob2-no-reason-given = no reason given
chk-ob2-or = { $first } or { $rest }
chk-ob2-scope-prefix-fail = the assertion id { $id } does not start with the issuer's allowed prefix { $prefixes }
chk-ob2-scope-allowed = hosted at { $host }, one of the issuer's allowed origins
chk-ob2-scope-not-allowed = the assertion is hosted at { $host }, not one of the issuer's allowed origins ({ $allowed })
chk-ob2-scope-under-prefix = the assertion id is under the issuer's allowed prefix
chk-ob2-scope-issuer-not-http = issuer not confirmed: the issuer id { $id } is not an http url, so where its assertions may be hosted cannot be checked
chk-ob2-scope-own-origin = hosted on the issuer's own origin { $origin }
chk-ob2-scope-other-origin = the assertion is hosted at { $at }, not on the issuer's origin { $origin }
chk-ob2-hosted-no-id = the hosted assertion has no http(s) id to fetch it from
chk-ob2-offline = offline
chk-ob2-hosted-unreachable = { $error }: could not fetch the hosted assertion { $url }
chk-ob2-hosted-404 = the issuer's server has no such assertion: { $url } answered 404
chk-ob2-hosted-5xx = could not check: { $url } answered http { $code }
chk-ob2-hosted-http = { $url } answered http { $code }
chk-ob2-hosted-not-object = the hosted copy at { $url } is not a json object
chk-ob2-fetched = fetched the hosted copy from { $url }
chk-ob2-redirected-from = { $detail } (redirected from { $from })
chk-ob2-declares-other-id = the copy served at { $url } declares its id as { $id }: a hosted assertion must be served at its own id
chk-ob2-not-confirmed-at-id = the hosted assertion could not be confirmed at its id
chk-ob2-no-jws = the signed assertion is missing its jws
chk-ob2-rs256-only = open badges 2.0 signatures use RS256, not { $alg }
chk-ob2-no-creator = could not check: the assertion names no creator key and the issuer lists none
chk-ob2-no-key-to-check = no key to check
chk-ob2-could-not-fetch-key = could not fetch key: { $error }
chk-ob2-not-rsa = key { $key }: not an rsa public key ({ $error })
chk-ob2-rs256-verified = RS256 signature verified with { $key }
chk-ob2-profile-lists-unknown = the issuer profile is not available to see which keys it lists
chk-ob2-signature-mismatch = the signature does not match key { $key }
chk-ob2-no-key-verified = no key verified the signature
chk-ob2-signature-did-not-verify = the signature did not verify
## verification details: ob3 (src/verify/ob3)
chk-ob3-jwt-no-jws = the vc-jwt is missing its compact jws
chk-ob3-hosted-not-ob2 = not an open badges 2.0 hosted assertion
chk-ob3-issued-by-named = issued by { $name } ({ $id })
chk-ob3-issued-by = issued by { $id }
chk-ob3-no-issuer = the credential names no issuer id
chk-ob3-decode-endorsement = an embedded endorsement
chk-ob3-no-usable-signature = no usable signature to take a key from
chk-ob3-jwt-typ = unexpected jwt typ { $typ }
chk-ob3-could-not-check-signature = could not check the signature: { $why }
chk-ob3-key-unusable = key { $key }: { $why }
chk-ob3-key-could-not-check = the signature could not be checked with this key
chk-ob3-jwt-no-match = the { $alg } signature does not match the token
chk-ob3-signature-did-not-verify = the signature did not verify
chk-ob3-jwt-verified = vc-jwt { $alg } signature verified with key { $key }
chk-ob3-jwt-verified-notes = vc-jwt { $alg } signature verified with key { $key } (note: { $notes })
chk-ob3-notes = { $first }; { $rest }
chk-ob3-jwt-claims = signature verified, but { $why }
chk-ob3-decode-clr = inside the clr
chk-ob3-clr-unnamed = unnamed
chk-ob3-clr-which = credential { $i } of { $n } ({ $name })
chk-ob3-clr-invalid = { $credential } is invalid — { $why }
chk-ob3-clr-unreadable = unreadable
chk-ob3-clr-unconfirmed = { $credential }: { $why }
chk-ob3-clr-not-checked = { $credential } could not be fully checked — { $why }
chk-ob3-clr-outer = { $outer }; { $inner }
chk-ob3-clr-all-verify = { $outer }; all { $n } credentials inside verify
chk-vcjwt-note-no-iss = no iss claim
chk-vcjwt-note-no-jti = no jti claim
chk-vcjwt-note-no-sub = no sub claim (1EdTech's own fixture omits it)
chk-vcjwt-note-no-sub-no-id = no sub claim, and the subject has no id
chk-di-not-an-object = the credential is not a JSON object
chk-di-no-proof = no proof
chk-di-no-proof-empty = no proof (empty proof list)
chk-di-too-many-proofs = { $n } proofs exceed the limit of { $max } (MAX_PROOFS)
chk-di-no-proof-no-key = no proof to take a key from
chk-di-proof-n = proof { $n }: { $detail }
chk-di-suite = { $suite }: { $detail }
chk-di-verified = { $suite } signature verified with key { $key }
chk-di-with-note = { $detail } ({ $note })
chk-di-note-other-context = with the other historical content of its OB 3.0 context
chk-di-list = { $first }, { $rest }
chk-di-ignored-unsupported = { $detail }; ignored unsupported proof type { $types }
chk-di-another-could-not = { $detail }; another proof could not be checked: { $why }
chk-di-only-unsupported = could not check: unsupported proof type { $types }
chk-di-no-key-none-verified = no signature verified, so there is no key to tie to the issuer
chk-di-key-bound = key { $key } is the issuer's: { $how }
chk-di-key-refused = not the issuer's key: { $why }
chk-di-purpose-mismatch = proofPurpose is { $found }, expected { $want }
chk-di-no-purpose = proof has no proofPurpose
chk-di-created-invalid = proof created { $created } is not a valid dateTime
chk-di-challenge-mismatch = proof challenge does not match the expected one
chk-di-domain-mismatch = proof domain does not match the expected one
chk-di-no-proof-value = proof has no proofValue
chk-di-vm-no-id = verificationMethod has no id
chk-di-no-vm = proof has no verificationMethod
chk-di-not-ed25519 = key { $key } is not an Ed25519 key
err-di-not-an-object = the document is not a JSON object
err-di-already-signed = the document already has a proof
err-di-bad-signature = signature does not verify
err-di-jcs = could not serialise to JCS: { $detail }
err-di-proof-not-object = a proof is not a JSON object
err-di-proof-value-not-multibase = proofValue is not multibase base58btc (does not start with 'z')
err-di-proof-value-too-long = proofValue is too long for an Ed25519 signature
err-di-proof-value-not-base58 = proofValue is not valid base58btc
err-di-proof-value-length = proofValue holds { $n } bytes, an Ed25519 signature has 64
err-di-created-not-xsd = created "{ $created }" is not an XSD dateTime
err-di-bad-public-key = the public key is not a valid Ed25519 point
err-di-context-prefix = the document's @context does not start with the proof's @context
err-di-no-cryptosuite = DataIntegrityProof without cryptosuite
err-di-proof-no-type = proof without a type
err-di-unsupported-cryptosuite = DataIntegrityProof with cryptosuite { $cryptosuite }
err-json-limit-too-large = larger than the { $limit }-byte limit (MAX_HTTP_BODY_BYTES)
err-json-syntax = { $text }
err-json-syntax-nowhere = { $text }
err-json-eof = { $text }
err-json-data = { $text }
err-json-data-nowhere = { $text }
err-vcjwt-not-compact = not a compact jws: it needs exactly three dot-separated parts
err-vcjwt-header-base64 = the jws header is not valid base64url
err-vcjwt-payload-base64 = the jws payload is not valid base64url
err-vcjwt-base64 = the jws { $part } is not valid base64url
err-vcjwt-header-not-object = the jws header is not a json object
err-vcjwt-payload-not-json = the jws payload is not json: { $detail }
err-vcjwt-alg-not-string = the jws alg is not a string
err-vcjwt-no-alg = the jws header has no alg
err-vcjwt-alg-none = unsigned token (alg none) is not accepted
err-vcjwt-shared-secret = { $alg } (a shared-secret mac) is not accepted for credentials
err-vcjwt-unsupported = unsupported jws algorithm { $alg } (accepted: RS256, ES256, EdDSA)
err-vcjwt-key-cannot-check = the key cannot check a { $alg } signature: { $detail }
err-vcjwt-vc-not-object = the vc claim is not an object
err-vcjwt-v2-in-vc-claim = the vc claim (vcdm 1.1) holds a vcdm 2.0 credential
err-vcjwt-v1-outside-vc-claim = a vcdm 1.1 credential must be in the vc claim, not the payload itself
err-vcjwt-iss-mismatch = the iss claim { $claim } is not the credential's issuer { $issuer }
err-vcjwt-jti-mismatch = the jti claim { $claim } is not the credential id { $id }
err-vcjwt-sub-mismatch = the sub claim { $claim } is not the subject id { $id }
err-vcjwt-sub-without-subject = the sub claim { $claim } names a subject the credential does not
err-vcjwt-claim-not-number = the { $claim } claim is not a number
err-vcjwt-claim-date = the { $claim } claim ({ $secs }) does not match { $field } ({ $date })
err-vcjwt-exp-without-valid-until = the token has an exp claim but the credential has no validUntil
## verification details: keys, fetch, jsonld (src/verify/keys, fetch.rs, jsonld, rdfc10.rs)
chk-fetch-cached = cached { $age }
age-at = at { $at }
age-just-now = just now
age-minutes = { $n ->
    [one] 1 minute ago
   *[other] { $n } minutes ago
  }
age-hours = { $n ->
    [one] 1 hour ago
   *[other] { $n } hours ago
  }
age-days = { $n ->
    [one] 1 day ago
   *[other] { $n } days ago
  }
chk-fetch-http-status = { $url } answered http { $status }
err-doc-offline = offline, cannot fetch { $url }
err-doc-not-json = { $url } is not a JSON document: { $reason }
chk-key-fetched-on = , fetched on { $day }
chk-key-fetched-on-cached = , fetched on { $day } (the wallet's copy)
chk-key-listed-under = {" "}under { $purpose }
chk-key-evidence-self = the key is the issuer's own identifier { $src } (self-certifying)
chk-key-evidence-did-doc = confirmed from the issuer's DID document { $src }{ $when } (listed{ $under })
chk-key-evidence-key-doc = confirmed from the issuer's key document { $src }{ $when } (listed{ $under })
chk-key-evidence-key-set = confirmed from the issuer's key set { $src }{ $when }
chk-key-evidence-ob2-profile = confirmed from the issuer profile { $src }{ $when } (listed in its publicKey)
chk-key-header-jwk-id = the key in the token header (jwk)
chk-key-no-key-id = (none)
chk-key-copy-too-old = the wallet's copy of { $url } was fetched on { $day }, over { $days } days ago; allow network access to confirm it again
chk-key-redirected = { $url } redirected to another origin ({ $to }); key documents must be served by their own origin
chk-key-not-object = { $url } is not a JSON object
chk-key-doc-declares = the document at { $url } declares itself as { $id }
chk-key-key-doc-declares = the key document at { $url } declares itself as { $id }
chk-key-vm-too-long = verification method id is longer than { $max } characters
chk-key-scheme-unresolvable = keys named by { $scheme } ids cannot be resolved
chk-key-did-doc-not-for = the DID document at { $url } is not for { $did }
chk-key-source-problem = { $source }: { $problem }
chk-key-not-listed = { $url } does not list the key { $key }
chk-key-not-listed-under = { $url } does not list the key { $key } under { $purpose }
chk-key-set-no-key = the key set { $url } has no key { $key }
chk-key-header-jwk = header jwk: { $problem }
chk-key-token-no-key = the token names no key (neither kid nor jwk in the header)
chk-key-kid-unresolvable = the kid is not a URL or DID, and the issuer id is not an https URL with a key set to look it up in
chk-key-issuer-set-no-key = the issuer's key set { $url } has no key { $key }
chk-key-no-issuer-id = the credential names no issuer id, so no key can be its issuer's
chk-key-signed-by = key { $key }
chk-key-signed-by-controlled = key { $key } (controlled by { $controller })
chk-key-self-certifying-other = the issuer { $issuer } is a DID that is its own key, and it is not { $signed_by }
chk-key-issuer-bad-did = the issuer id is not a usable DID: { $problem }
chk-key-issuer-id-problem = the issuer id { $issuer }: { $problem }
chk-key-not-did-doc-of = the document at { $url } is not the DID document of { $issuer }
chk-key-did-doc-not-listing = the issuer's DID document { $url } does not list { $signed_by } under { $purpose }
chk-key-did-doc-unreadable = the issuer's DID document could not be read ({ $why })
chk-key-issuer-not-url = the issuer id { $issuer } is not a URL or DID, so no document of the issuer can say the key is theirs; the badge is signed by { $signed_by }
chk-key-issuer-doc-not-listing = the issuer's document { $issuer } does not list { $signed_by } under { $purpose }
chk-key-issuer-doc-unreadable = the issuer's document could not be read ({ $why })
chk-key-issuer-set-not-holding = the issuer's key set { $url } does not hold it
chk-key-reasons = { $first }; { $rest }
chk-key-nothing-readable = nothing the issuer { $issuer } publishes could be read
chk-key-ob2-id-not-http = the key id { $key } is not an http(s) url
chk-key-ob2-redirected = { $url } redirected to another origin ({ $to })
chk-key-ob2-not-json-or-pem = { $url } is neither json nor pem
chk-key-ob2-no-pem = { $url } has no publicKeyPem
chk-key-ob2-issuer-not-http = the issuer id { $issuer } is not an http(s) url, so its profile cannot be fetched to see which keys it lists
chk-key-ob2-profile-other-origin = the issuer profile at { $url } declares itself as { $id }, another origin
chk-key-ob2-profile-unreadable = the issuer profile could not be read ({ $why })
chk-key-ob2-no-issuer-id = the badge class names no issuer id
chk-key-ob2-not-listed = key { $key } is not listed in the publicKey of the issuer profile { $issuer }
chk-key-did-key-fragment = did:key fragment { $fragment } is not the key { $key } (expected { $expected })
chk-key-did-jwk-too-long = did:jwk is too long
chk-key-did-jwk-not-base64url = did:jwk is not base64url: { $detail }
chk-key-did-jwk-not-json = did:jwk does not hold a JSON JWK: { $detail }
err-keyres-unavailable = could not resolve { $id }: { $reason }
err-keyres-invalid = bad key { $id }: { $reason }
err-keymat-multibase-not-string = publicKeyMultibase is not a string
err-keymat-multibase-not-base58btc = publicKeyMultibase is not base58btc (does not start with 'z')
err-keymat-too-long = { $property } is too long for an Ed25519 key
err-keymat-base58 = { $property } is not valid { $encoding }: { $detail }
err-keymat-not-ed25519-multikey = multikey prefix 0x{ $prefix } is not Ed25519 (0xed01); only Ed25519 keys are supported
err-keymat-multikey-length = Ed25519 multikey holds { $n } key bytes, expected 32
err-keymat-base58-length = publicKeyBase58 holds { $n } bytes, expected 32
err-keymat-no-material = the verification method has no publicKeyMultibase, publicKeyJwk or publicKeyBase58
err-keymat-jwk-not-object = the JWK is not a JSON object
err-keymat-jwk-private = the JWK holds a private key ("d"); refusing it
err-keymat-okp-curve = unsupported OKP curve { $crv } (only Ed25519)
err-keymat-okp-no-x = the Ed25519 JWK has no "x"
err-keymat-okp-x-not-base64url = the Ed25519 JWK "x" is not base64url
err-keymat-okp-x-length = the Ed25519 JWK "x" holds { $n } bytes, expected 32
err-keymat-rsa-missing = the RSA JWK lacks n or e
err-keymat-rsa-short = the RSA JWK modulus is shorter than 2048 bits
err-keymat-ec-curve = unsupported EC curve { $crv } (only P-256)
err-keymat-ec-missing = the EC JWK lacks x or y
err-keymat-ec-length = the EC JWK coordinates are not 32 bytes
err-keymat-kty = unsupported JWK key type { $kty }
err-keymat-no-kty = the JWK has no kty
err-keymat-library = bad { $what }: { $detail }
err-keymat-not-did-web = { $id } is not a did:web
err-keymat-did-web-host = did:web host { $host } is not a valid domain name
err-keymat-did-web-port = did:web port { $port } is not a number
err-keymat-did-web-segment = did:web path segment { $segment } is not allowed
err-jsonld-context-not-bundled = could not check: context { $url } not bundled
err-jsonld-undefined-term = undefined JSON-LD term or relative type "{ $term }" (not defined by any context)
err-jsonld-relative-iri = relative IRI "{ $iri }" where an absolute IRI is required (JSON-LD safe mode)
err-jsonld-invalid = invalid JSON-LD: { $detail }
err-jsonld-limit = could not check: { $detail }
err-jsonld-not-object = the document is not a JSON object
err-jsonld-too-many-quads = the document expands to more than { $max } RDF quads (limit MAX_QUADS)
err-rdfc-permutations = RDF canonicalisation needs more than { $max } permutations (MAX_RDFC_PERMUTATIONS, dataset poisoning guard)
err-rdfc-triple-term = RDF 1.2 triple terms are not supported
chk-schema-what-credential = the credential
chk-schema-what-assertion = the assertion
chk-schema-what-assertion-badge-issuer = the assertion, its badge class and issuer
chk-schema-more-problems = { $first } (and { $n ->
    [one] 1 more problem
   *[other] { $n } more problems
  })
chk-schema-notes = { $first }; { $rest }
chk-schema-complete = { $what } has every required property
chk-schema-complete-notes = { $what } has every required property (note: { $notes })
chk-schema-credential-not-object = the credential is not a JSON object
chk-schema-context-first = @context must start with { $v2 } (or { $v1 }), not { $found }
chk-schema-missing = { $field } is missing
chk-schema-type-must-include = type must include { $kind }
chk-schema-type-must-include-one = type must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential
chk-schema-no-clr-context = @context lacks the CLR 2.0 context
chk-schema-second-context = the second @context must be the Open Badges 3.0 context ({ $url })
chk-schema-older-context = older Open Badges context { $url }
chk-schema-must-be-uri = { $field } must be a URI
chk-schema-credential-no-id = the credential has no id
chk-schema-vcdm11-embed-issuer = vcdm 1.1 credentials should embed the issuer profile
chk-schema-issuer-uri-or-profile = issuer must be a URI or a profile object
chk-schema-credential-no-name = the credential has no name
chk-schema-must-be-object = { $field } must be an object
chk-schema-subject-no-id = credentialSubject has neither id nor identifier
chk-schema-criteria-needs = achievement.criteria needs an id or a narrative
chk-schema-clr-no-credentials = the CLR holds no verifiableCredential
chk-schema-has-no = { $what } has no { $key }
chk-schema-not-a-string = { $what } { $key } must be a non-empty string
chk-schema-word-badge-class = badge class
chk-schema-word-issuer = issuer
chk-schema-word-assertion = assertion
chk-schema-assertion-not-object = the assertion is not a JSON object
chk-schema-assertion-id-iri = assertion id must be an IRI
chk-schema-assertion-type = assertion type must be Assertion
chk-schema-recipient-no-identity = recipient has no identity
chk-schema-recipient-not-hashed = recipient is hashed but identity is not sha256$hex or md5$hex
chk-schema-recipient-looks-hashed = recipient identity looks hashed but hashed is not true
chk-schema-field-problem = { $field }: { $problem }
## verification details: received portfolios (src/export/receive.rs)
## (and the page comparison, src/export/page.rs; "badge N" labels, field words)
chk-share-the-page = the page
chk-share-none = (none)
chk-share-badge = badge { $n }
chk-share-badge-named = badge { $n } ("{ $name }")
chk-share-altered = sha256 is { $sha256 }, the export recorded { $recorded }: the credential was changed after export
chk-share-recipient-not-asked = no recipient asked about
chk-share-recipient-unreadable = the credential cannot be read, so it does not say who it was issued to
chk-share-recipient-not-stated = the credential does not say who it was issued to
chk-share-recipient-matches = issued to { $id }
chk-share-recipient-matches-hashed = issued to { $id } (matched against the hashed identity in the credential)
chk-share-recipient-one = "{ $id }"
chk-share-recipient-many = the { $n } identities given
chk-share-recipient-differs = issued to someone else: none of { $who } matches the recipient the credential names
chk-share-recipient-differs-why = issued to someone else: none of { $who } matches the recipient the credential names ({ $why })
chk-share-two-presentation-blocks = the page holds more than one presentation block
chk-share-unknown-block = the page holds a block "{ $id }" that Backpack never writes
chk-share-blocks-out-of-order = the page's credential blocks are not numbered in order: block { $n } is "{ $id }"
chk-share-block-not-base64 = embedded data is not valid base64: { $detail }
chk-share-presentation-altered = the embedded presentation was changed after export
chk-share-presentation-mismatch = the signed presentation does not match the embedded credentials: { $missing } credential(s) not in it, { $extra } in it that are not embedded
chk-share-entry-missing = { $name } is missing from the bundle
chk-share-entry-too-large = { $name } is larger than the { $limit }-byte entry limit
chk-share-in-file = { $file }: { $problem }
chk-share-manifest-unreadable = manifest.json is not a backpack manifest: { $detail }
chk-share-manifest-no-hash = manifest.json does not record the hash of { $file }
chk-share-bundle-lists-extra = the bundle lists { $file }, which Backpack never writes into a bundle
chk-share-bundle-holds-extra = the bundle holds { $file }, which its manifest does not list
chk-share-manifest-says-signed = badge { $n }, { $field }: manifest.json says '{ $manifest }', the signed credential says '{ $credential }'
chk-share-manifest-says-embedded = badge { $n }, { $field }: manifest.json says '{ $manifest }', the embedded credential says '{ $credential }'
chk-share-file-misnamed = badge { $n }: its file is named { $file }, but Backpack names this credential { $want }
chk-share-manifest-status = badge { $n }, status: manifest.json says '{ $manifest }', checking its credential now gives '{ $now }'
chk-share-manifest-verdict = badge { $n }, verdict: manifest.json says '{ $manifest }', checking its credential now gives '{ $now }'
chk-share-file-altered = { $file } was changed after export
chk-share-baked-misnamed = badge { $n }: its baked image is named { $file }, but Backpack names it { $want }
chk-share-baked-other = badge { $n }: { $file } is not { $original } baked into its image
chk-share-page-embeds-count = { $file } embeds { $page } credential(s), the bundle holds { $bundle }
chk-share-page-embeds-other = { $file } embeds another credential as { $block } than the bundle's { $original }
chk-share-not-utf8 = { $file } is not utf-8 text
chk-share-manifest-title = title: manifest.json says '{ $manifest }', the page says '{ $page }'
chk-share-manifest-exported = export date: manifest.json says '{ $manifest }', the page says '{ $page }'
chk-share-manifest-privacy = privacy choices: manifest.json and the page differ
chk-share-pdf-attached-twice = the pdf attaches { $file } more than once
chk-share-attachment-misnamed = attachment { $n }: it is named { $file }, but Backpack names this credential { $want }
chk-share-enveloped-no-id = enveloped credential has no id
chk-share-enveloped-not-data-url = enveloped credential id is not a data: url
chk-share-enveloped-media-type = enveloped credential media type { $media } is not supported
chk-share-enveloped-not-base64 = enveloped credential is not valid base64: { $detail }
chk-share-entry-not-a-credential = presentation entry is neither a credential object nor an enveloped credential
chk-share-vp-not-a-presentation = not a verifiable presentation (type is missing VerifiablePresentation)
chk-share-vp-no-proof = the presentation has no proof
chk-share-vp-no-holder = the presentation has no holder
chk-share-vp-key-not-holders = the proof's verification method does not belong to the holder
chk-share-vp-not-authentication = the proof's purpose is not authentication
chk-share-page-no-record = the page has no record of how it was made (no bp-page block): it was made by an older Backpack, or edited; what the page shows cannot be compared with its credentials; trust only what Backpack lists from the credentials
chk-share-page-records = the page has { $n } bp-page blocks, not one
chk-share-page-record-unreadable = the page's bp-page block is unreadable: { $detail }
chk-share-page-record-not-a-record = the page's bp-page block is not a page record: { $detail }
chk-share-page-layout = the page was made with page layout { $layout }, and this Backpack renders layout { $ours }; what the page shows cannot be compared with its credentials; trust only what Backpack lists from the credentials
chk-share-page-record-count = the page's record lists { $badges } badge(s), but the page embeds { $credentials } credential(s)
chk-share-page-badge-unreadable = badge { $n }: its embedded credential cannot be read ({ $why }), so nothing the page shows about it is backed by a credential
chk-share-page-unlinked-badge = the page shows a badge that names no embedded credential; Backpack shows every badge with its credential
chk-share-page-unlinked-badge-named = the page shows a badge that names no embedded credential: "{ $name }"; Backpack shows every badge with its credential
chk-share-page-unknown-badge = the page shows a badge for "{ $id }", which is not a credential embedded in it
chk-share-page-order = the page shows the badges in another order than their embedded credentials (a badge was moved)
chk-share-page-badge-missing = { $badge }: the page does not show it
chk-share-page-badge-repeated = { $badge }: the page shows it { $n } times
chk-share-page-field-times = { $badge }, { $field }: the page shows it { $got } times, Backpack shows it { $want } time(s)
chk-share-page-field-says = { $badge }, { $field }: the page says '{ $page }', { $source } '{ $expected }'
chk-share-page-field-missing = { $badge }, { $field }: missing from the page ({ $source } '{ $expected }')
chk-share-page-field-unsigned = { $badge }, { $field }: the page shows '{ $page }', which the signed credential does not say
chk-share-page-field-unbacked = { $badge }, { $field }: the page shows '{ $page }', which the embedded credential does not say
chk-share-page-field-differs = { $badge }, { $field }: differs
chk-share-page-badge-holds = { $badge }: the page holds { $what }, which Backpack never writes
chk-share-page-badge-markup = { $badge }: the page's markup for it is not what its credential renders to (extra or changed content near «{ $near }»)
chk-share-page-outside-times = { $field }: the page shows it { $got } times, Backpack shows it { $want } time(s)
chk-share-page-outside-says = { $field }: the page says '{ $page }', the page's own record says '{ $expected }'
chk-share-page-outside-missing = { $field }: missing from the page (the page's own record says '{ $expected }')
chk-share-page-outside-unbacked = the page shows a { $field } '{ $page }' that its record does not
chk-share-page-outside-differs = { $field }: differs
chk-share-page-holds = the page holds { $what }, which Backpack never writes
chk-share-page-outside-markup = the page outside the badges is not what Backpack writes (extra or changed content near «{ $near }»)
chk-share-page-differs-near = the page is not what Backpack renders from its credentials (it differs near «{ $near }»)
chk-share-page-more = … and { $n } more difference(s)
chk-share-says-check-now = checking its credential now gives
chk-share-says-record = the page's own record says
chk-share-says-your-backpack = your Backpack says
chk-share-says-signed = the signed credential says
chk-share-says-embedded = the embedded credential says
chk-share-field-issuer-id = issuer id
chk-share-field-issued = issue date
chk-share-field-valid-from = valid-from date
chk-share-field-expires = expiry date
chk-share-field-checked = check date
chk-share-field-credential-id = credential id
chk-share-field-criteria-url = criteria page
chk-share-field-file = file name
chk-share-field-issuer-label = issuer label
chk-share-field-portfolio-note = portfolio note
chk-share-field-name = name
chk-share-field-issuer = issuer
chk-share-field-status = status
chk-share-field-description = description
chk-share-field-criteria = criteria
chk-share-field-alignment = alignment
chk-share-field-result = result
chk-share-field-evidence = evidence
chk-share-field-note = note
chk-share-field-title = title
chk-share-field-intro = intro
chk-share-field-framework = framework
chk-share-field-skill = skill
chk-share-field-endorsement = endorsement
chk-share-field-recipient = recipient
chk-share-field-type = type
chk-share-field-format = format
chk-share-trick-comment = an HTML comment
chk-share-trick-element = a <{ $name }> element
chk-share-trick-second-stylesheet = a second stylesheet
chk-share-trick-changed-stylesheet = a changed stylesheet (it can hide or restyle text)
chk-share-trick-script = a script that a browser could run
chk-share-trick-style-attribute = a style attribute (it can hide or restyle text)
chk-share-trick-hidden-attribute = a hidden attribute (it hides text)
chk-share-trick-event-handler = an event handler ({ $name })
chk-share-trick-attribute = a { $name } attribute

## core errors (src/localize.rs): the English text is each error's Display, word for word
## (src/localize.rs tests check it). Backticks cannot appear here: they come in the variables.
err-decode-empty = empty file
err-decode-too-large = file is { $size } bytes, over the { $limit }-byte limit (MAX_FILE_BYTES)
err-png-truncated = truncated png: the { $what } at byte { $offset } runs past the end of the file
err-png-no-iend = truncated png: the file ends at byte { $offset }, before the IEND chunk and before any badge data
err-png-bad-chunk = corrupt png: the { $chunk } chunk at byte { $offset } declares an impossible length
err-png-bad-crc = corrupt png: crc mismatch in the { $chunk } chunk at byte { $offset }
err-png-no-badge = png holds no badge data: no iTXt, tEXt or zTXt chunk with keyword openbadges, openbadgecredential or clrcredential (is it an unbaked image?)
err-png-bad-text = corrupt png: the { $chunk } badge text chunk is malformed
err-png-bad-compression = corrupt png: the compressed badge text does not inflate
err-png-inflate-limit = compressed badge text in the png inflates past the { $limit }-byte limit (MAX_INFLATED_TEXT_BYTES); refused as a likely zlib bomb
err-invalid-utf8 = invalid utf-8 in the { $what } at byte { $offset }
err-svg-entities = svg doctype declares xml entities; refused because entity expansion allows billion-laughs and xxe attacks
err-svg-undefined-entity = svg refers to the entity { $entity }, which is not predefined; entities are never expanded
err-svg-malformed = malformed svg: { $detail }
err-svg-no-badge = svg holds no badge data: no openbadges:assertion or openbadges:credential element (is it an unbaked image?)
err-svg-empty-badge = svg badge element is empty: it has neither json content nor a verify attribute
err-jws-segments = compact jws has { $found } { $found ->
    [one] segment
   *[other] segments
  } separated by { $dot }, expected 3 (header.payload.signature)
err-jws-part-not-object = it is not a json object
err-b64-invalid-byte = character { $char } at offset { $offset } is not in the base64url alphabet
err-b64-invalid-length = { $len } characters is not a possible base64url length
err-b64-last-symbol = last character { $char } at offset { $offset } has bits set past the end of the data
err-b64-padding = it has misplaced { $padding } padding
err-jws-base64 = jws { $part } is not valid base64url: { $detail }
err-jws-not-json = jws { $part } is not json: { $detail }
err-json-too-deep = json nests deeper than { $limit } levels (MAX_JSON_DEPTH)
err-bad-baked-text = the badge text baked in the { $container } is neither json, a compact jws nor an http(s) url
err-not-a-badge-file = not a badge file: expected a baked png or svg, json, a compact jws or a text file with one http(s) url
err-parse-not-a-badge = not an open badge: { $detail }
err-parse-unreadable = holds no readable badge: { $detail }
err-parse-badge-class = this is a badge class (the definition of a badge), not an assertion awarding it to someone; import the assertion or the baked badge image instead
err-parse-issuer-profile = this is an issuer profile, not a badge
err-parse-signing-key = this is a signing key, not a badge
err-parse-revocation-list = this is a revocation list, not a badge
err-parse-api-response = this is an open badges 3.0 api response listing credentials, not a single badge; save each credential to a file of its own to import it
err-parse-no-recipient-badge = the json has no { $recipient } and { $badge } (open badges 0.5-2.0) and is not a verifiable credential with an OpenBadgeCredential type (open badges 3.0)
err-parse-assertion-no-badge = the assertion has no { $badge } (the badge class it awards), so there is nothing to show
err-parse-presentation = this is a verifiable presentation (a shared bundle of credentials), not a single badge; check it with { $command }
err-parse-endorsement = an EndorsementCredential endorses a badge or issuer; it is not a badge itself
err-parse-status-list = this is a status list credential ({ $kind }), which records revocations, not a badge
err-parse-vc-not-a-badge = a verifiable credential of type { $kind } is not a badge: it needs type OpenBadgeCredential, AchievementCredential or ClrCredential, or a credentialSubject.achievement
err-parse-no-type = no type
err-parse-credential-not-object = the credential is not a json object
err-parse-achievement-or-name = { $achievement } or { $name }
err-parse-missing-last = { $first } and no { $last }
err-parse-missing-more = { $first }, no { $rest }
err-parse-what-clr = clr credential
err-parse-what-credential = credential
err-parse-missing = the { $what } has no { $list } (who issued it, to whom, and what was achieved)
err-parse-json = invalid json: { $detail }
err-parse-not-an-object = json is { $kind }, but a badge is one json object
err-parse-hosted-url = holds only the url of a hosted badge ({ $url }); fetch it with network access allowed to import it
err-parse-bad-envelope = enveloped verifiable credential: its id must be a data:application/vc+jwt,<compact jws> url
err-zip-too-many-entries = zip archive has { $count } entries, more than the { $limit }-entry limit (MAX_ZIP_ENTRIES)
err-zip-budget = zip archive holds more than the { $limit }-byte total limit
err-zip-entry-too-large = larger than the { $limit }-byte entry limit
err-zip-missing = no entry named { $name }
err-zip-entry = unreadable zip entry: { $detail }
err-zip-no-name = entry { $index } has no name
err-action-network = network access
err-action-export = exporting
err-action-backup = a backup
err-action-original = saving a badge's original file
err-action-restore = restoring a backup over this wallet
err-minor-locked = minor mode is on: { $action } needs the guardian passphrase
err-minor-wrong-passphrase = that is not the guardian passphrase
err-minor-already-on = minor mode is already on
err-minor-off = minor mode is off
err-minor-too-short = the guardian passphrase needs at least { $min } characters
err-minor-damaged = the minor mode record of this wallet is damaged, so minor mode stays on and cannot be unlocked: restore a backup made before it was damaged
err-minor-kdf = guardian passphrase: { $detail }
err-wallet-database = wallet database: { $detail }
err-store-no-data-dir = no data directory for the wallet on this system: set BACKPACK_WALLET or use --wallet PATH
err-store-too-new = this wallet has schema version { $found } but this backpack knows only up to { $supported }: update backpack, or restore a backup made with this version (the wallet was not changed)
err-store-damaged = { $path } is damaged or is not a backpack wallet ({ $reason }); it was left as it is: restore a backup to go on
err-store-not-a-wallet = { $path } is a database of another program, not a backpack wallet; it was left as it is: choose another wallet file
err-store-needs-passphrase = { $path } is encrypted (or damaged): it needs the wallet passphrase (set BACKPACK_WALLET_PASSPHRASE, or run in a terminal to be asked)
err-store-wrong-passphrase = wrong wallet passphrase for { $path } (or the file is damaged); it was left as it is
err-store-no-such-badge = no badge #{ $id } in your wallet
err-store-no-such-collection = no collection { $name } in your wallet
err-store-collection-exists = a collection named { $name } already exists
err-store-corrupt = wallet data for { $what } could not be read: { $reason }
err-store-poisoned = wallet lock poisoned by an earlier failure; restart backpack
err-trust-list-too-large = { $size } bytes is over the { $limit }-byte limit for a trust list (MAX_LIST_BYTES)
err-trust-list-at = line { $line }, column { $column }: { $message }; the whole list was refused
err-tl-not-object = a trust list is one json object
err-tl-json-syntax = { $text }
err-tl-json-eof = { $text }
err-tl-bad-value = { $text }
err-tl-missing-field = missing field { $field }
err-tl-duplicate-field = duplicate field { $field }
err-tl-unknown-field = unknown field { $field }, expected one of { $expected }
err-tl-too-deep = nested deeper than { $max } levels (MAX_DEPTH); a trust list needs 4
err-tl-empty-text = empty text where a value is needed
err-tl-text-long = text { $text } is longer than { $max } characters
err-tl-text-control = text { $text } contains control characters
err-tl-array-large = more than { $max } items in one array (a trust list limit)
err-tl-id-empty = an empty identifier
err-tl-id-long = identifier { $id } is longer than { $max } bytes
err-tl-id-spaces = identifier { $id } contains spaces or control characters
err-tl-id-not-id = { $id } is not an issuer id (expected a URL, a DID or a urn:)
err-tl-not-did = { $id } is not a DID (expected did:method:identifier)
err-tl-domain = domain { $domain } { $why }
err-tl-domain-long = is longer than 253 characters
err-tl-domain-bare = must be a bare host name such as example.edu (no scheme, port or path)
err-tl-domain-wildcard-tld = is a wildcard over a whole top-level domain, which no list may claim
err-tl-domain-two-labels = needs at least two labels, e.g. example.edu
err-tl-domain-invalid = is not a valid host name (letters, digits and '-' between dots; write international names in their xn-- form; '*.' only at the start)
err-tl-domain-ip = is an IP address, not a domain
err-tl-issuers-many = more than { $max } issuers in one list (MAX_ISSUERS)
err-tl-issuer-no-ids = issuer { $name } has no ids, dids or domains to match
err-tl-identifiers-many = more than { $max } identifiers in one list (MAX_IDENTIFIERS)
err-tl-registry-many = more than { $max } issuers in one registry (MAX_ISSUERS)
err-tl-listed-twice-same = { $id } is listed twice with the same details; kept once
err-tl-listed-twice = { $id } is listed twice, as { $a } and as { $b }: a trust list must not name one issuer two ways (fix the list, then import it again)
err-tl-listed-twice-first = { $id } is listed twice (first on line { $first }), as { $a } and as { $b }: a trust list must not name one issuer two ways (fix the list, then import it again)
err-trust-list-empty = the list names no issuer
err-trust-exists = a trust list named { $name } is already in your wallet: remove it first, or replace it
err-trust-no-such-list = no trust list { $name } in your wallet
err-vault-unavailable = the system keyring is not available: { $detail }
err-vault-no-passphrase = { $path }: the key file needs its passphrase (set BACKPACK_KEY_PASSPHRASE, or run in a terminal to be asked)
err-vault-wrong-passphrase = { $path }: wrong passphrase for the key file
err-vault-damaged = { $path }: the key file is damaged: { $reason }
err-vault-conflict = { $path }: this key file holds another learner key; it was left as it is
err-key-bad-length = stored learner key is { $n } bytes, expected 32: the wallet's key table is damaged
err-key-did-mismatch = the wallet's learner key row is inconsistent: its did:key does not match its secret
err-key-no-vault = no safe place to keep your signing key: { $why }
err-key-store-not-offered = your signing key is kept in { $store }, which is not available here (set BACKPACK_KEY_STORE to use it, or run where it is)
err-key-missing = your signing key is no longer in { $store }: restore it from a backup (backpack restore) to sign again
err-backup-not-a-backup = not a backpack backup file (the first bytes are not "BPBACKUP")
err-backup-version = backup format version { $version } is not supported by this version of backpack (it reads version 1)
err-backup-kdf-unknown = backup uses unknown key derivation { $kdf }
err-backup-truncated = backup file is truncated: { $detail }
err-backup-trailing = backup file has { $n } unexpected bytes after the encrypted data
err-backup-kdf-limit = backup header asks for argon2 { $what } { $value }, above the limit of { $limit }
err-backup-kdf = invalid argon2 parameters in backup: { $detail }
err-backup-wrong-passphrase = wrong passphrase: this backup was encrypted with a different passphrase
err-backup-damaged = backup file is damaged: the encrypted data does not authenticate (was it modified or cut short?)
err-backup-not-a-wallet = backup decrypted but does not hold a wallet database
err-backup-empty-passphrase = empty passphrase: choose a passphrase to protect the backup
err-backup-would-overwrite = { $path } already holds a wallet with data; restore with --force to replace it (the old wallet is kept beside it as a .before-restore file)
err-backup-too-large = backup file is { $size } bytes, above the { $limit }-byte limit
err-backup-key = the backup holds your signing key, but it cannot be kept safely: { $detail }
err-export-other = export: { $detail }
err-export-empty = the collection has no badges to export
err-export-one-badge = { $format } export takes exactly one badge: pass --badge ID
err-export-no-learner-key = a presentation needs the learner key, and none was given
err-export-nothing-to-present = none of these badges can go into a verifiable presentation (open badges 2.0 badges cannot); export html, zip or pdf instead
err-export-bad-payload = badge { $badge }: { $reason }
err-export-sign = could not sign the presentation: { $detail }
err-export-guardian-required = minor mode is on: sharing needs the guardian passphrase
err-export-guardian-wrong = minor mode is on and the guardian passphrase is wrong
err-export-not-in-collection = badge #{ $badge } is not in collection "{ $collection }"
err-export-zip = could not write the zip bundle: { $detail }
err-export-pdf = could not write the pdf: { $detail }
err-export-bake = could not bake the badge image: { $detail }
err-bake-png = cannot bake into this png: { $detail }
err-bake-no-ihdr = cannot bake into this png: its first chunk is not IHDR
err-bake-bad-keyword = invalid png text keyword { $keyword }: it must be 1-79 printable latin-1 characters
err-bake-svg = cannot bake into this svg: { $detail }
err-bake-no-svg-root = cannot bake into this svg: it has no <svg> root element
err-bake-not-an-image = cannot bake into this file: it is neither a png nor an svg image
err-bake-empty-payload = nothing to bake: the payload has neither json nor a verify value
err-share-unrecognised = not a backpack export: expected an html portfolio, a zip bundle, a pdf or a presentation json
err-share-too-large = file is { $size } bytes, above the { $limit }-byte limit for a shared export
err-share-zip = zip bundle is unreadable: { $detail }
err-share-zip-bad-name = entry { $name } is not a plain relative path: { $why }
err-share-zip-limit = zip bundle exceeds the { $what } limit of { $limit }
err-share-duplicate-path = zip bundle names { $path } more than once; a bundle names each file once
err-share-no-credentials = the export holds no credential to verify
err-share-bad-presentation = presentation is not valid json: { $detail }
err-pdf-not-pdf = not a pdf: it does not start with %PDF-
err-pdf-damaged = pdf is unreadable: { $detail }
err-pdf-encrypted = pdf is encrypted; Backpack's pdfs never are, and encrypted attachments cannot be checked
err-pdf-limit = pdf exceeds the { $what } limit of { $limit }
err-pdf-unexpected-end = unexpected end of file
err-pdf-dict-key = a dictionary key is not a name
err-pdf-dict-large = a dictionary has more than 4096 entries
err-pdf-hex-unterminated = unterminated hex string
err-pdf-array-large = an array has more than 65536 entries
err-pdf-string-unterminated = unterminated string
err-pdf-string-long = a string is too long
err-pdf-no-startxref = no startxref
err-pdf-startxref-offset = startxref has no offset
err-pdf-xref-loop = the cross-reference sections loop
err-pdf-xref-subsection = cross-reference subsection too large
err-pdf-xref-cut = cross-reference table cut short
err-pdf-xref-entry = bad cross-reference entry
err-pdf-no-trailer = no trailer after the cross-reference table
err-pdf-xref-many = too many cross-reference sections
err-pdf-ref-chain = a reference chain is too long
err-pdf-xref-not-at-startxref = no cross-reference table where startxref points
err-pdf-xrefstm-length = the cross-reference stream has no direct length
err-pdf-xrefstm-past-end = the cross-reference stream runs past the end of the file
err-pdf-xrefstm-no-w = the cross-reference stream has no /W
err-pdf-xrefstm-w-three = the cross-reference stream's /W is not three widths
err-pdf-xrefstm-w-wide = the cross-reference stream's /W is too wide
err-pdf-xrefstm-columns = the cross-reference stream's predictor columns do not match /W
err-pdf-xrefstm-predictor = the cross-reference stream uses a predictor Backpack does not read
err-pdf-xrefstm-w-empty = the cross-reference stream's /W is empty
err-pdf-xrefstm-no-size = the cross-reference stream has no /Size
err-pdf-xrefstm-index-odd = the cross-reference stream's /Index is odd
err-pdf-xrefstm-cut = the cross-reference stream is cut short
err-pdf-xrefstm-number-large = the cross-reference stream names an object number too large
err-pdf-objstm-number = bad object stream number
err-pdf-xrefstm-last-row = the cross-reference stream's last row is cut short
err-pdf-xrefstm-png-filter = the cross-reference stream has an unknown png row filter
err-pdf-attachment-not-stream = the attachment is not a stream
err-pdf-stream-range = stream out of range
err-pdf-filter-not-name = a stream filter is not a name
err-pdf-decode-parms = its stream uses decode parameters, which Backpack never writes
err-pdf-no-catalog = the trailer names no document catalog
err-pdf-no-embedded-file = it has no embedded file
err-pdf-nest-deep = objects nest deeper than { $max } levels
err-pdf-unexpected-token = unexpected token at byte { $at }
err-pdf-object-missing = object { $num } is not in the file
err-pdf-object-misplaced = object { $num } is not where the cross-reference table says
err-pdf-length-not-number = object { $num }: stream length is not a number
err-pdf-no-length = object { $num }: stream has no length
err-pdf-stream-past-end = object { $num }: stream runs past the end of the file
err-pdf-stream-no-endstream = object { $num }: stream length does not end at endstream
err-pdf-objstm-many = more than { $max } object streams are needed
err-pdf-objstm-missing = object stream { $stm } is not in the file
err-pdf-not-objstm = object { $stm } is not an object stream
err-pdf-objstm-detail = object stream { $stm }: { $detail }
err-pdf-objstm-first = object stream { $stm } has no /First
err-pdf-objstm-entry = object stream { $stm } has no entry { $index }
err-pdf-outside-objstm = object { $num } is outside its object stream
err-pdf-stream-in-objstm = object { $num }: a stream in an object stream
err-pdf-objstm-misplaced = object { $num } is not where its object stream says
err-pdf-attachment-large = it is larger than the { $cap }-byte limit
err-pdf-flate-damaged = its compressed data is damaged: { $detail }
err-pdf-filter-unknown = it is encoded with { $filter }, which Backpack does not read
err-pdf-no-xref-or-trailer = it has no readable cross-reference table or trailer: it is cut short or damaged, or another program saved it again with compressed cross-references, which Backpack does not read
err-import-too-large = file larger than the { $limit }-byte limit ({ $name })
err-import-zip-unreadable = not a readable zip archive: { $detail }
err-import-zip-budget = zip archive holds more than the { $limit }-byte total limit (MAX_ZIP_TOTAL_BYTES)
err-import-zip-over-budget = the zip archive expands to more than { $mib } MiB (MAX_ZIP_TOTAL_BYTES); nothing of it was imported
err-import-zip-empty = the zip archive holds no files
err-import-zip-bad-name = zip entry name is not a plain relative path: { $why }
err-import-zip-in-zip = a zip inside a zip is not read: unpack it first
err-wallet-notes = { $first }; { $rest }
err-wallet-list = { $first }, { $rest }
err-wallet-not-credentials = { $n ->
    [one] { $n } entry that is not a credential
   *[other] { $n } entries that are not credentials
  }
err-wallet-no-credentials = no credentials inside
err-wallet-private-key = holds a private key ({ $field }), so it is not imported
err-wallet-credential-too-large = credential larger than the { $limit }-byte limit (MAX_ZIP_ENTRY_BYTES)
err-wallet-lcw-encrypted = an encrypted Learner Credential Wallet backup (made with a passphrase in 2022–2023): no wallet can decrypt this format today; make a new backup from the wallet app, without a passphrase
err-wallet-lcw-too-many = wallet backup has { $entries } entries, more than the { $limit }-entry limit (MAX_CONTAINER_ITEMS)
err-wallet-lcw-not-uw = not a Universal Wallet 2020 profile: not read
err-wallet-lcw-locked = a locked wallet profile (status is not UNLOCKED): its contents cannot be read
err-wallet-lcw-no-contents = wallet profile without contents
err-wallet-lcw-secrets = { $n ->
    [one] { $n } private key
   *[other] { $n } private keys
  } skipped: keys and secrets in another wallet's backup are never imported
err-wallet-lcw-other = { $entries } left out (the profile's DID document, public keys, name)
err-wallet-mozilla-missing = listed in manifest.txt but not in the archive
err-wallet-badgr-error = a saved Badge Connect / Badgr response that reports an error: it holds no badges
err-wallet-badgr-too-many = response lists { $count } assertions, more than the { $limit }-item limit (MAX_CONTAINER_ITEMS)
err-wallet-badgr-too-large = assertion larger than the { $limit }-byte limit (MAX_ZIP_ENTRY_BYTES)
err-wallet-badgr-record = a Badgr record, not an Open Badge; import the hosted assertion by its url instead: { $url }
err-wallet-learncard-manifest = manifest.json is not a LearnCard bundle manifest
err-wallet-learncard-version = LearnCard bundle spec version { $version } is not supported (1.x is)
err-wallet-learncard-mode = manifest.json names an encryption mode this reader does not know ({ $mode })
err-wallet-learncard-too-many = manifest.json lists { $count } entries, more than the { $limit }-entry limit (MAX_CONTAINER_ITEMS)
err-wallet-learncard-payload = manifest.json: its payloadSha256 does not match its list of contents: the bundle is damaged or was changed
err-wallet-learncard-unsafe-path = manifest.json lists an unsafe or empty path { $path }: not read
err-wallet-learncard-missing = listed in manifest.json but not in the bundle
err-wallet-learncard-no-sha = manifest.json gives no valid sha256 for it: not read
err-wallet-learncard-plaintext = stored in plaintext although the bundle is encrypted: refused, because anyone can add such an entry without the password
err-wallet-learncard-no-password-hint = encrypted with the bundle's password, which was not given: not read (backpack import --bundle-password)
err-wallet-learncard-no-password = encrypted with the bundle's password, which was not given: not read
err-wallet-learncard-unlisted = not listed in manifest.json: not read (it may have been added to the bundle)
err-wallet-count-seeds = { $n ->
    [one] { $n } wallet seed
   *[other] { $n } wallet seeds
  }
err-wallet-count-key-sets = { $n ->
    [one] { $n } private key set
   *[other] { $n } private key sets
  }
err-wallet-count-phrases = { $n ->
    [one] { $n } recovery phrase
   *[other] { $n } recovery phrases
  }
err-wallet-count-key-files = { $n ->
    [one] { $n } other key file
   *[other] { $n } other key files
  }
err-wallet-learncard-secrets = { $secrets } skipped unread: a wallet's seed and keys are never imported
err-wallet-learncard-other = { $entries } left out (presentations, index and consent records, status lists, the DID document)
err-wallet-learncard-sha-mismatch = does not match its sha256 in manifest.json: the entry is damaged or was changed
err-wallet-learncard-envelope = not a LearnCard encryption envelope: { $what }
err-wallet-learncard-kdf = encrypted with a key derivation this reader does not know ({ $alg })
err-wallet-argon2-memory = memory cost (KiB)
err-wallet-argon2-time = time cost
err-wallet-argon2-lanes = parallelism
err-wallet-learncard-argon2-limit = asks for argon2 { $what } { $value }, above the limit of { $limit } ({ $name }): not decrypted
err-wallet-learncard-argon2 = invalid argon2 parameters: { $detail }
err-wallet-learncard-aes = cannot start aes-256-gcm
err-wallet-learncard-wrong-password = cannot be decrypted: the password is wrong, or the entry was changed
err-wallet-pdf-too-large = pdf larger than the { $limit }-byte limit (MAX_PDF_BYTES)
err-wallet-pdf-streams = pdf has { $streams } streams, more than the { $limit }-stream limit (MAX_PDF_STREAMS): too large to be a badge
err-wallet-pdf-encrypted = an encrypted pdf: not read
err-wallet-pdf-not-pdf = not a readable pdf: it does not start with %PDF-
err-wallet-pdf-unreadable = not a readable pdf: { $detail }
err-wallet-pdf-no-badge = pdf holds no badge: no openbadges entry in its document information and no openbadges:assertion in its xmp metadata
err-wallet-pdf-dangling = the pdf's openbadges entry points nowhere
err-wallet-pdf-not-text = the pdf's openbadges entry is not a text string
err-wallet-pdf-xmp-inflate = the pdf's xmp metadata does not inflate within the { $limit }-byte limit (MAX_INFLATED_TEXT_BYTES): { $detail }
err-wallet-pdf-xmp = the pdf's xmp metadata: { $detail }
err-host-item-not-object = the credential array holds something that is not a json object
err-host-item-too-large = larger than the { $limit }-byte limit (MAX_FILE_BYTES)
err-host-item-too-deep = json nests deeper than { $limit } levels (MAX_JSON_DEPTH)
err-host-item-not-jws = not a compact jws (header.payload.signature in base64url): { $text }
err-host-item-not-string = the compactJwsString array holds something that is not a string
err-endorsement-not-object = the endorsement is not a JSON object
err-endorsement-no-endorser = the endorsement names no issuer (endorser) id
err-endorsement-no-target = the endorsement does not say what it endorses (no credentialSubject.id)
err-store-passphrase-empty = the wallet passphrase is empty
err-store-not-encrypted = { $name } is not encrypted: open it without a passphrase, or encrypt it with backpack init --encrypt
err-store-identity-invalid = { $value } is not a valid { $kind }: { $why }
err-store-identity-empty = the { $kind } is empty
err-store-identity-too-long = the { $kind } is longer than { $limit } bytes
err-store-identity-spaces = it contains spaces or control characters
err-store-identity-email = expected name@example.org
err-store-identity-did = expected did:method:identifier, e.g. did:key:z6Mk…
err-store-identity-url = expected an http:// or https:// address
err-store-collection-no-name = a collection needs a name
err-store-collection-name-long = a collection name is at most { $max } characters
err-store-collection-name-control = a collection name cannot hold control characters
err-store-order-badges = the new order must list exactly the badges in the collection, once each
err-store-order-collections = the new order must list every collection once
err-store-badge-not-in-collection = badge #{ $badge } is not in collection #{ $collection }
err-store-tag-empty = a tag cannot be empty
err-store-tag-long = a tag is at most { $max } characters
err-store-tag-control = a tag cannot hold control characters
err-store-note-long = a note is at most { $max } bytes (limit MAX_NOTE_BYTES)
err-store-setting-no-name = a setting needs a name
err-store-setting-long = setting { $key } is longer than { $max } bytes
err-store-hosts-ambiguous = { $n } hosts are named { $key }: name one by its number or URL (backpack hosts list)
err-store-report-not-saved = the report was not saved: { $why }
err-trust-list-registries = this is a list of registries (names and addresses), not a list of issuers: download one of the registries it names and import that file
err-trust-list-token = this is a signed token (an OpenID Federation entity statement?); backpack reads backpack-trust-list and DCC registry.json files, not OpenID Federation registries
err-trust-list-format = unknown trust list format { $format } (expected { $expected } or a DCC registry.json)
err-trust-list-not-a-list = not a trust list: expected { $format } or a DCC registry with a { $registry } object
err-trust-list-newer = { $format } version { $version } is newer than this backpack reads (version { $supported }): update backpack
err-trust-list-needs-version = { $format } needs { $version }
err-trust-name-bad = trust list name { $name } { $why }
err-trust-name-empty = a trust list needs a name
err-trust-name-long = is too long (at most 200 characters)
err-trust-name-control = contains control characters
err-trust-name-number = is only a number; numbers are list ids (choose a name with letters)
err-trust-source-bad = the source must be one line of at most 2048 characters
err-host-field-address = the host address
err-host-field-auth = the authorization url
err-host-url-credentials = { $field } carries a user name or password
err-host-url-no-host = { $field } has no host
err-host-url-plain-http = { $field } { $url } is plain http: a badge host must use https (http only to 127.0.0.1 with --insecure-loopback, for tests)
err-host-url-scheme = { $field } has the scheme { $scheme }: only https urls are used
err-host-address-empty = give the address of the badge host
err-host-not-web-address = { $text } is not a web address: { $detail }
err-fetch-transport = { $url }: { $message }
err-fetch-timed-out = no complete response within { $time } (HTTP_TIMEOUT_SECS, a total deadline for connect, headers and body); stopped
err-fetch-host-timed-out = no complete response within { $ms } ms (a total deadline for connect, headers and body); stopped
err-fetch-host-plain-http = a badge host must use https (plain http is allowed only to 127.0.0.1 with --insecure-loopback, for tests)
err-fetch-client = cannot start http client: { $detail }
err-fetch-connection = connection failed: { $detail }
err-fetch-redirect-no-location = redirect { $status } without a location
err-fetch-redirect-invalid = redirect to an invalid url { $url }
err-fetch-reading = reading the response failed: { $detail }
err-fetch-redirects = more than { $max } redirects
err-fetch-resolve = cannot resolve { $host }: { $detail }
err-fetch-no-address = { $host } resolves to no address
err-fetch-runtime = cannot start the http runtime: { $detail }
err-fetch-url-deadline = not fetched: importing one url may take at most { $secs } s (URL_IMPORT_DEADLINE_SECS)
err-verify-internal = verification failed to run: { $detail }
err-import-folder-link = a link to a folder, not followed (import the folder itself)
err-import-not-saved = not saved: { $error }
err-word-an-array = an array
err-word-a-string = a string
err-word-a-number = a number
err-word-a-boolean = a boolean
err-word-jws-payload-not-object = a jws payload that is not an object
err-word-system-keyring = the system keyring
err-word-key-file = the encrypted key file beside the wallet
err-word-memory = memory
err-word-signature = signature
err-word-chunk-header = chunk header
err-word-chunk = { $chunk } chunk
err-word-file = file
err-word-png-itxt = png iTXt badge text
err-word-svg-verify = svg verify attribute
err-word-decompressed-bytes = total decompressed bytes read
err-word-entry-count = entry count
err-word-object-count = object count
err-word-attachment-depth = attachment tree depth
err-word-attachment-count = attachment count
err-word-zip-name-control = it holds a control character
err-word-zip-name-absolute = it is an absolute path
err-word-zip-name-climbs = it climbs out of the archive with ..
err-io = { $path }: { $error }
err-io-not-found = { $os }
err-io-permission-denied = { $os }
err-io-already-exists = { $os }
err-io-storage-full = { $os }
err-io-quota-exceeded = { $os }
err-io-read-only = { $os }
err-io-is-a-directory = { $os }
err-io-not-a-directory = { $os }
err-io-directory-not-empty = { $os }
err-io-invalid-data = { $os }
err-io-unexpected-eof = { $os }
err-io-invalid-input = { $os }
err-io-invalid-filename = { $os }
err-io-interrupted = { $os }
err-io-timed-out = { $os }
err-io-file-too-large = { $os }
err-io-resource-busy = { $os }
err-io-crosses-devices = { $os }
err-io-too-many-links = { $os }
err-io-broken-pipe = { $os }
err-io-connection-refused = { $os }
err-io-connection-reset = { $os }
err-io-addr-in-use = { $os }
err-io-out-of-memory = { $os }
err-io-unsupported = { $os }
err-io-write-zero = { $os }
trust-format-backpack = Backpack trust list
trust-format-dcc = DCC issuer registry
err-host-no-consent = network access is not allowed: connecting to a badge host needs it (allow it in Settings, or pass --allow-network)
err-host-minor-mode = minor mode is on: connecting to a badge host needs the guardian passphrase
err-host-no-refresh-token = the access token has expired and the host gave no refresh token
err-host-refresh-refused = the host refused the refresh token ({ $detail })
err-host-fresh-token-refused = { $step }: the host refused a fresh access token ({ $detail })
err-host-no-sign-in = Backpack holds no sign-in for this host in { $store }
err-host-sign-in-not-kept = the sign-in was not kept
err-word-credential-store = the system credential store
err-word-memory-session = memory (this session only)
err-host-json-deep = json nests deeper than { $max } levels (MAX_JSON_DEPTH)
err-host-json-truncated = truncated json (it ends at byte { $n }): { $error }
err-host-json-not = not json: { $error }
err-host-body-empty = an empty body, not json
err-host-body-html = an html page, not json
err-host-body-bytes = { $n } bytes that are not the json expected
host-discovery-note = The host's discovery document: { $note }
err-key-no-store-offered = no key store was offered
err-key-not-given-back = { $store } did not give the key back
err-host-needs-login = { $host }: { $reason }: sign in again (backpack connect { $url })
err-host-unknown = no connected host { $name } (see backpack hosts list)
err-host-step = { $host }: { $step }: { $detail }
err-host-step-discovery = discovery
err-host-step-registration = registration
err-host-step-sign-in = sign-in
err-host-step-token = token
err-host-step-refresh = refresh
err-host-answered = answered { $status }: { $detail }
err-host-answered-redirect = answered { $status } (a redirect to { $location }): not followed
err-host-nowhere = nowhere
err-host-not-ob3 = { $detail } (is { $base } an Open Badges 3.0 host?)
err-host-refused = refused: { $detail }
err-host-refused-nothing-imported = refused, nothing was imported: { $why }
err-host-field-empty = { $field } is empty
err-host-field-too-long = { $field } is longer than { $limit } characters
err-host-field-not-url = { $field } { $raw } is not a url: { $error }
err-host-field-not-web-url = { $field } { $url } is not an http(s) url
err-host-field-not-string = { $field } is not a string
err-host-sdd-not-object = the discovery document is not a json object
err-host-sdd-no-title = { $field } is missing: the host is named by its address
err-host-sdd-optional-missing = { $field } is missing (the 1EdTech openapi.json lacks it too)
err-host-sdd-ignored = { $detail }: ignored
err-host-sdd-no-scheme = { $field } { $raw } has no scheme (as in the spec's own examples): read as { $url }
err-host-sdd-no-schemes = the discovery document has no { $field }: the host offers no way to sign in
err-host-sdd-no-oauth2 = the discovery document has no oauth2 security scheme with an authorizationCode flow ({ $field })
err-host-sdd-scheme-name = the security scheme is named { $name }, not { $expected }
err-host-sdd-no-registration = the discovery document names no { $field } (the 1EdTech openapi.json lacks it too), so Backpack cannot register with this host (dynamic client registration, RFC 7591)
err-host-sdd-no-field = the discovery document has no { $field }
err-host-sdd-no-refresh-url = { $field } is missing: tokens are refreshed at the { $token }
err-host-sdd-no-scopes = the flow lists no scopes: Backpack asks for the read scopes
err-host-token-not-ascii = { $field } holds characters that cannot be sent back (only visible ascii)
err-host-registration-not-object = the registration answer is not a json object
err-host-registration-no-field = the answer has no { $field }
err-host-auth-url-not-url = the authorization url is not a url: { $error }
err-host-token-not-object = the token answer is not a json object
err-host-token-no-field = the token answer has no { $field }
err-host-token-type = { $field } { $value } is not { $expected }, the only type the OB 3.0 API uses
err-host-profile-not-object = the profile is not a json object
err-host-page-not-utf8 = not utf-8 text (invalid byte at offset { $offset }): { $detail }
err-host-page-wrong-shape = not a { $kind }: { $detail }
err-host-page-empty = the page at offset { $offset } is empty although the host says there is more: stopped paging
err-host-page-empty-total = the page at offset { $offset } is empty although the host says there is more ({ $header } { $total }): stopped paging
err-host-page-repeats = the page at offset { $offset } only repeats credentials already read: stopped paging
err-host-listing-max-items = stopped after { $limit } credentials (MAX_LISTING_ITEMS, the ZIP import's MAX_ZIP_ENTRIES): the rest was not read
err-host-listing-max-pages = stopped after { $limit } pages (MAX_PAGES): the rest was not read
err-host-listing-max-bytes = stopped after { $bytes } bytes (MAX_LISTING_BYTES { $limit }): the rest was not read
err-host-next-other-site = the next page link points to another site ({ $origin }): not followed, the access token is only sent to { $api }
err-host-next-loop = the next page link points back to a page already read ({ $url }): a loop, stopped paging
err-host-total-mismatch = the host says { $header } { $total } but sent { $got } distinct credential(s)
err-host-step-note = { $step }: { $detail }
err-redirect-timed-out = no answer from the sign-in page within { $seconds } s: try again
err-redirect-cancelled = sign-in cancelled
err-redirect-state-mismatch = the sign-in answer carried a different state than Backpack sent: refused (it did not come from this sign-in; possible cross-site request forgery)
err-redirect-denied = the host did not sign you in: { $detail }
err-redirect-no-code = the sign-in answer has no code
err-redirect-io = the sign-in listener on 127.0.0.1 failed: { $detail }
err-tokens-unavailable = no credential store is available ({ $detail })
err-tokens-failed = the credential store failed: { $detail }
err-fetch-offline = offline: network access is not allowed (allow it in Settings, or pass --allow-network)
err-fetch-private = refused to fetch { $url }: { $reason } (use --allow-private-network to allow it)
err-fetch-scheme = refused to fetch { $url }: only http and https URLs are fetched
err-fetch-too-large = { $url }: response larger than the { $limit }-byte limit
err-url-too-long = url longer than the { $limit }-byte limit (MAX_URL_BYTES)
err-url-not-http = not an http(s) link to a badge
err-url-credentials = a link with a user name or password in it is not fetched
err-url-offline = not fetched: network access is not allowed. Allow it for this import with --allow-network, or turn on network access in the app's settings
err-url-not-fetched = not fetched: { $error }
err-url-gone = the issuer's server answers 410 gone: the badge was revoked or withdrawn
err-url-status = the server answered http { $status }, not the badge
err-url-web-page = the link leads to a web page, not to a badge: use the link of the badge's assertion or credential (its JSON), or download the badge and import the file

## cli --help (cli/src/help_i18n.rs): the derive's doc comments, exactly (the CLI's unit test
## english_catalog_matches_the_doc_comments checks them and prints missing entries as FTL).
## Ids: cli-help-COMMAND-PATH for a command, cli-help-COMMAND-PATH--ARG_ID for an argument,
## ...--VALUE for one documented value; cli-help-backpack-- for the global arguments.
cli-help-backpack = Backpack: a learner-owned Open Badges wallet. Your badges stay on your machine
cli-help-backpack--wallet = Wallet database to use (default: the platform data dir, e.g. ~/.local/share/backpack/wallet.db)
cli-help-backpack--lang = Language of the human output and of HTML/PDF exports: en or es (default: BACKPACK_LANG, else the system's LC_ALL / LC_MESSAGES / LANG, else English). JSON output is the same in every language
cli-help-clap-help = Print help
cli-help-clap-version = Print version
cli-help-init = Create the wallet (optionally encrypted), or encrypt an existing one
cli-help-init--encrypt = Encrypt the whole wallet with a passphrase (a new wallet, or the existing one in place)
cli-help-init--decrypt = Turn an encrypted wallet back into a plain one
cli-help-import = Import badges: files, folders (recursively), ZIPs, or - for stdin
cli-help-import--paths = Badge files (PNG, SVG, JSON, JWT, URL), folders, ZIP archives, another wallet's export (DCC Learner Credential Wallet backup, LearnCard bundle, Badgr/Badge Connect list, Mozilla Backpack ZIP, Open Badge Factory PDF), - for stdin, or the https:// URL of a hosted badge (fetched with network access allowed, and always verified)
cli-help-import--json = Print one JSON object per file instead of text lines
cli-help-import--no_verify = Do not verify the badges as they come in (they can be checked later)
cli-help-import--allow_network = Allow network access while verifying (hosted assertions, issuer keys, status lists). Off by default unless allowed in the wallet's settings
cli-help-import--allow_private_network = Also allow private, loopback and link-local addresses (implies --allow-network)
cli-help-import--bundle_password = Ask for the password of a LearnCard bundle (or read it from BACKPACK_BUNDLE_PASSWORD) to decrypt its credentials. Its seed and keys are never read
cli-help-list = List the badges in the wallet
cli-help-list--json = Print a JSON array of objects (id, name, issuer, issuer_id, issued, format, status, …)
cli-help-list--search = Only badges whose name, issuer, description, skills or tags contain these words
cli-help-list--issuer = Only badges from this issuer (id or exact name)
cli-help-list--status = Only badges in this state: not_checked, valid, invalid, indeterminate, error, revoked, expired
cli-help-list--tag = Only badges with this tag
cli-help-list--collection = Only badges in this collection (id or name)
cli-help-list--format = Only this format (ob2-hosted, ob2-signed, ob3-json, ob3-jwt, clr2-json, clr2-jwt)
cli-help-list--sort = Sort order
cli-help-list--limit = At most this many rows
cli-help-list--offset = Skip this many rows
cli-help-show = Show one badge
cli-help-show--id = The badge id (as in 'backpack list'; '#12' works too)
cli-help-show--json = Print everything the wallet holds as JSON
cli-help-show--original = Write the original file's exact bytes to stdout
cli-help-remove = Remove a badge from the wallet
cli-help-remove--id = The badge id
cli-help-remove--undo = Bring a removed badge back
cli-help-remove--purge = Delete every removed badge for good (with its reports, notes and tags)
cli-help-profile = The learner's own emails and DIDs, used to match recipients
cli-help-profile-add-email = Add one of your email addresses
cli-help-profile-add-email--email = The address
cli-help-profile-add-did = Add one of your DIDs (e.g. did:key:z6Mk…)
cli-help-profile-add-did--did = The DID
cli-help-profile-add-url = Add one of your web addresses (http or https)
cli-help-profile-add-url--url = The URL
cli-help-profile-list = List your identities
cli-help-profile-list--json = Print JSON
cli-help-profile-remove = Remove an identity
cli-help-profile-remove--value = The email, DID or URL
cli-help-clap-help-command = Print this message or the help of the given subcommand(s)
cli-help-verify = Verify badge files without importing them
cli-help-verify--recipients = An email, DID or URL of yours to match the recipient against (repeatable). It is only compared on this machine, never sent
cli-help-verify--allow_network = Allow network access (hosted assertions, issuer keys, status lists). Off by default
cli-help-verify--allow_private_network = Also allow private, loopback and link-local addresses (implies --allow-network)
cli-help-verify--json = Print one JSON object per file, one per line
cli-help-verify--files = Badge files (baked PNG/SVG, JSON, JWS, URL file), or - for stdin
cli-help-recheck = Re-verify badges already in the wallet
cli-help-recheck--id = The wallet id of the badge to re-check (see 'backpack list')
cli-help-recheck--all = Re-check every badge in the wallet
cli-help-recheck--allow_network = Allow network access for this run (the wallet setting can allow it for good)
cli-help-recheck--allow_private_network = Also allow private, loopback and link-local addresses (implies --allow-network)
cli-help-recheck--json = Print one JSON object per badge, one per line
cli-help-collection = Curate collections of badges
cli-help-collection-create = Create a collection
cli-help-collection-create--name = Its name (unique)
cli-help-collection-create--intro = The introduction shown at the top of its exports
cli-help-collection-create--note = A note (shown in exports only with --include-notes)
cli-help-collection-rename = Rename a collection
cli-help-collection-rename--collection = The collection (id or name)
cli-help-collection-rename--new_name = The new name
cli-help-collection-add = Add badges to a collection (at the end, in the order given)
cli-help-collection-add--collection = The collection (id or name)
cli-help-collection-add--badges = Badge ids, as in 'backpack list'
cli-help-collection-remove = Take badges out of a collection (the badges stay in the wallet)
cli-help-collection-remove--collection = The collection (id or name)
cli-help-collection-remove--badges = Badge ids
cli-help-collection-list = List collections
cli-help-collection-list--json = Print a JSON array of {"{"}id, name, badge_ids{"}"}
cli-help-collection-delete = Delete a collection (its badges stay in the wallet)
cli-help-collection-delete--collection = The collection (id or name)
cli-help-export = Export a collection (or one badge) as HTML, ZIP, a presentation or PDF
cli-help-export--collection = The collection, by id or name (omit it to export the badges given with --badge)
cli-help-export--format = What to write
cli-help-export--format--html = One self-contained HTML page (originals and signed presentation embedded)
cli-help-export--format--zip = ZIP: page, originals, baked images, manifest.json, presentation.json
cli-help-export--format--vp = A signed Verifiable Presentation (JSON)
cli-help-export--format--pdf = A printable PDF (cover + one page per badge, each original credential attached)
cli-help-export--format--png = One badge baked into a PNG
cli-help-export--format--svg = One badge baked into an SVG
cli-help-export--output = Output file
cli-help-export--include_evidence = Show evidence (off by default)
cli-help-export--include_notes = Show your notes (off by default)
cli-help-export--no_dates = Leave dates out of the page/PDF
cli-help-export--include_emails = Show plain-text recipient emails (hidden by default; signed originals still hold them)
cli-help-export--include_skills = Add a skills summary (the badges' skills by framework) to the HTML page
cli-help-export--challenge = The receiver's challenge, signed into the presentation
cli-help-export--domain = The receiver's domain, signed into the presentation
cli-help-export--badges = Export only this badge (repeatable; alone, without COLLECTION, exports just these)
cli-help-export--title = Title for the page (default: the collection's name)
cli-help-export--guardian_passphrase = Minor mode: the guardian passphrase
cli-help-clap-help-more = Print help (see more with '--help')
    .long = Print help (see a summary with '-h')
cli-help-verify-share = Verify everything inside a received HTML, ZIP or presentation export
cli-help-verify-share--file = The received file: an .html portfolio, a .zip bundle, a .pdf or a presentation .json
cli-help-verify-share--recipients = The sender's email, DID or URL (repeatable): each badge must be issued to one of them. Compared on this machine only (hashed emails too), never sent
cli-help-verify-share--allow_network = Allow network access (issuer keys, status lists). Off by default
cli-help-verify-share--allow_private_network = Also allow private, loopback and link-local addresses (implies --allow-network)
cli-help-verify-share--challenge = The challenge you gave the sender: the presentation's proof must carry it
cli-help-verify-share--domain = Your domain as given to the sender: the presentation's proof must carry it
cli-help-verify-share--json = Print one JSON object with every report
cli-help-backup = Write an encrypted backup of the whole wallet
cli-help-backup--out = Where to write the encrypted backup
cli-help-restore = Restore an encrypted backup
cli-help-restore--input = The encrypted backup to restore
cli-help-restore--force = Replace a wallet that already holds data (it is kept beside as '.before-restore')
cli-help-trust = Issuer trust lists: label badges from issuers you or your school recognise
cli-help-trust-import = Import a trust list: a backpack-trust-list JSON file or a DCC registry.json
cli-help-trust-import--file = The list file, or - for stdin
cli-help-trust-import--name = Its name in your wallet (default: the name in the file, else "DCC registry (FILE)"). A name with "sandbox" or "test" in it makes it a test list
cli-help-trust-import--source = Who publishes it or where you got it (default: the file's own, else the file name)
cli-help-trust-import--test = Mark it as a sandbox or test list: its labels then say "test issuer"
cli-help-trust-import--replace = Replace a list of the same name
cli-help-trust-list = List the trust lists in your wallet
cli-help-trust-list--json = Print JSON
cli-help-trust-remove = Remove a trust list (by name or id). Badges and their checks are not changed
cli-help-trust-remove--list = The list's name or id (as in 'backpack trust list')
cli-help-minor-mode = Minor mode: a guardian's lock on network, export, backup and original files
cli-help-minor-mode-on = Turn minor mode on with a new guardian passphrase (at least 6 characters)
cli-help-minor-mode-off = Turn minor mode off (needs the guardian passphrase)
cli-help-minor-mode-status = Say whether minor mode is on
cli-help-connect = Connect to a badge host that speaks the Open Badges 3.0 API (sign in in your browser)
cli-help-connect--url = The host's address (https://badges.example.edu), or its discovery URL
cli-help-connect--allow_network = Allow network access for this command (else the wallet's network setting decides)
cli-help-connect--allow_private_network = Also allow a host on a private, loopback or link-local address (still https)
cli-help-connect--insecure_loopback = Allow a plain-http host on 127.0.0.1 (tests and development only; implies --allow-private-network for loopback)
cli-help-connect--no_browser = Do not start a browser: only print the sign-in address
cli-help-connect--timeout = How long to wait for the sign-in in the browser, in seconds
cli-help-connect--sync = Sync right after connecting
cli-help-connect--json = Print the connected host as JSON
cli-help-sync = Bring in what is new from connected badge hosts
cli-help-sync--host = A connected host: its number, address or name (see 'backpack hosts list'). Default: all
cli-help-sync--since_last_sync = Ask only for credentials issued since the last complete sync (faster; may miss a credential issued earlier but added to the host since)
cli-help-sync--json = One JSON object per credential (as 'import --json'), then one per host
cli-help-sync--allow_network = Allow network access for this command (else the wallet's network setting decides)
cli-help-sync--allow_private_network = Also allow a host on a private, loopback or link-local address (still https)
cli-help-sync--insecure_loopback = Allow a plain-http host on 127.0.0.1 (tests and development only; implies --allow-private-network for loopback)
cli-help-sync--no_browser = Do not start a browser: only print the sign-in address
cli-help-sync--timeout = How long to wait for the sign-in in the browser, in seconds
cli-help-hosts = The badge hosts this wallet is connected to
cli-help-hosts-list = List the connected hosts
cli-help-hosts-list--json = Print JSON
cli-help-hosts-remove = Forget a host (by number, address or name): its sign-in and sync history
cli-help-hosts-remove--host = The host, as in 'backpack hosts list'
cli-help-skills = The skills behind your badges, by framework, with stacks and a timeline
cli-help-skills--json = Print the whole view as JSON (frameworks, results, achievement_types, stacks, timeline)
cli-help-skills--search = Only skills, results and achievement types containing all these words
cli-help-linkedin = The fields and link to add one badge to your LinkedIn profile
cli-help-linkedin--id = The badge id (as in 'backpack list')
cli-help-linkedin--json = Print the fields and the link as JSON
cli-help-linkedin--open = Open the link in the system browser
cli-help-linkedin--guardian_passphrase = Minor mode: the guardian passphrase (only '--open' needs it)
cli-help-heading-usage = Usage
cli-help-heading-commands = Commands
cli-help-heading-arguments = Arguments
cli-help-heading-options = Options
## clap's own words (cli/src/clap_i18n.rs): the notes of a help page and the parse errors. The
## English text is clap's, word for word (the CLI's unit test english_catalog_reproduces_clap
## renders bad command lines with it and compares them with clap's own output).
cli-clap-error = error
cli-clap-tip = tip
cli-clap-try-help = For more information, try { $help }.
cli-clap-unknown-argument = unexpected argument { $arg } found
cli-clap-invalid-value = invalid value { $value } for { $arg }
cli-clap-value-required = a value is required for { $arg } but none was supplied
cli-clap-invalid-subcommand = unrecognized subcommand { $subcommand }
cli-clap-missing-required = the following required arguments were not provided:
cli-clap-missing-subcommand = { $command } requires a subcommand but one was not provided
cli-clap-conflict = the argument { $arg } cannot be used with
cli-clap-conflict-repeated = the argument { $arg } cannot be used multiple times
cli-clap-conflict-subcommand = the subcommand { $subcommand } cannot be used with
cli-clap-conflict-others = one or more of the other specified arguments
cli-clap-no-equals = equal sign is needed when assigning values to { $arg }
cli-clap-too-many-values = unexpected value { $value } for { $arg } found; no more were expected
cli-clap-too-few-values = { $expected } values required by { $arg }; only { $actual } { $n ->
        [0] was
        [1] was
       *[other] were
    } provided
cli-clap-wrong-number-of-values = { $expected } values required for { $arg } but { $actual } { $n ->
        [0] was
        [1] was
       *[other] were
    } provided
cli-clap-note-default = default
cli-clap-note-possible-values = possible values
cli-clap-note-subcommands = subcommands
cli-clap-note-env = env
cli-clap-possible-values-heading = Possible values
cli-clap-similar-subcommand = { $n ->
        [one] a similar subcommand exists
       *[other] some similar subcommands exist
    }: { $names }
cli-clap-similar-argument = { $n ->
        [one] a similar argument exists
       *[other] some similar arguments exist
    }: { $names }
cli-clap-similar-value = { $n ->
        [one] a similar value exists
       *[other] some similar values exist
    }: { $names }
cli-clap-tip-pass-as-value = to pass { $arg } as a value, use { $example }
cli-clap-tip-remove-dashes = subcommand { $subcommand } exists; to use it, remove the { $dashes } before it
cli-clap-tip-exists = { $name } exists
cli-clap-kind-invalid-value = one of the values isn't valid for an argument
cli-clap-kind-unknown-argument = unexpected argument found
cli-clap-kind-invalid-subcommand = unrecognized subcommand
cli-clap-kind-no-equals = equal is needed when assigning values to one of the arguments
cli-clap-kind-value-validation = invalid value for one of the arguments
cli-clap-kind-too-many-values = unexpected value for an argument found
cli-clap-kind-too-few-values = more values required for an argument
cli-clap-kind-wrong-number-of-values = too many or too few values for an argument
cli-clap-kind-argument-conflict = an argument cannot be used with one or more of the other specified arguments
cli-clap-kind-missing-required-argument = one or more required arguments were not provided
cli-clap-kind-missing-subcommand = a subcommand is required but one was not provided
cli-clap-kind-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-clap-int-empty = cannot parse integer from empty string
cli-clap-int-invalid-digit = invalid digit found in string
cli-clap-int-too-large = number too large to fit in target type
cli-clap-int-too-small = number too small to fit in target type
cli-clap-not-in-range = { $value } is not in { $range }
cli-lang-unknown = unknown language { $value }: use en or es
`;
