package io.mlops.support.blob;

import java.io.IOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A filesystem blob store for services that set {@code mlops.blobs.enabled=true} (data and model services). */
@AutoConfiguration
@ConditionalOnProperty(name = "mlops.blobs.enabled", havingValue = "true")
@EnableConfigurationProperties(BlobStoreProperties.class)
public class BlobStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore blobStore(BlobStoreProperties props) throws IOException {
        return new FileSystemBlobStore(props.root());
    }
}
