import ai.djl.inference.Predictor;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.*;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Random;

public class ShapeBench {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Criteria<NDList, NDList> c = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(Path.of("/work/shared/fixtures/models/digits_mlp.pt")).optEngine("PyTorch").build();
        var mx = ManagementFactory.getThreadMXBean();
        try (ZooModel<NDList, NDList> m = c.loadModel(); Predictor<NDList, NDList> p = m.newPredictor()) {
            Random rnd = new Random(1);
            float[] data = new float[32 * 64];
            for (int i = 0; i < data.length; i++) data[i] = rnd.nextInt(17);
            String[] modes = {"true", "false"};
            for (int round = 0; round < 4; round++) {
                for (String pattern : new String[] {"fixed32", "vary16-32", "vary1-32"}) {
                    for (String mode : modes) {
                        System.setProperty("ai.djl.pytorch.graph_optimizer", mode);
                        long rowsTotal = 0; int calls = 0;
                        long warm = System.nanoTime() + 1_000_000_000L;
                        long cpu0 = 0, t0 = 0;
                        boolean measuring = false;
                        long end = warm + 3_000_000_000L;
                        while (true) {
                            long now = System.nanoTime();
                            if (!measuring && now > warm) { measuring = true; cpu0 = mx.getCurrentThreadCpuTime(); t0 = now; rowsTotal = 0; calls = 0; }
                            if (now > end) break;
                            int rows = switch (pattern) { case "fixed32" -> 32; case "vary16-32" -> 16 + rnd.nextInt(17); default -> 1 + rnd.nextInt(32); };
                            try (NDManager sub = m.getNDManager().newSubManager()) {
                                float[] in = java.util.Arrays.copyOf(data, rows * 64);
                                NDList out = p.predict(new NDList(sub.create(in, new Shape(rows, 64))));
                                out.get(0).toFloatArray();
                            }
                            rowsTotal += rows; calls++;
                        }
                        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                        System.out.printf("round %d %-10s optimizer=%-5s calls=%6d cpu/call=%6.1f us cpu/row=%5.2f us%n", round, pattern, mode, calls, cpu / 1e3 / calls, cpu / 1e3 / rowsTotal);
                    }
                }
            }
        }
    }
}
