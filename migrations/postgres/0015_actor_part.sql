-- A seat on a panel is an interviewer's (who scores) or, on the round with
-- the role-play, the actor's: the colleague who plays the partner, reads
-- the actor's brief and owes no scorecard.
ALTER TABLE assignments ADD COLUMN part TEXT NOT NULL DEFAULT 'interviewer';
