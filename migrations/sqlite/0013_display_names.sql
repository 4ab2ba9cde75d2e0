-- The name people see instead of the email ('' until someone gives one:
-- the email is shown meanwhile).
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
