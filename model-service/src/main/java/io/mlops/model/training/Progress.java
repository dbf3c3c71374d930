package io.mlops.model.training;

/**
 * What a running job reports (stored as JSON in {@code training_jobs.progress}).
 *
 * @param phase {@code loading}, {@code search} (cross-validating candidates) or {@code final} (refit and evaluation)
 * @param fold 1-based fold of the current trial's cross-validation, 0 outside one
 * @param etaSeconds estimated seconds left, from the mean time per epoch so far; null before the first epoch
 * @param epochMillis wall time of the epoch just reported (its shuffle, batches and validation loss); null outside one
 */
public record Progress(String phase, int trial, int trials, int fold, int folds, int epoch, int epochs, Double loss,
    Double validationLoss, Long etaSeconds, long epochsDone, long epochsPlanned, Double epochMillis) {
}
