-- Backpack wallet schema: one search engine (issue 9). APPEND-ONLY like every migration: never
-- edit; add a new file instead.
--
-- The app searched an in-memory index of its own while the CLI asked the FTS5 table. Now both
-- ask the core's one in-memory index (src/store/search.rs, `SearchIndex`), built from this
-- column: each badge's own searchable text (name, issuer, description, skills/alignments,
-- achievement type, the badge's tags), folded once at import (NFD, marks dropped, lower case,
-- words separated by single spaces). The learner's own tags are added when the index is built,
-- so tagging never rewrites it. Rows imported before this version have NULL here and are
-- filled in the first time an index is built. The FTS5 table is no longer read or written.
ALTER TABLE badges ADD COLUMN search_text TEXT;
DROP TABLE badge_fts;
