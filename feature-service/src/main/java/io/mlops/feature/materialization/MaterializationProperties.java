package io.mlops.feature.materialization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chunk-rows}: rows per COPY write, progress update and Redis pipeline, which bounds the
 * memory of a job; {@code threads}: jobs that run at once; {@code resume-on-startup}: rerun jobs
 * left QUEUED or RUNNING by a stopped instance (turn off where another instance owns them).
 */
@ConfigurationProperties("mlops.feature.materialization")
record MaterializationProperties(@DefaultValue("5000") int chunkRows, @DefaultValue("1") int threads,
                                 @DefaultValue("true") boolean resumeOnStartup) {
}
