package io.tessera.engine.simd;

import io.tessera.engine.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised activations, their derivatives and the row-wise softmax family. Transcendentals come from
 * {@link VectorMath} (deterministic in every execution mode); the exact GELU needs {@code erfc}, computed
 * as {@code t * exp(-z^2 + P(t))} with {@code t = 1 / (1 + z/2)} and a degree-9 polynomial P least-squares
 * fitted (by us, over Chebyshev nodes) to {@code ln(erfc(z)/t) + z^2} on {@code [0, 10]}: relative error of
 * P below 5e-8, and below 2e-6 (z < 4) to 8e-6 (z < 9, where erfc < 1e-32) after float rounding of {@code z^2}.
 *
 * <p>Forms are chosen to avoid cancellation: {@code sigmoid = 1 / (1 + exp(-x))},
 * {@code GELU_TANH = x * sigmoid(2u)} (equal to {@code 0.5 x (1 + tanh u)}), and GELU uses {@code erfc} of
 * the negative tail directly.
 */
final class VectorActivations {
  private static final VectorSpecies<Float> F = FloatSpecies.F;
  private static final int L = FloatSpecies.L;
  private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);
  private static final float INV_SQRT_2 = (float) (1.0 / Math.sqrt(2.0));
  private static final float INV_SQRT_2PI = (float) (1.0 / Math.sqrt(2.0 * Math.PI));
  private static final float GELU_CUBIC = 0.044715f;
  private static final float SOFTPLUS_THRESHOLD = 20f;
  private static final float SELU_SLOPE_NEG = Activation.SELU_SCALE * Activation.SELU_ALPHA;
  /** P(t), lowest degree first. */
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
  /** Rows times columns above which softmax rows are spread over the engine's threads. */
  private static final long PARALLEL_MIN_ELEMENTS = 1L << 16;

  private VectorActivations() {
  }

  // ------------------------------------------------------------------------------------------ element-wise

  static void forward(Activation f, int n, float[] x, int xOff, float[] y, int yOff) {
    Activation.Kind kind = f.kind();
    if (kind == Activation.Kind.IDENTITY) {
      if (x != y || xOff != yOff) {
        System.arraycopy(x, xOff, y, yOff, n);
      }
      return;
    }
    float alpha = f.alpha();
    int i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      apply(kind, alpha, FloatVector.fromArray(F, x, xOff + i)).intoArray(y, yOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      apply(kind, alpha, FloatVector.fromArray(F, x, xOff + i, m)).intoArray(y, yOff + i, m);
    }
  }

  static void backward(Activation f, int n, float[] x, int xOff, float[] y, int yOff,
                       float[] dy, int dyOff, float[] dx, int dxOff) {
    Activation.Kind kind = f.kind();
    if (kind == Activation.Kind.IDENTITY) {
      if (dy != dx || dyOff != dxOff) {
        System.arraycopy(dy, dyOff, dx, dxOff, n);
      }
      return;
    }
    float alpha = f.alpha();
    int i = 0;
    for (int end = F.loopBound(n); i < end; i += L) {
      FloatVector d = derivative(kind, alpha, FloatVector.fromArray(F, x, xOff + i),
          FloatVector.fromArray(F, y, yOff + i));
      FloatVector.fromArray(F, dy, dyOff + i).mul(d).intoArray(dx, dxOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector d = derivative(kind, alpha, FloatVector.fromArray(F, x, xOff + i, m),
          FloatVector.fromArray(F, y, yOff + i, m));
      FloatVector.fromArray(F, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
    }
  }

  /** f(v) lane-wise; the switch is loop-invariant in the callers, which C2 unswitches after inlining. */
  private static FloatVector apply(Activation.Kind kind, float alpha, FloatVector v) {
    return switch (kind) {
      case IDENTITY -> v;
      case SIGMOID -> sigmoid(v);
      case TANH -> VectorMath.tanh(v);
      case RELU -> FloatVector.zero(F).blend(v, v.compare(VectorOperators.GT, 0f));
      case LEAKY_RELU -> v.mul(alpha).blend(v, v.compare(VectorOperators.GT, 0f));
      case ELU -> VectorMath.expm1(v).mul(alpha).blend(v, v.compare(VectorOperators.GT, 0f));
      case SELU -> VectorMath.expm1(v).mul(Activation.SELU_ALPHA)
          .blend(v, v.compare(VectorOperators.GT, 0f)).mul(Activation.SELU_SCALE);
      // log(1 + e^x) = max(x, 0) + log1p(e^-|x|), with e^-|x| in (0, 1]
      case SOFTPLUS -> VectorMath.log1pUnit(VectorMath.exp(v.abs().neg())).add(v.max(0f))
          .blend(v, v.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
      case GELU -> v.mul(normalCdf(v));
      case GELU_TANH -> v.div(VectorMath.exp(geluTanhInner(v).mul(-2f)).add(1f));
      case SWISH -> v.div(VectorMath.exp(v.neg()).add(1f));
    };
  }

  /** f'(x) lane-wise, given the forward outputs {@code y}. */
  private static FloatVector derivative(Activation.Kind kind, float alpha, FloatVector x, FloatVector y) {
    FloatVector one = FloatVector.broadcast(F, 1f);
    return switch (kind) {
      case IDENTITY -> one;
      case SIGMOID -> y.mul(one.sub(y));
      case TANH -> y.neg().fma(y, one);
      case RELU -> FloatVector.zero(F).blend(one, x.compare(VectorOperators.GT, 0f));
      case LEAKY_RELU -> FloatVector.broadcast(F, alpha).blend(one, x.compare(VectorOperators.GT, 0f));
      case ELU -> y.add(alpha).blend(one, x.compare(VectorOperators.GT, 0f));
      case SELU -> y.add(SELU_SLOPE_NEG).blend(FloatVector.broadcast(F, Activation.SELU_SCALE),
          x.compare(VectorOperators.GT, 0f));
      case SOFTPLUS -> sigmoid(x).blend(one, x.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
      case GELU -> VectorMath.exp(x.mul(x).mul(-0.5f)).mul(INV_SQRT_2PI).fma(x, normalCdf(x));
      case GELU_TANH -> {
        // d/dx [x s(2u)] = s + 2 x s (1 - s) u', with s = sigmoid(2u) and u' = c (1 + 3 * 0.044715 x^2)
        FloatVector e = VectorMath.exp(geluTanhInner(x).mul(-2f));
        FloatVector s = one.div(e.add(1f));
        FloatVector du = x.mul(x).mul(3f * GELU_CUBIC).add(1f).mul(SQRT_2_OVER_PI);
        yield x.mul(2f).mul(s).mul(oneMinusSigmoid(e, s)).fma(du, s);
      }
      case SWISH -> {
        // s (1 + x (1 - s)), with s = sigmoid(x)
        FloatVector e = VectorMath.exp(x.neg());
        FloatVector s = one.div(e.add(1f));
        yield x.mul(oneMinusSigmoid(e, s)).add(1f).mul(s);
      }
    };
  }

  /**
   * {@code 1 - s} for {@code s = 1 / (1 + e)}, as {@code e * s} so that it keeps its precision when s is near 1;
   * exactly 1 where e overflowed to infinity (and s is 0).
   */
  private static FloatVector oneMinusSigmoid(FloatVector e, FloatVector s) {
    return e.mul(s).blend(FloatVector.broadcast(F, 1f), s.compare(VectorOperators.EQ, 0f));
  }

  private static FloatVector sigmoid(FloatVector v) {
    return FloatVector.broadcast(F, 1f).div(VectorMath.exp(v.neg()).add(1f));
  }

  /** {@code u = sqrt(2/pi) (x + 0.044715 x^3)}. */
  private static FloatVector geluTanhInner(FloatVector x) {
    return x.mul(x).mul(GELU_CUBIC).fma(x, x).mul(SQRT_2_OVER_PI);
  }

  /** The standard normal CDF {@code Phi(x) = erfc(-x / sqrt 2) / 2}, without cancellation in either tail. */
  private static FloatVector normalCdf(FloatVector x) {
    FloatVector z = x.abs().mul(INV_SQRT_2);
    FloatVector t = FloatVector.broadcast(F, 1f).div(z.mul(0.5f).add(1f));
    FloatVector p = t.mul(P9).add(P8);
    p = p.fma(t, FloatVector.broadcast(F, P7));
    p = p.fma(t, FloatVector.broadcast(F, P6));
    p = p.fma(t, FloatVector.broadcast(F, P5));
    p = p.fma(t, FloatVector.broadcast(F, P4));
    p = p.fma(t, FloatVector.broadcast(F, P3));
    p = p.fma(t, FloatVector.broadcast(F, P2));
    p = p.fma(t, FloatVector.broadcast(F, P1));
    p = p.fma(t, FloatVector.broadcast(F, P0));
    FloatVector halfErfc = VectorMath.exp(z.neg().fma(z, p)).mul(t).mul(0.5f);
    // x < 0: Phi = erfc(|x|/sqrt 2) / 2; x >= 0: Phi = 1 - erfc(x/sqrt 2) / 2
    return halfErfc.neg().add(1f).blend(halfErfc, x.compare(VectorOperators.LT, 0f));
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

  /** Writes {@code exp(x - max)} and returns its sum. */
  private static float expShifted(int cols, float[] x, int xr, float max, float[] y, int yr, boolean store) {
    FloatVector sum = FloatVector.zero(F);
    int j = 0;
    for (int end = F.loopBound(cols); j < end; j += L) {
      FloatVector e = VectorMath.exp(FloatVector.fromArray(F, x, xr + j).sub(max));
      if (store) {
        e.intoArray(y, yr + j);
      }
      sum = sum.add(e);
    }
    if (j < cols) {
      VectorMask<Float> m = F.indexInRange(j, cols);
      FloatVector e = VectorMath.exp(FloatVector.fromArray(F, x, xr + j, m).sub(max));
      if (store) {
        e.intoArray(y, yr + j, m);
      }
      sum = sum.add(e, m);
    }
    return VectorMath.sum(sum);
  }

  private static void softmaxRow(int cols, float[] x, int xr, float[] y, int yr) {
    float max = rowMax(cols, x, xr);
    float sum = expShifted(cols, x, xr, max, y, yr, true);
    Level1.scal(cols, (float) (1.0 / sum), y, yr);
  }

  private static void logSoftmaxRow(int cols, float[] x, int xr, float[] y, int yr) {
    float max = rowMax(cols, x, xr);
    // (x - max) - log(sum): adding log(sum) to max first would round it to the ulp of max
    float logSum = (float) StrictMath.log(expShifted(cols, x, xr, max, y, yr, false));
    int j = 0;
    for (int end = F.loopBound(cols); j < end; j += L) {
      FloatVector.fromArray(F, x, xr + j).sub(max).sub(logSum).intoArray(y, yr + j);
    }
    if (j < cols) {
      VectorMask<Float> m = F.indexInRange(j, cols);
      FloatVector.fromArray(F, x, xr + j, m).sub(max).sub(logSum).intoArray(y, yr + j, m);
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
