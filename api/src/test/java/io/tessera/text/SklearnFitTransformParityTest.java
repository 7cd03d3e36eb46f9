package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import io.tessera.io.TensorFile;
import io.tessera.io.TextCorpus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A vectorizer fitted on one corpus and applied to another gives scikit-learn's {@code fit} then
 * {@code transform}: fitted on the 22 reviews of {@code imdb-train-sample.tsv}, applied to the 60 of
 * {@code sklearn/imdb-test-sample.tsv}, against {@code sklearn-imdb-fit-transform.safetensors.gz} (made by
 * {@code make_fixtures.py}). Unseen terms are ignored; the idf is the fitting corpus's.
 */
class SklearnFitTransformParityTest {
  private static final Tokenizer TOKENIZER = RegexTokenizer.sklearnDefault();

  @TempDir
  Path dir;

  private static List<String> trainSample() {
    try (Stream<String> docs = TextCorpus.column(
        Path.of(SklearnFitTransformParityTest.class.getResource("imdb-train-sample.tsv").toURI()), "text")) {
      return docs.toList();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Tessera equivalent of each setting of the fixture script (same names, same keyword arguments). */
  private static Vectorizer vectorizer(String setting) {
    CountVectorizer.Builder counts = CountVectorizer.builder(TOKENIZER);
    return switch (setting) {
      case "tfidf_default" -> TfidfVectorizer.withDefaults(TOKENIZER);
      case "tfidf_sublinear_l1_raw_idf_min_df" -> TfidfVectorizer.of(counts.minDf(2).build(),
          TfidfWeighting.DEFAULT.withSublinearTf(true).withNorm(Norm.L1).withSmoothIdf(false));
      case "counts_max_df_max_features" -> counts.maxDf(0.5).maxFeatures(500).build();
      default -> throw new IllegalArgumentException(setting);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"tfidf_default", "tfidf_sublinear_l1_raw_idf_min_df", "counts_max_df_max_features"})
  void transformingAnotherCorpusGivesScikitLearnsMatrix(String setting) {
    DocumentTermMatrix dtm;
    try (ScalarEngine engine = new ScalarEngine(2)) {
      FittedVectorizer fitted = vectorizer(setting).fit(trainSample(), engine);
      dtm = fitted.transform(VectorizerFixtures.imdbSample(), engine);
    }
    CsrMatrix m = dtm.matrix();

    try (TensorFile fixture = TensorFile.open(VectorizerFixtures.gunzip("sklearn-imdb-fit-transform.safetensors.gz",
        dir))) {
      assertThat(dtm.vectorizer().vocabulary()).isEqualTo(fixture.strings(setting + ".vocabulary"));
      assertThat(m.indptr()).containsExactly(fixture.ints(setting + ".indptr"));
      assertThat(m.indices()).containsExactly(fixture.ints(setting + ".indices"));
      double[] expected = fixture.doubles(setting + ".data");
      for (int p = 0; p < expected.length; p++) {
        assertThat((double) m.value(p)).as("entry %d", p).isCloseTo(expected[p], offset(1e-6));
      }
      if (fixture.has(setting + ".idf")) {
        assertThat(dtm.vectorizer().idf()).containsExactly(fixture.doubles(setting + ".idf"), offset(1e-12));
      }
    }
  }
}
