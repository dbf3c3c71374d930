package io.mlops.inference.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The model-service's registry as inference needs it: a version's record (the SHA-256 and size it declares
 * for the artifact), artifact downloads, and alias resolution. The artifact is verified against the record's
 * SHA-256, not against the download's own {@code X-Artifact-Sha256} header: a header that travels with the bytes
 * vouches for nothing the bytes do not.
 */
public final class RegistryClient {

    private final RestClient http;

    public RegistryClient(URI baseUrl) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }

    /** What the registry's version record declares about the artifact. */
    public record DeclaredArtifact(String sha256, long bytes) {
    }

    /** A downloaded artifact (not yet checked). */
    public record DownloadedArtifact(Path file, long bytes) {
    }

    /**
     * The artifact's SHA-256 and size from {@code GET /api/v1/models/{name}/versions/{v}} ({@code artifactSha256},
     * {@code artifactBytes}).
     *
     * @throws ModelVersionNotFound when the registry answers 404
     */
    public DeclaredArtifact declaredArtifact(String model, int version) {
        Map<?, ?> body = http.get().uri("/api/v1/models/{name}/versions/{v}", model, version)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        throw new ModelVersionNotFound(model, version);
                    }
                    if (response.getStatusCode().isError()) {
                        throw new IllegalStateException("registry answered " + response.getStatusCode()
                                + " for version " + model + "@" + version);
                    }
                    return response.bodyTo(Map.class);
                });
        Object sha = body == null ? null : body.get("artifactSha256");
        Object bytes = body == null ? null : body.get("artifactBytes");
        if (!(sha instanceof String text) || text.isBlank()) {
            throw new IllegalStateException("registry's record of " + model + "@" + version + " declares no artifactSha256");
        }
        return new DeclaredArtifact(text, bytes instanceof Number n ? n.longValue() : -1);
    }

    /**
     * Streams a version's artifact to {@code target}, stopping past {@code maxBytes}.
     *
     * @throws ModelVersionNotFound when the registry answers 404
     * @throws ArtifactTooLarge when the body (declared or streamed) exceeds {@code maxBytes}; the partial file is deleted
     */
    public DownloadedArtifact downloadArtifact(String model, int version, Path target, long maxBytes) {
        return http.get().uri("/api/v1/models/{name}/versions/{v}/artifact", model, version)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        throw new ModelVersionNotFound(model, version);
                    }
                    if (response.getStatusCode().isError()) {
                        throw new IllegalStateException("registry answered " + response.getStatusCode()
                                + " for the artifact of " + model + "@" + version);
                    }
                    long declared = response.getHeaders().getContentLength();
                    // The stream is closed unread: the connection is dropped rather than drained of a body we refuse.
                    if (declared > maxBytes) {
                        throw new ArtifactTooLarge(model, version, declared, maxBytes, true);
                    }
                    try (InputStream body = response.getBody();
                         OutputStream out = Files.newOutputStream(target)) {
                        // Counted while copying: a chunked body declares no length, and a declared one may be wrong.
                        byte[] buffer = new byte[64 * 1024];
                        long bytes = 0;
                        for (int n; (n = body.read(buffer)) >= 0; ) {
                            bytes += n;
                            if (bytes > maxBytes) {
                                throw new ArtifactTooLarge(model, version, bytes, maxBytes, false);
                            }
                            out.write(buffer, 0, n);
                        }
                        return new DownloadedArtifact(target, bytes);
                    } catch (IOException | RuntimeException e) {
                        deleteQuietly(target);
                        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the loader deletes its work files again in its finally
        }
    }
}
