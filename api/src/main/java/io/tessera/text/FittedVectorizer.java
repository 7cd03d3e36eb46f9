package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelFormatException;
import io.tessera.engine.ComputeEngine;
import io.tessera.internal.text.Utf8Terms;
import io.tessera.engine.Norm;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.io.TextCorpus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted {@link CountVectorizer} or {@link TfidfVectorizer}: the columns (terms in code-point order, as
 * scikit-learn's {@code vocabulary_} numbers them), each term's document frequency in the fitting corpus and,
 * for TF-IDF, the idf. {@link #transform} turns any corpus into rows over these columns; terms it has not seen
 * are ignored.
 *
 * <h2>Storage</h2>
 * {@link #writeTo} stores the strings {@code vocabulary} (UTF-8 bytes plus {@code vocabulary.offsets}, see
 * {@link TensorWriter#putStrings}), the I64 tensor {@code document_frequencies}, for TF-IDF with idf the F64
 * tensor {@code idf}, and the settings as metadata ({@code format}, {@code vectorizer}, {@code tokenizer},
 * {@code min_df}, {@code max_df}, {@code max_features}, {@code binary}, {@code documents}, and for TF-IDF
 * {@code use_idf}, {@code smooth_idf}, {@code sublinear_tf}, {@code norm}). The tokenizer itself is code, not
 * data: {@link #readFrom} takes it from the caller, and {@code tokenizer} metadata says which one was used.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FittedVectorizer {
  private static final String FORMAT = "tessera-vectorizer/1";

  private final CountVectorizer settings;
  private final TfidfWeighting weighting;
  private final String[] terms;
  private final long[] documentFrequencies;
  private final long documents;
  private final double[] idf;
  /** Term to column, built on first use: fitTransform never needs it. */
  private volatile Utf8Terms columns;

  FittedVectorizer(CountVectorizer settings, TfidfWeighting weighting, String[] terms, long[] documentFrequencies,
                   long documents) {
    this.settings = settings;
    this.weighting = weighting;
    this.terms = terms;
    this.documentFrequencies = documentFrequencies;
    this.documents = documents;
    if (weighting != null && weighting.useIdf()) {
      idf = new double[terms.length];
      for (int i = 0; i < idf.length; i++) {
        idf[i] = weighting.idf(documentFrequencies[i], documents);
      }
    } else {
      idf = null;
    }
  }

  // ---------------------------------------------------------------- columns and statistics

  /** @return the number of columns (terms) */
  public int size() {
    return terms.length;
  }

  /** @return the terms in column order (code-point order; unmodifiable) */
  public List<String> vocabulary() {
    return List.of(terms);
  }

  /** @return the term of column {@code column} */
  public String term(int column) {
    return terms[Objects.checkIndex(column, terms.length)];
  }

  /** @return the column of {@code term}, or -1 when it is not a column */
  public int column(String term) {
    return columnTable().get(term);
  }

  /** @return the table from term to column, built on first use (fitTransform never needs it) */
  Utf8Terms columnTable() {
    Utf8Terms table = columns;
    return table != null ? table : buildColumnTable();
  }

  private synchronized Utf8Terms buildColumnTable() {
    if (columns == null) {
      Utf8Terms table = new Utf8Terms(terms.length);
      for (String t : terms) {
        table.add(t);
      }
      columns = table;
    }
    return columns;
  }

  /** @return the number of fitting documents that contain the term of {@code column} */
  public long documentFrequency(int column) {
    return documentFrequencies[Objects.checkIndex(column, terms.length)];
  }

  /** @return a copy of the document frequencies in column order */
  public long[] documentFrequencies() {
    return documentFrequencies.clone();
  }

  /** @return the number of documents the vectorizer was fitted on */
  public long documents() {
    return documents;
  }

  /** @return the counting settings, with the tokenizer that {@link #transform} uses */
  public CountVectorizer settings() {
    return settings;
  }

  /** @return the TF-IDF weighting, or empty for a count vectorizer */
  public Optional<TfidfWeighting> tfidf() {
    return Optional.ofNullable(weighting);
  }

  /**
   * @return a copy of the idf of every column (scikit-learn's {@code idf_})
   * @throws IllegalStateException for a count vectorizer or a TF-IDF vectorizer without idf
   */
  public double[] idf() {
    if (idf == null) {
      throw new IllegalStateException("this vectorizer has no idf (" + (weighting == null ? "it counts terms"
          : "use_idf is off") + ")");
    }
    return idf.clone();
  }

  // ---------------------------------------------------------------- transforming

  /**
   * @return the rows of {@code documents} over this vectorizer's columns, read once and built in parallel shards
   *     merged in order (the same for any thread count); terms that are not columns are ignored, and documents
   *     without tokens are kept as empty rows and counted
   */
  public DocumentTermMatrix transform(Iterable<? extends CharSequence> documents, ComputeEngine engine) {
    return Vectorization.transform(this, documents.iterator(), engine);
  }

  /** As {@link #transform(Iterable, ComputeEngine)}, streaming the corpus's documents. */
  public DocumentTermMatrix transform(TextCorpus corpus, ComputeEngine engine) {
    return Vectorization.transform(this, corpus, engine);
  }

  /**
   * Weights one row: {@code counts[i]} occurrences of column {@code columns[i]}, {@code i < n}, become
   * {@code out[i]}. Computed in double ({@code scratch} holds the unrounded weights) and rounded once.
   */
  void weigh(int[] cols, int[] counts, int n, float[] out, double[] scratch) {
    boolean binary = settings.binary();
    if (weighting == null) {
      for (int i = 0; i < n; i++) {
        out[i] = binary ? 1f : counts[i];
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      double tf = binary ? 1 : counts[i];
      if (weighting.sublinearTf()) {
        tf = StrictMath.log(tf) + 1;
      }
      scratch[i] = idf == null ? tf : tf * idf[cols[i]];
    }
    Norm norm = weighting.norm();
    if (norm != Norm.NONE) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += norm == Norm.L2 ? scratch[i] * scratch[i] : Math.abs(scratch[i]);
      }
      if (s != 0) {
        s = norm == Norm.L2 ? Math.sqrt(s) : s;
        for (int i = 0; i < n; i++) {
          scratch[i] /= s;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      out[i] = (float) scratch[i];
    }
  }

  // ---------------------------------------------------------------- storage

  /** Adds the vocabulary, statistics and settings to {@code writer} (see the class comment for the names). */
  public void writeTo(TensorWriter writer) {
    writer.putStrings("vocabulary", List.of(terms));
    writer.putLongs("document_frequencies", documentFrequencies);
    writer.metadata("format", FORMAT);
    writer.metadata("vectorizer", weighting == null ? "counts" : "tfidf");
    writer.metadata("tokenizer", settings.tokenizerName());
    writer.metadata("min_df", settings.minDf().toString());
    writer.metadata("max_df", settings.maxDf().toString());
    writer.metadata("max_features", settings.maxFeatures().isPresent()
        ? Integer.toString(settings.maxFeatures().getAsInt()) : "None");
    writer.metadata("binary", Boolean.toString(settings.binary()));
    writer.metadata("documents", Long.toString(documents));
    if (weighting != null) {
      writer.metadata("use_idf", Boolean.toString(weighting.useIdf()));
      writer.metadata("smooth_idf", Boolean.toString(weighting.smoothIdf()));
      writer.metadata("sublinear_tf", Boolean.toString(weighting.sublinearTf()));
      writer.metadata("norm", weighting.norm().id());
      if (idf != null) {
        writer.putDoubles("idf", idf);
      }
    }
  }

  /** Writes this vectorizer alone to {@code file} (atomically; see {@link TensorWriter#write}). */
  public void save(Path file) {
    TensorWriter writer = TensorWriter.create();
    writeTo(writer);
    writer.write(file);
  }

  /**
   * Reads a vectorizer written by {@link #writeTo} (alone or inside a document–term matrix file), which will
   * tokenize with {@code tokenizer}.
   *
   * @throws ModelFormatException naming the file and the entry when something is missing or inconsistent
   */
  public static FittedVectorizer readFrom(TensorFile file, Tokenizer tokenizer) {
    Objects.requireNonNull(tokenizer, "tokenizer");
    Map<String, String> meta = file.metadata();
    String where = file.path() + ": vectorizer";
    String format = meta.get("format");
    if (!FORMAT.equals(format)) {
      throw new ModelFormatException(where + " has format '" + format + "'; this version reads " + FORMAT);
    }
    String kind = meta.get("vectorizer");
    if (!"counts".equals(kind) && !"tfidf".equals(kind)) {
      throw new ModelFormatException(where + ": metadata 'vectorizer' must be counts or tfidf, got " + kind);
    }
    CountVectorizer settings;
    TfidfWeighting weighting = null;
    long documents;
    try {
      CountVectorizer.Builder b = CountVectorizer.builder(tokenizer)
          .tokenizerName(required(meta, "tokenizer", where))
          .minDf(required(meta, "min_df", where))
          .maxDf(required(meta, "max_df", where))
          .binary(flag(meta, "binary", where));
      String maxFeatures = required(meta, "max_features", where);
      if (!maxFeatures.equals("None")) {
        b.maxFeatures(Integer.parseInt(maxFeatures));
      }
      settings = b.build();
      if (kind.equals("tfidf")) {
        weighting = new TfidfWeighting(flag(meta, "use_idf", where), flag(meta, "smooth_idf", where),
            flag(meta, "sublinear_tf", where), Norm.parse(required(meta, "norm", where)));
      }
      documents = Long.parseLong(required(meta, "documents", where));
    } catch (BadInputException | NumberFormatException e) {
      throw new ModelFormatException(where + ": invalid settings: " + e.getMessage(), e);
    }
    List<String> vocabulary = file.strings("vocabulary");
    long[] df = file.longs("document_frequencies", vocabulary.size());
    for (int i = 0; i < vocabulary.size(); i++) {
      if (vocabulary.get(i).isEmpty() || (i > 0
          && CodePointOrder.compare(vocabulary.get(i - 1), vocabulary.get(i)) >= 0)) {
        throw new ModelFormatException(where + ": the vocabulary is not in strictly increasing code-point order "
            + "at column " + i);
      }
      if (df[i] < 0 || df[i] > documents) {
        throw new ModelFormatException(where + ": document frequency " + df[i] + " of column " + i + " lies "
            + "outside [0, " + documents + "]");
      }
    }
    FittedVectorizer fitted = new FittedVectorizer(settings, weighting, vocabulary.toArray(String[]::new), df,
        documents);
    if (fitted.idf != null) {
      double[] stored = file.doubles("idf", vocabulary.size());
      if (!Arrays.equals(stored, fitted.idf)) {
        throw new ModelFormatException(where + ": the stored idf does not follow from the document frequencies");
      }
    }
    return fitted;
  }

  /** Reads a vectorizer from {@code file}; see {@link #readFrom}. */
  public static FittedVectorizer load(Path file, Tokenizer tokenizer) {
    try (TensorFile f = TensorFile.open(file)) {
      return readFrom(f, tokenizer);
    }
  }

  private static String required(Map<String, String> meta, String key, String where) {
    String v = meta.get(key);
    if (v == null) {
      throw new ModelFormatException(where + ": metadata '" + key + "' is missing");
    }
    return v;
  }

  private static boolean flag(Map<String, String> meta, String key, String where) {
    String v = required(meta, key, where);
    if (!v.equals("true") && !v.equals("false")) {
      throw new ModelFormatException(where + ": metadata '" + key + "' must be true or false, got " + v);
    }
    return v.equals("true");
  }

  // ---------------------------------------------------------------- value semantics

  /**
   * Equal when the settings, columns and statistics are equal; the tokenizers are compared by their names (see
   * {@link CountVectorizer.Builder#tokenizerName}), since a loaded vectorizer gets its tokenizer from the caller.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof FittedVectorizer f && documents == f.documents && Arrays.equals(terms, f.terms)
        && Arrays.equals(documentFrequencies, f.documentFrequencies) && Objects.equals(weighting, f.weighting)
        && settings.sameSettings(f.settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(terms), documents, weighting);
  }

  @Override
  public String toString() {
    return "FittedVectorizer{" + terms.length + " terms from " + documents + " documents, "
        + (weighting == null ? settings : weighting) + "}";
  }
}
