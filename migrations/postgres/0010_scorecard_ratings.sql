-- The board page reads every card of a requisition but shows only the
-- ratings and recommendations: with the notes, that is 20 MB of JSON for a
-- large requisition, without them about 1 MB.
-- `ratings_json` holds a card's ratings and recommendation, written with
-- every write of `body_json`; `ratings_version` is the card `version` it
-- was written at. A reader uses it only while the two versions match, and
-- otherwise reads `body_json` (a card written before this migration, or
-- by a server that predates it), so it can never show stale ratings.
-- (SQLite's version of this migration also moves `body_json` last; here
-- long values are stored out of line, so column order costs nothing.)
ALTER TABLE scorecards ADD COLUMN ratings_json TEXT;
ALTER TABLE scorecards ADD COLUMN ratings_version BIGINT;
