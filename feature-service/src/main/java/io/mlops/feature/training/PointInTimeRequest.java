package io.mlops.feature.training;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Rows to label with features as they were known at {@code timestamp} (ISO-8601 date or timestamp;
 * no offset means UTC). {@code entity}: a bare value, or an object with a value per key column.
 */
record PointInTimeRequest(@NotEmpty @Size(max = 1_000_000) List<@NotNull Row> rows) {

    record Row(Object entity, String timestamp) {
    }
}
