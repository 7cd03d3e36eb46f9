package io.tessera.text;

import io.tessera.internal.text.Utf8Terms;
import io.tessera.internal.text.Utf8Tokenizer;
import java.util.Set;

/**
 * How a vectorizer tokenizes: the tokenizer, and, when it can scan UTF-8 bytes itself, that scan together with the
 * stopwords a {@link Stopwords#filter} wrapped around it would drop (looked up by bytes, once per new term of a
 * shard rather than once per token).
 *
 * @param tokenizer the tokenizer as given, stopword filter included
 * @param bytes     its byte scan, or null when documents are decoded and tokenized as text
 * @param stopwords the stopwords to drop in the byte scan's tokens, or null for none
 */
record Tokenization(Tokenizer tokenizer, Utf8Tokenizer bytes, Utf8Terms stopwords) {

  static Tokenization of(Tokenizer tokenizer) {
    Tokenizer inner = tokenizer;
    Set<String> stop = Set.of();
    if (tokenizer instanceof Stopwords.Filtered f) {
      inner = f.tokenizer();
      stop = f.words();
    }
    if (!(inner instanceof Utf8Tokenizer scan) || !scan.scansUtf8()) {
      return new Tokenization(tokenizer, null, null);
    }
    Utf8Terms table = null;
    if (!stop.isEmpty()) {
      table = new Utf8Terms(stop.size());
      for (String word : stop) {
        table.add(word);
      }
    }
    return new Tokenization(tokenizer, scan, table);
  }

  /** @return whether the byte-scanned token {@code b[from, to)} is a stopword */
  boolean isStopword(byte[] b, int from, int to, int hash) {
    return stopwords != null && stopwords.get(b, from, to, hash) >= 0;
  }
}
