package io.mlops.feature;

import io.mlops.support.contract.ServiceStartupContract;
import io.mlops.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** The full feature-service against real PostgreSQL, Redis and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(redis = true)
class FeatureServiceIntegrationTest extends ServiceStartupContract {

    @Override
    protected String[] readinessComponents() {
        return new String[] {"readinessState", "db"};
    }
}
