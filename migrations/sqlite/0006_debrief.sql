-- Debrief decisions: the panel's call on a candidate, with its rationale.
-- Kept beside the scorecards, never written into them; a new decision is
-- a new row, so the board shows the latest and the history stays.

CREATE TABLE debrief_decisions (
    id TEXT PRIMARY KEY,
    requisition_id TEXT NOT NULL REFERENCES requisitions (id),
    candidate_id TEXT NOT NULL REFERENCES candidates (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('hire', 'no-hire', 'hold')),
    rationale TEXT NOT NULL,
    decided_by TEXT NOT NULL REFERENCES users (id),
    decided_at TEXT NOT NULL
);
CREATE INDEX debrief_decisions_requisition ON debrief_decisions (requisition_id, decided_at);
CREATE INDEX scorecards_requisition ON scorecards (requisition_id);
CREATE INDEX assignments_requisition ON assignments (requisition_id);
