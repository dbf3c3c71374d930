package io.mlops.data.schema;

/** One row that breaks a rule: where it is (see {@link RowLocation}) and the offending value as text (null for a null). */
public record Offence(long location, String value) {
}
