-- Per stored plan and job: what the plan predicts for the job and what the same problem planned
-- run-immediately gives it (core.plan.PlanJobOutcome): the job's IT kW above idle, run slots, IT kWh above
-- idle, and the grid import cost (EUR) and CO2 (kg) attributed to it. Only inserted. Plans stored before
-- this table have no rows. Portable SQL: H2 2.x and PostgreSQL 13+.

CREATE TABLE plan_job_outcomes (
    plan_id          BIGINT           NOT NULL REFERENCES plans (id),
    job_id           VARCHAR(200)     NOT NULL,
    kw_above_idle    DOUBLE PRECISION NOT NULL,
    planned_slots    INTEGER          NOT NULL,
    planned_kwh      DOUBLE PRECISION NOT NULL,
    planned_eur      DOUBLE PRECISION NOT NULL,
    planned_kg_co2   DOUBLE PRECISION NOT NULL,
    baseline_slots   INTEGER          NOT NULL,
    baseline_kwh     DOUBLE PRECISION NOT NULL,
    baseline_eur     DOUBLE PRECISION NOT NULL,
    baseline_kg_co2  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (plan_id, job_id)
);

CREATE INDEX plan_job_outcomes_job ON plan_job_outcomes (job_id, plan_id);
