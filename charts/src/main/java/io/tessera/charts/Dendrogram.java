package io.tessera.charts;

import io.tessera.api.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dendrogram of a hierarchical clustering, given as a linkage matrix in SciPy's format
 * ({@code scipy.cluster.hierarchy.linkage}): {@code n - 1} rows of {@code (idx1, idx2, distance, count)}, where row
 * {@code i} merges clusters {@code idx1} and {@code idx2} at {@code distance} into cluster {@code n + i} of
 * {@code count} leaves; indices below {@code n} are the leaves. Leaves are listed top to bottom with their labels
 * on the left and the merge distance grows to the right. As in SciPy, every cluster that forms below the colour
 * threshold takes its own {@link Palette} colour and links above it are {@link Palette#NEUTRAL}. The default size
 * gives every leaf a line; when a tree has too many leaves for the height it is drawn at, the leaf labels are
 * left out rather than printed over each other.
 *
 * @param title           the title (may be empty)
 * @param distanceLabel   the label of the distance axis
 * @param linkage         the linkage matrix, {@code n - 1} rows of 4 values (copied)
 * @param leafLabels      one label per leaf, {@code n} of them
 * @param colourThreshold clusters that form below this distance are coloured; NaN means SciPy's default,
 *                        0.7 times the largest merge distance
 */
public record Dendrogram(String title, String distanceLabel, double[][] linkage, List<String> leafLabels,
                         double colourThreshold) implements Chart {

  /**
   * Validates the linkage against SciPy's rules and copies it.
   *
   * @throws BadInputException naming parameter {@code linkage} and the row at fault, or {@code leafLabels}
   */
  public Dendrogram {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(distanceLabel, "distanceLabel");
    linkage = validated(linkage);
    leafLabels = List.copyOf(leafLabels);
    if (leafLabels.size() != linkage.length + 1) {
      throw BadInputException.parameter("leafLabels", "a linkage of " + linkage.length + " rows joins "
          + (linkage.length + 1) + " leaves, but " + leafLabels.size() + " labels were given");
    }
    if (Double.isInfinite(colourThreshold) || colourThreshold < 0) {
      throw BadInputException.parameter("colourThreshold", "must be finite and >= 0 (or NaN for the default), got "
          + colourThreshold);
    }
  }

  private static double[][] validated(double[][] z) {
    if (z.length == 0) {
      throw BadInputException.parameter("linkage", "needs at least one row (two leaves)");
    }
    int n = z.length + 1;
    double[][] copy = new double[z.length][];
    int[] size = new int[2 * n - 1];
    boolean[] used = new boolean[2 * n - 1];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
    }
    for (int i = 0; i < z.length; i++) {
      double[] row = z[i];
      if (row == null || row.length != 4) {
        throw rowError(i, "has " + (row == null ? 0 : row.length) + " values, expected 4 (idx1, idx2, distance, "
            + "count)");
      }
      int a = index(row[0], i, n);
      int b = index(row[1], i, n);
      if (a == b) {
        throw rowError(i, "merges cluster " + a + " with itself");
      }
      for (int c : new int[] {a, b}) {
        if (used[c]) {
          throw rowError(i, "merges cluster " + c + ", which an earlier row already merged");
        }
        used[c] = true;
      }
      if (!Double.isFinite(row[2]) || row[2] < 0) {
        throw rowError(i, "has distance " + row[2] + "; distances must be finite and >= 0");
      }
      size[n + i] = size[a] + size[b];
      if (row[3] != size[n + i]) {
        throw rowError(i, "says count " + row[3] + " but clusters " + a + " and " + b + " hold " + size[n + i]
            + " leaves");
      }
      copy[i] = row.clone();
    }
    return copy;
  }

  private static int index(double v, int row, int n) {
    if (v != Math.rint(v) || v < 0 || v >= n + row) {
      throw rowError(row, "refers to cluster " + v + "; row " + row + " may join leaves 0.." + (n - 1)
          + (row > 0 ? " and clusters " + n + ".." + (n + row - 1) : ""));
    }
    return (int) v;
  }

  private static BadInputException rowError(int row, String problem) {
    return BadInputException.parameter("linkage", "row " + row + " " + problem);
  }

  /** @return the linkage matrix (a deep copy) */
  @Override
  public double[][] linkage() {
    double[][] copy = new double[linkage.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = linkage[i].clone();
    }
    return copy;
  }

  /** @return the number of leaves */
  public int leaves() {
    return linkage.length + 1;
  }

  /** @return the colour threshold in effect: the given one, or 0.7 times the largest merge distance */
  public double effectiveColourThreshold() {
    if (!Double.isNaN(colourThreshold)) {
      return colourThreshold;
    }
    double max = 0;
    for (double[] row : linkage) {
      max = Math.max(max, row[2]);
    }
    return 0.7 * max;
  }

  /**
   * @param title         the title (may be empty)
   * @param distanceLabel the label of the distance axis
   * @param linkage       the linkage matrix in SciPy's format (copied when built)
   * @return a builder with leaves labelled by their index and SciPy's default colour threshold
   */
  public static Builder builder(String title, String distanceLabel, double[][] linkage) {
    return new Builder(title, distanceLabel, linkage);
  }

  /** Builds a {@link Dendrogram}. */
  public static final class Builder {
    private final String title;
    private final String distanceLabel;
    private final double[][] linkage;
    private List<String> leafLabels;
    private double colourThreshold = Double.NaN;

    private Builder(String title, String distanceLabel, double[][] linkage) {
      this.title = title;
      this.distanceLabel = distanceLabel;
      this.linkage = Objects.requireNonNull(linkage, "linkage");
    }


    /** @return this builder, with one label per leaf (default: the leaf indices) */
    public Builder leafLabels(List<String> labels) {
      this.leafLabels = List.copyOf(labels);
      return this;
    }

    /** @return this builder, with the colour threshold set (NaN: SciPy's default) */
    public Builder colourThreshold(double distance) {
      this.colourThreshold = distance;
      return this;
    }

    /** @return the chart */
    public Dendrogram build() {
      List<String> labels = leafLabels;
      if (labels == null) {
        labels = new ArrayList<>();
        for (int i = 0; i <= linkage.length; i++) {
          labels.add(Integer.toString(i));
        }
      }
      return new Dendrogram(title, distanceLabel, linkage, labels, colourThreshold);
    }
  }
}
