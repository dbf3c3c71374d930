-- Datasets: a name users choose (unique, URL-safe), an optional declared schema and what to do when it is violated.
CREATE TABLE dataset (
    id                UUID         PRIMARY KEY,
    name              VARCHAR(128) NOT NULL UNIQUE,
    description       TEXT,
    tags              JSONB        NOT NULL DEFAULT '[]',
    declared_schema   JSONB,
    validation_policy VARCHAR(10)  NOT NULL CHECK (validation_policy IN ('REJECT', 'WARN')),
    -- the last version number handed out; never reused, even after an admin deletes the newest version
    last_version      INT          NOT NULL DEFAULT 0,
    created_by        VARCHAR(200) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL
);

-- Immutable, content-addressed versions: the bytes live in the blob store under sha256.
CREATE TABLE dataset_version (
    dataset_id         UUID         NOT NULL REFERENCES dataset (id),
    version            INT          NOT NULL CHECK (version >= 1),
    format             VARCHAR(10)  NOT NULL CHECK (format IN ('CSV', 'JSONL', 'PARQUET')),
    row_count          BIGINT       NOT NULL,
    byte_size          BIGINT       NOT NULL,
    sha256             CHAR(64)     NOT NULL,
    data_schema        JSONB        NOT NULL,
    profile            JSONB        NOT NULL,
    validation         JSONB,
    sample_sha256      CHAR(64)     NOT NULL,
    original_file_name VARCHAR(1000),
    created_by         VARCHAR(200) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (dataset_id, version),
    CONSTRAINT dataset_version_same_bytes_once UNIQUE (dataset_id, sha256)
);
-- blob reference checks before deleting a blob
CREATE INDEX dataset_version_sha256 ON dataset_version (sha256);
CREATE INDEX dataset_version_sample_sha256 ON dataset_version (sample_sha256);

-- Which model versions were trained on which dataset version (from ModelTrained events): the delete guard.
-- Keyed by the names in the event's lineage, so a mark holds even if it arrives before the version is known here.
CREATE TABLE version_usage (
    dataset_name    VARCHAR(128) NOT NULL,
    dataset_version INT          NOT NULL,
    model_name      VARCHAR(128) NOT NULL,
    model_version   INT          NOT NULL,
    event_id        UUID         NOT NULL,
    marked_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset_name, dataset_version, model_name, model_version)
);
