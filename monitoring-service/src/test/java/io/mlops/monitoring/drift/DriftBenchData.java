package io.mlops.monitoring.drift;

import java.util.SplittableRandom;

/**
 * Synthetic data for the drift benchmark: 10 numeric columns (normal, half of them shifted in the
 * window) and 2 categorical ones (6 and 20 categories, one skewed in the window). Every window string is
 * a fresh object, as JSON decoding would give, so hashing it is paid as in production.
 */
final class DriftBenchData {

    static final int NUMERIC_COLUMNS = 10;
    static final String[] CATEGORIES = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
        "p", "q", "r", "s", "t"};

    private DriftBenchData() {
    }

    static DriftReference reference(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DriftReference.Builder b = DriftReference.builder();
        for (int c = 0; c < NUMERIC_COLUMNS; c++) {
            b.numeric("num" + c, normal(random, rows, 0, c + 1));
        }
        return b.categorical("cat6", categories(random, rows, 6, 0))
                .categorical("cat20", categories(random, rows, 20, 0))
                .build();
    }

    static CurrentWindow window(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CurrentWindow.Builder b = CurrentWindow.builder();
        for (int c = 0; c < NUMERIC_COLUMNS; c++) {
            b.numeric("num" + c, normal(random, rows, c % 2 == 0 ? 0 : 0.2 * (c + 1), c + 1));
        }
        return b.categorical("cat6", categories(random, rows, 6, 0.3))
                .categorical("cat20", categories(random, rows, 20, 0))
                .build();
    }

    private static double[] normal(SplittableRandom random, int rows, double mean, double sd) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            // Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default.
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            out[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return out;
    }

    private static String[] categories(SplittableRandom random, int rows, int count, double skew) {
        String[] out = new String[rows];
        for (int i = 0; i < rows; i++) {
            int k = random.nextDouble() < skew ? 0 : random.nextInt(count);
            out[i] = new String(CATEGORIES[k]);
        }
        return out;
    }
}
