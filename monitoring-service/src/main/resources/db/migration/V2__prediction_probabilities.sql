-- Class probabilities of a prediction (PredictionMade.probabilities), for the windowed ROC AUC once labels arrive.
ALTER TABLE prediction_log ADD COLUMN probabilities jsonb;
