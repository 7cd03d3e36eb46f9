package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.text.Sequences.Side;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Keras's {@code pad_sequences} semantics; the first examples are the ones in the Keras documentation. */
class SequencesTest {
  private static final List<int[]> KERAS_EXAMPLE = List.of(new int[] {1}, new int[] {2, 3}, new int[] {4, 5, 6});

  @Test
  void padsInFrontToTheLongestByDefault() {
    PaddedSequences p = Sequences.pad(KERAS_EXAMPLE);
    assertThat(p.rows()).isEqualTo(3);
    assertThat(p.maxlen()).isEqualTo(3);
    assertThat(p.ids()).containsExactly(0, 0, 1, 0, 2, 3, 4, 5, 6);
    assertThat(p.lengths()).containsExactly(1, 2, 3);
  }

  @Test
  void padsWithAnyValue() {
    assertThat(Sequences.pad(KERAS_EXAMPLE, Sequences.LONGEST, Side.PRE, Side.PRE, -1).ids())
        .containsExactly(-1, -1, 1, -1, 2, 3, 4, 5, 6);
  }

  @Test
  void padsAtTheEndWhenAsked() {
    PaddedSequences p = Sequences.pad(KERAS_EXAMPLE, Sequences.LONGEST, Side.POST, Side.PRE, 0);
    assertThat(p.ids()).containsExactly(1, 0, 0, 2, 3, 0, 4, 5, 6);
    assertThat(p.offset(0)).isZero();
  }

  @Test
  void truncatesTheBeginningByDefault() {
    PaddedSequences p = Sequences.pad(KERAS_EXAMPLE, 2);
    assertThat(p.ids()).containsExactly(0, 1, 2, 3, 5, 6);
    assertThat(p.lengths()).containsExactly(1, 2, 2);
    assertThat(p.offset(0)).isEqualTo(1);
    assertThat(p.offset(2)).isZero();
  }

  @Test
  void truncatesTheEndWhenAsked() {
    assertThat(Sequences.pad(KERAS_EXAMPLE, 2, Side.PRE, Side.POST, 0).ids()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(Sequences.pad(KERAS_EXAMPLE, 2, Side.POST, Side.POST, 0).ids()).containsExactly(1, 0, 2, 3, 4, 5);
  }

  @Test
  void anEmptySequenceBecomesARowOfPadding() {
    PaddedSequences p = Sequences.pad(List.of(new int[0], new int[] {7}), 2, Side.POST, Side.PRE, 9);
    assertThat(p.row(0)).containsExactly(9, 9);
    assertThat(p.row(1)).containsExactly(7, 9);
    assertThat(p.get(1, 0)).isEqualTo(7);
  }

  @Test
  void noSequencesGiveAnEmptyMatrix() {
    PaddedSequences p = Sequences.pad(List.of());
    assertThat(p.rows()).isZero();
    assertThat(p.maxlen()).isZero();
    assertThat(p.ids()).isEmpty();
  }

  @Test
  void imdbReviewsPadAndTruncateToAHundredIdsAsInTheLecture() {
    Tokenizer tokenizer = DefaultTokenizer.withDefaults();
    List<String> reviews = Samples.imdb();
    Vocabulary vocab = Vocabulary.builder().maxSize(300).padding(true).oov(true)
        .build(reviews.stream().map(tokenizer::tokenize).toList());
    List<int[]> encoded = reviews.stream().map(r -> vocab.encode(r, tokenizer)).toList();
    PaddedSequences batch = Sequences.pad(encoded, 100);
    assertThat(batch.rows()).isEqualTo(22);
    assertThat(batch.ids()).hasSize(2200);
    assertThat(IntStream.of(batch.ids())).allMatch(id -> id >= 0 && id < 300);
    assertThat(batch.lengths()).contains(100).matches(l -> IntStream.of(l).anyMatch(n -> n < 100), "has a short review");
    for (int r = 0; r < batch.rows(); r++) {
      int[] ids = encoded.get(r);
      int len = Math.min(ids.length, 100);
      assertThat(batch.lengths()[r]).isEqualTo(len);
      // the last ids of the review end the row (truncating='pre'), padding fills the front
      assertThat(batch.row(r)).endsWith(Arrays.copyOfRange(ids, ids.length - len, ids.length));
      assertThat(IntStream.of(Arrays.copyOfRange(batch.row(r), 0, 100 - len))).allMatch(id -> id == 0);
    }
  }

  @Test
  void rejectsANegativeMaxlen() {
    assertThatThrownBy(() -> Sequences.pad(KERAS_EXAMPLE, -2))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("parameter 'maxlen': -2 is negative");
  }
}
