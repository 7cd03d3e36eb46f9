package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.Tessera;
import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.io.TextCorpus;
import io.tessera.text.DocumentTermMatrix;
import io.tessera.text.TfidfVectorizer;
import io.tessera.text.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera text counts} and {@code tessera text tfidf} on ten IMDB reviews. */
class TextVectorizeCommandTest {
  @TempDir
  Path dir;

  private static Tokenizer regex() {
    try (Tessera tessera = Tessera.builder().build()) {
      return tessera.tokenizer("regex", Map.of());
    }
  }

  @Test
  void tfidfWritesTheMatrixTheApiComputes() {
    Path imdb = Cli.resource("imdb10.txt", dir);
    Path out = dir.resolve("m.safetensors");

    Cli r = Cli.run("text", "tfidf", "--tokenizer", "regex", "--corpus", imdb.toString(), "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    DocumentTermMatrix written = DocumentTermMatrix.read(out, regex());
    List<String> lines;
    try (Stream<String> s = TextCorpus.lines(imdb)) {
      lines = s.toList();
    }
    DocumentTermMatrix expected;
    try (Tessera tessera = Tessera.builder().build()) {
      expected = TfidfVectorizer.withDefaults(regex()).fitTransform(lines, tessera.engine());
    }
    CsrMatrix m = written.matrix();
    assertThat(m.rows()).isEqualTo(10);
    assertThat(written.vectorizer().vocabulary()).isEqualTo(expected.vectorizer().vocabulary());
    assertThat(m.indptr()).isEqualTo(expected.matrix().indptr());
    assertThat(m.indices()).isEqualTo(expected.matrix().indices());
    assertThat(m.values()).isEqualTo(expected.matrix().values());
    assertThat(m.rowNorm(0, Norm.L2)).isCloseTo(1f, within(1e-6f));
    assertThat(r.out()).startsWith("wrote " + out + ": 10 documents x " + m.cols() + " terms");
  }

  @Test
  void severalCorpusFilesAreOneCorpusAndJsonGivesTheChecksum() throws Exception {
    Path imdb = Cli.resource("imdb10.txt", dir);
    List<String> lines = Files.readAllLines(imdb);
    Path first = Files.write(dir.resolve("first.txt"), lines.subList(0, 4));
    Path rest = Files.write(dir.resolve("rest.txt"), lines.subList(4, lines.size()));
    Path whole = dir.resolve("whole.safetensors");
    Path parts = dir.resolve("parts.safetensors");

    Cli one = Cli.run("--quiet", "text", "tfidf", "--tokenizer", "regex", "--json", "--corpus", imdb.toString(),
        "--out", whole.toString());
    Cli two = Cli.run("--quiet", "text", "tfidf", "--tokenizer", "regex", "--json", "--corpus", first.toString(),
        "--corpus", rest.toString(), "--out", parts.toString());

    assertThat(two.exit()).as(two.err()).isZero();
    assertThat(two.json()).containsEntry("rows", 10L).containsEntry("out", parts.toString())
        .containsEntry("sum", one.json().get("sum"));
    assertThat(DocumentTermMatrix.read(parts, regex()).matrix())
        .isEqualTo(DocumentTermMatrix.read(whole, regex()).matrix());
    double sum = 0;
    CsrMatrix m = DocumentTermMatrix.read(whole, regex()).matrix();
    for (int p = 0; p < m.nnz(); p++) {
      sum += m.value(p);
    }
    assertThat((Double) one.json().get("sum")).isEqualTo(sum);
  }

  @Test
  void countsWithDocumentFrequencyFiltersAndMaxFeatures() {
    Path imdb = Cli.resource("imdb10.txt", dir);
    Path out = dir.resolve("c.safetensors");

    Cli r = Cli.run("text", "counts", "--tokenizer", "regex", "--stopwords", "english", "--min-df", "2",
        "--max-features", "5", "--corpus", imdb.toString(), "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    DocumentTermMatrix written = DocumentTermMatrix.read(out, regex());
    assertThat(written.matrix().cols()).isEqualTo(5);
    assertThat(written.vectorizer().vocabulary()).doesNotContain("the", "and").contains("film", "story");
    for (int j = 0; j < 5; j++) {
      assertThat(written.vectorizer().documentFrequency(j)).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void nothingSurvivingTheFiltersIsOneLineAndNoFile() {
    Path imdb = Cli.resource("imdb10.txt", dir);
    Path out = dir.resolve("none.safetensors");

    Cli r = Cli.run("--quiet", "text", "tfidf", "--tokenizer", "regex", "--stopwords", "english", "--min-df", "10",
        "--corpus", imdb.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("min_df", "max_df");
    assertThat(out).doesNotExist();
  }

  @Test
  void minDfAboveMaxDfIsAUsageError() {
    Path imdb = Cli.resource("imdb10.txt", dir);
    Path out = dir.resolve("x.safetensors");

    Cli r = Cli.run("text", "counts", "--min-df", "5", "--max-df", "2", "--corpus", imdb.toString(),
        "--out", out.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("max_df");
    assertThat(out).doesNotExist();
  }

  @Test
  void unknownNormIsAUsageError() throws Exception {
    Path imdb = Cli.resource("imdb10.txt", dir);
    Path out = dir.resolve("n.safetensors");

    Cli r = Cli.run("text", "tfidf", "--norm", "l3", "--corpus", imdb.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("norm", "l2");
    assertThat(Files.exists(out)).isFalse();
  }
}
