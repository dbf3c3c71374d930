-- Training jobs: the request, the state machine (QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED),
-- the owner instance with its heartbeat (a stale RUNNING job is recovered), progress and result.
CREATE TABLE training_jobs (
    id               UUID         PRIMARY KEY,
    model_name       VARCHAR(128) NOT NULL,
    state            VARCHAR(12)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    request          JSONB        NOT NULL,
    owner            VARCHAR(200),
    attempts         INT          NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    progress         JSONB,
    result           JSONB,
    error            TEXT,
    model_version    INT,
    created_at       TIMESTAMPTZ  NOT NULL,
    started_at       TIMESTAMPTZ,
    heartbeat_at     TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);
-- the claim query takes the oldest QUEUED job; recovery looks for RUNNING jobs with an old heartbeat
CREATE INDEX training_jobs_state ON training_jobs (state, created_at);

-- One row per hyperparameter candidate; scores (per fold and mean) appear as the trial finishes.
CREATE TABLE training_trials (
    job_id          UUID         NOT NULL REFERENCES training_jobs (id) ON DELETE CASCADE,
    trial           INT          NOT NULL CHECK (trial >= 1),
    hyperparameters JSONB        NOT NULL,
    state           VARCHAR(12)  NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    metric          VARCHAR(40)  NOT NULL,
    fold_scores     JSONB        NOT NULL DEFAULT '[]',
    mean_score      DOUBLE PRECISION,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    PRIMARY KEY (job_id, trial)
);
