-- Feature-set definitions as users wrote them; dataset_version NULL means "follow the latest version".
CREATE TABLE feature_set (
    name              text PRIMARY KEY,
    id                uuid NOT NULL UNIQUE,
    dataset           text NOT NULL,
    dataset_version   integer,
    entity_columns    jsonb NOT NULL,
    event_time_column text,
    ttl_seconds       bigint,
    label_columns     jsonb NOT NULL,
    features          jsonb NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX feature_set_follows ON feature_set (dataset) WHERE dataset_version IS NULL;

-- Immutable: a definition fitted on one dataset version. The offline table holds its rows.
CREATE TABLE feature_set_version (
    feature_set     text NOT NULL REFERENCES feature_set (name),
    version         integer NOT NULL,
    dataset_version integer NOT NULL,
    dataset_sha256  text,
    dataset_schema  jsonb NOT NULL,
    fitted_spec     jsonb NOT NULL,
    offline_table   text NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (feature_set, version),
    UNIQUE (feature_set, dataset_version)
);

CREATE TABLE materialization_job (
    id          uuid PRIMARY KEY,
    feature_set text NOT NULL,
    version     integer NOT NULL,
    state       text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_done   bigint NOT NULL DEFAULT 0,
    rows_total  bigint NOT NULL DEFAULT 0,
    error       text,
    created_at  timestamptz NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz,
    FOREIGN KEY (feature_set, version) REFERENCES feature_set_version (feature_set, version)
);
CREATE INDEX materialization_job_version ON materialization_job (feature_set, version, state);
