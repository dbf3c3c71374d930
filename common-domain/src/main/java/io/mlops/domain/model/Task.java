package io.mlops.domain.model;

/** What a model predicts. */
public enum Task {
    REGRESSION, BINARY, MULTICLASS;

    public boolean isClassification() {
        return this != REGRESSION;
    }
}
