package io.tessera.io;

import io.tessera.api.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A text corpus with one document per line: either every line of plain text files, or one column of TAB-separated
 * files with a header (such as {@code text} of the IMDB reviews or {@code document} of NSMC), or of a CSV file.
 * Several files are read one after the other as one corpus (for example IMDB's train and test files).
 *
 * <p>Files are UTF-8, and gzip-compressed files are decompressed transparently (recognised by their magic bytes,
 * so the {@code .gz} extension is optional). Reading is lazy and streaming: a corpus larger than memory is fine.
 * Invalid UTF-8 is a {@link BadInputException} naming the file, line and column, unless the corpus
 * {@linkplain Builder#skipBadLines skips bad lines}; nothing is silently replaced. Lines end at LF; a CR before it
 * is dropped, as is a UTF-8 byte-order mark at the start of a file.
 *
 * <p>Two ways to read: {@link #documents()} streams the documents as strings, and {@link #chunks()} hands out
 * chunks of raw lines that worker threads parse in parallel ({@link CorpusChunk}); the vectorizers use the latter.
 *
 * <p>A {@code TextCorpus} only describes where the documents are; every {@link #documents()} or {@link #chunks()}
 * call opens the files anew, so a trainer can make several passes (epochs), except for a corpus read from a
 * stream, which can be read once. Instances are immutable and thread-safe.
 */
public final class TextCorpus {
  /** One input of a corpus: a name for messages and a way to open its bytes. */
  record Input(String name, Path file, Opener opener) {
    InputStream open() {
      try {
        return opener.open();
      } catch (NoSuchFileException e) {
        throw BadInputException.inFile(Path.of(name), 0, "no such file");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + name + ": " + e.getMessage(), e);
      }
    }
  }

  /** Opens an input's bytes. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  private final List<Input> inputs;
  private final String column;
  /** The delimiter of a column corpus read through {@link DelimitedFile} (CSV), or 0 for TAB and line corpora. */
  private final char csvDelimiter;
  private final boolean skipBadLines;
  private final ReadListener listener;
  private final int chunkBytes;

  private TextCorpus(Builder b) {
    this.inputs = List.copyOf(b.inputs);
    this.column = b.column;
    this.csvDelimiter = b.csvDelimiter;
    this.skipBadLines = b.skipBadLines;
    this.listener = b.listener;
    this.chunkBytes = b.chunkBytes;
  }

  /** @return a corpus of every line of {@code file} */
  public static TextCorpus ofLines(Path file) {
    return builder().file(file).build();
  }

  /**
   * @return a corpus of the {@code column} field of every row of the delimited file {@code file}; the delimiter
   *     follows from the name as in {@link DelimitedFile#open(Path)} (TAB without quoting for {@code .tsv},
   *     comma with RFC 4180 quoting for {@code .csv})
   */
  public static TextCorpus ofColumn(Path file, String column) {
    char delimiter = DelimitedFile.delimiterFor(file);
    Builder b = builder().file(file).column(column);
    if (delimiter != '\t') {
      b.csvDelimiter = delimiter;
    }
    return b.build();
  }

  /** @return a builder for a corpus of several files, a stream, bad lines skipped or a {@link ReadListener} */
  public static Builder builder() {
    return new Builder();
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

  /** @return the first file the documents are read from (see {@link #files()}) */
  public Path file() {
    return files().get(0);
  }

  /** @return the files the documents are read from, in order; empty for a corpus read from a stream */
  public List<Path> files() {
    return inputs.stream().map(Input::file).filter(Objects::nonNull).toList();
  }

  /** @return the column read from delimited files, or empty when every line is a document */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /** @return whether lines of invalid UTF-8 are skipped (and reported to the listener) instead of failing */
  public boolean skipsBadLines() {
    return skipBadLines;
  }

  /** @return the listener told of the bytes and documents read ({@link ReadListener#NONE} by default) */
  public ReadListener listener() {
    return listener;
  }

  List<Input> inputs() {
    return inputs;
  }

  /**
   * Opens the corpus for parallel parsing: one thread takes chunks of whole lines in order, workers parse them.
   * Not available for CSV files, whose quoted fields may span lines: use {@link #documents()}.
   *
   * @throws IllegalStateException for a CSV corpus
   */
  public CorpusChunks chunks() {
    if (!chunked()) {
      throw new IllegalStateException(this + " is read through a CSV parser, not in chunks");
    }
    return new CorpusChunks(this, chunkBytes);
  }

  /** @return whether {@link #chunks()} can read this corpus (every corpus but a CSV column) */
  public boolean chunked() {
    return csvDelimiter == 0;
  }

  /**
   * Opens the files and streams the documents, lazily. Close the stream to close the file.
   *
   * @throws BadInputException as described for {@link #lines} and {@link #column}
   */
  public Stream<String> documents() {
    if (!chunked()) {
      return csvDocuments();
    }
    CorpusChunks chunks = chunks();
    ArrayDeque<String> buffer = new ArrayDeque<>();
    Iterator<String> it = Lazy.iterator(() -> {
      CorpusChunk next;
      while (buffer.isEmpty() && (next = chunks.next()) != null) {
        next.forEachString(buffer::add);
      }
      return buffer.poll();
    });
    return Lazy.stream(it, chunks::close);
  }

  private Stream<String> csvDocuments() {
    Stream<String> all = Stream.empty();
    for (Input input : inputs) {
      Stream<String> one = Stream.of(input.file()).flatMap(file -> {
        DelimitedFile table = DelimitedFile.open(file, csvDelimiter);
        try {
          int at = table.columnIndex(column);
          return table.rows().map(row -> row.get(at)).onClose(table::close);
        } catch (RuntimeException e) {
          table.close();
          throw e;
        }
      });
      all = Stream.concat(all, one);
    }
    return all;
  }

  /**
   * Reads the whole corpus once and counts its documents (lines, or data rows for a column corpus), validating the
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
    String names = String.join(", ", inputs.stream().map(Input::name).toList());
    return column == null ? names : names + " [" + column + "]";
  }

  /** Builds a {@link TextCorpus}. */
  public static final class Builder {
    private final List<Input> inputs = new ArrayList<>();
    private String column;
    private char csvDelimiter;
    private boolean skipBadLines;
    private ReadListener listener = ReadListener.NONE;
    private int chunkBytes = CorpusChunks.CHUNK_BYTES;

    private Builder() {
    }

    /**
     * Sets the size {@link #chunks()} cuts chunks at (default {@link CorpusChunks#CHUNK_BYTES}); smaller chunks
     * spread a small corpus over more threads. No result depends on it.
     */
    public Builder chunkBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("chunks need at least one byte, got " + bytes);
      }
      this.chunkBytes = bytes;
      return this;
    }

    /** Adds a file (plain or gzip); files are read in the order they are added. */
    public Builder file(Path file) {
      Objects.requireNonNull(file, "file");
      inputs.add(new Input(file.toString(), file, () -> Files.newInputStream(file)));
      return this;
    }

    /** Adds files, in order. */
    public Builder files(Collection<Path> files) {
      files.forEach(this::file);
      return this;
    }

    /**
     * Adds a stream (plain or gzip), such as standard input; a corpus with a stream can be read only once.
     *
     * @param name how messages name the stream, e.g. {@code <stdin>}
     */
    public Builder stream(InputStream in, String name) {
      Objects.requireNonNull(in, "in");
      AtomicBoolean opened = new AtomicBoolean();
      inputs.add(new Input(Objects.requireNonNull(name, "name"), null, () -> {
        if (opened.getAndSet(true)) {
          throw new IllegalStateException(name + " can be read only once");
        }
        return in;
      }));
      return this;
    }

    /**
     * Reads the named column of TAB-separated files (no quoting; every file starts with a header row naming the
     * columns) instead of whole lines.
     */
    public Builder column(String name) {
      this.column = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Skips lines of invalid UTF-8 (telling the listener) instead of failing; off by default. */
    public Builder skipBadLines(boolean skip) {
      this.skipBadLines = skip;
      return this;
    }

    /** Sets the listener told of the bytes and documents read and the lines skipped. */
    public Builder listener(ReadListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @return the corpus
     * @throws IllegalStateException when no input was added
     */
    public TextCorpus build() {
      if (inputs.isEmpty()) {
        throw new IllegalStateException("a corpus needs at least one file or stream");
      }
      return new TextCorpus(this);
    }
  }
}
