package io.mlops.support.blob;

import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A filesystem blob store for services that set {@code mlops.blobs.enabled=true} (data and model services),
 * and, when the service has a database, {@link TransactionalBlobs} to tie blob commits to its transactions.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnProperty(name = "mlops.blobs.enabled", havingValue = "true")
@EnableConfigurationProperties(BlobStoreProperties.class)
public class BlobStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore blobStore(BlobStoreProperties props) throws IOException {
        return new FileSystemBlobStore(props.root());
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    TransactionalBlobs transactionalBlobs(BlobStore blobs, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new TransactionalBlobs(blobs, jdbc, transactions);
    }
}
