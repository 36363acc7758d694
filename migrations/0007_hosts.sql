-- Backpack wallet schema: badge hosts connected through the Open Badges 3.0 API (issue 11,
-- "Pull from a host"). APPEND-ONLY like every migration: never edit; add a new file instead.
--
-- Nothing secret is kept here: the client secret and the OAuth tokens live in the OS
-- credential store under `secret_ref` (a random name, not a secret). See src/host_api/.

-- One connected host: the base URL the learner gave (normalised), what its Service
-- Description Document said, the client Backpack registered there (RFC 7591) and how the last
-- sync went.
CREATE TABLE hosts (
    id                 INTEGER PRIMARY KEY,
    base_url           TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    authorization_url  TEXT NOT NULL,
    token_url          TEXT NOT NULL,
    refresh_url        TEXT NOT NULL,
    registration_url   TEXT NOT NULL,
    client_id          TEXT NOT NULL,
    redirect_uri       TEXT NOT NULL,
    scope              TEXT NOT NULL,
    secret_ref         TEXT NOT NULL UNIQUE,
    profile_name       TEXT,
    profile_id         TEXT,
    connected_at       TEXT NOT NULL,
    last_sync_at       TEXT,
    last_sync_started  TEXT,
    last_sync_summary  TEXT
);

-- Every credential a host has sent and the wallet kept (imported, or already there), by the
-- SHA-256 of its bytes as sent: a second sync skips them without verifying again, and a badge
-- the learner removed is not brought back. badge_id is NULL once the badge is purged.
CREATE TABLE host_credentials (
    host_id     INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL,
    badge_id    INTEGER REFERENCES badges(id) ON DELETE SET NULL,
    first_seen  TEXT NOT NULL,
    PRIMARY KEY (host_id, sha256)
);
