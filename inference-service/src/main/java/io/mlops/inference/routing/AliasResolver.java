package io.mlops.inference.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.serving.AliasNotFound;
import io.mlops.inference.serving.AliasUnavailable;
import io.mlops.inference.serving.InferenceProperties;
import io.mlops.inference.serving.ModelRepository;
import io.mlops.inference.serving.RegistryClient;
import io.mlops.support.web.ApiProblem;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Alias → version on this instance. The first request through an alias asks the registry. After that only a
 * successful deployment moves the alias: a ModelDeployed ({@link Deployments}), or a refresh that finds the registry
 * pointing elsewhere after {@code mlops.inference.alias-ttl}, which deploys that version the same way ({@link Warmup})
 * in the background and keeps the old one serving meanwhile, and for good if the new one fails (retried a TTL
 * later). A failed refresh (registry down) keeps the old answer too, so an outage does not stop models that are
 * already serving; the registry's 404 is no outage, and the alias is dropped. After a move the previous version is
 * released unless an alias, or a traffic split's route or shadow, still sends requests to it.
 * <p>
 * Not Caffeine's {@code refreshAfterWrite}: its reload swaps the entry itself, so the old version could be released
 * only before the swap (a request in between loads it again) or in an asynchronous listener after it.
 */
@Component
public class AliasResolver {

    private static final Logger log = LoggerFactory.getLogger(AliasResolver.class);

    private record AliasKey(String model, String alias) {

        ModelVersionRef at(int version) {
            return new ModelVersionRef(model, version);
        }
    }

    /** The version and when the registry (or a deployment) last confirmed it, in {@link System#nanoTime}. */
    private record Entry(int version, long checkedAt) {
    }

    private final RegistryClient registry;
    private final Warmup warmup;
    private final ModelRepository models;
    private final TrafficSplits splits;
    private final long ttlNanos;
    private final ConcurrentMap<AliasKey, Entry> entries;
    /** Aliases with a refresh running: one at a time each, however many requests find them stale. */
    private final Set<AliasKey> refreshing = ConcurrentHashMap.newKeySet();

    AliasResolver(RegistryClient registry, Warmup warmup, ModelRepository models, TrafficSplits splits,
                  InferenceProperties properties) {
        this.registry = registry;
        this.warmup = warmup;
        this.models = models;
        this.splits = splits;
        this.ttlNanos = properties.aliasTtl().toNanos();
        this.entries = Caffeine.newBuilder().maximumSize(10_000).<AliasKey, Entry>build().asMap();
    }

    /**
     * @throws AliasNotFound when the registry does not know it
     * @throws AliasUnavailable when it is not resolved here yet and the registry is unreachable or fails
     */
    public ModelVersionRef resolve(String model, String alias) {
        AliasKey key = new AliasKey(model, alias);
        Entry entry;
        try {
            entry = entries.computeIfAbsent(key, k -> new Entry(registry.resolveAlias(model, alias), System.nanoTime()));
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException outage) {
            throw new AliasUnavailable(model, alias, outage);
        }
        if (System.nanoTime() - entry.checkedAt() >= ttlNanos && refreshing.add(key)) {
            Thread.ofVirtual().name("alias-refresh-" + model + "@" + alias).start(() -> refresh(key, entry));
        }
        return key.at(entry.version());
    }

    /** The version this instance routes the alias to, if it has resolved it already. */
    public Integer current(String model, String alias) {
        Entry entry = entries.get(new AliasKey(model, alias));
        return entry == null ? null : entry.version();
    }

    /**
     * Moves the alias to a version already deployed (loaded, checked, warm) and releases the one it pointed at;
     * requests already holding the old version finish on it.
     *
     * @param previousHint the version the alias pointed at before, when this instance had not resolved it
     */
    void switchTo(String model, String alias, int version, Integer previousHint) {
        AliasKey key = new AliasKey(model, alias);
        Entry replaced = entries.put(key, new Entry(version, System.nanoTime()));
        Integer previous = replaced != null ? Integer.valueOf(replaced.version()) : previousHint;
        log.info("Alias {}@{} now serves version {} (was {})", model, alias, version, previous);
        if (previous != null && previous != version) {
            releaseIfUnused(key.at(previous));
        }
    }

    private void refresh(AliasKey key, Entry seen) {
        try {
            int latest;
            try {
                latest = registry.resolveAlias(key.model(), key.alias());
            } catch (AliasNotFound gone) {
                // The registry's 404 is authoritative (its DELETE of an alias announces no event): forget it here, so
                // the next request asks the registry and answers 404. Only an outage keeps the old answer.
                if (entries.remove(key, seen)) {
                    log.info("Alias {}@{} was removed in the registry; version {} no longer served through it",
                            key.model(), key.alias(), seen.version());
                    releaseIfUnused(key.at(seen.version()));
                }
                return;
            }
            if (latest != seen.version()) {
                warmup.warm(key.at(latest), null, key.alias());
            }
            // Only if nothing moved the alias meanwhile: a deployment's move stands.
            if (entries.replace(key, seen, new Entry(latest, System.nanoTime())) && latest != seen.version()) {
                log.info("Alias {}@{} now serves version {} (was {}), as the registry says", key.model(), key.alias(),
                        latest, seen.version());
                releaseIfUnused(key.at(seen.version()));
            }
        } catch (Exception e) {
            // Registry unreachable, or the version it names failed to deploy: keep serving the old one, retry a TTL later.
            log.warn("Alias {}@{} stays on version {}: refresh failed: {}", key.model(), key.alias(), seen.version(),
                    e.toString());
            entries.replace(key, seen, new Entry(seen.version(), System.nanoTime()));
        } finally {
            refreshing.remove(key);
        }
    }

    /** Unless an alias, or a split's route or shadow, still sends requests to it: they would wait for a reload. */
    private void releaseIfUnused(ModelVersionRef version) {
        if (!isTargeted(version) && !splits.routesTo(version)) {
            models.release(version);
        }
    }

    /** Whether any alias known here still points at the version. */
    private boolean isTargeted(ModelVersionRef ref) {
        for (Map.Entry<AliasKey, Entry> entry : entries.entrySet()) {
            if (entry.getKey().model().equals(ref.model()) && entry.getValue().version() == ref.version()) {
                return true;
            }
        }
        return false;
    }
}
