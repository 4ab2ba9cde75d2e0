-- Sessions are now stored under the SHA-256 of their id (the cookie's
-- value) instead of the id itself, so a copy of this table cannot be used
-- to sign in as anyone. Rows stored under raw ids can no longer be found:
-- remove them; people sign in again once.
DELETE FROM sessions;
