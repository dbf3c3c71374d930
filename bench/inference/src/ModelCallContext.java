import io.mlops.inference.testing.Models;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.inference.BatchPredictor;
import io.mlops.runtime.inference.LoadedModel;
import io.mlops.runtime.inference.ModelLoader;
import io.mlops.runtime.inference.TorchThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why the in-process floor is faster than the same model call inside the server: one digits batch-32 call, timed
 * alone, in the contexts a server puts it in. plain = the floor's tight loop; parse-between = the same thread parses
 * the 32-row request body (Jackson tree) before each call; busy-other-core = another thread parses bodies without
 * pause meanwhile; park-between = the thread sleeps 100 µs before each call (as a request thread waits for its next
 * request); parse-park = both. Modes alternate for {@code rounds} rounds of {@code seconds} (1 s of each discarded).
 * Usage: bench/inference/context.sh [seconds=6] [rounds=2]
 */
public class ModelCallContext {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        TorchThreads.configure(1, 1); // as the server's budget on 2 cores: one intra-op thread per worker
        List<double[]> digits = Models.csv("digits_first200_inputs.csv", 0, 64);
        Path folder = Files.createTempDirectory("model-call-context");
        Path archive = Models.digitsArchive(folder);
        StringBuilder body = new StringBuilder("{\"instances\":[");
        for (int r = 0; r < 32; r++) {
            body.append(r == 0 ? "{" : ",{");
            for (int c = 0; c < 64; c++) {
                body.append(c == 0 ? "" : ",").append("\"p").append(c).append("\":").append(digits.get(r)[c]);
            }
            body.append('}');
        }
        byte[] json = body.append("]}").toString().getBytes();
        JsonMapper mapper = JsonMapper.builder().build();
        AtomicBoolean busy = new AtomicBoolean();
        Thread.ofPlatform().daemon(true).start(() -> {
            long sink = 0;
            while (true) {
                if (busy.get()) {
                    sink += mapper.readTree(json).size();
                } else {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        });
        try (LoadedModel model = ModelLoader.load(ModelArchive.unpack(archive, ModelArchive.sha256(archive), folder.resolve("m")));
             BatchPredictor predictor = model.newPredictor()) {
            float[] input = new float[32 * 64];
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 64; c++) {
                    input[r * 64 + c] = (float) digits.get(r)[c];
                }
            }
            long sink = 0;
            System.out.println("| round | mode | calls | mean µs | p50 µs | p95 µs |\n|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                for (String mode : List.of("plain", "parse-between", "busy-other-core", "park-between", "parse-park")) {
                    busy.set(mode.equals("busy-other-core"));
                    Histogram h = new Histogram(3);
                    long warm = System.nanoTime() + 1_000_000_000L;
                    long end = warm + seconds * 1_000_000_000L;
                    while (System.nanoTime() < end) {
                        if (mode.startsWith("park") || mode.equals("parse-park")) {
                            LockSupport.parkNanos(100_000);
                        }
                        if (mode.startsWith("parse")) {
                            sink += mapper.readTree(json).size();
                        }
                        long t = System.nanoTime();
                        sink += predictor.predict(input, 32).length;
                        long d = System.nanoTime() - t;
                        if (t > warm) {
                            h.recordValue(d);
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f |%n", round, mode, h.getTotalCount(),
                            h.getMean() / 1e3, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3);
                }
            }
            busy.set(false);
            System.out.println("(checksum " + sink + ")");
        }
    }
}
