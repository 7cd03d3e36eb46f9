package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.text.Vocabulary.TieBreak;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final Tokenizer TOKENIZER = DefaultTokenizer.withDefaults();
  /** Keras's {@code Tokenizer.fit_on_texts(["b a c a", "c d b"])} counts b=2, a=2, c=2, d=1 in that order. */
  private static final List<List<String>> TIES = List.of(List.of("b", "a", "c", "a"), List.of("c", "d", "b"));

  private static List<List<String>> tokenized(List<String> texts) {
    return texts.stream().map(TOKENIZER::tokenize).toList();
  }

  @Nested
  class Ranking {
    @Test
    void wordsAreOrderedByDescendingCountThenByFirstOccurrence() {
      Vocabulary v = Vocabulary.builder().build(TIES);
      assertThat(v.words()).containsExactly("b", "a", "c", "d");
      assertThat(v.counts()).containsExactly(2, 2, 2, 1);
    }

    @Test
    void lexicographicTieBreakIgnoresInputOrder() {
      Vocabulary v = Vocabulary.builder().tieBreak(TieBreak.LEXICOGRAPHIC).build(TIES);
      assertThat(v.words()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void lexicographicOrderIsByCodePointNotUtf16Unit() {
      // U+FF41 (fullwidth a) is one UTF-16 unit above the surrogates of U+1D400, but a lower code point
      Vocabulary v = Vocabulary.builder().tieBreak(TieBreak.LEXICOGRAPHIC)
          .build(List.of(List.of("\uD835\uDC00", "\uFF41", "z")));
      assertThat(v.words()).containsExactly("z", "\uFF41", "\uD835\uDC00");
    }

    @Test
    void idsMatchKerasTokenizerWithIndexZeroReservedAndAnOovToken() {
      // Keras: Tokenizer(oov_token="<OOV>").fit_on_texts(...).word_index == {"<OOV>": 1, "b": 2, "a": 3, ...}
      Vocabulary v = Vocabulary.builder().padding(true).oov(true).build(TIES);
      assertThat(v.words()).containsExactly(Vocabulary.PAD, Vocabulary.OOV, "b", "a", "c", "d");
      assertThat(v.id("b")).isEqualTo(2);
      assertThat(v.id("d")).isEqualTo(5);
    }

    @Test
    void maxSizeCountsReservedIdsLikeKerasNumWords() {
      // Keras: Tokenizer(num_words=4, oov_token=...) encodes only indices below 4, so "c a b d" -> [1, 3, 2, 1]
      Vocabulary v = Vocabulary.builder().maxSize(4).padding(true).oov(true).build(TIES);
      assertThat(v.size()).isEqualTo(4);
      assertThat(v.wordCount()).isEqualTo(2);
      assertThat(v.encode(List.of("c", "a", "b", "d"))).containsExactly(1, 3, 2, 1);
    }

    @Test
    void theCutAtMaxSizeFollowsTheTieBreak() {
      assertThat(Vocabulary.builder().maxSize(2).build(TIES).words()).containsExactly("b", "a");
      assertThat(Vocabulary.builder().maxSize(2).tieBreak(TieBreak.LEXICOGRAPHIC).build(TIES).words())
          .containsExactly("a", "b");
    }

    @Test
    void theTopWordsOfImdbReviewsAreKeptWithTheirCounts() {
      List<List<String>> docs = tokenized(Samples.imdb());
      TokenCounts counts = TokenCounts.ofDocuments(docs);
      Vocabulary v = Vocabulary.builder().maxSize(300).padding(true).oov(true).build(counts);
      assertThat(v.size()).isEqualTo(300);
      assertThat(v.numIds()).isEqualTo(300);
      assertThat(v.words().subList(0, 8)).containsExactly("<pad>", "<unk>", "the", "and", "a", "of", "is", "to");
      long smallestKept = v.count(299);
      for (int id = 2; id < 300; id++) {
        assertThat(v.count(id)).isEqualTo(counts.count(v.word(id))).isGreaterThanOrEqualTo(smallestKept);
        assertThat(v.documentFrequency(id)).isEqualTo(counts.documentFrequency(v.word(id)));
      }
      assertThat(counts.tokensInFirstSeenOrder()).filteredOn(w -> !v.contains(w))
          .allSatisfy(w -> assertThat(counts.count(w)).isLessThanOrEqualTo(smallestKept));
      assertThat(v.count(0)).isZero();
      assertThat(v.count(1)).isZero();
    }
  }

  @Nested
  class Filters {
    @Test
    void minCountDropsRareWords() {
      List<List<String>> docs = tokenized(Samples.lee());
      TokenCounts counts = TokenCounts.ofDocuments(docs);
      Vocabulary v = Vocabulary.builder().minCount(5).build(counts);
      assertThat(v.words()).allSatisfy(w -> assertThat(counts.count(w)).isGreaterThanOrEqualTo(5));
      assertThat(counts.tokensInFirstSeenOrder()).filteredOn(w -> counts.count(w) >= 5)
          .hasSize(v.size()).allSatisfy(w -> assertThat(v.contains(w)).isTrue());
    }

    @Test
    void documentFrequencyFiltersWorkLikeGensimFilterExtremes() {
      List<List<String>> docs = tokenized(Samples.lee());
      TokenCounts counts = TokenCounts.ofDocuments(docs);
      Vocabulary v = Vocabulary.builder().minDocCount(2).maxDocFraction(0.5).build(counts);
      assertThat(v.documentCount()).isEqualTo(20);
      assertThat(v.hasDocumentFrequencies()).isTrue();
      for (int id = 0; id < v.size(); id++) {
        assertThat(v.documentFrequency(id)).isBetween(2L, 10L);
      }
      assertThat(counts.documentFrequency("the")).isEqualTo(20);
      assertThat(v.contains("the")).isFalse();
      assertThat(counts.tokensInFirstSeenOrder()).filteredOn(w -> {
        long df = counts.documentFrequency(w);
        return df >= 2 && df <= 10;
      }).hasSize(v.size());
    }

    @Test
    void documentFiltersNeedDocumentFrequencies() {
      TokenCounts raw = new TokenCounts().add("the", 10);
      assertThatThrownBy(() -> Vocabulary.builder().minDocCount(2).build(raw))
          .isInstanceOf(BadInputException.class)
          .hasMessage("parameter 'min_doc_count': needs document frequencies, but the counts were not made from "
              + "documents only");
      Vocabulary v = Vocabulary.builder().build(raw);
      assertThat(v.hasDocumentFrequencies()).isFalse();
      assertThatThrownBy(() -> v.documentFrequency(0)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class ReservedIdsAndUnknownWords {
    @Test
    void unknownWordsMapToTheOovId() {
      Vocabulary v = Vocabulary.builder().padding(true).oov(true).build(TIES);
      assertThat(v.paddingId()).isZero();
      assertThat(v.oovId()).isEqualTo(1);
      assertThat(v.id("zebra")).isEqualTo(-1);
      assertThat(v.idOrOov("zebra")).isEqualTo(1);
      assertThat(v.encode(List.of("a", "zebra", "d"))).containsExactly(3, 1, 5);
    }

    @Test
    void withoutAnOovIdUnknownWordsAreDroppedLikeKerasAndGensim() {
      Vocabulary v = Vocabulary.builder().build(TIES);
      assertThat(v.reserved()).isZero();
      assertThat(v.paddingId()).isEqualTo(-1);
      assertThat(v.oovId()).isEqualTo(-1);
      assertThat(v.idOrOov("zebra")).isEqualTo(-1);
      assertThat(v.encode(List.of("a", "zebra", "d"))).containsExactly(1, 3);
    }

    @Test
    void oovWithoutPaddingTakesIdZero() {
      Vocabulary v = Vocabulary.builder().oov(true).build(TIES);
      assertThat(v.oovId()).isZero();
      assertThat(v.words()).startsWith(Vocabulary.OOV, "b");
    }

    @Test
    void aCorpusWordEqualToAnEnabledReservedTokenIsThatToken() {
      List<List<String>> docs = List.of(List.of("<unk>", "<unk>", "<pad>", "x"));
      Vocabulary reserved = Vocabulary.builder().padding(true).oov(true).build(docs);
      assertThat(reserved.words()).containsExactly("<pad>", "<unk>", "x");
      Vocabulary plain = Vocabulary.builder().build(docs);
      assertThat(plain.words()).containsExactly("<unk>", "<pad>", "x");
    }

    @Test
    void decodeSkipsPaddingAndShowsUnknownIds() {
      Vocabulary v = Vocabulary.builder().padding(true).oov(true).build(TIES);
      assertThat(v.decode(new int[] {0, 0, 2, 1, 5})).containsExactly("b", "<unk>", "d");
      assertThatThrownBy(() -> v.decode(new int[] {6}))
          .isInstanceOf(BadInputException.class)
          .hasMessage("id 6 lies outside the vocabulary's ids [0, 6)");
    }

    @Test
    void encodesTextThroughATokenizer() {
      Vocabulary v = Vocabulary.builder().padding(true).oov(true).build(tokenized(Samples.imdb()));
      int[] ids = v.encode("This movie doesn't work<br />", TOKENIZER);
      assertThat(v.decode(ids)).containsExactly("this", "movie", "does", "n't", "work");
    }
  }

  @Nested
  class HashedBuckets {
    @Test
    void reproduceTensorFlowsStaticVocabularyTableExample() {
      // TensorFlow API docs: vocabulary emerson, lake, palmer with 5 buckets maps
      // ["emerson", "lake", "palmer", "king", "crimson"] to [0, 1, 2, 6, 7]
      Vocabulary v = Vocabulary.builder().oovBuckets(5).fromWords(List.of("emerson", "lake", "palmer"));
      assertThat(v.size()).isEqualTo(3);
      assertThat(v.numBuckets()).isEqualTo(5);
      assertThat(v.numIds()).isEqualTo(8);
      assertThat(v.encode(List.of("emerson", "lake", "palmer", "king", "crimson"))).containsExactly(0, 1, 2, 6, 7);
    }

    @Test
    void bucketIdsAreFixedForeverAndComeAfterReservedIdsAndWords() {
      Vocabulary v = Vocabulary.builder().padding(true).oovBuckets(1000).fromWords(List.of("emerson"));
      // size 2; Fingerprint64 mod 1000: 영화 -> 470, the -> 354, state-of-the-art -> 922
      assertThat(v.idOrOov("영화")).isEqualTo(2 + 470);
      assertThat(v.idOrOov("the")).isEqualTo(2 + 354);
      assertThat(v.idOrOov("state-of-the-art")).isEqualTo(2 + 922);
      assertThat(v.decode(new int[] {472, 1})).containsExactly(Vocabulary.OOV, "emerson");
    }

    @Test
    void aSingleOovIdAndBucketsExcludeEachOther() {
      assertThatThrownBy(() -> Vocabulary.builder().oov(true).oovBuckets(3).build(TIES))
          .isInstanceOf(BadInputException.class)
          .hasMessage("parameter 'oov_buckets': cannot be combined with a single OOV id: choose oov(true) or "
              + "oovBuckets(n)");
    }
  }

  @Nested
  class FromWords {
    @Test
    void keepsTheGivenOrderAfterTheReservedIds() {
      Vocabulary v = Vocabulary.builder().padding(true).oov(true).maxSize(4).fromWords(List.of("z", "y", "x"));
      assertThat(v.words()).containsExactly("<pad>", "<unk>", "z", "y");
      assertThat(v.counts()).containsOnly(0);
      assertThat(v.hasDocumentFrequencies()).isFalse();
    }

    @Test
    void rejectsRepeatedEmptyAndReservedWords() {
      assertThatThrownBy(() -> Vocabulary.builder().fromWords(List.of("a", "b", "a")))
          .isInstanceOf(BadInputException.class).hasMessage("word 'a': appears twice in the vocabulary");
      assertThatThrownBy(() -> Vocabulary.builder().fromWords(List.of("a", "")))
          .hasMessage("word '': cannot be a vocabulary word (empty or reserved), at position 1");
      assertThatThrownBy(() -> Vocabulary.builder().oov(true).fromWords(List.of("<unk>")))
          .hasMessage("word '<unk>': cannot be a vocabulary word (empty or reserved), at position 0");
    }
  }

  @Nested
  class Validation {
    @Test
    void builderSettingsNameTheParameter() {
      assertThatThrownBy(() -> Vocabulary.builder().minCount(0))
          .isInstanceOf(BadInputException.class).hasMessage("parameter 'min_count': 0 is outside the allowed range [1, inf)");
      assertThatThrownBy(() -> Vocabulary.builder().maxSize(0))
          .hasMessage("parameter 'max_size': 0 is outside the allowed range [1, inf)");
      assertThatThrownBy(() -> Vocabulary.builder().maxDocFraction(1.5))
          .hasMessage("parameter 'max_doc_fraction': 1.5 is outside the allowed range (0, 1]");
      assertThatThrownBy(() -> Vocabulary.builder().oovBuckets(-1))
          .hasMessage("parameter 'oov_buckets': -1 is outside the allowed range [0, inf)");
      assertThatThrownBy(() -> Vocabulary.builder().maxSize(2).padding(true).oov(true).build(TIES))
          .hasMessage("parameter 'max_size': 2 leaves no room for words after 2 reserved ids");
    }

    @Test
    void lookupsByIdAreBoundsChecked() {
      Vocabulary v = Vocabulary.builder().build(TIES);
      assertThatThrownBy(() -> v.word(4)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> v.count(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void exposesNothingMutable() {
      Vocabulary v = Vocabulary.builder().build(TIES);
      assertThatThrownBy(() -> v.words().set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
      v.counts()[0] = 99;
      v.documentFrequencies()[0] = 99;
      assertThat(v.count(0)).isEqualTo(2);
      assertThat(v.documentFrequency(0)).isEqualTo(2);
      assertThat(v.totalCount()).isEqualTo(7);
    }
  }
}
