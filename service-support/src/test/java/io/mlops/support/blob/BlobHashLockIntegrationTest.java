package io.mlops.support.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.testsupport.RealInfrastructure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-hash advisory lock of {@link TransactionalBlobs}: a transaction that is deleting the last reference to a blob
 * holds the hash's lock until it commits, so a concurrent upload of the same bytes waits, then references the blob,
 * and the deferred deletion sees that reference and keeps the file. Without the lock the upload would find the old
 * file, skip writing it and reference a blob that the deleter removes after its commit.
 */
@SpringBootTest(properties = {"mlops.blobs.enabled=true", "mlops.blobs.root=target/test-blobs"})
@ActiveProfiles("support-test")
@RealInfrastructure(redis = false)
class BlobHashLockIntegrationTest {

    @Autowired
    TransactionalBlobs transactionalBlobs;

    @Autowired
    BlobStore blobs;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    // own threads: the common pool has a single thread on a 2-core machine, and the deleter blocks one
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void referenceTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS blob_lock_test_ref (owner text PRIMARY KEY, sha256 text NOT NULL)").update();
    }

    private StagedBlob stage(String content) throws Exception {
        return blobs.stage(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1024);
    }

    private boolean referenced(String sha256) {
        return jdbc.sql("SELECT count(*) FROM blob_lock_test_ref WHERE sha256 = ?").param(sha256).query(Long.class).single() > 0;
    }

    private long waitingAdvisoryLocks() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").query(Long.class).single();
    }

    @Test
    void anUploadOfTheSameBytesWaitsForTheDeleterAndItsBlobSurvives() throws Exception {
        String content = "contended " + UUID.randomUUID();
        String sha;
        try (StagedBlob first = stage(content)) {
            sha = first.sha256();
            tx.executeWithoutResult(status -> {
                transactionalBlobs.commit(this::referenced, first);
                jdbc.sql("INSERT INTO blob_lock_test_ref VALUES ('old', ?)").param(sha).update();
            });
        }
        Predicate<String> stillReferenced = this::referenced;
        CountDownLatch deleterHoldsLock = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);

        CompletableFuture<Boolean> deleter = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            jdbc.sql("DELETE FROM blob_lock_test_ref WHERE owner = 'old'").update();
            boolean scheduled = transactionalBlobs.deleteUnlessReferenced(sha, stillReferenced);
            deleterHoldsLock.countDown();
            awaitLatch(mayCommit);
            return scheduled;
        }), threads);
        assertThat(deleterHoldsLock.await(30, TimeUnit.SECONDS)).isTrue();

        try (StagedBlob again = stage(content)) {
            CompletableFuture<Void> uploader = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
                transactionalBlobs.commit(this::referenced, again);
                jdbc.sql("INSERT INTO blob_lock_test_ref VALUES ('new', ?)").param(sha).update();
            }), threads);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingAdvisoryLocks() > 0);
            assertThat(uploader).as("the upload waits on the hash's lock while the deleter is open").isNotDone();

            mayCommit.countDown();
            assertThat(deleter.get(30, TimeUnit.SECONDS)).as("no reference was left when the deleter looked").isTrue();
            uploader.get(30, TimeUnit.SECONDS);
        }
        // the deleter's after-commit check runs under the lock again and finds the upload's reference
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingAdvisoryLocks() == 0);
        assertThat(referenced(sha)).isTrue();
        assertThat(blobs.exists(sha)).as("the referenced blob survives the deferred deletion").isTrue();
    }

    @Test
    void aDeletionWithoutAConcurrentUploadRemovesTheBlobAfterCommit() throws Exception {
        String sha;
        try (StagedBlob only = stage("alone " + UUID.randomUUID())) {
            sha = only.sha256();
            tx.executeWithoutResult(status -> transactionalBlobs.commit(this::referenced, only));
        }
        tx.executeWithoutResult(status -> {
            assertThat(transactionalBlobs.deleteUnlessReferenced(sha, this::referenced)).isTrue();
            assertThat(blobs.exists(sha)).as("nothing is deleted before the commit").isTrue();
        });
        assertThat(blobs.exists(sha)).isFalse();
    }

    @Test
    void aRollbackDeletesItsNewBlobOnlyIfNoCommittedRowReferencesItByThen() throws Exception {
        String content = "rolled back then shared " + UUID.randomUUID();
        String sha;
        CountDownLatch firstRolledBack = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        CompletableFuture<Void> first;
        try (StagedBlob staged = stage(content)) {
            sha = staged.sha256();
            first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
                transactionalBlobs.commit(this::referenced, staged);
                // runs first after the rollback: the lock is already released, the blob's own hook has not run yet
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public int getOrder() {
                        return Ordered.HIGHEST_PRECEDENCE;
                    }

                    @Override
                    public void afterCompletion(int completion) {
                        firstRolledBack.countDown();
                        awaitLatch(secondCommitted);
                    }
                });
                status.setRollbackOnly();
            }), threads);
            assertThat(firstRolledBack.await(30, TimeUnit.SECONDS)).isTrue();
        }
        try (StagedBlob again = stage(content)) {
            tx.executeWithoutResult(status -> {
                transactionalBlobs.commit(this::referenced, again);
                jdbc.sql("INSERT INTO blob_lock_test_ref VALUES (?, ?)").params("gap " + sha, sha).update();
            });
        }
        secondCommitted.countDown();
        first.get(30, TimeUnit.SECONDS);

        assertThat(referenced(sha)).isTrue();
        assertThat(blobs.exists(sha)).as("the rollback's deletion sees the row committed in the gap").isTrue();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
