package io.tessera.engine.simd;

import static io.tessera.engine.simd.Twins.U;
import static io.tessera.engine.simd.Twins.assertClose;
import static io.tessera.engine.simd.Twins.assertGuardsIntact;
import static io.tessera.engine.simd.Twins.guarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import io.tessera.engine.ScalarEngine;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Level-1 and element-wise kernels of the SIMD engine agree with the scalar reference over odd sizes. */
class Level1TwinTest {
  /** Every size from 1 to 70 (all tail lengths of every width), then sizes around powers of two up to 4098. */
  private static final int[] SIZES = IntStream.concat(IntStream.rangeClosed(1, 70),
      IntStream.of(127, 128, 129, 255, 256, 257, 511, 1000, 1023, 1024, 1025, 2047, 2049, 4095, 4096, 4097, 4098))
      .toArray();

  private static SimdEngine simd;
  private static ScalarEngine scalar;

  @BeforeAll
  static void engines() {
    simd = new SimdEngine(1);
    scalar = new ScalarEngine(1);
  }

  @AfterAll
  static void close() {
    simd.close();
    scalar.close();
  }

  @Test
  void runsAtTheForcedVectorWidthWhenOneIsSet() {
    String forced = System.getProperty(SimdWidth.PROPERTY);
    if (forced != null) {
      assertThat(simd.vectorBits()).isEqualTo(Integer.parseInt(forced));
    }
    assertThat(simd.floatLanes() * 32).isEqualTo(simd.vectorBits());
  }

