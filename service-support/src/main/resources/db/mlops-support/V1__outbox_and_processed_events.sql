-- Transactional outbox: events are written here in the same transaction as the change they announce,
-- then relayed to Kafka. Rows are kept for a retention period after publishing, for audits.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    event_type   VARCHAR(100) NOT NULL,
    topic        VARCHAR(255) NOT NULL,
    record_key   VARCHAR(512) NOT NULL,
    payload      JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;

-- Idempotent consumption: a consumer records each event id in the transaction that applies it.
CREATE TABLE processed_event (
    consumer     VARCHAR(200) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
