package io.tessera.engine.simd;

import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import java.util.Objects;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sparse (CSR) kernels. The product walks each sparse row once per block of up to four vectors of output
 * columns, keeping that block of the C row in registers while it adds {@code value * B[column, block]} for every
 * stored entry; the sparse side is scalar (one broadcast per entry), the dense side is vectorized. Every
 * element of C is one fused multiply-add chain in the order of the row's entries, whatever the block or task,
 * so results do not depend on the thread count.
 */
final class Sparse {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  private static final int L4 = 4 * L;
  /** Rows per parallel task. */
  private static final int ROW_BLOCK = 64;
  /** Below this many multiply-adds a call stays on the calling thread. */
  private static final long PARALLEL_MIN_MACS = 1L << 16;

  private Sparse() {
  }

  /** {@code C = alpha * S * B + beta * C}, rows of C in parallel blocks. */
  static void csrmm(ComputePool pool, CsrMatrix s, float alpha, float[] b, int bOff, int ldb, int n,
                    float beta, float[] c, int cOff, int ldc) {
    int rows = s.rows();
    int tasks = (long) s.nnz() * n < PARALLEL_MIN_MACS ? 1 : (rows + ROW_BLOCK - 1) / ROW_BLOCK;
    int block = tasks == 1 ? rows : ROW_BLOCK;
    pool.parallelFor(tasks, t -> rows(s, t * block, Math.min(rows, (t + 1) * block), alpha, b, bOff, ldb, n,
        beta, c, cOff, ldc));
  }

  private static void rows(CsrMatrix s, int from, int to, float alpha, float[] b, int bOff, int ldb, int n,
                           float beta, float[] c, int cOff, int ldc) {
    int bound = F.loopBound(n);
    VectorMask<Float> tail = F.indexInRange(bound, n);
    for (int i = from; i < to; i++) {
      int start = s.rowStart(i);
      int end = s.rowEnd(i);
      int cr = cOff + i * ldc;
      int j = 0;
      for (; j + L4 <= n; j += L4) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int p = start; p < end; p++) {
          FloatVector v = FloatVector.broadcast(F, s.value(p));
          int br = bOff + s.column(p) * ldb + j;
          a0 = FloatVector.fromArray(F, b, br).fma(v, a0);
          a1 = FloatVector.fromArray(F, b, br + L).fma(v, a1);
          a2 = FloatVector.fromArray(F, b, br + 2 * L).fma(v, a2);
          a3 = FloatVector.fromArray(F, b, br + 3 * L).fma(v, a3);
        }
        store(a0, alpha, beta, c, cr + j);
        store(a1, alpha, beta, c, cr + j + L);
        store(a2, alpha, beta, c, cr + j + 2 * L);
        store(a3, alpha, beta, c, cr + j + 3 * L);
      }
      for (; j < bound; j += L) {
        FloatVector acc = FloatVector.zero(F);
        for (int p = start; p < end; p++) {
          FloatVector v = FloatVector.broadcast(F, s.value(p));
          acc = FloatVector.fromArray(F, b, bOff + s.column(p) * ldb + j).fma(v, acc);
        }
        store(acc, alpha, beta, c, cr + j);
      }
      if (j < n) {
        FloatVector acc = FloatVector.zero(F);
        for (int p = start; p < end; p++) {
          FloatVector v = FloatVector.broadcast(F, s.value(p));
          acc = FloatVector.fromArray(F, b, bOff + s.column(p) * ldb + j, tail).fma(v, acc);
        }
        FloatVector out = acc.mul(alpha);
        if (beta != 0f) {
          out = out.add(FloatVector.fromArray(F, c, cr + j, tail).mul(beta));
        }
        out.intoArray(c, cr + j, tail);
      }
    }
  }

  /** {@code C[at..] = alpha * acc + beta * C[at..]}, ignoring the old C when beta is 0. */
  private static void store(FloatVector acc, float alpha, float beta, float[] c, int at) {
    FloatVector out = acc.mul(alpha);
    if (beta != 0f) {
      out = out.add(FloatVector.fromArray(F, c, at).mul(beta));
    }
    out.intoArray(c, at);
  }

  /** Row norms in parallel row blocks; each is {@link CsrMatrix#rowNorm}, summed in double. */
  static void rowNorms(ComputePool pool, CsrMatrix a, Norm norm, float[] out, int outOff) {
    if (norm == Norm.NONE) {
      throw new IllegalArgumentException("Norm.NONE has no value to compute");
    }
    Objects.checkFromIndexSize(outOff, a.rows(), out.length);
    int rows = a.rows();
    int block = 16 * ROW_BLOCK;
    pool.parallelFor((rows + block - 1) / block, t -> {
      for (int i = t * block, end = Math.min(rows, (t + 1) * block); i < end; i++) {
        out[outOff + i] = a.rowNorm(i, norm);
      }
    });
  }

  /** Scales each row's segment of a copy of the values with a vector multiply. */
  static CsrMatrix scaleRows(ComputePool pool, CsrMatrix a, float[] factors, int off) {
    Objects.checkFromIndexSize(off, a.rows(), factors.length);
    float[] values = a.values();
    int rows = a.rows();
    int block = 16 * ROW_BLOCK;
    pool.parallelFor((rows + block - 1) / block, t -> {
      for (int i = t * block, end = Math.min(rows, (t + 1) * block); i < end; i++) {
        Level1.scal(a.rowNnz(i), factors[off + i], values, a.rowStart(i));
      }
    });
    return a.withValues(values);
  }
}
