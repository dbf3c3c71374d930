package io.mlops.data.version.web;

import io.mlops.data.storage.ImportRoots;
import io.mlops.data.version.DatasetVersions;
import io.mlops.data.version.IngestOutcome;
import io.mlops.data.version.VersionIngestion;
import io.mlops.data.version.VersionIngestion.Source;
import io.mlops.data.version.VersionIngestion.Upload;
import io.mlops.domain.data.DatasetProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and imports answer 201 with the new version, or 200 with the existing one when the same bytes are
 * already stored. Multipart parts are spooled to disk by the container (never held in memory) and streamed
 * from there into a staged blob.
 */
@RestController
@RequestMapping("/api/v1/datasets/{name}")
class VersionController {

    private final VersionIngestion ingestion;
    private final DatasetVersions versions;
    private final ImportRoots importRoots;

    VersionController(VersionIngestion ingestion, DatasetVersions versions, ImportRoots importRoots) {
        this.ingestion = ingestion;
        this.versions = versions;
        this.importRoots = importRoots;
    }

    @PostMapping(path = "/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<VersionResponse> upload(@PathVariable String name, @RequestPart("file") MultipartFile file,
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = "X-Actor", defaultValue = "anonymous") String actor) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return answer(ingestion.ingest(name, new Upload(file.getContentType(), file.getOriginalFilename(), format,
                    Source.of(in)), actor));
        }
    }

    @PostMapping(path = "/versions:import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionResponse> importFile(@PathVariable String name, @RequestBody ImportRequest request,
            @RequestHeader(name = "X-Actor", defaultValue = "anonymous") String actor) {
        Path file = importRoots.resolve(request.path());
        return answer(ingestion.ingest(name, new Upload(null, file.getFileName().toString(), request.format(),
                Source.of(file)), actor));
    }

    @GetMapping("/versions")
    List<VersionResponse> list(@PathVariable String name) {
        return versions.list(name).stream().map(VersionResponse::of).toList();
    }

    /** {@code version} is a number or {@code latest}. */
    @GetMapping("/versions/{version}")
    VersionResponse get(@PathVariable String name, @PathVariable String version) {
        return VersionResponse.of(versions.require(name, version));
    }

    @GetMapping("/versions/{version}/profile")
    DatasetProfile profile(@PathVariable String name, @PathVariable String version) {
        return versions.require(name, version).profile();
    }

    private static ResponseEntity<VersionResponse> answer(IngestOutcome outcome) {
        VersionResponse body = VersionResponse.of(outcome.version());
        if (!outcome.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + body.dataset() + "/versions/" + body.version())).body(body);
    }
}
