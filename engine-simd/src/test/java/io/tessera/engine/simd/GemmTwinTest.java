package io.tessera.engine.simd;

import static io.tessera.engine.simd.Twins.U;
import static io.tessera.engine.simd.Twins.GUARD;
import static io.tessera.engine.simd.Twins.assertClose;
import static org.assertj.core.api.Assertions.fail;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ScalarEngine;
import io.tessera.engine.Transpose;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SGEMM and SGEMV of the SIMD engine agree with the scalar reference for every transpose combination, odd
 * shapes (1, tails of the micro-tile, blocks crossing mc/kc/nc), offsets, padded leading dimensions and all
 * kinds of alpha and beta, with an engine of standard blocking and one of tiny blocking that crosses every
 * cache-block boundary on small matrices.
 */
class GemmTwinTest {
  private static final Transpose[] BOTH = Transpose.values();
  /** (alpha, beta) pairs: plain, scaled, accumulate, general, alpha 0. */
  private static final float[][] SCALARS = {{1f, 0f}, {0.5f, 0f}, {1f, 1f}, {-1.5f, 2f}, {0f, 0.5f}};

  private static SimdEngine standard;
  private static SimdEngine tinyBlocks;
  private static ScalarEngine scalar;

  @BeforeAll
  static void engines() {
    standard = new SimdEngine(2);
    // mc = 2 panels, kc = 7, nc = 2 panels, always threaded: every loop of the blocked algorithm runs several
    // times and every product is split over the threads
    tinyBlocks = new SimdEngine(3, new Sgemm.Blocking(2 * Sgemm.MR, 7, 2 * Sgemm.NR, 0));
    scalar = new ScalarEngine(1);
  }

  @AfterAll
  static void close() {
    standard.close();
    tinyBlocks.close();
    scalar.close();
  }

