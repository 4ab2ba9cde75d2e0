-- "Applied already?" requests from the public job page, waiting for the
-- mail worker. The page writes one row for any address, known or not, and
-- answers at once; the worker looks for applications made with the address
-- and queues the links, then deletes the row. So the page does the same
-- work, in the same time, whether or not anyone applied with the address.
CREATE TABLE link_requests (
    id TEXT PRIMARY KEY,
    requisition_id TEXT NOT NULL REFERENCES requisitions (id),
    email TEXT NOT NULL,
    asked_at TEXT NOT NULL
);
CREATE INDEX link_requests_asked_at ON link_requests (asked_at);

-- A page read again within the hour (after each change made on it) is one
-- view in the audit log, not one per read: the log looks for the last.
CREATE INDEX audit_log_actor_candidate ON audit_log (actor_id, candidate_id, at);
