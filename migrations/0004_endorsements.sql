-- Backpack wallet schema: endorsements kept as what they are (issue 12).
-- APPEND-ONLY like every migration: never edit; add the next number instead.

-- An OB 3.0 EndorsementCredential imported as a file of its own. It is attached, at read
-- time, to whatever it endorses: a badge (its credential id), an achievement (its id) or an
-- issuer (its id) — `target_id` is the endorsement's `credentialSubject.id`. The original
-- bytes are kept verbatim; the latest verification result is kept with it.
CREATE TABLE endorsements (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256        BLOB    NOT NULL UNIQUE,           -- of `original`
    original      BLOB    NOT NULL,
    container     TEXT    NOT NULL,                  -- model::Container
    name          TEXT    NOT NULL,
    endorser_id   TEXT,
    endorser_name TEXT,
    target_id     TEXT    NOT NULL,
    comment       TEXT,
    valid_from    TEXT,
    source        TEXT    NOT NULL,
    imported_at   TEXT    NOT NULL,
    status        TEXT,                              -- verify::Status of the latest check
    reason        TEXT,
    checked_at    TEXT,
    rules         INTEGER                            -- verify::report::RULES of that check
);
CREATE INDEX endorsements_target ON endorsements(target_id);
