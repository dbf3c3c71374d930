package io.mlops.domain.feature;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step of a feature's transformation chain, as a user writes it: what to do, not what was
 * learned. JSON: an object with a {@code "type"} id, e.g. {@code {"type":"clip","min":0,"max":50}}.
 * Fitting turns each step into a {@link FittedTransformation}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Transformation.Standardize.class, name = "standardize"),
  @JsonSubTypes.Type(value = Transformation.MinMaxScale.class, name = "min_max_scale"),
  @JsonSubTypes.Type(value = Transformation.Log1p.class, name = "log1p"),
  @JsonSubTypes.Type(value = Transformation.Clip.class, name = "clip"),
  @JsonSubTypes.Type(value = Transformation.Bucketize.class, name = "bucketize"),
  @JsonSubTypes.Type(value = Transformation.OneHot.class, name = "one_hot"),
  @JsonSubTypes.Type(value = Transformation.Impute.class, name = "impute"),
  @JsonSubTypes.Type(value = Transformation.DateParts.class, name = "date_parts")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface Transformation {

  /** Subtract the mean, divide by the population standard deviation (as scikit-learn's StandardScaler). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Standardize() implements Transformation {}

  /** Map the fitted [min, max] onto [0, 1]; values outside are not clipped (as MinMaxScaler). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MinMaxScale() implements Transformation {}

  /** {@code ln(1 + x)}; values at or below -1 are rejected. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Log1p() implements Transformation {}

  /** Bound values to [min, max]; either side may be null (open), not both. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Clip(Double min, Double max) implements Transformation {}

  /**
   * Replace a value by the index of its bucket: 0 below the first boundary, i when
   * {@code boundaries[i-1] <= x < boundaries[i]} (numpy.digitize with right=false).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Bucketize(List<Double> boundaries) implements Transformation {
    public Bucketize {
      boundaries = boundaries == null ? null : Collections.unmodifiableList(new ArrayList<>(boundaries));
    }
  }

  /**
   * One column per category learned from data plus one "other" column for anything else.
   * With {@code maxCategories}, only that many most frequent categories get their own column.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OneHot(Integer maxCategories) implements Transformation {}

  /**
   * Fill missing values (null, absent, NaN). {@code value} is used only by {@link ImputeStrategy#CONSTANT}:
   * a number, or a string/boolean for a categorical column.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Impute(ImputeStrategy strategy, Object value) implements Transformation {}

  /** Expand a date or timestamp into the listed parts, one column each, in the listed order. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DateParts(List<DatePart> parts) implements Transformation {
    public DateParts {
      parts = parts == null ? null : Collections.unmodifiableList(new ArrayList<>(parts));
    }
  }

  /** The JSON type id, for messages. */
  default String typeName() {
    return switch (this) {
      case Standardize s -> "standardize";
      case MinMaxScale s -> "min_max_scale";
      case Log1p s -> "log1p";
      case Clip s -> "clip";
      case Bucketize s -> "bucketize";
      case OneHot s -> "one_hot";
      case Impute s -> "impute";
      case DateParts s -> "date_parts";
    };
  }
}
