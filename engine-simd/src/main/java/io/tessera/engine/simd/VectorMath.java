package io.tessera.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Deterministic vector math: lane sums and {@code exp}, {@code expm1}, {@code tanh}, {@code log1p} built only
 * from IEEE add, multiply, divide, FMA and bit manipulation.
 *
 * <p>Why not {@code reduceLanes(ADD)} and {@code lanewise(EXP)}: both may give different bits before and after
 * C2 compiles a method (the interpreter sums lanes in another order and calls {@code Math.exp} per lane,
 * compiled code uses a tree and SVML), which would break the engine's identical-bits promise across JIT
 * warm-up. Basic IEEE operations round the same in every execution mode.
 *
 * <p>The polynomials were least-squares fitted by us on Chebyshev nodes (numpy, double precision):
 * {@code exp(r) = 1 + r + r^2 E(r)} on {@code |r| <= ln2/2} (relative error 1.1e-8),
 * {@code expm1(x) = x + x^2 M(x)} on {@code |x| <= 1/2} (7.6e-9), {@code tanh(x) = x + x^3 T(x^2)} on
 * {@code |x| <= 0.625} (2.0e-8); {@code log1p(t) = 2 atanh(t / (2 + t))} uses the atanh series. After float
 * rounding all are within about 2 ulp of the exact value.
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
  private static final float M0 = 5.000000122e-01f;
  private static final float M1 = 1.666666714e-01f;
  private static final float M2 = 4.166579096e-02f;
  private static final float M3 = 8.333182041e-03f;
  private static final float M4 = 1.398219686e-03f;
  private static final float M5 = 1.996218606e-04f;
  private static final float EXPM1_SMALL = 0.5f;
  private static final float T0 = -3.333333141e-01f;
  private static final float T1 = 1.333289069e-01f;
  private static final float T2 = -5.386392106e-02f;
  private static final float T3 = 2.104569996e-02f;
  private static final float T4 = -6.155212827e-03f;
  private static final float TANH_SMALL = 0.625f;

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

  /** @return {@code e^x} per lane: {@code x = n ln2 + r}, {@code e^x = 2^n e^r}, 2^n applied in two halves */
  static FloatVector exp(FloatVector x) {
    FloatVector xc = x.min(EXP_MAX_ARG).max(EXP_MIN_ARG);
    FloatVector n = xc.fma(LOG2_E, ROUND_MAGIC).sub(ROUND_MAGIC);
    FloatVector r = n.neg().fma(FloatVector.broadcast(F, LN2_HI), xc);
    r = n.neg().fma(FloatVector.broadcast(F, LN2_LO), r);
    FloatVector p = r.fma(E4, E3);
    p = p.fma(r, FloatVector.broadcast(F, E2));
    p = p.fma(r, FloatVector.broadcast(F, E1));
    p = p.fma(r, FloatVector.broadcast(F, E0));
    FloatVector er = r.mul(r).fma(p, r).add(1f);
    IntVector ni = (IntVector) n.convert(VectorOperators.F2I, 0);
    IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
    IntVector n2 = ni.sub(n1);
    FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return er.mul(s1).mul(s2);
  }

  /** @return {@code e^x - 1} per lane, accurate near 0 */
  static FloatVector expm1(FloatVector x) {
    FloatVector p = x.fma(M5, M4);
    p = p.fma(x, FloatVector.broadcast(F, M3));
    p = p.fma(x, FloatVector.broadcast(F, M2));
    p = p.fma(x, FloatVector.broadcast(F, M1));
    p = p.fma(x, FloatVector.broadcast(F, M0));
    FloatVector small = x.mul(x).fma(p, x);
    FloatVector large = exp(x).sub(1f);
    return large.blend(small, x.abs().compare(VectorOperators.LT, EXPM1_SMALL));
  }

  /** @return {@code tanh x} per lane: a polynomial near 0, {@code 1 - 2 / (e^{2|x|} + 1)} with x's sign beyond */
  static FloatVector tanh(FloatVector x) {
    FloatVector a = x.abs();
    FloatVector x2 = x.mul(x);
    FloatVector p = x2.fma(T4, T3);
    p = p.fma(x2, FloatVector.broadcast(F, T2));
    p = p.fma(x2, FloatVector.broadcast(F, T1));
    p = p.fma(x2, FloatVector.broadcast(F, T0));
    FloatVector small = x2.mul(x).fma(p, x);
    FloatVector large = FloatVector.broadcast(F, 1f).sub(FloatVector.broadcast(F, 2f).div(exp(a.mul(2f)).add(1f)));
    large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0f));
    return large.blend(small, a.compare(VectorOperators.LT, TANH_SMALL));
  }

  /**
   * @return {@code ln(1 + t)} per lane for {@code 0 <= t <= 1}, as {@code 2 atanh(s)} with {@code s = t / (2 + t)}
   *     (no cancellation for small t; {@code s <= 1/3}, so seven terms of the series reach float precision)
   */
  static FloatVector log1pUnit(FloatVector t) {
    FloatVector s = t.div(t.add(2f));
    FloatVector s2 = s.mul(s);
    FloatVector p = s2.fma(1f / 13, 1f / 11);
    p = p.fma(s2, FloatVector.broadcast(F, 1f / 9));
    p = p.fma(s2, FloatVector.broadcast(F, 1f / 7));
    p = p.fma(s2, FloatVector.broadcast(F, 1f / 5));
    p = p.fma(s2, FloatVector.broadcast(F, 1f / 3));
    return s2.mul(p).fma(s, s).mul(2f);
  }
}
