package io.tessera.text;

import io.tessera.api.CancelledException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Cuts documents into numbered shards of a fixed number of documents and hands them to the worker tasks of a
 * vectorizer, which pull shards until there are none left: no task waits for the others between shards.
 *
 * <p>With more than one worker, a reader thread ({@code tessera-text-reader}) reads ahead, a few shards per
 * worker, so that reading and decompressing the corpus (a quarter of the work for IMDB) overlaps tokenizing
 * instead of alternating with it; with one worker the shards are read on demand by that worker. A failure while
 * reading (such as invalid UTF-8) is rethrown by {@link #next} to one worker and ends the shards for the others;
 * {@link #stop} ends them after a worker failed. {@link #close} stops and joins the reader thread, so the
 * documents' iterator is free again when it returns. Thread-safe.
 */
final class ShardSource implements AutoCloseable {
  /** A shard: its position in the corpus order and its documents. */
  record Shard(int index, List<CharSequence> documents) {
  }

  private static final Object END = new Object();

  private final Iterator<? extends CharSequence> documents;
  private final int shardDocuments;
  private final BlockingQueue<Object> queue;
  private final Thread reader;
  private volatile boolean stopped;
  private boolean finished;
  private int nextIndex;

  private ShardSource(Iterator<? extends CharSequence> documents, int shardDocuments, int workers) {
    this.documents = documents;
    this.shardDocuments = shardDocuments;
    if (workers <= 1) {
      queue = null;
      reader = null;
      return;
    }
    queue = new ArrayBlockingQueue<>(2 * workers);
    reader = new Thread(this::readAhead, "tessera-text-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** @return a source of shards of {@code shardDocuments} documents for {@code workers} concurrent workers */
  static ShardSource open(Iterator<? extends CharSequence> documents, int shardDocuments, int workers) {
    if (shardDocuments < 1) {
      throw new IllegalArgumentException("shards need at least one document, got " + shardDocuments);
    }
    return new ShardSource(Objects.requireNonNull(documents, "documents"), shardDocuments, workers);
  }

  /** Reads the next shard from the iterator, or returns null at its end. */
  private Shard read() {
    if (!documents.hasNext()) {
      return null;
    }
    List<CharSequence> shard = new ArrayList<>(shardDocuments);
    while (documents.hasNext() && shard.size() < shardDocuments) {
      shard.add(Objects.requireNonNull(documents.next(), "document"));
    }
    return new Shard(nextIndex++, shard);
  }

  private void readAhead() {
    Object item;
    do {
      try {
        Shard shard = read();
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
    if (queue == null) {
      try {
        Shard shard = read();
        finished = shard == null;
        return shard;
      } catch (RuntimeException | Error e) {
        finished = true;
        throw e;
      }
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
    if (reader == null) {
      return;
    }
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
