-- Backpack wallet schema: an endorsement file's latest check keeps its reason as a catalog
-- message too (issue 14: shown in the learner's language), beside the English `reason`.
-- APPEND-ONLY like every migration: never edit; add the next number instead.
-- JSON of backpack_core::localize::Message; NULL for checks made before (shown in English).
ALTER TABLE endorsements ADD COLUMN reason_message TEXT;
