package io.mlops.support.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ties blob commits and deletions to the database transaction that references or dereferences them.
 * Commits happen BEFORE the database commit, so a committed version row always has its bytes; a rollback
 * hook deletes the blobs this transaction added unless, by then, a committed row references them. Only a process
 * crash between the blob commit and the database commit can leave an unreferenced blob (harmless garbage, never a
 * row without bytes).
 * Each blob hash is guarded by a transaction-scoped advisory lock, so a concurrent delete of a version with
 * the same bytes cannot remove a blob another transaction is about to reference. Deletions wait for the
 * database commit, so a rolled-back delete keeps its bytes; a failed deletion only leaves garbage.
 * The one implementation for every service with blobs and a database (data-service's dataset files,
 * model-service's artifacts); {@link BlobStoreAutoConfiguration} provides it as a bean.
 */
public class TransactionalBlobs {

    private static final Logger log = LoggerFactory.getLogger(TransactionalBlobs.class);

    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate afterCommitTx;

    public TransactionalBlobs(BlobStore blobs, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.blobs = blobs;
        this.jdbc = jdbc;
        // after the commit the finished transaction's connection is still bound: work there needs its own
        this.afterCommitTx = new TransactionTemplate(transactions);
        this.afterCommitTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Commits staged blobs inside the current transaction; those that were new are deleted again on rollback unless
     * {@code stillReferenced} then finds a committed row pointing at them. The rollback releases the hash's lock before
     * the hook runs, so a concurrent upload of the same bytes may find the file, skip writing it and commit its row in
     * between; the hook therefore checks again under the lock, as a deferred deletion does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void commit(Predicate<String> stillReferenced, StagedBlob... staged) {
        for (StagedBlob blob : staged) {
            lock(blob.sha256());
            boolean existed = blobs.exists(blob.sha256());
            try {
                blob.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!existed) {
                String sha = blob.sha256();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            deleteUnlessReferencedNow(sha, stillReferenced);
                        }
                    }
                });
            }
        }
    }

    /**
     * Deletes a blob once the current transaction commits, unless {@code stillReferenced} says a row still points
     * at it. Checked under the hash's lock now, and again after the commit (the lock is released with it, so a
     * concurrent upload of the same bytes may have referenced the blob in between). Returns whether a deletion
     * was scheduled; nothing is deleted if the transaction rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean deleteUnlessReferenced(String sha256, Predicate<String> stillReferenced) {
        lock(sha256);
        if (stillReferenced.test(sha256)) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteUnlessReferencedNow(sha256, stillReferenced);
            }
        });
        return true;
    }

    /** After the transaction completed: its lock is gone, so take it again in a new transaction and look again. */
    private void deleteUnlessReferencedNow(String sha256, Predicate<String> stillReferenced) {
        try {
            afterCommitTx.executeWithoutResult(status -> {
                lock(sha256);
                if (!stillReferenced.test(sha256)) {
                    deleteQuietly(sha256);
                }
            });
        } catch (RuntimeException e) {
            // no row of this transaction survives; the worst case is an unreferenced file, never a row without bytes
            log.warn("could not delete blob {} after its transaction; it is now unreferenced garbage", sha256, e);
        }
    }

    private void lock(String sha256) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('mlops-blob:' || ?))").param(sha256).query((rs, n) -> 1).list();
    }

    private boolean deleteQuietly(String sha256) {
        try {
            return blobs.delete(sha256);
        } catch (IOException e) {
            log.warn("could not delete blob {}; it is now unreferenced garbage", sha256, e);
            return false;
        }
    }
}
