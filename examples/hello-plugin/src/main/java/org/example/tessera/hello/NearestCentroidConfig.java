package org.example.tessera.hello;

import io.tessera.api.BadInputException;
import java.util.Locale;
import java.util.Objects;

/**
 * Hyperparameters of the nearest-centroid classifier, as in scikit-learn's {@code NearestCentroid}.
 *
 * @param metric          how distances to the centroids are measured
 * @param shrinkThreshold shrinks each centroid towards the overall mean by this many (pooled, per-feature)
 *                        standard errors, zeroing features that do not separate the classes; 0 disables it
 */
public record NearestCentroidConfig(Metric metric, double shrinkThreshold) {

  /** The distance between a row and a centroid. */
  public enum Metric {
    /** Straight-line distance; centroids are the per-class means. */
    EUCLIDEAN,
    /** Sum of absolute differences; centroids are the per-class medians, which minimise it. */
    MANHATTAN;

    /** @return the lower-case name used in {@code metric=...} */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates the values; errors name the parameter as typed on the command line. */
  public NearestCentroidConfig {
    Objects.requireNonNull(metric, "metric");
    if (!(shrinkThreshold >= 0) || Double.isInfinite(shrinkThreshold)) {
      throw BadInputException.parameter("shrink_threshold", shrinkThreshold + " must be a finite number >= 0");
    }
  }
}
