package io.tessera.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of {@code op(A)} and {@code op(B)} into the contiguous panel layouts the micro-kernel reads:
 * A as MR-row panels holding MR floats per k step, B as NR-column panels holding NR floats per k step.
 * Rows or columns past the edge of the matrix are written as zeros, so the kernel never needs a short tile.
 */
final class Packing {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  private static final int MR = Sgemm.MR;
  private static final int NR = Sgemm.NR;

  private Packing() {
  }

  /** Packs op(A) = A (stored m x k): rows {@code [ic, ic + mc)}, columns {@code [pc, pc + kc)}. */
  static void packA(float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] pa) {
    for (int ir = 0; ir < mc; ir += MR) {
      int mr = Math.min(MR, mc - ir);
      int dst = ir * kc;
      int src = aOff + (ic + ir) * lda + pc;
      if (mr == MR) {
        int s1 = src + lda;
        int s2 = s1 + lda;
        int s3 = s2 + lda;
        int s4 = s3 + lda;
        int s5 = s4 + lda;
        for (int p = 0; p < kc; p++) {
          int d = dst + p * MR;
          pa[d] = a[src + p];
          pa[d + 1] = a[s1 + p];
          pa[d + 2] = a[s2 + p];
          pa[d + 3] = a[s3 + p];
          pa[d + 4] = a[s4 + p];
          pa[d + 5] = a[s5 + p];
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int d = dst + p * MR;
          for (int i = 0; i < MR; i++) {
            pa[d + i] = i < mr ? a[src + i * lda + p] : 0f;
          }
        }
      }
    }
  }

  /** Packs op(A) = A^T (A stored k x m): rows {@code [ic, ic + mc)} of op(A), columns {@code [pc, pc + kc)}. */
  static void packATransposed(float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] pa) {
    for (int ir = 0; ir < mc; ir += MR) {
      int mr = Math.min(MR, mc - ir);
      int dst = ir * kc;
      int src = aOff + pc * lda + ic + ir;
      if (mr == MR) {
        for (int p = 0; p < kc; p++) {
          int d = dst + p * MR;
          int s = src + p * lda;
          pa[d] = a[s];
          pa[d + 1] = a[s + 1];
          pa[d + 2] = a[s + 2];
          pa[d + 3] = a[s + 3];
          pa[d + 4] = a[s + 4];
          pa[d + 5] = a[s + 5];
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int d = dst + p * MR;
          int s = src + p * lda;
          for (int i = 0; i < MR; i++) {
            pa[d + i] = i < mr ? a[s + i] : 0f;
          }
        }
      }
    }
  }

  /**
   * Packs op(B) = B (stored k x n): rows {@code [pc, pc + kc)}, columns {@code [jc, jc + nc)}, into
   * {@code pb} from {@code pbOff}.
   */
  static void packB(float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] pb, int pbOff) {
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int dst = pbOff + jr * kc;
      int src = bOff + pc * ldb + jc + jr;
      if (nr == NR) {
        for (int p = 0; p < kc; p++) {
          int s = src + p * ldb;
          int d = dst + p * NR;
          FloatVector.fromArray(F, b, s).intoArray(pb, d);
          FloatVector.fromArray(F, b, s + L).intoArray(pb, d + L);
        }
      } else {
        VectorMask<Float> m0 = F.indexInRange(0, nr);
        VectorMask<Float> m1 = F.indexInRange(L, nr);
        for (int p = 0; p < kc; p++) {
          int s = src + p * ldb;
          int d = dst + p * NR;
          FloatVector.fromArray(F, b, s, m0).intoArray(pb, d);
          FloatVector.fromArray(F, b, s + L, m1).intoArray(pb, d + L);
        }
      }
    }
  }

  /**
   * Packs op(B) = B^T (B stored n x k): rows {@code [pc, pc + kc)} of op(B), columns {@code [jc, jc + nc)},
   * into {@code pb} from {@code pbOff}.
   * Each stored row of B becomes one column of a panel; reading rows keeps the loads sequential.
   */
  static void packBTransposed(float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] pb,
                              int pbOff) {
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int dst = pbOff + jr * kc;
      for (int j = 0; j < NR; j++) {
        int d = dst + j;
        if (j < nr) {
          int s = bOff + (jc + jr + j) * ldb + pc;
          for (int p = 0; p < kc; p++) {
            pb[d + p * NR] = b[s + p];
          }
        } else {
          for (int p = 0; p < kc; p++) {
            pb[d + p * NR] = 0f;
          }
        }
      }
    }
  }
}
