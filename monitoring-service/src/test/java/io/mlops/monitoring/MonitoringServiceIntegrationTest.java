package io.mlops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.support.contract.ServiceStartupContract;
import io.mlops.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The full monitoring-service against real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class MonitoringServiceIntegrationTest extends ServiceStartupContract {

    @Override
    protected String[] readinessComponents() {
        return new String[] {"readinessState", "db"};
    }

    /** Versions count from 1: a path with 0 or less is the caller's mistake (400 naming the field), not a 500. */
    @Test
    void aVersionBelowOneInAPathIs400NamingTheField() {
        var put = http().put().uri("/api/v1/models/m/versions/0/reference").contentType(MediaType.parseMediaType("text/csv"))
                .body("a\n1\n").retrieve().toEntity(String.class);
        var reference = http().get().uri("/api/v1/models/m/versions/0/reference").retrieve().toEntity(String.class);
        var drift = http().get().uri("/api/v1/models/m/versions/-1/drift").retrieve().toEntity(String.class);
        var quality = http().get().uri("/api/v1/models/m/versions/0/quality").retrieve().toEntity(String.class);

        for (ResponseEntity<String> answer : java.util.List.of(put, reference, drift, quality)) {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(answer.getBody().replace(" ", "")).contains("\"field\":\"version\"");
        }
    }
}
