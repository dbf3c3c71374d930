import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.domain.model.Task;
import io.mlops.domain.prediction.PredictionResult;
import io.mlops.runtime.artifact.OutputSpec;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Thread CPU µs per predict answer (Outcomes per row, PredictionResults, the response JSON) for 1 and 32 digits rows,
 * base and new classes alternated in one JVM; the logits are the digits model's shape (10 classes).
 */
public class AnswerBench {
    record Side(String name, JsonMapper mapper, Method outcome, Method value, Method label, Method probabilities,
                Constructor<?> response) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Side side(String name, Path classes) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, AnswerBench.class.getClassLoader());
        Class<?> outcomes = loader.loadClass("io.mlops.inference.api.Outcomes");
        Class<?> outcome = loader.loadClass("io.mlops.inference.api.Outcomes$Outcome");
        Class<?> response = loader.loadClass("io.mlops.inference.api.PredictController$PredictResponse");
        Constructor<?> writer = loader.loadClass("io.mlops.inference.api.PredictResponseWriter").getDeclaredConstructor();
        writer.setAccessible(true);
        SimpleModule module = new SimpleModule().addSerializer((Class) response, (ValueSerializer) writer.newInstance());
        Method of = outcomes.getDeclaredMethod("of", OutputSpec.class, float[].class, int.class);
        of.setAccessible(true);
        Method value = outcome.getDeclaredMethod("value"), label = outcome.getDeclaredMethod("label"),
                probabilities = outcome.getDeclaredMethod("probabilities");
        for (Method m : List.of(value, label, probabilities)) m.setAccessible(true);
        Constructor<?> ctor = response.getDeclaredConstructor(String.class, int.class, String.class, List.class);
        ctor.setAccessible(true);
        return new Side(name, JsonMapper.builder().addModule(module).build(), of, value, label, probabilities, ctor);
    }

    @SuppressWarnings("unchecked")
    static byte[] answer(Side s, OutputSpec spec, ModelVersionRef ref, float[] logits, int rows) throws Exception {
        List<PredictionResult> results = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            Object o = s.outcome().invoke(null, spec, logits, r);
            results.add(new PredictionResult(new PredictionId(new UUID(r, 42 + r)), ref, (Double) s.value().invoke(o),
                    (String) s.label().invoke(o), (Map<String, Double>) s.probabilities().invoke(o)));
        }
        return s.mapper().writeValueAsBytes(s.response().newInstance(ref.model(), ref.version(), null, results));
    }

    public static void main(String[] args) throws Exception {
        Side base = side("base", Path.of(args[0])), neu = side("new", Path.of(args[1]));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) labels.add(String.valueOf(i));
        OutputSpec spec = new OutputSpec(Task.MULTICLASS, labels, "digit");
        ModelVersionRef ref = new ModelVersionRef("digits", 1);
        float[] logits = new float[32 * 10];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < logits.length; i++) logits[i] = (float) (random.nextGaussian() * 4);
        if (!java.util.Arrays.equals(answer(base, spec, ref, logits, 32), answer(neu, spec, ref, logits, 32))) {
            throw new AssertionError("answers differ");
        }
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            for (Side s : List.of(base, neu)) {
                for (int rows : new int[] {1, 32}) {
                    int n = rows == 1 ? 100000 : 8000;
                    long sink = 0;
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) sink += answer(s, spec, ref, logits, rows).length;
                    long c1 = mx.getCurrentThreadCpuTime();
                    System.out.printf("round %d %s %d-row %.2f µs/op (sink %d)%n", round, s.name(), rows, (c1 - c0) / 1e3 / n, sink);
                }
            }
        }
    }
}
