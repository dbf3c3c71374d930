-- Intake speed (bench/monitoring): rows get their window id when they are COPYed in, so the log no longer needs
-- the unassigned-rows index, the ingest order column or its sequence; and prediction_log_id duplicated the primary
-- key's leading column (lookups by prediction id use the key's index).
-- Rows stored before this version and not yet in a window belong to their model version's open window.
UPDATE prediction_log p SET window_id = w.id
FROM monitoring_window w
WHERE p.window_id IS NULL AND w.status = 'OPEN' AND w.model = p.model AND w.version = p.version;
DROP INDEX prediction_log_unassigned;
DROP INDEX prediction_log_id;
ALTER TABLE prediction_log DROP COLUMN ingest_seq;
DROP SEQUENCE prediction_log_seq;
