package io.mlops.feature.online;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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

        /** Sends what was added and not yet sent in one pipeline and waits for the replies. */
        void flush();
    }

    /**
     * Opens a writer for one version; keys expire after {@code ttl} when it is not null. Every
     * {@code batchKeys} added keys go out as one pipeline, so that no pipeline is large enough to
     * miss the command timeout (its replies are awaited under that one timeout). The connection
     * stays open until {@link Writer#close()}.
     */
    public Writer writer(String featureSet, int version, Duration ttl, int batchKeys) {
        return new Writer(redis.getConnection(), featureSet, version, ttl, batchKeys);
    }

    /**
     * The packed vectors of {@code entities} in order, null where an entity has no value: one MGET.
     * Left packed: the caller reads the values it writes out with {@link #valueAt}.
     */
    List<byte[]> readPacked(String featureSet, int version, String[] entities) {
        byte[] prefix = ("fs:" + featureSet + ":" + version + ":").getBytes(StandardCharsets.UTF_8);
        byte[][] keys = new byte[entities.length][];
        for (int i = 0; i < keys.length; i++) {
            byte[] entity = entities[i].getBytes(StandardCharsets.UTF_8);
            byte[] key = Arrays.copyOf(prefix, prefix.length + entity.length);
            System.arraycopy(entity, 0, key, prefix.length, entity.length);
            keys[i] = key;
        }
        List<byte[]> values;
        try (RedisConnection connection = redis.getConnection()) {
            values = connection.stringCommands().mGet(keys);
        } catch (DataAccessException e) {
            throw new OnlineStoreUnavailable(e);
        }
        if (values == null) {
            throw new OnlineStoreUnavailable(new IllegalStateException("MGET answered nothing"));
        }
        return values;
    }

    /** Value {@code index} of a packed vector (little-endian float64). */
    static double valueAt(byte[] packed, int index) {
        return (double) LITTLE_ENDIAN_DOUBLE.get(packed, index * Double.BYTES);
    }

    private static final VarHandle LITTLE_ENDIAN_DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

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

    /** Pipelined SETs for one version, {@code batchKeys} per pipeline; not thread-safe. */
    public static final class Writer implements Batch, AutoCloseable {

        private static final int BATCH_ATTEMPTS = 3;

        private final RedisConnection connection;
        private final String featureSet;
        private final int version;
        private final Expiration expiration;
        private final int batchKeys;
        private final List<byte[]> keys = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();

        private Writer(RedisConnection connection, String featureSet, int version, Duration ttl, int batchKeys) {
            if (batchKeys < 1) {
                throw new IllegalArgumentException("batchKeys must be at least 1, was " + batchKeys);
            }
            this.connection = connection;
            this.featureSet = featureSet;
            this.version = version;
            this.expiration = ttl == null ? Expiration.persistent() : Expiration.from(ttl);
            this.batchKeys = batchKeys;
        }

        /** Adds a vector; sends a pipeline whenever {@code batchKeys} are waiting. */
        @Override
        public void add(String entity, double[] vector) {
            keys.add(key(featureSet, version, entity));
            values.add(pack(vector));
            if (keys.size() >= batchKeys) {
                flush();
            }
        }

        /**
         * Sends the waiting SETs as one pipeline. A pipeline that misses the command timeout is sent
         * again (SETs are idempotent) a few times before failing: on a busy host a pause of the
         * JVM or of Redis can hold up one batch without anything being wrong.
         */
        @Override
        public void flush() {
            if (keys.isEmpty()) {
                return;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    sendPipeline();
                    break;
                } catch (DataAccessException e) {
                    if (attempt == BATCH_ATTEMPTS) {
                        throw e;
                    }
                    backOff(attempt);
                }
            }
            keys.clear();
            values.clear();
        }

        private void sendPipeline() {
            connection.openPipeline();
            try {
                for (int i = 0; i < keys.size(); i++) {
                    connection.stringCommands().set(keys.get(i), values.get(i), expiration, SetOption.upsert());
                }
            } finally {
                connection.closePipeline();
            }
        }

        private static void backOff(int attempt) {
            try {
                Thread.sleep(100L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing to Redis", e);
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
