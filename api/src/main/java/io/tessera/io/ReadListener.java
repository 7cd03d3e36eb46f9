package io.tessera.io;

/**
 * Told how the reading of a {@link TextCorpus} goes, for progress displays and warnings. A corpus is read by a
 * reading thread and parsed by worker threads, so the methods may be called from several threads at once:
 * implementations must be thread-safe. Every method has an empty default.
 */
public interface ReadListener {
  /** A listener that ignores everything. */
  ReadListener NONE = new ReadListener() {
  };

  /** @param bytes more bytes of input consumed, as stored (compressed bytes for gzip files) */
  default void bytesRead(long bytes) {
  }

  /** @param documents more documents parsed (not necessarily in corpus order) */
  default void documentsRead(long documents) {
  }

  /**
   * A line of invalid UTF-8 was skipped (only when the corpus {@linkplain TextCorpus#skipsBadLines() skips bad
   * lines}); calls for different lines may arrive out of order.
   *
   * @param source the file's path, or the stream's name
   * @param line   the 1-based line number
   */
  default void lineSkipped(String source, long line) {
  }
}
