package io.tessera.models.cluster;

import io.tessera.api.BadInputException;
import io.tessera.io.NumericTable;
import io.tessera.models.cluster.internal.Tables;
import java.util.Arrays;

/**
 * The per-feature affine map a clustering model applies to rows before measuring distances:
 * {@code x' = (x - mean) / scale}. Either the identity or a standardisation fitted on the training table. The
 * arithmetic is done in {@code double} and rounded to {@code float} once, so a row scaled at prediction time
 * gets exactly the bits it got during training. Immutable.
 */
public final class FeatureScaling {
  private final double[] mean;
  private final double[] scale;
  private final boolean identity;

  private FeatureScaling(double[] mean, double[] scale, boolean identity) {
    this.mean = mean;
    this.scale = scale;
    this.identity = identity;
  }

  /** @return the identity map on {@code dimensions} features */
  public static FeatureScaling none(int dimensions) {
    if (dimensions < 0) {
      throw new IllegalArgumentException("dimensions must be non-negative, got " + dimensions);
    }
    double[] ones = new double[dimensions];
    Arrays.fill(ones, 1.0);
    return new FeatureScaling(new double[dimensions], ones, true);
  }

  /**
   * @param mean  subtracted from each feature
   * @param scale each centred feature is divided by it; finite and positive
   * @return the map {@code (x - mean) / scale}
   */
  public static FeatureScaling standard(double[] mean, double[] scale) {
    if (mean.length != scale.length) {
      throw new IllegalArgumentException(mean.length + " means but " + scale.length + " scales");
    }
    for (int f = 0; f < mean.length; f++) {
      if (!Double.isFinite(mean[f]) || !(scale[f] > 0) || Double.isInfinite(scale[f])) {
        throw new IllegalArgumentException("feature " + f + ": mean " + mean[f] + " and scale " + scale[f]
            + " must be finite, with scale > 0");
      }
    }
    return new FeatureScaling(mean.clone(), scale.clone(), false);
  }

  /**
   * Fits a standardisation as scikit-learn's {@code StandardScaler} does: the mean and the population standard
   * deviation (ddof 0) of each column; a constant column keeps scale 1 so it maps to 0 rather than NaN.
   *
   * @throws BadInputException when the table is empty or a value is NaN or infinite
   */
  public static FeatureScaling fitStandard(NumericTable table) {
    Tables.requireFiniteRows(table);
    int d = table.cols();
    int n = table.rows();
    float[] v = table.values();
    double[] mean = new double[d];
    float[] min = new float[d];
    float[] max = new float[d];
    Arrays.fill(min, Float.POSITIVE_INFINITY);
    Arrays.fill(max, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        float x = v[i * d + f];
        mean[f] += x;
        min[f] = Math.min(min[f], x);
        max[f] = Math.max(max[f], x);
      }
    }
    for (int f = 0; f < d; f++) {
      mean[f] /= n;
    }
    // Second pass over deviations: the one-pass sum-of-squares formula cancels badly for large means.
    double[] var = new double[d];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        double dev = v[i * d + f] - mean[f];
        var[f] += dev * dev;
      }
    }
    double[] scale = new double[d];
    for (int f = 0; f < d; f++) {
      // Testing max == min rather than var == 0: a constant column's double mean may differ from its value
      // by one rounding, leaving a tiny spurious variance.
      scale[f] = max[f] == min[f] ? 1.0 : Math.sqrt(var[f] / n);
    }
    return new FeatureScaling(mean, scale, false);
  }

  /** @return whether this is the identity map */
  public boolean isIdentity() {
    return identity;
  }

  /** @return {@code "none"} for the identity, {@code "standard"} otherwise */
  public String kind() {
    return identity ? KMeansConfig.Scale.NONE.id() : KMeansConfig.Scale.STANDARD.id();
  }

  /** @return the number of features */
  public int dimensions() {
    return mean.length;
  }

  /** @return the per-feature means subtracted (a copy; zeros for the identity) */
  public double[] mean() {
    return mean.clone();
  }

  /** @return the per-feature divisors (a copy; ones for the identity) */
  public double[] scale() {
    return scale.clone();
  }

  /**
   * @return the scaled copy of {@code row}
   * @throws BadInputException when the row's length differs from {@link #dimensions()}
   */
  public float[] apply(float[] row) {
    if (row.length != mean.length) {
      throw BadInputException.of("row has " + row.length + " values, the model expects " + mean.length);
    }
    float[] out = new float[row.length];
    apply(row, 0, out, 0, 1);
    return out;
  }

  /**
   * Scales {@code rows} consecutive rows of {@link #dimensions()} values from {@code src} into {@code dst}
   * ({@code dst} may be {@code src} with the same offset).
   */
  public void apply(float[] src, int srcOff, float[] dst, int dstOff, int rows) {
    int d = mean.length;
    if (identity) {
      System.arraycopy(src, srcOff, dst, dstOff, rows * d);
      return;
    }
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < d; f++) {
        dst[dstOff + i * d + f] = (float) ((src[srcOff + i * d + f] - mean[f]) / scale[f]);
      }
    }
  }

  /** @return {@code row} mapped back from the scaled space to input units ({@code x * scale + mean}) */
  public float[] invert(float[] row) {
    float[] out = new float[row.length];
    for (int f = 0; f < row.length; f++) {
      out[f] = identity ? row[f] : (float) (row[f] * scale[f] + mean[f]);
    }
    return out;
  }

  @Override
  public String toString() {
    return identity ? "none" : "standard(mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + ")";
  }
}
