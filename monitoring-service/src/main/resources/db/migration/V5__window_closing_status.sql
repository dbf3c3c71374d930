-- Intake speed (bench/monitoring): a window that filled (or timed out) is first marked CLOSING in the transaction
-- that stores its last rows, and judged (drift, latency, quality, alerts; status CLOSED) in a transaction of its own
-- right after. Judging used to run inside the intake transaction, holding the model version's open-window lock,
-- so every consumer thread waited for it. A CLOSING window left by a crash is judged by the expiry job.
ALTER TABLE monitoring_window DROP CONSTRAINT monitoring_window_status_check;
ALTER TABLE monitoring_window ADD CONSTRAINT monitoring_window_status_check CHECK (status IN ('OPEN', 'CLOSING', 'CLOSED'));
CREATE INDEX monitoring_window_closing ON monitoring_window (id) WHERE status = 'CLOSING';
