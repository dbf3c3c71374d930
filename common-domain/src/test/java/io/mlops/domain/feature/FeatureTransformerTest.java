package io.mlops.domain.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation of fitted specs written by hand, so each expected number follows from the formula. */
class FeatureTransformerTest {

  private static FittedFeature feature(String name, String column, FittedTransformation... steps) {
    return new FittedFeature(name, column, List.of(steps));
  }

  private static FeatureTransformer transformer(FittedFeature... features) {
    return new FittedFeatureSpec(List.of(features)).transformer();
  }

  @Test
  void numericStepsApplyInOrder() {
    FeatureTransformer t = transformer(
        feature("z", "x", new FittedTransformation.Standardize(2.0, 4.0)),
        feature("mm", "x", new FittedTransformation.MinMaxScale(1.0, 5.0)),
        feature("clipped_log", "x", new FittedTransformation.Clip(null, 3.0), new FittedTransformation.Log1p()),
        feature("bucket", "x", new FittedTransformation.Bucketize(List.of(0.0, 5.0, 10.0))));

    assertThat(t.transform(Map.of("x", 10))).containsExactly(new double[] {2.0, 2.25, Math.log(4.0), 3.0}, within(1e-15));
    assertThat(t.transform(Map.of("x", 5.0))).containsExactly(new double[] {0.75, 1.0, Math.log(4.0), 2.0}, within(1e-15));
    assertThat(t.transform(Map.of("x", -0.5))).containsExactly(new double[] {-0.625, -0.375, Math.log(0.5), 0.0}, within(1e-15));
  }

  @Test
  void minMaxOfAConstantColumnKeepsAScaleOfOne() {
    FeatureTransformer t = transformer(feature("mm", "x", new FittedTransformation.MinMaxScale(3.0, 3.0)));

    assertThat(t.transform(Map.of("x", 3.0))).containsExactly(0.0);
    assertThat(t.transform(Map.of("x", 4.5))).containsExactly(1.5);
  }

  @Test
  void bucketizeCountsBoundariesAtOrBelowTheValue() {
    FeatureTransformer t = transformer(feature("b", "x", new FittedTransformation.Bucketize(List.of(0.0, 0.5, 5.0, 20.0))));

    assertThat(t.transform(Map.of("x", -0.1))).containsExactly(0.0);
    assertThat(t.transform(Map.of("x", -0.0))).containsExactly(1.0);
    assertThat(t.transform(Map.of("x", 0.5))).containsExactly(2.0);
    assertThat(t.transform(Map.of("x", 19.99))).containsExactly(3.0);
    assertThat(t.transform(Map.of("x", 55.9))).containsExactly(4.0);
  }

  @Test
  void oneHotSetsTheCategoryOrOtherColumn() {
    FeatureTransformer t = transformer(feature("weather", "weather",
        new FittedTransformation.OneHot(List.of("drizzle", "fog", "rain", "snow", "sun"))));

    assertThat(t.outputColumns()).containsExactly("weather=drizzle", "weather=fog", "weather=rain",
        "weather=snow", "weather=sun", "weather=__other__");
    assertThat(t.transform(Map.of("weather", "rain"))).containsExactly(0, 0, 1, 0, 0, 0);
    assertThat(t.transform(Map.of("weather", "hail"))).containsExactly(0, 0, 0, 0, 0, 1);
  }

  @Test
  void categoryKeysAreTheSameWhateverTheJavaTypeOfTheNumber() {
    FeatureTransformer t = transformer(feature("k", "k", new FittedTransformation.OneHot(List.of("3", "2.5", "true"))));

    assertThat(t.transform(Map.of("k", 3))).containsExactly(1, 0, 0, 0);
    assertThat(t.transform(Map.of("k", 3L))).containsExactly(1, 0, 0, 0);
    assertThat(t.transform(Map.of("k", 3.0))).containsExactly(1, 0, 0, 0);
    assertThat(t.transform(Map.of("k", 2.5f))).containsExactly(0, 1, 0, 0);
    assertThat(t.transform(Map.of("k", true))).containsExactly(0, 0, 1, 0);
  }

  @Test
  void bucketizeThenOneHotEncodesTheBucketIndex() {
    FeatureTransformer t = transformer(feature("b", "x",
        new FittedTransformation.Bucketize(List.of(10.0)), new FittedTransformation.OneHot(List.of("0", "1"))));

    assertThat(t.outputColumns()).containsExactly("b=0", "b=1", "b=__other__");
    assertThat(t.transform(Map.of("x", 12))).containsExactly(0, 1, 0);
  }

