package io.tessera.spi;

/**
 * The allowed interval of a numeric hyperparameter; either bound may be open, closed or absent.
 *
 * @param min          the lower bound, or {@code -Infinity}
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          the upper bound, or {@code +Infinity}
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

  /** Any finite value. */
  public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

  public Range {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
  }

  /** {@code [min, max]}. */
  public static Range closed(double min, double max) {
    return new Range(min, true, max, true);
  }

  /** {@code [min, +inf)}. */
  public static Range atLeast(double min) {
    return new Range(min, true, Double.POSITIVE_INFINITY, false);
  }

  /** {@code (min, +inf)}. */
  public static Range greaterThan(double min) {
    return new Range(min, false, Double.POSITIVE_INFINITY, false);
  }

  /** {@code (min, max]}. */
  public static Range openClosed(double min, double max) {
    return new Range(min, false, max, true);
  }

  /** {@code [min, max)}. */
  public static Range closedOpen(double min, double max) {
    return new Range(min, true, max, false);
  }

  /** @return whether {@code v} lies in the range (NaN never does) */
  public boolean contains(double v) {
    if (Double.isNaN(v)) {
      return false;
    }
    boolean aboveMin = minInclusive ? v >= min : v > min;
    boolean belowMax = maxInclusive ? v <= max : v < max;
    return aboveMin && belowMax;
  }

  @Override
  public String toString() {
    return (minInclusive ? "[" : "(") + bound(min) + ", " + bound(max) + (maxInclusive ? "]" : ")");
  }

  private static String bound(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
