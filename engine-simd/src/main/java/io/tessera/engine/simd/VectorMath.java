package io.tessera.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Deterministic vector math: lane sums and {@code exp} built only from IEEE add, multiply, FMA and bit
 * manipulation.
 *
 * <p>Why not {@code reduceLanes(ADD)} and {@code lanewise(EXP)}: both may give different bits before and after
 * C2 compiles a method (the interpreter sums lanes in another order and calls {@code Math.exp} per lane,
 * compiled code uses a tree and SVML), which would break the engine's identical-bits promise across JIT
 * warm-up. Basic IEEE operations round the same in every execution mode.
 *
 * <p>{@code exp} works on arrays, not on vector arguments: C2 does not reliably inline a method this large,
 * and a vector passed to or returned from a method that is not inlined is boxed on the heap, which made the
 * first version of the activations 10-30 times slower.
 *
 * <p>The polynomial was least-squares fitted by us on Chebyshev nodes (numpy, double precision):
 * {@code exp(r) = 1 + r + r^2 E(r)} on {@code |r| <= ln2/2}, relative error 1.1e-8 before float rounding.
 */
final class VectorMath {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;

  private static final float LOG2_E = 1.44269504088896341f;
  private static final float LN2_HI = 0.693145751953125f; // 12 significant bits: n * LN2_HI is exact
  private static final float LN2_LO = 1.42860682030941723e-6f;
  /** Adding 1.5 * 2^23 rounds a float of magnitude below 2^22 to an integer (round half to even). */
  private static final float ROUND_MAGIC = 12582912f;
  /** exp overflows above ~88.72 and underflows to 0 below ~-103.97: clamping keeps 2^n representable. */
  private static final float EXP_MAX_ARG = 88.8f;
  private static final float EXP_MIN_ARG = -104f;
  private static final float E0 = 5.000000013e-01f;
  private static final float E1 = 1.666657700e-01f;
  private static final float E2 = 4.166646489e-02f;
  private static final float E3 = 8.363175566e-03f;
  private static final float E4 = 1.393364954e-03f;

  private VectorMath() {
  }

  /** @return the sum of the lanes, always added as the same fixed tree of halves */
  static float sum(FloatVector v) {
    FloatVector s = v;
    for (int half = L >> 1; half > 0; half >>= 1) {
      s = s.add(s.slice(half));
    }
    return s.lane(0);
  }

  /**
   * {@code t[i] = e^t[i]} for {@code n} elements from {@code off}: {@code x = k ln2 + r}, {@code e^x = 2^k e^r},
   * with 2^k applied in two halves so that results down to the subnormal range stay exact in the exponent.
   * About 2 ulp; NaN stays NaN, overflow gives infinity, underflow 0.
   */
  static void expInPlace(float[] t, int off, int n) {
    for (int i = 0; i < n; i += L) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector x = FloatVector.fromArray(F, t, off + i, m).min(EXP_MAX_ARG).max(EXP_MIN_ARG);
      FloatVector k = x.fma(LOG2_E, ROUND_MAGIC).sub(ROUND_MAGIC);
      FloatVector r = k.neg().fma(FloatVector.broadcast(F, LN2_HI), x);
      r = k.neg().fma(FloatVector.broadcast(F, LN2_LO), r);
      FloatVector p = r.fma(E4, E3);
      p = p.fma(r, FloatVector.broadcast(F, E2));
      p = p.fma(r, FloatVector.broadcast(F, E1));
      p = p.fma(r, FloatVector.broadcast(F, E0));
      FloatVector er = r.mul(r).fma(p, r).add(1f);
      IntVector ki = (IntVector) k.convert(VectorOperators.F2I, 0);
      IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
      IntVector k2 = ki.sub(k1);
      FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
      FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
      er.mul(s1).mul(s2).intoArray(t, off + i, m);
    }
  }
}
