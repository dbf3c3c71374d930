package io.mlops.inference.routing;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.serving.InferenceProperties;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The traffic splits of this instance, by model and alias: those in the settings
 * ({@code mlops.inference.splits.<model>.<alias>}) at start, then whatever {@code PUT /api/v1/splits}
 * sets. Instance-local on purpose for now: each replica must be configured (the registry could own them).
 */
@Component
public class TrafficSplits {

    private record Key(String model, String alias) {
    }

    private final Map<Key, TrafficSplit> splits = new ConcurrentHashMap<>();

    TrafficSplits(InferenceProperties properties) {
        properties.splits().forEach((model, byAlias) ->
                byAlias.forEach((alias, split) -> splits.put(new Key(model, alias), split)));
    }

    /** The split of the alias, if any; requests through the alias then ignore the registry's alias. */
    public Optional<TrafficSplit> find(String model, String alias) {
        return splits.isEmpty() ? Optional.empty() : Optional.ofNullable(splits.get(new Key(model, alias)));
    }

    /** Whether a split of the model sends traffic (a route, whatever its weight) or shadow copies to the version. */
    boolean routesTo(ModelVersionRef ref) {
        for (Map.Entry<Key, TrafficSplit> entry : splits.entrySet()) {
            if (entry.getKey().model().equals(ref.model()) && entry.getValue().uses(ref.version())) {
                return true;
            }
        }
        return false;
    }

    TrafficSplit get(String model, String alias) {
        return find(model, alias).orElseThrow(() -> new SplitNotFound(model, alias));
    }

    void put(String model, String alias, TrafficSplit split) {
        splits.put(new Key(model, alias), split);
    }

    void remove(String model, String alias) {
        if (splits.remove(new Key(model, alias)) == null) {
            throw new SplitNotFound(model, alias);
        }
    }
}
