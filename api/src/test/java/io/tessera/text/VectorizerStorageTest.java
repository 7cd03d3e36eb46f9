package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.ModelFormatException;
import io.tessera.engine.Norm;
import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import io.tessera.io.DType;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitted vectorizers and document–term matrices survive a round trip through a file named the SciPy way. */
class VectorizerStorageTest {
  private static final Tokenizer TOKENIZER = RegexTokenizer.sklearnDefault();
  private static ScalarEngine engine;
  private static DocumentTermMatrix tfidf;

  @BeforeAll
  static void fit() {
    engine = new ScalarEngine(2);
    CountVectorizer counts = CountVectorizer.builder(TOKENIZER).minDf(2).maxDf(0.9).maxFeatures(800)
        .tokenizerName("regex pattern=(?u)\\b\\w\\w+\\b lowercase=true").build();
    tfidf = TfidfVectorizer.of(counts, TfidfWeighting.DEFAULT.withSublinearTf(true))
        .fitTransform(VectorizerFixtures.imdbSample(), engine);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aMatrixFileHoldsScipysCsrTensorsTheVocabularyAndTheSettings(@TempDir Path dir) {
    Path file = dir.resolve("m.safetensors");
    tfidf.write(file);
    try (TensorFile f = TensorFile.open(file)) {
      int rows = tfidf.matrix().rows();
      int nnz = tfidf.matrix().nnz();
      assertThat(f.info("data").dtype()).isEqualTo(DType.F32);
      assertThat(f.info("indices").dtype()).isEqualTo(DType.I32);
      assertThat(f.info("indptr").dtype()).isEqualTo(DType.I32);
      assertThat(f.floats("data", nnz)).containsExactly(tfidf.matrix().values());
      assertThat(f.ints("indices", nnz)).containsExactly(tfidf.matrix().indices());
      assertThat(f.ints("indptr", rows + 1)).containsExactly(tfidf.matrix().indptr());
      assertThat(f.longs("shape", 2)).containsExactly(rows, 800);
      assertThat(f.strings("vocabulary")).isEqualTo(tfidf.vectorizer().vocabulary());
      assertThat(f.longs("document_frequencies", 800)).containsExactly(tfidf.vectorizer().documentFrequencies());
      assertThat(f.doubles("idf", 800)).containsExactly(tfidf.vectorizer().idf());
      assertThat(f.metadata()).containsAllEntriesOf(Map.ofEntries(
          Map.entry("format", "tessera-vectorizer/1"), Map.entry("vectorizer", "tfidf"),
          Map.entry("tokenizer", "regex pattern=(?u)\\b\\w\\w+\\b lowercase=true"), Map.entry("min_df", "2"),
          Map.entry("max_df", "0.9"), Map.entry("max_features", "800"), Map.entry("binary", "false"),
          Map.entry("documents", "60"), Map.entry("use_idf", "true"), Map.entry("smooth_idf", "true"),
          Map.entry("sublinear_tf", "true"), Map.entry("norm", "l2"), Map.entry("matrix", "csr"),
          Map.entry("rows", "60"), Map.entry("empty_documents", "0")));
    }
  }

  @Test
  void aMatrixFileReadsBackEqual(@TempDir Path dir) {
    Path file = dir.resolve("m.safetensors");
    tfidf.write(file);
    DocumentTermMatrix back = DocumentTermMatrix.read(file, TOKENIZER);
    assertThat(back).isEqualTo(tfidf);
    assertThat(back.vectorizer().transform(VectorizerFixtures.imdbSample(), engine).matrix())
        .isEqualTo(tfidf.matrix());
  }

  @Test
  void aFittedVectorizerSavesAndLoadsAloneAndTransformsAsBefore(@TempDir Path dir) {
    FittedVectorizer counts = CountVectorizer.builder(TOKENIZER).binary(true).build()
        .fit(VectorizerFixtures.imdbSample(), engine);
    Path file = dir.resolve("v.safetensors");
    counts.save(file);
    FittedVectorizer loaded = FittedVectorizer.load(file, TOKENIZER);
    assertThat(loaded).isEqualTo(counts).hasSameHashCodeAs(counts);
    assertThat(loaded.settings().binary()).isTrue();
    assertThat(loaded.tfidf()).isEmpty();
    List<String> other = List.of("A film I would watch again, and again.", "");
    assertThat(loaded.transform(other, engine).matrix()).isEqualTo(counts.transform(other, engine).matrix());
    try (TensorFile f = TensorFile.open(file)) {
      assertThat(f.has("idf")).isFalse();
      assertThat(f.has("data")).isFalse();
      assertThat(f.metadata()).containsEntry("vectorizer", "counts").containsEntry("max_features", "None");
    }
    FittedVectorizer noIdf = TfidfVectorizer.of(CountVectorizer.builder(TOKENIZER).build(),
        TfidfWeighting.DEFAULT.withUseIdf(false).withNorm(Norm.NONE)).fit(other, engine);
    noIdf.save(file);
    assertThat(FittedVectorizer.load(file, TOKENIZER)).isEqualTo(noIdf);
  }

  @Test
  void fittedVectorizersAreEqualWhenSettingsColumnsAndStatisticsAre() {
    List<String> docs = List.of("one two", "two three");
    FittedVectorizer a = CountVectorizer.builder(TOKENIZER).tokenizerName("x").build().fit(docs, engine);
    assertThat(CountVectorizer.builder(DefaultTokenizer.withDefaults()).tokenizerName("x").build().fit(docs, engine))
        .isEqualTo(a);
    assertThat(CountVectorizer.builder(TOKENIZER).tokenizerName("y").build().fit(docs, engine)).isNotEqualTo(a);
    assertThat(CountVectorizer.builder(TOKENIZER).tokenizerName("x").binary(true).build().fit(docs, engine))
        .isNotEqualTo(a);
    assertThat(CountVectorizer.builder(TOKENIZER).tokenizerName("x").build().fit(List.of("one two"), engine))
        .isNotEqualTo(a);
    assertThat(TfidfVectorizer.of(CountVectorizer.builder(TOKENIZER).tokenizerName("x").build(),
        TfidfWeighting.DEFAULT).fit(docs, engine)).isNotEqualTo(a);
  }

  @Test
  void inconsistentFilesAreRejectedNamingTheFileAndTheProblem(@TempDir Path dir) {
    Path file = dir.resolve("bad.safetensors");
    write(file, List.of("b", "a"), new long[] {1, 1}, null);
    assertThatThrownBy(() -> FittedVectorizer.load(file, TOKENIZER)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": vectorizer: the vocabulary is not in strictly increasing code-point order at column 1");
    write(file, List.of("a", "b"), new long[] {1, 3}, null);
    assertThatThrownBy(() -> FittedVectorizer.load(file, TOKENIZER))
        .hasMessage(file + ": vectorizer: document frequency 3 of column 1 lies outside [0, 2]");
    write(file, List.of("a", "b"), new long[] {1, 2}, new double[] {1.5, 1.0});
    assertThatThrownBy(() -> FittedVectorizer.load(file, TOKENIZER))
        .hasMessage(file + ": vectorizer: the stored idf does not follow from the document frequencies");
    TensorWriter.create().metadata("format", "something-else").write(file);
    assertThatThrownBy(() -> FittedVectorizer.load(file, TOKENIZER))
        .hasMessageContaining("has format 'something-else'; this version reads tessera-vectorizer/1");
  }

  @Test
  void aMatrixThatDoesNotFitItsVocabularyIsRejected(@TempDir Path dir) {
    Path file = dir.resolve("bad.safetensors");
    TensorWriter w = TensorWriter.create();
    tfidf.vectorizer().writeTo(w);
    w.putFloats("data", new float[] {1f}).putInts("indices", new int[] {800}).putInts("indptr", new int[] {0, 1})
        .putLongs("shape", new long[] {1, 800}).metadata("matrix", "csr");
    w.write(file);
    assertThatThrownBy(() -> DocumentTermMatrix.read(file, TOKENIZER)).isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": inconsistent CSR matrix: row 0: column 800 lies outside [0, 800)");
  }

  /** Writes a two-document count or TF-IDF vectorizer file by hand. */
  private static void write(Path file, List<String> vocabulary, long[] df, double[] idf) {
    TensorWriter w = TensorWriter.create().putStrings("vocabulary", vocabulary).putLongs("document_frequencies", df)
        .metadata("format", "tessera-vectorizer/1").metadata("vectorizer", idf == null ? "counts" : "tfidf")
        .metadata("tokenizer", "test").metadata("min_df", "1").metadata("max_df", "1.0")
        .metadata("max_features", "None").metadata("binary", "false").metadata("documents", "2");
    if (idf != null) {
      w.putDoubles("idf", idf).metadata("use_idf", "true").metadata("smooth_idf", "true")
          .metadata("sublinear_tf", "false").metadata("norm", "l2");
    }
    w.write(file);
  }
}
