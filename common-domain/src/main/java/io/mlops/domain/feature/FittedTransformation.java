package io.mlops.domain.feature;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Transformation} with what it learned from data: the immutable parameters that
 * evaluation needs and nothing else. Same {@code "type"} ids as the spec, e.g.
 * {@code {"type":"standardize","mean":5.843333333333335,"std":0.8253012917851409}}.
 * Parameters are checked when a {@link FittedFeature} is built.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FittedTransformation.Standardize.class, name = "standardize"),
  @JsonSubTypes.Type(value = FittedTransformation.MinMaxScale.class, name = "min_max_scale"),
  @JsonSubTypes.Type(value = FittedTransformation.Log1p.class, name = "log1p"),
  @JsonSubTypes.Type(value = FittedTransformation.Clip.class, name = "clip"),
  @JsonSubTypes.Type(value = FittedTransformation.Bucketize.class, name = "bucketize"),
  @JsonSubTypes.Type(value = FittedTransformation.OneHot.class, name = "one_hot"),
  @JsonSubTypes.Type(value = FittedTransformation.Impute.class, name = "impute"),
  @JsonSubTypes.Type(value = FittedTransformation.DateParts.class, name = "date_parts")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface FittedTransformation {

  /** {@code (x - mean) / std}, std being the population standard deviation (ddof 0). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Standardize(double mean, double std) implements FittedTransformation {}

  /** {@code (x - min) / (max - min)}, or {@code x - min} when max equals min (as MinMaxScaler). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MinMaxScale(double min, double max) implements FittedTransformation {}

  /** {@code ln(1 + x)}, computed with StrictMath so every JVM gives the same bits. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Log1p() implements FittedTransformation {}

  /** Bound to [min, max]; a null side is open. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Clip(Double min, Double max) implements FittedTransformation {}

  /** Bucket index, see {@link Transformation.Bucketize}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Bucketize(List<Double> boundaries) implements FittedTransformation {
    public Bucketize {
      boundaries = boundaries == null ? null : Collections.unmodifiableList(new ArrayList<>(boundaries));
    }
  }

  /** The learned categories in output-column order; the "other" column comes after them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OneHot(List<String> categories) implements FittedTransformation {
    public OneHot {
      categories = categories == null ? null : Collections.unmodifiableList(new ArrayList<>(categories));
    }
  }

  /**
   * The fill value: {@code number} for a numeric chain, {@code category} (the category key, see
   * {@link FeatureTransformer}) for a chain ending in one-hot. Exactly one is set.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Impute(Double number, String category) implements FittedTransformation {}

  /** The parts to extract, in output order. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DateParts(List<DatePart> parts) implements FittedTransformation {
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
