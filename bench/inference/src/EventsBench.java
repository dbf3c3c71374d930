import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.PredictionMade;
import io.mlops.inference.events.EventsProperties;
import io.mlops.inference.events.PredictionEventSender;
import io.mlops.inference.events.PredictionEvents;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The PredictionMade pipeline alone, without HTTP: one thread offers digits-sized events (64 features,
 * 10 probabilities) at a fixed rate into {@link PredictionEvents}; {@link PredictionEventSender} sends them
 * to the embedded KRaft broker in this JVM. Per setting (alternating, repeated) it reports CPU µs per event
 * of the sender thread, the producer's I/O thread, the broker's threads, GC and JIT. The offering thread's
 * own cost (sampling, record, offer) is reported too. CPU per event, not wall time, so a shared box
 * bends it little. Usage: java ... EventsBench [events/s=5000] [seconds=8] [repeats=3] [setting ...]
 * where a setting is "compression,lingerMs,drainMs[,batchKB=512[,predictionsPerRecord=500[,format=avro[,values=digits]]]]", e.g.
 * "lz4,250,50,512,500,json,fractional" (predictions per PredictionMadeBatch record: 1 is a record per prediction, as before batch
 * records; format avro or json, the record's encoding; values digits, the
 * fixture's whole pixel values, or fractional, each plus 0.1234567).
 */
public final class EventsBench {


    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> settings = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("lz4,20,10", "none,20,10");
        String kafka = io.mlops.testsupport.TestInfrastructure.kafkaBootstrapServers();
        System.out.printf(Locale.ROOT, "events/s %d, %d s per run, load %s%n", rate, seconds,
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| setting | events/s sent | dropped | offering thread µs/ev | sender µs/ev | producer I/O µs/ev | broker µs/ev | GC µs/ev | JIT µs/ev | total without JIT µs/ev |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int round = -1; round < repeats; round++) { // round -1: warm-up, not printed
            for (String setting : settings) {
                String line = run(kafka, setting, rate, round < 0 ? 3 : seconds);
                if (round >= 0) {
                    System.out.println(line);
                }
            }
        }
        System.out.println("load at end " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    private static String run(String kafka, String setting, int rate, int seconds) throws Exception {
        String[] p = setting.split(",");
        var properties = new EventsProperties(true, 1.0, 10_000, 500, Duration.ofSeconds(5), p[0],
                Duration.ofMillis(Long.parseLong(p[1])),
                org.springframework.util.unit.DataSize.ofKilobytes(p.length > 3 ? Long.parseLong(p[3]) : 512),
                Duration.ofMillis(Long.parseLong(p[2])), p.length > 4 ? Integer.parseInt(p[4]) : 500,
                org.springframework.util.unit.DataSize.ofKilobytes(256),
                EventsProperties.Format.valueOf((p.length > 5 ? p[5] : "avro").toUpperCase(Locale.ROOT)));
        var registry = new SimpleMeterRegistry();
        var events = new PredictionEvents(properties, registry);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, properties.compression());
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) properties.linger().toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) properties.producerBatchSize().toBytes());
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory(config,
                new StringSerializer(), new ByteArraySerializer());
        var sender = new PredictionEventSender(events, producers, properties, "inference-service", registry);
        sender.afterPropertiesSet();
        try {
            PredictionMade template = event(p.length > 6 && p[6].equals("fractional"));
            // a short settle so the producer has its metadata before measuring
            events.offer(template);
            long settle = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < settle && registry.get("mlops.inference.events.sent").counter().count() < 1) {
                LockSupport.parkNanos(10_000_000L);
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<String, Double> before = groups();
            long offerBefore = mx.getCurrentThreadCpuTime();
            double sentBefore = registry.get("mlops.inference.events.sent").counter().count();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long offered = 0;
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                for (; offered < due; offered++) {
                    // a fresh record per row, as Answers builds it (the maps are the request's own, not copied)
                    events.offer(new PredictionMade(new PredictionId(io.mlops.inference.events.TimeOrderedIds.next()),
                            template.model(), null, Instant.now(), template.features(), null, template.label(),
                            template.probabilities(), 0.2, false));
                }
                LockSupport.parkNanos(1_000_000L);
            }
            long offerCpu = mx.getCurrentThreadCpuTime() - offerBefore;
            // let the sender and producer finish this window's events
            long drainEnd = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < drainEnd && registry.get("mlops.inference.events.sent").counter().count() - sentBefore
                    + events.droppedCount() < offered) {
                LockSupport.parkNanos(10_000_000L);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            Map<String, Double> after = groups();
            double sent = registry.get("mlops.inference.events.sent").counter().count() - sentBefore;
            double n = Math.max(1, offered);
            java.util.function.Function<String, Double> us = g -> (after.getOrDefault(g, 0.0) - before.getOrDefault(g, 0.0)) * 1e6 / n;
            double total = offerCpu / 1e3 / n + us.apply("events sender") + us.apply("producer I/O") + us.apply("broker") + us.apply("GC");
            return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", setting,
                    sent / wall, events.droppedCount(), offerCpu / 1e3 / n, us.apply("events sender"), us.apply("producer I/O"),
                    us.apply("broker"), us.apply("GC"), us.apply("JIT"), total);
        } finally {
            sender.destroy();
        }
    }

    /** The digits row (whole pixel values 0..16), or with {@code fractional} each pixel plus 0.1234567 (tabular data's usual form). */
    private static PredictionMade event(boolean fractional) throws IOException {
        // The features as the predict endpoint holds them: a FeatureRow parsed from the request body by the service's
        // own reader (floats, as the bench's HTTP body sends them), not a map of boxed doubles.
        List<double[]> digits = io.mlops.inference.testing.Models.csv("digits_first200_inputs.csv", 0, 64);
        StringBuilder body = new StringBuilder("{\"instances\":[{");
        for (int c = 0; c < 64; c++) {
            body.append(c == 0 ? "" : ",").append("\"p").append(c).append("\":").append(digits.get(0)[c] + (fractional ? 0.1234567 : 0));
        }
        var requests = tools.jackson.databind.json.JsonMapper.builder().addModule(new tools.jackson.databind.module.SimpleModule()
                .addDeserializer(io.mlops.domain.prediction.PredictionRequest.class,
                        new io.mlops.inference.serving.FeatureRowsDeserializer())).build();
        Map<String, Object> features = requests.readValue(body.append("}]}").toString(),
                io.mlops.domain.prediction.PredictionRequest.class).instances().get(0);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int k = 0; k < 10; k++) {
            probabilities.put(Integer.toString(k), k == 3 ? 0.91 : 0.01);
        }
        return new PredictionMade(PredictionId.random(), new ModelVersionRef("digits", 1), null, Instant.now(), features,
                null, "3", probabilities, 0.2, false);
    }

    /** CPU seconds so far per thread group: by Java thread name (ThreadMXBean) and, for GC/JIT, Linux thread names. */
    private static Map<String, Double> groups() throws IOException {
        Map<String, Double> cpu = new HashMap<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            long nanos = mx.getThreadCpuTime(id);
            if (info == null || nanos < 0) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("prediction-events") ? "events sender"
                    : name.startsWith("kafka-producer-network-thread") ? "producer I/O"
                    : InferenceBench.BROKER_THREAD.matcher(name).find() ? "broker" : "other";
            cpu.merge(group, nanos / 1e9, Double::sum);
        }
        // GC and JIT threads are not Java threads: InferenceBench reads them by their Linux names
        InferenceBench.vmThreadTicks().forEach((group, ticks) ->
                cpu.merge(group, ticks / (double) InferenceBench.TICKS_PER_SECOND, Double::sum));
        return cpu;
    }

}
