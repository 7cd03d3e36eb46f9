package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import io.tessera.io.TextCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vectorizers' semantics on a corpus small enough to check by hand. Tokens (scikit-learn's pattern, lower
 * case; {@code a} is too short) and counts:
 * <pre>
 *             cat dog ran sat the
 *   doc 0      1   .   .   1   1     "the cat sat"
 *   doc 1      1   .   1   .   1     "the cat ran"
 *   doc 2      .   1   1   .   .     "a dog ran"
 *   doc 3      .   .   .   .   .     ""  (empty)
 *   doc 4      .   2   .   .   2     "The Dog the dog"
 *   df         2   2   2   1   3     of 5 documents
 *   count      2   3   2   1   4
 * </pre>
 */
class CountVectorizerTest {
  private static final Tokenizer TOKENIZER = RegexTokenizer.sklearnDefault();
  private static final List<String> DOCS = List.of("the cat sat", "the cat ran", "a dog ran", "", "The Dog the dog");

  private static ScalarEngine engine;

  @BeforeAll
  static void engine() {
    engine = new ScalarEngine(2);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static CountVectorizer.Builder counts() {
    return CountVectorizer.builder(TOKENIZER);
  }

  @Test
  void columnsAreTheTermsInCodePointOrderAndEntriesTheirCounts() {
    DocumentTermMatrix dtm = counts().build().fitTransform(DOCS, engine);
    assertThat(dtm.vectorizer().vocabulary()).containsExactly("cat", "dog", "ran", "sat", "the");
    assertThat(dtm.matrix().toDense()).containsExactly(
        1, 0, 0, 1, 1,
        1, 0, 1, 0, 1,
        0, 1, 1, 0, 0,
        0, 0, 0, 0, 0,
        0, 2, 0, 0, 2);
    assertThat(dtm.vectorizer().documentFrequencies()).containsExactly(2, 2, 2, 1, 3);
    assertThat(dtm.vectorizer().documents()).isEqualTo(5);
    assertThat(dtm.vectorizer().column("ran")).isEqualTo(2);
    assertThat(dtm.vectorizer().column("a")).isEqualTo(-1);
    assertThat(dtm.vectorizer().tfidf()).isEmpty();
  }

  @Test
  void emptyDocumentsAreKeptAsEmptyRowsAndCounted() {
    DocumentTermMatrix dtm = counts().build().fitTransform(DOCS, engine);
    assertThat(dtm.matrix().rows()).isEqualTo(5);
    assertThat(dtm.matrix().rowNnz(3)).isZero();
    assertThat(dtm.emptyDocuments()).isEqualTo(1);
    // "a" is a document with text but no token of two or more characters: empty as well
    assertThat(counts().build().fitTransform(List.of("a", "cat dog", " "), engine).emptyDocuments()).isEqualTo(2);
  }

  @Test
  void binaryCountsPresenceOnly() {
    DocumentTermMatrix dtm = counts().binary(true).build().fitTransform(DOCS, engine);
    assertThat(dtm.matrix().rowValues(4)).containsExactly(1f, 1f);
  }

  @Test
  void documentFrequencyBoundsAreCountsOrFractions() {
    assertThat(counts().minDf(2).build().fit(DOCS, engine).vocabulary()).containsExactly("cat", "dog", "ran", "the");
    // 0.5 of 5 documents is 2.5: "the" (3 documents) goes
    assertThat(counts().maxDf(0.5).build().fit(DOCS, engine).vocabulary())
        .containsExactly("cat", "dog", "ran", "sat");
    assertThat(counts().maxDf(2).build().fit(DOCS, engine).vocabulary()).containsExactly("cat", "dog", "ran", "sat");
    // 0.6 of 5 is 3: only "the"; the integer 1 means one document, the real 1.0 every document
    assertThat(counts().minDf(0.6).build().fit(DOCS, engine).vocabulary()).containsExactly("the");
    assertThat(counts().minDf(1).build().fit(DOCS, engine).size()).isEqualTo(5);
    assertThat(counts().minDf("2").maxDf("0.5").build().fit(DOCS, engine).vocabulary())
        .containsExactly("cat", "dog", "ran");
  }

  @Test
  void maxFeaturesKeepsTheMostFrequentTermsBreakingTiesAsScikitLearn() {
    assertThat(counts().maxFeatures(2).build().fit(DOCS, engine).vocabulary()).containsExactly("dog", "the");
    // cat and ran tie with 2; NumPy's argsort of 5 elements is an insertion sort, so the earlier one (cat) wins
    assertThat(counts().maxFeatures(3).build().fit(DOCS, engine).vocabulary()).containsExactly("cat", "dog", "the");
    // binary ranks by document frequency: the (3), then cat, dog, ran tied at 2
    assertThat(counts().binary(true).maxFeatures(2).build().fit(DOCS, engine).vocabulary())
        .containsExactly("cat", "the");
    assertThat(counts().maxFeatures(99).build().fit(DOCS, engine).size()).isEqualTo(5);
  }

  @Test
  void aFittedVectorizerTransformsAnotherCorpusIgnoringUnknownTerms() {
    FittedVectorizer fitted = counts().build().fit(DOCS, engine);
    DocumentTermMatrix other = fitted.transform(List.of("dog and cat and dog", "zebra", "", "THE END"), engine);
    assertThat(other.matrix().toDense()).containsExactly(
        1, 2, 0, 0, 0,
        0, 0, 0, 0, 0,
        0, 0, 0, 0, 0,
        0, 0, 0, 0, 1);
    assertThat(other.emptyDocuments()).isEqualTo(1);
    assertThat(other.vectorizer()).isSameAs(fitted);
  }

  @Test
  void tfidfWeightsCountsBySmoothedIdfAndNormalizesRows() {
    DocumentTermMatrix dtm = TfidfVectorizer.withDefaults(TOKENIZER).fitTransform(DOCS, engine);
    double idfDog = Math.log(6.0 / 3) + 1;
    double idfThe = Math.log(6.0 / 4) + 1;
    assertThat(dtm.vectorizer().idf()[1]).isCloseTo(idfDog, within(1e-15));
    double norm = Math.hypot(2 * idfDog, 2 * idfThe);
    assertThat(dtm.matrix().rowValues(4)[0]).isCloseTo((float) (2 * idfDog / norm), within(1e-7f));
    assertThat(dtm.matrix().rowValues(4)[1]).isCloseTo((float) (2 * idfThe / norm), within(1e-7f));
    assertThat(dtm.matrix().rowNorm(0, Norm.L2)).isCloseTo(1f, within(1e-6f));

    TfidfWeighting raw = TfidfWeighting.DEFAULT.withUseIdf(false).withNorm(Norm.NONE).withSublinearTf(true);
    DocumentTermMatrix sublinear = TfidfVectorizer.of(counts().build(), raw).fitTransform(DOCS, engine);
    assertThat(sublinear.matrix().rowValues(4)[0]).isEqualTo((float) (1 + Math.log(2)));
    assertThatThrownBy(() -> sublinear.vectorizer().idf()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("use_idf is off");
    TfidfWeighting l1 = TfidfWeighting.DEFAULT.withSmoothIdf(false).withNorm(Norm.L1);
    DocumentTermMatrix unsmoothed = TfidfVectorizer.of(counts().build(), l1).fitTransform(DOCS, engine);
    assertThat(unsmoothed.vectorizer().idf()[3]).isCloseTo(Math.log(5.0 / 1) + 1, within(1e-15));
    assertThat(unsmoothed.matrix().rowNorm(2, Norm.L1)).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void whenNoTermSurvivesTheErrorNamesTheFiltersAndTheCounts() {
    CountVectorizer strict = counts().minDf(4).build();
    assertThatThrownBy(() -> strict.fit(DOCS, engine)).isInstanceOf(BadInputException.class)
        .hasMessage("no terms remain after the document-frequency filters: of 5 distinct terms in 5 documents, "
            + "min_df=4 (at least 4 documents) drops 5 and max_df=1.0 (at most 5 documents) drops 0; lower "
            + "min_df or raise max_df");
    // both bounds at 2.5 documents: the terms in 1 or 2 documents fall below, "the" (3) above
    assertThatThrownBy(() -> counts().minDf(0.5).maxDf(0.5).build().fit(DOCS, engine))
        .hasMessageContaining("min_df=0.5 (at least 2.5 documents) drops 4 and max_df=0.5 (at most 2.5 documents)"
            + " drops 1");
    assertThatThrownBy(() -> counts().minDf(0.0).maxDf(0.1).build().fitTransform(DOCS, engine))
        .hasMessageContaining("min_df=0.0 (at least 0 documents) drops 0 and max_df=0.1 (at most 0.5 documents) "
            + "drops 5");
  }

  @Test
  void corporaWithoutAnyTokenAreRejected() {
    assertThatThrownBy(() -> counts().build().fit(List.of(), engine))
        .hasMessage("no terms: none of the 0 documents has a token (are they all empty, or only stop words?)");
    assertThatThrownBy(() -> counts().build().fitTransform(List.of("", "a b c", "!"), engine))
        .hasMessageStartingWith("no terms: none of the 3 documents");
  }

  @Test
  void crossedDocumentFrequencyBoundsAreRejectedAsEarlyAsTheyCanBeKnown() {
    assertThatThrownBy(() -> counts().minDf(5).maxDf(2).build())
        .hasMessage("parameter 'max_df': max_df=2 is below min_df=5, so no term could be kept");
    assertThatThrownBy(() -> counts().minDf(0.6).maxDf(0.2).build())
        .hasMessage("parameter 'max_df': max_df=0.2 is below min_df=0.6, so no term could be kept");
    // a count against a fraction: known only once the documents are counted
    CountVectorizer mixed = counts().minDf(3).maxDf(0.4).build();
    assertThatThrownBy(() -> mixed.fit(DOCS, engine)).isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'max_df': max_df=0.4 keeps terms in at most 2 of 5 documents, but min_df=3 requires "
            + "at least 3");
  }

  @Test
  void settingsOutOfRangeNameTheirParameter() {
    assertThatThrownBy(() -> counts().minDf(0)).hasMessageStartingWith("parameter 'min_df': 0 is outside the "
        + "allowed range [1, inf) for a number of documents");
    assertThatThrownBy(() -> counts().maxDf(1.5)).hasMessageStartingWith("parameter 'max_df': 1.5 is outside the "
        + "allowed range [0, 1] for a fraction");
    assertThatThrownBy(() -> counts().maxDf(Double.NaN)).hasMessageStartingWith("parameter 'max_df'");
    assertThatThrownBy(() -> counts().minDf("2.5")).hasMessageStartingWith("parameter 'min_df': 2.5 is outside");
    assertThatThrownBy(() -> counts().minDf("few")).hasMessage("parameter 'min_df': 'few' is neither a number of "
        + "documents (such as 5) nor a fraction of them (such as 0.5)");
    assertThatThrownBy(() -> counts().maxFeatures(0))
        .hasMessage("parameter 'max_features': 0 is outside the allowed range [1, inf)");
  }

  @Test
  void settingsDescribeThemselvesAsScikitLearnWould() {
    CountVectorizer v = counts().minDf(2).maxDf(0.95).maxFeatures(10).binary(true).tokenizerName("regex").build();
    assertThat(v.minDf().isFraction()).isFalse();
    assertThat(v.maxDf().isFraction()).isTrue();
    assertThat(v.maxDf().threshold(200)).isEqualTo(190.0);
    assertThat(v.maxFeatures()).hasValue(10);
    assertThat(v).hasToString("CountVectorizer{tokenizer=regex, min_df=2, max_df=0.95, max_features=10, "
        + "binary=true}");
    assertThat(counts().build().maxFeatures()).isEmpty();
  }

  @Test
  void aBadLineInTheMiddleOfACorpusFailsTheFitNamingFileAndLine(@TempDir Path dir) throws IOException {
    // more than one batch of shards, so the failure happens on the read-ahead thread while shards are counted
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      lines.add(("review number " + i + " of the corpus").getBytes(StandardCharsets.UTF_8));
    }
    lines.set(10_500, new byte[] {'b', 'a', 'd', (byte) 0xC3, '('});
    Path file = dir.resolve("corpus.txt");
    try (var out = Files.newOutputStream(file)) {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    TextCorpus corpus = TextCorpus.ofLines(file);
    assertThatThrownBy(() -> counts().build().fitTransform(corpus, engine)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":10501:");
    try (ScalarEngine single = new ScalarEngine(1)) {
      assertThatThrownBy(() -> counts().build().fit(corpus, single)).hasMessageStartingWith(file + ":10501:");
    }
  }

  @Test
  void aCorpusFileGivesTheSameMatrixAsItsDocuments(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("docs.txt");
    Files.write(file, DOCS, StandardCharsets.UTF_8);
    CsrMatrix fromFile = counts().build().fitTransform(TextCorpus.ofLines(file), engine).matrix();
    assertThat(fromFile).isEqualTo(counts().build().fitTransform(DOCS, engine).matrix());
    FittedVectorizer fitted = counts().build().fit(TextCorpus.ofLines(file), engine);
    assertThat(fitted.transform(TextCorpus.ofLines(file), engine).matrix()).isEqualTo(fromFile);
  }
}
