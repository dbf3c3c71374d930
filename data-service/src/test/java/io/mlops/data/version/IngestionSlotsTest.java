package io.mlops.data.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestionSlotsTest {

    @Test
    void aCallerBeyondTheSlotsGets503WithRetryAfterAndAReleasedSlotIsReusable() throws Exception {
        IngestionSlots slots = new IngestionSlots(2, Duration.ofMillis(50));
        AutoCloseable first = slots.acquire();
        AutoCloseable second = slots.acquire();

        IngestionBusy busy = catchThrowableOfType(IngestionBusy.class, slots::acquire);
        assertThat(busy.status().value()).isEqualTo(503);
        assertThat(busy.retryAfter()).hasValue(Duration.ofMillis(50));
        assertThat(busy.properties()).containsEntry("slots", 2);

        first.close();
        slots.acquire().close();
        second.close();
    }
}
