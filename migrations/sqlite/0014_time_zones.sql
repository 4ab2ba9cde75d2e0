-- Each person's time zone (an IANA name such as Europe/Paris): interview
-- times are entered and shown in it. '' until set: UTC meanwhile.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
