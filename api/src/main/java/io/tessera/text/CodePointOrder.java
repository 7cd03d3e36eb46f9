package io.tessera.text;

/**
 * String order by Unicode code point, as Python sorts {@code str} (and so scikit-learn orders its vocabulary).
 * Java's {@link String#compareTo} compares UTF-16 units, which agrees except where a supplementary character (a
 * surrogate pair, D800–DFFF) meets a character in E000–FFFF: the pair must sort after it. This comparison moves the
 * surrogates above E000–FFFF at the first differing unit, so it costs one character comparison per position like
 * {@code compareTo} instead of decoding code points.
 */
final class CodePointOrder {
  private CodePointOrder() {
  }

  /** @return negative, zero or positive as {@code a} sorts before, with or after {@code b} by code point */
  static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return x >= 0xD800 && y >= 0xD800 ? lift(x) - lift(y) : x - y;
      }
    }
    return a.length() - b.length();
  }

  /** Maps E000–FFFF down to D800–F7FF and the surrogates D800–DFFF up to F800–FFFF. */
  private static int lift(char c) {
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
