package io.mlops.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadBudgetTest {

    @Test
    void smallModelsGetOneWorkerPerCoreWithOneTorchThreadEach() {
        ThreadBudget budget = ThreadBudget.forCores(2, 0);

        assertThat(budget).isEqualTo(new ThreadBudget(2, 2, 1, 1));
        assertThat(budget.torchSystemProperties())
                .containsEntry("ai.djl.pytorch.num_threads", "1")
                .containsEntry("ai.djl.pytorch.num_interop_threads", "1");
        assertThat(budget.describe()).contains("cores=2", "workers=2", "intra-op threads=1");
    }

    @Test
    void fewerWorkersGetTheRemainingCoresAsIntraOpThreads() {
        assertThat(ThreadBudget.forCores(8, 2)).isEqualTo(new ThreadBudget(8, 2, 4, 1));
        assertThat(ThreadBudget.forCores(7, 2)).isEqualTo(new ThreadBudget(7, 2, 3, 1));
    }

    @Test
    void noRequestOversubscribesTheCores() {
        for (int cores = 1; cores <= 64; cores++) {
            for (int requested = -1; requested <= 80; requested++) {
                ThreadBudget budget = ThreadBudget.forCores(cores, requested);
                assertThat(budget.workers() * budget.intraOpThreads()).isLessThanOrEqualTo(cores);
                assertThat(budget.workers()).isPositive();
            }
        }
        assertThat(ThreadBudget.forCores(2, 5).workers()).isEqualTo(2);
    }

    @Test
    void anOversubscribedBudgetCannotBeMade() {
        assertThatThrownBy(() -> new ThreadBudget(2, 2, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsRefuseNonsense() {
        BatchingSettings defaults = BatchingSettings.defaults();
        assertThat(defaults.maxBatchSize()).isEqualTo(32);
        assertThat(defaults.workers()).isEqualTo(ThreadBudget.forThisMachine().workers());
        assertThat(defaults.withoutBatching().maxBatchSize()).isEqualTo(1);
        assertThatThrownBy(() -> defaults.withMaxBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withQueueCapacity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withWorkers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxQueueDelay(java.time.Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
