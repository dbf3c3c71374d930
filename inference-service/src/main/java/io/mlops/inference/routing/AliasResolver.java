package io.mlops.inference.routing;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.serving.InferenceProperties;
import io.mlops.inference.serving.RegistryClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Alias → version, from the registry's alias API, cached. Entries are refreshed in the background after
 * {@code mlops.inference.alias-ttl}, and a failed refresh keeps the old answer, so a registry outage does
 * not stop models that are already serving. A deployment switches an entry at once ({@link #switchTo}).
 */
@Component
public class AliasResolver {

    private record AliasKey(String model, String alias) {
    }

    private final LoadingCache<AliasKey, Integer> versions;

    AliasResolver(RegistryClient registry, InferenceProperties properties) {
        this.versions = Caffeine.newBuilder()
                .refreshAfterWrite(properties.aliasTtl())
                .maximumSize(10_000)
                .build(key -> registry.resolveAlias(key.model(), key.alias()));
    }

    /** @throws io.mlops.inference.serving.AliasNotFound when the registry does not know it */
    public ModelVersionRef resolve(String model, String alias) {
        return new ModelVersionRef(model, versions.get(new AliasKey(model, alias)));
    }

    /** The version this instance routes the alias to, if it has resolved it already. */
    public Integer current(String model, String alias) {
        return versions.getIfPresent(new AliasKey(model, alias));
    }

    /** Moves the alias; requests already holding the old version finish on it. */
    public void switchTo(String model, String alias, int version) {
        versions.put(new AliasKey(model, alias), version);
    }

    /** Whether any alias known here still points at the version. */
    public boolean isTargeted(ModelVersionRef ref) {
        for (Map.Entry<AliasKey, Integer> entry : versions.asMap().entrySet()) {
            if (entry.getKey().model().equals(ref.model()) && entry.getValue() == ref.version()) {
                return true;
            }
        }
        return false;
    }
}
