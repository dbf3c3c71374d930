package io.mlops.feature;

import io.mlops.support.contract.ServiceStartupContract;
import io.mlops.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** The full feature-service against real PostgreSQL, Redis and Kafka. */
// No resume sweeps: this context shares the database with the store tests' context but not its data-service, so a
// sweep here would take over their jobs (as a replica should) and fail them against a data-service that is not there.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mlops.feature.materialization.resume-on-startup=false")
@RealInfrastructure(redis = true)
class FeatureServiceIntegrationTest extends ServiceStartupContract {

    @Override
    protected String[] readinessComponents() {
        return new String[] {"readinessState", "db"};
    }
}
