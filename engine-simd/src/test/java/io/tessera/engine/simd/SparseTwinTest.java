package io.tessera.engine.simd;

import static io.tessera.engine.simd.Twins.GUARD;
import static io.tessera.engine.simd.Twins.U;
import static io.tessera.engine.simd.Twins.assertBitIdentical;
import static io.tessera.engine.simd.Twins.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.engine.ScalarEngine;
import io.tessera.engine.Transpose;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sparse kernels of the SIMD engine agree with the scalar reference over odd shapes: every dense width from 1
 * to 70 (all tails of one and four vectors at every species width) and a few wider, sparse operands from empty to
 * half full with empty rows, both transposes, offsets, padded leading dimensions and all kinds of alpha and beta.
 *
 * <p>Tolerance: an element of C is {@code alpha * sum_p v_p b_pj + beta * c}; the SIMD engine forms the sum as one
 * float fused multiply-add chain over the row's {@code s} stored entries (error at most {@code s U sum|v_p b_pj|}),
 * the scalar engine in double; both then round {@code alpha * sum}, {@code beta * c} and their sum. So they differ
 * by at most {@code (s + 4) U (|alpha| sum|v_p b_pj| + |beta c|)}. Row norms and row scaling are defined to give
 * the same bits on every engine and are compared bit for bit.
 */
class SparseTwinTest {
  private static final int[] WIDTHS = IntStream.concat(IntStream.rangeClosed(1, 70), IntStream.of(127, 129, 200))
      .toArray();
  private static final float[][] SCALARS = {{1f, 0f}, {0.5f, 0f}, {1f, 1f}, {-1.5f, 2f}, {0f, 0.5f}};

  private static SimdEngine simd;
  private static SimdEngine simd3;
  private static ScalarEngine scalar;

  @BeforeAll
  static void engines() {
    simd = new SimdEngine(1);
    simd3 = new SimdEngine(3);
    scalar = new ScalarEngine(1);
  }

  @AfterAll
  static void close() {
    simd.close();
    simd3.close();
    scalar.close();
  }

  /**
   * A random {@code rows x cols} matrix with about {@code density} of its elements stored and every 5th row
   * empty, made from a dense one (which also exercises {@link CsrMatrix#fromDense}).
   */
  private static CsrMatrix randomSparse(SplittableRandom random, int rows, int cols, double density) {
    float[] dense = new float[rows * cols];
    for (int i = 0; i < dense.length; i++) {
      boolean stored = (i / Math.max(1, cols)) % 5 != 4 && random.nextDouble() < density;
      dense[i] = stored ? (float) (random.nextDouble() * 2 - 1) : 0f;
    }
    return CsrMatrix.fromDense(rows, cols, dense, 0, cols);
  }

