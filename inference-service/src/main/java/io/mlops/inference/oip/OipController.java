package io.mlops.inference.oip;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.api.Answers;
import io.mlops.inference.api.PredictionService;
import io.mlops.inference.cache.ModelLease;
import io.mlops.inference.serving.ModelRepository;
import io.mlops.inference.serving.ServedModel;
import io.mlops.runtime.artifact.ModelKind;
import io.mlops.support.web.ApiProblem;
import io.mlops.support.web.RetryAfter;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open Inference Protocol V2 over REST (KServe, Triton clients). A model without a version is the one the
 * default alias points at. Errors are {@code {"error": "..."}} as the protocol says, with the same status
 * the platform API would give; these handlers are local to this controller, so /api keeps ProblemDetail.
 * The body limit is service-support's {@code RequestBodyLimitFilter} ({@code mlops.http.max-request-size}); its
 * {@code RequestBodyTooLarge} surfaces while the body is read, so it is answered here in the protocol's format.
 */
@RestController
@RequestMapping("/v2")
class OipController {

    private static final Logger log = LoggerFactory.getLogger(OipController.class);

    private final PredictionService predictions;
    private final Answers answers;
    private final ModelRepository models;
    private final ApplicationAvailability availability;
    private final JsonMapper json;

    OipController(PredictionService predictions, Answers answers, ModelRepository models, ApplicationAvailability availability,
                  JsonMapper json) {
        this.predictions = predictions;
        this.answers = answers;
        this.models = models;
        this.availability = availability;
        this.json = json;
    }

    @GetMapping
    OipMessages.ServerMetadata server() {
        return new OipMessages.ServerMetadata("mlops-inference", "0.1.0", List.of("binary_tensor_data"));
    }

    @GetMapping("/health/live")
    OipMessages.Live live() {
        return new OipMessages.Live(true);
    }

    @GetMapping("/health/ready")
    ResponseEntity<OipMessages.Ready> ready() {
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(new OipMessages.Ready(ready));
    }

    @GetMapping({"/models/{model}", "/models/{model}/versions/{version}"})
    OipMessages.ModelMetadata metadata(@PathVariable String model, @PathVariable(required = false) String version) {
        ModelVersionRef ref = resolve(model, version);
        try (ModelLease<ServedModel> lease = models.acquire(ref)) {
            ServedModel served = lease.model();
            var input = new OipMessages.TensorMetadata("input", "FP32", List.of(-1L, (long) served.inputWidth()));
            var output = new OipMessages.TensorMetadata(served.output().name(), "FP32", List.of(-1L, (long) served.outputWidth()));
            String platform = served.kind() == ModelKind.TORCHSCRIPT ? "pytorch_torchscript" : "djl_pytorch";
            return new OipMessages.ModelMetadata(model, List.of(Integer.toString(ref.version())), platform,
                    List.of(input), List.of(output));
        }
    }

    @GetMapping({"/models/{model}/ready", "/models/{model}/versions/{version}/ready"})
    OipMessages.ModelReady modelReady(@PathVariable String model, @PathVariable(required = false) String version) {
        try (ModelLease<ServedModel> lease = models.acquire(resolve(model, version))) {
            return new OipMessages.ModelReady(model, true);
        }
    }

