package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;

/** A method was chosen for a column it cannot judge (KS or Wasserstein on categories). */
public class MethodNotApplicable extends IllegalArgumentException {

    public MethodNotApplicable(String column, DriftMethod method) {
        super(method + " does not apply to categorical column '" + column + "'");
    }
}
