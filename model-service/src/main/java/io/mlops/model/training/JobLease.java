package io.mlops.model.training;

import java.util.UUID;

/**
 * One claim of a job: the instance and the attempt number the claim gave it. Writes are fenced on
 * both, because the owner alone does not tell two runs of one instance apart: after a database
 * outage longer than stale-after, recovery re-queues the job and the same instance may claim it
 * again while its first run is still going.
 */
record JobLease(UUID job, String owner, int attempt) {}
