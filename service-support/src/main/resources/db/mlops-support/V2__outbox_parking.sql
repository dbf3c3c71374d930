-- An event Kafka will never accept (too large, invalid topic, unserializable) is parked instead of
-- blocking every later event of the service; parked rows stay for inspection and are counted.
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
DROP INDEX outbox_event_pending;
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL AND parked_at IS NULL;
