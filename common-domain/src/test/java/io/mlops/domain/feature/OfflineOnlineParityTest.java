package io.mlops.domain.feature;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parity test: a row transformed offline (the fitted spec in memory, typed rows as the
 * feature-service reads them) equals the same row transformed online (the spec read back from JSON,
 * the row as an inference request's JSON body parses), bit for bit, for every transformation.
 */
class OfflineOnlineParityTest {

  private static final List<FeatureDefinition> EVERY_TRANSFORMATION = List.of(
      FeatureDefinition.of("precipitation", "precipitation", new Impute(ImputeStrategy.MEDIAN, null),
          new Clip(0.0, 40.0), new Log1p(), new Standardize()),
      FeatureDefinition.of("temp_max", "temp_max", new Impute(ImputeStrategy.MEAN, null), new MinMaxScale()),
      FeatureDefinition.of("temp_min", "temp_min", new Impute(ImputeStrategy.CONSTANT, 0), new Standardize()),
      FeatureDefinition.of("wind_bucket", "wind", new Bucketize(List.of(2.0, 4.0, 6.0)), new OneHot(null)),
      FeatureDefinition.of("weather", "weather", new Impute(ImputeStrategy.MOST_FREQUENT, null), new OneHot(4)),
      FeatureDefinition.of("date", "date", new DateParts(List.of(DatePart.YEAR, DatePart.MONTH, DatePart.DAY_OF_WEEK, DatePart.HOUR))));

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void offlineAndOnlineVectorsAreIdenticalBitForBit() {
    List<Map<String, Object>> offlineRows = Datasets.withMissing(
        Datasets.withMissing(Datasets.seattleWeather(), "precipitation", 9), "weather", 13);
    FittedFeatureSpec fitted = FeatureFitter.fit(EVERY_TRANSFORMATION, offlineRows);
    FeatureTransformer offline = fitted.transformer();
    FeatureTransformer online = FeatureSpecJson.readFitted(FeatureSpecJson.write(fitted)).transformer();
    List<Map<String, Object>> onlineRows = asRequestBodies(offlineRows);
    double[] batch = new double[onlineRows.size() * online.width()];
    online.transformBatch(onlineRows, batch);

    assertThat(online.outputColumns()).isEqualTo(offline.outputColumns()).hasSize(1 + 1 + 1 + 5 + 5 + 4);
    for (int r = 0; r < offlineRows.size(); r++) {
      double[] expected = offline.transform(offlineRows.get(r));
      double[] single = online.transform(onlineRows.get(r));
      for (int c = 0; c < expected.length; c++) {
        long bits = Double.doubleToRawLongBits(expected[c]);
        assertThat(Double.doubleToRawLongBits(single[c])).as("row %d column %s", r, offline.outputColumns().get(c))
            .isEqualTo(bits);
        assertThat(Double.doubleToRawLongBits(batch[r * online.width() + c])).isEqualTo(bits);
      }
    }
  }

  @Test
  void theOnlineRowsReallyDifferInJavaTypes() {
    Map<String, Object> offline = Datasets.seattleWeather().getFirst();
    Map<String, Object> online = asRequestBodies(List.of(offline)).getFirst();

    assertThat(offline).containsEntry("date", java.time.LocalDate.of(2012, 1, 1)).containsEntry("precipitation", 0.0);
    assertThat(online).containsEntry("date", "2012-01-01").containsEntry("precipitation", 0);
  }

  /**
   * The rows as a client would send them: JSON, where dates are ISO strings and a client may
   * write a whole number without its fraction (so Jackson reads an Integer where offline had a Double).
   */
  private List<Map<String, Object>> asRequestBodies(List<Map<String, Object>> rows) {
    String body = json.writeValueAsString(rows).replaceAll("(?<=[:\\[,])(-?\\d+)\\.0(?=[,}\\]])", "$1");
    return json.readValue(body, new TypeReference<List<Map<String, Object>>>() {});
  }
}
