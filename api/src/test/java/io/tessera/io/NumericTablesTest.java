package io.tessera.io;

import static io.tessera.io.ReferenceFixtureTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericTablesTest {
  @TempDir
  Path dir;

  @Test
  void readsIrisWithItsSpeciesAsLabels() {
    NumericTable iris = NumericTables.readCsv(resource("data/iris.csv"), "species");

    assertThat(iris.columns()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
    assertThat(iris.rows()).isEqualTo(150);
    assertThat(iris.get(0, 0)).isEqualTo(5.1f);
    assertThat(iris.get(149, 3)).isEqualTo(1.8f);
    assertThat(iris.labels()).hasSize(150).startsWith("setosa").endsWith("virginica");
    assertThat(Set.copyOf(iris.labels())).containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
  }

  @Test
  void readsAnAllNumericTableWithoutLabels() {
    NumericTable faithful = NumericTables.readCsv(resource("data/faithful.csv"), null);

    assertThat(faithful.columns()).containsExactly("eruptions", "waiting");
    assertThat(faithful.rows()).isEqualTo(272);
    assertThat(faithful.get(0, 0)).isEqualTo(3.6f);
    assertThat(faithful.get(0, 1)).isEqualTo(79f);
    assertThat(faithful.labels()).isEmpty();
  }

  @Test
  void readsAGzippedTsvWithATextColumnAsLabels() {
    NumericTable nsmc = NumericTables.readCsv(resource("data/nsmc-head.tsv.gz"), "document");

    assertThat(nsmc.columns()).containsExactly("id", "label");
    assertThat(nsmc.rows()).isEqualTo(30);
    assertThat(nsmc.get(0, 0)).isEqualTo(3500513f);
    assertThat(nsmc.labels().get(0)).isEqualTo("도대체 어디서 스릴감을 찾을 수 있다는 건지...");
    for (int r = 0; r < nsmc.rows(); r++) {
      assertThat(nsmc.get(r, 1)).isIn(0f, 1f);
    }
  }

  @Test
  void canSkipColumns() {
    NumericTable arrests = NumericTables.readCsv(resource("data/usarrests.csv"), "state", List.of("UrbanPop"));

    assertThat(arrests.columns()).containsExactly("Murder", "Assault", "Rape");
    assertThat(arrests.labels().get(0)).isEqualTo("Alabama");
    assertThat(arrests.get(0, 2)).isEqualTo(21.2f);
  }

  @Test
  void aMissingValueNamesFileLineAndColumn() {
    Path air = resource("data/airquality-head.csv");

    assertThatThrownBy(() -> NumericTables.readCsv(air, "Date"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(air + ":6: column 'Ozone' is empty (a missing value); every cell of a numeric column needs a"
            + " number");
  }

  @Test
  void aLabelColumnThatIsNotNumericMustBeNamed() {
    Path iris = resource("data/iris.csv");

    assertThatThrownBy(() -> NumericTables.readCsv(iris, null))
        .isInstanceOf(BadInputException.class)
        .hasMessage(iris + ":2: column 'species': 'setosa' is not a number");
    assertThatThrownBy(() -> NumericTables.readCsv(iris, "specis"))
        .hasMessageContaining("no column 'specis' (did you mean 'species'?)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "0x1p3", "1f", "1,5", "NA", "--1", "1e"})
  void acceptsOnlyPlainDecimalNumbers(String text) throws IOException {
    Path p = dir.resolve("t.tsv");
    Files.writeString(p, "x\ty\n1\t" + text + "\n");

    assertThatThrownBy(() -> NumericTables.readCsv(p, null))
        .isInstanceOf(BadInputException.class)
        .hasMessage(p + ":2: column 'y': '" + text + "' is not a number");
  }

  @Test
  void acceptsEveryPlainDecimalForm() throws IOException {
    Path p = dir.resolve("ok.csv");
    Files.writeString(p, "a,b,c,d,e,f\n-3,+2.5,.5,1e-3,7.,  4 \n");

    NumericTable t = NumericTables.readCsv(p, null);

    assertThat(t.values()).containsExactly(-3f, 2.5f, 0.5f, 0.001f, 7f, 4f);
  }

  @Test
  void rejectsNumbersBeyondTheFloatRange() throws IOException {
    Path p = dir.resolve("big.csv");
    Files.writeString(p, "a\n1e39\n");

    assertThatThrownBy(() -> NumericTables.readCsv(p, null))
        .hasMessage(p + ":2: column 'a': 1e39 is out of the float range");
  }
}
