package io.tessera.text;

import io.tessera.api.CancelledException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads batches of document shards on a separate thread while the caller processes the previous batch, so that
 * reading and decompressing a corpus (a quarter of the work for IMDB) overlaps tokenizing instead of alternating
 * with it. Holds at most three batches: one being processed, one waiting, one being read.
 *
 * <p>The documents' iterator is used only by the reader thread until {@link #close} returns, which stops and
 * joins it; a failure while reading (such as invalid UTF-8) is rethrown by {@link #next}. Not thread-safe.
 */
final class ReadAhead implements AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
  private final Thread thread;
  private volatile boolean stopped;

  ReadAhead(Iterator<? extends CharSequence> documents, int batchShards, int shardDocuments) {
    thread = new Thread(() -> read(documents, batchShards, shardDocuments), "tessera-text-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Reads up to {@code batchShards} shards of up to {@code shardDocuments} documents each.
   *
   * @return the batch, empty when there are no more documents
   */
  static List<List<CharSequence>> batch(Iterator<? extends CharSequence> documents, int batchShards,
                                        int shardDocuments) {
    List<List<CharSequence>> batch = new ArrayList<>(batchShards);
    while (documents.hasNext() && batch.size() < batchShards) {
      List<CharSequence> shard = new ArrayList<>(shardDocuments);
      while (documents.hasNext() && shard.size() < shardDocuments) {
        shard.add(Objects.requireNonNull(documents.next(), "document"));
      }
      batch.add(shard);
    }
    return batch;
  }

  private void read(Iterator<? extends CharSequence> documents, int batchShards, int shardDocuments) {
    Object item;
    do {
      try {
        List<List<CharSequence>> batch = batch(documents, batchShards, shardDocuments);
        item = batch.isEmpty() ? END : batch;
      } catch (RuntimeException | Error e) {
        item = e;
      }
      if (!offer(item)) {
        return;
      }
    } while (item instanceof List<?>);
  }

  /** Hands {@code item} over, waiting while the queue is full; false once the consumer has stopped. */
  private boolean offer(Object item) {
    while (!stopped) {
      try {
        if (queue.offer(item, 10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return true;
        }
      } catch (InterruptedException e) {
        return false;
      }
    }
    return false;
  }

  /** @return the next batch, or null after the last one */
  @SuppressWarnings("unchecked")
  List<List<CharSequence>> next() {
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while reading documents");
    }
    if (item == END) {
      return null;
    }
    if (item instanceof RuntimeException e) {
      throw e;
    }
    if (item instanceof Error e) {
      throw e;
    }
    return (List<List<CharSequence>>) item;
  }

  /** Stops the reader after the batch it is reading and waits for it, so the iterator is free again. */
  @Override
  public void close() {
    stopped = true;
    boolean interrupted = false;
    while (thread.isAlive()) {
      queue.clear();
      try {
        thread.join(10);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
