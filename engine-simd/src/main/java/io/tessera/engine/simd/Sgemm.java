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
 * <p>Threads share each packed panel of B and split the rows (or columns) of C. Every element of C is
 * accumulated by the same kernel, over the same kc blocks in the same order, wherever its tile falls, so
 * <b>results are bit-identical for any thread count</b>.
 * Small and skinny products skip packing (see {@link #gemm}).
 */
final class Sgemm {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  /** Rows of the micro-tile. */
  static final int MR = 6;
  /** Columns of the micro-tile: two vectors. */
  static final int NR = 2 * L;
  /** Products with fewer multiply-adds or fewer rows than {@link #SMALL_DIM} are not packed. */
  private static final long SMALL_MACS = 1L << 15;
  static final int SMALL_DIM = 16;
  private static final int DOT_MAX_COLUMNS = 4;
  private static final int DOT_MIN_DEPTH = 128;
  /** Packing buffers kept for reuse beyond the pool's threads (concurrent callers allocate their own). */
  private static final int SPARE_BUFFERS = 2;

  /**
   * Cache blocking and the threading threshold: an mc x kc block of A (packed) stays in L2 and is swept
   * against NR-wide micro-panels of a kc x nc panel of B that stream from L2/L3; products of fewer than
   * {@code parallelMinMacs} multiply-adds stay on the calling thread.
   */
  record Blocking(int mc, int kc, int nc, long parallelMinMacs) {
    Blocking {
      if (mc < MR || mc % MR != 0 || kc < 1 || nc < NR || nc % NR != 0 || parallelMinMacs < 0) {
        throw new IllegalArgumentException("invalid blocking " + mc + "/" + kc + "/" + nc + "/" + parallelMinMacs
            + " for a " + MR + "x" + NR + " micro-kernel");
      }
    }

    /**
     * mc = 48, kc = 1024, nc = 2048 (for 16 lanes), measured on AMD Zen 5 (bench/README.md). A deep kc
     * matters most: every kc block costs one pass of loads and stores over C, and at n = 2048 C does not fit
     * in L3, so kc = 256 lost ~25% to memory traffic; the 6 x 1024 A micro-panel (24 KiB) still fits L1 and
     * the 1024 x 32 B micro-panel (128 KiB) streams from L2 fast enough for the kernel; the shared B panel
     * (8 MiB) stays in L3. Threads pay off from about 2^25 multiply-adds (n ~ 320): below that, waking the
     * pool's workers costs more than they save.
     */
    static Blocking standard() {
      return new Blocking(MR * 8, 1024, NR * (2048 / NR), 1L << 25);
    }
  }

  private final Blocking blocking;
  private final ComputePool pool;
  private final BufferPool aBuffers = new BufferPool();
  private final BufferPool bBuffers = new BufferPool();

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
      SmallGemm.vectorShaped(op, macs >= blocking.parallelMinMacs() ? pool : null);
    } else if (macs < SMALL_MACS || fewRows || fewColumns) {
      SmallGemm.unpacked(op, fewColumns, macs >= blocking.parallelMinMacs() ? pool : null);
    } else {
      packedParallel(op, macs >= blocking.parallelMinMacs() ? pool.threads() : 1);
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

  // ------------------------------------------------------------------------------------------ blocked loops

  /**
   * The Goto loops. For each kc x nc panel of op(B): the panel is packed once, its NR-wide micro-panels split
   * over the tasks; then C's rows (in MR units) are split over the tasks, each packing its own mc x kc blocks
   * of A against the shared packed panel. When there are too few rows for the threads, C's columns are split
   * instead (each task then packs the same rows of A). Two {@code parallelFor} calls per B panel, so no task
   * ever waits for another inside a call (no barrier that a busy pool could deadlock).
   */
  private void packedParallel(Operands op, int threads) {
    int kcMax = Math.min(blocking.kc(), op.k);
    int ncMax = Math.min(blocking.nc(), roundUp(op.n, NR));
    float[] pb = bBuffers.acquire(kcMax * ncMax);
    try {
      for (int jc = 0; jc < op.n; jc += blocking.nc()) {
        int nc = Math.min(blocking.nc(), op.n - jc);
        int panels = (nc + NR - 1) / NR;
        for (int pc = 0; pc < op.k; pc += blocking.kc()) {
          int kc = Math.min(blocking.kc(), op.k - pc);
          int jcNow = jc;
          int pcNow = pc;
          int packTasks = Math.min(threads, panels);
          forTasks(packTasks, t -> {
            int p0 = panels * t / packTasks;
            int p1 = panels * (t + 1) / packTasks;
            int from = p0 * NR;
            int width = Math.min(p1 * NR, nc) - from;
            if (op.transB) {
              Packing.packBTransposed(op.b, op.bOff, op.ldb, pcNow, kc, jcNow + from, width, pb, from * kc);
            } else {
              Packing.packB(op.b, op.bOff, op.ldb, pcNow, kc, jcNow + from, width, pb, from * kc);
            }
          });
          // C is scaled by beta once, with the first kc block; later blocks add to it
          float betaNow = pc == 0 ? op.beta : 1f;
          int rowPanels = (op.m + MR - 1) / MR;
          boolean byRows = rowPanels >= 2 * threads || rowPanels >= panels;
          int tasks = Math.min(threads, byRows ? rowPanels : panels);
          forTasks(tasks, t -> {
            int unitsFrom = (byRows ? rowPanels : panels) * t / tasks;
            int unitsTo = (byRows ? rowPanels : panels) * (t + 1) / tasks;
            if (byRows) {
              computeBlock(op, Math.min(op.m, unitsFrom * MR), Math.min(op.m, unitsTo * MR), 0, nc, jcNow, pcNow, kc,
                  pb, betaNow);
            } else {
              computeBlock(op, 0, op.m, unitsFrom * NR, Math.min(nc, unitsTo * NR), jcNow, pcNow, kc, pb,
                  betaNow);
            }
          });
        }
      }
    } finally {
      bBuffers.release(pb);
    }
  }

  private void forTasks(int tasks, java.util.function.IntConsumer task) {
    if (tasks <= 1) {
      task.accept(0);
    } else {
      pool.parallelFor(tasks, task);
    }
  }

  /**
   * Rows {@code [i0, i1)} of C against columns {@code [j0, j1)} of the packed panel (relative to jc, multiples
   * of NR except at the panel's end): packs mc x kc blocks of A and runs the macro-kernel on each.
   */
  private void computeBlock(Operands op, int i0, int i1, int j0, int j1, int jc, int pc, int kc, float[] pb,
                            float beta) {
    if (i0 >= i1 || j0 >= j1) {
      return;
    }
    float[] pa = aBuffers.acquire(Math.min(blocking.mc(), roundUp(i1 - i0, MR)) * kc);
    float[] tile = new float[MR * NR];
    try {
      for (int ic = i0; ic < i1; ic += blocking.mc()) {
        int mc = Math.min(blocking.mc(), i1 - ic);
        if (op.transA) {
          Packing.packATransposed(op.a, op.aOff, op.lda, ic, mc, pc, kc, pa);
        } else {
          Packing.packA(op.a, op.aOff, op.lda, ic, mc, pc, kc, pa);
        }
        macroKernel(mc, j1 - j0, kc, pa, pb, j0 * kc, tile, op.c, op.cOff + ic * op.ldc + jc + j0, op.ldc,
            op.alpha, beta);
      }
    } finally {
      aBuffers.release(pa);
    }
  }

  /** Walks the micro-tiles of one mc x nc block; the B micro-panel is reused across the MR-row panels of A. */
  private static void macroKernel(int mc, int nc, int kc, float[] pa, float[] pb, int pbOff, float[] tile,
                                  float[] c, int cBase, int ldc, float alpha, float beta) {
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int bp = pbOff + jr * kc;
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

  // ------------------------------------------------------------------------------------------ buffers

  /**
   * Reusable packing buffers (a few MB for B panels): kept across calls so that products do not allocate,
   * at most {@code threads + 2} of each kind, so concurrent callers beyond that allocate their own.
   */
  private final class BufferPool {
    private final ConcurrentLinkedQueue<float[]> free = new ConcurrentLinkedQueue<>();

    float[] acquire(int size) {
      for (float[] b; (b = free.poll()) != null; ) {
        if (b.length >= size) {
          return b;
        }
        // too small for this product: dropped, the larger replacement is kept instead
      }
      return new float[size];
    }

    void release(float[] b) {
      if (free.size() < pool.threads() + SPARE_BUFFERS) {
        free.offer(b);
      }
    }
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
