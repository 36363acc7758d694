-- Backpack wallet schema: issuer trust lists (issue 12, "trust labels, information not a gate").
-- APPEND-ONLY like every migration: never edit; add a new file instead.
--
-- A trust list says which issuers the learner (or their school) recognises. It only ever
-- adds a label beside a badge's status ("Known issuer: …"); nothing here is read by
-- verification, and removing a list changes no report. Format and matching rules:
-- src/trust_list.rs.

-- One imported list: its name (unique, case-insensitive), where it came from, the list's own
-- date, whether it is a sandbox/test list, and the file exactly as imported.
CREATE TABLE trust_lists (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    format       TEXT NOT NULL CHECK (format IN ('backpack', 'dcc_legacy')),
    source       TEXT NOT NULL,
    list_date    TEXT,
    test         INTEGER NOT NULL DEFAULT 0 CHECK (test IN (0, 1)),
    imported_at  TEXT NOT NULL,
    issuers      INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    original     BLOB NOT NULL
);

-- One identifier on a list: an exact issuer id or DID, a domain, or every subdomain of one
-- (value without the '*.'), with the issuer it names.
CREATE TABLE trust_entries (
    id        INTEGER PRIMARY KEY,
    list_id   INTEGER NOT NULL REFERENCES trust_lists(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('id', 'did', 'domain', 'subdomain')),
    value     TEXT NOT NULL,
    name      TEXT NOT NULL,
    url       TEXT,
    location  TEXT,
    test      INTEGER NOT NULL DEFAULT 0 CHECK (test IN (0, 1)),
    UNIQUE (list_id, kind, value)
);
CREATE INDEX trust_entries_value ON trust_entries(value);
