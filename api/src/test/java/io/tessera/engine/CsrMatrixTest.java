package io.tessera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSR matrix: canonical form checked on the way in, SciPy's layout, copies on the way out. */
class CsrMatrixTest {
  /**
   * <pre>
   *   [ 1 0 2 0 ]
   *   [ 0 0 0 0 ]
   *   [ 0 3 0 4 ]
   * </pre>
   */
  private static CsrMatrix sample() {
    return CsrMatrix.of(3, 4, new int[] {0, 2, 2, 4}, new int[] {0, 2, 1, 3}, new float[] {1, 2, 3, 4});
  }

  @Test
  void exposesShapeRowsAndElementsAsScipyDoes() {
    CsrMatrix m = sample();
    assertThat(m.rows()).isEqualTo(3);
    assertThat(m.cols()).isEqualTo(4);
    assertThat(m.nnz()).isEqualTo(4);
    assertThat(m.rowStart(2)).isEqualTo(2);
    assertThat(m.rowEnd(2)).isEqualTo(4);
    assertThat(m.rowNnz(1)).isZero();
    assertThat(m.column(3)).isEqualTo(3);
    assertThat(m.value(3)).isEqualTo(4f);
    assertThat(m.get(2, 1)).isEqualTo(3f);
    assertThat(m.get(2, 2)).isZero();
    assertThat(m.rowColumns(0)).containsExactly(0, 2);
    assertThat(m.rowValues(2)).containsExactly(3f, 4f);
    assertThat(m.indptr()).containsExactly(0, 2, 2, 4);
    assertThat(m.indices()).containsExactly(0, 2, 1, 3);
    assertThat(m.values()).containsExactly(1f, 2f, 3f, 4f);
    assertThat(m.toDense()).containsExactly(1, 0, 2, 0, 0, 0, 0, 0, 0, 3, 0, 4);
    assertThat(m).hasToString("CsrMatrix{3 x 4, 4 nonzeros}");
  }

  @Test
  void neverSharesItsArraysWithTheCaller() {
    int[] indptr = {0, 2, 2, 4};
    float[] values = {1, 2, 3, 4};
    CsrMatrix m = CsrMatrix.of(3, 4, indptr, new int[] {0, 2, 1, 3}, values);
    values[0] = 99;
    indptr[1] = 1;
    m.values()[1] = 99;
    m.indices()[0] = 3;
    assertThat(m).isEqualTo(sample());
  }

  @Test
  void rejectsAnythingButCanonicalCsrNamingTheProblem() {
    assertThatThrownBy(() -> CsrMatrix.of(2, 3, new int[] {0, 1}, new int[] {0}, new float[] {1}))
        .hasMessageContaining("indptr has 2 entries; 2 rows need 3");
    assertThatThrownBy(() -> CsrMatrix.of(1, 3, new int[] {1, 1}, new int[] {0}, new float[] {1}))
        .hasMessageContaining("indptr[0] is 1");
    assertThatThrownBy(() -> CsrMatrix.of(1, 3, new int[] {0, 2}, new int[] {0}, new float[] {1}))
        .hasMessageContaining("indptr ends at 2 but there are 1 indices and 1 values");
    assertThatThrownBy(() -> CsrMatrix.of(2, 3, new int[] {0, 2, 1}, new int[] {0}, new float[] {1}))
        .hasMessageContaining("row 0 runs from 0 to 2");
    assertThatThrownBy(() -> CsrMatrix.of(1, 3, new int[] {0, 2}, new int[] {2, 1}, new float[] {1, 2}))
        .hasMessageContaining("row 0: column 1 follows column 2");
    assertThatThrownBy(() -> CsrMatrix.of(1, 3, new int[] {0, 2}, new int[] {1, 1}, new float[] {1, 2}))
        .hasMessageContaining("row 0: column 1 follows column 1");
    assertThatThrownBy(() -> CsrMatrix.of(1, 3, new int[] {0, 1}, new int[] {3}, new float[] {1}))
        .hasMessageContaining("row 0: column 3 lies outside [0, 3)");
    assertThatThrownBy(() -> CsrMatrix.empty(-1, 2)).hasMessageContaining("invalid shape -1 x 2");
  }

  @Test
  void equalityComparesShapeStructureAndValueBits() {
    assertThat(sample()).isEqualTo(sample()).hasSameHashCodeAs(sample());
    assertThat(sample()).isNotEqualTo(sample().withValues(new float[] {1, 2, 3, 5}));
    assertThat(CsrMatrix.empty(2, 3)).isNotEqualTo(CsrMatrix.empty(3, 2));
    CsrMatrix explicitZero = CsrMatrix.of(1, 2, new int[] {0, 1}, new int[] {1}, new float[] {0});
    assertThat(explicitZero).isNotEqualTo(CsrMatrix.empty(1, 2));
    assertThat(explicitZero.toDense()).containsExactly(0, 0);
    CsrMatrix minusZero = CsrMatrix.of(1, 2, new int[] {0, 1}, new int[] {1}, new float[] {-0f});
    assertThat(explicitZero).isNotEqualTo(minusZero);
  }

