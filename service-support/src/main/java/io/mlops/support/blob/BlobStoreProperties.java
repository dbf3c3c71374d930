package io.mlops.support.blob;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its blobs ({@code mlops.blobs.*}).
 *
 * @param root folder of the filesystem store; each service uses its own
 */
@ConfigurationProperties("mlops.blobs")
public record BlobStoreProperties(@DefaultValue(".mlops/blobs/${spring.application.name}") Path root) {
}
