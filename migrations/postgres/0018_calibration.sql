-- Interviewer calibration: each practice rating of a sample answer, kept.
-- `reference` is the rating the sample was written at; `sample` names it
-- (sub-role.level.item.rating) in the library version it came from.
CREATE TABLE practice_ratings (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    rubric_version TEXT NOT NULL,
    sample TEXT NOT NULL,
    reference TEXT NOT NULL,
    rating TEXT NOT NULL,
    rated_at TEXT NOT NULL
);
CREATE INDEX practice_ratings_user ON practice_ratings (user_id, rated_at);

-- Set when the people running a requisition require a calibration result
-- of everyone they put on its panel (NULL: not required).
ALTER TABLE requisitions ADD COLUMN calibration_required_at TEXT;
