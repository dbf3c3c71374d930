package io.mlops.data.version.web;

import io.mlops.data.version.Download;
import io.mlops.data.version.VersionContent;
import io.mlops.domain.data.DataFormat;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Streams a version's bytes (original or CSV) and its reservoir sample (Parquet or CSV). */
@RestController
@RequestMapping("/api/v1/datasets/{name}/versions/{version}")
class ContentController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final MediaType JSONL = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType PARQUET = MediaType.parseMediaType("application/vnd.apache.parquet");

    private final VersionContent content;

    ContentController(VersionContent content) {
        this.content = content;
    }

    @GetMapping("/content")
    ResponseEntity<Resource> content(@PathVariable String name, @PathVariable String version,
            @RequestParam(name = "format", required = false) String format) {
        return stream(content.content(name, version, format));
    }

    @GetMapping("/sample")
    ResponseEntity<Resource> sample(@PathVariable String name, @PathVariable String version,
            @RequestParam(name = "format", required = false) String format) {
        return stream(content.sample(name, version, format));
    }

    private static ResponseEntity<Resource> stream(Download download) {
        return ResponseEntity.ok()
                .contentType(mediaType(download.format()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .body(download.body());
    }

    private static MediaType mediaType(DataFormat format) {
        return switch (format) {
            case CSV -> CSV;
            case JSONL -> JSONL;
            case PARQUET -> PARQUET;
        };
    }
}
