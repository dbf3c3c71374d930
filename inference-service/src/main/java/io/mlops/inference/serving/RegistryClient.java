package io.mlops.inference.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The model-service's registry as inference needs it: artifact downloads (bytes plus their SHA-256 in
 * {@code X-Artifact-Sha256}) and alias resolution.
 */
public final class RegistryClient {

    public static final String SHA256_HEADER = "X-Artifact-Sha256";

    private final RestClient http;

    public RegistryClient(URI baseUrl) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }

    /** A downloaded artifact and the SHA-256 the registry announced for it (not yet checked). */
    public record DownloadedArtifact(Path file, String announcedSha256, long bytes) {
    }

    /**
     * Streams a version's artifact to {@code target}.
     *
     * @throws ModelVersionNotFound when the registry answers 404
     */
    public DownloadedArtifact downloadArtifact(String model, int version, Path target) {
        return http.get().uri("/api/v1/models/{name}/versions/{v}/artifact", model, version)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        throw new ModelVersionNotFound(model, version);
                    }
                    if (response.getStatusCode().isError()) {
                        throw new IllegalStateException("registry answered " + response.getStatusCode()
                                + " for the artifact of " + model + "@" + version);
                    }
                    String sha = response.getHeaders().getFirst(SHA256_HEADER);
                    if (sha == null || sha.isBlank()) {
                        throw new IllegalStateException("registry sent no " + SHA256_HEADER + " for " + model + "@" + version);
                    }
                    try (InputStream body = response.getBody()) {
                        long bytes = Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
                        return new DownloadedArtifact(target, sha, bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * The version an alias points at now.
     *
     * @throws AliasNotFound when the registry answers 404
     */
    public int resolveAlias(String model, String alias) {
        Map<?, ?> body = http.get().uri("/api/v1/models/{name}/aliases/{alias}", model, alias)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        throw new AliasNotFound(model, alias);
                    }
                    if (response.getStatusCode().isError()) {
                        throw new IllegalStateException("registry answered " + response.getStatusCode()
                                + " for alias " + model + "@" + alias);
                    }
                    return response.bodyTo(Map.class);
                });
        Object version = body == null ? null : body.get("version");
        if (!(version instanceof Number number)) {
            throw new IllegalStateException("registry's answer for alias " + model + "@" + alias + " has no version");
        }
        return number.intValue();
    }
}
