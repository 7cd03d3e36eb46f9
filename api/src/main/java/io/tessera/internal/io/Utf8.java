package io.tessera.internal.io;

import io.tessera.api.BadInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Strict UTF-8 validation over byte ranges, with the error message a user can act on. Stateless. */
public final class Utf8 {
  private Utf8() {
  }

  /**
   * @return the index of the first byte in {@code [from, to)} that starts no valid UTF-8 sequence, or -1 when the
   *     range is valid UTF-8 (the rules of {@link StandardCharsets#UTF_8}'s decoder: no overlong forms, no
   *     surrogates, nothing above U+10FFFF)
   */
  public static int firstInvalid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xff;
      if (c < 0xc2) {
        return i;
      } else if (c < 0xe0) {
        if (!continuation(b, i + 1, to)) {
          return i;
        }
        i += 2;
      } else if (c < 0xf0) {
        int low = c == 0xe0 ? 0xa0 : 0x80;
        int high = c == 0xed ? 0x9f : 0xbf;
        if (!within(b, i + 1, to, low, high) || !continuation(b, i + 2, to)) {
          return i;
        }
        i += 3;
      } else if (c < 0xf5) {
        int low = c == 0xf0 ? 0x90 : 0x80;
        int high = c == 0xf4 ? 0x8f : 0xbf;
        if (!within(b, i + 1, to, low, high) || !continuation(b, i + 2, to) || !continuation(b, i + 3, to)) {
          return i;
        }
        i += 4;
      } else {
        return i;
      }
    }
    return -1;
  }

  private static boolean continuation(byte[] b, int i, int to) {
    return within(b, i, to, 0x80, 0xbf);
  }

  private static boolean within(byte[] b, int i, int to, int low, int high) {
    if (i >= to) {
      return false;
    }
    int v = b[i] & 0xff;
    return v >= low && v <= high;
  }

  /**
   * @return the error for the invalid UTF-8 in {@code [from, to)}, one line of {@code source} (line
   *     {@code line}): its 1-based character column and the offending bytes
   */
  public static BadInputException error(byte[] b, int from, int to, String source, long line, String advice) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(to - from);
    ByteBuffer bytes = ByteBuffer.wrap(b, from, to - from);
    CoderResult r = decoder.decode(bytes, chars, true);
    StringBuilder bad = new StringBuilder();
    int length = r.isError() ? r.length() : 1;
    for (int i = 0; i < length && bytes.position() + i < to; i++) {
      bad.append(i == 0 ? "" : " ").append(String.format("0x%02X", b[bytes.position() + i] & 0xff));
    }
    return BadInputException.inFile(Path.of(source), line, chars.position() + 1L, "invalid UTF-8 (" + bad + "); "
        + advice, null);
  }
}
