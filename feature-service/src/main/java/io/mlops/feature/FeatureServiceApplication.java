package io.mlops.feature;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Boot's observation of every Redis command (a span and a timer per command, {@code LettuceObservationAutoConfiguration})
 * is left out: per 100-key MGET it was about a third of Lettuce's event loop (JFR, bench/feature-online), and
 * {@code mlops_feature_online_request_seconds} already times each lookup (see also {@code OnlineServingConfiguration}).
 */
@SpringBootApplication(excludeName = "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration")
@ConfigurationPropertiesScan
public class FeatureServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeatureServiceApplication.class, args);
    }
}
