package io.mlops.monitoring.api;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.monitoring.reference.ReferenceNotFound;
import io.mlops.monitoring.reference.References;
import io.mlops.monitoring.reference.VersionNotPositive;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drift and quality per window; 404 for a model version that has neither a reference nor windows. */
@RestController
class ReportController {

    private final ReportQueries queries;
    private final References references;

    ReportController(ReportQueries queries, References references) {
        this.queries = queries;
        this.references = references;
    }

    @GetMapping("/api/v1/models")
    List<Reports.MonitoredVersion> monitored() {
        return queries.monitored();
    }

    @GetMapping("/api/v1/models/{name}/versions/{version}/drift")
    Reports.DriftReport drift(@PathVariable String name, @PathVariable int version, @RequestParam(defaultValue = "100") int limit) {
        ModelVersionRef model = VersionNotPositive.ref(name, version);
        List<Reports.DriftWindow> windows = queries.driftWindows(model, Math.clamp(limit, 1, 1000));
        if (windows.isEmpty() && references.summary(model).isEmpty()) {
            throw new ReferenceNotFound(model);
        }
        return new Reports.DriftReport(name, version, windows);
    }

    @GetMapping("/api/v1/models/{name}/versions/{version}/quality")
    Reports.QualityReport quality(@PathVariable String name, @PathVariable int version, @RequestParam(defaultValue = "100") int limit) {
        ModelVersionRef model = VersionNotPositive.ref(name, version);
        if (references.summary(model).isEmpty() && queries.driftWindows(model, 1).isEmpty()) {
            throw new ReferenceNotFound(model);
        }
        return new Reports.QualityReport(name, version, queries.qualityWindows(model, Math.clamp(limit, 1, 1000)));
    }
}
