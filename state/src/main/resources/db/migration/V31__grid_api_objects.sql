-- Kelvin's own OpenADR 3.1 grid API (green-power dr.grid.GridApi through core.dr.GridObjectStore; adapter
-- JdbcGridObjectStore): programs, events, reports and subscriptions as the API returns them.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+. Times are UTC instants.
CREATE TABLE grid_objects (
    object_type   VARCHAR(20)              NOT NULL, -- core.dr.GridObjectType
    id            VARCHAR(200)             NOT NULL,
    name          VARCHAR(200),                      -- programName, or a report's or subscription's clientName
    program_name  VARCHAR(200),                      -- programName again, programs only: unique
    program_id    VARCHAR(200),
    event_id      VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    document      TEXT                     NOT NULL, -- the OpenADR JSON object
    PRIMARY KEY (object_type, id),
    CONSTRAINT grid_objects_program_name UNIQUE (program_name)
);

CREATE INDEX grid_objects_program ON grid_objects (object_type, program_id);
CREATE INDEX grid_objects_event ON grid_objects (object_type, event_id);
