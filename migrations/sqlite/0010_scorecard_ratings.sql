-- The board page reads every card of a requisition but shows only the
-- ratings and recommendations: with the notes, that is 20 MB of JSON for a
-- large requisition, without them about 1 MB.
-- `ratings_json` holds a card's ratings and recommendation, written with
-- every write of `body_json`; `ratings_version` is the card `version` it
-- was written at. A reader uses it only while the two versions match, and
-- otherwise reads `body_json` (a card written before this migration, or
-- by a server that predates it), so it can never show stale ratings.
--
-- SQLite keeps a row's columns in order and a long value runs on into
-- overflow pages, so reading any column after `body_json` (20 KB with
-- notes) walks through all of it. The table is rebuilt with `body_json`
-- last, so everything else is read without touching the notes. (Foreign
-- keys as in 0008: checked at the commit, after the rows are back.)
PRAGMA defer_foreign_keys = ON;

CREATE TABLE scorecards_before_0010 AS SELECT * FROM scorecards;
DROP TABLE scorecards;

CREATE TABLE scorecards (
    id TEXT PRIMARY KEY REFERENCES assignments (id),
    requisition_id TEXT NOT NULL REFERENCES requisitions (id),
    candidate_id TEXT NOT NULL REFERENCES candidates (id),
    interviewer_id TEXT NOT NULL REFERENCES users (id),
    round_id TEXT NOT NULL,
    -- The rubric library version the card is scored against: the
    -- requisition's, when the card was created.
    rubric_version TEXT NOT NULL,
    version BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
    submitted_at TEXT,
    updated_at TEXT NOT NULL,
    ratings_version BIGINT,
    ratings_json TEXT,
    body_json TEXT NOT NULL
);

INSERT INTO scorecards (id, requisition_id, candidate_id, interviewer_id, round_id, rubric_version,
                        version, state, submitted_at, updated_at, body_json)
SELECT id, requisition_id, candidate_id, interviewer_id, round_id, rubric_version,
       version, state, submitted_at, updated_at, body_json
FROM scorecards_before_0010;

DROP TABLE scorecards_before_0010;

CREATE INDEX scorecards_candidate ON scorecards (candidate_id);
CREATE INDEX scorecards_requisition ON scorecards (requisition_id);
