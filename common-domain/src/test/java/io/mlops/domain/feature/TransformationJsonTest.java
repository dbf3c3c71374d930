package io.mlops.domain.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shape of specs: type ids, round trips, tolerance of unknown fields. */
class TransformationJsonTest {

  /** Strict about unknown fields, so the records' own annotations are what tolerates them. */
  private final JsonMapper mapper = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  static Stream<Transformation> transformations() {
    return Stream.of(new Transformation.Standardize(), new Transformation.MinMaxScale(),
        new Transformation.Log1p(), new Transformation.Clip(0.0, 50.5), new Transformation.Clip(null, 3.0),
        new Transformation.Bucketize(List.of(0.0, 0.5, 5.0)), new Transformation.OneHot(null),
        new Transformation.OneHot(10), new Transformation.Impute(ImputeStrategy.MEAN, null),
        new Transformation.Impute(ImputeStrategy.MEDIAN, null),
        new Transformation.Impute(ImputeStrategy.MOST_FREQUENT, null),
        new Transformation.Impute(ImputeStrategy.CONSTANT, 0.25),
        new Transformation.Impute(ImputeStrategy.CONSTANT, "unknown"),
        new Transformation.DateParts(List.of(DatePart.YEAR, DatePart.MONTH, DatePart.DAY_OF_WEEK, DatePart.HOUR)));
  }

  static Stream<FittedTransformation> fittedTransformations() {
    return Stream.of(new FittedTransformation.Standardize(5.843333333333334, 0.8253012917851409),
        new FittedTransformation.MinMaxScale(-1.6, 35.6), new FittedTransformation.Log1p(),
        new FittedTransformation.Clip(0.0, null), new FittedTransformation.Bucketize(List.of(1.0, 2.0)),
        new FittedTransformation.OneHot(List.of("drizzle", "fog")),
        new FittedTransformation.Impute(4.25, null), new FittedTransformation.Impute(null, "rain"),
        new FittedTransformation.DateParts(List.of(DatePart.DAY)));
  }

  @ParameterizedTest
  @MethodSource("transformations")
  void everyTransformationSurvivesARoundTripWithItsTypeId(Transformation step) {
    String json = mapper.writeValueAsString(step);

    assertThat(mapper.readTree(json).get("type").asString()).isEqualTo(step.typeName());
    assertThat(mapper.readValue(json, Transformation.class)).isEqualTo(step);
  }

  @ParameterizedTest
  @MethodSource("fittedTransformations")
  void everyFittedTransformationSurvivesARoundTripWithItsTypeId(FittedTransformation step) {
    String json = mapper.writeValueAsString(step);

    assertThat(mapper.readTree(json).get("type").asString()).isEqualTo(step.typeName());
    assertThat(mapper.readValue(json, FittedTransformation.class)).isEqualTo(step);
  }

  @Test
  void theReadmeExampleReadsWithUnknownFieldsIgnored() {
    String json = """
        {"name": "precipitation_z", "column": "precipitation", "owner": "ignored",
         "transformations": [
           {"type": "impute", "strategy": "median", "comment": "ignored"},
           {"type": "clip", "min": 0, "max": 50},
           {"type": "log1p"},
           {"type": "standardize"}]}""";

    FeatureDefinition definition = mapper.readValue(json, FeatureDefinition.class);

    assertThat(definition).isEqualTo(FeatureDefinition.of("precipitation_z", "precipitation",
        new Transformation.Impute(ImputeStrategy.MEDIAN, null), new Transformation.Clip(0.0, 50.0),
        new Transformation.Log1p(), new Transformation.Standardize()));
    assertThat(FeatureSpecJson.readDefinition(FeatureSpecJson.write(definition))).isEqualTo(definition);
  }

  @Test
  void aFittedSpecWritesItsFormatVersionAndReadsBack() {
    FittedFeatureSpec spec = new FittedFeatureSpec(List.of(new FittedFeature("w", "weather",
        List.of(new FittedTransformation.Impute(null, "rain"), new FittedTransformation.OneHot(List.of("rain"))))));

    String json = FeatureSpecJson.write(spec);

    assertThat(mapper.readTree(json).get("formatVersion").asInt()).isEqualTo(1);
    assertThat(mapper.readValue(json, FittedFeatureSpec.class)).isEqualTo(spec);
  }

  @Test
  void anUnknownTypeIdIsRejected() {
    assertThatThrownBy(() -> mapper.readValue("{\"type\":\"square\"}", Transformation.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("square");
  }

  @Test
  void anInvalidDefinitionInJsonFailsWithTheDomainErrorAsCause() {
    String json = """
        {"name": "x", "column": "c", "transformations": [{"type": "standardize"}, {"type": "impute", "strategy": "mean"}]}""";

    assertThatThrownBy(() -> mapper.readValue(json, FeatureDefinition.class))
        .isInstanceOf(DatabindException.class).rootCause().isInstanceOf(FeatureDefinitionInvalid.class)
        .hasMessageContaining("impute must be the first transformation");
  }
}
