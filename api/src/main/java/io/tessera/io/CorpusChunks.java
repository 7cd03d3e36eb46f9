package io.tessera.io;

import io.tessera.api.BadInputException;
import io.tessera.internal.io.Utf8;
import io.tessera.spi.ParamValues;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a {@link TextCorpus} as numbered {@link CorpusChunk}s of about {@link #CHUNK_BYTES} bytes of whole lines,
 * its files one after the other. This is the serial part of reading a corpus, kept small: decompressing gzip
 * (recognised by its magic bytes), dropping a UTF-8 byte-order mark, reading each file's header row when a column
 * is read, and cutting the bytes after the last line end of a chunk; parsing the lines is the chunks' own work.
 * Lines end at LF (a CR before it is dropped when the chunk is parsed). Not thread-safe: one thread calls
 * {@link #next}, workers parse the chunks it returns.
 */
public final class CorpusChunks implements AutoCloseable {
  /** The size a chunk is cut at, unless one line is longer. */
  public static final int CHUNK_BYTES = 1 << 20;

  private final TextCorpus corpus;
  private final List<TextCorpus.Input> inputs;
  private final int chunkBytes;
  private int nextInput;
  private InputStream in;
  private String source;
  private int column = -1;
  private int columns;
  private long line;
  private byte[] carry = new byte[0];
  private int carryLength;
  private int nextIndex;

  CorpusChunks(TextCorpus corpus, int chunkBytes) {
    this.corpus = corpus;
    this.inputs = corpus.inputs();
    this.chunkBytes = chunkBytes;
    openNext(); // a missing file or column fails at once, not at the first read
  }

  /**
   * @return the next chunk in corpus order, or null after the last
   * @throws BadInputException    naming the file for a missing file or column, a missing header, or corrupt gzip
   *                              data
   * @throws UncheckedIOException naming the file for other read errors
   */
  public CorpusChunk next() {
    while (true) {
      if (in == null) {
        if (nextInput == inputs.size()) {
          return null;
        }
        openNext();
      }
      CorpusChunk chunk = read();
      if (chunk != null) {
        return chunk;
      }
      closeInput();
    }
  }

  private void openNext() {
    TextCorpus.Input input = inputs.get(nextInput++);
    source = input.name();
    line = 0;
    carryLength = 0;
    InputStream raw = input.open();
    try {
      InputStream counted = new FilterInputStream(raw) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            corpus.listener().bytesRead(n);
          }
          return n;
        }
      };
      PushbackInputStream peek = new PushbackInputStream(counted, 2);
      byte[] magic = peek.readNBytes(2);
      peek.unread(magic);
      in = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
          ? new GZIPInputStream(peek, 1 << 16) : peek;
      skipByteOrderMark();
      if (corpus.column().isPresent()) {
        readHeader(corpus.column().get());
      }
    } catch (IOException e) {
      closeInput();
      throw failure(e);
    } catch (RuntimeException e) {
      closeInput();
      throw e;
    }
  }

  private void skipByteOrderMark() throws IOException {
    byte[] head = in.readNBytes(3);
    boolean bom = head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf;
    if (!bom) {
      carry = Arrays.copyOf(head, Math.max(head.length, 64));
      carryLength = head.length;
    }
  }

  /** Reads the header row and finds the column in it. */
  private void readHeader(String name) throws IOException {
    int end;
    while ((end = indexOf(carry, 0, carryLength)) < 0) {
      if (!fill()) {
        if (carryLength == 0) {
          throw BadInputException.inFile(Path.of(source), 0, "empty input; expected a header row naming the"
              + " columns");
        }
        end = carryLength;
        break;
      }
    }
    line = 1;
    int to = end > 0 && carry[end - 1] == '\r' ? end - 1 : end;
    if (Utf8.firstInvalid(carry, 0, to) >= 0) {
      throw Utf8.error(carry, 0, to, source, 1, "the header must be UTF-8 text");
    }
    List<String> names = Arrays.asList(new String(carry, 0, to, StandardCharsets.UTF_8).split("\t", -1));
    column = names.indexOf(name);
    if (column < 0) {
      throw BadInputException.inFile(Path.of(source), 0, "no column '" + name + "'"
          + ParamValues.suggestion(name, names) + "; columns: " + String.join(", ", names));
    }
    columns = names.size();
    int rest = Math.min(end + 1, carryLength);
    System.arraycopy(carry, rest, carry, 0, carryLength - rest);
    carryLength -= rest;
  }

  /** Reads more bytes after the carried ones, growing the buffer when full; false at the end of the input. */
  private boolean fill() throws IOException {
    if (carryLength == carry.length) {
      carry = Arrays.copyOf(carry, Math.max(chunkBytes, carry.length * 2));
    }
    int n = in.read(carry, carryLength, carry.length - carryLength);
    if (n < 0) {
      return false;
    }
    carryLength += n;
    return true;
  }

  /** @return the next chunk of the open input, or null at its end */
  private CorpusChunk read() {
    try {
      byte[] data = carry.length >= chunkBytes ? carry : Arrays.copyOf(carry, chunkBytes);
      int length = carryLength;
      boolean eof = false;
      while (length < chunkBytes) {
        int n = in.read(data, length, chunkBytes - length);
        if (n < 0) {
          eof = true;
          break;
        }
        length += n;
      }
      int cut;
      if (eof) {
        cut = length;
      } else {
        cut = lastLineEnd(data, length);
        while (cut < 0) { // a line longer than a chunk: read on until it ends
          if (length == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
          }
          int n = in.read(data, length, data.length - length);
          if (n < 0) {
            eof = true;
            cut = length;
            break;
          }
          int from = length;
          length += n;
          int end = lastLineEnd(data, length);
          cut = end >= from ? end : -1;
        }
      }
      carry = new byte[Math.max(64, length - cut)];
      carryLength = length - cut;
      System.arraycopy(data, cut, carry, 0, carryLength);
      if (cut == 0) {
        return null;
      }
      long first = line + 1;
      line += lines(data, cut);
      return new CorpusChunk(nextIndex++, source, first, data, cut, column, columns, corpus.skipsBadLines(),
          corpus.listener());
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** @return the index just after the last LF in {@code data[0, length)}, or -1 when there is none */
  private static int lastLineEnd(byte[] data, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (data[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /** @return the index of the first LF in {@code data[from, to)}, or -1 */
  private static int indexOf(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** @return the number of lines in {@code data[0, length)}: its LFs, plus one for a last line without one */
  private static long lines(byte[] data, int length) {
    long n = 0;
    for (int i = 0; i < length; i++) {
      n += (data[i] - '\n' == 0) ? 1 : 0;
    }
    return data[length - 1] == '\n' ? n : n + 1;
  }

  /** Corrupt compressed data is the user's input; anything else is an I/O failure. */
  private RuntimeException failure(IOException e) {
    if (e instanceof ZipException || e instanceof EOFException) {
      return BadInputException.inFile(Path.of(source), line + 1, 0, "corrupt or truncated gzip data ("
          + e.getMessage() + ")", e);
    }
    return new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
  }

  private void closeInput() {
    InputStream open = in;
    in = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + source + ": " + e.getMessage(), e);
      }
    }
  }

  /** Closes the file being read, if any. */
  @Override
  public void close() {
    closeInput();
  }
}
