package io.tessera.models.cluster;

import io.tessera.api.BadInputException;
import io.tessera.api.Model;
import io.tessera.api.ModelCard;
import io.tessera.io.NumericTable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What every clustering model of the family knows about its training data: the feature names, the scaling
 * applied before distances, the cluster of each training row, and, when the training table had a label
 * column (such as iris's {@code species}), those reference labels and the agreement of the clusters with them.
 * Immutable and safe to share between threads; accessors return copies.
 */
public abstract sealed class ClusteringModel implements Model permits KMeansModel {

  /** The label of a training row that belongs to no cluster (noise, for density-based algorithms). */
  public static final int NOISE = -1;

  private static final int MAX_TABLE_CLUSTERS = 30;
  private static final int MAX_TABLE_CLASSES = 12;

  private final ModelCard card;
  private final int clusters;
  private final List<String> featureNames;
  private final FeatureScaling scaling;
  private final int[] labels;
  private final List<String> classes;
  private final int[] classOfRow;
  private final double adjustedRandIndex;

  /**
   * @param card         the model card
   * @param clusters     the number of clusters; labels lie in {@code [0, clusters)} or are {@link #NOISE}
   * @param featureNames one name per feature
   * @param scaling      the scaling applied to rows before distances, on as many features
   * @param labels       the cluster of each training row
   * @param rowClasses   the reference label of each training row, or an empty list when there are none
   * @throws IllegalArgumentException when the parts do not fit together
   */
  protected ClusteringModel(ModelCard card, int clusters, List<String> featureNames, FeatureScaling scaling,
                            int[] labels, List<String> rowClasses) {
    this.card = Objects.requireNonNull(card, "card");
    this.featureNames = List.copyOf(featureNames);
    this.scaling = Objects.requireNonNull(scaling, "scaling");
    this.labels = labels.clone();
    this.clusters = clusters;
    if (clusters < 1) {
      throw new IllegalArgumentException("a model needs at least one cluster, got " + clusters);
    }
    if (scaling.dimensions() != this.featureNames.size()) {
      throw new IllegalArgumentException(this.featureNames.size() + " feature names but scaling of "
          + scaling.dimensions() + " features");
    }
    for (int i = 0; i < this.labels.length; i++) {
      if (this.labels[i] < NOISE || this.labels[i] >= clusters) {
        throw new IllegalArgumentException("label of row " + i + " is " + this.labels[i] + ", outside [" + NOISE
            + ", " + clusters + ")");
      }
    }
    if (!rowClasses.isEmpty() && rowClasses.size() != this.labels.length) {
      throw new IllegalArgumentException(this.labels.length + " rows but " + rowClasses.size() + " reference labels");
    }
    this.classes = rowClasses.stream().distinct().sorted().toList();
    this.classOfRow = new int[rowClasses.size()];
    for (int i = 0; i < classOfRow.length; i++) {
      classOfRow[i] = Collections.binarySearch(classes, rowClasses.get(i));
    }
    this.adjustedRandIndex = classOfRow.length == 0 ? Double.NaN
        : ClusterMetrics.adjustedRandIndex(classOfRow, this.labels);
  }

  @Override
  public ModelCard card() {
    return card;
  }

  /** @return the number of clusters */
  public int clusters() {
    return clusters;
  }

  /** @return the feature names, in column order */
  public List<String> featureNames() {
    return featureNames;
  }

  /** @return the number of features */
  public int dimensions() {
    return featureNames.size();
  }

  /** @return the scaling applied to rows before distances are measured */
  public FeatureScaling scaling() {
    return scaling;
  }

  /** @return the number of training rows */
  public int rows() {
    return labels.length;
  }

  /** @return the cluster of each training row ({@link #NOISE} for none), a copy */
  public int[] labels() {
    return labels.clone();
  }

  /** @return the number of training rows in each cluster (noise rows are not counted) */
  public int[] clusterSizes() {
    int[] sizes = new int[clusters];
    for (int label : labels) {
      if (label != NOISE) {
        sizes[label]++;
      }
    }
    return sizes;
  }

  /** @return the reference label of each training row, or an empty list when the training table had none */
  public List<String> referenceLabels() {
    return Arrays.stream(classOfRow).mapToObj(classes::get).toList();
  }

  /**
   * @return the adjusted Rand index of the clusters against the reference labels (see
   *     {@link ClusterMetrics#adjustedRandIndex}), or empty when the training table had no labels
   */
  public OptionalDouble adjustedRandIndex() {
    return classOfRow.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(adjustedRandIndex);
  }

  /**
   * @return the rows of {@code table} scaled into the model's space, row-major
   * @throws BadInputException when the table's columns differ from the model's features
   */
  protected float[] scaledRows(NumericTable table) {
    if (!table.columns().equals(featureNames)) {
      throw BadInputException.of("table columns " + table.columns() + " differ from the model's features "
          + featureNames);
    }
    float[] out = new float[table.values().length];
    scaling.apply(table.values(), 0, out, 0, table.rows());
    return out;
  }

  /**
   * @return the cluster sizes, and, when there are reference labels, the adjusted Rand index and the
   *     contingency table (clusters by reference labels) when it is small enough to read
   */
  protected String membershipSummary() {
    StringBuilder s = new StringBuilder("cluster sizes: ");
    int[] sizes = clusterSizes();
    for (int c = 0; c < clusters; c++) {
      s.append(c == 0 ? "" : ", ").append(sizes[c]);
    }
    long noise = Arrays.stream(labels).filter(l -> l == NOISE).count();
    if (noise > 0) {
      s.append("; noise: ").append(noise);
    }
    if (classOfRow.length == 0) {
      return s.toString();
    }
    s.append(String.format(Locale.ROOT, "%nadjusted Rand index vs the reference labels: %.4f",
        adjustedRandIndex));
    if (clusters <= MAX_TABLE_CLUSTERS && classes.size() <= MAX_TABLE_CLASSES) {
      appendContingency(s, noise > 0);
    }
    return s.toString();
  }

  private void appendContingency(StringBuilder s, boolean withNoise) {
    int first = withNoise ? NOISE : 0;
    long[][] counts = new long[clusters - first][classes.size()];
    for (int i = 0; i < labels.length; i++) {
      counts[labels[i] - first][classOfRow[i]]++;
    }
    int[] width = new int[classes.size()];
    for (int j = 0; j < width.length; j++) {
      width[j] = classes.get(j).length();
      for (long[] row : counts) {
        width[j] = Math.max(width[j], Long.toString(row[j]).length());
      }
    }
    s.append(System.lineSeparator()).append("cluster |");
    for (int j = 0; j < width.length; j++) {
      s.append(' ').append(pad(classes.get(j), width[j]));
    }
    for (int c = 0; c < counts.length; c++) {
      s.append(System.lineSeparator()).append(pad(c + first == NOISE ? "noise" : Integer.toString(c + first), 7))
          .append(" |");
      for (int j = 0; j < width.length; j++) {
        s.append(' ').append(pad(Long.toString(counts[c][j]), width[j]));
      }
    }
  }

  private static String pad(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }
}
