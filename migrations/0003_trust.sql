-- Backpack wallet schema, version 3: verification rules that bind keys to issuers (issue 12).
-- APPEND-ONLY like every migration: never edit; add 0004_*.sql instead.

-- The verification rules a report was made under. Rules 1 (every report before this
-- migration) called a badge "valid" when its signature held, whoever's key made it; those
-- reports stay as history, but no longer decide the badge's status: it reads "not_checked"
-- until the badge is checked again under the current rules (src/verify/report.rs RULES).
ALTER TABLE reports ADD COLUMN rules INTEGER NOT NULL DEFAULT 1;

-- Every document a verification relied on (issuer profiles, DID documents, key sets, status
-- lists, hosted assertions), content-addressed and never overwritten: the fetch cache keeps
-- only the newest copy of a URL, the evidence keeps every copy a report used, so an old
-- "confirmed from the issuer's key document fetched on …" stays provable.
CREATE TABLE evidence_bodies (
    sha256  TEXT PRIMARY KEY,                    -- lower-case hex, as report_documents.sha256
    body    BLOB NOT NULL
) WITHOUT ROWID;

-- A copy of a credential (same issuer id and credential id) that claims to be newer but does
-- not verify with a key bound to that issuer does not replace the current one: it is kept
-- beside it, pointing at the badge it conflicts with, and the learner is told.
ALTER TABLE badges ADD COLUMN conflicts_with INTEGER REFERENCES badges(id) ON DELETE SET NULL;
CREATE INDEX badges_conflicts ON badges(conflicts_with) WHERE conflicts_with IS NOT NULL;

-- Where a cached document really came from (the final URL after redirects): the origin and
-- scope rules are checked on it, so an offline re-check must see the same URL.
ALTER TABLE fetch_cache ADD COLUMN final_url TEXT;
