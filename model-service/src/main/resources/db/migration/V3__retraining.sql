-- Closed-loop retraining: what each alias-history row records, per-model policies and every retraining run.

-- MOVED / REMOVED are the moves V1 recorded; the retraining steps that leave the alias where it is
-- (started, rejected, failed) are recorded with from_version = to_version = the champion.
ALTER TABLE model_alias_history ADD COLUMN action VARCHAR(24) NOT NULL DEFAULT 'MOVED'
    CHECK (action IN ('MOVED', 'REMOVED', 'RETRAINING_STARTED', 'RETRAINING_REJECTED', 'RETRAINING_FAILED'));
UPDATE model_alias_history SET action = 'REMOVED' WHERE to_version IS NULL;

-- At most one policy per model; no row = retraining off.
CREATE TABLE retraining_policies (
    model_id         UUID             PRIMARY KEY REFERENCES models (id),
    enabled          BOOLEAN          NOT NULL,
    alias            VARCHAR(128)     NOT NULL,
    triggers         TEXT[]           NOT NULL,
    min_improvement  DOUBLE PRECISION NOT NULL CHECK (min_improvement >= 0),
    cooldown_seconds BIGINT           NOT NULL CHECK (cooldown_seconds >= 0),
    updated_by       VARCHAR(200)     NOT NULL,
    updated_at       TIMESTAMPTZ      NOT NULL
);

-- One row per trigger acted on: TRAINING while the challenger's job runs, then FINISHED with a decision.
CREATE TABLE retraining_runs (
    id                  UUID             PRIMARY KEY,
    model_id            UUID             NOT NULL REFERENCES models (id),
    alias               VARCHAR(128)     NOT NULL,
    trigger_type        VARCHAR(40)      NOT NULL,
    trigger_event_id    UUID             NOT NULL,
    trigger_detail      JSONB            NOT NULL DEFAULT '{}',
    champion_version    INT              NOT NULL,
    challenger_version  INT,
    training_job_id     UUID,
    feature_set         VARCHAR(128),
    feature_set_version INT,
    metric              VARCHAR(40),
    champion_score      DOUBLE PRECISION,
    challenger_score    DOUBLE PRECISION,
    state               VARCHAR(10)      NOT NULL CHECK (state IN ('TRAINING', 'FINISHED')),
    decision            VARCHAR(10)      CHECK (decision IN ('PROMOTED', 'REJECTED', 'FAILED', 'SKIPPED')),
    reason              TEXT,
    created_at          TIMESTAMPTZ      NOT NULL,
    finished_at         TIMESTAMPTZ,
    CHECK ((state = 'TRAINING') = (decision IS NULL))
);
CREATE INDEX retraining_runs_by_model ON retraining_runs (model_id, created_at DESC);
-- the rule "one open run per model and alias", enforced even if two triggers race past the policy lock
CREATE UNIQUE INDEX retraining_runs_one_open ON retraining_runs (model_id, alias) WHERE state = 'TRAINING';
