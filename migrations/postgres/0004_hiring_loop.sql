-- Everything around the interviews: sessions and sign-in throttling, who is
-- on a requisition, its interview plan, candidates and their files, the
-- resume screen and the panel.

-- Sessions of signed-in people (tower-sessions records), shared by every
-- server instance. expires_at is Unix seconds.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Failed sign-ins per email (known or not), so guessing gets slower.
CREATE TABLE sign_in_failures (
    email TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failed_at BIGINT NOT NULL
);

-- Admins switch accounts off instead of deleting them: scores keep their author.
ALTER TABLE users ADD COLUMN active BIGINT NOT NULL DEFAULT 1;

-- A draft becomes an open requisition with an owner and an interview plan.
ALTER TABLE requisitions ADD COLUMN owner_id TEXT REFERENCES users (id);
ALTER TABLE requisitions ADD COLUMN plan_json TEXT;
ALTER TABLE requisitions ADD COLUMN opened_at TEXT;

-- Recruiters and hiring managers on a requisition (the owner included).
CREATE TABLE requisition_members (
    requisition_id TEXT NOT NULL REFERENCES requisitions (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (requisition_id, user_id)
);

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
    UNIQUE (requisition_id, email)
);
CREATE INDEX candidates_requisition ON candidates (requisition_id);

-- Resumes and video answers. The bytes live under the data directory as
-- stored_name; prompt_id is '' for the resume, so each slot is unique.
CREATE TABLE candidate_files (
    id TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidates (id),
    kind TEXT NOT NULL CHECK (kind IN ('resume', 'video')),
    prompt_id TEXT NOT NULL,
    content_type TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    stored_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (candidate_id, kind, prompt_id)
);

-- The recruiter's resume screen: ratings per kit criterion, then a decision.
CREATE TABLE screenings (
    candidate_id TEXT PRIMARY KEY REFERENCES candidates (id),
    ratings_json TEXT NOT NULL,
    notes TEXT NOT NULL,
    decision TEXT,
    reason TEXT NOT NULL,
    screened_by TEXT NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL,
    decided_at TEXT
);

-- The panel: who interviews which candidate in which round, and when.
CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    requisition_id TEXT NOT NULL REFERENCES requisitions (id),
    candidate_id TEXT NOT NULL REFERENCES candidates (id),
    round_id TEXT NOT NULL,
    interviewer_id TEXT NOT NULL REFERENCES users (id),
    starts_at TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (candidate_id, round_id, interviewer_id)
);
CREATE INDEX assignments_interviewer ON assignments (interviewer_id);
