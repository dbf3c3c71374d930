package io.mlops.model.training.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

  @Test
  void everyKthHoldsOutIndicesDivisibleByK() {
    var split = Splits.everyKth(12, 5);
    assertThat(split.test()).containsExactly(0, 5, 10);
    assertThat(split.train()).containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 11);
  }

  @Test
  void randomSplitIsSeededAndPartitionsTheRows() {
    var a = Splits.random(100, 0.2, 3);
    assertThat(a.test()).hasSize(20);
    assertThat(Splits.random(100, 0.2, 3).test()).containsExactly(a.test());
    assertThat(Splits.random(100, 0.2, 4).test()).isNotEqualTo(a.test());
    assertThat(IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.test())).sorted().toArray())
        .containsExactly(IntStream.range(0, 100).toArray());
  }

  @Test
  void stratifiedFoldsKeepEachClassShare() {
    int[] classes = IntStream.range(0, 150).map(i -> i / 50).toArray(); // 50 of each of 3 classes, sorted as in iris
    var folds = Splits.kFold(150, 4, 11, classes);
    int[] seen = new int[150];
    for (var fold : folds) {
      int[] perClass = new int[3];
      for (int row : fold.test()) {
        perClass[classes[row]]++;
        seen[row]++;
      }
      for (int count : perClass) {
        assertThat(count).isBetween(12, 13); // 50 / 4 = 12.5
      }
      assertThat(fold.train().length + fold.test().length).isEqualTo(150);
    }
    assertThat(seen).containsOnly(1);
  }
}
