package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.feature.FeatureTransformer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Create → fit → materialize → online lookup, on seattle-weather (entity = weather category, event
 * time = date, so each category's online value is its latest day) and iris (synthetic id entity, no
 * event time). Expected vectors come from the raw fixture CSV through {@link FeatureTransformer}
 * with the version's fitted spec, and from the offline table read with SQL.
 */
class MaterializationAndOnlineIntegrationTest extends FeatureStoreTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.redis.connection.RedisConnectionFactory redis;

    static final String SEATTLE_FEATURES = """
            [{"name":"precipitation","column":"precipitation","transformations":[
                {"type":"impute","strategy":"median"},{"type":"log1p"},{"type":"standardize"}]},
             {"name":"temp_min","column":"temp_min","transformations":[{"type":"standardize"}]},
             {"name":"wind","column":"wind","transformations":[{"type":"clip","min":0,"max":8},{"type":"min_max_scale"}]},
             {"name":"date","column":"date","transformations":[{"type":"date_parts","parts":["month","day_of_week"]}]}]""";

    static String seattleSet(String name, String ttl) {
        return """
                {"name":"%s","dataset":"seattle-weather","datasetVersion":1,"entityColumns":["weather"],
                 "eventTimeColumn":"date",%s"labelColumns":["temp_max"],"features":%s}"""
                .formatted(name, ttl == null ? "" : "\"ttl\":\"" + ttl + "\",", SEATTLE_FEATURES);
    }

    @Test
    void redisCommandsAreNotTimedOneByOne() {
        var resources = ((org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory) redis).getClientConfiguration()
                .getClientResources().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(resources.tracing().isEnabled()).as("per-command observation").isFalse();
        org.assertj.core.api.Assertions.assertThat(resources.commandLatencyRecorder().isEnabled()).as("Lettuce's latency collector").isFalse();
    }

    @Test
    void seattleWeatherIsMaterializedOfflineAndItsLatestRowPerWeatherIsOnline() {
        JsonNode created = createMaterialized(seattleSet("weather-online", null));
        JsonNode version = created.get("version");
        JsonNode job = get(created.get("materialization").asString());
        assertThat(job.get("rowsDone").asLong()).isEqualTo(1461);
        assertThat(job.get("rowsTotal").asLong()).isEqualTo(1461);
        assertThat(version.get("features").toString())
                .isEqualTo("[\"precipitation\",\"temp_min\",\"wind\",\"date_month\",\"date_day_of_week\"]");

        List<Map<String, Object>> raw = RawCsv.seattle();
        // temp_min's standardize mean, computed here from the CSV by a plain sum
        double mean = raw.stream().mapToDouble(r -> (Double) r.get("temp_min")).sum() / raw.size();
        assertThat(version.at("/fittedSpec/features/1/transformations/0/mean").asDouble()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));

        String table = version.get("offlineTable").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isEqualTo(1461);

        FeatureTransformer transformer = spec(version).transformer();
        Map<String, Map<String, Object>> latestByWeather = raw.stream().collect(Collectors.toMap(
                r -> (String) r.get("weather"), r -> r,
                (a, b) -> RawCsv.date(a).isAfter(RawCsv.date(b)) ? a : b));
        assertThat(latestByWeather).containsOnlyKeys("drizzle", "fog", "rain", "snow", "sun");

        JsonNode online = lookup("weather-online", "{\"entities\":[\"drizzle\",\"fog\",\"rain\",\"snow\",\"sun\",\"hail\"]}");
        assertThat(online.get("version").asInt()).isEqualTo(1);
        List<String> names = List.of("precipitation", "temp_min", "wind", "date_month", "date_day_of_week");
        for (int i = 0; i < 5; i++) {
            JsonNode result = online.get("results").get(i);
            String weather = result.get("entity").asString();
            double[] expected = transformer.transform(latestByWeather.get(weather));
            double[] offline = offlineLatest(table, weather, names.size());
            for (int c = 0; c < names.size(); c++) {
                double actual = result.get("features").get(names.get(c)).asDouble();
                assertThat(Double.doubleToRawLongBits(actual)).as(weather + " " + names.get(c) + " vs transformer")
                        .isEqualTo(Double.doubleToRawLongBits(expected[c]));
                assertThat(Double.doubleToRawLongBits(actual)).as(weather + " " + names.get(c) + " vs offline")
                        .isEqualTo(Double.doubleToRawLongBits(offline[c]));
            }
        }
        JsonNode hail = online.get("results").get(5);
        assertThat(hail.get("missing").asBoolean()).isTrue();
        assertThat(hail.has("features")).isFalse();

        // the outbox holds FeaturesCreated for this version, naming the features and the row count
        String payload = jdbc.sql("SELECT payload::text FROM outbox_event WHERE event_type = 'FeaturesCreated' AND record_key = ?")
                .param("weather-online").query(String.class).single();
        JsonNode event = JSON.readTree(payload).get("payload");
        assertThat(event.get("rows").asLong()).isEqualTo(1461);
        assertThat(event.get("features").size()).isEqualTo(5);
    }

    @Test
    void rematerializingGivesTheSameOfflineRowsAndOnlineValues() {
        JsonNode created = createMaterialized(seattleSet("weather-again", "P3650D"));
        String table = created.get("version").get("offlineTable").asString();
        String before = jdbc.sql("SELECT string_agg(concat_ws(',', _row, _entity, event_time, f0, f1, f2, f3, f4, l0), ';' ORDER BY _row) FROM " + table)
                .query(String.class).single();
        JsonNode onlineBefore = lookup("weather-again", "{\"entities\":[\"rain\",\"sun\"]}");

        ResponseEntity<String> again = post("/api/v1/feature-sets/weather-again/versions/1/materializations", "");
        assertThat(again.getStatusCode().value()).isEqualTo(202);
        JsonNode job = awaitSucceeded(again.getHeaders().getLocation().toString());
        assertThat(job.get("rowsDone").asLong()).isEqualTo(1461);

        String after = jdbc.sql("SELECT string_agg(concat_ws(',', _row, _entity, event_time, f0, f1, f2, f3, f4, l0), ';' ORDER BY _row) FROM " + table)
                .query(String.class).single();
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isEqualTo(1461);
        assertThat(lookup("weather-again", "{\"entities\":[\"rain\",\"sun\"]}")).isEqualTo(onlineBefore);
        // the set has a TTL, so its keys expire
        assertThat(jdbc.sql("SELECT count(*) FROM materialization_job WHERE feature_set = 'weather-again' AND state = 'SUCCEEDED'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void irisWithASyntheticIdIsServedPerRowAndUnknownIdsAreMissing() {
        JsonNode created = createMaterialized("""
                {"name":"iris-by-id","dataset":"iris","datasetVersion":1,"entityColumns":["id"],"labelColumns":["species"],
                 "features":[{"name":"sepal_length","column":"sepal_length","transformations":[{"type":"standardize"}]},
                             {"name":"petal_width","column":"petal_width","transformations":[{"type":"min_max_scale"}]},
                             {"name":"petal_length","column":"petal_length","transformations":[{"type":"bucketize","boundaries":[2.0,5.0]}]}]}""");
        FeatureTransformer transformer = spec(created.get("version")).transformer();
        List<Map<String, Object>> raw = RawCsv.read("iris.csv", Set.of("sepal_length", "sepal_width", "petal_length", "petal_width"));

        JsonNode online = lookup("iris-by-id", "{\"entities\":[1, \"150\", 77, 151]}");
        int[] rows = {0, 149, 76};
        for (int i = 0; i < rows.length; i++) {
            double[] expected = transformer.transform(raw.get(rows[i]));
            JsonNode features = online.get("results").get(i).get("features");
            assertThat(features.get("sepal_length").asDouble()).isEqualTo(expected[0]);
            assertThat(features.get("petal_width").asDouble()).isEqualTo(expected[1]);
            assertThat(features.get("petal_length").asDouble()).isEqualTo(expected[2]);
        }
        // row 1 (5.1, 3.5, 1.4, 0.2): petal_length 1.4 is below the first boundary, petal_width 0.2 is 0.1 above the minimum 0.1 of 2.4 - 0.1
        JsonNode first = online.get("results").get(0).get("features");
        assertThat(first.get("petal_length").asDouble()).isEqualTo(0.0);
        assertThat(first.get("petal_width").asDouble()).isCloseTo(0.1 / 2.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(online.get("results").get(3).get("missing").asBoolean()).isTrue();
    }

    @Test
    void aLookupOfAHundredEntitiesIsOneRedisCommand() {
        createMaterialized("""
                {"name":"iris-commands","dataset":"iris","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"sepal_length","column":"sepal_length","transformations":[{"type":"standardize"}]},
                             {"name":"sepal_width","column":"sepal_width","transformations":[{"type":"standardize"}]}]}""");
        String entities = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(","));
        lookup("iris-commands", "{\"entities\":[" + entities + "]}");   // warms the catalog: definitions, latest version
        Map<String, Long> before = commandCalls();
        JsonNode online = lookup("iris-commands", "{\"entities\":[" + entities + "]}");
        Map<String, Long> after = commandCalls();
        assertThat(online.get("results").size()).isEqualTo(100);
        assertThat(online.get("results").get(99).has("features")).isTrue();
        // INFO commandstats counts calls per command: one MGET, no data command besides it
        // (the first INFO and connection housekeeping such as HELLO or PING are not the lookup's)
        Set<String> housekeeping = Set.of("cmdstat_info", "cmdstat_hello", "cmdstat_ping", "cmdstat_client|setinfo");
        after.keySet().stream().filter(command -> !housekeeping.contains(command)).forEach(command ->
                assertThat(after.get(command) - before.getOrDefault(command, 0L)).as(command)
                        .isEqualTo(command.equals("cmdstat_mget") ? 1L : 0L));
    }

    private Map<String, Long> commandCalls() {
        try (var connection = redis.getConnection()) {
            java.util.Properties stats = connection.serverCommands().info("commandstats");
            Map<String, Long> calls = new java.util.HashMap<>();
            stats.forEach((k, v) -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("calls=(\\d+)").matcher(v.toString());
                if (m.find()) {
                    calls.put(k.toString(), Long.parseLong(m.group(1)));
                }
            });
            return calls;
        }
    }

    @Test
    void aLookupOfMoreThanAThousandEntitiesIsRefused() {
        String entities = java.util.stream.IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString).collect(Collectors.joining(","));
        ResponseEntity<String> response = post("/api/v1/feature-sets/iris-by-id/online", "{\"entities\":[" + entities + "]}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("entities");
    }

    JsonNode lookup(String set, String body) {
        ResponseEntity<String> response = post("/api/v1/feature-sets/" + set + "/online", body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    private double[] offlineLatest(String table, String entity, int width) {
        return jdbc.sql("SELECT f0, f1, f2, f3, f4 FROM " + table + " WHERE _entity = ? ORDER BY event_time DESC, _row DESC LIMIT 1")
                .param(entity).query((rs, n) -> {
                    double[] values = new double[width];
                    for (int i = 0; i < width; i++) {
                        values[i] = rs.getDouble(i + 1);
                    }
                    return values;
                }).single();
    }

}
