package io.tessera.models.cluster;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelCard;
import io.tessera.io.NumericTable;
import io.tessera.models.cluster.internal.Distances;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A trained K-Means model: {@code k} centroids in the scaled feature space, the cluster of every training row,
 * the inertia (sum of squared distances from rows to their centroids) and the iterations the winning run took.
 * Queries scale a row with the model's {@link #scaling()} and pick the nearest centroid by exact squared
 * Euclidean distance ({@code double} arithmetic; the lowest cluster index on ties). Immutable and thread-safe.
 */
public final class KMeansModel extends ClusteringModel {
  private final float[] centroids;
  private final double inertia;
  private final int iterations;

  /**
   * Assembles a model from its parts (the trainer and the codec use this; it validates, it does not train).
   *
   * @param card         the model card
   * @param featureNames one name per feature ({@code d} of them)
   * @param scaling      the scaling fitted on the training rows (identity when unscaled)
   * @param centroids    {@code k x d} values, row-major, in the scaled space
   * @param labels       the cluster of each training row, in {@code [0, k)}
   * @param rowClasses   the reference label of each training row, or an empty list
   * @param inertia      the sum of squared distances from the training rows to their centroids
   * @param iterations   the Lloyd iterations of the winning run
   * @throws IllegalArgumentException when the parts do not fit together
   */
  public KMeansModel(ModelCard card, List<String> featureNames, FeatureScaling scaling, float[] centroids,
                     int[] labels, List<String> rowClasses, double inertia, int iterations) {
    super(card, featureNames.isEmpty() ? 0 : centroids.length / featureNames.size(), featureNames, scaling, labels,
        rowClasses);
    if (featureNames.isEmpty() || centroids.length % featureNames.size() != 0) {
      throw new IllegalArgumentException(centroids.length + " centroid values do not form rows of "
          + featureNames.size() + " features");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == NOISE) {
        throw new IllegalArgumentException("K-Means assigns every row; row " + i + " has no cluster");
      }
    }
    for (float v : centroids) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("centroids must be finite, found " + v);
      }
    }
    if (!(inertia >= 0) || Double.isInfinite(inertia) || iterations < 0) {
      throw new IllegalArgumentException("inertia " + inertia + " and iterations " + iterations
          + " must be finite and non-negative");
    }
    this.centroids = centroids.clone();
    this.inertia = inertia;
    this.iterations = iterations;
  }

  /** @return the number of clusters */
  public int k() {
    return clusters();
  }

  /** @return the centroids, {@code k x d} row-major, in the scaled space (a copy) */
  public float[] centroids() {
    return centroids.clone();
  }

  /** @return centroid {@code cluster} in the scaled space (a copy) */
  public float[] centroid(int cluster) {
    return Arrays.copyOfRange(centroids, cluster * dimensions(), (cluster + 1) * dimensions());
  }

  /** @return centroid {@code cluster} mapped back to the units of the input columns */
  public float[] centroidInInputUnits(int cluster) {
    return scaling().invert(centroid(cluster));
  }

  /** @return the sum of squared distances from the training rows to their centroids (in the scaled space) */
  public double inertia() {
    return inertia;
  }

  /** @return the Lloyd iterations of the winning run */
  public int iterations() {
    return iterations;
  }

  /**
   * @param row one value per feature, in input units
   * @return the cluster whose centroid is nearest to the scaled row
   * @throws BadInputException when the row's length is not {@link #dimensions()}
   */
  public int predict(float[] row) {
    return Distances.nearest(scaling().apply(row), 0, centroids, k(), dimensions());
  }

  /**
   * @return the nearest cluster of every row of {@code table}
   * @throws BadInputException when the table's columns differ from the model's features
   */
  public int[] predict(NumericTable table) {
    float[] rows = scaledRows(table);
    int[] out = new int[table.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Distances.nearest(rows, i * dimensions(), centroids, k(), dimensions());
    }
    return out;
  }

  /**
   * Scikit-learn's {@code transform}: the row in cluster-distance space.
   *
   * @param row one value per feature, in input units
   * @return the Euclidean distance from the scaled row to each centroid
   */
  public double[] transform(float[] row) {
    float[] x = scaling().apply(row);
    double[] out = new double[k()];
    for (int c = 0; c < out.length; c++) {
      out[c] = Math.sqrt(Distances.squared(x, 0, centroids, c * dimensions(), dimensions()));
    }
    return out;
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "k-means: %d clusters of %d rows x %d features (scaling %s); "
        + "inertia %.6g after %d iterations%n", k(), rows(), dimensions(), scaling().kind(), inertia, iterations)
        + membershipSummary();
  }
}
