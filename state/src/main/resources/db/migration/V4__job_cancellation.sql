-- A job cancelled by the AI platform or an operator (DELETE /api/v1/jobs/{id}) keeps its row and is never
-- planned again. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

ALTER TABLE jobs ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
