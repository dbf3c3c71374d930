package io.mlops.domain.feature;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A part of a date or timestamp that {@link Transformation.DateParts} extracts. */
public enum DatePart {
  @JsonProperty("year")
  YEAR("year"),
  /** 1 (January) to 12. */
  @JsonProperty("month")
  MONTH("month"),
  /** Day of the month, 1 to 31. */
  @JsonProperty("day")
  DAY("day"),
  /** ISO-8601: 1 (Monday) to 7 (Sunday). */
  @JsonProperty("day_of_week")
  DAY_OF_WEEK("day_of_week"),
  /** 0 to 23; 0 for a plain date. */
  @JsonProperty("hour")
  HOUR("hour");

  private final String suffix;

  DatePart(String suffix) {
    this.suffix = suffix;
  }

  /** The JSON name, also the suffix of the output column ({@code date_month}). */
  public String suffix() {
    return suffix;
  }
}
