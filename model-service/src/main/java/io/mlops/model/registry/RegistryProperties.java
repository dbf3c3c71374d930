package io.mlops.model.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Registry settings ({@code mlops.model.registry.*}).
 *
 * @param maxArtifactSize largest archive {@link ModelRegistry#register} accepts
 */
@ConfigurationProperties("mlops.model.registry")
public record RegistryProperties(@DefaultValue("1GB") DataSize maxArtifactSize) {
}
