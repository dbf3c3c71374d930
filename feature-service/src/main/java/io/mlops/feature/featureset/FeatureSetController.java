package io.mlops.feature.featureset;

import io.mlops.domain.feature.FittedFeatureSpec;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Feature-set definitions and their immutable, fitted versions. */
@RestController
@RequestMapping("/api/v1/feature-sets")
class FeatureSetController {

    private final FeatureSetService service;
    private final FeatureSetRepository repository;

    FeatureSetController(FeatureSetService service, FeatureSetRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @PostMapping
    ResponseEntity<CreatedView> create(@Valid @RequestBody FeatureSetRequest request) {
        FeatureSetService.Created created = service.create(request);
        return answer(created);
    }

    /** Body optional: {@code {"datasetVersion": 3}}; without it the latest (or the definition's fixed) version. */
    @PostMapping("/{name}/versions")
    ResponseEntity<CreatedView> newVersion(@PathVariable String name, @RequestBody(required = false) NewVersionRequest request) {
        return answer(service.newVersion(name, request == null ? null : request.datasetVersion()));
    }

    @GetMapping
    List<FeatureSet> list() {
        return repository.all();
    }

    @GetMapping("/{name}")
    SetView get(@PathVariable String name) {
        FeatureSet set = repository.require(name);
        return new SetView(set, repository.versions(name).stream().map(VersionView::of).toList());
    }

    @GetMapping("/{name}/versions/{version}")
    VersionView version(@PathVariable String name, @PathVariable int version) {
        return VersionView.of(repository.requireVersion(name, version));
    }

    private static ResponseEntity<CreatedView> answer(FeatureSetService.Created created) {
        FeatureSetVersion v = created.version();
        String base = "/api/v1/feature-sets/" + v.featureSet() + "/versions/" + v.version();
        CreatedView body = new CreatedView(VersionView.of(v), created.materialization(),
                base + "/materializations/" + created.materialization());
        return created.existed()
                ? ResponseEntity.ok(body)
                : ResponseEntity.status(HttpStatus.CREATED).location(URI.create(base)).body(body);
    }

    record NewVersionRequest(Integer datasetVersion) {
    }

    record CreatedView(VersionView version, UUID materializationId, String materialization) {
    }

    record SetView(FeatureSet definition, List<VersionView> versions) {
    }

    record VersionView(String featureSet, int version, String dataset, int datasetVersion, String datasetSha256,
                       List<String> features, FittedFeatureSpec fittedSpec, String offlineTable, Instant createdAt) {

        static VersionView of(FeatureSetVersion v) {
            return new VersionView(v.featureSet(), v.version(), v.dataset(), v.datasetVersion(), v.datasetSha256(),
                    v.outputColumns(), v.fittedSpec(), v.offlineTable(), v.createdAt());
        }
    }
}
