package io.mlops.feature.online;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetRepository;
import io.mlops.feature.featureset.FeatureSetVersion;
import io.mlops.feature.featureset.FeatureSetVersionNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.io.SerializedString;

/**
 * What a lookup needs besides Redis, kept in memory so that a lookup is one Redis round trip and no
 * Postgres one: definitions and versions (immutable once stored) and, refreshed every
 * {@code latest-version-refresh}, each set's newest materialized version.
 */
@Component
class OnlineCatalog {

    private final FeatureSetRepository repository;
    private final JdbcClient jdbc;
    private final Cache<String, FeatureSet> sets = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, Served> versions = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, Integer> latest;

    OnlineCatalog(FeatureSetRepository repository, JdbcClient jdbc, OnlineProperties properties) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.latest = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.latestVersionRefresh()).build();
    }

    FeatureSet set(String name) {
        return sets.get(name, repository::require);
    }

    /** A version as lookups serve it: its output column names, JSON-encoded once. */
    record Served(FeatureSetVersion version, SerializedString[] names) {
    }

    Served version(String name, int version) {
        return versions.get(name + "@" + version, key -> {
            FeatureSetVersion v = repository.requireVersion(name, version);
            return new Served(v, v.outputColumns().stream().map(SerializedString::new).toArray(SerializedString[]::new));
        });
    }

    /** The newest version whose materialization succeeded; not cached while there is none. */
    int latestMaterialized(String name) {
        Integer version = latest.get(name, key -> jdbc.sql("""
                        SELECT version FROM materialization_job WHERE feature_set = ? AND state = 'SUCCEEDED'
                        ORDER BY version DESC LIMIT 1""")
                .param(name).query(Integer.class).optional().orElse(null));
        if (version == null) {
            throw new FeatureSetVersionNotFound(name, "materialized");
        }
        return version;
    }
}
