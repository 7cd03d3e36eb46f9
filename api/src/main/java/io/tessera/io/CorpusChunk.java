package io.tessera.io;

import io.tessera.api.BadInputException;
import io.tessera.internal.io.Utf8;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A run of whole lines of a {@link TextCorpus}, as raw UTF-8 bytes, numbered in corpus order. The reading thread
 * only decompresses and cuts the input at line ends ({@link CorpusChunks}); validating the encoding, picking the
 * column and tokenizing are left to whichever worker takes the chunk, so that they run in parallel. A chunk is
 * parsed once, by one thread.
 */
public final class CorpusChunk {
  /** Receives the documents of a chunk as ranges of its bytes. */
  @FunctionalInterface
  public interface DocumentConsumer {
    /**
     * @param data  the chunk's bytes (do not modify them)
     * @param from  the document's first byte
     * @param to    the end of the document (exclusive)
     * @param ascii whether every byte of the document is ASCII (it is valid UTF-8 in any case)
     * @param line  the document's 1-based line number in its file
     */
    void document(byte[] data, int from, int to, boolean ascii, long line);
  }

  private static final String ADVICE = "the file must be UTF-8 text (bad lines can be skipped:"
      + " --on-bad-line skip)";

  private final int index;
  private final String source;
  private final long firstLine;
  private final byte[] data;
  private final int length;
  private final int column;
  private final int columns;
  private final boolean skipBadLines;
  private final ReadListener listener;

  CorpusChunk(int index, String source, long firstLine, byte[] data, int length, int column, int columns,
              boolean skipBadLines, ReadListener listener) {
    this.index = index;
    this.source = source;
    this.firstLine = firstLine;
    this.data = data;
    this.length = length;
    this.column = column;
    this.columns = columns;
    this.skipBadLines = skipBadLines;
    this.listener = listener;
  }

  /** @return the position of this chunk in the corpus, from 0 */
  public int index() {
    return index;
  }

  /** @return the file (or stream name) the chunk comes from */
  public String source() {
    return source;
  }

  /** @return the 1-based line number of the chunk's first line in its file */
  public long firstLine() {
    return firstLine;
  }

  /** @return the number of bytes in the chunk */
  public int size() {
    return length;
  }

  /**
   * Passes every document of the chunk to {@code consumer}, in order: each line, or the corpus's column of each
   * row. A line of invalid UTF-8 is skipped (and reported to the corpus's {@link ReadListener}) when the corpus
   * skips bad lines, and fails otherwise.
   *
   * @return the number of documents passed
   * @throws BadInputException naming file, line and column for invalid UTF-8, or a row whose number of fields
   *                           differs from the header's
   */
  public int forEachDocument(DocumentConsumer consumer) {
    int documents = 0;
    long line = firstLine;
    int p = 0;
    while (p < length) {
      int e = p;
      int bits = 0;
      while (e < length && data[e] != '\n') {
        bits |= data[e++];
      }
      int end = e > p && data[e - 1] == '\r' ? e - 1 : e;
      boolean ascii = bits >= 0;
      if (ascii || valid(p, end, line)) {
        documents++;
        if (column < 0) {
          consumer.document(data, p, end, ascii, line);
        } else {
          field(p, end, line, ascii, consumer);
        }
      }
      p = e + 1;
      line++;
    }
    listener.documentsRead(documents);
    return documents;
  }

  /** @return whether the line is valid UTF-8; false when it is not and bad lines are skipped */
  private boolean valid(int from, int to, long line) {
    int bad = Utf8.firstInvalid(data, from, to);
    if (bad < 0) {
      return true;
    }
    if (!skipBadLines) {
      throw Utf8.error(data, from, to, source, line, ADVICE);
    }
    listener.lineSkipped(source, line);
    return false;
  }

  /** Passes the corpus's column of the row {@code [from, to)}. */
  private void field(int from, int to, long line, boolean ascii, DocumentConsumer consumer) {
    int start = from;
    int f = 0;
    int fieldFrom = -1;
    int fieldTo = -1;
    for (int i = from; i <= to; i++) {
      if (i == to || data[i] == '\t') {
        if (f == column) {
          fieldFrom = start;
          fieldTo = i;
        }
        f++;
        start = i + 1;
      }
    }
    if (f != columns) {
      throw BadInputException.inFile(Path.of(source), line, "expected " + columns + " TAB-separated fields as in"
          + " the header, found " + f);
    }
    consumer.document(data, fieldFrom, fieldTo, ascii, line);
  }

  /** Passes every document of the chunk to {@code consumer} as a string; see {@link #forEachDocument}. */
  public int forEachString(Consumer<? super String> consumer) {
    return forEachDocument((d, from, to, ascii, line) -> consumer.accept(
        new String(d, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)));
  }

  @Override
  public String toString() {
    return "CorpusChunk[" + index + ", " + source + " from line " + firstLine + ", " + length + " bytes]";
  }
}
