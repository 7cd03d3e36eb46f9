package io.tessera.text;

import io.tessera.engine.Norm;
import java.util.Objects;

/**
 * How a {@link TfidfVectorizer} turns term counts into weights, with scikit-learn's {@code TfidfTransformer}
 * semantics. For a term {@code t} in a document:
 * <pre>
 *   tf  = count of t in the document (1 when the vectorizer counts binary)
 *   tf  = 1 + ln(tf)                                        when sublinearTf
 *   idf = ln((1 + n) / (1 + df(t))) + 1                     when useIdf and smoothIdf (the default)
 *   idf = ln(n / df(t)) + 1                                 when useIdf and not smoothIdf
 *   w   = tf * idf  (tf alone without useIdf), then each document's row is divided by its l2 or l1 norm
 * </pre>
 * where {@code n} is the number of documents the vectorizer was fitted on and {@code df(t)} the number of them
 * containing {@code t}. Weights are computed in {@code double} and stored rounded to {@code float}.
 *
 * @param useIdf      multiply by the inverse document frequency (default true)
 * @param smoothIdf   add one to the document counts, as if one extra document contained every term once,
 *                    which avoids division by zero (default true)
 * @param sublinearTf replace tf by {@code 1 + ln(tf)} (default false)
 * @param norm        the row normalization ({@link Norm#L2} by default; {@link Norm#NONE} keeps raw weights)
 */
public record TfidfWeighting(boolean useIdf, boolean smoothIdf, boolean sublinearTf, Norm norm) {

  /** scikit-learn's defaults: idf on, smoothed, linear tf, l2 norm. */
  public static final TfidfWeighting DEFAULT = new TfidfWeighting(true, true, false, Norm.L2);

  /** Checks that a norm is given. */
  public TfidfWeighting {
    Objects.requireNonNull(norm, "norm");
  }

  /** @return a copy with {@code useIdf} changed */
  public TfidfWeighting withUseIdf(boolean on) {
    return new TfidfWeighting(on, smoothIdf, sublinearTf, norm);
  }

  /** @return a copy with {@code smoothIdf} changed */
  public TfidfWeighting withSmoothIdf(boolean on) {
    return new TfidfWeighting(useIdf, on, sublinearTf, norm);
  }

  /** @return a copy with {@code sublinearTf} changed */
  public TfidfWeighting withSublinearTf(boolean on) {
    return new TfidfWeighting(useIdf, smoothIdf, on, norm);
  }

  /** @return a copy with the row normalization changed */
  public TfidfWeighting withNorm(Norm rowNorm) {
    return new TfidfWeighting(useIdf, smoothIdf, sublinearTf, rowNorm);
  }

  /** @return the idf of a term found in {@code df} of {@code documents} documents, as defined above */
  double idf(long df, long documents) {
    int smooth = smoothIdf ? 1 : 0;
    return StrictMath.log((double) (documents + smooth) / (double) (df + smooth)) + 1;
  }
}