  @Test
  void roundTripsThroughDenseDroppingZeros() {
    float[] dense = {0, 5, 0, -0f, 0, 0, 7, 0, 8};
    CsrMatrix m = CsrMatrix.fromDense(3, 3, dense, 0, 3);
    assertThat(m.nnz()).isEqualTo(3);
    assertThat(m.toDense()).containsExactly(0, 5, 0, 0, 0, 0, 7, 0, 8);
    float[] padded = {9, 1, 2, 9, 0, 3, 9};
    assertThat(CsrMatrix.fromDense(2, 2, padded, 1, 3).toDense()).containsExactly(1, 2, 0, 3);
  }

  @Test
  void transposesInCanonicalForm() {
    CsrMatrix t = sample().transpose();
    assertThat(t.rows()).isEqualTo(4);
    assertThat(t.cols()).isEqualTo(3);
    assertThat(t.indptr()).containsExactly(0, 1, 2, 3, 4);
    assertThat(t.toDense()).containsExactly(1, 0, 0, 0, 0, 3, 2, 0, 0, 0, 0, 4);
    assertThat(t.transpose()).isEqualTo(sample());
    assertThat(CsrMatrix.empty(0, 5).transpose()).isEqualTo(CsrMatrix.empty(5, 0));
  }

  @Test
  void stacksShardsInOrder() {
    CsrMatrix top = CsrMatrix.builder(4).addRow(new int[] {0, 2}, new float[] {1, 2}).addRow(new int[0],
        new float[0]).build();
    CsrMatrix bottom = CsrMatrix.builder(4).addRow(new int[] {1, 3}, new float[] {3, 4}).build();
    assertThat(CsrMatrix.vstack(List.of(top, CsrMatrix.empty(0, 4), bottom))).isEqualTo(sample());
    assertThatThrownBy(() -> CsrMatrix.vstack(List.of(top, CsrMatrix.empty(1, 3))))
        .hasMessageContaining("3 columns instead of 4");
    assertThatThrownBy(() -> CsrMatrix.vstack(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderCopiesRowsGrowsAndChecksThem() {
    CsrMatrix.Builder b = CsrMatrix.builder(1000);
    int[] cols = new int[3];
    float[] vals = new float[3];
    for (int r = 0; r < 500; r++) {
      cols[0] = r;
      cols[1] = r + 1;
      cols[2] = r + 7;
      vals[0] = r;
      vals[1] = -r;
      vals[2] = 0.5f;
      b.addRow(cols, vals, r % 4 == 0 ? 0 : 3);
    }
    assertThat(b.rows()).isEqualTo(500);
    CsrMatrix m = b.build();
    assertThat(m.nnz()).isEqualTo(375 * 3);
    assertThat(m.get(499, 500)).isEqualTo(-499f);
    assertThat(m.rowNnz(496)).isZero();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CsrMatrix.builder(2).addRow(new int[] {2}, new float[] {1}))
        .hasMessageContaining("row 0: column 2 lies outside [0, 2)");
    assertThatThrownBy(() -> CsrMatrix.builder(2).addRow(new int[] {1}, new float[] {1, 2}))
        .hasMessageContaining("1 columns but 2 values");
  }

  @Test
  void rowNormsSumInDouble() {
    CsrMatrix m = CsrMatrix.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1}, new float[] {3, -4, -2});
    assertThat(m.rowNorm(0, Norm.L2)).isEqualTo(5f);
    assertThat(m.rowNorm(0, Norm.L1)).isEqualTo(7f);
    assertThat(m.rowNorm(1, Norm.L1)).isEqualTo(2f);
    assertThat(CsrMatrix.empty(1, 1).rowNorm(0, Norm.L2)).isZero();
    assertThatThrownBy(() -> m.rowNorm(0, Norm.NONE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normNamesParseInAnyCase() {
    assertThat(Norm.parse("L2")).isEqualTo(Norm.L2);
    assertThat(Norm.parse("none")).isEqualTo(Norm.NONE);
    assertThat(Norm.L1.id()).isEqualTo("l1");
    assertThatThrownBy(() -> Norm.parse("l3")).hasMessage("parameter 'norm': 'l3' is not one of none, l1, l2");
  }
}
