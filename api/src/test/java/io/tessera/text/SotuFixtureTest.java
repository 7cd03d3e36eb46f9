package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.engine.CsrMatrix;
import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import io.tessera.io.Json;
import io.tessera.io.TextCorpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TF-IDF of the 233 State of the Union addresses ({@code shared/data/corpora/sotu.tsv.gz}, one document per address:
 * the text has no paragraph breaks) with scikit-learn's defaults gives scikit-learn's vocabulary and matrix.
 *
 * <p>Two fixtures, both made by committed scripts: {@code sotu-tfidf-summary.json} (scikit-learn alone: sizes,
 * vocabulary digest, every row's entry count and sum, 400 sampled entries) and {@code sotu-comparison.json} (the
 * whole matrix Tessera wrote, loaded in Python with {@code scripts/interop/load_dtm.py} and compared entry by entry
 * with scikit-learn by {@code scripts/interop/compare_dtm.py}). The digests in the latter tie that comparison to the
 * exact matrix computed here. Skipped when the checkout has no {@code shared/data}.
 */
class SotuFixtureTest {
  private static DocumentTermMatrix dtm;
  private static Map<String, Object> summary;
  private static Map<String, Object> comparison;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void vectorize() throws IOException {
    Path data = VectorizerFixtures.sharedData().orElse(null);
    Assumptions.assumeTrue(data != null, "shared/data is not available next to this checkout");
    summary = (Map<String, Object>) Json.parse(Files.readString(VectorizerFixtures.resource(
        "sotu-tfidf-summary.json")));
    comparison = (Map<String, Object>) Json.parse(Files.readString(VectorizerFixtures.resource(
        "sotu-comparison.json")));
    try (ScalarEngine engine = new ScalarEngine(2)) {
      dtm = TfidfVectorizer.withDefaults(RegexTokenizer.sklearnDefault())
          .fitTransform(TextCorpus.ofColumn(data.resolve("corpora/sotu.tsv.gz"), "text"), engine);
    }
  }

  private static long number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).longValue();
  }

  @Test
  void hasScikitLearnsShapeAndVocabulary() throws NoSuchAlgorithmException {
    CsrMatrix m = dtm.matrix();
    assertThat(m.rows()).isEqualTo(number(summary, "documents"));
    assertThat(m.cols()).isEqualTo(number(summary, "terms"));
    assertThat(m.nnz()).isEqualTo(number(summary, "nnz"));
    List<String> vocabulary = dtm.vectorizer().vocabulary();
    assertThat(vocabulary.subList(0, 10)).isEqualTo(summary.get("first_terms"));
    assertThat(vocabulary.subList(vocabulary.size() - 10, vocabulary.size())).isEqualTo(summary.get("last_terms"));
    byte[] joined = String.join("\n", vocabulary).getBytes(StandardCharsets.UTF_8);
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined)))
        .isEqualTo(summary.get("vocabulary_sha256"));
    double idfSum = 0;
    for (double v : dtm.vectorizer().idf()) {
      idfSum += v;
    }
    // NumPy sums pairwise, this loop in order: both within 1e-12 of the exact sum of 25,149 idf around 4.6
    assertThat(idfSum).isCloseTo(((Number) summary.get("idf_sum")).doubleValue(), within(1e-12 * idfSum));
  }

  @Test
  void everyRowAndTheSampledEntriesMatchScikitLearn() {
    CsrMatrix m = dtm.matrix();
    List<?> rowNnz = (List<?>) summary.get("row_nnz");
    List<?> rowSums = (List<?>) summary.get("row_sums");
    for (int r = 0; r < m.rows(); r++) {
      assertThat(m.rowNnz(r)).as("entries of row %d", r).isEqualTo(((Number) rowNnz.get(r)).intValue());
      double sum = 0;
      for (float v : m.rowValues(r)) {
        sum += v;
      }
      // each entry is within 2^-25 of its double value (entries are at most 1)
      assertThat(sum).as("sum of row %d", r).isCloseTo(((Number) rowSums.get(r)).doubleValue(),
          within(m.rowNnz(r) * 0x1p-25 + 1e-12));
    }
    List<?> samples = (List<?>) summary.get("samples");
    assertThat(samples).hasSize(400);
    for (Object s : samples) {
      List<?> e = (List<?>) s;
      int row = ((Number) e.get(0)).intValue();
      int col = ((Number) e.get(1)).intValue();
      assertThat(dtm.vectorizer().term(col)).isEqualTo(e.get(2));
      assertThat((double) m.get(row, col)).as("entry (%d, %s)", row, e.get(2))
          .isCloseTo(((Number) e.get(3)).doubleValue(), within(1e-6));
    }
  }

  @Test
  void isTheMatrixThatPythonComparedEntryByEntry() throws NoSuchAlgorithmException {
    assertThat(comparison).containsEntry("same_vocabulary", true).containsEntry("same_structure", true);
    assertThat(((Number) comparison.get("max_abs_difference")).doubleValue()).isLessThanOrEqualTo(1e-6);
    assertThat(((Number) comparison.get("max_idf_difference")).doubleValue()).isLessThanOrEqualTo(1e-12);
    @SuppressWarnings("unchecked")
    Map<String, Object> digests = (Map<String, Object>) comparison.get("sha256");
    CsrMatrix m = dtm.matrix();
    ByteBuffer data = ByteBuffer.allocate(4 * m.nnz()).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(m.values());
    ByteBuffer indices = ByteBuffer.allocate(4 * m.nnz()).order(ByteOrder.LITTLE_ENDIAN);
    indices.asIntBuffer().put(m.indices());
    ByteBuffer indptr = ByteBuffer.allocate(4 * (m.rows() + 1)).order(ByteOrder.LITTLE_ENDIAN);
    indptr.asIntBuffer().put(m.indptr());
    assertThat(sha256(data.array())).as("data").isEqualTo(digests.get("data"));
    assertThat(sha256(indices.array())).as("indices").isEqualTo(digests.get("indices"));
    assertThat(sha256(indptr.array())).as("indptr").isEqualTo(digests.get("indptr"));
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
