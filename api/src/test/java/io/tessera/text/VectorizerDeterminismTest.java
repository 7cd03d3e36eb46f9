package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.engine.Norm;
import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Results do not depend on how the work is cut: the same vocabulary and a bit-identical matrix for 1, 2 and 3
 * threads and for shards of 1, 7, 100 or the default 1024 documents (a shard's terms first appear in a different
 * order each time, so the merge and the final code-point ordering are exercised).
 */
class VectorizerDeterminismTest {

  /** About 750 real documents: the sentences of the 60 IMDB reviews of the fixture. */
  private static List<String> sentences() {
    List<String> out = new ArrayList<>();
    for (String review : VectorizerFixtures.imdbSample()) {
      out.addAll(Arrays.asList(review.split("(?<=[.!?]) |<br /><br />")));
    }
    return out;
  }

  @Test
  void matricesAreBitIdenticalForAnyThreadCountAndShardSize() {
    List<String> docs = sentences();
    assertThat(docs).hasSizeGreaterThan(700);
    Tokenizer tokenizer = RegexTokenizer.sklearnDefault();
    List<Vectorizer> vectorizers = List.of(
        TfidfVectorizer.withDefaults(tokenizer),
        TfidfVectorizer.of(CountVectorizer.builder(tokenizer).minDf(2).maxDf(0.3).build(),
            TfidfWeighting.DEFAULT.withSublinearTf(true).withNorm(Norm.L1)),
        CountVectorizer.builder(tokenizer).binary(true).maxFeatures(500).build());
    for (Vectorizer v : vectorizers) {
      DocumentTermMatrix reference;
      try (ScalarEngine one = new ScalarEngine(1)) {
        reference = v.fitTransform(docs, one);
      }
      for (int threads = 1; threads <= 3; threads++) {
        try (ScalarEngine engine = new ScalarEngine(threads)) {
          for (int shard : new int[] {1, 7, 100}) {
            DocumentTermMatrix dtm = Vectorization.fitTransform(v.counts(), v.weightingOrNull(), docs.iterator(),
                engine, shard);
            String what = v + " with " + threads + " threads and shards of " + shard;
            assertThat(dtm.vectorizer()).as(what).isEqualTo(reference.vectorizer());
            assertThat(dtm.matrix()).as(what).isEqualTo(reference.matrix());
            DocumentTermMatrix again = Vectorization.transform(dtm.vectorizer(), docs.iterator(), engine, shard);
            assertThat(again.matrix()).as("transform, " + what).isEqualTo(reference.matrix());
          }
        }
      }
    }
  }
}
