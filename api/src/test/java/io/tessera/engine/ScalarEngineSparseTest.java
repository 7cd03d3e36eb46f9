package io.tessera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scalar engine's sparse kernels. Its products sum the same nonzero terms in the same order (increasing column,
 * or increasing row for the transpose) in double as its dense {@code gemm} does (the zeros gemm adds change
 * nothing), so a sparse product must equal the dense product of {@link CsrMatrix#toDense()} bit for bit.
 */
class ScalarEngineSparseTest {
  private static ScalarEngine one;
  private static ScalarEngine three;

  @BeforeAll
  static void engines() {
    one = new ScalarEngine(1);
    three = new ScalarEngine(3);
  }

  @AfterAll
  static void close() {
    one.close();
    three.close();
  }

  /** A random {@code rows x cols} matrix with about {@code density} of its elements stored, some rows empty. */
  static CsrMatrix random(SplittableRandom random, int rows, int cols, double density) {
    CsrMatrix.Builder b = CsrMatrix.builder(cols);
    int[] cs = new int[cols];
    float[] vs = new float[cols];
    for (int r = 0; r < rows; r++) {
      int n = 0;
      for (int c = 0; c < cols; c++) {
        if (random.nextDouble() < density) {
          cs[n] = c;
          vs[n++] = (float) (random.nextDouble() * 2 - 1);
        }
      }
      b.addRow(cs, vs, r % 5 == 3 ? 0 : n);
    }
    return b.build();
  }

  static float[] uniform(SplittableRandom random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return a;
  }

  @Test
  void productsEqualTheDenseProductBitForBit() {
    SplittableRandom random = new SplittableRandom(11);
    int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {17, 9, 33}, {64, 130, 7}, {5, 1, 70}, {0, 4, 3}, {4, 0, 3}};
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      CsrMatrix a = random(random, m, k, 0.3);
      for (Transpose t : Transpose.values()) {
        int inner = t == Transpose.NO ? k : m;
        int outer = t == Transpose.NO ? m : k;
        int ldb = n + 3;
        int ldc = n + 2;
        float[] b = uniform(random, 2 + inner * ldb);
        float[] c = uniform(random, 1 + outer * ldc);
        float[] expected = c.clone();
        one.gemm(t, Transpose.NO, outer, n, inner, 0.75f, a.toDense(), 0, Math.max(1, k), b, 2, ldb, -0.5f,
            expected, 1, ldc);
        for (ScalarEngine engine : new ScalarEngine[] {one, three}) {
          float[] actual = c.clone();
          engine.csrmm(t, 0.75f, a, b, 2, ldb, n, -0.5f, actual, 1, ldc);
          assertThat(actual).as("%s %s, %d threads", Arrays.toString(s), t, engine.threads())
              .containsExactly(expected);
        }
      }
    }
  }

  @Test
  void betaZeroIgnoresWhatCHeld() {
    CsrMatrix a = CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {1, 0}, new float[] {2, 3});
    float[] b = {1, 10, 100, 1000};
    float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
    one.csrmm(Transpose.NO, 1f, a, b, 0, 2, 2, 0f, c, 0, 2);
    assertThat(c).containsExactly(200, 2000, 3, 30);
    one.csrmm(Transpose.YES, 1f, a, b, 0, 2, 2, 1f, c, 0, 2);
    assertThat(c).containsExactly(200 + 300, 2000 + 3000, 3 + 2, 30 + 20);
  }

  @Test
  void rejectsDenseOperandsNarrowerThanN() {
    CsrMatrix a = CsrMatrix.empty(2, 2);
    float[] x = new float[8];
    assertThatThrownBy(() -> one.csrmm(Transpose.NO, 1f, a, x, 0, 1, 2, 0f, x, 0, 2))
        .hasMessageContaining("ldb=1");
    assertThatThrownBy(() -> one.csrmm(Transpose.NO, 1f, a, x, 0, 2, -1, 0f, x, 0, 2))
        .hasMessageContaining("n=-1");
  }

  @Test
  void rowNormsAndScalingNormalizeRows() {
    CsrMatrix a = random(new SplittableRandom(3), 300, 40, 0.2);
    float[] norms = new float[a.rows() + 1];
    three.csrRowNorms(a, Norm.L2, norms, 1);
    float[] inverse = new float[a.rows()];
    for (int i = 0; i < a.rows(); i++) {
      assertThat(norms[i + 1]).isEqualTo(a.rowNorm(i, Norm.L2));
      inverse[i] = norms[i + 1] == 0 ? 1 : 1 / norms[i + 1];
    }
    CsrMatrix unit = three.csrScaleRows(a, inverse, 0);
    float[] after = new float[a.rows()];
    one.csrRowNorms(unit, Norm.L2, after, 0);
    for (int i = 0; i < a.rows(); i++) {
      assertThat(after[i]).isCloseTo(a.rowNnz(i) == 0 ? 0f : 1f, org.assertj.core.data.Offset.offset(1e-6f));
      assertThat(unit.rowColumns(i)).containsExactly(a.rowColumns(i));
    }
    assertThat(one.csrScaleRows(a, inverse, 0)).isEqualTo(unit);
    float[] l1 = new float[a.rows()];
    one.csrRowNorms(a, Norm.L1, l1, 0);
    assertThat(l1[0]).isEqualTo(a.rowNorm(0, Norm.L1));
    assertThatThrownBy(() -> one.csrRowNorms(a, Norm.NONE, l1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> one.csrRowNorms(a, Norm.L1, l1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
