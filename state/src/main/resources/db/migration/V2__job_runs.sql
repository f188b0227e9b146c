-- The quarter hours each job was dispatched to run in. A stored plan dispatches its first slot (the
-- cluster follows Kelvin's newest plan); a job's progress, state and finish follow from these rows.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

CREATE TABLE job_runs (
    job_id      VARCHAR(200)             NOT NULL REFERENCES jobs (id),
    slot_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    plan_id     BIGINT                   NOT NULL REFERENCES plans (id),
    PRIMARY KEY (job_id, slot_start)
);

CREATE INDEX job_runs_slot ON job_runs (slot_start);
