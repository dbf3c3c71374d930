package io.mlops.support.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.support.outbox.SupportSchemaMigration;
import java.util.Arrays;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.context.ApplicationContext;

/** Kept apart from the contract so services without Flyway never load these types. */
final class MigrationAssertions {

    private MigrationAssertions() {
    }

    static void assertAllAtLatest(ApplicationContext context) {
        Flyway serviceFlyway = context.getBeanProvider(Flyway.class).getIfAvailable();
        assertThat(serviceFlyway).as("the service's own Flyway").isNotNull();
        assertAtLatest(serviceFlyway.info());
        SupportSchemaMigration support = context.getBeanProvider(SupportSchemaMigration.class).getIfAvailable();
        assertThat(support).as("the shared outbox migrations").isNotNull();
        assertAtLatest(support.flyway().info());
        assertThat(support.flyway().info().current()).as("outbox tables migrated").isNotNull();
    }

    private static void assertAtLatest(MigrationInfoService info) {
        assertThat(info.pending()).isEmpty();
        Arrays.stream(info.all()).map(MigrationInfo::getVersion).filter(Objects::nonNull).max(Comparable::compareTo)
                .ifPresent(latest -> assertThat(info.current().getVersion()).isEqualTo(latest));
    }
}
