-- People, machines, failed logins and the audit trail (module identity; adapters in io.kelvin.state).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+. Times are UTC instants.

CREATE TABLE users (
    username              VARCHAR(64)              NOT NULL PRIMARY KEY,
    password_hash         VARCHAR(100)             NOT NULL,
    roles                 VARCHAR(200)             NOT NULL, -- comma-separated Role names
    enabled               BOOLEAN                  NOT NULL,
    must_change_password  BOOLEAN                  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE oauth_clients (
    client_id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    secret_hash        VARCHAR(100)             NOT NULL,
    role               VARCHAR(30)              NOT NULL,
    scopes             VARCHAR(1000)            NOT NULL, -- space-separated, as in the OAuth2 scope parameter
    enabled            BOOLEAN                  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    secret_rotated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE login_failures (
    username      VARCHAR(64)              NOT NULL PRIMARY KEY,
    failures      INTEGER                  NOT NULL,
    first_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);

-- Append-only: Kelvin only inserts. Each record carries the SHA-256 of the one before (hash chain), so an
-- edit, a deletion or a reordering is found by './kelvin audit verify'.
CREATE TABLE audit_records (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind     VARCHAR(20)              NOT NULL,
    actor_name     VARCHAR(200)             NOT NULL,
    kind           VARCHAR(40)              NOT NULL,
    target         VARCHAR(1000)            NOT NULL,
    address        VARCHAR(1000)            NOT NULL,
    outcome        VARCHAR(20)              NOT NULL,
    detail         VARCHAR(1000)            NOT NULL,
    previous_hash  CHAR(64)                 NOT NULL,
    hash           CHAR(64)                 NOT NULL
);

CREATE INDEX audit_records_at ON audit_records (recorded_at);
CREATE INDEX audit_records_actor ON audit_records (actor_name, seq);
CREATE INDEX audit_records_kind ON audit_records (kind, seq);
