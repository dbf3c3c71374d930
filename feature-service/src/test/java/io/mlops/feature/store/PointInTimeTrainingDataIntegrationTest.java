package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.feature.FeatureTransformer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Training data from seattle-weather (entity = weather, event time = date, TTL 30 days). The
 * expected row for each (weather, timestamp) is found here by scanning the raw CSV: the latest day
 * of that weather at or before the timestamp and not older than 30 days.
 */
class PointInTimeTrainingDataIntegrationTest extends FeatureStoreTestSupport {

    private static final String SET = "weather-pit";
    private static final Duration TTL = Duration.ofDays(30);
    private static JsonNode version;

    @BeforeEach
    void createOnce() {
        if (version == null) {
            version = createMaterialized(MaterializationAndOnlineIntegrationTest.seattleSet(SET, "P30D")).get("version");
        }
    }

    private record Request(String weather, Instant at) {
    }

    @Test
    void eachRowGetsTheLatestValuesAtOrBeforeItsTimestampWithinTheTtlAndNeverALaterOne() {
        List<Map<String, Object>> raw = RawCsv.seattle();
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < raw.size(); i += 7) {
            Instant day = RawCsv.date(raw.get(i)).atStartOfDay(ZoneOffset.UTC).toInstant();
            String weather = (String) raw.get(i).get("weather");
            requests.add(new Request(weather, day.minusSeconds(1)));     // one second before this row: it must not be used
            requests.add(new Request(weather, day.minusNanos(100)));     // below Postgres' microsecond: must not round up into this row
            requests.add(new Request(weather, day.plusSeconds(12 * 3600)));
            requests.add(new Request("snow", day));                     // sparse: often nothing within 30 days
        }
        // rain has rows on 2012-01-02 (temp_max 10.6) and 2012-01-03 (11.7): rounding to the microsecond would pick the 3rd
        requests.add(new Request("rain", Instant.parse("2012-01-02T23:59:59.9999999Z")));
        requests.add(new Request("rain", Instant.parse("2011-12-31T23:59:59Z")));   // before the data
        requests.add(new Request("hail", Instant.parse("2013-06-01T00:00:00Z")));   // unknown entity

        StringJoiner rows = new StringJoiner(",", "{\"rows\":[", "]}");
        requests.forEach(r -> rows.add("{\"entity\":\"" + r.weather() + "\",\"timestamp\":\"" + r.at() + "\"}"));
        ResponseEntity<String> response = http().post().uri("/api/v1/feature-sets/" + SET + "/versions/1/training-data?format=jsonl")
                .contentType(MediaType.APPLICATION_JSON).body(rows.toString()).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        List<String> lines = response.getBody().lines().toList();
        assertThat(lines).hasSize(requests.size());

        FeatureTransformer transformer = spec(version).transformer();
        List<String> names = List.of("precipitation", "temp_min", "wind", "date_month", "date_day_of_week");
        int found = 0;
        int laterRowDiffers = 0;
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.get("weather").asString()).isEqualTo(request.weather());
            assertThat(Instant.parse(line.get("timestamp").asString())).isEqualTo(request.at());
            Optional<Map<String, Object>> expected = latest(raw, request.weather(), request.at(), TTL);
            if (expected.isEmpty()) {
                assertThat(line.get("date").isNull()).as(lines.get(i)).isTrue();
                assertThat(line.get("temp_max").isNull()).isTrue();
                continue;
            }
            found++;
            Map<String, Object> row = expected.get();
            assertThat(line.get("date").asString()).as(lines.get(i)).isEqualTo(row.get("date") + "T00:00:00Z");
            assertThat(line.get("temp_max").asDouble()).isEqualTo((Double) row.get("temp_max"));
            double[] vector = transformer.transform(row);
            for (int c = 0; c < names.size(); c++) {
                assertThat(line.get(names.get(c)).asDouble()).as(names.get(c)).isEqualTo(vector[c]);
            }
            Optional<Map<String, Object>> next = firstAfter(raw, request.weather(), request.at());
            if (next.isPresent() && !next.get().get("temp_max").equals(row.get("temp_max"))) {
                laterRowDiffers++;
            }
        }
        // the check has teeth: many rows have a found value and a later row of the same weather that differs
        assertThat(found).isGreaterThan(300);
        assertThat(laterRowDiffers).isGreaterThan(300);
        assertThat(lines.get(requests.size() - 2)).contains("\"date\":null");
    }

    @Test
    void theWholeOfflineTableStreamsAsCsvAndAsJsonLines() {
        ResponseEntity<String> csv = http().get().uri("/api/v1/feature-sets/" + SET + "/versions/1/training-data?format=csv")
                .retrieve().toEntity(String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines).hasSize(1462);
        assertThat(lines.getFirst()).isEqualTo("weather,date,precipitation,temp_min,wind,date_month,date_day_of_week,temp_max");
        Map<String, Object> first = RawCsv.seattle().getFirst();
        double[] vector = spec(version).transformer().transform(first);
        assertThat(lines.get(1)).isEqualTo("drizzle,2012-01-01T00:00:00Z," + vector[0] + "," + vector[1] + "," + vector[2]
                + "," + vector[3] + "," + vector[4] + ",12.8");

        ResponseEntity<String> jsonl = http().get().uri("/api/v1/feature-sets/" + SET + "/versions/1/training-data?format=jsonl")
                .retrieve().toEntity(String.class);
        List<String> jsonLines = jsonl.getBody().lines().toList();
        assertThat(jsonLines).hasSize(1461);
        JsonNode last = JSON.readTree(jsonLines.getLast());
        assertThat(last.get("date").asString()).isEqualTo("2015-12-31T00:00:00Z");
        assertThat(last.get("weather").asString()).isEqualTo("sun");
    }

    private static Optional<Map<String, Object>> latest(List<Map<String, Object>> raw, String weather, Instant at, Duration ttl) {
        Map<String, Object> best = null;
        for (Map<String, Object> row : raw) {
            Instant time = RawCsv.date(row).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (row.get("weather").equals(weather) && !time.isAfter(at) && (ttl == null || !time.isBefore(at.minus(ttl)))
                    && (best == null || RawCsv.date(row).isAfter(RawCsv.date(best)))) {
                best = row;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Map<String, Object>> firstAfter(List<Map<String, Object>> raw, String weather, Instant at) {
        return raw.stream().filter(r -> r.get("weather").equals(weather))
                .filter(r -> RawCsv.date(r).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(at)).findFirst();
    }
}
