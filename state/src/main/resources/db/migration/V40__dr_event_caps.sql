-- The capacity limits each demand-response event asks for (its newest version's), kept for the
-- auditors' demand-response performance report after the event is let go (core.dr.DrEventStore.recordCaps).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+. Times are UTC instants.
CREATE TABLE dr_event_caps (
    event_id     VARCHAR(200)             NOT NULL,
    seq          INTEGER                  NOT NULL, -- order within the event
    version      TIMESTAMP WITH TIME ZONE NOT NULL,
    program_id   VARCHAR(200)             NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    direction    VARCHAR(10)              NOT NULL, -- core.dr.DrSignal.Direction
    kw           DOUBLE PRECISION         NOT NULL,
    hard         BOOLEAN                  NOT NULL,
    payload_type VARCHAR(100)             NOT NULL,
    PRIMARY KEY (event_id, seq)
);
