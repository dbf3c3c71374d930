package io.mlops.support.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.testsupport.RealInfrastructure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Blobs committed inside a transaction are deleted again when it rolls back, and kept when it commits. */
@SpringBootTest(properties = {"mlops.blobs.enabled=true", "mlops.blobs.root=target/test-blobs"})
@ActiveProfiles("support-test")
@RealInfrastructure(redis = false)
class TransactionalBlobsIntegrationTest {

    // these tests keep no rows: whether a blob survives a rollback depends only on whether it existed before
    private static final Predicate<String> NO_ROWS = sha -> false;

    @Autowired
    TransactionalBlobs transactionalBlobs;

    @Autowired
    BlobStore blobs;

    @Autowired
    TransactionTemplate tx;

    private StagedBlob stage(String content) throws Exception {
        return blobs.stage(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1024);
    }

    @Test
    void aRolledBackTransactionLeavesNoBlob() throws Exception {
        try (StagedBlob staged = stage("rolled back " + UUID.randomUUID())) {
            tx.executeWithoutResult(status -> {
                transactionalBlobs.commit(NO_ROWS, staged);
                assertThat(blobs.exists(staged.sha256())).as("committed before the database commit").isTrue();
                status.setRollbackOnly();
            });
            assertThat(blobs.exists(staged.sha256())).isFalse();
        }
    }

    @Test
    void aRollbackKeepsABlobThatExistedBefore() throws Exception {
        String content = "shared " + UUID.randomUUID();
        try (StagedBlob first = stage(content)) {
            tx.executeWithoutResult(status -> transactionalBlobs.commit(NO_ROWS, first));
        }
        try (StagedBlob again = stage(content)) {
            tx.executeWithoutResult(status -> {
                transactionalBlobs.commit(NO_ROWS, again);
                status.setRollbackOnly();
            });
            assertThat(blobs.exists(again.sha256())).as("another row may reference the older copy").isTrue();
        }
    }
}
