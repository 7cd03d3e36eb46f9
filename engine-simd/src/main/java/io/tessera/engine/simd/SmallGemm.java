package io.tessera.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM without packing, for products too small or too thin for packing to pay: a single row or column goes
 * to the gemv kernels, other shapes run either as row-times-panel updates (vectors along the columns of C,
 * when op(B) rows are contiguous) or as dot products (when rows of op(A) and columns of op(B) are contiguous).
 * The path is chosen from the shape alone, and each element of C is computed the same way whichever task or
 * chunk holds it, so results do not depend on the thread count.
 */
final class SmallGemm {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  private static final int L4 = 4 * L;

  private SmallGemm() {
  }

  /** A product with {@code m == 1} or {@code n == 1}: one gemv, through contiguous copies where needed. */
  static void vectorShaped(Sgemm.Operands op, ComputePool pool) {
    if (op.n() == 1) {
      // C[:, 0] = alpha * op(A) * op(B)[:, 0] + beta * C[:, 0]
      float[] x = gather(op.k(), op.b(), op.bOff(), op.transB() ? 1 : op.ldb());
      boolean direct = op.ldc() == 1 || op.m() == 1;
      float[] y = direct ? op.c() : gather(op.m(), op.c(), op.cOff(), op.ldc(), op.beta() != 0f);
      int yOff = direct ? op.cOff() : 0;
      Gemv.run(pool, op.transA(), op.transA() ? op.k() : op.m(), op.transA() ? op.m() : op.k(), op.alpha(),
          op.a(), op.aOff(), op.lda(), x, 0, op.beta(), y, yOff);
      if (!direct) {
        for (int i = 0; i < op.m(); i++) {
          op.c()[op.cOff() + i * op.ldc()] = y[i];
        }
      }
    } else {
      // C[0, :] = alpha * op(A)[0, :] * op(B) + beta * C[0, :], i.e. op(B)^T times a vector
      float[] x = gather(op.k(), op.a(), op.aOff(), op.transA() ? op.lda() : 1);
      Gemv.run(pool, !op.transB(), op.transB() ? op.n() : op.k(), op.transB() ? op.k() : op.n(), op.alpha(),
          op.b(), op.bOff(), op.ldb(), x, 0, op.beta(), op.c(), op.cOff());
    }
  }

  private static float[] gather(int n, float[] src, int off, int stride) {
    return gather(n, src, off, stride, true);
  }

  /** @return {@code n} elements {@code src[off + i * stride]}, or zeros when {@code read} is false */
  private static float[] gather(int n, float[] src, int off, int stride, boolean read) {
    float[] out = new float[n];
    if (read) {
      for (int i = 0; i < n; i++) {
        out[i] = src[off + i * stride];
      }
    }
    return out;
  }

  /** Any other product that is not worth packing; {@code pool} is null when it should stay on this thread. */
  static void unpacked(Sgemm.Operands op, ComputePool pool) {
    Sgemm.Operands work = op;
    if (op.transA() && op.transB()) {
      // op(B) copied to k x n rows so that it can be read along the columns of C
      float[] bt = new float[op.k() * op.n()];
      for (int p = 0; p < op.k(); p++) {
        for (int j = 0; j < op.n(); j++) {
          bt[p * op.n() + j] = op.b(p, j);
        }
      }
      work = new Sgemm.Operands(true, false, op.m(), op.n(), op.k(), op.alpha(), op.a(), op.aOff(), op.lda(),
          bt, 0, op.n(), op.beta(), op.c(), op.cOff(), op.ldc());
    }
    Sgemm.Operands w = work;
    boolean dotForm = w.transB();
    int parts = pool == null ? 1 : pool.threads();
    if (parts == 1) {
      region(w, dotForm, 0, w.m(), 0, w.n());
      return;
    }
    boolean byRows = w.m() >= w.n();
    int extent = byRows ? w.m() : w.n();
    int tasks = Math.min(parts, extent);
    pool.parallelFor(tasks, t -> {
      int from = (int) ((long) extent * t / tasks);
      int to = (int) ((long) extent * (t + 1) / tasks);
      if (byRows) {
        region(w, dotForm, from, to, 0, w.n());
      } else {
        region(w, dotForm, 0, w.m(), from, to);
      }
    });
  }

