package io.mlops.data.schema;

/** The kinds of declared rules a validation report has outcomes for. */
public enum RuleKind {
    REQUIRED, NOT_NULL, MIN, MAX, ALLOWED_VALUES, PATTERN, UNIQUE_KEY
}
