package io.tessera.cli;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamValues;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams the documents of the text commands' input, one per line, from a file or stdin, gzip decompressed when the
 * data starts with gzip's magic bytes. With a column name the first line is a TAB-separated header and each document
 * is that column's field.
 *
 * <p>The CLI does not read through {@code TextCorpus} because {@code --on-bad-line skip} has to go on after a line
 * of invalid UTF-8. The decoder replaces every malformed sequence with a lone low surrogate, a char that decoding
 * valid UTF-8 can never produce, so a line holding one is known to be bad and can be dropped while reading goes on.
 * Lines end at LF, CR LF or CR ({@link BufferedReader#readLine()}). Progress goes to a {@link ReadProgress}: one
 * document per {@link #next()}, the phase's end when the input is exhausted. Not thread-safe.
 */
final class DocumentReader implements Closeable {
  /** Stands for a malformed byte sequence; valid UTF-8 never decodes to an unpaired surrogate. */
  private static final char MALFORMED = '\uDFFF';
  private static final int BUFFER = 1 << 16;

  private final BufferedReader in;
  private final String name;
  private final ReadProgress progress;
  private final boolean skipBad;
  private final int column;
  private final int columns;
  private long line;
  private long skipped;
  private long firstSkippedLine;

  private DocumentReader(BufferedReader in, String name, ReadProgress progress, boolean skipBad, String columnName) {
    this.in = in;
    this.name = name;
    this.progress = progress;
    this.skipBad = skipBad;
    if (columnName == null) {
      column = -1;
      columns = 0;
      return;
    }
    String header = next(false);
    if (header == null) {
      throw bad(0, "empty input; expected a header row naming the columns");
    }
    String[] names = header.split("\t", -1);
    int at = Arrays.asList(names).indexOf(columnName);
    if (at < 0) {
      throw bad(1, "no column '" + columnName + "'" + ParamValues.suggestion(columnName, Arrays.asList(names))
          + "; columns: " + String.join(", ", names));
    }
    column = at;
    columns = names.length;
  }

  /**
   * Opens {@code in}, which the reader then owns and closes.
   *
   * @param name       how errors name the input: the file, or {@code <stdin>}
   * @param skipBad    whether lines of invalid UTF-8 are skipped (counted) instead of failing
   * @param columnName the column of a TAB-separated file with a header, or null for one document per line
   * @param progress   told of every document and of the end of the input; counts the bytes read from {@code in}
   */
  static DocumentReader open(InputStream in, String name, boolean skipBad, String columnName,
      ReadProgress progress) {
    try {
      progress.start();
      BufferedInputStream peek = new BufferedInputStream(progress.count(in), BUFFER);
      peek.mark(2);
      int b0 = peek.read();
      int b1 = peek.read();
      peek.reset();
      InputStream data = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(peek, BUFFER) : peek;
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
          .replaceWith(String.valueOf(MALFORMED));
      BufferedReader reader = new BufferedReader(new InputStreamReader(data, decoder), BUFFER);
      return new DocumentReader(reader, name, progress, skipBad, columnName);
    } catch (IOException e) {
      closeQuietly(in);
      throw failure(name, 0, e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /**
   * @return the next document, or null at the end of the input
   * @throws BadInputException naming the input and line for invalid UTF-8 (unless skipping), corrupt gzip data or
   *                           a row with another number of fields than the header
   */
  String next() {
    String text = next(skipBad);
    if (text == null) {
      progress.finish();
      return null;
    }
    if (column >= 0) {
      String[] fields = text.split("\t", -1);
      if (fields.length != columns) {
        throw bad(line, "expected " + columns + " TAB-separated fields as in the header, found " + fields.length);
      }
      text = fields[column];
    }
    progress.document();
    return text;
  }

  private String next(boolean skip) {
    while (true) {
      String text;
      try {
        text = in.readLine();
      } catch (IOException e) {
        throw failure(name, line + 1, e);
      }
      if (text == null) {
        return null;
      }
      line++;
      if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      int at = text.indexOf(MALFORMED);
      if (at < 0) {
        return text;
      }
      if (!skip) {
        throw BadInputException.inFile(Path.of(name), line, at + 1L,
            "invalid UTF-8 (the input must be UTF-8 text; --on-bad-line skip drops such lines)", null);
      }
      if (skipped++ == 0) {
        firstSkippedLine = line;
      }
    }
  }

  /** @return the number of lines skipped for invalid UTF-8 */
  long skipped() {
    return skipped;
  }

  /** @return the line number of the first skipped line (0 when none) */
  long firstSkippedLine() {
    return firstSkippedLine;
  }

  /** @return the 1-based number of the line read last */
  long lineNumber() {
    return line;
  }

  private BadInputException bad(long atLine, String problem) {
    return BadInputException.inFile(Path.of(name), atLine, problem);
  }

  /** Corrupt compressed data is the user's input; anything else is an I/O failure. */
  private static RuntimeException failure(String name, long atLine, IOException e) {
    if (e instanceof ZipException || e instanceof java.io.EOFException) {
      return BadInputException.inFile(Path.of(name), atLine, 0, "corrupt or truncated gzip data", e);
    }
    return new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // The open failure being reported matters more.
    }
  }
}
