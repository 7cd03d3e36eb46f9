package io.tessera.engine.simd;

import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;

/**
 * Shared helpers of the twin tests (SIMD engine against {@link io.tessera.engine.ScalarEngine}): random
 * operands with guard elements around them, and error bounds.
 *
 * <p>Bounds are worst-case rounding bounds, not fudge factors: a float sum of {@code s} terms accumulated one
 * after another errs by at most {@code s * U * sum|terms|} ({@code U = 2^-24}); the SIMD kernels accumulate in
 * {@code 4 * lanes} partial sums (level 1) or one chain per output element (gemm, gemv), then combine a few
 * partial sums, hence the {@code lanes + 8} slack. An indexing mistake errs by a whole term, far above them.
 */
final class Twins {
  /** The unit roundoff of float. */
  static final double U = 0x1p-24;
  /** Value written around operands to detect writes outside the addressed ranges. */
  static final float GUARD = -7777.5f;

  private Twins() {
  }

  /** @return {@code length} uniform values in [-1, 1) */
  static float[] uniform(SplittableRandom random, int length) {
    float[] a = new float[length];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return a;
  }

  /** @return {@code n} uniform values in [-1, 1) at offset {@code off}, surrounded by {@link #GUARD} */
  static float[] guarded(SplittableRandom random, int off, int n, int after) {
    float[] a = new float[off + n + after];
    java.util.Arrays.fill(a, GUARD);
    for (int i = 0; i < n; i++) {
      a[off + i] = (float) (random.nextDouble() * 2 - 1);
    }
    return a;
  }

  /** @return the bound for a float reduction of {@code n} terms whose magnitudes sum to {@code absSum} */
  static double reductionBound(int n, int lanes, double absSum) {
    return (Math.ceil(n / (4.0 * lanes)) + lanes + 8) * U * absSum;
  }

  /** Fails naming the element when {@code |actual - expected| > bound}; NaN must match NaN. */
  static void assertClose(String what, int index, float actual, float expected, double bound) {
    if (Float.isNaN(expected) || Float.isNaN(actual)) {
      if (Float.isNaN(expected) != Float.isNaN(actual)) {
        fail("%s[%d]: expected %s but was %s", what, index, expected, actual);
      }
      return;
    }
    if (expected == actual) {
      return; // also covers equal infinities
    }
    double diff = Math.abs((double) actual - expected);
    if (!(diff <= bound)) {
      fail("%s[%d]: expected %s but was %s (difference %.3g exceeds bound %.3g)", what, index, expected, actual,
          diff, bound);
    }
  }

  /** Fails when any element outside {@code [off, off + n)} is no longer {@link #GUARD}. */
  static void assertGuardsIntact(String what, float[] a, int off, int n) {
    for (int i = 0; i < a.length; i++) {
      if ((i < off || i >= off + n) && Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(GUARD)) {
        fail("%s: element %d outside [%d, %d) was overwritten with %s", what, i, off, off + n, a[i]);
      }
    }
  }

  /** Fails naming the first element whose bits differ (arrays are too long to print whole). */
  static void assertBitIdentical(String what, float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      fail("%s: length %d instead of %d", what, actual.length, expected.length);
    }
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
        fail("%s: element %d is %s instead of %s", what, i, actual[i], expected[i]);
      }
    }
  }
}
