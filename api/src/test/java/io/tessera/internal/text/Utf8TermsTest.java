package io.tessera.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-keyed term table: ids in insertion order, and its byte sort, which must be code-point order. */
class Utf8TermsTest {

  @Test
  void givesIdsInInsertionOrderAndFindsTermsAgain() {
    Utf8Terms terms = new Utf8Terms(4);
    List<String> words = List.of("the", "movie", "was", "a", "remarkably", "unremarkable", "영화", "𝐀b");
    for (int i = 0; i < words.size(); i++) {
      assertThat(terms.add(words.get(i))).isEqualTo(i);
    }
    for (int i = 0; i < words.size(); i++) {
      assertThat(terms.add(words.get(i))).as(words.get(i)).isEqualTo(i);
      assertThat(terms.get(words.get(i))).isEqualTo(i);
      assertThat(terms.term(i)).isEqualTo(words.get(i));
    }
    assertThat(terms.get("movies")).isEqualTo(-1);
    assertThat(terms.size()).isEqualTo(words.size());
  }

  @Test
  void sortsTermsInCodePointOrderWhateverTheirInsertionOrder() {
    // Prefixes of each other, long shared prefixes (past the seven inline bytes and the radix cut-over) and every
    // UTF-8 width, including U+E000..U+FFFF against supplementary characters, where UTF-16 order differs.
    SplittableRandom random = new SplittableRandom(11);
    int[] pool = {'a', 'b', 'z', '_', '0', 0xE9, 0x3131, 0xAC00, 0xD7FF, 0xE000, 0xFB01, 0xFFFD, 0x10000, 0x1D400,
        0x10FFFF};
    Set<String> distinct = new LinkedHashSet<>();
    while (distinct.size() < 20_000) {
      StringBuilder sb = new StringBuilder(random.nextInt(3) == 0 ? "commonprefix" : "");
      for (int i = random.nextInt(6); i >= 0; i--) {
        sb.appendCodePoint(pool[random.nextInt(pool.length)]);
      }
      distinct.add(sb.toString());
    }
    Utf8Terms terms = new Utf8Terms(16);
    for (String t : distinct) {
      terms.add(t);
    }
    int[] ids = new int[terms.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }

    terms.sortByBytes(ids);

    List<String> sorted = new ArrayList<>();
    for (int id : ids) {
      sorted.add(terms.term(id));
    }
    List<String> expected = new ArrayList<>(distinct);
    expected.sort(Comparator.comparing((String s) -> s.codePoints().toArray(), java.util.Arrays::compare));
    assertThat(sorted).containsExactlyElementsOf(expected);
  }

  @Test
  void sortsASubsetOfTheIds() {
    Utf8Terms terms = new Utf8Terms(4);
    for (String t : List.of("delta", "alpha", "charlie", "bravo", "alphabet")) {
      terms.add(t);
    }
    int[] ids = {2, 4, 1};

    terms.sortByBytes(ids);

    assertThat(ids).containsExactly(1, 4, 2); // alpha, alphabet, charlie
  }
}
