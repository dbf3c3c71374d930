package io.mlops.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a search ranks candidate scores: higher wins, and a diverged (non-finite) score never does. */
class TrialSearchTest {

  @Test
  void aHigherFiniteScoreWins() {
    assertThat(TrialSearch.ranksAbove(0.8, 0.5)).isTrue();
    assertThat(TrialSearch.ranksAbove(0.5, 0.8)).isFalse();
    assertThat(TrialSearch.ranksAbove(0.5, 0.5)).as("ties keep the earlier candidate").isFalse();
    assertThat(TrialSearch.ranksAbove(0.5, null)).as("a score beats an unscored first candidate").isTrue();
  }

  @Test
  void aNonFiniteScoreRanksBelowEveryFiniteOne() {
    // with a plain '>' a NaN first candidate would win: every 'x > NaN' is false
    assertThat(TrialSearch.ranksAbove(-3.0, Double.NaN)).isTrue();
    assertThat(TrialSearch.ranksAbove(-3.0, Double.NEGATIVE_INFINITY)).isTrue();
    assertThat(TrialSearch.ranksAbove(Double.NaN, -3.0)).isFalse();
    assertThat(TrialSearch.ranksAbove(Double.POSITIVE_INFINITY, 0.5)).isFalse();
    assertThat(TrialSearch.ranksAbove(Double.NaN, Double.NaN)).isFalse();
    assertThat(TrialSearch.ranksAbove(null, 0.5)).isFalse();
  }
}
