package io.mlops.inference.batching;

import java.util.Map;

/**
 * How the cores are shared between batching workers and PyTorch's own thread pools, so that
 * {@code workers × intraOpThreads ≤ cores}: an oversubscribed box spends its time switching threads.
 * Small models are fastest with one intra-op thread per worker and one worker per core; a large
 * model asks for fewer workers and gets the remaining cores as intra-op threads.
 *
 * <p>Torch's thread settings are per process ({@code ai.djl.pytorch.num_threads} is read once, when the
 * engine starts), so a budget is made once per process and shared by every loaded model version.
 *
 * @param cores          cores this process may use ({@link Runtime#availableProcessors()}, which honours cgroup limits)
 * @param workers        batching workers per model version
 * @param intraOpThreads torch threads inside one operator
 * @param interOpThreads torch threads running independent operators; 1 because workers already run in parallel
 */
public record ThreadBudget(int cores, int workers, int intraOpThreads, int interOpThreads) {

    public static final String TORCH_INTRA_OP_PROPERTY = "ai.djl.pytorch.num_threads";
    public static final String TORCH_INTER_OP_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    public ThreadBudget {
        if (cores < 1 || workers < 1 || intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("every count must be at least 1");
        }
        if (workers * intraOpThreads > cores) {
            throw new IllegalArgumentException(workers + " workers × " + intraOpThreads
                    + " intra-op threads oversubscribe " + cores + " cores");
        }
    }

    /** One worker per core, one intra-op thread each. */
    public static ThreadBudget forThisMachine() {
        return forCores(Runtime.getRuntime().availableProcessors(), 0);
    }

    /**
     * @param cores            cores available
     * @param requestedWorkers wanted workers; 0 or less means one per core; more than {@code cores} is clamped
     */
    public static ThreadBudget forCores(int cores, int requestedWorkers) {
        int usable = Math.max(1, cores);
        int workers = requestedWorkers <= 0 ? usable : Math.min(requestedWorkers, usable);
        return new ThreadBudget(usable, workers, usable / workers, 1);
    }

    /** System properties DJL's PyTorch engine reads at start; set them before the engine loads. */
    public Map<String, String> torchSystemProperties() {
        return Map.of(TORCH_INTRA_OP_PROPERTY, Integer.toString(intraOpThreads),
                TORCH_INTER_OP_PROPERTY, Integer.toString(interOpThreads));
    }

    /** Sets {@link #torchSystemProperties()} unless the operator already set them (theirs win). */
    public void applyToTorch() {
        torchSystemProperties().forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** One line to log at start. */
    public String describe() {
        return "cores=%d workers=%d torch intra-op threads=%d inter-op threads=%d (%d of %d cores busy at full load)"
                .formatted(cores, workers, intraOpThreads, interOpThreads, workers * intraOpThreads, cores);
    }
}
