package io.tessera.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels over contiguous float ranges: BLAS level 1 and element-wise arithmetic. Loops are plain
 * counted {@code int} loops up to {@code loopBound} so that C2 hoists the bounds checks; tails use masks.
 * Reductions keep four independent accumulators so the FMA latency is hidden.
 */
final class Level1 {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  private static final int L4 = 4 * L;
  /** Below this sum of squares, squares of small elements may have underflowed: recompute in double. */
  private static final float NRM2_SAFE_LOW = 0x1p-60f;

  private Level1() {
  }

  /** @return the largest multiple of {@code 4 * L} not above {@code n} ({@code L} is a power of two) */
  private static int bound4(int n) {
    return n & -L4;
  }

  static float dot(int n, float[] x, int xOff, float[] y, int yOff) {
    FloatVector s0 = FloatVector.zero(F);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int i = 0;
    for (int end = bound4(n); i < end; i += L4) {
      s0 = FloatVector.fromArray(F, x, xOff + i).fma(FloatVector.fromArray(F, y, yOff + i), s0);
      s1 = FloatVector.fromArray(F, x, xOff + i + L).fma(FloatVector.fromArray(F, y, yOff + i + L), s1);
      s2 = FloatVector.fromArray(F, x, xOff + i + 2 * L).fma(FloatVector.fromArray(F, y, yOff + i + 2 * L), s2);
      s3 = FloatVector.fromArray(F, x, xOff + i + 3 * L).fma(FloatVector.fromArray(F, y, yOff + i + 3 * L), s3);
    }
    for (int end = F.loopBound(n); i < end; i += L) {
      s0 = FloatVector.fromArray(F, x, xOff + i).fma(FloatVector.fromArray(F, y, yOff + i), s0);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      s1 = FloatVector.fromArray(F, x, xOff + i, m).fma(FloatVector.fromArray(F, y, yOff + i, m), s1);
    }
    return VectorMath.sum(s0.add(s1).add(s2.add(s3)));
  }

  static float sum(int n, float[] x, int xOff) {
    FloatVector s0 = FloatVector.zero(F);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int i = 0;
    for (int end = bound4(n); i < end; i += L4) {
      s0 = s0.add(FloatVector.fromArray(F, x, xOff + i));
      s1 = s1.add(FloatVector.fromArray(F, x, xOff + i + L));
      s2 = s2.add(FloatVector.fromArray(F, x, xOff + i + 2 * L));
      s3 = s3.add(FloatVector.fromArray(F, x, xOff + i + 3 * L));
    }
    for (int end = F.loopBound(n); i < end; i += L) {
      s0 = s0.add(FloatVector.fromArray(F, x, xOff + i));
    }
    if (i < n) {
      s1 = s1.add(FloatVector.fromArray(F, x, xOff + i, F.indexInRange(i, n)));
    }
    return VectorMath.sum(s0.add(s1).add(s2.add(s3)));
  }

  /**
   * Sum of squares in float when that is safe, else in double: float squares overflow above ~1.8e19 and
   * lose precision below ~1e-19, which only matters when the total is infinite or tiny.
   */
  static float nrm2(int n, float[] x, int xOff) {
    FloatVector s0 = FloatVector.zero(F);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int i = 0;
    for (int end = bound4(n); i < end; i += L4) {
      FloatVector v0 = FloatVector.fromArray(F, x, xOff + i);
      FloatVector v1 = FloatVector.fromArray(F, x, xOff + i + L);
      FloatVector v2 = FloatVector.fromArray(F, x, xOff + i + 2 * L);
      FloatVector v3 = FloatVector.fromArray(F, x, xOff + i + 3 * L);
      s0 = v0.fma(v0, s0);
      s1 = v1.fma(v1, s1);
      s2 = v2.fma(v2, s2);
      s3 = v3.fma(v3, s3);
    }
    for (int end = F.loopBound(n); i < end; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      s0 = v.fma(v, s0);
    }
    if (i < n) {
      FloatVector v = FloatVector.fromArray(F, x, xOff + i, F.indexInRange(i, n));
      s1 = v.fma(v, s1);
    }
    float squares = VectorMath.sum(s0.add(s1).add(s2.add(s3)));
    if (squares >= NRM2_SAFE_LOW && squares <= Float.MAX_VALUE) {
      return (float) Math.sqrt(squares);
    }
    // double holds every float square and their sum without overflow or underflow
    double s = 0;
    for (int j = 0; j < n; j++) {
      double v = x[xOff + j];
      s += v * v;
    }
    return (float) Math.sqrt(s);
  }

  /**
   * Two passes: the largest non-NaN value (lanes only move on a strict {@code >}, so NaN never wins), then
   * the first index holding it. The second pass usually stops early and costs little.
   */
  static int argmax(int n, float[] x, int xOff) {
    FloatVector best = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
    int i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      best = best.blend(v, v.compare(VectorOperators.GT, best));
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector v = FloatVector.fromArray(F, x, xOff + i, m);
      best = best.blend(v, v.compare(VectorOperators.GT, best, m));
    }
    float max = best.reduceLanes(VectorOperators.MAX);
    // every element is NaN or -inf when max is -inf: the first -inf if any, else 0 (all NaN)
    FloatVector target = FloatVector.broadcast(F, max);
    i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      VectorMask<Float> hit = FloatVector.fromArray(F, x, xOff + i).compare(VectorOperators.EQ, target);
      if (hit.anyTrue()) {
        return i + hit.firstTrue();
      }
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      VectorMask<Float> hit = FloatVector.fromArray(F, x, xOff + i, m).compare(VectorOperators.EQ, target, m);
      if (hit.anyTrue()) {
        return i + hit.firstTrue();
      }
    }
    return 0;
  }

  /** {@code y += alpha * x}, fused (one rounding per element). */
  static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    FloatVector a = FloatVector.broadcast(F, alpha);
    int i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      FloatVector.fromArray(F, x, xOff + i).fma(a, FloatVector.fromArray(F, y, yOff + i)).intoArray(y, yOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector.fromArray(F, x, xOff + i, m).fma(a, FloatVector.fromArray(F, y, yOff + i, m))
          .intoArray(y, yOff + i, m);
    }
  }

  static void scal(int n, float alpha, float[] x, int xOff) {
    int i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      FloatVector.fromArray(F, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector.fromArray(F, x, xOff + i, m).mul(alpha).intoArray(x, xOff + i, m);
    }
  }

  /** {@code z = x + y}; each element is read before it is written, so z may alias x or y. */
  static void add(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
    int i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      FloatVector.fromArray(F, x, xOff + i).add(FloatVector.fromArray(F, y, yOff + i)).intoArray(z, zOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector.fromArray(F, x, xOff + i, m).add(FloatVector.fromArray(F, y, yOff + i, m))
          .intoArray(z, zOff + i, m);
    }
  }

  /** {@code z = x * y}; z may alias x or y. */
  static void mul(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
    int i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      FloatVector.fromArray(F, x, xOff + i).mul(FloatVector.fromArray(F, y, yOff + i)).intoArray(z, zOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector.fromArray(F, x, xOff + i, m).mul(FloatVector.fromArray(F, y, yOff + i, m))
          .intoArray(z, zOff + i, m);
    }
  }
}
