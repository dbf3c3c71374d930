package io.mlops.feature.online;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lookup's own work in one thread, without HTTP or Redis, as thread CPU per 100-entity lookup:
 * the answer written from packed float64 values with Jackson's generator (the code before the
 * JSON-text layouts, kept here for the comparison), the answer spliced from stored JSON arrays of
 * the values with the names (the fj: layout) and the answer copied from stored objects (fo:, the service's),
 * and the request bound to a record by databind (what the message converter did) against the
 * streaming reader. Thread CPU time, alternating rounds: robust to a loaded host, unlike wall time.
 * Usage: AnswerBench [entities=100] [features=20] [rounds=7] [opsPerRound=2000]
 */
public final class AnswerBench {

    record OldRequest(List<Object> entities, Integer version) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int ops = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        JsonMapper json = JsonMapper.builder().build();
        Random random = new Random(42);
        List<String> names = new ArrayList<>();
        for (int f = 0; f < width; f++) {
            names.add("f" + f);
        }
        SerializedString[] serialized = names.stream().map(SerializedString::new).toArray(SerializedString[]::new);
        OnlineCatalog.Served served = OnlineCatalog.Served.of(names);
        List<byte[]> packed = new ArrayList<>();
        List<byte[]> text = new ArrayList<>();      // the fj: layout: the JSON array of the values
        List<byte[]> objects = new ArrayList<>();   // the service's fo: layout: the answer object
        List<Object> entities = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < n; i++) {
            double[] v = new double[width];
            for (int f = 0; f < width; f++) {
                v[f] = f + random.nextGaussian() * (f + 1);
            }
            ByteBuffer b = ByteBuffer.allocate(width * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(v);
            packed.add(b.array());
            text.add(arrayText(v));
            objects.add(OnlineStore.encode(served.fields(), v));
            int id = random.nextInt(10_000);
            entities.add(id);
            body.append(i == 0 ? "" : ",").append(id);
        }
        byte[] request = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "entities %d, features %d: answer %d bytes, stored %d (packed) / %d (array) / %d (object) bytes per entity%n",
                n, width, oldAnswer(json, "set", served, serialized, entities, packed).length,
                packed.getFirst().length, text.stream().mapToInt(t -> t.length).sum() / n, objects.stream().mapToInt(t -> t.length).sum() / n);
        if (!Arrays.equals(oldAnswer(json, "set", served, serialized, entities, packed), newAnswer(json, served, entities, objects))) {
            throw new IllegalStateException("the two answers differ");
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        if (!Arrays.equals(newAnswer(json, served, entities, text, false), newAnswer(json, served, entities, objects))) {
            throw new IllegalStateException("the splice and the copy differ");
        }
        String[] labels = {"answer: Jackson generator from packed float64", "answer: stored objects copied (fo:)", "request: databind to a record",
                "request: streaming reader", "answer: names spliced into stored arrays (fj:)"};
        double[][] perOp = new double[labels.length][rounds];
        long sink = 0;
        for (int r = -2; r < rounds; r++) {   // two unrecorded rounds warm the JIT
            for (int k = 0; k < labels.length; k++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    sink += switch (k) {
                        case 0 -> oldAnswer(json, "set", served, serialized, entities, packed).length;
                        case 1 -> newAnswer(json, served, entities, objects).length;
                        case 2 -> json.readValue(request, OldRequest.class).entities().size();
                        case 4 -> newAnswer(json, served, entities, text, false).length;
                        default -> OnlineRequests.read(json, new ByteArrayInputStream(request)).entities().size();
                    };
                }
                if (r >= 0) {
                    perOp[k][r] = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / ops;
                }
            }
        }
        for (int k = 0; k < labels.length; k++) {
            double[] v = perOp[k].clone();
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "%-48s median %.1f µs CPU per lookup (rounds %s)%n", labels[k], v[v.length / 2],
                    Arrays.stream(perOp[k]).mapToObj(x -> String.format(Locale.ROOT, "%.1f", x)).toList());
        }
        System.out.println("(sink " + sink + ")");
    }

    /** The answer as OnlineController wrote it before the JSON-text layout. */
    static byte[] oldAnswer(JsonMapper json, String name, OnlineCatalog.Served served, SerializedString[] names, List<Object> entities,
                            List<byte[]> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + entities.size() * (48 + names.length * 40));
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("featureSet");
            g.writeString(name);
            g.writeName("version");
            g.writeNumber(1);
            g.writeName("features");
            g.writeStartArray();
            for (SerializedString column : names) {
                g.writeString(column);
            }
            g.writeEndArray();
            g.writeName("results");
            g.writeStartArray();
            for (int i = 0; i < entities.size(); i++) {
                g.writeStartObject();
                g.writeName("entity");
                g.writePOJO(entities.get(i));
                byte[] packed = values.get(i);
                g.writeName("features");
                g.writeStartObject();
                ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
                for (int c = 0; c < names.length; c++) {
                    g.writeName(names[c]);
                    g.writeNumber(b.getDouble(c * 8));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The answer as OnlineController writes it now (same bytes, see the check in main). */
    static byte[] newAnswer(JsonMapper json, OnlineCatalog.Served served, List<Object> entities, List<byte[]> stored) {
        return newAnswer(json, served, entities, stored, true);
    }

    /** {@code current}: stored objects copied, as the service does it; otherwise stored arrays spliced with the names (fj:). */
    static byte[] newAnswer(JsonMapper json, OnlineCatalog.Served served, List<Object> entities, List<byte[]> stored, boolean current) {
        AnswerBuffer answer = new AnswerBuffer(256 + served.names().length + entities.size() * served.entityBytes());
        answer.write(HEAD);
        answer.write(served.names());
        answer.write(RESULTS);
        if (current) {   // as the service does it: each value handed to AnswerOutput as Lettuce decodes the reply
            AnswerOutput output = new AnswerOutput(answer, entities, json);
            for (byte[] value : stored) {
                output.set(ByteBuffer.wrap(value));
            }
        } else {
            for (int i = 0; i < entities.size(); i++) {
                answer.write(i == 0 ? ENTITY : COMMA_ENTITY);
                OnlineAnswer.writeEntity(entities.get(i), json, answer);
                answer.write(FEATURES);
                arraySplice(stored.get(i), served.fields(), answer);
                answer.write((byte) '}');
            }
        }
        answer.write(END);
        return answer.toByteArray();
    }

    /** The fj: layout's stored text: the JSON array of the values. */
    static byte[] arrayText(double[] vector) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** OnlineAnswer.writeFeatures of the fj: layout (one pass: each value copied while scanned for its comma), for the comparison. */
    static boolean arraySplice(byte[] stored, byte[][] fields, AnswerBuffer out) {
        int last = stored.length - 1;
        if (stored.length < 3 || stored[0] != '[' || stored[last] != ']') {
            return false;
        }
        int fieldBytes = 0;
        for (byte[] field : fields) {
            fieldBytes += field.length;
        }
        out.ensure(fieldBytes + stored.length);
        byte[] to = out.array();
        int at = out.size();
        int from = 1;
        for (int c = 0; c < fields.length; c++) {
            byte[] field = fields[c];
            System.arraycopy(field, 0, to, at, field.length);
            at += field.length;
            int valueStart = at;
            byte b;
            while (from < last && (b = stored[from]) != ',') {
                to[at++] = b;
                from++;
            }
            if (at == valueStart || (from == last) != (c == fields.length - 1)) {
                return false;
            }
            from++;
        }
        to[at++] = '}';
        out.truncate(at);
        return true;
    }

    private static final byte[] HEAD = "{\"featureSet\":\"set\",\"version\":1,\"features\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESULTS = ",\"results\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENTITY = "{\"entity\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA_ENTITY = ",{\"entity\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FEATURES = ",\"features\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "]}".getBytes(StandardCharsets.UTF_8);
}