  @Test
  void dotSumAndNorm() {
    SplittableRandom random = new SplittableRandom(1);
    int lanes = simd.floatLanes();
    for (int n : SIZES) {
      int xOff = random.nextInt(5);
      int yOff = random.nextInt(5);
      float[] x = guarded(random, xOff, n, 3);
      float[] y = guarded(random, yOff, n, 2);
      double absDot = 0;
      double absSum = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        absDot += Math.abs((double) x[xOff + i] * y[yOff + i]);
        absSum += Math.abs(x[xOff + i]);
        squares += (double) x[xOff + i] * x[xOff + i];
      }
      assertClose("dot n=" + n, 0, simd.dot(n, x, xOff, y, yOff), scalar.dot(n, x, xOff, y, yOff),
          Twins.reductionBound(n, lanes, absDot) + U * absDot);
      assertClose("sum n=" + n, 0, simd.sum(n, x, xOff), scalar.sum(n, x, xOff),
          Twins.reductionBound(n, lanes, absSum) + U * absSum);
      double norm = Math.sqrt(squares);
      assertClose("nrm2 n=" + n, 0, simd.nrm2(n, x, xOff), scalar.nrm2(n, x, xOff),
          Twins.reductionBound(n, lanes, norm) + 2 * U * norm);
    }
  }

  @Test
  void emptyReductionsAreZero() {
    float[] x = {1f, 2f};
    assertThat(simd.dot(0, x, 0, x, 0)).isZero();
    assertThat(simd.sum(0, x, 1)).isZero();
    assertThat(simd.nrm2(0, x, 2)).isZero();
  }

  @Test
  void normNeitherOverflowsNorUnderflows() {
    for (int n : new int[] {1, 3, 17, 100, 1001}) {
      float[] huge = new float[n];
      float[] tiny = new float[n];
      java.util.Arrays.fill(huge, 3e30f);
      java.util.Arrays.fill(tiny, 3e-30f);
      float expected = (float) Math.sqrt(n);
      assertThat(simd.nrm2(n, huge, 0)).isCloseTo(3e30f * expected, withPercentage(1e-4));
      assertThat(simd.nrm2(n, tiny, 0)).isCloseTo(3e-30f * expected, withPercentage(1e-4));
    }
    float[] mixed = {3e-30f, 4e-30f};
    assertThat(simd.nrm2(2, mixed, 0)).isCloseTo(5e-30f, withPercentage(1e-4));
    assertThat(simd.nrm2(3, new float[] {1f, Float.NaN, 2f}, 0)).isNaN();
    assertThat(simd.nrm2(3, new float[] {1f, Float.NEGATIVE_INFINITY, 2f}, 0)).isEqualTo(Float.POSITIVE_INFINITY);
  }

  @Test
  void argmaxMatchesTheScalarRulesForTiesNanAndInfinities() {
    SplittableRandom random = new SplittableRandom(2);
    for (int n : SIZES) {
      int off = random.nextInt(4);
      float[] x = new float[off + n + 2];
      java.util.Arrays.fill(x, Float.POSITIVE_INFINITY); // outside the range: must be ignored
      for (int trial = 0; trial < 4; trial++) {
        for (int i = 0; i < n; i++) {
          // few distinct values so that ties are common; NaN, -inf and signed zeros sprinkled in
          int pick = random.nextInt(12);
          x[off + i] = switch (pick) {
            case 0 -> Float.NaN;
            case 1 -> Float.NEGATIVE_INFINITY;
            case 2 -> -0f;
            case 3 -> 0f;
            default -> random.nextInt(5) - 2;
          };
        }
        assertThat(simd.argmax(n, x, off)).as("argmax n=%d trial %d", n, trial)
            .isEqualTo(scalar.argmax(n, x, off));
      }
      for (int i = 0; i < n; i++) {
        x[off + i] = Float.NaN;
      }
      assertThat(simd.argmax(n, x, off)).as("all NaN").isZero();
      x[off + n - 1] = Float.NEGATIVE_INFINITY;
      assertThat(simd.argmax(n, x, off)).as("one -inf among NaN").isEqualTo(n - 1);
    }
  }

  @Test
  void argmaxNeedsAtLeastOneElement() {
    assertThatThrownBy(() -> simd.argmax(0, new float[1], 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n >= 1");
  }

  @Test
  void axpyAndScalTouchOnlyTheirRange() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : SIZES) {
      int xOff = random.nextInt(5);
      int yOff = random.nextInt(5);
      float[] x = guarded(random, xOff, n, 3);
      float[] y = guarded(random, yOff, n, 4);
      float[] expected = y.clone();
      float alpha = (float) (random.nextDouble() * 4 - 2);
      scalar.axpy(n, alpha, x, xOff, expected, yOff);
      float[] before = y.clone();
      simd.axpy(n, alpha, x, xOff, y, yOff);
      for (int i = 0; i < n; i++) {
        // fused in SIMD, two roundings in the reference
        double bound = 2 * U * (Math.abs(alpha * x[xOff + i]) + Math.abs(before[yOff + i]));
        assertClose("axpy n=" + n, i, y[yOff + i], expected[yOff + i], bound);
      }
      assertGuardsIntact("axpy n=" + n, y, yOff, n);

      float[] s = y.clone();
      scalar.scal(n, alpha, expected, yOff);
      simd.scal(n, alpha, s, yOff);
      for (int i = 0; i < n; i++) {
        assertThat(s[yOff + i]).as("scal n=%d [%d]", n, i).isEqualTo(alpha * y[yOff + i]);
      }
      assertGuardsIntact("scal n=" + n, s, yOff, n);
    }
  }

  @Test
  void addAndMulAreExactAndMayWorkInPlace() {
    SplittableRandom random = new SplittableRandom(4);
    for (int n : SIZES) {
      int off = random.nextInt(5);
      float[] x = guarded(random, off, n, 3);
      float[] y = guarded(random, off, n, 1);
      float[] z = guarded(random, off, n, 2);
      simd.add(n, x, off, y, off, z, off);
      for (int i = 0; i < n; i++) {
        assertThat(z[off + i]).isEqualTo(x[off + i] + y[off + i]);
      }
      assertGuardsIntact("add n=" + n, z, off, n);
      simd.mul(n, x, off, y, off, z, off);
      for (int i = 0; i < n; i++) {
        assertThat(z[off + i]).isEqualTo(x[off + i] * y[off + i]);
      }
      float[] inPlace = x.clone();
      simd.add(n, inPlace, off, y, off, inPlace, off);
      simd.mul(n, y, off, inPlace, off, inPlace, off);
      for (int i = 0; i < n; i++) {
        assertThat(inPlace[off + i]).isEqualTo(y[off + i] * (x[off + i] + y[off + i]));
      }
      assertGuardsIntact("in place n=" + n, inPlace, off, n);
    }
  }
}
