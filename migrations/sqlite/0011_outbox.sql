-- Email waits here from the moment the event that causes it is written (in
-- the same transaction) until an SMTP server accepts it. The mail worker of
-- any server instance may send it: it first takes a lease on the message
-- (lease_holder, lease_until), so two instances never send one message at
-- the same time, and a lease left by an instance that died runs out.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    -- An iCalendar attachment (the interview invite), or NULL.
    calendar TEXT,
    -- At most one message per key (a day's reminder for one card); NULL
    -- for messages that may repeat.
    dedupe_key TEXT UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts BIGINT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    lease_holder TEXT,
    lease_until TEXT,
    last_error TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_created ON outbox (created_at);
