package io.mlops.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.data.schema.CategoricalRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    @TempDir
    Path configured;

    private static Path tempDirectory(Engine engine) throws Exception {
        try (Statement s = engine.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('temp_directory')")) {
            rs.next();
            return Path.of(rs.getString(1));
        }
    }

    @Test
    void concurrentEnginesSpillIntoTheirOwnFolderOfTheConfiguredDirectory() throws Exception {
        // DuckDB names spill files by size class only: two engines sharing one folder would overwrite each other's
        IngestSettings settings = new IngestSettings("512MB", 1, configured, 100, 42, 100_000, 50, 20, CategoricalRule.DEFAULT);
        Path first;
        Path second;
        try (Engine a = Engine.open(settings); Engine b = Engine.open(settings)) {
            first = tempDirectory(a);
            second = tempDirectory(b);
            assertThat(first).isNotEqualTo(second);
            assertThat(first.getParent()).isEqualTo(configured);
            assertThat(second.getParent()).isEqualTo(configured);
        }
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(configured).isDirectory();
        try (var left = Files.list(configured)) {
            assertThat(left).isEmpty();
        }
    }
}
