package io.tessera.models.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KMeansConfigTest {

  @Test
  @DisplayName("the builder starts from scikit-learn 1.2's defaults")
  void defaults() {
    assertThat(KMeansConfig.builder().build())
        .isEqualTo(new KMeansConfig(8, KMeansConfig.Init.K_MEANS_PLUS_PLUS, 10, 300, 1e-4, KMeansConfig.Scale.NONE));
  }

  @Test
  @DisplayName("toBuilder round-trips and changes only what is set")
  void toBuilder() {
    KMeansConfig config = KMeansConfig.builder().k(3).scale(KMeansConfig.Scale.STANDARD).build();

    assertThat(config.toBuilder().build()).isEqualTo(config);
    assertThat(config.toBuilder().nInit(2).build().nInit()).isEqualTo(2);
  }

  @Test
  @DisplayName("invalid values are refused naming the parameter as typed on the command line")
  void validation() {
    assertThatThrownBy(() -> KMeansConfig.builder().k(0).build())
        .isInstanceOf(BadInputException.class).hasMessage("parameter 'k': 0 must be at least 1");
    assertThatThrownBy(() -> KMeansConfig.builder().nInit(-1).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'n_init'");
    assertThatThrownBy(() -> KMeansConfig.builder().maxIter(0).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'max_iter'");
    assertThatThrownBy(() -> KMeansConfig.builder().tol(Double.NaN).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'tol'");
    assertThatThrownBy(() -> KMeansConfig.builder().tol(-1e-9).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'tol'");
    assertThatThrownBy(() -> KMeansConfig.builder().init(null).build()).isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("choices are named as in scikit-learn, and unknown names are refused listing the valid ones")
  void choiceNames() {
    assertThat(KMeansConfig.Init.of("k-means++")).isEqualTo(KMeansConfig.Init.K_MEANS_PLUS_PLUS);
    assertThat(KMeansConfig.Init.of("random")).isEqualTo(KMeansConfig.Init.RANDOM);
    assertThat(KMeansConfig.Scale.of("Standard")).isEqualTo(KMeansConfig.Scale.STANDARD);
    assertThatThrownBy(() -> KMeansConfig.Scale.of("minmax"))
        .isInstanceOf(BadInputException.class).hasMessage("parameter 'scale': 'minmax' is not one of none|standard");
  }
}