    /** A JSON request that says so: read by Spring MVC's converter straight from the stream (the benchmarked path). */
    @PostMapping(path = {"/models/{model}/infer", "/models/{model}/versions/{version}/infer"},
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    ResponseEntity<?> infer(@PathVariable String model, @PathVariable(required = false) String version,
                            @RequestBody OipMessages.InferRequest request) {
        return answer(model, version, request, request.inputs());
    }

    /**
     * A JSON request with no Content-Type or another one: tritonclient.http and {@code requests.post(url, data=text)}
     * send none, curl {@code -d} says form, and Triton and KServe read the body as JSON whatever it says. Read from the
     * stream too, never copied. Only application/octet-stream is refused: it is the binary extension's type, and
     * without its header the body cannot be split.
     */
    @PostMapping({"/models/{model}/infer", "/models/{model}/versions/{version}/infer"})
    ResponseEntity<?> inferUntyped(@PathVariable String model, @PathVariable(required = false) String version,
                                   @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                   InputStream body) {
        if (contentType != null && contentType.regionMatches(true, 0, MediaType.APPLICATION_OCTET_STREAM_VALUE, 0,
                MediaType.APPLICATION_OCTET_STREAM_VALUE.length())) {
            throw new BinaryHeaderMissing();
        }
        OipMessages.InferRequest request;
        try {
            request = json.readValue(body, OipMessages.InferRequest.class);
        } catch (JacksonException e) {
            return unreadable(e);
        }
        if (request == null) {
            return error(HttpStatus.BAD_REQUEST, new HttpHeaders(), "request body is not readable: it is not a JSON object");
        }
        return answer(model, version, request, request.inputs());
    }

    /** The binary tensor data extension ({@link BinaryTensors}): the JSON request, then the inputs' raw data. */
    @PostMapping(path = {"/models/{model}/infer", "/models/{model}/versions/{version}/infer"}, headers = BinaryTensors.HEADER)
    ResponseEntity<?> inferBinary(@PathVariable String model, @PathVariable(required = false) String version,
                                  @RequestHeader(BinaryTensors.HEADER) String headerLength, @RequestBody byte[] body) {
        int length = BinaryTensors.headerLength(headerLength, body.length);
        OipMessages.InferRequest request;
        try {
            request = json.readValue(body, 0, length, OipMessages.InferRequest.class);
        } catch (JacksonException e) {
            throw new InvalidBinaryBody("the inference header is not a readable request: " + e.getOriginalMessage());
        }
        if (request == null) {
            throw new InvalidBinaryBody("the inference header is not a JSON object");
        }
        return answer(model, version, request, BinaryTensors.attach(request.inputs(), body, length));
    }

    private ResponseEntity<?> answer(String model, String version, OipMessages.InferRequest request,
                                     List<OipMessages.InferInput> inputs) {
        long start = System.nanoTime();
        ModelVersionRef ref = resolve(model, version);
        boolean features = answers.announcing();
        var out = predictions.predict(ref, served -> Tensors.inputs(inputs, served, predictions, features));
        String outputName = out.model().output().name();
        if (request.outputs() != null) {
            for (OipMessages.RequestedOutput wanted : request.outputs()) {
                if (wanted == null || !outputName.equals(wanted.name())) {
                    throw new InvalidTensor(wanted == null ? "outputs" : String.valueOf(wanted.name()),
                            "the model has only the output '" + outputName + "'");
                }
            }
        }
        // announced as the platform API announces: the alias a version-less request went to, none for a named version
        answers.announce(out, version == null ? predictions.defaultAlias() : null, start);
        List<Long> shape = List.of((long) out.rows(), (long) out.model().outputWidth());
        String modelVersion = Integer.toString(ref.version());
        if (!BinaryTensors.binaryOutput(request)) {
            var tensor = new OipMessages.InferOutput(outputName, shape, "FP32", null, out.values());
            return ResponseEntity.ok(new OipMessages.InferResponse(model, modelVersion, request.id(), List.of(tensor)));
        }
        byte[] data = BinaryTensors.bytes(out.values());
        var tensor = new OipMessages.InferOutput(outputName, shape, "FP32", Map.of(BinaryTensors.SIZE, data.length), null);
        byte[] header = json.writeValueAsBytes(new OipMessages.InferResponse(model, modelVersion, request.id(), List.of(tensor)));
        byte[] body = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, body, header.length, data.length);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(BinaryTensors.HEADER, Integer.toString(header.length)).body(body);
    }

    private ModelVersionRef resolve(String model, String version) {
        if (version == null) {
            return predictions.resolve(model, null, null);
        }
        try {
            return predictions.resolve(model, Integer.parseInt(version), null);
        } catch (NumberFormatException e) {
            throw new InvalidTensor("version", "'" + version + "' is not a version number");
        }
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<OipMessages.Error> problem(ApiProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        problem.retryAfter().ifPresent(d -> headers.set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(d)));
        return error(problem.status(), headers, problem.getMessage());
    }

    /** Spring MVC's or Jackson's word that the body is not a readable request; the body limit is one of its causes. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OipMessages.Error> unreadable(RuntimeException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem(problem); // e.g. service-support's body limit, hit while the body was read
            }
        }
        String message = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        return error(HttpStatus.BAD_REQUEST, new HttpHeaders(), "request body is not readable: "
                + (message == null ? "" : message.replaceAll("\\s*\\n.*", "")));
    }

    /**
     * Spring MVC's own errors (406 for an Accept the answer cannot meet, ...) get the protocol's format too, not the
     * shared advice's ProblemDetail; anything else is a 500 that leaks no internals.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<OipMessages.Error> unexpected(Exception e) {
        if (e instanceof ErrorResponse spring) {
            String detail = spring.getBody().getDetail();
            return error(spring.getStatusCode(), spring.getHeaders(), detail == null ? e.getMessage() : detail);
        }
        log.error("Unexpected error on an OIP endpoint", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(), "an unexpected error occurred; it has been logged");
    }

    /** JSON whatever the request's Accept says: an error the client cannot read as it asked beats a second error. */
    private static ResponseEntity<OipMessages.Error> error(HttpStatusCode status, HttpHeaders headers, String message) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(new OipMessages.Error(message));
    }
}
