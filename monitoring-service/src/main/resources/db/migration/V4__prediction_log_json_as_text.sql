-- Intake speed (bench/monitoring): features and probabilities are stored as the JSON text the event carried
-- instead of jsonb. jsonb parsed and re-encoded every row on COPY, yet no query reads into these columns in SQL:
-- they are parsed in Java only when a window with a reference is judged, a prediction is shown, or quality
-- reads the probabilities. The text is the compact JSON Jackson wrote; ::text casts in the queries stay valid.
ALTER TABLE prediction_log ALTER COLUMN features TYPE text, ALTER COLUMN probabilities TYPE text;
