package io.tessera.models.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.io.NumericTable;
import io.tessera.models.cluster.KMeansConfig;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KMeansAlgorithmTest {

  private final KMeansAlgorithm algorithm = new KMeansAlgorithm();

  @TempDir
  Path dir;

  @Test
  @DisplayName("the cluster family is found by ServiceLoader and offers kmeans")
  void publishedAsPlugin() {
    // The module declares no `uses` (the platform does the loading); a test may add it for its own module.
    getClass().getModule().addUses(ModelFamilyProvider.class);
    ModelFamilyProvider family = ServiceLoader.load(ModelFamilyProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("cluster")).findFirst().orElseThrow();

    assertThat(family.algorithms()).extracting(Algorithm::id).containsExactly("kmeans");
    assertThat(family.algorithms().getFirst().family()).isEqualTo("cluster");
  }

  @Test
  @DisplayName("there is one parameter per config component, named as the component in snake_case")
  void paramsMirrorTheConfigRecord() {
    List<String> components = Arrays.stream(KMeansConfig.class.getRecordComponents()).map(RecordComponent::getName)
        .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList();

    assertThat(algorithm.params()).extracting(ParamSpec::name).containsExactlyElementsOf(components);
  }

  @Test
  @DisplayName("the parameter defaults build the builder's default config")
  void defaultsAgree() {
    assertThat(algorithm.configure(ParamValues.defaults(algorithm.params()))).isEqualTo(KMeansConfig.builder().build());
  }

  @Test
  @DisplayName("key=value text becomes a config; bad values name the parameter")
  void configureFromText() {
    KMeansConfig config = algorithm.configure(ParamValues.parse(algorithm.params(), Map.of(
        "k", "3", "init", "random", "n_init", "4", "max_iter", "50", "tol", "0.001", "scale", "standard")));

    assertThat(config).isEqualTo(new KMeansConfig(3, KMeansConfig.Init.RANDOM, 4, 50, 0.001,
        KMeansConfig.Scale.STANDARD));
    assertThatThrownBy(() -> ParamValues.parse(algorithm.params(), Map.of("k", "0")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'k'");
    assertThatThrownBy(() -> ParamValues.parse(algorithm.params(), Map.of("init", "kmeans++")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'k-means++'");
  }

  @Test
  @DisplayName("the sample input is the real iris data: 150 rows, 4 measurements, species as labels")
  void sampleIsIris() {
    NumericTable iris = algorithm.sampleInput().orElseThrow();

    assertThat(iris.columns()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
    assertThat(iris.rows()).isEqualTo(150);
    assertThat(iris.labels()).containsOnly("setosa", "versicolor", "virginica").hasSize(150);
    assertThat(iris.get(0, 0)).isEqualTo(5.1f);
    assertThat(iris.get(149, 3)).isEqualTo(1.8f);
  }

  @Test
  @DisplayName("readInput reads CSV and TSV; numeric columns are features, the one text column becomes labels")
  void readsCsvAndTsv() throws IOException {
    Path csv = write("t.csv", "a,kind,b\n1,x,2.5\n3,y,-4e1\n");
    Path tsv = write("t.tsv", "a\tb\n1\t2\n");

    NumericTable fromCsv = algorithm.readInput(csv);
    NumericTable fromTsv = algorithm.readInput(tsv);

    assertThat(fromCsv.columns()).containsExactly("a", "b");
    assertThat(fromCsv.values()).containsExactly(1f, 2.5f, 3f, -40f);
    assertThat(fromCsv.labels()).containsExactly("x", "y");
    assertThat(fromTsv.labels()).isEmpty();
    assertThat(fromTsv.values()).containsExactly(1f, 2f);
  }

  @Test
  @DisplayName("malformed tables are refused naming file, line and column")
  void readRefusesMalformedTables() throws IOException {
    assertBad("two-text.csv", "a,b,c\n1,x,y\n", "two-text.csv:2", "columns b, c hold text");
    assertBad("late-text.csv", "a,b,c\n1,x,2\n3,y,z\n", "late-text.csv:3", "column 'c': 'z' is not a number");
    assertBad("missing.csv", "a,b\n1,2\n3,\n", "missing.csv:3", "column 'b' is empty");
    assertBad("ragged.csv", "a,b\n1,2\n3\n", "ragged.csv:3", "expected 2 fields");
    assertBad("text-only.csv", "name\nx\n", "text-only.csv:1", "no numeric columns");
    assertBad("absent.csv", null, "absent.csv", "no such file");
  }

  private void assertBad(String name, String content, String where, String problem) throws IOException {
    Path file = content == null ? dir.resolve(name) : write(name, content);
    assertThatThrownBy(() -> algorithm.readInput(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(problem);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
