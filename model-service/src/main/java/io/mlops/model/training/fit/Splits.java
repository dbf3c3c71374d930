package io.mlops.model.training.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Row index splits: holdout (every k-th or seeded random), validation carve-outs and (stratified) k folds. */
public final class Splits {

  /** Train and test row indices, each ascending. */
  public record Split(int[] train, int[] test) {
  }

  private Splits() {}

  /** Holds out the rows whose 0-based index % k == 0. */
  public static Split everyKth(int rows, int k) {
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      (i % k == 0 ? test : train).add(i);
    }
    return new Split(ints(train), ints(test));
  }

  /** Holds out round(fraction × rows) rows chosen by a seeded shuffle (at least one, at most rows - 1). */
  public static Split random(int rows, double fraction, long seed) {
    int[] order = permutation(rows, seed);
    int testSize = Math.clamp(Math.round(fraction * rows), 1, rows - 1);
    boolean[] isTest = new boolean[rows];
    for (int i = 0; i < testSize; i++) {
      isTest[order[i]] = true;
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      (isTest[i] ? test : train).add(i);
    }
    return new Split(ints(train), ints(test));
  }

  /**
   * k folds; fold f's test rows are every k-th row of a seeded shuffle starting at f. With classes,
   * rows are dealt class by class, so each fold gets each class's share within one row (stratified).
   */
  public static List<Split> kFold(int rows, int k, long seed, int[] classes) {
    int[] order = permutation(rows, seed);
    if (classes != null) {
      order = java.util.Arrays.stream(order).boxed()
          .sorted(java.util.Comparator.comparingInt(i -> classes[i])) // stable: the shuffle stays within a class
          .mapToInt(Integer::intValue).toArray();
    }
    int[] fold = new int[rows];
    for (int i = 0; i < rows; i++) {
      fold[order[i]] = i % k;
    }
    List<Split> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        (fold[i] == f ? test : train).add(i);
      }
      folds.add(new Split(ints(train), ints(test)));
    }
    return folds;
  }

  /** Fisher-Yates with a seeded java.util.Random: the same seed gives the same order on every JVM. */
  public static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, new Random(seed));
    return order;
  }

  static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
