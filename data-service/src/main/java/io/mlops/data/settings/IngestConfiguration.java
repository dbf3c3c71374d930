package io.mlops.data.settings;

import io.mlops.data.ingest.DatasetIngestor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ingestion core (plain Java, no Spring) as a bean configured from {@code mlops.data.ingest.*}. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    DatasetIngestor datasetIngestor(DataProperties props) {
        return new DatasetIngestor(props.ingest().toSettings());
    }
}
