package io.tessera.text;

import io.tessera.api.BadInputException;
import java.util.Objects;

/**
 * A document-frequency bound of a vectorizer ({@code min_df} or {@code max_df}), as scikit-learn reads it: an
 * integer is a number of documents, a real number in {@code [0, 1]} a fraction of the documents. So
 * {@code min_df=1} keeps terms found in at least one document, while {@code min_df=1.0} keeps only terms found
 * in every document. Instances are immutable.
 */
public final class DocFrequency {
  private final String parameter;
  private final long count;
  private final double fraction;
  private final boolean isFraction;

  private DocFrequency(String parameter, long count, double fraction, boolean isFraction) {
    this.parameter = parameter;
    this.count = count;
    this.fraction = fraction;
    this.isFraction = isFraction;
  }

  /**
   * @return a bound of {@code documents} documents, at least 1
   * @throws BadInputException naming {@code parameter} otherwise
   */
  static DocFrequency count(String parameter, long documents) {
    if (documents < 1) {
      throw BadInputException.parameter(parameter, documents + " is outside the allowed range [1, inf) for a "
          + "number of documents (write a fraction such as 0.0 or 1.0 for a share of the documents)");
    }
    return new DocFrequency(parameter, documents, 0, false);
  }

  /**
   * @return a bound of {@code share} of the documents, in {@code [0, 1]}
   * @throws BadInputException naming {@code parameter} otherwise
   */
  static DocFrequency fraction(String parameter, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw BadInputException.parameter(parameter, share + " is outside the allowed range [0, 1] for a fraction "
          + "of the documents (write an integer such as 5 for a number of documents)");
    }
    return new DocFrequency(parameter, 0, share, true);
  }

  /**
   * Reads {@code text} as scikit-learn reads a Python literal: digits only mean a number of documents, anything
   * else ({@code 0.5}, {@code 1.0}, {@code 1e-3}) a fraction.
   *
   * @throws BadInputException naming {@code parameter} when the text is neither or out of range
   */
  static DocFrequency parse(String parameter, String text) {
    String t = text.strip();
    if (!t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return count(parameter, Long.parseLong(t));
      } catch (NumberFormatException e) {
        throw BadInputException.parameter(parameter, "'" + text + "' is too large");
      }
    }
    try {
      return fraction(parameter, Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw BadInputException.parameter(parameter, "'" + text + "' is neither a number of documents (such as 5) "
          + "nor a fraction of them (such as 0.5)");
    }
  }

  /** @return whether this bound is a fraction of the documents rather than a number of them */
  public boolean isFraction() {
    return isFraction;
  }

  /**
   * @return the bound in documents for a corpus of {@code documents} documents: the count itself, or
   *     {@code fraction * documents} (not rounded, as scikit-learn compares document frequencies with it)
   */
  public double threshold(long documents) {
    return isFraction ? fraction * documents : count;
  }

  /** @return the parameter this bound belongs to ({@code min_df} or {@code max_df}) */
  public String parameter() {
    return parameter;
  }

  /** @return the bound as a Python literal would show it ({@code 5}, {@code 0.5}, {@code 1.0}) */
  @Override
  public String toString() {
    return isFraction ? Double.toString(fraction) : Long.toString(count);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocFrequency d && parameter.equals(d.parameter) && isFraction == d.isFraction
        && count == d.count && Double.compare(fraction, d.fraction) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, isFraction, count, fraction);
  }
}
