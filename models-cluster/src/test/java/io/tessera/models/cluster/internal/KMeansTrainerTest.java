package io.tessera.models.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.api.CancelledException;
import io.tessera.io.NumericTable;
import io.tessera.models.cluster.ClusterMetrics;
import io.tessera.models.cluster.KMeansConfig;
import io.tessera.models.cluster.KMeansModel;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KMeansTrainerTest {

  private final KMeansTrainer trainer = new KMeansTrainer();

  /** 3 000 rows of 5 features around 6 centres: several 256-row blocks and several shards. */
  private static NumericTable blobs() {
    SplittableRandom random = new SplittableRandom(42);
    int n = 3000;
    int d = 5;
    float[] values = new float[n * d];
    for (int i = 0; i < n; i++) {
      int blob = i % 6;
      for (int f = 0; f < d; f++) {
        // Blob b < 5 sits at 40 on axis b, blob 5 at the origin: all centres at least 40 apart.
        values[i * d + f] = (float) ((blob == f ? 40 : 0) + random.nextGaussian() * 2);
      }
    }
    return new NumericTable(List.of("a", "b", "c", "d", "e"), n, values, List.of());
  }

  private KMeansModel fit(NumericTable table, KMeansConfig config, int threads, long seed) {
    try (TestContext context = new TestContext(threads, seed)) {
      return trainer.fit(table, config, context);
    }
  }

  @Test
  @DisplayName("the same seed gives identical bits; so do 1 and 2 threads")
  void resultsDependOnlyOnTheSeed() {
    NumericTable table = blobs();
    for (KMeansConfig.Init init : KMeansConfig.Init.values()) {
      KMeansConfig config = KMeansConfig.builder().k(7).init(init).nInit(3).build();
      KMeansModel one = fit(table, config, 1, 7);
      KMeansModel again = fit(table, config, 1, 7);
      KMeansModel two = fit(table, config, 2, 7);

      for (KMeansModel other : List.of(again, two)) {
        assertThat(other.centroids()).as("centroids (%s)", init).containsExactly(one.centroids());
        assertThat(other.labels()).as("labels (%s)", init).containsExactly(one.labels());
        assertThat(Double.doubleToRawLongBits(other.inertia())).as("inertia bits (%s)", init)
            .isEqualTo(Double.doubleToRawLongBits(one.inertia()));
        assertThat(other.iterations()).isEqualTo(one.iterations());
      }
    }
  }

  @Test
  @DisplayName("different seeds draw different initial centres")
  void seedsChangeTheInitialCentres() {
    KMeansConfig oneShortRun = KMeansConfig.builder().k(3).nInit(1).maxIter(1).init(KMeansConfig.Init.RANDOM).build();
    KMeansModel a = fit(SampleData.iris(), oneShortRun, 1, 1);
    KMeansModel b = fit(SampleData.iris(), oneShortRun, 1, 2);

    assertThat(a.centroids()).isNotEqualTo(b.centroids());
  }

  @Test
  @DisplayName("k-means++ recovers well-separated blobs exactly, and predict agrees with the training labels")
  void recoversSeparatedClusters() {
    NumericTable table = blobs();
    KMeansModel model = fit(table, KMeansConfig.builder().k(6).build(), 2, 3);

    assertThat(model.clusterSizes()).containsOnly(500);
    int[] blobOf = new int[table.rows()];
    for (int i = 0; i < blobOf.length; i++) {
      blobOf[i] = i % 6;
    }
    assertThat(ClusterMetrics.adjustedRandIndex(blobOf, model.labels())).isEqualTo(1.0);
    assertThat(model.predict(table)).containsExactly(model.labels());
  }

  @Test
  @DisplayName("the best of n_init runs is at least as good as its first run alone")
  void moreRunsNeverHurt() {
    for (KMeansConfig.Init init : KMeansConfig.Init.values()) {
      KMeansConfig single = KMeansConfig.builder().k(8).init(init).nInit(1).build();
      KMeansModel first = fit(SampleData.iris(), single, 1, 11);
      KMeansModel best = fit(SampleData.iris(), single.toBuilder().nInit(10).build(), 1, 11);

      assertThat(best.inertia()).as("%s", init).isLessThanOrEqualTo(first.inertia());
    }
  }

  @Test
  @DisplayName("max_iter bounds the iterations, and the labels then match the final centres")
  void stopsAtMaxIter() {
    KMeansModel model = fit(blobs(), KMeansConfig.builder().k(20).nInit(1).maxIter(2).tol(0).build(), 1, 5);

    assertThat(model.iterations()).isEqualTo(2);
    assertThat(model.predict(blobs())).containsExactly(model.labels());
  }

  @Test
  @DisplayName("with fewer distinct rows than k, every row still gets a cluster and the inertia is 0")
  void duplicateRows() {
    float[] values = {1, 1, 1, 1, 5, 5, 5, 5, 5, 5};
    NumericTable table = new NumericTable(List.of("x", "y"), 5, values, List.of());

    KMeansModel model = fit(table, KMeansConfig.builder().k(3).build(), 1, 1);

    assertThat(model.inertia()).isZero();
    assertThat(model.labels()).hasSize(5);
    assertThat(model.predict(new float[] {1, 1})).isEqualTo(model.labels()[0]);
  }

  @Test
  @DisplayName("progress counts runs out of n_init, reports inertia every iteration, one epoch per run")
  void reportsProgress() {
    KMeansConfig config = KMeansConfig.builder().k(3).nInit(4).maxIter(50).build();
    try (TestContext context = new TestContext(1, 1)) {
      trainer.fit(SampleData.iris(), config, context);

      List<TestContext.Event> events = context.events();
      assertThat(events.getFirst()).isEqualTo(new TestContext.Event("start", "kmeans", 4, 0, Map.of()));
      double iterationsRun = events.stream().filter(e -> e.kind().equals("epoch"))
          .mapToDouble(e -> e.metrics().get("iterations")).sum();
      assertThat(iterationsRun).isBetween(4.0, 199.0);
      assertThat(events.stream().filter(e -> e.kind().equals("advance")).mapToLong(TestContext.Event::units).sum())
          .isEqualTo(4L);
      assertThat(events.stream().filter(e -> e.kind().equals("advance") && e.metrics().containsKey("inertia")))
          .isNotEmpty();
      assertThat(events.stream().filter(e -> e.kind().equals("epoch")).map(TestContext.Event::epoch))
          .containsExactly(1, 2, 3, 4);
      assertThat(events.getLast().kind()).isEqualTo("close");
    }
  }

  @Test
  @DisplayName("a cancelled context stops training with CancelledException naming where")
  void honoursCancellation() {
    try (TestContext context = new TestContext(1, 1)) {
      context.cancellation().cancel("user pressed Ctrl-C");

      assertThatThrownBy(() -> trainer.fit(SampleData.iris(), KMeansConfig.builder().k(3).build(), context))
          .isInstanceOf(CancelledException.class)
          .hasMessageContaining("user pressed Ctrl-C")
          .hasMessageContaining("k-means");
    }
  }

  @Test
  @DisplayName("bad input is refused with a message naming the parameter, row or column")
  void refusesBadInput() {
    NumericTable three = new NumericTable(List.of("x"), 3, new float[] {1, 2, 3}, List.of());
    NumericTable missing = new NumericTable(List.of("x", "y"), 2, new float[] {1, 2, 3, Float.NaN}, List.of());
    NumericTable empty = new NumericTable(List.of("x"), 0, new float[0], List.of());

    assertThatThrownBy(() -> fit(three, KMeansConfig.builder().k(4).build(), 1, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'k'").hasMessageContaining("3");
    assertThatThrownBy(() -> fit(missing, KMeansConfig.builder().k(1).build(), 1, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column 'y': missing value");
    assertThatThrownBy(() -> fit(empty, KMeansConfig.builder().k(1).build(), 1, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no rows");
  }

  @Test
  @DisplayName("the farthest rows are found largest first, lower index first on ties")
  void farthestRows() {
    assertThat(KMeansTrainer.farthest(new float[] {1, 5, 3, 5, 0}, 3)).containsExactly(1, 3, 2);
  }

  @Test
  @DisplayName("sampling by cumulative weight picks the first index whose cumulative sum reaches the draw")
  void cumulativeSearch() {
    double[] cumulative = {0, 1, 1, 3};

    assertThat(KMeansTrainer.firstAtLeast(cumulative, 0.0)).isZero();
    assertThat(KMeansTrainer.firstAtLeast(cumulative, 0.5)).isEqualTo(1);
    assertThat(KMeansTrainer.firstAtLeast(cumulative, 1.0)).isEqualTo(1);
    assertThat(KMeansTrainer.firstAtLeast(cumulative, 2.0)).isEqualTo(3);
    assertThat(KMeansTrainer.firstAtLeast(cumulative, 9.0)).as("clipped to the last row").isEqualTo(3);
  }
}
