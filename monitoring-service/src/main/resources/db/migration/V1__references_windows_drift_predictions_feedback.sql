-- The training reference of each model version: its data sample (CSV as the data-service serves it,
-- at most 10,000 rows, so a row per version is small) and the training metrics quality is judged against.
CREATE TABLE reference (
    model            text        NOT NULL,
    version          int         NOT NULL,
    source           text        NOT NULL,            -- 'data-service' or 'upload'
    dataset          text,
    dataset_version  int,
    task             text,
    label_column     text,
    columns          jsonb       NOT NULL,            -- [{name, type, nullable}]
    sample_csv       text,
    sample_rows      int         NOT NULL DEFAULT 0,
    training_metrics jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (model, version)
);

-- Tumbling windows of a model version's traffic; one OPEN window per version at most.
CREATE TABLE monitoring_window (
    id               uuid        PRIMARY KEY,
    model            text        NOT NULL,
    version          int         NOT NULL,
    seq              int         NOT NULL,
    status           text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closed_by        text        CHECK (closed_by IN ('COUNT', 'TIME')),
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz,
    rows             bigint      NOT NULL DEFAULT 0,
    drift_share      double precision,
    drift_share_threshold double precision,
    dataset_drift    boolean,
    prediction_drift boolean,
    latency_p50_ms   double precision,
    latency_p95_ms   double precision,
    skipped          jsonb       NOT NULL DEFAULT '[]'::jsonb,   -- [{column, reason}] not judged
    note             text,
    UNIQUE (model, version, seq)
);
CREATE UNIQUE INDEX monitoring_window_one_open ON monitoring_window (model, version) WHERE status = 'OPEN';
CREATE INDEX monitoring_window_open_since ON monitoring_window (started_at) WHERE status = 'OPEN';

-- One row per judged column of a closed window; kind FEATURE (raw inputs) or PREDICTION (the output).
CREATE TABLE drift_result (
    window_id        uuid             NOT NULL REFERENCES monitoring_window (id),
    kind             text             NOT NULL CHECK (kind IN ('FEATURE', 'PREDICTION')),
    column_name      text             NOT NULL,
    method           text             NOT NULL,
    statistic        double precision NOT NULL,
    p_value          double precision,
    threshold        double precision NOT NULL,
    drifted          boolean          NOT NULL,
    psi              double precision NOT NULL,
    reference_count  int              NOT NULL,
    current_count    int              NOT NULL,
    PRIMARY KEY (window_id, kind, column_name)
);

-- Every PredictionMade, kept for the feedback join. Partitioned by day so retention is a DROP of old
-- partitions rather than a DELETE; partitions are created ahead by a scheduled job (and on demand).
-- The primary key must contain the partition key, hence (prediction_id, predicted_at): a redelivered
-- event carries the same id and timestamp, so ON CONFLICT DO NOTHING still dedupes it.
CREATE SEQUENCE prediction_log_seq;
CREATE TABLE prediction_log (
    prediction_id    uuid             NOT NULL,
    predicted_at     timestamptz      NOT NULL,
    model            text             NOT NULL,
    version          int              NOT NULL,
    features         jsonb            NOT NULL,
    value            double precision,
    label            text,
    latency_ms       double precision NOT NULL,
    ingest_seq       bigint           NOT NULL DEFAULT nextval('prediction_log_seq'),
    window_id        uuid,
    PRIMARY KEY (prediction_id, predicted_at)
) PARTITION BY RANGE (predicted_at);
CREATE INDEX prediction_log_unassigned ON prediction_log (model, version, ingest_seq) WHERE window_id IS NULL;
CREATE INDEX prediction_log_window ON prediction_log (window_id);
CREATE INDEX prediction_log_id ON prediction_log (prediction_id);

-- The true value of a prediction, as reported later; the latest report wins.
CREATE TABLE feedback (
    prediction_id    uuid             PRIMARY KEY,
    model            text             NOT NULL,
    version          int              NOT NULL,
    actual_value     double precision,
    actual_label     text,
    received_at      timestamptz      NOT NULL
);

-- Quality of the labelled predictions of a window, per metric, against the training value.
CREATE TABLE quality_result (
    window_id        uuid             NOT NULL REFERENCES monitoring_window (id),
    metric           text             NOT NULL,
    value            double precision NOT NULL,
    training_value   double precision,
    labelled_rows    bigint           NOT NULL,
    degraded         boolean          NOT NULL,
    computed_at      timestamptz      NOT NULL,
    PRIMARY KEY (window_id, metric)
);

-- Alerts already raised: an event goes out only when its (window, kind) row is first inserted.
CREATE TABLE alert (
    window_id        uuid        NOT NULL REFERENCES monitoring_window (id),
    kind             text        NOT NULL,   -- DATA_DRIFT, PREDICTION_DRIFT, QUALITY:<metric>
    raised_at        timestamptz NOT NULL,
    PRIMARY KEY (window_id, kind)
);