  /** One sparse product with guards around and between the rows of C. */
  private static void check(SplittableRandom random, CsrMatrix a, Transpose t, int n, float alpha, float beta,
                            ComputeEngine engine) {
    CsrMatrix s = t == Transpose.NO ? a : a.transpose();
    int ldb = n + random.nextInt(3);
    int ldc = n + random.nextInt(3);
    int bOff = random.nextInt(4);
    int cOff = random.nextInt(4);
    float[] b = Twins.uniform(random, bOff + s.cols() * ldb + 1);
    float[] c = new float[cOff + s.rows() * ldc + 2];
    Arrays.fill(c, GUARD);
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < n; j++) {
        c[cOff + i * ldc + j] = beta == 0f ? Float.NaN : (float) (random.nextDouble() * 2 - 1);
      }
    }
    float[] expected = c.clone();
    scalar.csrmm(t, alpha, a, b, bOff, ldb, n, beta, expected, cOff, ldc);
    float[] actual = c.clone();
    engine.csrmm(t, alpha, a, b, bOff, ldb, n, beta, actual, cOff, ldc);
    String what = String.format("csrmm %s %dx%d nnz=%d n=%d alpha=%s beta=%s (%s)", t, a.rows(), a.cols(), a.nnz(),
        n, alpha, beta, engine.description());
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < n; j++) {
        double abs = 0;
        for (int p = s.rowStart(i); p < s.rowEnd(i); p++) {
          abs += Math.abs((double) s.value(p) * b[bOff + s.column(p) * ldb + j]);
        }
        int ci = cOff + i * ldc + j;
        double scale = Math.abs(alpha) * abs + (beta == 0f ? 0 : Math.abs(beta * c[ci]));
        assertClose(what, ci, actual[ci], expected[ci], (s.rowNnz(i) + 4) * U * scale);
      }
    }
    for (int idx = 0; idx < actual.length; idx++) {
      int rel = idx - cOff;
      boolean inside = rel >= 0 && rel / ldc < s.rows() && rel % ldc < n;
      if (!inside && actual[idx] != GUARD) {
        fail("%s wrote outside C at index %d", what, idx);
      }
    }
  }

  @Test
  void productsAgreeForEveryDenseWidth() {
    SplittableRandom random = new SplittableRandom(71);
    for (int n : WIDTHS) {
      CsrMatrix a = randomSparse(random, 1 + random.nextInt(12), 1 + random.nextInt(20), 0.4);
      float[] ab = SCALARS[n % SCALARS.length];
      for (Transpose t : Transpose.values()) {
        check(random, a, t, n, ab[0], ab[1], simd);
      }
    }
  }

  @Test
  void productsAgreeForOddShapesAndDensities() {
    SplittableRandom random = new SplittableRandom(72);
    int[][] shapes = {{1, 1}, {1, 257}, {257, 1}, {7, 33}, {33, 7}, {130, 64}, {64, 130}, {3, 0}, {0, 3}};
    double[] densities = {0, 0.01, 0.1, 0.5, 1};
    for (int[] shape : shapes) {
      for (double density : densities) {
        CsrMatrix a = randomSparse(random, shape[0], shape[1], density);
        for (Transpose t : Transpose.values()) {
          for (float[] ab : SCALARS) {
            int n = new int[] {1, 5, 16, 37, 67}[random.nextInt(5)];
            check(random, a, t, n, ab[0], ab[1], simd);
            check(random, a, t, n, ab[0], ab[1], simd3);
          }
        }
      }
    }
  }

  @Test
  void productsAreBitIdenticalForAnyThreadCount() {
    SplittableRandom random = new SplittableRandom(73);
    // large enough to be split into row blocks: 1000 rows, about 50 entries each, 40 columns of B
    CsrMatrix a = randomSparse(random, 1000, 500, 0.1);
    for (Transpose t : Transpose.values()) {
      int outRows = t == Transpose.NO ? a.rows() : a.cols();
      int inRows = t == Transpose.NO ? a.cols() : a.rows();
      float[] b = Twins.uniform(random, inRows * 40);
      float[] c1 = new float[outRows * 40];
      float[] c3 = new float[outRows * 40];
      simd.csrmm(t, 1f, a, b, 0, 40, 40, 0f, c1, 0, 40);
      simd3.csrmm(t, 1f, a, b, 0, 40, 40, 0f, c3, 0, 40);
      assertBitIdentical("csrmm " + t + " with 1 and 3 threads", c1, c3);
    }
  }

  @Test
  void rowNormsAndScalingGiveTheScalarBits() {
    SplittableRandom random = new SplittableRandom(74);
    for (int rows : new int[] {0, 1, 17, 3000}) {
      CsrMatrix a = randomSparse(random, rows, 1 + random.nextInt(90), 0.3);
      for (Norm norm : new Norm[] {Norm.L1, Norm.L2}) {
        float[] expected = new float[rows + 2];
        float[] actual = new float[rows + 2];
        scalar.csrRowNorms(a, norm, expected, 2);
        simd3.csrRowNorms(a, norm, actual, 2);
        assertBitIdentical("row norms " + norm + " of " + rows + " rows", expected, actual);
      }
      float[] factors = Twins.uniform(random, rows + 1);
      assertThat(simd3.csrScaleRows(a, factors, 1)).isEqualTo(scalar.csrScaleRows(a, factors, 1));
    }
    assertThatThrownBy(() -> simd.csrRowNorms(CsrMatrix.empty(1, 1), Norm.NONE, new float[1], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simd.csrmm(Transpose.NO, 1f, CsrMatrix.empty(1, 1), new float[1], 0, 0, 1, 0f,
        new float[1], 0, 1)).hasMessageContaining("ldb=0");
  }
}
