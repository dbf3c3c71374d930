package io.mlops.data.version;

import io.mlops.data.settings.DataProperties;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds concurrent ingestions: each one runs a DuckDB engine with up to {@code memory-limit} of native
 * memory outside the heap, so N parallel uploads would otherwise need N times that. A caller waits up to
 * {@code wait} for a slot, then gets 503 with Retry-After. One shared bean: uploads and CSV downloads
 * (which run the same engine) draw from the same slots.
 */
@Component
final class IngestionSlots {

    private final Semaphore slots;
    private final int size;
    private final Duration wait;

    @Autowired
    IngestionSlots(DataProperties props) {
        this(props.maxConcurrentIngestions(), props.ingestionWait());
    }

    IngestionSlots(int size, Duration wait) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one ingestion slot is needed, got " + size);
        }
        this.slots = new Semaphore(size, true);
        this.size = size;
        this.wait = wait;
    }

    /** Takes a slot or throws {@link IngestionBusy}; release it by closing the returned handle. */
    AutoCloseable acquire() {
        try {
            if (!slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IngestionBusy(size, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionBusy(size, wait);
        }
        return slots::release;
    }
}
