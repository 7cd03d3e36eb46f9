package io.tessera.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Test-only stand-in for the regex tokenizer with scikit-learn's defaults: the text lower-cased as Python's
 * {@code str.lower()} does, then every match of {@code (?u)\b\w\w+\b}, i.e. every maximal run of at least two word
 * characters, where a word character is one Python's {@code re} counts as {@code \w} for {@code str} patterns: a
 * letter (L*), a number (Nd, Nl, No) or {@code _}. Combining marks are not word characters in Python, so they
 * split words, and a supplementary character counts as one.
 *
 * <p>No regex engine. Text made only of Latin-1 characters (all of IMDB but a few reviews) takes a fast path that
 * lower-cases into a byte copy and cuts tokens from it, because lower-casing never moves a Latin-1 character out of
 * Latin-1 or changes whether it is a word character; other text is lower-cased whole first and scanned by code
 * point, since there it can ({@code İ} becomes {@code i} plus a combining dot, which splits the word as in
 * Python).
 */
final class SklearnPatternTokenizer implements Tokenizer {
  /** Word-ness of the Latin-1 characters. */
  private static final boolean[] LATIN1_WORD = new boolean[256];
  /** Lower case of the Latin-1 characters (always Latin-1 again). */
  private static final byte[] LATIN1_LOWER = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      LATIN1_WORD[c] = isWord(c);
      LATIN1_LOWER[c] = (byte) Character.toLowerCase(c);
    }
  }

  @Override
  public List<String> tokenize(CharSequence text) {
    List<String> out = new ArrayList<>();
    forEachToken(text, out::add);
    return out;
  }

  @Override
  public void forEachToken(CharSequence text, Consumer<? super String> action) {
    String s = text.toString();
    if (!latin1(s, action)) {
      general(s.toLowerCase(Locale.ROOT), action);
    }
  }

  /**
   * Tokenizes {@code s} if it is all Latin-1; returns false (having emitted nothing) at the first other character.
   * The text is first copied to bytes, lower-cased on the way; tokens are then cut from those bytes.
   */
  private static boolean latin1(String s, Consumer<? super String> action) {
    int n = s.length();
    byte[] lower = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        return false;
      }
      lower[i] = LATIN1_LOWER[c];
    }
    int i = 0;
    while (i < n) {
      if (!LATIN1_WORD[lower[i] & 0xFF]) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && LATIN1_WORD[lower[i] & 0xFF]) {
        i++;
      }
      if (i - start >= 2) {
        action.accept(new String(lower, start, i - start, StandardCharsets.ISO_8859_1));
      }
    }
    return true;
  }

  /** Tokenizes already lower-cased text by code point. */
  private static void general(String s, Consumer<? super String> action) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (!isWord(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int codePoints = 0;
      while (i < n && isWord(cp = s.codePointAt(i))) {
        i += Character.charCount(cp);
        codePoints++;
      }
      if (codePoints >= 2) {
        action.accept(s.substring(start, i));
      }
    }
  }

  private static boolean isWord(int cp) {
    if (cp == '_' || Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
