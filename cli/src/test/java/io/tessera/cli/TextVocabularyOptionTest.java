package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.tessera.api.Tessera;
import io.tessera.engine.CsrMatrix;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.text.DocumentTermMatrix;
import io.tessera.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tessera text counts|tfidf --vocabulary FILE}: a vectorizer fitted on one corpus applied to another. The
 * reference is scikit-learn's {@code fit} on 22 IMDB training reviews then {@code transform} on 60 test reviews
 * ({@code sklearn-imdb-fit-transform.safetensors.gz}, made by {@code make_fixtures.py} next to it in the api
 * module's test resources, which also hold both samples).
 */
class TextVocabularyOptionTest {
  /** The largest difference allowed between a float entry and scikit-learn's float64 one. */
  private static final double TOLERANCE = 1e-6;
  private static final Path TEXT = Path.of("..", "api", "src", "test", "resources", "io", "tessera", "text");
  private static final Path TRAIN = TEXT.resolve("imdb-train-sample.tsv");
  private static final Path TEST = TEXT.resolve("sklearn").resolve("imdb-test-sample.tsv");

  @TempDir
  Path dir;

  /** @return the scikit-learn fixture, decompressed into the test's folder */
  private TensorFile fixture() {
    Path out = dir.resolve("fixture.safetensors");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(
        TEXT.resolve("sklearn").resolve("sklearn-imdb-fit-transform.safetensors.gz")))) {
      Files.copy(in, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TensorFile.open(out);
  }

  private static Tokenizer regex() {
    try (Tessera tessera = Tessera.builder().build()) {
      return tessera.tokenizer("regex", Map.of());
    }
  }

  /** Runs {@code tessera text args...}, expecting success. */
  private static Cli ok(String... args) {
    List<String> all = new ArrayList<>(List.of("--quiet", "text"));
    all.addAll(List.of(args));
    Cli r = Cli.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  /** Fits {@code command} with {@code options} on the training sample into {@code file}. */
  private Path fit(String file, String command, String... options) {
    Path out = dir.resolve(file);
    List<String> args = new ArrayList<>(List.of(command, "--tokenizer", "regex", "--corpus", TRAIN.toString(),
        "--column", "text", "--out", out.toString()));
    args.addAll(List.of(options));
    ok(args.toArray(String[]::new));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tfidf_default", "tfidf_sublinear_l1_raw_idf_min_df", "counts_max_df_max_features"})
  void fittingOnTrainAndApplyingToTestGivesScikitLearnsMatrix(String setting) {
    Path fitted = switch (setting) {
      case "tfidf_default" -> fit("a.safetensors", "tfidf");
      case "tfidf_sublinear_l1_raw_idf_min_df" -> fit("a.safetensors", "tfidf", "--sublinear-tf", "--norm", "l1",
          "--no-smooth-idf", "--min-df", "2");
      case "counts_max_df_max_features" -> fit("a.safetensors", "counts", "--max-df", "0.5", "--max-features",
          "500");
      default -> throw new IllegalArgumentException(setting);
    };
    Path applied = dir.resolve("b.safetensors");

    Cli r = ok(setting.substring(0, setting.indexOf('_')), "--vocabulary", fitted.toString(), "--corpus",
        TEST.toString(), "--column", "text", "--out", applied.toString());

    DocumentTermMatrix dtm = DocumentTermMatrix.read(applied, regex());
    CsrMatrix m = dtm.matrix();
    try (TensorFile expected = fixture()) {
      List<String> vocabulary = expected.strings(setting + ".vocabulary");
      assertThat(dtm.vectorizer().vocabulary()).as("columns").isEqualTo(vocabulary)
          .isEqualTo(DocumentTermMatrix.read(fitted, regex()).vectorizer().vocabulary());
      assertThat(m.rows()).isEqualTo(60);
      assertThat(m.indptr()).as("row pointers").containsExactly(expected.ints(setting + ".indptr"));
      assertThat(m.indices()).as("column indices").containsExactly(expected.ints(setting + ".indices"));
      double[] data = expected.doubles(setting + ".data");
      for (int p = 0; p < data.length; p++) {
        assertThat((double) m.value(p)).as("entry %d", p).isCloseTo(data[p], offset(TOLERANCE));
      }
      if (expected.has(setting + ".idf")) {
        assertThat(dtm.vectorizer().idf()).containsExactly(expected.doubles(setting + ".idf"), offset(1e-12));
      }
    }
    assertThat(r.out()).startsWith(String.format("wrote %s: 60 documents x %,d terms of the vocabulary of %s, %,d "
        + "non-zero entries (%s", applied, m.cols(), fitted, m.nnz(),
        setting.startsWith("tfidf") ? "tf-idf" : "counts"));
  }

  @Test
  void theTokenizerIsRecreatedFromTheFile() {
    Path fitted = fit("a.safetensors", "tfidf", "--option", "lowercase=false", "--stopwords", "english");
    Path applied = dir.resolve("b.safetensors");

    // Applied to its own corpus, the fitted vectorizer gives the matrix of the fit only with the same tokenizer.
    ok("tfidf", "--vocabulary", fitted.toString(), "--corpus", TRAIN.toString(), "--column", "text", "--out",
        applied.toString());

    CsrMatrix fit = DocumentTermMatrix.read(fitted, regex()).matrix();
    CsrMatrix transformed = DocumentTermMatrix.read(applied, regex()).matrix();
    assertThat(transformed.indptr()).isEqualTo(fit.indptr());
    assertThat(transformed.indices()).isEqualTo(fit.indices());
    assertThat(transformed.values()).isEqualTo(fit.values());
    assertThat(DocumentTermMatrix.read(applied, regex()).vectorizer().settings().tokenizerName())
        .isEqualTo("regex lowercase=false stopwords=english");
  }

  @Test
  void repeatingTheFilesTokenizerOrFittingOptionsIsAccepted() {
    Path fitted = fit("a.safetensors", "tfidf", "--min-df", "2", "--norm", "l1");

    ok("tfidf", "--vocabulary", fitted.toString(), "--tokenizer", "regex", "--option", "lowercase=true",
        "--stopwords", "none", "--min-df", "2", "--norm", "l1", "--smooth-idf", "--corpus", TEST.toString(),
        "--column", "text", "--out", dir.resolve("b.safetensors").toString());
    // What the options leave out is the file's: here the tokenizer id regex.
    ok("tfidf", "--vocabulary", fitted.toString(), "--option", "lowercase=true", "--corpus", TEST.toString(),
        "--column", "text", "--out", dir.resolve("c.safetensors").toString());
  }

  @Test
  void anotherTokenizerIsAOneLineUsageErrorNamingBoth() {
    Path fitted = fit("a.safetensors", "counts", "--stopwords", "english");
    Path out = dir.resolve("b.safetensors");

    Cli other = Cli.run("text", "counts", "--vocabulary", fitted.toString(), "--tokenizer", "default",
        "--corpus", TEST.toString(), "--column", "text", "--out", out.toString());
    Cli noStopwords = Cli.run("text", "counts", "--vocabulary", fitted.toString(), "--stopwords", "none",
        "--corpus", TEST.toString(), "--column", "text", "--out", out.toString());

    assertThat(other.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(other.errLines()).hasSize(1);
    assertThat(other.err()).contains("'--tokenizer'", fitted.toString(),
        "'regex stopwords=english', not 'default stopwords=english'");
    assertThat(noStopwords.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noStopwords.errLines()).hasSize(1);
    assertThat(noStopwords.err()).contains("'--stopwords'", "'regex stopwords=english'", "not 'regex'");
    assertThat(out).doesNotExist();
  }

  @Test
  void aFittingOptionWithAnotherValueThanTheFilesIsAOneLineUsageError() {
    Path fitted = fit("a.safetensors", "tfidf", "--min-df", "2");
    Path out = dir.resolve("b.safetensors");

    Cli minDf = Cli.run("text", "tfidf", "--vocabulary", fitted.toString(), "--min-df", "3", "--corpus",
        TEST.toString(), "--column", "text", "--out", out.toString());
    Cli smooth = Cli.run("text", "tfidf", "--vocabulary", fitted.toString(), "--no-smooth-idf", "--corpus",
        TEST.toString(), "--column", "text", "--out", out.toString());

    assertThat(minDf.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(minDf.errLines()).hasSize(1);
    assertThat(minDf.err()).contains("'--min-df'", "3 differs from the 2", fitted.toString());
    assertThat(smooth.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(smooth.errLines()).hasSize(1);
    assertThat(smooth.err()).contains("'--smooth-idf'", "false differs from the true");
    assertThat(out).doesNotExist();
  }

  @Test
  void aCountsFileForTfidfOrAFileWithoutAVectorizerIsOneLineNamingTheFile() throws IOException {
    Path counts = fit("counts.safetensors", "counts");
    Path text = Files.copy(TRAIN, dir.resolve("train.tsv"));
    Path tensors = dir.resolve("other.safetensors");
    TensorWriter.create().putInts("x", new int[] {1, 2}).write(tensors);
    Path out = dir.resolve("b.safetensors");

    Cli noIdf = Cli.run("text", "tfidf", "--vocabulary", counts.toString(), "--corpus", TEST.toString(),
        "--column", "text", "--out", out.toString());
    Cli notSafetensors = Cli.run("text", "counts", "--vocabulary", text.toString(), "--corpus", TEST.toString(),
        "--column", "text", "--out", out.toString());
    Cli noVectorizer = Cli.run("text", "counts", "--vocabulary", tensors.toString(), "--corpus", TEST.toString(),
        "--column", "text", "--out", out.toString());
    Cli missing = Cli.run("text", "counts", "--vocabulary", dir.resolve("none.safetensors").toString(),
        "--corpus", TEST.toString(), "--column", "text", "--out", out.toString());

    assertThat(noIdf.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noIdf.err()).contains(counts.toString(), "without idf");
    assertThat(notSafetensors.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(notSafetensors.err()).contains(text.toString());
    assertThat(noVectorizer.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(noVectorizer.err()).contains(tensors.toString(), "not a document-term matrix or vectorizer file");
    assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("none.safetensors");
    for (Cli r : List.of(noIdf, notSafetensors, noVectorizer, missing)) {
      assertThat(r.errLines()).hasSize(1);
    }
    assertThat(out).doesNotExist();
  }
}
