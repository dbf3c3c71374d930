package io.mlops.model.training;

import java.util.UUID;

/**
 * The job is no longer this instance's RUNNING job (recovered after missed heartbeats and taken by
 * another instance, cancelled, or already finished), so its result must not be registered.
 */
class JobNoLongerOwned extends RuntimeException {

  JobNoLongerOwned(UUID job, String owner) {
    super("training job " + job + " is no longer running on " + owner + "; its model was not registered");
  }
}
