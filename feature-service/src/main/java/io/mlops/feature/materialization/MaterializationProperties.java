package io.mlops.feature.materialization;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chunk-rows}: rows per COPY write, progress update and cursor fetch, which bounds the
 * memory of a job; {@code redis-batch-keys}: keys per Redis pipeline when filling the online store,
 * sized on its own because a whole pipeline's replies must arrive within the Redis command timeout
 * ({@code redis-write-timeout}); {@code redis-write-timeout}: the wait for one such pipeline's replies,
 * on the writer's own connection, apart from the lookups' short command timeout
 * ({@code spring.data.redis.timeout}, 500 ms), which batches missed on a loaded host; {@code threads}: jobs that run at once; {@code resume-on-startup}: rerun jobs
 * left QUEUED or RUNNING by a stopped instance, at startup and then every {@code resume-interval} (a job another
 * live instance runs is never rerun: see {@link JobLocks});
 * {@code refit-retry-delay} and {@code refit-retry-max-delay}: the first wait before a follow-latest
 * refit that met a transient failure is tried again, doubled after each failure up to the maximum.
 */
@ConfigurationProperties("mlops.feature.materialization")
record MaterializationProperties(@DefaultValue("5000") int chunkRows, @DefaultValue("500") int redisBatchKeys,
                                 @DefaultValue("10s") Duration redisWriteTimeout,
                                 @DefaultValue("1") int threads,
                                 @DefaultValue("true") boolean resumeOnStartup,
                                 @DefaultValue("30s") Duration resumeInterval,
                                 @DefaultValue("2s") Duration refitRetryDelay,
                                 @DefaultValue("5m") Duration refitRetryMaxDelay) {

    MaterializationProperties {
        if (resumeInterval.isNegative() || resumeInterval.isZero()) {
            throw new IllegalArgumentException("mlops.feature.materialization.resume-interval must be positive, was " + resumeInterval);
        }
    }
}
