package io.tessera.io;

import io.tessera.api.BadInputException;
import io.tessera.internal.io.Utf8;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a UTF-8 text file line by line, decompressing gzip transparently (recognised by its magic bytes, whatever
 * the file is called), with exact line numbers in every error.
 *
 * <p>Lines end at LF; a CR before the LF is dropped, as is a UTF-8 byte-order mark at the start of the file. Lines
 * are split on bytes before decoding (LF never occurs inside a multi-byte UTF-8 sequence), so a malformed byte is
 * reported on the line where it is, with its character column. Not thread-safe.
 */
final class LineReader implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private long line;
  private CharBuffer chars = CharBuffer.allocate(256);

  private LineReader(Path file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  /**
   * Opens {@code file}, decompressing it if it starts with the gzip magic bytes.
   *
   * @throws BadInputException    if the file does not exist
   * @throws UncheckedIOException naming the file for other I/O errors
   */
  static LineReader open(Path file) {
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw BadInputException.inFile(file, 0, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      BufferedInputStream peek = new BufferedInputStream(raw, BUFFER);
      peek.mark(2);
      int b0 = peek.read();
      int b1 = peek.read();
      peek.reset();
      InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(peek, BUFFER) : peek;
      LineReader r = new LineReader(file, in);
      r.skipByteOrderMark();
      return r;
    } catch (IOException e) {
      closeQuietly(raw);
      throw readFailure(file, 0, e);
    } catch (RuntimeException e) {
      closeQuietly(raw);
      throw e;
    }
  }

  /** @return the file being read */
  Path file() {
    return file;
  }

  /** @return the 1-based number of the line {@link #next} returned last (0 before the first) */
  long lineNumber() {
    return line;
  }

  /**
   * @return the next line without its line ending, or {@code null} at the end of the file
   * @throws BadInputException    naming file, line and column for malformed UTF-8 or corrupt gzip data
   * @throws UncheckedIOException naming the file for read errors
   */
  String next() {
    try {
      int scanFrom = pos;
      while (true) {
        for (int i = scanFrom; i < limit; i++) {
          if (buf[i] == '\n') {
            int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
            String s = decode(pos, end);
            pos = i + 1;
            return s;
          }
        }
        if (eof) {
          if (pos == limit) {
            return null;
          }
          int end = buf[limit - 1] == '\r' ? limit - 1 : limit;
          String s = decode(pos, end);
          pos = limit;
          return s;
        }
        scanFrom = limit - pos;
        fill();
      }
    } catch (IOException e) {
      throw readFailure(file, line + 1, e);
    }
  }

  /** Moves unread bytes to the front (growing the buffer for long lines) and reads more. */
  private void fill() throws IOException {
    int unread = limit - pos;
    if (pos == 0 && limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    } else {
      System.arraycopy(buf, pos, buf, 0, unread);
    }
    pos = 0;
    limit = unread;
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  private void skipByteOrderMark() throws IOException {
    while (limit < 3 && !eof) {
      fill();
    }
    if (limit >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
      pos = 3;
    }
  }

  private String decode(int from, int to) {
    line++;
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = buf[i] >= 0;
    }
    if (ascii) {
      return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
    if (chars.capacity() < to - from) {
      chars = CharBuffer.allocate(Math.max(to - from, chars.capacity() * 2));
    }
    chars.clear();
    decoder.reset();
    ByteBuffer bytes = ByteBuffer.wrap(buf, from, to - from);
    CoderResult r = decoder.decode(bytes, chars, true);
    if (r.isError()) {
      throw Utf8.error(buf, from, to, file.toString(), line, "the file must be UTF-8 text");
    }
    decoder.flush(chars);
    return chars.flip().toString();
  }

  /** A read failure at {@code atLine}: corrupt compressed data is the user's input; anything else is I/O. */
  private static RuntimeException readFailure(Path file, long atLine, IOException e) {
    if (e instanceof ZipException || e instanceof EOFException) {
      return BadInputException.inFile(file, atLine, 0, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
    }
    return new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // The open failure being reported matters more than a failure to close.
    }
  }
}
