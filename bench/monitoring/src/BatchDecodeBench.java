import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.PredictionMadeBatch;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The intake's decode of PredictionMadeBatch records, JSON against Avro binary, in memory: CPU of this thread per
 * prediction to read a record into the rows the intake stores and make their COPY text ({@code PredictionRowDeserializer.read}
 * or {@code PredictionBatchAvro.read}, then {@code PredictionLog.copyRow} per row). Records of 500 predictions, the Avro
 * ones written by test-support's generic writer (one array block; the service writes predictions as blocks of one, a
 * byte more per prediction); two row shapes: digits (64 whole pixel values, 10 class probabilities; the inference
 * bench's model) and tabular (10 fractional numbers and 2 categories, 2 class probabilities; bench/monitoring's events).
 * The two readers alternate within each round. Usage: java ... BatchDecodeBench [rounds=6]
 */
public final class BatchDecodeBench {

    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Method json = method("io.mlops.monitoring.window.PredictionRowDeserializer", "read", byte[].class);
        Method avro = method("io.mlops.monitoring.window.PredictionBatchAvro", "read", byte[].class);
        Method copyRow = method("io.mlops.monitoring.window.PredictionLog", "copyRow", Class.forName("io.mlops.monitoring.window.PredictionRow"));
        System.out.println("load at start " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| round | rows | JSON bytes/prediction | Avro bytes/prediction | JSON read + copyRow CPU µs/prediction | Avro read + copyRow CPU µs/prediction | Avro/JSON |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (String shape : List.of("digits", "tabular")) {
            List<byte[]> jsonRecords = new ArrayList<>();
            List<byte[]> avroRecords = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(11);
            for (int r = 0; r < 40; r++) {
                EventEnvelope<PredictionMadeBatch> envelope = EventEnvelope.wrap("inference-service", batch(shape, random), Clock.systemUTC());
                jsonRecords.add(EventJson.writeBytes(envelope));
                avroRecords.add(PredictionMadeBatchRecords.writeAvro(envelope));
            }
            int predictions = 40 * 500;
            for (int round = 0; round <= rounds; round++) { // round 0 warms up, not printed
                double j = cpu(jsonRecords, json, copyRow) / predictions;
                double a = cpu(avroRecords, avro, copyRow) / predictions;
                if (round > 0) {
                    System.out.printf(Locale.ROOT, "| %d | %s | %d | %d | %.2f | %.2f | %.2f |%n", round, shape,
                            bytes(jsonRecords) / predictions, bytes(avroRecords) / predictions, j, a, a / j);
                }
            }
        }
        System.out.println("load at end " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static PredictionMadeBatch batch(String shape, SplittableRandom random) {
        boolean digits = shape.equals("digits");
        List<String> names = new ArrayList<>();
        for (int f = 0; f < (digits ? 64 : 10); f++) {
            names.add((digits ? "p" : "x") + f);
        }
        if (!digits) {
            names.add("color");
            names.add("city");
        }
        List<String> classes = digits ? List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9") : List.of("yes", "no");
        List<PredictionMadeBatch.Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            List<Object> values = new ArrayList<>();
            for (int f = 0; f < (digits ? 64 : 10); f++) {
                values.add(digits ? (double) random.nextInt(17) : Math.round(random.nextGaussian() * 1000) / 100.0);
            }
            if (!digits) {
                values.add("c" + random.nextInt(6));
                values.add("city" + random.nextInt(20));
            }
            List<Double> probabilities = new ArrayList<>();
            double left = 1;
            for (int k = 0; k < classes.size(); k++) {
                double p = k == classes.size() - 1 ? left : left * random.nextDouble() * 0.5;
                probabilities.add(p);
                left -= p;
            }
            predictions.add(new PredictionMadeBatch.Prediction(PredictionId.random(), Instant.now(), values, null, classes.get(0),
                    probabilities, 0.1 + random.nextDouble()));
        }
        return new PredictionMadeBatch(new ModelVersionRef("bench-" + shape, 1), "production", false, names, classes, predictions);
    }

    /** CPU µs of this thread for 5 passes over the records, per pass. */
    private static double cpu(List<byte[]> records, Method read, Method copyRow) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int pass = 0; pass < 5; pass++) {
            for (byte[] record : records) {
                for (Object row : (List<?>) read.invoke(null, (Object) record)) {
                    sink = copyRow.invoke(null, row);
                }
            }
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / 5;
    }

    private static long bytes(List<byte[]> records) {
        return records.stream().mapToLong(r -> r.length).sum();
    }

    private static Method method(String type, String name, Class<?> arg) throws ReflectiveOperationException {
        Method m = Class.forName(type).getDeclaredMethod(name, arg);
        m.setAccessible(true);
        return m;
    }
}
