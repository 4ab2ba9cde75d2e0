-- Candidates' data rights. A candidate erased (on request, or when the
-- retention period after their requisition closed has passed) keeps their
-- row, with nothing personal left in it, so the panel's ratings of them
-- still count in the statistics; erased_at says when.
ALTER TABLE candidates ADD COLUMN erased_at TEXT;

-- Who viewed, exported, changed or erased candidate data, and when: read
-- by admins. actor_email is kept as it was then ('' for the retention job).
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_email TEXT NOT NULL,
    action TEXT NOT NULL,
    requisition_id TEXT,
    candidate_id TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
