package io.tessera.models.cluster.internal;

/**
 * Exact distance kernels for single rows, with {@code double} accumulation. Used where a few rows are
 * measured (queries, inertia, relocation); bulk distances go through {@link CentreDistances}' GEMM.
 */
public final class Distances {

  private Distances() {
  }

  /** @return the squared Euclidean distance between {@code d} values of {@code x} and of {@code y} */
  public static double squared(float[] x, int xOff, float[] y, int yOff, int d) {
    double s = 0;
    for (int f = 0; f < d; f++) {
      double diff = (double) x[xOff + f] - y[yOff + f];
      s += diff * diff;
    }
    return s;
  }

  /** @return the squared Euclidean norm of {@code d} values of {@code x} */
  public static double squaredNorm(float[] x, int xOff, int d) {
    double s = 0;
    for (int f = 0; f < d; f++) {
      s += (double) x[xOff + f] * x[xOff + f];
    }
    return s;
  }

  /**
   * @return the index of the centre nearest to {@code row} (the first on ties) among {@code k} centres of
   *     {@code d} values stored row-major in {@code centres}
   */
  public static int nearest(float[] row, int rowOff, float[] centres, int k, int d) {
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double dist = squared(row, rowOff, centres, c * d, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = c;
      }
    }
    return best;
  }
}
