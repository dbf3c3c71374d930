package io.mlops.feature.materialization;

import io.mlops.feature.featureset.FeatureSetRepository;
import io.mlops.feature.featureset.FeatureSetVersion;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Start a (re-)materialization of a version, and follow its progress. */
@RestController
@RequestMapping("/api/v1/feature-sets/{name}/versions/{version}/materializations")
class MaterializationController {

    private final MaterializationService service;
    private final JobRepository jobs;
    private final FeatureSetRepository featureSets;

    MaterializationController(MaterializationService service, JobRepository jobs, FeatureSetRepository featureSets) {
        this.service = service;
        this.jobs = jobs;
        this.featureSets = featureSets;
    }

    @PostMapping
    ResponseEntity<MaterializationJob> start(@PathVariable String name, @PathVariable int version) {
        FeatureSetVersion v = featureSets.requireVersion(name, version);
        UUID id = service.schedule(v.ref());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/feature-sets/" + name + "/versions/" + version + "/materializations/" + id))
                .body(jobs.find(id).orElseThrow());
    }

    @GetMapping
    List<MaterializationJob> list(@PathVariable String name, @PathVariable int version) {
        featureSets.requireVersion(name, version);
        return jobs.forVersion(name, version);
    }

    @GetMapping("/{id}")
    MaterializationJob get(@PathVariable String name, @PathVariable int version, @PathVariable UUID id) {
        return jobs.find(id).filter(j -> j.featureSet().equals(name) && j.version() == version)
                .orElseThrow(() -> new MaterializationNotFound(id));
    }
}
