package io.tessera.io;

import io.tessera.api.BadInputException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A text corpus with one document per line: either every line of a plain text file, or one column of a TSV/CSV
 * file with a header (such as {@code text} of the IMDB reviews or {@code document} of NSMC).
 *
 * <p>Files are UTF-8, and gzip-compressed files are decompressed transparently (recognised by their magic bytes,
 * so the {@code .gz} extension is optional). Reading is lazy and streaming: a corpus larger than memory is fine.
 * Invalid UTF-8 is a {@link BadInputException} naming the file, line and column; nothing is silently replaced.
 *
 * <p>A {@code TextCorpus} only describes where the documents are; every {@link #documents()} call opens the file
 * anew, so a trainer can make several passes (epochs). Instances are immutable and thread-safe.
 */
public final class TextCorpus {
  private final Path file;
  private final String column;

  private TextCorpus(Path file, String column) {
    this.file = Objects.requireNonNull(file, "file");
    this.column = column;
  }

  /** @return a corpus of every line of {@code file} */
  public static TextCorpus ofLines(Path file) {
    return new TextCorpus(file, null);
  }

  /**
   * @return a corpus of the {@code column} field of every row of the delimited file {@code file}; the delimiter
   *     follows from the name as in {@link DelimitedFile#open(Path)}
   */
  public static TextCorpus ofColumn(Path file, String column) {
    return new TextCorpus(file, Objects.requireNonNull(column, "column"));
  }

  /**
   * Streams every line of {@code file}, lazily. Close the stream (try-with-resources) to close the file.
   *
   * @throws BadInputException    for a missing file, or (while streaming) invalid UTF-8 or corrupt gzip data
   * @throws UncheckedIOException for other read errors
   */
  public static Stream<String> lines(Path file) {
    return ofLines(file).documents();
  }

  /**
   * Streams the {@code column} field of every row of a TSV/CSV file with a header, lazily. Close the stream to
   * close the file.
   *
   * @throws BadInputException for a missing file or column (with the closest column name), or (while streaming) a
   *                           row with the wrong number of fields, invalid UTF-8 or corrupt gzip data
   */
  public static Stream<String> column(Path file, String column) {
    return ofColumn(file, column).documents();
  }

  /** @return the file the documents are read from */
  public Path file() {
    return file;
  }

  /** @return the column read from a delimited file, or empty when every line is a document */
  public java.util.Optional<String> column() {
    return java.util.Optional.ofNullable(column);
  }

  /**
   * Opens the file and streams its documents, lazily. Close the stream to close the file.
   *
   * @throws BadInputException as described for {@link #lines} and {@link #column}
   */
  public Stream<String> documents() {
    if (column != null) {
      DelimitedFile table = DelimitedFile.open(file);
      try {
        int at = table.columnIndex(column);
        return table.rows().map(row -> row.get(at));
      } catch (RuntimeException e) {
        table.close();
        throw e;
      }
    }
    LineReader reader = LineReader.open(file);
    return Lazy.stream(Lazy.iterator(reader::next), reader::close);
  }

  /**
   * Reads the whole file once and counts its documents (lines, or data rows for a column corpus), validating the
   * encoding and, for a column corpus, every row on the way.
   *
   * @throws BadInputException as described for {@link #documents()}
   */
  public long count() {
    try (Stream<String> docs = documents()) {
      return docs.count();
    }
  }

  @Override
  public String toString() {
    return column == null ? file.toString() : file + " [" + column + "]";
  }
}
