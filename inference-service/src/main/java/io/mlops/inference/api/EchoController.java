package io.mlops.inference.api;

import io.mlops.domain.prediction.PredictionRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/echo}: parses a predict body exactly as the predict endpoint does and answers its row
 * count, nothing else. The benchmark's HTTP floor (same server, filters and JSON stack, no model).
 * Only with {@code mlops.inference.bench-endpoints=true}.
 */
@RestController
@ConditionalOnProperty(name = "mlops.inference.bench-endpoints", havingValue = "true")
class EchoController {

    @PostMapping("/api/v1/echo")
    Map<String, Integer> echo(@RequestBody PredictionRequest request) {
        return Map.of("rows", request.instances() == null ? 0 : request.instances().size());
    }
}
