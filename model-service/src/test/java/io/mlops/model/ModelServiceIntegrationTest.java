package io.mlops.model;

import io.mlops.support.contract.ServiceStartupContract;
import io.mlops.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** The full model-service against real PostgreSQL and Kafka. */
// contexts of other test classes stay alive: only the training tests' context runs jobs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"mlops.model.training.claim-jobs=false",
    "mlops.model.retraining.act-on-triggers=false"})
@RealInfrastructure
class ModelServiceIntegrationTest extends ServiceStartupContract {

    @Override
    protected String[] readinessComponents() {
        return new String[] {"readinessState", "db"};
    }
}
