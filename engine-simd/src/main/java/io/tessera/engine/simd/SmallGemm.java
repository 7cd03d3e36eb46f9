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

  /**
   * Any other product that is not worth packing; {@code pool} is null when it should stay on this thread.
   * {@code fewColumns} (with op(A) = A) asks for dot products against the rows of op(B)^T.
   */
  static void unpacked(Sgemm.Operands op, boolean fewColumns, ComputePool pool) {
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
    if (fewColumns && !work.transB()) {
      // few columns: dot products against rows of op(B)^T (n x k, copied: small) beat thin row updates
      float[] bt = new float[work.n() * work.k()];
      for (int j = 0; j < work.n(); j++) {
        for (int p = 0; p < work.k(); p++) {
          bt[j * work.k() + p] = work.b(p, j);
        }
      }
      work = new Sgemm.Operands(false, true, work.m(), work.n(), work.k(), work.alpha(), work.a(), work.aOff(),
          work.lda(), bt, 0, work.k(), work.beta(), work.c(), work.cOff(), work.ldc());
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
    // the shorter side in the inner loop: its rows stay in cache while each row of the other side passes once
    if (i1 - i0 <= j1 - j0) {
      for (int j = j0; j < j1; j++) {
        for (int i = i0; i < i1; i++) {
          dotInto(op, i, j);
        }
      }
    } else {
      for (int i = i0; i < i1; i++) {
        for (int j = j0; j < j1; j++) {
          dotInto(op, i, j);
        }
      }
    }
  }

  private static void dotInto(Sgemm.Operands op, int i, int j) {
    float[] c = op.c();
    int ci = op.cOff() + i * op.ldc() + j;
    float s = op.alpha() * Level1.dot(op.k(), op.a(), op.aOff() + i * op.lda(), op.b(), op.bOff() + j * op.ldb());
    c[ci] = op.beta() == 0f ? s : s + op.beta() * c[ci];
  }

  /**
   * C[i, j0..j1] = alpha * sum_p op(A)[i, p] * B[p, j0..j1] + beta * C, with op(B) = B stored k x n: vectors run
   * along the columns, two at a time, for four rows at once so that each B load feeds eight FMA chains. One
   * chain per element whatever the grouping; the tile is merged into C by {@link Sgemm#mergeTile}.
   */
  private static void rowUpdates(Sgemm.Operands op, int i0, int i1, int j0, int j1) {
    float[] tile = new float[Sgemm.MR * Sgemm.NR];
    int i = i0;
    for (; i + 4 <= i1; i += 4) {
      for (int j = j0; j < j1; j += 2 * L) {
        fourRows(op, i, j, Math.min(2 * L, j1 - j), tile);
      }
    }
    for (; i < i1; i++) {
      for (int j = j0; j < j1; j += 2 * L) {
        oneRow(op, i, j, Math.min(2 * L, j1 - j), tile);
      }
    }
  }

  private static void fourRows(Sgemm.Operands op, int i, int j, int width, float[] tile) {
    VectorMask<Float> m0 = F.indexInRange(0, width);
    VectorMask<Float> m1 = F.indexInRange(L, width);
    float[] a = op.a();
    float[] b = op.b();
    int rowStride = op.transA() ? 1 : op.lda();
    int colStride = op.transA() ? op.lda() : 1;
    int a0 = op.aOff() + i * rowStride;
    int a1 = a0 + rowStride;
    int a2 = a1 + rowStride;
    int a3 = a2 + rowStride;
    FloatVector s0a = FloatVector.zero(F);
    FloatVector s0b = s0a;
    FloatVector s1a = s0a;
    FloatVector s1b = s0a;
    FloatVector s2a = s0a;
    FloatVector s2b = s0a;
    FloatVector s3a = s0a;
    FloatVector s3b = s0a;
    for (int p = 0; p < op.k(); p++) {
      int bi = op.bOff() + p * op.ldb() + j;
      FloatVector b0 = FloatVector.fromArray(F, b, bi, m0);
      FloatVector b1 = FloatVector.fromArray(F, b, bi + L, m1);
      int ap = p * colStride;
      FloatVector av = FloatVector.broadcast(F, a[a0 + ap]);
      s0a = av.fma(b0, s0a);
      s0b = av.fma(b1, s0b);
      av = FloatVector.broadcast(F, a[a1 + ap]);
      s1a = av.fma(b0, s1a);
      s1b = av.fma(b1, s1b);
      av = FloatVector.broadcast(F, a[a2 + ap]);
      s2a = av.fma(b0, s2a);
      s2b = av.fma(b1, s2b);
      av = FloatVector.broadcast(F, a[a3 + ap]);
      s3a = av.fma(b0, s3a);
      s3b = av.fma(b1, s3b);
    }
    s0a.intoArray(tile, 0);
    s0b.intoArray(tile, L);
    s1a.intoArray(tile, 2 * L);
    s1b.intoArray(tile, 3 * L);
    s2a.intoArray(tile, 4 * L);
    s2b.intoArray(tile, 5 * L);
    s3a.intoArray(tile, 6 * L);
    s3b.intoArray(tile, 7 * L);
    Sgemm.mergeTile(tile, op.c(), op.cOff() + i * op.ldc() + j, op.ldc(), 4, width, op.alpha(), op.beta());
  }

  private static void oneRow(Sgemm.Operands op, int i, int j, int width, float[] tile) {
    VectorMask<Float> m0 = F.indexInRange(0, width);
    VectorMask<Float> m1 = F.indexInRange(L, width);
    float[] a = op.a();
    float[] b = op.b();
    int a0 = op.aOff() + i * (op.transA() ? 1 : op.lda());
    int colStride = op.transA() ? op.lda() : 1;
    FloatVector s0a = FloatVector.zero(F);
    FloatVector s0b = s0a;
    for (int p = 0; p < op.k(); p++) {
      int bi = op.bOff() + p * op.ldb() + j;
      FloatVector av = FloatVector.broadcast(F, a[a0 + p * colStride]);
      s0a = av.fma(FloatVector.fromArray(F, b, bi, m0), s0a);
      s0b = av.fma(FloatVector.fromArray(F, b, bi + L, m1), s0b);
    }
    s0a.intoArray(tile, 0);
    s0b.intoArray(tile, L);
    Sgemm.mergeTile(tile, op.c(), op.cOff() + i * op.ldc() + j, op.ldc(), 1, width, op.alpha(), op.beta());
  }


}
