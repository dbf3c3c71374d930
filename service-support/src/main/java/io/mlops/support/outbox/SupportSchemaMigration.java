package io.mlops.support.outbox;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the tables this module owns (outbox, processed events) into the service's schema with a
 * Flyway history of their own, so shared and service migrations are versioned independently and a
 * service never has to copy or renumber them.
 */
public final class SupportSchemaMigration {

    public static final String HISTORY_TABLE = "mlops_support_schema_history";
    public static final String LOCATION = "classpath:db/mlops-support";

    private final Flyway flyway;

    public SupportSchemaMigration(DataSource dataSource, String schema) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                // the service's own migrations may already have made the schema non-empty
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    public MigrateResult migrate() {
        return flyway.migrate();
    }

    public Flyway flyway() {
        return flyway;
    }
}
