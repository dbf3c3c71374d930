package io.mlops.domain.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.domain.feature.Transformation.Bucketize;
import io.mlops.domain.feature.Transformation.Clip;
import io.mlops.domain.feature.Transformation.DateParts;
import io.mlops.domain.feature.Transformation.Impute;
import io.mlops.domain.feature.Transformation.Log1p;
import io.mlops.domain.feature.Transformation.MinMaxScale;
import io.mlops.domain.feature.Transformation.OneHot;
import io.mlops.domain.feature.Transformation.Standardize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fitted parameters on the fixture datasets. Expected numbers were computed independently with
 * Python 3's statistics module (fmean, pstdev, stdev, median) and collections.Counter on the same
 * CSV files; the iris sepal_length mean and sample std are also the published 5.843333 and 0.828066.
 */
class FeatureFitterTest {

  private static final double EXACT = 1e-12;

  @Test
  void standardizeLearnsMeanAndPopulationStdOfEveryIrisColumn() {
    FittedFeatureSpec spec = FeatureFitter.fit(List.of(
        FeatureDefinition.of("sl", "sepal_length", new Standardize()),
        FeatureDefinition.of("sw", "sepal_width", new Standardize()),
        FeatureDefinition.of("pl", "petal_length", new Standardize()),
        FeatureDefinition.of("pw", "petal_width", new Standardize())), Datasets.iris());

    assertStandardize(spec.features().get(0), 5.843333333333334, 0.8253012917851409);
    assertStandardize(spec.features().get(1), 3.0573333333333337, 0.43441096773549454);
    assertStandardize(spec.features().get(2), 3.7580000000000005, 1.759404065775303);
    assertStandardize(spec.features().get(3), 1.1993333333333334, 0.7596926279021594);
  }

  @Test
  void standardizeUsesPopulationNotSampleStd() {
    FittedFeatureSpec spec = FeatureFitter.fit(
        List.of(FeatureDefinition.of("sl", "sepal_length", new Standardize())), Datasets.iris());
    var fitted = (FittedTransformation.Standardize) spec.features().getFirst().transformations().getFirst();

    // sample std = population std * sqrt(n / (n - 1)); the published sample value is 0.828066.
    assertThat(fitted.std() * Math.sqrt(150.0 / 149.0)).isCloseTo(0.828066127977863, within(EXACT));
    assertThat(fitted.mean()).isCloseTo(5.843333, within(1e-6));
  }

  @Test
  void minMaxLearnsTheRangeOfSeattleTemperatures() {
    FittedFeatureSpec spec = FeatureFitter.fit(
        List.of(FeatureDefinition.of("t", "temp_max", new MinMaxScale())), Datasets.seattleWeather());

    assertThat(spec.features().getFirst().transformations())
        .containsExactly(new FittedTransformation.MinMaxScale(-1.6, 35.6));
  }

  @Test
  void oneHotLearnsTheFiveSeattleWeatherCategoriesPlusOther() {
    FittedFeatureSpec spec = FeatureFitter.fit(
        List.of(FeatureDefinition.of("weather", "weather", new OneHot(null))), Datasets.seattleWeather());

    assertThat(spec.features().getFirst().transformations()).containsExactly(
        new FittedTransformation.OneHot(List.of("drizzle", "fog", "rain", "snow", "sun")));
    assertThat(spec.outputColumns()).containsExactly("weather=drizzle", "weather=fog",
        "weather=rain", "weather=snow", "weather=sun", "weather=__other__");
  }

  @Test
  void oneHotWithMaxCategoriesKeepsTheMostFrequentOnes() {
    // Counts: rain 641, sun 640, fog 101, drizzle 53, snow 26.
    FittedFeatureSpec spec = FeatureFitter.fit(
        List.of(FeatureDefinition.of("w", "weather", new OneHot(3))), Datasets.seattleWeather());

    assertThat(spec.outputColumns()).containsExactly("w=fog", "w=rain", "w=sun", "w=__other__");
  }

