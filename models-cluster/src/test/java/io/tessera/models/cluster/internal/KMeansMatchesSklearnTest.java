package io.tessera.models.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import io.tessera.io.NumericTable;
import io.tessera.models.cluster.KMeansConfig;
import io.tessera.models.cluster.KMeansModel;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tessera's K-Means against scikit-learn 1.2 on real data (fixtures from {@code sklearn/make_fixtures.py}).
 *
 * <p>Each Lloyd case starts both implementations from the same explicit centres with one run, so they must
 * agree on every label and on the iteration count. Centres may differ in the last bits: Tessera keeps
 * centroids in float32 (relative spacing 6e-8, so ~5e-6 absolute at the largest coordinate here, ~80) and
 * sums in a different order, while scikit-learn works in float64; 1e-4 absolute leaves a wide margin over
 * that and is still far below any difference a wrong assignment would make (one row moving changes a
 * centre by >= 1e-3 here). Inertia is compared to 1e-4 relative for the same reason.
 */
class KMeansMatchesSklearnTest {

  private final KMeansTrainer trainer = new KMeansTrainer();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"iris_k3", "iris_k5", "iris_k3_empty_cluster", "faithful_k2", "faithful_k4",
      "breast_cancer_k2_standard", "breast_cancer_k5_standard"})
  @DisplayName("from the same initial centres, Lloyd's iterations reach sklearn's centres, labels, inertia and n_iter")
  void lloydFromGivenCentresMatchesSklearn(String name) {
    SklearnFixture expected = SklearnFixture.load(name);
    NumericTable table = expected.table();
    KMeansConfig config = KMeansConfig.builder().k(expected.integer("k")).nInit(1)
        .maxIter(expected.integer("max_iter")).tol(expected.number("tol"))
        .scale(KMeansConfig.Scale.of(expected.string("scale"))).build();

    KMeansModel model;
    try (TestContext context = new TestContext(2, 1)) {
      model = trainer.fitFrom(table, config, context, expected.floatMatrix("init_centers"));
    }

    assertThat(model.labels()).as("labels").containsExactly(expected.integers("labels"));
    assertThat(model.iterations()).as("n_iter").isEqualTo(expected.integer("n_iter"));
    assertThat(toDoubles(model.centroids())).as("centres")
        .containsExactly(expected.matrix("centers"), within(1e-4));
    assertThat(model.inertia()).as("inertia")
        .isCloseTo(expected.number("inertia"), within(1e-4 * expected.number("inertia")));
    if (expected.json().containsKey("ari")) {
      assertThat(model.adjustedRandIndex()).as("adjusted Rand index vs the labels")
          .hasValueCloseTo(expected.number("ari"), offset(1e-12));
    }
  }

  @Test
  @DisplayName("with standard scaling, the scaler's means and deviations equal sklearn's StandardScaler")
  void standardScalingMatchesSklearnStandardScaler() {
    SklearnFixture expected = SklearnFixture.load("breast_cancer_k2_standard");
    KMeansConfig config = KMeansConfig.builder().k(2).nInit(1).scale(KMeansConfig.Scale.STANDARD).build();

    KMeansModel model;
    try (TestContext context = new TestContext(1, 1)) {
      model = trainer.fitFrom(expected.table(), config, context, expected.floatMatrix("init_centers"));
    }

    assertThat(model.scaling().mean()).containsExactly(expected.numbers("scaler_mean"), within(1e-9));
    double[] scale = expected.numbers("scaler_scale");
    for (int f = 0; f < scale.length; f++) {
      assertThat(model.scaling().scale()[f]).as("scale of feature %d", f).isCloseTo(scale[f], within(1e-9 * scale[f]));
    }
  }

  @Test
  @DisplayName("greedy k-means++, best of 10 runs on iris with k=3, reaches sklearn's inertia (78.851)")
  void plusPlusBestOfTenReachesSklearnInertia() {
    SklearnFixture expected = SklearnFixture.load("iris_k3_plusplus");
    double sklearnBest = Arrays.stream(expected.numbers("best_of_10_inertia_by_seed")).min().orElseThrow();
    KMeansConfig config = KMeansConfig.builder().k(3).nInit(10).build();

    for (long seed = 1; seed <= 5; seed++) {
      try (TestContext context = new TestContext(2, seed)) {
        KMeansModel model = trainer.fit(SampleData.iris(), config, context);
        assertThat(model.inertia()).as("inertia with seed %d", seed)
            .isCloseTo(sklearnBest, within(1e-3 * sklearnBest));
      }
    }
  }

  private static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
