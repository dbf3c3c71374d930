package io.mlops.data.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.data.version.VersionDeletion;
import io.mlops.support.blob.BlobStore;
import io.mlops.testsupport.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "Never a row without bytes" holds for deletes too: a deletion whose transaction rolls back must leave both
 * the version row and its blobs, so blob files are only removed once the database has committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class VersionDeletionRollbackIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VersionDeletion deletion;

    @Autowired
    BlobStore blobs;

    @Autowired
    TransactionTemplate tx;

    DataApi api;

    @BeforeEach
    void setUp() {
        api = new DataApi(port, jdbc);
    }

    @Test
    void aRolledBackDeleteKeepsTheRowAndItsBlobs() {
        String name = api.createDataset("rollback");
        // unique bytes, so no other version shares the blobs and the delete would really remove them
        byte[] csv = ("id,label\n1," + UUID.randomUUID() + "\n2,b\n").getBytes(StandardCharsets.UTF_8);
        JsonNode v1 = api.upload(name, "one.csv", csv).getBody();
        String data = v1.path("sha256").asString();
        String sample = v1.path("sampleSha256").asString();
        assertThat(blobs.exists(data)).isTrue();
        assertThat(blobs.exists(sample)).isTrue();

        // the deletion joins this outer transaction, which then rolls back after deleteUnlessReferenced ran
        tx.executeWithoutResult(status -> {
            deletion.delete(name, 1);
            status.setRollbackOnly();
        });

        assertThat(api.get("/api/v1/datasets/{n}/versions/1", name).getStatusCode().value()).isEqualTo(200);
        assertThat(blobs.exists(data)).as("data blob of the restored row").isTrue();
        assertThat(blobs.exists(sample)).as("sample blob of the restored row").isTrue();
        assertThat(api.download("/api/v1/datasets/{n}/versions/1/content", name).getBody()).isEqualTo(csv);

        // and a committed delete still removes both
        deletion.delete(name, 1);
        assertThat(blobs.exists(data)).isFalse();
        assertThat(blobs.exists(sample)).isFalse();
    }
}
