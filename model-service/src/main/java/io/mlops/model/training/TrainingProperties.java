package io.mlops.model.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Training job execution.
 *
 * @param workers jobs this instance runs at once (torch's RNG is per process: more than 1 keeps
 *     results correct but same-seed reruns may differ while jobs overlap)
 * @param pollInterval how often an idle instance looks for QUEUED jobs and stale RUNNING ones
 * @param heartbeatInterval how often a running job's heartbeat is refreshed
 * @param staleAfter a RUNNING job whose heartbeat is older than this is recovered (its instance died)
 * @param maxAttempts a recovered job is re-queued while it has been started fewer times than this, else FAILED
 * @param progressInterval progress is written at most this often (and after each fit's last epoch)
 * @param torchThreads libtorch intra-op threads of a training worker; 1 is fastest for the small
 *     networks trained here on few cores (less contention than torch's default of one per core)
 * @param claimJobs false: this instance accepts and shows jobs but runs none (API-only replicas, tests)
 * @param instanceId this instance's name in {@code owner}; default host name + random suffix
 */
@ConfigurationProperties("mlops.model.training")
public record TrainingProperties(
    @DefaultValue("1") int workers,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("2s") Duration heartbeatInterval,
    @DefaultValue("30s") Duration staleAfter,
    @DefaultValue("2") int maxAttempts,
    @DefaultValue("500ms") Duration progressInterval,
    @DefaultValue("1") int torchThreads,
    @DefaultValue("true") boolean claimJobs,
    String instanceId) {
}
