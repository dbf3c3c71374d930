-- Model registry: models, their immutable versions numbered 1..n, mutable aliases and every alias move.
CREATE TABLE models (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(128) NOT NULL UNIQUE,
    description TEXT,
    tags        JSONB        NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE model_versions (
    model_id        UUID         NOT NULL REFERENCES models (id),
    version         INT          NOT NULL CHECK (version >= 1),
    task            VARCHAR(20)  NOT NULL CHECK (task IN ('REGRESSION', 'BINARY', 'MULTICLASS')),
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('djl', 'torchscript')),
    artifact_sha256 CHAR(64)     NOT NULL,
    artifact_bytes  BIGINT       NOT NULL CHECK (artifact_bytes > 0),
    metrics         JSONB        NOT NULL DEFAULT '{}',
    hyperparameters JSONB        NOT NULL DEFAULT '{}',
    lineage         JSONB        NOT NULL DEFAULT '{}',
    signature       JSONB        NOT NULL,
    tags            JSONB        NOT NULL DEFAULT '{}',
    description     TEXT,
    source          VARCHAR(10)  NOT NULL CHECK (source IN ('trained', 'imported')),
    -- imports: SHA-256 of the uploaded TorchScript file, before it was packed into the artifact
    source_sha256   CHAR(64),
    created_by      VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (model_id, version)
);

CREATE TABLE model_aliases (
    model_id   UUID         NOT NULL REFERENCES models (id),
    alias      VARCHAR(128) NOT NULL,
    version    INT          NOT NULL,
    updated_by VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (model_id, alias),
    FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version)
);

-- Append-only: who moved which alias from which version to which, when and why (to_version NULL = removed).
CREATE TABLE model_alias_history (
    id           BIGSERIAL    PRIMARY KEY,
    model_id     UUID         NOT NULL REFERENCES models (id),
    alias        VARCHAR(128) NOT NULL,
    from_version INT,
    to_version   INT,
    actor        VARCHAR(200) NOT NULL,
    reason       TEXT,
    changed_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX model_alias_history_by_alias ON model_alias_history (model_id, alias, id);