  /** One product: stored operands with offsets and padded leading dimensions, C with guard padding. */
  private record Problem(Transpose ta, Transpose tb, int m, int n, int k, float alpha, float beta,
                         float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {

    static Problem random(SplittableRandom random, Transpose ta, Transpose tb, int m, int n, int k, float alpha,
                          float beta) {
      int aRows = ta == Transpose.NO ? m : k;
      int aCols = ta == Transpose.NO ? k : m;
      int bRows = tb == Transpose.NO ? k : n;
      int bCols = tb == Transpose.NO ? n : k;
      int lda = aCols + random.nextInt(3);
      int ldb = bCols + random.nextInt(3);
      int ldc = n + random.nextInt(3);
      int aOff = random.nextInt(4);
      int bOff = random.nextInt(4);
      int cOff = random.nextInt(4);
      float[] a = Twins.uniform(random, aOff + aRows * lda + 1);
      float[] b = Twins.uniform(random, bOff + bRows * ldb + 1);
      float[] c = new float[cOff + m * ldc + 2];
      java.util.Arrays.fill(c, GUARD);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          // beta == 0 must ignore C entirely: NaN there must not propagate
          c[cOff + i * ldc + j] = beta == 0f ? Float.NaN : (float) (random.nextDouble() * 2 - 1);
        }
      }
      return new Problem(ta, tb, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    float[] run(ComputeEngine engine) {
      float[] out = c.clone();
      engine.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
      return out;
    }

    float opA(int i, int p) {
      return ta == Transpose.NO ? a[aOff + i * lda + p] : a[aOff + p * lda + i];
    }

    float opB(int p, int j) {
      return tb == Transpose.NO ? b[bOff + p * ldb + j] : b[bOff + j * ldb + p];
    }

    /** Compares with the reference element by element; guards between and around rows must stay intact. */
    void check(ComputeEngine engine, int lanes) {
      float[] expected = run(scalar);
      float[] actual = run(engine);
      String what = String.format("gemm %s%s m=%d n=%d k=%d alpha=%s beta=%s (%s)", ta, tb, m, n, k, alpha, beta,
          engine.description());
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double abs = 0;
          for (int p = 0; p < k; p++) {
            abs += Math.abs((double) opA(i, p) * opB(p, j));
          }
          int ci = cOff + i * ldc + j;
          double scale = Math.abs(alpha) * abs + (beta == 0f ? 0 : Math.abs(beta * c[ci]));
          assertClose(what, ci, actual[ci], expected[ci], (k + lanes + 8) * U * scale);
        }
      }
      for (int idx = 0; idx < actual.length; idx++) {
        int rel = idx - cOff;
        boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
        if (!inside && actual[idx] != GUARD) {
          fail("%s wrote outside C at index %d", what, idx);
        }
      }
    }
  }

  private static void checkAllCombinations(int m, int n, int k, long seed, ComputeEngine... engines) {
    SplittableRandom random = new SplittableRandom(seed);
    for (Transpose ta : BOTH) {
      for (Transpose tb : BOTH) {
        for (float[] ab : SCALARS) {
          Problem p = Problem.random(random, ta, tb, m, n, k, ab[0], ab[1]);
          for (ComputeEngine e : engines) {
            p.check(e, e.floatLanes());
          }
        }
      }
    }
  }

  @Test
  void degenerateShapes() {
    int[][] shapes = {{1, 1, 1}, {1, 1, 9}, {1, 37, 5}, {37, 1, 5}, {2, 2, 1}, {5, 3, 0}, {7, 9, 1}};
    for (int[] s : shapes) {
      checkAllCombinations(s[0], s[1], s[2], 10 + s[0] * 31 + s[1], standard, tinyBlocks);
    }
  }

  @Test
  void unpackedSmallAndSkinnyShapes() {
    // tiny products, few rows (m < 16), few columns over a long k (n <= 4, k >= 128)
    int[][] shapes = {{3, 5, 7}, {6, 32, 3}, {15, 33, 40}, {16, 16, 15}, {40, 3, 70}, {3, 90, 50}, {20, 20, 20},
        {50, 3, 200}, {33, 4, 131}};
    for (int[] s : shapes) {
      checkAllCombinations(s[0], s[1], s[2], 20 + s[0] * 31 + s[1], standard, tinyBlocks);
    }
  }

  @Test
  void packedShapesWithEveryEdge() {
    int[][] shapes = {{16, 16, 16}, {17, 33, 31}, {37, 29, 64}, {64, 64, 64}, {65, 97, 130}, {100, 47, 17}};
    for (int[] s : shapes) {
      checkAllCombinations(s[0], s[1], s[2], 30 + s[0] * 31 + s[1], standard, tinyBlocks);
    }
  }

  @Test
  void packedShapesCrossingTheStandardBlocks() {
    // k > kc = 1024 and m > mc = 48 with tails, rows split over 2 threads; n > nc = 4096 with a tail and only
    // 3 row panels, so the columns are split over the threads instead
    checkAllCombinations(53, 71, 1030, 41, standard);
    SplittableRandom random = new SplittableRandom(42);
    for (Transpose ta : BOTH) {
      for (Transpose tb : BOTH) {
        Problem.random(random, ta, tb, 17, 4096 + 37, 40, 1f, 0.5f).check(standard, standard.floatLanes());
      }
    }
  }

  @Test
  void randomShapes() {
    SplittableRandom random = new SplittableRandom(43);
    for (int trial = 0; trial < 80; trial++) {
      int m = 1 + random.nextInt(random.nextBoolean() ? 12 : 90);
      int n = 1 + random.nextInt(random.nextBoolean() ? 12 : 90);
      int k = 1 + random.nextInt(random.nextBoolean() ? 12 : 90);
      Transpose ta = BOTH[random.nextInt(2)];
      Transpose tb = BOTH[random.nextInt(2)];
      float[] ab = SCALARS[random.nextInt(SCALARS.length)];
      Problem p = Problem.random(random, ta, tb, m, n, k, ab[0], ab[1]);
      p.check(standard, standard.floatLanes());
      p.check(tinyBlocks, tinyBlocks.floatLanes());
    }
  }

  @Test
  void resultsAreBitIdenticalForAnyThreadCount() {
    List<SimdEngine> engines = new ArrayList<>();
    Sgemm.Blocking standard = Sgemm.Blocking.standard();
    for (int threads = 1; threads <= 4; threads++) {
      // standard blocking, but threaded from 2^21 multiply-adds so that moderate shapes are split
      engines.add(new SimdEngine(threads, new Sgemm.Blocking(standard.mc(), standard.kc(), standard.nc(), 1L << 21)));
    }
    try {
      SplittableRandom random = new SplittableRandom(44);
      // packed and threaded (>= 2^21 multiply-adds) split by rows and by columns, unpacked and threaded, a
      // single row and a single column
      int[][] shapes = {{150, 170, 130}, {20, 700, 160}, {12, 2000, 200}, {1, 3000, 900}, {3000, 1, 900}};
      for (int[] s : shapes) {
        for (Transpose ta : BOTH) {
          for (Transpose tb : BOTH) {
            Problem p = Problem.random(random, ta, tb, s[0], s[1], s[2], 1.25f, 0.75f);
            float[] reference = p.run(engines.get(0));
            for (SimdEngine e : engines) {
              Twins.assertBitIdentical(String.format("%s%s %dx%dx%d with %d threads", ta, tb, s[0], s[1], s[2],
                  e.threads()), reference, p.run(e));
            }
          }
        }
      }
    } finally {
      engines.forEach(SimdEngine::close);
    }
  }

  @Test
  void gemvBothTransposes() {
    SplittableRandom random = new SplittableRandom(45);
    int[] dims = {1, 2, 3, 4, 5, 7, 16, 17, 31, 33, 100, 257, 700};
    for (int m : dims) {
      for (int n : dims) {
        for (Transpose t : BOTH) {
          float[] ab = SCALARS[random.nextInt(SCALARS.length)];
          checkGemv(random, t, m, n, ab[0], ab[1]);
        }
      }
    }
  }

  private static void checkGemv(SplittableRandom random, Transpose t, int m, int n, float alpha, float beta) {
    int lda = n + random.nextInt(3);
    int aOff = random.nextInt(4);
    int xLen = t == Transpose.NO ? n : m;
    int yLen = t == Transpose.NO ? m : n;
    int xOff = random.nextInt(4);
    int yOff = random.nextInt(4);
    float[] a = Twins.uniform(random, aOff + m * lda);
    float[] x = Twins.uniform(random, xOff + xLen);
    float[] y = Twins.guarded(random, yOff, yLen, 3);
    if (beta == 0f) {
      java.util.Arrays.fill(y, yOff, yOff + yLen, Float.NaN);
    }
    float[] expected = y.clone();
    float[] actual = y.clone();
    scalar.gemv(t, m, n, alpha, a, aOff, lda, x, xOff, beta, expected, yOff);
    standard.gemv(t, m, n, alpha, a, aOff, lda, x, xOff, beta, actual, yOff);
    for (int i = 0; i < yLen; i++) {
      double abs = 0;
      for (int p = 0; p < xLen; p++) {
        float aip = t == Transpose.NO ? a[aOff + i * lda + p] : a[aOff + p * lda + i];
        abs += Math.abs((double) aip * x[xOff + p]);
      }
      double scale = Math.abs(alpha) * abs + (beta == 0f ? 0 : Math.abs(beta * y[yOff + i]));
      assertClose("gemv " + t + " " + m + "x" + n, i, actual[yOff + i], expected[yOff + i],
          (xLen + standard.floatLanes() + 8) * U * scale);
    }
    Twins.assertGuardsIntact("gemv " + t + " " + m + "x" + n, actual, yOff, yLen);
  }

  @Test
  void largeGemvIsBitIdenticalForAnyThreadCount() {
    SplittableRandom random = new SplittableRandom(46);
    int m = 1500; // 2.25e6 multiply-adds: threaded
    int n = 1500;
    float[] a = Twins.uniform(random, m * n);
    float[] x = Twins.uniform(random, Math.max(m, n));
    try (SimdEngine two = new SimdEngine(2); SimdEngine one = new SimdEngine(1)) {
      for (Transpose t : BOTH) {
        float[] y1 = Twins.uniform(random, Math.max(m, n));
        float[] y2 = y1.clone();
        one.gemv(t, m, n, 0.5f, a, 0, n, x, 0, 1.5f, y1, 0);
        two.gemv(t, m, n, 0.5f, a, 0, n, x, 0, 1.5f, y2, 0);
        Twins.assertBitIdentical("gemv " + t, y1, y2);
      }
    }
  }
}
