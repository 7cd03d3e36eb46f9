package io.tessera.text;

import io.tessera.engine.ComputeEngine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Token statistics of a corpus, gathered before building a {@link Vocabulary}: each distinct token's count, the
 * number of documents containing it (document frequency, needed by LDA filters and TF-IDF), the number of
 * documents and tokens, and the order in which tokens were first seen (the default tie-break of
 * {@link Vocabulary}, as in Keras and gensim).
 *
 * <p>Counting is streaming: only the distinct tokens are held, never the text. For large corpora,
 * {@link #count(Iterable, Tokenizer, ComputeEngine)} counts fixed blocks of documents in parallel and merges
 * them in block order; because {@link #addAll} appends the later block's new tokens after the earlier ones,
 * the result (counts and first-seen order alike) equals a sequential count whatever the thread count.
 *
 * <p>An instance is mutable and not thread-safe: use one per thread and merge them with {@link #addAll}.
 */
public final class TokenCounts {
  /** Documents per parallel counting block. The result does not depend on it; it bounds memory per task. */
  static final int BLOCK_DOCUMENTS = 512;

  /** Statistics of one token; {@code lastDocument} avoids counting a token twice in one document. */
  private static final class Entry {
    long count;
    long documents;
    long lastDocument = -1;
  }

  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
  private long documentCount;
  private long tokenCount;
  private boolean rawCounts;

  /** Creates empty counts. */
  public TokenCounts() {
  }

  /**
   * Counts the tokenized documents {@code texts}, in parallel on {@code engine}'s pool. Texts are read in
   * blocks of a fixed number of documents, a bounded batch of blocks at a time, so memory does not grow with
   * the corpus; the result equals {@link #count(Iterable, Tokenizer)}.
   */
  public static TokenCounts count(Iterable<? extends CharSequence> texts, Tokenizer tokenizer, ComputeEngine engine) {
    Objects.requireNonNull(tokenizer, "tokenizer");
    int batchBlocks = Math.max(1, engine.threads()) * 4;
    TokenCounts total = new TokenCounts();
    Iterator<? extends CharSequence> it = texts.iterator();
    while (it.hasNext()) {
      List<List<CharSequence>> blocks = new ArrayList<>(batchBlocks);
      while (it.hasNext() && blocks.size() < batchBlocks) {
        List<CharSequence> block = new ArrayList<>(BLOCK_DOCUMENTS);
        while (it.hasNext() && block.size() < BLOCK_DOCUMENTS) {
          block.add(it.next());
        }
        blocks.add(block);
      }
      TokenCounts[] partial = new TokenCounts[blocks.size()];
      engine.parallelFor(blocks.size(), b -> partial[b] = countBlock(blocks.get(b), tokenizer));
      // Merge neighbours pairwise in parallel: addAll is associative, so ((0+1)+(2+3)) equals ((0+1)+2)+3.
      for (int width = 1; width < partial.length; width *= 2) {
        int w = width;
        engine.parallelFor((partial.length + 2 * w - 1) / (2 * w), p -> {
          int left = p * 2 * w;
          if (left + w < partial.length) {
            partial[left].addAll(partial[left + w]);
          }
        });
      }
      total.addAll(partial[0]);
    }
    return total;
  }

  /** Counts the tokenized documents {@code texts} on the calling thread. */
  public static TokenCounts count(Iterable<? extends CharSequence> texts, Tokenizer tokenizer) {
    Objects.requireNonNull(tokenizer, "tokenizer");
    TokenCounts counts = new TokenCounts();
    for (CharSequence text : texts) {
      counts.addDocument(text, tokenizer);
    }
    return counts;
  }

  /** Counts already tokenized documents, one list of tokens per document. */
  public static TokenCounts ofDocuments(Iterable<? extends Iterable<String>> documents) {
    TokenCounts counts = new TokenCounts();
    for (Iterable<String> doc : documents) {
      counts.addDocument(doc);
    }
    return counts;
  }

  private static TokenCounts countBlock(List<CharSequence> block, Tokenizer tokenizer) {
    TokenCounts counts = new TokenCounts();
    for (CharSequence text : block) {
      counts.addDocument(text, tokenizer);
    }
    return counts;
  }

  /** Counts one document's tokens; a token contributes to its document frequency once per document. */
  public TokenCounts addDocument(Iterable<String> tokens) {
    long doc = documentCount++;
    for (String token : tokens) {
      countInDocument(token, doc);
    }
    return this;
  }

  /** Tokenizes {@code text} and counts it as one document. */
  public TokenCounts addDocument(CharSequence text, Tokenizer tokenizer) {
    long doc = documentCount++;
    tokenizer.forEachToken(text, token -> countInDocument(token, doc));
    return this;
  }

  private void countInDocument(String token, long doc) {
    Entry e = entry(token);
    e.count++;
    tokenCount++;
    if (e.lastDocument != doc) {
      e.lastDocument = doc;
      e.documents++;
    }
  }

  /**
   * Adds {@code count} occurrences of {@code token} outside any document (for counts read from elsewhere,
   * such as a word-frequency file). Afterwards document frequencies are incomplete, so
   * {@link #hasDocumentFrequencies()} is false.
   */
  public TokenCounts add(String token, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative count " + count + " for '" + token + "'");
    }
    entry(token).count += count;
    tokenCount += count;
    rawCounts = true;
    return this;
  }

  /**
   * Adds {@code later}'s statistics as if its documents came after this one's: counts, document frequencies
   * and document numbers add up, and tokens new to this instance are appended in {@code later}'s first-seen
   * order.
   */
  public TokenCounts addAll(TokenCounts later) {
    if (later == this) {
      throw new IllegalArgumentException("cannot add token counts to themselves");
    }
    for (Map.Entry<String, Entry> m : later.entries.entrySet()) {
      Entry e = entries.computeIfAbsent(m.getKey(), k -> new Entry());
      e.count += m.getValue().count;
      e.documents += m.getValue().documents;
    }
    documentCount += later.documentCount;
    tokenCount += later.tokenCount;
    rawCounts |= later.rawCounts;
    return this;
  }

  private Entry entry(String token) {
    Entry e = entries.get(token);
    if (e == null) {
      if (token == null || token.isEmpty()) {
        throw new IllegalArgumentException("tokens must be non-empty strings, got " + (token == null ? "null" : "''"));
      }
      e = new Entry();
      entries.put(token, e);
    }
    return e;
  }

  /** @return how often {@code token} occurred (0 when never) */
  public long count(String token) {
    Entry e = entries.get(token);
    return e == null ? 0 : e.count;
  }

  /** @return the number of documents containing {@code token} (0 when never seen) */
  public long documentFrequency(String token) {
    Entry e = entries.get(token);
    return e == null ? 0 : e.documents;
  }

  /** @return the number of documents counted */
  public long documents() {
    return documentCount;
  }

  /** @return the number of tokens counted (sum of all counts) */
  public long tokens() {
    return tokenCount;
  }

  /** @return the number of distinct tokens */
  public int distinct() {
    return entries.size();
  }

  /**
   * @return whether every count came from documents, so that document frequencies are complete (false after
   *     {@link #add(String, long)} or when nothing was counted as a document)
   */
  public boolean hasDocumentFrequencies() {
    return !rawCounts && documentCount > 0;
  }

  /** @return the distinct tokens in the order they were first seen */
  public List<String> tokensInFirstSeenOrder() {
    return List.copyOf(entries.keySet());
  }

  /** Visits every distinct token in first-seen order (for {@link Vocabulary} without copying). */
  void forEach(EntryVisitor visitor) {
    int i = 0;
    for (Map.Entry<String, Entry> m : entries.entrySet()) {
      visitor.visit(i++, m.getKey(), m.getValue().count, m.getValue().documents);
    }
  }

  /** Receives one distinct token's statistics. */
  @FunctionalInterface
  interface EntryVisitor {
    void visit(int firstSeenRank, String token, long count, long documentFrequency);
  }

  @Override
  public String toString() {
    return "TokenCounts{" + entries.size() + " distinct, " + tokenCount + " tokens, " + documentCount
        + " documents}";
  }
}
