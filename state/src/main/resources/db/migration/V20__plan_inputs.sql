-- What each plan was made from: the SHA-256 of the canonical problem text, that text (so the plan can be
-- made again, `./kelvin replan PLAN_ID`), the solver work it used and whether the wall-clock safety cap cut
-- the solve short. Null for plans stored before these were kept. Portable SQL: H2 2.x and PostgreSQL 13+.

ALTER TABLE plans ADD COLUMN input_hash VARCHAR(64);
ALTER TABLE plans ADD COLUMN inputs_text TEXT;
ALTER TABLE plans ADD COLUMN work_used BIGINT;
ALTER TABLE plans ADD COLUMN cut_by_wall_clock BOOLEAN;
