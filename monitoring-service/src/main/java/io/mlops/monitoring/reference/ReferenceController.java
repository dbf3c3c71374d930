package io.mlops.monitoring.reference;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registers a reference directly (imported models, tests) and shows what a model version is compared against. */
@RestController
class ReferenceController {

    private final References references;

    ReferenceController(References references) {
        this.references = references;
    }

    /**
     * The body is the training sample as CSV with a header. {@code label} names the label column (used for
     * prediction drift, left out of feature drift); {@code metric} entries {@code name:value} are the training metrics.
     */
    @PutMapping(path = "/api/v1/models/{name}/versions/{version}/reference", consumes = {"text/csv", "text/plain"})
    ReferenceSummary put(@PathVariable String name, @PathVariable int version, @RequestBody String csv,
                         @RequestParam(required = false) String label, @RequestParam(required = false) Task task,
                         @RequestParam(name = "metric", required = false) List<String> metrics) {
        return references.register(VersionNotPositive.ref(name, version), "upload", null, csv, List.of(), label, task, parse(metrics));
    }

    @GetMapping("/api/v1/models/{name}/versions/{version}/reference")
    ReferenceSummary get(@PathVariable String name, @PathVariable int version) {
        ModelVersionRef model = VersionNotPositive.ref(name, version);
        return references.summary(model).orElseThrow(() -> new ReferenceNotFound(model));
    }

    private static Metrics parse(List<String> metrics) {
        Map<String, Double> values = new HashMap<>();
        if (metrics != null) {
            for (String m : metrics) {
                int colon = m.indexOf(':');
                if (colon < 1) {
                    throw new MetricNotParsable(m);
                }
                try {
                    values.put(m.substring(0, colon), Double.parseDouble(m.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    throw new MetricNotParsable(m);
                }
            }
        }
        return new Metrics(values);
    }
}
