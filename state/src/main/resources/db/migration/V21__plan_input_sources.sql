-- Which forecast inputs each plan used and how fresh each was: a JSON array of objects named like
-- core.plan.PlanInput's components. Null for plans stored before these were kept.
-- Portable SQL: H2 2.x and PostgreSQL 13+.

ALTER TABLE plans ADD COLUMN input_sources TEXT;
