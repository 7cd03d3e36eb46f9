package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.engine.ComputeEngine;
import io.tessera.io.TextCorpus;

/**
 * A document–term vectorizer before fitting: a {@link CountVectorizer} (entries are counts) or a
 * {@link TfidfVectorizer} (counts weighted by TF-IDF). Fitting chooses the columns from a corpus and returns an
 * immutable {@link FittedVectorizer}; {@code fitTransform} also returns the corpus's matrix, tokenizing each
 * document once.
 *
 * <p>Documents are read once, in shards of a fixed number of documents that are tokenized and counted in parallel
 * on the engine's pool and merged in shard order, so results are the same, bit for bit, for any thread count.
 */
public abstract sealed class Vectorizer permits CountVectorizer, TfidfVectorizer {

  Vectorizer() {
  }

  /** @return the counting settings: tokenizer, document-frequency bounds, max_features, binary */
  public abstract CountVectorizer counts();

  /** @return the TF-IDF weighting, or null when entries are counts */
  abstract TfidfWeighting weightingOrNull();

  /**
   * Chooses the columns (and for TF-IDF the idf) from {@code documents}, read once.
   *
   * @throws BadInputException when the corpus has no token, when no term survives {@code min_df} and
   *     {@code max_df} (naming both filters and how many terms each drops), or when the bounds cross for this
   *     corpus
   */
  public final FittedVectorizer fit(Iterable<? extends CharSequence> documents, ComputeEngine engine) {
    return Vectorization.fit(counts(), weightingOrNull(), documents.iterator(), engine);
  }

  /** As {@link #fit(Iterable, ComputeEngine)}, streaming the corpus's documents. */
  public final FittedVectorizer fit(TextCorpus corpus, ComputeEngine engine) {
    return Vectorization.fit(counts(), weightingOrNull(), corpus, engine);
  }

  /**
   * Fits on {@code documents} and returns their matrix; documents without tokens are kept as empty rows, counted
   * in {@link DocumentTermMatrix#emptyDocuments()} and a logged warning.
   *
   * @throws BadInputException as {@link #fit(Iterable, ComputeEngine)}
   */
  public final DocumentTermMatrix fitTransform(Iterable<? extends CharSequence> documents, ComputeEngine engine) {
    return Vectorization.fitTransform(counts(), weightingOrNull(), documents.iterator(), engine);
  }

  /** As {@link #fitTransform(Iterable, ComputeEngine)}, streaming the corpus's documents. */
  public final DocumentTermMatrix fitTransform(TextCorpus corpus, ComputeEngine engine) {
    return Vectorization.fitTransform(counts(), weightingOrNull(), corpus, engine);
  }
}
