package io.tessera.text;

import io.tessera.api.CancelledException;
import io.tessera.io.CorpusChunk;
import io.tessera.io.CorpusChunks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cuts documents into numbered shards (a fixed number of documents, or a corpus's chunks of raw lines, which the
 * workers then parse themselves) and hands them to the worker tasks of a
 * vectorizer, which pull shards until there are none left: no task waits for the others between shards.
 *
 * <p>A reader thread ({@code tessera-text-reader}) reads ahead, a few shards per worker, so that reading and
 * decompressing the corpus (a quarter of the work for IMDB) overlaps tokenizing instead of alternating with it, with
 * one worker too: decompression is I/O work that the engine's thread count does not limit, like the JIT compiler's
 * and the garbage collector's threads (counting IMDB on one thread: 1.07 s inline, 0.8 s with it). A failure while
 * reading (such as invalid UTF-8) is rethrown by {@link #next} to one worker and ends the shards for the others;
 * {@link #stop} ends them after a worker failed. {@link #close} stops and joins the reader thread, so the
 * documents' iterator is free again when it returns. Thread-safe.
 */
final class ShardSource implements AutoCloseable {
  /**
   * A shard: its position in the corpus order and its documents, either as text or as a chunk of raw lines that
   * the worker parses itself.
   */
  record Shard(int index, List<CharSequence> documents, CorpusChunk chunk) {
  }

  private static final Object END = new Object();

  /** Reads the next shard, or returns null at the end; called by one thread at a time. */
  private final Supplier<Shard> read;
  private final BlockingQueue<Object> queue;
  private final Thread reader;
  private volatile boolean stopped;
  private boolean finished;
  private int nextIndex;

  private ShardSource(Supplier<Shard> read, int workers) {
    this.read = read;
    queue = new ArrayBlockingQueue<>(2 * Math.max(1, workers) + 2);
    reader = new Thread(this::readAhead, "tessera-text-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** @return a source of shards of {@code shardDocuments} documents for {@code workers} concurrent workers */
  static ShardSource open(Iterator<? extends CharSequence> documents, int shardDocuments, int workers) {
    if (shardDocuments < 1) {
      throw new IllegalArgumentException("shards need at least one document, got " + shardDocuments);
    }
    Objects.requireNonNull(documents, "documents");
    int[] nextIndex = {0};
    return new ShardSource(() -> {
      if (!documents.hasNext()) {
        return null;
      }
      List<CharSequence> shard = new ArrayList<>(shardDocuments);
      while (documents.hasNext() && shard.size() < shardDocuments) {
        shard.add(Objects.requireNonNull(documents.next(), "document"));
      }
      return new Shard(nextIndex[0]++, shard, null);
    }, workers);
  }

  /** @return a source of the chunks of a corpus, one shard each, for {@code workers} concurrent workers */
  static ShardSource open(CorpusChunks chunks, int workers) {
    Objects.requireNonNull(chunks, "chunks");
    return new ShardSource(() -> {
      CorpusChunk chunk = chunks.next();
      return chunk == null ? null : new Shard(chunk.index(), null, chunk);
    }, workers);
  }

  private void readAhead() {
    Object item;
    do {
      try {
        Shard shard = read.get();
        item = shard == null ? END : shard;
      } catch (RuntimeException | Error e) {
        item = e;
      }
      if (!offer(item)) {
        return;
      }
    } while (item instanceof Shard);
  }

  /** Hands {@code item} over, waiting while the queue is full; false once the source has stopped. */
  private boolean offer(Object item) {
    while (!stopped) {
      try {
        if (queue.offer(item, 10, TimeUnit.MILLISECONDS)) {
          return true;
        }
      } catch (InterruptedException e) {
        return false;
      }
    }
    return false;
  }

  /**
   * @return the next shard, or null when there are no more (the documents ended, reading failed for another
   *     worker, or the source was stopped)
   * @throws RuntimeException the failure that ended reading, to the first worker that meets it
   */
  synchronized Shard next() {
    if (finished || stopped) {
      return null;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = true;
      throw new CancelledException("interrupted while reading documents");
    }
    if (item instanceof Shard shard) {
      return shard;
    }
    finished = true;
    if (item instanceof RuntimeException e) {
      throw e;
    }
    if (item instanceof Error e) {
      throw e;
    }
    return null;
  }

  /** Ends the shards: every later {@link #next} returns null (called when a worker fails). */
  void stop() {
    stopped = true;
  }

  /** Stops the reader after the shard it is reading and waits for it. */
  @Override
  public void close() {
    stopped = true;
    boolean interrupted = false;
    while (reader.isAlive()) {
      queue.clear();
      try {
        reader.join(10);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
