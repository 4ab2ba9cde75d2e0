-- Scorecards: one per assignment (its id is the assignment's id), created
-- when its interviewer first opens it. `version` goes up by one on every
-- write, so a save based on an older version is refused instead of
-- overwriting newer text. Draft saves are not history; the submission and
-- every amendment are kept whole in scorecard_versions.

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
    body_json TEXT NOT NULL,
    submitted_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX scorecards_candidate ON scorecards (candidate_id);

CREATE TABLE scorecard_versions (
    scorecard_id TEXT NOT NULL REFERENCES scorecards (id),
    version BIGINT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users (id),
    saved_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('submit', 'amend')),
    -- Why an amendment was made; empty for the submission.
    reason TEXT NOT NULL,
    body_json TEXT NOT NULL,
    PRIMARY KEY (scorecard_id, version)
);
