package io.mlops.model.registry.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Import settings ({@code mlops.model.import.*}).
 *
 * @param maxSize largest TorchScript file accepted; larger uploads are answered 413 and nothing is kept
 */
@ConfigurationProperties("mlops.model.import")
record ImportProperties(@DefaultValue("200MB") DataSize maxSize) {
}
