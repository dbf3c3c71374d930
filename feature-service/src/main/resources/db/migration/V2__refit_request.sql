-- A DataIngested for a dataset that a set follows: recorded in the consumer's transaction (with the
-- event id), fitted and materialized after it commits, resumed at startup while QUEUED.
CREATE TABLE refit_request (
    id              uuid PRIMARY KEY,
    event_id        uuid NOT NULL,
    feature_set     text NOT NULL REFERENCES feature_set (name),
    dataset_version integer NOT NULL,
    state           text NOT NULL CHECK (state IN ('QUEUED', 'DONE', 'FAILED')),
    version         integer,
    error           text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);
CREATE INDEX refit_request_queued ON refit_request (created_at) WHERE state = 'QUEUED';
