package io.mlops.support.health;

import io.mlops.support.messaging.MessagingAutoConfiguration;
import io.mlops.support.messaging.MessagingProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Adds the Kafka indicator, shown in {@code /actuator/health} as {@code kafka} (not in readiness). */
@AutoConfiguration(after = MessagingAutoConfiguration.class, afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class HealthAutoConfiguration {

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, MessagingProperties props) {
        return new KafkaHealthIndicator(admin, props.healthTimeout());
    }
}
