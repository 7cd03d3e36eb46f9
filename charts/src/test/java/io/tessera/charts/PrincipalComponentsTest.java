package io.tessera.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

  /** scikit-learn 1.2's PCA(n_components=2) on the raw iris measurements gives these figures. */
  @Test
  void irisComponentsMatchScikitLearn() {
    double[][] rows = Examples.csv("iris.csv").stream().map(r -> new double[] {Double.parseDouble(r[0]),
        Double.parseDouble(r[1]), Double.parseDouble(r[2]), Double.parseDouble(r[3])}).toArray(double[][]::new);

    PrincipalComponents pca = PrincipalComponents.fit(rows);

    assertThat(pca.explainedVarianceRatio(0)).isCloseTo(0.92461872, within(1e-7));
    assertThat(pca.explainedVarianceRatio(1)).isCloseTo(0.05306648, within(1e-7));
    assertThat(pca.axis(0)).containsExactly(new double[] {0.36138659, -0.08452251, 0.85667061, 0.3582892},
        within(1e-7));
    assertThat(pca.project(rows[0])).containsExactly(new double[] {-2.68412563, 0.31939725}, within(1e-7));
  }

  @Test
  void raggedRowsAreRejectedNamingTheRow() {
    assertThatThrownBy(() -> PrincipalComponents.fit(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(BadInputException.class).hasMessage("parameter 'rows': row 1 has 1 values, row 0 has 2");
  }
}
