package io.tessera.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamValuesTest {
  private static final List<ParamSpec<?>> SPECS = List.of(
      ParamSpec.ofInt("n_clusters", 8, Range.atLeast(1), "number of clusters"),
      ParamSpec.ofInt("max_iter", 300, Range.atLeast(1), "iterations per run"),
      ParamSpec.ofDouble("tol", 1e-4, Range.atLeast(0), "convergence tolerance"),
      ParamSpec.ofDouble("learning_rate", 0.025, Range.greaterThan(0), "initial learning rate"),
      ParamSpec.ofBoolean("shuffle", true, "shuffle every epoch"),
      ParamSpec.ofChoice("init", "k-means++", List.of("k-means++", "random"), "initialisation"));

  @Test
  void missingKeysTakeTheirDefaults() {
    ParamValues v = ParamValues.parse(SPECS, Map.of("n_clusters", "3"));

    assertThat(v.getInt("n_clusters")).isEqualTo(3);
    assertThat(v.getInt("max_iter")).isEqualTo(300);
    assertThat(v.getString("init")).isEqualTo("k-means++");
    assertThat(v.asText()).containsEntry("tol", "1.0E-4").containsKeys("shuffle", "learning_rate");
  }

  @Test
  void anUnknownKeyNamesTheNearestValidKey() {
    assertThatThrownBy(() -> ParamValues.parse(SPECS, Map.of("max_iters", "5")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("parameter 'max_iters': unknown parameter (did you mean 'max_iter'?)")
        .hasMessageContaining("valid: n_clusters, max_iter");
  }

  @Test
  void aValueOutsideItsRangeNamesTheRange() {
    assertThatThrownBy(() -> ParamValues.parse(SPECS, Map.of("n_clusters", "0")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'n_clusters': 0 is outside the allowed range [1, inf)");
    assertThatThrownBy(() -> ParamValues.parse(SPECS, Map.of("learning_rate", "0")))
        .hasMessage("parameter 'learning_rate': 0 is outside the allowed range (0, inf)");
  }

  @Test
  void malformedValuesSayWhatWasExpected() {
    assertThatThrownBy(() -> ParamValues.parse(SPECS, Map.of("max_iter", "lots")))
        .hasMessage("parameter 'max_iter': 'lots' is not an integer (allowed: [1, inf))");
    assertThatThrownBy(() -> ParamValues.parse(SPECS, Map.of("shuffle", "maybe")))
        .hasMessage("parameter 'shuffle': 'maybe' is not true or false (allowed: true|false)");
    assertThatThrownBy(() -> ParamValues.parse(SPECS, Map.of("init", "kmeans++")))
        .hasMessage("parameter 'init': 'kmeans++' is not one of k-means++|random (did you mean 'k-means++'?)");
  }

  @Test
  void theBadInputExceptionCarriesTheParameterName() {
    assertThatThrownBy(() -> ParamValues.parse(SPECS, Map.of("tol", "-1")))
        .isInstanceOfSatisfying(BadInputException.class,
            e -> assertThat(e.parameter()).contains("tol"));
  }

  @Test
  void specsRejectDefaultsOutsideTheirOwnRange() {
    assertThatThrownBy(() -> ParamSpec.ofInt("k", 0, Range.atLeast(1), "clusters"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside [1, inf)");
    assertThatThrownBy(() -> ParamSpec.ofInt("MaxIter", 1, Range.ANY, "bad name"))
        .hasMessageContaining("lower_snake_case");
  }

  @Test
  void nearestOnlySuggestsPlausibleTypos() {
    assertThat(ParamValues.nearest("windw", List.of("window", "min_count"))).contains("window");
    assertThat(ParamValues.nearest("zzzzzz", List.of("window", "min_count"))).isEmpty();
  }
}
