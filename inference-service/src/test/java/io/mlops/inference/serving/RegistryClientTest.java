package io.mlops.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.inference.testing.Models;
import io.mlops.inference.testing.TestRegistry;
import io.mlops.runtime.artifact.ModelArchive;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry client against a real HTTP server with the registry's contract: declared SHA and size, capped downloads. */
class RegistryClientTest {

    @TempDir
    Path folder;

    @Test
    void theRecordDeclaresTheArtifactsShaAndSizeAndTheDownloadIsCappedEitherWay() throws Exception {
        Path iris = Models.irisArchive(folder);
        long size = Files.size(iris);
        TestRegistry registry = TestRegistry.start();
        registry.publish("iris", 1, iris);
        registry.publishChunked("iris-chunked", 1, iris);
        RegistryClient client = new RegistryClient(URI.create(registry.url()));

        var declared = client.declaredArtifact("iris", 1);
        assertThat(declared.sha256()).isEqualTo(ModelArchive.sha256(iris));
        assertThat(declared.bytes()).isEqualTo(size);

        Path target = folder.resolve("download.zip");
        assertThat(client.downloadArtifact("iris", 1, target, size).bytes()).isEqualTo(size);
        assertThat(ModelArchive.sha256(target)).isEqualTo(declared.sha256());

        // Declared Content-Length over the cap: refused before reading.
        Path refused = folder.resolve("refused.zip");
        assertThatThrownBy(() -> client.downloadArtifact("iris", 1, refused, size - 1))
                .isInstanceOf(ArtifactTooLarge.class).hasMessageContaining("declared as " + size);
        assertThat(refused).doesNotExist();

        // Chunked, no length: stopped by counting, and the partial file is gone.
        Path partial = folder.resolve("partial.zip");
        assertThatThrownBy(() -> client.downloadArtifact("iris-chunked", 1, partial, 4096))
                .isInstanceOf(ArtifactTooLarge.class).hasMessageContaining("exceeded");
        assertThat(partial).doesNotExist();
    }

    @Test
    void anUnknownVersionIsNotFound() {
        RegistryClient client = new RegistryClient(URI.create(TestRegistry.start().url()));
        assertThatThrownBy(() -> client.declaredArtifact("nope", 1)).isInstanceOf(ModelVersionNotFound.class);
    }
}
