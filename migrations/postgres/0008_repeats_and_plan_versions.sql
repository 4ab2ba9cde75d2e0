-- Someone who applies again with an email that already has an application
-- for the job gets a real application of their own, marked as a repeat of
-- the first (repeat_of). The public form then answers the same way whether
-- or not an email has applied, so it cannot be used to find out who applied
-- where, and the recruiter sees both applications side by side. Only first
-- applications keep the one-per-email rule.
ALTER TABLE candidates ADD COLUMN repeat_of TEXT REFERENCES candidates (id);
ALTER TABLE candidates DROP CONSTRAINT candidates_requisition_id_email_key;
CREATE UNIQUE INDEX candidates_first_application ON candidates (requisition_id, email)
    WHERE repeat_of IS NULL;
CREATE INDEX candidates_repeat_of ON candidates (repeat_of);

-- Each change to an interview plan bumps its version, and an edit made from
-- an older version is refused instead of silently overwriting another
-- person's change made in between.
ALTER TABLE requisitions ADD COLUMN plan_version BIGINT NOT NULL DEFAULT 0;
