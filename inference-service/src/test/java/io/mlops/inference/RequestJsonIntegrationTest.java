package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.inference.serving.FeatureRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The service's own mapper (the one Spring MVC reads request bodies with) reads instances as unboxed FeatureRows. */
class RequestJsonIntegrationTest extends InferenceTestBase {

    @Autowired
    private JsonMapper mapper;

    @Test
    void theMvcMapperReadsInstancesWithTheStreamingDeserializer() {
        PredictionRequest request = mapper.readValue("{\"instances\":[{\"a\":1.5,\"b\":2}]}", PredictionRequest.class);
        assertThat(request.instances().getFirst()).isInstanceOf(FeatureRow.class).containsEntry("a", 1.5).containsEntry("b", 2);
    }
}
