package io.tessera.text;

import java.util.Objects;

/**
 * Turns documents into a TF-IDF document–term matrix with the semantics of scikit-learn's
 * {@code TfidfVectorizer} (1.2): a {@link CountVectorizer} chooses the columns and counts the terms, then a
 * {@link TfidfWeighting} weights and normalizes each row. With {@link #withDefaults} and the regex tokenizer's
 * default pattern, the vocabulary and the matrix are scikit-learn's {@code TfidfVectorizer()} (to float rounding).
 *
 * <p>The idf is computed from the corpus given to {@code fit}; {@link FittedVectorizer#transform} applies it to
 * other corpora. Instances are immutable and thread-safe; results do not depend on the thread count.
 */
public final class TfidfVectorizer extends Vectorizer {
  private final CountVectorizer counts;
  private final TfidfWeighting weighting;

  private TfidfVectorizer(CountVectorizer counts, TfidfWeighting weighting) {
    this.counts = Objects.requireNonNull(counts, "counts");
    this.weighting = Objects.requireNonNull(weighting, "weighting");
  }

  /** @return a vectorizer that counts with {@code counts} and weights with {@code weighting} */
  public static TfidfVectorizer of(CountVectorizer counts, TfidfWeighting weighting) {
    return new TfidfVectorizer(counts, weighting);
  }

  /** @return scikit-learn's defaults: every term, counts, smoothed idf, l2 norm */
  public static TfidfVectorizer withDefaults(Tokenizer tokenizer) {
    return new TfidfVectorizer(CountVectorizer.builder(tokenizer).build(), TfidfWeighting.DEFAULT);
  }

  @Override
  public CountVectorizer counts() {
    return counts;
  }

  /** @return the weighting settings */
  public TfidfWeighting weighting() {
    return weighting;
  }

  @Override
  TfidfWeighting weightingOrNull() {
    return weighting;
  }

  @Override
  public String toString() {
    return "TfidfVectorizer{" + counts + ", " + weighting + "}";
  }
}
