-- Backpack wallet schema, version 2: content hashes as 32-byte BLOBs instead of 64-char hex.
--
-- Why: the hashes sit in every badge row and in the unique index on sha256; as BLOBs they
-- take half the space (the import benchmark's wallet-size target, issue 2). Readers encode
-- them as lower-case hex (StoredBadge::sha256 is unchanged).
-- APPEND-ONLY like every migration: never edit; add 0003_*.sql instead.
UPDATE badges SET sha256 = unhex(sha256) WHERE typeof(sha256) = 'text';
UPDATE badges SET document_sha256 = unhex(document_sha256) WHERE typeof(document_sha256) = 'text';
