package io.tessera.engine.simd;

import io.tessera.engine.Transpose;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision GEMM in the Goto/BLIS style: loops over blocks of {@code op(B)} (kc x nc, packed into
 * NR-wide column panels) and of {@code op(A)} (mc x kc, packed into MR-high row panels) around a
 * register-blocked MR x NR micro-kernel of {@code 2 * MR} vector accumulators fed by {@code broadcast} and
 * {@code fma}. Packing absorbs the four transpose combinations, so one kernel serves them all; panels at the
 * edges are padded with zeros and the kernel stores only the valid part.
 *
 * <p>Threads split C into rectangular regions, each running the whole blocked algorithm with its own
 * packing buffers. Every element of C is accumulated by the same kernel, over the same kc blocks in the
 * same order, wherever its region and tile fall, so <b>results are bit-identical for any thread count</b>.
 * Small and skinny products skip packing (see {@link #gemm}).
 */
final class Sgemm {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  /** Rows of the micro-tile. */
  static final int MR = 6;
  /** Columns of the micro-tile: two vectors. */
  static final int NR = 2 * L;
  /** Below this many multiply-adds the work stays on the calling thread. */
  private static final long PARALLEL_MIN_MACS = 1L << 21;
  /** Products with fewer multiply-adds or fewer rows than {@link #SMALL_DIM} are not packed. */
  private static final long SMALL_MACS = 1L << 15;
  static final int SMALL_DIM = 16;
  private static final int DOT_MAX_COLUMNS = 4;
  private static final int DOT_MIN_DEPTH = 128;
  /** Workspaces kept for reuse beyond the pool's threads (concurrent callers allocate their own). */
  private static final int SPARE_WORKSPACES = 2;

  /**
   * Cache blocking: an mc x kc block of A (packed) stays in L2 and is swept against NR-wide micro-panels of a
   * kc x nc panel of B that stream from L2/L3.
   */
  record Blocking(int mc, int kc, int nc) {
    Blocking {
      if (mc < MR || mc % MR != 0 || kc < 1 || nc < NR || nc % NR != 0) {
        throw new IllegalArgumentException("invalid blocking " + mc + "/" + kc + "/" + nc
            + " for a " + MR + "x" + NR + " micro-kernel");
      }
    }

    /**
     * mc = 48, kc = 1024, nc = 4096 (for 16 lanes), measured on AMD Zen 5 (bench/README.md). A deep kc
     * matters most: every kc block costs one pass of loads and stores over C, and at n = 2048 C does not fit
     * in L3, so kc = 256 lost ~15% to memory traffic; the 6 x 1024 A micro-panel (24 KiB) still fits L1 and
     * the 1024 x 32 B micro-panel (128 KiB) streams from L2 fast enough for the kernel.
     */
    static Blocking standard() {
      return new Blocking(MR * 8, 1024, NR * (4096 / NR));
    }
  }

  private final Blocking blocking;
  private final ComputePool pool;
  private final ConcurrentLinkedQueue<Workspace> workspaces = new ConcurrentLinkedQueue<>();

  Sgemm(Blocking blocking, ComputePool pool) {
    this.blocking = blocking;
    this.pool = pool;
  }

  Blocking blocking() {
    return blocking;
  }

  void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc) {
    if (m <= 0 || n <= 0) {
      return;
    }
    if (k <= 0 || alpha == 0f) {
      scaleC(m, n, beta, c, cOff, ldc);
      return;
    }
    Operands op = new Operands(transA == Transpose.YES, transB == Transpose.YES, m, n, k, alpha,
        a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    long macs = (long) m * n * k;
    // few rows: packing B would cost as much as the product. Very few columns over a long k: dot products
    // (2-4x faster measured at n = 4, k = 1024). Otherwise packing pays even for thin n or k, whose
    // zero-padded micro-tiles still beat unpacked loops (1.6-3x at n = 8-15 or k = 50).
    boolean fewRows = m < SMALL_DIM && !(op.transA && op.transB);
    boolean fewColumns = n <= DOT_MAX_COLUMNS && k >= DOT_MIN_DEPTH && !op.transA;
    if (m == 1 || n == 1) {
      SmallGemm.vectorShaped(op, macs >= PARALLEL_MIN_MACS ? pool : null);
    } else if (macs < SMALL_MACS || fewRows || fewColumns) {
      SmallGemm.unpacked(op, fewColumns, macs >= PARALLEL_MIN_MACS ? pool : null);
    } else {
      packedParallel(op, macs >= PARALLEL_MIN_MACS ? pool.threads() : 1);
    }
  }

  /** {@code C = beta * C}, or zero when beta is 0 (old contents ignored). */
  static void scaleC(int m, int n, float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(c, row, row + n, 0f);
      } else if (beta != 1f) {
        Level1.scal(n, beta, c, row);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ threading

  /**
   * Splits C into {@code tm x tn} regions (aligned to the micro-tile) for {@code threads} tasks, choosing the
   * factorisation that packs the least: each region packs its rows of A and its columns of B.
   */
  private void packedParallel(Operands op, int threads) {
    int rowTiles = (op.m + MR - 1) / MR;
    int colTiles = (op.n + NR - 1) / NR;
    int tasks = Math.max(1, Math.min(threads, rowTiles * colTiles));
    int bestTm = 1;
    double bestCost = Double.MAX_VALUE;
    for (int tm = 1; tm <= tasks; tm++) {
      int tn = tasks / tm;
      if (tm * tn != tasks || tm > rowTiles || tn > colTiles) {
        continue;
      }
      double cost = (double) op.m * tn + (double) op.n * tm;
      if (cost < bestCost) {
        bestCost = cost;
        bestTm = tm;
      }
    }
    if (bestCost == Double.MAX_VALUE) {
      // no exact factorisation fits (e.g. a prime thread count on a thin matrix): split the longer side
      bestTm = rowTiles >= colTiles ? Math.min(tasks, rowTiles) : 1;
      tasks = rowTiles >= colTiles ? bestTm : Math.min(tasks, colTiles);
    }
    int tm = bestTm;
    int tn = tasks / tm;
    if (tasks == 1) {
      packed(op, 0, op.m, 0, op.n);
      return;
    }
    pool.parallelFor(tasks, t -> {
      int ti = t / tn;
      int tj = t % tn;
      int i0 = Math.min(op.m, (int) ((long) rowTiles * ti / tm) * MR);
      int i1 = Math.min(op.m, (int) ((long) rowTiles * (ti + 1) / tm) * MR);
      int j0 = Math.min(op.n, (int) ((long) colTiles * tj / tn) * NR);
      int j1 = Math.min(op.n, (int) ((long) colTiles * (tj + 1) / tn) * NR);
      if (i0 < i1 && j0 < j1) {
        packed(op, i0, i1, j0, j1);
      }
    });
  }

  // ------------------------------------------------------------------------------------------ blocked loops

  /** The five Goto loops for the region rows {@code [i0, i1)} x columns {@code [j0, j1)} of C. */
  private void packed(Operands op, int i0, int i1, int j0, int j1) {
    int mcMax = Math.min(blocking.mc(), roundUp(i1 - i0, MR));
    int kcMax = Math.min(blocking.kc(), op.k);
    int ncMax = Math.min(blocking.nc(), roundUp(j1 - j0, NR));
    Workspace ws = acquire(mcMax * kcMax, kcMax * ncMax);
    try {
      for (int jc = j0; jc < j1; jc += blocking.nc()) {
        int nc = Math.min(blocking.nc(), j1 - jc);
        for (int pc = 0; pc < op.k; pc += blocking.kc()) {
          int kc = Math.min(blocking.kc(), op.k - pc);
          if (op.transB) {
            Packing.packBTransposed(op.b, op.bOff, op.ldb, pc, kc, jc, nc, ws.b);
          } else {
            Packing.packB(op.b, op.bOff, op.ldb, pc, kc, jc, nc, ws.b);
          }
          // C is scaled by beta once, with the first kc block; later blocks add to it
          float betaNow = pc == 0 ? op.beta : 1f;
          for (int ic = i0; ic < i1; ic += blocking.mc()) {
            int mc = Math.min(blocking.mc(), i1 - ic);
            if (op.transA) {
              Packing.packATransposed(op.a, op.aOff, op.lda, ic, mc, pc, kc, ws.a);
            } else {
              Packing.packA(op.a, op.aOff, op.lda, ic, mc, pc, kc, ws.a);
            }
            macroKernel(mc, nc, kc, ws.a, ws.b, ws.tile, op.c, op.cOff + ic * op.ldc + jc, op.ldc, op.alpha, betaNow);
          }
        }
      }
    } finally {
      release(ws);
    }
  }

  /** Walks the micro-tiles of one mc x nc block; the B micro-panel is reused across the MR-row panels of A. */
  private static void macroKernel(int mc, int nc, int kc, float[] pa, float[] pb, float[] tile,
                                  float[] c, int cBase, int ldc, float alpha, float beta) {
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int bp = jr * kc;
      for (int ir = 0; ir < mc; ir += MR) {
        int mr = Math.min(MR, mc - ir);
        microKernel(kc, pa, ir * kc, pb, bp, tile);
        mergeTile(tile, c, cBase + ir * ldc + jr, ldc, mr, nr, alpha, beta);
      }
    }
  }

  /**
   * tile = A panel x B panel, an MR x NR row-major tile. The A panel holds MR floats per k step and the B
   * panel NR floats per k step. The loop keeps 2*MR accumulators, two B vectors and one broadcast live: 15
   * registers, within the 16 of AVX2 and far within the 32 of AVX-512.
   */
  static void microKernel(int kc, float[] pa, int ap, float[] pb, int bp, float[] tile) {
    FloatVector c0a = FloatVector.zero(F);
    FloatVector c0b = c0a;
    FloatVector c1a = c0a;
    FloatVector c1b = c0a;
    FloatVector c2a = c0a;
    FloatVector c2b = c0a;
    FloatVector c3a = c0a;
    FloatVector c3b = c0a;
    FloatVector c4a = c0a;
    FloatVector c4b = c0a;
    FloatVector c5a = c0a;
    FloatVector c5b = c0a;
    for (int p = 0; p < kc; p++) {
      int bi = bp + p * NR;
      int ai = ap + p * MR;
      FloatVector b0 = FloatVector.fromArray(F, pb, bi);
      FloatVector b1 = FloatVector.fromArray(F, pb, bi + L);
      FloatVector av = FloatVector.broadcast(F, pa[ai]);
      c0a = av.fma(b0, c0a);
      c0b = av.fma(b1, c0b);
      av = FloatVector.broadcast(F, pa[ai + 1]);
      c1a = av.fma(b0, c1a);
      c1b = av.fma(b1, c1b);
      av = FloatVector.broadcast(F, pa[ai + 2]);
      c2a = av.fma(b0, c2a);
      c2b = av.fma(b1, c2b);
      av = FloatVector.broadcast(F, pa[ai + 3]);
      c3a = av.fma(b0, c3a);
      c3b = av.fma(b1, c3b);
      av = FloatVector.broadcast(F, pa[ai + 4]);
      c4a = av.fma(b0, c4a);
      c4b = av.fma(b1, c4b);
      av = FloatVector.broadcast(F, pa[ai + 5]);
      c5a = av.fma(b0, c5a);
      c5b = av.fma(b1, c5b);
    }
    c0a.intoArray(tile, 0);
    c0b.intoArray(tile, L);
    c1a.intoArray(tile, NR);
    c1b.intoArray(tile, NR + L);
    c2a.intoArray(tile, 2 * NR);
    c2b.intoArray(tile, 2 * NR + L);
    c3a.intoArray(tile, 3 * NR);
    c3b.intoArray(tile, 3 * NR + L);
    c4a.intoArray(tile, 4 * NR);
    c4b.intoArray(tile, 4 * NR + L);
    c5a.intoArray(tile, 5 * NR);
    c5b.intoArray(tile, 5 * NR + L);
  }

  /**
   * C[0..mr, 0..nr] = alpha * tile + beta * C (C not read when beta is 0), the same lane-wise arithmetic for
   * full and masked (edge) rows.
   */
  static void mergeTile(float[] tile, float[] c, int ci, int ldc, int mr, int nr, float alpha, float beta) {
    FloatVector av = FloatVector.broadcast(F, alpha);
    VectorMask<Float> m0 = F.indexInRange(0, nr);
    VectorMask<Float> m1 = F.indexInRange(L, nr);
    for (int r = 0; r < mr; r++) {
      int t = r * NR;
      int row = ci + r * ldc;
      FloatVector lo = FloatVector.fromArray(F, tile, t);
      FloatVector hi = FloatVector.fromArray(F, tile, t + L);
      if (nr == NR) {
        if (beta == 0f) {
          lo.mul(av).intoArray(c, row);
          hi.mul(av).intoArray(c, row + L);
        } else {
          lo.fma(av, FloatVector.fromArray(F, c, row).mul(beta)).intoArray(c, row);
          hi.fma(av, FloatVector.fromArray(F, c, row + L).mul(beta)).intoArray(c, row + L);
        }
      } else if (beta == 0f) {
        lo.mul(av).intoArray(c, row, m0);
        hi.mul(av).intoArray(c, row + L, m1);
      } else {
        lo.fma(av, FloatVector.fromArray(F, c, row, m0).mul(beta)).intoArray(c, row, m0);
        hi.fma(av, FloatVector.fromArray(F, c, row + L, m1).mul(beta)).intoArray(c, row + L, m1);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ workspaces

  private Workspace acquire(int aSize, int bSize) {
    for (Workspace w; (w = workspaces.poll()) != null; ) {
      if (w.a.length >= aSize && w.b.length >= bSize) {
        return w;
      }
      // too small for this product: drop it, a fitting one replaces it
    }
    return new Workspace(new float[aSize], new float[bSize], new float[MR * NR]);
  }

  private void release(Workspace w) {
    if (workspaces.size() < pool.threads() + SPARE_WORKSPACES) {
      workspaces.offer(w);
    }
  }

  /** Packing buffers of one running region. */
  private record Workspace(float[] a, float[] b, float[] tile) {
  }

  static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }

  /** The arguments of one gemm call. */
  record Operands(boolean transA, boolean transB, int m, int n, int k, float alpha,
                  float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                  float beta, float[] c, int cOff, int ldc) {

    /** @return op(A)[i, p] */
    float a(int i, int p) {
      return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    /** @return op(B)[p, j] */
    float b(int p, int j) {
      return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }
  }
}
