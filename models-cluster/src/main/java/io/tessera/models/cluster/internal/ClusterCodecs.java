package io.tessera.models.cluster.internal;

import io.tessera.api.ModelFormatException;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.models.cluster.ClusteringModel;
import io.tessera.models.cluster.FeatureScaling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tensors every clustering model of the family stores, so each codec adds only its own:
 * <ul>
 *   <li>{@code features}: the feature names (strings);</li>
 *   <li>{@code labels}: I32 {@code [n]}, the cluster of each training row;</li>
 *   <li>{@code scaling_mean}, {@code scaling_scale}: F64 {@code [d]}, present only when rows are standardised;</li>
 *   <li>{@code classes} (strings) and {@code class_of_row}: I32 {@code [n]}, present only when the training
 *       table had reference labels.</li>
 * </ul>
 */
final class ClusterCodecs {

  /** The parts of a {@link ClusteringModel} read back from a file. */
  record Common(List<String> featureNames, FeatureScaling scaling, int[] labels, List<String> rowClasses) {
    int dimensions() {
      return featureNames.size();
    }
  }

  private ClusterCodecs() {
  }

  static void write(ClusteringModel model, TensorWriter out) {
    out.putStrings("features", model.featureNames());
    out.putInts("labels", model.labels(), model.rows());
    if (!model.scaling().isIdentity()) {
      out.putDoubles("scaling_mean", model.scaling().mean(), model.dimensions());
      out.putDoubles("scaling_scale", model.scaling().scale(), model.dimensions());
    }
    List<String> rowClasses = model.referenceLabels();
    if (!rowClasses.isEmpty()) {
      List<String> classes = rowClasses.stream().distinct().sorted().toList();
      Map<String, Integer> code = new HashMap<>();
      for (int c = 0; c < classes.size(); c++) {
        code.put(classes.get(c), c);
      }
      out.putStrings("classes", classes);
      out.putInts("class_of_row", rowClasses.stream().mapToInt(code::get).toArray(), rowClasses.size());
    }
  }

  /**
   * @throws ModelFormatException when a tensor is missing or has another dtype or shape, or values are out of
   *     range
   */
  static Common read(TensorFile in) {
    List<String> features = in.strings("features");
    int d = features.size();
    if (d == 0) {
      throw bad(in, "'features' lists no feature names");
    }
    int[] labels = in.ints("labels", rowsOf(in, "labels"));
    FeatureScaling scaling = FeatureScaling.none(d);
    if (in.has("scaling_mean") || in.has("scaling_scale")) {
      double[] mean = in.doubles("scaling_mean", d);
      double[] scale = in.doubles("scaling_scale", d);
      try {
        scaling = FeatureScaling.standard(mean, scale);
      } catch (IllegalArgumentException e) {
        throw bad(in, "invalid scaling: " + e.getMessage());
      }
    }
    List<String> rowClasses = List.of();
    if (in.has("classes") || in.has("class_of_row")) {
      List<String> classes = in.strings("classes");
      int[] codes = in.ints("class_of_row", labels.length);
      List<String> rows = new ArrayList<>(codes.length);
      for (int i = 0; i < codes.length; i++) {
        if (codes[i] < 0 || codes[i] >= classes.size()) {
          throw bad(in, "class_of_row[" + i + "] = " + codes[i] + " is outside [0, " + classes.size() + ")");
        }
        rows.add(classes.get(codes[i]));
      }
      rowClasses = rows;
    }
    return new Common(features, scaling, labels, rowClasses);
  }

  /** @return the shape of the rank-{@code rank} tensor {@code name}, with each extent within int range */
  static long[] shape(TensorFile in, String name, int rank) {
    long[] shape = in.info(name).shape();
    if (shape.length != rank || Arrays.stream(shape).anyMatch(e -> e > Integer.MAX_VALUE)) {
      throw bad(in, "tensor '" + name + "' has shape " + Arrays.toString(shape) + "; expected " + rank
          + " dimension(s) of at most " + Integer.MAX_VALUE);
    }
    return shape;
  }

  private static long rowsOf(TensorFile in, String name) {
    return shape(in, name, 1)[0];
  }

  static ModelFormatException bad(TensorFile in, String problem) {
    return new ModelFormatException(in.path() + ": " + problem);
  }

  /** Builds a model, turning a consistency failure of the parts into a {@link ModelFormatException}. */
  static <M> M build(TensorFile in, Supplier<M> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw bad(in, e.getMessage());
    }
  }
}
