package io.tessera.io;

/** Makes text taken from a user's file safe to show inside a one-line error message. */
final class Printable {
  private static final int MAX = 80;

  private Printable() {
  }

  /**
   * @return {@code s} with control characters and line or paragraph separators written as {@code \n},
   *     {@code \t} or {@code \}{@code uXXXX}, so a message stays on one line whatever a file contains
   */
  static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = switch (c) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029'
            ? String.format("\\u%04X", (int) c) : null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** @return {@link #escape escaped} {@code s}, cut to about 80 characters */
  static String clip(String s) {
    String e = escape(s);
    return e.length() <= MAX ? e : e.substring(0, MAX) + "...";
  }
}
