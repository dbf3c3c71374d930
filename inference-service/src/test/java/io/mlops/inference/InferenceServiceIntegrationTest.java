package io.mlops.inference;

import io.mlops.support.contract.ServiceStartupContract;
import io.mlops.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** The full inference-service against real Kafka (it has no database of its own). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(postgres = false)
class InferenceServiceIntegrationTest extends ServiceStartupContract {

    @Override
    protected String[] readinessComponents() {
        return new String[] {"readinessState"};
    }
}
