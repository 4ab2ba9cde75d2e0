-- People who sign in. The email is stored lower-cased, so it is unique
-- regardless of how it was typed; the password only as an argon2 hash.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring-manager', 'interviewer')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
