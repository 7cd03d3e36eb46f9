package org.example.tessera.hello;

import io.tessera.api.BadInputException;
import io.tessera.api.Model;
import io.tessera.api.ModelCard;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A trained nearest-centroid classifier: one centroid per class; a row gets the class of the nearest centroid
 * (the first class, in sorted order, on ties). Immutable and thread-safe.
 */
public final class NearestCentroidModel implements Model {
  private final ModelCard card;
  private final List<String> features;
  private final List<String> classes;
  private final double[] centroids;
  private final NearestCentroidConfig.Metric metric;
  private final double trainingAccuracy;

  /**
   * @param card             the model card
   * @param features         the feature names ({@code d})
   * @param classes          the class names, sorted
   * @param centroids        {@code classes x d} values, row-major
   * @param metric           the distance used by {@link #predict}
   * @param trainingAccuracy the fraction of training rows {@link #predict} gets right
   */
  public NearestCentroidModel(ModelCard card, List<String> features, List<String> classes, double[] centroids,
                              NearestCentroidConfig.Metric metric, double trainingAccuracy) {
    if (features.isEmpty() || classes.isEmpty() || centroids.length != classes.size() * features.size()) {
      throw new IllegalArgumentException(centroids.length + " centroid values do not fit " + classes.size()
          + " classes x " + features.size() + " features");
    }
    this.card = card;
    this.features = List.copyOf(features);
    this.classes = List.copyOf(classes);
    this.centroids = centroids.clone();
    this.metric = metric;
    this.trainingAccuracy = trainingAccuracy;
  }

  @Override
  public ModelCard card() {
    return card;
  }

  /** @return the feature names */
  public List<String> features() {
    return features;
  }

  /** @return the class names, sorted */
  public List<String> classes() {
    return classes;
  }

  /** @return the centroid of class {@code c} (a copy) */
  public double[] centroid(int c) {
    return Arrays.copyOfRange(centroids, c * features.size(), (c + 1) * features.size());
  }

  /** @return the distance used by {@link #predict} */
  public NearestCentroidConfig.Metric metric() {
    return metric;
  }

  /** @return the fraction of training rows classified correctly */
  public double trainingAccuracy() {
    return trainingAccuracy;
  }

  /**
   * @param row one value per feature
   * @return the class whose centroid is nearest
   */
  public String predict(float[] row) {
    return classes.get(nearest(row, 0));
  }

  /** @return the index of the class nearest to the {@code d} values of {@code x} from {@code off} */
  int nearest(float[] x, int off) {
    int d = features.size();
    if (x.length - off < d) {
      throw BadInputException.of("row has " + (x.length - off) + " values, the model expects " + d);
    }
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < classes.size(); c++) {
      double distance = 0;
      for (int f = 0; f < d; f++) {
        double diff = x[off + f] - centroids[c * d + f];
        distance += metric == NearestCentroidConfig.Metric.MANHATTAN ? Math.abs(diff) : diff * diff;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    return best;
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "nearest centroid (%s): %d classes %s, %d features; training accuracy %.4f",
        metric.id(), classes.size(), classes, features.size(), trainingAccuracy);
  }
}
