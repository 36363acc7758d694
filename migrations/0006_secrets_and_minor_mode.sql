-- Backpack wallet schema, version 4 (issue 13, hardening): the learner key leaves the
-- database, and minor mode becomes a sealed guardian's record.
--
-- APPEND-ONLY like every migration: never edit; add 0005_*.sql instead.

-- Where the learner's secret lives now: 'os-keyring' (Secret Service / Keychain / Credential
-- Manager) or 'key-file' (a passphrase-encrypted file beside the wallet). NULL marks a row
-- written before this version, whose secret is still in `secret`: Backpack moves it out on the
-- next open (learner_key::migrate_plaintext_key), sets `secret` to an empty blob and rewrites
-- the file (secure_delete + VACUUM) so the old bytes are gone from it.
ALTER TABLE learner_keys ADD COLUMN secret_store TEXT;

-- Minor mode (src/minor_mode.rs). A row means minor mode is ON; whatever the row holds, an
-- unreadable record keeps it locked (fail closed). The record is sealed with a key derived
-- from the guardian passphrase (Argon2id + HMAC-SHA256), so editing it never unlocks, and the
-- triggers make one DELETE or UPDATE fail too: Backpack itself drops and re-creates them
-- inside the transaction that turns minor mode off with the passphrase.
CREATE TABLE minor_mode (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    record  BLOB NOT NULL
);
CREATE TRIGGER minor_mode_no_delete BEFORE DELETE ON minor_mode
BEGIN
    SELECT RAISE(ABORT, 'minor mode is a guardian''s lock: turn it off in backpack with the guardian passphrase');
END;
CREATE TRIGGER minor_mode_no_update BEFORE UPDATE ON minor_mode
BEGIN
    SELECT RAISE(ABORT, 'minor mode is a guardian''s lock: turn it off in backpack with the guardian passphrase');
END;

-- Minor mode as schema 1-3 kept it (two plain settings rows) carries over as a legacy record
-- ("BPMINOR0" + the Argon2id PHC hash): still locked, unlocked by the same passphrase, sealed
-- on first unlock. "On" without a hash stays locked for good (it already refused to share).
INSERT INTO minor_mode (id, record)
SELECT 1, CAST('BPMINOR0' || COALESCE((SELECT value FROM settings WHERE key = 'guardian_passphrase_hash'), '') AS BLOB)
WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'minor_mode' AND value = 'true');
DELETE FROM settings WHERE key IN ('minor_mode', 'guardian_passphrase_hash');
