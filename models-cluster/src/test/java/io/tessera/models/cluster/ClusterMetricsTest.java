package io.tessera.models.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

  @Test
  @DisplayName("the adjusted Rand index equals scikit-learn's adjusted_rand_score (values from sklearn 1.2)")
  void matchesSklearn() {
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
        .isCloseTo(0.5714285714285714, within(1e-15));
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {0, 0, 1, 2, 2, 2, 3, 3}, new int[] {1, 1, 1, 0, 0, 2, 2, -1}))
        .isCloseTo(0.26956521739130435, within(1e-15));
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {0, 1, 0, 1}, new int[] {0, 0, 1, 1}))
        .isCloseTo(-0.5, within(1e-15));
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isZero();
  }

  @Test
  @DisplayName("renaming clusters does not change the index; identical partitions score exactly 1")
  void invariantToLabelNames() {
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {7, 7, -3, -3})).isEqualTo(1.0);
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {5}, new int[] {3})).isEqualTo(1.0);
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {}, new int[] {})).isEqualTo(1.0);
    assertThat(ClusterMetrics.adjustedRandIndex(new int[] {1, 2, 3}, new int[] {4, 5, 6})).isEqualTo(1.0);
  }

  @Test
  @DisplayName("independent random labellings of many rows score near 0, without overflow")
  void independentLabellingsScoreNearZero() {
    SplittableRandom random = new SplittableRandom(1);
    int n = 200_000;
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextInt(5);
      b[i] = random.nextInt(7);
    }

    assertThat(ClusterMetrics.adjustedRandIndex(a, b)).isCloseTo(0.0, within(1e-3));
  }

  @Test
  @DisplayName("labellings of different lengths are refused")
  void lengthsMustAgree() {
    assertThatThrownBy(() -> ClusterMetrics.adjustedRandIndex(new int[2], new int[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 3");
  }
}
