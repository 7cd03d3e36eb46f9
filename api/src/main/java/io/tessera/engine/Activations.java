package io.tessera.engine;

/**
 * Scalar definitions of every {@link Activation} and its derivative: the reference that vectorised engines
 * are tested against, and the tail loop they may fall back to.
 */
public final class Activations {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
  private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
  /** PyTorch's softplus threshold (beta 1): above it, softplus(x) is x to float precision. */
  private static final float SOFTPLUS_THRESHOLD = 20f;

  private Activations() {
  }

  /** @return {@code f(x)} */
  public static float apply(Activation f, float x) {
    return switch (f.kind()) {
      case IDENTITY -> x;
      case SIGMOID -> (float) sigmoid(x);
      case TANH -> (float) Math.tanh(x);
      case RELU -> x > 0f ? x : 0f;
      case LEAKY_RELU -> x > 0f ? x : f.alpha() * x;
      case ELU -> x > 0f ? x : (float) (f.alpha() * Math.expm1(x));
      case SELU -> Activation.SELU_SCALE * (x > 0f ? x : (float) (Activation.SELU_ALPHA * Math.expm1(x)));
      case SOFTPLUS -> x > SOFTPLUS_THRESHOLD ? x : (float) Math.log1p(Math.exp(x));
      case GELU -> (float) (0.5 * x * erfc(-x * INV_SQRT_2));
      // 0.5 x (1 + tanh u) == x sigmoid(2u), without the cancellation of 1 + tanh u for negative u
      case GELU_TANH -> (float) (x * sigmoid(2.0 * SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
      case SWISH -> (float) (x * sigmoid(x));
    };
  }

  /** @return {@code f'(x)}, given the forward output {@code y = f(x)} */
  public static float derivative(Activation f, float x, float y) {
    return switch (f.kind()) {
      case IDENTITY -> 1f;
      case SIGMOID -> y * (1f - y);
      case TANH -> 1f - y * y;
      case RELU -> x > 0f ? 1f : 0f;
      case LEAKY_RELU -> x > 0f ? 1f : f.alpha();
      case ELU -> x > 0f ? 1f : y + f.alpha();
      case SELU -> x > 0f ? Activation.SELU_SCALE : y + Activation.SELU_SCALE * Activation.SELU_ALPHA;
      case SOFTPLUS -> x > SOFTPLUS_THRESHOLD ? 1f : (float) sigmoid(x);
      case GELU -> (float) (0.5 * erfc(-x * INV_SQRT_2) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
      case GELU_TANH -> {
        // with s = sigmoid(2u) = (1 + tanh u) / 2: d/dx [x s] = s + 2 x s (1 - s) u'
        double s = sigmoid(2.0 * SQRT_2_OVER_PI * (x + 0.044715 * x * x * x));
        double du = SQRT_2_OVER_PI * (1.0 + 3 * 0.044715 * x * x);
        yield (float) (s + 2.0 * x * s * (1.0 - s) * du);
      }
      case SWISH -> {
        double s = sigmoid(x);
        yield (float) (s * (1.0 + x * (1.0 - s)));
      }
    };
  }

  /** @return the logistic function, computed without overflow for large |x| */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /**
   * The error function to double precision (absolute error below 1.2e-7 is not enough for a reference, so this
   * uses the series for small |x| and the continued fraction of erfc beyond).
   */
  public static double erf(double x) {
    double ax = Math.abs(x);
    double r = ax < 2.5 ? erfSeries(ax) : 1.0 - erfcContinuedFraction(ax);
    return x < 0 ? -r : r;
  }

  /**
   * The complementary error function {@code 1 - erf(x)}, with full relative precision in the tail where
   * {@code 1 - erf(x)} would cancel (GELU of negative inputs needs it: {@code GELU(x) = x erfc(-x/sqrt 2) / 2}).
   */
  public static double erfc(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double ax = Math.abs(x);
    double tail = ax < 2.5 ? 1.0 - erfSeries(ax) : erfcContinuedFraction(ax);
    return x < 0 ? 2.0 - tail : tail;
  }

  /** Maclaurin series: erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1)), for 0 <= x < 2.5. */
  private static double erfSeries(double ax) {
    double term = ax;
    double sum = ax;
    double x2 = ax * ax;
    for (int n = 1; n < 60; n++) {
      term *= -x2 / n;
      double add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return 2.0 / Math.sqrt(Math.PI) * sum;
  }

  /**
   * Lentz's continued fraction erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))) for
   * x >= 2.5, where it converges in a few dozen terms.
   */
  private static double erfcContinuedFraction(double ax) {
    if (ax == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    double tiny = 1e-300;
    double f = ax;
    double c = ax;
    double d = 0;
    for (int n = 1; n < 200; n++) {
      double an = n / 2.0;
      d = ax + an * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = ax + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  }
}
