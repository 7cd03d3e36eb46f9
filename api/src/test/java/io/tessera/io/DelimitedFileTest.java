package io.tessera.io;

import static io.tessera.io.ReferenceFixtureTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedFileTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void readsRowsByColumnNameAndPosition() {
    try (DelimitedFile iris = DelimitedFile.open(resource("data/iris.csv"))) {
      assertThat(iris.delimiter()).isEqualTo(',');
      assertThat(iris.columns())
          .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width", "species");
      List<DelimitedFile.Row> rows = iris.rows().toList();
      assertThat(rows).hasSize(150);
      assertThat(rows.get(0).get("species")).isEqualTo("setosa");
      assertThat(rows.get(0).get(0)).isEqualTo("5.1");
      assertThat(rows.get(0).line()).isEqualTo(2);
      assertThat(rows.get(149).values()).containsExactly("5.9", "3.0", "5.1", "1.8", "virginica");
    }
  }

  @Test
  void picksTheDelimiterFromTheName() {
    assertThat(DelimitedFile.delimiterFor(Path.of("a.tsv"))).isEqualTo('\t');
    assertThat(DelimitedFile.delimiterFor(Path.of("a.TSV.gz"))).isEqualTo('\t');
    assertThat(DelimitedFile.delimiterFor(Path.of("a.tab"))).isEqualTo('\t');
    assertThat(DelimitedFile.delimiterFor(Path.of("a.csv.gz"))).isEqualTo(',');
    assertThatThrownBy(() -> DelimitedFile.delimiterFor(Path.of("a.txt")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("a.txt: cannot tell the delimiter from the file name");
  }

  @Test
  void readsAGzippedTsv() {
    try (DelimitedFile nsmc = DelimitedFile.open(resource("data/nsmc-head.tsv.gz"));
         Stream<DelimitedFile.Row> rows = nsmc.rows()) {
      assertThat(nsmc.columns()).containsExactly("id", "document", "label");
      assertThat(rows.map(r -> r.get("label"))).hasSize(30).allMatch(l -> l.equals("0") || l.equals("1"));
    }
  }

  @Test
  void reportsAWrongFieldCountWithFileLineAndBothCounts() throws IOException {
    Path p = write("bad.csv", "a,b,c\n1,2,3\n4,5\n");

    try (DelimitedFile f = DelimitedFile.open(p)) {
      assertThatThrownBy(() -> f.rows().toList())
          .isInstanceOf(BadInputException.class)
          .hasMessage(p + ":3: expected 3 fields (a, b, c) but found 2");
    }
  }

  @Test
  void parsesRfc4180QuotingInCsv() throws IOException {
    Path p = write("q.csv", "name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\nplain,\"\"\n");

    try (DelimitedFile f = DelimitedFile.open(p)) {
      List<DelimitedFile.Row> rows = f.rows().toList();
      assertThat(rows).extracting(DelimitedFile.Row::values).containsExactly(
          List.of("Smith, J", "said \"hi\""), List.of("multi\nline", "x"), List.of("plain", ""));
      assertThat(rows).extracting(DelimitedFile.Row::line).containsExactly(2L, 3L, 5L);
    }
  }

  @Test
  void rejectsBrokenQuoting() throws IOException {
    Path unclosed = write("u.csv", "a,b\n\"open,1\n2,3\n");
    Path trailing = write("t.csv", "a,b\n\"x\"y,1\n");

    try (DelimitedFile f = DelimitedFile.open(unclosed)) {
      assertThatThrownBy(() -> f.rows().toList())
          .hasMessage(unclosed + ":2: quoted field is not closed before the end of the file");
    }
    try (DelimitedFile f = DelimitedFile.open(trailing)) {
      assertThatThrownBy(() -> f.rows().toList())
          .hasMessage(trailing + ":2:4: unexpected character after a closing quote (write a quote inside a quoted"
              + " field as \"\")");
    }
  }

  @Test
  void skipsBlankLinesInMultiColumnFiles() throws IOException {
    Path p = write("blank.csv", "a,b\n1,2\n\n3,4\n\n");

    try (DelimitedFile f = DelimitedFile.open(p)) {
      assertThat(f.rows().map(r -> r.get("b"))).containsExactly("2", "4");
    }
  }

  @Test
  void rejectsEmptyFilesAndDuplicateColumns() throws IOException {
    Path empty = write("e.tsv", "");
    Path dup = write("d.tsv", "x\ty\tx\n");

    assertThatThrownBy(() -> DelimitedFile.open(empty))
        .isInstanceOf(BadInputException.class)
        .hasMessage(empty + ": empty file; expected a header row naming the columns");
    assertThatThrownBy(() -> DelimitedFile.open(dup))
        .hasMessage(dup + ":1: column 'x' appears twice in the header (columns 1 and 3)");
  }

  @Test
  void unknownColumnsGetASuggestion() {
    try (DelimitedFile f = DelimitedFile.open(resource("data/usarrests.csv"))) {
      assertThatThrownBy(() -> f.columnIndex("murder"))
          .hasMessageEndingWith("no column 'murder' (did you mean 'Murder'?); columns: state, Murder, Assault,"
              + " UrbanPop, Rape");
    }
  }

  @Test
  void rowsCanBeIteratedOnce() {
    try (DelimitedFile f = DelimitedFile.open(resource("data/faithful.csv"))) {
      assertThat(f.iterator().hasNext()).isTrue();
      assertThatThrownBy(f::iterator).isInstanceOf(IllegalStateException.class);
    }
  }
}
