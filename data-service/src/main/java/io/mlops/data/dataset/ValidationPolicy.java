package io.mlops.data.dataset;

/** What a violated declared schema does to an upload: REJECT answers 422 and stores nothing, WARN stores it with the report. */
public enum ValidationPolicy {
    REJECT, WARN
}
