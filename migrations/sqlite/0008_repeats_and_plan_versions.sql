-- Someone who applies again with an email that already has an application
-- for the job gets a real application of their own, marked as a repeat of
-- the first (repeat_of). The public form then answers the same way whether
-- or not an email has applied, so it cannot be used to find out who applied
-- where, and the recruiter sees both applications side by side.
--
-- Only first applications keep the one-per-email rule, so the table-level
-- UNIQUE (requisition_id, email) becomes a partial unique index. SQLite
-- cannot drop a table constraint, so the table is rebuilt. Migrations run
-- inside a transaction with foreign keys on, where PRAGMA foreign_keys is
-- ignored; deferring the checks to the commit instead lets the old table go
-- and the new one take its rows back, after which every reference from
-- files, screenings, assignments, scorecards and decisions resolves again
-- (SQLite re-counts deferred violations as the parent rows come back).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE candidates_before_0008 AS SELECT * FROM candidates;
DROP TABLE candidates;

CREATE TABLE candidates (
    id TEXT PRIMARY KEY,
    requisition_id TEXT NOT NULL REFERENCES requisitions (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    links_json TEXT NOT NULL,
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    stage_reason TEXT NOT NULL,
    -- The candidate's own link back to an unfinished application; only
    -- candidates who applied themselves have one.
    application_token TEXT UNIQUE,
    knockouts_json TEXT NOT NULL,
    submitted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- The first application with the same email for the same job, when this
    -- one came in through the public form after it.
    repeat_of TEXT REFERENCES candidates (id)
);

INSERT INTO candidates (id, requisition_id, name, email, phone, links_json, source, stage, stage_reason,
                        application_token, knockouts_json, submitted_at, created_at, updated_at)
SELECT id, requisition_id, name, email, phone, links_json, source, stage, stage_reason,
       application_token, knockouts_json, submitted_at, created_at, updated_at
FROM candidates_before_0008;

DROP TABLE candidates_before_0008;

CREATE INDEX candidates_requisition ON candidates (requisition_id);
CREATE UNIQUE INDEX candidates_first_application ON candidates (requisition_id, email)
    WHERE repeat_of IS NULL;
CREATE INDEX candidates_repeat_of ON candidates (repeat_of);

-- Each change to an interview plan bumps its version, and an edit made from
-- an older version is refused instead of silently overwriting another
-- person's change made in between.
ALTER TABLE requisitions ADD COLUMN plan_version BIGINT NOT NULL DEFAULT 0;
