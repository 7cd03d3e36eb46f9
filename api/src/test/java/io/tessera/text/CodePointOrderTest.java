package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Code-point order: Python's string order, which differs from Java's where surrogate pairs meet U+E000–U+FFFF. */
class CodePointOrderTest {

  @Test
  void supplementaryCharactersSortAfterTheTopOfTheBasicPlane() {
    String emoji = "\uD83D\uDE00"; // U+1F600
    String fullWidthA = "\uFF21"; // U+FF21
    assertThat(emoji.compareTo(fullWidthA)).isNegative(); // UTF-16 order
    assertThat(CodePointOrder.compare(emoji, fullWidthA)).isPositive();
    assertThat(CodePointOrder.compare("ab", "abc")).isNegative();
    assertThat(CodePointOrder.compare("abc", "abc")).isZero();
    assertThat(CodePointOrder.compare("\uD800\uDC01", "\uD800\uDC00")).isPositive();
  }

  @Test
  void agreesWithDecodingEveryCodePoint() {
    SplittableRandom random = new SplittableRandom(5);
    int[] pool = {'a', 'b', 'z', 0xE9, 0x3131, 0xD7FF, 0xE000, 0xFB01, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF};
    for (int trial = 0; trial < 20_000; trial++) {
      String a = randomString(random, pool);
      String b = randomString(random, pool);
      assertThat(Integer.signum(CodePointOrder.compare(a, b))).as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(Vocabulary.compareCodePoints(a, b)));
    }
  }

  private static String randomString(SplittableRandom random, int[] pool) {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      sb.appendCodePoint(pool[random.nextInt(pool.length)]);
    }
    return sb.toString();
  }
}
