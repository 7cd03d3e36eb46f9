package io.tessera.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix-vector products on row-major storage. Every output element is computed by the same sequence of
 * lane-wise operations whichever block or task it falls in, so results do not depend on the thread count.
 */
final class Gemv {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  /** Columns of y updated per sweep over the rows in the transposed product: 8 KiB stays in L1. */
  private static final int T_COLUMN_BLOCK = 2048;

  /** Below this many multiply-adds a product stays on the calling thread (2 threads won from n ~ 1448). */
  private static final long PARALLEL_MIN_MACS = 1L << 21;

  private Gemv() {
  }

  /**
   * {@code y = alpha * op(A) * x + beta * y} for A stored {@code m x n}; split over the engine's threads
   * ({@code pool} may be null) in blocks of output elements when the product is large enough.
   */
  static void run(ComputePool pool, boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                  float[] x, int xOff, float beta, float[] y, int yOff) {
    int outputs = trans ? n : m;
    int tasks = pool == null || (long) m * n < PARALLEL_MIN_MACS ? 1 : Math.min(pool.threads(), outputs / 4);
    if (tasks <= 1) {
      if (trans) {
        columns(0, n, m, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
      } else {
        rows(0, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
      }
      return;
    }
    int parts = tasks;
    pool.parallelFor(parts, t -> {
      int from = (int) ((long) outputs * t / parts);
      int to = (int) ((long) outputs * (t + 1) / parts);
      if (trans) {
        columns(from, to, m, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
      } else {
        rows(from, to, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
      }
    });
  }

  /**
   * {@code y[i] = alpha * (A[i, :] . x) + beta * y[i]} for rows {@code [from, to)}; four rows share each load
   * of {@code x}, and each row keeps a single accumulator so that grouping does not change its rounding.
   */
  static void rows(int from, int to, int n, float alpha, float[] a, int aOff, int lda,
                   float[] x, int xOff, float beta, float[] y, int yOff) {
    int bound = F.loopBound(n);
    VectorMask<Float> tail = F.indexInRange(bound, n);
    int i = from;
    for (; i + 4 <= to; i += 4) {
      int r0 = aOff + i * lda;
      int r1 = r0 + lda;
      int r2 = r1 + lda;
      int r3 = r2 + lda;
      FloatVector s0 = FloatVector.zero(F);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      int j = 0;
      for (; j < bound; j += L) {
        FloatVector xv = FloatVector.fromArray(F, x, xOff + j);
        s0 = FloatVector.fromArray(F, a, r0 + j).fma(xv, s0);
        s1 = FloatVector.fromArray(F, a, r1 + j).fma(xv, s1);
        s2 = FloatVector.fromArray(F, a, r2 + j).fma(xv, s2);
        s3 = FloatVector.fromArray(F, a, r3 + j).fma(xv, s3);
      }
      if (j < n) {
        FloatVector xv = FloatVector.fromArray(F, x, xOff + j, tail);
        s0 = FloatVector.fromArray(F, a, r0 + j, tail).fma(xv, s0);
        s1 = FloatVector.fromArray(F, a, r1 + j, tail).fma(xv, s1);
        s2 = FloatVector.fromArray(F, a, r2 + j, tail).fma(xv, s2);
        s3 = FloatVector.fromArray(F, a, r3 + j, tail).fma(xv, s3);
      }
      store(y, yOff + i, alpha * VectorMath.sum(s0), beta);
      store(y, yOff + i + 1, alpha * VectorMath.sum(s1), beta);
      store(y, yOff + i + 2, alpha * VectorMath.sum(s2), beta);
      store(y, yOff + i + 3, alpha * VectorMath.sum(s3), beta);
    }
    for (; i < to; i++) {
      int r0 = aOff + i * lda;
      FloatVector s0 = FloatVector.zero(F);
      int j = 0;
      for (; j < bound; j += L) {
        s0 = FloatVector.fromArray(F, a, r0 + j).fma(FloatVector.fromArray(F, x, xOff + j), s0);
      }
      if (j < n) {
        s0 = FloatVector.fromArray(F, a, r0 + j, tail).fma(FloatVector.fromArray(F, x, xOff + j, tail), s0);
      }
      store(y, yOff + i, alpha * VectorMath.sum(s0), beta);
    }
  }

  private static void store(float[] y, int index, float s, float beta) {
    y[index] = beta == 0f ? s : s + beta * y[index];
  }

  /**
   * {@code y[j] = alpha * sum_i A[i, j] x[i] + beta * y[j]} for columns {@code [from, to)} of an {@code m x n}
   * matrix: y is scaled first, then rows are added four at a time as fused multiply-adds, sweeping blocks of
   * columns that stay in L1.
   */
  static void columns(int from, int to, int m, float alpha, float[] a, int aOff, int lda,
                      float[] x, int xOff, float beta, float[] y, int yOff) {
    if (beta == 0f) {
      java.util.Arrays.fill(y, yOff + from, yOff + to, 0f);
    } else if (beta != 1f) {
      Level1.scal(to - from, beta, y, yOff + from);
    }
    for (int j0 = from; j0 < to; j0 += T_COLUMN_BLOCK) {
      int width = Math.min(T_COLUMN_BLOCK, to - j0);
      int bound = F.loopBound(width);
      VectorMask<Float> tail = F.indexInRange(bound, width);
      int yb = yOff + j0;
      int i = 0;
      for (; i + 4 <= m; i += 4) {
        FloatVector x0 = FloatVector.broadcast(F, alpha * x[xOff + i]);
        FloatVector x1 = FloatVector.broadcast(F, alpha * x[xOff + i + 1]);
        FloatVector x2 = FloatVector.broadcast(F, alpha * x[xOff + i + 2]);
        FloatVector x3 = FloatVector.broadcast(F, alpha * x[xOff + i + 3]);
        int r0 = aOff + i * lda + j0;
        int r1 = r0 + lda;
        int r2 = r1 + lda;
        int r3 = r2 + lda;
        int j = 0;
        for (; j < bound; j += L) {
          FloatVector acc = FloatVector.fromArray(F, y, yb + j);
          acc = FloatVector.fromArray(F, a, r0 + j).fma(x0, acc);
          acc = FloatVector.fromArray(F, a, r1 + j).fma(x1, acc);
          acc = FloatVector.fromArray(F, a, r2 + j).fma(x2, acc);
          acc = FloatVector.fromArray(F, a, r3 + j).fma(x3, acc);
          acc.intoArray(y, yb + j);
        }
        if (j < width) {
          FloatVector acc = FloatVector.fromArray(F, y, yb + j, tail);
          acc = FloatVector.fromArray(F, a, r0 + j, tail).fma(x0, acc);
          acc = FloatVector.fromArray(F, a, r1 + j, tail).fma(x1, acc);
          acc = FloatVector.fromArray(F, a, r2 + j, tail).fma(x2, acc);
          acc = FloatVector.fromArray(F, a, r3 + j, tail).fma(x3, acc);
          acc.intoArray(y, yb + j, tail);
        }
      }
      for (; i < m; i++) {
        FloatVector x0 = FloatVector.broadcast(F, alpha * x[xOff + i]);
        int r0 = aOff + i * lda + j0;
        int j = 0;
        for (; j < bound; j += L) {
          FloatVector.fromArray(F, a, r0 + j).fma(x0, FloatVector.fromArray(F, y, yb + j)).intoArray(y, yb + j);
        }
        if (j < width) {
          FloatVector.fromArray(F, a, r0 + j, tail).fma(x0, FloatVector.fromArray(F, y, yb + j, tail))
              .intoArray(y, yb + j, tail);
        }
      }
    }
  }
}
