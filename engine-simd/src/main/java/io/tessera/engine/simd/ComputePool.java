package io.tessera.engine.simd;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The engine's own fixed pool (never the common ForkJoin pool, which an embedding application shares).
 *
 * <p>{@link #parallelFor} hands out task indices through a shared counter: the calling thread takes part and
 * {@code threads - 1} pool workers help, so a call costs one hand-off instead of two and the number of busy
 * threads equals {@link #threads()}. A task that calls back into {@code parallelFor} runs its inner loop
 * inline, which keeps nested use deadlock-free.
 */
final class ComputePool {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int threads;
  private final ExecutorService helpers;
  private final ThreadLocal<Boolean> insideTask = ThreadLocal.withInitial(() -> Boolean.FALSE);

  ComputePool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    if (threads == 1) {
      this.helpers = null;
    } else {
      int pool = POOLS.incrementAndGet();
      AtomicInteger worker = new AtomicInteger();
      this.helpers = new ThreadPoolExecutor(threads - 1, threads - 1, 0, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "tessera-simd-" + pool + "-" + worker.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
    }
  }

  int threads() {
    return threads;
  }

  void parallelFor(int tasks, IntConsumer task) {
    if (tasks <= 0) {
      return;
    }
    if (helpers != null && helpers.isShutdown()) {
      throw new IllegalStateException("the SIMD engine is closed");
    }
    if (helpers == null || tasks == 1 || insideTask.get()) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    Run run = new Run(tasks, task);
    int helping = Math.min(threads, tasks) - 1;
    CountDownLatch done = new CountDownLatch(helping);
    int submitted = 0;
    try {
      for (; submitted < helping; submitted++) {
        helpers.execute(() -> {
          try {
            run.work(insideTask);
          } finally {
            done.countDown();
          }
        });
      }
    } catch (RejectedExecutionException e) {
      // closed concurrently: the caller finishes the remaining work alone
      for (int i = submitted; i < helping; i++) {
        done.countDown();
      }
    }
    run.work(insideTask);
    awaitUninterruptibly(done);
    run.rethrow();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        // helpers still touch the caller's arrays: wait for them, then restore the interrupt
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  void close() {
    if (helpers != null) {
      helpers.shutdownNow();
    }
  }

  /** One parallelFor call: the index counter and the failures. */
  private static final class Run {
    private final int tasks;
    private final IntConsumer task;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> first = new AtomicReference<>();
    private final java.util.Queue<Throwable> others = new java.util.concurrent.ConcurrentLinkedQueue<>();

    Run(int tasks, IntConsumer task) {
      this.tasks = tasks;
      this.task = task;
    }

    void work(ThreadLocal<Boolean> insideTask) {
      insideTask.set(Boolean.TRUE);
      try {
        for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
          try {
            task.accept(i);
          } catch (Throwable t) {
            if (!first.compareAndSet(null, t)) {
              others.add(t);
            }
            // stop handing out work: the call fails anyway
            next.set(tasks);
          }
        }
      } finally {
        insideTask.set(Boolean.FALSE);
      }
    }

    void rethrow() {
      Throwable t = first.get();
      if (t == null) {
        return;
      }
      for (Throwable o : others) {
        t.addSuppressed(o);
      }
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a parallel task failed: " + t, t);
    }
  }
}
