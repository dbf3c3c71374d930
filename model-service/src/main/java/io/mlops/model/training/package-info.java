/** Training jobs: the request API, job state in Postgres, claiming and running jobs, recovery after a crash. */
package io.mlops.model.training;
