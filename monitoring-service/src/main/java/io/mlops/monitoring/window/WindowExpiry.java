package io.mlops.monitoring.window;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Closes windows by time, every {@code mlops.monitoring.window.check-interval}. */
@Component
class WindowExpiry {

    private final Windows windows;
    private final TransactionTemplate tx;

    WindowExpiry(Windows windows, TransactionTemplate tx) {
        this.windows = windows;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${mlops.monitoring.window.check-interval:5s}", initialDelayString = "${mlops.monitoring.window.check-interval:5s}")
    void closeExpired() {
        windows.closeExpired(work -> tx.executeWithoutResult(status -> work.run()));
    }
}
