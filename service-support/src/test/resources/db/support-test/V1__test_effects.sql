-- The "business effect" of the test consumer: one row per applied event.
CREATE TABLE test_effect (
    event_id UUID        NOT NULL,
    dataset  VARCHAR(200) NOT NULL
);
