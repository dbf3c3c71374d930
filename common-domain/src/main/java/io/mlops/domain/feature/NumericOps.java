package io.mlops.domain.feature;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The arithmetic of the fitted numeric steps. This is the only place it is written, and both
 * materialization and inference run it, which is what makes their results identical bit for bit.
 */
final class NumericOps {

  private NumericOps() {}

  static DoubleUnaryOperator of(FittedTransformation step, String feature, String column) {
    return switch (step) {
      case FittedTransformation.Standardize s -> standardize(s.mean(), s.std());
      case FittedTransformation.MinMaxScale m -> minMax(m.min(), m.max());
      case FittedTransformation.Log1p l -> x -> log1p(x, feature, column);
      case FittedTransformation.Clip c -> clip(
          c.min() == null ? Double.NEGATIVE_INFINITY : c.min(),
          c.max() == null ? Double.POSITIVE_INFINITY : c.max());
      case FittedTransformation.Bucketize b -> bucketize(
          b.boundaries().stream().mapToDouble(v -> v + 0.0).toArray());
      default -> throw new IllegalArgumentException(step.typeName() + " is not a numeric step");
    };
  }

  private static DoubleUnaryOperator standardize(double mean, double std) {
    // A division, not a multiplication by a stored 1/std: one rounding, as the fit reports std.
    return x -> (x - mean) / std;
  }

  private static DoubleUnaryOperator minMax(double min, double max) {
    double range = max - min;
    // A constant training column keeps a scale of 1, as scikit-learn's MinMaxScaler does.
    return range == 0 ? x -> x - min : x -> (x - min) / range;
  }

  private static double log1p(double x, String feature, String column) {
    if (x <= -1) {
      throw new ValueOutsideDomain(feature, column,
          "log1p needs values above -1 but got " + x);
    }
    // StrictMath, not Math: Math.log1p may be an intrinsic whose last bit differs between the
    // interpreter, the JIT and CPUs, which would break offline/online parity.
    return StrictMath.log1p(x);
  }

  private static DoubleUnaryOperator clip(double min, double max) {
    return x -> Math.min(Math.max(x, min), max);
  }

  private static DoubleUnaryOperator bucketize(double[] boundaries) {
    return x -> {
      // + 0.0 turns -0.0 into 0.0, which binarySearch would otherwise order below 0.0.
      int found = Arrays.binarySearch(boundaries, x + 0.0);
      // Found at i: boundaries[i] <= x, so x is in bucket i + 1; else the insertion point is the bucket.
      return found >= 0 ? found + 1 : -found - 1;
    };
  }
}
