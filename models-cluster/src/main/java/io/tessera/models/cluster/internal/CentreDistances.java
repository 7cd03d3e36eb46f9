package io.tessera.models.cluster.internal;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.Transpose;

/**
 * Squared Euclidean distances from blocks of rows to a fixed set of centres, as
 * {@code |x - c|^2 = |x|^2 - 2 x.c + |c|^2} with the {@code x.c} products of a whole block from one GEMM.
 * Callers walk their rows in blocks of at most {@link #BLOCK_ROWS} and consume each block's distances right
 * away (argmin, minimum, sum), so the full rows-by-centres matrix is never held in memory.
 *
 * <p>The expansion loses accuracy when {@code |x|} is large compared with the distances; callers centre the
 * data on its mean first (as scikit-learn does), and use {@link Distances#squared} where exact values matter.
 */
final class CentreDistances {

  /** Rows per GEMM: the products of a block ({@code BLOCK_ROWS x k} floats) stay in cache for the epilogue. */
  static final int BLOCK_ROWS = 256;

  private final ComputeEngine engine;
  private final float[] centres;
  private final int k;
  private final int d;
  private final float[] normsSq;

  /** Prepares {@code k} centres of {@code d} values, row-major in {@code centres} (not copied). */
  CentreDistances(ComputeEngine engine, float[] centres, int k, int d) {
    this.engine = engine;
    this.centres = centres;
    this.k = k;
    this.d = d;
    this.normsSq = new float[k];
    for (int c = 0; c < k; c++) {
      normsSq[c] = (float) Distances.squaredNorm(centres, c * d, d);
    }
  }

  /** @return the number of centres */
  int centres() {
    return k;
  }

  /** @return a scratch buffer large enough for one block's distances */
  float[] newBlockBuffer() {
    return new float[BLOCK_ROWS * k];
  }

  /**
   * Writes {@code out[r * k + c] = -2 x_r.c} for the {@code m <= BLOCK_ROWS} rows starting at row {@code from}
   * of the row-major matrix {@code x}: the GEMM part of the distances. The epilogues below add the norms while
   * they read the block, so the block is traversed once.
   */
  void products(float[] x, int from, int m, float[] out) {
    engine.gemm(Transpose.NO, Transpose.YES, m, k, d, -2f, x, from * d, d, centres, 0, d, 0f, out, 0, k);
  }

  /**
   * @return the index of the centre nearest to block row {@code r} (the first on ties), comparing
   *     {@code |c|^2 - 2 x.c}: the row's own {@code |x|^2} does not change which centre is nearest
   */
  int nearest(float[] block, int r) {
    int o = r * k;
    int best = 0;
    float bestValue = normsSq[0] + block[o];
    for (int c = 1; c < k; c++) {
      float v = normsSq[c] + block[o + c];
      if (v < bestValue) {
        bestValue = v;
        best = c;
      }
    }
    return best;
  }

  /**
   * @param rowNormSq {@code |x|^2} of block row {@code r}
   * @return the squared distance from block row {@code r} to centre {@code c}, clipped at 0 (rounding can make
   *     the expansion slightly negative for a row on top of a centre)
   */
  float distance(float[] block, int r, int c, float rowNormSq) {
    return Math.max(0f, rowNormSq + normsSq[c] + block[r * k + c]);
  }
}
