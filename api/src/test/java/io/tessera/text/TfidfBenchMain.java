package io.tessera.text;

import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import io.tessera.io.TextCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A command for the TF-IDF benchmark and the SOTU comparison (test scope; the CLI's {@code text tfidf} comes
 * later): reads the {@code text} column of every file in turn, fits scikit-learn's default
 * {@code TfidfVectorizer} with the regex tokenizer's default pattern, optionally writes the matrix, and prints one
 * JSON line: the shape, the time, and a checksum (the sum of all entries in double, to compare with scikit-learn's
 * figure on the same corpus).
 *
 * <pre>usage: TfidfBenchMain THREADS OUT.safetensors|- FILE.tsv[.gz]...</pre>
 */
public final class TfidfBenchMain {
  private TfidfBenchMain() {
  }

  /** Runs the command; see the class comment. */
  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: TfidfBenchMain THREADS OUT.safetensors|- FILE.tsv[.gz]...");
      System.exit(2);
    }
    long start = System.nanoTime();
    int threads = Integer.parseInt(args[0]);
    List<TextCorpus> corpora = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      corpora.add(TextCorpus.ofColumn(Path.of(args[i]), "text"));
    }
    CountVectorizer counts = CountVectorizer.builder(RegexTokenizer.sklearnDefault())
        .tokenizerName("regex pattern=(?u)\\b\\w\\w+\\b lowercase=true").build();
    DocumentTermMatrix dtm;
    try (ScalarEngine engine = new ScalarEngine(threads)) {
      Iterable<String> documents = () -> concat(corpora);
      dtm = TfidfVectorizer.of(counts, TfidfWeighting.DEFAULT).fitTransform(documents, engine);
    }
    long fitted = System.nanoTime();
    if (!args[1].equals("-")) {
      dtm.write(Path.of(args[1]));
    }
    long end = System.nanoTime();
    double checksum = 0;
    for (float v : dtm.matrix().values()) {
      checksum += v;
    }
    System.out.printf(java.util.Locale.ROOT, "{\"rows\": %d, \"cols\": %d, \"nnz\": %d, \"empty\": %d, "
        + "\"threads\": %d, \"fit_seconds\": %.3f, \"write_seconds\": %.3f, \"checksum\": %.6f}%n",
        dtm.matrix().rows(), dtm.matrix().cols(), dtm.matrix().nnz(), dtm.emptyDocuments(), threads,
        (fitted - start) / 1e9, (end - fitted) / 1e9, checksum);
  }

  /** Streams the documents of every corpus in turn, closing each file when it is exhausted. */
  private static Iterator<String> concat(List<TextCorpus> corpora) {
    return new Iterator<>() {
      private int next;
      private Stream<String> open;
      private Iterator<String> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (open != null) {
            open.close();
            open = null;
          }
          if (next == corpora.size()) {
            return false;
          }
          open = corpora.get(next++).documents();
          current = open.iterator();
        }
        return true;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
