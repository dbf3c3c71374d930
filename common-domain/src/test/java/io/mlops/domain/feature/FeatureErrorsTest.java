package io.mlops.domain.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.feature.Transformation.Bucketize;
import io.mlops.domain.feature.Transformation.Clip;
import io.mlops.domain.feature.Transformation.DateParts;
import io.mlops.domain.feature.Transformation.Impute;
import io.mlops.domain.feature.Transformation.Log1p;
import io.mlops.domain.feature.Transformation.OneHot;
import io.mlops.domain.feature.Transformation.Standardize;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every way a feature can fail, each as an exception named as a fact, carrying feature and column. */
class FeatureErrorsTest {

  private static FittedFeatureSpec fit(List<Map<String, Object>> rows, FeatureDefinition... definitions) {
    return FeatureFitter.fit(List.of(definitions), rows);
  }

  private static void assertFails(ThrowingCallable call, Class<? extends FeatureNotComputable> type,
      String feature, String column, String message) {
    assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message)
        .satisfies(e -> {
          assertThat(((FeatureNotComputable) e).feature()).isEqualTo(feature);
          assertThat(((FeatureNotComputable) e).column()).isEqualTo(column);
        });
  }

  @Test
  void anUnknownColumnIsReportedAfterTheFirstPassOrUpFrontWithTheSchema() {
    FeatureDefinition petals = FeatureDefinition.of("p", "petals", new Standardize());

    assertFails(() -> fit(Datasets.iris(), petals), ColumnNotFound.class, "p", "petals", "no column 'petals'");
    assertFails(() -> FeatureFitter.begin(List.of(petals), Datasets.iris().getFirst().keySet()),
        ColumnNotFound.class, "p", "petals", "no column 'petals'");
  }

  @Test
  void standardizeOnTextDoesNotApply() {
    assertFails(() -> fit(Datasets.iris(), FeatureDefinition.of("s", "species", new Standardize())),
        TransformationNotApplicable.class, "s", "species", "standardize needs numbers but the column holds text ('setosa')");
  }

  @Test
  void datePartsOnNumbersAndOneHotOnDatesDoNotApply() {
    assertFails(() -> fit(Datasets.iris(), FeatureDefinition.of("d", "sepal_length", new DateParts(List.of(DatePart.YEAR)))),
        TransformationNotApplicable.class, "d", "sepal_length", "date_parts needs dates");
    assertFails(() -> fit(Datasets.seattleWeather(), FeatureDefinition.of("d", "date", new OneHot(null))),
        TransformationNotApplicable.class, "d", "date", "one_hot needs text, booleans or numbers");
    FeatureTransformer dates = fit(Datasets.seattleWeather(),
        FeatureDefinition.of("d", "date", new DateParts(List.of(DatePart.YEAR)))).transformer();
    assertFails(() -> dates.transform(Map.of("date", "31/12/2015")),
        TransformationNotApplicable.class, "d", "date", "'31/12/2015'");
  }

  @Test
  void standardizeOfAConstantColumnHasZeroVariance() {
    List<Map<String, Object>> rows = List.of(Map.of("x", 2.5), Map.of("x", 2.5), Map.of("x", 2.5));

    assertFails(() -> fit(rows, FeatureDefinition.of("z", "x", new Standardize())),
        ZeroVariance.class, "z", "x", "all 3 values equal 2.5");
  }

  @Test
  void log1pAtOrBelowMinusOneIsOutsideItsDomainAtFitAndAtEvaluation() {
    List<Map<String, Object>> rows = List.of(Map.of("x", 0.0), Map.of("x", -1.0));
    assertFails(() -> fit(rows, FeatureDefinition.of("l", "x", new Log1p(), new Standardize())),
        ValueOutsideDomain.class, "l", "x", "log1p needs values above -1 but got -1.0");

    FeatureTransformer t = fit(List.of(Map.of("x", 0.0)), FeatureDefinition.of("l", "x", new Log1p())).transformer();
    assertFails(() -> t.transform(Map.of("x", -3)), ValueOutsideDomain.class, "l", "x", "got -3.0");
  }

  @Test
  void theOffendingRowIsNamedInAFittingPassAndInABatch() {
    List<Map<String, Object>> rows = List.of(Map.of("x", 0.0), Map.of("x", 1.0), Map.of("x", -2.0));
    assertThatThrownBy(() -> fit(rows, FeatureDefinition.of("l", "x", new Log1p())))
        .isInstanceOf(ValueOutsideDomain.class).hasMessageEndingWith("(row 2)")
        .extracting(e -> ((FeatureNotComputable) e).row()).isEqualTo(java.util.OptionalLong.of(2));

    FeatureTransformer t = fit(rows.subList(0, 2), FeatureDefinition.of("l", "x", new Log1p())).transformer();
    assertThatThrownBy(() -> t.transformBatch(rows, new double[3]))
        .isInstanceOf(ValueOutsideDomain.class)
        .extracting(e -> ((FeatureNotComputable) e).row()).isEqualTo(java.util.OptionalLong.of(2));
    assertThatThrownBy(() -> t.transform(rows.get(2)))
        .extracting(e -> ((FeatureNotComputable) e).row()).isEqualTo(java.util.OptionalLong.empty());
  }

  @Test
  void anInfiniteNumberIsOutsideTheDomain() {
    assertFails(() -> fit(List.of(Map.of("x", Double.POSITIVE_INFINITY)), FeatureDefinition.of("z", "x", new Standardize())),
        ValueOutsideDomain.class, "z", "x", "infinite");
  }

  @Test
  void aMissingValueWithoutImputeIsRequiredAtFitAndAtEvaluation() {
    List<Map<String, Object>> rows = Datasets.withMissing(Datasets.iris(), "sepal_length", 50);
    assertFails(() -> fit(rows, FeatureDefinition.of("sl", "sepal_length", new Standardize())),
        RequiredValueMissing.class, "sl", "sepal_length", "no impute transformation");

    FeatureTransformer t = fit(Datasets.iris(), FeatureDefinition.of("sl", "sepal_length", new Standardize()),
        FeatureDefinition.of("w", "species", new OneHot(null))).transformer();
    assertFails(() -> t.transform(Map.of("species", "setosa")), RequiredValueMissing.class, "sl", "sepal_length", "missing");
    Map<String, Object> nullSpecies = new HashMap<>(Map.of("sepal_length", 5.0));
    nullSpecies.put("species", null);
    assertFails(() -> t.transform(nullSpecies), RequiredValueMissing.class, "w", "species", "missing");
  }

  @Test
  void nothingToLearnFromIsReported() {
    assertFails(() -> fit(List.of(), FeatureDefinition.of("z", "x", new Standardize())),
        NoValuesToFit.class, "z", "x", "no rows");
    List<Map<String, Object>> allMissing = Datasets.withMissing(Datasets.iris(), "sepal_length", 1);
    assertFails(() -> fit(allMissing, FeatureDefinition.of("sl", "sepal_length", new Impute(ImputeStrategy.MEAN, null))),
        NoValuesToFit.class, "sl", "sepal_length", "impute has no values");
  }

  @Test
  void tooManyDistinctCategoriesFailFast() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i <= CategoryCounts.MAX_DISTINCT; i++) {
      rows.add(Map.of("id", "customer-" + i));
    }

    assertFails(() -> fit(rows, FeatureDefinition.of("id", "id", new OneHot(5))),
        TooManyCategories.class, "id", "id", "more than 100000 distinct values");
  }

  @Test
  void chainsInTheWrongOrderAreInvalid() {
    assertFails(() -> FeatureDefinition.of("f", "c", new Standardize(), new Impute(ImputeStrategy.MEAN, null)),
        FeatureDefinitionInvalid.class, "f", "c", "impute must be the first transformation");
    assertFails(() -> FeatureDefinition.of("f", "c", new OneHot(null), new Standardize()),
        FeatureDefinitionInvalid.class, "f", "c", "one_hot must be the last transformation");
    assertFails(() -> FeatureDefinition.of("f", "c", new Clip(0.0, 1.0), new DateParts(List.of(DatePart.HOUR))),
        FeatureDefinitionInvalid.class, "f", "c", "date_parts must be the only transformation");
    assertFails(() -> FeatureDefinition.of("f", "c", new Impute(ImputeStrategy.MEAN, null), new OneHot(null)),
        FeatureDefinitionInvalid.class, "f", "c", "mean needs a numeric chain");
  }

  @Test
  void badParametersAreInvalid() {
    assertFails(() -> FeatureDefinition.of("f", "c", new Clip(5.0, 1.0)), FeatureDefinitionInvalid.class, "f", "c",
        "min must not exceed max");
    assertFails(() -> FeatureDefinition.of("f", "c", new Clip(null, null)), FeatureDefinitionInvalid.class, "f", "c",
        "needs min, max or both");
    assertFails(() -> FeatureDefinition.of("f", "c", new Bucketize(List.of(1.0, 1.0))), FeatureDefinitionInvalid.class,
        "f", "c", "strictly ascending");
    assertFails(() -> FeatureDefinition.of("f", "c", new OneHot(0)), FeatureDefinitionInvalid.class, "f", "c",
        "maxCategories must be at least 1");
    assertFails(() -> FeatureDefinition.of("f", "c", new Impute(ImputeStrategy.CONSTANT, "n/a")),
        FeatureDefinitionInvalid.class, "f", "c", "constant needs a finite numeric 'value'");
    assertFails(() -> FeatureDefinition.of("f", "c", new DateParts(List.of(DatePart.YEAR, DatePart.YEAR))),
        FeatureDefinitionInvalid.class, "f", "c", "distinct");
    assertFails(() -> FeatureDefinition.of(" ", "c"), FeatureDefinitionInvalid.class, " ", "c", "must not be blank");
  }

  @Test
  void fittedSpecsAreCheckedToo() {
    assertFails(() -> new FittedFeature("z", "x", List.of(new FittedTransformation.Standardize(1.0, 0.0))),
        FeatureDefinitionInvalid.class, "z", "x", "std finite and positive");
    assertFails(() -> new FittedFeature("w", "c", List.of(new FittedTransformation.Impute(1.0, null),
        new FittedTransformation.OneHot(List.of("a")))), FeatureDefinitionInvalid.class, "w", "c", "'category'");
    assertFails(() -> new FittedFeatureSpec(2, List.of(new FittedFeature("x", "x", List.of()))),
        FeatureDefinitionInvalid.class, null, null, "format version 2");
  }

  @Test
  void duplicateNamesAreInvalid() {
    assertFails(() -> FeatureFitter.begin(List.of(FeatureDefinition.of("f", "a"), FeatureDefinition.of("f", "b"))),
        FeatureDefinitionInvalid.class, "f", "b", "same name");
    // "w=a" from a one-hot collides with a plain feature named "w=a".
    assertFails(() -> new FittedFeatureSpec(List.of(new FittedFeature("w", "c", List.of(new FittedTransformation.OneHot(List.of("a")))),
        new FittedFeature("w=a", "d", List.of()))), FeatureDefinitionInvalid.class, "w=a", "d", "produced twice");
  }

  @Test
  void aDateColumnHoldsDatesForDateParts() {
    FeatureTransformer t = fit(List.of(Map.of("d", LocalDate.of(2020, 2, 29))),
        FeatureDefinition.of("d", "d", new DateParts(List.of(DatePart.DAY)))).transformer();

    assertThat(t.transform(Map.of("d", LocalDate.of(2020, 2, 29)))).containsExactly(29);
    assertFails(() -> t.transform(Map.of("d", 20200229)), TransformationNotApplicable.class, "d", "d", "Integer (20200229)");
  }
}
