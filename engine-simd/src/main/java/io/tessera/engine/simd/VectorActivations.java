package io.tessera.engine.simd;

import io.tessera.engine.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised activations, their derivatives and the row-wise softmax family.
 *
 * <p>Structure: a function that needs {@code exp} runs in blocks of {@link #BLOCK} elements as three array
 * passes: write the argument of exp into an L1-resident scratch block, {@link VectorMath#expInPlace}, then
 * combine. No vector value crosses a method boundary (C2 would box it if the callee is not inlined), and
 * every pass is a single loop whose kind switch is loop-invariant.
 *
 * <p>Forms are chosen to avoid cancellation: {@code sigmoid = 1 / (1 + e^-x)}, {@code 1 - sigmoid = e^-x s},
 * {@code GELU_TANH = x sigmoid(2u)} (equal to {@code 0.5 x (1 + tanh u)}), {@code softplus = max(x, 0) +
 * log1p(e^-|x|)}, and GELU uses {@code erfc} of the negative tail directly:
 * {@code erfc(z) = t exp(-z^2 + P(t))} with {@code t = 1 / (1 + z/2)} and a degree-9 polynomial P that we
 * least-squares fitted (Chebyshev nodes) to {@code ln(erfc(z)/t) + z^2} on {@code [0, 10]} (error of P below
 * 5e-8; after float rounding of {@code z^2}, relative error of erfc below 2e-6 for z &lt; 4 and 8e-6 for
 * z &lt; 9, where erfc &lt; 1e-35). Our other fits: {@code expm1(x) = x + x^2 M(x)} on {@code |x| <= 1/2}
 * (7.6e-9), {@code tanh(x) = x + x^3 T(x^2)} on {@code |x| <= 0.625} (2.0e-8); {@code log1p(t) = 2 atanh(t /
 * (2 + t))} by the atanh series. Measured against the double-precision reference over [-40, 40]: within
 * 1.3e-7 * (1 + |f|) for every function and derivative.
 */
final class VectorActivations {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  /** Elements per scratch block: 2 KiB, so the three passes over a block run in L1. */
  private static final int BLOCK = 512;
  private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);
  private static final float INV_SQRT_2 = (float) (1.0 / Math.sqrt(2.0));
  private static final float INV_SQRT_2PI = (float) (1.0 / Math.sqrt(2.0 * Math.PI));
  private static final float GELU_CUBIC = 0.044715f;
  private static final float SOFTPLUS_THRESHOLD = 20f;
  private static final float SELU_SLOPE_NEG = Activation.SELU_SCALE * Activation.SELU_ALPHA;
  /** P(t) of erfc, lowest degree first. */
  private static final float P0 = -1.265448f;
  private static final float P1 = 0.99863278f;
  private static final float P2 = 0.38664041f;
  private static final float P3 = 0.0346028f;
  private static final float P4 = 0.00126759f;
  private static final float P5 = -0.08028043f;
  private static final float P6 = -0.6962519f;
  private static final float P7 = 1.15673376f;
  private static final float P8 = -0.68082718f;
  private static final float P9 = 0.14493021f;
  /** M(x) of expm1. */
  private static final float M0 = 5.000000122e-01f;
  private static final float M1 = 1.666666714e-01f;
  private static final float M2 = 4.166579096e-02f;
  private static final float M3 = 8.333182041e-03f;
  private static final float M4 = 1.398219686e-03f;
  private static final float M5 = 1.996218606e-04f;
  private static final float EXPM1_SMALL = 0.5f;
  /** T(x^2) of tanh. */
  private static final float T0 = -3.333333141e-01f;
  private static final float T1 = 1.333289069e-01f;
  private static final float T2 = -5.386392106e-02f;
  private static final float T3 = 2.104569996e-02f;
  private static final float T4 = -6.155212827e-03f;
  private static final float TANH_SMALL = 0.625f;
  /** Rows times columns above which softmax rows are spread over the engine's threads. */
  private static final long PARALLEL_MIN_ELEMENTS = 1L << 18;

  /** What is written into the scratch block before exp. */
  private enum ExpArgument { NEG_X, NEG_ABS_X, TWO_ABS_X, X, ERFC, NEG_HALF_SQUARE, NEG_TWO_U }

  private VectorActivations() {
  }

  // ------------------------------------------------------------------------------------------ element-wise

  static void forward(Activation f, int n, float[] x, int xOff, float[] y, int yOff) {
    Activation.Kind kind = f.kind();
    ExpArgument arg = switch (kind) {
      case IDENTITY -> {
        if (x != y || xOff != yOff) {
          System.arraycopy(x, xOff, y, yOff, n);
        }
        yield null;
      }
      case RELU, LEAKY_RELU -> {
        finishForward(kind, f.alpha(), x, xOff, null, y, yOff, n);
        yield null;
      }
      case SIGMOID, SWISH -> ExpArgument.NEG_X;
      case SOFTPLUS -> ExpArgument.NEG_ABS_X;
      case TANH -> ExpArgument.TWO_ABS_X;
      case ELU, SELU -> ExpArgument.X;
      case GELU -> ExpArgument.ERFC;
      case GELU_TANH -> ExpArgument.NEG_TWO_U;
    };
    if (arg == null) {
      return;
    }
    float[] t = new float[Math.min(n, BLOCK)];
    for (int b = 0; b < n; b += BLOCK) {
      int len = Math.min(BLOCK, n - b);
      expArgument(arg, x, xOff + b, t, len);
      VectorMath.expInPlace(t, 0, len);
      // y may alias x: each element of x is read before the same element of y is written
      finishForward(kind, f.alpha(), x, xOff + b, t, y, yOff + b, len);
    }
  }

  static void backward(Activation f, int n, float[] x, int xOff, float[] y, int yOff,
                       float[] dy, int dyOff, float[] dx, int dxOff) {
    Activation.Kind kind = f.kind();
    ExpArgument arg = switch (kind) {
      case SOFTPLUS, SWISH -> ExpArgument.NEG_X;
      case GELU_TANH -> ExpArgument.NEG_TWO_U;
      case GELU -> ExpArgument.ERFC;
      default -> null; // derivatives from x and y alone
    };
    if (arg == null) {
      finishBackward(kind, f.alpha(), x, xOff, y, yOff, null, null, dy, dyOff, dx, dxOff, n);
      return;
    }
    float[] t = new float[Math.min(n, BLOCK)];
    float[] t2 = kind == Activation.Kind.GELU ? new float[t.length] : null;
    for (int b = 0; b < n; b += BLOCK) {
      int len = Math.min(BLOCK, n - b);
      expArgument(arg, x, xOff + b, t, len);
      VectorMath.expInPlace(t, 0, len);
      if (t2 != null) {
        expArgument(ExpArgument.NEG_HALF_SQUARE, x, xOff + b, t2, len);
        VectorMath.expInPlace(t2, 0, len);
      }
      finishBackward(kind, f.alpha(), x, xOff + b, y, yOff + b, t, t2, dy, dyOff + b, dx, dxOff + b, len);
    }
  }

  /** t[0..len) = the argument of exp for {@code x[xOff..xOff+len)}. */
  private static void expArgument(ExpArgument arg, float[] x, int xOff, float[] t, int len) {
    for (int i = 0; i < len; i += L) {
      VectorMask<Float> m = F.indexInRange(i, len);
      FloatVector v = FloatVector.fromArray(F, x, xOff + i, m);
      FloatVector r = switch (arg) {
        case NEG_X -> v.neg();
        case NEG_ABS_X -> v.abs().neg();
        case TWO_ABS_X -> v.abs().mul(2f);
        case X -> v;
        case ERFC -> {
          // -z^2 + P(t) for z = |x| / sqrt 2, t = 1 / (1 + z/2)
          FloatVector z = v.abs().mul(INV_SQRT_2);
          FloatVector tt = FloatVector.broadcast(F, 1f).div(z.mul(0.5f).add(1f));
          FloatVector p = tt.mul(P9).add(P8);
          p = p.fma(tt, FloatVector.broadcast(F, P7));
          p = p.fma(tt, FloatVector.broadcast(F, P6));
          p = p.fma(tt, FloatVector.broadcast(F, P5));
          p = p.fma(tt, FloatVector.broadcast(F, P4));
          p = p.fma(tt, FloatVector.broadcast(F, P3));
          p = p.fma(tt, FloatVector.broadcast(F, P2));
          p = p.fma(tt, FloatVector.broadcast(F, P1));
          p = p.fma(tt, FloatVector.broadcast(F, P0));
          yield z.neg().fma(z, p);
        }
        case NEG_HALF_SQUARE -> v.mul(v).mul(-0.5f);
        // -2u with u = sqrt(2/pi) (x + 0.044715 x^3)
        case NEG_TWO_U -> v.mul(v).mul(GELU_CUBIC).fma(v, v).mul(-2f * SQRT_2_OVER_PI);
      };
      r.intoArray(t, i, m);
    }
  }

  /** y = f(x), given {@code e = t[i]} = exp of the kind's argument (unused by RELU and LEAKY_RELU). */
  private static void finishForward(Activation.Kind kind, float alpha, float[] x, int xOff, float[] t,
                                    float[] y, int yOff, int len) {
    FloatVector one = FloatVector.broadcast(F, 1f);
    FloatVector zero = FloatVector.zero(F);
    for (int i = 0; i < len; i += L) {
      VectorMask<Float> m = F.indexInRange(i, len);
      FloatVector v = FloatVector.fromArray(F, x, xOff + i, m);
      FloatVector e = t == null ? zero : FloatVector.fromArray(F, t, i, m);
      VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
      FloatVector r = switch (kind) {
        case IDENTITY -> v;
        case RELU -> zero.blend(v, positive);
        case LEAKY_RELU -> v.mul(alpha).blend(v, positive);
        case SIGMOID -> one.div(e.add(1f));
        case SWISH, GELU_TANH -> v.div(e.add(1f));
        case TANH -> {
          FloatVector v2 = v.mul(v);
          FloatVector p = v2.fma(T4, T3);
          p = p.fma(v2, FloatVector.broadcast(F, T2));
          p = p.fma(v2, FloatVector.broadcast(F, T1));
          p = p.fma(v2, FloatVector.broadcast(F, T0));
          FloatVector small = v2.mul(v).fma(p, v);
          // 1 - 2 / (e^{2|x|} + 1), with the sign of x
          FloatVector large = one.sub(FloatVector.broadcast(F, 2f).div(e.add(1f)));
          large = large.blend(large.neg(), v.compare(VectorOperators.LT, 0f));
          yield large.blend(small, v.abs().compare(VectorOperators.LT, TANH_SMALL));
        }
        case ELU -> expm1(v, e).mul(alpha).blend(v, positive);
        case SELU -> expm1(v, e).mul(Activation.SELU_ALPHA).blend(v, positive).mul(Activation.SELU_SCALE);
        case SOFTPLUS -> {
          // max(x, 0) + log1p(e) with e = e^-|x| in (0, 1]: log1p(e) = 2 atanh(s), s = e / (2 + e) <= 1/3
          FloatVector s = e.div(e.add(2f));
          FloatVector s2 = s.mul(s);
          FloatVector p = s2.fma(1f / 13, 1f / 11);
          p = p.fma(s2, FloatVector.broadcast(F, 1f / 9));
          p = p.fma(s2, FloatVector.broadcast(F, 1f / 7));
          p = p.fma(s2, FloatVector.broadcast(F, 1f / 5));
          p = p.fma(s2, FloatVector.broadcast(F, 1f / 3));
          FloatVector log1p = s2.mul(p).fma(s, s).mul(2f);
          yield log1p.add(v.max(0f)).blend(v, v.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
        }
        case GELU -> v.mul(normalCdf(v, e));
      };
      r.intoArray(y, yOff + i, m);
    }
  }

  /**
   * dx = dy * f'(x), given y = f(x), {@code e = t[i]} = exp of the kind's argument and, for GELU,
   * {@code t2[i] = exp(-x^2 / 2)}.
   */
  private static void finishBackward(Activation.Kind kind, float alpha, float[] x, int xOff, float[] y, int yOff,
                                     float[] t, float[] t2, float[] dy, int dyOff, float[] dx, int dxOff, int len) {
    FloatVector one = FloatVector.broadcast(F, 1f);
    FloatVector zero = FloatVector.zero(F);
    for (int i = 0; i < len; i += L) {
      VectorMask<Float> m = F.indexInRange(i, len);
      FloatVector v = FloatVector.fromArray(F, x, xOff + i, m);
      FloatVector w = FloatVector.fromArray(F, y, yOff + i, m);
      FloatVector e = t == null ? zero : FloatVector.fromArray(F, t, i, m);
      VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
      FloatVector d = switch (kind) {
        case IDENTITY -> one;
        case SIGMOID -> w.mul(one.sub(w));
        case TANH -> w.neg().fma(w, one);
        case RELU -> zero.blend(one, positive);
        case LEAKY_RELU -> FloatVector.broadcast(F, alpha).blend(one, positive);
        case ELU -> w.add(alpha).blend(one, positive);
        case SELU -> w.add(SELU_SLOPE_NEG).blend(FloatVector.broadcast(F, Activation.SELU_SCALE), positive);
        case SOFTPLUS -> one.div(e.add(1f)).blend(one, v.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
        case SWISH -> {
          // s (1 + x (1 - s)), s = sigmoid(x) = 1 / (1 + e)
          FloatVector s = one.div(e.add(1f));
          yield v.mul(oneMinusSigmoid(e, s, one)).add(1f).mul(s);
        }
        case GELU_TANH -> {
          // s + 2 x s (1 - s) u', s = sigmoid(2u) = 1 / (1 + e), u' = sqrt(2/pi) (1 + 3 * 0.044715 x^2)
          FloatVector s = one.div(e.add(1f));
          FloatVector du = v.mul(v).mul(3f * GELU_CUBIC).add(1f).mul(SQRT_2_OVER_PI);
          yield v.mul(2f).mul(s).mul(oneMinusSigmoid(e, s, one)).fma(du, s);
        }
        case GELU -> FloatVector.fromArray(F, t2, i, m).mul(INV_SQRT_2PI).fma(v, normalCdf(v, e));
      };
      FloatVector.fromArray(F, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
    }
  }

  /** {@code e^x - 1} from {@code e = e^x}: a polynomial near 0, where {@code e - 1} would cancel. */
  private static FloatVector expm1(FloatVector v, FloatVector e) {
    FloatVector p = v.fma(M5, M4);
    p = p.fma(v, FloatVector.broadcast(F, M3));
    p = p.fma(v, FloatVector.broadcast(F, M2));
    p = p.fma(v, FloatVector.broadcast(F, M1));
    p = p.fma(v, FloatVector.broadcast(F, M0));
    FloatVector small = v.mul(v).fma(p, v);
    return e.sub(1f).blend(small, v.abs().compare(VectorOperators.LT, EXPM1_SMALL));
  }

  /**
   * {@code 1 - s} for {@code s = 1 / (1 + e)}, as {@code e s} so that it keeps its precision when s is near 1;
   * exactly 1 where e overflowed to infinity (and s is 0).
   */
  private static FloatVector oneMinusSigmoid(FloatVector e, FloatVector s, FloatVector one) {
    return e.mul(s).blend(one, s.compare(VectorOperators.EQ, 0f));
  }

  /**
   * The standard normal CDF {@code Phi(x) = erfc(-x / sqrt 2) / 2}, without cancellation in either tail,
   * from {@code e = exp(-z^2 + P(t))} (see the class comment).
   */
  private static FloatVector normalCdf(FloatVector v, FloatVector e) {
    // t exactly as in expArgument(ERFC)
    FloatVector tt = FloatVector.broadcast(F, 1f).div(v.abs().mul(INV_SQRT_2).mul(0.5f).add(1f));
    FloatVector halfErfc = e.mul(tt).mul(0.5f);
    // x < 0: Phi = erfc(|x|/sqrt 2) / 2; x >= 0: Phi = 1 - erfc(x/sqrt 2) / 2
    return halfErfc.neg().add(1f).blend(halfErfc, v.compare(VectorOperators.LT, 0f));
  }

  // ------------------------------------------------------------------------------------------ softmax

  /** The row-wise softmax family, spreading rows over the engine's threads when the matrix is large. */
  static void softmax(ComputePool pool, int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff,
                      int ldy) {
    forRows(pool, rows, cols, r -> softmaxRow(cols, x, xOff + r * ldx, y, yOff + r * ldy));
  }

  static void logSoftmax(ComputePool pool, int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff,
                         int ldy) {
    forRows(pool, rows, cols, r -> logSoftmaxRow(cols, x, xOff + r * ldx, y, yOff + r * ldy));
  }

  static void softmaxBackward(ComputePool pool, int rows, int cols, float[] y, int yOff, int ldy,
                              float[] dy, int dyOff, int lddy, float[] dx, int dxOff, int lddx) {
    forRows(pool, rows, cols,
        r -> softmaxBackwardRow(cols, y, yOff + r * ldy, dy, dyOff + r * lddy, dx, dxOff + r * lddx));
  }

  private static void forRows(ComputePool pool, int rows, int cols, java.util.function.IntConsumer row) {
    int tasks = (long) rows * cols < PARALLEL_MIN_ELEMENTS ? 1 : Math.min(pool.threads(), rows);
    if (tasks <= 1) {
      for (int r = 0; r < rows; r++) {
        row.accept(r);
      }
      return;
    }
    pool.parallelFor(tasks, t -> {
      int to = (int) ((long) rows * (t + 1) / tasks);
      for (int r = (int) ((long) rows * t / tasks); r < to; r++) {
        row.accept(r);
      }
    });
  }

  private static float rowMax(int cols, float[] x, int off) {
    FloatVector max = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
    int j = 0;
    for (int end = F.loopBound(cols); j < end; j += L) {
      max = max.max(FloatVector.fromArray(F, x, off + j));
    }
    float result = max.reduceLanes(VectorOperators.MAX);
    if (j < cols) {
      VectorMask<Float> m = F.indexInRange(j, cols);
      result = Math.max(result, FloatVector.fromArray(F, x, off + j, m).reduceLanes(VectorOperators.MAX, m));
    }
    return result;
  }

  /** y = x - max, element by element (y may alias x). */
  private static void subtract(int cols, float[] x, int xr, float max, float[] y, int yr) {
    for (int j = 0; j < cols; j += L) {
      VectorMask<Float> m = F.indexInRange(j, cols);
      FloatVector.fromArray(F, x, xr + j, m).sub(max).intoArray(y, yr + j, m);
    }
  }

  private static void softmaxRow(int cols, float[] x, int xr, float[] y, int yr) {
    float max = rowMax(cols, x, xr);
    subtract(cols, x, xr, max, y, yr);
    VectorMath.expInPlace(y, yr, cols);
    Level1.scal(cols, (float) (1.0 / Level1.sum(cols, y, yr)), y, yr);
  }

  private static void logSoftmaxRow(int cols, float[] x, int xr, float[] y, int yr) {
    float max = rowMax(cols, x, xr);
    subtract(cols, x, xr, max, y, yr);
    // sum of exp(x - max) through a scratch block, since y must keep x - max
    float[] t = new float[Math.min(cols, BLOCK)];
    float sum = 0f;
    for (int b = 0; b < cols; b += BLOCK) {
      int len = Math.min(BLOCK, cols - b);
      System.arraycopy(y, yr + b, t, 0, len);
      VectorMath.expInPlace(t, 0, len);
      sum += Level1.sum(len, t, 0);
    }
    // (x - max) - log(sum): adding log(sum) to max first would round it to the ulp of max
    float logSum = (float) StrictMath.log(sum);
    for (int j = 0; j < cols; j += L) {
      VectorMask<Float> m = F.indexInRange(j, cols);
      FloatVector.fromArray(F, y, yr + j, m).sub(logSum).intoArray(y, yr + j, m);
    }
  }

  private static void softmaxBackwardRow(int cols, float[] y, int yr, float[] dy, int dyr, float[] dx, int dxr) {
    FloatVector dot = FloatVector.broadcast(F, Level1.dot(cols, dy, dyr, y, yr));
    int j = 0;
    for (int end = F.loopBound(cols); j < end; j += L) {
      FloatVector.fromArray(F, dy, dyr + j).sub(dot).mul(FloatVector.fromArray(F, y, yr + j))
          .intoArray(dx, dxr + j);
    }
    if (j < cols) {
      VectorMask<Float> m = F.indexInRange(j, cols);
      FloatVector.fromArray(F, dy, dyr + j, m).sub(dot).mul(FloatVector.fromArray(F, y, yr + j, m))
          .intoArray(dx, dxr + j, m);
    }
  }
}
