-- The tenant or project a job is run for, as submitted (1..64 of [A-Za-z0-9._:-]); null when none was given.
-- Reports group the optimizer's savings by it. Portable SQL: H2 2.x and PostgreSQL 13+.

ALTER TABLE jobs ADD COLUMN project VARCHAR(64);
