package org.example.tessera.hello;

import io.tessera.api.BadInputException;
import io.tessera.io.DelimitedFile;
import io.tessera.io.NumericTable;
import io.tessera.io.NumericTables;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelCodec;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.Progress;
import io.tessera.spi.Range;
import io.tessera.spi.Trainer;
import io.tessera.spi.TrainingContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The algorithm {@code example/nearest-centroid}: scikit-learn's {@code NearestCentroid} (version 1.2) on a numeric
 * table whose rows carry class labels. Training computes one centroid per class (the mean, or the median for the
 * Manhattan metric), optionally shrunken towards the overall mean.
 */
final class NearestCentroid implements Algorithm<NumericTable, NearestCentroidConfig, NearestCentroidModel> {

  private static final List<ParamSpec<?>> PARAMS = List.of(
      ParamSpec.ofChoice("metric", "euclidean", List.of("euclidean", "manhattan"),
          "distance to the centroids: euclidean (class means) or manhattan (class medians)"),
      ParamSpec.ofDouble("shrink_threshold", 0.0, Range.atLeast(0),
          "shrink centroids towards the overall mean by this many standard errors (0: no shrinking)"));

  @Override
  public String id() {
    return "nearest-centroid";
  }

  @Override
  public String family() {
    return "example";
  }

  @Override
  public String description() {
    return "Nearest-centroid classifier: each row gets the class of the closest class centroid";
  }

  @Override
  public Class<NumericTable> inputType() {
    return NumericTable.class;
  }

  @Override
  public Class<NearestCentroidConfig> configType() {
    return NearestCentroidConfig.class;
  }

  @Override
  public Class<NearestCentroidModel> modelType() {
    return NearestCentroidModel.class;
  }

  @Override
  public List<ParamSpec<?>> params() {
    return PARAMS;
  }

  @Override
  public NearestCentroidConfig configure(ParamValues values) {
    NearestCentroidConfig.Metric metric =
        NearestCentroidConfig.Metric.valueOf(values.getString("metric").toUpperCase(Locale.ROOT));
    return new NearestCentroidConfig(metric, values.getDouble("shrink_threshold"));
  }

  @Override
  public Trainer<NumericTable, NearestCentroidConfig, NearestCentroidModel> trainer() {
    return NearestCentroid::fit;
  }

  @Override
  public ModelCodec<NearestCentroidModel> codec() {
    return new NearestCentroidCodec();
  }

  @Override
  public NumericTable readInput(Path file) {
    String last;
    try (DelimitedFile table = DelimitedFile.open(file)) {
      last = table.columns().getLast();
    }
    return NumericTables.readCsv(file, last);
  }

  @Override
  public String inputDescription() {
    return "CSV or TSV with a header row: numeric feature columns, then the class label in the last column";
  }

  /** Trains the model; stateless, so one instance serves every fit. */
  static NearestCentroidModel fit(NumericTable table, NearestCentroidConfig config, TrainingContext context) {
    if (table.labels().isEmpty()) {
      throw BadInputException.of("nearest-centroid needs a class label for every row");
    }
    for (float v : table.values()) {
      if (!Float.isFinite(v)) {
        throw BadInputException.of("nearest-centroid needs finite numbers; the table holds " + v);
      }
    }
    List<String> classes = table.labels().stream().distinct().sorted().toList();
    if (classes.size() < 2) {
      throw BadInputException.of("nearest-centroid needs at least two classes, found " + classes);
    }
    int n = table.rows();
    int d = table.cols();
    int k = classes.size();
    int[] y = table.labels().stream().mapToInt(label -> Collections.binarySearch(classes, label)).toArray();
    double[] centroids = new double[k * d];
    try (Progress progress = context.progress("fit", k, "classes")) {
      for (int c = 0; c < k; c++) {
        context.cancellation().throwIfCancelled("class " + classes.get(c));
        for (int f = 0; f < d; f++) {
          double[] column = featureOfClass(table, y, c, f);
          centroids[c * d + f] = config.metric() == NearestCentroidConfig.Metric.MANHATTAN
              ? median(column) : Arrays.stream(column).average().orElseThrow();
        }
        progress.advance(1);
      }
    }
    if (config.shrinkThreshold() > 0) {
      shrink(table, y, k, centroids, config.shrinkThreshold());
    }
    NearestCentroidModel draft =
        new NearestCentroidModel(context.card(), table.columns(), classes, centroids, config.metric(), 0);
    int correct = 0;
    for (int i = 0; i < n; i++) {
      correct += draft.nearest(table.values(), i * d) == y[i] ? 1 : 0;
    }
    return new NearestCentroidModel(context.card(), table.columns(), classes, centroids, config.metric(),
        (double) correct / n);
  }

  /**
   * Scikit-learn's nearest shrunken centroids (Tibshirani et al. 2002): measure each centroid's offset from the
   * overall mean in units of its standard error, subtract {@code threshold} from the size of that offset (stopping
   * at 0), and rebuild the centroid from what is left.
   */
  private static void shrink(NumericTable table, int[] y, int k, double[] centroids, double threshold) {
    int n = table.rows();
    int d = table.cols();
    if (n <= k) {
      throw BadInputException.parameter("shrink_threshold", "needs more rows (" + n + ") than classes (" + k + ")");
    }
    int[] sizes = new int[k];
    double[] overall = new double[d];
    double[] within = new double[d];
    for (int i = 0; i < n; i++) {
      sizes[y[i]]++;
      for (int f = 0; f < d; f++) {
        overall[f] += table.get(i, f);
        double diff = table.get(i, f) - centroids[y[i] * d + f];
        within[f] += diff * diff;
      }
    }
    double[] s = new double[d];
    for (int f = 0; f < d; f++) {
      overall[f] /= n;
      s[f] = Math.sqrt(within[f] / (n - k));
    }
    double medianS = median(s.clone());
    if (medianS == 0 && Arrays.stream(s).anyMatch(v -> v == 0)) {
      throw BadInputException.parameter("shrink_threshold", "features without spread within classes leave no "
          + "standard error to shrink by");
    }
    for (int c = 0; c < k; c++) {
      double m = Math.sqrt(1.0 / sizes[c] - 1.0 / n);
      for (int f = 0; f < d; f++) {
        double ms = m * (s[f] + medianS);
        double deviation = (centroids[c * d + f] - overall[f]) / ms;
        double shrunk = Math.signum(deviation) * Math.max(0, Math.abs(deviation) - threshold);
        centroids[c * d + f] = overall[f] + ms * shrunk;
      }
    }
  }

  private static double[] featureOfClass(NumericTable table, int[] y, int c, int f) {
    double[] out = new double[table.rows()];
    int count = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] == c) {
        out[count++] = table.get(i, f);
      }
    }
    return Arrays.copyOf(out, count);
  }

  /** @return the median (the mean of the two middle values for an even count), sorting {@code values} in place */
  private static double median(double[] values) {
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }
}
