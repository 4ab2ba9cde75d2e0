-- A requisition is closed when the hire is made or the job withdrawn: no
-- new applications, everything already written stays readable. closed_at
-- is when (the retention period of candidates' data counts from it).
ALTER TABLE requisitions ADD COLUMN closed_at TEXT;

-- The revision of an interview's calendar event (iTIP SEQUENCE): raised
-- each time the interview is moved, so calendars take the update.
ALTER TABLE assignments ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
