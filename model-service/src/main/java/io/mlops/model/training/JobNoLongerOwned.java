package io.mlops.model.training;

/**
 * The job is no longer this instance's RUNNING job (recovered after missed heartbeats and taken by
 * another instance, cancelled, or already finished), so its result must not be registered.
 */
class JobNoLongerOwned extends RuntimeException {

  JobNoLongerOwned(JobLease lease) {
    super("training job " + lease.job() + " is no longer running on " + lease.owner() + " (attempt " + lease.attempt()
        + "); its model was not registered");
  }
}
