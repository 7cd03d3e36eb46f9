package io.tessera.models.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.engine.ScalarEngine;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CentreDistancesTest {

  @Test
  @DisplayName("the GEMM form gives the squared distances and the nearest centre, across a block boundary")
  void gemmFormMatchesExactDistances() {
    SplittableRandom random = new SplittableRandom(5);
    int n = CentreDistances.BLOCK_ROWS + 3;
    int d = 7;
    int k = 5;
    float[] x = new float[n * d];
    float[] centres = new float[k * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) random.nextGaussian();
    }
    try (ScalarEngine engine = new ScalarEngine(1)) {
      CentreDistances near = new CentreDistances(engine, centres, k, d);
      float[] block = near.newBlockBuffer();
      int from = CentreDistances.BLOCK_ROWS;
      near.products(x, from, n - from, block);

      for (int r = 0; r < n - from; r++) {
        int i = from + r;
        float rowNormSq = (float) Distances.squaredNorm(x, i * d, d);
        for (int c = 0; c < k; c++) {
          double exact = Distances.squared(x, i * d, centres, c * d, d);
          assertThat((double) near.distance(block, r, c, rowNormSq)).isCloseTo(exact, within(1e-5));
        }
        assertThat(near.nearest(block, r)).isEqualTo(Distances.nearest(x, i * d, centres, k, d));
      }
    }
  }
}
