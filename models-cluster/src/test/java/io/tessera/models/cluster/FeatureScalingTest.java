package io.tessera.models.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import io.tessera.io.NumericTable;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeatureScalingTest {

  private static final NumericTable TABLE = new NumericTable(List.of("x", "const", "big"), 4,
      new float[] {1, 7, 1e6f, 2, 7, 1e6f + 2, 3, 7, 1e6f + 4, 4, 7, 1e6f + 6}, List.of());

  @Test
  @DisplayName("standardisation uses the mean and the population standard deviation, as StandardScaler does")
  void fitsMeanAndPopulationDeviation() {
    FeatureScaling s = FeatureScaling.fitStandard(TABLE);

    assertThat(s.mean()).containsExactly(new double[] {2.5, 7, 1e6 + 3}, within(1e-9));
    assertThat(s.scale()[0]).isCloseTo(Math.sqrt(1.25), within(1e-12));
    assertThat(s.scale()[2]).as("no cancellation at large means").isCloseTo(2 * Math.sqrt(1.25), within(1e-9));
    assertThat(s.isIdentity()).isFalse();
    assertThat(s.kind()).isEqualTo("standard");
  }

  @Test
  @DisplayName("a constant column keeps scale 1 and maps to 0 instead of NaN")
  void constantColumn() {
    FeatureScaling s = FeatureScaling.fitStandard(TABLE);

    assertThat(s.scale()[1]).isEqualTo(1.0);
    assertThat(s.apply(new float[] {2.5f, 7, 1e6f + 3})).containsExactly(0f, 0f, 0f);
  }

  @Test
  @DisplayName("apply and invert are inverse maps; the identity changes nothing")
  void applyAndInvert() {
    FeatureScaling s = FeatureScaling.standard(new double[] {1, -2}, new double[] {2, 0.5});
    FeatureScaling none = FeatureScaling.none(2);

    assertThat(s.apply(new float[] {5, -1})).containsExactly(2f, 2f);
    assertThat(s.invert(new float[] {2, 2})).containsExactly(5f, -1f);
    assertThat(none.apply(new float[] {5, -1})).containsExactly(5f, -1f);
    assertThat(none.isIdentity()).isTrue();
    assertThat(none.scale()).containsExactly(1, 1);
  }

  @Test
  @DisplayName("invalid parameters and rows of the wrong length are refused")
  void refusesInvalid() {
    assertThatThrownBy(() -> FeatureScaling.standard(new double[] {0}, new double[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale > 0");
    assertThatThrownBy(() -> FeatureScaling.standard(new double[] {0, 1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeatureScaling.none(2).apply(new float[3]))
        .isInstanceOf(BadInputException.class).hasMessageContaining("3 values, the model expects 2");
  }
}
