-- What the planner proved about each plan: the lower bound on the objective of any valid plan for the same
-- inputs (EUR) and the plan's relative gap to it (a fraction). Null when the planner proved none (heuristic
-- fallback) and for plans stored before these were kept. Portable SQL: H2 2.x and PostgreSQL 13+.

ALTER TABLE plans ADD COLUMN lower_bound_eur DOUBLE PRECISION;
ALTER TABLE plans ADD COLUMN relative_gap DOUBLE PRECISION;