  @Test
  void imputeFillsNullAbsentAndNaN() {
    FeatureTransformer t = transformer(
        feature("n", "x", new FittedTransformation.Impute(7.5, null), new FittedTransformation.Standardize(5.5, 2.0)),
        feature("c", "c", new FittedTransformation.Impute(null, "b"), new FittedTransformation.OneHot(List.of("a", "b"))));
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("x", null);
    nulls.put("c", null);

    assertThat(t.transform(nulls)).containsExactly(1.0, 0, 1, 0);
    assertThat(t.transform(Map.of())).containsExactly(1.0, 0, 1, 0);
    assertThat(t.transform(Map.of("x", Double.NaN, "c", "a"))).containsExactly(1.0, 1, 0, 0);
  }

  @Test
  void datePartsAreTheSameForEveryWayOfWritingTheSameMoment() {
    FeatureTransformer t = transformer(feature("date", "d", new FittedTransformation.DateParts(
        List.of(DatePart.YEAR, DatePart.MONTH, DatePart.DAY, DatePart.DAY_OF_WEEK, DatePart.HOUR))));
    double[] expected = {2015, 12, 31, 4, 22}; // 2015-12-31 was a Thursday (ISO 4).

    assertThat(t.outputColumns())
        .containsExactly("date_year", "date_month", "date_day", "date_day_of_week", "date_hour");
    for (Object moment : List.of(LocalDateTime.of(2015, 12, 31, 22, 5), Instant.parse("2015-12-31T22:05:00Z"),
        OffsetDateTime.parse("2016-01-01T00:05:00+02:00"), "2015-12-31T22:05:00", "2015-12-31T22:05:00Z",
        "2015-12-31T14:05:00-08:00", "2015-12-31 22:05:00", "2015-12-31 22:05:00.123456",
        "2015-12-31 22:05:00+00", "2015-12-31T22:05Z", "2016-01-01T00:05:00.5+02", "2016-01-01 00:05:00+0200",
        "2015-12-31 14:05:00-08:00")) {
      assertThat(t.transform(Map.of("d", moment))).as(moment.toString()).containsExactly(expected);
    }
    assertThat(t.transform(Map.of("d", LocalDate.of(2012, 1, 1)))).containsExactly(2012, 1, 1, 7, 0);
    assertThat(t.transform(Map.of("d", "2012-01-01"))).containsExactly(2012, 1, 1, 7, 0);
    assertThatThrownBy(() -> t.transform(Map.of("d", "2015-12-31 22:05 +00")))
        .isInstanceOf(TransformationNotApplicable.class);
  }

  @Test
  void booleansAreZeroAndOneForNumericSteps() {
    FeatureTransformer t = transformer(feature("flag", "flag"));

    assertThat(t.transform(Map.of("flag", true))).containsExactly(1.0);
    assertThat(t.transform(Map.of("flag", false))).containsExactly(0.0);
  }

  @Test
  void batchWritesRowMajorIntoDoubleAndFloatBuffersLikeSingleRows() {
    FeatureTransformer t = transformer(
        feature("z", "x", new FittedTransformation.Standardize(0.1, 0.3)),
        feature("w", "w", new FittedTransformation.OneHot(List.of("a", "b"))));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(Map.of("x", i * 0.7, "w", i % 2 == 0 ? "a" : "c"));
    }
    double[] doubles = new double[rows.size() * t.width()];
    float[] floats = new float[rows.size() * t.width()];

    t.transformBatch(rows, doubles);
    t.transformBatch(rows, floats);

    for (int r = 0; r < rows.size(); r++) {
      double[] single = t.transform(rows.get(r));
      for (int c = 0; c < t.width(); c++) {
        assertThat(doubles[r * t.width() + c]).isEqualTo(single[c]);
        assertThat(floats[r * t.width() + c]).isEqualTo((float) single[c]);
      }
    }
  }

  @Test
  void singleRowWritesAtAnOffsetAndRefusesABufferThatIsTooSmall() {
    FeatureTransformer t = transformer(feature("w", "w", new FittedTransformation.OneHot(List.of("a"))));
    double[] out = {9, 9, 9, 9};

    t.transform(Map.of("w", "a"), out, 1);

    assertThat(out).containsExactly(9, 1, 0, 9);
    assertThatThrownBy(() -> t.transform(Map.of("w", "a"), out, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> t.transformBatch(List.of(Map.of("w", "a"), Map.of("w", "a"), Map.of("w", "a")), new float[5]))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