  private static void region(Sgemm.Operands op, boolean dotForm, int i0, int i1, int j0, int j1) {
    if (dotForm) {
      dots(op, i0, i1, j0, j1);
    } else {
      rowUpdates(op, i0, i1, j0, j1);
    }
  }

  /** C[i, j] = alpha * (row i of A) . (row j of stored B) + beta * C[i, j], for op(A) = A and op(B) = B^T. */
  private static void dots(Sgemm.Operands op, int i0, int i1, int j0, int j1) {
    float[] c = op.c();
    for (int i = i0; i < i1; i++) {
      int aRow = op.aOff() + i * op.lda();
      int cRow = op.cOff() + i * op.ldc();
      for (int j = j0; j < j1; j++) {
        float s = op.alpha() * Level1.dot(op.k(), op.a(), aRow, op.b(), op.bOff() + j * op.ldb());
        c[cRow + j] = op.beta() == 0f ? s : s + op.beta() * c[cRow + j];
      }
    }
  }

  /**
   * C[i, j0..j1] = alpha * sum_p op(A)[i, p] * B[p, j0..j1] + beta * C, with op(B) = B stored k x n: vectors run
   * along the columns, four at a time for independent FMA chains, one chain per column whatever the chunk.
   */
  private static void rowUpdates(Sgemm.Operands op, int i0, int i1, int j0, int j1) {
    int k = op.k();
    float[] a = op.a();
    float[] b = op.b();
    int ldb = op.ldb();
    int aRowStride = op.transA() ? 1 : op.lda();
    int aColStride = op.transA() ? op.lda() : 1;
    for (int i = i0; i < i1; i++) {
      int aRow = op.aOff() + i * aRowStride;
      int cRow = op.cOff() + i * op.ldc();
      int j = j0;
      for (; j + L4 <= j1; j += L4) {
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int bCol = op.bOff() + j;
        for (int p = 0; p < k; p++) {
          FloatVector av = FloatVector.broadcast(F, a[aRow + p * aColStride]);
          int bi = bCol + p * ldb;
          s0 = av.fma(FloatVector.fromArray(F, b, bi), s0);
          s1 = av.fma(FloatVector.fromArray(F, b, bi + L), s1);
          s2 = av.fma(FloatVector.fromArray(F, b, bi + 2 * L), s2);
          s3 = av.fma(FloatVector.fromArray(F, b, bi + 3 * L), s3);
        }
        int ci = cRow + j;
        VectorMask<Float> all = F.maskAll(true);
        store(s0, op.c(), ci, all, op.alpha(), op.beta());
        store(s1, op.c(), ci + L, all, op.alpha(), op.beta());
        store(s2, op.c(), ci + 2 * L, all, op.alpha(), op.beta());
        store(s3, op.c(), ci + 3 * L, all, op.alpha(), op.beta());
      }
      for (; j < j1; j += L) {
        VectorMask<Float> m = F.indexInRange(j, j1);
        FloatVector s0 = FloatVector.zero(F);
        int bCol = op.bOff() + j;
        for (int p = 0; p < k; p++) {
          FloatVector av = FloatVector.broadcast(F, a[aRow + p * aColStride]);
          s0 = av.fma(FloatVector.fromArray(F, b, bCol + p * ldb, m), s0);
        }
        store(s0, op.c(), cRow + j, m, op.alpha(), op.beta());
      }
    }
  }

  private static void store(FloatVector acc, float[] c, int ci, VectorMask<Float> m, float alpha, float beta) {
    FloatVector av = FloatVector.broadcast(F, alpha);
    if (beta == 0f) {
      acc.mul(av).intoArray(c, ci, m);
    } else {
      acc.fma(av, FloatVector.fromArray(F, c, ci, m).mul(beta)).intoArray(c, ci, m);
    }
  }
}
