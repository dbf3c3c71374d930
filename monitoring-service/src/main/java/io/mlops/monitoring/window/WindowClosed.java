package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import java.util.UUID;

/** Published (in-process, inside the closing transaction) when a window closes, so quality can judge its labelled rows. */
public record WindowClosed(ModelVersionRef model, UUID windowId) {
}
