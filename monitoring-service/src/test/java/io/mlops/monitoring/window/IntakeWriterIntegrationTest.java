package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.testsupport.RealInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group commit of the intake against the real Postgres: batches written at the same time by several threads are
 * stored once each, in exact windows, and a faulty batch merged with a good one fails alone.
 */
@SpringBootTest(properties = {"mlops.monitoring.window.size=7", "spring.kafka.listener.auto-startup=false"})
@RealInfrastructure
class IntakeWriterIntegrationTest {

    @Autowired IntakeWriter writer;
    @Autowired PredictionLog log;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired MeterRegistry meters;

    @Test
    void concurrentBatchesOfOneModelVersionAreStoredOnceInExactWindows() throws Exception {
        ModelVersionRef model = new ModelVersionRef("group-" + UUID.randomUUID().toString().substring(0, 8), 1);
        int threads = 4;
        int batches = 12;
        int rowsPerBatch = 23;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int b = 0; b < batches; b++) {
                        writer.write(batch(rows(model, rowsPerBatch)));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread w : writers) {
            w.join(Duration.ofSeconds(60));
        }
        assertThat(failures).isEmpty();

        int total = threads * batches * rowsPerBatch;
        assertThat(jdbc.sql("SELECT count(*) FROM prediction_log WHERE model = ?").param(model.model()).query(Long.class).single())
                .isEqualTo(total);
        // every window but the open one holds exactly 7 rows, and the windows' row counts add up to the log's
        List<Map<String, Object>> windows = jdbc.sql("""
                SELECT w.seq, w.status, w.rows, (SELECT count(*) FROM prediction_log l WHERE l.window_id = w.id) AS stored
                FROM monitoring_window w WHERE w.model = ? ORDER BY w.seq""").param(model.model()).query().listOfRows();
        assertThat(windows).hasSize(total / 7 + 1);
        for (Map<String, Object> w : windows) {
            assertThat(((Number) w.get("stored")).longValue()).isEqualTo(((Number) w.get("rows")).longValue());
            if (!"OPEN".equals(w.get("status"))) {
                assertThat(((Number) w.get("rows")).longValue()).as("window %s", w.get("seq")).isEqualTo(7);
            }
        }
        assertThat(windows.getLast().get("status")).isEqualTo("OPEN");
        assertThat(((Number) windows.getLast().get("rows")).longValue()).isEqualTo(total % 7);
    }

    @Test
    void aFaultyBatchMergedWithAGoodOneFailsAloneAndTheGoodOneIsStored() throws Exception {
        ModelVersionRef model = new ModelVersionRef("fault-" + UUID.randomUUID().toString().substring(0, 8), 1);
        List<PredictionRow> first = rows(model, 2);
        writer.write(batch(first));
        DistributionSummary groups = meters.get("mlops.monitoring.intake.group").summary();
        long groupsBefore = groups.count();
        double batchesBefore = groups.totalAmount();

        List<PredictionRow> good = rows(model, 3);
        // the faulty batch repeats a stored prediction: its COPY violates the log's key
        List<PredictionRow> faulty = new ArrayList<>(rows(model, 2));
        faulty.add(first.getFirst());
        Map<String, Throwable> outcome = new ConcurrentHashMap<>();
        AtomicReference<Thread> goodThread = new AtomicReference<>();
        AtomicReference<Thread> faultyThread = new AtomicReference<>();
        Thread blocked;
        try (Connection holder = dataSource.getConnection()) {
            // hold the open window's row lock, so that the next writer waits inside its transaction while two more queue
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT id FROM monitoring_window WHERE model = ? AND version = 1 AND status = 'OPEN' FOR UPDATE")) {
                lock.setString(1, model.model());
                assertThat(lock.executeQuery().next()).isTrue();
            }
            blocked = Thread.ofPlatform().start(() -> run("blocked", rows(model, 1), outcome));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitsOnLock(holder, model));
            goodThread.set(Thread.ofPlatform().start(() -> run("good", good, outcome)));
            faultyThread.set(Thread.ofPlatform().start(() -> run("faulty", faulty, outcome)));
            await().atMost(Duration.ofSeconds(10)).until(() -> goodThread.get().getState() == Thread.State.WAITING
                    && faultyThread.get().getState() == Thread.State.WAITING);
            holder.rollback();
        }
        for (Thread t : List.of(blocked, goodThread.get(), faultyThread.get())) {
            t.join(Duration.ofSeconds(30));
        }

        assertThat(outcome).containsOnlyKeys("blocked", "good", "faulty");
        assertThat(outcome.get("blocked")).isInstanceOf(Done.class);
        assertThat(outcome.get("good")).isInstanceOf(Done.class);
        assertThat(outcome.get("faulty")).isNotInstanceOf(Done.class);
        // the first write alone, then the good and the faulty batch as one group, which fell back to one by one
        assertThat(groups.count() - groupsBefore).isEqualTo(2);
        assertThat(groups.totalAmount() - batchesBefore).isEqualTo(3.0);
        assertThat(jdbc.sql("SELECT count(*) FROM prediction_log WHERE model = ?").param(model.model()).query(Long.class).single())
                .isEqualTo(2 + 1 + 3);
        assertThat(jdbc.sql("SELECT rows FROM monitoring_window WHERE model = ? AND status = 'OPEN'").param(model.model())
                .query(Long.class).single()).isEqualTo(6);
        for (PredictionRow r : good) {
            assertThat(jdbc.sql("SELECT count(*) FROM prediction_log WHERE prediction_id = ?").param(r.predictionId())
                    .query(Long.class).single()).isEqualTo(1);
        }
        for (PredictionRow r : faulty.subList(0, 2)) {
            assertThat(jdbc.sql("SELECT count(*) FROM prediction_log WHERE prediction_id = ?").param(r.predictionId())
                    .query(Long.class).single()).isZero();
        }
    }

    /** Marks a write that returned normally. */
    private static final class Done extends Throwable {
    }

    private void run(String name, List<PredictionRow> rows, Map<String, Throwable> outcome) {
        try {
            writer.write(batch(rows));
            outcome.put(name, new Done());
        } catch (Throwable e) {
            outcome.put(name, e);
        }
    }

    /** Whether another backend waits for a lock held by the holder's connection. */
    private boolean waitsOnLock(Connection holder, ModelVersionRef model) throws Exception {
        try (PreparedStatement pid = holder.prepareStatement("SELECT pg_backend_pid()")) {
            var rs = pid.executeQuery();
            rs.next();
            int holderPid = rs.getInt(1);
            return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))").param(holderPid)
                    .query(Long.class).single() > 0;
        }
    }

    private IntakeWriter.Batch batch(List<PredictionRow> rows) {
        rows.stream().map(r -> r.at().atZone(ZoneOffset.UTC).toLocalDate()).distinct().forEach(log::ensurePartition);
        return new IntakeWriter.Batch(rows, rows.stream().map(PredictionLog::copyRow).toList());
    }

    private static List<PredictionRow> rows(ModelVersionRef model, int n) {
        List<PredictionRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new PredictionRow(UUID.randomUUID(), model, Instant.now().truncatedTo(ChronoUnit.MICROS), "{\"x\":" + i + "}",
                    (double) i, null, null, 1.5));
        }
        return rows;
    }
}
