import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.FeatureType;
import io.mlops.runtime.artifact.InputSignature;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Thread CPU µs per parse + encode of the bench bodies, base and new classes alternated in one JVM. */
public class ParseBench {
    record Side(String name, JsonMapper mapper, Object encoder, Method encode) {}

    @SuppressWarnings("unchecked")
    static Side side(String name, Path classes, InputSignature sig) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ParseBench.class.getClassLoader());
        var deser = (ValueDeserializer<PredictionRequest>) loader.loadClass("io.mlops.inference.serving.FeatureRowsDeserializer")
                .getConstructor().newInstance();
        JsonMapper mapper = JsonMapper.builder().addModule(new SimpleModule().addDeserializer(PredictionRequest.class, deser)).build();
        Class<?> enc = loader.loadClass("io.mlops.inference.serving.InputEncoder");
        Object encoder = enc.getConstructor(InputSignature.class).newInstance(sig);
        return new Side(name, mapper, encoder, enc.getMethod("encode", List.class, String.class));
    }

    public static void main(String[] args) throws Exception {
        List<Feature> features = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 64; i++) { features.add(new Feature("p" + i, FeatureType.NUMBER)); inputs.add("p" + i); }
        InputSignature sig = new InputSignature(features, null, inputs);
        Side base = side("base", Path.of(args[0]), sig), neu = side("new", Path.of(args[1]), sig);
        byte[] one = Files.readAllBytes(Path.of(args[2])), many = Files.readAllBytes(Path.of(args[3]));
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            for (Side s : List.of(base, neu)) {
                for (byte[] body : List.of(one, many)) {
                    int n = body == one ? 40000 : 4000;
                    double sink = 0;
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        PredictionRequest r = s.mapper().readValue(body, PredictionRequest.class);
                        float[] f = (float[]) s.encode().invoke(s.encoder(), r.instances(), "instances");
                        sink += f[3];
                    }
                    long c1 = mx.getCurrentThreadCpuTime();
                    System.out.printf("round %d %s %s %.2f µs/op (sink %.0f)%n", round, s.name(), body == one ? "1-row" : "32-row",
                            (c1 - c0) / 1e3 / n, sink);
                }
            }
        }
    }
}
