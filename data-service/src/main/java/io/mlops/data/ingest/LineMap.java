package io.mlops.data.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * Maps a 0-based data row index to its 1-based physical CSV line. Normally line = row + 2 (after the
 * header); quoted fields spanning lines and skipped blank lines shift the rows after them, so only the
 * shifts are stored: a few entries even for millions of rows.
 */
final class LineMap {

    private final TreeMap<Long, Long> offsets = new TreeMap<>();
    private long lastOffset = Long.MIN_VALUE;

    void record(long row, long startLine) {
        long offset = startLine - row;
        if (offset != lastOffset) {
            offsets.put(row, offset);
            lastOffset = offset;
        }
    }

    long lineOf(long row) {
        Map.Entry<Long, Long> entry = offsets.floorEntry(row);
        return row + (entry == null ? 2 : entry.getValue());
    }
}
