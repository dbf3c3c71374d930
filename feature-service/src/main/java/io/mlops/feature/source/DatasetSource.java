package io.mlops.feature.source;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The port to the data-service: version metadata and the rows of a version, streamed. The rows are
 * typed by the version's schema (see {@link TypedRow}), never held in memory as a whole.
 */
public interface DatasetSource {

    /** @throws DatasetVersionNotFound when the data-service does not know it */
    DatasetVersionInfo version(String dataset, int version);

    /** @throws DatasetVersionNotFound when the dataset has no version */
    DatasetVersionInfo latest(String dataset);

    /** Streams every row, in file order, to {@code rows}; returns how many there were. */
    long readRows(DatasetVersionInfo version, Consumer<Map<String, Object>> rows);
}
