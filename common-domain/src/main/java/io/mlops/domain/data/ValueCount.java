package io.mlops.domain.data;

/** A value and how often it occurs; used for the most frequent values of a column. */
public record ValueCount(String value, long count) {
}
