package org.example.tessera.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import io.tessera.api.Tessera;
import io.tessera.io.Json;
import io.tessera.io.NumericTable;
import io.tessera.spi.ModelFamilyProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin as the platform sees it, checked against scikit-learn's NearestCentroid on iris. */
class NearestCentroidTest {

  private static Tessera tessera;
  private static NumericTable iris;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws URISyntaxException {
    tessera = Tessera.builder().seed(1).threads(1).build();
    iris = (NumericTable) tessera.algorithm("example/nearest-centroid").readInput(resource("iris.csv"));
  }

  @AfterAll
  static void stop() {
    tessera.close();
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(NearestCentroidTest.class.getResource(name).toURI());
  }

  @Test
  @DisplayName("the platform discovers the plugin's family and algorithm")
  void discovered() {
    assertThat(tessera.families()).extracting(ModelFamilyProvider::id).contains("example");
    assertThat(tessera.algorithm("nearest-centroid").family()).isEqualTo("example");
  }

  @Test
  @DisplayName("centroids, predictions and accuracy equal scikit-learn's for each metric and shrink threshold")
  @SuppressWarnings("unchecked")
  void matchesSklearn() throws Exception {
    Map<String, Object> fixture = (Map<String, Object>) Json.parse(Files.readString(resource("nearest_centroid_iris.json")));

    for (Object c : (List<Object>) fixture.get("cases")) {
      Map<String, Object> expected = (Map<String, Object>) c;
      String metric = (String) expected.get("metric");
      double shrink = ((Number) expected.get("shrink_threshold")).doubleValue();
      NearestCentroidModel model = tessera.train("nearest-centroid", iris,
          Map.of("metric", metric, "shrink_threshold", Double.toString(shrink)));
      String label = metric + ", shrink " + shrink;

      assertThat(model.classes()).as(label).isEqualTo(expected.get("classes"));
      List<List<Number>> centroids = (List<List<Number>>) expected.get("centroids");
      for (int k = 0; k < centroids.size(); k++) {
        double[] want = centroids.get(k).stream().mapToDouble(Number::doubleValue).toArray();
        // Both sides compute in double from the same float32 inputs; only summation order differs.
        assertThat(model.centroid(k)).as(label + ", class " + k).containsExactly(want, within(1e-12));
      }
      for (int i = 0; i < iris.rows(); i++) {
        float[] row = Arrays.copyOfRange(iris.values(), i * iris.cols(), (i + 1) * iris.cols());
        assertThat(model.predict(row)).as(label + ", row " + i)
            .isEqualTo(((List<?>) expected.get("predictions")).get(i));
      }
      assertThat(model.trainingAccuracy()).as(label)
          .isCloseTo(((Number) expected.get("accuracy")).doubleValue(), within(1e-15));
    }
  }

  @Test
  @DisplayName("a saved model loads back with the same centroids, answers and summary")
  void saveAndLoad() {
    NearestCentroidModel model = tessera.train("nearest-centroid", iris, Map.of("metric", "manhattan"));
    Path file = dir.resolve("nc.safetensors");

    tessera.save(model, file);
    NearestCentroidModel back = tessera.load(file, NearestCentroidModel.class);

    assertThat(back.centroid(2)).containsExactly(model.centroid(2));
    assertThat(back.metric()).isEqualTo(NearestCentroidConfig.Metric.MANHATTAN);
    assertThat(back.predict(new float[] {6.5f, 3.0f, 5.5f, 2.0f})).isEqualTo("virginica");
    assertThat(back.summary()).isEqualTo(model.summary()).contains("training accuracy 0.9267");
  }

  @Test
  @DisplayName("tables without labels, or with a single class, are refused with a clear message")
  void refusesUnlabelledInput() {
    NumericTable unlabelled = new NumericTable(List.of("x"), 2, new float[] {1, 2}, List.of());
    NumericTable oneClass = new NumericTable(List.of("x"), 2, new float[] {1, 2}, List.of("a", "a"));

    assertThatThrownBy(() -> tessera.train("nearest-centroid", unlabelled, Map.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("class label for every row");
    assertThatThrownBy(() -> tessera.train("nearest-centroid", oneClass, Map.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("at least two classes");
    assertThatThrownBy(() -> tessera.train("nearest-centroid", iris, Map.of("metric", "cosine")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'metric'");
  }

  @Test
  @DisplayName("the class-path services file names the provider, like module-info's provides")
  void servicesFileNamesTheProvider() throws IOException {
    try (InputStream in = HelloFamily.class.getResourceAsStream("/META-INF/services/io.tessera.spi.ModelFamilyProvider")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo(HelloFamily.class.getName());
    }
  }
}
