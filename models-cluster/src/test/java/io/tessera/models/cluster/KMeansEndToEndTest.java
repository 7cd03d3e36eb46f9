package io.tessera.models.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import io.tessera.api.Tessera;
import io.tessera.io.NumericTable;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** K-Means as an application uses it: through the {@link Tessera} entry point, by algorithm id. */
class KMeansEndToEndTest {

  @TempDir
  Path dir;

  private static Tessera platform(int threads) {
    return Tessera.builder().seed(7).threads(threads).build();
  }

  private static NumericTable iris(Tessera tessera) {
    return (NumericTable) tessera.algorithm("kmeans").sampleInput().orElseThrow();
  }

  @Test
  @DisplayName("train by id on the bundled iris, save, load: the same model comes back, card and all")
  void trainSaveLoad() {
    try (Tessera tessera = platform(2)) {
      KMeansModel model = tessera.train("kmeans", iris(tessera), Map.of("k", "3"));
      Path file = dir.resolve("iris.safetensors");
      tessera.save(model, file);
      KMeansModel back = tessera.load(file, KMeansModel.class);

      assertThat(model.inertia()).isCloseTo(78.8514, within(1e-3));
      assertThat(model.card().family()).isEqualTo("cluster");
      assertThat(model.card().algorithm()).isEqualTo("kmeans");
      assertThat(model.card().hyperparameters()).containsEntry("k", "3").containsEntry("init", "k-means++");
      assertThat(model.card().provenance().seed()).isEqualTo(7);
      assertThat(model.card().provenance().threads()).isEqualTo(2);
      assertThat(back.centroids()).containsExactly(model.centroids());
      assertThat(back.labels()).containsExactly(model.labels());
      assertThat(back.card()).isEqualTo(model.card());
      assertThat(back.summary()).isEqualTo(model.summary()).contains("adjusted Rand index");
    }
  }

  @Test
  @DisplayName("1 and 2 threads give bit-identical models; a config record trains like key=value text")
  void threadsDoNotChangeResults() {
    KMeansModel one;
    KMeansModel two;
    KMeansModel fromRecord;
    try (Tessera tessera = platform(1)) {
      one = tessera.train("cluster/kmeans", iris(tessera), Map.of("k", "4", "scale", "standard"));
    }
    try (Tessera tessera = platform(2)) {
      two = tessera.train("kmeans", iris(tessera), Map.of("k", "4", "scale", "standard"));
      fromRecord = tessera.train("kmeans", iris(tessera),
          KMeansConfig.builder().k(4).scale(KMeansConfig.Scale.STANDARD).build());
    }

    assertThat(two.centroids()).containsExactly(one.centroids());
    assertThat(two.labels()).containsExactly(one.labels());
    assertThat(two.inertia()).isEqualTo(one.inertia());
    assertThat(fromRecord.centroids()).containsExactly(two.centroids());
  }

  @Test
  @DisplayName("a misspelt hyperparameter is refused before training, suggesting the right one")
  void unknownParameter() {
    try (Tessera tessera = platform(1)) {
      assertThatThrownBy(() -> tessera.train("kmeans", iris(tessera), Map.of("n_inits", "3")))
          .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'n_init'");
    }
  }
}
