package io.mlops.inference.oip;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The Open Inference Protocol V2 REST messages, field names as the protocol spells them. */
final class OipMessages {

    private OipMessages() {
    }

    record ServerMetadata(String name, String version, List<String> extensions) {
    }

    record Live(boolean live) {
    }

    record Ready(boolean ready) {
    }

    record ModelReady(String name, boolean ready) {
    }

    record TensorMetadata(String name, String datatype, List<Long> shape) {
    }

    record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
                         List<TensorMetadata> outputs) {
    }

    record InferInput(String name, List<Long> shape, String datatype, Map<String, Object> parameters, TensorData data) {
    }

    record RequestedOutput(String name, Map<String, Object> parameters) {
    }

    record InferRequest(String id, Map<String, Object> parameters, List<InferInput> inputs, List<RequestedOutput> outputs) {
    }

    /** {@code data} or, with the binary data extension, {@code parameters.binary_data_size} and the data after the JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferOutput(String name, List<Long> shape, String datatype, Map<String, Object> parameters, float[] data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferResponse(String model_name, String model_version, String id, List<InferOutput> outputs) {
    }

    record Error(String error) {
    }
}
