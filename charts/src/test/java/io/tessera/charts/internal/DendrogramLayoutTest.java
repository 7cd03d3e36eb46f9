package io.tessera.charts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.charts.Dendrogram;
import io.tessera.charts.Palette;
import org.junit.jupiter.api.Test;

class DendrogramLayoutTest {

  /**
   * Four leaves: 1 and 2 merge first (cluster 4), then 0 and 3 (cluster 5), then both. Walking idx1 first gives
   * the leaf order 1, 2, 0, 3; merges sit halfway between their children.
   */
  @Test
  void leavesFollowTheWalkFromTheRootAndMergesSitBetweenTheirChildren() {
    Dendrogram d = Dendrogram.builder("", "distance", new double[][] {
        {1, 2, 1.0, 2}, {0, 3, 2.0, 2}, {4, 5, 10.0, 4}}).build();

    DendrogramLayout layout = new DendrogramLayout(d);

    assertThat(layout.order).containsExactly(1, 2, 0, 3);
    assertThat(layout.position).containsExactly(2, 0, 1, 3, 0.5, 2.5, 1.5);
    assertThat(layout.maxHeight).isEqualTo(10.0);
    // Below 0.7 x 10 = 7 both pairs form clusters of their own colour; the root is neutral.
    assertThat(layout.colour[4]).isEqualTo(Palette.categorical(0));
    assertThat(layout.colour[5]).isEqualTo(Palette.categorical(1));
    assertThat(layout.colour[6]).isEqualTo(Palette.NEUTRAL);
    assertThat(layout.colour[1]).isEqualTo(Palette.categorical(0));
    assertThat(layout.colour[3]).isEqualTo(Palette.categorical(1));
  }

  @Test
  void aThresholdBelowEveryMergeLeavesEverythingNeutral() {
    Dendrogram d = Dendrogram.builder("", "distance", new double[][] {{0, 1, 1.0, 2}, {2, 3, 2.0, 3}})
        .colourThreshold(0.5).build();

    DendrogramLayout layout = new DendrogramLayout(d);

    assertThat(layout.colour).containsOnly(Palette.NEUTRAL);
  }
}
