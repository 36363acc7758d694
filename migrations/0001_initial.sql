-- Backpack wallet schema, version 1.
--
-- APPEND-ONLY: this file has shipped the moment it is merged. Never edit it; add
-- migrations/0002_*.sql (and list it in src/store/mod.rs MIGRATIONS) instead.
-- Applied in one transaction by Wallet::open; PRAGMA user_version records the version.
--
-- Serves issues 2 (import/store), 3 (reports, fetch cache), 4 (app: search, status,
-- collections, notes, tags, settings) and 5 (collections, learner key, export settings).

-- One row per stored credential. The original bytes are kept verbatim: signatures cover
-- them. The credential document is NOT stored a second time: decode + parse of `original`
-- reproduces it (see Wallet::document); `badge_json` is the display view.
CREATE TABLE badges (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: ids survive undo/purge
    format          TEXT    NOT NULL,            -- model::Format id, e.g. 'ob3-json'
    container       TEXT    NOT NULL,            -- model::Container: png|svg|json|jws|url
    spec_version    TEXT    NOT NULL,            -- '2.0', '3.0', 'CLR 2.0', …
    name            TEXT    NOT NULL,
    issuer_name     TEXT,
    issuer_id       TEXT,                        -- dedupe key part (OB3/CLR) and issuer filter
    issued          TEXT,                        -- RFC 3339, normalised to UTC when parseable
    valid_from      TEXT,                        -- RFC 3339 as in the credential (dedupe: newest wins)
    valid_until     TEXT,
    image_kind      TEXT,                        -- baked|data|remote|NULL
    badge_json      TEXT    NOT NULL,            -- model::Badge as JSON
    original        BLOB    NOT NULL,            -- exact bytes as imported
    sha256          TEXT    NOT NULL UNIQUE,     -- lower-case hex of `original`
    document_sha256 TEXT,                        -- of the parsed document: same credential in another package
    credential_id   TEXT,                        -- OB3/CLR credential id (dedupe with issuer_id)
    assertion_id    TEXT,                        -- OB2 assertion id (dedupe)
    hosted_url      TEXT,                        -- OB2 hosted: where to re-verify
    source          TEXT    NOT NULL,            -- file name (or 'stdin', 'zip:entry')
    imported_at     TEXT    NOT NULL,            -- RFC 3339 UTC
    parent_id       INTEGER REFERENCES badges(id) ON DELETE CASCADE,      -- CLR holding it
    superseded_by   INTEGER REFERENCES badges(id) ON DELETE CASCADE,      -- newer version (OB3 history)
    removed_at      TEXT                          -- soft delete (undo); purge_removed() deletes
);
CREATE INDEX badges_credential ON badges(issuer_id, credential_id) WHERE credential_id IS NOT NULL;
CREATE INDEX badges_assertion  ON badges(assertion_id) WHERE assertion_id IS NOT NULL;
CREATE INDEX badges_parent     ON badges(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX badges_superseded ON badges(superseded_by) WHERE superseded_by IS NOT NULL;
CREATE INDEX badges_issued     ON badges(issued);
CREATE INDEX badges_name       ON badges(name COLLATE NOCASE);
CREATE INDEX badges_issuer     ON badges(issuer_name COLLATE NOCASE);

-- Full-text search over name, issuer, description, skills/alignments and tags. Contentless
-- (the text lives in `badges`/`badge_tags`), rowid = badges.id.
CREATE VIRTUAL TABLE badge_fts USING fts5(
    name, issuer, description, skills, tags,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The learner's own identities, for recipient matching (they never leave the machine).
CREATE TABLE profile_identities (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('email', 'did', 'url')),
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (kind, value)
);

-- Verification reports; the latest for a badge is the row with the highest id.
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    badge_id    INTEGER NOT NULL REFERENCES badges(id) ON DELETE CASCADE,
    checked_at  TEXT    NOT NULL,
    verdict     TEXT    NOT NULL,                -- valid|invalid|indeterminate|error
    status      TEXT    NOT NULL,                -- verdict, or 'revoked' / 'expired'
    key_id      TEXT,
    report_json TEXT    NOT NULL
);
CREATE INDEX reports_badge ON reports(badge_id, id);

-- Evidence snapshot: the documents a report relied on.
CREATE TABLE report_documents (
    report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    url         TEXT    NOT NULL,
    status      INTEGER,
    fetched_at  TEXT    NOT NULL,
    from_cache  INTEGER NOT NULL DEFAULT 0,
    sha256      TEXT,                            -- of the body used, when known
    error       TEXT
);
CREATE INDEX report_documents_report ON report_documents(report_id);

-- Documents fetched during verification (issuer profiles, keys, status lists, hosted
-- assertions), so an offline re-check can use them and say how old they are.
CREATE TABLE fetch_cache (
    url          TEXT PRIMARY KEY,
    status       INTEGER NOT NULL,
    content_type TEXT,
    body         BLOB    NOT NULL,
    sha256       TEXT    NOT NULL,
    fetched_at   TEXT    NOT NULL
);

-- Curated collections (portfolios).
CREATE TABLE collections (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT,                            -- intro shown at the top of an export
    note        TEXT,                            -- the learner's private note
    position    INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE TABLE collection_badges (
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    badge_id      INTEGER NOT NULL REFERENCES badges(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    note          TEXT,
    PRIMARY KEY (collection_id, badge_id)
) WITHOUT ROWID;
CREATE INDEX collection_badges_badge ON collection_badges(badge_id);

-- The learner's own note and tags on a badge.
CREATE TABLE badge_notes (
    badge_id    INTEGER PRIMARY KEY REFERENCES badges(id) ON DELETE CASCADE,
    note        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE badge_tags (
    badge_id    INTEGER NOT NULL REFERENCES badges(id) ON DELETE CASCADE,
    tag         TEXT    NOT NULL,
    PRIMARY KEY (badge_id, tag)
) WITHOUT ROWID;
CREATE INDEX badge_tags_tag ON badge_tags(tag);

-- Key/value settings: network_allowed, minor_mode, guardian_passphrase_hash,
-- portfolio_title, … (see src/store/settings.rs for the known keys).
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
) WITHOUT ROWID;

-- The learner's signing key (issue 5): Ed25519, did:key. The secret leaves the wallet only
-- inside an encrypted backup.
CREATE TABLE learner_keys (
    id          INTEGER PRIMARY KEY,
    algorithm   TEXT NOT NULL DEFAULT 'Ed25519',
    public_key  BLOB NOT NULL,
    secret      BLOB NOT NULL,
    did         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
