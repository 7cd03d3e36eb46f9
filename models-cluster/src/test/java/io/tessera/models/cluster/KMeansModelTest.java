package io.tessera.models.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelCard;
import io.tessera.api.Provenance;
import io.tessera.io.NumericTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KMeansModelTest {

  private static final ModelCard CARD = new ModelCard("cluster", "kmeans", 1, Map.of("k", "2"),
      new Provenance("test", "25", 1, "scalar", 32, 1, "", Instant.EPOCH));

  /** Two centroids on the x axis, at 0 and 10, trained on 4 rows of which one is an odd one out. */
  private static KMeansModel model(List<String> rowClasses) {
    return new KMeansModel(CARD, List.of("x", "y"), FeatureScaling.none(2), new float[] {0, 0, 10, 0},
        new int[] {0, 0, 1, 1}, rowClasses, 2.5, 3);
  }

  @Test
  @DisplayName("predict picks the nearest centroid, the lower index on ties")
  void predict() {
    KMeansModel m = model(List.of());

    assertThat(m.predict(new float[] {1, 5})).isZero();
    assertThat(m.predict(new float[] {9, -5})).isEqualTo(1);
    assertThat(m.predict(new float[] {5, 0})).as("tie").isZero();
    assertThat(m.predict(new NumericTable(List.of("x", "y"), 2, new float[] {8, 0, 2, 0}, List.of())))
        .containsExactly(1, 0);
  }

  @Test
  @DisplayName("predict scales the row first when the model standardises")
  void predictScales() {
    FeatureScaling scaling = FeatureScaling.standard(new double[] {100, 0}, new double[] {10, 1});
    KMeansModel m = new KMeansModel(CARD, List.of("x", "y"), scaling, new float[] {0, 0, 1, 0}, new int[] {0, 1},
        List.of(), 0, 1);

    assertThat(m.predict(new float[] {109, 0})).isEqualTo(1);
    assertThat(m.predict(new float[] {101, 0})).isZero();
    assertThat(m.centroidInInputUnits(1)).containsExactly(110f, 0f);
  }

  @Test
  @DisplayName("transform gives the Euclidean distance to every centroid")
  void transform() {
    assertThat(model(List.of()).transform(new float[] {3, 4})).containsExactly(new double[] {5, Math.sqrt(65)},
        within(1e-12));
  }

  @Test
  @DisplayName("a table with other columns is refused, naming both column lists")
  void predictChecksColumns() {
    NumericTable other = new NumericTable(List.of("y", "x"), 1, new float[] {0, 0}, List.of());

    assertThatThrownBy(() -> model(List.of()).predict(other))
        .isInstanceOf(BadInputException.class).hasMessageContaining("[y, x]").hasMessageContaining("[x, y]");
  }

  @Test
  @DisplayName("the summary gives k, sizes and inertia, and against reference labels the ARI and a contingency table")
  void summary() {
    String withLabels = model(List.of("a", "a", "a", "b")).summary();

    assertThat(model(List.of()).summary())
        .contains("2 clusters of 4 rows x 2 features", "inertia 2.50000 after 3 iterations", "cluster sizes: 2, 2")
        .doesNotContain("Rand");
    assertThat(withLabels).contains("adjusted Rand index vs the reference labels: 0.0000")
        .contains("cluster | a b", "      0 | 2 0", "      1 | 1 1");
  }

  @Test
  @DisplayName("accessors return copies and report the training figures")
  void accessors() {
    KMeansModel m = model(List.of("a", "a", "b", "b"));
    m.centroids()[0] = 99;
    m.labels()[0] = 1;

    assertThat(m.centroid(0)).containsExactly(0f, 0f);
    assertThat(m.labels()).containsExactly(0, 0, 1, 1);
    assertThat(m.k()).isEqualTo(2);
    assertThat(m.dimensions()).isEqualTo(2);
    assertThat(m.rows()).isEqualTo(4);
    assertThat(m.clusterSizes()).containsExactly(2, 2);
    assertThat(m.adjustedRandIndex()).hasValue(1.0);
    assertThat(m.referenceLabels()).containsExactly("a", "a", "b", "b");
    assertThat(m.card()).isSameAs(CARD);
  }

  @Test
  @DisplayName("parts that do not fit together are refused")
  void validation() {
    List<String> xy = List.of("x", "y");
    FeatureScaling none = FeatureScaling.none(2);

    assertThatThrownBy(() -> new KMeansModel(CARD, xy, none, new float[3], new int[0], List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 centroid values");
    assertThatThrownBy(() -> new KMeansModel(CARD, xy, none, new float[4], new int[] {2}, List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> new KMeansModel(CARD, xy, none, new float[4], new int[] {-1}, List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no cluster");
    assertThatThrownBy(() -> new KMeansModel(CARD, xy, none, new float[4], new int[] {0}, List.of("a", "b"), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference labels");
    assertThatThrownBy(() -> new KMeansModel(CARD, xy, FeatureScaling.none(3), new float[4], new int[0], List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scaling");
    assertThatThrownBy(() -> new KMeansModel(CARD, xy, none, new float[] {0, Float.NaN}, new int[0], List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
  }
}
