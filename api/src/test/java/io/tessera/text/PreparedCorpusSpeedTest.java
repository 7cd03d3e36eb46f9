package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.engine.ScalarEngine;
import io.tessera.io.TextCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance figure: preparing the 25,000 IMDB training reviews a second time, from the cache, is at
 * least ten times faster than the first time. Runs where the shared data set is present (it is not committed).
 */
class PreparedCorpusSpeedTest {
  private static final Path IMDB = Path.of(System.getProperty("tessera.data", "../../shared/data"),
      "imdb", "train.tsv.gz");

  @TempDir
  Path cache;

  @Test
  void theCachedPreparationOfTheImdbReviewsIsAtLeastTenTimesFaster() {
    assumeTrue(Files.isReadable(IMDB), "shared IMDB data not found at " + IMDB.toAbsolutePath());
    DefaultTokenizer tokenizer = DefaultTokenizer.withDefaults();
    String key = PreparedCorpus.tokenizerKey(tokenizer);
    TextCorpus corpus = TextCorpus.ofColumn(IMDB, "text");
    try (ScalarEngine engine = new ScalarEngine(2)) {
      long t0 = System.nanoTime();
      long firstTokens;
      try (PreparedCorpus first = PreparedCorpus.prepare(corpus, tokenizer, key, Vocabulary.builder().minCount(2),
          cache, engine)) {
        assertThat(first.fromCache()).isFalse();
        assertThat(first.documents()).isEqualTo(25_000);
        firstTokens = first.tokens();
      }
      long t1 = System.nanoTime();
      long best = Long.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long s = System.nanoTime();
        try (PreparedCorpus again = PreparedCorpus.prepare(corpus, tokenizer, key, Vocabulary.builder().minCount(2),
            cache, engine)) {
          assertThat(again.fromCache()).isTrue();
          assertThat(again.tokens()).isEqualTo(firstTokens);
        }
        best = Math.min(best, System.nanoTime() - s);
      }
      double firstMs = (t1 - t0) / 1e6;
      double cachedMs = best / 1e6;
      // The figure the issue asks for, printed so that a test run shows it (tests have no logging backend).
      System.out.printf("IMDB train (25,000 reviews, %d tokens, 2 threads): first preparation %d ms, from the"
          + " cache %d ms (%.0fx)%n", firstTokens, Math.round(firstMs), Math.round(cachedMs), firstMs / cachedMs);
      assertThat(firstMs / cachedMs).isGreaterThanOrEqualTo(10);
    }
  }
}
