-- Backpack wallet schema: verification reports in a compact stored form (issue 10, "wallet
-- < 2x the input"). APPEND-ONLY like every migration: never edit; add a new file instead.
--
-- A report used to be kept as its whole JSON (~1.8 KB for an OB 3.0 badge, most of it the same
-- check lines and key id repeated for every badge of an issuer). From this version a report is
-- written as a short JSON of references (src/store/reports.rs, "the stored form"): each distinct
-- check line ("proof pass eddsa-rdfc-2022 signature verified with key …"), key id, URL and
-- reason is kept once here, and `reports.report_json` lists the ids. Reports written before
-- keep their full JSON and are read as they are: nothing is converted, nothing is lost.
-- `reports.key_id` is left NULL for compact reports (nothing reads the column; the key id is
-- in the report).
CREATE TABLE report_texts (
    id    INTEGER PRIMARY KEY,
    hash  INTEGER NOT NULL,                     -- first 8 bytes of SHA-256(text), big-endian, signed
    text  TEXT    NOT NULL
);
CREATE INDEX report_texts_hash ON report_texts(hash);

-- Dedupe looks a credential up by its id and then compares the issuer: an index on the id
-- alone finds the same rows at half the size (issuer ids such as did:key are ~56 bytes).
DROP INDEX IF EXISTS badges_credential;
CREATE INDEX badges_credential_id ON badges(credential_id) WHERE credential_id IS NOT NULL;
