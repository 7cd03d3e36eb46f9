package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.engine.ScalarEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCountsTest {

  @Test
  void countsTokensAndDocumentFrequencies() {
    TokenCounts c = TokenCounts.ofDocuments(List.of(List.of("b", "a", "c", "a"), List.of("c", "d", "b"), List.of()));
    assertThat(c.documents()).isEqualTo(3);
    assertThat(c.tokens()).isEqualTo(7);
    assertThat(c.distinct()).isEqualTo(4);
    assertThat(c.count("a")).isEqualTo(2);
    assertThat(c.documentFrequency("a")).isEqualTo(1);
    assertThat(c.count("b")).isEqualTo(2);
    assertThat(c.documentFrequency("b")).isEqualTo(2);
    assertThat(c.count("zzz")).isZero();
    assertThat(c.documentFrequency("zzz")).isZero();
    assertThat(c.hasDocumentFrequencies()).isTrue();
  }

  @Test
  void remembersTheOrderInWhichTokensWereFirstSeen() {
    TokenCounts c = TokenCounts.ofDocuments(List.of(List.of("b", "a", "c", "a"), List.of("c", "d", "b")));
    assertThat(c.tokensInFirstSeenOrder()).containsExactly("b", "a", "c", "d");
  }

  @Test
  void addingLaterCountsAppendsTheirNewTokensAndSumsTheRest() {
    TokenCounts first = TokenCounts.ofDocuments(List.of(List.of("x", "y")));
    TokenCounts later = TokenCounts.ofDocuments(List.of(List.of("z", "y", "y"), List.of("y")));
    first.addAll(later);
    assertThat(first.tokensInFirstSeenOrder()).containsExactly("x", "y", "z");
    assertThat(first.count("y")).isEqualTo(4);
    assertThat(first.documentFrequency("y")).isEqualTo(3);
    assertThat(first.documents()).isEqualTo(3);
    assertThat(first.tokens()).isEqualTo(6);
    first.addDocument(List.of("y", "y"));
    assertThat(first.documentFrequency("y")).isEqualTo(4);
  }

  @Test
  void rawCountsHaveNoDocumentFrequencies() {
    TokenCounts c = new TokenCounts().add("the", 336_114).add("and", 163_813);
    assertThat(c.tokens()).isEqualTo(499_927);
    assertThat(c.hasDocumentFrequencies()).isFalse();
    assertThat(new TokenCounts().hasDocumentFrequencies()).isFalse();
  }

  @Test
  void rejectsEmptyTokensAndNegativeCounts() {
    assertThatThrownBy(() -> new TokenCounts().addDocument(List.of("ok", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> new TokenCounts().add("x", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parallelCountingGivesTheSequentialResultWhateverTheThreadCount() {
    // Enough documents for several blocks, so blocks really are counted on different threads.
    List<String> corpus = new ArrayList<>();
    while (corpus.size() < 3 * TokenCounts.BLOCK_DOCUMENTS + 17) {
      corpus.addAll(Samples.imdb());
      corpus.addAll(Samples.nsmc());
      corpus.addAll(Samples.lee());
    }
    Tokenizer tokenizer = DefaultTokenizer.withDefaults();
    TokenCounts sequential = TokenCounts.count(corpus, tokenizer);
    Vocabulary expected = Vocabulary.builder().build(sequential);
    for (int threads : new int[] {1, 2, 3}) {
      try (ScalarEngine engine = new ScalarEngine(threads)) {
        TokenCounts parallel = TokenCounts.count(corpus, tokenizer, engine);
        assertThat(parallel.tokensInFirstSeenOrder()).isEqualTo(sequential.tokensInFirstSeenOrder());
        assertThat(parallel.tokens()).isEqualTo(sequential.tokens());
        assertThat(parallel.documents()).isEqualTo(corpus.size());
        assertThat(Vocabulary.builder().build(parallel)).isEqualTo(expected);
      }
    }
    assertThat(expected.documentFrequency(expected.id("the"))).isEqualTo(sequential.documentFrequency("the"));
  }
}
