package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import io.tessera.io.Json;
import io.tessera.io.TensorFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectorizers reproduce scikit-learn 1.2 entry by entry on 60 real IMDB reviews, for six settings that cover
 * every option: the fixture {@code sklearn-imdb-sample.safetensors.gz} holds scikit-learn's whole matrices (float64),
 * vocabularies and idf, made by {@code make_fixtures.py}.
 */
class SklearnParityTest {
  /** The largest difference allowed between a float entry and scikit-learn's float64 one (the bar). */
  private static final double TOLERANCE = 1e-6;

  private static final Tokenizer TOKENIZER = RegexTokenizer.sklearnDefault();
  private static ScalarEngine engine;
  private static TensorFile fixture;

  @BeforeAll
  static void open(@TempDir Path dir) {
    engine = new ScalarEngine(2);
    fixture = TensorFile.open(VectorizerFixtures.gunzip("sklearn-imdb-sample.safetensors.gz", dir));
  }

  @AfterAll
  static void close() {
    fixture.close();
    engine.close();
  }

  /** The Tessera equivalent of each setting of the fixture script (same names, same keyword arguments). */
  private static DocumentTermMatrix vectorize(String setting, List<String> docs) {
    CountVectorizer.Builder counts = CountVectorizer.builder(TOKENIZER);
    TfidfWeighting tfidf = TfidfWeighting.DEFAULT;
    return switch (setting) {
      case "tfidf_default" -> TfidfVectorizer.withDefaults(TOKENIZER).fitTransform(docs, engine);
      case "tfidf_sublinear_l1_raw_idf" -> TfidfVectorizer.of(counts.build(),
          tfidf.withSublinearTf(true).withNorm(Norm.L1).withSmoothIdf(false)).fitTransform(docs, engine);
      case "tfidf_binary_no_idf_no_norm_df" -> TfidfVectorizer.of(counts.binary(true).minDf(2).maxDf(0.5).build(),
          tfidf.withUseIdf(false).withNorm(Norm.NONE)).fitTransform(docs, engine);
      case "tfidf_max_features_fractions" -> TfidfVectorizer.of(
          counts.maxFeatures(300).minDf(0.02).maxDf(40).build(), tfidf).fitTransform(docs, engine);
      case "counts_max_features" -> counts.maxFeatures(150).build().fitTransform(docs, engine);
      case "counts_binary_max_features" -> counts.binary(true).maxFeatures(100).build().fitTransform(docs, engine);
      default -> throw new IllegalArgumentException(setting);
    };
  }

  @Test
  void theFixtureHasExactlyTheSettingsTestedHere() {
    @SuppressWarnings("unchecked")
    Map<String, Object> settings = (Map<String, Object>) Json.parse(fixture.metadata().get("settings"));
    assertThat(settings).containsOnlyKeys("tfidf_default", "tfidf_sublinear_l1_raw_idf",
        "tfidf_binary_no_idf_no_norm_df", "tfidf_max_features_fractions", "counts_max_features",
        "counts_binary_max_features");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tfidf_default", "tfidf_sublinear_l1_raw_idf", "tfidf_binary_no_idf_no_norm_df",
      "tfidf_max_features_fractions", "counts_max_features", "counts_binary_max_features"})
  void givesScikitLearnsVocabularyAndMatrix(String setting) {
    List<String> docs = VectorizerFixtures.imdbSample();
    DocumentTermMatrix dtm = vectorize(setting, docs);
    CsrMatrix m = dtm.matrix();

    List<String> vocabulary = fixture.strings(setting + ".vocabulary");
    assertThat(dtm.vectorizer().vocabulary()).as("vocabulary").isEqualTo(vocabulary);
    int[] indptr = fixture.ints(setting + ".indptr");
    assertThat(m.rows()).isEqualTo(docs.size()).isEqualTo(indptr.length - 1);
    assertThat(m.indptr()).as("row pointers").containsExactly(indptr);
    assertThat(m.indices()).as("column indices").containsExactly(fixture.ints(setting + ".indices"));
    double[] expected = fixture.doubles(setting + ".data");
    double worst = 0;
    for (int p = 0; p < expected.length; p++) {
      worst = Math.max(worst, Math.abs(m.value(p) - expected[p]));
    }
    assertThat(worst).as("largest difference from scikit-learn over %d entries", expected.length)
        .isLessThanOrEqualTo(TOLERANCE);
    if (fixture.has(setting + ".idf")) {
      double[] idf = fixture.doubles(setting + ".idf");
      double[] ours = dtm.vectorizer().idf();
      for (int j = 0; j < idf.length; j++) {
        assertThat(ours[j]).as("idf of %s", vocabulary.get(j)).isCloseTo(idf[j], org.assertj.core.data.Offset
            .offset(1e-12 * idf[j]));
      }
    }
  }

  @Test
  void countsAreExactAndMaxFeaturesBreaksTiesAsScikitLearn() {
    // the 150th and 151st most frequent terms both occur 13 times: which ones survive depends on NumPy's argsort
    DocumentTermMatrix dtm = vectorize("counts_max_features", VectorizerFixtures.imdbSample());
    double[] expected = fixture.doubles("counts_max_features.data");
    for (int p = 0; p < expected.length; p++) {
      assertThat((double) dtm.matrix().value(p)).isEqualTo(expected[p]);
    }
  }
}
