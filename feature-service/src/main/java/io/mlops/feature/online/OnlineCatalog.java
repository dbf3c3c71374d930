package io.mlops.feature.online;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetRepository;
import io.mlops.feature.featureset.FeatureSetVersionNotFound;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    /**
     * A version as lookups serve it, its output column names JSON-encoded once: {@code names} is the
     * array {@code ["a","b"]}, {@code fields} the text before each value of an entity's object
     * ({@code {"a":}, then {@code ,"b":}; what {@link OnlineStore#encode} stores them with),
     * {@code entityBytes} about what one entity's answer takes.
     */
    record Served(byte[] names, byte[][] fields, int entityBytes) {

        static Served of(List<String> columns) {
            StringBuilder names = new StringBuilder("[");
            byte[][] fields = new byte[columns.size()][];
            int entityBytes = 64;   // entity, braces, "features"
            for (int c = 0; c < fields.length; c++) {
                String quoted = OnlineAnswer.quoted(columns.get(c));
                names.append(c == 0 ? "" : ",").append(quoted);
                fields[c] = ((c == 0 ? "{" : ",") + quoted + ":").getBytes(StandardCharsets.UTF_8);
                entityBytes += fields[c].length + 24;   // a shortest round-trip double is at most 24 characters
            }
            return new Served(names.append(']').toString().getBytes(StandardCharsets.UTF_8), fields, entityBytes);
        }
    }

    Served version(String name, int version) {
        return versions.get(name + "@" + version, key -> Served.of(repository.requireVersion(name, version).outputColumns()));
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
