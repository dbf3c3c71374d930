package io.mlops.data.dataset.web;

import io.mlops.data.dataset.DatasetCatalog;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/datasets")
class DatasetController {

    private final DatasetCatalog catalog;

    DatasetController(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<DatasetResponse> create(@RequestBody CreateDatasetRequest request,
            @RequestHeader(name = "X-Actor", defaultValue = "anonymous") String actor) {
        DatasetResponse created = DatasetResponse.of(catalog.create(request.toNewDataset(), actor));
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + created.name())).body(created);
    }

    @GetMapping
    List<DatasetResponse> list() {
        return catalog.list().stream().map(DatasetResponse::of).toList();
    }

    @GetMapping("/{name}")
    DatasetResponse get(@PathVariable String name) {
        return DatasetResponse.of(catalog.require(name));
    }
}
