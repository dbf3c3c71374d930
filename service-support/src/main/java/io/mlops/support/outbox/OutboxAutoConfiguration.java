package io.mlops.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.support.messaging.IdempotentConsumer;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Outbox, relay and idempotent consumption for services that have a database (all but inference). */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass({JdbcClient.class, Flyway.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    SupportSchemaMigration supportSchemaMigration(DataSource dataSource, Environment env, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        // the service's own Flyway runs first, so it finds the schema as it left it
        serviceMigrations.ifAvailable(initializer -> { });
        SupportSchemaMigration migration = new SupportSchemaMigration(dataSource, env.getProperty("mlops.schema", "public"));
        migration.migrate();
        return migration;
    }

    @Bean
    OutboxRelay outboxRelay(SupportSchemaMigration migrated, JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<Object, Object> kafka,
                            OutboxProperties props, MeterRegistry meters) {
        return new OutboxRelay(jdbc, tx, kafka, props, meters);
    }

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, OutboxRelay relay, Environment env, ObjectProvider<Clock> clock) {
        return new OutboxWriter(jdbc, env.getRequiredProperty("spring.application.name"), clock.getIfAvailable(Clock::systemUTC), relay::wakeUp);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(SupportSchemaMigration migrated, JdbcClient jdbc, TransactionTemplate tx, MeterRegistry meters) {
        return new IdempotentConsumer(jdbc, tx, meters);
    }
}
