package io.mlops.data.ingest;

import io.mlops.domain.data.DataFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the format of an upload: an explicit override wins, then a specific content type, then the
 * file name's extension. Generic content types (application/octet-stream, text/plain) say nothing and
 * fall through to the file name, since browsers and curl send them for any file.
 */
public final class FormatDetection {

    private static final Map<String, DataFormat> NAMES = Map.of(
            "csv", DataFormat.CSV,
            "jsonl", DataFormat.JSONL,
            "ndjson", DataFormat.JSONL,
            "parquet", DataFormat.PARQUET,
            "pq", DataFormat.PARQUET);

    private static final Map<String, DataFormat> CONTENT_TYPES = Map.ofEntries(
            Map.entry("text/csv", DataFormat.CSV),
            Map.entry("application/csv", DataFormat.CSV),
            Map.entry("text/comma-separated-values", DataFormat.CSV),
            Map.entry("application/x-ndjson", DataFormat.JSONL),
            Map.entry("application/ndjson", DataFormat.JSONL),
            Map.entry("application/jsonl", DataFormat.JSONL),
            Map.entry("application/x-jsonlines", DataFormat.JSONL),
            Map.entry("application/jsonlines", DataFormat.JSONL),
            Map.entry("application/vnd.apache.parquet", DataFormat.PARQUET),
            Map.entry("application/x-parquet", DataFormat.PARQUET),
            Map.entry("application/parquet", DataFormat.PARQUET));

    private FormatDetection() {
    }

    /**
     * @param contentType the upload's content type, parameters allowed ("text/csv; charset=utf-8"); may be null
     * @param fileName    the original file name; may be null
     * @param override    "csv", "jsonl" (or "ndjson"), "parquet", case-insensitive; null or blank to detect
     * @throws UnknownDataFormat when the override is not a known format or nothing identifies one
     */
    public static DataFormat detect(String contentType, String fileName, String override) {
        if (override != null && !override.isBlank()) {
            DataFormat named = NAMES.get(override.strip().toLowerCase(Locale.ROOT));
            if (named == null) {
                throw new UnknownDataFormat(contentType, fileName, override);
            }
            return named;
        }
        if (contentType != null) {
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            DataFormat byType = CONTENT_TYPES.get(mediaType);
            if (byType != null) {
                return byType;
            }
        }
        if (fileName != null) {
            int dot = fileName.lastIndexOf('.');
            if (dot >= 0) {
                DataFormat byName = NAMES.get(fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT));
                if (byName != null) {
                    return byName;
                }
            }
        }
        throw new UnknownDataFormat(contentType, fileName, override);
    }
}
