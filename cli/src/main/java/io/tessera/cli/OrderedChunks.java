package io.tessera.cli;

import io.tessera.engine.ComputeEngine;
import io.tessera.io.CorpusChunk;
import io.tessera.io.CorpusChunks;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps every chunk of a corpus to a result on all of the engine's threads and hands the results to a consumer in
 * corpus order, so that output streams in input order whatever the thread count. Each worker takes the next chunk
 * (reading it is the only serial step), works on it, and then delivers, in order, every finished result that is
 * next; no worker waits for another except while taking a chunk or delivering.
 *
 * @param <R> the result of one chunk
 */
final class OrderedChunks<R> {
  /** Results allowed to wait for an earlier one, per worker, before the fast workers pause. */
  private static final int AHEAD = 4;

  private final CorpusChunks chunks;
  private final Function<CorpusChunk, R> work;
  private final Consumer<R> deliver;
  private final Map<Integer, R> finished = new HashMap<>();
  private final int limit;
  private int next;
  private boolean delivering;
  private boolean failed;

  private OrderedChunks(CorpusChunks chunks, Function<CorpusChunk, R> work, Consumer<R> deliver, int workers) {
    this.chunks = chunks;
    this.work = work;
    this.deliver = deliver;
    this.limit = AHEAD * workers;
  }

  /**
   * Runs {@code work} on every chunk and passes the results to {@code deliver} in chunk order, on one thread at a
   * time. A failure in any worker stops the others after their current chunk and is rethrown.
   */
  static <R> void run(CorpusChunks chunks, ComputeEngine engine, Function<CorpusChunk, R> work,
                      Consumer<R> deliver) {
    int workers = Math.max(1, engine.threads());
    OrderedChunks<R> pipeline = new OrderedChunks<>(chunks, work, deliver, workers);
    engine.parallelFor(workers, w -> pipeline.loop());
  }

  private void loop() {
    try {
      for (CorpusChunk chunk = take(); chunk != null; chunk = take()) {
        completed(chunk.index(), work.apply(chunk));
      }
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        failed = true;
        notifyAll();
      }
      throw e;
    }
  }

  /** @return the next chunk, or null at the end or after a failure; waits while too many results are pending */
  private CorpusChunk take() {
    synchronized (this) {
      while (!failed && finished.size() >= limit) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failed = true;
          throw new io.tessera.api.CancelledException("interrupted while tokenizing");
        }
      }
      if (failed) {
        return null;
      }
      return chunks.next();
    }
  }

  private void completed(int index, R result) {
    synchronized (this) {
      finished.put(index, result);
      if (delivering) {
        return;
      }
      delivering = true;
    }
    while (true) {
      R r;
      synchronized (this) {
        r = finished.remove(next);
        if (r == null) {
          delivering = false;
          notifyAll();
          return;
        }
        next++;
        notifyAll();
      }
      deliver.accept(r);
    }
  }
}
