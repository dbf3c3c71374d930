package io.mlops.feature.training;

import io.mlops.feature.featureset.EntityKeys;
import io.mlops.feature.featureset.EventTimes;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetRepository;
import io.mlops.feature.featureset.FeatureSetVersion;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training data: {@code GET} streams the whole offline table (features and labels, file order);
 * {@code POST} with entity/timestamp rows streams, per requested row and in its order, the latest
 * feature values at or before its timestamp and within the set's TTL. Both write straight to the
 * response from a database cursor; everything that can be refused is checked before the first byte.
 */
@RestController
@RequestMapping("/api/v1/feature-sets/{name}/versions/{version}/training-data")
class TrainingDataController {

    private final FeatureSetRepository featureSets;
    private final TrainingDataQueries queries;

    TrainingDataController(FeatureSetRepository featureSets, TrainingDataQueries queries) {
        this.featureSets = featureSets;
        this.queries = queries;
    }

    @GetMapping
    void all(@PathVariable String name, @PathVariable int version, @RequestParam(required = false) String format,
             HttpServletResponse response) throws IOException, SQLException {
        TrainingDataFormat f = TrainingDataFormat.of(format);
        Target target = target(name, version);
        try (Writer out = open(response, f)) {
            queries.all(target.set(), target.version(), f, out);
        }
    }

    @PostMapping
    void pointInTime(@PathVariable String name, @PathVariable int version, @RequestParam(required = false) String format,
                     @Valid @RequestBody PointInTimeRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        TrainingDataFormat f = TrainingDataFormat.of(format);
        Target target = target(name, version);
        List<String> entities = new ArrayList<>(request.rows().size());
        List<Instant> times = new ArrayList<>(request.rows().size());
        for (int i = 0; i < request.rows().size(); i++) {
            PointInTimeRequest.Row row = request.rows().get(i);
            String key = EntityKeys.ofRequest(row.entity(), target.set().entityColumns());
            if (key == null) {
                throw new PointInTimeRowUnreadable(i, "entity needs a value for each of " + target.set().entityColumns());
            }
            Instant time = EventTimes.parse(row.timestamp());
            if (time == null) {
                throw new PointInTimeRowUnreadable(i, "timestamp '" + row.timestamp() + "' is not an ISO-8601 date or timestamp");
            }
            entities.add(key);
            times.add(time);
        }
        try (Writer out = open(response, f)) {
            queries.pointInTime(target.set(), target.version(), entities, times, f, out);
        }
    }

    private record Target(FeatureSet set, FeatureSetVersion version) {
    }

    private Target target(String name, int number) {
        FeatureSetVersion version = featureSets.requireVersion(name, number);
        if (!queries.materialized(version)) {
            throw new VersionNotMaterialized(name, number);
        }
        return new Target(featureSets.require(name), version);
    }

    private static Writer open(HttpServletResponse response, TrainingDataFormat format) throws IOException {
        response.setContentType(format.contentType + ";charset=UTF-8");
        return new java.io.BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    }
}
