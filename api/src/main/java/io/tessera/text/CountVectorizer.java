package io.tessera.text;

import io.tessera.api.BadInputException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Turns documents into a document–term matrix of term counts, with the semantics of scikit-learn's
 * {@code CountVectorizer} (1.2): which terms become columns, in which order, and what each entry holds.
 *
 * <ul>
 *   <li>Tokens come from the {@link Tokenizer}, which also decides lower-casing; with the regex tokenizer's
 *       default pattern {@code (?u)\b\w\w+\b} and lower-casing the tokens are scikit-learn's.</li>
 *   <li>Terms found in fewer than {@code min_df} or more than {@code max_df} documents are dropped. Each bound is
 *       a number of documents (an integer, at least 1) or a fraction of them (a real number in [0, 1]), compared
 *       unrounded: {@code max_df=0.5} over 233 documents keeps terms in at most 116.5, i.e. 116, documents.</li>
 *   <li>{@code max_features} then keeps the terms with the highest corpus counts (document frequencies when
 *       {@code binary}), breaking ties exactly as scikit-learn does (see {@code NumpyArgsort}).</li>
 *   <li>Columns are the kept terms in code-point order (Python's string order), so column {@code j} is the term
 *       that scikit-learn's {@code vocabulary_} maps to {@code j}.</li>
 *   <li>Entries are counts, or 1 with {@code binary}; documents without tokens are kept as empty rows and counted
 *       (a warning is logged).</li>
 * </ul>
 *
 * <p>Fitting reads the documents once, in parallel shards (see {@link Vectorizer}); the result is the same, bit for
 * bit, for any number of threads. Instances are immutable and thread-safe; {@code fit} returns an immutable
 * {@link FittedVectorizer} that transforms other corpora with the same columns.
 */
public final class CountVectorizer extends Vectorizer {
  private final Tokenizer tokenizer;
  private final String tokenizerName;
  private final DocFrequency minDf;
  private final DocFrequency maxDf;
  private final int maxFeatures;
  private final boolean binary;

  private CountVectorizer(Builder b) {
    this.tokenizer = b.tokenizer;
    this.tokenizerName = b.tokenizerName;
    this.minDf = b.minDf;
    this.maxDf = b.maxDf;
    this.maxFeatures = b.maxFeatures;
    this.binary = b.binary;
  }

  /** @return a builder with scikit-learn's defaults: {@code min_df=1}, {@code max_df=1.0}, all features, counts */
  public static Builder builder(Tokenizer tokenizer) {
    return new Builder(tokenizer);
  }

  /** @return the tokenizer */
  public Tokenizer tokenizer() {
    return tokenizer;
  }

  /** @return the description of the tokenizer stored with fitted vectorizers ({@code unspecified} if not given) */
  public String tokenizerName() {
    return tokenizerName;
  }

  /** @return the lower document-frequency bound */
  public DocFrequency minDf() {
    return minDf;
  }

  /** @return the upper document-frequency bound */
  public DocFrequency maxDf() {
    return maxDf;
  }

  /** @return the number of most frequent terms kept, if limited */
  public OptionalInt maxFeatures() {
    return maxFeatures == 0 ? OptionalInt.empty() : OptionalInt.of(maxFeatures);
  }

  /** @return whether entries are 1 for every term present instead of counts */
  public boolean binary() {
    return binary;
  }

  /** @return this vectorizer: its entries are the counts */
  @Override
  public CountVectorizer counts() {
    return this;
  }

  @Override
  TfidfWeighting weightingOrNull() {
    return null;
  }

  /**
   * Checks that the document-frequency bounds do not cross for a corpus of {@code documents} documents
   * (scikit-learn's "max_df corresponds to &lt; documents than min_df").
   */
  void checkBounds(long documents) {
    double low = minDf.threshold(documents);
    double high = maxDf.threshold(documents);
    if (high < low) {
      throw BadInputException.parameter("max_df", "max_df=" + maxDf + " keeps terms in at most " + format(high)
          + " of " + documents + " documents, but min_df=" + minDf + " requires at least " + format(low));
    }
  }

  static String format(double documents) {
    return documents == Math.rint(documents) ? Long.toString((long) documents) : Double.toString(documents);
  }

  /** @return whether {@code other} has the same settings, the tokenizer compared by its name only */
  boolean sameSettings(CountVectorizer other) {
    return tokenizerName.equals(other.tokenizerName) && minDf.equals(other.minDf) && maxDf.equals(other.maxDf)
        && maxFeatures == other.maxFeatures && binary == other.binary;
  }

  @Override
  public String toString() {
    return "CountVectorizer{tokenizer=" + tokenizerName + ", min_df=" + minDf + ", max_df=" + maxDf
        + ", max_features=" + (maxFeatures == 0 ? "None" : maxFeatures) + ", binary=" + binary + "}";
  }

  /** Collects the settings; every setter validates its value and names the parameter when it is wrong. */
  public static final class Builder {
    private final Tokenizer tokenizer;
    private String tokenizerName = "unspecified";
    private DocFrequency minDf = DocFrequency.count("min_df", 1);
    private DocFrequency maxDf = DocFrequency.fraction("max_df", 1.0);
    private int maxFeatures;
    private boolean binary;

    private Builder(Tokenizer tokenizer) {
      this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /**
     * Describes the tokenizer (for example {@code regex pattern=(?u)\b\w\w+\b lowercase=true}) so that a saved
     * vectorizer says which tokenizer it needs.
     */
    public Builder tokenizerName(String name) {
      this.tokenizerName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Drops terms found in fewer than {@code documents} documents (at least 1; default 1). */
    public Builder minDf(long documents) {
      this.minDf = DocFrequency.count("min_df", documents);
      return this;
    }

    /** Drops terms found in fewer than {@code fraction * n} of the {@code n} documents (in [0, 1]). */
    public Builder minDf(double fraction) {
      this.minDf = DocFrequency.fraction("min_df", fraction);
      return this;
    }

    /** Sets {@code min_df} from text: digits only mean documents, other numbers a fraction. */
    public Builder minDf(String text) {
      this.minDf = DocFrequency.parse("min_df", text);
      return this;
    }

    /** Drops terms found in more than {@code documents} documents (at least 1). */
    public Builder maxDf(long documents) {
      this.maxDf = DocFrequency.count("max_df", documents);
      return this;
    }

    /** Drops terms found in more than {@code fraction * n} of the {@code n} documents (in [0, 1]; default 1.0). */
    public Builder maxDf(double fraction) {
      this.maxDf = DocFrequency.fraction("max_df", fraction);
      return this;
    }

    /** Sets {@code max_df} from text: digits only mean documents, other numbers a fraction. */
    public Builder maxDf(String text) {
      this.maxDf = DocFrequency.parse("max_df", text);
      return this;
    }

    /** Keeps only the {@code count} most frequent terms (at least 1; default: all). */
    public Builder maxFeatures(int count) {
      if (count < 1) {
        throw BadInputException.parameter("max_features", count + " is outside the allowed range [1, inf)");
      }
      this.maxFeatures = count;
      return this;
    }

    /** Stores 1 for every term present instead of its count (default false). */
    public Builder binary(boolean on) {
      this.binary = on;
      return this;
    }

    /**
     * @return the vectorizer
     * @throws BadInputException naming {@code max_df} when both bounds are counts or both fractions and
     *     {@code max_df < min_df}, which no corpus can satisfy (mixed bounds are checked against the corpus)
     */
    public CountVectorizer build() {
      if (minDf.isFraction() == maxDf.isFraction() && maxDf.threshold(1) < minDf.threshold(1)) {
        throw BadInputException.parameter("max_df", "max_df=" + maxDf + " is below min_df=" + minDf
            + ", so no term could be kept");
      }
      return new CountVectorizer(this);
    }
  }
}
