package io.mlops.feature.online;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

/**
 * Latest feature vectors per entity in Redis. Layout: a plain string key
 * {@code fs:{set}:{version}:{entity}} holding the vector packed as little-endian float64, one value
 * per output column in the version's order. A lookup of n entities is then one MGET whatever the
 * number of features (a hash per entity costs an HMGET per entity and a field name per value), and
 * float64 keeps the online vector bit for bit equal to the offline table and to the transformer.
 * Versioned keys make a re-materialization overwrite only its own version's values.
 */
@Component
public class OnlineStore {

    private final RedisConnectionFactory redis;

    OnlineStore(RedisConnectionFactory redis) {
        this.redis = redis;
    }

    public static byte[] key(String featureSet, int version, String entity) {
        return ("fs:" + featureSet + ":" + version + ":" + entity).getBytes(StandardCharsets.UTF_8);
    }

    /** A batch of entity vectors to store, written as one pipeline. */
    public interface Batch {

        void add(String entity, double[] vector);

        /** Sends what was added in one pipeline and waits for the replies. */
        void flush();
    }

    /**
     * Opens a writer for one version; keys expire after {@code ttl} when it is not null. The connection
     * stays open until {@link Writer#close()}.
     */
    public Writer writer(String featureSet, int version, Duration ttl) {
        return new Writer(redis.getConnection(), featureSet, version, ttl);
    }

    /** The vectors of {@code entities} in order, null where an entity has no value: one MGET. */
    List<double[]> read(String featureSet, int version, List<String> entities) {
        byte[][] keys = new byte[entities.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(featureSet, version, entities.get(i));
        }
        List<byte[]> values;
        try (RedisConnection connection = redis.getConnection()) {
            values = connection.stringCommands().mGet(keys);
        } catch (DataAccessException e) {
            throw new OnlineStoreUnavailable(e);
        }
        List<double[]> vectors = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            byte[] value = values == null ? null : values.get(i);
            vectors.add(value == null ? null : unpack(value));
        }
        return vectors;
    }

    static byte[] pack(double[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(vector);
        return buffer.array();
    }

    static double[] unpack(byte[] value) {
        double[] vector = new double[value.length / Double.BYTES];
        ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(vector);
        return vector;
    }

    /** Pipelined SETs for one version; not thread-safe. */
    public static final class Writer implements Batch, AutoCloseable {

        private final RedisConnection connection;
        private final String featureSet;
        private final int version;
        private final Expiration expiration;
        private final List<byte[]> keys = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();

        private Writer(RedisConnection connection, String featureSet, int version, Duration ttl) {
            this.connection = connection;
            this.featureSet = featureSet;
            this.version = version;
            this.expiration = ttl == null ? Expiration.persistent() : Expiration.from(ttl);
        }

        @Override
        public void add(String entity, double[] vector) {
            keys.add(key(featureSet, version, entity));
            values.add(pack(vector));
        }

        @Override
        public void flush() {
            if (keys.isEmpty()) {
                return;
            }
            connection.openPipeline();
            try {
                for (int i = 0; i < keys.size(); i++) {
                    connection.stringCommands().set(keys.get(i), values.get(i), expiration, SetOption.upsert());
                }
            } finally {
                connection.closePipeline();
            }
            keys.clear();
            values.clear();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
