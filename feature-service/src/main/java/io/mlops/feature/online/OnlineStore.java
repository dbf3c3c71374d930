package io.mlops.feature.online;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Latest feature vectors per entity in Redis. Layout: a plain string key
 * {@code fo:{set}:{version}:{entity}} holding the entity's answer object as JSON text,
 * {@code {"name0":v0,"name1":v1,...}}, each value the shortest decimal that reads back as the same
 * double ({@link #encode}). A lookup of n entities is then one MGET whatever the number of features (a
 * hash per entity costs an HMGET per entity and a field name per value), and the lookup copies each
 * stored value into its answer as it is: no number is formatted ({@code Double.toString} was the
 * largest piece of a 100-entity lookup's own work in a profile) and nothing is scanned (splicing
 * the names into a stored array of values, the {@code fj:} layout before this one, was over a
 * quarter of the listener's serving samples). Versions are immutable, so their names can be stored
 * with the values. Shortest round-trip decimals keep the online vector bit for bit equal to the
 * offline table and to the transformer, as the packed little-endian float64 used first did (under
 * {@code fs:}); the price is Redis memory, ~500 bytes for 20 standardized values named f0..f19
 * against 160 packed. Measured in bench/feature-online (README). Versioned keys make a
 * re-materialization overwrite only its own version's values.
 */
@Component
public class OnlineStore {

    private final RedisConnectionFactory redis;
    private final Duration timeout;

    OnlineStore(RedisConnectionFactory redis, DataRedisProperties properties) {
        this.redis = redis;
        this.timeout = properties.getTimeout() == null ? Duration.ofSeconds(60) : properties.getTimeout();   // Lettuce's default
    }

    /**
     * Key prefix of the answer-object layout. Earlier layouts, no longer read: "fs:" packed float64, "fj:" the JSON
     * array of the values; a version materialized under them is served again once materialized anew.
     */
    static final String PREFIX = "fo:";

    public static byte[] key(String featureSet, int version, String entity) {
        return (PREFIX + featureSet + ":" + version + ":" + entity).getBytes(StandardCharsets.UTF_8);
    }

    /** A batch of entity vectors to store, written as one pipeline. */
    public interface Batch {

        void add(String entity, double[] vector);

        /** Sends what was added and not yet sent in one pipeline and waits for the replies. */
        void flush();
    }

    /**
     * Opens a writer for one version on a connection of its own; keys expire after {@code ttl} when
     * it is not null. Every {@code batchKeys} added keys go out as one pipeline whose replies must
     * all arrive within {@code timeout}. The connection stays open until {@link Writer#close()}.
     */
    public Writer writer(String featureSet, int version, List<String> columns, Duration ttl, int batchKeys, Duration timeout) {
        if (batchKeys < 1) {
            throw new IllegalArgumentException("batchKeys must be at least 1, was " + batchKeys);
        }
        if (!(redis instanceof LettuceConnectionFactory lettuce) || !(lettuce.getNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("the online store writer needs a standalone Lettuce connection factory, not " + redis);
        }
        try {
            return new Writer(client.connect(ByteArrayCodec.INSTANCE), featureSet, version, OnlineCatalog.Served.of(columns).fields(),
                    ttl, batchKeys, timeout);
        } catch (RedisException e) {
            throw new RedisConnectionFailureException("cannot open a Redis connection for writing: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the stored vectors of {@code entities} in order (JSON object text, see {@link #encode})
     * into {@code output}, which writes them into a lookup's answer: one MGET on the shared connection.
     * Sent through Lettuce's {@code dispatch} with {@link AnswerOutput} as the output rather than
     * Spring Data Redis's {@code mGet}, which makes a byte[] and a KeyValue per value and then a List.
     * Bounded by the shared command timeout ({@code spring.data.redis.timeout}). When it throws, the
     * output's answer may still be written to by a late reply and must not be reused.
     */
    AnswerOutput read(String featureSet, int version, String[] entities, AnswerOutput output) {
        RedisFuture<AnswerOutput> reply = send(featureSet, version, entities, output);
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new OnlineStoreUnavailable(e.getCause());
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnlineStoreUnavailable(e);
        }
    }

    /**
     * Sends the MGET of {@link #read} without waiting: for a caller that must not block its thread
     * (the online listener's event loop). The reply is bounded by {@link #timeout()} by the caller;
     * an unreachable Redis is thrown here.
     */
    RedisFuture<AnswerOutput> send(String featureSet, int version, String[] entities, AnswerOutput output) {
        byte[] prefix = (PREFIX + featureSet + ":" + version + ":").getBytes(StandardCharsets.UTF_8);
        byte[][] keys = new byte[entities.length][];
        for (int i = 0; i < keys.length; i++) {
            byte[] entity = entities[i].getBytes(StandardCharsets.UTF_8);
            byte[] key = Arrays.copyOf(prefix, prefix.length + entity.length);
            System.arraycopy(entity, 0, key, prefix.length, entity.length);
            keys[i] = key;
        }
        try (RedisConnection connection = redis.getConnection()) {
            @SuppressWarnings("unchecked")
            var async = (BaseRedisAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            return async.dispatch(CommandType.MGET, output, new CommandArgs<>(ByteArrayCodec.INSTANCE).addKeys(keys));
        } catch (DataAccessException | RedisException e) {
            throw new OnlineStoreUnavailable(e);
        }
    }

    /** The command timeout that bounds a lookup's MGET ({@code spring.data.redis.timeout}). */
    Duration timeout() {
        return timeout;
    }

    OnlineStoreUnavailable timedOut() {
        return new OnlineStoreUnavailable(new RedisCommandTimeoutException("MGET timed out after " + timeout.toMillis() + " ms"));
    }

    /**
     * A vector as stored: the JSON object text of its values by name, {@code fields} being the text
     * before each value ({@link OnlineCatalog.Served#fields()}: {@code {"a":}, then {@code ,"b":}), each
     * value the shortest decimal that reads back as the same double ({@link Double#toString}, which is
     * what Jackson writes for a double too), so a lookup copies the bytes into its answer without
     * formatting a number and the values stay bit for bit. NaN and the infinities, which JSON has no
     * number for, are the strings Jackson writes for them ("NaN", "Infinity", "-Infinity").
     */
    static byte[] encode(byte[][] fields, double[] vector) {
        if (fields.length != vector.length) {
            throw new IllegalArgumentException(vector.length + " values for " + fields.length + " features");
        }
        StringBuilder text = new StringBuilder(2 + vector.length * 40);
        for (int i = 0; i < vector.length; i++) {
            text.append(new String(fields[i], StandardCharsets.UTF_8));
            double v = vector[i];
            if (Double.isFinite(v)) {
                text.append(v);
            } else {
                text.append('"').append(v).append('"');
            }
        }
        return text.append(vector.length == 0 ? "{}" : "}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Pipelined SETs for one version, {@code batchKeys} per pipeline, on a connection of its own whose
     * timeout ({@code timeout}) is the writer's: the shared connection's command timeout is sized
     * for lookups (500 ms), and on a loaded host a pipeline of a few hundred SETs can miss it with
     * nothing wrong. Spring Data Redis's pipeline waits with that shared timeout, so this uses
     * Lettuce's async API with auto-flush off directly. Not thread-safe.
     */
    public static final class Writer implements Batch, AutoCloseable {

        private static final int BATCH_ATTEMPTS = 3;

        private final StatefulRedisConnection<byte[], byte[]> connection;
        private final String featureSet;
        private final int version;
        private final byte[][] fields;
        private final SetArgs expiration;
        private final int batchKeys;
        private final Duration timeout;
        private final List<byte[]> keys = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();

        private Writer(StatefulRedisConnection<byte[], byte[]> connection, String featureSet, int version, byte[][] fields,
                       Duration ttl, int batchKeys, Duration timeout) {
            this.connection = connection;
            this.featureSet = featureSet;
            this.version = version;
            this.fields = fields;
            this.expiration = ttl == null ? new SetArgs() : SetArgs.Builder.px(ttl.toMillis());
            this.batchKeys = batchKeys;
            this.timeout = timeout;
            connection.setTimeout(timeout);
            connection.setAutoFlushCommands(false);
        }

        /** Adds a vector; sends a pipeline whenever {@code batchKeys} are waiting. */
        @Override
        public void add(String entity, double[] vector) {
            keys.add(key(featureSet, version, entity));
            values.add(encode(fields, vector));
            if (keys.size() >= batchKeys) {
                flush();
            }
        }

        /**
         * Sends the waiting SETs as one pipeline and waits for the replies. A pipeline that fails is
         * sent again (SETs are idempotent) a few times before the writer gives up.
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
                } catch (RuntimeException e) {
                    if (attempt == BATCH_ATTEMPTS) {
                        throw new RedisSystemException("writing " + keys.size() + " keys to Redis failed: " + e.getMessage(), e);
                    }
                    backOff(attempt);
                }
            }
            keys.clear();
            values.clear();
        }

        private void sendPipeline() {
            RedisAsyncCommands<byte[], byte[]> async = connection.async();
            RedisFuture<?>[] replies = new RedisFuture<?>[keys.size()];
            for (int i = 0; i < replies.length; i++) {
                replies[i] = async.set(keys.get(i), values.get(i), expiration);
            }
            connection.flushCommands();
            if (!LettuceFutures.awaitAll(timeout, replies)) {
                throw new IllegalStateException("no reply within " + timeout);
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
