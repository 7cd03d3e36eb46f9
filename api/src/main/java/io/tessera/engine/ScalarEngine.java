package io.tessera.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The reference engine: plain loops in the order the definitions are written, with {@code double}
 * accumulators where a sum is formed. Simple and obviously right, it is the twin every faster engine is
 * tested against, and the fallback when the Vector API is unavailable.
 */
public final class ScalarEngine implements ComputeEngine {
  /** Rows of a sparse matrix per parallel task; results do not depend on it. */

  private final int threads;
  private final ExecutorService pool;
  private final ThreadLocal<Boolean> insideTask = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /** Creates an engine whose {@link #parallelFor} uses {@code threads} dedicated worker threads. */
  public ScalarEngine(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tessera-scalar-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public String description() {
    return "scalar reference engine, 1 float lane, no explicit FMA, " + threads + " thread(s)";
  }

  @Override
  public int floatLanes() {
    return 1;
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (double) x[xOff + i] * y[yOff + i];
    }
    return (float) s;
  }

  @Override
  public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void scal(int n, float alpha, float[] x, int xOff) {
    for (int i = 0; i < n; i++) {
      x[xOff + i] *= alpha;
    }
  }

  @Override
  public float nrm2(int n, float[] x, int xOff) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = x[xOff + i];
      s += v * v;
    }
    return (float) Math.sqrt(s);
  }

  @Override
  public float sum(int n, float[] x, int xOff) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[xOff + i];
    }
    return (float) s;
  }

  @Override
  public int argmax(int n, float[] x, int xOff) {
    int best = 0;
    float bestValue = Float.NaN;
    for (int i = 0; i < n; i++) {
      float v = x[xOff + i];
      if (Float.isNaN(bestValue) ? !Float.isNaN(v) : v > bestValue) {
        best = i;
        bestValue = v;
      }
    }
    return best;
  }

  @Override
  public void gemv(Transpose trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                   float[] x, int xOff, float beta, float[] y, int yOff) {
    int rows = trans == Transpose.NO ? m : n;
    int inner = trans == Transpose.NO ? n : m;
    for (int i = 0; i < rows; i++) {
      double s = 0;
      for (int j = 0; j < inner; j++) {
        float aij = trans == Transpose.NO ? a[aOff + i * lda + j] : a[aOff + j * lda + i];
        s += (double) aij * x[xOff + j];
      }
      float old = beta == 0f ? 0f : beta * y[yOff + i];
      y[yOff + i] = (float) (alpha * s) + old;
    }
  }

  @Override
  public void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          float aip = transA == Transpose.NO ? a[aOff + i * lda + p] : a[aOff + p * lda + i];
          float bpj = transB == Transpose.NO ? b[bOff + p * ldb + j] : b[bOff + j * ldb + p];
          s += (double) aip * bpj;
        }
        int ci = cOff + i * ldc + j;
        float old = beta == 0f ? 0f : beta * c[ci];
        c[ci] = (float) (alpha * s) + old;
      }
    }
  }

  @Override
  public void add(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
    for (int i = 0; i < n; i++) {
      z[zOff + i] = x[xOff + i] + y[yOff + i];
    }
  }

  @Override
  public void mul(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
    for (int i = 0; i < n; i++) {
      z[zOff + i] = x[xOff + i] * y[yOff + i];
    }
  }

  @Override
  public void activate(Activation f, int n, float[] x, int xOff, float[] y, int yOff) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = Activations.apply(f, x[xOff + i]);
    }
  }

  @Override
  public void activateBackward(Activation f, int n, float[] x, int xOff, float[] y, int yOff,
                               float[] dy, int dyOff, float[] dx, int dxOff) {
    for (int i = 0; i < n; i++) {
      dx[dxOff + i] = dy[dyOff + i] * Activations.derivative(f, x[xOff + i], y[yOff + i]);
    }
  }

  @Override
  public void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
    for (int r = 0; r < rows; r++) {
      int xr = xOff + r * ldx;
      int yr = yOff + r * ldy;
      float max = rowMax(cols, x, xr);
      double s = 0;
      for (int j = 0; j < cols; j++) {
        float e = (float) Math.exp(x[xr + j] - max);
        y[yr + j] = e;
        s += e;
      }
      float inv = (float) (1.0 / s);
      for (int j = 0; j < cols; j++) {
        y[yr + j] *= inv;
      }
    }
  }

  @Override
  public void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
    for (int r = 0; r < rows; r++) {
      int xr = xOff + r * ldx;
      int yr = yOff + r * ldy;
      float max = rowMax(cols, x, xr);
      double s = 0;
      for (int j = 0; j < cols; j++) {
        s += Math.exp(x[xr + j] - max);
      }
      // (x - max) - log(s): adding log(s) to max first would round it to the ulp of max
      float logSum = (float) Math.log(s);
      for (int j = 0; j < cols; j++) {
        y[yr + j] = (x[xr + j] - max) - logSum;
      }
    }
  }

  @Override
  public void softmaxBackward(int rows, int cols, float[] y, int yOff, int ldy, float[] dy, int dyOff, int lddy,
                              float[] dx, int dxOff, int lddx) {
    for (int r = 0; r < rows; r++) {
      int yr = yOff + r * ldy;
      int dyr = dyOff + r * lddy;
      int dxr = dxOff + r * lddx;
      double s = 0;
      for (int j = 0; j < cols; j++) {
        s += (double) dy[dyr + j] * y[yr + j];
      }
      float dot = (float) s;
      for (int j = 0; j < cols; j++) {
        dx[dxr + j] = y[yr + j] * (dy[dyr + j] - dot);
      }
    }
  }

  private static float rowMax(int cols, float[] x, int off) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < cols; j++) {
      max = Math.max(max, x[off + j]);
    }
    return max;
  }

  @Override
  public void parallelFor(int tasks, IntConsumer task) {
    if (pool == null || tasks <= 1 || insideTask.get()) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>(threads);
    for (int w = 0; w < Math.min(threads, tasks); w++) {
      futures.add(pool.submit(() -> {
        insideTask.set(Boolean.TRUE);
        try {
          for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
            task.accept(i);
          }
        } finally {
          insideTask.set(Boolean.FALSE);
        }
      }));
    }
    awaitAll(futures);
  }

  /**
   * Waits for every future and rethrows the first failure with the others suppressed into it. Errors are
   * rethrown as they are, but only after every task has stopped (the caller's arrays are still in use).
   */
  static void awaitAll(List<Future<?>> futures) {
    Throwable first = null;
    boolean interrupted = false;
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause();
          } else {
            first.addSuppressed(e.getCause());
          }
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error err) {
      throw err;
    }
    if (first != null) {
      throw new IllegalStateException("a parallel task failed: " + first, first);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