  @Test
  void imputeThenStandardizeFitsStandardizeOnTheImputedValues() {
    List<Map<String, Object>> rows = Datasets.withMissing(Datasets.iris(), "sepal_length", 10);
    FeatureFitter fitter = FeatureFitter.begin(List.of(FeatureDefinition.of("sl", "sepal_length",
        new Impute(ImputeStrategy.MEAN, null), new Standardize())));
    assertThat(fitter.passesRequired()).isEqualTo(2);
    while (fitter.needsAnotherPass()) {
      rows.forEach(fitter::accept);
      fitter.endPass();
    }
    List<FittedTransformation> steps = fitter.result().features().getFirst().transformations();

    assertThat(fitter.passesDone()).isEqualTo(2);
    assertThat(((FittedTransformation.Impute) steps.get(0)).number())
        .isCloseTo(5.837777777777778, within(EXACT));
    // The 15 imputed means shrink the spread: pstdev over the imputed column, not over the 135 present values.
    var standardize = (FittedTransformation.Standardize) steps.get(1);
    assertThat(standardize.mean()).isCloseTo(5.837777777777777, within(EXACT));
    assertThat(standardize.std()).isCloseTo(0.7840804947339414, within(EXACT));
  }

  @Test
  void imputeMedianAndMostFrequentLearnFromThePresentValues() {
    FittedFeatureSpec median = FeatureFitter.fit(List.of(FeatureDefinition.of("pl", "petal_length",
        new Impute(ImputeStrategy.MEDIAN, null))), Datasets.withMissing(Datasets.iris(), "petal_length", 7));
    FittedFeatureSpec mode = FeatureFitter.fit(List.of(FeatureDefinition.of("t", "temp_min",
        new Impute(ImputeStrategy.MOST_FREQUENT, null))),
        Datasets.withMissing(Datasets.seattleWeather(), "temp_min", 5));
    FittedFeatureSpec category = FeatureFitter.fit(List.of(FeatureDefinition.of("w", "weather",
        new Impute(ImputeStrategy.MOST_FREQUENT, null), new OneHot(null))),
        Datasets.withMissing(Datasets.seattleWeather(), "weather", 4));

    assertThat(median.features().getFirst().transformations())
        .containsExactly(new FittedTransformation.Impute(4.25, null));
    assertThat(mode.features().getFirst().transformations())
        .containsExactly(new FittedTransformation.Impute(6.1, null));
    // rain 477 vs sun 476 among the present values.
    assertThat(category.features().getFirst().transformations().getFirst())
        .isEqualTo(new FittedTransformation.Impute(null, "rain"));
  }

  @Test
  void log1pThenStandardizeFitsOnTheLoggedPrecipitation() {
    FittedFeatureSpec spec = FeatureFitter.fit(List.of(FeatureDefinition.of("p", "precipitation",
        new Clip(0.0, null), new Log1p(), new Standardize())), Datasets.seattleWeather());

    assertStandardize(spec.features().getFirst(), 0.6964161484367218, 1.0178676952802928);
  }

  @Test
  void stepsThatLearnNothingNeedOnlyTheCheckingPass() {
    FeatureFitter fitter = FeatureFitter.begin(List.of(
        FeatureDefinition.of("p", "precipitation", new Bucketize(List.of(0.0, 0.5, 5.0, 20.0))),
        FeatureDefinition.of("date", "date", new DateParts(List.of(DatePart.YEAR, DatePart.MONTH)))));

    assertThat(fitter.passesRequired()).isEqualTo(1);
    Datasets.seattleWeather().forEach(fitter::accept);
    fitter.endPass();
    assertThat(fitter.needsAnotherPass()).isFalse();
    assertThat(fitter.result().outputColumns()).containsExactly("p", "date_year", "date_month");
  }

  @Test
  void datePartsFitsOverTimestampsAsPandasAndDuckDbWriteThem() {
    // pandas' to_csv and DuckDB's COPY write a space between date and time; DuckDB writes
    // TIMESTAMPTZ with an hour-only offset. All four rows are the same moment, 2015-12-31 22:05 UTC.
    List<Map<String, Object>> rows = List.of(Map.of("at", "2015-12-31 22:05:00"),
        Map.of("at", "2015-12-31 22:05:00+00"), Map.of("at", "2015-12-31 22:05:00.250000"),
        Map.of("at", "2016-01-01 00:05:00+0200"));

    FittedFeatureSpec spec = FeatureFitter.fit(List.of(
        FeatureDefinition.of("at", "at", new DateParts(List.of(DatePart.YEAR, DatePart.HOUR)))), rows);

    FeatureTransformer transformer = spec.transformer();
    rows.forEach(row -> assertThat(transformer.transform(row)).as(row.toString()).containsExactly(2015, 22));
  }

  private static void assertStandardize(FittedFeature feature, double mean, double std) {
    var fitted = (FittedTransformation.Standardize) feature.transformations().getLast();
    assertThat(fitted.mean()).isCloseTo(mean, within(EXACT));
    assertThat(fitted.std()).isCloseTo(std, within(EXACT));
  }
}
